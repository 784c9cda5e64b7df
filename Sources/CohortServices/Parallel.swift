import Foundation

/// Independent pieces of work on every core, their results in order. The one way Cohort
/// collects results from concurrent work: nothing else shares a mutable box across threads.
public enum Parallel {
  /// `body(i)` for each `i` in `0..<count`, concurrently; each result, or its error, in order.
  public static func results<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, Result { try body(i) }) }
    return slots.values
  }

  /// The results in order; the first error by index is thrown once all are done.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    try results(count, body).map { try $0.get() }
  }

  /// The same for work that cannot fail.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    results(count, body).map { try! $0.get() }
  }

  /// Two independent pieces of work of different kinds, one on each core.
  public static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    let (first, second) = (Slots<A>(count: 1), Slots<B>(count: 1))
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      if i == 0 { first.set(0, .success(a())) } else { second.set(0, .success(b())) }
    }
    return (try! first.values[0].get(), try! second.values[0].get())
  }
}

/// One slot per piece of concurrent work. `@unchecked Sendable`: `lock` guards `slots`, and
/// nothing reads a slot except under it.
public final class Slots<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<T, any Error>?]
  public init(count: Int) { slots = Array(repeating: nil, count: count) }
  public func set(_ i: Int, _ r: Result<T, any Error>) { lock.withLock { slots[i] = r } }
  /// The slots filled so far, in order.
  public var values: [Result<T, any Error>] { lock.withLock { slots.compactMap { $0 } } }
}
