import CGtk
import CohortCore
import CohortPlugins
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
    gtk_widget_set_vexpand(content, 1)
    UI.append(widget, content)
  }

  func flush() throws { try binding.flush() }
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

  private func toolbar(_ title: String, report: String, scope: AnalysisScope) -> Widget {
    let bar = UI.box(false, spacing: 8, classes: ["toolbar"])
    let heading = UI.label(title, classes: ["title-3"])
    gtk_widget_set_hexpand(heading, 1)
    let make = UI.button("Make the pack…", name: "Make the pack", tooltip: "Preview, export as PDF, or print") {
      [weak self] in self?.openReport(report, scope: scope)
    }
    UI.append(bar, heading, make)
    return bar
  }

  private func showMeeting(school: String, classID: String, scope: Scope) throws {
    let context = host.context
    let (s, c) = try context.schoolClass(classID, school: school, year: scope.year)
    let data = try SchoolYearData.load(context.folder, school: school, year: scope.year)
    let model = try MeetingModel(
      context: context, school: data, classID: classID, halfTerm: scope.halfTerm, clock: DataFolder.now)
    let session = ClassSession(folder: context.folder, school: s, schoolClass: c, model: model, hop: MainLoop.hop)
    binding.bind(session)
    let v = MeetingView(model: model, context: context)
    v.onEdit = { [weak session] in session?.edited() }
    v.onMessage = { [weak self] in self?.host.say($0) }
    view = v
    UI.append(
      content,
      toolbar(
        "Pupil progress meeting: \(c.name), \(scope.halfTerm.label) \(scope.year)", report: "class-pack",
        scope: .schoolClass(classID)),
      UI.scrolled(v.widget))
  }

  private func showOpenActions(schools: [String], scope: Scope) throws {
    let context = host.context
    let list = UI.box(true, spacing: 6)
    var total = 0
    for id in schools {
      let data = try SchoolYearData.load(context.folder, school: id, year: scope.year)
      let open = data.actions.filter { $0.status == .open }
      total += open.count
      UI.append(list, UI.label("\(data.school.name): \(open.count) open", classes: ["heading"]))
      for t in open {
        let a = t.action.value
        let overdue = t.due < HalfTermRef(scope.year, scope.halfTerm) ? " (overdue)" : ""
        let who =
          a.pupils.isEmpty ? "" : " for " + a.pupils.map { data.pupil($0)?.fullName ?? $0 }.joined(separator: ", ")
        let line = UI.wrapped(
          "\(data.classNames[t.place.classID] ?? t.place.classID) · \(a.kind.label)\(who): \(a.description). Owner \(a.owner); due \(t.due)\(overdue)."
            + (t.latest.map { " Last review: \($0.review.value.impact.label)." } ?? ""))
        UI.setAccessibleName(line, "Open action: \(a.description)")
        UI.append(list, line)
      }
    }
    let title = "Open actions: \(total) in \(scope.year)"
    let report: (String, AnalysisScope) =
      schools.count == 1 ? ("school-summary", .school(schools[0])) : ("trust-overview", .trust)
    UI.append(content, toolbar(title, report: report.0, scope: report.1), UI.scrolled(list))
  }

  private func openReport(_ id: String, scope: AnalysisScope) {
    guard let s = shownScope, let report = try? host.context.registry.report(id) else { return }
    do { try flush() } catch { host.say("Not saved yet: \(error)") }
    reportWindow = ReportWindow(
      parent: widget, context: host.context, report: report, scope: scope, when: HalfTermRef(s.year, s.halfTerm))
  }
}
