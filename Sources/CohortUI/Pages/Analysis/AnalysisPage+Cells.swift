import CohortCharts
import CohortCore
import Dispatch
import Foundation

/// What a click on a chart opens: the pupils of a segment or a movement cell, a gap's part of
/// the scope with its group; and the statutory results, read from their own files.
extension AnalysisPage {
  /// The pupils behind one segment of the bands chart: a subject and a band.
  func listPupils(subject index: Int, band bandIndex: Int) {
    guard let v = shown, let a = analyses[host.scope.year] else { return }
    let subject = host.context.trust.activeSubjects[index]
    let band = CommonBand.allCases[bandIndex]
    let names = AnalysisView.names(host.context, year: host.scope.year)
    let pupils = a.pupils(in: analysisScope, group: group, subject: subject.id, year: v.when.year)
      .filter { $0.code(subject.id, at: v.when).flatMap { a.scheme.band(of: $0) } == band }
      .sorted { ($0.pupil.surname, $0.pupil.forename) < ($1.pupil.surname, $1.pupil.forename) }
    let shownNames = pupils.prefix(80).map { "\($0.pupil.fullName) (\(names.schoolClass($0.classID)))" }
    let more = pupils.count > shownNames.count ? " and \(pupils.count - shownNames.count) more" : ""
    overview.showListing(
      "\(subject.name), \(band.label.lowercased()) at \(v.when.halfTerm.label), \(names.name(of: analysisScope)): "
        + "\(plural(pupils.count, "pupil")): " + shownNames.joined(separator: ", ") + more)
  }

  /// A gap cell: row 0 is the scope itself (the group is chosen), a row below opens that part.
  func gapCell(_ row: Int, _ column: Int) {
    guard let gaps = shown?.tabs?.gaps, GapTable.standardGroups.indices.contains(column),
      gaps.rows.indices.contains(row)
    else { return }
    let wanted = PupilGroup(with: [GapTable.standardGroups[column]])
    if let i = Self.groups.firstIndex(where: { $0.1 == wanted }) { UI.select(groupPicker, i) }
    guard row > 0, let key = ScopeNames.levelBelow(analysisScope),
      let target = level(key, gaps.rows[row].key, names: AnalysisView.names(host.context, year: host.scope.year))
    else { return }
    host.navigate(to: target)
  }

  func movementCell(_ row: Int, _ column: Int) {
    guard let v = shown, let t = v.tabs, let a = analyses[host.scope.year] else { return }
    let keys = TransitionMatrix.rows
    guard keys.indices.contains(row), keys.indices.contains(column) else { return }
    let ids = Set(t.matrix.cells[keys[row]]?[keys[column]] ?? [])
    let pupils = a.records.filter { ids.contains($0.pupil.id) }.map(\.pupil)
      .sorted { ($0.surname, $0.forename) < ($1.surname, $1.forename) }
    let label = { (k: String) in CommonBand(rawValue: k)?.label ?? "No code" }
    let text =
      "\(label(keys[row])) at \(t.movementFrom.halfTerm.label) \(t.movementFrom.year), \(label(keys[column]).lowercased()) "
      + "at \(v.when.halfTerm.label) \(v.when.year): \(plural(pupils.count, "pupil"))"
      + (pupils.isEmpty ? "." : ": " + pupils.prefix(80).map(\.fullName).joined(separator: ", "))
      + (pupils.count > 80 ? " and \(pupils.count - 80) more" : "")
    UI.setText(movementPupils, text)
    UI.setAccessibleName(movementPupils, text)
  }

  /// The first half-term of the matrix: any before the one shown.
  func showMovementPicker(_ v: AnalysisView) {
    UI.removeAllChildren(movementPicker)
    guard let t = v.tabs else { return }
    let choices = t.times.filter { $0 < v.when }
    guard !choices.isEmpty else {
      UI.append(movementPicker, UI.label("No earlier half-term to compare with."))
      return
    }
    let selected = choices.firstIndex(of: t.movementFrom) ?? choices.count - 1
    let picker = UI.dropDown(
      choices.map { "\($0.halfTerm.label) \($0.year)" }, name: "Movement from", selected: selected
    ) { [weak self] i in
      self?.movementFrom = choices[i]
      self?.render()
    }
    UI.append(
      movementPicker, UI.label("From"), picker, UI.label("to \(v.when.halfTerm.label) \(v.when.year)"))
  }

  func loadStatutory(_ scope: Scope) {
    let c = host.context
    let (folder, trust, registry) = (c.folder, c.trust, c.registry)
    let target: AnalysisScope = scope.schoolID.map { .school($0) } ?? .trust
    statutoryLoads += 1
    let ticket = statutoryLoads
    statutory.showLoading("Reading the statutory results…")
    MainLoop.background(
      {
        try AnalysisView.statutory(folder, trust: trust, registry: registry, scope: target, year: scope.year)
      },
      then: { [weak self] result in
        guard let self, ticket == self.statutoryLoads else { return }
        switch result {
        case .success(let s):
          self.statutory.show(s, school: scope.schoolID ?? "", source: registry.nationalFigures.source)
        case .failure(let e): self.statutory.showLoading("Could not read the statutory results: \(e)")
        }
      })
  }
}
