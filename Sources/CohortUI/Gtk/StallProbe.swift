import CGtk
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Measures how long the window's main loop goes without turning, for the benchmark
/// (DESIGN: the window never freezes). With `COHORT_STALL_PROBE=FILE` set, a high-priority
/// tick every 5 ms notices each gap between ticks longer than 20 ms and appends a line to
/// FILE: when it ended (seconds on the monotonic clock, as Python's `time.monotonic()`) and
/// how long it was beyond the 5 ms (milliseconds). Numbers only: nothing about pupils.
@MainActor
enum StallProbe {
  static let interval = 0.005
  private static var last = 0.0
  private static var fd: Int32 = -1

  static func startIfAsked() {
    guard let file = ProcessInfo.processInfo.environment["COHORT_STALL_PROBE"], !file.isEmpty else { return }
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

  static func tick() {
    let t = now()
    let gap = t - last - interval
    last = t
    guard gap > 0.02 else { return }
    let line = String(format: "%.4f %.1f\n", t, gap * 1000)
    _ = line.withCString { write(fd, $0, strlen($0)) }
  }

  static func now() -> Double { Double(g_get_monotonic_time()) / 1e6 }
}
