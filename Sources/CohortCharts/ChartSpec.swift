import CohortCore

/// A chart as data: built by pure code (tested without drawing), drawn by `ChartRenderer`.
public struct ChartSpec: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable {
    /// Bars of 100%, one segment per series (bands per subject or scope).
    case stackedBars
    /// Side-by-side bars per category, one per series (schools, classes, groups).
    case groupedBars
    /// A matrix of counts, darker for more (transitions).
    case heatmap
    /// One line per series across the categories (half-terms).
    case lines
    /// Points (judgement band across, test score up).
    case scatter
  }

  public struct Point: Sendable, Codable, Equatable {
    /// Category index (jittered when drawn) and value.
    public var category: Int
    public var value: Double
    public var colour: String
    /// Ringed when drawn: the judgement and the score disagree.
    public var marked: Bool?
  }

  public struct Series: Sendable, Codable, Equatable {
    public var name: String
    public var colour: String
    /// One value per category.
    public var values: [Double]
  }

  public var kind: Kind
  public var title: String
  public var subtitle: String
  public var xLabel: String
  public var yLabel: String
  public var categories: [String]
  public var series: [Series]
  /// "n=123" and the like, one per category, printed under every bar.
  public var notes: [String]
  /// For heat maps: row labels (categories are the columns) and counts[row][column].
  public var rows: [String] = []
  public var counts: [[Int]] = []
  /// The value axis runs yMin...yMax (percentages: 0...100).
  public var yMax: Double = 100
  public var yMin: Double = 0
  /// For scatter charts.
  public var points: [Point] = []
  /// Printed after each value on a bar: "%" for percentages, "" for counts.
  public var valueSuffix = "%"
  /// For heat maps whose cells say more than a count (gaps): each cell's text and colour,
  /// same shape as `counts`; a suppressed cell is grey with its n and no figure.
  public var cellLabels: [[String]] = []
  public var cellColours: [[String]] = []
  /// Set when there is nothing to draw: the chart says this instead of drawing zeros.
  public var emptyMessage: String?
  /// Full names of the categories when they are drawn short ("St Mary's" for "St Mary's C of E
  /// Primary School"), for the text shown on hover.
  public var fullCategories: [String] = []
  /// Per category: nil when its codes are mostly entered, else why its bar is drawn hatched
  /// ("212 of 380 entered"): a bar from incomplete data must look incomplete.
  public var partial: [String?] = []
  /// A line across the bars (the trust's average), and the first series' value at the
  /// half-term before, marked on each bar.
  public var reference: Reference?
  public var previous: [Double?] = []
  public var previousLabel = ""

  /// The name of a category in full.
  public func fullName(_ i: Int) -> String {
    fullCategories.indices.contains(i) ? fullCategories[i] : categories.indices.contains(i) ? categories[i] : ""
  }

  public func isPartial(_ i: Int) -> Bool { partial.indices.contains(i) && partial[i] != nil }

  /// Past this many schools, classes or groups, bars side by side no longer leave room for
  /// their names and values: the chart is drawn as one row per category instead, as tall as
  /// the rows need (a trust of 90 schools).
  public static let maxColumns = 12
  public var isRows: Bool { kind == .groupedBars && categories.count > Self.maxColumns }

  /// The chart cut into charts of at most `size` categories each ("part 2 of 3" in the
  /// subtitle), for pages that cannot hold all its rows.
  public func parts(of size: Int) -> [ChartSpec] {
    guard categories.count > size, size > 0 else { return [self] }
    let starts = Array(stride(from: 0, to: categories.count, by: size))
    return starts.enumerated().map { k, start in
      let range = start..<min(categories.count, start + size)
      var part = self
      part.subtitle = subtitle + " · part \(k + 1) of \(starts.count)"
      part.categories = Array(categories[range])
      part.series = series.map { Series(name: $0.name, colour: $0.colour, values: Array($0.values[range])) }
      part.notes = Array(notes[range.clamped(to: notes.indices)])
      part.fullCategories = Array(fullCategories[range.clamped(to: fullCategories.indices)])
      part.partial = Array(partial[range.clamped(to: partial.indices)])
      part.previous = Array(previous[range.clamped(to: previous.indices)])
      return part
    }
  }

  public init(
    kind: Kind, title: String, subtitle: String, xLabel: String, yLabel: String, categories: [String], series: [Series],
    notes: [String]
  ) {
    self.kind = kind
    self.title = title
    self.subtitle = subtitle
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.categories = categories
    self.series = series
    self.notes = notes
  }
}
