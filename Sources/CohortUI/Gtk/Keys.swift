import CGtk

/// Keys a view handles itself (the presenter's arrows, F11), with a controller on its own widget.
public enum Key: Sendable, Equatable {
  case left, right, up, down, escape, f11, pageUp, pageDown, home, end, space
  case other(UInt32)

  init(_ keyval: UInt32) {
    switch Int32(keyval) {
    case GDK_KEY_Left: self = .left
    case GDK_KEY_Right: self = .right
    case GDK_KEY_Up: self = .up
    case GDK_KEY_Down: self = .down
    case GDK_KEY_Escape: self = .escape
    case GDK_KEY_F11: self = .f11
    case GDK_KEY_Page_Up: self = .pageUp
    case GDK_KEY_Page_Down: self = .pageDown
    case GDK_KEY_Home: self = .home
    case GDK_KEY_End: self = .end
    case GDK_KEY_space: self = .space
    default: self = .other(keyval)
    }
  }
}

@MainActor
extension UI {
  /// Calls `body` for each key pressed while `w` or a child has the focus; true stops the key.
  /// `capture`: before the focused child sees it (a page's F11 over a focused button).
  public static func onKey(_ w: Widget, capture: Bool = false, _ body: @escaping @MainActor (Key) -> Bool) {
    let keys = gtk_event_controller_key_new()!
    if capture { gtk_event_controller_set_propagation_phase(keys, GTK_PHASE_CAPTURE) }
    Signal.onKeyPressed(UnsafeMutableRawPointer(keys)) { keyval, _ in body(Key(keyval)) }
    gtk_widget_add_controller(w, keys)
  }

  /// A window over the whole screen, for presenting.
  public static func fullscreen(_ window: Widget) { gtk_window_fullscreen(cg_window(window)) }

  /// Runs `body` when the window is closed by any means.
  public static func onClosed(_ window: Widget, _ body: @escaping @MainActor () -> Void) {
    Signal.on(window, "destroy", body)
  }
}
