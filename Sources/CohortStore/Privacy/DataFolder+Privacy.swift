import CohortCore
import Foundation

extension DataFolder {
  /// Every file in a school's folder (hidden ones and set-aside copies included), relative.
  func filesOf(school id: String) -> [String] {
    var out: [String] = []
    func walk(_ relative: String) {
      for name in (try? files.fs.list(absolute(relative))) ?? [] {
        let child = relative + "/" + name
        if files.fs.kind(absolute(child)) == .directory { walk(child) } else { out.append(child) }
      }
    }
    walk("schools/\(id)")
    return out.filter { !$0.hasSuffix(".cohort.lock") && !$0.contains(".tmp-") }.sorted()
  }

  /// Replaces several files all or nothing (see DurableFiles.replaceAll).
  func replaceTogether(_ writes: [(path: String, data: Data)]) throws {
    guard !writes.isEmpty else { return }
    try locked {
      do throws(FileSystemError) {
        try files.replaceAll(writes.map { (absolute($0.path), $0.data) }, intent: absolute(Self.intentPath))
      } catch {
        throw StoreError.io(error)
      }
    }
  }

  /// The files anywhere in the folder whose bytes hold one of `needles` (any case).
  public func filesHolding(_ needles: [String]) -> [String] {
    let wanted = needles.filter { !$0.isEmpty }
    return allFiles().filter { path in
      guard let bytes = try? files.read(absolute(path)) else { return false }
      let text = String(decoding: bytes, as: UTF8.self)
      return wanted.contains { text.localizedCaseInsensitiveContains($0) }
    }
  }
}

extension DataFolder {
  /// Rosters are not merged (a person previews an import), but a sync tool's copy of one made
  /// before an erasure must not keep the erased pupils: they are taken out of it where it lies.
  /// Returns how many copies changed.
  @discardableResult
  public func scrubErasedFromRosterCopies(school id: String) throws -> Int {
    guard let roster = try read(Roster.self, at: Self.rosterPath(id)), !roster.erased.isEmpty else { return 0 }
    let folder = "schools/\(id)"
    var n = 0
    for name in ((try? files.fs.list(absolute(folder))) ?? []) where Self.isConflictCopy(name, of: "pupils") {
      guard var copy = try? read(Roster.self, at: folder + "/" + name) else { continue }
      let before = copy.pupils.count
      for (pupil, at) in roster.erased { copy.erase(pupil, at: at) }
      guard copy.pupils.count != before else { continue }
      try locked { try replace(folder + "/" + name, with: try DocumentCoding.encode(copy)) }
      n += 1
    }
    return n
  }
}
