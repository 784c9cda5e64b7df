/// Every document on disk says which format wrote it; a newer one opens read-only.
/// A document that records the format version that wrote it.
public protocol VersionedDocument: Codable {
  var format: Int { get }
}

public enum DocumentFormat {
  /// 2: class-year documents may hold standardised scores. A Cohort that reads only format 1
  /// opens them read-only instead of dropping the scores on save.
  /// 3: class-year documents may hold pupil progress meetings (the same protection).
  public static let current = 3
}

/// A subject judged each half-term. Ids are stored on disk and in every export.
public struct Subject: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var name: String
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
  public static let defaults = [
    Subject(id: "reading", name: "Reading"), Subject(id: "writing", name: "Writing"),
    Subject(id: "maths", name: "Maths"),
  ]
}

public struct SchoolRef: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var name: String
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}

/// The trust: its schools, subjects and the code scheme every school uses.
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
  }

  public func subject(_ text: String) throws -> Subject {
    let key = text.lowercased()
    if let s = subjects.first(where: { $0.id == key || $0.name.lowercased() == key }) { return s }
    throw InputError(
      "unknown subject '\(text)': expected one of \(subjects.map(\.id).joined(separator: ", "))")
  }

  enum CodingKeys: String, CodingKey {
    case format, id, name, schools, subjects, codeScheme, disabledPlugins, disagreementSteps, tests
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
