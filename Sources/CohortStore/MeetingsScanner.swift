import CohortCore

/// The byte reader for a class-year's `meetings` (kept as bytes by ClassYearScanner), for the
/// views that decode every meeting of a trust: `cohort check` and the trust's open actions.
/// Through JSONDecoder they were most of those views' time. Same contract as the other
/// scanners: what it accepts means what the document decoder makes of it; on anything else
/// (an unknown half-term, an author index out of range, an id that disagrees with its key, a
/// number that is not a plain integer) it gives up and `Meeting.decodeAll` decodes the bytes
/// or says what is wrong.
public enum MeetingsReader {
  /// The meetings, as the document decoder would read them (`null` is none).
  public static func decodeAll(_ bytes: [UInt8], authors: [Author]) throws -> [HalfTerm: Meeting] {
    if let fast = scan(bytes, authors: authors) { return fast }
    return try Meeting.decodeAll(bytes, authors: authors)
  }

  static func scan(_ bytes: [UInt8], authors: [Author]) -> [HalfTerm: Meeting]? {
    bytes.withUnsafeBufferPointer { buffer in
      var s = ByteScanner(b: buffer)
      guard let meetings = try? s.meetings(authors), (try? s.end()) != nil else { return nil }
      return meetings
    }
  }
}

extension ByteScanner {
  static let meetingFields = Fields(["actions", "details", "evidence", "reviews"])
  /// The keys of each record, named and ordered as on disk (sorted).
  enum DetailsKey: Int, CaseIterable { case at, attendees, by, date, notes }
  enum ActionKey: Int, CaseIterable { case at, by, description, due, from, id, kind, owner, pupils, subject }
  enum NoteKey: Int, CaseIterable { case at, by, note }
  enum ReviewKey: Int, CaseIterable { case actionID, at, by, continueTo, impact, next }
  static let detailsFields = Fields(DetailsKey.allCases.map { "\($0)" })
  static let actionFields = Fields(ActionKey.allCases.map { "\($0)" })
  static let noteFields = Fields(NoteKey.allCases.map { "\($0)" })
  static let reviewFields = Fields(ReviewKey.allCases.map { "\($0)" })

  /// `{"autumn1": {"details": …, "actions": {id: …}, "evidence": {pupil: …}, "reviews": {id: …}}}`
  mutating func meetings(_ authors: [Author]) throws -> [HalfTerm: Meeting] {
    var out: [HalfTerm: Meeting] = [:]
    if null() { return out }
    var keys = Keys()
    try open()
    while let name = try nextKey(&keys) {
      guard let half = HalfTerm(rawValue: name) else { throw Mismatch() }
      out[half] = try meeting(authors)
    }
    return out
  }

  mutating func meeting(_ authors: [Author]) throws -> Meeting {
    var m = Meeting()
    var keys = Keys()
    try open()
    while let key = try nextKey(&keys, Self.meetingFields) {
      if null() { continue }
      switch key {
      case "details": m.details = try details(authors)
      case "actions": m.actions = try records { s, id in try s.action(id, authors) }
      case "evidence": m.evidence = try records { s, _ in try s.note(authors) }
      case "reviews": m.reviews = try records { s, id in try s.review(id, authors) }
      default: try skip()
      }
    }
    return m
  }

  /// `{id: record, …}`, each record read by `record` with its id.
  mutating func records<V>(_ record: (inout ByteScanner, String) throws -> Stamped<V>) throws -> [String: Stamped<V>] {
    var out: [String: Stamped<V>] = [:]
    var keys = Keys()
    try open()
    while let id = try nextKey(&keys) { out[id] = try record(&self, id) }
    return out
  }

  /// A record's `by`: an index into the document's authors.
  mutating func author(in authors: [Author]) throws -> Author {
    guard let i = Int(exactly: try int()), authors.indices.contains(i) else { throw Mismatch() }
    return authors[i]
  }

  mutating func details(_ authors: [Author]) throws -> Stamped<MeetingDetails> {
    var (at, by, attendees, notes): (Int64?, Author?, [String]?, String?) = (nil, nil, nil, nil)
    var date: SchoolDate?
    var keys = Keys()
    try open()
    while let k = try nextField(&keys, Self.detailsFields) {
      switch DetailsKey(rawValue: k) {
      case .at?: at = try int()
      case .by?: by = try author(in: authors)
      case .attendees?: attendees = try strings()
      case .date?: date = null() ? nil : try self.date()
      case .notes?: notes = try string()
      case nil: try skip()
      }
    }
    guard let at, let by, let attendees, let notes else { throw Mismatch() }
    return Stamped(MeetingDetails(date: date, attendees: attendees, notes: notes), author: by, at: at)
  }

