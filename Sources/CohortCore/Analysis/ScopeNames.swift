/// A class of one year as a leader reads about it: its school, year groups and teachers.
public struct ClassInfo: Sendable, Hashable, Codable {
  public var id: String
  public var school: String
  public var name: String
  public var yearGroups: [YearGroup]
  public var teachers: [String]

  public init(id: String, school: String, name: String, yearGroups: [YearGroup], teachers: [String] = []) {
    (self.id, self.school, self.name, self.yearGroups, self.teachers) = (id, school, name, yearGroups, teachers)
  }
}

/// Names for everything an analysis counts by id (records carry a school's and a class's id
/// only): every title, table and list a teacher reads names the school or class, never its id.
public struct ScopeNames: Sendable, Hashable {
  public var trustName: String
  /// School id -> name.
  public var schools: [String: String]
  public var classes: [String: ClassInfo]

  public init(trust: Trust, classes: [ClassInfo]) {
    trustName = trust.name
    schools = Dictionary(trust.schools.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    self.classes = Dictionary(classes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  public func school(_ id: String) -> String { schools[id] ?? id }
  public func schoolClass(_ id: String) -> String { classes[id]?.name ?? id }

  /// "Meadow Primary", "Year 3, Meadow Primary", "3B, Meadow Primary", "Year 3 across Oak Trust".
  public func name(of scope: AnalysisScope) -> String {
    switch scope {
    case .trust: return trustName
    case .school(let s): return school(s)
    case .yearGroup(let s?, let g): return "\(g.label), \(school(s))"
    case .yearGroup(nil, let g): return "\(g.label) across \(trustName)"
    case .schoolClass(let c):
      guard let info = classes[c] else { return c }
      return "\(info.name), \(school(info.school))"
    case .pupils(let ids): return plural(ids.count, "pupil")
    }
  }

  /// Display names of a breakdown's values (school and class names, "Year 3").
  public func names(for key: RecordKey) -> [String: String] {
    switch key {
    case .school: return schools
    case .schoolClass: return classes.mapValues(\.name)
    case .yearGroup: return RecordKey.yearGroupNames
    case .ethnicity: return [:]
    }
  }

  /// The level below a scope that its drill-down and gap tables break into (nil for a class).
  public static func levelBelow(_ scope: AnalysisScope) -> RecordKey? {
    switch scope {
    case .trust: .school
    case .school: .yearGroup
    case .yearGroup(nil, _): .school
    case .yearGroup: .schoolClass
    case .schoolClass, .pupils: nil
    }
  }

  /// The scope one value of `levelBelow` stands for.
  public static func scope(_ key: RecordKey, _ value: String, under parent: AnalysisScope) -> AnalysisScope? {
    switch (key, parent) {
    case (.school, .yearGroup(nil, let g)): .yearGroup(school: value, g)
    case (.school, _): .school(value)
    case (.yearGroup, .school(let s)): .yearGroup(school: s, RecordKey.yearGroup(value))
    case (.yearGroup, _): .yearGroup(school: nil, RecordKey.yearGroup(value))
    case (.schoolClass, _): .schoolClass(value)
    case (.ethnicity, _): nil
    }
  }
}
