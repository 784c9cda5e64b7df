import CGtk

/// On/off switches (GNOME's for settings that apply at once).
@MainActor
extension UI {
  public static func switchControl(on: Bool, name: String?) -> Widget {
    let s = gtk_switch_new()!
    gtk_switch_set_active(OpaquePointer(s), on ? 1 : 0)
    gtk_widget_set_valign(s, GTK_ALIGN_CENTER)
    if let name { setAccessibleName(s, name) }
    return s
  }

  public static func isOn(_ s: Widget) -> Bool { gtk_switch_get_active(OpaquePointer(s)) != 0 }
  public static func setSwitch(_ s: Widget, _ on: Bool) { gtk_switch_set_active(OpaquePointer(s), on ? 1 : 0) }

  /// Runs `body` with the new state whenever the switch is flipped (by the person or by code).
  public static func onSwitch(_ s: Widget, _ body: @escaping @MainActor (Bool) -> Void) {
    Signal.onPointer(s, "notify::active") { _ in body(isOn(s)) }
  }
}