  mutating func action(_ id: String, _ authors: [Author]) throws -> Stamped<MeetingAction> {
    var (at, by, kind, from, due): (Int64?, Author?, ActionKind?, HalfTermRef?, HalfTermRef?) = (
      nil, nil, nil, nil, nil
    )
    var (ownID, description, owner, pupils): (String?, String?, String?, [String]?) = (nil, nil, nil, nil)
    var subject: String?
    var keys = Keys()
    try open()
    while let k = try nextField(&keys, Self.actionFields) {
      switch ActionKey(rawValue: k) {
      case .at?: at = try int()
      case .by?: by = try author(in: authors)
      case .description?: description = try string()
      case .due?: due = try halfTermRef()
      case .from?: from = try halfTermRef()
      case .id?: ownID = try string()
      case .kind?: kind = ActionKind(rawValue: try string())
      case .owner?: owner = try string()
      case .pupils?: pupils = try strings()
      case .subject?: subject = null() ? nil : try string()
      case nil: try skip()
      }
    }
    guard let at, let by, let kind, let from, let due, let description, let owner, let pupils, ownID == id else {
      throw Mismatch()
    }
    let action = MeetingAction(
      id: id, kind: kind, pupils: pupils, subject: subject, description: description, owner: owner, from: from, due: due
    )
    return Stamped(action, author: by, at: at)
  }

  mutating func note(_ authors: [Author]) throws -> Stamped<String> {
    var (at, by, note): (Int64?, Author?, String?) = (nil, nil, nil)
    var keys = Keys()
    try open()
    while let k = try nextField(&keys, Self.noteFields) {
      switch NoteKey(rawValue: k) {
      case .at?: at = try int()
      case .by?: by = try author(in: authors)
      case .note?: note = try string()
      case nil: try skip()
      }
    }
    guard let at, let by, let note else { throw Mismatch() }
    return Stamped(note, author: by, at: at)
  }

  mutating func review(_ id: String, _ authors: [Author]) throws -> Stamped<ActionReview> {
    var (at, by, actionID, impact, next): (Int64?, Author?, String?, Impact?, String?) = (nil, nil, nil, nil, nil)
    var continueTo: HalfTermRef?
    var keys = Keys()
    try open()
    while let k = try nextField(&keys, Self.reviewFields) {
      switch ReviewKey(rawValue: k) {
      case .actionID?: actionID = try string()
      case .at?: at = try int()
      case .by?: by = try author(in: authors)
      case .continueTo?: continueTo = null() ? nil : try halfTermRef()
      case .impact?: impact = Impact(rawValue: try string())
      case .next?: next = try string()
      case nil: try skip()
      }
    }
    guard let at, let by, let impact, let next, actionID == id else { throw Mismatch() }
    return Stamped(ActionReview(actionID: id, impact: impact, next: next, continueTo: continueTo), author: by, at: at)
  }

  static let halfTermNames = HalfTerm.allCases.map { ($0, Array($0.rawValue.utf8)) }

  /// "2026-27 spring1", read as HalfTermRef's decoder reads it: that spelling straight from
  /// the bytes (splitting strings was a tenth of a folder check), any other through it.
  mutating func halfTermRef() throws -> HalfTermRef {
    space()
    if i + 10 < b.count, b[i] == UInt8(ascii: "\""), b[i + 5] == UInt8(ascii: "-"), b[i + 8] == UInt8(ascii: " "),
      let start = digits(i + 1, 4), let end = digits(i + 6, 2), start >= 1000, (start + 1) % 100 == end
    {
      var k = i + 9
      while k < b.count, b[k] != UInt8(ascii: "\""), k - i < 24 { k += 1 }
      let name = i + 9..<k
      if k < b.count, b[k] == UInt8(ascii: "\""),
        let half = Self.halfTermNames.first(where: { $0.1.count == name.count && same($0.1, name) })?.0
      {
        i = k + 1
        return HalfTermRef(AcademicYear(startYear: start), half)
      }
    }
    guard let ref = HalfTermRef(stored: try string()) else { throw Mismatch() }
    return ref
  }
}
