import CohortCore
import CohortPluginKit

/// The built-in reasons to look at a pupil: falling behind, dropped a band, not yet assessed,
/// judgement and test disagree, score dropped beyond the margin of a difference of two scores.
struct FlagRulesPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "flags", name: "Pupils to look at", version: "1.0.0",
    description: "Flags pupils falling behind, dropping a band, not yet assessed, or whose test disagrees.",
    provides: [.flagRule])

  func register(_ registrar: PluginRegistrar) {
    registrar.add(flagRule: FallingBehind())
    registrar.add(flagRule: DroppedBand())
    registrar.add(flagRule: NotYetAssessed())
    registrar.add(flagRule: JudgementAndTestDisagree())
    registrar.add(flagRule: ScoreDropped())
  }
}

struct FallingBehind: FlagRule {
  let id = "flag.falling-behind"
  let title = "Falling behind"
  func flags(for r: PupilRecord, in c: FlagContext) -> [PupilFlag] {
    c.subjects.compactMap { s in
      guard let codeID = r.code(s.id, at: c.at), let code = c.scheme.code(id: codeID), code.kind == .assessed,
        code.band == .below
      else {
        return nil
      }
      return PupilFlag(
        rule: id, subject: s.id,
        reason: "\(s.name): \(code.label) (\(code.id)) at \(c.at.halfTerm.label), below the year's expectations")
    }
  }
}

struct DroppedBand: FlagRule {
  let id = "flag.dropped-band"
  let title = "Dropped a band"
  func flags(for r: PupilRecord, in c: FlagContext) -> [PupilFlag] {
    c.subjects.compactMap { s in
      let before = c.at.previous
      guard let now = r.code(s.id, at: c.at).flatMap({ c.scheme.code(id: $0) }),
        let was = r.code(s.id, at: before).flatMap({ c.scheme.code(id: $0) }),
        let a = was.band, let b = now.band, a.rank - b.rank >= Int(c.setting(id, "bands") ?? 1)
      else { return nil }
      return PupilFlag(
        rule: id, subject: s.id,
        reason: "\(s.name): dropped from \(was.label) (\(was.id)) at \(before) to \(now.label) (\(now.id))")
    }
  }
}

struct NotYetAssessed: FlagRule {
  let id = "flag.not-assessed"
  let title = "Not yet assessed"
  func flags(for r: PupilRecord, in c: FlagContext) -> [PupilFlag] {
    c.subjects.compactMap { s in
      guard r.code(s.id, at: c.at) == nil else { return nil }
      return PupilFlag(rule: id, subject: s.id, reason: "\(s.name): no judgement yet for \(c.at.halfTerm.label)")
    }
  }
}

struct JudgementAndTestDisagree: FlagRule {
  let id = "flag.disagreement"
  let title = "Judgement and test disagree"
  func flags(for r: PupilRecord, in c: FlagContext) -> [PupilFlag] {
    c.subjects.compactMap { s in
      guard let code = r.code(s.id, at: c.at).flatMap({ c.scheme.code(id: $0) }), code.kind == .assessed,
        let band = code.band,
        let (test, score) = ScoreDropped.latest(
          r, subject: s.id, tests: c.tests, upTo: TermRef(c.at.year, c.at.halfTerm.term)),
        let scoreBand = test.band(of: score.value)?.band,
        abs(band.rank - scoreBand.rank) >= max(1, Int(c.setting(id, "steps") ?? Double(c.steps)))
      else { return nil }
      return PupilFlag(
        rule: id, subject: s.id,
        reason:
          "\(s.name): judged \(band.label.lowercased()) (\(code.id)) but \(test.name) \(score.at.term.label) says \(scoreBand.label.lowercased()) (\(score.value))"
      )
    }
  }
}

struct ScoreDropped: FlagRule {
  let id = "flag.score-dropped"
  let title = "Score dropped beyond the margin of a difference"
  func flags(for r: PupilRecord, in c: FlagContext) -> [PupilFlag] {
    c.tests.compactMap { test in
      guard
        let (_, latest) = Self.latest(
          r, subject: test.subject, tests: [test], upTo: TermRef(c.at.year, c.at.halfTerm.term)),
        let before = Self.previous(latest.at), let was = r.scores[test.id, at: before],
        was > latest.value, test.isRealChange(from: was, to: latest.value)
      else { return nil }
      return PupilFlag(
        rule: id, subject: test.subject,
        reason:
          "\(test.name) fell \(was - latest.value) points (\(was) to \(latest.value)), beyond the \(test.differenceMarginText) margin of a difference of two scores"
      )
    }
  }

  static func previous(_ t: TermRef) -> TermRef? {
    if let p = t.term.previous { return TermRef(t.year, p) }
    return TermRef(t.year.previous, .summer)
  }

  /// The latest score of a test of this subject in this year up to a term.
  static func latest(_ r: PupilRecord, subject: String, tests: [TestDefinition], upTo limit: TermRef)
    -> (TestDefinition, (at: TermRef, value: Int))?
  {
    for term in Term.allCases.reversed() where term.rank <= limit.term.rank {
      let at = TermRef(limit.year, term)
      for t in tests where t.subject == subject {
        if let v = r.scores[t.id, at: at] { return (t, (at, v)) }
      }
    }
    return nil
  }
}
