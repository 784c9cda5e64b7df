import CohortCore

/// The breadcrumb under the header: where the pages are looking, each level a link back up.
extension MainWindow {
  func breadcrumbMarkup() -> String {
    crumbs().map { text, link in
      link.map { "<a href=\"\($0)\">\(UI.escape(text))</a>" } ?? "<b>\(UI.escape(text))</b>"
    }.joined(separator: "  ›  ")
  }

  /// The same, as a screen reader says it.
  func breadcrumbText() -> String { crumbs().map(\.0).joined(separator: ", ") }

  /// Each level's name and the link that opens it (none for the level on screen).
  private func crumbs() -> [(String, String?)] {
    var parts: [(String, String?)] = [(context.trust.name, "trust")]
    guard let id = scope.schoolID, let school = context.school(id) else { return parts }
    parts.append((school.name, "school:\(id)"))
    switch scope.level {
    case .yearGroup(_, let g): parts.append((g.label, nil))
    case .schoolClass(_, let c):
      if let sc = school.classes(in: scope.year).first(where: { $0.id == c }) {
        if let g = sc.yearGroups.min() { parts.append((g.label, "year:\(id):\(g.number)")) }
        parts.append((sc.name, nil))
      }
    default: break
    }
    return parts
  }

  func follow(_ uri: String) {
    let parts = uri.split(separator: ":").map(String.init)
    switch parts.first {
    case "trust": navigate(to: .trust)
    case "school" where parts.count == 2: navigate(to: .school(parts[1]))
    case "year" where parts.count == 3: navigate(to: .yearGroup(school: parts[1], YearGroup(Int(parts[2]) ?? 0)))
    default: break
    }
  }
}
