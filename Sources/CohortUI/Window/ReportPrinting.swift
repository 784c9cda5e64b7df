import CGtk
import CohortCharts

/// Prints report pages through GtkPrintOperation: the print dialog, then each page drawn by
/// the same renderer, scaled to the printable width.
@MainActor
enum ReportPrinting {
  final class Job {
    let renderer: ReportRenderer
    init(_ r: ReportRenderer) { renderer = r }
  }

  /// Shows the print dialog; with `exportTo`, prints straight to that PDF instead (no dialog).
  static func run(_ renderer: ReportRenderer, parent: Widget?, exportTo: String? = nil) {
    let op = gtk_print_operation_new()!
    gtk_print_operation_set_n_pages(op, Int32(renderer.pages.count))
    gtk_print_operation_set_job_name(op, renderer.pages.document.title)
    gtk_print_operation_set_unit(op, GTK_UNIT_POINTS)
    let drawPage: @convention(c) (OpaquePointer?, OpaquePointer?, Int32, gpointer?) -> Void = {
      _, context, page, data in
      guard let context, let data else { return }
      let job = Unmanaged<Job>.fromOpaque(data).takeUnretainedValue()
      let cr = gtk_print_context_get_cairo_context(context)!
      let s = gtk_print_context_get_width(context) / ReportPages.width
      cairo_scale(cr, s, s)
      MainActor.assumeIsolated { job.renderer.draw(page: Int(page), on: cr) }
    }
    let data = Unmanaged.passRetained(Job(renderer)).toOpaque()
    g_signal_connect_data(
      UnsafeMutableRawPointer(op), "draw-page", unsafeBitCast(drawPage, to: GCallback.self), data,
      { data, _ in if let data { Unmanaged<Job>.fromOpaque(data).release() } }, GConnectFlags(rawValue: 0))
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
