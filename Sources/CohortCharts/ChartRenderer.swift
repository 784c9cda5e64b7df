import CCairo
import CohortCore
import Foundation

/// Draws a ChartSpec with cairo and pango: large type and strong contrast for a projector,
/// values printed on the bars so a grey print still reads.
public struct ChartRenderer: Sendable {
  public enum Format: String, Sendable {
    case png, svg, pdf
  }

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  public var width = 1600.0
  public var height = 1000.0
  /// Light or dark, as the window around the chart (files are drawn light).
  public var theme = ChartTheme.light

  public init() {}

  /// Sized for the chart: drawn as rows, narrower (larger type where it is scaled to a
  /// page or a window) and as tall as its rows.
  public init(for spec: ChartSpec) {
    if spec.isRows { width = Self.rowsWidth }
    height = Self.height(for: spec)
  }

  /// Rows of the row layout: where they start and how tall each is.
  static let rowsTop = 190.0
  static let rowHeight = 44.0
  static let rowsBelow = 90.0
  static let rowsWidth = 1200.0

  public static func height(for spec: ChartSpec) -> Double {
    if spec.isRows { return max(1000, rowsTop + rowHeight * Double(spec.categories.count) + rowsBelow) }
    return max(1000, minimumHeight(spec))
  }

  /// Draws on any cairo context (a file surface, or a GTK drawing area).
  /// Which category (bar) lies under a point, for drilling down by clicking a chart.
  public func category(at x: Double, _ y: Double, in spec: ChartSpec) -> Int? {
    guard spec.kind != .heatmap, !spec.categories.isEmpty else { return nil }
    if spec.isRows {
      let row = Int(((y - Self.rowsTop) / Self.rowHeight).rounded(.down))
      return y >= Self.rowsTop && spec.categories.indices.contains(row) ? row : nil
    }
    let p = plotArea
    guard x >= p.x, x < p.x + p.w, y >= p.y, y <= p.y + p.h + 110 else { return nil }
    return min(spec.categories.count - 1, Int((x - p.x) / (p.w / Double(spec.categories.count))))
  }

  /// Which series of a stacked bar lies under a point: (category, series index).
  public func segment(at x: Double, _ y: Double, in spec: ChartSpec) -> (Int, Int)? {
    guard spec.kind == .stackedBars, let c = category(at: x, y, in: spec) else { return nil }
    let p = plotArea
    let value = (p.y + p.h - y) / p.h * spec.yMax
    guard value >= 0 else { return nil }
    var base = 0.0
    for (i, s) in spec.series.enumerated() {
      base += s.values[c]
      if value <= base { return (c, i) }
    }
    return nil
  }

  var plotArea: (x: Double, y: Double, w: Double, h: Double) { (170.0, 150.0, width - 520, height - 320) }

  public func draw(_ spec: ChartSpec, on cr: OpaquePointer) {
    rgb(cr, theme.background)
    cairo_paint(cr)
    // Cut with an ellipsis rather than run off the edge (a row chart is narrower).
    text(cr, spec.title, x: 60, y: 30, size: spec.isRows ? 26 : 34, bold: true, maxWidth: width - 120, alignLeft: true)
    text(cr, spec.subtitle, x: 60, y: 82, size: 24, colour: theme.muted, maxWidth: width - 120, alignLeft: true)
    let plot = plotArea
    if let empty = spec.emptyMessage {
      text(cr, empty, x: width / 2, y: plot.y + plot.h / 2 - 20, size: 30, colour: theme.muted, align: 0.5)
      return
    }
    switch spec.kind {
    case .heatmap where !spec.cellLabels.isEmpty: labelledHeatmap(spec, cr, plot)
    case .groupedBars where spec.isRows: rows(spec, cr)
    case .stackedBars, .groupedBars: bars(spec, cr, plot)
    case .heatmap: heatmap(spec, cr, plot)
    case .lines, .scatter: lines(spec, cr, plot)
    }
  }

