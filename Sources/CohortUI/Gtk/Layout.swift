import CGtk

/// Where a widget sits in the room its parent gives it.
public enum Align {
  case fill, start, center, end

  var gtk: GtkAlign {
    switch self {
    case .fill: GTK_ALIGN_FILL
    case .start: GTK_ALIGN_START
    case .center: GTK_ALIGN_CENTER
    case .end: GTK_ALIGN_END
    }
  }
}

/// Layout and window calls for views, so that they read as Swift rather than GTK's C.
@MainActor
extension UI {
  public static func align(_ w: Widget, h: Align? = nil, v: Align? = nil) {
    if let h { gtk_widget_set_halign(w, h.gtk) }
    if let v { gtk_widget_set_valign(w, v.gtk) }
  }

  public static func expand(_ w: Widget, h: Bool? = nil, v: Bool? = nil) {
    if let h { gtk_widget_set_hexpand(w, h ? 1 : 0) }
    if let v { gtk_widget_set_vexpand(w, v ? 1 : 0) }
  }

  /// At least this wide (-1: as wide as it needs).
  public static func minWidth(_ w: Widget, _ pixels: Int32) { gtk_widget_set_size_request(w, pixels, -1) }
  /// Whether the widget is on screen now (mapped): only the page shown takes the focus.
  public static func isShown(_ w: Widget) -> Bool { gtk_widget_get_mapped(w) != 0 }
  public static func indent(_ w: Widget, _ pixels: Int32) { gtk_widget_set_margin_start(w, pixels) }
  /// The same margin on every side (a dialog's content).
  public static func margins(_ w: Widget, _ pixels: Int32) {
    gtk_widget_set_margin_start(w, pixels)
    gtk_widget_set_margin_end(w, pixels)
    gtk_widget_set_margin_top(w, pixels)
    gtk_widget_set_margin_bottom(w, pixels)
  }
  public static func focus(_ w: Widget) { _ = gtk_widget_grab_focus(w) }
  /// A tooltip, which is also the widget's accessible description. GTK 4 asks the X server
  /// where the pointer is (two round trips) for each tooltip set on a visible widget, even
  /// one in no window yet: for the sidebar of a large trust that was two seconds at launch.
  /// A widget not yet in a window is hidden while it gets its tooltip, which skips the ask.
  public static func tooltip(_ w: Widget, _ text: String) {
    let skip = gtk_widget_get_root(w) == nil && gtk_widget_get_visible(w) != 0
    if skip { gtk_widget_set_visible(w, 0) }
    gtk_widget_set_tooltip_text(w, text)
    if skip { gtk_widget_set_visible(w, 1) }
  }

  /// A label's lines centred under each other.
  public static func centre(_ label: Widget) {
    gtk_label_set_justify(cg_label(label), GTK_JUSTIFY_CENTER)
    gtk_label_set_xalign(cg_label(label), 0.5)
  }

  public static func wrap(_ label: Widget) { gtk_label_set_wrap(cg_label(label), 1) }
  public static func ellipsize(_ label: Widget) { gtk_label_set_ellipsize(cg_label(label), PANGO_ELLIPSIZE_END) }

  /// A column that scrolls up and down only (forms, lists).
  public static func vscrolled(_ child: Widget) -> Widget {
    let s = scrolled(child)
    gtk_scrolled_window_set_policy(cg_scrolled(s), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
    return s
  }

  public static func setChild(_ window: Widget, _ child: Widget) { gtk_window_set_child(cg_window(window), child) }
  public static func present(_ window: Widget) { gtk_window_present(cg_window(window)) }
  public static func close(_ window: Widget) { gtk_window_destroy(cg_window(window)) }
  public static func setTitle(_ window: Widget, _ text: String) { gtk_window_set_title(cg_window(window), text) }

  public static func setMenuLabel(_ menuButton: Widget, _ text: String) {
    gtk_menu_button_set_label(OpaquePointer(menuButton), text)
  }

  public static func setMenuIcon(_ menuButton: Widget, _ icon: String) {
    gtk_menu_button_set_icon_name(OpaquePointer(menuButton), icon)
  }

  /// Runs a window action such as "win.show-help-overlay".
  public static func activate(_ w: Widget, action: String) { _ = gtk_widget_activate_action_variant(w, action, nil) }

  public static func setPlaceholder(_ entry: Widget, _ text: String) {
    gtk_entry_set_placeholder_text(UnsafeMutableRawPointer(entry).assumingMemoryBound(to: GtkEntry.self), text)
  }

  /// A button drawn as plain text until pointed at (items of a list).
  public static func flat(_ button: Widget) { gtk_button_set_has_frame(cg_button(button), 0) }

  /// A list of rows with no selection (a boxed list of buttons).
  public static func list(name: String) -> Widget {
    let l = gtk_list_box_new()!
    gtk_list_box_set_selection_mode(cg_list_box(l), GTK_SELECTION_NONE)
    addClasses(l, ["boxed-list"])
    setAccessibleName(l, name)
    return l
  }

  public static func listAppend(_ list: Widget, _ row: Widget) { gtk_list_box_append(cg_list_box(list), row) }
}

/// Where the keyboard focus was in a window, to put it back after a view shown in place of
/// the one that had it. Holds the widget, so one rebuilt away meanwhile is not touched.
@MainActor
final class FocusMemory {
  private let widget: Widget?
  private let window: Widget

  init(in window: Widget) {
    self.window = window
    widget = gtk_root_get_focus(OpaquePointer(window))
    if let widget { g_object_ref(UnsafeMutableRawPointer(widget)) }
  }

  /// Focuses it again if it is still in the window.
  func restore() {
    guard let widget, gtk_widget_get_root(widget) == OpaquePointer(window) else { return }
    UI.focus(widget)
  }

  isolated deinit { if let widget { g_object_unref(UnsafeMutableRawPointer(widget)) } }
}
