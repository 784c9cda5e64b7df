import ArgumentParser
import CohortCore
import CohortStore
import Foundation

/// `cohort rollover --to 2027-28`: every school (or one) moves into the new academic year.
struct RolloverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rollover",
    abstract: "Start a new academic year: pupils move up, Year 6 leave, the old year becomes read-only.")

  @OptionGroup var options: DataOptions
  @Option(help: "The new academic year, e.g. 2027-28.") var to: String
  @Option(help: "Only this school.") var school: String?
  @Option(help: "A CSV of next year's classes: school, name, year groups (e.g. 3/4), optional id.") var plan: String?
  @Flag(name: .customLong("dry-run"), help: "Show what would happen; change nothing.") var dryRun = false

  func run() throws {
    let (folder, trust, _) = try options.open().parts
    let year = try AcademicYear.parse(to)
    let schools =
      try school.map { s -> [String] in
        guard trust.schools.contains(where: { $0.id == s }) else { throw InputError("no school '\(s)' in this trust") }
        return [s]
      } ?? folder.presentSchools(of: trust).map(\.id)
    let plans = try plan.map { try Self.readPlan($0) } ?? [:]
    let rollover = Rollover(folder: folder)
    // Every school is checked first, so that a refusal changes no school at all.
    for s in schools { _ = try rollover.run(school: s, to: year, plan: .init(classes: plans[s]), dryRun: true) }
    for s in schools {
      let o = try rollover.run(school: s, to: year, plan: .init(classes: plans[s]), dryRun: dryRun)
      print(
        "\(s): \(plural(o.movedUp, "pupil")) moved up into \(plural(o.classes, "class", "classes")) for \(year); \(plural(o.leavers, "Year 6 leaver")); \(year.previous) \(dryRun ? "would be" : "is now") read-only"
      )
      if !o.unplaced.isEmpty {
        print("\(s): no class for \(plural(o.unplaced.count, "pupil")): \(o.unplaced.joined(separator: ", "))")
      }
    }
    if dryRun { print("Dry run: nothing was changed.") }
  }

  /// school,name,year groups[,id] -> next year's classes per school.
  static func readPlan(_ path: String) throws -> [String: [SchoolClass]] {
    let data = try InputFile.read(path)
    let rows = CSVReader.rows(CSVReader.decode(data).text)
    guard let header = rows.first else { throw InputError("\(path) is empty") }
    let cols = CSVColumns(header)
    guard let sc = cols.index(["school"]), let nc = cols.index(["name", "class"]),
      let yc = cols.index(["year groups", "years", "year"])
    else { throw InputError("\(path), line 1: expected columns school, name and year groups") }
    let ic = cols.index(["id"])
    var out: [String: [SchoolClass]] = [:]
    for (n, row) in rows.enumerated().dropFirst() where !row.allSatisfy({ $0.isEmpty }) {
      guard let s = CSVColumns.field(row, sc), let name = CSVColumns.field(row, nc), let ys = CSVColumns.field(row, yc)
      else { throw InputError("\(path), line \(n + 1): school, name and year groups are needed") }
      let groups = try ys.split(whereSeparator: { "/;+& ".contains($0) }).map { try YearGroup.parse(String($0)) }
      let id = CSVColumns.field(row, ic) ?? slug("\(s) \(name)")
      guard isSafeID(id) else { throw InputError("\(path), line \(n + 1): '\(id)' is not a valid class id") }
      out[s, default: []].append(SchoolClass(id: id, name: name, yearGroups: groups))
    }
    return out
  }
}
