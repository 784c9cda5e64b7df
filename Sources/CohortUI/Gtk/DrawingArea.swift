import CGtk
import Foundation

/// A widget drawn by Swift code with cairo (charts), with its clicks, hover text and size.
final class DrawHandler {
  let draw: @MainActor (OpaquePointer, Double, Double) -> Void
  init(_ draw: @escaping @MainActor (OpaquePointer, Double, Double) -> Void) { self.draw = draw }
}

final class TooltipHandler {
  let text: @MainActor (Double, Double) -> String?
  init(_ text: @escaping @MainActor (Double, Double) -> String?) { self.text = text }
}

final class SizeHandler {
  let call: @MainActor (Int32, Int32) -> Void
  init(_ call: @escaping @MainActor (Int32, Int32) -> Void) { self.call = call }
}

@MainActor
extension UI {
  /// A drawing area: `draw` gets a cairo context and the size in pixels.
  public static func drawingArea(name: String, _ draw: @escaping @MainActor (OpaquePointer, Double, Double) -> Void)
    -> Widget
  {
    let w = gtk_drawing_area_new()!
    setAccessibleName(w, name)
    let data = Unmanaged.passRetained(DrawHandler(draw)).toOpaque()
    // The draw function runs on the main thread, inside GTK's frame.
    let body:
      @MainActor @convention(c) (UnsafeMutablePointer<GtkDrawingArea>?, OpaquePointer?, Int32, Int32, gpointer?)
        -> Void = { _, cr, width, height, data in
          guard let cr, let data else { return }
          Unmanaged<DrawHandler>.fromOpaque(data).takeUnretainedValue().draw(cr, Double(width), Double(height))
        }
    gtk_drawing_area_set_draw_func(
      UnsafeMutableRawPointer(w).assumingMemoryBound(to: GtkDrawingArea.self),
      unsafeBitCast(body, to: GtkDrawingAreaDrawFunc.self),
      data, { data in if let data { Unmanaged<DrawHandler>.fromOpaque(data).release() } })
    return w
  }

  public static func redraw(_ w: Widget) { gtk_widget_queue_draw(w) }

  /// Runs `body` with the point clicked by mouse `button` (1 left, 3 right).
  public static func onClick(_ w: Widget, button: UInt32 = 1, _ body: @escaping @MainActor (Double, Double) -> Void) {
    let click = gtk_gesture_click_new()!
    gtk_gesture_single_set_button(click, button)
    Signal.onPressed(UnsafeMutableRawPointer(click), body)
    gtk_widget_add_controller(w, click)
  }

  /// Hover text worked out for the point under the pointer (a bar's full name and value).
  public static func onHoverText(_ w: Widget, _ text: @escaping @MainActor (Double, Double) -> String?) {
    gtk_widget_set_has_tooltip(w, 1)
    let trampoline: @MainActor @convention(c) (gpointer?, gint, gint, gboolean, OpaquePointer?, gpointer?) -> gboolean =
      {
        _, x, y, _, tooltip, data in
        guard let s = Unmanaged<TooltipHandler>.fromOpaque(data!).takeUnretainedValue().text(Double(x), Double(y))
        else { return 0 }
        gtk_tooltip_set_text(tooltip, s)
        return 1
      }
    let data = Unmanaged.passRetained(TooltipHandler(text)).toOpaque()
    g_signal_connect_data(
      w, "query-tooltip", unsafeBitCast(trampoline, to: GCallback.self), data,
      { data, _ in if let data { Unmanaged<AnyObject>.fromOpaque(data).release() } }, GConnectFlags(rawValue: 0))
  }

  /// A drawing area's new size, whenever it changes.
  public static func onResize(_ area: Widget, _ body: @escaping @MainActor (Int32, Int32) -> Void) {
    let trampoline: @MainActor @convention(c) (gpointer?, gint, gint, gpointer?) -> Void = { _, w, h, data in
      Unmanaged<SizeHandler>.fromOpaque(data!).takeUnretainedValue().call(w, h)
    }
    let data = Unmanaged.passRetained(SizeHandler(body)).toOpaque()
    g_signal_connect_data(
      area, "resize", unsafeBitCast(trampoline, to: GCallback.self), data,
      { data, _ in if let data { Unmanaged<AnyObject>.fromOpaque(data).release() } }, GConnectFlags(rawValue: 0))
  }

  /// Whether the widget is drawn in a dark theme: its text colour is light.
  public static func isDark(_ w: Widget) -> Bool {
    var c = GdkRGBA()
    gtk_style_context_get_color(gtk_widget_get_style_context(w), &c)
    return 0.299 * Double(c.red) + 0.587 * Double(c.green) + 0.114 * Double(c.blue) > 0.5
  }

  /// Puts a PNG on the clipboard as an image (paste into slides or a document).
  @discardableResult
  public static func copyImage(_ w: Widget, png: Data) -> Bool {
    let bytes = png.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
    defer { g_bytes_unref(bytes) }
    guard let texture = gdk_texture_new_from_bytes(bytes, nil) else { return false }
    defer { g_object_unref(UnsafeMutableRawPointer(texture)) }
    gdk_clipboard_set_texture(gtk_widget_get_clipboard(w), texture)
    return true
  }
}
