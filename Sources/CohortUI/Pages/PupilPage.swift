import CohortCore
import CohortStore
import Foundation

/// One pupil over all their years: codes every half-term, test scores every term, and who
/// changed what (from every device's journal).
@MainActor
final class PupilPage: AppPage {
  static let kind = PageKind(
    id: "pupil", title: "Pupil",
    description: "One pupil's codes and scores over all their years, and the history of every change."
  ) { PupilPage(host: $0) }

  let widget: Widget
  private unowned let host: PageHost
  private let content: Widget

  init(host: PageHost) {
    self.host = host
    content = UI.box(true, spacing: 12, classes: ["pupil-page"])
    widget = UI.scrolled(content)
    message("Choose a pupil: select one of their cells in the Judgements grid.")
  }

  func flush() throws {}
  func show(_ scope: Scope) { if isShown { render() } }
  func didAppear() { render() }
  func pupilSelected() { if isShown { render() } }

  var hostContext: AppContext { host.context }
  func say(_ text: String) { host.say(text) }
  func refresh() { render() }

  private func message(_ text: String) {
    UI.removeAllChildren(content)
    UI.append(content, UI.label(text, classes: ["dim-label", "title-3"], xalign: 0.5))
  }

  private func render() {
    guard let chosen = host.selectedPupil else { return }
    let context = host.context
    do {
      guard let school = context.school(chosen.school),
        let pupil = try context.roster(chosen.school).pupil(id: chosen.id)
      else {
        return message("That pupil is no longer on the roster.")
      }
      UI.removeAllChildren(content)
      let year = host.scope.year
      var facts = [
        pupil.yearGroupDescription(in: year), "born \(pupil.dob.day)/\(pupil.dob.month)/\(pupil.dob.year)",
      ]
      if let upn = pupil.upn { facts.append("UPN \(upn)") }
      if pupil.isDisadvantaged { facts.append("disadvantaged") }
      if pupil.serviceChild { facts.append("service child") }
      if pupil.send != .none { facts.append(pupil.send == .ehcPlan ? "EHC plan" : "SEN support") }
      if pupil.eal { facts.append("EAL") }
      if let left = pupil.leftOn { facts.append("left \(left)") }
      UI.append(
        content, UI.label(pupil.fullName, classes: ["title-1"]),
        UI.label(facts.joined(separator: " · "), classes: ["dim-label"]), privacyControls(pupil))
      let docs = try school.years.compactMap { y -> ClassYear? in
        for c in school.classes(in: y) {
          let d = try context.folder.loadClassYear(school: school.id, classID: c.id, year: y)
          if d.pupils.contains(pupil.id) { return d }
        }
        return nil
      }
      UI.append(content, UI.label("Judgements", classes: ["heading"]), codesGrid(pupil, docs))
      UI.append(content, UI.label("Standardised scores", classes: ["heading"]), UI.label(scores(pupil, docs)))
      let statutory = try context.folder.loadStatutory(school.id)?.pupils[pupil.id] ?? []
      let results = UI.label(
        statutory.isEmpty
          ? "None imported (they come from the MIS's Common Transfer File)."
          : statutory.map {
            context.registry.statutoryTable.read($0, yearGroup: pupil.yearGroup(in: $0.academicYear)).summary
          }.joined(separator: "\n"))
      UI.setAccessibleName(results, "Statutory assessment results")
      UI.append(content, UI.label("Statutory assessments", classes: ["heading"]), results)
      let history = try context.folder.journalEntries(school: school.id).filter { $0.pupil == pupil.id }.suffix(40)
        .reversed()
      let lines = history.map { e -> String in
        // Names, not ids: "Reading Autumn 2", "NFER Reading Spring".
        let subject = e.subject.map { id in (try? context.trust.subject(id).name) ?? id }
        let test = e.test.map { id in context.registry.test(id: id)?.name ?? id }
        let what = subject.map { "\($0) \(e.halfTerm?.label ?? "")" } ?? "\(test ?? "") \(e.term?.label ?? "")"
        let day = SchoolDate(dayNumber: Int(e.at / 86_400_000))
        // Roster events (imports, leaving, the rollover) belong to no subject or test.
        if e.subject == nil && e.test == nil, let event = e.event { return "\(day)  \(e.by) on \(e.device): \(event)" }
        return "\(day)  \(e.by) on \(e.device): \(what): \(e.event ?? "\(e.old ?? "-") → \(e.new ?? "-")")"
      }
      let historyLabel = UI.label(lines.isEmpty ? "No changes recorded yet." : lines.joined(separator: "\n"))
      UI.selectable(historyLabel)
      UI.append(content, UI.label("History (newest first)", classes: ["heading"]), historyLabel)
    } catch {
      message("Could not read this pupil's records: \(error)")
    }
  }

  private func codesGrid(_ pupil: Pupil, _ docs: [ClassYear]) -> Widget {
    let grid = UI.grid(rowSpacing: 4, columnSpacing: 6)
    UI.setAccessibleName(grid, "Judgements over time")
    let subjects = host.context.trust.subjects
    var column: Int32 = 1
    for (r, s) in subjects.enumerated() { UI.attach(grid, UI.label(s.name), column: 0, row: Int32(r + 2)) }
    for doc in docs {
      UI.attach(grid, UI.label(doc.year.description, classes: ["heading"]), column: column, row: 0, width: 6)
      for half in HalfTerm.allCases {
        UI.attach(grid, UI.label(short(half), classes: ["dim-label"], xalign: 0.5), column: column, row: 1)
        for (r, s) in subjects.enumerated() {
          let cell = UI.label("", xalign: 0.5)
          if let id = doc.code(pupil: pupil.id, subject: s.id, halfTerm: half) {
            if let code = host.context.scheme.code(id: id) {
              UI.markup(cell, chipMarkup(code.id, colour: code.colour))
              UI.tooltip(cell, "\(s.name), \(half.label) \(doc.year): \(code.label)")
            } else {
              UI.setText(cell, id)
            }
          }
          UI.attach(grid, cell, column: column, row: Int32(r + 2))
        }
        column += 1
      }
    }
    UI.align(grid, h: .start)
    return grid
  }

  private func short(_ h: HalfTerm) -> String {
    switch h {
    case .autumn1: "Au1"
    case .autumn2: "Au2"
    case .spring1: "Sp1"
    case .spring2: "Sp2"
    case .summer1: "Su1"
    case .summer2: "Su2"
    }
  }

  private func scores(_ pupil: Pupil, _ docs: [ClassYear]) -> String {
    var lines: [String] = []
    for test in host.context.registry.tests(for: host.context.trust) {
      let parts = docs.flatMap { doc in
        Term.allCases.compactMap { term in
          doc.score(pupil: pupil.id, test: test.id, term: term)?.standardised.map { s in
            "\(term.label) \(doc.year): \(s)" + (test.band(of: s).map { " (\($0.label))" } ?? "")
          }
        }
      }
      if !parts.isEmpty { lines.append("\(test.name): " + parts.joined(separator: " · ")) }
    }
    return lines.isEmpty ? "No test scores yet." : lines.joined(separator: "\n")
  }
}
