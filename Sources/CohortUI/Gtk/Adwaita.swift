import CGtk

/// libadwaita (1.2, Debian 12's) for the window's GNOME parts: the application, its window,
/// header bar, view switcher, collapsing sidebar and status pages. Nothing newer than 1.2.
@MainActor
public enum Adw {
  /// An AdwApplication (it calls adw_init and loads libadwaita's styles).
  public static func application(_ id: String) -> UnsafeMutablePointer<GtkApplication> {
    let app = adw_application_new(id, G_APPLICATION_NON_UNIQUE)!
    return UnsafeMutableRawPointer(app).assumingMemoryBound(to: GtkApplication.self)
  }

  public static func applicationWindow(_ app: UnsafeMutablePointer<GtkApplication>) -> Widget {
    adw_application_window_new(app)!
  }

  /// An AdwApplicationWindow has content, not a child and a titlebar.
  public static func setContent(_ window: Widget, _ child: Widget) {
    adw_application_window_set_content(cg_adw_app_window(window), child)
  }

  public static func headerBar(start: [Widget], title: Widget?, end: [Widget]) -> Widget {
    let h = adw_header_bar_new()!
    for w in start { adw_header_bar_pack_start(cg_adw_header_bar(h), w) }
    // pack_end packs from the right: the first given ends up rightmost.
    for w in end { adw_header_bar_pack_end(cg_adw_header_bar(h), w) }
    if let title { adw_header_bar_set_title_widget(cg_adw_header_bar(h), title) }
    return h
  }

  // MARK: pages

  public static func viewStack() -> Widget { adw_view_stack_new()! }

  public static func addView(_ stack: Widget, _ child: Widget, id: String, title: String, icon: String) {
    let page = adw_view_stack_add_titled(cg_adw_view_stack(stack), child, id, title)
    adw_view_stack_page_set_icon_name(page, icon)
  }

  public static func visibleView(_ stack: Widget) -> Widget? {
    adw_view_stack_get_visible_child(cg_adw_view_stack(stack))
  }

  /// The id of the page a view stack shows.
  public static func visibleViewID(_ stack: Widget) -> String? {
    adw_view_stack_get_visible_child_name(cg_adw_view_stack(stack)).map { String(cString: $0) }
  }

  public static func showView(_ stack: Widget, _ id: String) {
    adw_view_stack_set_visible_child_name(cg_adw_view_stack(stack), id)
  }

  public static func viewIDs(_ stack: Widget) -> [String] {
    guard let pages = adw_view_stack_get_pages(cg_adw_view_stack(stack)) else { return [] }
    defer { g_object_unref(UnsafeMutableRawPointer(pages)) }
    return (0..<g_list_model_get_n_items(pages)).compactMap { i in
      guard let page = g_list_model_get_item(pages, i) else { return nil }
      defer { g_object_unref(page) }
      return adw_view_stack_page_get_name(OpaquePointer(page)).map { String(cString: $0) }
    }
  }

  /// The page switcher for the header (icons over labels, which fit a 1024-pixel header) and
  /// the bar for the bottom of a narrow window. One of each, so that screen readers (and tests)
  /// meet each page's tab once where it is shown.
  public static func switchers(_ stack: Widget) -> (header: Widget, bar: Widget) {
    let s = adw_view_switcher_new()!
    adw_view_switcher_set_stack(OpaquePointer(s), cg_adw_view_stack(stack))
    adw_view_switcher_set_policy(OpaquePointer(s), ADW_VIEW_SWITCHER_POLICY_NARROW)
    UI.setAccessibleName(s, "Pages")
    let bar = adw_view_switcher_bar_new()!
    adw_view_switcher_bar_set_stack(cg_adw_switcher_bar(bar), cg_adw_view_stack(stack))
    UI.setAccessibleName(bar, "Pages")
    return (s, bar)
  }

  /// Shows the pages in the bar at the bottom instead of the header.
  public static func revealBar(_ bar: Widget, _ on: Bool) {
    adw_view_switcher_bar_set_reveal(cg_adw_switcher_bar(bar), on ? 1 : 0)
  }

