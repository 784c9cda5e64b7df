import CohortCore
import CohortStore
import Foundation

/// `cohort-gtk`: parses its own arguments, opens the data folder, and runs the GTK app.
@MainActor
public enum CohortApp {
  public nonisolated static let applicationID = "org.cohortapp.Cohort"
  /// As in resources/org.cohortapp.Cohort.metainfo.xml.
  static let version = "0.1.0"

  struct Options {
    var data: String?
    var classID: String?
    var year: String?
    var halfTerm: String?
  }

  static var windows: [MainWindow] = []

  public static func main() -> Never {
    let options: Options
    do { options = try parse(Array(CommandLine.arguments.dropFirst())) } catch {
      FileHandle.standardError.write(Data("cohort-gtk: \(error)\n".utf8))
      exit(2)
    }
    guard UI.initDisplay() else {
      FileHandle.standardError.write(Data("cohort-gtk: no display: use the `cohort` command line instead\n".utf8))
      exit(1)
    }
    MainLoop.pumpDispatchMainQueue()
    let app = Adw.application(applicationID)
    Signal.on(app, "activate") { activate(app, options) }
    exit(UI.run(app))
  }

  static func parse(_ args: [String]) throws -> Options {
    var o = Options()
    var i = 0
    while i < args.count {
      let a = args[i]
      guard i + 1 < args.count, a.hasPrefix("--") else {
        throw InputError(
          "unexpected '\(a)' (usage: cohort-gtk [--data DIR] [--class ID] [--year 2026-27] [--half-term autumn1])")
      }
      let v = args[i + 1]
      switch a {
      case "--data": o.data = v
      case "--class": o.classID = v
      case "--year": o.year = v
      case "--half-term": o.halfTerm = v
      default: throw InputError("unknown option '\(a)'")
      }
      i += 2
    }
    return o
  }

  /// No folder yet (or the remembered one is gone): the welcome page. A folder whose person at
  /// this laptop is not known yet: that question first. Otherwise straight to the trust.
  static func activate(_ app: Application, _ o: Options) {
    Style.installBase()
    // For screenshots of both styles, whatever the desktop prefers.
    if let style = ProcessInfo.processInfo.environment["COHORT_STYLE"] { Adw.forceColourScheme(dark: style == "dark") }
    let path = o.data ?? DeviceSettings.lastDataFolder
    guard let path, Folders.holdsTrust(path) else {
      let note = path.map { _ in
        o.data != nil
          ? "There is no trust in the folder Cohort was asked to open. Start one, or open another folder."
          : "The trust's folder you used last is not there any more (moved, renamed or on another laptop)."
      }
      start(app, note: note).map { _ in () }
      return
    }
    if let trust = try? DataFolder(root: path, author: Author(by: "", device: "")).loadTrust(),
      DeviceSettings.person(forTrust: trust.id) == nil
    {
      start(app, note: nil)?.askWho(folder: path)
      return
    }
    open(app, path, o)
  }

  static var startWindow: StartWindow?

  @discardableResult
  static func start(_ app: Application, note: String?) -> StartWindow? {
    let w = StartWindow(app: app, note: note) { path in
      // The main window first: the app ends when its last window closes.
      guard open(app, path, Options()) else { return }
      if let s = startWindow { UI.close(s.window) }
      startWindow = nil
    }
    startWindow = w
    return w
  }

  /// Opens the trust's window; false (with the reason shown) when the folder cannot be opened.
  @discardableResult
  static func open(_ app: Application, _ path: String, _ o: Options) -> Bool {
    do {
      let context = try AppContext(path: path, author: DeviceSettings.author(for: path))
      try? DeviceSettings.setLastDataFolder(path)
      Style.install(scheme: context.scheme)
      var (year, half) = context.defaultPeriod(today: StartWindow.today)
      if let y = o.year { year = try AcademicYear.parse(y) }
      if let h = o.halfTerm { half = try HalfTerm.parse(h) }
      var level = Scope.Level.trust
      if let c = o.classID {
        guard let school = context.schools.first(where: { $0.classes(in: year).contains { $0.id == c } }) else {
          throw InputError("no class '\(c)' in \(year)")
        }
        level = .schoolClass(school: school.id, classID: c)
      }
      let window = MainWindow(app: app, context: context, start: Scope(level: level, year: year, halfTerm: half))
      windows.append(window)
      Signal.on(window.window, "destroy") { windows.removeAll { $0 === window } }
      MainLoop.pace(by: window.window)
      StallProbe.startIfAsked()
      StallProbe.watch(window.window)
      StallProbe.markPainted("painted", window.window)
      Shortcuts.install(
        app: app, window: window.window, codeKeys: context.scheme.codes.map(\.key), pages: window.pageIDs.count)
      return true
    } catch {
      if let missing = MissingPlugin.find(path: path, error: error) {
        RecoveryWindow.show(app, path: path, missing: missing)
        if let s = startWindow { UI.close(s.window) }
        startWindow = nil
      } else if let s = startWindow {
        s.say("Could not open that trust: \(error)")
      } else {
        showProblem(app, "Could not open \(path): \(error)")
      }
      return false
    }
  }

  /// A folder chosen in Open data folder: its person asked first when this laptop has not met it.
  @discardableResult
  static func openFolder(_ app: Application, _ path: String) -> Bool {
    if let trust = try? DataFolder(root: path, author: Author(by: "", device: "")).loadTrust(),
      DeviceSettings.person(forTrust: trust.id) == nil
    {
      start(app, note: nil)?.askWho(folder: path)
      return true
    }
    return open(app, path, Options())
  }

  /// A window that says what is wrong, instead of a crash or a silent exit.
  static func showProblem(_ app: Application, _ text: String) {
    FileHandle.standardError.write(Data("cohort-gtk: \(text)\n".utf8))
    let w = Adw.applicationWindow(app)
    UI.setTitle(w, "Cohort")
    UI.fitDefaultSize(w, 640, 360)
    let quit = UI.button("Quit") { UI.close(w) }
    Adw.setContent(
      w,
      Adw.statusPage(
        icon: "dialog-warning-symbolic", title: "Cohort could not start", description: text, buttons: [quit]))
    UI.present(w)
  }
}
