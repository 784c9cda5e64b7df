import Foundation

/// SplitMix64: small, fast, and the same sequence on every machine, so that `cohort sample`
/// with the same seed writes the same bytes.
struct SeededRandom {
  private var state: UInt64

  init(_ parts: Int...) {
    var s: UInt64 = 0x9E37_79B9_7F4A_7C15
    for p in parts { s = (s ^ UInt64(bitPattern: Int64(p))) &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB }
    state = s
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
  mutating func chance(_ p: Double) -> Bool { unit() < p }
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// Standard normal (Box-Muller).
  mutating func normal() -> Double {
    let u1 = max(unit(), 1e-12)
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// Picks an item with the given weights.
  mutating func weighted<T>(_ items: [(T, Double)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var r = unit() * total
    for (item, w) in items {
      if r < w { return item }
      r -= w
    }
    return items.last!.0
  }

  /// Fisher-Yates, deterministic.
  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, int(0...i))
    }
  }
}
