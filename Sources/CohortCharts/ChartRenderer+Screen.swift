import CCairo

/// Drawing into a widget of any size, and finding what lies under the pointer there.
extension ChartRenderer {
  /// Drawn at a logical size of its own for a space of `width` x `height` pixels, and the
  /// scale to draw it at: type stays readable in a small window (never below 0.72 of its
  /// size, the layout given more room instead) and grows with a large one, and the chart
  /// fills the width rather than letterboxing a 1600x1000 drawing.
  public static func fitted(_ spec: ChartSpec, width w: Double, height h: Double, theme: ChartTheme = .light)
    -> (renderer: ChartRenderer, scale: Double)
  {
    var r = ChartRenderer(for: spec)
    r.theme = theme
    guard w > 0, h > 0 else { return (r, 1) }
    if spec.isRows { return (r, min(w / r.width, h / r.height)) }
    let least = minimumHeight(spec)
    var scale = min(h / least, max(0.72, h / 1000))
    // Narrow: the layouts need 1100 across.
    scale = min(scale, w / 1100)
    r.height = max(least, h / scale)
    r.width = min(2800, w / scale)
    return (r, scale)
  }

  /// The least height a layout reads at: a gap heat map's cells hold three lines of text; a
  /// movement matrix's cells a four-digit count and its headers "No code" (130 across).
  static func minimumHeight(_ spec: ChartSpec) -> Double {
    guard spec.kind == .heatmap else { return 620 }
    return spec.cellLabels.isEmpty ? 380 + 130 * Double(spec.rows.count) : 270 + 96 * Double(spec.rows.count)
  }

  /// Whether the chart is as tall as its rows, whatever the space: the page scrolls to it.
  public var isTall: Bool { height > 1000 }

  /// Fills the whole surface with the theme's background (the margins round a scaled chart).
  public func paint(on cr: OpaquePointer) {
    rgb(cr, theme.background)
    cairo_paint(cr)
  }

  /// Draws at the renderer's own size, scaled by `scale` and moved right by `dx` pixels.
  public func drawScaled(_ spec: ChartSpec, on cr: OpaquePointer, scale: Double, dx: Double) {
    cairo_save(cr)
    cairo_translate(cr, dx, 0)
    cairo_scale(cr, scale, scale)
    draw(spec, on: cr)
    cairo_restore(cr)
  }

  /// The cell of a heat map under a point: (row, column).
  public func cell(at x: Double, _ y: Double, in spec: ChartSpec) -> (Int, Int)? {
    guard spec.kind == .heatmap, spec.emptyMessage == nil, !spec.rows.isEmpty, !spec.categories.isEmpty else {
      return nil
    }
    let g = heatGeometry(spec)
    let c = Int(((x - g.left) / g.w).rounded(.down))
    let r = Int(((y - g.top) / g.h).rounded(.down))
    guard x >= g.left, y >= g.top, spec.categories.indices.contains(c), spec.rows.indices.contains(r) else {
      return nil
    }
    return (r, c)
  }

  /// Where a heat map's cells lie: the left and top of the first, and each cell's size.
  func heatGeometry(_ spec: ChartSpec) -> (left: Double, top: Double, w: Double, h: Double) {
    let p = plotArea
    let rows = Double(max(1, spec.rows.count))
    let cols = Double(max(1, spec.categories.count))
    if !spec.cellLabels.isEmpty {
      let left = 60.0 + 330
      return (left, p.y + 60, (width - 60 - left) / cols, min(150, (p.h + 60) / rows))
    }
    let cell = min((p.w - 90) / cols, (p.h - 60) / rows)
    return (p.x + 90, p.y + 50, cell, cell)
  }
}
