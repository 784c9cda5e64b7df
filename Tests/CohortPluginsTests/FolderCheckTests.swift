import CohortCore
import CohortPluginKit
import CohortSample
import CohortServices
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

/// A small sample trust written to a private scratch folder.
final class SampleFolder {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-check-\(UUID().uuidString)").path
  let folder: DataFolder
  let registry = BuiltInPlugins.registry()
  let year = AcademicYear(startYear: 2026)

  init(schools: Int = 2, meetings: Bool = true) throws {
    folder = DataFolder(root: path, author: Author(by: "Test", device: "test"))
    var o = SampleOptions(endYear: year, through: .autumn1)
    o.schools = schools
    o.pupilsPerSchool = 70
    o.meetings = meetings
    let trust = SampleTrust.trust(o)
    let scheme = try registry.codeScheme(for: trust)
    try folder.saveTrust(trust)
    for i in 0..<schools {
      let s = SampleTrust.school(i, options: o, scheme: scheme, subjects: trust.subjects)
      try folder.saveSchool(s.school)
      try folder.saveRoster(s.roster)
      for d in s.classYears { try folder.save(d) }
    }
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }

  func edit(_ relative: String, _ change: (String) -> String) throws {
    let url = URL(fileURLWithPath: path + "/" + relative)
    let text = try String(contentsOf: url, encoding: .utf8)
    try Data(change(text).utf8).write(to: url)
  }

  func check() -> FolderCheck.Report { FolderCheck.run(folder: folder, registry: registry) }
}

@Suite struct FolderCheckTests {
  @Test func aFreshSampleIsClean() throws {
    let s = try SampleFolder()
    let r = s.check()
    #expect(r.ok, "\(r.findings)")
    #expect(r.findings.isEmpty)
    #expect(r.pupils > 100 && r.judgements > 1000)
  }

  @Test func findsEachKindOfProblemAndNamesTheFile() throws {
    let s = try SampleFolder()
    let roster = DataFolder.rosterPath("oakfield")
    let rosterText = try String(contentsOfFile: s.path + "/" + roster, encoding: .utf8)
    let firstUPN = try #require(rosterText.firstMatch(of: /"upn" : "([A-Z0-9]{13})"/)?.1)
    // An invalid UPN, a class naming a missing pupil, an unknown code and an unknown subject.
    try s.edit(roster) { $0.replacingOccurrences(of: String(firstUPN), with: "A123") }
    let classPath = DataFolder.classPath(school: "oakfield", year: s.year, classID: "oakfield-y3")
    try s.edit(classPath) { text in
      text.replacingOccurrences(of: "\"pupils\" : [\"oakfield-", with: "\"pupils\" : [\"ghost-")
        .replacingOccurrences(of: "\"G\"", with: "\"Q\"")
        .replacingOccurrences(of: "\"maths\" :", with: "\"math\" :")
    }
    let r = s.check()
    #expect(!r.ok)
    let text = r.errors.map(\.description).joined(separator: "\n")
    #expect(text.contains("pupils.json") && text.contains("UPN 'A123'"))
    #expect(text.contains("oakfield-y3.json") && text.contains("ghost-") && text.contains("not on the school's roster"))
    #expect(text.contains("code 'Q' is not in scheme ygp"))
    #expect(text.contains("subject 'math'"))
  }

  @Test func anUnreadableDocumentIsAnErrorAndTheRestIsStillChecked() throws {
    let s = try SampleFolder()
    let bad = DataFolder.classPath(school: "oakfield", year: s.year, classID: "oakfield-y1")
    try s.edit(bad) { $0 + "," }
    try s.edit(DataFolder.rosterPath("riverside")) {
      $0.replacingOccurrences(of: "\"send\" : \"N\"", with: "\"send\" : \"X\"")
    }
    let r = s.check()
    let text = r.errors.map(\.description).joined(separator: "\n")
    #expect(text.contains("oakfield-y1.json") && text.contains("after the end"))
    #expect(text.contains("riverside/pupils.json") && text.contains("send"))
    #expect(r.judgements > 500)
  }

