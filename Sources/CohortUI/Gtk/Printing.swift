import CGtk

/// Printing through GtkPrintOperation: the print dialog, then each page drawn by Swift code.
@MainActor
extension UI {
  final class PrintJob {
    let draw: @MainActor (OpaquePointer, Int, Double) -> Void
    init(_ draw: @escaping @MainActor (OpaquePointer, Int, Double) -> Void) { self.draw = draw }
  }

  /// Shows the print dialog for `pages` pages (in points); `draw` gets a cairo context, the
  /// page (0-based) and the printable width. With `exportTo`, prints straight to that PDF.
  public static func printPages(
    _ pages: Int, title: String, parent: Widget?, exportTo: String? = nil,
    draw: @escaping @MainActor (OpaquePointer, Int, Double) -> Void
  ) {
    let op = gtk_print_operation_new()!
    gtk_print_operation_set_n_pages(op, Int32(pages))
    gtk_print_operation_set_job_name(op, title)
    gtk_print_operation_set_unit(op, GTK_UNIT_POINTS)
    let drawPage: @convention(c) (OpaquePointer?, OpaquePointer?, Int32, gpointer?) -> Void = {
      _, context, page, data in
      guard let context, let data else { return }
      let job = Unmanaged<PrintJob>.fromOpaque(data).takeUnretainedValue()
      let cr = gtk_print_context_get_cairo_context(context)!
      let width = gtk_print_context_get_width(context)
      MainActor.assumeIsolated { job.draw(cr, Int(page), width) }
    }
    let data = Unmanaged.passRetained(PrintJob(draw)).toOpaque()
    g_signal_connect_data(
      UnsafeMutableRawPointer(op), "draw-page", unsafeBitCast(drawPage, to: GCallback.self), data,
      { data, _ in if let data { Unmanaged<PrintJob>.fromOpaque(data).release() } }, GConnectFlags(rawValue: 0))
    let window = parent.flatMap { gtk_widget_get_root($0) }.map {
      UnsafeMutableRawPointer($0).assumingMemoryBound(to: GtkWindow.self)
    }
    var error: UnsafeMutablePointer<GError>?
    if let exportTo { gtk_print_operation_set_export_filename(op, exportTo) }
    gtk_print_operation_run(
      op, exportTo == nil ? GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG : GTK_PRINT_OPERATION_ACTION_EXPORT, window, &error)
    if let error { g_error_free(error) }
    g_object_unref(UnsafeMutableRawPointer(op))
  }
}
