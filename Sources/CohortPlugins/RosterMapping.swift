import CohortCore
import CohortStore

/// A school's choice of which CSV header holds which roster field, for exports whose headers
/// no alias knows (`schools/<school>/roster-mapping.json`).
struct RosterMapping: VersionedDocument, Hashable, Sendable {
  var format = DocumentFormat.current
  var school: String
  var fields: [RosterCSV.Field: String]

  static func path(_ school: String) -> String { "schools/\(school)/roster-mapping.json" }

  static func load(_ folder: DataFolder, school: String) throws -> RosterMapping {
    guard isSafeID(school) else { throw InputError("'\(school)' is not a valid school id") }
    return try folder.read(RosterMapping.self, at: path(school)) ?? RosterMapping(school: school, fields: [:])
  }

  /// "surname=Family Name;className=Tutor Grp" -> the mapping; unknown field names are refused.
  static func parse(_ text: String) throws -> RosterMapping {
    var fields: [RosterCSV.Field: String] = [:]
    for pair in text.split(separator: ";") {
      let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let f = RosterCSV.Field(rawValue: parts[0]), !parts[1].isEmpty else {
        throw InputError(
          "--map '\(pair)': write field=Header; fields are \(RosterCSV.Field.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      fields[f] = parts[1]
    }
    return RosterMapping(school: "", fields: fields)
  }

  enum CodingKeys: String, CodingKey { case format, school, fields }

  init(format: Int = DocumentFormat.current, school: String, fields: [RosterCSV.Field: String]) {
    self.format = format
    self.school = school
    self.fields = fields
  }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(Int.self, forKey: .format)
    school = try c.decode(String.self, forKey: .school)
    let raw = try c.decode([String: String].self, forKey: .fields)
    fields = Dictionary(uniqueKeysWithValues: raw.compactMap { k, v in RosterCSV.Field(rawValue: k).map { ($0, v) } })
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(school, forKey: .school)
    try c.encode(Dictionary(uniqueKeysWithValues: fields.map { ($0.key.rawValue, $0.value) }), forKey: .fields)
  }
}
