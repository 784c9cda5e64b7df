import CGtk
import CohortCore
import Foundation

/// Each pupil's judgements beside their latest test scores, the disagreements and real
/// changes flagged in words: the moderation half of a pupil progress meeting.
@MainActor
final class SideBySidePage: AppPage {
  static let kind = PageKind(
    id: "side-by-side", title: "Side by side",
    description:
      "Teacher judgements beside the latest standardised scores, with disagreements and real changes flagged."
  ) { SideBySidePage(host: $0) }

  let widget: Widget
  private unowned let host: PageHost
  private var shownScope: Scope?

  init(host: PageHost) {
    self.host = host
    widget = UI.box(true, spacing: 8, classes: ["side-by-side-page"])
    UI.expand(widget, v: true)
  }

  func flush() throws {}

  func show(_ scope: Scope) {
    shownScope = scope
    UI.removeAllChildren(widget)
    guard case .schoolClass(let schoolID, let classID) = scope.level else {
      let label = UI.label(
        "Choose a class to see its judgements beside its test scores.", classes: ["dim-label", "title-3"], xalign: 0.5)
      UI.expand(label, v: true)
      UI.append(widget, label)
      return
    }
    do {
      let context = host.context
      let doc = try context.folder.loadClassYear(school: schoolID, classID: classID, year: scope.year)
      let roster = try context.roster(schoolID)
      let pupils = doc.members.compactMap { roster.pupil(id: $0) }
      let lastSummer = try context.folder.scores(
        of: doc.pupils, school: schoolID, year: scope.year.previous, term: .summer)
      let rows = SideBySide.build(
        doc: doc, pupils: pupils, scheme: context.scheme, subjects: context.trust.activeSubjects,
        tests: context.registry.tests(for: context.trust), halfTerm: scope.halfTerm,
        steps: context.trust.disagreementSteps,
        lastSummer: lastSummer)
      render(rows, scope: scope)
    } catch {
      UI.append(widget, UI.label("Could not open this class: \(error)", classes: ["error"], xalign: 0.5))
    }
  }

  private func render(_ rows: [SideBySide.Row], scope: Scope) {
    let flagged = rows.filter(\.flagged).count
    let disagreements = rows.flatMap(\.entries).filter(\.disagrees).count
    let falls = rows.flatMap(\.entries).filter { ($0.realChange ?? 0) < 0 }.count
    let summary = UI.label(
      "Judgements at \(scope.halfTerm.label) beside the latest scores this year: \(plural(rows.count, "pupil")), \(grouped(flagged)) flagged (\(plural(disagreements, "disagreement")), \(plural(falls, "real fall")))",
      classes: ["heading", "toolbar"])
    UI.wrap(summary)
    UI.append(widget, summary)
    let grid = UI.grid(rowSpacing: 6, columnSpacing: 14)
    UI.addClasses(grid, ["judgement-grid"])
    UI.setAccessibleName(grid, "Judgements beside scores")
    let subjects = host.context.trust.activeSubjects
    let headings = ["Pupil"] + subjects.map { "\($0.name): judgement, then score" }
    for (c, h) in headings.enumerated() {
      UI.attach(grid, UI.label(h, classes: ["grid-header"]), column: Int32(c), row: 0)
    }
    var y: Int32 = 1
    for row in rows {
      UI.attach(grid, UI.label((row.flagged ? "⚑ " : "") + row.pupil.fullName), column: 0, row: y)
      for (i, e) in row.entries.enumerated() {
        let cell = UI.box(true, spacing: 2)
        let code = UI.label("")
        if let id = e.code, let c = host.context.scheme.code(id: id) {
          UI.markup(code, chipMarkup(c.id, colour: c.colour) + " \(UI.escape(c.label))")
        } else {
          UI.setText(code, e.code ?? "not entered")
        }
        let score = UI.label("")
        if let s = e.score, let band = e.scoreBand {
          var text = chipMarkup("\(s)", colour: band.colour) + " \(UI.escape(band.label))"
          if let s = e.score { text += " · \(StandardisedScale.percentileLabel(of: s))" }
          if let change = e.realChange { text += change > 0 ? " · up \(change)" : " · down \(-change)" }
          UI.markup(score, text)
          UI.tooltip(
            score,
            "\(e.test?.name ?? "") \(e.term?.label ?? ""): \(s)" + (e.previousScore.map { ", before \($0)" } ?? ""))
        } else {
          UI.setText(score, "no score")
          UI.addClasses(score, ["dim-label"])
        }
        if e.disagrees { UI.addClasses(score, ["disagrees"]) }
        UI.append(cell, code, score)
        UI.attach(grid, cell, column: Int32(1 + i), row: y)
      }
      y += 1
      let notes = row.entries.flatMap { e in e.notes.map { "\(e.subject.name): \($0)" } }
      if !notes.isEmpty {
        let flags = UI.label(notes.joined(separator: "\n"), classes: ["flags"])
        UI.wrap(flags)
        UI.attach(grid, flags, column: 1, row: y, width: Int32(subjects.count))
        y += 1
      }
    }
    UI.append(widget, UI.scrolled(grid))
  }
}
