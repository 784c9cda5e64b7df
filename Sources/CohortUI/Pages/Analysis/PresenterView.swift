import CohortCharts

/// The scope's charts one at a time over the whole screen, for a meeting room's projector:
/// Right, Down, Page Down or Space for the next, Left, Up or Page Up for the one before, Home
/// and End, and Escape (or F11) to leave. Drawn in the window's theme, type at full size.
@MainActor
final class PresenterView {
  let window: Widget
  private let chart = ChartView(name: "Presented chart", tools: false)
  private let place: Widget
  private let specs: [ChartSpec]
  private var index: Int
  var onClosed: () -> Void = {}

  init(parent: Widget, specs: [ChartSpec], start: Int = 0) {
    self.specs = specs
    index = min(max(0, start), max(0, specs.count - 1))
    // A window of its own, not a dialog over the main one: it takes the whole screen.
    window = UI.window(title: "Presenting", parent: nil, width: 1280, height: 720)
    chart.fillsHeight = true
    place = UI.label("", classes: ["title-4"], xalign: 0.5)
    UI.setAccessibleName(place, "Chart number")
    let box = UI.box(true, spacing: 0)
    UI.append(box, chart.widget, place)
    UI.setChild(window, box)
    UI.onKey(window, capture: true) { [weak self] key in self?.key(key) ?? false }
    UI.onClosed(window) { [weak self] in self?.onClosed() }
    show()
    UI.fullscreen(window)
    UI.present(window)
  }

  private func key(_ k: Key) -> Bool {
    switch k {
    case .right, .down, .pageDown, .space: index = min(specs.count - 1, index + 1)
    case .left, .up, .pageUp: index = max(0, index - 1)
    case .home: index = 0
    case .end: index = specs.count - 1
    case .escape, .f11:
      UI.close(window)
      return true
    default: return false
    }
    show()
    return true
  }

  private func show() {
    guard specs.indices.contains(index) else { return }
    chart.show(specs[index])
    UI.setTitle(window, "Presenting: \(specs[index].title)")
    let text = "\(index + 1) of \(specs.count) · arrow keys to step · Esc to leave"
    UI.setText(place, text)
    UI.setAccessibleName(place, text)
  }
}
