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
        let fields = Self.apply(e, to: &pupil)
        if !fields.isEmpty {
          roster.pupils[roster.pupils.firstIndex { $0.id == p.id }!] = pupil
          preview.changes.append("line \(e.line): \(pupil.fullName) (\(pupil.id)): \(fields.joined(separator: ", "))")
          journal.append(
            r.folder.event(
              doc: rosterPath, pupil: pupil.id,
              "\(source) import: \(fields.map { $0.split(separator: ":")[0] }.joined(separator: ", "))"))
        }
      case .new:
        pupil = Pupil(
          id: String(format: "%@-%04d", schoolID, nextNumber), forename: e.forename, surname: e.surname, dob: e.dob)
        nextNumber += 1
        _ = Self.apply(e, to: &pupil)
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
      if let placed = try places.place(pupil, entry: e) {
        if placed.hasPrefix("unplaced:") {
          unplaced[String(placed.dropFirst(9)), default: 0] += 1
        } else if placed.hasPrefix("note:") {
          preview.notes.append("line \(e.line): \(pupil.fullName): \(placed.dropFirst(6))")
        } else {
          preview.changes.append("line \(e.line): \(pupil.fullName) (\(pupil.id)): \(placed)")
          journal.append(r.folder.event(doc: rosterPath, pupil: pupil.id, "\(source) import: \(placed)"))
        }
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

    let missing = roster.pupils.filter { $0.leftOn == nil && matchedBy[$0.id] == nil }
    if !missing.isEmpty || r.options["leavers"] == "mark" {
      preview.offers.append(
        .init(option: "leavers", value: "mark", label: "Mark the \(missing.count) pupil(s) not in the file as left"))
    }
    if !missing.isEmpty {
      if r.options["leavers"] != "mark" {
        preview.notes.append(
          "\(missing.count) pupil(s) in Cohort are not in the file (\(missing.prefix(5).map(\.fullName).joined(separator: ", "))\(missing.count > 5 ? "..." : "")): mark them left with --leavers"
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

  /// The trust's other schools' pupils by UPN, read once when first needed.
  private let others = OtherSchools()

  final class OtherSchools: @unchecked Sendable {
    var byUPN: [String: (school: String, pupil: String)]?
  }

  func elsewhere(_ school: String) throws -> [String: (school: String, pupil: String)] {
    if let known = others.byUPN { return known }
    var out: [String: (school: String, pupil: String)] = [:]
    for ref in request.trust.schools where ref.id != school {
      for p in try request.folder.loadRoster(ref.id).pupils where p.leftOn == nil {
        if let u = p.upn { out[u.uppercased()] = (ref.id, p.id) }
      }
    }
    others.byUPN = out
    return out
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
  static func apply(_ e: RosterEntry, to p: inout Pupil) -> [String] {
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
    set(\.surname, e.surname, "surname")
    set(\.forename, e.forename, "forename")
    set(\.dob, e.dob, "date of birth")
    set(\.sex, e.sex, "sex")
    set(\.pupilPremium, e.pupilPremium, "pupil premium")
    set(\.fsm, e.fsm, "FSM")
    set(\.ever6FSM, e.ever6FSM, "Ever 6 FSM")
    set(\.lookedAfter, e.lookedAfter, "looked after")
    set(\.send, e.send, "SEN")
    set(\.eal, e.eal, "EAL")
    set(\.ethnicity, e.ethnicity.map { Optional($0) }, "ethnicity", show: false)
    if p.leftOn != nil {
      out.append("back on roll (had left on \(p.leftOn!))")
      p.leftOn = nil
    }
    return out
  }
}
