import CohortCore
import Foundation

/// Erases one pupil's personal data from a data folder: the roster's record, every class-year's
/// codes, scores and meeting notes about them, their statutory results, their journal lines,
/// and the same in sync tools' conflict copies and the copies set aside after a merge. What
/// stays is a tombstone of their Cohort id (no name, UPN or date of birth), so that an older
/// copy cannot bring them back, and a journal line that says a pupil was erased.
public struct PupilErasure: Sendable {
  public struct Outcome: Sendable {
    public var pupilID: String
    public var documents = 0
    public var journalLines = 0
    /// Files that still hold the pupil's name or UPN after the erasure (should be none).
    public var leftovers: [String] = []
  }

  public let folder: DataFolder
  public init(folder: DataFolder) { self.folder = folder }

  public func erase(_ key: String, reason: String) throws -> Outcome {
    let (schoolID, pupil) = try folder.findPupil(key)
    let names = [pupil.fullName, "\(pupil.surname), \(pupil.forename)", pupil.upn ?? ""].filter { !$0.isEmpty }
    try absorbCopies(schoolID)
    let now = DataFolder.now()
    var outcome = Outcome(pupilID: pupil.id)
    var writes: [(path: String, data: Data)] = []
    for path in folder.filesOf(school: schoolID) {
      let name = (path as NSString).lastPathComponent
      guard let bytes = try folder.bytes(at: path) else { continue }
      let scrubbed: Data?
      if path.contains("/journal/") {
        let (kept, dropped) = Self.journal(bytes, without: pupil.id, names: names)
        outcome.journalLines += dropped
        scrubbed = dropped > 0 ? kept : nil
      } else if name.hasSuffix(".json") {
        scrubbed = try scrub(bytes, at: path, pupil: pupil.id, names: names, at: now)
      } else {
        scrubbed = nil
      }
      guard let scrubbed else { continue }
      writes.append((path, scrubbed))
      if !path.contains("/journal/") { outcome.documents += 1 }
    }
    try folder.replaceTogether(writes)
    try folder.locked {
      let said = "erased a pupil's personal data (\(reason))"
      try folder.journal([folder.event(doc: DataFolder.rosterPath(schoolID), said)])
    }
    outcome.leftovers = folder.filesHolding(names)
    // What was derived from the pupil's documents goes too (the next load reads them again).
    DerivedCache(for: folder)?.removeAll()
    return outcome
  }

  /// Conflict copies are merged first, so that nothing in them is lost to the erasure and
  /// nothing about the pupil survives in them.
  func absorbCopies(_ school: String) throws {
    let s = try folder.loadSchool(school)
    for year in s.years {
      for id in Set(folder.conflictCopies(school: school, year: year).map(\.classID)) {
        _ = try folder.absorbConflictCopies(school: school, classID: id, year: year)
      }
    }
  }

  /// A document with the pupil taken out, or nil when it holds nothing about them. A copy that
  /// cannot be read has the pupil's names blanked byte for byte.
  func scrub(_ bytes: [UInt8], at path: String, pupil: String, names: [String], at now: Int64) throws -> Data? {
    let text = String(decoding: bytes, as: UTF8.self)
    guard text.contains("\"\(pupil)\"") || names.contains(where: { text.localizedCaseInsensitiveContains($0) })
    else { return nil }
    let name = (path as NSString).lastPathComponent
    do {
      if name.hasPrefix("pupils") {
        var r = try DocumentCoding.decode(Roster.self, from: bytes)
        r.erase(pupil, at: now)
        return try DocumentCoding.encode(r)
      }
      if name.hasPrefix("statutory") {
        var s = try DocumentCoding.decode(StatutoryResults.self, from: bytes)
        s.pupils[pupil] = nil
        return try DocumentCoding.encode(s)
      }
      if path.split(separator: "/").contains(where: { AcademicYear(String($0)) != nil }) {
        var doc = try DocumentCoding.decode(ClassYear.self, from: bytes)
        doc.erase(pupil, names: names, by: folder.author, at: now)
        return try DocumentCoding.encode(doc)
      }
    } catch is DocumentProblem {}
    // Unreadable, or a document that names the pupil only in passing: blank the names.
    let blanked = names.reduce(text) {
      $0.replacingOccurrences(of: $1, with: ClassYear.erasedName, options: .caseInsensitive)
    }
    return blanked == text ? nil : Data(blanked.utf8)
  }

  /// A journal without the pupil's lines (and any line naming them).
  static func journal(_ bytes: [UInt8], without pupil: String, names: [String]) -> (Data, Int) {
    var kept = Data()
    var dropped = 0
    let decoder = JSONDecoder()
    for line in bytes.split(separator: 0x0A) where !line.isEmpty {
      let entry = try? decoder.decode(JournalEntry.self, from: Data(line))
      let text = String(decoding: line, as: UTF8.self)
      if entry?.pupil == pupil || names.contains(where: { text.localizedCaseInsensitiveContains($0) }) {
        dropped += 1
        continue
      }
      kept.append(Data(line))
      kept.append(0x0A)
    }
    return (kept, dropped)
  }
}
