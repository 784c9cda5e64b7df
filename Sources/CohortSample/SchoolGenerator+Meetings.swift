import CohortCore

/// Pupil progress meetings for the sample: each past half-term a meeting with its attendees,
/// an intervention for pupils judged below, a teaching action, sometimes professional
/// learning, and the review of the last meeting's actions. The current half-term's meeting
/// is left to be held, with last half-term's actions waiting for review. Drawn from a stream
/// of its own, so the judgements and scores stay as they were without meetings.
extension SchoolGenerator {
  static let interventions = [
    ("reading", "Reading catch-up group, three 20-minute sessions a week"),
    ("maths", "Precision teaching of number facts, 10 minutes daily"),
    ("writing", "Sentence-level writing group with a teaching assistant"),
    ("reading", "Phonics keep-up sessions after lunch"),
  ]
  static let teaching = [
    "Re-teach column subtraction with exchange, using place-value counters",
    "Model inference questions in guided reading",
    "More oral rehearsal before extended writing",
    "Pre-teach vocabulary for the next science unit",
  ]
  static let evidence = [
    "Book look: independent writing shows the same gaps as the judgement",
    "Arithmetic test: calculation secure, reasoning questions not attempted",
    "Reading record: reading at home twice a week, fluency improving",
  ]

  /// The leaders at every meeting, on the trust's staff beside the class teachers.
  static let leaders = ["Mrs Shah (deputy head)", "Ms Green (SENCo)"]

  static let lead = Author(by: "Mrs Shah", device: "sample")

  /// The minute-by-minute times of one meeting's records.
  struct MeetingClock {
    var at: Int64
    mutating func tick() -> Int64 {
      at += 60_000
      return at
    }
  }

  mutating func addMeetings(to doc: inout ClassYear, teacher: String) {
    let year = doc.year
    var rng = SeededRandom(options.seed, index, doc.classID.hashValueStable, year.startYear, 7)
    let halves = HalfTerm.allCases.filter { year < options.endYear || $0 < options.through }
    var open: [(MeetingAction, HalfTermRef)] = []
    for half in halves {
      let when = HalfTermRef(year, half)
      let day = half.typicalEntryDate(in: year).adding(days: 7)
      var clock = MeetingClock(at: Int64(day.dayNumber) * 86_400_000 + 54_000_000)
      doc.setMeetingDetails(
        MeetingDetails(date: day, attendees: [teacher] + Self.leaders), halfTerm: half,
        by: Self.lead, at: clock.tick())
      // Every open action due by now is reviewed; at the end of a year all are settled.
      let settle = half == .summer2 && year.next != options.endYear
      open = Self.review(open, at: when, settle: settle, in: &doc, rng: &rng, clock: &clock)
      // Summer actions are reviewed by next year's class: only the last summer's are made.
      guard half != .summer2 || year.next == options.endYear else { continue }
      let made = newActions(in: &doc, at: when, teacher: teacher, rng: &rng, clock: &clock)
      for a in made { doc.record(a, halfTerm: half, by: Self.lead, at: clock.tick()) }
      open += made.map { ($0, $0.due) }
    }
  }

  /// Reviews the actions due by `when`; returns those still open (not yet due, or continued).
  static func review(
    _ open: [(MeetingAction, HalfTermRef)], at when: HalfTermRef, settle: Bool, in doc: inout ClassYear,
    rng: inout SeededRandom, clock: inout MeetingClock
  ) -> [(MeetingAction, HalfTermRef)] {
    var stillOpen: [(MeetingAction, HalfTermRef)] = []
    for (a, due) in open {
      guard due <= when else {
        stillOpen.append((a, due))
        continue
      }
      let impact: Impact =
        settle
        ? rng.weighted([(.worked, 70), (.stopped, 30)])
        : rng.weighted([(.worked, 40), (.partly, 30), (.notYet, 20), (.stopped, 10)])
      let next =
        impact == .worked
        ? "Back to class teaching" : impact == .stopped ? "Try one-to-one support instead" : "Continue"
      let again = impact == .partly || impact == .notYet ? when.next : nil
      doc.record(
        ActionReview(actionID: a.id, impact: impact, next: next, continueTo: again), halfTerm: when.halfTerm,
        by: lead, at: clock.tick())
      if let again { stillOpen.append((a, again)) }
    }
    return stillOpen
  }

  /// This meeting's actions: an intervention for up to three pupils judged below, a teaching
  /// action, and sometimes professional learning.
  func newActions(
    in doc: inout ClassYear, at when: HalfTermRef, teacher: String, rng: inout SeededRandom,
    clock: inout MeetingClock
  ) -> [MeetingAction] {
    let half = when.halfTerm
    let classID = doc.classID
    let (subject, text) = Self.interventions[(half.index + when.year.startYear) % Self.interventions.count]
    var below = doc.pupils.filter { p in
      doc.code(pupil: p, subject: subject, halfTerm: half).flatMap(scheme.band(of:)) == .below
    }
    rng.shuffle(&below)
    var made: [MeetingAction] = []
    let id = { (n: Int) in
      "s" + String(UInt64(bitPattern: Int64("\(classID)\(when)\(n)".hashValueStable)), radix: 36)
    }
    if !below.isEmpty {
      made.append(
        MeetingAction(
          id: id(0), kind: .intervention, pupils: Array(below.prefix(3)), subject: subject, description: text,
          owner: teacher, from: when, due: when.next))
      doc.setEvidence(rng.pick(Self.evidence), pupil: below[0], halfTerm: half, by: Self.lead, at: clock.tick())
    }
    made.append(
      MeetingAction(
        id: id(1), kind: .teaching, description: Self.teaching[(half.index + index) % Self.teaching.count],
        owner: teacher, from: when, due: when.next))
    if rng.chance(0.25) {
      made.append(
        MeetingAction(
          id: id(2), kind: .professionalLearning,
          description: "Observe a colleague teaching \(subject) to mixed groups",
          owner: Self.leaders[0], from: when, due: when.next))
    }
    return made
  }
}
