import CohortCore
import CohortStore
import Foundation

/// Finds a pupil by name or UPN across the schools on this device, with the class they are in
/// for a year (Ctrl+F). Built once off the main thread: every class list of the year is read.
public struct PupilFinder: Sendable {
  public struct Hit: Sendable, Equatable {
    public var pupil: Pupil
    public var school: String
    public var schoolName: String
    public var classID: String
    public var className: String

    /// "Amira Khan, Robins, Oakfield Primary School".
    public var text: String { "\(pupil.fullName), \(className), \(schoolName)" }
  }

  public let hits: [Hit]

  public init(hits: [Hit]) { self.hits = hits }

  public static func build(folder: DataFolder, schools: [School], year: AcademicYear) -> PupilFinder {
    var hits: [Hit] = []
    for school in schools {
      guard let roster = try? folder.loadRoster(school.id) else { continue }
      let byID = Dictionary(roster.pupils.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      for c in school.classes(in: year) {
        guard let doc = try? folder.loadClassColumns(school: school.id, classID: c.id, year: year) else { continue }
        for id in doc.members {
          guard let pupil = byID[id] else { continue }
          hits.append(Hit(pupil: pupil, school: school.id, schoolName: school.name, classID: c.id, className: c.name))
        }
      }
    }
    return PupilFinder(
      hits: hits.sorted { ($0.pupil.surname, $0.pupil.forename) < ($1.pupil.surname, $1.pupil.forename) })
  }

  /// Pupils whose name has every typed word at the start of a word (any order, any case or
  /// accent), or whose UPN starts with what is typed; the school in view first.
  public func matches(_ typed: String, preferring school: String? = nil, limit: Int = 30) -> [Hit] {
    let words = Self.fold(typed).split(separator: " ").map(String.init)
    guard !words.isEmpty else { return [] }
    let found = hits.filter { hit in
      if let upn = hit.pupil.upn, upn.count >= 4, typed.count >= 4, upn.lowercased().hasPrefix(typed.lowercased()) {
        return true
      }
      let names = Self.fold(hit.pupil.fullName).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" })
      return words.allSatisfy { w in names.contains { $0.hasPrefix(w) } }
    }
    let ordered = found.filter { $0.school == school } + found.filter { $0.school != school }
    return Array(ordered.prefix(limit))
  }

  static func fold(_ s: String) -> String {
    s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
