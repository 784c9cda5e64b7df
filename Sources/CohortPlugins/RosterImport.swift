import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// Turns a roster file (CTF or CSV) into an import preview for one school: new pupils, changed
/// details, leavers, class places and statutory results, all saved in one write. Pupils are
/// never deleted: a leaver is marked left and keeps every judgement.
struct RosterImport {
  let request: ImportRequest
  /// "CTF" or "CSV roster", for the journal.
  let source: String

  func preview(_ file: RosterFile, into target: ImportTarget) throws -> ImportPreview {
    let r = request
    let school = target.school
    let schoolID = school.id
    let rosterOnDisk = try r.folder.read(Roster.self, at: DataFolder.rosterPath(schoolID))
    let statutoryOnDisk = try r.folder.loadStatutory(schoolID)
    let today = SchoolDate(dayNumber: Int(DataFolder.now() / 86_400_000))
    let leaveDate =
      try r.options["date"].map { t -> SchoolDate in
        guard let d = UKDate.parse(t) else { throw InputError("--date '\(t)' is not a date") }
        return d
      } ?? today
    let open = school.years.filter { !school.isReadOnly($0) }
    let year = try r.options["year"].map(AcademicYear.parse) ?? open.last ?? AcademicYear(containing: today)
    if school.isReadOnly(year) {
      throw InputError(
        "\(year) is closed at \(schoolID) (read-only since the rollover): import into \(open.last.map { "\($0)" } ?? "the current year") instead"
      )
    }

    var preview = ImportPreview()
    preview.notes = file.notes
    preview.rejected = file.problems.map { .init(line: $0.line, reason: $0.reason) }
    var roster = rosterOnDisk ?? Roster(school: schoolID)
    var statutory = statutoryOnDisk ?? StatutoryResults(school: schoolID)
    var places = ClassPlaces(folder: r.folder, school: school, year: year)
    let matcher = RosterMatcher(roster.pupils)
    var journal: [JournalEntry] = []
    let rosterPath = DataFolder.rosterPath(schoolID)
    var matchedBy: [String: Int] = [:]
    var nextNumber = Self.nextNumber(roster.pupils, school: schoolID)
    var unplaced: [String: Int] = [:]

    for (k, e) in file.entries.enumerated() {
      if k % 200 == 0 { r.progress?(k, file.entries.count) }
      let changesBefore = preview.changes.count
      var pupil: Pupil
      switch matcher.match(e) {
      case .problem(let why):
        preview.rejected.append(.init(line: e.line, reason: "\(e.fullName): \(why)"))
        continue
      case .existing(let p):
        if let first = matchedBy[p.id] {
          preview.rejected.append(
            .init(line: e.line, reason: "\(e.fullName) is the same pupil as line \(first) (\(p.id))"))
          continue
        }
        pupil = p
        let fields = e.resultsOnly ? [] : Self.apply(e, to: &pupil, year: year)
        if !fields.isEmpty {
          roster.pupils[roster.pupils.firstIndex { $0.id == p.id }!] = pupil
          preview.changes.append("line \(e.line): \(pupil.fullName) (\(pupil.id)): \(fields.joined(separator: ", "))")
          journal.append(
            r.folder.event(
              doc: rosterPath, pupil: pupil.id,
              "\(source) import: \(fields.map { $0.split(separator: ":")[0] }.joined(separator: ", "))"))
        }
      case .new where e.resultsOnly:
        preview.rejected.append(
          .init(
            line: e.line,
            reason:
              "\(e.fullName): this file only adds results to pupils Cohort has, and none matches \(e.upn.map { "UPN \($0.value)" } ?? "the name and birthday"): import them from the MIS first"
          ))
        continue
      case .new:
        pupil = Pupil(
          id: String(format: "%@-%04d", schoolID, nextNumber), forename: e.forename, surname: e.surname, dob: e.dob)
        nextNumber += 1
        _ = Self.apply(e, to: &pupil, year: year)
        roster.pupils.append(pupil)
        if let u = e.upn, let other = try elsewhere(schoolID)[u.value] {
          preview.notes.append(
            "line \(e.line): UPN \(u.value) is also \(other.pupil) at \(other.school): if they moved within the trust, mark them left there"
          )
        }
        preview.changes.append(
          "line \(e.line): new pupil \(pupil.fullName) (\(pupil.id)), \(pupil.yearGroup(in: year).label)")
        journal.append(r.folder.event(doc: rosterPath, pupil: pupil.id, "\(source) import: new pupil"))
      }
      matchedBy[pupil.id] = e.line
      if let warning = Self.ageYearWarning(
        e, pupil, year: year, element: source == "CTF" ? "<NCyearActual>" : "year group")
      {
        preview.notes.append("line \(e.line): \(warning)")
      }
      if !e.resultsOnly, let placed = try places.place(pupil, entry: e) {
        if placed.hasPrefix("unplaced:") {
          unplaced[String(placed.dropFirst(9)), default: 0] += 1
        } else if placed.hasPrefix("note:") {
          preview.notes.append("line \(e.line): \(pupil.fullName): \(placed.dropFirst(6))")
        } else {
          preview.changes.append("line \(e.line): \(pupil.fullName) (\(pupil.id)): \(placed)")
          journal.append(r.folder.event(doc: rosterPath, pupil: pupil.id, "\(source) import: \(placed)"))
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
      for note in Self.unknownResults(e, pupil, table: r.registry.statutoryTable) {
        preview.notes.append("line \(e.line): \(note)")
      }
      if !e.results.isEmpty && statutory.merge(e.results, for: pupil.id) {
        preview.changes.append(
          "line \(e.line): \(pupil.fullName) (\(pupil.id)): statutory results (\(e.results.count))")
        journal.append(
          r.folder.event(
            doc: DataFolder.statutoryPath(schoolID), pupil: pupil.id, "\(source) import: statutory results"))
      }
      if preview.changes.count == changesBefore { preview.unchanged += 1 }
    }
    r.progress?(file.entries.count, file.entries.count)
    for (why, n) in unplaced.sorted(by: { $0.key < $1.key }) {
      preview.notes.append(
        "\(plural(n, "pupil")) will not be in a class for \(year) (\(why)): place \(n == 1 ? "them" : "each") with Place in… in the app, or `cohort class move`"
      )
    }

    // A file of results only (DfE's MTC file) lists those who sat a check, not who is on roll.
    let resultsOnly = !file.entries.isEmpty && file.entries.allSatisfy(\.resultsOnly)
    if resultsOnly {
      preview.notes.append("a file of results only: pupils' details and who has left are left as they are")
    }
    let missing = resultsOnly ? [] : roster.pupils.filter { $0.leftOn == nil && matchedBy[$0.id] == nil }
    markLeavers(missing, on: leaveDate, roster: &roster, preview: &preview, journal: &journal)
    // The roster's write carries every journal entry (class places and results too), so it
    // is saved, unchanged if need be, whenever anything is recorded.
    if (roster != rosterOnDisk && !(rosterOnDisk == nil && roster.pupils.isEmpty)) || !journal.isEmpty {
      preview.others.append(try .roster(roster, base: rosterOnDisk, journal: journal))
    }
    if let made = try target.creation(r) {
      preview.changes.insert(made.change, at: 0)
      preview.others += [made.write, try .school(places.school, base: nil, journal: [])]
    } else if places.school != school {
      preview.others.append(try .school(places.school, base: school, journal: []))
    }
    if statutory != (statutoryOnDisk ?? StatutoryResults(school: schoolID)) {
      preview.others.append(try .statutory(statutory, base: statutoryOnDisk, journal: []))
    }
    preview.documents = places.changed
    return preview
  }

  /// Offers to mark the pupils missing from the file as left, and marks them when asked and
  /// every row imported (a pupil on a refused row is not a leaver).
  func markLeavers(
    _ missing: [Pupil], on leaveDate: SchoolDate, roster: inout Roster, preview: inout ImportPreview,
    journal: inout [JournalEntry]
  ) {
    let r = request
    let rosterPath = DataFolder.rosterPath(roster.school)
    if !missing.isEmpty || r.options["leavers"] == "mark" {
      preview.offers.append(
        .init(
          option: "leavers", value: "mark", label: "Mark the \(plural(missing.count, "pupil")) not in the file as left")
      )
    }
    if !missing.isEmpty {
      if r.options["leavers"] != "mark" {
        preview.notes.append(
          "\(plural(missing.count, "pupil")) in Cohort \(missing.count == 1 ? "is" : "are") not in the file (\(missing.prefix(5).map(\.fullName).joined(separator: ", "))\(missing.count > 5 ? "..." : "")): mark them left with --leavers"
        )
      } else if !preview.rejected.isEmpty {
        preview.notes.append(
          "leavers are not marked while rows will not import: a pupil on a refused row is not a leaver")
      } else {
        for p in missing {
          let k = roster.pupils.firstIndex { $0.id == p.id }!
          roster.pupils[k].leftOn = leaveDate
          preview.changes.append("leaver: \(p.fullName) (\(p.id)): marked left on \(leaveDate); their judgements stay")
          journal.append(r.folder.event(doc: rosterPath, pupil: p.id, "\(source) import: left on \(leaveDate)"))
        }
      }
    }
  }

  /// The trust's other schools' pupils by UPN, read once when first needed.
  private let others = OtherSchools()

  /// `@unchecked Sendable`: `lock` guards `byUPN` (a preview may run on any thread).
  final class OtherSchools: @unchecked Sendable {
    typealias ByUPN = [String: (school: String, pupil: String)]
    private let lock = NSLock()
    private var byUPN: ByUPN?

    func value(_ read: () throws -> ByUPN) rethrows -> ByUPN {
      try lock.withLock {
        if let known = byUPN { return known }
        let read = try read()
        byUPN = read
        return read
      }
    }
  }

  func elsewhere(_ school: String) throws -> OtherSchools.ByUPN {
    try others.value {
      var out: OtherSchools.ByUPN = [:]
      for ref in request.folder.presentSchools(of: request.trust) where ref.id != school {
        for p in try request.folder.loadRoster(ref.id).pupils where p.leftOn == nil {
          if let u = p.upn { out[u.uppercased()] = (ref.id, p.id) }
        }
      }
      return out
    }
  }

  /// The MIS's year wins, but more than a year from the age year is more often a slip than a
  /// deferred or accelerated pupil: said, not refused.
  static func ageYearWarning(_ e: RosterEntry, _ p: Pupil, year: AcademicYear, element: String) -> String? {
    guard let group = e.yearGroup else { return nil }
    let age = p.ageYearGroup(in: year)
    guard abs(group.number - age.number) > 1 else { return nil }
    return
      "\(p.fullName) (\(p.id)): \(element) \(group.shortLabel) is \(abs(group.number - age.number)) years from \(age.shortLabel), the age year of a pupil born \(p.dob), in \(year): the MIS's \(group.shortLabel) is kept"
  }

  /// Results DfE's table does not know, or whose result it does not list: kept as they came
  /// (nothing is lost or misfiled), and said.
  static func unknownResults(_ e: RosterEntry, _ p: Pupil, table: StatutoryTable) -> [String] {
    e.results.compactMap { result in
      let reading = table.read(result, yearGroup: p.yearGroup(in: result.academicYear))
      guard !reading.known else { return nil }
      return "\(p.fullName) (\(p.id)): <StageAssessment> \(reading.meaning): kept as it came, shown as unknown"
    }
  }

  /// The next free number for "<school>-NNNN" ids.
  static func nextNumber(_ pupils: [Pupil], school: String) -> Int {
    let numbers = pupils.compactMap { p -> Int? in
      p.id.hasPrefix(school + "-") ? Int(p.id.dropFirst(school.count + 1)) : nil
    }
    return (numbers.max() ?? 0) + 1
  }

  /// Copies what the entry states onto the pupil; returns "field: old -> new" for each change
  /// (values that are special category data are not spelt out).
  static func apply(_ e: RosterEntry, to p: inout Pupil, year: AcademicYear) -> [String] {
    var out: [String] = []
    func set<T: Equatable>(_ kp: WritableKeyPath<Pupil, T>, _ v: T?, _ name: String, show: Bool = true) {
      guard let v, p[keyPath: kp] != v else { return }
      out.append(show ? "\(name): \(text(p[keyPath: kp])) -> \(text(v))" : "\(name) changed")
      p[keyPath: kp] = v
    }
    func text(_ v: Any) -> String {
      let m = Mirror(reflecting: v)
      guard m.displayStyle == .optional else { return "\(v)" }
      return m.children.first.map { "\($0.value)" } ?? "none"
    }
    set(\.upn, e.upn.map { Optional($0.value) }, "UPN")
    // A name that differs only in letter case (DfE's files write capitals) is left as it is.
    func sameLetters(_ a: String, _ b: String) -> Bool { a.compare(b, options: .caseInsensitive) == .orderedSame }
    if !sameLetters(p.surname, e.surname) { set(\.surname, e.surname, "surname") }
    if !sameLetters(p.forename, e.forename) { set(\.forename, e.forename, "forename") }
    set(\.dob, e.dob, "date of birth")
    set(\.sex, e.sex, "sex")
    set(\.pupilPremium, e.pupilPremium, "pupil premium")
    set(\.fsm, e.fsm, "FSM")
    set(\.ever6FSM, e.ever6FSM, "Ever 6 FSM")
    set(\.lookedAfter, e.lookedAfter, "looked after")
    set(\.previouslyLookedAfter, e.previouslyLookedAfter, "previously looked after")
    set(\.serviceChild, e.serviceChild, "service child")
    // A new provision without a date (a CSV roster) leaves its start unknown, not stale.
    if let send = e.send, send != p.send || e.senStart != nil, p.senStart != e.senStart {
      p.senStart = e.senStart
      if send == p.send { out.append("SEN start date: \(e.senStart.map { "\($0)" } ?? "not known")") }
    }
    set(\.send, e.send, "SEN")
    set(\.eal, e.eal, "EAL")
    set(\.ethnicity, e.ethnicity.map { Optional($0) }, "ethnicity", show: false)
    if let group = e.yearGroup, p.ncYears[year] != group {
      let (was, source) = p.placement(in: year)
      out.append("year group in \(year): \(was.shortLabel) (\(source.label)) -> \(group.shortLabel) (MIS)")
      p.ncYears[year] = group
    }
    if p.leftOn != nil {
      out.append("back on roll (had left on \(p.leftOn!))")
      p.leftOn = nil
    }
    return out
  }
}
