import CohortCharts
import CohortCore
import Foundation

/// One action to review at a meeting: what it was, its latest review (the outcome, who
/// recorded it and when), for an intervention its impact in words beside similar pupils with a
/// small paired chart and the rule for "too few", and the review form. The form has no
/// default outcome: Enter and "Record review" do nothing but say so until one is picked.
@MainActor
final class ReviewCard {
  let widget: Widget
  var onRecorded: (String) -> Void = { _ in }
  var onError: (String) -> Void = { _ in }

  init(_ t: TrackedAction, impact: InterventionImpact?, model: MeetingModel, minimum: Int) {
    let act = t.action.value
    widget = UI.box(true, spacing: 4, classes: ["card", "review"])
    let title = UI.wrapped("\(act.kind.label): \(act.description)", classes: ["heading"])
    UI.setAccessibleName(title, "To review: \(act.description)")
    let status = UI.wrapped(Self.status(t))
    UI.setAccessibleName(status, "Review status: \(act.description)")
    UI.append(widget, title, status)
    if let i = impact { self.impact(i, title: act.description, minimum: minimum) }
    guard model.closedReason == nil else { return }
    form(act, model: model)
  }

  /// "Owner Ms R; decided Autumn 2 2025-26; due Spring 1 2025-26. Reviewed Spring 1 2025-26:
  /// Partly, recorded by Ms Robinson on 3 Feb 2026 at 15:40. Next: …"
  static func status(_ t: TrackedAction) -> String {
    let act = t.action.value
    var meta = "Owner \(act.owner); decided \(t.place.when); due \(t.due)."
    if let latest = t.latest {
      let review = latest.review
      meta +=
        " Reviewed \(latest.place.when): \(review.value.impact.label), recorded by \(review.author.by) on "
        + when(review.at) + "."
      if !review.value.next.isEmpty { meta += " Next: \(review.value.next)" }
    } else {
      meta += " Not reviewed yet."
    }
    return meta
  }

  /// "3 Feb 2026 at 15:40", in the UK's way and the device's time zone.
  static func when(_ millis: Int64) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_GB")
    f.dateFormat = "d MMM yyyy 'at' HH:mm"
    return f.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
  }

  private func impact(_ i: InterventionImpact, title: String, minimum: Int) {
    let lines = i.rows.map { row in
      "\(row.name): \(row.codeBefore ?? "no code") → \(row.codeAfter ?? "no code")"
        + (row.scoreBefore.map { b in ", score \(b) → \(row.scoreAfter.map(String.init) ?? "none yet")" } ?? "")
    }
    UI.append(widget, UI.wrapped(lines.joined(separator: "\n"), classes: ["monospace"]))
    let words = UI.wrapped(i.words(minimum: minimum), classes: ["heading"])
    UI.setAccessibleName(words, "Impact of \(title)")
    UI.append(widget, words)
    let basis = UI.wrapped(
      "Similar pupils: \(i.comparisonBasis). " + InterventionImpact.tooFewRule(minimum: minimum),
      classes: ["dim-label"])
    UI.setAccessibleName(basis, "How the impact of \(title) is judged")
    let chart = ChartView(name: "Impact chart: \(title)", minHeight: 240)
    chart.show(Charts.impact(i, title: title, minimum: minimum))
    chart.onMessage = { [weak self] in self?.onError($0) }
    UI.append(widget, basis, chart.widget)
    // The view is kept by its widget's lifetime: the card holds it until rebuilt.
    charts.append(chart)
  }

  private var charts: [ChartView] = []

  /// The outcomes as radio buttons, none of them on: the person picks one.
  private func form(_ act: MeetingAction, model: MeetingModel) {
    let outcomes = UI.box(false, spacing: 8)
    UI.append(outcomes, UI.label("Outcome:"))
    var chosen: Impact?
    var first: Widget?
    for impact in Impact.allCases {
      let radio = UI.radio(impact.label, name: "\(impact.label): outcome of \(act.description)", group: first)
      first = first ?? radio
      UI.onToggled(radio) { on in if on { chosen = impact } }
      UI.append(outcomes, radio)
    }
    let controls = UI.box(false, spacing: 8)
    let next = UI.entry(name: "What next for \(act.description)", placeholder: "What next")
    UI.expand(next, h: true)
    let record: @MainActor () -> Void = { [weak self] in
      guard let self else { return }
      do {
        try model.review(act.id, impact: chosen, next: UI.text(of: next))
        self.onRecorded("Review recorded: \(chosen?.label ?? "")")
      } catch {
        self.onError("Not recorded: \(error)")
      }
    }
    Signal.on(next, "activate", record)
    UI.append(controls, next, UI.button("Record review", name: "Record review of \(act.description)", record))
    UI.append(widget, outcomes, controls)
  }
}
