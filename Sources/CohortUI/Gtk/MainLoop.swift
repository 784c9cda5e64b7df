import CGtk
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// The GLib main loop and Swift's main actor, working together: GTK runs on the main thread,
/// which is the main actor's, and Dispatch's main queue is drained from the GLib loop.
public enum MainLoop {
  /// While GTK runs the main thread nothing drains libdispatch's main queue; watching its
  /// wake-up fd from GLib makes `DispatchQueue.main.async` and `@MainActor` tasks run.
  @MainActor
  public static func pumpDispatchMainQueue() {
    let fd = _dispatch_get_main_queue_handle_4CF()
    g_unix_fd_add(
      fd, G_IO_IN,
      { fd, _, _ in
        var value: UInt64 = 0
        _ = read(fd, &value, 8)
        _dispatch_main_queue_callback_4CF(nil)
        return 1
      }, nil)
  }

  final class Job: Sendable {
    let body: @MainActor @Sendable () -> Void
    init(_ body: @escaping @MainActor @Sendable () -> Void) { self.body = body }
  }

  /// Runs `body` on the main thread from any thread, through the GLib loop.
  public static let hop: @Sendable (@escaping @MainActor @Sendable () -> Void) -> Void = { body in
    let job = Unmanaged.passRetained(Job(body)).toOpaque()
    g_idle_add_full(
      G_PRIORITY_DEFAULT,
      { data in
        let job = Unmanaged<Job>.fromOpaque(data!).takeRetainedValue()
        MainActor.assumeIsolated { job.body() }
        return 0
      }, job, nil)
  }

  /// Runs `work` on a background queue, then `then` with its result on the main thread: the
  /// one way a page reads many documents without stalling the window.
  public static func background<T: Sendable>(
    _ work: @escaping @Sendable () throws -> T, then: @escaping @MainActor @Sendable (Result<T, any Error>) -> Void,
    from file: StaticString = #fileID, line: UInt = #line
  ) {
    DispatchQueue.global(qos: .userInitiated).async {
      let result = Result { try work() }
      hop { StallProbe.timed("\(file):\(line)") { then(result) } }
    }
  }

  /// Runs `body` on the main thread once, after `seconds`.
  @MainActor
  public static func after(_ seconds: Double, _ body: @escaping @MainActor () -> Void) {
    let job = Unmanaged.passRetained(VoidHandler(body)).toOpaque()
    g_timeout_add_full(G_PRIORITY_DEFAULT, guint(max(0, seconds * 1000)), callOnce, job, nil)
  }

  /// A GLib source's callback that runs its `VoidHandler` once and releases it.
  private static let callOnce: GSourceFunc = { data in
    let job = UInt(bitPattern: data)
    MainActor.assumeIsolated {
      Unmanaged<VoidHandler>.fromOpaque(UnsafeRawPointer(bitPattern: job)!).takeRetainedValue().call()
    }
    return 0
  }

  /// Calls `body` every `seconds` for as long as it returns true.
  @MainActor
  public static func every(_ seconds: Double, _ body: @escaping @MainActor () -> Bool) {
    let job = Unmanaged.passRetained(BoolHandler(body)).toOpaque()
    g_timeout_add_full(
      G_PRIORITY_DEFAULT_IDLE, guint(seconds * 1000),
      { data in
        let h = Unmanaged<BoolHandler>.fromOpaque(data!).takeUnretainedValue()
        return MainActor.assumeIsolated { h.call() } ? 1 : 0
      }, job, { data in Unmanaged<BoolHandler>.fromOpaque(data!).release() })
  }

  /// Runs pending GLib events until `condition` holds or `timeout` passes (for tests).
  @MainActor
  @discardableResult
  public static func spin(until condition: () -> Bool, timeout: Double = 5) -> Bool {
    let deadline = g_get_monotonic_time() + Int(timeout * 1_000_000)
    while !condition() {
      if g_get_monotonic_time() > deadline { return false }
      g_main_context_iteration(nil, 0)
      if !condition() { usleep(1000) }
    }
    return true
  }
}
