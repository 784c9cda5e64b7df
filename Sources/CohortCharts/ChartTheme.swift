/// The colours a chart is drawn in around its data: light for paper and files, dark to sit in
/// a dark window (a white panel in a dark room dazzles).
public struct ChartTheme: Sendable, Equatable {
  public var background: String
  public var ink: String
  public var muted: String
  public var grid: String
  /// Every other row of a row chart.
  public var stripe: String
  /// Notes that warn (a bar drawn from partly entered codes).
  public var warning: String

  public static let light = ChartTheme(
    background: "#FFFFFF", ink: "#000000", muted: "#333333", grid: "#CCCCCC", stripe: "#F2F4F7", warning: "#A04000")
  public static let dark = ChartTheme(
    background: "#1E1E1E", ink: "#FFFFFF", muted: "#D6D6D6", grid: "#555555", stripe: "#2A2D33", warning: "#FFB060")
}

extension ChartSpec {
  /// A line across the bars at one value ("Trust average 64%").
  public struct Reference: Sendable, Codable, Equatable {
    public var label: String
    public var value: Double
    public init(label: String, value: Double) { (self.label, self.value) = (label, value) }
  }
}
