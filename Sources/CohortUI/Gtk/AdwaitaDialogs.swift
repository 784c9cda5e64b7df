import CGtk

final class ResponseHandler {
  let call: @MainActor (String) -> Void
  init(_ call: @escaping @MainActor (String) -> Void) { self.call = call }
}

/// libadwaita's toasts, message dialogs, About window and preferences windows.
@MainActor
extension Adw {
  public static func toastOverlay(_ child: Widget) -> Widget {
    let o = adw_toast_overlay_new()!
    adw_toast_overlay_set_child(cg_adw_toast_overlay(o), child)
    return o
  }

  /// A toast that says what just happened; with `undo`, a button that takes it back, shown
  /// for longer (a teacher who sees a whole column change needs time to reach Undo).
  public static func toast(
    _ overlay: Widget, _ text: String, seconds: UInt32 = 6, undo: (@MainActor () -> Void)? = nil
  ) {
    let t = adw_toast_new(UI.escape(text))!
    adw_toast_set_timeout(t, undo == nil ? seconds : max(seconds, 12))
    if let undo {
      adw_toast_set_button_label(t, "Undo")
      Signal.on(UnsafeMutableRawPointer(t), "button-clicked", undo)
    }
    // The overlay takes the toast's reference.
    adw_toast_overlay_add_toast(cg_adw_toast_overlay(overlay), t)
  }

  /// Asks before something that cannot be taken back: `heading`, `body` saying what it
  /// changes, Cancel and a `confirm` button (red when destructive). Escape cancels.
  public static func confirm(
    parent: Widget, heading: String, body: String, confirm: String, destructive: Bool,
    _ confirmed: @escaping @MainActor () -> Void
  ) {
    let root = gtk_widget_get_root(parent).flatMap { cg_window(UnsafeMutableRawPointer($0)) }
    let d = adw_message_dialog_new(root, heading, body)!
    let dialog = cg_adw_message_dialog(d)
    adw_message_dialog_add_response(dialog, "cancel", "Cancel")
    adw_message_dialog_add_response(dialog, "confirm", confirm)
    adw_message_dialog_set_response_appearance(
      dialog, "confirm", destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED)
    adw_message_dialog_set_default_response(dialog, "cancel")
    adw_message_dialog_set_close_response(dialog, "cancel")
    UI.setAccessibleName(d, heading)
    let trampoline: @MainActor @convention(c) (gpointer?, UnsafePointer<CChar>?, gpointer?) -> Void = {
      _, response, data in
      Unmanaged<ResponseHandler>.fromOpaque(data!).takeUnretainedValue().call(
        response.map { String(cString: $0) } ?? "")
    }
    let box = Unmanaged.passRetained(ResponseHandler { if $0 == "confirm" { confirmed() } }).toOpaque()
    g_signal_connect_data(
      d, "response", unsafeBitCast(trampoline, to: GCallback.self), box,
      { data, _ in if let data { Unmanaged<AnyObject>.fromOpaque(data).release() } }, GConnectFlags(rawValue: 0))
    gtk_window_present(cg_window(d))
  }

  public struct About {
    public var name: String
    public var icon: String
    public var version: String
    public var developer: String
    public var comments: String
    public var website: String?
    public init(name: String, icon: String, version: String, developer: String, comments: String, website: String?) {
      (self.name, self.icon, self.version, self.developer, self.comments, self.website) =
        (name, icon, version, developer, comments, website)
    }
  }

  public static func about(parent: Widget, _ a: About) -> Widget {
    let w = adw_about_window_new()!
    let about = cg_adw_about_window(w)
    adw_about_window_set_application_name(about, a.name)
    adw_about_window_set_application_icon(about, a.icon)
    adw_about_window_set_version(about, a.version)
    adw_about_window_set_developer_name(about, a.developer)
    adw_about_window_set_comments(about, a.comments)
    if let site = a.website { adw_about_window_set_website(about, site) }
    adw_about_window_set_license_type(about, GTK_LICENSE_MIT_X11)
    if let root = gtk_widget_get_root(parent) {
      gtk_window_set_transient_for(cg_window(w), cg_window(UnsafeMutableRawPointer(root)))
    }
    UI.closesOnEscape(w)
    gtk_window_present(cg_window(w))
    return w
  }

