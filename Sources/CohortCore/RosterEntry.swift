/// One pupil as an MIS roster file states them (a CTF `Pupil` or a CSV row), read and checked
/// but not yet matched to the trust's pupils. Characteristics the file does not carry are nil,
/// so that an import never clears what it was not told about.
public struct RosterEntry: Hashable, Sendable {
  /// The CSV line or the line of the CTF `Pupil` element, for messages.
  public var line: Int
  public var upn: UPN?
  public var surname: String
  public var forename: String
  /// The legal names when the file gives preferred ones as well (matching tries both).
  public var legalSurname: String?
  public var legalForename: String?
  public var dob: SchoolDate
  public var sex: Sex?
  public var yearGroup: YearGroup?
  /// The registration group or class name as the MIS writes it.
  public var className: String?
  public var pupilPremium: Bool?
  public var fsm: Bool?
  public var ever6FSM: Bool?
  public var lookedAfter: Bool?
  public var previouslyLookedAfter: Bool?
  public var serviceChild: Bool?
  public var send: SENDStatus?
  /// The start of the latest SEN record, when the file gives one.
  public var senStart: SchoolDate?
  public var eal: Bool?
  public var ethnicity: String?
  public var results: [StatutoryResult]
  /// A CTF pupil with results and no details (DfE's MTC file): it adds results to the pupil it
  /// matches and changes nothing else.
  public var resultsOnly = false

  public init(line: Int, upn: UPN?, surname: String, forename: String, dob: SchoolDate) {
    self.line = line
    self.upn = upn
    self.surname = surname
    self.forename = forename
    self.dob = dob
    self.results = []
  }

  public var fullName: String { "\(forename) \(surname)" }
}

/// What a roster reader found: the pupils it could read, and one problem per pupil or row it
/// could not, each naming the line.
public struct RosterFile: Sendable {
  public var entries: [RosterEntry] = []
  public var problems: [(line: Int, reason: String)] = []
  public var notes: [String] = []
  public init() {}

  /// Two entries with one UPN are both refused: which is right is for the school to say.
  public mutating func refuseDuplicateUPNs() {
    var lines: [String: [Int]] = [:]
    for e in entries { if let u = e.upn { lines[u.value, default: []].append(e.line) } }
    let duplicated = lines.filter { $0.value.count > 1 }
    guard !duplicated.isEmpty else { return }
    entries.removeAll { e in
      guard let u = e.upn, let all = duplicated[u.value] else { return false }
      let others = all.filter { $0 != e.line }.map(String.init).joined(separator: ", ")
      problems.append((e.line, "UPN \(u.value) is also on line \(others): one UPN, two pupils"))
      return true
    }
    problems.sort { $0.line < $1.line }
  }
}
