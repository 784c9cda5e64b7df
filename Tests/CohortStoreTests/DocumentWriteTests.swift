import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// Whole documents (a roster, a school, statutory results) saved in the same all-or-nothing
/// write as class-years: an import of a roster changes all of them or none.
@Suite struct DocumentWriteTests {
  let year = AcademicYear(startYear: 2026)

  func seed(_ t: TestFolder) throws -> (ClassYear, Roster) {
    let f = t.folder()
    var school = School(id: "oak", name: "Oak")
    school.classes[year] = [SchoolClass(id: "oak-y3", name: "Year 3", yearGroups: [YearGroup(3)])]
    try f.saveSchool(school)
    let roster = Roster(
      school: "oak", pupils: [Pupil(id: "p1", forename: "A", surname: "B", dob: SchoolDate(iso: "2018-01-02")!)])
    try f.saveRoster(roster)
    return (try f.save(ClassYear(school: "oak", classID: "oak-y3", year: year, pupils: ["p1"])), roster)
  }

  func change(_ doc: ClassYear, _ roster: Roster) -> (ClassYear, Roster, StatutoryResults) {
    var d = doc
    d.pupils.append("p2")
    var r = roster
    r.pupils.append(Pupil(id: "p2", forename: "C", surname: "D", dob: SchoolDate(iso: "2018-03-04")!))
    var s = StatutoryResults(school: "oak")
    s.merge([StatutoryResult(stage: "KS1", year: 2025, subject: "PHO", method: "TT", result: "33")], for: "p2")
    return (d, r, s)
  }

  @Test func rosterClassAndResultsAreSavedTogetherAtEveryFailingStep() throws {
    let t = TestFolder()
    let (doc, roster) = try seed(t)
    let paths = [
      DataFolder.classPath(school: "oak", year: year, classID: "oak-y3"), DataFolder.rosterPath("oak"),
      DataFolder.statutoryPath("oak"),
    ]
    let before = paths.map { t.bytes($0) }
    let (d, r, s) = change(doc, roster)
    func writes(_ f: DataFolder) throws -> [DocumentWrite] {
      [
        try .roster(r, base: roster, journal: [f.event(doc: DataFolder.rosterPath("oak"), pupil: "p2", "new pupil")]),
        try .statutory(s, base: nil, journal: []),
      ]
    }
    let counter = FaultyFileSystem()
    try t.folder(fs: counter).saveAll([d], with: try writes(t.folder()))
    #expect(try t.folder().loadRoster("oak") == r && t.folder().loadStatutory("oak") == s)
    #expect(try t.folder().journalEntries().contains { $0.pupil == "p2" && $0.event == "new pupil" })
    let steps = counter.calls
    func restore() throws {
      for (i, p) in paths.enumerated() {
        if let b = before[i] {
          try t.write(p, String(decoding: b, as: UTF8.self))
        } else {
          try? FileManager.default.removeItem(atPath: t.path + "/" + p)
        }
      }
    }
    var failedCleanly = 0
    for n in 1...steps {
      try restore()
      do { try t.folder(fs: FaultyFileSystem(failAt: n, code: EIO)).saveAll([d], with: try writes(t.folder())) } catch {
        try t.folder().recover()
        let changed = zip(paths.map { t.bytes($0) }, before).filter { $0 != $1 }.count
        #expect(changed == 0 || changed == paths.count, "step \(n): \(changed) of \(paths.count) changed")
        if changed == 0 { failedCleanly += 1 }
      }
    }
    #expect(failedCleanly > 5)
  }

  @Test func aStaleOrUnreadableDocumentStopsTheWholeSave() throws {
    let t = TestFolder()
    let (doc, roster) = try seed(t)
    let (d, r, _) = change(doc, roster)
    let f = t.folder()
    let write = try DocumentWrite.roster(r, base: roster, journal: [])
    var other = roster
    other.pupils[0].eal = true
    try f.saveRoster(other)
    #expect(throws: StoreError.self) { try f.saveAll([d], with: [write]) }
    #expect(try f.loadClassYear(school: "oak", classID: "oak-y3", year: year).pupils == ["p1"])
    try t.write(DataFolder.rosterPath("oak"), "{ not json")
    #expect(throws: StoreError.self) { try f.saveAll([d], with: [write]) }
    #expect(t.bytes(DataFolder.rosterPath("oak")) == Data("{ not json".utf8), "never overwrite what did not parse")
  }

  @Test func aClosedYearRefusesEverySave() throws {
    let t = TestFolder()
    let (doc, _) = try seed(t)
    let f = t.folder()
    var school = try f.loadSchool("oak")
    school.readOnlyYears = [year]
    try f.saveSchool(school)
    var d = doc
    d.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 5)
    #expect(throws: StoreError.self) { try f.save(d) }
    #expect(throws: StoreError.self) { try f.saveAll([d]) }
    #expect(try f.loadClassYear(school: "oak", classID: "oak-y3", year: year).cells.isEmpty)
    #expect(try f.save(ClassYear(school: "oak", classID: "oak-y3", year: year.next, pupils: ["p1"])).pupils == ["p1"])
  }
}
