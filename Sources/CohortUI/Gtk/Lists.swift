import CGtk

/// A list whose rows can be chosen one at a time (the sidebar's tree), with its row signals.
@MainActor
extension UI {
  public static func selectableList(name: String, classes: [String]) -> Widget {
    let l = gtk_list_box_new()!
    gtk_list_box_set_selection_mode(cg_list_box(l), GTK_SELECTION_SINGLE)
    addClasses(l, classes)
    setAccessibleName(l, name)
    return l
  }

  /// A row holding `child`, named for screen readers, appended to `list`.
  /// A row at the end of the list, or at position `at`.
  public static func addRow(_ list: Widget, _ child: Widget, name: String, at: Int? = nil) -> Widget {
    let row = gtk_list_box_row_new()!
    gtk_list_box_row_set_child(cg_list_box_row(row), child)
    setAccessibleName(row, name)
    if let at {
      gtk_list_box_insert(cg_list_box(list), row, Int32(at))
    } else {
      gtk_list_box_append(cg_list_box(list), row)
    }
    return row
  }

  /// Runs `body` with the row a person activated (click, Enter, Space).
  public static func onRowActivated(_ list: Widget, _ body: @escaping @MainActor (Widget) -> Void) {
    Signal.onPointer(list, "row-activated") { row in
      if let row { body(row.assumingMemoryBound(to: GtkWidget.self)) }
    }
  }

  public static func selectRow(_ list: Widget, _ row: Widget) {
    gtk_list_box_select_row(cg_list_box(list), cg_list_box_row(row))
  }

  /// A widget's fixed size (-1 leaves that side to its content).
  public static func size(_ w: Widget, width: Int32, height: Int32) { gtk_widget_set_size_request(w, width, height) }
}

@MainActor
extension UI {
  /// A row that scrolls sideways only (a wide grid whose rows scroll inside it).
  public static func hscrolled(_ child: Widget) -> Widget {
    let s = scrolled(child)
    gtk_scrolled_window_set_policy(cg_scrolled(s), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER)
    return s
  }

  /// A symbolic icon from the theme.
  public static func icon(_ name: String) -> Widget { gtk_image_new_from_icon_name(name)! }
}

@MainActor
extension UI {
  /// Removes a stack's page by its id, if it has one.
  public static func removePage(_ stack: Widget, _ id: String) {
    if let old = gtk_stack_get_child_by_name(cg_stack(stack), id) { gtk_stack_remove(cg_stack(stack), old) }
  }

  /// Cut in the middle when too long (a folder's path keeps its start and its name).
  public static func ellipsizeMiddle(_ label: Widget) {
    gtk_label_set_ellipsize(cg_label(label), PANGO_ELLIPSIZE_MIDDLE)
  }
}
