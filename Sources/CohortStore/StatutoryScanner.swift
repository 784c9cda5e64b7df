import CohortCore

/// The byte reader for statutory.json, which the trust's statutory view reads for every
/// school: decoded with JSONDecoder, ninety schools' results took a second. Same contract as
/// `RosterScanner`: what it accepts means the same as in the strict path (StatutoryResult's
/// decoder: optional parts left out or null are nil, unknown keys are skipped); anything else
/// returns nil and the strict path reads or explains the document.
enum StatutoryScanner {
  static func read(_ bytes: [UInt8]) -> StatutoryResults? {
    bytes.withUnsafeBufferPointer { buffer in
      var s = ByteScanner(b: buffer)
      guard let results = try? s.statutory(), results.format <= DocumentFormat.current else { return nil }
      return results
    }
  }
}

extension ByteScanner {
  static let statutoryFields = Fields(["format", "pupils", "school"])
  /// A result's keys, named and ordered as on disk (sorted).
  enum ResultKey: Int, CaseIterable {
    case component, locale, method, result, resultQualifier, resultStatus, stage, subject, year
  }
  static let resultFields = Fields(ResultKey.allCases.map { "\($0)" })

  mutating func statutory() throws -> StatutoryResults {
    var format: Int?
    var school: String?
    var pupils: [String: [StatutoryResult]]?
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.statutoryFields) {
      switch key {
      case "format": format = Int(try int())
      case "school": school = try string()
      case "pupils":
        var byPupil: [String: [StatutoryResult]] = [:]
        var ids = Keys()
        try open()
        while let id = try nextKey(&ids) { byPupil[id] = try list { s in try s.statutoryResult() } }
        pupils = byPupil
      default: try skip()
      }
    }
    try end()
    guard let format, let school, let pupils else { throw Mismatch() }
    var results = StatutoryResults(school: school, pupils: pupils)
    results.format = format
    return results
  }

  mutating func statutoryResult() throws -> StatutoryResult {
    var (stage, subject, method, result): (String?, String?, String?, String?)
    var year: Int?
    var r = StatutoryResult(stage: "", year: 0, subject: "", method: "", result: "")
    var keys = Keys()
    try open()
    while let k = try nextField(&keys, Self.resultFields) {
      switch ResultKey(rawValue: k) {
      case .stage?: stage = try string()
      case .year?: year = Int(exactly: try int())
      case .subject?: subject = try string()
      case .method?: method = try string()
      case .result?: result = try string()
      case .component?: r.component = null() ? nil : try string()
      case .locale?: r.locale = null() ? nil : try string()
      case .resultStatus?: r.resultStatus = null() ? nil : try string()
      case .resultQualifier?: r.resultQualifier = null() ? nil : try string()
      case nil: try skip()
      }
    }
    guard let stage, let year, let subject, let method, let result else { throw Mismatch() }
    (r.stage, r.year, r.subject, r.method, r.result) = (stage, year, subject, method, result)
    return r
  }
}
