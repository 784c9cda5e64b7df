import CohortCharts

/// A tab of charts one under another (over time, tests), made as many as there are specs.
@MainActor
final class ChartsTab {
  let widget: Widget
  private let list: Widget
  private var views: [ChartView] = []
  private let prefix: String
  var onMessage: (String) -> Void = { _ in }
  var onCell: (Int, Int, Int) -> Void = { _, _, _ in }

  init(name: String, header: Widget? = nil) {
    prefix = name
    widget = UI.box(true, spacing: 8)
    UI.margins(widget, 8)
    list = UI.box(true, spacing: 16)
    if let header { UI.append(widget, header) }
    UI.append(widget, list)
  }

  func show(_ specs: [ChartSpec]) {
    if views.count != specs.count {
      UI.removeAllChildren(list)
      views = specs.indices.map { i in
        let v = ChartView(name: specs.count == 1 ? prefix : "\(prefix) \(i + 1)")
        v.onMessage = { [weak self] in self?.onMessage($0) }
        v.onCell = { [weak self] r, c in self?.onCell(i, r, c) }
        UI.append(list, v.widget)
        return v
      }
    }
    for (v, s) in zip(views, specs) { v.show(s) }
  }
}
