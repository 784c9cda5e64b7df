/// Who is in a class now. A pupil moved to another class keeps whatever was entered for them
/// here (their autumn codes stay with the class that taught them), so the pupil list keeps
/// them while they have data; `departed` records the move so that a merge with an older copy
/// does not bring them back, and `joined` a later return.
extension ClassYear {
  public func isMember(_ pupil: String) -> Bool {
    pupils.contains(pupil) && Self.isMember(pupil, departed: departed, joined: joined)
  }

  /// Listed pupils are members unless they left after they last joined.
  public static func isMember(_ pupil: String, departed: [String: Int64], joined: [String: Int64]) -> Bool {
    guard let left = departed[pupil] else { return true }
    return (joined[pupil] ?? 0) > left
  }

  /// The class list as the grid shows it: current members, in display order.
  public var members: [String] {
    departed.isEmpty ? pupils : pupils.filter { Self.isMember($0, departed: departed, joined: joined) }
  }

  /// Places a pupil in the class (again).
  public mutating func place(_ pupil: String, at now: Int64) {
    if !pupils.contains(pupil) { pupils.append(pupil) }
    if departed[pupil] != nil { joined[pupil] = max(now, departed[pupil]! + 1) }
  }

  /// Moves a pupil out of the class; what was entered for them here stays.
  public mutating func remove(_ pupil: String, at now: Int64) {
    departed[pupil] = max(now, (joined[pupil] ?? 0) + 1, (departed[pupil] ?? 0) + 1)
    pruneDeparted()
  }

  /// Whether anything was entered for the pupil in this class-year.
  public func holdsData(for pupil: String) -> Bool {
    cells.keys.contains { $0.pupil == pupil } || scores.keys.contains { $0.pupil == pupil }
      || meetings.values.contains { $0.mentions(pupil) }
  }

  /// Drops departed pupils with nothing entered from the list (a function of the document
  /// alone, so merges still agree).
  mutating func pruneDeparted() {
    guard !departed.isEmpty else { return }
    let gone = Set(pupils.filter { !isMember($0) && !holdsData(for: $0) })
    if !gone.isEmpty { pupils.removeAll { gone.contains($0) } }
  }
}
