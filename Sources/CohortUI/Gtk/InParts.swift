import CGtk

/// Long content built a part per turn of the main loop, each part drawn before the next
/// begins (ninety schools' rows, fifty table rows, an Analysis view's tabs, built at once,
/// held the window for a tenth of a second or more). A newer `start` drops what is left of
/// the older one; `continuing` adds parts to the one under way instead.
@MainActor
public final class InParts {
  private var generation = 0

  public init() {}

  /// `make` for each `per` of `count` items, in order; `then` after the last part. A part also
  /// ends once it has taken `budget` milliseconds (at least one item each): a fixed twenty rows
  /// of entries a part were stalls of 60-130 ms on a slow machine, the frame after on top.
  public func start(
    _ count: Int, per: Int, budget: Double = 12, continuing: Bool = false, from file: StaticString = #fileID,
    line: UInt = #line, _ make: @escaping @MainActor (Range<Int>) -> Void, then: @escaping @MainActor () -> Void = {}
  ) {
    if !continuing { generation += 1 }
    let mine = generation
    func part(_ from: Int) {
      guard mine == generation else { return }
      let last = min(count, from + per)
      let began = g_get_monotonic_time()
      var end = from
      while end < last {
        make(end..<end + 1)
        end += 1
        if Double(g_get_monotonic_time() - began) / 1000 >= budget { break }
      }
      guard end < count else { return then() }
      // Named for the stall probe by the caller of `start`, not by this line.
      MainLoop.afterDrawing(from: file, line: line) { part(end) }
    }
    part(0)
  }

  /// Drops the parts still to come.
  public func cancel() { generation += 1 }
}
