import ArgumentParser
import CohortCharts
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

struct PupilCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pupil", abstract: "A pupil's data: export all of it (a subject access request) or erase it.",
    subcommands: [Export.self, Erase.self])

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Everything held about one pupil, as JSON or a PDF.")
    @OptionGroup var options: DataOptions
    @Option(help: "The pupil's UPN or Cohort id.") var pupil: String
    @Option(help: "FILE.json or FILE.pdf (- for JSON on standard output).") var out: String

    func run() throws {
      let export = try PupilDataExport.gather(options.folder(), pupil: pupil)
      if out.lowercased().hasSuffix(".pdf") {
        let opened = try options.open()
        let today = SchoolDate.today()
        let request = ReportRequest(
          folder: opened.folder, trust: opened.trust, registry: opened.registry, scheme: opened.scheme,
          scope: .pupils([export.pupil.id]), when: HalfTermRef(AcademicYear(containing: today), .containing(today)))
        let document = try opened.registry.report(PluginRegistry.pupilDataReport).make(request)
        try OutputFile.write(try ReportRenderer(document, made: today.ukDescription).pdf(), to: out)
      } else if out == "-" || out.lowercased().hasSuffix(".json") {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try OutputFile.write(try encoder.encode(export), to: out)
      } else {
        throw CommandFailure("--out must name a .json or a .pdf file")
      }
      let n = export.judgements.count + export.scores.count + export.meetings.count + export.statutory.count
      let said =
        "Wrote everything held about the pupil (\(plural(n, "record"))) to \(out == "-" ? "standard output" : out)"
      FileHandle.standardError.write(Data((said + "\n").utf8))
    }
  }

  struct Erase: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Erase one pupil's personal data from every document and journal (cannot be undone).")
    @OptionGroup var options: DataOptions
    @Option(help: "The pupil's UPN or Cohort id.") var pupil: String
    @Option(help: "Why, for the journal (no personal details): e.g. \"subject's request\".") var reason =
      "erasure request"
    @Flag(help: "Erase: without it, says whom and what, and changes nothing.") var yes = false

    func run() throws {
      let folder = options.folder()
      let (_, found) = try folder.findPupil(pupil)
      guard yes else {
        throw CommandFailure(
          "this erases \(found.fullName)'s data from every document, copy and journal, and cannot be undone: add --yes to go ahead"
        )
      }
      let outcome = try PupilErasure(folder: folder).erase(pupil, reason: reason)
      print(
        "Erased \(found.fullName): \(plural(outcome.documents, "document")) changed, \(plural(outcome.journalLines, "journal line")) removed"
      )
      if !outcome.leftovers.isEmpty {
        throw CommandFailure(
          "the pupil is still named in \(outcome.leftovers.joined(separator: ", ")): check them by hand")
      }
    }
  }
}

struct RetentionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retention", abstract: "The trust's retention period for leavers' data.",
    subcommands: [Set.self, Apply.self])

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "How many years after leaving a pupil's data is kept.")
    @OptionGroup var options: DataOptions
    @Option(help: "Years after leaving (e.g. 6), or none.") var years: String

    func run() throws {
      let n: Int? = years.lowercased() == "none" ? nil : Int(years)
      guard n != nil || years.lowercased() == "none" else {
        throw CommandFailure("--years takes a number of years or none")
      }
      try TrustSetup(folder: options.folder()).edit { t, now in try t.setRetention(years: n, at: now) }
      print(n.map { "Leavers' data is kept \(plural($0, "year")) after they leave" } ?? "No retention period")
    }
  }

  struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Erase the leavers kept longer than the retention period.")
    @OptionGroup var options: DataOptions
    @Flag(name: .customLong("dry-run"), help: "List who would be erased; change nothing.") var dryRun = false

    func run() throws {
      let folder = options.folder()
      guard let years = try folder.loadTrust().retentionYears else {
        throw CommandFailure("the trust has no retention period: set one with `cohort retention set --years 6`")
      }
      let due = try Retention.due(folder, today: SchoolDate.today())
      for d in due {
        print("\(dryRun ? "Would erase" : "Erasing") \(d.pupil.fullName), left \(d.pupil.leftOn!.ukDescription)")
        if !dryRun { _ = try PupilErasure(folder: folder).erase(d.pupil.id, reason: "retention period") }
      }
      print(
        "\(plural(due.count, "leaver")) kept more than \(plural(years, "year")) after leaving\(dryRun ? " (nothing changed)" : "")"
      )
    }
  }
}
