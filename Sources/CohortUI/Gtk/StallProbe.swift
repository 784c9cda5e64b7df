import CGtk
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Measures the window for the benchmark (DESIGN: the window never freezes). With
/// `COHORT_STALL_PROBE=FILE` set it appends lines to FILE, each starting with the time on the
/// monotonic clock (seconds, as Python's `time.monotonic()`):
/// - `T MS`: a high-priority tick every 5 ms noticed a gap longer than 20 ms, MS beyond the
///   5 ms: how long the window could not draw or answer input;
/// - `T key MS`: from a key press reaching the window to the end of the frame painted after it;
/// - `T NAME`: the end of the first frame painted after `markPainted(NAME)` (the first window,
///   a class's grid).
/// - `T job MS FILE:LINE`, `T frame MS`: a background result or a job queued after drawing
///   (named by where it was queued), or a frame (before-paint to after-paint), that took over
///   15 ms: which of them a stall was.
/// Numbers and those names only: nothing about pupils.
@MainActor
enum StallProbe {
  static let interval = 0.005
  private static var last = 0.0
  private static var fd: Int32 = -1
  /// Key presses and marks waiting for the next frame to be painted.
  private static var keys: [Double] = []
  private static var marks: [String] = []
  private static var watched: Set<gpointer> = []

  static var isOn: Bool { fd >= 0 }

  static func startIfAsked() {
    guard fd < 0, let file = ProcessInfo.processInfo.environment["COHORT_STALL_PROBE"], !file.isEmpty else { return }
    fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return }
    last = now()
    g_timeout_add_full(
      G_PRIORITY_HIGH, guint(interval * 1000),
      { _ in
        MainActor.assumeIsolated { StallProbe.tick() }
        return 1
      }, nil, nil)
  }

  /// Watches a window: its key presses, and the frames it paints.
  static func watch(_ window: Widget) {
    guard isOn else { return }
    UI.onKey(window) { _ in
      keys.append(now())
      return false
    }
    Signal.on(window, "realize") { watchFrames(of: window) }
    if gtk_widget_get_realized(window) != 0 { watchFrames(of: window) }
  }

  /// A line with `name` once the frame after this one is painted.
  static func markPainted(_ name: String, _ widget: Widget) {
    guard isOn else { return }
    marks.append(name)
    gtk_widget_queue_draw(widget)
  }

  private static func watchFrames(of window: Widget) {
    guard let clock = gtk_widget_get_frame_clock(window) else { return }
    let key = UnsafeMutableRawPointer(clock)
    guard !watched.contains(key) else { return }
    watched.insert(key)
    Signal.on(key, "before-paint") { frameBegan = now() }
    Signal.on(key, "after-paint") {
      let ms = (now() - frameBegan) * 1000
      if ms > 15 { put(String(format: "%.4f frame %.1f\n", now(), ms)) }
      painted()
    }
  }

  private static var frameBegan = 0.0

  /// `body`, noted when it took over 15 ms.
  static func timed(_ name: @autoclosure () -> String, _ body: () -> Void) {
    guard isOn else { return body() }
    let began = now()
    body()
    let ms = (now() - began) * 1000
    if ms > 15 { put(String(format: "%.4f job %.1f ", now(), ms) + name() + "\n") }
  }

  private static func painted() {
    let t = now()
    for k in keys { put(String(format: "%.4f key %.2f\n", t, (t - k) * 1000)) }
    for m in marks { put(String(format: "%.4f ", t) + m + "\n") }
    keys.removeAll()
    marks.removeAll()
  }

  static func tick() {
    let t = now()
    let gap = t - last - interval
    last = t
    guard gap > 0.02 else { return }
    put(String(format: "%.4f %.1f\n", t, gap * 1000))
  }

  private static func put(_ line: String) { _ = line.withCString { write(fd, $0, strlen($0)) } }

  static func now() -> Double { Double(g_get_monotonic_time()) / 1e6 }
}
