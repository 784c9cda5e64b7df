import CohortCore
import Foundation

/// Copies that sync tools make when two laptops change a file at once are merged cell by cell
/// into the document, then set aside in the folder's `.conflicts/` (kept, never deleted).
extension DataFolder {
  /// Syncthing "NAME.sync-conflict-20261129-101530-ABCDEF7.json", Nextcloud
  /// "NAME (conflicted copy 2026-11-29 101530).json", Dropbox "NAME (Amira's conflicted copy 2026-11-29).json".
  public static func isConflictCopy(_ name: String, of stem: String) -> Bool {
    guard name.hasSuffix(".json"), name.hasPrefix(stem) else { return false }
    let rest = name.dropFirst(stem.count)
    if rest.hasPrefix(".sync-conflict-") { return true }
    return rest.hasPrefix(" (") && rest.contains("conflicted copy") && rest.hasSuffix(").json")
  }

  /// Conflict copies lying beside the class-year documents of a folder (relative paths).
  public func conflictCopies(school: String, year: AcademicYear) -> [(copy: String, classID: String)] {
    let folder = "schools/\(school)/\(year)"
    let names = (try? files.fs.list(absolute(folder))) ?? []
    let docs = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
    var out: [(String, String)] = []
    for name in names {
      if let id = docs.filter({ Self.isConflictCopy(name, of: $0) }).max(by: { $0.count < $1.count }) {
        out.append((folder + "/" + name, id))
      }
    }
    return out
  }

  /// Merges every readable conflict copy of a class-year into it and moves the copies to
  /// `.conflicts/`. Returns how many were absorbed; an unreadable copy is left where it is.
  @discardableResult
  public func absorbConflictCopies(school: String, classID: String, year: AcademicYear) throws -> Int {
    let copies = conflictCopies(school: school, year: year).filter { $0.classID == classID }
    guard !copies.isEmpty else { return 0 }
    var merged = try loadClassYear(school: school, classID: classID, year: year)
    var absorbed: [String] = []
    for c in copies {
      guard let copy = try? read(ClassYear.self, at: c.copy), copy.school == school, copy.classID == classID,
        copy.year == year
      else { continue }
      merged = merged.merged(with: copy)
      absorbed.append(c.copy)
    }
    guard !absorbed.isEmpty else { return 0 }
    merged = try save(merged)
    try locked {
      let aside = "schools/\(school)/\(year)/.conflicts"
      do {
        try files.makeFolders(absolute(aside))
        for path in absorbed {
          let to = absolute(aside + "/" + (path as NSString).lastPathComponent)
          if merged.erased.isEmpty {
            try files.fs.rename(absolute(path), to)
          } else {
            // A copy from before an erasure still holds the erased pupils: it is set aside as
            // merged, so nothing about them is kept.
            try files.replace(to, with: try DocumentCoding.encode(merged))
            try files.fs.unlink(absolute(path))
          }
        }
        try files.syncFolder(absolute("schools/\(school)/\(year)"))
      } catch let e as FileSystemError {
        throw StoreError.io(e)
      }
      try journal(
        absorbed.map { entry(doc: $0, event: "merged a sync conflict copy into \(classID) and set it aside") })
    }
    return absorbed.count
  }
}
