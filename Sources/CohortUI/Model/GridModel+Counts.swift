import CohortCore

/// How much of the grid is entered, per subject and for the class, and the short code labels
/// that fit a cell (the full label goes in the tooltip and accessible description).
extension GridModel {
  /// Cells of a subject's column holding a code this half-term.
  public func entered(column: Int) -> Int {
    (0..<rowCount).reduce(0) { $0 + (rawCode(at: GridPosition(row: $1, column: column)) == nil ? 0 : 1) }
  }

  /// "23 of 29": a column's count, shown under its heading.
  public func count(column: Int) -> String { "\(entered(column: column)) of \(rowCount)" }

  /// "Reading: 23 of 29 entered", for screen readers.
  public func countDescription(column: Int) -> String {
    "\(subjects[column].name): \(entered(column: column)) of \(rowCount) entered"
  }

  /// Every cell of the class holds a code (a class with no pupils or subjects is not complete).
  public var isComplete: Bool {
    rowCount > 0 && columnCount > 0 && (0..<columnCount).allSatisfy { entered(column: $0) == rowCount }
  }

  /// Cells still empty across the class.
  public var emptyCount: Int { rowCount * columnCount - (0..<columnCount).reduce(0) { $0 + entered(column: $1) } }

  /// Year groups of the pupils in the grid: more than one in a mixed-age class.
  public var yearGroups: [YearGroup] { Array(Set(pupils.map { $0.yearGroup(in: doc.year) })).sorted() }

  /// A label that fits `limit` characters without being cut: the label itself when it fits,
  /// else without its bracketed part, with "Significantly" shortened, "Other year" for a code
  /// outside the year group, or its first words.
  public static func shortLabel(_ code: Code, limit: Int) -> String {
    var text = code.label
    if text.count <= limit { return text }
    if let open = text.firstIndex(of: "(") { text = text[..<open].trimmingCharacters(in: .whitespaces) }
    if text.count <= limit { return text }
    text = text.replacingOccurrences(of: "Significantly", with: "Signif.")
    if text.count <= limit { return text }
    if code.kind == .outOfYear, limit >= 10 { return "Other year" }
    var words = text.split(separator: " ")
    while words.count > 1, words.joined(separator: " ").count > limit { words.removeLast() }
    let joined = words.joined(separator: " ")
    return joined.count <= limit ? joined : String(joined.prefix(limit - 1)) + "."
  }

  /// The widest short label of the scheme, for the cells' fixed width.
  public func labelWidth(limit: Int) -> Int {
    scheme.codes.map { Self.shortLabel($0, limit: limit).count }.max() ?? 8
  }
}
