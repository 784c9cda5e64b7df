import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

/// A sample school with a Year 3 class last year, for meetings: `when` is its Spring 2.
struct MeetingFixture {
  let s: SampleFolder
  let trust: Trust
  let scheme: CodeScheme
  let school: String
  let classID: String
  let year: AcademicYear
  let by = Author(by: "Ms Lead", device: "test")

  init() throws {
    // Without the sample's own meetings, so every action here is the test's.
    s = try SampleFolder(schools: 1, meetings: false)
    trust = try s.folder.loadTrust()
    scheme = try s.registry.codeScheme(for: trust)
    school = trust.schools[0].id
    year = s.year.previous
    classID = try s.folder.loadSchool(school).classes(in: year).first { $0.yearGroups == [YearGroup(3)] }!.id
  }

  func doc() throws -> ClassYear { try s.folder.loadClassYear(school: school, classID: classID, year: year) }

  func agenda(_ half: HalfTerm) throws -> MeetingAgenda {
    try MeetingAgenda.build(
      try SchoolYearData.load(s.folder, school: school, year: year), classID: classID, halfTerm: half, trust: trust,
      registry: s.registry, scheme: scheme)
  }

  /// An intervention decided at Spring 1 for the class's first three pupils, due at `due`.
  func intervene(due: HalfTerm = .spring2, id: String = "act-1") throws -> MeetingAction {
    var d = try doc()
    let a = MeetingAction(
      id: id, kind: .intervention, pupils: Array(d.pupils.prefix(3)), subject: "reading",
      description: "Daily reading catch-up", owner: "Mr Teach", from: HalfTermRef(year, .spring1),
      due: HalfTermRef(year, due))
    d.record(a, halfTerm: .spring1, by: by, at: DataFolder.now())
    try s.folder.save(d)
    return a
  }
}

@Suite struct MeetingAgendaTests {
  @Test func bandsAreTheClassCountsNowAndLastHalfTerm() throws {
    let f = try MeetingFixture()
    let doc = try f.doc()
    let agenda = try f.agenda(.spring2)
    for b in agenda.bands {
      for (half, summary) in [(HalfTerm.spring2, b.now), (.spring1, b.before)] {
        var counts: [String: Int] = [:]
        for p in doc.pupils {
          if let band = doc.code(pupil: p, subject: b.subject.id, halfTerm: half).flatMap(f.scheme.band(of:)) {
            counts[band.rawValue, default: 0] += 1
          }
        }
        #expect(summary.bands == counts, "\(b.subject.id) \(half)")
      }
    }
  }

  @Test func aPupilJudgedBelowIsFlaggedWithTheReason() throws {
    let f = try MeetingFixture()
    var doc = try f.doc()
    let pupil = doc.pupils[4]
    doc.set("Y", pupil: pupil, subject: "maths", halfTerm: .spring2, by: f.by, at: DataFolder.now())
    try f.s.folder.save(doc)
    let flagged = try #require(try f.agenda(.spring2).flagged.first { $0.pupil.id == pupil })
    #expect(flagged.flags.contains { $0.subject == "maths" && $0.reason.contains("below the year's expectations") })
  }

  @Test func aJudgementFarFromTheTestIsADisagreement() throws {
    let f = try MeetingFixture()
    var doc = try f.doc()
    let high = doc.pupils[2]
    doc.setScore(
      pupil: high, test: "nfer-reading", term: .spring, raw: nil, standardised: 125, date: nil, ageMonths: nil,
      by: f.by, at: DataFolder.now())
    doc.set("Y", pupil: high, subject: "reading", halfTerm: .spring2, by: f.by, at: DataFolder.now())
    try f.s.folder.save(doc)
    let found = try #require(try f.agenda(.spring2).disagreements.first { $0.pupil.id == high })
    #expect(found.notes.count == 1)
    #expect(found.notes[0].hasPrefix("Reading: judged below (Y)"))
  }

  @Test func anActionIsReviewedWhenDueWithItsImpact() throws {
    let f = try MeetingFixture()
    let a = try f.intervene(due: .spring2)
    _ = try f.intervene(due: .summer1, id: "act-later")
    #expect(try f.agenda(.spring1).forReview.isEmpty)  // decided there, not reviewed there
    let agenda = try f.agenda(.spring2)
    #expect(agenda.forReview.map(\.action.action.value.id) == ["act-1"])
    let impact = try #require(agenda.forReview[0].impact)
    let doc = try f.doc()
    #expect(impact.rows.map(\.pupil) == a.pupils)
    for row in impact.rows {
      #expect(row.codeBefore == doc.code(pupil: row.pupil, subject: "reading", halfTerm: .spring1))
      #expect(row.codeAfter == doc.code(pupil: row.pupil, subject: "reading", halfTerm: .spring2))
    }
    #expect(impact.intervention.n == 3)
    #expect(impact.comparison.n > 0)
  }

  @Test func aReviewedActionLeavesTheNextAgendaAndNotesAreKept() throws {
    let f = try MeetingFixture()
    _ = try f.intervene(due: .spring2)
    var doc = try f.doc()
    doc.record(
      ActionReview(actionID: "act-1", impact: .worked, next: "back to class teaching"), halfTerm: .spring2, by: f.by,
      at: DataFolder.now())
    doc.setEvidence(
      "Reading book levels up two", pupil: doc.pupils[0], halfTerm: .spring2, by: f.by, at: DataFolder.now())
    try f.s.folder.save(doc)
    let spring2 = try f.agenda(.spring2)
    #expect(spring2.forReview.first?.action.status == .done)
    #expect(spring2.meeting.evidence[doc.pupils[0]]?.value == "Reading book levels up two")
    #expect(try f.agenda(.summer1).forReview.isEmpty)
  }
}
