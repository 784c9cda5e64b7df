import CGtk
import CohortCharts

/// A chart on screen: the same renderer as the PNG/PDF output, scaled to the widget, with a
/// click on a bar reported by its index (for drilling down).
@MainActor
final class ChartView {
  let widget: Widget
  private let box: SpecBox
  var onPick: (Int) -> Void = { _ in }
  /// A segment of a stacked bar was clicked: (category, series).
  var onSegment: (Int, Int) -> Void = { _, _ in }

  final class SpecBox {
    var spec: ChartSpec?
  }

  init(name: String) {
    widget = gtk_drawing_area_new()!
    gtk_widget_set_size_request(widget, 800, 500)
    gtk_widget_set_hexpand(widget, 1)
    gtk_widget_set_vexpand(widget, 1)
    UI.setAccessibleName(widget, name)
    box = SpecBox()
    let data = Unmanaged.passRetained(box).toOpaque()
    gtk_drawing_area_set_draw_func(
      UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GtkDrawingArea.self),
      { _, cr, width, height, data in
        let box = Unmanaged<SpecBox>.fromOpaque(data!).takeUnretainedValue()
        guard let spec = box.spec, let cr else { return }
        // Draw at the renderer's own size, scaled to fit: type stays in proportion.
        let r = ChartRenderer(for: spec)
        let scale = min(Double(width) / r.width, Double(height) / r.height)
        cairo_scale(cr, scale, scale)
        r.draw(spec, on: cr)
      }, data, { data in if let data { Unmanaged<SpecBox>.fromOpaque(data).release() } })
    let click = gtk_gesture_click_new()!
    Signal.onPressed(UnsafeMutableRawPointer(click)) { [weak self] x, y in self?.pressed(x, y) }
    gtk_widget_add_controller(widget, click)
  }

  func show(_ spec: ChartSpec) {
    box.spec = spec
    // A chart drawn as rows (many schools) is as tall as its rows: the page scrolls.
    let size = ChartRenderer(for: spec)
    gtk_widget_set_size_request(widget, 800, Int32((spec.isRows ? 560 : 800) * size.height / size.width))
    gtk_widget_queue_draw(widget)
  }

  private func pressed(_ x: Double, _ y: Double) {
    guard let spec = box.spec else { return }
    let r = ChartRenderer(for: spec)
    let scale = min(Double(gtk_widget_get_width(widget)) / r.width, Double(gtk_widget_get_height(widget)) / r.height)
    if let (c, s) = r.segment(at: x / scale, y / scale, in: spec) {
      onSegment(c, s)
    } else if let i = r.category(at: x / scale, y / scale, in: spec) {
      onPick(i)
    }
  }
}
