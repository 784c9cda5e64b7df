import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

/// Report documents: their sections and numbers, independent of drawing.
@Suite struct ReportTests {
  func request(
    _ f: MeetingFixture, _ scope: AnalysisScope, _ half: HalfTerm = .spring2, progress: WorkProgress = .init()
  )
    -> ReportRequest
  {
    ReportRequest(
      folder: f.s.folder, trust: f.trust, registry: f.s.registry, scheme: f.scheme, scope: scope,
      when: HalfTermRef(f.year, half), progress: progress)
  }

  @Test func theClassPackFollowsTheMeeting() throws {
    let f = try MeetingFixture()
    _ = try f.intervene()
    let d = try f.s.registry.report("class-pack").make(request(f, .schoolClass(f.classID)))
    #expect(
      d.headings == [
        "Actions to review", "Bands against last half-term", "Pupils to look at", "Judgements this half-term",
        "Judgements beside test scores", "Actions decided at this meeting",
      ])
    let agenda = try f.agenda(.spring2)
    #expect(d.section("Actions to review").contains(.subheading("Intervention: Daily reading catch-up")))
    let impact = try #require(d.table(under: "Actions to review"))
    #expect(impact.rows.count == 3)
    let bands = try #require(d.table(under: "Bands against last half-term"))
    for (row, b) in zip(bands.rows, agenda.bands) {
      #expect(row[0] == b.subject.name)
      #expect(row[1...3].map { Int($0) } == CommonBand.allCases.map { b.now.bands[$0.rawValue, default: 0] })
      #expect(row[5] == "\(b.now.assessed)")
    }
    #expect(d.section("Bands against last half-term").contains { if case .chart = $0 { true } else { false } })
    // A row per reason, as `show flags` lists them.
    #expect(d.table(under: "Pupils to look at")?.rows.count == agenda.flagged.map(\.flags.count).reduce(0, +))
    #expect(agenda.toLookAt.rows.count == agenda.flagged.map(\.flags.count).reduce(0, +))
    let grid = try #require(d.table(under: "Judgements this half-term"))
    let doc = try f.doc()
    #expect(grid.rows.count == agenda.pupils.count)
    let first = agenda.pupils[0]
    #expect(grid.rows[0][2] == doc.code(pupil: first.id, subject: "reading", halfTerm: .spring2) ?? "")
    #expect(grid.rows[0][3] == doc.code(pupil: first.id, subject: "reading", halfTerm: .spring1) ?? "")
    #expect(grid.colour(0, 2) == f.scheme.code(id: grid.rows[0][2])?.colour)
  }

  @Test func theSchoolSummaryCountsEveryYearGroupWithN() throws {
    let f = try MeetingFixture()
    _ = try f.intervene(due: .summer2)
    let d = try f.s.registry.report("school-summary").make(request(f, .school(f.school)))
    #expect(
      d.headings == [
        "How much is entered", "Bands by year group and subject", "Groups and their gaps", "Classes",
        "Statutory results", "Open actions",
      ])
    let records = try SchoolYearData.load(f.s.folder, school: f.school, year: f.year).records
    let a = Analysis(records: records, scheme: f.scheme)
    let reading = try #require(d.table(under: "Bands by year group and subject"))
    let assessed = reading.rows.compactMap { Int($0[5]) }.reduce(0, +)
    #expect(assessed == a.bands(.school(f.school), subject: "reading", at: HalfTermRef(f.year, .spring2)).assessed)
    let gaps = try #require(d.table(under: "Groups and their gaps"))
    #expect(gaps.rows.count == SchoolSummary.gapGroups.count * f.trust.subjects.count)
    #expect(gaps.rows.allSatisfy { $0[2].contains(" of ") || $0[2].hasSuffix("assessed") })
    #expect(d.table(under: "Open actions")?.rows.map { $0[0] } == ["Daily reading catch-up"])
  }

  @Test func theTrustOverviewHasEverySchoolAndTheTrust() throws {
    let f = try MeetingFixture()
    let d = try f.s.registry.report("trust-overview").make(request(f, .trust))
    let t = try #require(d.table(under: "Schools side by side"))
    #expect(t.rows.map { $0[0] } == f.trust.schools.map(\.name) + ["Trust"])
    let records = try SchoolYearData.load(f.s.folder, school: f.school, year: f.year).records
    let trustReading = Analysis(records: records, scheme: f.scheme).bands(
      .trust, subject: "reading", at: HalfTermRef(f.year, .spring2))
    #expect(t.rows.last?[2] == ReportParts.band(trustReading))
  }

  @Test func theSchoolPackReportsProgressAndCanBeCancelled() throws {
    let f = try MeetingFixture()
    let classes = try f.s.folder.loadSchool(f.school).classes(in: f.year).count
    let seen = Box()
    let d = try f.s.registry.report("school-pack").make(
      request(f, .school(f.school), progress: WorkProgress { done, total in seen.add(done, total) }))
    #expect(seen.values.last.map { $0.0 == $0.1 } == true)
    #expect(seen.values.last?.1 == classes + 2)
    #expect(d.blocks.filter { $0 == .pageBreak }.count == classes)
    let cancelled = WorkProgress()
    cancelled.cancel()
    #expect(throws: CancellationError.self) {
      try f.s.registry.report("school-pack").make(request(f, .school(f.school), progress: cancelled))
    }
  }
}

