import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

/// Pupil progress meetings: for a class, this half-term's meeting (opened or started by typing
/// into it); for a school or the trust, the actions still open, for leaders.
@MainActor
final class MeetingsPage: AppPage {
  static let kind = PageKind(
    id: "meetings", title: "Meetings",
    description:
      "Pupil progress meetings: the agenda from the data, notes and actions, and last meeting's actions to review."
  ) { MeetingsPage(host: $0) }

  let widget: Widget
  private unowned let host: PageHost
  private let binding: SessionBinding
  private let content: Widget
  private var view: MeetingView?
  private var shownScope: Scope?
  private var reportWindow: ReportWindow?

  init(host: PageHost) {
    self.host = host
    binding = SessionBinding(host: host)
    widget = UI.box(true, spacing: 8, classes: ["meetings-page"])
    content = UI.box(true, spacing: 8)
    UI.expand(content, v: true)
    UI.append(widget, content)
  }

  func flush() throws { try binding.flush() }
  func dataChanged() { shownScope = nil }
  func didAppear() { view?.focusForm() }

  func show(_ scope: Scope) {
    guard scope != shownScope else { return }
    do { try flush() } catch { host.say("Could not save the previous meeting: \(error)") }
    shownScope = scope
    binding.bind(nil)
    view = nil
    UI.removeAllChildren(content)
    do {
      switch scope.level {
      case .schoolClass(let school, let classID): try showMeeting(school: school, classID: classID, scope: scope)
      case .school(let school), .yearGroup(let school, _): try showOpenActions(schools: [school], scope: scope)
      case .trust: try showOpenActions(schools: host.context.trust.schools.map(\.id), scope: scope)
      }
    } catch {
      UI.append(content, UI.label("Could not open the meetings: \(error)", classes: ["error"], xalign: 0.5))
    }
  }

  /// The heading, and every report that takes this scope (from the registry) with Make….
  private func toolbar(_ title: String, scope: AnalysisScope) -> Widget {
    let bar = UI.box(false, spacing: 8, classes: ["toolbar"])
    let heading = UI.label(title, classes: ["title-3"])
    UI.expand(heading, h: true)
    // A long class name must not push the window wider than a small screen.
    UI.ellipsize(heading)
    UI.tooltip(heading, title)
    let reports = host.context.registry.reports.filter { $0.scopeKinds.contains(scope.kind) }
    var chosen = reports.first
    let picker = UI.dropDown(reports.map(\.title), name: "Report", selected: 0) { chosen = reports[$0] }
    let make = UI.button("Make…", name: "Make the report", tooltip: "Preview, export as PDF, or print") {
      [weak self] in chosen.map { self?.openReport($0, scope: scope) }
    }
    UI.append(bar, heading, picker, make)
    return bar
  }

  private func showMeeting(school: String, classID: String, scope: Scope) throws {
    let context = host.context
    let (s, c) = try context.schoolClass(classID, school: school, year: scope.year)
    let folder = context.folder
    let read: @Sendable () throws -> SchoolYearData = {
      try SchoolYearData.load(folder, school: school, year: scope.year)
    }
    readThenShow(scope, read) { [weak self] data in
      guard let self else { return }
      let model = try MeetingModel(
        context: context, school: data, classID: classID, halfTerm: scope.halfTerm, clock: DataFolder.now)
      let session = ClassSession(folder: folder, school: s, schoolClass: c, model: model, hop: MainLoop.hop)
      self.binding.bind(session)
      let v = MeetingView(model: model, context: context)
      v.onEdit = { [weak session] in session?.edited() }
      v.onMessage = { [weak self] in self?.host.say($0) }
      self.view = v
      UI.append(
        self.content,
        self.toolbar(
          "Pupil progress meeting: \(c.name), \(scope.halfTerm.label) \(scope.year)", scope: .schoolClass(classID)),
        UI.scrolled(v.widget))
      if self.isShown { v.focusForm() }
    }
  }

