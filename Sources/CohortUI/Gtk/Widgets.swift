import CGtk

/// A GTK widget pointer. Widgets are owned by their parents (GTK sinks the floating reference
/// when one is added), windows by GTK itself; Swift holds plain pointers to them.
public typealias Widget = UnsafeMutablePointer<GtkWidget>

/// Small constructors for the widgets Cohort uses, so views read as layout, not C calls.
@MainActor
public enum UI {
  public static func label(_ text: String, classes: [String] = [], xalign: Float = 0) -> Widget {
    let w = gtk_label_new(text)!
    gtk_label_set_xalign(cg_label(w), xalign)
    addClasses(w, classes)
    return w
  }

  public static func setText(_ label: Widget, _ text: String) { gtk_label_set_text(cg_label(label), text) }

  public static func markup(_ label: Widget, _ markup: String) { gtk_label_set_markup(cg_label(label), markup) }

  public static func box(_ vertical: Bool, spacing: Int32 = 0, classes: [String] = []) -> Widget {
    let w = gtk_box_new(vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, spacing)!
    addClasses(w, classes)
    return w
  }

  public static func append(_ box: Widget, _ children: Widget...) {
    for c in children { gtk_box_append(cg_box(box), c) }
  }

  /// A button with a visible label and an accessible name (which may say more).
  public static func button(
    _ text: String, name: String? = nil, tooltip: String? = nil, _ action: @escaping @MainActor () -> Void
  )
    -> Widget
  {
    let w = gtk_button_new_with_label(text)!
    setAccessibleName(w, name ?? text)
    if let tooltip { UI.tooltip(w, tooltip) }
    Signal.on(w, "clicked", action)
    return w
  }

  /// A flat button showing an icon, named for screen readers, with its tooltip.
  public static func iconButton(
    _ icon: String, name: String, tooltip: String, _ action: @escaping @MainActor () -> Void
  ) -> Widget {
    let w = gtk_button_new_from_icon_name(icon)!
    setAccessibleName(w, name)
    UI.tooltip(w, tooltip)
    Signal.on(w, "clicked", action)
    return w
  }

  public static func scrolled(_ child: Widget) -> Widget {
    let s = gtk_scrolled_window_new()!
    gtk_scrolled_window_set_child(cg_scrolled(s), child)
    gtk_widget_set_vexpand(s, 1)
    gtk_widget_set_hexpand(s, 1)
    return s
  }

  /// A strip that is as tall as its content up to `maxHeight`, then scrolls (a trust's
  /// ninety schools as buttons must not push the charts off the screen).
  public static func scrolled(_ child: Widget, maxHeight: Int32) -> Widget {
    let s = gtk_scrolled_window_new()!
    gtk_scrolled_window_set_child(cg_scrolled(s), child)
    gtk_scrolled_window_set_policy(cg_scrolled(s), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
    gtk_scrolled_window_set_propagate_natural_height(cg_scrolled(s), 1)
    gtk_scrolled_window_set_max_content_height(cg_scrolled(s), maxHeight)
    gtk_widget_set_hexpand(s, 1)
    return s
  }

  /// A wide table that scrolls sideways in the width it is given, as tall as its content (a
  /// table wider than the page made the whole tab wider, pushing its chart off the side).
  public static func scrolledSideways(_ child: Widget) -> Widget {
    let s = gtk_scrolled_window_new()!
    gtk_scrolled_window_set_child(cg_scrolled(s), child)
    gtk_scrolled_window_set_policy(cg_scrolled(s), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER)
    gtk_scrolled_window_set_propagate_natural_height(cg_scrolled(s), 1)
    gtk_widget_set_hexpand(s, 1)
    return s
  }

  /// A drop-down of strings.
  public static func dropDown(
    _ items: [String], name: String, selected: Int, _ changed: @escaping @MainActor (Int) -> Void
  )
    -> Widget
  {
    let list = gtk_string_list_new(nil)!
    for item in items { gtk_string_list_append(list, item) }
    let w = gtk_drop_down_new(list, nil)!
    gtk_drop_down_set_selected(cg_drop_down(w), guint(max(0, selected)))
    setAccessibleName(w, name)
    UI.tooltip(w, name)
    Signal.onPointer(w, "notify::selected") { _ in changed(Int(gtk_drop_down_get_selected(cg_drop_down(w)))) }
    return w
  }

  public static func setAccessibleName(_ w: Widget, _ name: String) { cg_accessible_set_label(w, name) }
  public static func setAccessibleDescription(_ w: Widget, _ text: String) { cg_accessible_set_description(w, text) }

  public static func addClasses(_ w: Widget, _ classes: [String]) {
    for c in classes { gtk_widget_add_css_class(w, c) }
  }

  public static func setClass(_ w: Widget, _ name: String, _ on: Bool) {
    if on { gtk_widget_add_css_class(w, name) } else { gtk_widget_remove_css_class(w, name) }
  }

  /// Empties a box, grid, list box or flow box. The children are destroyed in later turns
  /// (`Reaper`).
  public static func removeAllChildren(_ container: Widget) {
    while removeFirstChild(container) {}
  }

  /// Takes the first child out of a box, grid, list box or flow box (each has its own remove;
  /// the wrong one removes nothing and would loop forever), for the `Reaper`; false if empty.
  @discardableResult
  static func removeFirstChild(_ container: Widget) -> Bool {
    guard let child = gtk_widget_get_first_child(container) else { return false }
    g_object_ref(UnsafeMutableRawPointer(child))
    defer { Reaper.keep(child) }
    if cg_is_list_box(container) != 0 {
      gtk_list_box_remove(cg_list_box(container), child)
    } else if cg_is_flow_box(container) != 0 {
      gtk_flow_box_remove(OpaquePointer(container), child)
    } else if isA(container, gtk_grid_get_type()) {
      gtk_grid_remove(cg_grid(container), child)
    } else {
      gtk_box_remove(cg_box(container), child)
    }
    return true
  }

  /// Whether a widget is of a GObject type or one derived from it.
  public static func isA(_ w: Widget, _ type: GType) -> Bool {
    g_type_check_instance_is_a(UnsafeMutableRawPointer(w).assumingMemoryBound(to: GTypeInstance.self), type) != 0
  }

  /// Escapes text for Pango markup.
  /// Thread-safe (GLib), so background work may prepare markup.
  nonisolated public static func escape(_ text: String) -> String {
    let escaped = g_markup_escape_text(text, -1)!
    defer { g_free(escaped) }
    return String(cString: escaped)
  }
}
