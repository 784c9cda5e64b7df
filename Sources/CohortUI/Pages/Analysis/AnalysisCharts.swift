import CohortCharts
import CohortCore

/// The Analysis page's charts for one scope, group and half-term, built from an `Analysis`
/// alone (pure: the page computes them off the main thread).
struct AnalysisCharts {
  let a: Analysis
  let scope: AnalysisScope
  let names: ScopeNames
  let group: PupilGroup
  let subjects: [Subject]
  let subject: Subject
  let when: HalfTermRef
  let threshold: Int
  /// Names drawn on bars where they are tight (short school names), by id.
  let short: [String: String]

  var scopeName: String { names.name(of: scope) }

  /// "212 of 380 entered" when under the trust's threshold, else nil.
  func partial(_ c: Completeness) -> String? { partial(c.entered, of: c.expected) }

  func partial(_ entered: Int, of expected: Int) -> String? {
    expected == 0 || entered * 100 >= threshold * expected
      ? nil : "\(grouped(entered)) of \(grouped(expected)) entered"
  }

  func bands(_ completeness: Completeness) -> ChartSpec {
    var spec = Charts.bandsBySubject(a, scope: scope, scopeName: scopeName, group: group, subjects: subjects, at: when)
    let lines = Dictionary(completeness.subjects.map { ($0.subject, $0) }, uniquingKeysWith: { x, _ in x })
    let partial = subjects.map { s -> String? in
      guard let line = lines[s.id] else { return nil }
      return self.partial(line.entered, of: line.expected)
    }
    spec = Charts.marked(spec, reference: nil, previous: [], previousLabel: "", partial: partial)
    if subjects.allSatisfy({ a.bands(scope, group: group, subject: $0.id, at: when).assessed == 0 }) {
      spec.emptyMessage = "No judgements entered for \(scopeName) at \(when.halfTerm.label) \(when.year) yet."
    }
    return spec
  }

  /// The level below as bars to click, with the trust's average, last half-term's value and
  /// hatching where a part is not mostly entered.
  func drill() -> (ChartSpec, [String])? {
    guard let key = ScopeNames.levelBelow(scope) else { return nil }
    let full = names.names(for: key)
    let keyName = key == .school ? "school" : key == .yearGroup ? "year group" : "class"
    let rows = a.breakdown(scope, by: key, group: group, subject: subject.id, at: when)
    let ids = rows.map(\.0)
    var display = full
    for (id, s) in short { display[id] = s }
    var spec = Charts.atOrAboveBy(
      a, scope: scope, scopeName: scopeName, by: key, keyName: keyName, names: display, group: group,
      subject: subject, at: when)
    spec.fullCategories = ids.map { full[$0] ?? $0 }
    let before = Dictionary(
      a.breakdown(scope, by: key, group: group, subject: subject.id, at: when.previous).filter { $0.1.assessed > 0 }
        .map { ($0.0, $0.1.atOrAbove) }, uniquingKeysWith: { x, _ in x })
    let trust = a.bands(.trust, group: group, subject: subject.id, at: when)
    let entered = a.entered(scope, by: key, subject: subject, names: names, at: when)
    let partial = ids.map { id in entered[id].flatMap { self.partial($0.entered, of: $0.expected) } }
    spec = Charts.marked(
      spec, reference: trust.assessed > 0 ? .init(label: "Trust average", value: trust.atOrAbove) : nil,
      previous: ids.map { before[$0] }, previousLabel: "Last half-term (\(when.previous.halfTerm.label))",
      partial: partial)
    if rows.allSatisfy({ $0.1.assessed == 0 }) {
      spec.emptyMessage = "No \(subject.name) judgements entered for \(scopeName) at \(when.halfTerm.label) yet."
    }
    return (spec, ids)
  }

  /// Every half-term of this year up to now and of the two years before.
  var times: [HalfTermRef] {
    let years = [when.year.previous.previous, when.year.previous, when.year]
    let all = years.flatMap { y in HalfTerm.allCases.map { HalfTermRef(y, $0) } }.filter { $0 <= when }
    // From the first half-term anyone in the scope has a code.
    let first = all.firstIndex { t in
      subjects.contains { a.bands(scope, group: group, subject: $0.id, at: t).assessed > 0 }
    }
    return first.map { Array(all[$0...]) } ?? [when]
  }

  func overTime(_ t: [HalfTermRef]) -> [ChartSpec] {
    var lines = Charts.progress(a, scope: scope, scopeName: scopeName, group: group, subjects: subjects, over: t)
    lines.categories = t.map { "\(Charts.shortLabel($0.halfTerm))\n\($0.year)" }
    if t.count < 2 {
      lines.emptyMessage = "Only one half-term has codes for \(scopeName) so far: nothing to follow yet."
    }
    return [
      Charts.bandsOverTime(a, scope: scope, scopeName: scopeName, group: group, subject: subject, over: t), lines,
    ]
  }

  func movement(from: HalfTermRef) -> (ChartSpec, TransitionMatrix) {
    let m = a.transitions(scope, group: group, subject: subject.id, from: from, to: when)
    var spec = Charts.transitions(m, subject: subject, scopeName: scopeName)
    spec.subtitle =
      "\(from.halfTerm.label) \(from.year) (rows) to \(when.halfTerm.label) \(when.year) (columns), "
      + "\(plural(m.total, "pupil")); click a cell for its pupils"
    spec.xLabel = "\(when.halfTerm.label) \(when.year)"
    spec.yLabel = "\(from.halfTerm.label) \(from.year)"
    if m.count("none", "none") == m.total {
      spec.emptyMessage =
        "No \(subject.name) codes for \(scopeName) at both \(from.halfTerm.label) \(from.year) and \(when.halfTerm.label) \(when.year)."
    }
    return (spec, m)
  }

  func tests(_ tests: [TestDefinition], steps: Int) -> [ChartSpec] {
    let term = TermRef(when.year, when.halfTerm.term)
    return tests.flatMap { t in
      [
        Charts.scoreDistribution(
          a.scores(scope, group: group, test: t, at: term), test: t, scopeName: scopeName, at: term),
        Charts.judgementVersusScore(a, scope: scope, scopeName: scopeName, test: t, at: when, steps: steps),
      ]
    }
  }
}