  private func showOpenActions(schools: [String], scope: Scope) throws {
    let folder = host.context.folder
    if schools.count > 1 {
      // Across a trust, counts per school: read from the meetings alone, schools on every core.
      let now = HalfTermRef(scope.year, scope.halfTerm)
      let count: @Sendable () throws -> [OpenActionCount] = {
        try SchoolYearData.openActions(folder, schools: schools, year: scope.year, now: now)
      }
      readThenShow(scope, count) { [weak self] counts in self?.listOpenActionCounts(counts, scope: scope) }
      return
    }
    // The open actions are worked out here too, off the main thread.
    let read: @Sendable () throws -> [OpenActions] = {
      try schools.map {
        let data = try SchoolYearData.load(folder, school: $0, year: scope.year)
        return OpenActions(data: data, open: data.actions.filter { $0.status == .open })
      }
    }
    readThenShow(scope, read) { [weak self] data in self?.listOpenActions(data, scope: scope) }
  }

  /// Reads the schools' documents off the main thread (a school of 660 pupils, or a trust of
  /// ninety schools, takes longer than a frame), then shows them unless the scope has changed.
  private func readThenShow<T: Sendable>(
    _ scope: Scope, _ read: @escaping @Sendable () throws -> T,
    _ show: @escaping @MainActor @Sendable (T) throws -> Void
  ) {
    UI.append(content, UI.label("Reading…", classes: ["dim-label"]))
    MainLoop.background(
      read,
      then: { [weak self] result in
        guard let self, self.shownScope == scope else { return }
        UI.removeAllChildren(self.content)
        do { try show(result.get()) } catch {
          UI.append(self.content, UI.label("Could not open the meetings: \(error)", classes: ["error"], xalign: 0.5))
        }
      })
  }

  struct OpenActions: Sendable {
    var data: SchoolYearData
    var open: [TrackedAction]
  }

  /// Across a trust, a line per school in one label: every action of ninety schools as its
  /// own wrapped label froze the window for seconds, and a leader starts from the counts.
  private func listOpenActionCounts(_ counts: [OpenActionCount], scope: Scope) {
    let lines = counts.map { c in
      "<b>\(UI.escape(host.context.school(c.school)?.name ?? c.school))</b>: \(c.open) open, \(c.overdue) overdue"
    }
    let summary = UI.label("")
    UI.markup(summary, lines.joined(separator: "\n"))
    UI.selectable(summary)
    let list = UI.box(true, spacing: 6, classes: ["meeting"])
    UI.append(
      list, UI.label("Choose a school in the sidebar to see its open actions.", classes: ["dim-label"]), summary)
    let total = counts.map(\.open).reduce(0, +)
    UI.append(content, toolbar("Open actions: \(total) in \(scope.year)", scope: .trust), UI.scrolled(list))
  }

  private func listOpenActions(_ schools: [OpenActions], scope: Scope) {
    let list = UI.box(true, spacing: 6, classes: ["meeting"])
    var total = 0
    let now = HalfTermRef(scope.year, scope.halfTerm)
    for s in schools {
      let (data, open) = (s.data, s.open)
      let classNames = data.classNames
      total += open.count
      UI.append(list, UI.label("\(data.school.name): \(open.count) open", classes: ["heading"]))
      for t in open {
        let a = t.action.value
        let overdue = t.due < now ? " (overdue)" : ""
        let who =
          a.pupils.isEmpty ? "" : " for " + a.pupils.map { data.pupil($0)?.fullName ?? $0 }.joined(separator: ", ")
        let line = UI.wrapped(
          "\(classNames[t.place.classID] ?? t.place.classID), \(t.place.when) · \(a.kind.label)\(who): \(a.description). Owner \(a.owner); due \(t.due)\(overdue)."
            + (t.latest.map { " Last review: \($0.review.value.impact.label)." } ?? ""))
        UI.setAccessibleName(line, "Open action: \(a.description)")
        UI.append(list, line)
      }
    }
    let title = "Open actions: \(total) in \(scope.year)"
    let reportScope: AnalysisScope = schools.first.map { .school($0.data.school.id) } ?? .trust
    UI.append(content, toolbar(title, scope: reportScope), UI.scrolled(list))
  }

  private func openReport(_ report: Report, scope: AnalysisScope) {
    guard let s = shownScope else { return }
    do { try flush() } catch { host.say("Not saved yet: \(error)") }
    reportWindow = ReportWindow(
      parent: widget, context: host.context, report: report, scope: scope, when: HalfTermRef(s.year, s.halfTerm))
  }
}
