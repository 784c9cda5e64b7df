import CGtk
import CohortCore
import Foundation

/// The one window: header (breadcrumb, year and half-term pickers, page switcher), the
/// sidebar tree, the pages, and a status bar with the save state. It names no page.
@MainActor
final class MainWindow: PageHost {
  let context: AppContext
  private(set) var scope: Scope
  let window: Widget
  private let sidebar = Sidebar()
  private let stack: Widget
  private let breadcrumb: Widget
  private let saveState: Widget
  private let message: Widget
  private var pages: [AppPage] = []
  /// The scope each page was last shown, by page: a page off screen is brought up to date
  /// when it comes on screen, not on every step of a drill-down elsewhere.
  private var shownScopes: [ObjectIdentifier: Scope] = [:]
  private var closeConfirmed = false
  var pluginsWindow: PluginsWindow?
  private var halfPicker: Widget?
  var rolloverWindow: RolloverWindow?
  private var years: [AcademicYear] = []
  private var yearPicker: Widget?
  /// The pages, or what to do next where the trust is not set up that far.
  let body = UI.stack()
  let nextStep = UI.box(true, spacing: 16, classes: ["next-step"])
  let banner = UI.box(false, spacing: 12, classes: ["banner"])
  var settingsWindow: TrustSettingsWindow?
  var unplacedWindow: UnplacedWindow?
  var unplaced: UnplacedList?
  var unplacedAsked = 0

  init(app: UnsafeMutablePointer<GtkApplication>, context: AppContext, start: Scope) {
    self.context = context
    self.scope = start
    window = gtk_application_window_new(app)!
    gtk_window_set_title(cg_window(window), "Cohort: \(context.trust.name)")
    UI.fitDefaultSize(window, 1280, 860)
    stack = gtk_stack_new()!
    gtk_stack_set_transition_type(cg_stack(stack), GTK_STACK_TRANSITION_TYPE_NONE)
    // Only the page on screen decides how wide the window must be.
    gtk_stack_set_hhomogeneous(cg_stack(stack), 0)
    breadcrumb = UI.label("", classes: ["breadcrumb"], xalign: 0.5)
    saveState = UI.label("", classes: ["save-state"])
    message = UI.label("", classes: ["dim-label"])
    gtk_label_set_ellipsize(cg_label(message), PANGO_ELLIPSIZE_END)
    buildHeader()
    buildBody()
    for kind in BuiltInPages.all {
      let page = kind.make(self)
      pages.append(page)
      _ = gtk_stack_add_titled(cg_stack(stack), page.widget, kind.id, kind.title)
    }
    Signal.onPointer(stack, "notify::visible-child") { [weak self] _ in
      guard let self, let child = gtk_stack_get_visible_child(cg_stack(self.stack)),
        let page = self.pages.first(where: { $0.widget == child })
      else { return }
      self.bringUpToDate(page)
      page.didAppear()
    }
    Signal.onBool(window, "close-request") { [weak self] in self?.shouldStayOpen() ?? false }
    Signal.onLink(breadcrumb) { [weak self] uri in
      self?.follow(uri)
      return true
    }
    sidebar.onSelect = { [weak self] level in self?.navigate(to: level) }
    addHalfTermShortcuts(app)
    sidebar.load(context, year: scope.year, selected: scope.level)
    apply()
    gtk_window_present(cg_window(window))
  }

