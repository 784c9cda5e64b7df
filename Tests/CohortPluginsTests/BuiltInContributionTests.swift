import CohortCore
import CohortPluginKit
import CohortStore
import Testing

@testable import CohortPlugins

@Suite struct BuiltInContributionTests {
  let registry = BuiltInPlugins.registry()

  @Test func everyChartKindIsTheRegistrysInHelpOrder() throws {
    #expect(
      registry.chartKinds.map(\.id) == [
        "bands", "by-school", "by-class", "by-year", "transitions", "progress", "over-time", "gaps", "scores",
        "scatter",
      ])
    #expect(try registry.chartKind("over-time").yearsBack == 1 && registry.chartKind("gaps").yearsBack == 0)
    #expect(registry.chartKinds.allSatisfy { !$0.summary.isEmpty })
  }

  @Test func theWindowsPagesInSwitcherOrderEachOnItsDigit() {
    #expect(
      registry.pages.map(\.id) == [
        "page.judgements", "page.scores", "page.side-by-side", "page.analysis", "page.meetings", "page.pupil",
      ])
    #expect(registry.pages.map(\.key) == [1, 2, 3, 4, 5, 6])
  }

  @Test func theCheckActionSaysWhatTheCheckFound() throws {
    let s = try SampleFolder(schools: 1)
    let trust = try s.folder.loadTrust()
    let action = try #require(registry.actions(in: .mainMenu).first { $0.id == "action.check-folder" })
    let request = ActionRequest(
      folder: s.folder, trust: trust, registry: registry, scope: .trust, when: HalfTermRef(s.year, .autumn1))
    let clean = try action.run(request)
    #expect(clean.hasSuffix("read: no problems, 0 warnings"), "\(clean)")
    try s.edit(DataFolder.schoolPath("oakfield")) { _ in "{" }
    #expect(try action.run(request).contains("1 problem found"))
  }

  @Test func thePupilDataReportIsForOnePupil() throws {
    let s = try SampleFolder(schools: 1)
    let trust = try s.folder.loadTrust()
    let report = try registry.report(PluginRegistry.pupilDataReport)
    func request(_ ids: [String]) throws -> ReportRequest {
      ReportRequest(
        folder: s.folder, trust: trust, registry: registry, scheme: try registry.codeScheme(for: trust),
        scope: .pupils(ids), when: HalfTermRef(s.year, .autumn1))
    }
    let pupil = try s.folder.loadRoster("oakfield").pupils[0]
    let document = try report.make(try request([pupil.id]))
    #expect(document.title == "Data held about \(pupil.fullName)")
    #expect(throws: InputError.self) { try report.make(try request([])) }
  }

  @Test func theWindowFindsTheImporterByWhatTheFileHoldsAndItsEnding() throws {
    #expect(try registry.importer(for: .pupils, file: "/home/a/Riverside.XML").id == "roster.ctf")
    #expect(try registry.importer(for: .pupils, file: "export.csv").id == "roster.csv")
    #expect(try registry.importer(for: .scores, file: "autumn.csv").id == "scores.csv")
    #expect(try registry.importer(for: .pupils, file: "a.xml").namesItsSchool)
    #expect(try !registry.importer(for: .pupils, file: "a.csv").namesItsSchool)
    do {
      _ = try registry.importer(for: .scores, file: "/tmp/Riverside.xml")
      Issue.record("a CTF is not a scores file")
    } catch let e as InputError {
      #expect(e.message == "Riverside.xml is not a file Cohort reads scores from: choose a .csv or .txt file")
    }
  }
}
