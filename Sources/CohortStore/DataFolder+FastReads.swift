import CohortCore

extension DataFolder {
  /// `cells: .judgements(of:)` gives one half-term's judgements and no scores, from the byte
  /// reader or filtered from the strict read alike. `meetings`: keep their bytes to decode.
  func readClassColumns(at relative: String, cells: ClassYearScanner.Cells, meetings: Bool = true) throws
    -> ClassYearColumns?
  {
    guard let bytes = try bytes(at: relative) else { return nil }
    if let fast = ClassYearScanner.read(bytes, cells: cells, meetings: meetings) { return fast }
    var doc = ClassYearColumns(try decode(ClassYear.self, from: bytes, at: relative))
    if case .judgements(let half) = cells {
      doc.judgements.removeAll { $0.halfTerm != half }
      doc.scores = []
    }
    return doc
  }

  /// The judgements, scores and meetings' bytes of a class-year for the folder check, or nil
  /// when the document does not exist. The byte scanner reads the usual document; anything it
  /// does not accept goes through the strict path, which decodes it or throws `.unreadable`
  /// with the reason, exactly as `loadClassYear` would. Never used to save: the columns hold
  /// only judgements and scores.
  public func readClassColumns(at relative: String) throws -> ClassYearColumns? {
    try readClassColumns(at: relative, cells: .all)
  }

  /// One half-term's judgements of a class-year (no scores), read-only: the byte reader steps
  /// over the other columns. Empty when the document does not exist.
  public func loadClassColumns(
    school: String, classID: String, year: AcademicYear, judgementsOf half: HalfTerm
  ) throws -> ClassYearColumns {
    try readClassColumns(
      at: try checkedClassPath(school: school, classID: classID, year: year), cells: .judgements(of: half),
      meetings: false)
      ?? ClassYearColumns(ClassYear(school: school, classID: classID, year: year))
  }

  /// A class-year with its pupils and meetings only, no cells: the byte reader with just the
  /// meetings decoded (the cells stepped over by their brackets, not read: a class whose cells
  /// are wrong still shows its actions here, and opening it or `cohort check` says what is
  /// wrong), else the whole document strictly (which also reports a bad one by path). For reading actions across many classes (a trust's open actions), where decoding
  /// every cell strictly took seconds per ten schools. Not for editing: nothing in it is
  /// meant to be saved (and a save merges with the copy on disk, so no cell would be lost).
  public func loadMeetings(school: String, classID: String, year: AcademicYear) throws -> ClassYear {
    let relative = try checkedClassPath(school: school, classID: classID, year: year)
    guard let bytes = try bytes(at: relative) else { return ClassYear(school: school, classID: classID, year: year) }
    // A document without meetings is read by the byte reader too (`try?` flattens the
    // optional: it sent every class without a meeting through the strict path).
    if let fast = ClassYearScanner.read(bytes, cells: .none),
      let meetings = fast.meetingsJSON == nil
        ? [:] : try? MeetingsReader.decodeAll(fast.meetingsJSON!, authors: fast.authors)
    {
      var doc = ClassYear(school: fast.school, classID: fast.classID, year: fast.year, pupils: fast.pupils)
      doc.meetings = meetings
      return doc
    }
    return try decode(ClassYear.self, from: bytes, at: relative)
  }

  /// As `readClassColumns` without the meetings, or the empty class when nothing has been
  /// entered yet.
  public func loadClassColumns(school: String, classID: String, year: AcademicYear) throws -> ClassYearColumns {
    let path = try checkedClassPath(school: school, classID: classID, year: year)
    return try readClassColumns(at: path, cells: .all, meetings: false)
      ?? ClassYearColumns(ClassYear(school: school, classID: classID, year: year))
  }

  /// A roster through its byte reader, else the strict path. The reader accepts only what the
  /// strict path reads the same way, so this is the same Roster `read` would give; writes
  /// still re-read the disk copy strictly before replacing it. `only`: just those pupils (see
  /// `loadRoster(_:only:)`).
  public func readRoster(at relative: String, only ids: Set<String>? = nil) throws -> Roster? {
    guard let bytes = try bytes(at: relative) else { return nil }
    if let fast = RosterScanner.read(bytes, only: ids) { return fast }
    var roster = try decode(Roster.self, from: bytes, at: relative)
    if let ids { roster.pupils.removeAll { !ids.contains($0.id) } }
    return roster
  }

  /// Only the pupils in `ids`, for a view of a few of a school's pupils (those with statutory
  /// results). The others are stepped over unread: a mistake in one of them is left to the
  /// reads that use them (opening a class, `cohort check`) to find and explain.
  public func loadRoster(_ school: String, only ids: Set<String>) throws -> Roster {
    try checkID(school, "school")
    return try readRoster(at: Self.rosterPath(school), only: ids) ?? Roster(school: school)
  }

  /// trust.json through its byte reader, else the strict path (as `readRoster`).
  public func readTrust() throws -> Trust? {
    guard let bytes = try bytes(at: Self.trustPath) else { return nil }
    if let fast = TrustScanner.read(bytes) { return fast }
    return try decode(Trust.self, from: bytes, at: Self.trustPath)
  }

  /// A school.json through its byte reader, else the strict path (as `readRoster`).
  public func readSchool(at relative: String) throws -> School? {
    guard let bytes = try bytes(at: relative) else { return nil }
    if let fast = SchoolScanner.read(bytes) { return fast }
    return try decode(School.self, from: bytes, at: relative)
  }
}

/// The byte readers on their own, for the fuzzer's parity check (whatever they accept, the
/// strict path must read with the same meaning).
public enum FastReaders {
  public static func classColumns(_ bytes: [UInt8]) -> ClassYearColumns? { ClassYearScanner.read(bytes) }
  public static func roster(_ bytes: [UInt8]) -> Roster? { RosterScanner.read(bytes) }
  public static func school(_ bytes: [UInt8]) -> School? { SchoolScanner.read(bytes) }
  public static func trust(_ bytes: [UInt8]) -> Trust? { TrustScanner.read(bytes) }
  public static func statutory(_ bytes: [UInt8]) -> StatutoryResults? { StatutoryScanner.read(bytes) }
}
