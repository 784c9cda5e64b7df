/// Sex as recorded by the school census. Raw values are stored on disk.
public enum Sex: String, CaseIterable, Sendable, Codable {
  case female = "F"
  case male = "M"
  case unknown = "U"
}

/// Special educational needs provision: none, SEN support (K) or an EHC plan (E).
public enum SENDStatus: String, CaseIterable, Sendable, Codable {
  case none = "N"
  case support = "K"
  case ehcPlan = "E"
}

/// A pupil on a school's roster. The `id` is Cohort's own and never changes; the UPN can be
/// missing (a new arrival) or temporary, so it is not the key.
public struct Pupil: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  /// Kept as text so that an invalid UPN from an import is shown, not lost; `validUPN` checks it.
  public var upn: String?
  public var forename: String
  public var surname: String
  public var dob: SchoolDate
  public var sex: Sex
  public var pupilPremium: Bool
  public var fsm: Bool
  public var ever6FSM: Bool
  public var lookedAfter: Bool
  /// Left care through adoption, a special guardianship or a child arrangements order: counted
  /// as disadvantaged by DfE.
  public var previouslyLookedAfter: Bool
  /// A child of service personnel: a group of its own (service premium), not disadvantaged.
  public var serviceChild: Bool
  public var send: SENDStatus
  /// When the current SEN provision started (the MIS's latest SEN record), for a transfer CTF;
  /// nil when not known (a CSV roster does not say).
  public var senStart: SchoolDate?
  public var eal: Bool
  /// Special category data: optional, and only ever shown to those who need it.
  public var ethnicity: String?
  /// Set when the pupil leaves the school; their judgements stay.
  public var leftOn: SchoolDate?
  /// The NC year the MIS records per academic year (`NCyearActual`): it wins over the date of
  /// birth, which misplaces a deferred summer-born child or a pupil kept back or moved up.
  public var ncYears: [AcademicYear: YearGroup]

  public init(
    id: String, upn: String? = nil, forename: String, surname: String, dob: SchoolDate,
    sex: Sex = .unknown, pupilPremium: Bool = false, fsm: Bool = false, ever6FSM: Bool = false,
    lookedAfter: Bool = false, send: SENDStatus = .none, eal: Bool = false,
    ethnicity: String? = nil, leftOn: SchoolDate? = nil, ncYears: [AcademicYear: YearGroup] = [:],
    previouslyLookedAfter: Bool = false, serviceChild: Bool = false
  ) {
    self.previouslyLookedAfter = previouslyLookedAfter
    self.serviceChild = serviceChild
    self.id = id
    self.upn = upn
    self.forename = forename
    self.surname = surname
    self.dob = dob
    self.sex = sex
    self.pupilPremium = pupilPremium
    self.fsm = fsm
    self.ever6FSM = ever6FSM
    self.lookedAfter = lookedAfter
    self.send = send
    self.eal = eal
    self.ethnicity = ethnicity
    self.leftOn = leftOn
    self.ncYears = ncYears
  }

  public var fullName: String { "\(forename) \(surname)" }
  /// Disadvantaged as DfE counts it: FSM in the last six years (Ever 6, FSM now included),
  /// looked after or previously looked after. Not the MIS's pupil premium flag, which can
  /// include service children, whom DfE counts apart.
  public var isDisadvantaged: Bool { fsm || ever6FSM || lookedAfter || previouslyLookedAfter }
  public var validUPN: UPN? { upn.flatMap { try? UPN($0) } }

  enum CodingKeys: String, CodingKey {
    case id, upn, forename, surname, dob, sex, pupilPremium, fsm, ever6FSM, lookedAfter, send, eal,
      ethnicity, leftOn, ncYears, previouslyLookedAfter, serviceChild, senStart
  }

  /// Older or partial documents leave out characteristics: they default to "no".
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    upn = try c.decodeIfPresent(String.self, forKey: .upn)
    forename = try c.decode(String.self, forKey: .forename)
    surname = try c.decode(String.self, forKey: .surname)
    dob = try c.decode(SchoolDate.self, forKey: .dob)
    sex = try c.decodeIfPresent(Sex.self, forKey: .sex) ?? .unknown
    pupilPremium = try c.decodeIfPresent(Bool.self, forKey: .pupilPremium) ?? false
    fsm = try c.decodeIfPresent(Bool.self, forKey: .fsm) ?? false
    ever6FSM = try c.decodeIfPresent(Bool.self, forKey: .ever6FSM) ?? false
    lookedAfter = try c.decodeIfPresent(Bool.self, forKey: .lookedAfter) ?? false
    send = try c.decodeIfPresent(SENDStatus.self, forKey: .send) ?? .none
    eal = try c.decodeIfPresent(Bool.self, forKey: .eal) ?? false
    ethnicity = try c.decodeIfPresent(String.self, forKey: .ethnicity)
    leftOn = try c.decodeIfPresent(SchoolDate.self, forKey: .leftOn)
    senStart = try c.decodeIfPresent(SchoolDate.self, forKey: .senStart)
    previouslyLookedAfter = try c.decodeIfPresent(Bool.self, forKey: .previouslyLookedAfter) ?? false
    serviceChild = try c.decodeIfPresent(Bool.self, forKey: .serviceChild) ?? false
    ncYears = try Self.decodeNCYears(c.decodeIfPresent([String: Int].self, forKey: .ncYears) ?? [:], c)
  }

  static func decodeNCYears(_ raw: [String: Int], _ c: KeyedDecodingContainer<CodingKeys>) throws
    -> [AcademicYear: YearGroup]
  {
    var out: [AcademicYear: YearGroup] = [:]
    for (text, number) in raw {
      guard let year = AcademicYear(text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .ncYears, in: c, debugDescription: "'\(text)' is not an academic year (write it like 2026-27)")
      }
      out[year] = YearGroup(number)
    }
    return out
  }

  /// As the synthesised encoder would, with `ncYears` keyed by "2026-27" and left out when empty,
  /// and the flags added since left out when false (older rosters stay byte for byte as they were).
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encodeIfPresent(upn, forKey: .upn)
    try c.encode(forename, forKey: .forename)
    try c.encode(surname, forKey: .surname)
    try c.encode(dob, forKey: .dob)
    try c.encode(sex, forKey: .sex)
    try c.encode(pupilPremium, forKey: .pupilPremium)
    try c.encode(fsm, forKey: .fsm)
    try c.encode(ever6FSM, forKey: .ever6FSM)
    try c.encode(lookedAfter, forKey: .lookedAfter)
    try c.encode(send, forKey: .send)
    try c.encode(eal, forKey: .eal)
    try c.encodeIfPresent(ethnicity, forKey: .ethnicity)
    try c.encodeIfPresent(leftOn, forKey: .leftOn)
    try c.encodeIfPresent(senStart, forKey: .senStart)
    if previouslyLookedAfter { try c.encode(true, forKey: .previouslyLookedAfter) }
    if serviceChild { try c.encode(true, forKey: .serviceChild) }
    if !ncYears.isEmpty {
      let raw = Dictionary(uniqueKeysWithValues: ncYears.map { ($0.key.description, $0.value.number) })
      try c.encode(raw, forKey: .ncYears)
    }
  }
}
