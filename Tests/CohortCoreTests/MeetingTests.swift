import Foundation
import Testing

@testable import CohortCore

@Suite struct MeetingTests {
  let year = AcademicYear(startYear: 2026)
  let a = Author(by: "Ms A", device: "laptop-a")
  let b = Author(by: "Mr B", device: "laptop-b")

  func doc() -> ClassYear { ClassYear(school: "oak", classID: "oak-y3", year: year, pupils: ["p1", "p2", "p3"]) }

  func action(_ id: String, due: HalfTerm = .spring1, description: String = "Phonics group") -> MeetingAction {
    MeetingAction(
      id: id, kind: .intervention, pupils: ["p1", "p2"], subject: "reading", description: description, owner: "Ms A",
      from: HalfTermRef(year, .autumn2), due: HalfTermRef(year, due))
  }

  @Test func actionsFromTwoLaptopsBothSurviveAndAnEditWins() {
    var one = doc()
    var two = doc()
    one.record(action("x"), halfTerm: .autumn2, by: a, at: 10)
    two.record(action("y"), halfTerm: .autumn2, by: b, at: 11)
    var edited = one
    edited.record(action("x", description: "Phonics group, daily"), halfTerm: .autumn2, by: b, at: 20)
    let m = one.merged(with: two).merged(with: edited)
    #expect(m.meeting(.autumn2).actions.keys.sorted() == ["x", "y"])
    #expect(m.meeting(.autumn2).actions["x"]?.value.description == "Phonics group, daily")
    // Any order, any repetition: the same result.
    #expect(m == edited.merged(with: two).merged(with: one))
    #expect(m == m.merged(with: m))
    #expect(m.merged(with: one) == m)
  }

  @Test func detailsEvidenceAndReviewsMergeOnTheirOwn() {
    var one = doc()
    one.setMeetingDetails(MeetingDetails(attendees: ["Ms A"], notes: "first"), halfTerm: .spring1, by: a, at: 5)
    var two = one
    one.setEvidence("Book look: strong", pupil: "p1", halfTerm: .spring1, by: a, at: 30)
    two.setMeetingDetails(
      MeetingDetails(attendees: ["Ms A", "Mr B"], notes: "second"), halfTerm: .spring1, by: b, at: 40)
    two.record(ActionReview(actionID: "x", impact: .worked), halfTerm: .spring1, by: b, at: 41)
    let m = one.merged(with: two).meeting(.spring1)
    #expect(m.details?.value.attendees == ["Ms A", "Mr B"])
    #expect(m.evidence["p1"]?.value == "Book look: strong")
    #expect(m.reviews["x"]?.value.impact == .worked)
  }

  @Test func meetingsSurviveTheDiskLayoutAndAbsentOnesWriteNothing() throws {
    var d = doc()
    #expect(!String(decoding: try JSONEncoder().encode(d), as: UTF8.self).contains("meetings"))
    d.record(action("x"), halfTerm: .autumn2, by: a, at: 10)
    d.setMeetingDetails(
      MeetingDetails(date: SchoolDate(year: 2026, month: 12, day: 9), attendees: ["Ms A"]), halfTerm: .autumn2, by: a,
      at: 11)
    d.record(
      ActionReview(actionID: "x", impact: .partly, next: "more", continueTo: HalfTermRef(year.next, .autumn1)),
      halfTerm: .spring1, by: b, at: 12)
    let back = try JSONDecoder().decode(ClassYear.self, from: try JSONEncoder().encode(d))
    #expect(back == d)
    #expect(back.format == DocumentFormat.current)
  }

  @Test func anUnknownHalfTermInMeetingsIsRefused() {
    let json =
      #"{"format":3,"school":"oak","class":"oak-y3","year":"2026-27","pupils":[],"meetings":{"autumn7":{"actions":{},"evidence":{},"reviews":{}}}}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ClassYear.self, from: Data(json.utf8)) }
  }

