import CohortCore
import CohortStore
import Foundation
import Testing

@testable import CohortUI

/// The welcome page's model: where a new trust goes, what its form checks, who is at the laptop.
@Suite struct FirstRunTests {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-first-\(UUID().uuidString)").path

  @Test func aNewTrustsFolderIsNamedAfterItAndNeverTakesAnother() {
    #expect(
      DataPlaces.newTrustFolder(named: "St Mary's Trust", in: "/d/cohort", taken: { _ in false })
        == "/d/cohort/st-marys-trust")
    let taken: Set = ["/d/cohort/riverside", "/d/cohort/riverside-2"]
    #expect(
      DataPlaces.newTrustFolder(named: "Riverside", in: "/d/cohort/", taken: taken.contains) == "/d/cohort/riverside-3")
    #expect(DataPlaces.newTrustFolder(named: "!!!", in: "/d", taken: { _ in false }) == "/d/trust")
  }

  @Test func theFormsSubjectsAreTheTickedThenTheTypedWithoutRepeats() throws {
    var plan = NewTrustPlan(year: AcademicYear(startYear: 2026))
    plan.ticked = ["Reading", "Maths"]
    plan.other = " Science, maths ,, Computing"
    #expect(try plan.subjects().map(\.id) == ["reading", "maths", "science", "computing"])
    plan.ticked = []
    plan.other = ""
    #expect(throws: InputError.self) { try plan.subjects() }
  }

  @Test func theFormSaysWhatIsMissingInOneLine() {
    var plan = NewTrustPlan(year: AcademicYear(startYear: 2026))
    #expect(plan.problem() == "Type the trust's name")
    plan.name = "Riverside"
    #expect(plan.problem() == nil)
    plan.ticked = []
    #expect(plan.problem()?.contains("at least one subject") == true)
  }

  @Test func aNewTrustStartsInThisYearOrTheNext() {
    let years = NewTrustPlan.years(today: SchoolDate(year: 2027, month: 7, day: 20)!)
    #expect(years == [AcademicYear(startYear: 2026), AcademicYear(startYear: 2027)])
  }

  @Test func creatingATrustSavesItsChoicesTermDatesAndFirstPersonUnderTheirName() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var plan = NewTrustPlan(year: AcademicYear(startYear: 2027))
    plan.name = "Riverside Learning Trust"
    plan.schemeID = "wts-exs-gds"
    plan.parent = scratch
    var remembered: [String: String] = [:]
    let path = try plan.create(by: "Ms A Patel", role: .leader, device: "test") { remembered[$1] = $0 }
    #expect(path == scratch + "/riverside-learning-trust")
    let trust = try DataFolder(root: path, author: Author(by: "", device: "")).loadTrust()
    #expect(trust.codeScheme == "wts-exs-gds" && trust.subjects.map(\.id) == ["reading", "writing", "maths"])
    #expect(trust.terms[AcademicYear(startYear: 2027)] == TermDates.usual(AcademicYear(startYear: 2027)))
    #expect(trust.staff.map(\.name) == ["Ms A Patel"] && trust.staff[0].role == .leader)
    #expect(remembered == [trust.id: "Ms A Patel"])
    let lines = try String(contentsOfFile: path + "/journal/test.jsonl", encoding: .utf8).split(separator: "\n")
    let entries = try lines.map { try JSONDecoder().decode(JournalEntry.self, from: Data($0.utf8)) }
    #expect(!entries.isEmpty && entries.allSatisfy { $0.by == "Ms A Patel" })
    // A second trust of the same name gets its own folder.
    #expect(plan.folder == scratch + "/riverside-learning-trust-2")
  }

  @Test func whoIsHereNarrowsTheStaffByEveryWordTyped() {
    let who = WhoIsHere(staff: [
      StaffMember(id: "b", name: "Mr B Jones", role: .teacher), StaffMember(id: "a", name: "Ms A Patel", role: .leader),
      StaffMember(id: "c", name: "Ms C Jones", role: .teacher),
    ])
    #expect(who.matches("").map(\.id) == ["b", "a", "c"])
    #expect(who.matches("jones ms").map(\.id) == ["c"])
    #expect(who.exact(" ms a patel ")?.id == "a")
    #expect(who.exact("Ms A") == nil)
  }

  @Test func aNewPersonJoinsTheStaffAndANameAlreadyOnItIsThatPerson() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try TrustSetup(folder: DataFolder(root: scratch, author: Author(by: "x", device: "test"))).create(name: "T")
    var remembered: [String] = []
    #expect(
      try WhoIsHere.add(" Mr B Jones ", role: .teacher, folder: scratch) { n, _ in remembered.append(n) }
        == "Mr B Jones")
    #expect(
      try WhoIsHere.add("mr b jones", role: .leader, folder: scratch) { n, _ in remembered.append(n) } == "Mr B Jones")
    let trust = try DataFolder(root: scratch, author: Author(by: "", device: "")).loadTrust()
    #expect(trust.staff.map(\.name) == ["Mr B Jones"] && remembered == ["Mr B Jones", "Mr B Jones"])
    #expect(throws: InputError.self) { try WhoIsHere.add("  ", role: .teacher, folder: scratch) { _, _ in } }
  }

  @Test func theSampleIsMadeWholeOrNotAtAll() throws {
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let path = scratch + "/sample-trust"
    try SampleFolder.make(at: path, today: SchoolDate(year: 2026, month: 12, day: 1)!, schools: 1)
    let folder = DataFolder(root: path, author: Author(by: "", device: ""))
    let trust = try folder.loadTrust()
    let pupils = try folder.loadRoster(trust.schools[0].id).pupils
    #expect(trust.schools.count == 1 && !pupils.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: path + ".making"))
    let before = try folder.loadTrust()
    try SampleFolder.make(at: path, today: SchoolDate(year: 2026, month: 12, day: 1)!, schools: 1)
    #expect(try folder.loadTrust() == before)
  }
}
