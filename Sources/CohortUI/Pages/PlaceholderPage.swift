import CGtk

/// A page that is named and reachable but not built yet: it says what will come.
@MainActor
final class PlaceholderPage: AppPage {
  let widget: Widget

  init(title: String, text: String) {
    let box = UI.box(true, spacing: 12, classes: ["placeholder"])
    gtk_widget_set_valign(box, GTK_ALIGN_CENTER)
    gtk_widget_set_halign(box, GTK_ALIGN_CENTER)
    let heading = UI.label(title, classes: ["title-1"], xalign: 0.5)
    let body = UI.label(text, classes: ["dim-label"], xalign: 0.5)
    gtk_label_set_wrap(cg_label(body), 1)
    gtk_label_set_max_width_chars(cg_label(body), 60)
    UI.append(box, heading, body)
    widget = box
  }

  func show(_ scope: Scope) {}
  func flush() throws {}

  static func kind(id: String, title: String, text: String) -> PageKind {
    PageKind(id: id, title: title, description: text) { _ in PlaceholderPage(title: title, text: text) }
  }
}
