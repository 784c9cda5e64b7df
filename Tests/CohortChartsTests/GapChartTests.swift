import CohortCore
import Foundation
import Testing

@testable import CohortCharts

/// The issue 19 chart specs: the gaps heat map, bands over time, an intervention's impact, and
/// charts with nothing to draw saying so.
@Suite struct GapChartTests {
  let when = HalfTermRef(AcademicYear(startYear: 2026), .autumn2)

  func cell(_ g: Int, _ r: Int, _ gp: Double?, _ rp: Double?, suppressed: Bool = false) -> GapTable.Cell {
    GapTable.Cell(groupN: g, restN: r, groupPercent: gp, restPercent: rp, suppressed: suppressed)
  }

  var table: GapTable {
    GapTable(
      subject: "reading", subjectName: "Reading", when: when, groups: ["disadvantaged", "eal"],
      groupLabels: ["disadvantaged", "EAL"], minimum: 5,
      rows: [
        GapTable.Row(key: "", name: "Oak Trust", cells: [cell(20, 80, 50, 70), cell(10, 90, 80, 60)]),
        GapTable.Row(
          key: "oak", name: "Oak Primary", cells: [cell(3, 40, nil, nil, suppressed: true), cell(6, 37, 50, 50)]),
      ])
  }

  @Test func theHeatMapShowsNOnEveryCellAndGreysSuppressedOnes() {
    let spec = Charts.gapsHeatmap(table)
    #expect(
      spec.kind == .heatmap && spec.rows == ["Oak Trust", "Oak Primary"] && spec.categories == ["Disadvantaged", "EAL"])
    #expect(spec.title == "Reading: gaps between groups and the rest, Oak Trust")
    // Pupils in words on every cell, never "n=".
    #expect(
      spec.cellLabels == [
        ["-20 points\n20 against 80 pupils", "+20 points\n10 against 90 pupils"],
        ["too few to show\n3 against 40 pupils", "0 points\n6 against 37 pupils"],
      ])
    #expect(spec.cellColours[1][0] == Charts.suppressedGrey)
    #expect(spec.cellColours[1][1] == "#FFFFFF", "no gap, no colour")
    // Behind is orange, ahead is blue, as dark as the gap is wide.
    let behind = spec.cellColours[0][0]
    let ahead = spec.cellColours[0][1]
    #expect(behind != ahead && Charts.gapColour(-30) == "#E66101" && Charts.gapColour(30) == "#2166AC")
    #expect(spec.emptyMessage == nil && !spec.subtitle.contains("n="))
  }

  @Test func anEmptyTableOrScoresChartSaysSoInsteadOfDrawingZeros() throws {
    var empty = table
    empty.rows = [GapTable.Row(key: "", name: "Oak Trust", cells: [cell(0, 0, nil, nil, suppressed: true)])]
    #expect(Charts.gapsHeatmap(empty).emptyMessage?.hasPrefix("No Reading judgements entered") == true)
    let test = TestDefinition(
      id: "nfer", publisher: "NFER", name: "NFER reading", subject: "reading", terms: Term.allCases,
      yearGroups: [YearGroup(3)], minimum: 69, maximum: 141,
      bands: [ScoreBand(label: "Average", lower: nil, upper: nil, band: .at, colour: "#2E7D32")], confidence: 6)
    let spec = Charts.scoreDistribution(
      Analysis(records: [], scheme: CodeScheme(id: "s", name: "S", codes: [])).scores(
        .trust, test: test, at: TermRef(when.year, .autumn)), test: test, scopeName: "3B, Oak Primary",
      at: TermRef(when.year, .autumn))
    #expect(spec.emptyMessage == "No NFER reading scores for 3B, Oak Primary in Autumn 2026-27 yet.")
    #expect(spec.subtitle == "No scores entered yet" && !spec.subtitle.contains("n="))
    // Drawn, the chart is the message: no bars, no axis.
    let png = try ChartRenderer().render(spec, as: .png)
    #expect(png.count > 2000)
  }

  @Test func bandsOverTimeAcrossYearsAndTheImpactChart() {
    let scheme = CodeScheme(
      id: "ygp", name: "YGP",
      codes: [
        Code(id: "Y", key: "y", label: "Not yet", colour: "#F5C400", band: .below),
        Code(id: "G", key: "g", label: "Secure", colour: "#2E7D32", band: .at),
      ])
    let last = HalfTermRef(when.year.previous, .summer2)
    let a = Analysis(
      records: (0..<4).map { i in
        PupilRecord(
          pupil: Pupil(id: "p\(i)", forename: "F", surname: "S", dob: SchoolDate(iso: "2018-01-01")!), school: "oak",
          classID: "c", yearGroup: YearGroup(3), codes: [last: ["reading": i < 2 ? "Y" : "G"], when: ["reading": "G"]])
      }, scheme: scheme)
    let spec = Charts.bandsOverTime(
      a, scope: .trust, scopeName: "Oak Trust", group: .everyone, subject: Subject(id: "reading", name: "Reading"),
      over: [last, HalfTermRef(when.year, .autumn1), when])
    #expect(spec.categories == ["Sum 2\n2025-26", "Aut 1\n2026-27", "Aut 2\n2026-27"])
    #expect(spec.series[0].values == [50, 0, 0] && spec.series[1].values == [50, 0, 100])
    #expect(spec.notes == ["4 pupils", "none entered", "4 pupils"])

    // Four in it starting on Y (one up), ten similar pupils on G (two up, seven the same, one down).
    let codes =
      [("Y", "G"), ("Y", "Y"), ("Y", "Y"), ("Y", "Y")] + [("G", "P"), ("G", "P"), ("G", "Y")]
      + Array(repeating: ("G", "G"), count: 7)
    let records = codes.enumerated().map { k, c in
      PupilRecord(
        pupil: Pupil(id: "q\(k)", forename: "F", surname: "S", dob: SchoolDate(iso: "2018-01-01")!), school: "oak",
        classID: "c", yearGroup: YearGroup(3),
        codes: [HalfTermRef(when.year, .autumn1): ["reading": c.0], when: ["reading": c.1]])
    }
    let ygp = CodeScheme(
      id: "ygp", name: "YGP",
      codes: [
        Code(id: "Y", key: "y", label: "Not yet", colour: "#F5C400", band: .below),
        Code(id: "G", key: "g", label: "Secure", colour: "#2E7D32", band: .at),
        Code(id: "P", key: "p", label: "Greater depth", colour: "#6A1B9A", band: .above),
      ])
    var i = InterventionImpact.compute(
      pupils: ["q0", "q1", "q2", "q3"], subject: "reading", from: HalfTermRef(when.year, .autumn1), to: when,
      records: records, scheme: ygp, tests: [])
    // Similar pupils start on the same code: here, for the chart, the ten on G.
    i.comparison =
      InterventionImpact.compute(
        pupils: (4..<14).map { "q\($0)" }, subject: "reading", from: HalfTermRef(when.year, .autumn1), to: when,
        records: records, scheme: ygp, tests: []
      ).intervention
    let impact = Charts.impact(i, title: "Reading catch-up", minimum: 5)
    #expect(
      impact.title == "Impact: Reading catch-up"
        && impact.series.map(\.name) == ["In the intervention", "Similar pupils"])
    #expect(impact.series[0].values == [25, 75, 0] && impact.series[1].values == [20, 70, 10])
    #expect(impact.notes == ["1 of 4 · 2 of 10", "3 of 4 · 7 of 10", "0 of 4 · 1 of 10"])
    #expect(
      impact.subtitle.hasPrefix("Autumn 1 to Autumn 2 2026-27") && impact.subtitle.hasSuffix("too few pupils to tell"))
  }
}
