import CGtk
import CohortCore
import CohortStore

/// Schools: each one's name, short name and DfE numbers, edited in place (saved as you leave a
/// field); a new one added at the foot; an empty one removed.
@MainActor
final class SchoolsSection: SettingsSection {
  let widget: Widget
  private unowned let host: SettingsHost
  private let grid = UI.grid()
  private static let columns = ["Name", "Short name", "URN", "LA code", "Estab number"]

  init(host: SettingsHost) {
    self.host = host
    widget = SettingsUI.page(
      "The trust's schools. A CTF from the MIS finds its school by the LA code and establishment number (the DfE "
        + "number, like 873/2001) or by the URN, and adds the school when it is new. A school can be removed while "
        + "it has no pupils.", grid)
    redraw()
  }

  private let parts = InParts()

  func redraw() {
    UI.removeAllChildren(grid)
    SettingsUI.headings(grid, Self.columns)
    // Twenty schools a part: ninety schools' five fields each at once held the window for a
    // fifth of a second. The row to add a school comes last.
    let schools = host.context.trust.schools
    parts.start(
      schools.count, per: 20, { [weak self] r in for k in r { self?.drawRow(schools[k], row: Int32(k + 1)) } },
      then: { [weak self] in self?.addRow(Int32(schools.count + 1)) })
  }

  private func drawRow(_ ref: SchoolRef, row: Int32) {
    let values = [ref.name, ref.shortName ?? "", ref.urn ?? "", ref.la ?? "", ref.estab ?? ""]
    for (i, value) in values.enumerated() {
      let e = field(i, value, name: "\(Self.columns[i]) of \(ref.name)")
      UI.onCommit(e) { [weak self] in self?.edit(ref.id, column: i, entry: e) }
      UI.attach(grid, e, column: Int32(i), row: row)
    }
    let remove = UI.button("Remove", name: "Remove \(ref.name)") { [weak self] in
      self?.host.change(redraw: true) {
        try self?.host.context.setup.removeSchool(ref.id)
        return "Removed \(ref.name) (its folder is kept aside, not deleted)"
      }
    }
    UI.attach(grid, remove, column: 5, row: row)
  }

  private func field(_ column: Int, _ text: String, name: String) -> Widget {
    UI.field(text, name: name, chars: [26, 14, 7, 4, 5][column])
  }

  /// Saves one field when it changed; puts back what is saved when refused.
  private func edit(_ id: String, column: Int, entry: Widget) {
    guard let ref = host.context.trust.school(id) else { return }
    let saved = [ref.name, ref.shortName ?? "", ref.urn ?? "", ref.la ?? "", ref.estab ?? ""][column]
    let typed = UI.text(of: entry).trimmingCharacters(in: .whitespaces)
    guard typed != saved else { return }
    let setup = host.context.setup
    let ok = host.change(redraw: false) {
      switch column {
      case 0: try setup.editSchool(id, name: typed)
      case 1: try setup.editSchool(id, shortName: typed)
      case 2: try setup.editSchool(id, urn: typed)
      case 3: try setup.editSchool(id, la: typed)
      default: try setup.editSchool(id, estab: typed)
      }
      return "Saved \(Self.columns[column].lowercased()) of \(ref.name)"
    }
    if !ok { UI.setEntryText(entry, saved) }
  }

  private func addRow(_ row: Int32) {
    let entries = (0..<5).map { field($0, "", name: "New school's \(Self.columns[$0].lowercased())") }
    UI.setPlaceholder(entries[0], "A new school's name")
    for (i, e) in entries.enumerated() { UI.attach(grid, e, column: Int32(i), row: row) }
    let add = UI.button("Add school") { [weak self] in self?.add(entries) }
    for e in entries { Signal.on(e, "activate") { [weak self] in self?.add(entries) } }
    UI.attach(grid, add, column: 5, row: row)
  }

  private func add(_ entries: [Widget]) {
    let v = entries.map { UI.text(of: $0) }
    let trust = host.context.trust
    host.change(redraw: true) {
      let ref = try SchoolRef.checked(
        id: Self.freeID(v[0], trust), name: v[0], shortName: v[1], urn: v[2], la: v[3], estab: v[4])
      try host.context.setup.addSchool(ref)
      return "Added \(ref.name)"
    }
  }

  /// A school's id from its name: "St Mary's" -> "st-marys", then -2, -3 when taken.
  static func freeID(_ name: String, _ trust: Trust) -> String {
    let base = String(slug(name).prefix(56))
    guard !base.isEmpty else { return base }
    var id = base
    var n = 1
    while trust.school(id) != nil {
      n += 1
      id = "\(base)-\(n)"
    }
    return id
  }
}
