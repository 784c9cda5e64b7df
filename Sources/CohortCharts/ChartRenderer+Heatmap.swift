import CCairo

extension ChartRenderer {
  /// Cells with their own colour and text (a gap and both sides' n), rows named on the left.
  func labelledHeatmap(_ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double)) {
    let rows = max(1, spec.rows.count)
    let cols = max(1, spec.categories.count)
    let left = 60.0 + 330
    let w = (width - 60 - left) / Double(cols)
    let h = min(150, (p.h + 60) / Double(rows))
    let top = p.y + 60
    for (c, name) in spec.categories.enumerated() {
      text(cr, name, x: left + w * (Double(c) + 0.5), y: p.y, size: 22, bold: true, align: 0.5, maxWidth: w - 8)
    }
    for (r, name) in spec.rows.enumerated() where r < spec.cellLabels.count {
      let y = top + h * Double(r)
      text(cr, name, x: 60, y: y + h / 2 - 14, size: 22, bold: true, maxWidth: 320, alignLeft: true)
      for c in 0..<min(cols, spec.cellLabels[r].count) {
        let colour = spec.cellColours.indices.contains(r) && spec.cellColours[r].indices.contains(c)
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
}
