import CohortCore
import CohortPluginKit
import CohortPlugins
import Testing

@testable import CohortUI

/// What the Analysis page shows, computed off the main thread, is what the analysis and the
/// flag rules give when asked directly.
@Suite struct AnalysisViewTests {
  let when = HalfTermRef(Fixtures.year, .autumn1)
  let subjects = [Subject(id: "reading", name: "Reading")]

  var records: [PupilRecord] {
    ["Y", "G", "P", "Y", "G", "G"].enumerated().map { i, code in
      PupilRecord(
        pupil: Pupil(id: "p\(i)", forename: "F", surname: "S\(5 - i)", dob: SchoolDate(iso: "2018-01-01")!),
        school: i < 3 ? "oak" : "elm", classID: i < 3 ? "oak-y3" : "elm-y3", yearGroup: YearGroup(3),
        codes: [when: ["reading": code]])
    }
  }

  func request(_ scope: AnalysisScope, key: RecordKey?, list: Bool, analysis: Analysis? = nil)
    -> AnalysisView.Request
  {
    let registry = BuiltInPlugins.registry()
    return AnalysisView.Request(
      analysis: analysis ?? Analysis(records: records, scheme: Fixtures.scheme), subjects: subjects,
      subject: subjects[0], scope: scope, scopeName: "x", group: .everyone, when: when, key: key, keyName: "school",
      names: [:], flags: FlagContext(scheme: Fixtures.scheme, subjects: subjects, tests: [], at: when, steps: 1),
      rules: registry.flagRules, listFlagged: list)
  }

  @Test func trustLevelCountsAndDrillsIntoSchools() {
    let view = AnalysisView.compute(request(.trust, key: .school, list: false))
    let a = Analysis(records: records, scheme: Fixtures.scheme)
    #expect(view.drillIDs == ["elm", "oak"])
    #expect(view.bands.notes == ["\(a.bands(.trust, subject: "reading", at: when).assessed) pupils"])
    #expect(view.pupils == 6)
    // The two Y pupils are below the year's expectations: falling behind.
    #expect(view.flaggedCount == 2 && view.flagged.isEmpty)
  }

  @Test func classLevelListsEachFlaggedPupilBySurname() {
    let view = AnalysisView.compute(request(.schoolClass("elm-y3"), key: nil, list: true))
    #expect(view.drill == nil && view.drillIDs.isEmpty)
    #expect(view.pupils == 3 && view.flaggedCount == 1)
    #expect(view.flagged.map(\.0.pupil.id) == ["p3"])
    #expect(view.flagged.first?.1.contains { $0.rule == "flag.falling-behind" } == true)
  }

  /// Drill steps over one `Analysis` count flagged pupils from what the first step worked
  /// out; the counts are those of running every rule on the pupils of each scope.
  @Test func rememberedFlagsCountTheSameAtEveryLevel() {
    let shared = Analysis(records: records, scheme: Fixtures.scheme)
    for (scope, key) in [
      (AnalysisScope.trust, RecordKey.school), (.school("oak"), .schoolClass), (.school("elm"), .schoolClass),
    ] {
      let counted = AnalysisView.compute(request(scope, key: key, list: false, analysis: shared)).flaggedCount
      let listed = AnalysisView.compute(request(scope, key: nil, list: true)).flaggedCount
      #expect(counted == listed)
    }
    #expect(
      AnalysisView.compute(request(.school("elm"), key: .schoolClass, list: false, analysis: shared)).flaggedCount == 1)
  }
}
