import CohortCharts
import CohortCore
import CohortPluginKit
import Dispatch
import Foundation

/// Loading, computing and showing: the records of a year once, every view of them after.
extension AnalysisPage {
  /// Loads a year's records on a background queue; renders when they arrive.
  func data(for year: AcademicYear) -> Analysis? {
    if let a = analyses[year] { return a }
    guard !loading.contains(year) else { return nil }
    loading.insert(year)
    host.say("Loading \(year)…")
    let (folder, trust, scheme) = (host.context.folder, host.context.trust, host.context.scheme)
    MainLoop.background(
      { try AnalysisView.load(folder, trust: trust, scheme: scheme, year: year) },
      then: {
        [weak self] result in
        guard let self else { return }
        self.loading.remove(year)
        switch result {
        case .success(let r):
          self.analyses[year] = r
          self.host.say("")
          self.render()
        case .failure(let e): self.host.say("Could not load \(year): \(e)")
        }
      })
    return nil
  }

  var analysisScope: AnalysisScope { host.scope.analysis }

  /// Gathers what to show on the main thread, computes it on a background queue, and shows
  /// it when it arrives, unless the page has moved on meanwhile.
  func render() {
    let scope = host.scope
    guard let analysis = data(for: scope.year) else { return }
    let c = host.context
    let subjects = c.trust.activeSubjects
    let asked = HalfTermRef(scope.year, scope.halfTerm)
    var request = AnalysisView.Request(
      analysis: analysis, subjects: subjects, subject: subjects[min(subjectIndex, subjects.count - 1)],
      scope: analysisScope, names: AnalysisView.names(c, year: scope.year), group: group, asked: asked,
      threshold: c.trust.mostlyEnteredPercent, minimum: c.trust.minimumGroupSize,
      flags: FlagContext(
        scheme: c.scheme, subjects: subjects, tests: c.registry.tests(for: c.trust), at: asked,
        steps: c.trust.disagreementSteps, settings: c.registry.flagSettings),
      rules: c.registry.flagRules)
    request.short = Dictionary(c.trust.schools.map { ($0.id, $0.shortName ?? Charts.shortSchoolName($0.name)) }) {
      x, _ in x
    }
    (request.showAsked, request.movementFrom) = (showAsked, movementFrom)
    renders += 1
    let ticket = renders
    let made = request
    // The overview first, then the other tabs: a trust's over-time, movement and test charts
    // are not what a leader looks at first, and need not hold it up. They are worked out once
    // the overview is on screen: worked out meanwhile, on both cores, they left the window a
    // third of the processor for laying the overview out (a stall of 50-63 ms at the trust).
    MainLoop.background(
      { AnalysisView.overview(made) },
      then: { [weak self] view in
        guard let self, ticket == self.renders, let view = try? view.get() else { return }
        self.apply(view, scope: scope, names: made.names) {
          MainLoop.background(
            { AnalysisView.withTabs(view, made) },
            then: { [weak self] full in
              guard let self, ticket == self.renders, let full = try? full.get() else { return }
              self.applyTabs(full)
            })
        }
      })
    loadStatutory(scope)
  }

  /// `then`: once the overview is drawn.
  func apply(_ v: AnalysisView, scope: Scope, names: ScopeNames, then: @escaping @MainActor () -> Void = {}) {
    shown = v
    shownScope = scope
    showBanner(v, asked: HalfTermRef(scope.year, scope.halfTerm))
    let key = ScopeNames.levelBelow(analysisScope)
    let display = key.map { names.names(for: $0) } ?? [:]
    let targets = v.drillIDs.compactMap { id -> (String, Scope.Level)? in
      guard let key, let level = level(key, id, names: names) else { return nil }
      return (display[id] ?? id, level)
    }
    let scopeName = names.name(of: analysisScope)
    // One part per turn of the main loop: every tab at once (ninety schools' buttons, charts
    // and the heat map's labels) held the window for a third of a second. A newer view drops
    // the steps of an older one still waiting.
    inParts(
      overview.steps(v, targets: targets).map { step in { page in step(page.overview) } } + [
        { $0.overview.table.show(v.lookAt, now: v.when, scopeName: scopeName) },
        { _ in then() },
      ])
  }

  /// The other tabs, once worked out, onto the view shown.
  func applyTabs(_ v: AnalysisView) {
    guard let t = v.tabs else { return }
    shown = v
    inParts(
      [
        { $0.gaps.show(t.gaps, spec: t.gapsChart) },
        { $0.overTime.show(t.overTime) },
        {
          $0.showMovementPicker(v)
          $0.movement.show([t.movement])
          UI.setText($0.movementPupils, "Click a cell of the matrix to list its pupils.")
        },
        { $0.tests.show(t.tests) },
      ], continuing: true)
  }

  /// Runs each step after the window has drawn the one before; a newer view drops the rest
  /// (`continuing` goes on from the steps of the same view).
  func inParts(
    _ steps: [@MainActor (AnalysisPage) -> Void], continuing: Bool = false, from file: StaticString = #fileID,
    line: UInt = #line
  ) {
    parts.start(steps.count, per: 1, continuing: continuing, from: file, line: line) { [weak self] r in
      guard let self else { return }
      for i in r { steps[i](self) }
    }
  }

  /// Says which half-term is shown and why, with the other a click away.
  func showBanner(_ v: AnalysisView, asked: HalfTermRef) {
    let o = v.opening
    let askedName = "\(asked.halfTerm.label) \(asked.year)"
    let pct = o.completeness.percent
    var text: String
    if v.when != asked {
      text =
        "Showing \(v.when.halfTerm.label) \(v.when.year), the latest half-term "
        + (o.mostlyEntered
          ? "mostly entered (\(pct)%; at least \(host.context.trust.mostlyEnteredPercent)% counts as mostly)."
          : "with the most entered (\(pct)%): none of this year's is mostly entered yet.")
      UI.setButtonText(bannerButton, "Show \(askedName)")
      UI.setAccessibleName(bannerButton, "Show \(askedName)")
    } else {
      text = "\(askedName): \(v.completeness.percent)% entered."
      if showAsked, o.when != asked {
        text += " Bars from partly entered codes are hatched."
        UI.setButtonText(bannerButton, "Show \(o.when.halfTerm.label) \(o.when.year) (mostly entered)")
        UI.setAccessibleName(bannerButton, "Show \(o.when.halfTerm.label) \(o.when.year)")
      }
    }
    UI.setText(bannerText, text)
    UI.setAccessibleName(bannerText, text)
    UI.setVisible(bannerButton, v.when != asked || (showAsked && o.when != asked))
  }

  /// The window's level for a part of the scope (a school, year group or class).
  func level(_ key: RecordKey, _ id: String, names: ScopeNames) -> Scope.Level? {
    switch ScopeNames.scope(key, id, under: analysisScope) {
    case .school(let s): .school(s)
    case .yearGroup(let s?, let g): .yearGroup(school: s, g)
    case .schoolClass(let c): names.classes[c].map { .schoolClass(school: $0.school, classID: c) }
    default: nil
    }
  }

  func drill(_ index: Int) {
    guard let v = shown, v.drillIDs.indices.contains(index), let key = ScopeNames.levelBelow(analysisScope),
      let target = level(key, v.drillIDs[index], names: AnalysisView.names(host.context, year: host.scope.year))
    else { return }
    host.navigate(to: target)
  }
}
