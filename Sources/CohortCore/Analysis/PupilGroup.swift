/// A pupil group for drill-down and gaps: one characteristic, or several that must all hold.
public struct PupilGroup: Hashable, Sendable, CustomStringConvertible {
  public enum Trait: String, CaseIterable, Sendable {
    case female, male, disadvantaged, fsm
    case lookedAfter = "looked-after"
    case previouslyLookedAfter = "previously-looked-after"
    case serviceChild = "service-child"
    /// The MIS's pupil premium flag as it came (it can include service children).
    case pupilPremium = "pupil-premium"
    case send
    case senSupport = "sen-support"
    case ehcp, eal
    case summerBorn = "summer-born"
    case lowPrior = "prior-low"
    case middlePrior = "prior-middle"
    case highPrior = "prior-high"
    /// Taught outside their age year (the MIS's year group is not the date of birth's).
    case outsideAgeYear = "outside-age-year"

    public var label: String {
      switch self {
      case .female: "girls"
      case .male: "boys"
      case .disadvantaged: "disadvantaged"
      case .fsm: "FSM"
      case .lookedAfter: "looked after"
      case .previouslyLookedAfter: "previously looked after"
      case .serviceChild: "service children"
      case .pupilPremium: "pupil premium (MIS)"
      case .send: "SEND"
      case .senSupport: "SEN support"
      case .ehcp: "EHC plan"
      case .eal: "EAL"
      case .summerBorn: "summer-born"
      case .lowPrior: "low prior attainment"
      case .middlePrior: "middle prior attainment"
      case .highPrior: "high prior attainment"
      case .outsideAgeYear: "outside their age year"
      }
    }
  }

  /// Every trait must hold; a trait in `without` must not.
  public var with: [Trait]
  public var without: [Trait]

  public init(with: [Trait] = [], without: [Trait] = []) {
    self.with = with
    self.without = without
  }

  public static let everyone = PupilGroup()

  /// "eal", "disadvantaged+send", "!disadvantaged", "female+!eal".
  public static func parse(_ text: String) throws -> PupilGroup {
    var g = PupilGroup()
    for part in text.lowercased().split(separator: "+") {
      let negated = part.hasPrefix("!")
      let name = String(negated ? part.dropFirst() : part)
      guard let t = Trait(rawValue: name) ?? (name == "pp" ? .pupilPremium : nil) else {
        throw InputError(
          "unknown group '\(name)': use \(Trait.allCases.map(\.rawValue).joined(separator: ", ")), joined with +, ! to exclude"
        )
      }
      if negated { g.without.append(t) } else { g.with.append(t) }
    }
    return g
  }

  /// The group's complement among pupils (for gaps): "not EAL".
  public var rest: PupilGroup? {
    guard with.count + without.count == 1 else { return nil }
    return with.isEmpty ? PupilGroup(with: without) : PupilGroup(without: with)
  }

  public func contains(_ r: PupilRecord, prior: (PupilRecord) -> CommonBand? = { _ in nil }) -> Bool {
    with.allSatisfy { Self.has($0, r, prior) } && !without.contains { Self.has($0, r, prior) }
  }

  static func has(_ t: Trait, _ r: PupilRecord, _ prior: (PupilRecord) -> CommonBand?) -> Bool {
    let p = r.pupil
    switch t {
    case .female: return p.sex == .female
    case .male: return p.sex == .male
    case .disadvantaged: return p.isDisadvantaged
    case .fsm: return p.fsm
    case .lookedAfter: return p.lookedAfter
    case .previouslyLookedAfter: return p.previouslyLookedAfter
    case .serviceChild: return p.serviceChild
    case .pupilPremium: return p.pupilPremium
    case .send: return p.send != .none
    case .senSupport: return p.send == .support
    case .ehcp: return p.send == .ehcPlan
    case .eal: return p.eal
    case .summerBorn: return (4...8).contains(p.dob.month)
    case .lowPrior: return prior(r) == .below
    case .middlePrior: return prior(r) == .at
    case .highPrior: return prior(r) == .above
    case .outsideAgeYear: return r.outsideAgeYear
    }
  }

  public var description: String {
    if with.isEmpty && without.isEmpty { return "all pupils" }
    return (with.map(\.label) + without.map { "not \($0.label)" }).joined(separator: " and ")
  }
}
