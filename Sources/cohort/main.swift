import CohortStore

// The `cohort` command line: argument parsing only; the work is in the libraries.
Allocator.tuneForBulkReads()
CohortCommand.runAndExit()
