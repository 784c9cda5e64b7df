import CohortCore
import CohortStore
import Foundation

/// The new academic year in the app: what the rollover will do at each school (worked out
/// without changing anything), then one button that does it, off the main thread. Before the
/// year's last half-term it first asks, naming what becomes read-only.
@MainActor
final class RolloverWindow {
  let window: Widget
  private let box: Widget
  private let context: AppContext
  private let year: AcademicYear
  private let timing: RolloverTiming
  private let done: (String) -> Void

  init(parent: Widget, context: AppContext, today: SchoolDate, done: @escaping (String) -> Void) {
    self.context = context
    self.done = done
    year = (context.years.last ?? AcademicYear(startYear: 2026)).next
    timing = RolloverTiming(trust: context.trust, today: today, closing: year.previous)
    window = UI.window(title: "Start \(year)", parent: parent, width: 640, height: 420, modal: true)
    UI.closesOnEscape(window)
    box = UI.box(true, spacing: 10, classes: ["plugins-window"])
    UI.margins(box, 18)
    let (lines, ready) = preview()
    let intro = UI.wrapped(
      "Pupils move up a year group into next year's classes (the same names), Year 6 are marked as left on 31 August "
        + "with every judgement kept, and \(year.previous) becomes read-only.")
    let details = UI.wrapped(lines.joined(separator: "\n"))
    UI.setAccessibleName(details, "Rollover preview")
    let buttons = UI.box(false, spacing: 8)
    UI.align(buttons, h: .end)
    let cancel = UI.button("Cancel") { [weak self] in self.map { UI.close($0.window) } }
    let start = UI.button("Start \(year)") { [weak self] in self?.askThenStart() }
    UI.addClasses(start, [timing.needsConfirmation ? "destructive-action" : "suggested-action"])
    UI.setSensitive(start, ready)
    UI.append(buttons, cancel, start)
    if timing.needsConfirmation {
      let early = UI.wrapped(
        "It is \(timing.now.halfTerm.label) of \(timing.now.year): a new year usually starts after Summer 2.",
        classes: ["warning"])
      UI.setAccessibleName(early, "Too early for a new year")
      UI.append(box, intro, early, UI.vscrolled(details), buttons)
    } else {
      UI.append(box, intro, UI.vscrolled(details), buttons)
    }
    UI.setChild(window, box)
    UI.present(window)
  }

  private func preview() -> ([String], Bool) {
    let rollover = Rollover(folder: context.folder)
    var lines: [String] = []
    var ready = true
    for ref in context.trust.schools {
      do {
        let o = try rollover.run(school: ref.id, to: year, dryRun: true)
        lines.append(
          "\(ref.name): \(plural(o.movedUp, "pupil")) move up into \(plural(o.classes, "class", "classes")); "
            + "\(plural(o.leavers, "Year 6 leaver"))"
            + (o.unplaced.isEmpty ? "" : "; \(plural(o.unplaced.count, "pupil")) without a class"))
      } catch {
        ready = false
        lines.append("\(ref.name): \(error)")
      }
    }
    return (lines, ready)
  }

  private func askThenStart() {
    guard timing.needsConfirmation else { return start() }
    Adw.confirm(
      parent: window, heading: "Make \(year.previous) read-only?",
      body: timing.warning(schools: context.trust.schools.map(\.name)), confirm: "Start \(year)", destructive: true
    ) { [weak self] in self?.start() }
  }

  private func start() {
    UI.setSensitive(box, false)
    let (folder, schools, year) = (context.folder, context.trust.schools.map(\.id), year)
    MainLoop.background(
      {
        for s in schools { _ = try Rollover(folder: folder).run(school: s, to: year) }
      },
      then: { [weak self] outcome in
        guard let self else { return }
        switch outcome {
        case .success: self.done("Started \(year): \(year.previous) is now read-only")
        case .failure(let e): self.done("The rollover stopped: \(e)")
        }
        UI.close(self.window)
      })
  }
}
