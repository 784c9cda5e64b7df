import CohortUI

CohortApp.main()
