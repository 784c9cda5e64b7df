import Foundation
import Testing

@testable import CohortCore

/// Age-standardisation tables by test, level, term and edition; percentiles at the ends; a
/// real change beyond the margin of a difference; NFER's own band words (issue 16, item 8).
@Suite struct ScoreTablesTests {
  /// A table whose every cell is `score`, for ages `from`-`to` months and raw 0-10.
  func table(level: Int?, term: Term?, edition: String, months: ClosedRange<Int>, score: Int) -> ScoreTable {
    ScoreTable(
      test: "puma", edition: edition, level: level, term: term, minAgeMonths: months.lowerBound,
      maxAgeMonths: months.upperBound, minRaw: 0, maxRaw: 10,
      scores: Array(repeating: Array(repeating: score, count: months.count), count: 11))
  }

  var tables: ScoreTables {
    ScoreTables([
      table(level: 3, term: .autumn, edition: "2023", months: 90...113, score: 103),
      table(level: 4, term: .autumn, edition: "2019", months: 96...125, score: 94),
      table(level: 4, term: .autumn, edition: "2023", months: 96...119, score: 104),
      table(level: 4, term: .spring, edition: "2023", months: 99...122, score: 105),
      table(level: nil, term: nil, edition: "2023", months: 60...160, score: 100),
    ])
  }

  @Test func thePupilsLevelAndTheTermPickTheTableAndTheLookupNamesIt() throws {
    // 8 years 6 months sits in both the Y3 and the Y4 autumn tables: the level decides.
    let age = Age(totalMonths: 102)
    let y4 = try tables.standardise(raw: 5, age: age, level: YearGroup(4), term: .autumn, test: "PUMA")
    #expect(y4.score == 104 && y4.table.name == "puma Y4 autumn, edition 2023", "the newest edition of Y4 autumn")
    let y3 = try tables.standardise(raw: 5, age: age, level: YearGroup(3), term: .autumn, test: "PUMA")
    #expect(y3.score == 103 && y3.table.level == 3)
    #expect(try tables.standardise(raw: 5, age: age, level: YearGroup(4), term: .spring, test: "PUMA").score == 105)
    // Only the any-level table fits Y5: it is used, and named.
    let y5 = try tables.standardise(
      raw: 5, age: Age(totalMonths: 120), level: YearGroup(5), term: .summer, test: "PUMA")
    #expect(y5.score == 100 && y5.table.name == "puma, edition 2023")
  }

  @Test func anAgeOutsideTheLevelsTableIsARefusalNamingIt() {
    #expect(throws: InputError("age 10:04 is outside the ages of table puma Y4 autumn, edition 2023 (8:00-9:11)")) {
      try tables.standardise(raw: 5, age: Age(totalMonths: 124), level: YearGroup(4), term: .autumn, test: "PUMA")
    }
    let only = ScoreTables([table(level: 3, term: .autumn, edition: "2023", months: 90...113, score: 103)])
    do {
      _ = try only.standardise(raw: 5, age: Age(totalMonths: 102), level: YearGroup(4), term: .autumn, test: "PUMA")
      Issue.record("a Y4 pupil was standardised through the Y3 table")
    } catch let e as InputError {
      #expect(e.message.hasPrefix("no age-standardisation table of PUMA for Y4 in autumn (there are: puma Y3 autumn"))
    } catch { Issue.record("\(error)") }
  }

  @Test(arguments: [
    ("2019", "2023"), ("2nd edition", "10th edition"), ("v2.9", "v2.10"), ("2023", "2023b"), ("", "1"),
  ])
  func editionsCompareAsEditions(older: String, newer: String) {
    #expect(Edition.isOlder(older, than: newer) && !Edition.isOlder(newer, than: older))
  }

  @Test(arguments: [
    (100, "50th percentile"), (115, "84th percentile"), (69, "2nd percentile"), (65, "1st percentile"),
    (60, "below 1st percentile"), (139, "above 99th percentile"), (141, "above 99th percentile"),
    (135, "99th percentile"), (112, "79th percentile"), (111, "77th percentile"),
  ])
  func percentilesReadBelow1stAndAbove99thAtTheEnds(score: Int, label: String) {
    #expect(StandardisedScale.percentileLabel(of: score) == label)
  }

  @Test func aRealChangeIsBeyondTheMarginOfTheDifferenceOfTwoScores() {
    var t = TestDefinition(
      id: "t", publisher: "P", name: "T", subject: "reading", terms: [.autumn], yearGroups: [YearGroup(3)],
      minimum: 69, maximum: 141, bands: [], confidence: 6)
    #expect(abs(t.differenceMargin - 8.485) < 0.01 && t.differenceMarginText == "±8.5")
    #expect(
      !t.isRealChange(from: 100, to: 107) && !t.isRealChange(from: 100, to: 108) && t.isRealChange(from: 100, to: 91))
    t.standardError = 3
    #expect(abs(t.differenceMargin - 1.645 * 3 * 2.0.squareRoot()) < 1e-9, "from the published standard error at 90%")
    t.confidenceLevel = 95
    #expect(abs(t.differenceMargin - 1.96 * 3 * 2.0.squareRoot()) < 1e-9)
  }

  @Test(arguments: ["nfer-reading", "nfer-maths"])
  func nferStyleBandsUseNFERsWords(id: String) throws {
    struct File: Decodable { var standardisedTest: TestDefinition }
    let path = URL(fileURLWithPath: StatutoryFixture.path).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("tests/\(id).json")
    let test = try JSONDecoder().decode(File.self, from: try Data(contentsOf: path)).standardisedTest
    #expect(test.problems().isEmpty)
    #expect(
      test.bands.map(\.label) == [
        "Well below average", "Below average", "In line with average", "Above average", "Well above average",
      ])
    let at = [70, 84, 85, 94, 95, 104, 105, 114, 115, 141].map { test.band(of: $0)!.label }
    #expect(
      at == [
        "Well below average", "Well below average", "Below average", "Below average", "In line with average",
        "In line with average", "Above average", "Above average", "Well above average", "Well above average",
      ])
  }
}
