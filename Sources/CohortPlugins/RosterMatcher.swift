import CohortCore

/// Finds which of a school's pupils a roster entry is: by UPN, else by surname, forename and
/// date of birth (legal or preferred names). Ambiguity is a problem to show, never a guess.
struct RosterMatcher {
  enum Outcome {
    case existing(Pupil)
    case new
    case problem(String)
  }

  private var byUPN: [String: [Pupil]] = [:]
  private var byName: [String: [Pupil]] = [:]

  init(_ pupils: [Pupil]) {
    for p in pupils {
      if let u = p.upn?.uppercased().filter({ !$0.isWhitespace }), !u.isEmpty { byUPN[u, default: []].append(p) }
      byName[PupilMatcher.nameKey(p.surname, p.forename, p.dob), default: []].append(p)
    }
  }

  func match(_ e: RosterEntry) -> Outcome {
    if let u = e.upn {
      let hits = byUPN[u.value] ?? []
      if hits.count == 1 {
        // A new name or a corrected birthday is the MIS's to make; a different name and
        // birthday is more likely a mistyped UPN than the same child.
        let p = hits[0]
        let sameName =
          PupilMatcher.normal(p.surname) == PupilMatcher.normal(e.legalSurname ?? e.surname)
          || PupilMatcher.normal(p.surname) == PupilMatcher.normal(e.surname)
          || PupilMatcher.normal(p.forename) == PupilMatcher.normal(e.legalForename ?? e.forename)
          || PupilMatcher.normal(p.forename) == PupilMatcher.normal(e.forename)
        guard sameName || p.dob == e.dob else {
          return .problem(
            "UPN \(u.value) is \(p.fullName) born \(p.dob) in Cohort (\(p.id)), not \(e.fullName) born \(e.dob): check the UPN"
          )
        }
        return .existing(p)
      }
      if hits.count > 1 {
        return .problem("UPN \(u.value) belongs to \(hits.count) pupils in Cohort (\(ids(hits))): fix the roster first")
      }
    }
    var keys = [PupilMatcher.nameKey(e.surname, e.forename, e.dob)]
    keys.append(PupilMatcher.nameKey(e.legalSurname ?? e.surname, e.legalForename ?? e.forename, e.dob))
    var hits: [Pupil] = []
    for k in keys {
      for p in byName[k] ?? [] where !hits.contains(where: { $0.id == p.id }) { hits.append(p) }
    }
    if let u = e.upn, hits.count == 1, let theirs = hits[0].validUPN, !theirs.isTemporary, theirs.value != u.value {
      // Someone else with the same name and birthday, or a mistyped UPN on one side: a
      // person decides (a temporary UPN, by contrast, is meant to be replaced).
      return .problem(
        "Cohort has \(e.fullName) born \(e.dob) with UPN \(theirs.value) (\(hits[0].id)), the file says \(u.value): correct the wrong one"
      )
    }
    if hits.count == 1 { return .existing(hits[0]) }
    if hits.count > 1 {
      return .problem(
        "\(hits.count) pupils in Cohort are called \(e.fullName) born \(e.dob) (\(ids(hits))): add the UPN to tell them apart"
      )
    }
    return .new
  }

  private func ids(_ pupils: [Pupil]) -> String { pupils.map(\.id).joined(separator: ", ") }
}
