import CohortCore
import Foundation
import Testing

@testable import CohortUI

/// A meeting record that cannot mislead, as the Meetings page keeps it: no default outcome,
/// pupils only on an intervention (which keeps them), and a card that says who reviewed and when.
@Suite(.serialized) @MainActor struct MeetingRecordTests {
  @Test func aReviewWithNoOutcomeChosenIsRefusedAndRecordsNothing() throws {
    let s = try SampleContext()
    let m = try s.meeting(.spring1)
    let id = try m.addAction(
      kind: .teaching, pupils: [], subject: nil, description: "Re-teach fractions", owner: "Ms K",
      due: HalfTermRef(s.year, .spring2))
    try s.context.folder.save(m.doc)
    let next = try s.meeting(.spring2)
    #expect(throws: InputError.self) { try next.review(id, impact: nil, next: "typed, then Enter") }
    #expect(next.meeting.reviews.isEmpty)
    #expect(next.agenda.forReview[0].action.status == .open)
    try next.review(id, impact: .worked, next: "")
    #expect(next.meeting.reviews.values.map(\.value.impact) == [.worked])
    let status = ReviewCard.status(next.agenda.forReview[0].action)
    #expect(status.contains("Worked, recorded by \(Fixtures.author.by) on "))
  }

  @Test func pupilsOnlyOnAnInterventionWhichKeepsThem() throws {
    let s = try SampleContext()
    let m = try s.meeting(.spring1)
    let pupils = Array(m.pupils.prefix(3).map(\.id))
    let due = HalfTermRef(s.year, .spring2)
    #expect(throws: InputError.self) {
      try m.addAction(
        kind: .teaching, pupils: pupils, subject: "reading", description: "Guided reading", owner: "A", due: due)
    }
    #expect(m.meeting.actions.isEmpty)
    let id = try m.addAction(
      kind: .intervention, pupils: pupils, subject: "reading", description: "Guided reading", owner: "A", due: due)
    #expect(m.meeting.actions[id]?.value.pupils == pupils)
    #expect(m.meeting.actions[id]?.value.subject == "reading")
    // The same rule as the CLI's: an owner is needed.
    #expect(throws: InputError.self) {
      try m.addAction(kind: .practice, pupils: [], subject: nil, description: "Marking", owner: " ", due: due)
    }
  }

  @Test func theCardSaysWhenItWasRecordedInTheUKsWay() {
    // 3 February 2026, 15:40 UTC (the winter clock is UTC).
    let millis: Int64 = 1_770_133_200_000
    #expect(ReviewCard.when(millis).hasPrefix("3 Feb 2026 at "))
  }
}
