import ArgumentParser
import CohortCore
import CohortStore
import Foundation

/// `cohort history --pupil ID`: every recorded change to a pupil's codes and scores, from
/// every device's journal, oldest first.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "Who changed a pupil's codes and scores, and when.")

  @OptionGroup var options: DataOptions
  @Option(help: "The pupil's UPN or Cohort id.") var pupil: String
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let folder = options.folder()
    let (school, found) = try folder.findPupil(pupil)
    let entries = try folder.journalEntries(school: school).filter { $0.pupil == found.id }
    if json {
      try printJSON(entries)
      return
    }
    for e in entries {
      let what = e.subject.map { "\($0) \(e.halfTerm?.rawValue ?? "")" } ?? "\(e.test ?? "") \(e.term?.rawValue ?? "")"
      let change = "\(e.old ?? "-") -> \(e.new ?? "-")"
      // Roster events (imports, leaving, the rollover) belong to no subject or test.
      let line = e.subject == nil && e.test == nil ? e.event ?? change : "\(what): \(e.event ?? change)"
      print("\(SchoolDate.isoTime(e.at))  \(e.by) on \(e.device)  \(line)")
    }
    print("\(plural(entries.count, "change")) to \(found.id)")
  }
}
