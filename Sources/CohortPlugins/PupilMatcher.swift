import CohortCore
import CohortStore
import Foundation

/// Finds the trust's pupils from what an imported row says: UPN first, else surname,
/// forename and date of birth. Ambiguous matches are listed, never guessed.
struct PupilMatcher {
  struct Found {
    let school: String
    let pupil: Pupil
  }

  private var byUPN: [String: [Found]] = [:]
  private var byName: [String: [Found]] = [:]

  init(folder: DataFolder, trust: Trust) throws {
    for ref in folder.presentSchools(of: trust) {
      for p in try folder.loadRoster(ref.id).pupils {
        let f = Found(school: ref.id, pupil: p)
        if let upn = p.upn?.uppercased() { byUPN[upn, default: []].append(f) }
        byName[Self.nameKey(p.surname, p.forename, p.dob), default: []].append(f)
      }
    }
  }

  static func normal(_ s: String) -> String {
    s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter { $0.isLetter }
  }

  static func nameKey(_ surname: String, _ forename: String, _ dob: SchoolDate) -> String {
    "\(normal(surname))|\(normal(forename))|\(dob)"
  }

  /// The pupil, or a reason that names what was tried.
  func match(upn: String?, surname: String?, forename: String?, dob: SchoolDate?) -> Result<Found, InputError> {
    if let u = upn?.uppercased().filter({ !$0.isWhitespace }), !u.isEmpty {
      let hits = byUPN[u] ?? []
      if hits.count == 1 { return .success(hits[0]) }
      if hits.count > 1 {
        return .failure(InputError("UPN \(u) belongs to \(hits.count) pupils: fix the rosters first"))
      }
      if surname == nil || dob == nil { return .failure(InputError("no pupil with UPN \(u)")) }
    }
    guard let surname, let forename, let dob else {
      return .failure(InputError("no UPN, and no surname, forename and date of birth to match on"))
    }
    let hits = byName[Self.nameKey(surname, forename, dob)] ?? []
    if hits.count == 1 { return .success(hits[0]) }
    if hits.isEmpty { return .failure(InputError("no pupil called \(forename) \(surname) born \(dob)")) }
    return .failure(
      InputError(
        "\(hits.count) pupils are called \(forename) \(surname) born \(dob) (\(hits.map(\.pupil.id).joined(separator: ", "))): add the UPN"
      ))
  }
}
