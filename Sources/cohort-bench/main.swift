import Foundation

// The benchmark (make bench); see Bench.swift.
MainActor.assumeIsolated {
  do {
    try Bench(arguments: CommandLine.arguments).run()
  } catch {
    log("\(error)")
    exit(1)
  }
}