  private func buildHeader() {
    let header = gtk_header_bar_new()!
    gtk_header_bar_set_title_widget(cg_header_bar(header), breadcrumb)
    years = context.years.isEmpty ? [scope.year] : context.years
    let yearPicker = UI.dropDown(
      years.map(\.description), name: "Academic year", selected: years.firstIndex(of: scope.year) ?? 0
    ) {
      [weak self] i in self.map { $0.changeYear($0.years[i]) }
    }
    self.yearPicker = yearPicker
    let halves = HalfTerm.allCases
    let halfPicker = UI.dropDown(halves.map(\.label), name: "Half-term", selected: scope.halfTerm.index) {
      [weak self] i in
      guard let self else { return }
      self.scope.halfTerm = halves[i]
      self.apply()
    }
    gtk_header_bar_pack_start(cg_header_bar(header), yearPicker)
    gtk_header_bar_pack_start(cg_header_bar(header), halfPicker)
    self.halfPicker = halfPicker
    gtk_header_bar_pack_end(cg_header_bar(header), mainMenu())
    gtk_header_bar_pack_end(cg_header_bar(header), settingsButton())
    gtk_header_bar_pack_end(cg_header_bar(header), dataMenu())
    gtk_label_set_ellipsize(cg_label(breadcrumb), PANGO_ELLIPSIZE_MIDDLE)
    gtk_window_set_titlebar(cg_window(window), header)
  }

  private func buildBody() {
    let paned = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
    gtk_paned_set_start_child(cg_paned(paned), sidebar.widget)
    gtk_paned_set_shrink_start_child(cg_paned(paned), 0)
    gtk_paned_set_resize_start_child(cg_paned(paned), 0)
    let main = UI.box(true)
    let pagesBox = UI.box(true)
    let switcher = gtk_stack_switcher_new()!
    gtk_stack_switcher_set_stack(cg_stack_switcher(switcher), cg_stack(stack))
    UI.setAccessibleName(switcher, "Pages")
    UI.addClasses(switcher, ["page-switcher"])
    gtk_widget_set_halign(switcher, GTK_ALIGN_START)
    gtk_widget_set_vexpand(stack, 1)
    UI.append(pagesBox, switcher, stack)
    UI.addPage(body, pagesBox, id: "pages", title: "Pages")
    UI.addPage(body, nextStep, id: "next-step", title: "What to do next")
    gtk_widget_set_vexpand(body, 1)
    let status = UI.box(false, spacing: 16, classes: ["statusbar"])
    gtk_widget_set_hexpand(message, 1)
    UI.append(status, message, saveState)
    UI.setVisible(banner, false)
    UI.append(main, banner, body, status)
    gtk_paned_set_end_child(cg_paned(paned), main)
    gtk_paned_set_position(cg_paned(paned), Sidebar.width)
    gtk_window_set_child(cg_window(window), paned)
  }

  // MARK: PageHost

  func say(_ text: String) { UI.setText(message, text) }

  var importWindow: ImportWindow?

  /// After an import, a rollover or a change of set-up: the trust, schools, rosters and years
  /// are read again, and every page reads its data again when next shown.
  func reload(saying message: String) {
    do { try context.reload() } catch { return say("Could not read the trust again: \(error)") }
    Style.install(scheme: context.scheme)
    gtk_window_set_title(cg_window(window), "Cohort: \(context.trust.name)")
    if let id = scope.schoolID, context.school(id) == nil { scope.level = .trust }
    if case .schoolClass(let s, let c) = scope.level,
      context.school(s)?.classes(in: scope.year).contains(where: { $0.id == c }) != true
    {
      scope.level = .school(s)
    }
    shownScopes = [:]
    for page in pages { page.dataChanged() }
    for y in context.years where !years.contains(y) {
      years.append(y)
      if let picker = yearPicker, let model = gtk_drop_down_get_model(cg_drop_down(picker)) {
        gtk_string_list_append(model, y.description)
      }
    }
    sidebar.load(context, year: scope.year, selected: scope.level)
    apply()
    say(message)
  }

  func showSaveState(_ text: String, failed: Bool) {
    UI.setText(saveState, text)
    UI.setClass(saveState, "failed", failed)
  }

  private(set) var selectedPupil: (school: String, id: String)?

  func select(pupil id: String, school: String) {
    guard selectedPupil?.id != id || selectedPupil?.school != school else { return }
    selectedPupil = (school, id)
    for page in pages { page.pupilSelected() }
  }

