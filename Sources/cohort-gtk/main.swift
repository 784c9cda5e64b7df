import CohortStore
import CohortUI

Allocator.tuneForBulkReads()
CohortApp.main()
