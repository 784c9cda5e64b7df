import Testing

@testable import CohortCore

/// The statutory measures on constructed results, read through DfE's table as shipped.
@Suite struct StatutorySummaryTests {
  let year = AcademicYear(startYear: 2026)

  func pupil(_ id: String, _ group: Int, school: String = "oak", fsm: Bool = false, results: [StatutoryResult])
    -> StatutoryPupil
  {
    let p = Pupil(
      id: id, forename: id, surname: "S", dob: SchoolDate(iso: "2016-01-01")!, fsm: fsm,
      ncYears: [year: YearGroup(group), year.previous: YearGroup(group - 1)])
    return StatutoryPupil(pupil: p, school: school, results: results)
  }

  func ks2(_ reading: String, _ writing: String, _ maths: String, summer: Int = 2027) -> [StatutoryResult] {
    [
      StatutoryResult(stage: "KS2", year: summer, subject: "ENG", method: "TT", component: "RD", result: reading),
      StatutoryResult(stage: "KS2", year: summer, subject: "ENG", method: "TA", component: "WRIT", result: writing),
      StatutoryResult(stage: "KS2", year: summer, subject: "MAT", method: "TT", result: maths),
    ]
  }

  func phonics(_ mark: String, summer: Int) -> StatutoryResult {
    StatutoryResult(stage: "KS1", year: summer, subject: "PHO", method: "TT", result: mark)
  }

  func mtc(_ score: String) -> StatutoryResult {
    StatutoryResult(stage: "KS2", year: 2027, subject: "MAT", method: "TT", component: "MTC", result: score)
  }

  var pupils: [StatutoryPupil] {
    [
      pupil("a", 6, fsm: true, results: ks2("112", "GDS", "115")),  // high in all three
      pupil("b", 6, results: ks2("104", "EXS", "99")),  // maths below: not RWM
      pupil("c", 6, results: ks2("A", "EXS", "101")),  // absent from reading: counted, not met
      pupil("d", 6, results: ks2("L", "L", "L")),  // left before the tests: not counted
      pupil("e", 6, school: "elm", results: ks2("100", "EXS", "100") + ks2("80", "WTS", "80", summer: 2026)),
      pupil("f", 6, results: Array(ks2("105", "EXS", "105").prefix(2))),  // no maths: not in RWM
      pupil("g", 1, results: [phonics("33", summer: 2027)]),
      pupil("h", 1, fsm: true, results: [phonics("20", summer: 2027)]),
      pupil("i", 2, results: [phonics("25", summer: 2026), phonics("34", summer: 2027)]),  // met at the re-check
      pupil("j", 2, results: [phonics("35", summer: 2026)]),  // met in Year 1
      pupil("k", 2, results: [phonics("D", summer: 2026), phonics("A", summer: 2027)]),
      pupil("m", 4, results: [mtc("25")]), pupil("n", 4, results: [mtc("20")]), pupil("o", 4, results: [mtc("A")]),
      pupil("q", 0, results: [StatutoryResult(stage: "FS", year: 2027, subject: "GLD", method: "TA", result: "Y")]),
      pupil("r", 0, results: [StatutoryResult(stage: "FS", year: 2027, subject: "GLD", method: "TA", result: "N")]),
    ]
  }

  var names: ScopeNames {
    ScopeNames(
      trust: Trust(
        id: "t", name: "Oak Trust", schools: [SchoolRef(id: "oak", name: "Oak"), SchoolRef(id: "elm", name: "Elm")]),
      classes: [])
  }

  func summary(minimum: Int = 1, national: NationalFigures = NationalFigures()) throws -> StatutorySummary {
    StatutorySummary.build(
      pupils, table: try StatutoryFixture.dfe(), year: year, names: names, together: true, minimum: minimum,
      national: national)
  }

