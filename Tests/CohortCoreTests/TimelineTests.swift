import CohortCore
import Testing

/// `Timeline` (a pupil's codes and scores) against the table of tables it replaced: any
/// sequence of sets and clears, in any order of times and names, reads back the same.
@Suite struct TimelineTests {
  let subjects = ["maths", "reading", "science", "writing"]
  let times = (2020...2026).flatMap { y in HalfTerm.allCases.map { HalfTermRef(AcademicYear(startYear: y), $0) } }

  @Test func readsBackWhatATableOfTablesHolds() {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var codes = PupilCodes()
      var model: [HalfTermRef: [String: String]] = [:]
      for _ in 0..<Int.random(in: 0...120, using: &rng) {
        let when = times.randomElement(using: &rng)!
        let subject = subjects.randomElement(using: &rng)!
        let code =
          Bool.random(using: &rng) && Int.random(in: 0..<5, using: &rng) == 0
          ? nil : ["Y", "G", "P", "N"].randomElement(using: &rng)!
        codes[subject, at: when] = code
        model[when, default: [:]][subject] = code
      }
      for when in times {
        for subject in subjects {
          #expect(codes[subject, at: when] == model[when]?[subject])
        }
      }
      #expect(codes.count == model.values.map(\.count).reduce(0, +))
      // Entries come out in half-term order.
      let order = codes.map(\.when)
      #expect(order == order.sorted())
      // The latest code up to a half-term, after another, as the impact of an action reads it.
      let limit = times.randomElement(using: &rng)!
      let after = Bool.random(using: &rng) ? times.randomElement(using: &rng) : nil
      for subject in subjects {
        let expected = model.filter { entry in
          entry.key <= limit && (after.map { entry.key > $0 } ?? true) && entry.value[subject] != nil
        }
        .max { $0.key < $1.key }?.value[subject]
        #expect(codes.latest(subject, upTo: limit, after: after)?.value == expected)
      }
    }
  }

  @Test func ordinalsRoundTripAndKeepOrder() {
    for (a, b) in zip(times, times.dropFirst()) {
      #expect(HalfTermRef(ordinal: a.ordinal) == a)
      #expect(b.ordinal == a.ordinal + 1)
    }
    let terms = (2019...2026).flatMap { y in Term.allCases.map { TermRef(AcademicYear(startYear: y), $0) } }
    for (a, b) in zip(terms, terms.dropFirst()) {
      #expect(TermRef(ordinal: a.ordinal) == a)
      #expect(b.ordinal == a.ordinal + 1 && a < b)
    }
  }

  /// Scores: the latest of a test up to a term, skipping other tests and later terms.
  @Test func theLatestScoreOfATest() {
    let y = AcademicYear(startYear: 2025)
    var scores: PupilScores = [TermRef(y.previous, .summer): ["maths": 97, "reading": 104]]
    scores["reading", at: TermRef(y, .autumn)] = 99
    scores["maths", at: TermRef(y, .spring)] = 101
    #expect(scores.latest("reading", upTo: TermRef(y, .summer))! == (TermRef(y, .autumn), 99))
    #expect(scores.latest("maths", upTo: TermRef(y, .autumn))! == (TermRef(y.previous, .summer), 97))
    #expect(scores.latest("maths", upTo: TermRef(y, .autumn), after: TermRef(y.previous, .summer)) == nil)
    #expect(scores["maths", at: TermRef(y, .spring)] == 101 && scores.count == 4)
  }
}
