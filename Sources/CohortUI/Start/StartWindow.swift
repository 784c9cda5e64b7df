import CGtk
import CohortCore
import CohortStore
import Foundation

/// The first run on a device: the welcome page (a new trust, a shared folder, the sample), the
/// new trust's form, and "who is at this laptop?". It hands a ready folder to `opened`.
@MainActor
final class StartWindow {
  let window: Widget
  private let stack = UI.stack()
  private let message = UI.wrapped("", classes: ["error"])
  private let opened: @MainActor (String) -> Void
  private var form: NewTrustForm?
  private var who: WhoForm?
  private var welcome: Widget?

  init(app: Application, note: String?, opened: @escaping @MainActor (String) -> Void) {
    self.opened = opened
    window = Adw.applicationWindow(app)
    UI.setTitle(window, "Welcome to Cohort")
    UI.fitDefaultSize(window, 860, 700)
    let box = UI.box(true, spacing: 8, classes: ["start-window"])
    UI.expand(stack, v: true)
    UI.setAccessibleName(message, "Problem")
    UI.append(box, stack, message)
    let content = UI.box(true)
    UI.expand(box, v: true)
    UI.append(content, Adw.headerBar(start: [], title: nil, end: []), box)
    Adw.setContent(window, content)
    let w = welcomePage(note: note)
    welcome = w
    UI.addPage(stack, w, id: "welcome", title: "Welcome")
    UI.present(window)
  }

  /// Straight to "who is at this laptop?" for a folder that has a trust.
  func askWho(folder: String) {
    do {
      let trust = try DataFolder(root: folder, author: Author(by: "", device: "")).loadTrust()
      show(
        WhoForm(trust: trust, plan: nil) { [weak self] name, role, member in
          self?.finish {
            if let member {
              try DeviceSettings.setPerson(member.name, forTrust: trust.id)
            } else {
              try WhoIsHere.add(name, role: role, folder: folder)
            }
            return folder
          }
        }, id: "who")
    } catch {
      say("Could not open that folder: \(error)")
    }
  }

  func say(_ text: String) { UI.setText(message, text) }

  private func show(_ who: WhoForm, id: String) {
    self.who = who
    UI.removePage(stack, id)
    UI.addPage(stack, who.widget, id: id, title: "Who is at this laptop?")
    UI.showPage(stack, id)
    who.focus()
  }

  private func finish(_ body: () throws -> String) {
    say("")
    do { opened(try body()) } catch { say("\(error)") }
  }

  private func welcomePage(note: String?) -> Widget {
    let page = UI.box(true, spacing: 14, classes: ["welcome"])
    UI.align(page, v: .center)
    UI.align(page, h: .center)
    let title = UI.label("Welcome to Cohort", classes: ["title-1"], xalign: 0.5)
    let intro = UI.wrapped(
      "Half-termly judgements, test scores beside them, and pupil progress meetings, for every school in your trust.",
      classes: ["dim-label"])
    UI.centre(intro)
    UI.append(page, title, intro)
    if let note { UI.append(page, UI.wrapped(note, classes: ["warning"])) }
    let choices = UI.grid(rowSpacing: 12, columnSpacing: 16)
    let rows: [(String, String, @MainActor () -> Void)] = [
      (
        "Start a new trust", "Set up your trust's schools, classes and staff from nothing.",
        { [weak self] in self?.newTrust() }
      ),
      (
        "Open a data folder…",
        "A trust's folder that a colleague shares with you through a sync tool such as "
          + "Nextcloud or Syncthing.", { [weak self] in self?.openFolder() }
      ),
      (
        "Explore the sample trust",
        "Seven made-up schools with two years of judgements, scores and meetings, to "
          + "try Cohort out.", { [weak self] in self?.exploreSample() }
      ),
    ]
    for (i, (text, detail, action)) in rows.enumerated() {
      let button = UI.button(text, name: text.replacingOccurrences(of: "…", with: ""), action)
      UI.addClasses(button, i == 0 ? ["suggested-action", "start-choice"] : ["start-choice"])
      let line = UI.wrapped(detail)
      UI.minWidth(line, 380)
      UI.attach(choices, button, column: 0, row: Int32(i))
      UI.attach(choices, line, column: 1, row: Int32(i))
    }
    UI.append(page, choices)
    return page
  }

  private func newTrust() {
    say("")
    let form =
      self.form
      ?? NewTrustForm(
        today: Self.today, back: { [weak self] in self.map { UI.showPage($0.stack, "welcome") } },
        next: { [weak self] plan in self?.askWho(plan: plan) }, say: { [weak self] in self?.say($0) },
        parent: window)
    if self.form == nil {
      self.form = form
      UI.addPage(stack, form.widget, id: "new-trust", title: "Start a new trust")
    }
    UI.showPage(stack, "new-trust")
    form.focus()
  }

  /// The new trust's first person: they are its first member of staff.
  private func askWho(plan: NewTrustPlan) {
    let draft = Trust(id: slug(plan.name), name: plan.name)
    show(
      WhoForm(trust: draft, plan: plan) { [weak self] name, role, _ in
        self?.finish { try plan.create(by: name, role: role) }
      }, id: "who")
  }

  private func openFolder() {
    say("")
    FileChooser.chooseFolder(parent: window, title: "Open a trust's data folder") { [weak self] path in
      guard let self else { return }
      guard Folders.holdsTrust(path) else {
        return self.say(
          "There is no trust in that folder. Choose the folder your colleague shared: it holds a file called trust.json."
        )
      }
      self.openOrAsk(path)
    }
  }

  private func openOrAsk(_ path: String) {
    let trust = try? DataFolder(root: path, author: Author(by: "", device: "")).loadTrust()
    if let trust, DeviceSettings.person(forTrust: trust.id) != nil { return finish { path } }
    askWho(folder: path)
  }

  /// The sample is made on first use, off the main thread (a second or two).
  private func exploreSample() {
    say("Making the sample trust…")
    if let welcome { UI.setSensitive(welcome, false) }
    let (path, today) = (DataPlaces.sample, Self.today)
    MainLoop.background(
      { try SampleFolder.make(at: path, today: today) },
      then: { [weak self] made in
        guard let self else { return }
        if let welcome = self.welcome { UI.setSensitive(welcome, true) }
        switch made {
        case .success:
          self.say("")
          self.openOrAsk(path)
        case .failure(let e): self.say("Could not make the sample trust: \(e)")
        }
      })
  }

  /// Today, or COHORT_TODAY (2027-07-20) for the end-to-end tests of what depends on the date.
  static var today: SchoolDate {
    ProcessInfo.processInfo.environment["COHORT_TODAY"].flatMap { SchoolDate(iso: $0) }
      ?? SchoolDate(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))
  }
}
