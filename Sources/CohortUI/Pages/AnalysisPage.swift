import CGtk
import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import Dispatch
import Foundation

/// From the trust down to one class: bands per subject for the scope, then the next level
/// down (schools, year groups, classes) as bars to click, then the pupils to look at with
/// their reasons. A group filter applies everywhere. Data loads, and the counts are made, off
/// the main thread (AnalysisView).
@MainActor
final class AnalysisPage: AppPage {
  static let kind = PageKind(
    id: "analysis", title: "Analysis",
    description: "Charts from the trust down to one class, for any pupil group, and the pupils falling behind."
  ) { AnalysisPage(host: $0) }

  static let groups: [(String, PupilGroup)] = [
    ("All pupils", .everyone), ("Disadvantaged", PupilGroup(with: [.disadvantaged])),
    ("SEND", PupilGroup(with: [.send])),
    ("EAL", PupilGroup(with: [.eal])), ("Girls", PupilGroup(with: [.female])), ("Boys", PupilGroup(with: [.male])),
    ("Summer-born", PupilGroup(with: [.summerBorn])), ("Low prior attainment", PupilGroup(with: [.lowPrior])),
    ("Outside age year", PupilGroup(with: [.outsideAgeYear])),
  ]

  let widget: Widget
  private unowned let host: PageHost
  private let toolbar: Widget
  private let content: Widget
  private let bandsChart = ChartView(name: "Bands per subject")
  private let drillChart = ChartView(name: "Next level down")
  private let drillButtons: Widget
  /// The buttons' strip: three rows at most, then it scrolls.
  private let drillStrip: Widget
  private let flagsLabel: Widget
  private var group = PupilGroup.everyone
  private var subjectIndex = 0
  /// One per loaded year: the records and what has been worked out over them (columns for
  /// counting, who is flagged), so that drill steps after the first only count.
  private var analyses: [AcademicYear: Analysis] = [:]
  private var loading = Set<AcademicYear>()
  private var drillTargets: [Scope.Level] = []
  /// Counts renders, so that a late result for an earlier scope is dropped.
  private var renders = 0
  /// The same for the pupils behind a chart segment.
  private var listings = 0

  init(host: PageHost) {
    self.host = host
    widget = UI.box(true, spacing: 8, classes: ["analysis-page"])
    toolbar = UI.box(false, spacing: 8, classes: ["toolbar"])
    content = UI.box(true, spacing: 8)
    drillButtons = gtk_flow_box_new()!
    gtk_flow_box_set_selection_mode(OpaquePointer(drillButtons), GTK_SELECTION_NONE)
    gtk_flow_box_set_max_children_per_line(OpaquePointer(drillButtons), 10)
    flagsLabel = UI.label("")
    gtk_label_set_wrap(cg_label(flagsLabel), 1)
    gtk_label_set_selectable(cg_label(flagsLabel), 1)
    let charts = UI.box(true, spacing: 8)
    UI.append(charts, bandsChart.widget, drillChart.widget)
    // Three rows of buttons at most: below a trust of many schools the chart (one row per
    // school, clickable) is the way in, and the rest of the buttons scroll.
    drillStrip = UI.scrolled(drillButtons, maxHeight: 130)
    UI.append(content, drillStrip, flagsLabel, charts)
    UI.append(widget, toolbar, UI.scrolled(content))
    let subjects = host.context.trust.activeSubjects
    let subjectPicker = UI.dropDown(subjects.map(\.name), name: "Subject", selected: 0) { [weak self] i in
      self?.subjectIndex = i
      self?.render()
    }
    let groupPicker = UI.dropDown(Self.groups.map(\.0), name: "Pupil group", selected: 0) { [weak self] i in
      self?.group = Self.groups[i].1
      self?.render()
    }
    UI.append(toolbar, UI.label("Subject"), subjectPicker, UI.label("Group"), groupPicker)
    drillChart.onPick = { [weak self] i in self?.drill(i) }
    bandsChart.onSegment = { [weak self] subject, band in self?.listPupils(subject: subject, band: band) }
  }

  func flush() throws {}
  func show(_ scope: Scope) { if isShown { render() } }
  /// Coming back to the page reloads: codes may have been entered meanwhile.
  func didAppear() {
    analyses = [:]
    render()
  }

  /// Loads a year's records on a background queue; renders when they arrive.
  private func data(for year: AcademicYear) -> Analysis? {
    if let a = analyses[year] { return a }
    if !loading.contains(year) {
      loading.insert(year)
      host.say("Loading \(year)…")
      let folder = host.context.folder
      let trust = host.context.trust
      let scheme = host.context.scheme
      DispatchQueue.global().async {
        let result = Result {
          Analysis(records: try AnalysisLoader.load(folder, trust: trust, year: year), scheme: scheme)
        }
        MainLoop.hop { [weak self] in
          guard let self else { return }
          self.loading.remove(year)
          switch result {
          case .success(let r):
            self.analyses[year] = r
            self.host.say("")
            self.render()
          case .failure(let e): self.host.say("Could not load \(year): \(e)")
          }
        }
      }
    }
    return nil
  }

