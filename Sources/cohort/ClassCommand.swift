import ArgumentParser
import CohortCore
import CohortStore

struct ClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class", abstract: "Add, edit, list and remove a year's classes; move pupils between them.",
    subcommands: [Add.self, Edit.self, List.self, Remove.self, Move.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a class for an academic year.")
    @OptionGroup var options: DataOptions
    @Option(help: "The school's id.") var school: String
    @Option(help: "Academic year, e.g. 2026-27.") var year: String
    @Option(help: "The class's name, e.g. Oak.") var name: String
    @Option(
      name: .customLong("year-groups"), help: "Its year groups: 3, or 3,4 for a mixed-age class; R for Reception.")
    var yearGroups: String
    @Option(help: "A teacher from the trust's staff (repeat for more).") var teacher: [String] = []

    func run() throws {
      let c = try TrustSetup(folder: options.folder()).addClass(
        school: school, year: try AcademicYear.parse(year), name: name, yearGroups: try YearGroup.parseList(yearGroups),
        teachers: teacher)
      print("Added \(c.name) (\(c.yearGroupsLabel)) for \(year): its id is \(c.id)")
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rename a class, or set its year groups or teachers.")
    @OptionGroup var options: DataOptions
    @Option(name: .customLong("class"), help: "The class's id.") var classID: String
    @Option(help: "Academic year, e.g. 2026-27.") var year: String
    @Option(help: "A new name.") var name: String?
    @Option(name: .customLong("year-groups"), help: "Its year groups: 3, or 3,4.") var yearGroups: String?
    @Option(help: "Its teachers, from the trust's staff (repeat for more; replaces the list).") var teacher: [String] =
      []
    @Flag(name: .customLong("no-teacher"), help: "Clear its teachers.") var noTeacher = false

    func run() throws {
      guard name != nil || yearGroups != nil || !teacher.isEmpty || noTeacher else {
        throw CommandFailure("nothing to change: give --name, --year-groups, --teacher or --no-teacher")
      }
      try TrustSetup(folder: options.folder()).editClass(
        classID, year: try AcademicYear.parse(year), name: name, yearGroups: try yearGroups.map(YearGroup.parseList),
        teachers: noTeacher ? [] : teacher.isEmpty ? nil : teacher)
      print("Saved \(classID)")
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove a class with no pupils and nothing entered.")
    @OptionGroup var options: DataOptions
    @Option(name: .customLong("class"), help: "The class's id.") var classID: String
    @Option(help: "Academic year, e.g. 2026-27.") var year: String

    func run() throws {
      try TrustSetup(folder: options.folder()).removeClass(classID, year: try AcademicYear.parse(year))
      print("Removed \(classID) for \(year)")
    }
  }

  struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Put a pupil in a class for the year (out of the class they were in; their codes stay with it).")
    @OptionGroup var options: DataOptions
    @Option(help: "The pupil's UPN or Cohort id.") var pupil: String
    @Option(help: "The class's id.") var to: String
    @Option(help: "Academic year, e.g. 2026-27.") var year: String

    func run() throws {
      let note = try TrustSetup(folder: options.folder()).movePupil(pupil, to: to, year: try AcademicYear.parse(year))
      print("Placed \(pupil) in \(to) for \(year)")
      if let note { print("Note: \(note)") }
    }
  }
}
