import CohortCore
import Foundation

/// The one window (GNOME's layout, libadwaita): a header bar with the year and half-term,
/// the page switcher and the menus; the sidebar tree, which folds away on a narrow window; the
/// breadcrumb, the pages and a status bar with the save state. It names no page.
@MainActor
final class MainWindow: PageHost, ToastHost {
  let context: AppContext
  let app: Application
  private(set) var scope: Scope
  let window: Widget
  let sidebar = Sidebar()
  let stack = Adw.viewStack()
  private let breadcrumb = UI.label("", classes: ["breadcrumb"])
  /// An inscription: "Saving…" and "All changes saved" alternate on every code typed.
  private let saveState = UI.inscription(chars: "All changes saved".count, classes: ["save-state"], xalign: 1)
  private let message = UI.label("", classes: ["dim-label"])
  private(set) var pages: [AppPage] = []
  private(set) var pageIDs: [String] = []
  /// The scope each page was last shown, by page: a page off screen is brought up to date
  /// when it comes on screen, not on every step of a drill-down elsewhere.
  private var shownScopes: [ObjectIdentifier: Scope] = [:]
  private var closeConfirmed = false
  var pluginsWindow: PluginsWindow?
  var halfPicker: Widget?
  var rolloverWindow: RolloverWindow?
  private var years: [AcademicYear] = []
  private var yearPicker: Widget?
  /// The pages, or what to do next where the trust is not set up that far.
  let body = UI.stack()
  let nextStep = UI.box(true, spacing: 16, classes: ["next-step"])
  let banner = UI.box(false, spacing: 12, classes: ["banner"])
  let closedBanner = UI.box(false, spacing: 12, classes: ["banner", "read-only-banner"])
  /// Trust settings, when open: shown in `root` in place of the pages.
  var settings: TrustSettingsView?
  /// The pages with their header and status bar, or Trust settings.
  let root = UI.stack()
  let settingsSlot = UI.box(true)
  private(set) var width: Int32 = 0
  var unplacedWindow: UnplacedWindow?
  var unplaced: UnplacedList?
  var unplacedAsked = 0
  var importWindow: ImportWindow?
  var findWindow: FindPupilWindow?
  private(set) var flap: Widget?
  private var switcherTitle: Widget?
  let toasts: Widget
  private let content = UI.box(true)

  init(app: Application, context: AppContext, start: Scope) {
    self.context = context
    self.app = app
    self.scope = start
    window = Adw.applicationWindow(app)
    UI.fitDefaultSize(window, 1280, 820)
    UI.ellipsize(message)
    toasts = Adw.toastOverlay(root)
    showTitle()
    for kind in BuiltInPages.kinds(for: context.registry) {
      let page = kind.make(self)
      pages.append(page)
      pageIDs.append(kind.id)
      Adw.addView(stack, page.widget, id: kind.id, title: kind.title, icon: Self.icon(kind.id))
    }
    buildBody(header: buildHeader())
    Signal.onPointer(stack, "notify::visible-child") { [weak self] _ in self?.pageChanged() }
    Signal.onBool(window, "close-request") { [weak self] in self?.shouldStayOpen() ?? false }
    Signal.onLink(breadcrumb) { [weak self] uri in
      self?.follow(uri)
      return true
    }
    sidebar.onSelect = { [weak self] level in self?.sidebarChose(level) }
    addActions()
    sidebar.load(context, year: scope.year, selected: scope.level)
    apply()
    UI.present(window)
  }

  /// The switcher's icons, by page id; a page contributed later gets a plain one.
  static func icon(_ pageID: String) -> String {
    [
      "page.judgements": "view-grid-symbolic", "page.scores": "accessories-calculator-symbolic",
      "page.side-by-side": "view-dual-symbolic", "page.analysis": "x-office-presentation-symbolic",
      "page.meetings": "system-users-symbolic", "page.pupil": "avatar-default-symbolic",
    ][pageID] ?? "view-paged-symbolic"
  }

  private func buildHeader() -> Widget {
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
    self.halfPicker = halfPicker
    let (title, bar) = Adw.switchers(stack)
    switcherTitle = title
    switcherBar = bar
    let toggle = Adw.toggle(icon: "sidebar-show-symbolic", name: "Show sidebar", tooltip: "Schools and classes (F9)")
    sidebarToggle = toggle
    // The year and half-term sit beside the breadcrumb, so that the page switcher keeps the
    // header's room on a 1024-pixel screen.
    return Adw.headerBar(start: [toggle], title: title, end: [mainMenu(), dataMenu()] + headerActions())
  }

