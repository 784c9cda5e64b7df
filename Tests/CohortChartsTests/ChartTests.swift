import CohortCore
import CohortTestSupport
import Foundation
import Testing

@testable import CohortCharts

@Suite struct ChartTests {
  let scheme = Schemes.ygp
  let when = HalfTermRef(AcademicYear(startYear: 2026), .autumn1)

  var analysis: Analysis {
    let codes = ["Y", "G", "G", "P"]
    return Analysis(
      records: codes.enumerated().map { i, c in
        PupilRecord(
          pupil: Pupil(id: "p\(i)", forename: "F", surname: "S", dob: SchoolDate(iso: "2018-01-01")!),
          school: i < 2 ? "oak" : "elm",
          classID: "c", yearGroup: YearGroup(3), codes: [when: ["reading": c, "maths": "G"]])
      }, scheme: scheme)
  }

  @Test func bandsChartHasSchemeColoursPercentagesAndN() {
    let spec = Charts.bandsBySubject(
      analysis, scope: .trust, scopeName: "Trust", group: .everyone,
      subjects: [Subject(id: "reading", name: "Reading"), Subject(id: "maths", name: "Maths")],
      at: when)
    #expect(spec.kind == .stackedBars && spec.categories == ["Reading", "Maths"])
    #expect(spec.series.map(\.name) == ["Below", "At", "Above"])
    #expect(spec.series.map(\.colour) == ["#F5C400", "#2E7D32", "#6A1B9A"])
    #expect(spec.series[0].values == [25, 0] && spec.series[1].values == [50, 100])
    #expect(spec.notes == ["4 pupils", "4 pupils"])
    #expect(spec.title.contains("Autumn 1 2026-27") && !spec.yLabel.isEmpty && !spec.xLabel.isEmpty)
  }

  @Test func breakdownAndTransitionCharts() {
    let by = Charts.atOrAboveBy(
      analysis, scope: .trust, scopeName: "Trust", by: .school, keyName: "school", names: ["oak": "Oak Primary"],
      group: .everyone,
      subject: Subject(id: "reading", name: "Reading"), at: when)
    #expect(by.categories == ["elm", "Oak Primary"])
    #expect(by.series[0].values == [100, 50] && by.notes == ["2 pupils", "2 pupils"])
    let m = analysis.transitions(.trust, subject: "reading", from: when.previous, to: when)
    let heat = Charts.transitions(m, subject: Subject(id: "reading", name: "Reading"), scopeName: "Trust")
    #expect(heat.kind == .heatmap && heat.rows == ["No code", "Below", "At", "Above"])
    #expect(heat.counts[0] == [0, 1, 2, 1] && heat.yMax == 2)
  }

  @Test(arguments: ["png", "svg", "pdf"])
  func rendersEveryFormatHeadless(ext: String) throws {
    let spec = Charts.bandsBySubject(
      analysis, scope: .trust, scopeName: "Trust", group: .everyone,
      subjects: [Subject(id: "reading", name: "Reading")], at: when)
    let data = try ChartRenderer().render(spec, as: try ChartRenderer.Format(path: "chart.\(ext)"))
    let head = String(decoding: data.prefix(8), as: UTF8.self)
    switch ext {
    case "png": #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    case "svg": #expect(String(decoding: data.prefix(200), as: UTF8.self).contains("<svg"))
    default: #expect(head.hasPrefix("%PDF"))
    }
    #expect(data.count > 2000)
    #expect(throws: ChartRenderer.Failure.self) { try ChartRenderer.Format(path: "chart.gif") }
  }
}

@Suite struct MoreChartTests {
  let year = AcademicYear(startYear: 2026)

  func analysis() -> Analysis {
    let scheme = Schemes.ygp
    let a1 = HalfTermRef(year, .autumn1)
    let a2 = HalfTermRef(year, .autumn2)
    return Analysis(
      records: [("Y", "G", 80), ("G", "G", 100), ("G", "Y", 118)].enumerated().map { i, v in
        PupilRecord(
          pupil: Pupil(id: "p\(i)", forename: "F", surname: "S", dob: SchoolDate(iso: "2018-01-01")!), school: "oak",
          classID: "c",
          yearGroup: YearGroup(3), codes: [a1: ["reading": v.0], a2: ["reading": v.1]],
          scores: [TermRef(year, .autumn): ["nfer": v.2]])
      }, scheme: scheme)
  }

  var test: TestDefinition {
    TestDefinition(
      id: "nfer", publisher: "NFER", name: "NFER reading", subject: "reading", terms: Term.allCases,
      yearGroups: [YearGroup(3)],
      minimum: 69, maximum: 141,
      bands: [
        ScoreBand(label: "Below", lower: nil, upper: 84, band: .below, colour: "#E65100"),
        ScoreBand(label: "Average", lower: 85, upper: 114, band: .at, colour: "#2E7D32"),
        ScoreBand(label: "Above", lower: 115, upper: nil, band: .above, colour: "#6A1B9A"),
      ], confidence: 6)
  }

