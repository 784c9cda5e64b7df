import CohortCore
import Foundation

/// One line of a device's journal: who changed which cell, from what to what.
public struct JournalEntry: Codable, Hashable, Sendable {
  public var at: Int64
  public var by: String
  public var device: String
  /// The document's path inside the data folder.
  public var doc: String
  public var pupil: String?
  public var subject: String?
  public var halfTerm: HalfTerm?
  /// For a score: the test and term (old and new are then "104 (raw 23)" or "-"), and the
  /// new score in full, so that replaying the journal rebuilds it exactly.
  public var test: String?
  public var term: Term?
  public var raw: Int?
  public var standardised: Int?
  public var date: SchoolDate?
  public var ageMonths: Int?
  public var old: String?
  public var new: String?
  /// What happened, for entries that are not cell edits ("created trust", "sample").
  public var event: String?

  public init(
    at: Int64, by: String, device: String, doc: String, pupil: String? = nil, subject: String? = nil,
    halfTerm: HalfTerm? = nil, test: String? = nil, term: Term? = nil, old: String? = nil, new: String? = nil,
    event: String? = nil
  ) {
    self.at = at
    self.by = by
    self.device = device
    self.doc = doc
    self.pupil = pupil
    self.subject = subject
    self.halfTerm = halfTerm
    self.test = test
    self.term = term
    self.old = old
    self.new = new
    self.event = event
  }

  /// A score change, carrying the new score in full.
  public init(
    at: Int64, by: String, device: String, doc: String, pupil: String, test: String, term: Term, old: String?,
    new: String,
    score: ScoreCell
  ) {
    self.init(at: at, by: by, device: device, doc: doc, pupil: pupil, test: test, term: term, old: old, new: new)
    raw = score.raw
    standardised = score.standardised
    date = score.date
    ageMonths = score.ageMonths
  }

  /// One compact line (the journal is read by machines; sorted keys keep it diffable).
  func line() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}

extension DataFolder {
  /// Every journal's entries (the trust's and each school's present here), oldest first. A
  /// line cut short by a crash is skipped; a line found twice (a move between journals that a
  /// crash interrupted) counts once.
  public func journalEntries(school: String? = nil) throws -> [JournalEntry] {
    var folders = school == nil ? ["journal"] : []
    let schools = school.map { [$0] } ?? ((try? files.fs.list(absolute("schools"))) ?? []).filter(isSafeID)
    folders += schools.map { "schools/\($0)/journal" }
    var out: [JournalEntry] = []
    var seen = Set<JournalEntry>()
    for folder in folders {
      for e in try entries(in: folder)
      where seen.insert(e).inserted && (school == nil || e.doc.hasPrefix("schools/\(school!)/")) {
        out.append(e)
      }
    }
    return out.sorted { ($0.at, $0.device) < ($1.at, $1.device) }
  }

  func entries(in folder: String) throws -> [JournalEntry] {
    let names = (try? files.fs.list(absolute(folder))) ?? []
    let decoder = JSONDecoder()
    var out: [JournalEntry] = []
    for name in names.sorted() where name.hasSuffix(".jsonl") {
      let bytes = try Documents.readBytes(absolute(folder + "/" + name))
      for line in bytes.split(separator: 0x0A) where !line.isEmpty {
        if let e = try? decoder.decode(JournalEntry.self, from: Data(line)) { out.append(e) }
      }
    }
    return out
  }

  /// Folders from before journals were kept per school hold every school's history in
  /// `journal/`: on a save, each school's lines move to that school's journal (appended
  /// first, then the trust's journal rewritten without them, so a crash between the two leaves
  /// a line twice, never lost). Nothing is written when there is nothing to move: a teacher's
  /// laptop receives the trust's folder read-only and must not change it.
  func moveSchoolEntriesOutOfTrustJournal() throws {
    let names = ((try? files.fs.list(absolute("journal"))) ?? []).sorted().filter { $0.hasSuffix(".jsonl") }
    do throws(FileSystemError) {
      for name in names { try split(journal: name) }
    } catch {
      throw StoreError.io(error)
    }
  }

  /// Moves one trust journal's school lines to the schools' journals of the same device.
  private func split(journal name: String) throws(FileSystemError) {
    let path = absolute("journal/" + name)
    let bytes = try files.read(path)
    // The trust's own lines never name a school's document: most saves stop here.
    guard bytes.firstRange(of: Array(#""doc":"schools/"#.utf8)) != nil else { return }
    let decoder = JSONDecoder()
    var keep = Data()
    var moved: [String: Data] = [:]
    for line in bytes.split(separator: 0x0A) where !line.isEmpty {
      var bytes = Data(line)
      bytes.append(0x0A)
      let doc = (try? decoder.decode(JournalEntry.self, from: Data(line)))?.doc
      if let school = doc.flatMap(Self.school(of:)) {
        moved["schools/\(school)/journal/" + name, default: Data()].append(bytes)
      } else {
        keep.append(bytes)
      }
    }
    guard !moved.isEmpty else { return }
    for (to, data) in moved.sorted(by: { $0.key < $1.key }) { try files.append(data, to: absolute(to)) }
    try files.replace(path, with: keep)
  }
}