  var sidebarToggle: Widget?
  var switcherBar: Widget?

  private func buildBody(header: Widget) {
    let pagesBox = UI.box(true)
    UI.ellipsize(breadcrumb)
    UI.expand(breadcrumb, h: true)
    let where_ = UI.box(false, spacing: 6, classes: ["breadcrumb-bar"])
    UI.append(where_, breadcrumb)
    if let yearPicker, let halfPicker { UI.append(where_, yearPicker, halfPicker) }
    UI.expand(stack, v: true)
    UI.append(pagesBox, where_, stack)
    UI.addPage(body, pagesBox, id: "pages", title: "Pages")
    UI.addPage(body, nextStep, id: "next-step", title: "What to do next")
    UI.expand(body, h: true, v: true)
    UI.setVisible(banner, false)
    UI.setVisible(closedBanner, false)
    let main = UI.box(true)
    // Below this the sidebar folds over the pages (an 800-pixel screen still fits three subjects).
    UI.minWidth(main, 640)
    UI.append(main, closedBanner, banner, body)
    let flap = Adw.flap(sidebar: sidebar.widget, content: main, toggle: sidebarToggle!)
    self.flap = flap
    Adw.onWidth(window) { [weak self] width in self?.fit(width: width) }
    let status = UI.box(false, spacing: 16, classes: ["statusbar"])
    UI.expand(message, h: true)
    UI.append(status, message, saveState)
    UI.expand(flap, v: true)
    UI.append(content, header, flap, switcherBar!, status)
    UI.addPage(root, content, id: "main", title: "Pages")
    UI.addPage(root, settingsSlot, id: "settings", title: "Trust settings")
    Adw.setContent(window, toasts)
  }

  /// Below 1100 pixels a class's grid needs the whole width: the sidebar comes over it on F9.
  /// Below 860 the page switcher leaves the header for a bar at the bottom.
  private func fit(width: Int32) {
    guard width > 0 else { return }
    self.width = width
    settings?.fit(width: width)
    flap.map { Adw.fold($0, width < 1100) }
    if let switcherTitle, let switcherBar { Adw.fitSwitchers(header: switcherTitle, bar: switcherBar, width: width) }
  }

  /// A choice in the sidebar; on a narrow window the folded sidebar then gets out of the way.
  private func sidebarChose(_ level: Scope.Level) {
    navigate(to: level)
    if let flap, Adw.isFolded(flap), case .schoolClass = level { Adw.reveal(flap, false) }
  }

  private func pageChanged() {
    guard let child = Adw.visibleView(stack), let page = pages.first(where: { $0.widget == child }) else { return }
    // A message belongs to the page it came from.
    say("")
    bringUpToDate(page)
    page.didAppear()
  }

  // MARK: PageHost

  func say(_ text: String) { UI.setText(message, text) }

  func toast(_ text: String, undo: (@MainActor () -> Void)?) { Adw.toast(toasts, text, undo: undo) }

  /// After an import, a rollover or a change of set-up: the trust, schools, rosters and years
  /// are read again, and every page reads its data again when next shown.
  func reload(saying message: String) {
    do { try context.reload() } catch { return say("Could not read the trust again: \(error)") }
    Style.install(scheme: context.scheme)
    showTitle()
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
      if let picker = yearPicker { UI.appendChoice(picker, y.description) }
    }
    sidebar.load(context, year: scope.year, selected: scope.level)
    apply()
    say(message)
  }

  func showSaveState(_ text: String, failed: Bool) {
    UI.widenInscription(saveState, to: text.count)
    UI.setInscription(saveState, text)
    UI.hoverText(saveState, failed ? text : "")
    UI.setClass(saveState, "failed", failed)
  }

  private(set) var selectedPupil: (school: String, id: String)?

  func select(pupil id: String, school: String) {
    guard selectedPupil?.id != id || selectedPupil?.school != school else { return }
    selectedPupil = (school, id)
    for page in pages { page.pupilSelected() }
  }

  func show(page id: String) { Adw.showView(stack, id) }

  func navigate(to level: Scope.Level) {
    scope.level = level
    sidebar.select(level)
    apply()
  }

  /// The year in view, as if picked in the header.
  func showYear(_ year: AcademicYear) {
    guard let i = years.firstIndex(of: year), let picker = yearPicker else { return }
    UI.select(picker, i)
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
    UI.setAccessibleName(breadcrumb, "Where: " + breadcrumbText())
    say("")
    showSetupState()
    showClosedBanner()
    let visible = Adw.visibleView(stack)
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
