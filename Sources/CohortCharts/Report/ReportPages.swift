import CCairo
import CohortCore
import Foundation

/// A report laid out on A4 pages (points). Layout measures text with pango once; drawing the
/// same pages on a PDF, a PNG or a GTK widget then gives the same pages everywhere.
public struct ReportPages: Sendable {
  public static let width = 595.28
  public static let height = 841.89
  static let margin = 42.0
  static let footer = 28.0
  static var bodyWidth: Double { width - 2 * margin }
  static var bottom: Double { height - margin - footer }

  enum Item: Sendable {
    case text(String, Font, x: Double, y: Double, width: Double, colour: String)
    case box(x: Double, y: Double, w: Double, h: Double, fill: String)
    case line(x: Double, y: Double, w: Double)
    case chart(ChartSpec, x: Double, y: Double, scale: Double)
  }

  struct Font: Hashable, Sendable {
    var size: Double
    var bold = false
    static let title = Font(size: 20, bold: true)
    static let subtitle = Font(size: 11)
    static let heading = Font(size: 14, bold: true)
    static let subheading = Font(size: 11.5, bold: true)
    static let body = Font(size: 10)
    static let cell = Font(size: 8.5)
    static let cellBold = Font(size: 8.5, bold: true)
    static let footer = Font(size: 7.5)
  }

  public let document: ReportDocument
  var pages: [[Item]]
  public var count: Int { pages.count }

  public init(_ document: ReportDocument) {
    self.document = document
    var layout = Layout()
    layout.lay(document)
    pages = layout.pages
  }

  /// Line-breaking and page-breaking.
  struct Layout {
    var pages: [[Item]] = [[]]
    var y = margin
    let measure = TextMeasure()

    mutating func place(_ item: Item) { pages[pages.count - 1].append(item) }
    mutating func newPage() {
      pages.append([])
      y = margin
    }
    mutating func ensure(_ h: Double) { if y + h > bottom, y > margin { newPage() } }

    mutating func text(_ s: String, _ font: Font, gapAfter: Double, keepWithNext: Double = 0) {
      let h = measure.height(s, font, width: bodyWidth)
      ensure(h + keepWithNext)
      place(.text(s, font, x: margin, y: y, width: bodyWidth, colour: "#000000"))
      y += h + gapAfter
    }

    mutating func lay(_ d: ReportDocument) {
      text(d.title, .title, gapAfter: 2)
      text(d.subtitle, .subtitle, gapAfter: 12)
      for block in d.blocks {
        switch block {
        case .heading(let s):
          y += 6
          text(s, .heading, gapAfter: 6, keepWithNext: 90)
          place(.line(x: margin, y: y - 4, w: bodyWidth))
        case .subheading(let s): text(s, .subheading, gapAfter: 4, keepWithNext: 60)
        case .text(let s): text(s, .body, gapAfter: 6)
        case .table(let t): table(t)
        case .chart(let whole):
          // A chart of many rows is cut into charts that each fit a page.
          let rowScale = bodyWidth / ChartRenderer.rowsWidth
          let rowsPerPage = Int(
            ((bottom - margin) / rowScale - ChartRenderer.rowsTop - ChartRenderer.rowsBelow) / ChartRenderer.rowHeight)
          for spec in whole.isRows ? whole.parts(of: max(ChartSpec.maxColumns + 1, rowsPerPage)) : [whole] {
            let size = ChartRenderer(for: spec)
            let scale = bodyWidth / size.width
            let height = size.height * scale
            ensure(height)
            place(.chart(spec, x: margin, y: y, scale: scale))
            y += height + 8
          }
        case .pageBreak: if y > margin { newPage() }
        }
      }
    }

