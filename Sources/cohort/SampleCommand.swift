import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortSample
import CohortServices
import CohortStore
import Foundation

struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample", abstract: "Generate a deterministic synthetic trust (same seed, same bytes).")

  @OptionGroup var options: DataOptions
  @Option(help: "Number of schools.") var schools = 7
  @Option(name: .customLong("pupils-per-school"), help: "Pupils on roll per school.") var pupilsPerSchool = 210
  @Option(help: "Academic years of history.") var years = 2
  @Option(help: "Random seed.") var seed = 1
  @Option(name: .customLong("end-year"), help: "Last academic year (default: the current one).") var endYear: String?
  @Option(help: "Last half-term with judgements in the last year (default: the one before today's).")
  var through: String?
  @Option(name: .customLong("trust-name"), help: "The trust's name.") var trustName = "Sample Learning Trust"
  @Flag(help: "Also record every generated code and score in the journal (so it can be replayed).")
  var journal = false

  func validate() throws {
    guard (1...500).contains(schools) else { throw ValidationError("--schools must be 1-500") }
    guard (7...3000).contains(pupilsPerSchool) else { throw ValidationError("--pupils-per-school must be 7-3000") }
    guard (1...20).contains(years) else { throw ValidationError("--years must be 1-20") }
  }

  func run() throws {
    let folder = options.folder()
    if folder.exists { throw CommandFailure("\(options.data) already holds a trust: choose an empty folder") }
    let now = Date()
    let today = SchoolDate(dayNumber: Int(now.timeIntervalSince1970 / 86_400))
    var opts = SampleOptions.asOf(today)
    if let endYear { opts.endYear = try AcademicYear.parse(endYear) }
    if let through { opts.through = try HalfTerm.parse(through) } else if endYear != nil { opts.through = .summer2 }
    opts.schools = schools
    opts.pupilsPerSchool = pupilsPerSchool
    opts.years = years
    opts.seed = seed
    let registry = BuiltInPlugins.registry()
    let trust = SampleTrust.trust(opts, name: trustName)
    let scheme = try registry.codeScheme(for: trust)
    let tests = registry.tests(for: trust)
    try folder.saveTrust(trust)
    let plan = opts
    let record = journal
    let journalLock = NSLock()
    // Schools are independent streams: make and write them on every core.
    let written = Parallel.results(schools) { i in
      let s = SampleTrust.school(i, options: plan, scheme: scheme, subjects: trust.subjects, tests: tests)
      try folder.saveSchool(s.school)
      try folder.saveRoster(s.roster)
      for doc in s.classYears {
        let path = DataFolder.classPath(school: doc.school, year: doc.year, classID: doc.classID)
        try folder.write(doc, at: path)
        if record {
          try journalLock.withLock { try folder.journal(folder.journalEntries(doc, since: nil, path: path)) }
        }
      }
    }
    for case .failure(let error) in written { throw CommandFailure("\(error)") }
    var withStaff = try folder.loadTrust()
    withStaff.staff = SampleTrust.staff(of: try folder.loadSchools(of: withStaff))
    try folder.saveTrust(withStaff)
    let seconds = Date().timeIntervalSince(now)
    print(
      "Generated \(trust.name): \(schools) schools, \(opts.firstYear) to \(opts.endYear) (through \(opts.through.label)) in \(String(format: "%.1f", seconds)) s"
    )
  }
}
