import CohortCharts
import CohortCore
import CohortPluginKit
import CohortPlugins
import CohortServices
import Testing

@testable import CohortUI

/// What the Analysis page shows, computed off the main thread, is what the analysis and the
/// flag rules give when asked directly, and what a recount of the pupils gives.
@Suite struct AnalysisViewTests {
  let autumn1 = HalfTermRef(Fixtures.year, .autumn1)
  let autumn2 = HalfTermRef(Fixtures.year, .autumn2)
  let subjects = [Subject(id: "reading", name: "Reading")]
  let codes = ["Y", "G", "P", "Y", "G", "G"]

  /// Six Year 3 pupils, three at Oak and three at Elm, girls at even positions, the first four
  /// disadvantaged; all entered at Autumn 1, only Oak's first two at Autumn 2.
  var records: [PupilRecord] {
    codes.enumerated().map { i, code in
      var codes: PupilCodes = [autumn1: ["reading": code]]
      if i < 2 { codes["reading", at: autumn2] = "G" }
      return PupilRecord(
        pupil: Pupil(
          id: "p\(i)", forename: "F\(i)", surname: "S\(5 - i)", dob: SchoolDate(iso: "2018-01-01")!,
          sex: i % 2 == 0 ? .female : .male, fsm: i < 4, ever6FSM: i < 4),
        school: i < 3 ? "oak" : "elm", classID: i < 3 ? "oak-y3" : "elm-y3", yearGroup: YearGroup(3),
        codes: codes)
    }
  }

  var names: ScopeNames {
    ScopeNames(
      trust: Trust(
        id: "t", name: "Oak Trust",
        schools: [SchoolRef(id: "oak", name: "Oak Primary School"), SchoolRef(id: "elm", name: "Elm Primary School")]),
      classes: [
        ClassInfo(id: "oak-y3", school: "oak", name: "Acorns", yearGroups: [YearGroup(3)], teachers: ["Ms A"]),
        ClassInfo(id: "elm-y3", school: "elm", name: "Saplings", yearGroups: [YearGroup(3)], teachers: ["Mr B"]),
      ])
  }

  func request(
    _ scope: AnalysisScope, asked: HalfTermRef? = nil, showAsked: Bool = false, minimum: Int = 5,
    analysis: Analysis? = nil
  ) -> AnalysisView.Request {
    let at = asked ?? autumn1
    var r = AnalysisView.Request(
      analysis: analysis ?? Analysis(records: records, scheme: Fixtures.scheme), subjects: subjects,
      subject: subjects[0], scope: scope, names: names, group: .everyone, asked: at, threshold: 80, minimum: minimum,
      flags: FlagContext(scheme: Fixtures.scheme, subjects: subjects, tests: [], at: at, steps: 1),
      rules: BuiltInPlugins.registry().flagRules)
    r.showAsked = showAsked
    return r
  }

  @Test func trustLevelCountsDrillsIntoSchoolsAndNamesThem() {
    let view = AnalysisView.compute(request(.trust))
    let a = Analysis(records: records, scheme: Fixtures.scheme)
    #expect(view.drillIDs == ["elm", "oak"])
    #expect(view.drill?.categories == ["Elm", "Oak"])
    #expect(view.drill?.fullCategories == ["Elm Primary School", "Oak Primary School"])
    #expect(view.drill?.title.contains("Oak Trust") == true)
    #expect(view.bands.notes == ["\(a.bands(.trust, subject: "reading", at: autumn1).assessed) pupils"])
    // The reference is the trust's own share at or above.
    #expect(view.drill?.reference?.value == a.bands(.trust, subject: "reading", at: autumn1).atOrAbove)
    #expect(view.outOf == 6 && view.flagged == 2)
  }

  /// The table's rows are the flag rules' table in words: the two Y pupils, falling behind.
  @Test func thePupilsToLookAtTableHoldsTheFlaggedPupilsWithTheirReasons() {
    let view = AnalysisView.compute(request(.trust))
    let direct = PupilsToLookAt.build(
      Analysis(records: records, scheme: Fixtures.scheme), scope: .trust,
      context: FlagContext(scheme: Fixtures.scheme, subjects: subjects, tests: [], at: autumn1, steps: 1),
      rules: BuiltInPlugins.registry().flagRules, names: names)
    #expect(view.lookAt.words == "Pupils to look at: 2 of 6")
    #expect(view.lookAt.rows.map(\.pupil) == direct.rows.map(\.pupil))
    #expect(Set(view.lookAt.rows.map(\.pupil)) == ["p0", "p3"])
    #expect(view.lookAt.rows.map(\.reason) == direct.rows.map(\.reason))
    // Across schools the class says its school; names, not ids.
    #expect(view.lookAt.rows.map(\.place).sorted() == ["Acorns, Oak", "Saplings, Elm"])
    #expect(view.lookAt.rows.allSatisfy { $0.subject == "Reading" && $0.score == "none" && $0.since == "Autumn 1" })
    let elm = AnalysisView.compute(request(.schoolClass("elm-y3")))
    #expect(elm.lookAt.rows.map(\.pupil) == ["p3"] && elm.lookAt.words == "Pupils to look at: 1 of 3")
    #expect(elm.drill == nil && elm.drillIDs.isEmpty)
  }

