import CCairo
import Foundation

/// Charts and reports are drawn into memory, never straight into a file: the caller writes
/// the bytes through the store's OutputFile, so that a failed or cancelled render leaves no
/// half-written file behind.
final class CairoSink {
  var data = Data()

  /// cairo's write callback: appends what cairo hands over.
  static let write: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<CairoSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
  }

  var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

  /// An image surface's pixels as a PNG.
  static func png(_ surface: OpaquePointer) throws -> Data {
    let sink = CairoSink()
    let status = withExtendedLifetime(sink) { cairo_surface_write_to_png_stream(surface, write, sink.pointer) }
    guard status == CAIRO_STATUS_SUCCESS else {
      throw ChartRenderer.Failure(
        description: "cannot make the PNG: \(String(cString: cairo_status_to_string(status)))")
    }
    return sink.data
  }
}

extension ChartRenderer.Format {
  /// The format a file name asks for (.png, .svg, .pdf).
  public init(path: String) throws {
    guard let f = Self(rawValue: (path as NSString).pathExtension.lowercased()) else {
      throw ChartRenderer.Failure(description: "\(path): the file must end in .png, .svg or .pdf")
    }
    self = f
  }
}

extension ChartRenderer {
  /// The chart as a PNG, SVG or PDF file's bytes.
  public func render(_ spec: ChartSpec, as format: Format) throws -> Data {
    let sink = CairoSink()
    return try withExtendedLifetime(sink) {
      let surface: OpaquePointer?
      switch format {
      case .png: surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
      case .svg: surface = cairo_svg_surface_create_for_stream(CairoSink.write, sink.pointer, width, height)
      case .pdf: surface = cairo_pdf_surface_create_for_stream(CairoSink.write, sink.pointer, width, height)
      }
      guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
        throw Failure(description: "cannot create the \(format.rawValue) surface")
      }
      defer { cairo_surface_destroy(surface) }
      let cr = cairo_create(surface)!
      draw(spec, on: cr)
      cairo_destroy(cr)
      cairo_surface_flush(surface)
      if format == .png { return try CairoSink.png(surface) }
      cairo_surface_finish(surface)
      let status = cairo_surface_status(surface)
      guard status == CAIRO_STATUS_SUCCESS else {
        throw Failure(
          description: "cannot make the \(format.rawValue): \(String(cString: cairo_status_to_string(status)))")
      }
      return sink.data
    }
  }
}

extension ReportRenderer {
  /// An A4 PDF, one report page per PDF page. `progress` is told each page done and may
  /// return false to cancel (then this throws CancellationError and nothing is written).
  public func pdf(progress: (Int, Int) -> Bool = { _, _ in true }) throws -> Data {
    let sink = CairoSink()
    return try withExtendedLifetime(sink) {
      guard
        let surface = cairo_pdf_surface_create_for_stream(
          CairoSink.write, sink.pointer, ReportPages.width, ReportPages.height),
        cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
      else { throw ChartRenderer.Failure(description: "cannot create the PDF") }
      defer { cairo_surface_destroy(surface) }
      let cr = cairo_create(surface)!
      var cancelled = false
      let text = ReportText(cr)
      for i in 0..<pages.count {
        draw(page: i, text: text)
        cairo_show_page(cr)
        if !progress(i + 1, pages.count) {
          cancelled = true
          break
        }
      }
      cairo_destroy(cr)
      cairo_surface_finish(surface)
      if cancelled { throw CancellationError() }
      let status = cairo_surface_status(surface)
      guard status == CAIRO_STATUS_SUCCESS else {
        throw ChartRenderer.Failure(
          description: "cannot make the PDF: \(String(cString: cairo_status_to_string(status)))")
      }
      return sink.data
    }
  }

  /// One page as a PNG at `scale` pixels per point (for previews and for looking at).
  public func png(page: Int, scale: Double = 1.5) throws -> Data {
    let surface = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, Int32(ReportPages.width * scale), Int32(ReportPages.height * scale))!
    defer { cairo_surface_destroy(surface) }
    let cr = cairo_create(surface)!
    cairo_scale(cr, scale, scale)
    draw(page: page, on: cr)
    cairo_destroy(cr)
    return try CairoSink.png(surface)
  }
}
