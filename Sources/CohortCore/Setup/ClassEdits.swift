import Foundation

/// Classes of one academic year at a school. Like the trust's edits: checked, all or nothing,
/// marked for merging, and described for the journal.
extension School {
  /// A class with its name and year groups checked (ids are made by the caller, which knows
  /// every school's classes: a class id is unique across the trust).
  public static func checkedClass(id: String, name: String, yearGroups: [YearGroup], teachers: [String]) throws
    -> SchoolClass
  {
    let name = name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw InputError("a class needs a name") }
    guard isSafeID(id) else { throw InputError("class id '\(id)' is not valid: lower-case letters, digits, - and _") }
    guard !yearGroups.isEmpty else { throw InputError("class \(name) needs at least one year group (like 3 or 3,4)") }
    if let odd = yearGroups.first(where: { !$0.isPrimary }) {
      throw InputError("class \(name): \(odd.label) is not a primary year group (R or 1-6)")
    }
    return SchoolClass(id: id, name: name, yearGroups: Array(Set(yearGroups)).sorted(), teachers: teachers)
  }

  func checkOpen(_ year: AcademicYear) throws {
    if isReadOnly(year) { throw InputError("\(year) is closed at \(name) (read-only since the rollover)") }
  }

  public mutating func addClass(_ c: SchoolClass, year: AcademicYear, at now: Int64) throws -> String {
    try checkOpen(year)
    if let same = classes(in: year).first(where: { $0.name.lowercased() == c.name.lowercased() }) {
      throw InputError("\(name) already has a class \(same.name) in \(year)")
    }
    classes[year, default: []].append(c)
    touch("class:\(year):\(c.id)", at: now)
    return "added class \(c.name) (\(c.yearGroupsLabel)) for \(year)"
  }

  public mutating func updateClass(_ c: SchoolClass, year: AcademicYear, at now: Int64) throws -> String {
    try checkOpen(year)
    guard let i = classes(in: year).firstIndex(where: { $0.id == c.id }) else {
      throw InputError("no class '\(c.id)' at \(name) in \(year)")
    }
    if let same = classes(in: year).first(where: { $0.id != c.id && $0.name.lowercased() == c.name.lowercased() }) {
      throw InputError("\(name) already has a class \(same.name) in \(year)")
    }
    classes[year]![i] = c
    touch("class:\(year):\(c.id)", at: now)
    return "edited class \(c.name) (\(c.yearGroupsLabel)) for \(year)"
  }

  /// Removing a class that holds pupils is refused by the caller, which reads its document.
  public mutating func removeClass(_ id: String, year: AcademicYear, at now: Int64) throws -> String {
    try checkOpen(year)
    guard let i = classes(in: year).firstIndex(where: { $0.id == id }) else {
      throw InputError("no class '\(id)' at \(name) in \(year)")
    }
    let removed = classes[year]!.remove(at: i)
    touch("class:\(year):\(id)", at: now)
    return "removed class \(removed.name) for \(year)"
  }
}

extension YearGroup {
  /// "3,4", "R,1", "Y5/Y6" -> year groups.
  public static func parseList(_ text: String) throws -> [YearGroup] {
    let parts = text.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == " " }).map(String.init)
    guard !parts.isEmpty else { throw InputError("no year group given: write them like 3 or 3,4") }
    return try parts.map(YearGroup.parse)
  }
}
