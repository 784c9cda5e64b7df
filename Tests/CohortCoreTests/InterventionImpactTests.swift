import CohortTestSupport
import Foundation
import Testing

@testable import CohortCore

@Suite struct InterventionImpactTests {
  let year = AcademicYear(startYear: 2026)
  let scheme = Schemes.ygp

  func record(
    _ id: String, school: String = "oak", group: Int = 3, before: String?, after: String?, scores: (Int, Int)? = nil
  )
    -> PupilRecord
  {
    var r = PupilRecord(
      pupil: Pupil(id: id, forename: id.uppercased(), surname: "Test", dob: SchoolDate(year: 2018, month: 1, day: 1)!),
      school: school, classID: "\(school)-y\(group)", yearGroup: YearGroup(group))
    if let before { r.codes["reading", at: HalfTermRef(year, .autumn2)] = before }
    if let after { r.codes["reading", at: HalfTermRef(year, .spring2)] = after }
    if let (s1, s2) = scores {
      r.scores = [TermRef(year, .autumn): ["nfer-reading": s1], TermRef(year, .spring): ["nfer-reading": s2]]
    }
    return r
  }

  @Test func comparesTheGroupWithSimilarPupilsNotInIt() {
    let test = TestFixtures.nfer
    let records = [
      record("a", before: "Y", after: "G", scores: (85, 95)),
      record("b", before: "Y", after: "Y", scores: (88, 90)),
      record("c", before: "Y", after: "Y", scores: (86, 86)),  // similar, not in it
      record("d", before: "Y", after: "G"),  // similar, no scores
      record("e", before: "G", after: "P"),  // different start: not similar
      record("f", school: "elm", before: "Y", after: "P"),  // another school
      record("g", group: 4, before: "Y", after: "P"),  // another year group
    ]
    let i = InterventionImpact.compute(
      pupils: ["a", "b"], subject: "reading", from: HalfTermRef(year, .autumn2), to: HalfTermRef(year, .spring2),
      records: records, scheme: scheme, tests: [test])
    #expect(i.rows.map(\.steps) == [1, 0])
    #expect(i.rows.map(\.scoreChange) == [10, 2])
    #expect(i.intervention.n == 2)
    #expect(i.intervention.up == 1)
    #expect(i.intervention.meanSteps == 0.5)
    #expect(i.intervention.meanScoreChange == 6)
    #expect(i.comparison.n == 2)
    #expect(i.comparison.withCodes == 2)
    #expect(i.comparison.meanSteps == 0.5)
    #expect(i.comparison.withScores == 1)
    #expect(i.comparison.meanScoreChange == 0)
  }

  @Test func aPupilWithoutAnAfterCodeHasNoSteps() {
    let i = InterventionImpact.compute(
      pupils: ["a"], subject: "reading", from: HalfTermRef(year, .autumn2), to: HalfTermRef(year, .spring2),
      records: [record("a", before: "Y", after: nil)], scheme: scheme, tests: [])
    #expect(i.rows[0].codeAfter == nil)
    #expect(i.rows[0].steps == nil)
    #expect(i.intervention.withCodes == 0)
    #expect(i.intervention.meanSteps == nil)
  }
}
