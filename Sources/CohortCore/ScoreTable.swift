import Foundation

/// An age-standardisation table from a publisher: a raw score and the pupil's age in years
/// and months on the test date give the standardised score. Outside the table there is no
/// score, and the reason says why: never a guess.
public struct ScoreTable: Hashable, Sendable, Codable {
  public var test: String
  /// The publisher's edition or norming year, e.g. "2023" or "3rd edition" (compared as
  /// editions: `Edition`).
  public var edition: String
  /// The test level (year group) and term the publisher printed it for: tables of one test's
  /// levels overlap in age, so the pupil's level picks the table. Nil: any level or term.
  public var level: Int?
  public var term: Term?
  /// Ages covered, in whole months (e.g. 7:00 = 84 to 8:11 = 107).
  public var minAgeMonths: Int
  public var maxAgeMonths: Int
  public var minRaw: Int
  public var maxRaw: Int
  /// scores[raw - minRaw][ageMonths - minAgeMonths]; nil where the publisher gives none.
  public var scores: [[Int?]]

  public init(
    test: String, edition: String, level: Int? = nil, term: Term? = nil, minAgeMonths: Int, maxAgeMonths: Int,
    minRaw: Int, maxRaw: Int, scores: [[Int?]]
  ) {
    self.test = test
    self.edition = edition
    self.level = level
    self.term = term
    self.minAgeMonths = minAgeMonths
    self.maxAgeMonths = maxAgeMonths
    self.minRaw = minRaw
    self.maxRaw = maxRaw
    self.scores = scores
  }

  /// "puma Y4 autumn, edition 2023": what a lookup names.
  public var name: String {
    let level = level.map { " " + YearGroup($0).shortLabel } ?? ""
    return "\(test)\(level)\(term.map { " \($0.rawValue)" } ?? ""), edition \(edition)"
  }

  public func standardised(raw: Int, age: Age) throws -> Int {
    guard (minAgeMonths...maxAgeMonths).contains(age.totalMonths) else {
      throw InputError(
        "age \(age) is outside the ages of table \(name) (\(Age(totalMonths: minAgeMonths))-\(Age(totalMonths: maxAgeMonths)))"
      )
    }
    guard (minRaw...maxRaw).contains(raw) else {
      throw InputError("raw score \(raw) is outside table \(name)'s range \(minRaw)-\(maxRaw)")
    }
    guard let score = scores[raw - minRaw][age.totalMonths - minAgeMonths] else {
      throw InputError("table \(name) gives no score for raw \(raw) at age \(age)")
    }
    return score
  }

  public func problems() -> [String] {
    var out: [String] = []
    if minAgeMonths > maxAgeMonths || minRaw > maxRaw { out.append("the ranges are empty") }
    if scores.count != maxRaw - minRaw + 1 { out.append("needs one row per raw score \(minRaw)-\(maxRaw)") }
    if let bad = scores.firstIndex(where: { $0.count != maxAgeMonths - minAgeMonths + 1 }) {
      out.append("row for raw \(minRaw + bad) needs one score per month of age")
    }
    return out
  }
}

extension ScoreTable {
  /// Reads a publisher's table as CSV: a header `raw` then one column per age ("7:00",
  /// "7:01"... or "7y 0m"), then one row per raw score. Cells may be blank (no score), a
  /// number, or "<70" / ">140" (stored as the test's reported minimum / maximum).
  public static func parseCSV(
    _ text: String, test: TestDefinition, edition: String, level: Int? = nil, term: Term? = nil
  ) throws -> ScoreTable {
    let rows = CSVReader.rows(text)
    guard let header = rows.first, header.count >= 2 else {
      throw InputError("line 1: expected a header: raw, then ages like 7:00")
    }
    var ages: [Int] = []
    for (i, cell) in header.dropFirst().enumerated() {
      guard let months = parseAge(cell) else {
        throw InputError("line 1, column \(i + 2): '\(cell)' is not an age like 7:00")
      }
      ages.append(months)
    }
    guard ages == Array(ages[0]...ages[0] + ages.count - 1) else {
      throw InputError("line 1: ages must run month by month without gaps")
    }
    var byRaw: [(Int, [Int?])] = []
    for (n, row) in rows.dropFirst().enumerated() where !row.allSatisfy({ $0.isEmpty }) {
      let line = n + 2
      guard let raw = Int(row[0].trimmingCharacters(in: .whitespaces)) else {
        throw InputError("line \(line): '\(row[0])' is not a raw score")
      }
      guard row.count - 1 <= ages.count else { throw InputError("line \(line): more scores than ages in the header") }
      var scores: [Int?] = []
      for (j, cell) in (row.dropFirst() + Array(repeating: "", count: ages.count - (row.count - 1))).enumerated() {
        let t = cell.trimmingCharacters(in: .whitespaces)
        if t.isEmpty {
          scores.append(nil)
        } else if t.hasPrefix("<") {
          scores.append(test.minimum)
        } else if t.hasPrefix(">") {
          scores.append(test.maximum)
        } else if let v = Int(t), (test.minimum...test.maximum).contains(v) {
          scores.append(v)
        } else {
          throw InputError("line \(line), column \(j + 2): '\(t)' is not a score in \(test.minimum)-\(test.maximum)")
        }
      }
      byRaw.append((raw, scores))
    }
    guard let first = byRaw.first else { throw InputError("the table has no rows") }
    let raws = byRaw.map(\.0)
    guard raws == Array(first.0...first.0 + raws.count - 1) else {
      throw InputError("raw scores must run one by one without gaps (\(raws.first!)-\(raws.last!))")
    }
    return ScoreTable(
      test: test.id, edition: edition, level: level, term: term, minAgeMonths: ages.first!, maxAgeMonths: ages.last!,
      minRaw: first.0,
      maxRaw: raws.last!, scores: byRaw.map(\.1))
  }

  /// "7:00", "7:1", "7y 0m", "7.00" -> months.
  static func parseAge(_ text: String) -> Int? {
    let parts = text.lowercased().split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    guard parts.count == 2, (0...11).contains(parts[1]), (3...18).contains(parts[0]) else { return nil }
    return parts[0] * 12 + parts[1]
  }
}