  /// Trust-wide reads skip the meetings; the check still decodes them, as opening the class would.
  @Test func aBrokenMeetingIsAnError() throws {
    let s = try SampleFolder()
    let path = DataFolder.classPath(school: "oakfield", year: s.year.previous, classID: "oakfield-y3")
    try s.edit(path) {
      $0.replacingOccurrences(of: "\"spring1\" : {\n      \"actions\"", with: "\"spring9\" : {\n      \"actions\"")
    }
    let text = s.check().errors.map(\.description).joined(separator: "\n")
    #expect(text.contains("oakfield-y3.json") && text.contains("meetings: unknown half-term 'spring9'"), "\(text)")
  }

  /// Meetings are stepped over by their brackets, not validated, by every read but the ones
  /// that decode them: a meeting that is not JSON is the check's error, and the class's codes
  /// still count in the trust's analysis.
  @Test func aMeetingThatIsNotJSONIsAnErrorAndTheCodesStillCount() throws {
    let s = try SampleFolder()
    let year = s.year.previous
    let path = DataFolder.classPath(school: "oakfield", year: year, classID: "oakfield-y3")
    try s.edit(path) { $0.replacingOccurrences(of: "\"actions\" :", with: "actions :") }
    let text = s.check().errors.map(\.description).joined(separator: "\n")
    #expect(text.contains("oakfield-y3.json") && text.contains("meetings"), "\(text)")
    let trust = try s.folder.loadTrust()
    let records = try AnalysisLoader.load(s.folder, trust: trust, year: year, history: 0)
    let coded = records.filter { $0.classID == "oakfield-y3" && !$0.codes.isEmpty }
    #expect(!coded.isEmpty)
  }

  @Test func strayAndTempFilesAreWarnings() throws {
    let s = try SampleFolder()
    FileManager.default.createFile(
      atPath: s.path + "/schools/oakfield/2026-27/.oakfield-y2.json.tmp-1-1", contents: Data())
    FileManager.default.createFile(
      atPath: s.path + "/schools/oakfield/2026-27/old-class.json", contents: Data("{}".utf8))
    let r = s.check()
    #expect(r.ok)
    #expect(r.warnings.count == 2)
  }
}

@Suite struct CSVExportTests {
  @Test func judgementsExportHasTheContractColumnsAndOneRowPerJudgement() throws {
    let s = try SampleFolder()
    let scheme = try s.registry.codeScheme(for: try s.folder.loadTrust())
    let csv = try CSVExport.judgements(s.folder, scheme: scheme)
    let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
    #expect(
      lines[0]
        == "school,class,pupil_id,upn,surname,forename,year_group,academic_year,half_term,subject,code,band,entered_by,entered_at"
    )
    #expect(lines.count - 1 == s.check().judgements)
    let row = lines[1].split(separator: ",", omittingEmptySubsequences: false)
    #expect(row.count == 14)
    #expect(row[7] == "2025-26" && row[8] == "autumn1")
    #expect(["below", "at", "above", ""].contains(String(row[11])))
    #expect(row[13].hasSuffix("Z") && row[13].count == 20)
  }

  @Test func pupilsExportListsEveryPupilWithTheirClass() throws {
    let s = try SampleFolder()
    let csv = try CSVExport.pupils(s.folder, year: nil)
    let lines = csv.split(separator: "\r\n")
    // Columns are only ever added at the end.
    #expect(
      lines[0]
        == "pupil_id,upn,surname,forename,dob,sex,school,class,year_group,pupil_premium,fsm,sen,eal,year_group_source,age_year_group"
    )
    #expect(lines.count - 1 == s.check().pupils)
    #expect(lines.dropFirst().contains { $0.contains(",oakfield-y3,3,") })
  }

  @Test func isoTimes() {
    #expect(SchoolDate.isoTime(0) == "1970-01-01T00:00:00Z")
    #expect(SchoolDate.isoTime(1_792_256_018_617) == "2026-10-17T16:53:38Z")
  }
}
