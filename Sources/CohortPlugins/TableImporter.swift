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
    // The level (year group) and term the publisher printed the table for; none: any.
    let level = try r.options["level"].map { text -> Int in
      let group = try YearGroup.parse(text)
      guard test.yearGroups.contains(group) else {
        throw InputError("--level \(text): \(test.name) is not sat in \(group.label)")
      }
      return group.number
    }
    let term = try r.options["term"].map { text -> Term in
      guard let t = Term(rawValue: text.lowercased()) else {
        throw InputError("--term '\(text)' is not autumn, spring or summer")
      }
      return t
    }
    var preview = ImportPreview()
    let (text, note) = CSVReader.decode(r.data)
    if let note { preview.notes.append(note) }
    let table = try ScoreTable.parseCSV(text, test: test, edition: edition, level: level, term: term)
    let cells = table.scores.flatMap { $0 }
    preview.changes.append(
      "table \(table.name): raw \(table.minRaw)-\(table.maxRaw), ages \(Age(totalMonths: table.minAgeMonths))-\(Age(totalMonths: table.maxAgeMonths)), \(cells.compactMap { $0 }.count) scores, \(cells.filter { $0 == nil }.count) blank"
    )
    preview.tables = [table]
    return preview
  }
}