  func navigate(to level: Scope.Level) {
    scope.level = level
    sidebar.select(level)
    apply()
  }

  /// Alt+Page Down / Up: the next or previous half-term, as if picked in the header.
  private func addHalfTermShortcuts(_ app: UnsafeMutablePointer<GtkApplication>) {
    for (name, step, accel) in [("next-half-term", 1, "<Alt>Page_Down"), ("previous-half-term", -1, "<Alt>Page_Up")] {
      let action = g_simple_action_new(name, nil)!
      Signal.onPointer(UnsafeMutableRawPointer(action), "activate") { [weak self] _ in
        guard let self, let picker = self.halfPicker else { return }
        let i = self.scope.halfTerm.index + step
        guard HalfTerm.allCases.indices.contains(i) else { return }
        gtk_drop_down_set_selected(cg_drop_down(picker), guint(i))
      }
      g_action_map_add_action(cg_action_map(window), action)
      Shortcuts.setAccels(app, "win.\(name)", [accel])
    }
  }

  private func changeYear(_ year: AcademicYear) {
    scope.year = year
    // A class id belongs to one year: keep the school, drop the class when it is gone.
    if case .schoolClass(let s, let c) = scope.level,
      context.school(s)?.classes(in: year).contains(where: { $0.id == c }) != true
    {
      scope.level = .school(s)
    }
    sidebar.load(context, year: year, selected: scope.level)
    apply()
  }

  private func apply() {
    UI.markup(breadcrumb, breadcrumbMarkup())
    say("")
    showSetupState()
    let visible = gtk_stack_get_visible_child(cg_stack(stack))
    for page in pages {
      if page.widget == visible {
        bringUpToDate(page)
      } else {
        // Not rebuilt off screen (a trust's pages each took a frame or far more on the main
        // thread), but what it holds is saved now, as a change of scope always did.
        do { try page.flush() } catch { showSaveState("Could not save: \(error)", failed: true) }
      }
    }
  }

  private func bringUpToDate(_ page: AppPage) {
    let id = ObjectIdentifier(page)
    guard shownScopes[id] != scope else { return }
    shownScopes[id] = scope
    page.show(scope)
  }

  private func breadcrumbMarkup() -> String {
    var parts = ["<a href=\"trust\">\(UI.escape(context.trust.name))</a>"]
    if let id = scope.schoolID, let school = context.school(id) {
      parts.append("<a href=\"school:\(id)\">\(UI.escape(school.name))</a>")
      switch scope.level {
      case .yearGroup(_, let g): parts.append(UI.escape(g.label))
      case .schoolClass(_, let c):
        if let sc = school.classes(in: scope.year).first(where: { $0.id == c }) {
          if let g = sc.yearGroups.min() {
            parts.append("<a href=\"year:\(id):\(g.number)\">\(UI.escape(g.label))</a>")
          }
          parts.append("<b>\(UI.escape(sc.name))</b>")
        }
      default: break
      }
    }
    // The year and half-term are in the pickers beside it.
    return parts.joined(separator: "  ›  ")
  }

  private func follow(_ uri: String) {
    let parts = uri.split(separator: ":").map(String.init)
    switch parts.first {
    case "trust": navigate(to: .trust)
    case "school" where parts.count == 2: navigate(to: .school(parts[1]))
    case "year" where parts.count == 3: navigate(to: .yearGroup(school: parts[1], YearGroup(Int(parts[2]) ?? 0)))
    default: break
    }
  }

  /// Saves everything before the window closes. If a save fails the window stays open with
  /// the reason; closing again closes anyway (the person has been told).
  private func shouldStayOpen() -> Bool {
    if closeConfirmed { return false }
    for page in pages {
      do {
        try page.flush()
      } catch {
        showSaveState(
          "Could not save before closing: \(error). Close again to quit without these changes.", failed: true)
        closeConfirmed = true
        return true
      }
    }
    return false
  }

}
