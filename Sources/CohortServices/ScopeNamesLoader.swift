import CohortCore

extension ScopeNames {
  /// A school's classes in `year`, as the names of scopes (the loaders gather them from the
  /// school.json files they read).
  public static func classes(of school: School, in year: AcademicYear) -> [ClassInfo] {
    school.classes(in: year).map {
      ClassInfo(id: $0.id, school: school.id, name: $0.name, yearGroups: $0.yearGroups, teachers: $0.teachers)
    }
  }
}
