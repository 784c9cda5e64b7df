import CGtk

/// Text entries and check buttons, with the signals Cohort uses.
@MainActor
extension UI {
  /// A one-line entry: Enter calls `activate`, leaving it calls `left` (to save as you go).
  public static func entry(
    _ text: String = "", name: String, placeholder: String? = nil, width: Int32 = 0,
    activate: (@MainActor () -> Void)? = nil, left: (@MainActor () -> Void)? = nil
  ) -> Widget {
    let w = gtk_entry_new()!
    gtk_editable_set_text(OpaquePointer(w), text)
    if width > 0 { gtk_editable_set_width_chars(OpaquePointer(w), width) }
    if let placeholder {
      gtk_entry_set_placeholder_text(UnsafeMutableRawPointer(w).assumingMemoryBound(to: GtkEntry.self), placeholder)
    }
    setAccessibleName(w, name)
    if let activate { Signal.on(w, "activate", activate) }
    if let left { onLeave(w, left) }
    return w
  }

  /// Runs `body` when the keyboard focus leaves the widget.
  public static func onLeave(_ w: Widget, _ body: @escaping @MainActor () -> Void) { onFocus(w, "leave", body) }

  /// Runs `body` when the keyboard focus comes into the widget or a child of it from outside.
  public static func onEnter(_ w: Widget, _ body: @escaping @MainActor () -> Void) { onFocus(w, "enter", body) }

  private static func onFocus(_ w: Widget, _ signal: String, _ body: @escaping @MainActor () -> Void) {
    let focus = gtk_event_controller_focus_new()!
    Signal.on(UnsafeMutableRawPointer(focus), signal, body)
    gtk_widget_add_controller(w, focus)
  }

  /// Saves a field as people expect: on Enter, and when they move on without pressing it.
  public static func onCommit(_ entry: Widget, _ body: @escaping @MainActor () -> Void) {
    Signal.on(entry, "activate", body)
    onLeave(entry, body)
  }

  public static func text(of entry: Widget) -> String { String(cString: gtk_editable_get_text(OpaquePointer(entry))) }
  public static func setEntryText(_ entry: Widget, _ text: String) { gtk_editable_set_text(OpaquePointer(entry), text) }

  public static func check(_ label: String, name: String? = nil) -> Widget {
    let w = gtk_check_button_new_with_label(label)!
    setAccessibleName(w, name ?? label)
    return w
  }

  public static func isChecked(_ check: Widget) -> Bool {
    gtk_check_button_get_active(UnsafeMutableRawPointer(check).assumingMemoryBound(to: GtkCheckButton.self)) != 0
  }

  /// A label that wraps at the width it is given.
  public static func wrapped(_ text: String, classes: [String] = []) -> Widget {
    let l = label(text, classes: classes)
    gtk_label_set_wrap(cg_label(l), 1)
    gtk_label_set_wrap_mode(cg_label(l), PANGO_WRAP_WORD_CHAR)
    return l
  }
}
