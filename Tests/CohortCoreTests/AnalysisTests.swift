import CohortTestSupport
import Testing

@testable import CohortCore

@Suite struct AnalysisTests {
  let scheme = Schemes.ygp
  let year = AcademicYear(startYear: 2026)
  var a1: HalfTermRef { HalfTermRef(year, .autumn1) }
  var a2: HalfTermRef { HalfTermRef(year, .autumn2) }

  func record(
    _ id: String, eal: Bool = false, sex: Sex = .female, school: String = "oak", classID: String = "oak-y3",
    a1: String?, a2: String?
  )
    -> PupilRecord
  {
    var r = PupilRecord(
      pupil: Pupil(id: id, forename: id, surname: "S", dob: SchoolDate(iso: "2018-05-01")!, sex: sex, eal: eal),
      school: school,
      classID: classID, yearGroup: YearGroup(3))
    if let a1 { r.codes["reading", at: self.a1] = a1 }
    if let a2 { r.codes["reading", at: self.a2] = a2 }
    return r
  }

  /// Six pupils, counted by hand.
  var analysis: Analysis {
    Analysis(
      records: [
        record("a", eal: true, a1: "Y", a2: "Y"), record("b", eal: true, a1: "G", a2: "Y"),
        record("c", a1: "G", a2: "G"),
        record("d", sex: .male, a1: "P", a2: "G"),
        record("e", sex: .male, school: "elm", classID: "elm-y3", a1: "N", a2: nil),
        record("f", school: "elm", classID: "elm-y3", a1: nil, a2: "P"),
      ], scheme: scheme)
  }

  @Test func bandCountsWithN() {
    let s = analysis.bands(.trust, subject: "reading", at: a2)
    #expect(s.n == 6 && s.assessed == 5 && s.empty == 1 && s.notAssessed == 0)
    #expect(s.bands == ["below": 2, "at": 2, "above": 1])
    #expect(s.codes == ["Y": 2, "G": 2, "P": 1])
    #expect(abs(s.atOrAbove - 60) < 1e-9)
    let autumn1 = analysis.bands(.school("elm"), subject: "reading", at: a1)
    #expect(autumn1.n == 2 && autumn1.assessed == 0 && autumn1.notAssessed == 1 && autumn1.empty == 1)
  }

  @Test func gapsCarryBothSizes() throws {
    let g = try #require(analysis.gap(.trust, group: PupilGroup.parse("eal"), subject: "reading", at: a2))
    #expect(g.groupSummary.assessed == 2 && g.restSummary.assessed == 3)
    #expect(g.groupSummary.atOrAbove == 0 && abs(g.restSummary.atOrAbove - 100) < 1e-9)
    #expect(abs(g.points + 100) < 1e-9)
    #expect(analysis.gap(.trust, group: try PupilGroup.parse("eal+female"), subject: "reading", at: a2) == nil)
  }

  @Test func groupsCombineAndExclude() throws {
    #expect(
      analysis.pupils(in: .trust, group: try PupilGroup.parse("female+!eal"), subject: "reading", year: year).map(
        \.pupil.id) == ["c", "f"])
    #expect(
      analysis.pupils(in: .trust, group: try PupilGroup.parse("summer-born"), subject: "reading", year: year).count == 6
    )
    // Prior attainment is the first judgement of the year.
    #expect(
      analysis.pupils(in: .trust, group: try PupilGroup.parse("prior-middle"), subject: "reading", year: year).map(
        \.pupil.id) == ["b", "c"])
    #expect(throws: InputError.self) { try PupilGroup.parse("tall") }
  }

  @Test func transitionsListThePupilsInEveryCell() {
    let m = analysis.transitions(.trust, subject: "reading", from: a1, to: a2)
    #expect(m.total == 6)
    #expect(m.cells["at"]?["below"] == ["b"])
    #expect(m.cells["at"]?["at"] == ["c"])
    #expect(m.cells["above"]?["at"] == ["d"])
    #expect(m.cells["none"]?["above"] == ["f"])
    #expect(m.count("none", "none") == 1)
  }

  @Test func breakdownAndScopes() throws {
    let b = analysis.breakdown(.trust, by: .school, subject: "reading", at: a2)
    #expect(b.map(\.0) == ["elm", "oak"])
    #expect(b[1].1.assessed == 4)
    #expect(try AnalysisScope.parse("year:oak:3") == .yearGroup(school: "oak", YearGroup(3)))
    #expect(analysis.bands(try AnalysisScope.parse("class:elm-y3"), subject: "reading", at: a2).n == 2)
    #expect(throws: InputError.self) { try AnalysisScope.parse("county:x") }
    #expect(analysis.progress(.trust, subject: "reading", over: [a1, a2]).map(\.1.assessed) == [4, 5])
  }

  @Test func scoreSummaries() {
    var r = record("x", a1: nil, a2: nil)
    r.scores["nfer-reading", at: TermRef(year, .autumn)] = 100
    var q = record("y", a1: nil, a2: nil)
    q.scores["nfer-reading", at: TermRef(year, .autumn)] = 80
    var z = record("z", a1: nil, a2: nil)
    z.scores["nfer-reading", at: TermRef(year, .autumn)] = 121
    let s = Analysis(records: [r, q, z], scheme: scheme).scores(
      .trust, test: TestFixtures.nfer, at: TermRef(year, .autumn))
    #expect(s.n == 3 && s.median == 100 && abs(s.mean! - 100.333) < 0.01)
    #expect(s.bands == ["Average": 1, "Below": 1, "Above": 1])
  }
}
