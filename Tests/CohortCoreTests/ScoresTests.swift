import CohortTestSupport
import Foundation
import Testing

@testable import CohortCore

enum TestFixtures {
  static let nfer = TestDefinition(
    id: "nfer-reading", publisher: "NFER", name: "NFER reading", subject: "reading", terms: Term.allCases,
    yearGroups: (1...6).map(YearGroup.init), minimum: 69, maximum: 141,
    bands: [
      ScoreBand(label: "Well below", lower: nil, upper: 69, band: .below, colour: "#B71C1C"),
      ScoreBand(label: "Below", lower: 70, upper: 84, band: .below, colour: "#E65100"),
      ScoreBand(label: "Low average", lower: 85, upper: 94, band: .at, colour: "#F9A825"),
      ScoreBand(label: "Average", lower: 95, upper: 104, band: .at, colour: "#2E7D32"),
      ScoreBand(label: "High average", lower: 105, upper: 114, band: .at, colour: "#1565C0"),
      ScoreBand(label: "Above", lower: 115, upper: nil, band: .above, colour: "#6A1B9A"),
    ], confidence: 6)
}

@Suite struct TestDefinitionTests {
  @Test(arguments: [
    (69, "Well below"), (70, "Below"), (84, "Below"), (85, "Low average"), (94, "Low average"), (95, "Average"),
    (104, "Average"), (105, "High average"), (114, "High average"), (115, "Above"), (141, "Above"),
  ])
  func bandsAtTheirEdges(score: Int, label: String) {
    #expect(TestFixtures.nfer.band(of: score)?.label == label)
  }

  @Test func rangeAndProblems() throws {
    let t = TestFixtures.nfer
    #expect(t.problems().isEmpty)
    #expect(try t.check(standardised: 141) == 141)
    #expect(throws: InputError.self) { try t.check(standardised: 142) }
    #expect(throws: InputError.self) { try t.check(standardised: 68) }
    var gap = t
    gap.bands.remove(at: 2)
    #expect(gap.problems().contains { $0.contains("score 85 is in no band") })
    var overlap = t
    overlap.bands[1].upper = 90
    #expect(overlap.problems().contains { $0.contains("in 2 bands") })
    #expect(t.isTaken(by: YearGroup(3), in: .spring))
    #expect(!t.isTaken(by: .reception, in: .spring))
  }
}

@Suite struct ScoreTableTests {
  // Ages 7:00 to 7:02, raw 0 to 3; "<70" and ">140" are the publisher's words for the ends.
  static let csv = "\u{FEFF}Raw;7:00;7:01;7:02\r\n0;<70;<70;\r\n1;72;71;70\r\n2;100;99;98\r\n3;>140;139;138\r\n"

  func table() throws -> ScoreTable {
    try ScoreTable.parseCSV(Self.csv, test: TestFixtures.nfer, edition: "2023")
  }

  @Test func parsesAPublishersTable() throws {
    let t = try table()
    #expect(t.minAgeMonths == 84 && t.maxAgeMonths == 86 && t.minRaw == 0 && t.maxRaw == 3)
    #expect(t.problems().isEmpty)
    #expect(t.scores[0] == [69, 69, nil])
    #expect(t.scores[3][0] == 141)
  }

  @Test func lookupsAtTheEdges() throws {
    let t = try table()
    #expect(try t.standardised(raw: 0, age: Age(totalMonths: 84)) == 69)
    #expect(try t.standardised(raw: 3, age: Age(totalMonths: 86)) == 138)
    #expect(try t.standardised(raw: 2, age: Age(totalMonths: 85)) == 99)
  }

