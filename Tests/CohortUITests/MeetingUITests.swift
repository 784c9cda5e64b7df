import CGtk
import CohortCore
import CohortPlugins
import CohortSample
import CohortServices
import CohortStore
import Foundation
import Testing

@testable import CohortUI

/// A generated one-school trust in a scratch folder, opened as the app opens it.
@MainActor
final class SampleContext {
  let scratch = ScratchFolder()
  let context: AppContext
  let year = AcademicYear(startYear: 2025)

  init() throws {
    let folder = DataFolder(root: scratch.path, author: Fixtures.author)
    let registry = BuiltInPlugins.registry()
    var o = SampleOptions(endYear: year.next, through: .autumn1)
    o.schools = 1
    o.pupilsPerSchool = 70
    o.meetings = false
    let trust = SampleTrust.trust(o)
    try folder.saveTrust(trust)
    let s = SampleTrust.school(0, options: o, scheme: try registry.codeScheme(for: trust), subjects: trust.subjects)
    try folder.saveSchool(s.school)
    try folder.saveRoster(s.roster)
    for d in s.classYears { try folder.save(d) }
    context = try AppContext(path: scratch.path, author: Fixtures.author)
  }

  var school: String { context.trust.schools[0].id }
  var classID: String { context.schools[0].classes(in: year).first { $0.yearGroups == [YearGroup(3)] }!.id }

  func meeting(_ half: HalfTerm) throws -> MeetingModel {
    try MeetingModel(
      context: context, school: try SchoolYearData.load(context.folder, school: school, year: year), classID: classID,
      halfTerm: half, clock: DataFolder.now)
  }
}

@Suite(.serialized) @MainActor struct MeetingModelTests {
  @Test func anActionNeedsWordsAndAnInterventionItsPupils() throws {
    let s = try SampleContext()
    let m = try s.meeting(.spring1)
    let next = HalfTermRef(s.year, .spring2)
    #expect(throws: InputError.self) {
      try m.addAction(kind: .teaching, pupils: [], subject: nil, description: "  ", owner: "A", due: next)
    }
    #expect(throws: InputError.self) {
      try m.addAction(kind: .intervention, pupils: [], subject: "reading", description: "Group", owner: "A", due: next)
    }
    #expect(throws: InputError.self) {
      try m.addAction(
        kind: .teaching, pupils: [], subject: nil, description: "Too soon", owner: "A",
        due: HalfTermRef(s.year, .spring1))
    }
    #expect(m.meeting.actions.isEmpty)
  }

  @Test func aClosedYearCanBeReadNotChanged() throws {
    let s = try SampleContext()
    var school = s.context.schools[0]
    school.readOnlyYears = [s.year]
    try s.context.folder.saveSchool(school)
    let context = try AppContext(path: s.scratch.path, author: Fixtures.author)
    let m = try MeetingModel(
      context: context, school: try SchoolYearData.load(context.folder, school: s.school, year: s.year),
      classID: s.classID, halfTerm: .spring1, clock: DataFolder.now)
    #expect(m.closedReason?.contains("closed") == true)
    #expect(throws: InputError.self) {
      try m.addAction(
        kind: .teaching, pupils: [], subject: nil, description: "Re-teach", owner: "A",
        due: HalfTermRef(s.year, .spring2))
    }
    m.setDetails(MeetingDetails(attendees: ["Ms K"]))
    #expect(m.meeting.details == nil)
    let (_, grid) = try context.openJudgements(
      s.classID, school: s.school, year: s.year, halfTerm: .spring1, hop: MainLoop.hop)
    let before = grid.doc
    guard case .hint(let why) = grid.type("g") else {
      Issue.record("a code was taken in a closed year")
      return
    }
    #expect(why.contains("closed"))
    #expect(grid.doc == before)
  }

  @Test func anActionSavedAtOneMeetingIsReviewedAtTheNext() throws {
    let s = try SampleContext()
    let m = try s.meeting(.spring1)
    var changes = 0
    m.onChange = { changes += 1 }
    let pupils = Array(m.pupils.prefix(2).map(\.id))
    let id = try m.addAction(
      kind: .intervention, pupils: pupils, subject: "reading", description: "Catch-up", owner: "Ms K",
      due: HalfTermRef(s.year, .spring2))
    #expect(changes == 1)
    try s.context.folder.save(m.doc)
    let next = try s.meeting(.spring2)
    #expect(next.agenda.forReview.map(\.action.action.value.id) == [id])
    #expect(next.agenda.forReview[0].impact?.rows.map(\.pupil) == pupils)
    next.review(id, impact: .partly, next: "one more half-term")
    #expect(next.agenda.forReview[0].action.status == .open)
    #expect(next.agenda.forReview[0].action.due == HalfTermRef(s.year, .summer1))
  }
}

@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DISPLAY"]?.isEmpty == false))
@MainActor struct ReportWindowTests {
  func pages(_ w: ReportWindow) -> Int {
    var n = 0
    var child = gtk_widget_get_first_child(w.pagesBoxForTests)
    while let c = child {
      n += 1
      child = gtk_widget_get_next_sibling(c)
    }
    return n
  }

  /// A report window over a parent window, for `report` at Spring 2 of the sample year.
  func window(_ s: SampleContext, _ report: String, _ scope: AnalysisScope) throws -> (Widget, ReportWindow) {
    let parent = gtk_window_new()!
    let w = ReportWindow(
      parent: parent, context: s.context, report: try s.context.registry.report(report), scope: scope,
      when: HalfTermRef(s.year, .spring2))
    return (parent, w)
  }

  func close(_ parent: Widget, _ w: ReportWindow) {
    gtk_window_destroy(cg_window(w.window))
    gtk_window_destroy(cg_window(parent))
  }

  @Test func aSchoolPackIsMadeOffTheMainThreadAndPreviewedPageByPage() throws {
    try #require(Display.available)
    let s = try SampleContext()
    let (parent, w) = try window(s, "school-pack", .school(s.school))
    defer { close(parent, w) }
    #expect(MainLoop.spin(until: { w.finished }, timeout: 60))
    let count = try #require(w.renderer?.pages.count)
    #expect(count > 7)
    #expect(pages(w) == count)
  }

  @Test func printingDrawsEveryPage() throws {
    try #require(Display.available)
    let s = try SampleContext()
    let (parent, w) = try window(s, "class-pack", .schoolClass(s.classID))
    defer { close(parent, w) }
    #expect(MainLoop.spin(until: { w.finished }, timeout: 60))
    let r = try #require(w.renderer)
    let out = s.scratch.path + "/printed.pdf"
    ReportPrinting.run(r, parent: parent, exportTo: out)
    // GTK's print-to-file writes a PDF through the same draw-page callback, page by page.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasPrefix("%PDF"))
    #expect(text.contains("/Count \(r.pages.count)"))
  }

  @Test func cancellingStopsTheReport() throws {
    try #require(Display.available)
    let s = try SampleContext()
    let (parent, w) = try window(s, "school-pack", .school(s.school))
    defer { close(parent, w) }
    w.cancelMaking()
    #expect(MainLoop.spin(until: { w.finished }, timeout: 60))
    #expect(w.renderer == nil)
    #expect(pages(w) == 0)
  }
}
