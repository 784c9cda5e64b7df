import CCairo
import Foundation

/// What a bar chart marks beyond its bars: hatching over bars drawn from partly entered codes,
/// a line at the trust's average, and last half-term's value on each bar.
extension ChartRenderer {
  func markColumns(_ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double)) {
    let slot = p.w / Double(max(1, spec.categories.count))
    let barWidth = min(220, slot * 0.62)
    func y(_ v: Double) -> Double { p.y + p.h - p.h * v / spec.yMax }
    for i in spec.categories.indices {
      let cx = p.x + slot * (Double(i) + 0.5)
      let first = spec.kind == .stackedBars ? barWidth : barWidth / Double(max(1, spec.series.count)) - 4
      if spec.isPartial(i) {
        let top = spec.kind == .stackedBars ? p.y : y(spec.series.first?.values[i] ?? 0)
        hatch(cr, x: cx - barWidth / 2, y: top, w: spec.kind == .stackedBars ? barWidth : first, h: p.y + p.h - top)
      }
      if spec.previous.indices.contains(i), let v = spec.previous[i] {
        tick(cr, from: (cx - barWidth / 2 - 8, y(v)), to: (cx - barWidth / 2 + first + 8, y(v)))
      }
    }
    if let r = spec.reference {
      dashed(cr, from: (p.x, y(r.value)), to: (p.x + p.w, y(r.value)))
    }
  }

  func markRows(_ spec: ChartSpec, _ cr: OpaquePointer, left: Double, right: Double, x: (Double) -> Double) {
    let top = Self.rowsTop
    let barHeight = (Self.rowHeight - 10) / Double(max(1, spec.series.count))
    for i in spec.categories.indices {
      let y = top + Self.rowHeight * Double(i)
      if spec.isPartial(i) {
        hatch(cr, x: left, y: y + 5, w: x(spec.series.first?.values[i] ?? 0) - left, h: barHeight - 2)
      }
      if spec.previous.indices.contains(i), let v = spec.previous[i] {
        tick(cr, from: (x(v), y + 1), to: (x(v), y + barHeight + 7))
      }
    }
    if let r = spec.reference {
      dashed(cr, from: (x(r.value), top), to: (x(r.value), top + Self.rowHeight * Double(spec.categories.count)))
    }
  }

  /// Explains the marks, under the series' legend.
  func markersLegend(_ spec: ChartSpec, _ cr: OpaquePointer, x: Double, y: Double) {
    var yy = y
    if let r = spec.reference {
      dashed(cr, from: (x, yy + 20), to: (x + 40, yy + 20))
      text(
        cr, "\(r.label) \(String(format: "%.0f", r.value))%", x: x + 56, y: yy + 4, size: 22, maxWidth: 240,
        alignLeft: true)
      yy += 56
    }
    if spec.previous.contains(where: { $0 != nil }) {
      tick(cr, from: (x, yy + 20), to: (x + 40, yy + 20))
      // "Last half-term (Summer 2)" wraps: the legend's column is 240 wide.
      let h = text(cr, spec.previousLabel, x: x + 56, y: yy + 4, size: 22, maxWidth: 240, alignLeft: true, wraps: true)
      yy += max(56, h + 24)
    }
    if spec.partial.contains(where: { $0 != nil }) {
      rgb(cr, theme.grid)
      cairo_rectangle(cr, x, yy, 40, 40)
      cairo_fill(cr)
      hatch(cr, x: x, y: yy, w: 40, h: 40)
      text(cr, "Partly entered", x: x + 56, y: yy + 4, size: 22, colour: theme.warning, maxWidth: 240, alignLeft: true)
    }
  }

  /// Diagonal stripes of the background over a bar, and a dashed outline.
  func hatch(_ cr: OpaquePointer, x: Double, y: Double, w: Double, h: Double) {
    guard w > 0, h > 0 else { return }
    cairo_save(cr)
    cairo_rectangle(cr, x, y, w, h)
    cairo_clip(cr)
    rgb(cr, theme.background)
    cairo_set_line_width(cr, 7)
    var k = -h
    while k < w {
      cairo_move_to(cr, x + k, y + h)
      cairo_line_to(cr, x + k + h, y)
      k += 22
    }
    cairo_stroke(cr)
    cairo_restore(cr)
    rgb(cr, theme.ink)
    cairo_set_line_width(cr, 2)
    let dashes: [Double] = [8, 6]
    cairo_set_dash(cr, dashes, 2, 0)
    cairo_rectangle(cr, x, y, w, h)
    cairo_stroke(cr)
    cairo_set_dash(cr, nil, 0, 0)
  }

  /// Last half-term's value: a thick line across the bar, edged so it shows on any colour.
  func tick(_ cr: OpaquePointer, from a: (Double, Double), to b: (Double, Double)) {
    for (colour, width) in [(theme.background, 9.0), (theme.ink, 5.0)] {
      rgb(cr, colour)
      cairo_set_line_width(cr, width)
      cairo_move_to(cr, a.0, a.1)
      cairo_line_to(cr, b.0, b.1)
      cairo_stroke(cr)
    }
  }

  func dashed(_ cr: OpaquePointer, from a: (Double, Double), to b: (Double, Double)) {
    rgb(cr, theme.ink)
    cairo_set_line_width(cr, 3)
    let dashes: [Double] = [14, 8]
    cairo_set_dash(cr, dashes, 2, 0)
    cairo_move_to(cr, a.0, a.1)
    cairo_line_to(cr, b.0, b.1)
    cairo_stroke(cr)
    cairo_set_dash(cr, nil, 0, 0)
  }

  /// A key of coloured squares, one per series.
  func legend(_ items: [(String, String)], _ cr: OpaquePointer, x: Double, y: Double) {
    for (i, item) in items.enumerated() {
      let yy = y + Double(i) * 56
      rgb(cr, item.1)
      cairo_rectangle(cr, x, yy, 40, 40)
      cairo_fill(cr)
      rgb(cr, theme.ink)
      cairo_set_line_width(cr, 1.5)
      cairo_rectangle(cr, x, yy, 40, 40)
      cairo_stroke(cr)
      text(cr, item.0, x: x + 56, y: yy + 4, size: 26)
    }
  }

  /// Each line's last value at its end, moved apart so that close values do not overlap (68%
  /// and 66% drawn on each other read as neither). Highest first, each at least a line below.
  func endLabels(_ spec: ChartSpec, _ cr: OpaquePointer, x: (Int) -> Double, y: (Double) -> Double) {
    let ends = spec.series.compactMap { s in s.values.last.map { (s, $0) } }.sorted { $0.1 > $1.1 }
    var above = -Double.infinity
    for (s, value) in ends {
      let top = max(y(value) - 14, above + 28)
      text(
        cr, String(format: "%.0f%%", value), x: x(s.values.count - 1) + 14, y: top, size: 22, bold: true,
        colour: s.colour)
      above = top
    }
  }
}
