/// A report as data: a title and a flat list of blocks. Report plugins build it with pure code
/// (so its sections and numbers are tested without drawing); one renderer lays it out on A4
/// pages for the screen, a PDF and the printer.
public struct ReportDocument: Sendable, Equatable {
  public var title: String
  public var subtitle: String
  public var blocks: [ReportBlock]

  public init(title: String, subtitle: String, blocks: [ReportBlock] = []) {
    self.title = title
    self.subtitle = subtitle
    self.blocks = blocks
  }

  public var headings: [String] {
    blocks.compactMap { if case .heading(let h) = $0 { h } else { nil } }
  }

  /// The blocks under a heading, up to the next heading.
  public func section(_ heading: String) -> [ReportBlock] {
    guard let start = blocks.firstIndex(of: .heading(heading)) else { return [] }
    let rest = blocks[(start + 1)...]
    let end = rest.firstIndex { if case .heading = $0 { true } else { false } } ?? blocks.endIndex
    return Array(blocks[(start + 1)..<end])
  }

  /// The first table under a heading.
  public func table(under heading: String) -> ReportTable? {
    section(heading).lazy.compactMap { if case .table(let t) = $0 { t } else { nil } }.first
  }
}

public enum ReportBlock: Sendable, Equatable {
  case heading(String)
  case subheading(String)
  case text(String)
  case table(ReportTable)
  case chart(ChartSpec)
  case pageBreak
}

/// A table whose header row repeats on every page it runs over.
public struct ReportTable: Sendable, Equatable {
  public var columns: [String]
  public var rows: [[String]]
  /// Relative column widths (default: equal).
  public var widths: [Double]
  /// Optional background colour per cell (a code's colour), same shape as `rows`.
  public var colours: [[String?]]

  public init(columns: [String], rows: [[String]], widths: [Double]? = nil, colours: [[String?]] = []) {
    self.columns = columns
    self.rows = rows
    self.widths = widths ?? Array(repeating: 1, count: columns.count)
    self.colours = colours
  }

  public func colour(_ row: Int, _ column: Int) -> String? {
    colours.indices.contains(row) && colours[row].indices.contains(column) ? colours[row][column] : nil
  }
}
