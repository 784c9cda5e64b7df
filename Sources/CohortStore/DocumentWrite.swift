import CohortCore
import Foundation

/// A whole document (a roster, a school, statutory results) to save together with class-years
/// in one all-or-nothing `DataFolder.saveAll`. It carries the copy the change was worked out
/// from: if the disk copy has changed since (another device, another import), the save is
/// refused rather than one of the two being lost, and the person previews again.
public struct DocumentWrite: Sendable {
  public let path: String
  let school: String
  let data: Data
  let entries: [JournalEntry]
  let check: @Sendable (DataFolder) throws -> Void

  public init<T: VersionedDocument & Equatable & Sendable>(
    _ value: T, at path: String, school: String, base: T?, journal entries: [JournalEntry]
  ) throws {
    self.path = path
    self.school = school
    self.data = try DocumentCoding.encode(value)
    self.entries = entries
    check = { folder in
      let disk = try folder.guardReplaceable(T.self, at: path)
      guard disk == base else {
        throw StoreError.invalid("\(path) changed since the import was previewed: nothing was saved; preview it again")
      }
    }
  }

  public static func roster(_ r: Roster, base: Roster?, journal: [JournalEntry]) throws -> DocumentWrite {
    try DocumentWrite(r, at: DataFolder.rosterPath(r.school), school: r.school, base: base, journal: journal)
  }

  public static func school(_ s: School, base: School?, journal: [JournalEntry]) throws -> DocumentWrite {
    try DocumentWrite(s, at: DataFolder.schoolPath(s.id), school: s.id, base: base, journal: journal)
  }

  public static func statutory(_ s: StatutoryResults, base: StatutoryResults?, journal: [JournalEntry]) throws
    -> DocumentWrite
  {
    try DocumentWrite(s, at: DataFolder.statutoryPath(s.school), school: s.school, base: base, journal: journal)
  }
}

extension DataFolder {
  public static func statutoryPath(_ school: String) -> String { "schools/\(school)/statutory.json" }

  /// The school's statutory results, or nil when none were imported yet.
  public func loadStatutory(_ school: String) throws -> StatutoryResults? {
    try checkID(school, "school")
    // Through the byte reader (as rosters are), else the strict path, which explains a bad one.
    let relative = Self.statutoryPath(school)
    guard let bytes = try bytes(at: relative) else { return nil }
    if let fast = StatutoryScanner.read(bytes) { return fast }
    return try decode(StatutoryResults.self, from: bytes, at: relative)
  }

  /// The same entry shape every roster change uses: the document, the pupil, what happened.
  public func event(doc: String, pupil: String? = nil, _ what: String) -> JournalEntry {
    JournalEntry(at: Self.now(), by: author.by, device: author.device, doc: doc, pupil: pupil, event: what)
  }

  /// A rollover closes the old year: its class documents stay exactly as they were.
  func guardWritableYear(_ doc: ClassYear) throws {
    // Through the byte reader (JSONDecoder on school.json was half of a save's time).
    guard let school = (try? readSchool(at: Self.schoolPath(doc.school))) ?? nil, school.isReadOnly(doc.year)
    else { return }
    throw StoreError.invalid(
      "\(doc.year) is closed at \(doc.school) (the school has moved on to the next year): it is read-only")
  }
}
