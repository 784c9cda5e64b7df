import ArgumentParser
import CohortCore
import CohortStore

extension ClassCommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A school's classes in a year with their pupils, and the pupils not yet in a class.")
    @OptionGroup var options: DataOptions
    @Option(help: "The school's id.") var school: String
    @Option(help: "Academic year, e.g. 2026-27.") var year: String
    @Flag(help: "Print JSON for scripts.") var json = false

    struct PupilRow: Encodable {
      var id: String
      var upn: String?
      var name: String
      var yearGroup: String
    }
    struct ClassRow: Encodable {
      var id: String
      var name: String
      var yearGroups: [String]
      var teachers: [String]
      var pupils: [PupilRow]
    }
    struct Output: Encodable {
      var school: String
      var year: String
      var classes: [ClassRow]
      var unplaced: [PupilRow]
    }

    func run() throws {
      let folder = options.folder()
      let y = try AcademicYear.parse(year)
      let trust = try folder.loadTrust()
      guard trust.school(school) != nil else { throw trust.unknownSchool(school) }
      let s = try folder.loadSchool(school)
      let roster = try folder.loadRoster(school)
      func row(_ p: Pupil) -> PupilRow {
        PupilRow(id: p.id, upn: p.upn, name: p.fullName, yearGroup: p.yearGroup(in: y).shortLabel)
      }
      let classes = try s.classes(in: y).map { c in
        let doc = try folder.loadClassYear(school: school, classID: c.id, year: y)
        return ClassRow(
          id: c.id, name: c.name, yearGroups: c.yearGroups.map(\.shortLabel), teachers: c.teachers,
          pupils: doc.members.compactMap { roster.pupil(id: $0) }.map(row))
      }
      let unplaced = try TrustSetup(folder: folder).unplaced(school: school, year: y).map(row)
      let out = Output(school: school, year: y.description, classes: classes, unplaced: unplaced)
      if json { return try printJSON(out) }
      if classes.isEmpty { print("\(s.name) has no classes in \(y) yet: add one with `cohort class add`") }
      for c in classes {
        let who = c.teachers.isEmpty ? "" : ", " + c.teachers.joined(separator: ", ")
        print("\(c.id)  \(c.name) (\(c.yearGroups.joined(separator: "/"))\(who)): \(plural(c.pupils.count, "pupil"))")
      }
      if !unplaced.isEmpty {
        print(
          "Not in a class yet (\(unplaced.count)); place each with `cohort class move --pupil UPN --to CLASS --year \(y)`:"
        )
        for p in unplaced { print("  \(p.upn ?? p.id)  \(p.name)  \(p.yearGroup)") }
      }
    }
  }
}
