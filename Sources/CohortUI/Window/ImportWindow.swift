import CGtk
import CohortCore
import CohortPluginKit
import Foundation

/// Any importer's preview: what will change, what will not import and why, then one button
/// that applies it all or nothing. Rows that will not import are never imported silently:
/// with any of them the button says it imports only the others.
@MainActor
final class ImportWindow {
  let window: Widget
  private let context: AppContext
  private let preview: ImportPreview
  private let done: (String) -> Void

  init(
    parent: Widget, context: AppContext, importer: Importer, path: String, options: [String: String],
    done: @escaping (String) -> Void
  )
    throws
  {
    self.context = context
    self.done = done
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    preview = try importer.preview(
      ImportRequest(
        folder: context.folder, trust: context.trust, registry: context.registry, data: data,
        fileName: (path as NSString).lastPathComponent, options: options))
    window = gtk_window_new()!
    gtk_window_set_title(cg_window(window), "\(importer.title): \((path as NSString).lastPathComponent)")
    gtk_window_set_transient_for(
      cg_window(window), cg_window(gtk_widget_get_root(parent).map { UnsafeMutableRawPointer($0) }))
    gtk_window_set_modal(cg_window(window), 1)
    gtk_window_set_default_size(cg_window(window), 820, 560)
    let box = UI.box(true, spacing: 10, classes: ["plugins-window"])
    let summary = UI.label(
      "\(preview.changes.count) change(s), \(preview.unchanged) already as in the file, \(preview.rejected.count) row(s) will not import.",
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
    let cancel = UI.button("Cancel") { [weak self] in self.map { gtk_window_destroy(cg_window($0.window)) } }
    let n = preview.changes.count
    let title = preview.rejected.isEmpty ? "Import \(n) change(s)" : "Import the \(n) good row(s) only"
    let apply = UI.button(title) { [weak self] in self?.apply() }
    gtk_widget_set_sensitive(apply, preview.isEmpty ? 0 : 1)
    UI.append(buttons, cancel, apply)
    UI.append(box, summary, UI.scrolled(details), buttons)
    gtk_window_set_child(cg_window(window), box)
    gtk_window_present(cg_window(window))
  }

  private func apply() {
    do {
      try preview.apply(to: context.folder)
      done(
        "Imported \(preview.changes.count) change(s)"
          + (preview.rejected.isEmpty ? "" : "; \(preview.rejected.count) row(s) left out"))
    } catch {
      done("Nothing was imported: \(error)")
    }
    gtk_window_destroy(cg_window(window))
  }
}
