import CGtk

/// A drawing area's picture drawn on a background thread and painted from memory: the trust's
/// gap heat map shapes the text of each of its cells (91 rows by 5 groups on the large bench
/// trust), 57-122 ms that were one frame of the main loop. Each thread has its own Pango font
/// map, and a cairo image surface belongs to the thread drawing it until it is handed over.
@MainActor
final class OffscreenPicture {
  /// What a picture was drawn for: its content (`version`), its look (`variant`: light or
  /// dark), its size and the screen's scale.
  struct Key: Equatable {
    let version: Int
    let variant: Int
    let width: Int32
    let height: Int32
    let scale: Int32
  }

  /// A surface handed from the drawing thread to the main thread, then owned by the picture.
  private final class Surface: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { cairo_surface_destroy(pointer) }
  }

  /// Above this many device pixels (a 64 MB image) the picture is drawn in the frame instead.
  static let largest = 16_000_000

  private let area: Widget
  private var shown: (key: Key, surface: Surface)?
  private var drawing: Key?
  private var wanted: (key: Key, draw: @Sendable (OpaquePointer) -> Void)?
  /// Counts the content's changes: a new chart is a new version.
  private var version = 0

  init(area: Widget) { self.area = area }

  /// The content changed: the next `paint` draws it again.
  func changed() { version += 1 }

  /// Paints the picture for this size if it has been drawn; otherwise `placeholder`, or the
  /// last picture of the same content stretched to the new size (while a window is resized),
  /// and starts drawing it with `draw` on a background thread.
  func paint(
    on cr: OpaquePointer, width: Double, height: Double, variant: Int = 0, placeholder: (OpaquePointer) -> Void,
    draw: @escaping @Sendable (OpaquePointer) -> Void
  ) {
    let scale = max(1, gtk_widget_get_scale_factor(area))
    let key = Key(version: version, variant: variant, width: Int32(width), height: Int32(height), scale: scale)
    guard Int(key.width) * Int(key.height) * Int(scale * scale) <= Self.largest else {
      return draw(cr)
    }
    if let shown, shown.key.version == version, shown.key.variant == variant, shown.key.width > 0,
      shown.key.height > 0
    {
      cairo_save(cr)
      cairo_scale(cr, width / Double(shown.key.width), height / Double(shown.key.height))
      cairo_set_source_surface(cr, shown.surface.pointer, 0, 0)
      cairo_paint(cr)
      cairo_restore(cr)
      if shown.key == key { return }
    } else {
      placeholder(cr)
    }
    if drawing != key { wanted = (key, draw) }
    start()
  }

  /// One drawing at a time; a size or content asked for meanwhile is drawn next (only the last).
  private func start() {
    guard drawing == nil, let (key, draw) = wanted else { return }
    wanted = nil
    drawing = key
    MainLoop.background(
      { () -> Surface in
        let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, key.width * key.scale, key.height * key.scale)!
        cairo_surface_set_device_scale(s, Double(key.scale), Double(key.scale))
        let cr = cairo_create(s)!
        draw(cr)
        cairo_destroy(cr)
        cairo_surface_flush(s)
        return Surface(s)
      },
      then: { [weak self] result in
        guard let self else { return }
        self.drawing = nil
        if case .success(let surface) = result, key.version == self.version {
          self.shown = (key, surface)
          UI.redraw(self.area)
        }
        self.start()
      })
  }
}
