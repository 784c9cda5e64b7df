import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

/// The built-in folder check, registered as a plugin: `cohort check`, and an item of the
/// window's main menu.
struct FolderCheckPlugin: CompiledPlugin, FolderChecker {
  let manifest = PluginManifest(
    id: "folder-check", name: "Folder check", version: "1.0.0",
    description: "Reads every document and every reference between them (cohort check).",
    provides: [.folderCheck, .action])
  let id = "folder-check"

  func register(_ registrar: PluginRegistrar) {
    registrar.add(folderCheck: self)
    registrar.add(action: CheckFolderAction())
  }

  func check(_ folder: DataFolder, registry: PluginRegistry) -> FolderCheckReport {
    FolderCheck.run(folder: folder, registry: registry)
  }
}

/// "Check the data folder": the check's counts in one line.
struct CheckFolderAction: MenuAction {
  let id = "action.check-folder"
  let title = "Check the data folder"
  let place = MenuPlace.mainMenu

  func run(_ r: ActionRequest) throws -> String {
    let report = r.registry.checkFolder(r.folder)
    let read = "\(plural(report.documents, "document")), \(plural(report.pupils, "pupil"))"
    guard report.ok else {
      return "\(read) read: \(plural(report.errors.count, "problem")) found (cohort check lists them)"
    }
    return "\(read) read: no problems, \(plural(report.warnings.count, "warning"))"
  }
}

/// `cohort check`: reads every document and every reference between them, and says what is
/// wrong in words that name the file, the pupil and the field. It never changes anything.
struct FolderCheck {
  typealias Finding = FolderCheckReport.Finding
  typealias Report = FolderCheckReport

  let folder: DataFolder
  let registry: PluginRegistry
  var report = Report()
  /// Spellings of codes met so far and whether the scheme has them: a scheme has a handful
  /// of codes, so a short list compared in place beats hashing each of millions of cells.
  var knownCodes: [(code: String, known: Bool)] = []
  var knownTests: [String: TestDefinition?] = [:]

  init(folder: DataFolder, registry: PluginRegistry) {
    self.folder = folder
    self.registry = registry
  }

  static func run(folder: DataFolder, registry: PluginRegistry) -> Report {
    var check = FolderCheck(folder: folder, registry: registry)
    check.checkAll()
    return check.report
  }

  mutating func error(_ path: String, _ message: String) {
    report.findings.append(Finding(severity: .error, path: path, message: message))
  }
  mutating func warning(_ path: String, _ message: String) {
    report.findings.append(Finding(severity: .warning, path: path, message: message))
  }

  /// Loads a document, recording why it could not be read.
  mutating func load<T: Decodable>(_ type: T.Type, _ path: String) -> T? {
    load(path) { [folder] in try folder.read(T.self, at: path) }
  }

  mutating func load<T>(_ path: String, _ read: () throws -> T?) -> T? {
    do {
      guard let value = try read() else {
        error(path, "is missing")
        return nil
      }
      report.documents += 1
      return value
    } catch let e as StoreError {
      switch e {
      case .unreadable(_, let reason): error(path, reason)
      case .newerFormat(_, let found): warning(path, "written by a newer Cohort (format \(found)): not checked")
      default: error(path, e.description)
      }
    } catch {
      self.error(path, "\(error)")
    }
    return nil
  }

  mutating func checkAll() {
    for p in registry.problems { warning(p.path, "plugin skipped: \(p.reason)") }
    guard let trust = load(Trust.self, DataFolder.trustPath) else { return }
    let scheme = registry.codeScheme(id: trust.codeScheme)
    if scheme == nil { error(DataFolder.trustPath, "code scheme '\(trust.codeScheme)' is provided by no plugin") }
    let subjects = Set(trust.subjects.map(\.id))
    if subjects.count != trust.subjects.count { error(DataFolder.trustPath, "a subject id appears twice") }
    // Each school on its own core; then, in the trust's order, what must be unique across
    // schools (UPNs, class ids) with the same words as within one.
    let (folder, registry, refs) = (folder, registry, trust.schools)
    let schools = Parallel.map(refs.count) { i in
      var one = FolderCheck(folder: folder, registry: registry)
      var seen = Seen()
      one.checkSchool(refs[i], scheme: scheme, subjects: subjects, seen: &seen)
      return (one.report, seen)
    }
    var upns: [String: String] = [:]
    var classIDs: [String: String] = [:]
    var expected = Set<String>([DataFolder.trustPath])
    // Sized once: growing a table of a hundred thousand UPNs rehashed it many times.
    upns.reserveCapacity(schools.reduce(0) { $0 + $1.1.upns.count })
    classIDs.reserveCapacity(schools.reduce(0) { $0 + $1.1.classIDs.count })
    expected.reserveCapacity(schools.reduce(1) { $0 + $1.1.expected.count })
    for (school, seen) in schools {
      report = report.adding(school)
      for (path, pupil, upn) in seen.upns {
        if let other = upns[upn] { error(path, "pupil \(pupil): UPN \(upn) is also pupil \(other)'s") }
        upns[upn] = pupil
      }
      for c in seen.classIDs {
        let key = "\(c.year) \(c.id)"
        if let other = classIDs[key] { error(c.path, "class id '\(c.id)' in \(c.year) is also used at \(other)") }
        classIDs[key] = c.school
      }
      expected.formUnion(seen.expected)
    }
    checkStrayFiles(expected: expected)
  }

