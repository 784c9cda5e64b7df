import CohortCore
import Foundation

/// Saving a trust's set-up: trust.json, schools' documents and class-years together, all or
/// nothing. Each is merged with its copy on disk first (part by part for the trust and the
/// schools, cell by cell for class-years), so two laptops' changes both survive.
extension DataFolder {
  public struct SetupChange: Sendable {
    public var trust: Trust?
    public var schools: [School]
    public var classYears: [ClassYear]
    /// What the journal says, one line each (never pupil details: ids only).
    public var events: [(doc: String, pupil: String?, text: String)]

    public init(
      trust: Trust? = nil, schools: [School] = [], classYears: [ClassYear] = [],
      events: [(doc: String, pupil: String?, text: String)] = []
    ) {
      self.trust = trust
      self.schools = schools
      self.classYears = classYears
      self.events = events
    }
  }

  /// Returns the merged trust (or the one on disk when the change has none).
  @discardableResult
  public func commit(_ change: SetupChange) throws -> Trust? {
    for s in change.schools { try checkID(s.id, "school") }
    for d in change.classYears {
      try checkID(d.school, "school")
      try checkID(d.classID, "class")
    }
    return try locked {
      var writes: [(path: String, data: Data)] = []
      var merged: Trust?
      if let trust = change.trust {
        let disk = try guardReplaceable(Trust.self, at: Self.trustPath)
        merged = disk.map { $0.merged(with: trust) } ?? trust
        merged!.format = DocumentFormat.current
        writes.append((absolute(Self.trustPath), try DocumentCoding.encode(merged!)))
      }
      for school in change.schools {
        let path = Self.schoolPath(school.id)
        let disk = try guardReplaceable(School.self, at: path)
        var m = disk.map { $0.merged(with: school) } ?? school
        m.format = DocumentFormat.current
        writes.append((absolute(path), try DocumentCoding.encode(m)))
      }
      for doc in change.classYears {
        let path = Self.classPath(school: doc.school, year: doc.year, classID: doc.classID)
        try guardWritableYear(doc)
        let disk = try guardReplaceable(ClassYear.self, at: path)
        var m = disk.map { $0.merged(with: doc) } ?? doc
        m.format = DocumentFormat.current
        writes.append((absolute(path), try DocumentCoding.encode(m)))
      }
      for w in writes { files.removeStaleTemps(of: w.path) }
      do throws(FileSystemError) { try files.replaceAll(writes, intent: absolute(Self.intentPath)) } catch {
        throw StoreError.io(error)
      }
      try journal(change.events.map { event(doc: $0.doc, pupil: $0.pupil, $0.text) })
      return merged
    }
  }

  /// Sets a school's folder aside (an empty school, removed from the trust): renamed to
  /// `schools/.removed-<id>-<time>`, never deleted, so that nothing is lost by a mistake.
  public func setAside(school id: String) throws {
    try checkID(id, "school")
    try locked {
      let from = absolute("schools/\(id)")
      guard files.fs.kind(from) == .directory else { return }
      do {
        try files.fs.rename(from, absolute("schools/.removed-\(id)-\(Self.now())"))
        try files.syncFolder(absolute("schools"))
      } catch let e as FileSystemError {
        throw StoreError.io(e)
      }
    }
  }
}