  @Test func ks2MeasuresCountTheAbsentAndLeaveOutLeavers() throws {
    let s = try summary()
    let trust = try #require(s.rows.first { $0.school == "" && $0.group == "all pupils" })
    func f(_ m: StatutoryMeasure) -> (Int, Int)? { trust.figure(m).map { ($0.n, $0.met) } }
    // a, b, c, e, f have reading; d left; c absent counts as not met.
    #expect(f(.ks2ReadingExpected)! == (5, 4) && f(.ks2ReadingHigh)! == (5, 1))
    #expect(f(.ks2WritingExpected)! == (5, 5) && f(.ks2WritingHigh)! == (5, 1))
    #expect(f(.ks2MathsExpected)! == (4, 3) && f(.ks2MathsHigh)! == (4, 1))
    // RWM: a, b, c, e have all three; a and e meet it, only a at the higher standard.
    #expect(f(.ks2RWMExpected)! == (4, 2) && f(.ks2RWMHigh)! == (4, 1))
    #expect(trust.figure(.ks2RWMExpected)?.value == 50)
    let elm = try #require(s.rows.first { $0.school == "elm" && $0.group == "all pupils" })
    #expect(elm.schoolName == "Elm" && elm.figure(.ks2RWMExpected)?.n == 1, "last year's results are not this year's")
  }

  @Test func phonicsTheMTCAndTheEYFS() throws {
    let trust = try #require(try summary().rows.first { $0.school == "" && $0.group == "all pupils" })
    #expect(trust.figure(.phonicsY1).map { ($0.n, $0.met) }! == (2, 1))
    #expect(trust.figure(.phonicsEndY2).map { ($0.n, $0.met) }! == (3, 2))
    // The MTC: of pupils with a score; the absent pupil is not in the mean.
    #expect(trust.figure(.mtcMean).map { ($0.n, $0.value) }! == (2, 22.5))
    #expect(trust.figure(.mtcFullMarks).map { ($0.n, $0.met, $0.value) }! == (2, 1, 50))
    #expect(trust.figure(.eyfsGLD).map { ($0.n, $0.met) }! == (2, 1))
  }

  @Test func eachMeasureHasItsOwnSlotInOrder() {
    // The tallies are arrays by slot: two measures sharing one would add into each other.
    #expect(StatutoryMeasure.allCases.map(\.slot) == Array(StatutoryMeasure.allCases.indices))
  }

  @Test func groupsUnderTheMinimumShowTheirSizeOnly() throws {
    let s = try summary(minimum: 2)
    let disadvantaged = try #require(s.rows.first { $0.school == "" && $0.group == "disadvantaged" })
    // a (KS2) and h (phonics) are disadvantaged: one pupil per measure, under the minimum of 2.
    let reading = try #require(disadvantaged.figure(.ks2ReadingExpected))
    #expect(reading.n == 1 && reading.suppressed && reading.value == nil)
    // All pupils are never suppressed.
    let elm = try #require(s.rows.first { $0.school == "elm" && $0.group == "all pupils" })
    #expect(elm.figure(.ks2RWMExpected)?.value == 100)
  }

  @Test func nationalFiguresAreTheYearsOrTheLatestBeforeIt() throws {
    let pub = "a DfE release"
    let figures = NationalFigures(
      source: "built in",
      figures: [
        NationalFigure(measure: .ks2RWMExpected, year: AcademicYear(startYear: 2023), value: 61, publication: pub),
        NationalFigure(measure: .ks2RWMExpected, year: AcademicYear(startYear: 2022), value: 60, publication: pub),
        NationalFigure(measure: .eyfsGLD, year: AcademicYear(startYear: 2028), value: 70, publication: pub),
      ])
    let s = try summary(national: figures)
    #expect(s.national(.ks2RWMExpected)?.year == AcademicYear(startYear: 2023))
    #expect(s.national(.ks2RWMExpected)?.words == "national 61% (2023-24)")
    #expect(s.national(.eyfsGLD) == nil, "a later year's figure is not this year's")
    let trust = NationalFigures(
      source: "our check",
      figures: [
        NationalFigure(measure: .ks2RWMExpected, year: AcademicYear(startYear: 2023), value: 62, publication: pub)
      ])
    let both = figures.overlaid(with: trust)
    #expect(both.figure(.ks2RWMExpected, for: year)?.value == 62 && both.figures.count == 3)
    #expect(StatutoryMeasure.eyfsGLD.format(67.7) == "67.7%" && StatutoryMeasure.mtcMean.format(20.6) == "20.6")
    #expect(
      NationalFigures(figures: [NationalFigure(measure: .mtcMean, year: year, value: 30, publication: "")]).problems()
        .count == 2)
  }
}
