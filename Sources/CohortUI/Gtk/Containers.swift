import CGtk

/// Containers the meeting and analysis pages use: panes, expanders, flow boxes, frames.
@MainActor
extension UI {
  /// Two panes side by side, the divider at `position` pixels.
  public static func paned(_ start: Widget, _ end: Widget, position: Int32) -> Widget {
    let p = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
    gtk_paned_set_start_child(cg_paned(p), start)
    gtk_paned_set_end_child(cg_paned(p), end)
    gtk_paned_set_position(cg_paned(p), position)
    gtk_widget_set_vexpand(p, 1)
    return p
  }

  /// A title that shows or hides `child` when clicked.
  public static func expander(_ title: String, _ child: Widget, expanded: Bool = false) -> Widget {
    let e = gtk_expander_new(title)!
    gtk_expander_set_child(OpaquePointer(e), child)
    gtk_expander_set_expanded(OpaquePointer(e), expanded ? 1 : 0)
    return e
  }

  /// A flow box of at most `perLine` children a line.
  public static func flow(perLine: UInt32, classes: [String] = []) -> Widget {
    let f = flow(classes: classes)
    gtk_flow_box_set_max_children_per_line(OpaquePointer(f), perLine)
    return f
  }

  /// Text a person can select and copy (names in a list to chase).
  public static func selectable(_ label: Widget) { gtk_label_set_selectable(cg_label(label), 1) }

  public static var width: (Widget) -> Int32 { { gtk_widget_get_width($0) } }
  public static var height: (Widget) -> Int32 { { gtk_widget_get_height($0) } }

  /// The visible child of the nearest stack above `w` that holds a child named `id`, made `id`
  /// (a page asking the window to show another page; the window's own switcher follows).
  @discardableResult
  public static func showAncestorPage(from w: Widget, _ id: String) -> Bool {
    var node = gtk_widget_get_parent(w)
    while let n = node {
      if isA(n, gtk_stack_get_type()), gtk_stack_get_child_by_name(cg_stack(n), id) != nil {
        gtk_stack_set_visible_child_name(cg_stack(n), id)
        return true
      }
      node = gtk_widget_get_parent(n)
    }
    return false
  }

  /// The name of a stack's visible child.
  public static func visiblePage(_ stack: Widget) -> String? {
    gtk_stack_get_visible_child_name(cg_stack(stack)).map { String(cString: $0) }
  }

  /// Runs `body` whenever the stack shows another child.
  public static func onPageChanged(_ stack: Widget, _ body: @escaping @MainActor (String) -> Void) {
    Signal.onPointer(stack, "notify::visible-child") { _ in body(visiblePage(stack) ?? "") }
  }
}

@MainActor
extension UI {
  /// The height of the window a widget is in (0 before it is in one).
  public static func rootHeight(_ w: Widget) -> Int32 {
    guard let root = gtk_widget_get_root(w) else { return 0 }
    return gtk_widget_get_height(UnsafeMutableRawPointer(root).assumingMemoryBound(to: GtkWidget.self))
  }
}

@MainActor
extension UI {
  public static func setExpanderTitle(_ expander: Widget, _ title: String) {
    gtk_expander_set_label(OpaquePointer(expander), title)
  }
}

@MainActor
extension UI {
  public static func setButtonText(_ button: Widget, _ text: String) { gtk_button_set_label(cg_button(button), text) }
}
