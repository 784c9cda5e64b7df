import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

/// An open data folder: the trust, its schools, the plugins and the code scheme in use.
public final class AppContext {
  public let folder: DataFolder
  public private(set) var trust: Trust
  public private(set) var registry: PluginRegistry
  public private(set) var scheme: CodeScheme
  public private(set) var schools: [School]
  private var rosters: [String: Roster] = [:]

  public init(path: String, author: Author) throws {
    folder = DataFolder(root: path, author: author)
    trust = try folder.loadTrust()
    registry = BuiltInPlugins.registry(for: folder, trust: trust)
    scheme = try registry.codeScheme(for: trust)
    schools = try Self.schools(folder, of: trust)
  }

  public func school(_ id: String) -> School? { schools.first { $0.id == id } }

  /// Each school.json on every core, in the trust's order: ninety read one after another on
  /// the main thread were 70 of the 690 main-thread samples of a launch into a class (perf, the
  /// large bench trust).
  private static func schools(_ folder: DataFolder, of trust: Trust) throws -> [School] {
    let present = folder.presentSchools(of: trust)
    return try Parallel.map(present.count) { try folder.loadSchool(present[$0].id) }
  }

  /// Why a school's year cannot be edited (the rollover closed it), or nil.
  public func closedReason(_ schoolID: String, _ year: AcademicYear) -> String? {
    guard let s = school(schoolID), s.isReadOnly(year) else { return nil }
    return "\(year) is closed at \(s.name) (read-only since the new year began): it can be looked at, not changed"
  }

  /// Reads the trust, schools and rosters again (after an import or a change of set-up);
  /// the plugins again only when the trust's choice of them changed.
  public func reload() throws {
    let fresh = try folder.loadTrust()
    if fresh.codeScheme != trust.codeScheme || fresh.disabledPlugins != trust.disabledPlugins {
      let r = BuiltInPlugins.registry(for: folder, trust: fresh)
      scheme = try r.codeScheme(for: fresh)
      registry = r
    }
    trust = fresh
    schools = try Self.schools(folder, of: trust)
    rosters = [:]
  }

  /// The set-up changes of the settings window, saved under the person's name.
  public var setup: TrustSetup { TrustSetup(folder: folder) }

  public func roster(_ school: String) throws -> Roster {
    if let r = rosters[school] { return r }
    let r = try folder.loadRoster(school)
    rosters[school] = r
    return r
  }

  /// Every academic year any school has classes in or the trust has term dates for, oldest
  /// first (a new trust set up in July for September has only its dates).
  public var years: [AcademicYear] { Array(Set(schools.flatMap(\.years)).union(trust.terms.keys)).sorted() }

  /// The year and half-term to open on: the one today falls in by the trust's term dates; a
  /// trust whose years are all ahead opens on the first's Autumn 1, one whose years are all
  /// past on the latest's Summer 2.
  public func defaultPeriod(today: SchoolDate) -> (AcademicYear, HalfTerm) {
    let now = trust.halfTerm(containing: today)
    guard let first = years.first, let last = years.last, !years.contains(now.year) else {
      return (now.year, now.halfTerm)
    }
    if first > now.year { return (first, .autumn1) }
    return (last, .summer2)
  }

  /// A class of the trust in a year, or an error naming it.
  public func schoolClass(_ classID: String, school schoolID: String, year: AcademicYear) throws -> (
    School, SchoolClass
  ) {
    guard let school = school(schoolID), let c = school.classes(in: year).first(where: { $0.id == classID }) else {
      throw StoreError.notFound("no class '\(classID)' in \(year)")
    }
    return (school, c)
  }

  /// Opens a class's judgements for a half-term: its document, roster and last half-term's codes.
  @MainActor
  public func openJudgements(
    _ classID: String, school schoolID: String, year: AcademicYear, halfTerm: HalfTerm,
    hop: @escaping ClassSession.MainHop
  ) throws -> (ClassSession, GridModel) {
    let (school, c) = try schoolClass(classID, school: schoolID, year: year)
    let doc = try folder.loadClassYear(school: schoolID, classID: classID, year: year)
    let earlier = halfTerm == .autumn1 ? try lastYearsSummer(for: doc.pupils, school: school, year: year) : [:]
    let model = GridModel(
      doc: doc, roster: try roster(schoolID), scheme: scheme, subjects: subjects(for: c), halfTerm: halfTerm,
      author: folder.author, earlier: earlier, clock: DataFolder.now)
    model.closedReason = closedReason(schoolID, year)
    return (ClassSession(folder: folder, school: school, schoolClass: c, model: model, hop: hop), model)
  }

  /// The subjects a class enters: those still entered, for its year groups.
  public func subjects(for c: SchoolClass) -> [Subject] { trust.subjects(for: c.yearGroups) }

  /// The trust's tests that a class's year groups sit in a term.
  public func tests(for c: SchoolClass, term: Term) -> [TestDefinition] {
    registry.tests(for: trust).filter { t in c.yearGroups.contains { t.isTaken(by: $0, in: term) } }
  }

  /// Opens a class's scores in one test and term.
  @MainActor
  public func openScores(
    _ classID: String, school schoolID: String, year: AcademicYear, test: TestDefinition, term: Term,
    hop: @escaping ClassSession.MainHop
  ) throws -> (ClassSession, ScoreSheet) {
    let (school, c) = try schoolClass(classID, school: schoolID, year: year)
    let doc = try folder.loadClassYear(school: schoolID, classID: classID, year: year)
    let lastSummer =
      term == .autumn ? try folder.scores(of: doc.pupils, school: schoolID, year: year.previous, term: .summer) : [:]
    let sheet = ScoreSheet(
      doc: doc, roster: try roster(schoolID), test: test, term: term, tables: registry.scoreTables(for: test.id),
      author: folder.author, lastSummer: lastSummer, clock: DataFolder.now)
    sheet.closedReason = closedReason(schoolID, year)
    return (ClassSession(folder: folder, school: school, schoolClass: c, model: sheet, hop: hop), sheet)
  }

  /// Summer 2 codes of the previous year, from whichever classes the pupils were in then.
  func lastYearsSummer(for pupils: [String], school: School, year: AcademicYear) throws -> [String: [String: String]] {
    let wanted = Set(pupils)
    var out: [String: [String: String]] = [:]
    let subjects = Set(trust.subjects.map(\.id))
    // Read-only, so the byte reader's summer 2 columns will do (a class has ~20 neighbours
    // last year), read on both cores, then taken in class order.
    let classes = school.classes(in: year.previous)
    let docs = try Parallel.map(classes.count) { [folder] i in
      try folder.loadClassColumns(
        school: school.id, classID: classes[i].id, year: year.previous, judgementsOf: .summer2)
    }
    for doc in docs {
      let summer = doc.judgements.filter { subjects.contains($0.subject) }
      for (i, p) in doc.pupils.enumerated() where wanted.contains(p) {
        for j in summer {
          if let code = j.codes[i] { out[p, default: [:]][j.subject] = code }
        }
      }
    }
    return out
  }
}
