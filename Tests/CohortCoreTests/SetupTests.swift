import CohortCore
import Testing

/// Two laptops' set-up changes merge part by part, in any order; a moved pupil stays moved.
struct SetupTests {
  let y = AcademicYear(startYear: 2026)

  func base() throws -> Trust {
    var t = Trust(id: "t", name: "T")
    _ = try t.addSchool(SchoolRef(id: "oak", name: "Oak"), at: 100)
    return t
  }

  @Test func changesToDifferentPartsBothSurviveInEitherOrder() throws {
    var a = try base()
    var b = a
    _ = try a.addSchool(SchoolRef(id: "elm", name: "Elm"), at: 200)
    _ = try b.addStaff(name: "Ms A Patel", role: .teacher, schools: ["oak"], at: 210)
    _ = try b.updateSchool(SchoolRef(id: "oak", name: "Oak Primary", urn: "123456"), at: 220)
    let ab = a.merged(with: b)
    let ba = b.merged(with: a)
    #expect(ab == ba)
    #expect(ab.schools.map(\.name) == ["Oak Primary", "Elm"])
    #expect(ab.staff.map(\.name) == ["Ms A Patel"])
    #expect(ab.merged(with: ab) == ab)
  }

  @Test func theNewerChangeToOnePartWinsAndARemovalIsARemoval() throws {
    var a = try base()
    var b = a
    _ = try a.updateSchool(SchoolRef(id: "oak", name: "Oak A"), at: 300)
    _ = try b.updateSchool(SchoolRef(id: "oak", name: "Oak B"), at: 400)
    #expect(a.merged(with: b).school("oak")?.name == "Oak B")
    #expect(b.merged(with: a).school("oak")?.name == "Oak B")
    _ = try a.removeSchool("oak", at: 500)
    #expect(a.merged(with: b).school("oak") == nil, "removed after the rename")
    #expect(b.merged(with: a).school("oak") == nil)
  }

  @Test func aPartOnlyOneCopyHasIsKeptWhenNeitherIsNewer() throws {
    var a = Trust(id: "t", name: "T")
    a.schools = [SchoolRef(id: "oak", name: "Oak")]  // written by an older Cohort: no times
    let b = Trust(id: "t", name: "T")
    #expect(a.merged(with: b).schools.count == 1 && b.merged(with: a).schools.count == 1)
  }

  @Test func classesMergeByYearAndClass() throws {
    var a = School(id: "oak", name: "Oak")
    var b = a
    _ = try a.addClass(
      School.checkedClass(id: "oak-3a", name: "3A", yearGroups: [YearGroup(3)], teachers: []), year: y, at: 10)
    _ = try b.addClass(
      School.checkedClass(id: "oak-3b", name: "3B", yearGroups: [YearGroup(3)], teachers: []), year: y, at: 11)
    #expect(Set(a.merged(with: b).classes(in: y).map(\.id)) == ["oak-3a", "oak-3b"])
    #expect(a.merged(with: b) == b.merged(with: a))
    #expect(
      try School.checkedClass(id: "x", name: "X", yearGroups: [YearGroup(4), YearGroup(3)], teachers: [])
        .yearGroupsLabel == "Y3/4")
  }

  @Test func aMovedPupilStaysMovedWhenAnOlderCopyMergesIn() {
    var old = ClassYear(school: "oak", classID: "oak-3a", year: y, pupils: ["p1", "p2"])
    var moved = old
    moved.remove("p1", at: 1_000)
    #expect(moved.members == ["p2"] && moved.pupils == ["p2"], "nothing entered: off the list")
    #expect(moved.merged(with: old).members == ["p2"])
    #expect(old.merged(with: moved).members == ["p2"])
    old.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: Author(by: "a", device: "d"), at: 900)
    let both = old.merged(with: moved)
    #expect(both.members == ["p2"] && both.pupils.contains("p1"), "their code stays with the class")
    var back = both
    back.place("p1", at: 2_000)
    #expect(back.members.contains("p1") && back.merged(with: moved).members.contains("p1"))
  }

  @Test func halfTermsComeFromTheTrustsDates() throws {
    var t = Trust(id: "t", name: "T")
    let dates = try TermDates.parse("03/09/2026,02/11/2026,05/01/2027,22/02/2027,12/04/2027,07/06/2027", year: y)
    _ = t.setTerms(dates, at: 1)
    func half(_ text: String) -> HalfTerm { t.halfTerm(containing: UKDate.parse(text)!).halfTerm }
    #expect(half("01/09/2026") == .autumn1)
    #expect(half("30/10/2026") == .autumn1, "half-term holiday counts with the half-term before")
    #expect(half("02/11/2026") == .autumn2)
    #expect(half("01/12/2026") == .autumn2)
    #expect(half("04/01/2027") == .autumn2)
    #expect(half("05/01/2027") == .spring1)
    #expect(half("11/04/2027") == .spring2)
    #expect(half("31/08/2027") == .summer2)
    #expect(t.halfTerm(containing: UKDate.parse("01/09/2027")!) == HalfTermRef(y.next, .autumn1))
  }

  @Test func usualDatesStartOnWeekdaysInOrder() {
    for start in 2024...2032 {
      let d = TermDates.usual(AcademicYear(startYear: start))
      #expect(zip(d.starts, d.starts.dropFirst()).allSatisfy { $0 < $1 })
      #expect(d.starts.allSatisfy { (($0.dayNumber % 7) + 10) % 7 < 5 }, "\(start): a weekday")
    }
    #expect(TermDates.usual(y).starts.map(\.description).first == "2026-09-03")
    #expect(TermDates.usual(y).start(of: .autumn2).description == "2026-11-02")
  }
}
