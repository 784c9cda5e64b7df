import CohortCore
import Foundation

extension Charts {
  /// The gap table as a heat map: a row per school (or year group, or class), a column per
  /// group, each cell the gap in points with both sides' n; blue where the group is ahead,
  /// orange where it is behind (told apart without red and green), grey and uncoloured where
  /// a side is under the trust's minimum, which then shows its n only.
  public static func gapsHeatmap(_ t: GapTable) -> ChartSpec {
    var spec = ChartSpec(
      kind: .heatmap, title: "\(t.subjectName): gaps between groups and the rest, \(t.rows.first?.name ?? "")",
      subtitle:
        "\(t.when.halfTerm.label) \(t.when.year) · group minus the rest, points at or above; "
        + "below each, pupils in the group and in the rest",
      xLabel: "Group", yLabel: "", categories: t.groupLabels.map { $0.prefix(1).uppercased() + $0.dropFirst() },
      series: [], notes: [])
    spec.rows = t.rows.map(\.name)
    spec.counts = t.rows.map { $0.cells.map { Int(($0.points ?? 0).rounded()) } }
    spec.cellLabels = t.rows.map { row in
      row.cells.map { c in
        // Pupils in words on every cell, never "n=": a projector's audience reads them.
        let sizes = "\(grouped(c.groupN)) against \(plural(c.restN, "pupil"))"
        if c.suppressed { return "too few to show\n\(sizes)" }
        return "\(c.points.map(pointsWords) ?? "none assessed")\n\(sizes)"
      }
    }
    spec.cellColours = t.rows.map { $0.cells.map { $0.suppressed ? suppressedGrey : gapColour($0.points) } }
    spec.yMax = gapScale
    if t.rows.allSatisfy({ $0.cells.allSatisfy { $0.groupN + $0.restN == 0 } }) {
      spec.emptyMessage = "No \(t.subjectName) judgements entered for \(t.when.halfTerm.label) \(t.when.year) yet."
    }
    return spec
  }

  /// "-12 points", "+1 point", "0 points".
  public static func pointsWords(_ x: Double) -> String {
    let p = GapTable.points(x)
    return p == "+1" || p == "-1" ? "\(p) point" : "\(p) points"
  }

  static let suppressedGrey = "#D9D9D9"
  /// Points at which a cell is at its darkest.
  static let gapScale = 30.0

  /// White at no gap, to blue (ahead) or orange (behind) at `gapScale` points.
  static func gapColour(_ points: Double?) -> String {
    guard let p = points else { return "#FFFFFF" }
    let t = min(1, abs(p) / gapScale)
    let far: (Double, Double, Double) = p >= 0 ? (33, 102, 172) : (230, 97, 1)
    func mix(_ c: Double) -> Int { Int((255 - (255 - c) * t).rounded()) }
    return String(format: "#%02X%02X%02X", mix(far.0), mix(far.1), mix(far.2))
  }

  /// Bands half-term by half-term, across years, for the pupils in a scope now: how the same
  /// children have moved (not a flight path: each bar is what was entered then).
  public static func bandsOverTime(
    _ a: Analysis, scope: AnalysisScope, scopeName: String, group: PupilGroup, subject: Subject,
    over times: [HalfTermRef]
  ) -> ChartSpec {
    let summaries = times.map { a.bands(scope, group: group, subject: subject.id, at: $0) }
    var spec = ChartSpec(
      kind: .stackedBars, title: "\(subject.name) over time: \(scopeName)",
      subtitle: (group == .everyone
        ? "All pupils"
        : group.description.prefix(1).uppercased()
          + group.description.dropFirst()) + " in it now, as judged each half-term",
      xLabel: "Half-term", yLabel: "% of pupils assessed",
      categories: times.map { "\(shortLabel($0.halfTerm))\n\($0.year)" },
      series: CommonBand.allCases.map { b in
        ChartSpec.Series(name: b.label, colour: colour(b, a.scheme), values: summaries.map { $0.percent(b) })
      },
      notes: summaries.map { pupils($0.assessed) })
    if summaries.allSatisfy({ $0.assessed == 0 }) {
      spec.emptyMessage = "No \(subject.name) judgements entered for \(scopeName) in these half-terms yet."
    }
    return spec
  }

  /// "Aut 1": a half-term's name short enough for a dozen bars side by side.
  public static func shortLabel(_ h: HalfTerm) -> String {
    let words = h.label.split(separator: " ")
    return "\(words[0].prefix(3)) \(words.last ?? "")"
  }

  /// An intervention's pupils beside similar pupils not in it: the shares that moved up, stayed
  /// and moved down, with how many pupils each share is of.
  public static func impact(_ i: InterventionImpact, title: String, minimum: Int) -> ChartSpec {
    let sides = [("In the intervention", i.intervention, "#1565C0"), ("Similar pupils", i.comparison, "#9E9E9E")]
    func share(_ k: Int, _ m: InterventionImpact.Measures) -> Double {
      m.withCodes == 0 ? 0 : 100 * Double(k) / Double(m.withCodes)
    }
    var spec = ChartSpec(
      kind: .groupedBars, title: "Impact: \(title)",
      subtitle: (i.from.year == i.to.year
        ? "\(i.from.halfTerm.label) to \(i.to.halfTerm.label) \(i.to.year) · "
        : "\(i.from.halfTerm.label) \(i.from.year) to \(i.to.halfTerm.label) \(i.to.year) · ")
        + "\(plural(i.intervention.withCodes, "pupil")) in it and \(plural(i.comparison.withCodes, "similar pupil")) "
        + "with a code before and after" + (i.isTooFew(minimum: minimum) ? " · too few pupils to tell" : ""),
      xLabel: "Code since the intervention began", yLabel: "% of pupils",
      categories: ["Moved up", "Stayed the same", "Moved down"],
      series: sides.map { name, m, colour in
        ChartSpec.Series(name: name, colour: colour, values: [share(m.up, m), share(m.same, m), share(m.down, m)])
      },
      notes: [\InterventionImpact.Measures.up, \.same, \.down].map { k in
        "\(i.intervention[keyPath: k]) of \(i.intervention.withCodes) · \(i.comparison[keyPath: k]) of \(i.comparison.withCodes)"
      })
    if i.intervention.withCodes == 0 {
      spec.emptyMessage = "None of the intervention's pupils has a code before and after yet."
    }
    return spec
  }
}
