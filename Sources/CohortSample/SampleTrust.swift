import CohortCore

/// What `cohort sample` is asked for.
public struct SampleOptions: Sendable {
  public var schools = 7
  public var pupilsPerSchool = 210
  public var years = 2
  public var seed = 1
  /// Pupil progress meetings with actions and reviews for past half-terms.
  public var meetings = true
  /// The last academic year generated, and the last half-term with judgements in it.
  public var endYear: AcademicYear
  public var through: HalfTerm

  public init(endYear: AcademicYear, through: HalfTerm) {
    self.endYear = endYear
    self.through = through
  }

  /// The current academic year, with judgements up to the half-term before today's (so that
  /// the current half-term is ready to be entered).
  public static func asOf(_ today: SchoolDate) -> SampleOptions {
    let year = AcademicYear(containing: today)
    let current = HalfTerm.containing(today)
    if let before = current.previous { return SampleOptions(endYear: year, through: before) }
    return SampleOptions(endYear: year.previous, through: .summer2)
  }

  public var firstYear: AcademicYear { AcademicYear(startYear: endYear.startYear - years + 1) }
  public var academicYears: [AcademicYear] { (firstYear.startYear...endYear.startYear).map(AcademicYear.init) }
}

/// One generated school: its documents, ready for the store.
public struct SampleSchool: Sendable {
  public var school: School
  public var roster: Roster
  public var classYears: [ClassYear]
}

/// A deterministic synthetic trust: the same options give the same documents, byte for byte.
/// Pupils keep a latent attainment per subject that moves a little each half-term, so most
/// keep their band, some dip and recover, and a few fall behind, as real cohorts do.
public enum SampleTrust {
  /// The tests the sample trust sits three times a year in Years 1-6.
  public static let testIDs = ["nfer-reading", "nfer-maths", "gaps"]

  public static func trust(_ options: SampleOptions, name: String = "Sample Learning Trust") -> Trust {
    var trust = Trust(id: slug(name), name: name, schools: (0..<options.schools).map { ref(index: $0) })
    trust.tests = testIDs
    return trust
  }

  /// School `index`: a name from the list, with a suffix (and number) once the list runs out.
  /// The id is short, because people type it: "oakfield", "oakfield-2".
  static func ref(index: Int) -> SchoolRef {
    let base = SampleNames.schools[index % SampleNames.schools.count]
    let round = index / SampleNames.schools.count
    let suffix = SampleNames.schoolSuffixes[round % SampleNames.schoolSuffixes.count]
    let name = base + suffix + (round >= SampleNames.schoolSuffixes.count ? " \(round + 1)" : "")
    return SchoolRef(id: slug(base) + (round > 0 ? "-\(round + 1)" : ""), name: name)
  }

  /// Generates school `index` on its own random stream, so schools can be made in any order.
  public static func school(
    _ index: Int, options: SampleOptions, scheme: CodeScheme, subjects: [Subject], tests: [TestDefinition] = []
  ) -> SampleSchool {
    var generator = SchoolGenerator(index: index, options: options, scheme: scheme, subjects: subjects, tests: tests)
    return generator.make()
  }
}

extension SampleTrust {
  /// The people the sample's documents name: each class teacher at their schools, and the
  /// leaders who attend every meeting.
  public static func staff(of schools: [School]) -> [StaffMember] {
    var schoolsOf: [String: [String]] = [:]
    var order: [String] = []
    for s in schools {
      for name in s.years.flatMap({ s.classes(in: $0) }).flatMap(\.teachers) {
        if schoolsOf[name] == nil { order.append(name) }
        if !(schoolsOf[name] ?? []).contains(s.id) { schoolsOf[name, default: []].append(s.id) }
      }
    }
    let teachers = order.enumerated().map { i, name in
      StaffMember(id: slug(name) + "-\(i + 1)", name: name, role: .teacher, schools: schoolsOf[name] ?? [])
    }
    return teachers
      + SchoolGenerator.leaders.enumerated().map { i, name in
        StaffMember(id: "leader-\(i + 1)", name: name, role: .leader)
      }
  }
}
