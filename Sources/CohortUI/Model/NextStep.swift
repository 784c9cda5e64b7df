import CohortCore

/// What a trust that is not set up yet needs next, in a teacher's words, for the part of the
/// trust on screen: shown instead of empty pages, with buttons that do it.
public struct NextStep: Equatable, Sendable {
  public enum Action: Equatable, Sendable {
    case importPupils
    case settings(TrustSettingsSection)
  }
  public var title: String
  public var detail: String
  public var actions: [Action]

  /// nil when the scope has classes to show. `hasPupils` says whether a school has any on roll.
  public static func of(trust: Trust, schools: [School], scope: Scope, hasPupils: (String) -> Bool) -> NextStep? {
    let year = scope.year
    guard !trust.schools.isEmpty else {
      return NextStep(
        title: "Add a school or import a CTF",
        detail:
          "\(trust.name) has no schools yet. Import a Common Transfer File from your MIS (Cohort makes the school "
          + "from it), or add a school by hand in Trust settings.",
        actions: [.importPupils, .settings(.schools)])
    }
    // A trust of one school: that school's next step, named.
    guard let id = scope.schoolID ?? (trust.schools.count == 1 ? trust.schools[0].id : nil) else {
      guard schools.allSatisfy({ $0.classes(in: year).isEmpty }) else { return nil }
      return NextStep(
        title: "Add the classes for \(year)",
        detail: "No school has classes in \(year) yet. Add each school's classes in Trust settings, then place the "
          + "pupils in them.",
        actions: [.settings(.classes)])
    }
    guard let school = schools.first(where: { $0.id == id }), school.classes(in: year).isEmpty else { return nil }
    if !hasPupils(id) {
      return NextStep(
        title: "Import the pupils and add the classes",
        detail: "\(school.name) has no pupils or classes yet. Import a Common Transfer File from your MIS for its "
          + "pupils, and add its classes for \(year) in Trust settings.",
        actions: [.importPupils, .settings(.classes)])
    }
    return NextStep(
      title: "Add the classes for \(year)",
      detail: "\(school.name) has no classes in \(year) yet. Add them in Trust settings (a mixed-age class can "
        + "have two year groups), then place the pupils in them.",
      actions: [.settings(.classes)])
  }
}

/// The parts of the trust settings window, in its order.
public enum TrustSettingsSection: String, CaseIterable, Sendable {
  case schools, classes, staff, subjects, codes, terms

  public var title: String {
    switch self {
    case .schools: "Schools"
    case .classes: "Classes"
    case .staff: "Staff"
    case .subjects: "Subjects"
    case .codes: "Codes"
    case .terms: "Term dates"
    }
  }
}
