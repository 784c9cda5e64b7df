/// Teacher judgements beside standardised scores, per pupil and subject: the moderation view
/// of a pupil progress meeting. Pure: built from one class-year document and its pupils.
public enum SideBySide {
  public struct Entry: Sendable, Equatable {
    public let subject: Subject
    public let code: String?
    public let codeBand: CommonBand?
    public let test: TestDefinition?
    public let term: Term?
    public let score: Int?
    public let scoreBand: ScoreBand?
    public let percentile: Double?
    /// The same test's previous score (the term before, or last summer).
    public let previousScore: Int?
    /// Judgement and score bands are `steps` or more apart.
    public let disagrees: Bool
    /// The score moved by more than the test's confidence band (+ up, - down); nil otherwise.
    public let realChange: Int?
    /// Why the entry is flagged, in words.
    public let notes: [String]
  }

  public struct Row: Sendable, Equatable {
    public let pupil: Pupil
    public let entries: [Entry]
    public var flagged: Bool { entries.contains { $0.disagrees || ($0.realChange ?? 0) < 0 } }
  }

  /// - Parameters:
  ///   - halfTerm: whose judgements to show; the latest score up to its term is beside them.
  ///   - lastSummer: the previous year's summer scores by pupil and test (for autumn changes).
  public static func build(
    doc: ClassYear, pupils: [Pupil], scheme: CodeScheme, subjects: [Subject], tests: [TestDefinition],
    halfTerm: HalfTerm,
    steps: Int, lastSummer: [String: [String: Int]] = [:]
  ) -> [Row] {
    pupils.map { pupil in
      Row(
        pupil: pupil,
        entries: subjects.map {
          entry(
            doc: doc, pupil: pupil, subject: $0, scheme: scheme, tests: tests, halfTerm: halfTerm, steps: steps,
            lastSummer: lastSummer)
        })
    }
  }

  static func entry(
    doc: ClassYear, pupil: Pupil, subject: Subject, scheme: CodeScheme, tests: [TestDefinition], halfTerm: HalfTerm,
    steps: Int,
    lastSummer: [String: [String: Int]]
  ) -> Entry {
    let code = doc.code(pupil: pupil.id, subject: subject.id, halfTerm: halfTerm)
    let known = code.flatMap { scheme.code(id: $0) }
    let codeBand = known?.kind == .assessed ? known?.band : nil
    // The latest sitting of a test of this subject, in this term or earlier this year.
    let terms = Term.allCases.filter { $0.rank <= halfTerm.term.rank }.reversed()
    var found: (TestDefinition, Term, Int)?
    search: for term in terms {
      for t in tests where t.subject == subject.id {
        if let s = doc.score(pupil: pupil.id, test: t.id, term: term)?.standardised {
          found = (t, term, s)
          break search
        }
      }
    }
    guard let (test, term, score) = found else {
      return Entry(
        subject: subject, code: code, codeBand: codeBand, test: nil, term: nil, score: nil, scoreBand: nil,
        percentile: nil,
        previousScore: nil, disagrees: false, realChange: nil, notes: [])
    }
    let band = test.band(of: score)
    let previous: Int? =
      term.previous.flatMap { doc.score(pupil: pupil.id, test: test.id, term: $0)?.standardised }
      ?? (term == .autumn ? lastSummer[pupil.id]?[test.id] : nil)
    var notes: [String] = []
    var disagrees = false
    if let codeBand, let b = band?.band, abs(codeBand.rank - b.rank) >= max(1, steps) {
      disagrees = true
      notes.append(
        "judged \(codeBand.label.lowercased()) (\(code!)) but \(test.name) says \(b.label.lowercased()) (\(score))")
    }
    var change: Int?
    // Beyond the margin of the difference of two scores, not one score's band.
    if let previous, test.isRealChange(from: previous, to: score) {
      change = score - previous
      notes.append(
        "\(test.name) \(score > previous ? "rose" : "fell") \(abs(score - previous)) points (\(previous) to \(score)), beyond the \(test.differenceMarginText) margin of a difference of two scores"
      )
    }
    return Entry(
      subject: subject, code: code, codeBand: codeBand, test: test, term: term, score: score, scoreBand: band,
      percentile: StandardisedScale.percentile(of: Double(score)), previousScore: previous, disagrees: disagrees,
      realChange: change, notes: notes)
  }
}

extension Term {
  public var rank: Int {
    switch self {
    case .autumn: 0
    case .spring: 1
    case .summer: 2
    }
  }
  public var previous: Term? { rank > 0 ? Term.allCases[rank - 1] : nil }
}
