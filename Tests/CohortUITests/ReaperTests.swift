import CGtk
import Foundation
import Testing

@testable import CohortUI

/// Widgets taken out of the window are destroyed in later turns of the main loop, a large grid
/// a child at a time, and none is left behind.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DISPLAY"]?.isEmpty == false))
@MainActor struct ReaperTests {
  nonisolated(unsafe) static var destroyed = 0

  @Test func aLargeGridTakenOutIsDestroyedInLaterTurnsToItsLastChild() throws {
    try #require(Display.available)
    let outer = UI.box(true)
    g_object_ref_sink(UnsafeMutableRawPointer(outer))
    defer { g_object_unref(UnsafeMutableRawPointer(outer)) }
    let grid = UI.grid(rowSpacing: 0, columnSpacing: 0)
    for i in 0..<300 {
      let label = UI.label("\(i)")
      g_object_weak_ref(UnsafeMutablePointer(OpaquePointer(label)), { _, _ in ReaperTests.destroyed += 1 }, nil)
      UI.attach(grid, label, column: 0, row: Int32(i))
    }
    UI.append(outer, grid)
    Self.destroyed = 0
    UI.removeAllChildren(outer)
    #expect(Self.destroyed == 0)
    #expect(MainLoop.spin(until: { Self.destroyed == 300 }))
  }
}
