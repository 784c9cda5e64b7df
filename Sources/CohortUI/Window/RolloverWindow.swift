import CGtk
import CohortCore
import CohortStore
import Foundation

/// The new academic year in the app: what the rollover will do at each school (worked out
/// without changing anything), then one button that does it, off the main thread.
@MainActor
final class RolloverWindow {
  let window: Widget
  private let box: Widget
  private let context: AppContext
  private let year: AcademicYear
  private let done: (String) -> Void

  init(parent: Widget, context: AppContext, done: @escaping (String) -> Void) {
    self.context = context
    self.done = done
    year = (context.years.last ?? AcademicYear(startYear: 2026)).next
    window = gtk_window_new()!
    gtk_window_set_title(cg_window(window), "Start \(year)")
    gtk_window_set_transient_for(
      cg_window(window), cg_window(gtk_widget_get_root(parent).map { UnsafeMutableRawPointer($0) }))
    gtk_window_set_modal(cg_window(window), 1)
    UI.fitDefaultSize(window, 640, 420)
    box = UI.box(true, spacing: 10, classes: ["plugins-window"])
    let rollover = Rollover(folder: context.folder)
    var lines: [String] = []
    var ready = true
    for ref in context.trust.schools {
      do {
        let o = try rollover.run(school: ref.id, to: year, dryRun: true)
        lines.append(
          "\(ref.name): \(plural(o.movedUp, "pupil")) move up into \(plural(o.classes, "class", "classes")); "
            + "\(plural(o.leavers, "Year 6 leaver"))"
            + (o.unplaced.isEmpty ? "" : "; \(o.unplaced.count) without a class"))
      } catch {
        ready = false
        lines.append("\(ref.name): \(error)")
      }
    }
    let intro = UI.label(
      "Pupils move up a year group into next year's classes (the same names), Year 6 are marked as left on 31 August "
        + "with every judgement kept, and \(year.previous) becomes read-only.")
    gtk_label_set_wrap(cg_label(intro), 1)
    let details = UI.label(lines.joined(separator: "\n"))
    UI.setAccessibleName(details, "Rollover preview")
    let buttons = UI.box(false, spacing: 8)
    gtk_widget_set_halign(buttons, GTK_ALIGN_END)
    let cancel = UI.button("Cancel") { [weak self] in self.map { gtk_window_destroy(cg_window($0.window)) } }
    let start = UI.button("Start \(year)") { [weak self] in self?.start() }
    gtk_widget_set_sensitive(start, ready ? 1 : 0)
    UI.append(buttons, cancel, start)
    UI.append(box, intro, UI.scrolled(details), buttons)
    gtk_window_set_child(cg_window(window), box)
    gtk_window_present(cg_window(window))
  }

  private func start() {
    gtk_widget_set_sensitive(box, 0)
    let (folder, schools, year) = (context.folder, context.trust.schools.map(\.id), year)
    DispatchQueue.global().async { [weak self] in
      let outcome = Result {
        for s in schools { _ = try Rollover(folder: folder).run(school: s, to: year) }
      }
      MainLoop.hop {
        guard let self else { return }
        switch outcome {
        case .success: self.done("Started \(year): \(year.previous) is now read-only")
        case .failure(let e): self.done("The rollover stopped: \(e)")
        }
        gtk_window_destroy(cg_window(self.window))
      }
    }
  }
}
