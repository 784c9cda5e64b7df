import CGtk
import Foundation
import Testing

@testable import CohortUI

struct Refusal: Error {}

/// `MainLoop.background`: the work off the main thread, its result back on it, through GLib.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DISPLAY"]?.isEmpty == false))
@MainActor struct MainLoopTests {
  @Test func theWorkRunsOffTheMainThreadAndItsResultComesBackOnIt() throws {
    try #require(Display.available)
    // The thread that runs the GLib loop (the main actor's here, as in the app).
    let loop = pthread_self()
    var got: (workOnLoop: Bool, resultOnLoop: Bool)?
    MainLoop.background(
      { pthread_equal(pthread_self(), loop) != 0 },
      then: { result in got = (try! result.get(), pthread_equal(pthread_self(), loop) != 0) })
    // Nothing arrives until the GLib loop runs.
    #expect(got == nil)
    #expect(MainLoop.spin(until: { got != nil }))
    #expect(got?.workOnLoop == false, "the work ran on the loop's thread")
    #expect(got?.resultOnLoop == true, "the result arrived on another thread")
  }

  @Test func anErrorComesBackAsTheResult() throws {
    try #require(Display.available)
    var failed: Bool?
    MainLoop.background({ () throws -> Int in throw Refusal() }, then: { failed = (try? $0.get()) == nil })
    #expect(MainLoop.spin(until: { failed != nil }))
    #expect(failed == true)
  }
}
