import CGtk

/// CSS for the whole display, and the icon search path for runs from a build tree.
@MainActor
public final class StyleSheet {
  private let provider: UnsafeMutablePointer<GtkCssProvider>

  /// A style sheet for every window; `above` raises it over the earlier ones.
  public init?(above: UInt32 = 0) {
    guard let display = gdk_display_get_default() else { return nil }
    provider = gtk_css_provider_new()!
    gtk_style_context_add_provider_for_display(
      display, cg_style_provider(provider), guint(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION) + above)
  }

  public func load(file: String) { gtk_css_provider_load_from_path(provider, file) }
  public func load(css: String) { gtk_css_provider_load_from_data(provider, css, -1) }

  /// Icons in `folder` (a build tree's), and the windows' icon.
  public static func addIcons(_ folder: String, windowIcon: String) {
    guard let display = gdk_display_get_default() else { return }
    gtk_icon_theme_add_search_path(gtk_icon_theme_get_for_display(display), folder)
    gtk_window_set_default_icon_name(windowIcon)
  }
}
