import Testing

@testable import CohortCore

/// A record that cannot mislead: pupils only on an intervention, no default impact, and an
/// impact said in words beside similar pupils, with "too few to tell" when it is.
@Suite struct MeetingRulesTests {
  let year = AcademicYear(startYear: 2026)
  var autumn2: HalfTermRef { HalfTermRef(year, .autumn2) }

  func action(_ kind: ActionKind, pupils: [String] = [], subject: String? = "reading") throws -> MeetingAction {
    try MeetingAction.checked(
      id: "a1", kind: kind, pupils: pupils, subject: subject, description: " Phonics group ", owner: "Ms Patel",
      from: autumn2, due: autumn2.next)
  }

  @Test func anActionWithPupilsIsAnInterventionOrIsRefusedWithWhy() throws {
    let refused = #expect(throws: InputError.self) { try action(.teaching, pupils: ["p1", "p2"]) }
    #expect(refused?.message.contains("Future teaching is for the whole class") == true)
    #expect(refused?.message.contains("record an intervention to name the 2 pupils chosen") == true)
    for kind in [ActionKind.practice, .professionalLearning] {
      #expect(throws: InputError.self) { try action(kind, pupils: ["p1"]) }
    }
    let whole = try action(.teaching)
    #expect(whole.pupils.isEmpty && whole.description == "Phonics group")
    let group = try action(.intervention, pupils: ["p1", "p2"])
    #expect(group.pupils == ["p1", "p2"] && group.kind == .intervention)
    let noPupils = #expect(throws: InputError.self) { try action(.intervention) }
    #expect(noPupils?.message.contains("names its pupils") == true)
    #expect(throws: InputError.self) { try action(.intervention, pupils: ["p1"], subject: nil) }
    #expect(throws: InputError.self) {
      try MeetingAction.checked(
        id: "a", kind: .teaching, pupils: [], subject: nil, description: "x", owner: "o", from: autumn2, due: autumn2)
    }
  }

  @Test func aReviewHasNoDefaultImpact() throws {
    let none = #expect(throws: InputError.self) { try ActionReview.checked(actionID: "a1", impact: nil, at: autumn2) }
    #expect(none?.message == "choose the impact (worked, partly, not yet or stopped): a review has no default")
    let later = HalfTermRef(year, .spring2)
    let partly = try ActionReview.checked(actionID: "a1", impact: .partly, continueTo: later, at: autumn2)
    #expect(partly.impact == .partly && partly.continueTo == later)
    #expect(throws: InputError.self) {
      try ActionReview.checked(actionID: "a1", impact: .worked, continueTo: later, at: autumn2)
    }
    #expect(throws: InputError.self) {
      try ActionReview.checked(actionID: "a1", impact: .notYet, continueTo: autumn2, at: autumn2)
    }
  }

  func measures(n: Int, withCodes: Int, up: Int, meanScore: Double?) -> InterventionImpact.Measures {
    var m = InterventionImpact.Measures(n: n)
    (m.withCodes, m.up, m.same, m.down) = (withCodes, up, withCodes - up, 0)
    m.meanScoreChange = meanScore
    m.withScores = meanScore == nil ? 0 : withCodes
    return m
  }

  func impact(_ mine: InterventionImpact.Measures, _ theirs: InterventionImpact.Measures) -> InterventionImpact {
    InterventionImpact(
      subject: "reading", from: HalfTermRef(year, .autumn1), to: autumn2, rows: [], intervention: mine,
      comparison: theirs, comparisonBasis: "")
  }

  @Test func theImpactInWordsPairsEachMeasureAndSaysWhenThereAreTooFew() {
    let few = impact(
      measures(n: 3, withCodes: 3, up: 0, meanScore: -10), measures(n: 11, withCodes: 11, up: 2, meanScore: 7))
    #expect(
      few.words(minimum: 5)
        == "0 of 3 moved up; of 11 similar pupils, 2. Scores fell 10 points on average; theirs rose 7. Too few pupils to tell."
    )
    let enough = impact(
      measures(n: 6, withCodes: 5, up: 3, meanScore: nil), measures(n: 20, withCodes: 20, up: 4, meanScore: 1))
    #expect(enough.words(minimum: 5) == "3 of 5 moved up; of 20 similar pupils, 4. 60% moved up, against 20%.")
    let none = impact(
      measures(n: 2, withCodes: 0, up: 0, meanScore: nil), measures(n: 0, withCodes: 0, up: 0, meanScore: nil))
    #expect(
      none.words(minimum: 5)
        == "None of the 2 pupils has a code before and after yet; no similar pupils to compare with. Too few pupils to tell."
    )
    #expect(InterventionImpact.tooFewRule(minimum: 5).contains("fewer than 5 pupils in the intervention"))
    let summary = few.intervention.summary
    #expect(
      summary
        == "3 pupils: none moved up, 3 stayed the same, none moved down; scores fell 10 points on average (3 with scores)"
    )
    #expect(!summary.contains("n="))
  }
}
