import Foundation

/// Repeated timings of one figure: the median and the spread (min-max) are printed.
struct Stats {
  var samples: [Double]

  var median: Double {
    let s = samples.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }
  var min: Double { samples.min() ?? .nan }
  var max: Double { samples.max() ?? .nan }

  /// Runs `body` `repeats` times (after `warmup` untimed runs) and keeps each duration.
  /// `before`: done ahead of each timed run, untimed (emptying a cache).
  static func time(repeats: Int, warmup: Int = 0, before: () -> Void = {}, _ body: () throws -> Void) rethrows
    -> Stats
  {
    for _ in 0..<warmup { try body() }
    var out: [Double] = []
    for _ in 0..<repeats {
      before()
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      out.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return Stats(samples: out)
  }

  /// "4.2 ms (3.9-5.1)"
  var text: String {
    samples.isEmpty ? "-" : "\(Self.seconds(median)) (\(Self.seconds(min))-\(Self.seconds(max)))"
  }

  static func seconds(_ s: Double) -> String {
    if s.isNaN { return "-" }
    if s < 0.001 { return String(format: "%.0f us", s * 1e6) }
    if s < 1 { return String(format: s < 0.01 ? "%.2f ms" : s < 0.1 ? "%.1f ms" : "%.0f ms", s * 1000) }
    return String(format: "%.2f s", s)
  }

  static func mebibytes(_ bytes: Int) -> String { String(format: "%.0f MiB", Double(bytes) / 1_048_576) }
}

/// One line of the results: a figure at each trust size, its target and what bounds it.
struct Figure {
  var name: String
  var target: String
  var bound: String
  /// Per size (small, medium, large): the printed value, or why it is missing.
  var values: [String: String] = [:]
  /// The large trust's median in seconds (or bytes for memory), for the target check.
  var largeValue: Double?
  var met: Bool?
}