  @Test(arguments: [
    (0, 83, "age 6:11 is outside"), (0, 87, "age 7:03 is outside"), (4, 84, "raw score 4 is outside"),
    (-1, 84, "raw score -1"), (0, 86, "gives no score"),
  ])
  func outsideTheTableThereIsNoScoreAndAReason(raw: Int, months: Int, reason: String) throws {
    let t = try table()
    #expect {
      try t.standardised(raw: raw, age: Age(totalMonths: months))
    } throws: { error in
      "\(error)".contains(reason)
    }
  }

  @Test(arguments: [
    ("raw,7:00,7:02\n0,70,71\n", "month by month"), ("raw,7:00\n0,70\n2,71\n", "one by one"),
    ("raw,7:00\n0,200\n", "not a score"),
    ("raw,seven\n0,70\n", "not an age"), ("raw,7:00\nx,70\n", "not a raw score"),
  ])
  func badTablesSayWhereAndWhy(text: String, reason: String) {
    #expect {
      try ScoreTable.parseCSV(text, test: TestFixtures.nfer, edition: "x")
    } throws: { error in
      "\(error)".contains(reason)
    }
  }
}

@Suite struct CSVAndDatesTests {
  @Test func readsQuotedFieldsSemicolonsAndCRLF() {
    #expect(
      CSVReader.rows("a,\"b, c\",\"say \"\"hi\"\"\"\r\n1,2,3\r\n") == [["a", "b, c", "say \"hi\""], ["1", "2", "3"]])
    #expect(CSVReader.rows("UPN;Score\nA;1\n") == [["UPN", "Score"], ["A", "1"]])
    #expect(CSVReader.rows("a\tb\n\"multi\nline\"\tx") == [["a", "b"], ["multi\nline", "x"]])
  }

  @Test func decodesUTF8WithABOMAndWindows1252() {
    #expect(CSVReader.decode(Data([0xEF, 0xBB, 0xBF, 0x41])).text == "A")
    let latin = CSVReader.decode(Data([0x5A, 0x6F, 0x65, 0x20, 0x42, 0x72, 0xE9, 0x6E]))
    #expect(latin.text == "Zoe Brén")
    #expect(latin.note?.contains("Windows-1252") == true)
  }

  @Test(arguments: [
    ("14/03/2019", "2019-03-14"), ("4/3/2019", "2019-03-04"), ("14/03/19", "2019-03-14"), ("2019-03-14", "2019-03-14"),
    ("14-03-2019", "2019-03-14"), ("14 Mar 2019", "2019-03-14"), ("14 March 2019", "2019-03-14"),
    ("2019-03-14T00:00:00", "2019-03-14"),
  ])
  func ukDates(text: String, iso: String) {
    #expect(UKDate.parse(text)?.description == iso)
  }

  @Test func badDatesAreNil() {
    #expect(UKDate.parse("31/02/2019") == nil)
    #expect(UKDate.parse("03/14/2019") == nil)
    #expect(UKDate.parse("yesterday") == nil)
  }
}

@Suite struct ScoreCellsTests {
  let a = Author(by: "A", device: "a")
  func doc() -> ClassYear {
    ClassYear(school: "oak", classID: "oak-y3", year: AcademicYear(startYear: 2026), pupils: ["p1", "p2"])
  }

  @Test func scoresMergeNewestWinsAndRoundTrip() throws {
    var one = doc()
    one.setScore(
      pupil: "p1", test: "nfer-reading", term: .autumn, raw: 23, standardised: 104, date: SchoolDate(iso: "2026-11-20"),
      ageMonths: 100, by: a, at: 5)
    var two = one
    two.setScore(
      pupil: "p1", test: "nfer-reading", term: .autumn, raw: nil, standardised: nil, date: nil, ageMonths: nil, by: a,
      at: 9)
    two.setScore(
      pupil: "p2", test: "nfer-maths", term: .spring, raw: nil, standardised: 88, date: nil, ageMonths: nil, by: a,
      at: 7)
    let m = one.merged(with: two)
    #expect(m.score(pupil: "p1", test: "nfer-reading", term: .autumn) == nil)
    #expect(m.score(pupil: "p2", test: "nfer-maths", term: .spring)?.standardised == 88)
    #expect(two.merged(with: one).scores == m.scores)
    let back = try JSONDecoder().decode(ClassYear.self, from: JSONEncoder().encode(one))
    #expect(back == one)
    #expect(one.scoreChanges(since: doc()).count == 1)
  }

