import ArgumentParser
import CohortCore
import CohortStore

struct TrustCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trust", abstract: "The trust's name, code scheme and subjects.",
    subcommands: [Show.self, Set.self, AddSubject.self, EditSubject.self])

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the trust's settings.")
    @OptionGroup var options: DataOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Output: Encodable {
      var id: String
      var name: String
      var codeScheme: String
      var codes: [String]
      var subjects: [Subject]
      var schools: [SchoolRef]
      var staff: Int
      var disagreementSteps: Int
    }

    func run() throws {
      let o = try options.open()
      let t = o.trust
      if json {
        return try printJSON(
          Output(
            id: t.id, name: t.name, codeScheme: t.codeScheme, codes: o.scheme.codes.map(\.id), subjects: t.subjects,
            schools: t.schools, staff: t.staff.count, disagreementSteps: t.disagreementSteps))
      }
      print(t.name)
      print("Code scheme: \(o.scheme.name) (\(o.scheme.codes.map(\.label).joined(separator: ", ")))")
      for s in t.subjects {
        let groups = s.yearGroups.map { " (\($0.map(\.shortLabel).joined(separator: ", ")))" } ?? ""
        print("Subject: \(s.name)\(groups)\(s.retired ? ", retired" : "")")
      }
      print("\(plural(t.schools.count, "school")), \(plural(t.staff.count, "member", "members")) of staff")
    }
  }

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rename the trust or choose its code scheme.")
    @OptionGroup var options: DataOptions
    @Option(help: "The trust's name.") var name: String?
    @Option(name: .customLong("code-scheme"), help: "A code scheme's id (`cohort plugins list` shows them).")
    var codeScheme: String?

    func run() throws {
      guard name != nil || codeScheme != nil else {
        throw CommandFailure("nothing to change: give --name or --code-scheme")
      }
      let o = try options.open()
      let setup = TrustSetup(folder: o.folder)
      if let codeScheme {
        guard let scheme = o.registry.codeScheme(id: codeScheme) else {
          let known = o.registry.codeSchemes.map(\.id).joined(separator: ", ")
          throw CommandFailure("no code scheme '\(codeScheme)': expected one of \(known)")
        }
        try setup.setCodeScheme(scheme.id, codes: Swift.Set(scheme.codes.map(\.id)))
        print("The trust uses \(scheme.name)")
      }
      if let name {
        try setup.edit { t, now in try t.rename(name, at: now) }
        print("Renamed the trust \(name)")
      }
    }
  }

  struct AddSubject: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-subject", abstract: "Add a subject to judge each half-term (science, phonics...).")
    @OptionGroup var options: DataOptions
    @Option(help: "Its name, e.g. Science.") var name: String
    @Option(help: "Its id (default: from the name).") var id: String?
    @Option(name: .customLong("year-groups"), help: "The year groups it is judged in, e.g. 1,2 (default: all).")
    var yearGroups: String?

    func run() throws {
      let groups = try yearGroups.map(YearGroup.parseList)
      try TrustSetup(folder: options.folder()).edit { t, now in
        try t.addSubject(id: id, name: name, yearGroups: groups, at: now)
      }
      print("Added \(name)")
    }
  }

  struct EditSubject: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit-subject", abstract: "Rename a subject, set its year groups, retire it or bring it back.")
    @OptionGroup var options: DataOptions
    @Option(help: "The subject's id or name.") var subject: String
    @Option(help: "A new name.") var name: String?
    @Option(name: .customLong("year-groups"), help: "The year groups it is judged in, e.g. 1,2, or all.")
    var yearGroups: String?
    @Flag(help: "Stop entering it (its judgements stay, and stay in history).") var retire = false
    @Flag(help: "Enter it again.") var restore = false

    func run() throws {
      guard !(retire && restore) else { throw CommandFailure("--retire and --restore cannot go together") }
      let groups = try yearGroups.map { $0.lowercased() == "all" ? [] : try YearGroup.parseList($0) }
      let retired: Bool? = retire ? true : restore ? false : nil
      guard name != nil || groups != nil || retired != nil else {
        throw CommandFailure("nothing to change: give --name, --year-groups, --retire or --restore")
      }
      try TrustSetup(folder: options.folder()).edit { t, now in
        try t.updateSubject(subject, name: name, yearGroups: groups, retired: retired, at: now)
      }
      print("Saved \(subject)")
    }
  }
}

struct TermsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "terms", abstract: "The trust's term dates: the first day of each half-term.",
    subcommands: [Set.self, Show.self])

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Set the first day of each of the six half-terms.")
    @OptionGroup var options: DataOptions
    @Option(help: "Academic year, e.g. 2026-27.") var year: String
    @Option(help: "Six dates, Autumn 1 to Summer 2: 03/09/2026,02/11/2026,05/01/2027,22/02/2027,12/04/2027,07/06/2027")
    var starts: String

    func run() throws {
      let dates = try TermDates.parse(starts, year: try AcademicYear.parse(year))
      try TrustSetup(folder: options.folder()).setTerms(dates)
      print("Saved the term dates for \(year)")
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a year's term dates.")
    @OptionGroup var options: DataOptions
    @Option(help: "Academic year, e.g. 2026-27.") var year: String
    @Flag(help: "Print JSON for scripts.") var json = false

    struct Row: Encodable {
      var halfTerm: String
      var starts: String
    }
    struct Output: Encodable {
      var year: String
      var set: Bool
      var halfTerms: [Row]
    }

    func run() throws {
      let trust = try options.folder().loadTrust()
      let y = try AcademicYear.parse(year)
      let dates = trust.termDates(y)
      let rows = HalfTerm.allCases.map { Row(halfTerm: $0.rawValue, starts: dates.start(of: $0).description) }
      if json { return try printJSON(Output(year: y.description, set: trust.terms[y] != nil, halfTerms: rows)) }
      if trust.terms[y] == nil { print("\(y): the usual dates (the trust has not set its own yet)") }
      for h in HalfTerm.allCases { print("\(h.label) starts \(dates.start(of: h).ukDescription)") }
    }
  }
}
