import CohortCore
import Foundation

/// Standardised scores for a class in one test and term: type a score and press Enter (it is
/// checked, saved and the cursor moves on); the band, percentile and last term's score sit
/// beside it.
@MainActor
final class ScoresPage: AppPage {
  static let kind = PageKind(
    id: "scores", title: "Scores",
    description: "Standardised test scores for a class, typed or from a raw score and the publisher's table."
  ) { ScoresPage(host: $0) }

  let widget: Widget
  private unowned let host: PageHost
  private let binding: SessionBinding
  private let toolbar: Widget
  private let content: Widget
  private var sheet: ScoreSheet?
  private var rows: [RowWidgets] = []
  private var shownScope: Scope?
  /// The test chosen last, kept while moving between classes.
  private var chosenTest: String?

  struct RowWidgets {
    let entry: Widget
    let band: Widget
    let percentile: Widget
    let previous: Widget
  }

  init(host: PageHost) {
    self.host = host
    binding = SessionBinding(host: host)
    widget = UI.box(true, spacing: 8, classes: ["scores-page"])
    toolbar = UI.box(false, spacing: 8, classes: ["toolbar"])
    content = UI.box(true)
    UI.expand(content, v: true)
    UI.append(widget, toolbar, content)
  }

  func flush() throws { try binding.flush() }
  func dataChanged() { shownScope = nil }

  func didAppear() {
    if isShown { focus(0) }
  }

  func show(_ scope: Scope) {
    guard scope != shownScope else { return }
    do { try flush() } catch { host.say("Could not save the previous scores: \(error)") }
    shownScope = scope
    rebuild()
  }

  private func message(_ text: String) {
    let label = UI.label(text, classes: ["dim-label", "title-3"], xalign: 0.5)
    UI.wrap(label)
    UI.expand(label, v: true)
    UI.append(content, label)
  }

  private func rebuild() {
    binding.bind(nil)
    sheet = nil
    rows = []
    UI.removeAllChildren(toolbar)
    UI.removeAllChildren(content)
    guard let scope = shownScope, case .schoolClass(let schoolID, let classID) = scope.level else {
      message("Choose a class in the sidebar to enter its test scores.")
      return
    }
    let term = scope.halfTerm.term
    do {
      let (_, c) = try host.context.schoolClass(classID, school: schoolID, year: scope.year)
      let tests = host.context.tests(for: c, term: term)
      guard !tests.isEmpty else {
        message("\(c.name) sits none of the trust's standardised tests in \(term.label).")
        return
      }
      let test = tests.first { $0.id == chosenTest } ?? tests[0]
      let (session, sheet) = try host.context.openScores(
        classID, school: schoolID, year: scope.year, test: test, term: term, hop: MainLoop.hop)
      self.sheet = sheet
      binding.bind(session)
      buildToolbar(tests: tests, test: test, sheet: sheet)
      buildGrid(sheet)
      sheet.onChange = { [weak self] changed in for r in changed { self?.refresh(r) } }
    } catch {
      message("Could not open this class: \(error)")
    }
  }

  private func buildToolbar(tests: [TestDefinition], test: TestDefinition, sheet: ScoreSheet) {
    let picker = UI.dropDown(tests.map(\.name), name: "Test", selected: tests.firstIndex(of: test) ?? 0) {
      [weak self] i in
      guard let self, tests[i].id != self.sheet?.test.id else { return }
      try? self.flush()
      self.chosenTest = tests[i].id
      self.rebuild()
    }
    let modes = [
      "Standardised scores",
      sheet.tables.isEmpty ? "Raw scores (no table imported)" : "Raw scores (the publisher's tables)",
    ]
    let mode = UI.dropDown(modes, name: "Scores typed as", selected: 0) { [weak self] i in
      guard let self, let sheet = self.sheet else { return }
      if i == 1 && sheet.tables.isEmpty {
        self.host.say(
          "Raw scores need the publisher's age-standardisation table: import it with `cohort import table`.")
      }
      sheet.mode = i == 1 ? .raw : .standardised
    }
    let date = UI.field("\(sheet.date.day)/\(sheet.date.month)/\(sheet.date.year)", name: "Test date", chars: 11)
    UI.tooltip(date, "The date the test was sat: it gives each pupil's age for raw scores")
    Signal.on(date, "activate") { [weak self] in self?.setDate(date) }
    let info = UI.label(
      "\(test.publisher) · range \(test.minimum)-\(test.maximum) · changes beyond \(test.differenceMarginText) are real",
      classes: ["dim-label"])
    // Cut when the toolbar is narrow: the whole line is in its tooltip.
    UI.ellipsize(info)
    UI.expand(info, h: true)
    UI.tooltip(info, UI.labelText(info))
    let importButton = UI.button("Import scores…", tooltip: "Scores from a CSV: previewed before anything changes") {
      [weak self] in self?.chooseImport()
    }
    UI.append(toolbar, picker, mode, UI.label("Test date"), date, importButton, info)
  }

  private var importWindow: ImportWindow?

