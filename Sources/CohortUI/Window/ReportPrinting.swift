import CGtk
import CohortCharts

/// Prints report pages: each page drawn by the same renderer as the preview and the PDF,
/// scaled to the printable width.
@MainActor
enum ReportPrinting {
  /// Shows the print dialog; with `exportTo`, prints straight to that PDF instead (no dialog).
  static func run(_ renderer: ReportRenderer, parent: Widget?, exportTo: String? = nil) {
    UI.printPages(renderer.pages.count, title: renderer.pages.document.title, parent: parent, exportTo: exportTo) {
      cr, page, width in
      let s = width / ReportPages.width
      cairo_scale(cr, s, s)
      renderer.draw(page: page, on: cr)
    }
  }
}
