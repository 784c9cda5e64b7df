import CohortCore
import CohortPluginKit
import CohortPlugins
import CohortStore
import Foundation

/// An open data folder: the trust, its schools, the plugins and the code scheme in use.
public final class AppContext {
  public let folder: DataFolder
  public let trust: Trust
  public let registry: PluginRegistry
  public let scheme: CodeScheme
  public private(set) var schools: [School]
  private var rosters: [String: Roster] = [:]

  public init(path: String, author: Author) throws {
    folder = DataFolder(root: path, author: author)
    trust = try folder.loadTrust()
    registry = BuiltInPlugins.registry(for: folder, trust: trust)
    scheme = try registry.codeScheme(for: trust)
    schools = try folder.loadSchools(of: trust)
  }

  public func school(_ id: String) -> School? { schools.first { $0.id == id } }

  /// Why a school's year cannot be edited (the rollover closed it), or nil.
  public func closedReason(_ schoolID: String, _ year: AcademicYear) -> String? {
    guard let s = school(schoolID), s.isReadOnly(year) else { return nil }
    return "\(year) is closed at \(s.name) (read-only since the new year began): it can be looked at, not changed"
  }

  /// Reads the schools and rosters again (after an import changed them).
  public func reload() throws {
    schools = try folder.loadSchools(of: trust)
    rosters = [:]
  }

  public func roster(_ school: String) throws -> Roster {
    if let r = rosters[school] { return r }
    let r = try folder.loadRoster(school)
    rosters[school] = r
    return r
  }

  /// Every academic year any school has classes in, oldest first.
  public var years: [AcademicYear] { Array(Set(schools.flatMap(\.years))).sorted() }

  /// The year and half-term to open on: today's, or the latest year the data has.
  public func defaultPeriod(today: SchoolDate) -> (AcademicYear, HalfTerm) {
    let current = AcademicYear(containing: today)
    if years.contains(current) || years.isEmpty { return (current, HalfTerm.containing(today)) }
    return (years.last!, .summer2)
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
      doc: doc, roster: try roster(schoolID), scheme: scheme, subjects: trust.subjects(for: c.yearGroups),
      halfTerm: halfTerm,
      author: folder.author, earlier: earlier, clock: DataFolder.now)
    model.closedReason = closedReason(schoolID, year)
    return (ClassSession(folder: folder, school: school, schoolClass: c, model: model, hop: hop), model)
  }

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
    // Read-only, so the byte reader's columns will do (a class has ~20 neighbours last year),
    // read on both cores, then taken in class order.
    let classes = school.classes(in: year.previous)
    let read = ReadResults(count: classes.count)
    DispatchQueue.concurrentPerform(iterations: classes.count) { [folder] i in
      read.set(
        i, Result { try folder.loadClassColumns(school: school.id, classID: classes[i].id, year: year.previous) })
    }
    for result in read.all {
      let doc = try result!.get()
      let summer = doc.judgements.filter { $0.halfTerm == .summer2 && subjects.contains($0.subject) }
      for (i, p) in doc.pupils.enumerated() where wanted.contains(p) {
        for j in summer {
          if let code = j.codes[i] { out[p, default: [:]][j.subject] = code }
        }
      }
    }
    return out
  }
}

/// Documents read concurrently, one slot per iteration.
private final class ReadResults: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<ClassYearColumns, any Error>?]
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ r: Result<ClassYearColumns, any Error>) { lock.withLock { slots[i] = r } }
  var all: [Result<ClassYearColumns, any Error>?] { lock.withLock { slots } }
}
