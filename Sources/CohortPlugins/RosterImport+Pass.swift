import CohortCore
import CohortPluginKit
import CohortStore

extension RosterImport {
  /// One pass over a roster file: what the preview will say and write, built entry by entry.
  struct Pass {
    let run: RosterImport
    let school: School
    let year: AcademicYear
    var preview = ImportPreview()
    var roster: Roster
    var statutory: StatutoryResults
    var places: ClassPlaces
    var journal: [JournalEntry] = []
    /// The line each pupil was matched on: a second line for the same pupil is refused.
    var matchedBy: [String: Int] = [:]
    /// Pupils left out of every class, by the reason.
    var unplaced: [String: Int] = [:]
    private let matcher: RosterMatcher
    private var nextNumber: Int

    init(_ run: RosterImport, school: School, year: AcademicYear, roster: Roster, statutory: StatutoryResults) {
      self.run = run
      self.school = school
      self.year = year
      self.roster = roster
      self.statutory = statutory
      places = ClassPlaces(folder: run.request.folder, school: school, year: year)
      matcher = RosterMatcher(roster.pupils)
      nextNumber = RosterImport.nextNumber(roster.pupils, school: school.id)
    }

    var rosterPath: String { DataFolder.rosterPath(school.id) }

    func event(_ pupil: String, _ what: String, doc: String? = nil) -> JournalEntry {
      run.request.folder.event(doc: doc ?? rosterPath, pupil: pupil, "\(run.source) import: \(what)")
    }

    mutating func take(_ e: RosterEntry) throws {
      let changesBefore = preview.changes.count
      guard let pupil = try matched(e) else { return }
      matchedBy[pupil.id] = e.line
      try note(e, pupil)
      if !e.results.isEmpty && statutory.merge(e.results, for: pupil.id) {
        preview.changes.append(
          "line \(e.line): \(pupil.fullName) (\(pupil.id)): statutory results (\(e.results.count))")
        journal.append(event(pupil.id, "statutory results", doc: DataFolder.statutoryPath(school.id)))
      }
      if preview.changes.count == changesBefore { preview.unchanged += 1 }
    }

    /// The pupil the entry is about, updated or new; nil for a refused entry.
    private mutating func matched(_ e: RosterEntry) throws -> Pupil? {
      switch matcher.match(e) {
      case .problem(let why):
        preview.rejected.append(.init(line: e.line, reason: "\(e.fullName): \(why)"))
        return nil
      case .existing(let p):
        if let first = matchedBy[p.id] {
          preview.rejected.append(
            .init(line: e.line, reason: "\(e.fullName) is the same pupil as line \(first) (\(p.id))"))
          return nil
        }
        var pupil = p
        let fields = e.resultsOnly ? [] : RosterImport.apply(e, to: &pupil, year: year)
        if !fields.isEmpty {
          roster.pupils[roster.pupils.firstIndex { $0.id == p.id }!] = pupil
          preview.changes.append("line \(e.line): \(pupil.fullName) (\(pupil.id)): \(fields.joined(separator: ", "))")
          journal.append(event(pupil.id, fields.map { $0.split(separator: ":")[0] }.joined(separator: ", ")))
        }
        return pupil
      case .new where e.resultsOnly:
        preview.rejected.append(
          .init(
            line: e.line,
            reason:
              "\(e.fullName): this file only adds results to pupils Cohort has, and none matches \(e.upn.map { "UPN \($0.value)" } ?? "the name and birthday"): import them from the MIS first"
          ))
        return nil
      case .new:
        return try added(e)
      }
    }

    private mutating func added(_ e: RosterEntry) throws -> Pupil {
      var pupil = Pupil(
        id: String(format: "%@-%04d", school.id, nextNumber), forename: e.forename, surname: e.surname, dob: e.dob)
      nextNumber += 1
      _ = RosterImport.apply(e, to: &pupil, year: year)
      roster.pupils.append(pupil)
      if let u = e.upn, let other = try run.elsewhere(school.id)[u.value] {
        preview.notes.append(
          "line \(e.line): UPN \(u.value) is also \(other.pupil) at \(other.school): if they moved within the trust, mark them left there"
        )
      }
      preview.changes.append(
        "line \(e.line): new pupil \(pupil.fullName) (\(pupil.id)), \(pupil.yearGroup(in: year).label)")
      journal.append(event(pupil.id, "new pupil"))
      return pupil
    }

    /// The entry's class place, and what is worth saying about it.
    private mutating func note(_ e: RosterEntry, _ pupil: Pupil) throws {
      let element = run.source == "CTF" ? "<NCyearActual>" : "year group"
      if let warning = RosterImport.ageYearWarning(e, pupil, year: year, element: element) {
        preview.notes.append("line \(e.line): \(warning)")
      }
      if !e.resultsOnly, let placed = try places.place(pupil, entry: e) {
        if placed.hasPrefix("unplaced:") {
          unplaced[String(placed.dropFirst(9)), default: 0] += 1
        } else if placed.hasPrefix("note:") {
          preview.notes.append("line \(e.line): \(pupil.fullName): \(placed.dropFirst(6))")
        } else {
          preview.changes.append("line \(e.line): \(pupil.fullName) (\(pupil.id)): \(placed)")
          journal.append(event(pupil.id, placed))
        }
      }
      if let code = e.ethnicity, !EthnicityCodes.isKnown(code) {
        // Special category data: the value itself is not repeated.
        preview.notes.append(
          "line \(e.line): \(e.fullName): <Ethnicity>: the code given is not one of DfE's ethnicity codes: kept as it came, counted as unclassified"
        )
      }
      if let problem = e.upn?.laCodeProblem {
        preview.notes.append("line \(e.line): \(e.fullName): <UPN> \(problem): check it with the MIS")
      }
      for note in RosterImport.unknownResults(e, pupil, table: run.request.registry.statutoryTable) {
        preview.notes.append("line \(e.line): \(note)")
      }
    }

    /// One note per reason pupils will not be in a class.
    mutating func noteUnplaced() {
      for (why, n) in unplaced.sorted(by: { $0.key < $1.key }) {
        preview.notes.append(
          "\(plural(n, "pupil")) will not be in a class for \(year) (\(why)): place \(n == 1 ? "them" : "each") with Place in… in the app, or `cohort class move`"
        )
      }
    }
  }
}