  // MARK: preferences

  /// A preferences window (its pages switch in its header; it searches none: the parts are forms).
  public static func preferencesWindow(title: String, parent: Widget?, width: Int32, height: Int32) -> Widget {
    let w = adw_preferences_window_new()!
    gtk_window_set_title(cg_window(w), title)
    adw_preferences_window_set_search_enabled(cg_adw_prefs_window(w), 0)
    if let parent, let root = gtk_widget_get_root(parent) {
      gtk_window_set_transient_for(cg_window(w), cg_window(UnsafeMutableRawPointer(root)))
    }
    UI.fitDefaultSize(w, width, height)
    UI.closesOnEscape(w)
    return w
  }

  /// A preferences page holding one group with `content` in it (for a view stack).
  public static func preferencesPage(
    id: String, title: String, icon: String, content: [Widget], description: String? = nil
  ) -> Widget {
    let group = adw_preferences_group_new()!
    if let description { adw_preferences_group_set_description(cg_adw_prefs_group(group), description) }
    for c in content { adw_preferences_group_add(cg_adw_prefs_group(group), c) }
    return preferencesPage(id: id, title: title, icon: icon, groups: [group])
  }

  /// A preferences page holding the given groups.
  public static func preferencesPage(id: String, title: String, icon: String, groups: [Widget]) -> Widget {
    let page = adw_preferences_page_new()!
    let p = cg_adw_prefs_page(page)
    adw_preferences_page_set_title(p, title)
    adw_preferences_page_set_icon_name(p, icon)
    adw_preferences_page_set_name(p, id)
    for g in groups { adw_preferences_page_add(p, cg_adw_prefs_group(g)) }
    return page
  }

  /// A page of a preferences window holding the given groups.
  @discardableResult
  public static func addPreferencesPage(_ window: Widget, id: String, title: String, icon: String, groups: [Widget])
    -> Widget
  {
    let page = preferencesPage(id: id, title: title, icon: icon, groups: groups)
    adw_preferences_window_add(cg_adw_prefs_window(window), cg_adw_prefs_page(page))
    return page
  }

  public static func preferencesToast(_ window: Widget, _ text: String) {
    adw_preferences_window_add_toast(cg_adw_prefs_window(window), adw_toast_new(UI.escape(text)))
  }

  /// A row with a title, a subtitle and a control at its end (a switch, a button). The row and
  /// its control are named by the title (libadwaita labels them by it): `name` only where more is needed.
  public static func actionRow(title: String, subtitle: String, suffix: Widget?, name: String? = nil) -> Widget {
    let row = adw_action_row_new()!
    adw_preferences_row_set_title(cg_adw_prefs_row(row), UI.escape(title))
    adw_action_row_set_subtitle(cg_adw_action_row(row), UI.escape(subtitle))
    if let suffix {
      adw_action_row_add_suffix(cg_adw_action_row(row), suffix)
      adw_action_row_set_activatable_widget(cg_adw_action_row(row), suffix)
    }
    if let name { UI.setAccessibleName(row, name) }
    return row
  }

  public static func group(title: String, description: String?, rows: [Widget]) -> Widget {
    let g = adw_preferences_group_new()!
    adw_preferences_group_set_title(cg_adw_prefs_group(g), UI.escape(title))
    if let description { adw_preferences_group_set_description(cg_adw_prefs_group(g), UI.escape(description)) }
    for r in rows { adw_preferences_group_add(cg_adw_prefs_group(g), r) }
    return g
  }
}
