import CGtk

/// Reads the clipboard's text asynchronously (GDK has no synchronous read).
@MainActor
enum ClipboardText {
  final class Pending {
    let done: @MainActor (String?) -> Void
    init(_ done: @escaping @MainActor (String?) -> Void) { self.done = done }
  }

  static func read(_ clipboard: OpaquePointer?, _ done: @escaping @MainActor (String?) -> Void) {
    let pending = Unmanaged.passRetained(Pending(done)).toOpaque()
    gdk_clipboard_read_text_async(
      clipboard, nil,
      { source, result, data in
        let pending = Unmanaged<Pending>.fromOpaque(data!).takeRetainedValue()
        let text = gdk_clipboard_read_text_finish(OpaquePointer(source), result, nil)
        let string = text.map { String(cString: $0) }
        g_free(text)
        MainActor.assumeIsolated { pending.done(string) }
      }, pending)
  }
}
