import CGtk

/// Work done a part at a time, each part drawn before the next begins.
extension MainLoop {
  /// Runs `body` on the main thread once the window has drawn what came before it: for work
  /// done a part at a time, so that each part shows before the next begins. Jobs run in
  /// order, one per frame the window paints (`pace(by:)`): run one per turn of the main loop
  /// instead, the parts queued between two frames (an overview's three and forty rows of
  /// its table) were all laid out and drawn in one frame of 50-60 ms. Before a window is
  /// paced, or while it paints nothing (hidden), one per turn after a short wait.
  @MainActor
  public static func afterDrawing(
    from file: StaticString = #fileID, line: UInt = #line, _ body: @escaping @MainActor () -> Void
  ) {
    Pacing.waiting.append { StallProbe.timed("\(file):\(line)", body) }
    Pacing.expectFrame()
  }

  /// Paces `afterDrawing` by `window`'s frames (the main window's, once it is realized).
  @MainActor
  public static func pace(by window: Widget) {
    Signal.on(window, "realize") { Pacing.attach(window) }
    if gtk_widget_get_realized(window) != 0 { Pacing.attach(window) }
  }
}

@MainActor
private enum Pacing {
  static var waiting: [@MainActor () -> Void] = []
  static var clock: OpaquePointer?
  /// A job is queued to run (after a frame, or by the fallback).
  static var queued = false
  /// Frames painted, to tell whether the fallback's wait saw one.
  static var frames = 0

  static func attach(_ window: Widget) {
    guard let c = gtk_widget_get_frame_clock(window), c != clock else { return }
    clock = c
    Signal.on(UnsafeMutableRawPointer(c), "after-paint") {
      frames += 1
      runOneSoon()
    }
    // The clock goes with the window's surface: jobs then wait on the fallback alone.
    Signal.on(window, "unrealize") { if clock == c { clock = nil } }
  }

  /// Asks for a frame, and arms the fallback: a window that paints nothing (hidden, or
  /// before it is shown) must not hold the jobs forever.
  static func expectFrame() {
    guard !waiting.isEmpty else { return }
    guard let clock else { return runOneSoon() }
    gdk_frame_clock_request_phase(clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT)
    let seen = frames
    MainLoop.after(0.1) { if frames == seen { runOneSoon() } }
  }

  /// One job, in a turn of its own right after this one (the frame's work is done by then).
  static func runOneSoon() {
    guard !queued, !waiting.isEmpty else { return }
    queued = true
    g_idle_add_full(
      G_PRIORITY_DEFAULT_IDLE,
      { _ in
        MainActor.assumeIsolated {
          Pacing.queued = false
          if !Pacing.waiting.isEmpty { Pacing.waiting.removeFirst()() }
          Pacing.expectFrame()
        }
        return 0
      }, nil, nil)
  }
}
