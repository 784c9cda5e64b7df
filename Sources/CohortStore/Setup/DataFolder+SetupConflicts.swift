import CohortCore
import Foundation

/// Conflict copies of trust.json and of each school.json: two laptops changed the set-up at
/// once. Each is merged part by part (Trust+Merge) and set aside in `.conflicts/`, as
/// class-years' copies are.
extension DataFolder {
  /// Absorbs every readable copy; returns how many. An unreadable copy stays where it is.
  @discardableResult
  public func absorbSetupConflictCopies() throws -> Int {
    var n = try absorb(Trust.self, in: "", stem: "trust") { try commit(SetupChange(trust: $0)) }
    let schools = (try? files.fs.list(absolute("schools"))) ?? []
    for id in schools.sorted() where isSafeID(id) && files.fs.kind(absolute("schools/\(id)")) == .directory {
      n += try absorb(School.self, in: "schools/\(id)", stem: "school") { try commit(SetupChange(schools: [$0])) }
    }
    return n
  }

  /// Merges `folder/stem.json`'s conflict copies into a copy of it and saves that (merged with
  /// the disk copy again by `save`), then moves the copies aside.
  private func absorb<T: VersionedDocument & Mergeable>(
    _ type: T.Type, in folder: String, stem: String, save: (T) throws -> Void
  ) throws -> Int {
    let dir = folder.isEmpty ? root : absolute(folder)
    let prefix = folder.isEmpty ? "" : folder + "/"
    let copies = ((try? files.fs.list(dir)) ?? []).filter { Self.isConflictCopy($0, of: stem) }.sorted()
    guard !copies.isEmpty, var merged = try read(T.self, at: prefix + stem + ".json") else { return 0 }
    var absorbed: [String] = []
    for name in copies {
      guard let copy = try? read(T.self, at: prefix + name) else { continue }
      merged = merged.merged(with: copy)
      absorbed.append(name)
    }
    guard !absorbed.isEmpty else { return 0 }
    try save(merged)
    try locked {
      do {
        try files.makeFolders(dir + "/.conflicts")
        for name in absorbed { try files.fs.rename(dir + "/" + name, dir + "/.conflicts/" + name) }
        try files.syncFolder(dir)
      } catch let e as FileSystemError {
        throw StoreError.io(e)
      }
      try journal(
        absorbed.map { entry(doc: prefix + $0, event: "merged a sync conflict copy of \(stem).json and set it aside") })
    }
    return absorbed.count
  }
}

/// Documents whose two copies merge into one.
public protocol Mergeable {
  func merged(with other: Self) -> Self
}

extension Trust: Mergeable {}
extension School: Mergeable {}
