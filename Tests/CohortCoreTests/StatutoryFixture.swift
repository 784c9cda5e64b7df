import Foundation

@testable import CohortCore

/// DfE's statutory assessments as Cohort ships them (resources/plugins/statutory/dfe.json).
enum StatutoryFixture {
  struct File: Decodable { var statutoryTable: StatutoryTable }

  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("resources/plugins/statutory/dfe.json").path

  static func dfe() throws -> StatutoryTable {
    try JSONDecoder().decode(File.self, from: try Data(contentsOf: URL(fileURLWithPath: path))).statutoryTable
  }
}
