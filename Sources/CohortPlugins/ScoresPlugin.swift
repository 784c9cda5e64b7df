import CohortPluginKit

/// Standardised scores: importing them (and publishers' tables) and exporting them.
struct ScoresPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "scores", name: "Standardised scores", version: "1.0.0",
    description: "Imports scores and age-standardisation tables from CSV; exports scores as CSV.",
    provides: [.importer, .exporter])

  func register(_ registrar: PluginRegistrar) {
    registrar.add(importer: ScoresImporter())
    registrar.add(importer: TableImporter())
    registrar.add(exporter: ScoresCSVExporter())
  }
}
