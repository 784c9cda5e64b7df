import CCairo

extension ChartRenderer {
  /// Cells with their own colour and text (a gap and both sides' n), rows named on the left.
  func labelledHeatmap(_ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double)) {
    let cols = max(1, spec.categories.count)
    let (left, top, w, h) = heatGeometry(spec)
    for (c, name) in spec.categories.enumerated() {
      text(cr, name, x: left + w * (Double(c) + 0.5), y: p.y, size: 22, bold: true, align: 0.5, maxWidth: w - 8)
    }
    for (r, name) in spec.rows.enumerated() where r < spec.cellLabels.count {
      let y = top + h * Double(r)
      text(cr, name, x: 60, y: y + h / 2 - 14, size: 22, bold: true, maxWidth: 320, alignLeft: true)
      for c in 0..<min(cols, spec.cellLabels[r].count) {
        let colour =
          spec.cellColours.indices.contains(r) && spec.cellColours[r].indices.contains(c)
          ? spec.cellColours[r][c] : "#FFFFFF"
        rgb(cr, colour)
        cairo_rectangle(cr, left + w * Double(c), y, w - 4, h - 4)
        cairo_fill(cr)
        text(
          cr, spec.cellLabels[r][c], x: left + w * (Double(c) + 0.5), y: y + h / 2 - 26, size: 20,
          colour: readable(on: colour), maxWidth: w - 12)
      }
    }
  }

  func heatmap(_ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double)) {
    let rows = max(1, spec.rows.count)
    let cols = max(1, spec.categories.count)
    let (left, top, cell, _) = heatGeometry(spec)
    for (c, name) in spec.categories.enumerated() {
      text(cr, name, x: left + cell * (Double(c) + 0.5), y: p.y + 6, size: 24, bold: true, align: 0.5)
    }
    for (r, name) in spec.rows.enumerated() {
      text(cr, name, x: left - 16, y: top + cell * (Double(r) + 0.5) - 16, size: 24, bold: true, align: 1)
      for c in 0..<cols {
        let v = spec.counts[r][c]
        let t = spec.yMax > 0 ? Double(v) / spec.yMax : 0
        let shade = 1 - 0.85 * t
        cairo_set_source_rgb(cr, shade, shade * 0.95 + 0.05 * (1 - t), 1 - 0.45 * t)
        cairo_rectangle(cr, left + cell * Double(c), top + cell * Double(r), cell - 4, cell - 4)
        cairo_fill(cr)
        text(
          cr, String(v), x: left + cell * (Double(c) + 0.5), y: top + cell * (Double(r) + 0.5) - 20, size: 30,
          bold: true,
          colour: t > 0.55 ? "#FFFFFF" : "#000000", align: 0.5)
      }
    }
    text(
      cr, "rows: \(spec.yLabel) · columns: \(spec.xLabel)", x: left, y: top + cell * Double(rows) + 20, size: 22,
      colour: theme.muted)
  }
}
