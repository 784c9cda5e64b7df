import ArgumentParser
import CohortCore
import CohortStore

struct SchoolCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "school", abstract: "Add, edit, list and remove the trust's schools.",
    subcommands: [Add.self, Edit.self, List.self, Remove.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a school to the trust.")
    @OptionGroup var options: DataOptions
    @Option(help: "Its id: lower-case letters, digits and - (it names its folder).") var id: String
    @Option(help: "The school's full name.") var name: String
    @Option(help: "A short name for charts (e.g. \"St Mary's\").") var short: String?
    @Option(help: "DfE unique reference number (6 digits).") var urn: String?
    @Option(help: "The local authority's DfE code (3 digits).") var la: String?
    @Option(help: "The DfE establishment number (4 digits).") var estab: String?

    func run() throws {
      let ref = try SchoolRef.checked(id: id, name: name, shortName: short, urn: urn, la: la, estab: estab)
      try TrustSetup(folder: options.folder()).addSchool(ref)
      print("Added \(ref.name) (\(ref.id))")
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Change a school's name or numbers (\"\" clears one).")
    @OptionGroup var options: DataOptions
    @Option(help: "The school's id.") var id: String
    @Option(help: "The school's full name.") var name: String?
    @Option(help: "A short name for charts.") var short: String?
    @Option(help: "DfE unique reference number (6 digits).") var urn: String?
    @Option(help: "The local authority's DfE code (3 digits).") var la: String?
    @Option(help: "The DfE establishment number (4 digits).") var estab: String?

    func run() throws {
      guard [name, short, urn, la, estab].contains(where: { $0 != nil }) else {
        throw CommandFailure("nothing to change: give --name, --short, --urn, --la or --estab")
      }
      try TrustSetup(folder: options.folder()).editSchool(
        id, name: name, shortName: short, urn: urn, la: la, estab: estab)
      print("Saved \(id)")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the trust's schools.")
    @OptionGroup var options: DataOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Row: Encodable {
      var id: String
      var name: String
      var shortName: String?
      var urn: String?
      var la: String?
      var estab: String?
      var pupils: Int
    }

    func run() throws {
      let folder = options.folder()
      let trust = try folder.loadTrust()
      let rows = try trust.schools.map { s in
        Row(
          id: s.id, name: s.name, shortName: s.shortName, urn: s.urn, la: s.la, estab: s.estab,
          pupils: try folder.loadRoster(s.id).pupils.filter { $0.leftOn == nil }.count)
      }
      if json { return try printJSON(rows) }
      if rows.isEmpty { return print("\(trust.name) has no schools yet: add one with `cohort school add`") }
      for r in rows {
        let numbers = [r.urn.map { "URN \($0)" }, r.la.flatMap { la in r.estab.map { "DfE \(la)/\($0)" } }]
          .compactMap { $0 }.joined(separator: ", ")
        print("\(r.id)  \(r.name)\(numbers.isEmpty ? "" : "  (\(numbers))")  \(plural(r.pupils, "pupil")) on roll")
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove a school that holds no pupils.")
    @OptionGroup var options: DataOptions
    @Option(help: "The school's id.") var id: String

    func run() throws {
      try TrustSetup(folder: options.folder()).removeSchool(id)
      print("Removed \(id)")
    }
  }
}
