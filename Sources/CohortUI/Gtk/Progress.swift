import CGtk

/// A progress bar that a window keeps while it comes and goes from its box between steps.
@MainActor
public final class ProgressBar {
  public let widget: Widget

  public init(name: String, text: String) {
    widget = gtk_progress_bar_new()!
    // Our own reference: removing it from a box must not free it.
    g_object_ref_sink(UnsafeMutableRawPointer(widget))
    gtk_progress_bar_set_show_text(OpaquePointer(widget), 1)
    gtk_progress_bar_set_text(OpaquePointer(widget), text)
    UI.setAccessibleName(widget, name)
  }

  public func set(_ fraction: Double) { gtk_progress_bar_set_fraction(OpaquePointer(widget), fraction) }
  public func say(_ text: String) { gtk_progress_bar_set_text(OpaquePointer(widget), text) }
  public func pulse() { gtk_progress_bar_pulse(OpaquePointer(widget)) }

  isolated deinit { g_object_unref(UnsafeMutableRawPointer(widget)) }
}
