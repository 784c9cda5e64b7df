import CohortCore
import Foundation
import Testing

@testable import CohortStore

@Suite struct ConflictCopyTests {
  let year = AcademicYear(startYear: 2026)

  @Test(arguments: [
    ("oak-y3.sync-conflict-20261129-101530-ABCDEF7.json", true),
    ("oak-y3 (conflicted copy 2026-11-29 101530).json", true),
    ("oak-y3 (Amira's conflicted copy 2026-11-29).json", true), ("oak-y3.json", false), ("oak-y3 (copy).json", false),
    ("oak-y3b.json", false),
  ])
  func recognisesTheCopiesSyncToolsMake(name: String, isCopy: Bool) {
    #expect(DataFolder.isConflictCopy(name, of: "oak-y3") == isCopy)
  }

  @Test func copiesAreMergedCellByCellAndSetAside() throws {
    let t = TestFolder()
    let f = t.folder()
    try f.saveTrust(Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")]))
    var main = ClassYear(school: "oak", classID: "oak-y3", year: year, pupils: ["p1", "p2", "p3"])
    main.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: Author(by: "A", device: "a"), at: 10)
    main = try f.save(main)
    // Two laptops edited while offline; their sync tools left copies beside the document.
    var laptopB = main
    laptopB.set("Y", pupil: "p2", subject: "reading", halfTerm: .autumn1, by: Author(by: "B", device: "b"), at: 20)
    laptopB.set("P", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: Author(by: "B", device: "b"), at: 30)
    var laptopC = main
    laptopC.set("G", pupil: "p3", subject: "maths", halfTerm: .autumn1, by: Author(by: "C", device: "c"), at: 25)
    let folder = "schools/oak/2026-27/"
    try t.write(
      folder + "oak-y3.sync-conflict-20261129-101530-BBBBBBB.json",
      String(decoding: try DocumentCoding.encode(laptopB), as: UTF8.self))
    try t.write(
      folder + "oak-y3 (conflicted copy 2026-11-29 101600).json",
      String(decoding: try DocumentCoding.encode(laptopC), as: UTF8.self))
    try t.write(folder + "oak-y3.sync-conflict-20261129-101700-DDDDDDD.json", "{ not json")
    #expect(f.conflictCopies(school: "oak", year: year).count == 3)
    #expect(try f.absorbConflictCopies(school: "oak", classID: "oak-y3", year: year) == 2)
    let doc = try f.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    #expect(doc.code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == "P")
    #expect(doc.code(pupil: "p2", subject: "reading", halfTerm: .autumn1) == "Y")
    #expect(doc.code(pupil: "p3", subject: "maths", halfTerm: .autumn1) == "G")
    let files = t.files()
    #expect(files.contains(folder + ".conflicts/oak-y3.sync-conflict-20261129-101530-BBBBBBB.json"))
    // The unreadable copy is left where it is, for a person to look at.
    #expect(files.contains(folder + "oak-y3.sync-conflict-20261129-101700-DDDDDDD.json"))
    #expect(try f.absorbConflictCopies(school: "oak", classID: "oak-y3", year: year) == 0)
    #expect(f.fileMode(folder + ".conflicts") == 0o700)
  }
}

@Suite struct SetupConflictCopyTests {
  @Test func trustAndSchoolCopiesMergePartByPartAndAreSetAside() throws {
    let t = TestFolder()
    let f = t.folder()
    var base = Trust(id: "t", name: "T")
    _ = try base.addSchool(SchoolRef(id: "oak", name: "Oak"), at: 10)
    try f.saveTrust(base)
    try f.saveSchool(School(id: "oak", name: "Oak"))
    var mine = try f.loadTrust()
    _ = try mine.addStaff(name: "Ms A Patel", role: .teacher, schools: [], at: 20)
    try f.saveTrust(mine)
    var theirs = base
    _ = try theirs.addStaff(name: "Mr B Jones", role: .leader, schools: [], at: 30)
    try t.write(
      "trust.sync-conflict-20261201-101530-BBBBBBB.json",
      String(decoding: try DocumentCoding.encode(theirs), as: UTF8.self))
    var school = School(id: "oak", name: "Oak")
    let y = AcademicYear(startYear: 2026)
    _ = try school.addClass(
      School.checkedClass(id: "oak-3a", name: "3A", yearGroups: [YearGroup(3)], teachers: []), year: y, at: 40)
    try t.write(
      "schools/oak/school (conflicted copy 2026-12-01 101600).json",
      String(decoding: try DocumentCoding.encode(school), as: UTF8.self))
    #expect(try f.absorbSetupConflictCopies() == 2)
    #expect(Set(try f.loadTrust().staff.map(\.name)) == ["Ms A Patel", "Mr B Jones"])
    #expect(try f.loadSchool("oak").classes(in: y).map(\.id) == ["oak-3a"])
    let aside = try FileManager.default.contentsOfDirectory(atPath: f.root + "/.conflicts")
    #expect(aside == ["trust.sync-conflict-20261201-101530-BBBBBBB.json"])
    #expect(try f.absorbSetupConflictCopies() == 0, "nothing left to absorb")
  }
}
