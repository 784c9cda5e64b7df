import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// "Reading roster.csv: 1200 of 5000" on stderr, rewritten in place, only when stderr is a
/// terminal and only once the work has taken a second: scripts and quick imports see nothing.
/// `@unchecked Sendable`: `lock` guards `shown` and every write to stderr.
final class ProgressLine: @unchecked Sendable {
  private let what: String
  private let start = Date()
  private let lock = NSLock()
  private var shown = false
  private let enabled: Bool
  /// Seconds before the line appears; COHORT_PROGRESS_AFTER changes it (tests use 0).
  private let after = ProcessInfo.processInfo.environment["COHORT_PROGRESS_AFTER"].flatMap(Double.init) ?? 1

  init(what: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
    self.what = what
    self.enabled = enabled
  }

  func update(_ done: Int, _ total: Int) {
    guard enabled, Date().timeIntervalSince(start) >= after else { return }
    lock.lock()
    defer { lock.unlock() }
    shown = true
    FileHandle.standardError.write(Data("\r\(what): \(done) of \(total)\u{1B}[K".utf8))
  }

  /// For work that cannot count its steps (an export): the seconds so far, once a second.
  func ticking<T>(_ body: () throws -> T) rethrows -> T {
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + after, repeating: 1)
    timer.setEventHandler { [self] in
      guard enabled else { return }
      lock.lock()
      defer { lock.unlock() }
      shown = true
      let seconds = Int(Date().timeIntervalSince(start))
      FileHandle.standardError.write(Data("\r\(what): \(seconds) s\u{1B}[K".utf8))
    }
    timer.resume()
    defer { timer.cancel() }
    return try body()
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