  @Test func anActionComesUpWhenDueAndClosesWhenItWorked() {
    var d = doc()
    d.record(action("x", due: .spring2), halfTerm: .autumn2, by: a, at: 10)
    var t = ActionTracker.track([d])[0]
    #expect(t.status == .open)
    #expect(!t.isForReview(at: HalfTermRef(year, .spring1)))
    #expect(t.isForReview(at: HalfTermRef(year, .spring2)))
    #expect(t.isForReview(at: HalfTermRef(year, .summer1)))  // overdue stays on the agenda
    d.record(ActionReview(actionID: "x", impact: .worked), halfTerm: .spring2, by: a, at: 20)
    t = ActionTracker.track([d])[0]
    #expect(t.status == .done)
    #expect(t.isForReview(at: HalfTermRef(year, .spring2)))  // shown as reviewed there
    #expect(!t.isForReview(at: HalfTermRef(year, .summer1)))
  }

  @Test func aPartlyReviewCarriesTheActionOnAcrossTheSummer() {
    var autumn = doc()
    autumn.record(action("x", due: .summer2), halfTerm: .autumn2, by: a, at: 10)
    autumn.record(
      ActionReview(actionID: "x", impact: .partly, continueTo: HalfTermRef(year.next, .autumn1)), halfTerm: .summer2,
      by: a, at: 20)
    var nextYear = ClassYear(school: "oak", classID: "oak-y4", year: year.next, pupils: ["p1", "p2"])
    var t = ActionTracker.track([autumn, nextYear])[0]
    #expect(t.status == .open)
    #expect(t.due == HalfTermRef(year.next, .autumn1))
    #expect(t.isForReview(at: HalfTermRef(year.next, .autumn1)))
    nextYear.record(ActionReview(actionID: "x", impact: .stopped, next: "try 1:1"), halfTerm: .autumn1, by: b, at: 30)
    t = ActionTracker.track([autumn, nextYear])[0]
    #expect(t.status == .stopped)
    #expect(t.reviews.map(\.place.classID) == ["oak-y3", "oak-y4"])
    #expect(t.latest?.review.value.next == "try 1:1")
  }

  @Test func journalLinesNameWhatChangedInAMeeting() {
    let before = doc()
    var d = before
    d.record(action("x"), halfTerm: .autumn2, by: a, at: 10)
    d.setEvidence("note", pupil: "p2", halfTerm: .autumn2, by: a, at: 11)
    let lines = d.meetingChanges(since: before).map(\.text)
    #expect(
      lines == [
        "autumn2 meeting: action x intervention, owner Ms A, due 2026-27 Spring 1",
        "autumn2 meeting: evidence note for p2",
      ])
    #expect(d.meetingChanges(since: d).isEmpty)
  }

  /// Property: any versions of a meeting, merged in any order or grouping, give one result,
  /// including same-time edits of the same record by the same author.
  @Test func meetingMergeIsCommutativeAssociativeAndIdempotent() {
    var rng = SystemRandomNumberGenerator()
    let authors = [a, b]
    for _ in 0..<200 {
      var versions: [ClassYear] = []
      for _ in 0..<4 {
        var d = doc()
        for _ in 0..<Int.random(in: 0...8, using: &rng) {
          let by = authors.randomElement(using: &rng)!
          let at = Int64.random(in: 1...4, using: &rng)
          let half: HalfTerm = [.autumn2, .spring1].randomElement(using: &rng)!
          switch Int.random(in: 0...3, using: &rng) {
          case 0:
            d.record(
              action(["x", "y"].randomElement(using: &rng)!, description: "v\(at)"), halfTerm: half, by: by, at: at)
          case 1:
            d.setEvidence(
              "note \(at)", pupil: ["p1", "p2"].randomElement(using: &rng)!, halfTerm: half, by: by, at: at)
          case 2:
            d.record(
              ActionReview(actionID: "x", impact: Impact.allCases.randomElement(using: &rng)!), halfTerm: half, by: by,
              at: at)
          default:
            d.setMeetingDetails(
              MeetingDetails(notes: "n\(Int.random(in: 0...3, using: &rng))"), halfTerm: half, by: by, at: at)
          }
        }
        versions.append(d)
      }
      let forward = versions.dropFirst().reduce(versions[0]) { $0.merged(with: $1) }
      let shuffled = versions.shuffled(using: &rng)
      let other = shuffled.dropFirst().reduce(shuffled[0]) { $0.merged(with: $1) }
      #expect(forward.meetings == other.meetings)
      #expect(forward.merged(with: forward) == forward)
      let grouped = versions[0].merged(with: versions[1].merged(with: versions[2].merged(with: versions[3])))
      #expect(grouped.meetings == forward.meetings)
    }
  }
}
