import Foundation

/// Independent pieces of work on every core, results in order (subjects of a dashboard: each
/// is a pass over every pupil of the trust).
enum Parallel {
  static func map<T: Sendable>(_ indices: Range<Int>, _ body: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: indices.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    // Each iteration writes only its own slot.
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: indices.count) { k in slots[k] = body(indices.lowerBound + k) }
    return results.map { $0! }
  }
}

/// What a command has finished with but need not free: kept until the process exits, which
/// gives the memory back at once, instead of releasing a trust's 60,000 records one by one
/// first (a tenth of a dashboard's time).
enum KeptUntilExit {
  nonisolated(unsafe) private static var values: [Any] = []
  static func keep(_ value: Any) { values.append(value) }
}