  /// What one school's check met that must be unique across the trust (UPNs and class ids,
  /// in the order met), and the files its documents name.
  struct Seen: Sendable {
    var upns: [(path: String, pupil: String, upn: String)] = []
    var classIDs: [(path: String, school: String, id: String, year: AcademicYear)] = []
    var expected = Set<String>()
  }

  mutating func checkSchool(_ ref: SchoolRef, scheme: CodeScheme?, subjects: Set<String>, seen: inout Seen) {
    if !isSafeID(ref.id) {
      error(DataFolder.trustPath, "school id '\(ref.id)' is not a safe id")
      return
    }
    let schoolPath = DataFolder.schoolPath(ref.id)
    let rosterPath = DataFolder.rosterPath(ref.id)
    // A device may hold some schools only (a teacher's laptop): that is not a fault.
    if folder.fileMode("schools/\(ref.id)") == nil {
      report.findings.append(
        Finding(severity: .note, path: "schools/\(ref.id)", message: "\(ref.name) is not on this device"))
      return
    }
    seen.expected.formUnion([schoolPath, rosterPath, DataFolder.statutoryPath(ref.id), RosterMapping.path(ref.id)])
    guard let school = load(schoolPath, { [folder] in try folder.readSchool(at: schoolPath) }) else { return }
    if school.id != ref.id { error(schoolPath, "id is '\(school.id)' but trust.json lists '\(ref.id)'") }
    // A school with no pupils yet has no roster document.
    let roster =
      folder.fileMode(rosterPath) == nil
      ? Roster(school: ref.id)
      : load(rosterPath, { [folder] in try folder.readRoster(at: rosterPath) }) ?? Roster(school: ref.id)
    let pupils = checkRoster(roster, path: rosterPath, seen: &seen)
    let statutoryPath = DataFolder.statutoryPath(ref.id)
    // Through its byte reader, as the roster (JSONDecoder was a twelfth of the check); a
    // document the reader refuses goes to the strict path, which explains it.
    if folder.fileMode(statutoryPath) != nil,
      let results = load(statutoryPath, { [folder] in try folder.loadStatutory(ref.id) })
    {
      for id in results.pupils.keys.sorted() where pupils[id] == nil {
        warning(statutoryPath, "results for pupil \(id), who is not on the school's roster")
      }
    }
    let docs = Self.readClasses(of: school, in: folder)
    for year in school.years {
      var placed: [String: String] = [:]
      for c in school.classes(in: year) {
        seen.classIDs.append((schoolPath, ref.id, c.id, year))
        let path = DataFolder.classPath(school: ref.id, year: year, classID: c.id)
        seen.expected.insert(path)
        guard folder.fileMode(path) != nil,
          let doc = load(path, { [folder] in try docs[path]?.get() ?? folder.readClassColumns(at: path) })
        else { continue }
        checkClass(
          doc, path: path, school: ref.id, classID: c.id, year: year, pupils: pupils, placed: &placed, scheme: scheme,
          subjects: subjects)
      }
      // Only the school's current year: the roster does not say when a pupil arrived.
      if year == school.years.last { warnUnplaced(pupils, placed: placed, year: year, path: rosterPath) }
    }
  }

