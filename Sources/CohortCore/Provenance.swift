/// Who made a change and on which device: kept with every cell.
public struct Author: Hashable, Sendable, Codable, Comparable {
  public var by: String
  public var device: String
  public init(by: String, device: String) {
    self.by = by
    self.device = device
  }
  public static func < (a: Author, b: Author) -> Bool { (a.device, a.by) < (b.device, b.by) }
}

/// One judgement cell with its provenance. `code == nil` with a time is a deletion (a
/// tombstone), so that clearing a cell survives a merge with an older copy.
public struct Cell: Hashable, Sendable {
  public var code: String?
  public var author: Author
  /// Milliseconds since 1970 (UTC).
  public var at: Int64

  public init(code: String?, author: Author, at: Int64) {
    self.code = code
    self.author = author
    self.at = at
  }

  /// The total order that decides a merge: newest wins; equal times fall back to device,
  /// author and code so that every copy picks the same winner.
  public func wins(over other: Cell) -> Bool {
    if at != other.at { return at > other.at }
    if author != other.author { return other.author < author }
    return (code ?? "") > (other.code ?? "")
  }
}

/// A judgement as the outside world sees it (exports, journal, CLI).
public struct Judgement: Hashable, Sendable {
  public var pupil: String
  public var subject: String
  public var halfTerm: HalfTerm
  public var cell: Cell
  public init(pupil: String, subject: String, halfTerm: HalfTerm, cell: Cell) {
    self.pupil = pupil
    self.subject = subject
    self.halfTerm = halfTerm
    self.cell = cell
  }
}