  /// Imports this test's scores for the term from a CSV, through whichever importer handles
  /// scores, with a preview first.
  private func chooseImport() {
    guard let sheet, let scope = shownScope else { return }
    FileChooser.openFile(parent: widget, title: "Import \(sheet.test.name) scores") { [weak self] path in
      guard let self else { return }
      do {
        try? self.flush()
        let importer = try self.host.context.registry.importer(for: .scores, file: path)
        let d = sheet.date
        self.importWindow = try ImportWindow(
          parent: self.widget, context: self.host.context, importer: importer, path: path,
          options: ["test": sheet.test.id, "year": scope.year.description, "term": sheet.term.rawValue, "date": "\(d)"]
        ) { [weak self] message in
          self?.host.say(message)
          self?.rebuild()
        }
      } catch {
        self.host.say("Could not read \(path): \(error)")
      }
    }
  }

  private func setDate(_ entry: Widget) {
    let text = UI.text(of: entry)
    guard let d = UKDate.parse(text) else {
      host.say("'\(text)' is not a date: write it like 20/11/2026")
      return
    }
    sheet?.date = d
    host.say("Test date \(d): new scores use it for the pupils' ages")
  }

  private func buildGrid(_ sheet: ScoreSheet) {
    let grid = UI.grid(rowSpacing: 4, columnSpacing: 14)
    UI.addClasses(grid, ["judgement-grid"])
    UI.setAccessibleName(grid, "Scores grid")
    for (c, title) in ["Pupil", "\(sheet.test.name), \(sheet.term.label)", "Band", "Percentile", "Last time"]
      .enumerated()
    {
      UI.attach(grid, UI.label(title, classes: ["grid-header"]), column: Int32(c), row: 0)
    }
    for (r, pupil) in sheet.pupils.enumerated() {
      let name = UI.label(
        pupil.fullName + (sheet.sits(row: r) ? "" : "  (\(pupil.yearGroup(in: sheet.doc.year).label))"))
      let entry = UI.entry(name: sheet.accessibleName(row: r), width: 6)
      UI.addClasses(entry, ["score-entry"])
      Signal.on(entry, "activate") { [weak self] in
        if self?.commit(r) == true { self?.focus(r + 1) }
      }
      UI.onKey(entry) { [weak self] press in
        switch press.key {
        case .down:
          if self?.commit(r) == true { self?.focus(r + 1) }
          return true
        case .up:
          if self?.commit(r) == true { self?.focus(r - 1) }
          return true
        case .escape:
          self?.refresh(r)
          return true
        default: return false
        }
      }
      UI.onLeave(entry) { [weak self] in _ = self?.commit(r) }
      let row = RowWidgets(
        entry: entry, band: UI.label(""), percentile: UI.label(""), previous: UI.label("", classes: ["previous"]))
      for (c, w) in [name, entry, row.band, row.percentile, row.previous].enumerated() {
        UI.attach(grid, w, column: Int32(c), row: Int32(r + 1))
      }
      rows.append(row)
      refresh(r)
    }
    UI.align(grid, h: .start)
    UI.append(content, UI.scrolled(grid))
    MainLoop.after(0) { [weak self] in self?.didAppear() }
  }

  private func focus(_ r: Int) {
    guard rows.indices.contains(r) else { return }
    UI.focus(rows[r].entry)
  }

  /// Saves what was typed in row `r`; false (and a message) when it is not a score.
  private func commit(_ r: Int) -> Bool {
    guard let sheet, rows.indices.contains(r) else { return false }
    let entry = rows[r].entry
    let text = UI.text(of: entry)
    let shown = sheet.score(row: r).flatMap { sheet.mode == .raw ? $0.raw : $0.standardised }.map(String.init) ?? ""
    if text == shown {
      UI.setClass(entry, "error", false)
      return true
    }
    do {
      if try sheet.enter(row: r, text: text) { binding.session?.edited() }
      UI.setClass(entry, "error", false)
      return true
    } catch let e as InputError {
      UI.setClass(entry, "error", true)
      host.say("\(sheet.pupils[r].fullName): \(e.message): not saved")
      return false
    } catch {
      host.say("\(error)")
      return false
    }
  }

  /// Shows row `r` as the sheet has it.
  private func refresh(_ r: Int) {
    guard let sheet, rows.indices.contains(r) else { return }
    let w = rows[r]
    let cell = sheet.score(row: r)
    let value = sheet.mode == .raw ? cell?.raw : cell?.standardised
    if !UI.hasFocus(w.entry) || value.map(String.init) != UI.text(of: w.entry) {
      UI.setEntryText(w.entry, value.map(String.init) ?? "")
    }
    UI.setClass(w.entry, "error", false)
    if let band = sheet.band(row: r) {
      UI.markup(w.band, chipMarkup(band.label, colour: band.colour))
    } else {
      UI.setText(w.band, "")
    }
    UI.setText(w.percentile, sheet.score(row: r)?.standardised.map(StandardisedScale.percentileLabel(of:)) ?? "")
    let raw = cell?.raw.map { " (raw \($0))" } ?? ""
    UI.setText(w.previous, (sheet.previous(row: r).map { "last time \($0)" } ?? "") + raw)
  }
}
