import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import Dispatch
import Foundation

/// From the trust down to one class, for any pupil group: how much is entered, the level below
/// to open, bands, pupils to look at, gaps between groups, over time, movement, tests and the
/// statutory results, every chart exportable and presentable (F11). It opens on the latest
/// half-term that is mostly entered and says so, the window's own a click away. Data loads,
/// and the counts are made, off the main thread (AnalysisView).
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
  unowned let host: PageHost
  let banner: Widget
  let bannerText: Widget
  let bannerButton: Widget
  let tabs: Widget
  let overview = OverviewTab()
  let gaps = GapsTab()
  let overTime = ChartsTab(name: "Over time")
  let movementPicker: Widget
  let movement: ChartsTab
  let movementPupils: Widget
  let tests = ChartsTab(name: "Tests")
  let statutory = StatutoryTab()
  var groupPicker: Widget!
  var group = PupilGroup.everyone
  var subjectIndex = 0
  /// Show the window's half-term even when it is not mostly entered (a click on the banner).
  var showAsked = false
  var movementFrom: HalfTermRef?
  /// One per loaded year: the records and what has been worked out over them.
  var analyses: [AcademicYear: Analysis] = [:]
  var loading = Set<AcademicYear>()
  var shown: AnalysisView?
  var shownScope: Scope?
  var presenter: PresenterView?
  /// Counts renders, so that a late result for an earlier scope is dropped.
  var renders = 0
  /// A view's tabs applied a part at a time (a newer view drops an older one's).
  let parts = InParts()
  var statutoryLoads = 0

  init(host: PageHost) {
    self.host = host
    widget = UI.box(true, spacing: 6, classes: ["analysis-page"])
    banner = UI.box(false, spacing: 8, classes: ["banner"])
    bannerText = UI.wrapped("")
    UI.setAccessibleName(bannerText, "Half-term shown")
    UI.expand(bannerText, h: true)
    var bannerClick: () -> Void = {}
    bannerButton = UI.button("", name: "Other half-term") { bannerClick() }
    UI.append(banner, bannerText, bannerButton)
    movementPupils = UI.wrapped("")
    UI.setAccessibleName(movementPupils, "Pupils in the cell")
    movementPicker = UI.box(false, spacing: 8)
    let header = UI.box(true, spacing: 6)
    UI.append(header, movementPicker, movementPupils)
    movement = ChartsTab(name: "Movement", header: header)
    tabs = UI.stack()
    for (child, id, title) in [
      (overview.widget, "overview", "Overview"), (gaps.widget, "gaps", "Gaps"),
      (overTime.widget, "over-time", "Over time"),
      (movement.widget, "movement", "Movement"), (tests.widget, "tests", "Tests"),
      (statutory.widget, "statutory", "Statutory"),
    ] {
      // Both ways: a wide table scrolls sideways inside its tab, never widening the window.
      UI.addPage(tabs, UI.scrolled(child), id: id, title: title)
    }
    UI.append(widget, toolbar(), banner, UI.tabs(for: tabs, name: "Analysis tabs"), tabs)
    bannerClick = { [weak self] in
      self?.showAsked.toggle()
      self?.render()
    }
    wire()
  }

  private func toolbar() -> Widget {
    let bar = UI.box(false, spacing: 8, classes: ["toolbar"])
    let subjects = host.context.trust.activeSubjects
    let subjectPicker = UI.dropDown(subjects.map(\.name), name: "Subject", selected: 0) { [weak self] i in
      self?.subjectIndex = i
      self?.render()
    }
    groupPicker = UI.dropDown(Self.groups.map(\.0), name: "Pupil group", selected: 0) { [weak self] i in
      self?.group = Self.groups[i].1
      self?.render()
    }
    let present = UI.button("Present", name: "Present the charts", tooltip: "Full screen, arrow keys to step (F11)") {
      [weak self] in self?.present()
    }
    let gap = UI.box(false)
    UI.expand(gap, h: true)
    UI.append(bar, UI.label("Subject"), subjectPicker, UI.label("Group"), groupPicker, gap, present)
    return bar
  }

  private func wire() {
    overview.onOpen = { [weak self] in self?.host.navigate(to: $0) }
    overview.drillChart.onPick = { [weak self] i in self?.drill(i) }
    overview.bandsChart.onSegment = { [weak self] s, b in self?.listPupils(subject: s, band: b) }
    overview.table.onOpen = { [weak self] pupil, school in self?.openPupil(pupil, school: school) }
    gaps.onCell = { [weak self] r, c in self?.gapCell(r, c) }
    movement.onCell = { [weak self] _, r, c in self?.movementCell(r, c) }
    for tab in [overTime, movement, tests] { tab.onMessage = { [weak self] in self?.host.say($0) } }
    for chart in [overview.bandsChart, overview.drillChart, gaps.chart, statutory.chart] {
      chart.onMessage = { [weak self] in self?.host.say($0) }
    }
    UI.onKey(widget, capture: true) { [weak self] key in
      guard key == .f11 else { return false }
      self?.present()
      return true
    }
  }

  func flush() throws {}
  func show(_ scope: Scope) {
    if shownScope?.level != scope.level || shownScope?.halfTerm != scope.halfTerm { showAsked = false }
    if isShown { render() }
  }
  /// Coming back to the page reloads: codes may have been entered meanwhile.
  func didAppear() {
    analyses = [:]
    render()
  }

  func openPupil(_ pupil: String, school: String) {
    host.select(pupil: pupil, school: school)
    host.show(page: "page.pupil")
  }

  func present() {
    guard let v = shown, presenter == nil else { return }
    let p = PresenterView(parent: widget, specs: v.charts + [statutory.chart.spec].compactMap { $0 })
    p.onClosed = { [weak self] in self?.presenter = nil }
    presenter = p
  }
}
