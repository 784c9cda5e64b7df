import CohortCore
import CohortPluginKit
import CohortStore
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
  private let progress: ProgressBar
  private var bar: Widget { progress.widget }
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
    data = try InputFile.read(path)
    name = (path as NSString).lastPathComponent
    window = UI.window(title: "\(importer.title): \(name)", parent: parent, width: 820, height: 560, modal: true)
    UI.closesOnEscape(window)
    box = UI.box(true, spacing: 10, classes: ["plugins-window"])
    UI.margins(box, 18)
    progress = ProgressBar(name: "Import progress", text: "Reading \(name)…")
    UI.append(box, progress.widget)
    UI.setChild(window, box)
    Signal.onBool(window, "close-request") { [weak self] in
      self?.closing()
      return false
    }
    UI.present(window)
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
    MainLoop.background(
      { try importer.preview(request) },
      then: { [weak self] result in
        // Only the latest question's answer is shown.
        if self?.generation == asked { self?.show(result) }
      })
  }

  private func progressed(_ done: Int, _ total: Int) {
    guard !closed, total > 0 else { return }
    progress.set(Double(done) / Double(total))
  }

  private func close() {
    closing()
    UI.close(window)
  }

  private func closing() {
    guard !closed else { return }
    closed = true
  }

  private func show(_ result: Result<ImportPreview, Error>) {
    guard !closed else { return }
    UI.removeAllChildren(box)
    let preview: ImportPreview
    do { preview = try result.get() } catch {
      let message = UI.wrapped("Nothing can be imported: \(error)")
      UI.setAccessibleName(message, "Import preview")
      let close = UI.button("Close") { [weak self] in self?.close() }
      UI.append(box, message, close)
      return
    }
    self.preview = preview
    let summary = UI.wrapped(
      "\(into(preview))\(plural(preview.changes.count, "change")), \(plural(preview.unchanged, "row")) already as in the file, "
        + (preview.rejected.isEmpty
          ? "every row will import." : "\(plural(preview.rejected.count, "row")) will not import."),
      classes: ["heading"])
    var lines = preview.notes.map { "Note: \($0)" }
    lines += preview.rejected.map { "Line \($0.line) of the file will not import: \($0.reason)" }
    lines += preview.changes
    let details = UI.wrapped(lines.isEmpty ? "Nothing to import." : lines.joined(separator: "\n"))
    UI.align(details, v: .start)
    UI.setAccessibleName(details, "Import preview")
    let buttons = UI.box(false, spacing: 8)
    UI.align(buttons, h: .end)
    let cancel = UI.button("Cancel") { [weak self] in self?.close() }
    let n = preview.changes.count
    let title =
      preview.rejected.isEmpty ? "Import \(plural(n, "change"))" : "Import the \(plural(n, "good row")) only"
    let apply = UI.button(title) { [weak self] in self?.apply() }
    UI.setSensitive(apply, !preview.isEmpty)
    UI.addClasses(apply, ["suggested-action"])
    UI.append(buttons, cancel, apply)
    UI.append(box, summary, UI.vscrolled(details))
    for offer in preview.offers { UI.append(box, check(offer)) }
    UI.append(box, buttons)
  }

  /// A check box for an importer's offer; changing it previews again with the choice.
  private func check(_ offer: ImportPreview.Offer) -> Widget {
    let box = UI.check(offer.label)
    UI.setChecked(box, options[offer.option] == offer.value)
    UI.onToggled(box) { [weak self] on in
      guard let self else { return }
      self.options[offer.option] = on ? offer.value : nil
      UI.removeAllChildren(self.box)
      self.progress.set(0)
      UI.append(self.box, self.bar)
      self.read()
    }
    return box
  }

  /// "Into Oakfield Primary School: ": the schools whose documents the import writes.
  private func into(_ preview: ImportPreview) -> String {
    var ids = preview.documents.map(\.school)
    ids += preview.others.compactMap { w in
      let parts = w.path.split(separator: "/")
      return parts.count > 2 && parts[0] == "schools" ? String(parts[1]) : nil
    }
    if let chosen = options["school"] { ids.append(chosen) }
    let names = Array(Set(ids)).compactMap { context.school($0)?.name }.sorted()
    return names.isEmpty ? "" : "Into \(names.joined(separator: " and ")): "
  }

  /// Saves on a worker thread (many documents can take a while); the bar pulses meanwhile.
  private func apply() {
    guard let preview else { return }
    UI.removeAllChildren(box)
    progress.say("Saving…")
    UI.append(box, bar)
    saving = true
    MainLoop.every(0.1) { [weak self] in
      guard let self, self.saving, !self.closed else { return false }
      self.progress.pulse()
      return true
    }
    let folder = context.folder
    MainLoop.background(
      { try preview.apply(to: folder) },
      then: { [weak self] outcome in
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
      })
  }
}
