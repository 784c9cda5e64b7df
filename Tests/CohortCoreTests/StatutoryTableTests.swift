import Testing

@testable import CohortCore

/// Statutory results as DfE defines them: by stage, subject, method and component, with DfE's
/// result codes; what the table does not know is unknown, never misfiled (issue 16, item 2).
@Suite struct StatutoryTableTests {
  let table: StatutoryTable
  init() throws { table = try StatutoryFixture.dfe() }

  func result(
    _ stage: String, _ subject: String, _ method: String, _ component: String?, _ value: String, year: Int = 2027
  )
    -> StatutoryResult
  {
    StatutoryResult(stage: stage, year: year, subject: subject, method: method, component: component, result: value)
  }

  @Test func theShippedTableIsSoundAndNamesItsSources() {
    #expect(table.problems().isEmpty, "\(table.problems())")
    #expect(table.source.contains("Common Transfer File specification"))
    #expect(table.assessments.first { $0.id == "mtc" }?.source?.contains("DFEAGILEDEVOPS/MTC") == true)
    let kinds = Set(table.assessments.map(\.kind))
    #expect(kinds == Set(StatutoryAssessment.Kind.allCases))
  }

  @Test func dfesMTCIsTheMTCNotTheKS2MathsTest() {
    let mtc = table.read(result("KS2", "MAT", "TT", "MTC", "24"))
    #expect(mtc.kind == "mtc" && mtc.known && mtc.meaning == "24 of 25")
    #expect(mtc.summary == "Multiplication tables check 2027: 24 of 25")
    #expect(table.read(result("KS2", "MAT", "TT", nil, "104")).kind == "ks2-maths-test")
    #expect(table.read(result("KS2", "MAT", "TT", "MTC", "26")).known == false, "out of 25")
  }

  @Test(arguments: [
    ("A", "absent"), ("B", "working below the expectation of the check"),
    ("J", "just arrived: unable to take the check"),
    ("L", "left the school"), ("U", "unable to access the check"), ("Z", "incorrect registration"),
    ("X", "did not take the check"), ("NAA", "not able to administer"), ("Q", "maladministration"),
    ("H", "annulled: pupil cheating"),
  ])
  func everyMTCCodeOfDfEsHasItsMeaning(code: String, meaning: String) {
    let r = table.read(result("KS2", "MAT", "TT", "MTC", code))
    #expect(r.kind == "mtc" && r.known && r.meaning == meaning)
  }

  @Test func ks2TestsAreScaledScoresWithTheExpectedAndHighStandards() {
    func reading(_ v: String) -> StatutoryReading { table.read(result("KS2", "ENG", "TT", "RD", v)) }
    #expect(reading("105").kind == "ks2-reading-test" && reading("105").band == .at)
    #expect(reading("105").meaning == "scaled score 105: the expected standard")
    #expect(reading("110").band == .above && reading("110").meaning.hasSuffix("the high score"))
    #expect(reading("99").band == .below && reading("80").known && !reading("79").known && !reading("121").known)
    #expect(reading("B").meaning == "working below the standard of the test")
    #expect(table.read(result("KS2", "ENG", "TT", "GPS", "112")).kind == "ks2-gps-test")
  }

  @Test func phonicsMeetsTheThresholdAndTheY2ReCheckIsNamed() {
    let met = table.read(result("KS1", "PHO", "TT", nil, "32", year: 2026))
    #expect(met.kind == "phonics" && met.band == .at && met.meaning == "32 of 40 (met: the threshold was 32)")
    #expect(table.read(result("KS1", "PHO", "TT", nil, "31")).band == .below)
    let recheck = table.read(result("KS1", "PHO", "TT", nil, "35"), yearGroup: YearGroup(2))
    #expect(recheck.summary.hasPrefix("Phonics screening check re-check 2027"))
    #expect(table.read(result("KS1", "ENG", "TT", "PHO", "Wa")).meaning == "met the expected standard")
  }

  @Test func teacherAssessmentCodesPreKeyStageAndTheEngagementModel() {
    func writing(_ v: String) -> StatutoryReading { table.read(result("KS2", "ENG", "TA", "WRIT", v)) }
    #expect(writing("GDS").band == .above && writing("EXS").band == .at && writing("WTS").band == .below)
    #expect(writing("PK6").meaning == "pre-key stage standard 6" && writing("BLW").meaning.contains("engagement model"))
    #expect(table.read(result("KS2", "SCI", "TA", nil, "HNM")).meaning == "has not met the expected standard")
    #expect(table.read(result("KS1", "ENG", "TA", "READ", "EXS")).kind == "ks1-reading-ta")
    #expect(table.read(result("FS", "GLD", "TA", nil, "Y")).meaning == "a good level of development")
    #expect(table.read(result("FS", "COM", "TA", "ELG01", "2")).meaning == "expected")
  }

  @Test func whatTheTableDoesNotKnowIsUnknownNeverMisfiled() {
    let ks3 = table.read(result("KS3", "ENG", "TA", nil, "6"))
    #expect(ks3.kind == "unknown" && !ks3.known && ks3.assessment == nil)
    #expect(ks3.meaning == "not an assessment Cohort knows (KS3 ENG TA)")
    let odd = table.read(result("KS2", "MAT", "TT", "MTC", "ZZ"))
    #expect(odd.kind == "mtc" && !odd.known)
    #expect(odd.meaning == "'ZZ' is not one of DfE's scores or codes for the Multiplication tables check")
    // A trust's own table is matched first.
    let own = StatutoryAssessment(
      id: "ks3-english", kind: .ks1, name: "KS3 English",
      match: [.init(stages: ["KS3"], subjects: ["ENG"], methods: ["TA"])],
      outcomes: [.init(code: "6", meaning: "level 6")], codes: [])
    #expect(
      table.adding(StatutoryTable(source: "trust", assessments: [own])).read(result("KS3", "ENG", "TA", nil, "6")).kind
        == "ks3-english")
  }
}
