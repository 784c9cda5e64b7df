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

  private static var base: StyleSheet?

  /// resources/style.css and the icon, once (the welcome page needs them before any trust).
  static func installBase() {
    guard base == nil, let resources = PluginFolders.resourcesFolder(), let sheet = StyleSheet() else { return }
    base = sheet
    // The icon, for runs from a build tree (an install puts it in the icon theme).
    StyleSheet.addIcons(resources + "/icons", windowIcon: CohortApp.applicationID)
    sheet.load(file: resources + "/style.css")
  }

  private static var codes: StyleSheet?

  /// The base styles, and the colours of the scheme's codes (again when the trust changes it).
  static func install(scheme: CodeScheme) {
    installBase()
    if codes == nil { codes = StyleSheet(above: 1) }
    codes?.load(css: schemeCSS(scheme))
  }

  /// A scheme's codes as coloured chips with their labels (and keys), each kept on one line.
  static func codesMarkup(_ scheme: CodeScheme, keys: Bool) -> String {
    // No-break spaces and hyphens: a line may wrap between codes, never inside one.
    let glue = { (t: String) in
      t.replacingOccurrences(of: " ", with: "\u{00A0}").replacingOccurrences(of: "-", with: "\u{2011}")
    }
    return scheme.codes.map { code in
      let fg = RGB(hex: code.colour)?.prefersDarkText == false ? "#ffffff" : "#111111"
      let chip =
        "<span background=\"\(code.colour)\" foreground=\"\(fg)\" weight=\"bold\">\u{00A0}\(UI.escape(code.id))\u{00A0}</span>"
      let label = (keys ? "<b>\(UI.escape(code.key))</b>\u{00A0}" : "") + UI.escape(glue(code.label))
      return chip + "\u{00A0}" + label
    }.joined(separator: "    ")
  }
}
