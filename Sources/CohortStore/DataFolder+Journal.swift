import CohortCore
import Foundation

/// Where each change is journalled and what the journal says of a save: a school's changes
/// in the school's own folder, the trust's in `journal/`.
extension DataFolder {
  /// This device's journal for a document: a school's documents are journalled in the
  /// school's own folder (so a device that holds one school holds only its history), the
  /// trust's in `journal/`.
  public func journalPath(for doc: String = DataFolder.trustPath) -> String {
    let file = (slug(author.device).isEmpty ? "device" : slug(author.device)) + ".jsonl"
    guard let school = Self.school(of: doc) else { return "journal/" + file }
    return "schools/\(school)/journal/" + file
  }

  /// The school a document belongs to ("schools/oak/pupils.json" -> "oak").
  static func school(of doc: String) -> String? {
    let parts = doc.split(separator: "/", maxSplits: 2)
    guard parts.count == 3, parts[0] == "schools", isSafeID(String(parts[1])) else { return nil }
    return String(parts[1])
  }

  /// Our edits that another device's newer edit of the same cell beat (newest wins): each is
  /// recorded, so that nobody's code vanishes without a trace.
  func conflicts(_ mine: ClassYear, lostTo disk: ClassYear?, path relative: String) -> [JournalEntry] {
    guard let disk else { return [] }
    return mine.cells.compactMap { key, cell -> JournalEntry? in
      guard cell.author == author, let theirs = disk.cells[key], theirs != cell, theirs.author.device != author.device,
        theirs.wins(over: cell)
      else { return nil }
      return JournalEntry(
        at: Self.now(), by: author.by, device: author.device, doc: relative, pupil: key.pupil, subject: key.subject,
        halfTerm: key.halfTerm, old: cell.code, new: theirs.code,
        event: "conflict: the newer edit by \(theirs.author.by) on \(theirs.author.device) was kept")
    }.sorted { ($0.pupil ?? "", $0.subject ?? "") < ($1.pupil ?? "", $1.subject ?? "") }
  }

  /// The journal entries for every cell of `doc` that differs from `disk`.
  public func journalEntries(_ doc: ClassYear, since disk: ClassYear?, path relative: String) -> [JournalEntry] {
    doc.changes(since: disk).map { change in
      JournalEntry(
        at: change.new.at, by: change.new.author.by, device: change.new.author.device, doc: relative,
        pupil: change.key.pupil, subject: change.key.subject, halfTerm: change.key.halfTerm,
        old: change.old?.code, new: change.new.code)
    }
      + doc.scoreChanges(since: disk).map { change in
        JournalEntry(
          at: change.new.at, by: change.new.author.by, device: change.new.author.device, doc: relative,
          pupil: change.key.pupil, test: change.key.test, term: change.key.term, old: change.old?.summary,
          new: change.new.summary, score: change.new)
      }
      + doc.meetingChanges(since: disk).map {
        JournalEntry(at: $0.at, by: $0.author.by, device: $0.author.device, doc: relative, event: $0.text)
      }
  }

  /// Appends entries to the journals they belong in (callers hold the folder's lock).
  public func journal(_ entries: [JournalEntry]) throws {
    guard !entries.isEmpty else { return }
    try moveSchoolEntriesOutOfTrustJournal()
    var byPath: [String: Data] = [:]
    var order: [String] = []
    for e in entries {
      let path = journalPath(for: e.doc)
      if byPath[path] == nil { order.append(path) }
      byPath[path, default: Data()].append(try e.line())
    }
    for path in order {
      do { try files.append(byPath[path]!, to: absolute(path)) } catch { throw StoreError.io(error) }
    }
  }

  func entry(doc: String, event: String) -> JournalEntry {
    JournalEntry(at: Self.now(), by: author.by, device: author.device, doc: doc, event: event)
  }
}
