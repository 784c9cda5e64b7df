import Foundation

/// Did an intervention's pupils move? Codes and scores before and after for each pupil, and the
/// same measures for similar pupils not in it (same school and year group, same starting code),
/// always with n: a leader can see at a glance whether the change beats what happened anyway.
public struct InterventionImpact: Sendable, Equatable, Codable {
  public struct PupilRow: Sendable, Equatable, Codable {
    public var pupil: String
    public var name: String
    public var codeBefore: String?
    public var codeAfter: String?
    /// Assessed-code steps moved (+ up); nil without two assessed codes.
    public var steps: Int?
    public var test: String?
    public var scoreBefore: Int?
    public var scoreAfter: Int?
    public var scoreChange: Int? { scoreAfter.flatMap { a in scoreBefore.map { a - $0 } } }
  }

  public struct Measures: Sendable, Equatable, Codable {
    public var n = 0
    /// Pupils with an assessed code before and after.
    public var withCodes = 0
    public var up = 0
    public var same = 0
    public var down = 0
    public var meanSteps: Double?
    public var withScores = 0
    public var meanScoreChange: Double?

    /// "3 pupils: 1 moved up, 2 stayed the same, none moved down; scores rose 4 points on average
    /// (2 with scores)": one group's measures, as the app lists them.
    public var summary: String {
      guard withCodes > 0 else { return "\(plural(n, "pupil")): none has a code before and after yet" }
      let moved = "\(count(up)) moved up, \(count(same)) stayed the same, \(count(down)) moved down"
      let coded = withCodes == n ? "" : " (of \(grouped(withCodes)) with a code before and after)"
      let scores = meanScoreChange.map {
        "; scores \(InterventionImpact.change($0)) (\(grouped(withScores)) with scores)"
      }
      return "\(plural(n, "pupil")): \(moved)\(coded)\(scores ?? "")"
    }

    func count(_ k: Int) -> String { k == 0 ? "none" : grouped(k) }
  }

  public var subject: String
  public var from: HalfTermRef
  public var to: HalfTermRef
  public var rows: [PupilRow]
  public var intervention: Measures
  public var comparison: Measures
  public var comparisonBasis: String

  /// - Parameter to: the half-term of the review (the "after"); codes are the latest up to it.
  public static func compute(
    pupils ids: [String], subject: String, from: HalfTermRef, to: HalfTermRef, records: [PupilRecord],
    scheme: CodeScheme, tests: [TestDefinition]
  ) -> InterventionImpact {
    let chosen = Set(ids)
    let subjectTests = tests.filter { $0.subject == subject }
    let rank = Dictionary(
      scheme.codes.filter { $0.kind == .assessed }.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    func row(_ r: PupilRecord) -> PupilRow {
      let before = latestCode(r, subject, upTo: from, after: nil)
      let after = latestCode(r, subject, upTo: to, after: from)
      var out = PupilRow(pupil: r.pupil.id, name: r.pupil.fullName, codeBefore: before, codeAfter: after)
      if let b = before.flatMap({ rank[$0] }), let a = after.flatMap({ rank[$0] }) { out.steps = a - b }
      let startTerm = TermRef(from.year, from.halfTerm.term)
      for t in subjectTests {
        guard let b = latestScore(r, t.id, upTo: startTerm, after: nil) else { continue }
        out.test = t.id
        out.scoreBefore = b.value
        out.scoreAfter = latestScore(r, t.id, upTo: TermRef(to.year, to.halfTerm.term), after: b.at)?.value
        break
      }
      return out
    }
    let inRecords = records.filter { chosen.contains($0.pupil.id) }
    let rows = ids.compactMap { id in inRecords.first { $0.pupil.id == id }.map(row) }
    let cohorts = Set(inRecords.map { "\($0.school)/\($0.yearGroup.number)" })
    let startCodes = Set(rows.compactMap(\.codeBefore))
    let similar = records.filter {
      !chosen.contains($0.pupil.id) && cohorts.contains("\($0.school)/\($0.yearGroup.number)")
        && latestCode($0, subject, upTo: from, after: nil).map(startCodes.contains) == true
    }
    return InterventionImpact(
      subject: subject, from: from, to: to, rows: rows, intervention: measures(rows),
      comparison: measures(similar.map(row)),
      comparisonBasis: "pupils in the same year group not in the intervention who started on the same code ("
        + startCodes.sorted().joined(separator: ", ") + ")")
  }

  static func measures(_ rows: [PupilRow]) -> Measures {
    var m = Measures(n: rows.count)
    let steps = rows.compactMap(\.steps)
    m.withCodes = steps.count
    m.up = steps.filter { $0 > 0 }.count
    m.same = steps.filter { $0 == 0 }.count
    m.down = steps.filter { $0 < 0 }.count
    if !steps.isEmpty { m.meanSteps = Double(steps.reduce(0, +)) / Double(steps.count) }
    let changes = rows.compactMap(\.scoreChange)
    m.withScores = changes.count
    if !changes.isEmpty { m.meanScoreChange = Double(changes.reduce(0, +)) / Double(changes.count) }
    return m
  }

  /// The latest code at or before `limit`, and after `after` when given.
  static func latestCode(_ r: PupilRecord, _ subject: String, upTo limit: HalfTermRef, after: HalfTermRef?) -> String? {
    r.codes.latest(subject, upTo: limit, after: after)?.value
  }

  static func latestScore(_ r: PupilRecord, _ test: String, upTo limit: TermRef, after: TermRef?)
    -> (at: TermRef, value: Int)?
  {
    r.scores.latest(test, upTo: limit, after: after)
  }
}
