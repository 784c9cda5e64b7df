import CohortPlugins

// The one file of the command line that names the built-in plugins. Every command asks the
// registry `BuiltInPlugins.registry(...)` makes for what it shows or runs.

typealias BuiltInPlugins = CohortPlugins.BuiltInPlugins