  func bars(_ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double)) {
    valueGrid(spec, cr, p, from: 0, to: spec.yMax)
    let n = max(1, spec.categories.count)
    let slot = p.w / Double(n)
    let barWidth = min(220, slot * 0.62)
    for (i, category) in spec.categories.enumerated() {
      let cx = p.x + slot * (Double(i) + 0.5)
      if spec.kind == .stackedBars {
        var base = 0.0
        for s in spec.series {
          let v = s.values[i]
          let h = p.h * v / spec.yMax
          let top = p.y + p.h - p.h * base / spec.yMax - h
          rgb(cr, s.colour)
          cairo_rectangle(cr, cx - barWidth / 2, top, barWidth, h)
          cairo_fill(cr)
          if v >= 6 {
            text(
              cr, String(format: "%.0f%%", v), x: cx, y: top + h / 2 - 16, size: 24, bold: true,
              colour: readable(on: s.colour), align: 0.5)
          }
          base += v
        }
      } else {
        let k = Double(spec.series.count)
        let w = barWidth / k
        for (j, s) in spec.series.enumerated() {
          let v = s.values[i]
          let h = p.h * v / spec.yMax
          let x = cx - barWidth / 2 + w * Double(j)
          rgb(cr, s.colour)
          cairo_rectangle(cr, x, p.y + p.h - h, w - 4, h)
          cairo_fill(cr)
          // Halfway up a tall bar (clear of the marks drawn across its top), else above it.
          let inside = h > 60
          text(
            cr, String(format: "%.0f", v) + spec.valueSuffix, x: x + w / 2,
            y: p.y + p.h - (inside ? h / 2 + 16 : h + 34),
            size: 24, bold: true, colour: inside ? readable(on: s.colour) : nil, align: 0.5)
        }
      }
      text(cr, category, x: cx, y: p.y + p.h + 14, size: 24, bold: true, align: 0.5, maxWidth: slot - 8)
      if i < spec.notes.count {
        text(
          cr, spec.notes[i], x: cx, y: p.y + p.h + 78, size: 22,
          colour: spec.isPartial(i) ? theme.warning : theme.muted, align: 0.5, maxWidth: slot - 4)
      }
    }
    markColumns(spec, cr, p)
    axes(spec, cr, p)
    legend(spec.series.map { ($0.name, $0.colour) }.reversed(), cr, x: p.x + p.w + 50, y: p.y)
    markersLegend(spec, cr, x: p.x + p.w + 50, y: p.y + 56 * Double(spec.series.count) + 20)
  }

  /// One row per category: its name, a bar per series with the value at its end, and n.
  func rows(_ spec: ChartSpec, _ cr: OpaquePointer) {
    let (nameWidth, left) = (480.0, 560.0)
    let right = width - 240
    let top = Self.rowsTop
    let bottom = top + Self.rowHeight * Double(spec.categories.count)
    let span = max(1e-9, spec.yMax - spec.yMin)
    func x(_ v: Double) -> Double { left + (right - left) * (v - spec.yMin) / span }
    // Banded rows first, under the gridlines: the eye follows a name across to its bar.
    for i in spec.categories.indices where i % 2 == 1 {
      rgb(cr, theme.stripe)
      cairo_rectangle(cr, 60, top + Self.rowHeight * Double(i), width - 120, Self.rowHeight)
      cairo_fill(cr)
    }
    // Value axis across the top, gridlines down through every row.
    for step in 0...5 {
      let v = spec.yMin + span * Double(step) / 5
      rgb(cr, theme.grid)
      cairo_set_line_width(cr, 1.5)
      cairo_move_to(cr, x(v), top)
      cairo_line_to(cr, x(v), bottom)
      cairo_stroke(cr)
      text(cr, String(format: "%.0f", v), x: x(v), y: top - 36, size: 22, align: 0.5)
    }
    text(cr, spec.yLabel, x: left, y: top - 76, size: 22, colour: theme.muted)
    text(cr, spec.xLabel, x: 60, y: top - 36, size: 22, bold: true)
    let k = Double(max(1, spec.series.count))
    let barHeight = (Self.rowHeight - 10) / k
    for (i, category) in spec.categories.enumerated() {
      let y = top + Self.rowHeight * Double(i)
      text(cr, category, x: 60, y: y + 8, size: 22, bold: true, maxWidth: nameWidth, alignLeft: true)
      for (j, s) in spec.series.enumerated() {
        let v = s.values[i]
        let by = y + 5 + barHeight * Double(j)
        rgb(cr, s.colour)
        cairo_rectangle(cr, left, by, x(v) - left, barHeight - 2)
        cairo_fill(cr)
        text(
          cr, String(format: "%.0f", v) + spec.valueSuffix, x: x(v) + 10, y: by + barHeight / 2 - 15, size: 22,
          bold: true)
      }
      if i < spec.notes.count {
        text(
          cr, spec.notes[i], x: right + 80, y: y + 8, size: 20, colour: spec.isPartial(i) ? theme.warning : theme.muted)
      }
    }
    markRows(spec, cr, left: left, right: right, x: x)
    rgb(cr, theme.ink)
    cairo_set_line_width(cr, 2.5)
    cairo_move_to(cr, left, top)
    cairo_line_to(cr, left, bottom)
    cairo_stroke(cr)
    legend(spec.series.map { ($0.name, $0.colour) }, cr, x: width - 280, y: top - 90)
  }

  /// The two axis lines and the category axis's label.
  func axes(_ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double)) {
    rgb(cr, theme.ink)
    cairo_set_line_width(cr, 2.5)
    cairo_move_to(cr, p.x, p.y)
    cairo_line_to(cr, p.x, p.y + p.h)
    cairo_line_to(cr, p.x + p.w, p.y + p.h)
    cairo_stroke(cr)
    text(cr, spec.xLabel, x: p.x + p.w / 2, y: p.y + p.h + 118, size: 22, align: 0.5)
  }

  /// The value axis: a gridline and its value every fifth of the way from `low` to `high`.
  func valueGrid(
    _ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double), from low: Double,
    to high: Double
  ) {
    for step in 0...5 {
      let v = low + (high - low) * Double(step) / 5
      let y = p.y + p.h - p.h * Double(step) / 5
      rgb(cr, theme.grid)
      cairo_set_line_width(cr, 1.5)
      cairo_move_to(cr, p.x, y)
      cairo_line_to(cr, p.x + p.w, y)
      cairo_stroke(cr)
      text(cr, String(format: "%.0f", v), x: p.x - 20, y: y - 14, size: 22, align: 1)
    }
    text(cr, spec.yLabel, x: 40, y: p.y + p.h / 2 + 120, size: 22, rotate: true)
  }

  /// Lines across the categories, or a scatter of points over them.
  func lines(_ spec: ChartSpec, _ cr: OpaquePointer, _ p: (x: Double, y: Double, w: Double, h: Double)) {
    let span = max(1e-9, spec.yMax - spec.yMin)
    func y(_ v: Double) -> Double { p.y + p.h - p.h * (v - spec.yMin) / span }
    valueGrid(spec, cr, p, from: spec.yMin, to: spec.yMin + span)
    let n = max(1, spec.categories.count)
    let slot = p.w / Double(n)
    func x(_ i: Int) -> Double { p.x + slot * (Double(i) + 0.5) }
    for (i, c) in spec.categories.enumerated() {
      text(cr, c, x: x(i), y: p.y + p.h + 14, size: 22, bold: true, align: 0.5, maxWidth: slot - 4)
      if i < spec.notes.count {
        text(cr, spec.notes[i], x: x(i), y: p.y + p.h + 78, size: 22, colour: theme.muted, align: 0.5)
      }
    }
    if spec.kind == .lines {
      for s in spec.series {
        rgb(cr, s.colour)
        cairo_set_line_width(cr, 5)
        cairo_new_path(cr)
        for (i, v) in s.values.enumerated() { i == 0 ? cairo_move_to(cr, x(i), y(v)) : cairo_line_to(cr, x(i), y(v)) }
        cairo_stroke(cr)
        for (i, v) in s.values.enumerated() {
          cairo_new_sub_path(cr)
          cairo_arc(cr, x(i), y(v), 8, 0, 2 * Double.pi)
          cairo_fill(cr)
        }
      }
      endLabels(spec, cr, x: x, y: y)
      legend(spec.series.map { ($0.name, $0.colour) }, cr, x: p.x + p.w + 50, y: p.y)
    } else {
      // Deterministic jitter so that pupils with the same score do not hide each other.
      for (k, pt) in spec.points.enumerated() {
        let jitter = (Double((k * 7919) % 101) / 100 - 0.5) * slot * 0.5
        rgb(cr, pt.colour)
        cairo_new_path(cr)
        cairo_arc(cr, x(pt.category) + jitter, y(pt.value), 7, 0, 2 * Double.pi)
        cairo_fill_preserve(cr)
        rgb(cr, theme.ink)
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
        if pt.marked == true {
          cairo_new_path(cr)
          cairo_arc(cr, x(pt.category) + jitter, y(pt.value), 14, 0, 2 * Double.pi)
          cairo_set_line_width(cr, 3)
          cairo_stroke(cr)
        }
      }
      legend(spec.series.map { ($0.name, $0.colour) }, cr, x: p.x + p.w + 50, y: p.y)
    }
    axes(spec, cr, p)
  }

  func readable(on colour: String) -> String { RGB(hex: colour)?.prefersDarkText == false ? "#FFFFFF" : "#000000" }

  func rgb(_ cr: OpaquePointer, _ hex: String) {
    let c = RGB(hex: hex) ?? RGB(hex: "#000000")!
    cairo_set_source_rgb(cr, c.red, c.green, c.blue)
  }
}
