import CGtk
import CohortCore
import CohortPluginKit

/// The app's CSS: resources/style.css, plus one rule per code of the scheme in use so that
/// each code shows in its colour with readable text in light and dark styles.
@MainActor
enum Style {
  static func cssName(_ codeID: String) -> String {
    String(codeID.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  static func schemeCSS(_ scheme: CodeScheme) -> String {
    scheme.codes.map { code in
      let rgb = RGB(hex: code.colour)
      let text = rgb?.prefersDarkText == false ? "#ffffff" : "#111111"
      return ".code-chip.code-\(cssName(code.id)) { background-color: \(code.colour); color: \(text); }"
    }.joined(separator: "\n")
  }

  static func install(scheme: CodeScheme) {
    guard let display = gdk_display_get_default() else { return }
    if let resources = PluginFolders.resourcesFolder() {
      // The icon, for runs from a build tree (an install puts it in the icon theme).
      gtk_icon_theme_add_search_path(gtk_icon_theme_get_for_display(display), resources + "/icons")
      gtk_window_set_default_icon_name(CohortApp.applicationID)
      let file = gtk_css_provider_new()!
      gtk_css_provider_load_from_path(file, resources + "/style.css")
      gtk_style_context_add_provider_for_display(
        display, cg_style_provider(file), guint(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION))
    }
    let codes = gtk_css_provider_new()!
    gtk_css_provider_load_from_data(codes, schemeCSS(scheme), -1)
    gtk_style_context_add_provider_for_display(
      display, cg_style_provider(codes), guint(GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1))
  }
}
