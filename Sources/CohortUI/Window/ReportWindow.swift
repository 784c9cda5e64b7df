import CGtk
import CohortCharts
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// A report made off the main thread with a progress bar and Cancel, then previewed page by
/// page exactly as it prints; Export PDF… and Print… use the same pages.
@MainActor
final class ReportWindow {
  let window: Widget
  private let status: Widget
  private let bar: Widget
  private let cancel: Widget
  private let export: Widget
  private let print: Widget
  private let pagesBox: Widget
  var pagesBoxForTests: Widget { pagesBox }
  private let progress: WorkProgress
  private(set) var renderer: ReportRenderer?
  /// For tests: true once the report is made or has failed or was cancelled.
  private(set) var finished = false

  init(parent: Widget, context: AppContext, report: Report, scope: AnalysisScope, when: HalfTermRef) {
    window = gtk_window_new()!
    gtk_window_set_title(cg_window(window), report.title)
    gtk_window_set_transient_for(
      cg_window(window), cg_window(gtk_widget_get_root(parent).map { UnsafeMutableRawPointer($0) }))
    UI.fitDefaultSize(window, 760, 900)
    UI.closesOnEscape(window)
    let box = UI.box(true, spacing: 8, classes: ["plugins-window"])
    let top = UI.box(false, spacing: 8)
    status = UI.label("Making \(report.title.lowercased())…")
    UI.setAccessibleName(status, "Report status")
    gtk_widget_set_hexpand(status, 1)
    bar = gtk_progress_bar_new()!
    UI.setAccessibleName(bar, "Report progress")
    gtk_widget_set_size_request(bar, 200, -1)
    gtk_widget_set_valign(bar, GTK_ALIGN_CENTER)
    let hop = MainLoop.hop
    let barRef = UnsafeSendable(bar)
    progress = WorkProgress { done, total in
      hop {
        gtk_progress_bar_set_fraction(OpaquePointer(barRef.value), Double(done) / Double(max(1, total)))
      }
    }
    cancel = UI.button("Cancel", name: "Cancel the report") {}
    export = UI.button("Export PDF…", name: "Export PDF") {}
    print = UI.button("Print…", name: "Print") {}
    gtk_widget_set_sensitive(export, 0)
    gtk_widget_set_sensitive(print, 0)
    UI.append(top, status, bar, cancel, export, print)
    pagesBox = UI.box(true, spacing: 12, classes: ["report-pages"])
    gtk_widget_set_halign(pagesBox, GTK_ALIGN_CENTER)
    UI.append(box, top, UI.scrolled(pagesBox))
    gtk_window_set_child(cg_window(window), box)
    Signal.on(cancel, "clicked") { [weak self] in self?.progress.cancel() }
    Signal.on(export, "clicked") { [weak self] in self?.exportPDF() }
    Signal.on(print, "clicked") { [weak self] in self?.printReport() }
    gtk_window_present(cg_window(window))
    make(
      report,
      ReportRequest(
        folder: context.folder, trust: context.trust, registry: context.registry, scheme: context.scheme, scope: scope,
        when: when, progress: progress))
  }

  func cancelMaking() { progress.cancel() }

  /// The work runs on a global queue: the window keeps drawing and Cancel stays live.
  private func make(_ report: Report, _ request: ReportRequest) {
    let made = SchoolDate.today().ukDescription
    let hop = MainLoop.hop
    DispatchQueue.global(qos: .userInitiated).async {
      let result = Result { ReportRenderer(try report.make(request), made: made) }
      let box = UnsafeSendable(result)
      hop { [weak self] in self?.done(box.value) }
    }
  }

  private func done(_ result: Result<ReportRenderer, any Error>) {
    finished = true
    gtk_widget_set_sensitive(cancel, 0)
    switch result {
    case .success(let r):
      renderer = r
      UI.setText(status, "\(r.pages.document.title): \(r.pages.count) pages")
      gtk_progress_bar_set_fraction(OpaquePointer(bar), 1)
      gtk_widget_set_sensitive(export, 1)
      gtk_widget_set_sensitive(print, 1)
      for i in 0..<r.pages.count { UI.append(pagesBox, PageView(renderer: r, page: i).widget) }
    case .failure(let e as CancellationError):
      _ = e
      UI.setText(status, "Cancelled")
    case .failure(let e):
      UI.setText(status, "Could not make the report: \(e)")
    }
  }

  private func exportPDF() {
    guard let r = renderer else { return }
    let name = r.pages.document.title.replacingOccurrences(of: "[^A-Za-z0-9]+", with: "-", options: .regularExpression)
    FileChooser.saveFile(parent: window, title: "Export PDF", suggested: "\(name).pdf") { [weak self] path in
      do {
        try OutputFile.write(try r.pdf(), to: path)
        self.map { UI.setText($0.status, "Saved \((path as NSString).lastPathComponent): \(r.pages.count) pages") }
      } catch {
        self.map { UI.setText($0.status, "Could not save: \(error)") }
      }
    }
  }

  private func printReport() {
    guard let r = renderer else { return }
    ReportPrinting.run(r, parent: window)
  }
}

/// A value handed across threads when the receiver is known to be the only user.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

/// One page drawn by the report renderer at screen size.
@MainActor
final class PageView {
  static let scale = 1.15
  let widget: Widget

  final class Box {
    let renderer: ReportRenderer
    let page: Int
    init(_ r: ReportRenderer, _ page: Int) {
      renderer = r
      self.page = page
    }
  }

  init(renderer: ReportRenderer, page: Int) {
    widget = gtk_drawing_area_new()!
    gtk_widget_set_size_request(
      widget, Int32(ReportPages.width * Self.scale), Int32(ReportPages.height * Self.scale))
    UI.setAccessibleName(widget, "Page \(page + 1) of \(renderer.pages.count)")
    UI.addClasses(widget, ["report-page"])
    let data = Unmanaged.passRetained(Box(renderer, page)).toOpaque()
    gtk_drawing_area_set_draw_func(
      UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GtkDrawingArea.self),
      { _, cr, width, _, data in
        let box = Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue()
        guard let cr else { return }
        let s = Double(width) / ReportPages.width
        cairo_scale(cr, s, s)
        MainActor.assumeIsolated { box.renderer.draw(page: box.page, on: cr) }
      }, data, { data in if let data { Unmanaged<Box>.fromOpaque(data).release() } })
  }
}
