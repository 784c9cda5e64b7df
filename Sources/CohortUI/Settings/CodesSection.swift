import CGtk
import CohortCore
import CohortStore

/// The code scheme: every installed one with its codes in their colours. It can change only
/// before any judgement uses the old one; a refusal says how many do.
@MainActor
final class CodesSection: SettingsSection {
  let widget: Widget
  private unowned let host: SettingsHost
  private let list = UI.box(true, spacing: 6)
  private var picked: String

  init(host: SettingsHost) {
    self.host = host
    picked = host.context.trust.codeScheme
    widget = SettingsUI.page(
      "The codes teachers enter. Every school of the trust uses the same scheme, so that reports compare like with "
        + "like; it can change only before any judgement is entered with the one in use.", list)
    redraw()
  }

  func redraw() {
    UI.removeAllChildren(list)
    let registry = host.context.registry
    let current = host.context.trust.codeScheme
    picked = current
    var group: Widget?
    for scheme in NewTrustForm.schemes(registry) {
      let radio = UI.radio(scheme.name + (scheme.id == current ? " (in use)" : ""), name: scheme.name, group: group)
      group = group ?? radio
      UI.setChecked(radio, scheme.id == current)
      let id = scheme.id
      UI.onToggled(radio) { [weak self] on in if on { self?.picked = id } }
      let codes = UI.markupLabel(Style.codesMarkup(scheme, keys: true), classes: ["scheme-codes"])
      UI.wrap(codes)
      UI.indent(codes, 28)
      UI.setAccessibleName(codes, "Codes of \(scheme.name)")
      UI.append(list, radio, codes)
    }
    let use = UI.button("Use the scheme ticked") { [weak self] in self?.use() }
    UI.align(use, h: .start)
    UI.append(list, use)
  }

  private func use() {
    guard let scheme = host.context.registry.codeScheme(id: picked) else { return }
    guard scheme.id != host.context.trust.codeScheme else { return }
    host.change(redraw: true) {
      try host.context.setup.setCodeScheme(scheme.id, codes: Set(scheme.codes.map(\.id)))
      return "The trust now uses \(scheme.name)"
    }
  }
}
