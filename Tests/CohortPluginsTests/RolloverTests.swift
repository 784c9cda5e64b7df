import CohortCore
import CohortPluginKit
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

@Suite struct RolloverTests {
  func pupils(_ s: SampleFolder, _ classID: String, _ year: AcademicYear) throws -> [String] {
    try s.folder.loadClassYear(school: "oakfield", classID: classID, year: year).pupils
  }

  @Test func aPlanOfMixedAgeClassesTakesEachYearGroupIntoItsClass() throws {
    let s = try SampleFolder()
    let next = s.year.next
    let roster = try s.folder.loadRoster("oakfield")
    let onRoll = { (ids: [String]) in ids.filter { roster.pupil(id: $0)?.leftOn == nil } }
    let (r, y1, y4, y5) = try (
      onRoll(pupils(s, "oakfield-r", s.year)), onRoll(pupils(s, "oakfield-y1", s.year)),
      onRoll(pupils(s, "oakfield-y4", s.year)), onRoll(pupils(s, "oakfield-y5", s.year))
    )
    let y6 = try pupils(s, "oakfield-y6", s.year)
    let plan = Rollover.Plan(classes: [
      SchoolClass(id: "oak-robins", name: "Robins", yearGroups: [.reception]),
      SchoolClass(id: "oak-kestrels", name: "Kestrels", yearGroups: [YearGroup(1), YearGroup(2)]),
      SchoolClass(id: "oak-owls", name: "Owls", yearGroups: [YearGroup(3), YearGroup(4)]),
      SchoolClass(id: "oak-hawks", name: "Hawks", yearGroups: [YearGroup(5), YearGroup(6)]),
    ])
    let dry = try Rollover(folder: s.folder).run(school: "oakfield", to: next, plan: plan, dryRun: true)
    #expect(try s.folder.loadSchool("oakfield").classes(in: next).isEmpty, "a dry run changes nothing")
    let o = try Rollover(folder: s.folder).run(school: "oakfield", to: next, plan: plan)
    #expect(o.movedUp == dry.movedUp && o.leavers == dry.leavers && o.unplaced.isEmpty && o.classes == 4)
    #expect(try pupils(s, "oak-kestrels", next) == r + y1, "Reception and Year 1 become Years 1 and 2")
    #expect(try pupils(s, "oak-hawks", next) == y4 + y5, "Years 4 and 5 become Years 5 and 6")
    #expect(try pupils(s, "oak-robins", next).isEmpty, "the new Reception comes from the next roster import")
    let after = try s.folder.loadRoster("oakfield")
    #expect(y6.allSatisfy { after.pupil(id: $0)?.leftOn != nil })
    #expect(o.leavers == y6.filter { roster.pupil(id: $0)?.leftOn == nil }.count)
    let school = try s.folder.loadSchool("oakfield")
    #expect(
      school.readOnlyYears == [s.year]
        && school.classes(in: next).map(\.name) == ["Robins", "Kestrels", "Owls", "Hawks"])
    // Nothing saves into the closed year: not an import, not a single edit.
    var doc = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y5", year: s.year)
    doc.set("G", pupil: y5[0], subject: "reading", halfTerm: .summer2, by: s.folder.author, at: DataFolder.now())
    #expect(throws: StoreError.self) { try s.folder.save(doc) }
    #expect(throws: StoreError.self) { try s.folder.saveAll([doc]) }
    #expect(
      try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y5", year: s.year).cells.count == doc.cells
        .count - 1)
    // A roster import joins pupils to next year's classes, and refuses the closed year.
    let p0 = try #require(after.pupils.first { $0.leftOn == nil && y5.contains($0.id) })
    let csv = "UPN,Surname,Forename,DOB\n\(p0.upn!),\(p0.surname),\(p0.forename),\(p0.dob)\n"
    func importing(_ options: [String: String]) throws -> ImportPreview {
      try RosterCSVImporter().preview(
        ImportRequest(
          folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(csv.utf8),
          fileName: "r.csv",
          options: options.merging(["school": "oakfield"]) { a, _ in a }))
    }
    #expect(try importing([:]).isEmpty)
    #expect(throws: InputError.self) { try importing(["year": s.year.description]) }
    // Another school of the trust is untouched until it is rolled over itself.
    #expect(try s.folder.loadSchool("riverside").readOnlyYears.isEmpty)
  }

  @Test func schoolDocumentsWithoutReadOnlyYearsReadAndWriteAsBefore() throws {
    let json = #"{"classes":{},"format":2,"id":"oak","name":"Oak"}"#
    let school = try JSONDecoder().decode(School.self, from: Data(json.utf8))
    #expect(school.readOnlyYears.isEmpty)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(String(decoding: try encoder.encode(school), as: UTF8.self) == json)
  }
}