  @Test func progressLinesPerSubject() {
    let spec = Charts.progress(
      analysis(), scope: .trust, scopeName: "T", group: .everyone, subjects: [Subject(id: "reading", name: "Reading")],
      over: [HalfTermRef(year, .autumn1), HalfTermRef(year, .autumn2)])
    #expect(spec.kind == .lines && spec.series.count == 1)
    #expect(spec.series[0].values.map { ($0 * 10).rounded() / 10 } == [66.7, 66.7])
    #expect(spec.categories.count == 2 && spec.subtitle.contains("3 pupils assessed"))
  }

  @Test func scoreDistributionCountsPupilsPerBand() {
    let a = analysis()
    let s = a.scores(.trust, test: test, at: TermRef(year, .autumn))
    let spec = Charts.scoreDistribution(s, test: test, scopeName: "T", at: TermRef(year, .autumn))
    #expect(spec.series[0].values == [1, 1, 1] && spec.valueSuffix == "" && spec.yMax == 50)
    #expect(spec.subtitle.contains("3 pupils") && spec.subtitle.contains("median 100") && spec.emptyMessage == nil)
  }

  @Test func judgementAgainstScorePointsWithALegend() {
    let spec = Charts.judgementVersusScore(
      analysis(), scope: .trust, scopeName: "T", test: test, at: HalfTermRef(year, .autumn2))
    #expect(spec.kind == .scatter && spec.points.count == 3)
    #expect(spec.points.map(\.category) == [1, 1, 0])  // G, G, Y at Autumn 2
    #expect(spec.points.map(\.colour) == ["#E65100", "#2E7D32", "#6A1B9A"])
    #expect(spec.series.map(\.name) == ["Above", "Average", "Below"])
    #expect(spec.notes == ["1 pupil", "2 pupils", "none entered"])
  }
}

@Suite struct HitTestTests {
  /// Clicking a chart maps back to what is under the pointer: the drill-down and the
  /// "who is in this segment" list depend on it.
  @Test func segmentsAndCategoriesUnderThePointer() {
    var spec = ChartSpec(
      kind: .stackedBars, title: "t", subtitle: "", xLabel: "x", yLabel: "y", categories: ["Reading", "Maths"],
      series: [
        .init(name: "Below", colour: "#F5C400", values: [20, 50]),
        .init(name: "At", colour: "#2E7D32", values: [60, 40]),
        .init(name: "Above", colour: "#6A1B9A", values: [20, 10]),
      ], notes: [])
    let r = ChartRenderer()
    let p = r.plotArea
    let slot = p.w / 2
    func y(_ v: Double) -> Double { p.y + p.h - p.h * v / 100 }
    #expect(r.segment(at: p.x + slot * 0.5, y(10), in: spec)! == (0, 0))
    #expect(r.segment(at: p.x + slot * 0.5, y(50), in: spec)! == (0, 1))
    #expect(r.segment(at: p.x + slot * 1.5, y(95), in: spec)! == (1, 2))
    #expect(r.segment(at: p.x - 10, y(50), in: spec) == nil)
    spec.kind = .groupedBars
    #expect(r.segment(at: p.x + slot * 0.5, y(10), in: spec) == nil)
    #expect(r.category(at: p.x + slot * 1.5, y(10), in: spec) == 1)
  }

  /// Past a dozen schools a breakdown is drawn as one row per school, as tall as its rows;
  /// a click maps to the row under it, and the chart can be cut into parts for pages.
  @Test func manyCategoriesAreDrawnAsRows() throws {
    let names = (1...90).map { "School \($0)" }
    let spec = ChartSpec(
      kind: .groupedBars, title: "t", subtitle: "s", xLabel: "School", yLabel: "%", categories: names,
      series: [.init(name: "At or above", colour: "#2E7D32", values: names.indices.map { Double($0 % 100) })],
      notes: names.indices.map { "n=\($0)" })
    #expect(spec.isRows)
    let r = ChartRenderer(for: spec)
    #expect(r.height >= ChartRenderer.rowsTop + ChartRenderer.rowHeight * 90)
    #expect(r.category(at: 100, ChartRenderer.rowsTop + ChartRenderer.rowHeight * 41.5, in: spec) == 41)
    #expect(r.category(at: 100, ChartRenderer.rowsTop - 5, in: spec) == nil)
    #expect(r.category(at: 100, ChartRenderer.rowsTop + ChartRenderer.rowHeight * 90.5, in: spec) == nil)
    let parts = spec.parts(of: 40)
    #expect(parts.map(\.categories.count) == [40, 40, 10])
    #expect(parts.flatMap(\.categories) == names && parts.flatMap(\.notes) == spec.notes)
    #expect(parts.flatMap { $0.series[0].values } == spec.series[0].values)
    #expect(parts[2].subtitle == "s · part 3 of 3")
    // Drawn, it is a PNG of the rows' height.
    let png = try r.render(spec, as: .png)
    let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(height == Int(r.height))
    // A dozen or fewer stay as bars side by side.
    var few = spec
    few.categories = Array(names.prefix(12))
    #expect(!few.isRows && ChartRenderer(for: few).height == 1000)
  }
}
