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
