import CGtk

/// Windows, radio buttons, menus and the other controls of the set-up screens.
@MainActor
extension UI {
  /// A window over `parent` (or on its own), sized to fit the screen it opens on.
  public static func window(title: String, parent: Widget?, width: Int32, height: Int32, modal: Bool = false)
    -> Widget
  {
    let w = gtk_window_new()!
    gtk_window_set_title(cg_window(w), title)
    if let parent, let root = gtk_widget_get_root(parent) {
      gtk_window_set_transient_for(cg_window(w), cg_window(UnsafeMutableRawPointer(root)))
    }
    gtk_window_set_modal(cg_window(w), modal ? 1 : 0)
    fitDefaultSize(w, width, height)
    return w
  }

  /// The size asked for, or the screen's less a margin when that is smaller (a 1024x600
  /// netbook must still show the buttons at the bottom).
  public static func fitDefaultSize(_ window: Widget, _ width: Int32, _ height: Int32) {
    let area = screen
    let w = area.width > 0 ? min(width, area.width - 16) : width
    // Room for a desktop's top bar and the window's own title bar.
    let h = area.height > 0 ? min(height, area.height - 72) : height
    gtk_window_set_default_size(cg_window(window), w, h)
  }

  public static func setVisible(_ w: Widget, _ on: Bool) { gtk_widget_set_visible(w, on ? 1 : 0) }
  public static func setSensitive(_ w: Widget, _ on: Bool) { gtk_widget_set_sensitive(w, on ? 1 : 0) }

  /// A check button in `group` (radio buttons: one of them is on).
  public static func radio(_ label: String, name: String? = nil, group: Widget?) -> Widget {
    let w = check(label, name: name)
    if let group { gtk_check_button_set_group(checkButton(w), checkButton(group)) }
    return w
  }

  public static func setChecked(_ check: Widget, _ on: Bool) {
    gtk_check_button_set_active(checkButton(check), on ? 1 : 0)
  }

  /// Runs `body` when a check button is ticked or unticked by the person (or by code).
  public static func onToggled(_ check: Widget, _ body: @escaping @MainActor (Bool) -> Void) {
    Signal.on(check, "toggled") { body(isChecked(check)) }
  }

  static func checkButton(_ w: Widget) -> UnsafeMutablePointer<GtkCheckButton> {
    UnsafeMutableRawPointer(w).assumingMemoryBound(to: GtkCheckButton.self)
  }

  /// A label whose text is markup (colour chips, bold names).
  public static func markupLabel(_ markup: String, classes: [String] = []) -> Widget {
    let w = label("", classes: classes)
    gtk_label_set_markup(cg_label(w), markup)
    return w
  }

  public static func selected(_ dropDown: Widget) -> Int { Int(gtk_drop_down_get_selected(cg_drop_down(dropDown))) }

  public static func select(_ dropDown: Widget, _ index: Int) {
    gtk_drop_down_set_selected(cg_drop_down(dropDown), guint(max(0, index)))
  }

  /// A grid of rows and columns (forms, tables of schools).
  public static func grid(rowSpacing: UInt32 = 6, columnSpacing: UInt32 = 8) -> Widget {
    let g = gtk_grid_new()!
    gtk_grid_set_row_spacing(cg_grid(g), rowSpacing)
    gtk_grid_set_column_spacing(cg_grid(g), columnSpacing)
    return g
  }

  public static func attach(_ grid: Widget, _ child: Widget, column: Int32, row: Int32, width: Int32 = 1) {
    gtk_grid_attach(cg_grid(grid), child, column, row, width, 1)
  }

  /// A row of controls that wraps onto a second line when the window is narrow.
  public static func flow(classes: [String] = []) -> Widget {
    let f = gtk_flow_box_new()!
    gtk_flow_box_set_selection_mode(OpaquePointer(f), GTK_SELECTION_NONE)
    gtk_flow_box_set_homogeneous(OpaquePointer(f), 0)
    gtk_flow_box_set_max_children_per_line(OpaquePointer(f), 20)
    gtk_flow_box_set_column_spacing(OpaquePointer(f), 6)
    gtk_flow_box_set_row_spacing(OpaquePointer(f), 4)
    addClasses(f, classes)
    return f
  }

