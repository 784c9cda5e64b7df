import CohortCharts
import CohortStore
import Foundation

/// A chart on screen: the same renderer as the PNG/PDF output, filling the space it is given
/// (type grows with the window: at full screen on a 1080p projector the smallest is ~19 px),
/// in the window's light or dark theme, with the full name and value of a bar on hover, a
/// click on a bar or cell reported for drilling down, and Export… and Copy beside it.
@MainActor
final class ChartView {
  let widget: Widget
  let area: Widget
  private let name: String
  private(set) var spec: ChartSpec?
  var onPick: (Int) -> Void = { _ in }
  /// A segment of a stacked bar was clicked: (category, series).
  var onSegment: (Int, Int) -> Void = { _, _ in }
  /// A heat map's cell was clicked: (row, column).
  var onCell: (Int, Int) -> Void = { _, _ in }
  var onMessage: (String) -> Void = { _ in }

  private let minHeight: Int32
  private let picture: OffscreenPicture

  init(name: String, tools: Bool = true, minHeight: Int32 = 360) {
    self.name = name
    self.minHeight = minHeight
    widget = UI.box(true, spacing: 2, classes: ["chart"])
    var draw: (OpaquePointer, Double, Double) -> Void = { _, _, _ in }
    area = UI.drawingArea(name: name) { cr, w, h in draw(cr, w, h) }
    picture = OffscreenPicture(area: area)
    UI.size(area, width: 480, height: minHeight)
    UI.expand(area, h: true, v: true)
    draw = { [weak self] cr, w, h in self?.draw(cr, w, h) }
    if tools {
      let bar = UI.box(false, spacing: 6)
      let export = UI.button("Export…", name: "Export \(name)", tooltip: "Save as PNG, SVG or PDF") { [weak self] in
        self?.export()
      }
      let copy = UI.button("Copy", name: "Copy \(name)", tooltip: "Copy the chart as a picture") { [weak self] in
        self?.copy()
      }
      UI.append(bar, export, copy)
      UI.align(bar, h: .end)
      UI.append(widget, bar)
    }
    UI.append(widget, area)
    UI.onClick(area) { [weak self] x, y in self?.pressed(x, y) }
    UI.onHoverText(area) { [weak self] x, y in self?.hover(x, y) }
    // After the allocation, not during it: a size asked for inside "resize" is dropped, which
    // left a tab's tall chart at the height worked out while the tab was hidden (width 0).
    UI.onResize(area) { [weak self] w, _ in MainLoop.after(0) { self?.fitRows(width: w) } }
  }

  func show(_ spec: ChartSpec) {
    if spec != self.spec { picture.changed() }
    self.spec = spec
    // Titles for screen readers (and tests): names, never ids.
    UI.setAccessibleDescription(area, spec.title + ". " + (spec.emptyMessage ?? spec.subtitle))
    fitRows(width: UI.width(area))
    UI.redraw(area)
  }

  /// The renderer for the widget's size and theme, and its scale and offset on screen.
  private func layout(_ w: Double, _ h: Double) -> (ChartRenderer, Double, Double)? {
    guard let spec, w > 0, h > 0 else { return nil }
    let (r, scale) = ChartRenderer.fitted(spec, width: w, height: h, theme: UI.isDark(area) ? .dark : .light)
    return (r, scale, max(0, (w - r.width * scale) / 2))
  }

  /// Drawn off the main thread (a trust's heat map took a frame of 57-122 ms); until it is
  /// ready the chart's background shows.
  private func draw(_ cr: OpaquePointer, _ w: Double, _ h: Double) {
    guard let spec, let (r, scale, dx) = layout(w, h) else { return }
    picture.paint(
      on: cr, width: w, height: h, variant: r.theme == .dark ? 1 : 0, placeholder: { r.paint(on: $0) },
      draw: { ChartDrawing.draw(spec, with: r, on: $0, scale: scale, dx: dx) })
  }

  /// Most of the window's height at most, so that one chart is on screen whole: a chart of
  /// many rows is as tall as its rows at the width it has (the page scrolls).
  var fillsHeight = false

  private func fitRows(width: Int32) {
    guard let spec, !fillsHeight, width > 0 else { return }
    let r = ChartRenderer(for: spec)
    // Room below the window's header, tabs and toolbar: one chart whole on screen.
    let room = Double(UI.rootHeight(area)) - 450
    let tall = r.isTall ? Double(max(width, 600)) * r.height / r.width : min(Double(width) * 0.5, room)
    UI.size(area, width: 480, height: Int32(max(Double(minHeight), tall)))
  }

  private func point(_ x: Double, _ y: Double) -> (ChartRenderer, Double, Double)? {
    guard let (r, scale, dx) = layout(Double(UI.width(area)), Double(UI.height(area))) else { return nil }
    return (r, (x - dx) / scale, y / scale)
  }

  private func pressed(_ x: Double, _ y: Double) {
    guard let spec, let (r, px, py) = point(x, y) else { return }
    if let (row, col) = r.cell(at: px, py, in: spec) {
      onCell(row, col)
    } else if let (c, s) = r.segment(at: px, py, in: spec) {
      onSegment(c, s)
    } else if let i = r.category(at: px, py, in: spec) {
      onPick(i)
    }
  }

  private func hover(_ x: Double, _ y: Double) -> String? {
    guard let spec, let (r, px, py) = point(x, y) else { return nil }
    if let (row, col) = r.cell(at: px, py, in: spec) {
      let text = spec.cellLabels.isEmpty ? String(spec.counts[row][col]) : spec.cellLabels[row][col]
      return "\(spec.rows[row]), \(spec.categories[col]): " + text.replacingOccurrences(of: "\n", with: ", ")
    }
    guard let i = r.category(at: px, py, in: spec) else { return nil }
    let values = spec.series.map { s in "\(s.name) \(String(format: "%.0f", s.values[i]))\(spec.valueSuffix)" }
    let note = spec.notes.indices.contains(i) ? " (\(spec.notes[i]))" : ""
    return "\(spec.fullName(i)): " + values.joined(separator: ", ") + note
  }

  private func export() {
    guard let spec else { return }
    let suggested = ChartDrawing.fileName(spec.title) + ".png"
    FileChooser.saveFile(parent: widget, title: "Export the chart", suggested: suggested) { [weak self] path in
      do {
        let format = try ChartRenderer.Format(path: path)
        try OutputFile.write(try ChartRenderer(for: spec).render(spec, as: format), to: path)
        let url = URL(fileURLWithPath: path)
        self?.onMessage(
          "Chart saved as \(url.lastPathComponent) in \(url.deletingLastPathComponent().lastPathComponent)")
      } catch {
        self?.onMessage("Could not save the chart: \(error)")
      }
    }
  }

  private func copy() {
    guard let spec else { return }
    do {
      let png = try ChartRenderer(for: spec).render(spec, as: .png)
      onMessage(UI.copyImage(area, png: png) ? "Chart copied: paste it into slides or a document" : "Could not copy")
    } catch {
      onMessage("Could not copy the chart: \(error)")
    }
  }
}

/// Drawing a spec scaled into a widget (the chart views and the presenter share it).
enum ChartDrawing {
  static func draw(_ spec: ChartSpec, with r: ChartRenderer, on cr: OpaquePointer, scale: Double, dx: Double) {
    r.paint(on: cr)
    r.drawScaled(spec, on: cr, scale: scale, dx: dx)
  }

  /// A file name from a chart's title: letters, digits and dashes.
  static func fileName(_ title: String) -> String {
    let kept = title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    return String(kept).split(separator: "-").joined(separator: "-")
  }
}
