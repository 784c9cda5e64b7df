import CohortCore
import CohortStore

extension ScopeNames {
  /// The names of the trust's schools and of the classes of the schools on this device in `year`.
  public static func load(_ folder: DataFolder, trust: Trust, year: AcademicYear) throws -> ScopeNames {
    ScopeNames(trust: trust, classes: try folder.loadSchools(of: trust).flatMap { classes(of: $0, in: year) })
  }

  public static func classes(of school: School, in year: AcademicYear) -> [ClassInfo] {
    school.classes(in: year).map {
      ClassInfo(id: $0.id, school: school.id, name: $0.name, yearGroups: $0.yearGroups, teachers: $0.teachers)
    }
  }
}
