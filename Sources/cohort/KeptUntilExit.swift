/// What a command has finished with but need not free: kept until the process exits, which
/// gives the memory back at once, instead of releasing a trust's 60,000 records one by one
/// first (a tenth of a dashboard's time).
enum KeptUntilExit {
  nonisolated(unsafe) private static var values: [Any] = []
  static func keep(_ value: Any) { values.append(value) }
}
