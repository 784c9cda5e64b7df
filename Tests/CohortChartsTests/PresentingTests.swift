import CohortCore
import Foundation
import Testing

@testable import CohortCharts

/// Charts for presenting from: short names on tight bars, the marks on them, drawing to fill a
/// window with readable type, and finding the cell under a click.
@Suite struct PresentingTests {
  var bars: ChartSpec {
    ChartSpec(
      kind: .groupedBars, title: "Reading by school", subtitle: "Autumn 1", xLabel: "School", yLabel: "%",
      categories: ["Oak", "St Mary's"],
      series: [ChartSpec.Series(name: "At or above", colour: "#2E7D32", values: [60, 70])],
      notes: ["20 pupils", "30 pupils"])
  }

  @Test func schoolNamesAreShortenedToWhatTellsThemApart() {
    #expect(Charts.shortSchoolName("St Mary's C of E Primary School") == "St Mary's")
    #expect(Charts.shortSchoolName("Oakfield Primary School") == "Oakfield")
    #expect(Charts.shortSchoolName("Riverside Academy") == "Riverside")
    #expect(Charts.shortSchoolName("Primary School") == "Primary", "a name is never emptied")
  }

  @Test func marksAreKeptAndPartlyEnteredBarsSaySoUnderThem() {
    let s = Charts.marked(
      bars, reference: .init(label: "Trust average", value: 64), previous: [58, nil], previousLabel: "Summer 2",
      partial: [nil, "12 of 30 entered"])
    #expect(s.reference?.value == 64 && s.previous == [58, nil] && s.previousLabel == "Summer 2")
    #expect(s.notes == ["20 pupils", "30 pupils · 12 of 30 entered"])
    #expect(!s.isPartial(0) && s.isPartial(1))
    // Drawn as rows (many schools), the subtitle says what the marks mean.
    var many = bars
    many.categories = (0..<20).map { "School \($0)" }
    many.series[0].values = Array(repeating: 50, count: 20)
    many.notes = Array(repeating: "", count: 20)
    let rows = Charts.marked(
      many, reference: .init(label: "Trust average", value: 50), previous: [], previousLabel: "",
      partial: Array(repeating: nil, count: 20))
    #expect(rows.isRows && rows.subtitle.hasSuffix("dashed line: trust average 50%"))
  }

  /// At full screen on a 1080p projector the chart is drawn at least at its own size (type of
  /// 20 logical pixels at least 20 on screen); in a small window never below 0.72, and it fills
  /// the width rather than leaving margins.
  @Test func aChartFillsItsSpaceWithReadableType() {
    let (full, scale) = ChartRenderer.fitted(bars, width: 1920, height: 1040)
    #expect(scale >= 1 && abs(full.width * scale - 1920) < 1)
    #expect(20 * scale >= 18)
    let (small, s2) = ChartRenderer.fitted(bars, width: 900, height: 360)
    #expect(s2 >= 0.72 || 1100 * s2 <= 900.5)
    #expect(small.height >= 620 && abs(small.width * s2 - 900) < 1)
    let (_, dark) = ChartRenderer.fitted(bars, width: 900, height: 500, theme: .dark)
    #expect(dark > 0 && ChartTheme.dark.background != ChartTheme.light.background)
  }

  @Test func aClickOnAHeatMapFindsItsCell() {
    var spec = ChartSpec(
      kind: .heatmap, title: "Moves", subtitle: "", xLabel: "", yLabel: "", categories: ["A", "B", "C"], series: [],
      notes: [])
    spec.rows = ["A", "B", "C"]
    spec.counts = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    let r = ChartRenderer(for: spec)
    let g = r.heatGeometry(spec)
    #expect(r.cell(at: g.left + g.w * 1.5, g.top + g.h * 2.5, in: spec)! == (2, 1))
    #expect(r.cell(at: g.left - 5, g.top + 5, in: spec) == nil)
    spec.emptyMessage = "nothing"
    #expect(r.cell(at: g.left + 5, g.top + 5, in: spec) == nil, "an empty chart has no cells to click")
  }

  @Test func theScatterRingsPupilsWhoseJudgementAndTestDisagree() {
    let when = HalfTermRef(AcademicYear(startYear: 2026), .autumn2)
    let test = TestDefinition(
      id: "t", publisher: "P", name: "Reading test", subject: "reading", terms: [.autumn], yearGroups: [YearGroup(3)],
      minimum: 70, maximum: 140,
      bands: [
        ScoreBand(label: "Below", lower: nil, upper: 94, band: .below, colour: "#F9A825"),
        ScoreBand(label: "At", lower: 95, upper: 114, band: .at, colour: "#2E7D32"),
        ScoreBand(label: "Above", lower: 115, upper: nil, band: .above, colour: "#6A1B9A"),
      ], confidence: 5)
    let records = [("Y", 120), ("G", 100), ("P", 80)].enumerated().map { i, pair in
      var r = PupilRecord(
        pupil: Pupil(id: "p\(i)", forename: "A", surname: "B", dob: SchoolDate(iso: "2018-01-01")!), school: "oak",
        classID: "c", yearGroup: YearGroup(3), codes: [when: ["reading": pair.0]])
      r.scores["t", at: TermRef(when.year, .autumn)] = pair.1
      return r
    }
    let scheme = CodeScheme(
      id: "ygp", name: "YGP",
      codes: [
        Code(id: "Y", key: "y", label: "Not yet", colour: "#F5C400", band: .below),
        Code(id: "G", key: "g", label: "Secure", colour: "#2E7D32", band: .at),
        Code(id: "P", key: "p", label: "Greater depth", colour: "#6A1B9A", band: .above),
      ])
    let spec = Charts.judgementVersusScore(
      Analysis(records: records, scheme: scheme), scope: .trust, scopeName: "Oak", test: test, at: when, steps: 2)
    // Y (below) scored 120 (above), P (above) scored 80 (below): two bands apart each.
    #expect(spec.points.filter { $0.marked == true }.count == 2)
    #expect(spec.subtitle.hasSuffix("3 pupils; ringed: 2 where judgement and test disagree"))
  }
}
