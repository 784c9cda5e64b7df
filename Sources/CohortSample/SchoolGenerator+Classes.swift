import CohortCore

extension SchoolGenerator {
  /// Splits the pupils on roll into classes (infant classes by law hold at most 30) and fills
  /// their judgements.
  mutating func makeClasses(year: AcademicYear, pupils: [SamplePupil]) -> ([SchoolClass], [ClassYear]) {
    let groups: [[Int]] = mixedAge ? [[0], [1, 2], [3, 4], [5, 6]] : (0...6).map { [$0] }
    var classes: [SchoolClass] = []
    var docs: [ClassYear] = []
    for years in groups {
      var members = pupils.filter { years.contains(year.startYear - $0.receptionYear) }
      guard !members.isEmpty else { continue }
      rng.shuffle(&members)
      let forms = (members.count + 29) / 30
      for form in 0..<forms {
        var inClass = stride(from: form, to: members.count, by: forms).map { members[$0] }
        inClass.sort {
          ($0.pupil.surname, $0.pupil.forename, $0.pupil.id) < ($1.pupil.surname, $1.pupil.forename, $1.pupil.id)
        }
        let letter = forms > 1 ? String(UnicodeScalar(UInt8(65 + form))) : ""
        let yearText = years.map { $0 == 0 ? "R" : String($0) }.joined()
        let id = "\(ref.id)-\(years == [0] ? "r" : "y\(yearText)")\(letter.lowercased())"
        let name =
          years == [0]
          ? "Reception\(letter.isEmpty ? "" : " \(letter)")"
          : (years.count == 1 ? "Year \(years[0])" : "Years \(years.map(String.init).joined(separator: "/"))")
            + (letter.isEmpty ? "" : " \(letter)")
        let teacher = "\(rng.chance(0.8) ? "Ms" : "Mr") \(rng.pick(SampleNames.surnames))"
        classes.append(SchoolClass(id: id, name: name, yearGroups: years.map(YearGroup.init), teacher: teacher))
        docs.append(judgements(year: year, classID: id, teacher: teacher, pupils: inClass))
      }
    }
    return (classes, docs)
  }

  /// Judgements for every half-term up to `options.through` in the last year.
  mutating func judgements(year: AcademicYear, classID: String, teacher: String, pupils: [SamplePupil]) -> ClassYear {
    var doc = ClassYear(school: ref.id, classID: classID, year: year, pupils: pupils.map(\.pupil.id))
    let author = Author(by: teacher, device: "sample")
    let halves = HalfTerm.allCases.filter { year < options.endYear || $0 <= options.through }
    for p in pupils {
      var pupilRNG = SeededRandom(options.seed, index, p.pupil.id.hashValueStable, year.startYear)
      let outOfYear =
        p.pupil.send == .ehcPlan ? pupilRNG.chance(0.7) : p.pupil.send == .support && pupilRNG.chance(0.08)
      let sinceReception = (year.startYear - p.receptionYear) * 6
      for (s, subject) in subjects.enumerated() {
        let drift = driftPath(pupil: p.pupil.id, subject: s, halfTerms: sinceReception + 6)
        for half in halves {
          let level = p.ability[s] + drift[sinceReception + half.index]
          let code: Code
          if pupilRNG.chance(0.012) {
            code = scheme.codes.first { $0.kind == .notAssessed } ?? codeFor(level)
          } else if outOfYear, let o = scheme.codes.first(where: { $0.kind == .outOfYear }) {
            code = o
          } else {
            code = codeFor(level)
          }
          let day = half.typicalEntryDate(in: year)
          let at = Int64(day.dayNumber) * 86_400_000 + 57_600_000 + Int64(pupilRNG.int(0...3_600_000))
          doc.set(code.id, pupil: p.pupil.id, subject: subject.id, halfTerm: half, by: author, at: at)
        }
      }
      addScores(to: &doc, pupil: p, year: year, author: author)
    }
    if options.meetings { addMeetings(to: &doc, teacher: teacher) }
    return doc
  }

  /// Termly standardised scores for Years 1-6: the same latent attainment as the judgements
  /// plus test-day noise, so scores and judgements mostly agree and sometimes honestly do not.
  func addScores(to doc: inout ClassYear, pupil p: SamplePupil, year: AcademicYear, author: Author) {
    let group = p.pupil.yearGroup(in: year)
    let sinceReception = (year.startYear - p.receptionYear) * 6
    for test in tests {
      guard let s = subjects.firstIndex(where: { $0.id == test.subject }) else { continue }
      let drift = driftPath(pupil: p.pupil.id, subject: s, halfTerms: sinceReception + 6)
      var noise = SeededRandom(options.seed, index, p.pupil.id.hashValueStable, test.id.hashValueStable, year.startYear)
      for term in Term.allCases where test.isTaken(by: group, in: term) {
        let (half, date) = (term.testHalfTerm, term.usualTestDate(in: year))
        guard year < options.endYear || half <= options.through else { continue }
        let level = p.ability[s] + drift[sinceReception + half.index]
        let z = 0.85 * (level + 0.15) / 1.1 + 0.25 * noise.normal()
        let score = min(test.maximum, max(test.minimum, Int((100 + 15 * z).rounded())))
        let at = Int64(date.dayNumber) * 86_400_000 + 54_000_000 + Int64(noise.int(0...3_600_000))
        doc.setScore(
          pupil: p.pupil.id, test: test.id, term: term, raw: nil, standardised: score, date: date,
          ageMonths: Age(born: p.pupil.dob, on: date)?.totalMonths, by: author, at: at)
      }
    }
  }

  /// A slowly drifting offset to a pupil's ability, one value per half-term since Reception.
  /// The path is replayed from its own stream, so every year's document sees the same history
  /// and consecutive half-terms (and years) stay correlated.
  func driftPath(pupil: String, subject: Int, halfTerms: Int) -> [Double] {
    var rng = SeededRandom(options.seed, index, pupil.hashValueStable, subject)
    var drift = 0.0
    var path: [Double] = []
    path.reserveCapacity(halfTerms)
    for _ in 0..<halfTerms {
      drift = 0.85 * drift + 0.28 * rng.normal()
      path.append(drift)
    }
    return path
  }

  func codeFor(_ level: Double) -> Code {
    let band: CommonBand = level < -0.75 ? .below : level > 1.05 ? .above : .at
    let choices = scheme.codes.filter { $0.kind == .assessed && $0.band == band }
    guard !choices.isEmpty else { return scheme.codes[0] }
    // Within a band, lower levels take the lower codes (schemes list codes low to high).
    let edges: (Double, Double) = band == .below ? (-2.2, -0.75) : band == .at ? (-0.75, 1.05) : (1.05, 2.5)
    let t = (level - edges.0) / (edges.1 - edges.0)
    return choices[min(choices.count - 1, max(0, Int(t * Double(choices.count))))]
  }
}

extension String {
  /// A hash that is the same in every process (Swift's `hashValue` is seeded per run).
  var hashValueStable: Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: h)
  }
}
