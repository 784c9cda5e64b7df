import CohortCore
import Foundation

/// Everything a data folder holds about one pupil, for a subject access request: their
/// details and characteristics, every code and score with who entered it and when, what
/// meetings noted about them and the actions naming them, statutory results, and the history
/// of changes. Built from the documents, never from memory.
public struct PupilDataExport: Encodable, Sendable {
  public struct Entry: Encodable, Sendable {
    public var academicYear: String
    public var className: String
    public var item: String
    public var value: String
    public var by: String
    public var at: String
  }

  public var made: String
  public var trust: String
  public var school: String
  public var pupil: Pupil
  public var judgements: [Entry] = []
  public var scores: [Entry] = []
  public var meetings: [Entry] = []
  public var statutory: [StatutoryResult] = []
  public var history: [JournalEntry] = []

  public static func gather(_ folder: DataFolder, pupil key: String) throws -> PupilDataExport {
    let trust = try folder.loadTrust()
    let (schoolID, pupil) = try folder.findPupil(key)
    let school = try folder.loadSchool(schoolID)
    var out = PupilDataExport(
      made: Self.time(DataFolder.now()), trust: trust.name, school: school.name, pupil: pupil,
      statutory: try folder.loadStatutory(schoolID)?.pupils[pupil.id] ?? [],
      history: try folder.journalEntries(school: schoolID).filter { $0.pupil == pupil.id })
    let subjects = Dictionary(trust.subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    for year in school.years {
      for c in school.classes(in: year) {
        let doc = try folder.loadClassYear(school: schoolID, classID: c.id, year: year)
        out.add(doc, pupil: pupil.id, className: c.name, subjects: subjects)
      }
    }
    return out
  }

  mutating func add(_ doc: ClassYear, pupil: String, className: String, subjects: [String: String]) {
    let y = doc.year.description
    func entry(_ item: String, _ value: String, _ a: Author, _ at: Int64) -> Entry {
      Entry(academicYear: y, className: className, item: item, value: value, by: a.by, at: Self.time(at))
    }
    for (k, c) in doc.cells where k.pupil == pupil {
      let what = "\(subjects[k.subject] ?? k.subject), \(k.halfTerm.label)"
      judgements.append(entry(what, c.code ?? "(cleared)", c.author, c.at))
    }
    for (k, s) in doc.scores where k.pupil == pupil {
      scores.append(entry("\(k.test), \(k.term.label)", s.summary, s.author, s.at))
    }
    for (half, m) in doc.meetings {
      if let e = m.evidence[pupil] {
        meetings.append(entry("Evidence discussed, \(half.label)", e.value, e.author, e.at))
      }
      for a in m.orderedActions where a.value.pupils.contains(pupil) {
        meetings.append(entry("\(a.value.kind.label), \(half.label)", a.value.description, a.author, a.at))
      }
    }
    judgements.sort { ($0.academicYear, $0.at) < ($1.academicYear, $1.at) }
    scores.sort { ($0.academicYear, $0.at) < ($1.academicYear, $1.at) }
    meetings.sort { ($0.academicYear, $0.at) < ($1.academicYear, $1.at) }
  }

  /// "2026-11-30 16:35 UTC".
  static func time(_ ms: Int64) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_GB_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
  }
}
