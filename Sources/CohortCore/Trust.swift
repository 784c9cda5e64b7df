/// Every document on disk says which format wrote it; a newer one opens read-only.
/// A document that records the format version that wrote it.
public protocol VersionedDocument: Codable {
  var format: Int { get }
}

public enum DocumentFormat {
  /// 2: class-year documents may hold standardised scores. A Cohort that reads only format 1
  /// opens them read-only instead of dropping the scores on save.
  /// 3: class-year documents may hold pupil progress meetings (the same protection).
  /// 4: trust.json and school.json record when each part changed (so two laptops' set-up
  /// changes merge), the trust's staff and term dates, several teachers per class, and
  /// class-years the pupils moved out (so a merge does not bring them back).
  public static let current = 4
}

/// A subject judged each half-term. Ids are stored on disk and in every export.
public struct Subject: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var name: String
  /// The year groups it is judged in; nil for every year group.
  public var yearGroups: [YearGroup]?
  /// A retired subject is no longer entered; its judgements stay and stay visible in history.
  public var retired: Bool

  public init(id: String, name: String, yearGroups: [YearGroup]? = nil, retired: Bool = false) {
    self.id = id
    self.name = name
    self.yearGroups = yearGroups
    self.retired = retired
  }
  public static let defaults = [
    Subject(id: "reading", name: "Reading"), Subject(id: "writing", name: "Writing"),
    Subject(id: "maths", name: "Maths"),
  ]

  /// Whether a class of these year groups enters it.
  public func applies(to groups: [YearGroup]) -> Bool {
    guard let yearGroups else { return true }
    return groups.contains { yearGroups.contains($0) }
  }

  enum CodingKeys: String, CodingKey { case id, name, yearGroups, retired }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decode(String.self, forKey: .name)
    yearGroups = try c.decodeIfPresent([YearGroup].self, forKey: .yearGroups)
    retired = try c.decodeIfPresent(Bool.self, forKey: .retired) ?? false
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encodeIfPresent(yearGroups, forKey: .yearGroups)
    if retired { try c.encode(retired, forKey: .retired) }
  }
}

/// A school as the trust lists it: enough to name it in charts and to find it from a CTF's
/// header (LA code and DfE establishment number, or URN) without opening its folder.
public struct SchoolRef: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var name: String
  /// For charts and tight places ("St Mary's"); the name when not set.
  public var shortName: String?
  /// DfE unique reference number: 6 digits.
  public var urn: String?
  /// The local authority's DfE code: 3 digits.
  public var la: String?
  /// The DfE establishment number within the LA: 4 digits.
  public var estab: String?

  public init(
    id: String, name: String, shortName: String? = nil, urn: String? = nil, la: String? = nil, estab: String? = nil
  ) {
    self.id = id
    self.name = name
    self.shortName = shortName
    self.urn = urn
    self.la = la
    self.estab = estab
  }

  public var displayShortName: String { shortName ?? name }
  /// "LLL/EEEE", the DfE number schools quote, when both parts are known.
  public var dfeNumber: String? { la.flatMap { la in estab.map { "\(la)/\($0)" } } }
}

/// The trust: its schools, subjects, staff, term dates and the code scheme every school uses.
public struct Trust: Hashable, Sendable, VersionedDocument {
  public var format: Int
  public var id: String
  public var name: String
  public var schools: [SchoolRef]
  public var subjects: [Subject]
  /// The id of a code-scheme plugin.
  public var codeScheme: String
  /// Plugins switched off for every school of this trust (synced with the data folder).
  public var disabledPlugins: [String]
  /// How many common-band steps apart a judgement and a test score must be to be flagged as
  /// disagreeing (1: any difference).
  public var disagreementSteps: Int
  /// The standardised tests the trust uses (ids of test plugins); nil for every one installed.
  public var tests: [String]?
  /// The people named as class teachers, action owners and meeting attendees.
  public var staff: [StaffMember]
  /// The first day of each half-term, per academic year the trust has set.
  public var terms: [AcademicYear: TermDates]
  /// How many years after leaving a pupil's data is kept (nil: until a person erases it).
  public var retentionYears: Int?
  /// When each part was last changed (see Trust+Merge): how two laptops' copies merge.
  public var changed: [String: Int64]

  public init(
    id: String, name: String, schools: [SchoolRef] = [], subjects: [Subject] = Subject.defaults,
    codeScheme: String = CodeScheme.defaultID
  ) {
    self.format = DocumentFormat.current
    self.id = id
    self.name = name
    self.schools = schools
    self.subjects = subjects
    self.codeScheme = codeScheme
    self.disabledPlugins = []
    self.disagreementSteps = 1
    self.staff = []
    self.terms = [:]
    self.changed = [:]
  }

