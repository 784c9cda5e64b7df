import CohortCore
import CohortPluginKit
import Foundation

/// A publisher's age-standardisation table (CSV: raw, then one column per month of age) into
/// a score-table plugin in the trust's folder, so every laptop standardises raw scores alike.
struct TableImporter: Importer {
  let id = "table.csv"
  let kind = "table"
  let title = "Age-standardisation table (CSV)"

  func preview(_ r: ImportRequest) throws -> ImportPreview {
    let test = try r.registry.test(try r.option("test"))
    let edition = try r.option("edition")
    var preview = ImportPreview()
    let (text, note) = CSVReader.decode(r.data)
    if let note { preview.notes.append(note) }
    let table = try ScoreTable.parseCSV(text, test: test, edition: edition)
    let cells = table.scores.flatMap { $0 }
    preview.changes.append(
      "\(test.name) table \(edition): raw \(table.minRaw)-\(table.maxRaw), ages \(Age(totalMonths: table.minAgeMonths))-\(Age(totalMonths: table.maxAgeMonths)), \(cells.compactMap { $0 }.count) scores, \(cells.filter { $0 == nil }.count) blank"
    )
    preview.tables = [table]
    return preview
  }
}
