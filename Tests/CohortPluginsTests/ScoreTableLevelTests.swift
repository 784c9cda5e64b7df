import CohortCore
import CohortPluginKit
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

/// Tables imported per level and term; a raw score is standardised through the pupil's
/// level's table, which the preview names; an age outside it is one line naming the pupil
/// (issue 16, item 8).
@Suite struct ScoreTableLevelTests {
  func request(_ s: SampleFolder, _ text: String, _ options: [String: String], registry: PluginRegistry? = nil) throws
    -> ImportRequest
  {
    ImportRequest(
      folder: s.folder, trust: try s.folder.loadTrust(), registry: registry ?? s.registry, data: Data(text.utf8),
      fileName: "t.csv", options: options)
  }

  /// raw 0-2 for the given months, every score `base + raw`.
  func tableCSV(_ months: ClosedRange<Int>, base: Int) -> String {
    "raw," + months.map { "\($0 / 12):\($0 % 12)" }.joined(separator: ",") + "\n"
      + (0...2).map { raw in "\(raw)," + months.map { _ in String(base + raw) }.joined(separator: ",") }
      .joined(separator: "\n") + "\n"
  }

  @Test func eachLevelsTableIsKeptAndThePupilsLevelPicksIt() throws {
    let s = try SampleFolder()
    let roster = try s.folder.loadRoster("oakfield")
    let y3 = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y3", year: s.year).pupils.compactMap {
      roster.pupil(id: $0)
    }
    let date = SchoolDate(iso: "2026-11-20")!
    let ages = y3.compactMap { Age(born: $0.dob, on: date)?.totalMonths }
    // Both tables cover every Y3 pupil's age: only the level tells them apart.
    let months = (ages.min()! - 12)...(ages.max()! + 12)
    for (level, base) in [(3, 90), (4, 80)] {
      let p = try TableImporter().preview(
        try request(
          s, tableCSV(months, base: base),
          ["test": "nfer-reading", "edition": "2023", "level": String(level), "term": "autumn"]))
      #expect(p.changes.first?.hasPrefix("table nfer-reading Y\(level) autumn, edition 2023") == true)
      try p.apply(to: s.folder)
    }
    #expect(FileManager.default.fileExists(atPath: s.path + "/plugins/tables/nfer-reading-y3-autumn-2023.json"))
    #expect(FileManager.default.fileExists(atPath: s.path + "/plugins/tables/nfer-reading-y4-autumn-2023.json"))
    let registry = BuiltInPlugins.registry(for: s.folder, trust: try s.folder.loadTrust())
    #expect(registry.scoreTables(for: "nfer-reading").tables.count == 2)
    let options = ["test": "nfer-reading", "year": "2026-27", "term": "autumn", "date": "20/11/2026"]
    let scores = try ScoresImporter().preview(
      try request(s, "UPN,Raw score\n\(y3[0].upn!),2\n", options, registry: registry))
    #expect(scores.rejected.isEmpty, "\(scores.rejected)")
    #expect(
      scores.changes.first?.hasSuffix("92 (raw 2) (table nfer-reading Y3 autumn, edition 2023)") == true,
      "\(scores.changes)")
    // A table for a level that does not cover the pupil's age: a refusal naming pupil and table.
    let narrow = try TableImporter().preview(
      try request(
        s, tableCSV(60...70, base: 70), ["test": "nfer-reading", "edition": "2024", "level": "3", "term": "autumn"]))
    try narrow.apply(to: s.folder)
    let newer = BuiltInPlugins.registry(for: s.folder, trust: try s.folder.loadTrust())
    let refused = try ScoresImporter().preview(
      try request(s, "UPN,Raw score\n\(y3[0].upn!),2\n", options, registry: newer))
    let reason = try #require(refused.rejected.first?.reason)
    #expect(
      reason.hasPrefix("\(y3[0].fullName): age ")
        && reason.contains("outside the ages of table nfer-reading Y3 autumn, edition 2024"))
    #expect(throws: InputError.self) {
      try TableImporter().preview(
        try request(s, tableCSV(months, base: 80), ["test": "nfer-reading", "edition": "2023", "level": "R"]))
    }
  }
}
