import CohortCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The data folder (docs/architecture.md): the only code that opens a data file.
///
///     trust.json
///     schools/<school>/school.json, pupils.json
///     schools/<school>/<2026-27>/<class>.json
///     schools/<school>/journal/<device>.jsonl   (the trust's own changes: journal/<device>.jsonl)
public final class DataFolder: Sendable {
  public static let supportedFormat = DocumentFormat.current

  public let root: String
  /// Who is making changes through this handle, and on which device.
  public let author: Author
  let files: DurableFiles

  public init(root: String, author: Author, fileSystem: FileSystem = PosixFileSystem()) {
    var r = root
    while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
    self.root = r
    self.author = author
    self.files = DurableFiles(fs: fileSystem)
  }

  // MARK: paths (relative to root; ids are checked before they become path components)

  public static let trustPath = "trust.json"
  public static func schoolPath(_ school: String) -> String { "schools/\(school)/school.json" }
  public static func rosterPath(_ school: String) -> String { "schools/\(school)/pupils.json" }
  public static func classPath(school: String, year: AcademicYear, classID: String) -> String {
    "schools/\(school)/\(year)/\(classID).json"
  }
  public func absolute(_ relative: String) -> String { root + "/" + relative }
  public var exists: Bool { files.fs.kind(absolute(Self.trustPath)) == .file }

  // MARK: reading

  /// Decodes a document, or nil when it does not exist. A document that exists but cannot be
  /// read throws `.unreadable` with its path; nothing is changed.
  public func read<T: Decodable>(_ type: T.Type, at relative: String) throws -> T? {
    guard let bytes = try bytes(at: relative) else { return nil }
    return try decode(T.self, from: bytes, at: relative)
  }

  /// A document's bytes, or nil when it does not exist.
  func bytes(at relative: String) throws -> [UInt8]? {
    // Opened without a stat first: a trust-wide read opens thousands of documents.
    do {
      return try files.read(absolute(relative))
    } catch let error where error.code == ENOENT || error.code == ENOTDIR {
      return nil
    } catch {
      throw StoreError.io(error)
    }
  }

