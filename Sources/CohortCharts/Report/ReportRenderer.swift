import CCairo
import CohortCore
import Foundation

/// Draws laid-out report pages: every page carries "Confidential: pupil data", the date it was
/// made and "Page n of m" in its footer, wherever it is drawn.
public struct ReportRenderer: Sendable {
  public let pages: ReportPages
  /// Printed in the footer, e.g. "29/11/2026".
  public let made: String

  public init(_ document: ReportDocument, made: String) {
    pages = ReportPages(document)
    self.made = made
  }

  /// Draws page `index` (0-based) in points on any cairo context: scale it first for a screen.
  public func draw(page index: Int, on cr: OpaquePointer) { draw(page: index, text: ReportText(cr)) }

  /// The same with the layouts of earlier pages drawn on the same context (a PDF's pages).
  func draw(page index: Int, text: ReportText) {
    let cr = text.cr
    cairo_save(cr)
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_rectangle(cr, 0, 0, ReportPages.width, ReportPages.height)
    cairo_fill(cr)
    for item in pages.pages[index] { draw(item, cr, text) }
    let y = ReportPages.height - ReportPages.margin - 10
    let font = ReportPages.Font.footer
    let w = ReportPages.bodyWidth
    let x = ReportPages.margin
    show(
      text, "Confidential: pupil data · \(pages.document.title)", font, x: x, y: y, width: w * 0.6, colour: "#444444")
    show(
      text, "Made \(made) · Page \(index + 1) of \(pages.count)", font, x: x + w * 0.6, y: y, width: w * 0.4,
      colour: "#444444", alignRight: true)
    cairo_restore(cr)
  }

  func draw(_ item: ReportPages.Item, _ cr: OpaquePointer, _ text: ReportText) {
    switch item {
    case .text(let s, let font, let x, let y, let width, let colour):
      show(text, s, font, x: x, y: y, width: width, colour: colour)
    case .box(let x, let y, let w, let h, let fill):
      set(cr, fill)
      cairo_rectangle(cr, x, y, w, h)
      cairo_fill(cr)
    case .line(let x, let y, let w):
      set(cr, "#C8CCD2")
      cairo_set_line_width(cr, 0.5)
      cairo_move_to(cr, x, y)
      cairo_line_to(cr, x + w, y)
      cairo_stroke(cr)
    case .chart(let spec, let x, let y, let scale):
      cairo_save(cr)
      cairo_translate(cr, x, y)
      cairo_scale(cr, scale, scale)
      let chart = ChartRenderer(for: spec)
      cairo_rectangle(cr, 0, 0, chart.width, chart.height)
      cairo_clip(cr)
      chart.draw(spec, on: cr)
      cairo_restore(cr)
    }
  }

  func show(
    _ text: ReportText, _ s: String, _ font: ReportPages.Font, x: Double, y: Double, width: Double, colour: String,
    alignRight: Bool = false
  ) {
    let cr = text.cr
    let layout = text.layout(s, font, width: width, alignRight: alignRight)
    set(cr, colour)
    cairo_move_to(cr, x, y)
    pango_cairo_show_layout(cr, layout)
  }

  func set(_ cr: OpaquePointer, _ hex: String) {
    let c = RGB(hex: hex) ?? RGB(hex: "#000000")!
    cairo_set_source_rgb(cr, c.red, c.green, c.blue)
  }
}
