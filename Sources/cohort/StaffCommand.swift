import ArgumentParser
import CohortCore
import CohortStore

struct StaffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staff", abstract: "The trust's staff: the people named as teachers, owners and attendees.",
    subcommands: [Add.self, List.self, Remove.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a member of staff.")
    @OptionGroup var options: DataOptions
    @Option(help: "Their name as colleagues write it, e.g. \"Ms A Patel\".") var name: String
    @Option(help: "teacher, leader or administrator.") var role: String = "teacher"
    @Option(help: "A school they work in (repeat for more; none for trust-wide staff).") var school: [String] = []

    func run() throws {
      let m = try TrustSetup(folder: options.folder()).addStaff(
        name: name, role: try StaffRole.parse(role), schools: school)
      print("Added \(m.name) (\(m.role.rawValue))")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the trust's staff.")
    @OptionGroup var options: DataOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let trust = try options.folder().loadTrust()
      if json { return try printJSON(trust.staff) }
      if trust.staff.isEmpty { return print("No staff yet: add them with `cohort staff add`") }
      for m in trust.staff {
        let where_ =
          m.schools.isEmpty ? "trust-wide" : m.schools.compactMap { trust.school($0)?.name }.joined(separator: ", ")
        print("\(m.name)  \(m.role.label)  \(where_)")
      }
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove a member of staff (by name or id).")
    @OptionGroup var options: DataOptions
    @Option(help: "Their name or id.") var name: String

    func run() throws {
      try TrustSetup(folder: options.folder()).removeStaff(name)
      print("Removed \(name)")
    }
  }
}
