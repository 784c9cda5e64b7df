import Foundation

/// Erasing a pupil (a subject's request under UK GDPR, or the retention period): every code,
/// score and meeting note about them goes, and their name is blanked out of what people
/// typed. The id stays in `erased`, so that a copy made before the erasure cannot bring
/// anything back when it is merged.
extension ClassYear {
  public static let erasedName = "[erased pupil]"

  public mutating func erase(_ pupil: String, names: [String], by author: Author, at now: Int64) {
    erased[pupil] = max(now, erased[pupil] ?? 0)
    dropErased()
    for (half, meeting) in meetings { meetings[half] = meeting.blanking(names, by: author, at: now) }
  }

  /// Whether the document holds anything about the pupil, or their name in typed text.
  public func holds(_ pupil: String, names: [String]) -> Bool {
    pupils.contains(pupil) || meetings.values.contains { $0.mentions(pupil) || $0.contains(names) }
  }

  /// Removes the erased pupils' data; a function of the document alone, so merges agree.
  mutating func dropErased() {
    guard !erased.isEmpty else { return }
    let gone = erased
    pupils.removeAll { gone[$0] != nil }
    cells = cells.filter { gone[$0.key.pupil] == nil }
    scores = scores.filter { gone[$0.key.pupil] == nil }
    departed = departed.filter { gone[$0.key] == nil }
    joined = joined.filter { gone[$0.key] == nil }
    for (half, m) in meetings {
      var m = m
      m.evidence = m.evidence.filter { gone[$0.key] == nil }
      for (id, a) in m.actions where a.value.pupils.contains(where: { gone[$0] != nil }) {
        var action = a
        action.value.pupils.removeAll { gone[$0] != nil }
        m.actions[id] = action
      }
      meetings[half] = m
    }
  }
}

extension Meeting {
  /// Whether any typed text holds one of `names`.
  func contains(_ names: [String]) -> Bool {
    let texts =
      [details?.value.notes ?? ""] + (details?.value.attendees ?? []) + actions.values.map(\.value.description)
      + evidence.values.map(\.value) + reviews.values.map(\.value.next)
    return texts.contains { t in names.contains { !$0.isEmpty && t.localizedCaseInsensitiveContains($0) } }
  }

  /// The meeting with `names` blanked out of its typed text; a record that changes is stamped
  /// anew, so that it wins over an older copy.
  func blanking(_ names: [String], by author: Author, at now: Int64) -> Meeting {
    func blank(_ text: String) -> String {
      names.filter { !$0.isEmpty }.reduce(text) {
        $0.replacingOccurrences(of: $1, with: ClassYear.erasedName, options: .caseInsensitive)
      }
    }
    func restamped<V>(_ s: Stamped<V>, _ change: (inout V) -> Void) -> Stamped<V> {
      var v = s.value
      change(&v)
      return v == s.value ? s : Stamped(v, author: author, at: max(now, s.at + 1))
    }
    var m = self
    m.details = details.map { restamped($0) { $0.notes = blank($0.notes) } }
    m.actions = actions.mapValues { restamped($0) { $0.description = blank($0.description) } }
    m.evidence = evidence.mapValues { restamped($0) { $0 = blank($0) } }
    m.reviews = reviews.mapValues { restamped($0) { $0.next = blank($0.next) } }
    return m
  }
}
