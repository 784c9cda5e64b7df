import CGtk

/// Widgets taken out of the window are let go of a few at a time, after drawing, instead of
/// in the turn that replaced them: a trust's view holds thousands (a table per school, a row
/// per pupil), and destroying them at once held the window for up to 180 ms.
@MainActor
enum Reaper {
  private static var pending: [Widget] = []
  private static var scheduled = false
  /// Milliseconds of letting go per turn of the main loop.
  static let budget = 4.0

  /// Takes over a reference to `w`, already out of its parent.
  static func keep(_ w: Widget) {
    pending.append(w)
    guard !scheduled else { return }
    scheduled = true
    MainLoop.afterDrawing { drop() }
  }

  private static func drop() {
    scheduled = false
    let start = g_get_monotonic_time()
    while Double(g_get_monotonic_time() - start) / 1000 < budget, let w = pending.popLast() {
      // A large box or grid gives up its children first, each let go of in turn. One that was
      // put back into the window since is only let go of (it lives on there).
      if gtk_widget_get_parent(w) == nil, UI.isA(w, gtk_box_get_type()) || UI.isA(w, gtk_grid_get_type()) {
        var children: [Widget] = []
        var child = gtk_widget_get_first_child(w)
        while let c = child, children.count <= 16 {
          children.append(c)
          child = gtk_widget_get_next_sibling(c)
        }
        if children.count > 16 {
          // One child at a time, each within the budget: a large container emptied at once
          // was a stall of 51 ms (perf). The container waits below its child until it is empty.
          pending.append(w)
          UI.removeFirstChild(w)
          continue
        }
      }
      g_object_unref(UnsafeMutableRawPointer(w))
    }
    if !pending.isEmpty, !scheduled {
      scheduled = true
      MainLoop.afterDrawing { drop() }
    }
  }
}
