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
  /// Every device's journal, oldest first. A line cut short by a crash is skipped.
  public func journalEntries() throws -> [JournalEntry] {
    let names = (try? files.fs.list(absolute("journal"))) ?? []
    var out: [JournalEntry] = []
    let decoder = JSONDecoder()
    for name in names where name.hasSuffix(".jsonl") {
      let bytes = try Documents.readBytes(absolute("journal/" + name))
      for line in bytes.split(separator: 0x0A) where !line.isEmpty {
        if let e = try? decoder.decode(JournalEntry.self, from: Data(line)) { out.append(e) }
      }
    }
    return out.sorted { ($0.at, $0.device) < ($1.at, $1.device) }
  }
}
