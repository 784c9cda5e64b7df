import CohortCore
import CohortStore
import Testing

@testable import CohortUI

/// Opening a class in the autumn shows last summer's codes faded beside each pupil: read from
/// last year's summer 2 columns only, they must be what the whole documents say.
@MainActor
@Suite struct OpenClassTests {
  @Test func lastSummersCodesAreThoseOfLastYearsDocuments() throws {
    let s = try SampleContext()
    let year = s.year.next
    let school = s.context.schools[0]
    let c = try #require(school.classes(in: year).first { $0.yearGroups == [YearGroup(4)] })
    let (_, grid) = try s.context.openJudgements(c.id, school: school.id, year: year, halfTerm: .autumn1) { _ in }

    var expected: [String: [String: String]] = [:]
    let pupils = Set(grid.doc.pupils)
    for last in school.classes(in: s.year) {
      let doc = try s.context.folder.loadClassYear(school: school.id, classID: last.id, year: s.year)
      for (key, cell) in doc.cells where key.halfTerm == .summer2 && pupils.contains(key.pupil) {
        if let code = cell.code { expected[key.pupil, default: [:]][key.subject] = code }
      }
    }
    #expect(expected.count >= 5)
    #expect(grid.earlier == expected)
  }
}
