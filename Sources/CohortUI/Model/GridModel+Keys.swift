import CohortCore
import Foundation

/// What each key does in the grid: the keyboard-first entry a teacher uses for a whole class.
extension GridModel {
  public enum Move: Sendable {
    case up, down, left, right, next, previous, first, last
  }

  public enum KeyOutcome: Equatable, Sendable {
    case handled
    /// The key means nothing here: the hint says which keys do.
    case hint(String)
  }

  /// Enters the code typed by its key and moves to the next pupil (at the bottom of a column,
  /// to the top of the next one, so a whole class is one keystroke per cell).
  public func type(_ key: String) -> KeyOutcome {
    guard rowCount > 0, columnCount > 0 else { return .handled }
    if let closedReason { return .hint(closedReason) }
    guard let code = scheme.code(forKey: key) else { return .hint(keyHint(key)) }
    if atEnd { return .hint(Self.endHint) }
    apply([(cursor, code.id)])
    if !advance() { atEnd = true }
    return .handled
  }

  public static let endHint =
    "That was the last pupil of the last subject, so nothing changed. Move to a cell (arrows, Home) to change it."

  public func keyHint(_ key: String) -> String {
    let keys = scheme.codes.map { "\($0.key) \($0.label)" }.joined(separator: ", ")
    return "'\(key)' is not a code key. Type \(keys); Delete clears."
  }

  public func clearCursor() {
    guard rowCount > 0 else { return }
    apply([(cursor, nil)])
  }

  /// Down one pupil; after the last pupil, the first pupil of the next subject. False at the
  /// last cell of all, where the cursor stays.
  @discardableResult
  public func advance() -> Bool {
    if cursor.row + 1 < rowCount {
      cursor.row += 1
    } else if cursor.column + 1 < columnCount {
      cursor = GridPosition(row: 0, column: cursor.column + 1)
    } else {
      return false
    }
    return true
  }

  public func move(_ m: Move) {
    guard rowCount > 0, columnCount > 0 else { return }
    var p = cursor
    switch m {
    case .up: p.row = max(0, p.row - 1)
    case .down: p.row = min(rowCount - 1, p.row + 1)
    case .left: p.column = max(0, p.column - 1)
    case .right: p.column = min(columnCount - 1, p.column + 1)
    case .first: p.row = 0
    case .last: p.row = rowCount - 1
    case .next:
      if p.column + 1 < columnCount {
        p.column += 1
      } else if p.row + 1 < rowCount {
        p = GridPosition(row: p.row + 1, column: 0)
      }
    case .previous:
      if p.column > 0 {
        p.column -= 1
      } else if p.row > 0 {
        p = GridPosition(row: p.row - 1, column: columnCount - 1)
      }
    }
    cursor = p
  }

  /// Copies the cursor's code into the empty cells below it in its column.
  @discardableResult
  public func fillDown() -> Int {
    guard rowCount > 0, let code = rawCode(at: cursor) else { return 0 }
    let targets = ((cursor.row + 1)..<rowCount).map { GridPosition(row: $0, column: cursor.column) }
      .filter { rawCode(at: $0) == nil }
    return apply(targets.map { ($0, code) })
  }

  /// Copies last half-term's codes into empty cells, for one subject column or (nil) the
  /// whole class. Codes already entered this half-term are kept.
  @discardableResult
  public func copyLastHalfTerm(column: Int?) -> Int {
    let columns = column.map { [$0] } ?? Array(0..<columnCount)
    var edits: [(GridPosition, String?)] = []
    for c in columns {
      for r in 0..<rowCount {
        let p = GridPosition(row: r, column: c)
        if rawCode(at: p) == nil, let previous = previousCode(at: p) { edits.append((p, previous)) }
      }
    }
    return apply(edits)
  }

  /// Pastes text copied from a spreadsheet at the cursor: lines go down the pupils, tabs across
  /// the subjects. Codes are matched by id, key or label; an empty field leaves the cell as it
  /// is. Every field is checked first: one bad code rejects the paste, naming the row.
  @discardableResult
  public func paste(_ text: String) throws -> Int {
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    guard !lines.isEmpty else { return 0 }
    var edits: [(GridPosition, String?)] = []
    var problems: [String] = []
    for (i, line) in lines.enumerated() {
      let row = cursor.row + i
      guard row < rowCount else {
        problems.append("line \(i + 1): there are only \(rowCount - cursor.row) pupils from here down")
        break
      }
      for (j, raw) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
        let field = raw.trimmingCharacters(in: .whitespaces)
        if field.isEmpty { continue }
        let column = cursor.column + j
        guard column < columnCount else {
          problems.append("line \(i + 1): more columns than subjects")
          break
        }
        if let code = match(field) {
          edits.append((GridPosition(row: row, column: column), code.id))
        } else {
          problems.append("row \(row + 1) (\(pupils[row].fullName)): '\(field)' is not a code")
        }
      }
    }
    if !problems.isEmpty {
      let more = problems.count > 3 ? " and \(problems.count - 3) more" : ""
      throw InputError("Nothing pasted: " + problems.prefix(3).joined(separator: "; ") + more)
    }
    return apply(edits)
  }

  func match(_ field: String) -> Code? {
    if let c = scheme.code(id: field) { return c }
    if field.count == 1, let c = scheme.code(forKey: field) { return c }
    return scheme.codes.first { $0.label.lowercased() == field.lowercased() }
  }
}