  /// Files no document names: sync tools' conflict copies, interrupted saves, strays.
  mutating func checkStrayFiles(expected: Set<String>) {
    for path in folder.allFiles() {
      // A document the trust names is not a stray (the words below are for everything else).
      if expected.contains(path) { continue }
      let name = path.split(separator: "/").last.map(String.init) ?? path
      if path.contains("/.conflicts/") {
        continue
      } else if name.contains("sync-conflict") || name.contains("conflicted copy") {
        warning(path, "a sync tool's conflict copy: `cohort merge` (or opening the class) merges it cell by cell")
      } else if name.contains(".tmp-") {
        warning(path, "left by a save that was interrupted; the document itself is intact (safe to delete)")
      } else if path.hasPrefix("schools/") && path.hasSuffix(".json") {
        warning(path, "is not referenced by trust.json or its school.json: it is not shown anywhere")
      }
    }
  }

  /// Pupils on roll in a year who are in none of its classes: nobody enters their codes.
  mutating func warnUnplaced(_ pupils: [String: Pupil], placed: [String: String], year: AcademicYear, path: String) {
    let missing = pupils.values.filter { p in
      placed[p.id] == nil && (p.leftOn.map { $0 >= year.firstDay } ?? true) && p.yearGroup(in: year).isPrimary
    }
    guard !missing.isEmpty else { return }
    let ids = missing.map(\.id).sorted()
    warning(
      path,
      "\(plural(ids.count, "pupil")) on roll in \(year) in no class (\(ids.prefix(5).joined(separator: ", "))\(ids.count > 5 ? "..." : "")): place them with `cohort class move` or in the app"
    )
  }

  /// Whether the scheme has the code, remembered per spelling: `code(id:)` trims and folds
  /// case, which for millions of cells cost more than reading them.
  mutating func knownCode(_ code: String, in scheme: CodeScheme) -> Bool {
    if let seen = knownCodes.first(where: { $0.code == code }) { return seen.known }
    let known = scheme.code(id: code) != nil
    // A folder full of stray spellings is not remembered past a few dozen.
    if knownCodes.count < 64 { knownCodes.append((code, known)) }
    return known
  }

  /// A school's class documents, read on every core (the checks then run in order).
  static func readClasses(of school: School, in folder: DataFolder) -> [String: Result<ClassYearColumns?, any Error>] {
    let paths = school.years.flatMap { y in
      school.classes(in: y).filter { isSafeID($0.id) }.map {
        DataFolder.classPath(school: school.id, year: y, classID: $0.id)
      }
    }
    let slots = Slots<ClassYearColumns?>(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      slots.set(
        i,
        Result {
          var doc = try folder.readClassColumns(at: paths[i])
          // The meetings are decoded here, on every core, not in the checks that follow.
          doc?.checkMeetings(MeetingsReader.decodeAll)
          return doc
        })
    }
    return Dictionary(zip(paths, slots.values), uniquingKeysWith: { a, _ in a })
  }

  mutating func checkRoster(_ roster: Roster, path: String, seen: inout Seen) -> [String: Pupil] {
    var pupils: [String: Pupil] = [:]
    for p in roster.pupils {
      report.pupils += 1
      if pupils[p.id] != nil { error(path, "pupil id \(p.id) appears twice") }
      pupils[p.id] = p
      if let text = p.upn {
        do {
          seen.upns.append((path, p.id, try UPN(text).value))
        } catch {
          self.error(path, "pupil \(p.id): \(error)")
        }
      }
    }
    return pupils
  }

  mutating func checkClass(
    _ doc: ClassYearColumns, path: String, school: String, classID: String, year: AcademicYear, pupils: [String: Pupil],
    placed: inout [String: String], scheme: CodeScheme?, subjects: Set<String>
  ) {
    if doc.school != school || doc.classID != classID || doc.year != year {
      error(path, "says it is \(doc.school)/\(doc.year)/\(doc.classID), but lies at \(school)/\(year)/\(classID)")
    }
    let listedOnce = Set(doc.pupils).count == doc.pupils.count
    if !listedOnce { error(path, "a pupil is listed twice") }
    if let problem = doc.meetingsError ?? doc.meetingsProblem(MeetingsReader.decodeAll) { error(path, problem) }
    for id in doc.pupils where pupils[id] == nil {
      error(path, "pupil \(id) is not on the school's roster (pupils.json)")
    }
    for id in doc.members {
      if let other = placed[id] { error(path, "pupil \(id) is also in class \(other) in \(year)") }
      placed[id] = classID
    }
    checkCells(doc, path: path, scheme: scheme, subjects: subjects, listedOnce: listedOnce)
  }
}