  /// The strict path: validates, decodes, and explains a failure with the document's path.
  func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], at relative: String) throws -> T {
    do {
      return try DocumentCoding.decode(T.self, from: bytes)
    } catch let problem as DocumentProblem {
      if let found = Self.formatVersion(bytes), found > Self.supportedFormat {
        throw StoreError.newerFormat(path: relative, found: found)
      }
      throw StoreError.unreadable(path: relative, reason: problem.reason)
    }
  }

  static func formatVersion(_ bytes: [UInt8]) -> Int? {
    struct Probe: Decodable { var format: Int }
    return try? JSONDecoder().decode(Probe.self, from: Data(bytes)).format
  }

  public func loadTrust() throws -> Trust {
    if files.fs.kind(absolute(Self.intentPath)) == .file { try recover() }
    guard let trust = try readTrust() else {
      throw StoreError.notFound("\(root) is not a Cohort data folder (no trust.json): create one with `cohort init`")
    }
    return trust
  }

  public func loadSchool(_ id: String) throws -> School {
    try checkID(id, "school")
    guard let school = try readSchool(at: Self.schoolPath(id)) else {
      if let ref = (try? read(Trust.self, at: Self.trustPath))??.school(id) {
        throw StoreError.notFound("\(ref.name) is not on this device (its folder schools/\(id) is not here)")
      }
      throw StoreError.notFound("no school '\(id)' in \(root)")
    }
    return school
  }

  public func loadRoster(_ school: String) throws -> Roster {
    try checkID(school, "school")
    return try readRoster(at: Self.rosterPath(school)) ?? Roster(school: school)
  }

  /// The class-year document, or an empty one when nothing has been entered yet.
  public func loadClassYear(school: String, classID: String, year: AcademicYear) throws -> ClassYear {
    let path = try checkedClassPath(school: school, classID: classID, year: year)
    return try read(ClassYear.self, at: path) ?? ClassYear(school: school, classID: classID, year: year)
  }

  /// A class-year's path, once its ids are known to be safe in one.
  func checkedClassPath(school: String, classID: String, year: AcademicYear) throws -> String {
    try checkID(school, "school")
    try checkID(classID, "class")
    return Self.classPath(school: school, year: year, classID: classID)
  }

  // MARK: writing

  /// Writes a whole document (trust, school, roster) atomically, refusing to replace a file
  /// that cannot be read or that a newer Cohort wrote.
  public func write<T: VersionedDocument>(_ value: T, at relative: String, event: String? = nil) throws {
    try locked {
      try guardReplaceable(T.self, at: relative)
      try replace(relative, with: DocumentCoding.encode(value))
      if let event { try journal([entry(doc: relative, event: event)]) }
    }
  }

  /// Saves the trust merged with its copy on disk (see Trust+Merge).
  public func saveTrust(_ trust: Trust, event: String? = nil) throws {
    try commit(SetupChange(trust: trust, events: event.map { [(Self.trustPath, nil, $0)] } ?? []))
  }
  /// Saves a school's document merged with its copy on disk.
  public func saveSchool(_ school: School) throws {
    try commit(SetupChange(schools: [school]))
  }
  public func saveRoster(_ roster: Roster) throws {
    try checkID(roster.school, "school")
    try write(roster, at: Self.rosterPath(roster.school))
  }

  /// Saves a class-year: under the folder lock, re-reads what is on disk, merges cell by cell
  /// (so another process's edits survive), writes atomically, journals every changed cell,
  /// and returns the merged document the caller should now show.
  @discardableResult
  public func save(_ doc: ClassYear) throws -> ClassYear {
    try checkID(doc.school, "school")
    try checkID(doc.classID, "class")
    let relative = Self.classPath(school: doc.school, year: doc.year, classID: doc.classID)
    return try locked {
      try guardWritableYear(doc)
      let disk = try guardReplaceable(ClassYear.self, at: relative)
      let merged = disk.map { $0.merged(with: doc) } ?? doc
      if let disk, merged == disk { return merged }
      try replace(relative, with: DocumentCoding.encode(merged))
      try journal(journalEntries(merged, since: disk, path: relative) + conflicts(doc, lostTo: disk, path: relative))
      return merged
    }
  }

  /// Saves several class-years all or nothing (an import): each is merged with what is on
  /// disk, all new files are written before any replaces its old one, and every changed cell
  /// is journalled. Whole documents (`others`: rosters, schools) go in the same write.
  /// Returns the merged documents.
  @discardableResult
  public func saveAll(_ docs: [ClassYear], with others: [DocumentWrite] = []) throws -> [ClassYear] {
    for d in docs {
      try checkID(d.school, "school")
      try checkID(d.classID, "class")
    }
    return try locked {
      var merged: [ClassYear] = []
      var writes: [(path: String, data: Data)] = []
      var entries: [JournalEntry] = []
      for doc in docs {
        let relative = Self.classPath(school: doc.school, year: doc.year, classID: doc.classID)
        try guardWritableYear(doc)
        let disk = try guardReplaceable(ClassYear.self, at: relative)
        let m = disk.map { $0.merged(with: doc) } ?? doc
        merged.append(m)
        if let disk, m == disk { continue }
        files.removeStaleTemps(of: absolute(relative))
        writes.append((absolute(relative), try DocumentCoding.encode(m)))
        entries += journalEntries(m, since: disk, path: relative)
      }
      for w in others {
        try checkID(w.school, "school")
        try w.check(self)
        files.removeStaleTemps(of: absolute(w.path))
        writes.append((absolute(w.path), w.data))
        entries += w.entries
      }
      do throws(FileSystemError) { try files.replaceAll(writes, intent: absolute(Self.intentPath)) } catch {
        throw StoreError.io(error)
      }
      try journal(entries)
      return merged
    }
  }

  /// Reads the current disk copy; throws when it must not be replaced.
  @discardableResult
  func guardReplaceable<T: VersionedDocument>(_ type: T.Type, at relative: String) throws -> T? {
    let value = try read(T.self, at: relative)
    if let value, value.format > Self.supportedFormat {
      throw StoreError.newerFormat(path: relative, found: value.format)
    }
    return value
  }

  /// Where an import's promise to rename its files lives until they are all in place.
  static let intentPath = ".cohort-pending"

  /// Runs `body` holding the folder's lock (see DurableFiles.withLock), after completing any
  /// import that a crash or a failing disk interrupted between its renames.
  func locked<T>(_ body: () throws -> T) throws -> T {
    do {
      return try files.withLock(absolute(".cohort.lock")) {
        do throws(FileSystemError) { try files.finishIntent(absolute(Self.intentPath)) } catch {
          throw StoreError.io(error)
        }
        files.removeStaleTemps(of: absolute(Self.intentPath))
        return try body()
      }
    } catch let e as FileSystemError {
      throw StoreError.io(e)
    }
  }

  /// Completes an interrupted import, if any (opening a folder does this).
  public func recover() throws { try locked {} }

  func replace(_ relative: String, with data: Data) throws {
    files.removeStaleTemps(of: absolute(relative))
    do { try files.replace(absolute(relative), with: data) } catch { throw StoreError.io(error) }
  }

  /// Milliseconds since 1970.
  public static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

  func checkID(_ id: String, _ what: String) throws {
    guard isSafeID(id) else {
      throw StoreError.invalid("'\(id)' is not a valid \(what) id (lower-case letters, digits, - and _)")
    }
  }

  // MARK: listing

  /// Every file in the data folder, relative to root, for `cohort check`.
  public func allFiles() -> [String] {
    var out: [String] = []
    func walk(_ relative: String) {
      let path = relative.isEmpty ? root : absolute(relative)
      guard let entries = try? files.fs.entries(path) else { return }
      for (name, kind) in entries {
        let child = relative.isEmpty ? name : relative + "/" + name
        if kind == .directory { walk(child) } else { out.append(child) }
      }
    }
    walk("")
    return out
  }

  public func fileMode(_ relative: String) -> mode_t? { files.fs.mode(absolute(relative)) }

  /// Changes whenever the document is saved (by anyone); nil when it does not exist.
  public func stamp(_ relative: String) -> FileStamp? { files.fs.stamp(absolute(relative)) }
}
