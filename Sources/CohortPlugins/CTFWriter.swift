import CohortCore
import CohortStore
import Foundation

/// A Common Transfer File of one school's pupils for the school they move to: their details,
/// SEN, statutory results, and their latest teacher assessment in each subject (Method "TA",
/// the trust's code as the result, the scheme named in ResultQualifier).
enum CTFWriter {
  static let version = "\(CTFReader.newestVersion).0"
  /// Cohort subject ids -> the CTF's subject codes.
  static let subjectCodes = ["reading": "RDG", "writing": "WRI", "maths": "MAT", "science": "SCI"]

  static func file(folder: DataFolder, school: School, scheme: CodeScheme, year: AcademicYear, now: Date = Date())
    throws
    -> String
  {
    let roster = try folder.loadRoster(school.id)
    let statutory = try folder.loadStatutory(school.id)
    let trust = try folder.loadTrust()
    var latest: [String: [(subject: String, half: HalfTerm, code: String)]] = [:]
    for c in school.classes(in: year) {
      let doc = try folder.loadClassYear(school: school.id, classID: c.id, year: year)
      for p in doc.pupils {
        for s in trust.subjects {
          guard let half = HalfTerm.allCases.last(where: { doc.code(pupil: p, subject: s.id, halfTerm: $0) != nil })
          else { continue }
          latest[p, default: []].append((s.id, half, doc.code(pupil: p, subject: s.id, halfTerm: half)!))
        }
      }
    }
    let stamp = ISO8601DateFormatter().string(from: now).prefix(19)
    var x = """
      <?xml version="1.0" encoding="UTF-8"?>
      <CTfile>
        <Header>
          <DocumentName>Common Transfer File</DocumentName>
          <CTFversion>\(version)</CTFversion>
          <DateTime>\(stamp)</DateTime>
          <DocumentQualifier>partial</DocumentQualifier>
          <SupplierID>Cohort</SupplierID>
          <SourceSchool><SchoolName>\(XLSXWriter.escape(school.name))</SchoolName>\(school.urn.map { "<URN>\(XLSXWriter.escape($0))</URN>" } ?? "")<AcademicYear>\(year.startYear)</AcademicYear></SourceSchool>
        </Header>
        <CTFpupilData>

      """
    for p in roster.pupils where p.leftOn == nil || latest[p.id] != nil {
      func el(_ name: String, _ v: String) -> String { "<\(name)>\(XLSXWriter.escape(v))</\(name)>" }
      x += "    <Pupil>"
      if let u = p.upn { x += el("UPN", u) }
      x +=
        el("Surname", p.surname) + el("Forename", p.forename) + el("DOB", p.dob.description) + el("Sex", p.sex.rawValue)
      x +=
        "<BasicDetails>"
        + el("NCyearActual", p.yearGroup(in: year).number == 0 ? "R" : "\(p.yearGroup(in: year).number)")
      if let e = p.ethnicity { x += el("Ethnicity", e) }
      x += "</BasicDetails>"
      if p.send != .none { x += "<SENhistory><SEN>" + el("SENprovision", p.send.rawValue) + "</SEN></SENhistory>" }
      let results = statutory?.pupils[p.id] ?? []
      let tas = latest[p.id] ?? []
      if !results.isEmpty || !tas.isEmpty {
        x += "<StageAssessments>"
        for stage in Set(results.map(\.stage)).sorted() {
          x += "<KeyStage>" + el("Stage", stage)
          for r in results where r.stage == stage {
            x += "<StageAssessment>" + (r.locale.map { el("Locale", $0) } ?? "") + el("Year", String(r.year))
            x += el("Subject", r.subject) + el("Method", r.method) + (r.component.map { el("Component", $0) } ?? "")
            x +=
              (r.resultStatus.map { el("ResultStatus", $0) } ?? "")
              + (r.resultQualifier.map { el("ResultQualifier", $0) } ?? "")
            x += el("Result", r.result) + "</StageAssessment>"
          }
          x += "</KeyStage>"
        }
        if !tas.isEmpty {
          x += "<KeyStage>" + el("Stage", p.yearGroup(in: year).number <= 2 ? "KS1" : "KS2")
          for t in tas {
            x +=
              "<StageAssessment>" + el("Year", String(year.startYear + (t.half.rawValue.hasPrefix("autumn") ? 0 : 1)))
            x += el("Subject", subjectCodes[t.subject] ?? t.subject.uppercased()) + el("Method", "TA")
            x +=
              el("Component", t.half.rawValue) + el("ResultQualifier", scheme.id) + el("Result", t.code)
              + "</StageAssessment>"
          }
          x += "</KeyStage>"
        }
        x += "</StageAssessments>"
      }
      x += "</Pupil>\n"
    }
    return x + "  </CTFpupilData>\n</CTfile>\n"
  }
}