final class Box: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [(Int, Int)] = []
  func add(_ a: Int, _ b: Int) { lock.withLock { list.append((a, b)) } }
  var values: [(Int, Int)] { lock.withLock { list } }
}

/// The packs' gap tables hold the numbers of `show gaps` (the same `GapTable`), and those are
/// the analysis's own gaps.
@Suite struct ReportGapTests {
  @Test func theSummaryAndOverviewGapsAreTheGapTables() throws {
    let f = try MeetingFixture()
    let when = HalfTermRef(f.year, .spring2)
    let data = try SchoolYearData.load(f.s.folder, school: f.school, year: f.year)
    let a = Analysis(records: data.records, scheme: f.scheme)
    let names = ScopeNames(trust: f.trust, classes: ScopeNames.classes(of: data.school, in: f.year))
    func request(_ scope: AnalysisScope) -> ReportRequest {
      ReportRequest(
        folder: f.s.folder, trust: f.trust, registry: f.s.registry, scheme: f.scheme, scope: scope, when: when)
    }
    let summary = try f.s.registry.report("school-summary").make(request(.school(f.school)))
    let tables = f.trust.activeSubjects.map {
      a.gapTable(.school(f.school), subject: $0, at: when, names: names, minimum: f.trust.minimumGroupSize)
    }
    let printed = try #require(summary.table(under: "Groups and their gaps"))
    #expect(printed.rows == ReportParts.gapRows(tables, row: 0))
    for row in printed.rows where row[4] != "too few to show" {
      let trait = try #require(PupilGroup.Trait.allCases.first { $0.label == row[0] })
      let subject = try #require(f.trust.activeSubjects.first { $0.name == row[1] })
      let gap = try #require(a.gap(.school(f.school), group: PupilGroup(with: [trait]), subject: subject.id, at: when))
      #expect(row[4] == GapTable.points(gap.points), "\(row)")
    }
    let heat = summary.section("Groups and their gaps").compactMap { if case .chart(let c) = $0 { c } else { nil } }
    #expect(heat.count == tables.count && heat[0].rows == tables[0].rows.map(\.name))
    #expect(
      heat[0].cellLabels[0][0].hasSuffix(
        "\(tables[0].rows[0].cells[0].groupN) against \(tables[0].rows[0].cells[0].restN) pupils")
    )

    let overview = try f.s.registry.report("trust-overview").make(request(.trust))
    let disadvantaged = try #require(overview.table(under: "Disadvantaged pupils against the rest"))
    let trustTables = f.trust.activeSubjects.map {
      a.gapTable(.trust, subject: $0, at: when, names: names, minimum: f.trust.minimumGroupSize)
    }
    let g = GapTable.standardGroups.firstIndex(of: .disadvantaged)!
    #expect(disadvantaged.rows.count == trustTables.count * (trustTables[0].rows.count - 1))
    for (row, t) in zip(disadvantaged.rows, trustTables) {
      let c = t.rows[1].cells[g]
      #expect(row[0] == t.rows[1].name && row[1] == t.subjectName)
      #expect(
        row[2] == ReportParts.side(c.groupPercent, c.groupN) && row[3] == ReportParts.side(c.restPercent, c.restN))
    }
  }
}
