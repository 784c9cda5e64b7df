import CGtk
import Foundation
import Testing

@testable import CohortUI

/// `InParts`: long content built a part per turn of the main loop, a part cut short by its
/// time budget, a newer start dropping what is left of the older.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DISPLAY"]?.isEmpty == false))
@MainActor struct InPartsTests {
  @Test func aPartEndsAtItsBudgetAndEveryItemIsMadeOnceInOrder() throws {
    try #require(Display.available)
    let parts = InParts()
    var made: [Int] = []
    var done = 0
    parts.start(
      10, per: 8, budget: 12,
      { r in
        // Items of 20 ms each: a 12 ms budget ends every part after its first item (a sleep
        // never ends early, so this holds however loaded the machine is).
        Thread.sleep(forTimeInterval: 0.02)
        made.append(contentsOf: r)
      },
      then: { done += 1 })
    // The first part runs at once; the rest wait for the loop.
    #expect(made == [0])
    #expect(MainLoop.spin(until: { done == 1 }))
    #expect(made == Array(0..<10))
    #expect(done == 1)
  }

  @Test func aPartNeverTakesMoreThanPerItems() throws {
    try #require(Display.available)
    let parts = InParts()
    var made: [Int] = []
    var done = false
    // A budget no part reaches, so that only the count ends a part.
    parts.start(25, per: 10, budget: 10_000, { r in made.append(contentsOf: r) }, then: { done = true })
    #expect(made == Array(0..<10))
    #expect(MainLoop.spin(until: { done }))
    #expect(made == Array(0..<25))
  }

  @Test func aNewerStartDropsWhatIsLeftOfTheOlder() throws {
    try #require(Display.available)
    let parts = InParts()
    var old: [Int] = []
    var new: [Int] = []
    var done = false
    parts.start(30, per: 5, budget: 10_000, { r in old.append(contentsOf: r) })
    parts.start(3, per: 1, { r in new.append(contentsOf: r) }, then: { done = true })
    #expect(MainLoop.spin(until: { done }))
    // Let any dropped part that was still queued have its turn.
    _ = MainLoop.spin(until: { false }, timeout: 0.2)
    #expect(old == Array(0..<5))
    #expect(new == [0, 1, 2])
  }
}

/// `MainLoop.afterDrawing` paced by a window's frames: one job per frame painted, and none
/// held for ever by a window that paints nothing.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DISPLAY"]?.isEmpty == false))
@MainActor struct FramePacingTests {
  @Test func jobsQueuedTogetherRunOnePerFramePainted() throws {
    try #require(Display.available)
    let w = gtk_window_new()!
    gtk_window_set_default_size(cg_window(w), 200, 100)
    gtk_window_present(cg_window(w))
    defer { gtk_window_destroy(cg_window(w)) }
    MainLoop.pace(by: w)
    let clock = try #require(gtk_widget_get_frame_clock(w))
    var frames = 0
    Signal.on(UnsafeMutableRawPointer(clock), "after-paint") { frames += 1 }
    #expect(MainLoop.spin(until: { frames > 0 }))
    var seen: [Int] = []
    for _ in 0..<4 { MainLoop.afterDrawing { seen.append(frames) } }
    #expect(MainLoop.spin(until: { seen.count == 4 }))
    // Run a turn apart, all four came between the same two frames.
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 < $1 }, "frames painted when each ran: \(seen)")
  }

  @Test func aWindowThatPaintsNothingHoldsNoJob() throws {
    try #require(Display.available)
    let w = gtk_window_new()!
    gtk_window_present(cg_window(w))
    MainLoop.pace(by: w)
    gtk_widget_set_visible(w, 0)
    defer { gtk_window_destroy(cg_window(w)) }
    var ran = 0
    for _ in 0..<3 { MainLoop.afterDrawing { ran += 1 } }
    #expect(MainLoop.spin(until: { ran == 3 }, timeout: 3))
  }
}