  public static func flowAppend(_ flow: Widget, _ children: Widget...) {
    for c in children { gtk_flow_box_insert(OpaquePointer(flow), c, -1) }
  }

  /// The size of the screen the app opens on (zero when unknown).
  public static var screen: GdkRectangle {
    var area = GdkRectangle()
    guard let display = gdk_display_get_default(), let monitors = gdk_display_get_monitors(display),
      let first = g_list_model_get_item(monitors, 0)
    else { return area }
    gdk_monitor_get_geometry(OpaquePointer(first), &area)
    g_object_unref(first)
    return area
  }

  /// An entry of `chars` characters that does not stretch.
  public static func field(_ text: String, name: String, chars: Int32, placeholder: String? = nil) -> Widget {
    let e = entry(text, name: name, placeholder: placeholder, width: chars)
    gtk_widget_set_hexpand(e, 0)
    return e
  }
}

/// One choice of a menu button's list.
public struct MenuItem {
  public var text: String
  public var name: String
  public var action: @MainActor () -> Void
  public init(_ text: String, name: String? = nil, _ action: @escaping @MainActor () -> Void) {
    self.text = text
    self.name = name ?? text
    self.action = action
  }
}

final class MenuItemsHandler {
  let items: @MainActor () -> [MenuItem]
  init(_ items: @escaping @MainActor () -> [MenuItem]) { self.items = items }
}

@MainActor
extension UI {
  /// A button that opens a list of choices, made when it opens (a list of 200 pupils, each
  /// with a menu of classes, would otherwise be thousands of widgets).
  public static func menuButton(
    _ label: String, name: String, tooltip: String? = nil, items: @escaping @MainActor () -> [MenuItem]
  ) -> Widget {
    let button = gtk_menu_button_new()!
    gtk_menu_button_set_label(OpaquePointer(button), label)
    setAccessibleName(button, name)
    if let tooltip { UI.tooltip(button, tooltip) }
    let build: @MainActor @convention(c) (OpaquePointer?, gpointer?) -> Void = { menu, data in
      let made = Unmanaged<MenuItemsHandler>.fromOpaque(data!).takeUnretainedValue().items()
      let popover = gtk_popover_new()!
      let typed = UnsafeMutableRawPointer(popover).assumingMemoryBound(to: GtkPopover.self)
      let list = UI.box(true, spacing: 2)
      for item in made {
        let action = item.action
        let b = UI.button(item.text, name: item.name) {
          gtk_popover_popdown(typed)
          action()
        }
        gtk_button_set_has_frame(cg_button(b), 0)
        gtk_widget_set_halign(gtk_button_get_child(cg_button(b)), GTK_ALIGN_START)
        UI.append(list, b)
      }
      gtk_popover_set_child(typed, UI.scrolled(list, maxHeight: 360))
      gtk_menu_button_set_popover(menu, popover)
    }
    let data = Unmanaged.passRetained(MenuItemsHandler(items)).toOpaque()
    gtk_menu_button_set_create_popup_func(
      OpaquePointer(button), unsafeBitCast(build, to: GtkMenuButtonCreatePopupFunc.self), data,
      { data in if let data { Unmanaged<AnyObject>.fromOpaque(data).release() } })
    return button
  }

  /// A stack of named pages with a row of tabs to switch between them.
  public static func stack() -> Widget {
    let s = gtk_stack_new()!
    gtk_stack_set_transition_type(cg_stack(s), GTK_STACK_TRANSITION_TYPE_NONE)
    return s
  }

  public static func addPage(_ stack: Widget, _ child: Widget, id: String, title: String) {
    _ = gtk_stack_add_titled(cg_stack(stack), child, id, title)
  }

  public static func showPage(_ stack: Widget, _ id: String) { gtk_stack_set_visible_child_name(cg_stack(stack), id) }

  public static func tabs(for stack: Widget, name: String) -> Widget {
    let s = gtk_stack_switcher_new()!
    gtk_stack_switcher_set_stack(cg_stack_switcher(s), cg_stack(stack))
    setAccessibleName(s, name)
    return s
  }
}
