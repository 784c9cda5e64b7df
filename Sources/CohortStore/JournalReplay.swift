import CohortCore

/// Rebuilds class-year documents from journals alone: every change is applied as it was
/// recorded (value, author, device, time). Replaying every device's journal from empty gives
/// back the documents, which is what makes the journal an audit trail to trust.
public enum JournalReplay {
  /// - Parameter start: the documents to replay onto, by path (empty class lists are fine).
  public static func replay(_ entries: [JournalEntry], onto start: [String: ClassYear] = [:]) -> [String: ClassYear] {
    var docs = start
    for e in entries.sorted(by: { ($0.at, $0.device, $0.by) < ($1.at, $1.device, $1.by) }) where e.event == nil {
      guard let pupil = e.pupil, var doc = docs[e.doc] ?? emptyDocument(at: e.doc) else { continue }
      let author = Author(by: e.by, device: e.device)
      if let subject = e.subject, let half = e.halfTerm {
        let key = ClassYear.Key(subject: subject, halfTerm: half, pupil: pupil)
        let cell = Cell(code: e.new, author: author, at: e.at)
        if let current = doc.cells[key], !cell.wins(over: current) { continue }
        doc.cells[key] = cell
      } else if let test = e.test, let term = e.term {
        let key = ScoreKey(test: test, term: term, pupil: pupil)
        let cell = ScoreCell(
          raw: e.raw, standardised: e.standardised, date: e.date, ageMonths: e.ageMonths, author: author, at: e.at)
        if let current = doc.scores[key], !cell.wins(over: current) { continue }
        doc.scores[key] = cell
      } else {
        continue
      }
      if !doc.pupils.contains(pupil) { doc.pupils.append(pupil) }
      docs[e.doc] = doc
    }
    return docs
  }

  /// "schools/oak/2026-27/oak-y3.json" -> an empty class-year for it.
  static func emptyDocument(at path: String) -> ClassYear? {
    let parts = path.split(separator: "/").map(String.init)
    guard parts.count == 4, parts[0] == "schools", let year = AcademicYear(parts[2]), parts[3].hasSuffix(".json") else {
      return nil
    }
    return ClassYear(school: parts[1], classID: String(parts[3].dropLast(5)), year: year)
  }
}
