import CCairo

extension ChartRenderer {
  /// Text with pango; `align` 0 left, 0.5 centre, 1 right of x. Left-aligned text in a
  /// `maxWidth` is one line cut with an ellipsis, or with `wraps` up to two lines. Returns the
  /// height drawn.
  @discardableResult
  func text(
    _ cr: OpaquePointer, _ s: String, x: Double, y: Double, size: Double, bold: Bool = false,
    colour: String? = nil,
    align: Double = 0, rotate: Bool = false, maxWidth: Double? = nil, alignLeft: Bool = false, wraps: Bool = false
  ) -> Double {
    guard let layout = pango_cairo_create_layout(cr) else { return 0 }
    defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
    let font = pango_font_description_from_string("Sans \(bold ? "Bold " : "")\(Int(size * 0.75))")
    pango_layout_set_font_description(layout, font)
    pango_font_description_free(font)
    pango_layout_set_text(layout, s, -1)
    if let maxWidth, alignLeft {
      // A row's name: one line, cut with an ellipsis only if it cannot fit (a legend's entry
      // may take two).
      pango_layout_set_width(layout, Int32(maxWidth * Double(PANGO_SCALE)))
      if wraps {
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
        pango_layout_set_height(layout, -2)
      }
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
    } else if let maxWidth {
      // Long names wrap onto two centred lines rather than being cut.
      pango_layout_set_width(layout, Int32(maxWidth * Double(PANGO_SCALE)))
      pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
      pango_layout_set_height(layout, -2)
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
    }
    var w: Int32 = 0
    var h: Int32 = 0
    pango_layout_get_pixel_size(layout, &w, &h)
    cairo_save(cr)
    rgb(cr, colour ?? theme.ink)
    if rotate {
      cairo_move_to(cr, x, y)
      cairo_rotate(cr, -Double.pi / 2)
    } else if let maxWidth, !alignLeft {
      cairo_move_to(cr, x - maxWidth / 2, y)
    } else {
      cairo_move_to(cr, x - Double(w) * align, y)
    }
    pango_cairo_show_layout(cr, layout)
    cairo_restore(cr)
    return Double(h)
  }
}