  /// Asked about Autumn 2 (2 of 6 entered) the page opens on Autumn 1 and says so; shown
  /// Autumn 2 anyway, its bars are marked partly entered with the counts.
  @Test func itOpensOnTheLatestMostlyEnteredHalfTermAndHatchesPartlyEnteredBars() {
    let opened = AnalysisView.compute(request(.trust, asked: autumn2))
    #expect(opened.when == autumn1 && opened.opening.mostlyEntered)
    #expect(opened.completeness.subjects.map(\.words) == ["Reading: 6 of 6 entered"])
    #expect(opened.bands.partial == [nil] && opened.drill?.partial == [nil, nil])
    let asked = AnalysisView.compute(request(.trust, asked: autumn2, showAsked: true))
    #expect(asked.when == autumn2)
    #expect(asked.completeness.subjects.map(\.words) == ["Reading: 2 of 6 entered"])
    #expect(
      asked.completeness.subjects[0].behind.map(\.words) == [
        "Saplings (Mr B): 0 of 3 entered", "Acorns (Ms A): 2 of 3 entered",
      ])
    #expect(asked.bands.partial == ["2 of 6 entered"])
    #expect(asked.drill?.partial == ["0 of 3 entered", "2 of 3 entered"])
    #expect(asked.drill?.notes.last?.hasSuffix("2 of 3 entered") == true)
    // Last half-term's values marked on the bars: Oak's 2 of 3 at or above at Autumn 1.
    #expect(asked.drill?.previous.last??.rounded() == 67)
  }

  /// The heat map's numbers are a recount of the pupils; under the minimum a cell is grey
  /// and shows no figure.
  @Test func theGapsAreARecountAndSmallGroupsAreSuppressed() {
    let view = AnalysisView.compute(request(.trust, minimum: 1))
    let girls = GapTable.standardGroups.firstIndex(of: .female)!
    let trust = view.tabs!.gaps.rows[0].cells[girls]
    // Girls p0 (Y), p2 (P), p4 (G): 2 of 3 at or above; boys p1 (G), p3 (Y), p5 (G): 2 of 3.
    #expect(trust.groupN == 3 && trust.restN == 3 && trust.points == 0)
    let disadvantaged = view.tabs!.gaps.rows[0].cells[GapTable.standardGroups.firstIndex(of: .disadvantaged)!]
    // p0-p3 (Y, G, P, Y): 2 of 4; the rest p4, p5 (G, G): 2 of 2: 50 points behind.
    #expect(disadvantaged.points == -50)
    #expect(view.tabs!.gapsChart.cellLabels[0][0] == "-50 points\n4 against 2 pupils")
    #expect(view.tabs!.gapsChart.rows == ["Oak Trust", "Elm", "Oak"])
    let small = AnalysisView.compute(request(.trust, minimum: 5))
    #expect(small.tabs!.gaps.rows.allSatisfy { $0.cells.allSatisfy(\.suppressed) })
    #expect(small.tabs!.gapsChart.cellLabels[0][girls] == "too few to show\n3 against 3 pupils")
    #expect(small.tabs!.gapsChart.cellColours[0][girls] == "#D9D9D9")
  }

  @Test func movementAndOverTimeComeFromTheSameRecords() {
    let view = AnalysisView.compute(request(.school("oak"), asked: autumn2, showAsked: true))
    #expect(view.tabs!.movementFrom == autumn1)
    // Oak: p0 Y -> G, p1 G -> G, p2 P -> no code.
    #expect(view.tabs!.matrix.count("below", "at") == 1 && view.tabs!.matrix.count("at", "at") == 1)
    #expect(view.tabs!.matrix.count("above", "none") == 1 && view.tabs!.matrix.total == 3)
    #expect(view.tabs!.times == [autumn1, autumn2])
    #expect(view.tabs!.overTime.count == 2 && view.tabs!.overTime.allSatisfy { $0.emptyMessage == nil })
    #expect(view.charts.count == 3 + view.tabs!.overTime.count + 1 + view.tabs!.tests.count)
  }
}
