import CohortCore

/// Builds one sample school: pupils by cohort, classes per year, judgements per half-term.
struct SchoolGenerator {
  let index: Int
  let options: SampleOptions
  let scheme: CodeScheme
  let subjects: [Subject]
  let tests: [TestDefinition]
  let ref: SchoolRef
  var rng: SeededRandom
  /// Mixed-age schools put Years 1/2, 3/4 and 5/6 together.
  let mixedAge: Bool

  init(index: Int, options: SampleOptions, scheme: CodeScheme, subjects: [Subject], tests: [TestDefinition]) {
    self.index = index
    self.options = options
    self.scheme = scheme
    self.subjects = subjects
    self.tests = tests
    self.ref = SampleTrust.ref(index: index)
    self.rng = SeededRandom(options.seed, index)
    self.mixedAge = index % 4 == 3
  }

  struct SamplePupil {
    var pupil: Pupil
    /// The academic year in which the pupil was in Reception.
    var receptionYear: Int
    var lastYear: Int
    var ability: [Double]
  }

  mutating func make() -> SampleSchool {
    var pupils: [SamplePupil] = []
    let perYear = max(1, options.pupilsPerSchool / 7)
    let first = options.firstYear.startYear
    let last = options.endYear.startYear
    for reception in (first - 6)...last {
      // Schools admit up to their published number; most years are nearly full.
      let size = max(1, perYear - rng.int(0...perYear / 10))
      for serial in 0..<size {
        pupils.append(makePupil(reception: reception, serial: serial, id: pupils.count + 1))
      }
    }
    var school = School(id: ref.id, name: ref.name, urn: String(100_000 + index * 137 % 900_000))
    var classYears: [ClassYear] = []
    for year in options.academicYears {
      let onRoll = pupils.filter { year.startYear >= $0.receptionYear && year.startYear <= $0.lastYear }
      let (classes, docs) = makeClasses(year: year, pupils: onRoll)
      school.classes[year] = classes
      classYears += docs
    }
    let roster = Roster(school: ref.id, pupils: pupils.map(\.pupil))
    return SampleSchool(school: school, roster: roster, classYears: classYears)
  }

  mutating func makePupil(reception: Int, serial: Int, id: Int) -> SamplePupil {
    let female = rng.chance(0.49)
    let born = SchoolDate(year: reception - 5, month: 9, day: 1)!.adding(days: rng.int(0...364))
    let ethnicity = rng.weighted(SampleNames.ethnicities)
    let eal = rng.chance(ethnicity == "WBRI" ? 0.02 : 0.62)
    let fsm = rng.chance(0.22)
    let ever6 = fsm || rng.chance(0.04)
    let looked = rng.chance(0.01)
    let send: SENDStatus = rng.weighted([(.none, 82), (.support, 15), (.ehcPlan, 3)])
    var leaver = reception + 6
    if rng.chance(0.04) { leaver = reception + rng.int(0...5) }  // moved away
    let pupil = Pupil(
      id: "\(ref.id)-\(id < 1000 ? String(repeating: "0", count: 4 - String(id).count) : "")\(id)",
      upn: upn(reception: reception, serial: serial),
      forename: rng.pick(female ? SampleNames.girls : SampleNames.boys),
      surname: rng.pick(SampleNames.surnames), dob: born, sex: female ? .female : .male,
      pupilPremium: ever6 || looked, fsm: fsm, ever6FSM: ever6, lookedAfter: looked, send: send, eal: eal,
      ethnicity: ethnicity,
      leftOn: leaver < options.endYear.startYear ? SchoolDate(year: leaver + 1, month: 7, day: 21)! : nil)
    var general = rng.normal()
    if send == .support { general -= 0.9 }
    if send == .ehcPlan { general -= 1.8 }
    if ever6 { general -= 0.3 }
    var ability: [Double] = []
    for subject in subjects {
      var a = 0.8 * general + 0.6 * rng.normal()
      if eal && subject.id == "writing" { a -= 0.2 }
      ability.append(a)
    }
    return SamplePupil(pupil: pupil, receptionYear: reception, lastYear: leaver, ability: ability)
  }

  /// A valid UPN: local authority, establishment, year of allocation, serial, check letter.
  func upn(reception: Int, serial: Int) -> String {
    // A real authority's code (characters 2-4 are checked against DfE's list).
    let la = LACodes.codes[index % LACodes.codes.count]
    let establishment = 2000 + index % 8000
    let yy = (reception - 1) % 100
    var digits = String(la) + String(establishment) + (yy < 10 ? "0" : "") + String(yy)
    digits += String(format3(serial))
    return String(UPN.checkLetter(Array(digits))!) + digits
  }

  func format3(_ n: Int) -> String {
    let s = String(n % 1000)
    return String(repeating: "0", count: 3 - s.count) + s
  }
}
