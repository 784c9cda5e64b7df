import CGtk
import CohortCore
import CohortPluginKit
import Foundation

/// Any importer's preview: what will change, what will not import and why, then one button
/// that applies it all or nothing. Rows that will not import are never imported silently:
/// with any of them the button says it imports only the others. The file is read and the
/// import saved off the main thread, with a progress bar, so the window never freezes.
@MainActor
final class ImportWindow {
  let window: Widget
  private let context: AppContext
  private let box: Widget
  private let bar: Widget
  private var preview: ImportPreview?
  private var saving = false
  /// Set when the window closes: its widgets are gone, so late results are dropped.
  private var closed = false
  private let done: (String) -> Void
  private let importer: Importer
  private let data: Data
  private let name: String
  private var options: [String: String]
  private var generation = 0

  init(
    parent: Widget, context: AppContext, importer: Importer, path: String, options: [String: String],
    done: @escaping (String) -> Void
  )
    throws
  {
    self.context = context
    self.done = done
    self.importer = importer
    self.options = options
    data = try Data(contentsOf: URL(fileURLWithPath: path))
    name = (path as NSString).lastPathComponent
    window = gtk_window_new()!
    gtk_window_set_title(cg_window(window), "\(importer.title): \(name)")
    gtk_window_set_transient_for(
      cg_window(window), cg_window(gtk_widget_get_root(parent).map { UnsafeMutableRawPointer($0) }))
    gtk_window_set_modal(cg_window(window), 1)
    UI.fitDefaultSize(window, 820, 560)
    box = UI.box(true, spacing: 10, classes: ["plugins-window"])
    bar = gtk_progress_bar_new()!
    // Our own reference: the bar comes and goes from the box between the steps.
    g_object_ref_sink(UnsafeMutableRawPointer(bar))
    gtk_progress_bar_set_show_text(OpaquePointer(bar), 1)
    gtk_progress_bar_set_text(OpaquePointer(bar), "Reading \(name)…")
    UI.setAccessibleName(bar, "Import progress")
    UI.append(box, bar)
    gtk_window_set_child(cg_window(window), box)
    Signal.onBool(window, "close-request") { [weak self] in
      self?.closing()
      return false
    }
    gtk_window_present(cg_window(window))
    read()
  }

  /// Works out the preview on a worker thread (again when an offer is toggled).
  private func read() {
    generation += 1
    let asked = generation
    let importer = importer
    let request = ImportRequest(
      folder: context.folder, trust: context.trust, registry: context.registry, data: data, fileName: name,
      options: options,
      progress: { [weak self] done, total in
        MainLoop.hop { self?.progressed(done, total) }
      })
    DispatchQueue.global().async { [weak self] in
      let result = Result { try importer.preview(request) }
      MainLoop.hop {
        // Only the latest question's answer is shown.
        if self?.generation == asked { self?.show(result) }
      }
    }
  }

  private func progressed(_ done: Int, _ total: Int) {
    guard !closed, total > 0 else { return }
    gtk_progress_bar_set_fraction(OpaquePointer(bar), Double(done) / Double(total))
  }

  private func close() {
    closing()
    gtk_window_destroy(cg_window(window))
  }

  private func closing() {
    guard !closed else { return }
    closed = true
    g_object_unref(UnsafeMutableRawPointer(bar))
  }

  private func show(_ result: Result<ImportPreview, Error>) {
    guard !closed else { return }
    UI.removeAllChildren(box)
    let preview: ImportPreview
    do { preview = try result.get() } catch {
      let message = UI.label("Nothing can be imported: \(error)")
      UI.setAccessibleName(message, "Import preview")
      gtk_label_set_wrap(cg_label(message), 1)
      let close = UI.button("Close") { [weak self] in self?.close() }
      UI.append(box, message, close)
      return
    }
    self.preview = preview
    let summary = UI.label(
      "\(plural(preview.changes.count, "change")), \(plural(preview.unchanged, "row")) already as in the file, "
        + (preview.rejected.isEmpty
          ? "every row will import." : "\(plural(preview.rejected.count, "row")) will not import."),
      classes: ["heading"])
    var lines = preview.notes.map { "Note: \($0)" }
    lines += preview.rejected.map { "line \($0.line): will not import: \($0.reason)" }
    lines += preview.changes
    let details = UI.label(lines.isEmpty ? "Nothing to import." : lines.joined(separator: "\n"))
    gtk_label_set_wrap(cg_label(details), 1)
    gtk_widget_set_valign(details, GTK_ALIGN_START)
    UI.setAccessibleName(details, "Import preview")
    let buttons = UI.box(false, spacing: 8)
    gtk_widget_set_halign(buttons, GTK_ALIGN_END)
    let cancel = UI.button("Cancel") { [weak self] in self?.close() }
    let n = preview.changes.count
    let title =
      preview.rejected.isEmpty ? "Import \(plural(n, "change"))" : "Import the \(plural(n, "good row")) only"
    let apply = UI.button(title) { [weak self] in self?.apply() }
    gtk_widget_set_sensitive(apply, preview.isEmpty ? 0 : 1)
    UI.append(buttons, cancel, apply)
    UI.append(box, summary, UI.scrolled(details))
    for offer in preview.offers { UI.append(box, check(offer)) }
    UI.append(box, buttons)
  }

  /// A check box for an importer's offer; changing it previews again with the choice.
  private func check(_ offer: ImportPreview.Offer) -> Widget {
    let box = gtk_check_button_new_with_label(offer.label)!
    let button = UnsafeMutableRawPointer(box).assumingMemoryBound(to: GtkCheckButton.self)
    gtk_check_button_set_active(button, options[offer.option] == offer.value ? 1 : 0)
    Signal.on(box, "toggled") { [weak self] in
      guard let self else { return }
      self.options[offer.option] = gtk_check_button_get_active(button) != 0 ? offer.value : nil
      UI.removeAllChildren(self.box)
      gtk_progress_bar_set_fraction(OpaquePointer(self.bar), 0)
      UI.append(self.box, self.bar)
      self.read()
    }
    return box
  }

  /// Saves on a worker thread (many documents can take a while); the bar pulses meanwhile.
  private func apply() {
    guard let preview else { return }
    UI.removeAllChildren(box)
    gtk_progress_bar_set_text(OpaquePointer(bar), "Saving…")
    UI.append(box, bar)
    saving = true
    MainLoop.every(0.1) { [weak self] in
      guard let self, self.saving, !self.closed else { return false }
      gtk_progress_bar_pulse(OpaquePointer(self.bar))
      return true
    }
    let folder = context.folder
    DispatchQueue.global().async { [weak self] in
      let outcome = Result { try preview.apply(to: folder) }
      MainLoop.hop {
        guard let self else { return }
        self.saving = false
        switch outcome {
        case .success:
          self.done(
            "Imported \(plural(preview.changes.count, "change"))"
              + (preview.rejected.isEmpty ? "" : "; \(plural(preview.rejected.count, "row")) left out"))
        case .failure(let error): self.done("Nothing was imported: \(error)")
        }
        if !self.closed { self.close() }
      }
    }
  }
}
