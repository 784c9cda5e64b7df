import CohortPluginKit
import Foundation

/// Judgements, pupils and statutory results as CSV (columns fixed in CSVExport and the exporters).
struct CSVExportPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "export.csv", name: "CSV export", version: "1.0.0",
    description: "Judgements, pupils and statutory results as CSV files for spreadsheets and other tools.",
    provides: [.exporter])

  func register(_ registrar: PluginRegistrar) {
    registrar.add(exporter: Judgements())
    registrar.add(exporter: Pupils())
    registrar.add(exporter: StatutoryCSVExporter())
  }

  struct Judgements: Exporter {
    let id = "csv.judgements"
    let format = "csv"
    let what = "judgements"
    let title = "Judgements (CSV)"
    func export(_ r: ExportRequest) throws -> Data { Data(try CSVExport.judgements(r.folder, scheme: r.scheme).utf8) }
  }

  struct Pupils: Exporter {
    let id = "csv.pupils"
    let format = "csv"
    let what = "pupils"
    let title = "Pupils (CSV)"
    func export(_ r: ExportRequest) throws -> Data { Data(try CSVExport.pupils(r.folder, year: r.year).utf8) }
  }
}
