import CGtk
import Glibc

@MainActor
extension UI {
  /// A tooltip that changes while its widget is on screen (a grid cell's code): given when GTK
  /// asks for it (query-tooltip) rather than set, since setting one asks the X server where
  /// the pointer is, twice, for every cell a keystroke changes. Not the accessible
  /// description: the caller sets that (a tooltip set with `tooltip` is both).
  public static func hoverText(_ w: Widget, _ text: String) {
    let object = UnsafeMutableRawPointer(w).assumingMemoryBound(to: GObject.self)
    g_object_set_data_full(object, hoverKey, strdup(text), { free($0) })
    guard g_object_get_data(object, hoverConnected) == nil else { return }
    g_object_set_data(object, hoverConnected, UnsafeMutableRawPointer(bitPattern: 1))
    gtk_widget_set_has_tooltip(w, 1)
    let query: @convention(c) (gpointer?, gint, gint, gboolean, gpointer?, gpointer?) -> gboolean = {
      widget, _, _, _, tooltip, _ in
      guard let widget, let tooltip,
        let text = g_object_get_data(widget.assumingMemoryBound(to: GObject.self), UI.hoverKey),
        text.assumingMemoryBound(to: CChar.self).pointee != 0
      else { return 0 }
      gtk_tooltip_set_text(OpaquePointer(tooltip), text.assumingMemoryBound(to: CChar.self))
      return 1
    }
    g_signal_connect_data(
      w, "query-tooltip", unsafeBitCast(query, to: GCallback.self), nil, nil, GConnectFlags(rawValue: 0))
  }

  nonisolated static let hoverKey = "cohort-hover-text"
  nonisolated static let hoverConnected = "cohort-hover-connected"
}