  @Test func misalignedScoreArraysAreRejected() {
    let json = """
      {"format":2,"school":"oak","class":"c","year":"2026-27","pupils":["p1","p2"],"authors":[{"by":"A","device":"a"}],
       "scores":{"nfer-reading":{"autumn":{"raw":[null],"standardised":[100],"date":[null],"age":[null],"by":[0],"at":[1]}}}}
      """
    #expect {
      try JSONDecoder().decode(ClassYear.self, from: Data(json.utf8))
    } throws: { error in
      "\(error)".contains("one entry per pupil")
    }
  }
}

@Suite struct SideBySideTests {
  let scheme = Schemes.ygp
  let a = Author(by: "A", device: "a")
  let pupil = Pupil(id: "p1", forename: "Amira", surname: "Khan", dob: SchoolDate(iso: "2018-03-14")!)

  func row(code: String, autumn: Int?, spring: Int?, steps: Int = 1, lastSummer: Int? = nil, half: HalfTerm = .spring2)
    -> SideBySide.Entry
  {
    var doc = ClassYear(school: "oak", classID: "c", year: AcademicYear(startYear: 2026), pupils: ["p1"])
    doc.set(code, pupil: "p1", subject: "reading", halfTerm: half, by: a, at: 1)
    if let autumn {
      doc.setScore(
        pupil: "p1", test: "nfer-reading", term: .autumn, raw: nil, standardised: autumn, date: nil, ageMonths: nil,
        by: a, at: 1)
    }
    if let spring {
      doc.setScore(
        pupil: "p1", test: "nfer-reading", term: .spring, raw: nil, standardised: spring, date: nil, ageMonths: nil,
        by: a, at: 1)
    }
    return SideBySide.build(
      doc: doc, pupils: [pupil], scheme: scheme, subjects: [Subject(id: "reading", name: "Reading")],
      tests: [TestFixtures.nfer],
      halfTerm: half, steps: steps, lastSummer: lastSummer.map { ["p1": ["nfer-reading": $0]] } ?? [:])[0].entries[0]
  }

  @Test func agreementIsNotFlagged() {
    let e = row(code: "G", autumn: 100, spring: 102)
    #expect(!e.disagrees && e.realChange == nil && e.notes.isEmpty)
    #expect(e.score == 102 && e.term == .spring && e.scoreBand?.label == "Average")
    #expect(abs(e.percentile! - 55.3) < 0.1)
    #expect(e.previousScore == 100)
  }

  @Test func aJudgementTheScoreDisagreesWithIsFlaggedInWords() {
    let e = row(code: "G", autumn: 100, spring: 78)
    #expect(e.disagrees)
    #expect(e.notes.contains { $0.contains("judged at (G)") && $0.contains("below (78)") })
    #expect(e.realChange == -22)
    #expect(row(code: "Y", autumn: 100, spring: 120, steps: 2).disagrees)
    #expect(!row(code: "G", autumn: 100, spring: 80, steps: 2).disagrees)
  }

  /// One score's band is ±6; the difference of two scores has a margin of 6 x sqrt(2) = 8.5.
  @Test func onlyAChangeBeyondTheMarginOfTheDifferenceIsReal() {
    #expect(row(code: "G", autumn: 100, spring: 107).realChange == nil, "beyond ±6 but not ±8.5")
    #expect(row(code: "G", autumn: 100, spring: 108).realChange == nil)
    let real = row(code: "G", autumn: 100, spring: 109)
    #expect(real.realChange == 9 && real.notes.contains { $0.contains("beyond the ±8.5 margin of a difference") })
    #expect(row(code: "G", autumn: 100, spring: 91).realChange == -9)
  }

  @Test func autumnComparesWithLastSummer() {
    let e = row(code: "G", autumn: 90, spring: nil, lastSummer: 104, half: .autumn2)
    #expect(e.previousScore == 104 && e.realChange == -14)
  }

  @Test func outOfYearCodesAreNotComparedWithScores() {
    #expect(!row(code: "O", autumn: nil, spring: 120).disagrees)
  }
}
