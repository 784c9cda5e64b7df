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
  private let bar: ProgressBar
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
    window = UI.window(title: report.title, parent: parent, width: 760, height: 900)
    UI.closesOnEscape(window)
    let box = UI.box(true, spacing: 8, classes: ["plugins-window"])
    let top = UI.box(false, spacing: 8)
    status = UI.label("Making \(report.title.lowercased())…")
    UI.setAccessibleName(status, "Report status")
    UI.expand(status, h: true)
    let bar = ProgressBar(name: "Report progress", text: "")
    self.bar = bar
    UI.minWidth(bar.widget, 200)
    UI.align(bar.widget, v: .center)
    progress = WorkProgress { done, total in
      MainLoop.hop { bar.set(Double(done) / Double(max(1, total))) }
    }
    cancel = UI.button("Cancel", name: "Cancel the report") {}
    export = UI.button("Export PDF…", name: "Export PDF") {}
    print = UI.button("Print…", name: "Print") {}
    UI.setSensitive(export, false)
    UI.setSensitive(print, false)
    UI.append(top, status, bar.widget, cancel, export, print)
    pagesBox = UI.box(true, spacing: 12, classes: ["report-pages"])
    UI.align(pagesBox, h: .center)
    UI.append(box, top, UI.scrolled(pagesBox))
    UI.setChild(window, box)
    Signal.on(cancel, "clicked") { [weak self] in self?.progress.cancel() }
    Signal.on(export, "clicked") { [weak self] in self?.exportPDF() }
    Signal.on(print, "clicked") { [weak self] in self?.printReport() }
    UI.present(window)
    make(
      report,
      ReportRequest(
        folder: context.folder, trust: context.trust, registry: context.registry, scheme: context.scheme, scope: scope,
        when: when, progress: progress))
  }

  func cancelMaking() { progress.cancel() }

  /// The work runs on a background queue: the window keeps drawing and Cancel stays live.
  private func make(_ report: Report, _ request: ReportRequest) {
    let made = SchoolDate.today().ukDescription
    MainLoop.background(
      { ReportRenderer(try report.make(request), made: made) }, then: { [weak self] in self?.done($0) })
  }

  private func done(_ result: Result<ReportRenderer, any Error>) {
    finished = true
    UI.setSensitive(cancel, false)
    switch result {
    case .success(let r):
      renderer = r
      UI.setText(status, "\(r.pages.document.title): \(r.pages.count) pages")
      bar.set(1)
      UI.setSensitive(export, true)
      UI.setSensitive(print, true)
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

/// One page drawn by the report renderer at screen size.
@MainActor
final class PageView {
  static let scale = 1.15
  let widget: Widget

  init(renderer: ReportRenderer, page: Int) {
    widget = UI.drawingArea(name: "Page \(page + 1) of \(renderer.pages.count)") { cr, width, _ in
      let s = width / ReportPages.width
      cairo_scale(cr, s, s)
      renderer.draw(page: page, on: cr)
    }
    UI.size(widget, width: Int32(ReportPages.width * Self.scale), height: Int32(ReportPages.height * Self.scale))
    UI.addClasses(widget, ["report-page"])
  }
}
