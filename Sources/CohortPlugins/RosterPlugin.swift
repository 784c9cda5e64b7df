import CohortPluginKit

/// Pupils from the MIS (CTF and CSV rosters) and back out (XLSX workbook, CTF).
struct RosterPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "roster", name: "Rosters and data exchange", version: "1.0.0",
    description: "Imports pupils from a DfE Common Transfer File or an MIS CSV export; exports a workbook and a CTF.",
    provides: [.importer, .exporter])

  func register(_ registrar: PluginRegistrar) {
    registrar.add(importer: CTFImporter())
    registrar.add(importer: RosterCSVImporter())
    registrar.add(importer: StatutoryCSVImporter())
    registrar.add(exporter: XLSXWorkbookExporter())
    registrar.add(exporter: CTFExporter())
  }
}
