import CGtk

/// Scrolling that keeps up with the keyboard. GTK scrolls a focused widget into view with an
/// animation, and fades overlay scrollbars in and out: each redraws the window every frame
/// for a while, so at a teacher's typing speed the grid was always animating and each key's
/// cell waited for the next of those frames (up to 17 ms more).
@MainActor
extension UI {
  /// A scrolled window that shows its scrollbars steadily and leaves bringing the focus into
  /// view to `scrollIntoView` (at once, no animation).
  public static func steadyScrolling(_ scrolled: Widget) {
    gtk_scrolled_window_set_overlay_scrolling(cg_scrolled(scrolled), 0)
    if let child = gtk_scrolled_window_get_child(cg_scrolled(scrolled)), cg_is_viewport(child) != 0 {
      gtk_viewport_set_scroll_to_focus(cg_viewport(child), 0)
    }
  }

  /// Scrolls every scrolled window around `widget` at once so that all of it is in view
  /// (as little as needed). False when it has no place yet (not laid out).
  @discardableResult
  public static func scrollIntoView(_ widget: Widget) -> Bool {
    var inner: Widget = widget
    while let parent = gtk_widget_get_parent(inner),
      let scrolled = gtk_widget_get_ancestor(parent, cg_scrolled_window_type())
    {
      guard let viewport = gtk_scrolled_window_get_child(cg_scrolled(scrolled)) else { return false }
      // The bounds in the scrolled content's own coordinates (what the adjustments count).
      let content =
        cg_is_viewport(viewport) != 0 ? gtk_viewport_get_child(cg_viewport(viewport)) ?? viewport : viewport
      var r = graphene_rect_t()
      guard gtk_widget_compute_bounds(widget, content, &r) != 0 else { return false }
      show(Double(r.origin.x), Double(r.size.width), in: gtk_scrolled_window_get_hadjustment(cg_scrolled(scrolled)))
      show(Double(r.origin.y), Double(r.size.height), in: gtk_scrolled_window_get_vadjustment(cg_scrolled(scrolled)))
      inner = scrolled
    }
    return true
  }

  private static func show(_ start: Double, _ length: Double, in adjustment: UnsafeMutablePointer<GtkAdjustment>?) {
    guard let a = adjustment else { return }
    let (value, page) = (gtk_adjustment_get_value(a), gtk_adjustment_get_page_size(a))
    if start + length > value + page { gtk_adjustment_set_value(a, start + length - page) }
    if start < gtk_adjustment_get_value(a) { gtk_adjustment_set_value(a, start) }
  }
}
