import CohortCore
import CohortStore
import Foundation
import Testing

@testable import CohortUI

/// What the window shows while a trust is set up: the next step, pupils not in a class, the
/// half-term it opens on.
@Suite struct SetupModelTests {
  let year = AcademicYear(startYear: 2026)

  func scope(_ level: Scope.Level) -> Scope { Scope(level: level, year: year, halfTerm: .autumn2) }

  @Test func aTrustWithNoSchoolIsToldToAddOneOrImportACTF() throws {
    let trust = Trust(id: "t", name: "Riverside")
    let step = try #require(NextStep.of(trust: trust, schools: [], scope: scope(.trust)) { _ in false })
    #expect(step.title == "Add a school or import a CTF" && step.actions == [.importPupils, .settings(.schools)])
  }

  @Test func aSchoolWithoutClassesIsToldToAddThemAndImportWhenItHasNoPupils() throws {
    let trust = Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")])
    let empty = School(id: "oak", name: "Oak")
    let noPupils = try #require(
      NextStep.of(trust: trust, schools: [empty], scope: scope(.school("oak"))) { _ in false })
    #expect(noPupils.actions == [.importPupils, .settings(.classes)] && noPupils.detail.contains("Oak has no pupils"))
    let pupils = try #require(NextStep.of(trust: trust, schools: [empty], scope: scope(.school("oak"))) { _ in true })
    #expect(pupils.title == "Add the classes for 2026-27" && pupils.actions == [.settings(.classes)])
    let one = try #require(NextStep.of(trust: trust, schools: [empty], scope: scope(.trust)) { _ in true })
    #expect(one.detail.hasPrefix("Oak has no classes in 2026-27"))
    var two = trust
    two.schools.append(SchoolRef(id: "elm", name: "Elm"))
    let both = [empty, School(id: "elm", name: "Elm")]
    let atTrust = try #require(NextStep.of(trust: two, schools: both, scope: scope(.trust)) { _ in true })
    #expect(atTrust.detail.hasPrefix("No school has classes in 2026-27"))
    let withClass = School(
      id: "oak", name: "Oak", classes: [year: [SchoolClass(id: "c", name: "Willow", yearGroups: [YearGroup(3)])]])
    #expect(NextStep.of(trust: trust, schools: [withClass], scope: scope(.school("oak"))) { _ in true } == nil)
    #expect(NextStep.of(trust: trust, schools: [withClass], scope: scope(.trust)) { _ in true } == nil)
  }

  @Test func pupilsNotInAClassComeByYearGroupWithTheirOwnClassesFirst() {
    let willow = SchoolClass(id: "w", name: "Willow", yearGroups: [YearGroup(3)])
    let mixed = SchoolClass(id: "m", name: "Beech", yearGroups: [YearGroup(4), YearGroup(5)])
    let school = School(id: "oak", name: "Oak", classes: [year: [mixed, willow]])
    let y3 = Pupil(id: "a", forename: "Ella", surname: "Zhu", dob: SchoolDate(year: 2019, month: 2, day: 1)!)
    let y3b = Pupil(id: "b", forename: "Ben", surname: "Adams", dob: SchoolDate(year: 2018, month: 10, day: 1)!)
    let y5 = Pupil(id: "c", forename: "Cara", surname: "Lee", dob: SchoolDate(year: 2016, month: 12, day: 1)!)
    // (TrustSetup.unplaced leaves out pupils of Nursery age: CohortStore's tests and the CLI's.)
    var list = UnplacedList(pupils: [y3, y5, y3b], school: school, year: year)
    #expect(list.groups.map(\.yearGroup) == [YearGroup(3), YearGroup(5)])
    #expect(list.groups[0].pupils.map(\.id) == ["b", "a"])
    #expect(
      list.classes(for: YearGroup(3)).map(\.id) == ["w", "m"]
        && list.classes(for: YearGroup(5)).map(\.id) == ["m", "w"])
    #expect(UnplacedList.label(mixed) == "Beech (Y4/5)")
    #expect(list.summary == "3 pupils at Oak are not in a class for 2026-27.")
    list.remove("c")
    list.remove("a")
    #expect(
      list.count == 1 && list.groups.count == 1 && list.summary == "1 pupil at Oak is not in a class for 2026-27.")
  }

  @Test func theAppOpensOnTheHalfTermTodayFallsInByTheTrustsDates() throws {
    let scratch = ScratchFolder()
    let folder = try scratch.folder()
    var trust = try folder.loadTrust()
    // The trust's Spring 1 starts on 11 January 2027: 5 January is still Autumn 2.
    var starts = TermDates.usual(year).starts
    starts[2] = SchoolDate(year: 2027, month: 1, day: 11)!
    trust.terms[year] = try TermDates(year: year, starts: starts)
    try folder.saveTrust(trust)
    let context = try AppContext(path: scratch.path, author: Fixtures.author)
    #expect(context.defaultPeriod(today: SchoolDate(year: 2027, month: 1, day: 5)!) == (year, .autumn2))
    #expect(context.defaultPeriod(today: SchoolDate(year: 2027, month: 1, day: 12)!) == (year, .spring1))
    // Years all past: the latest's last half-term; all ahead: the first's first.
    #expect(context.defaultPeriod(today: SchoolDate(year: 2029, month: 3, day: 1)!) == (year, .summer2))
    #expect(context.defaultPeriod(today: SchoolDate(year: 2025, month: 3, day: 1)!) == (year, .autumn1))
  }

  @Test func aReloadReadsTheTrustsNewSetUp() throws {
    let scratch = ScratchFolder()
    let folder = try scratch.folder()
    let context = try AppContext(path: scratch.path, author: Fixtures.author)
    try context.setup.addStaff(name: "Ms A Patel", role: .teacher)
    try context.setup.edit { t, now in try t.addSubject(id: nil, name: "Science", yearGroups: [YearGroup(5)], at: now) }
    try context.setup.setCodeScheme("wts-exs-gds", codes: ["WTS", "EXS", "GDS"])
    try context.reload()
    #expect(context.trust.staff.map(\.name) == ["Ms A Patel"] && context.scheme.id == "wts-exs-gds")
    let c = try folder.loadSchool("oak").classes(in: year)[0]
    #expect(context.subjects(for: c).map(\.id) == ["reading", "writing", "maths"])
    #expect(
      context.subjects(for: SchoolClass(id: "x", name: "X", yearGroups: [YearGroup(5)])).map(\.id).last == "science")
  }

  @Test func theGridShowsWhoIsInTheClassNow() {
    var doc = Fixtures.doc(3)
    doc.remove("p1", at: 5)
    let model = GridModel(
      doc: doc, roster: Fixtures.roster(3), scheme: Fixtures.scheme, subjects: Subject.defaults, halfTerm: .autumn2,
      author: Fixtures.author, clock: { 10 })
    #expect(model.pupils.map(\.id) == ["p0", "p2"])
  }
}
