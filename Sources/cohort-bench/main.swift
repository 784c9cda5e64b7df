import CohortStore
import Foundation

// The benchmark (make bench); see Bench.swift. The allocator is set as the programs it
// measures set it.
Allocator.tuneForBulkReads()
MainActor.assumeIsolated {
  do {
    try Bench(arguments: CommandLine.arguments).run()
  } catch {
    log("\(error)")
    exit(1)
  }
}
