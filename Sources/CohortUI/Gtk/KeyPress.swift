import CGtk

/// A key press in Swift's terms, so that views never see GDK's key values.
public struct KeyPress: Sendable, Equatable {
  public enum Key: Sendable, Equatable {
    case up, down, left, right, tab, backTab, home, end, enter, delete, escape
    /// A printable character ("g", "3").
    case character(String)
    case other
  }

  public var key: Key
  public var ctrl: Bool
  public var shift: Bool
  public var alt: Bool

  init(keyval: UInt32, state: GdkModifierType) {
    ctrl = state.rawValue & GDK_CONTROL_MASK.rawValue != 0
    shift = state.rawValue & GDK_SHIFT_MASK.rawValue != 0
    alt = state.rawValue & GDK_ALT_MASK.rawValue != 0
    switch Int32(keyval) {
    case GDK_KEY_Up, GDK_KEY_KP_Up: key = .up
    case GDK_KEY_Down, GDK_KEY_KP_Down: key = .down
    case GDK_KEY_Left, GDK_KEY_KP_Left: key = .left
    case GDK_KEY_Right, GDK_KEY_KP_Right: key = .right
    case GDK_KEY_Tab: key = .tab
    case GDK_KEY_ISO_Left_Tab: key = .backTab
    case GDK_KEY_Home: key = .home
    case GDK_KEY_End: key = .end
    case GDK_KEY_Return, GDK_KEY_KP_Enter: key = .enter
    case GDK_KEY_Delete, GDK_KEY_BackSpace, GDK_KEY_KP_Delete: key = .delete
    case GDK_KEY_Escape: key = .escape
    default:
      let unicode = gdk_keyval_to_unicode(keyval)
      if unicode > 32, let scalar = Unicode.Scalar(unicode) {
        key = .character(String(Character(scalar)))
      } else {
        key = .other
      }
    }
  }
}

@MainActor
extension UI {
  /// Every key pressed in `w` or its children, before they see it; true when `body` used it.
  public static func onKey(_ w: Widget, _ body: @escaping @MainActor (KeyPress) -> Bool) {
    let keys = gtk_event_controller_key_new()!
    gtk_event_controller_set_propagation_phase(keys, GTK_PHASE_CAPTURE)
    Signal.onKeyPressed(UnsafeMutableRawPointer(keys)) { keyval, state in
      body(KeyPress(keyval: keyval, state: state))
    }
    gtk_widget_add_controller(w, keys)
  }

  /// Widgets that stay as wide as each other (a grid's headings and its columns).
  public static func sameWidth(_ groups: Int) -> [SizeGroup] { (0..<groups).map { _ in SizeGroup() } }

  public static func labelText(_ label: Widget) -> String { String(cString: gtk_label_get_text(cg_label(label))) }

  /// A button whose content is `child` (a cell of chips and labels).
  public static func button(child: Widget, classes: [String], _ action: @escaping @MainActor () -> Void) -> Widget {
    let b = gtk_button_new()!
    addClasses(b, classes)
    gtk_button_set_child(cg_button(b), child)
    Signal.on(b, "clicked", action)
    return b
  }

  /// The widget with the keyboard focus in `w`'s window, and its parents up to the window.
  public static func focusChain(_ w: Widget) -> [Widget] {
    guard let root = gtk_widget_get_root(w), let focus = gtk_root_get_focus(root) else { return [] }
    var out: [Widget] = []
    var current: Widget? = focus
    while let c = current {
      out.append(c)
      current = gtk_widget_get_parent(c)
    }
    return out
  }

  public static func hasFocus(_ w: Widget) -> Bool { gtk_widget_has_focus(w) != 0 }

  public static func clipboard(_ w: Widget) -> OpaquePointer? { gtk_widget_get_clipboard(w) }
}

/// A horizontal size group; the widgets added keep it alive.
@MainActor
public final class SizeGroup {
  private let group = gtk_size_group_new(GTK_SIZE_GROUP_HORIZONTAL)!
  public func add(_ w: Widget) { gtk_size_group_add_widget(group, w) }
  isolated deinit { g_object_unref(UnsafeMutableRawPointer(group)) }
}
