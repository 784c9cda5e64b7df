import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show a class: its grid (the default) or judgements beside scores.",
    subcommands: [ShowGrid.self, ShowSideBySide.self, ShowAnalysis.self, ShowFlags.self, ShowTransitions.self],
    defaultSubcommand: ShowGrid.self)
}

struct ShowGrid: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "grid", abstract: "Show a class's grid for a half-term.")

  @OptionGroup var options: DataOptions
  @Option(name: .customLong("class"), help: "Class id.") var classID: String
  @Option(help: "School id, when class ids repeat.") var school: String?
  @Option(help: "Academic year, e.g. 2026-27.") var year: String
  @Option(name: .customLong("half-term"), help: "autumn1 ... summer2.") var halfTerm: String
  @Flag(help: "Print JSON for scripts.") var json = false

  struct Row: Encodable {
    var id: String
    var upn: String?
    var name: String
    var judgements: [String: String]
  }
  struct Grid: Encodable {
    var `class`: String
    var year: String
    var halfTerm: String
    var pupils: [Row]
  }

  func run() throws {
    let (folder, trust, scheme) = try options.open().parts
    let academicYear = try AcademicYear.parse(year)
    let half = try HalfTerm.parse(halfTerm)
    let (s, c) = try folder.findClass(classID, year: academicYear, school: school)
    let doc = try folder.loadClassYear(school: s.id, classID: c.id, year: academicYear)
    let roster = try folder.loadRoster(s.id)
    let subjects = trust.subjects(for: c.yearGroups)
    let rows = doc.members.map { id -> (Row, Pupil?) in
      let p = roster.pupil(id: id)
      var codes: [String: String] = [:]
      for subject in subjects {
        if let code = doc.code(pupil: id, subject: subject.id, halfTerm: half) { codes[subject.id] = code }
      }
      return (Row(id: id, upn: p?.upn, name: p?.fullName ?? "(not on roster)", judgements: codes), p)
    }
    if json {
      try printJSON(Grid(class: c.id, year: academicYear.description, halfTerm: half.rawValue, pupils: rows.map(\.0)))
      return
    }
    print("\(s.name), \(c.name) (\(c.id)), \(academicYear) \(half.label): \(rows.count) pupils")
    let nameWidth = max(20, rows.map { $0.0.name.count }.max() ?? 0)
    var header = pad("Pupil", nameWidth) + "  " + pad("Flags", 14)
    for subject in subjects { header += "  " + pad(subject.name, 9) }
    print(header)
    for (row, pupil) in rows {
      var line = pad(row.name, nameWidth) + "  " + pad(flags(pupil), 14)
      for subject in subjects { line += "  " + pad(row.judgements[subject.id] ?? "-", 9) }
      print(line)
    }
    let key = scheme.codes.map { "\($0.id) \($0.label)" }.joined(separator: ", ")
    print("Codes: \(key)")
  }

  func flags(_ p: Pupil?) -> String {
    guard let p else { return "" }
    var f: [String] = []
    if p.isDisadvantaged { f.append("PP") }
    if p.serviceChild { f.append("SC") }
    if p.send != .none { f.append("SEND-\(p.send.rawValue)") }
    if p.eal { f.append("EAL") }
    return f.joined(separator: " ")
  }

  func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
  }
}