  /// Below 860 pixels the page switcher leaves the header for the bar at the bottom.
  public static func fitSwitchers(header: Widget, bar: Widget, width: Int32) {
    UI.setVisible(header, width >= 860)
    revealBar(bar, width < 860)
  }

  // MARK: the sidebar

  /// A sidebar beside `content` that folds over it (hidden until asked for) below `foldAt`
  /// pixels; `toggle` shows and hides it and follows it.
  public static func flap(sidebar: Widget, content: Widget, toggle: Widget) -> Widget {
    let f = adw_flap_new()!
    adw_flap_set_flap(cg_adw_flap(f), sidebar)
    adw_flap_set_content(cg_adw_flap(f), content)
    adw_flap_set_separator(cg_adw_flap(f), gtk_separator_new(GTK_ORIENTATION_VERTICAL))
    adw_flap_set_swipe_to_open(cg_adw_flap(f), 1)
    adw_flap_set_swipe_to_close(cg_adw_flap(f), 1)
    g_object_bind_property(
      cg_object(f), "reveal-flap", cg_object(toggle), "active",
      GBindingFlags(rawValue: G_BINDING_SYNC_CREATE.rawValue | G_BINDING_BIDIRECTIONAL.rawValue))
    return f
  }

  /// Calls `body` with the window's width now and whenever it changes (its own width, or
  /// the screen's when maximised): layouts that follow the window, not their content's sizes.
  public static func onWidth(_ window: Widget, _ body: @escaping @MainActor (Int32) -> Void) {
    let update: @MainActor () -> Void = {
      let w = cg_window(window)
      var (width, height): (Int32, Int32) = (0, 0)
      gtk_window_get_default_size(w, &width, &height)
      if gtk_window_is_maximized(w) != 0 || gtk_window_is_fullscreen(w) != 0 || width <= 0 { width = UI.screen.width }
      body(width)
    }
    for property in ["default-width", "maximized", "fullscreened"] {
      Signal.onPointer(window, "notify::\(property)") { _ in update() }
    }
    update()
  }

  /// Folds the sidebar over the content (shown on request) or keeps it beside it.
  public static func fold(_ flap: Widget, _ on: Bool) {
    adw_flap_set_fold_policy(cg_adw_flap(flap), on ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER)
  }

  public static func isFolded(_ flap: Widget) -> Bool { adw_flap_get_folded(cg_adw_flap(flap)) != 0 }
  public static func isRevealed(_ flap: Widget) -> Bool { adw_flap_get_reveal_flap(cg_adw_flap(flap)) != 0 }
  public static func reveal(_ flap: Widget, _ on: Bool) { adw_flap_set_reveal_flap(cg_adw_flap(flap), on ? 1 : 0) }

  /// Runs `body` when the flap folds or unfolds.
  public static func onFold(_ flap: Widget, _ body: @escaping @MainActor (Bool) -> Void) {
    Signal.onPointer(flap, "notify::folded") { _ in body(isFolded(flap)) }
  }

  /// A toggle button with an icon (the sidebar's, in the header).
  public static func toggle(icon: String, name: String, tooltip: String) -> Widget {
    let b = gtk_toggle_button_new()!
    gtk_button_set_icon_name(cg_button(b), icon)
    UI.setAccessibleName(b, name)
    UI.tooltip(b, tooltip)
    return b
  }

  // MARK: status pages

  /// A page that says what is empty or wrong and what to do, with buttons under it.
  public static func statusPage(icon: String?, title: String, description: String, buttons: [Widget] = []) -> Widget {
    let page = adw_status_page_new()!
    let p = cg_adw_status_page(page)
    adw_status_page_set_title(p, title)
    adw_status_page_set_description(p, UI.escape(description))
    if let icon { adw_status_page_set_icon_name(p, icon) }
    UI.setAccessibleName(page, title)
    UI.setAccessibleDescription(page, description)
    if !buttons.isEmpty {
      let row = UI.box(false, spacing: 12)
      UI.align(row, h: .center)
      for b in buttons { UI.append(row, b) }
      adw_status_page_set_child(p, row)
    }
    return page
  }

  /// Dark or light for every window, whatever the desktop says (screenshots of both).
  public static func forceColourScheme(dark: Bool) {
    adw_style_manager_set_color_scheme(
      adw_style_manager_get_default(), dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT)
  }
}