  /// Gathers what to show on the main thread, computes it on a background queue, and shows
  /// it when it arrives, unless the page has moved on meanwhile.
  private func render() {
    let scope = host.scope
    guard let analysis = data(for: scope.year) else { return }
    let context = host.context
    let when = HalfTermRef(scope.year, scope.halfTerm)
    let (analysisScope, name) = describe(scope.level)
    var key: RecordKey?
    var keyName = ""
    var names: [String: String] = [:]
    switch scope.level {
    case .trust:
      key = .school
      keyName = "school"
      names = Dictionary(uniqueKeysWithValues: context.schools.map { ($0.id, $0.name) })
    case .school:
      key = .yearGroup
      keyName = "year group"
      names = RecordKey.yearGroupNames
    case .yearGroup:
      key = .schoolClass
      keyName = "class"
      if let s = scope.schoolID {
        names = Dictionary(
          uniqueKeysWithValues: context.school(s)?.classes(in: scope.year).map { ($0.id, $0.name) } ?? [])
      }
    case .schoolClass: key = nil
    }
    var isClass = false
    if case .schoolClass = scope.level { isClass = true }
    let request = AnalysisView.Request(
      analysis: analysis, subjects: context.trust.activeSubjects,
      subject: context.trust.activeSubjects[min(subjectIndex, context.trust.activeSubjects.count - 1)],
      scope: analysisScope,
      scopeName: name, group: group, when: when, key: key, keyName: keyName, names: names,
      flags: FlagContext(
        scheme: context.scheme, subjects: context.trust.activeSubjects,
        tests: context.registry.tests(for: context.trust),
        at: when, steps: context.trust.disagreementSteps, settings: context.registry.flagSettings),
      rules: context.registry.flagRules, listFlagged: isClass)
    renders += 1
    let ticket = renders
    let shownNames = names
    DispatchQueue.global(qos: .userInitiated).async {
      let view = AnalysisView.compute(request)
      MainLoop.hop { [weak self] in
        guard let self, ticket == self.renders else { return }
        self.apply(view, scope: scope, names: shownNames)
      }
    }
  }

  private func apply(_ view: AnalysisView, scope: Scope, names: [String: String]) {
    bandsChart.show(view.bands)
    UI.removeAllChildren(drillButtons)
    drillTargets = []
    if let spec = view.drill {
      drillChart.show(spec)
      gtk_widget_set_visible(drillChart.widget, 1)
      for id in view.drillIDs {
        let target: Scope.Level =
          switch scope.level {
          case .trust: .school(id)
          case .school(let s): .yearGroup(school: s, RecordKey.yearGroup(id))
          default: .schoolClass(school: scope.schoolID ?? "", classID: id)
          }
        drillTargets.append(target)
        let button = UI.button(names[id] ?? id, name: "Open \(names[id] ?? id)") { [weak self] in
          self?.host.navigate(to: target)
        }
        gtk_flow_box_insert(OpaquePointer(drillButtons), button, -1)
      }
      // A scrolled strip shows only its minimum unless told: three rows when there are more.
      gtk_scrolled_window_set_min_content_height(cg_scrolled(drillStrip), view.drillIDs.count > 10 ? 130 : -1)
    } else {
      gtk_widget_set_visible(drillChart.widget, 0)
    }
    var out = "<b>Pupils to look at: \(view.flaggedCount) of \(view.pupils)</b>"
    if case .schoolClass = scope.level {
      for (r, flags) in view.flagged {
        out += "\n<b>\(UI.escape(r.pupil.fullName))</b>: " + flags.map { UI.escape($0.reason) }.joined(separator: "; ")
      }
    } else {
      out += " (open a class to see each pupil and why)"
    }
    UI.markup(flagsLabel, out)
  }

  /// The pupils behind one segment of the bands chart: a subject and a band. Found off the
  /// main thread: at trust level that is every pupil's code, and a sort by name.
  private func listPupils(subject index: Int, band bandIndex: Int) {
    let scope = host.scope
    guard let a = analyses[scope.year] else { return }
    let subject = host.context.trust.activeSubjects[index]
    let band = CommonBand.allCases[bandIndex]
    let when = HalfTermRef(scope.year, scope.halfTerm)
    let (analysisScope, name) = describe(scope.level)
    let group = group
    listings += 1
    let ticket = listings
    DispatchQueue.global(qos: .userInitiated).async {
      let pupils = a.indices(in: analysisScope, group: group, subject: subject.id, year: scope.year).lazy
        .map { a.records[$0] }
        .filter { $0.code(subject.id, at: when).flatMap { a.scheme.band(of: $0) } == band }
        .sorted { ($0.pupil.surname, $0.pupil.forename) < ($1.pupil.surname, $1.pupil.forename) }
      let shown = pupils.prefix(80).map { "\(UI.escape($0.pupil.fullName)) (\(UI.escape($0.classID)))" }
      let more = pupils.count > shown.count ? " and \(pupils.count - shown.count) more" : ""
      let text =
        "<b>\(UI.escape(subject.name)), \(band.label.lowercased()) at \(when.halfTerm.label), \(UI.escape(name)): \(pupils.count) pupils</b>\n"
        + shown.joined(separator: ", ") + more
      MainLoop.hop { [weak self] in
        guard let self, ticket == self.listings else { return }
        UI.markup(self.flagsLabel, text)
      }
    }
  }

  private func drill(_ index: Int) {
    guard drillTargets.indices.contains(index) else { return }
    host.navigate(to: drillTargets[index])
  }

  private func describe(_ level: Scope.Level) -> (AnalysisScope, String) {
    let c = host.context
    switch level {
    case .trust: return (.trust, c.trust.name)
    case .school(let s): return (.school(s), c.school(s)?.name ?? s)
    case .yearGroup(let s, let g): return (.yearGroup(school: s, g), "\(c.school(s)?.name ?? s), \(g.label)")
    case .schoolClass(let s, let id):
      return (
        .schoolClass(id),
        "\(c.school(s)?.name ?? s), " + (c.school(s)?.classes(in: host.scope.year).first { $0.id == id }?.name ?? id)
      )
    }
  }
}