    mutating func table(_ t: ReportTable) {
      let total = t.widths.reduce(0, +)
      let widths = t.widths.map { bodyWidth * $0 / total }
      let pad = 3.0
      func rowHeight(_ cells: [String], _ font: Font) -> Double {
        zip(cells, widths).map { measure.height($0, font, width: $1 - 2 * pad) }.max().map { $0 + 2 * pad } ?? 0
      }
      func header() {
        let h = rowHeight(t.columns, .cellBold)
        place(.box(x: margin, y: y, w: bodyWidth, h: h, fill: "#E4E7EB"))
        cells(t.columns, .cellBold, h: h, colours: [])
      }
      func cells(_ values: [String], _ font: Font, h: Double, colours: [String?]) {
        var x = margin
        for (i, (v, w)) in zip(values, widths).enumerated() {
          let fill = colours.indices.contains(i) ? colours[i] : nil
          if let fill { place(.box(x: x + 1, y: y + 1, w: w - 2, h: h - 2, fill: fill)) }
          place(.text(v, font, x: x + pad, y: y + pad, width: w - 2 * pad, colour: readable(on: fill)))
          x += w
        }
        y += h
      }
      let headerHeight = rowHeight(t.columns, .cellBold)
      ensure(headerHeight + rowHeight(t.rows.first ?? [], .cell))
      header()
      for (r, row) in t.rows.enumerated() {
        let h = rowHeight(row, .cell)
        if y + h > bottom {
          newPage()
          header()
        }
        if r % 2 == 1 { place(.box(x: margin, y: y, w: bodyWidth, h: h, fill: "#F5F6F8")) }
        cells(row, .cell, h: h, colours: t.colours.indices.contains(r) ? t.colours[r] : [])
        place(.line(x: margin, y: y, w: bodyWidth))
      }
      y += 10
    }

    func readable(on fill: String?) -> String {
      guard let fill, let c = RGB(hex: fill) else { return "#000000" }
      return c.prefersDarkText ? "#000000" : "#FFFFFF"
    }
  }
}

/// Measures wrapped text with pango on a PDF surface that writes nowhere.
final class TextMeasure {
  let surface: OpaquePointer
  let cr: OpaquePointer
  let layouts: ReportText

  init() {
    surface = cairo_pdf_surface_create(nil, ReportPages.width, ReportPages.height)
    cr = cairo_create(surface)
    layouts = ReportText(cr)
  }

  deinit {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }

  struct Key: Hashable {
    let text: String
    let font: ReportPages.Font
    let width: Double
  }
  /// Tables repeat their cells (codes, counts, "-"): each is shaped once.
  private var known: [Key: Double] = [:]

  func height(_ s: String, _ font: ReportPages.Font, width: Double) -> Double {
    let key = Key(text: s, font: font, width: width)
    if let h = known[key] { return h }
    let layout = layouts.layout(s, font, width: width)
    var w: Int32 = 0
    var h: Int32 = 0
    pango_layout_get_size(layout, &w, &h)
    let height = Double(h) / Double(PANGO_SCALE)
    known[key] = height
    return height
  }
}

/// Wrapped layouts with unhinted metrics, so that every surface breaks lines alike: one per
/// font for a cairo context, given new text each time. A layout (and its pango context) made
/// for every piece of text was most of a school pack's 168 pages.
final class ReportText {
  let cr: OpaquePointer
  private var made: [ReportPages.Font: OpaquePointer] = [:]

  init(_ cr: OpaquePointer) { self.cr = cr }

  deinit { for layout in made.values { g_object_unref(UnsafeMutableRawPointer(layout)) } }

  /// The font's layout with `s` set, valid until the next call.
  func layout(_ s: String, _ font: ReportPages.Font, width: Double, alignRight: Bool = false) -> OpaquePointer {
    let layout = made[font] ?? make(font)
    made[font] = layout
    pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
    pango_layout_set_alignment(layout, alignRight ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
    pango_layout_set_text(layout, s, -1)
    return layout
  }

  private func make(_ font: ReportPages.Font) -> OpaquePointer {
    let layout = pango_cairo_create_layout(cr)!
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
    cairo_font_options_destroy(options)
    pango_layout_context_changed(layout)
    let description = pango_font_description_from_string("Sans \(font.bold ? "Bold " : "")")
    pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    return layout
  }
}