  /// Subjects still entered (retired ones keep their data but leave the grids and reports).
  public var activeSubjects: [Subject] { subjects.filter { !$0.retired } }

  /// The subjects a class of these year groups enters.
  public func subjects(for yearGroups: [YearGroup]) -> [Subject] {
    activeSubjects.filter { $0.applies(to: yearGroups) }
  }

  /// A subject a class of these year groups can take a new code in, or why not.
  public func enterableSubject(_ text: String, for yearGroups: [YearGroup]) throws -> Subject {
    let s = try subject(text)
    if s.retired { throw InputError("\(s.name) is retired: its codes stay, but no new ones are entered") }
    guard s.applies(to: yearGroups) else {
      let groups = (s.yearGroups ?? []).map(\.shortLabel).joined(separator: ", ")
      throw InputError("\(s.name) is judged in \(groups) only")
    }
    return s
  }

  public func subject(_ text: String) throws -> Subject {
    let key = text.lowercased()
    if let s = subjects.first(where: { $0.id == key || $0.name.lowercased() == key }) { return s }
    throw InputError(
      "unknown subject '\(text)': expected one of \(subjects.map(\.id).joined(separator: ", "))")
  }

  public func school(_ id: String) -> SchoolRef? { schools.first { $0.id == id } }

  /// The trust's dates for a year, or the usual English pattern when it has set none.
  public func termDates(_ year: AcademicYear) -> TermDates { terms[year] ?? TermDates.usual(year) }

  /// The half-term a day falls in, by the trust's own dates.
  public func halfTerm(containing day: SchoolDate) -> HalfTermRef {
    let year = AcademicYear(containing: day)
    return HalfTermRef(year, termDates(year).halfTerm(containing: day))
  }

  enum CodingKeys: String, CodingKey {
    case format, id, name, schools, subjects, codeScheme, disabledPlugins, disagreementSteps, tests, staff, terms,
      changed, retentionYears
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(Int.self, forKey: .format)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decode(String.self, forKey: .name)
    schools = try c.decodeIfPresent([SchoolRef].self, forKey: .schools) ?? []
    subjects = try c.decodeIfPresent([Subject].self, forKey: .subjects) ?? Subject.defaults
    codeScheme = try c.decodeIfPresent(String.self, forKey: .codeScheme) ?? CodeScheme.defaultID
    disabledPlugins = try c.decodeIfPresent([String].self, forKey: .disabledPlugins) ?? []
    disagreementSteps = try c.decodeIfPresent(Int.self, forKey: .disagreementSteps) ?? 1
    tests = try c.decodeIfPresent([String].self, forKey: .tests)
    staff = try c.decodeIfPresent([StaffMember].self, forKey: .staff) ?? []
    terms = [:]
    for dates in try c.decodeIfPresent([TermDates].self, forKey: .terms) ?? [] { terms[dates.year] = dates }
    changed = try c.decodeIfPresent([String: Int64].self, forKey: .changed) ?? [:]
    retentionYears = try c.decodeIfPresent(Int.self, forKey: .retentionYears)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(schools, forKey: .schools)
    try c.encode(subjects, forKey: .subjects)
    try c.encode(codeScheme, forKey: .codeScheme)
    try c.encode(disabledPlugins, forKey: .disabledPlugins)
    try c.encode(disagreementSteps, forKey: .disagreementSteps)
    try c.encodeIfPresent(tests, forKey: .tests)
    if !staff.isEmpty { try c.encode(staff, forKey: .staff) }
    if !terms.isEmpty { try c.encode(terms.keys.sorted().map { terms[$0]! }, forKey: .terms) }
    if !changed.isEmpty { try c.encode(changed, forKey: .changed) }
    try c.encodeIfPresent(retentionYears, forKey: .retentionYears)
  }
}

/// Turns a name into an id that is safe as a file name: "St Mary's C of E" -> "st-marys-c-of-e".
public func slug(_ text: String) -> String {
  var out = ""
  var pendingDash = false
  for ch in text.lowercased() {
    if ch.isASCII && (ch.isLetter || ch.isNumber) {
      if pendingDash && !out.isEmpty { out.append("-") }
      out.append(ch)
      pendingDash = false
    } else if ch != "'" && ch != "\u{2019}" {
      pendingDash = true
    }
  }
  return out
}

/// True for ids that are safe as one path component (no "/", "..", hidden or empty names).
public func isSafeID(_ id: String) -> Bool {
  !id.isEmpty && id.count <= 64 && id.first != "." && id.first != "-"
    && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
}
