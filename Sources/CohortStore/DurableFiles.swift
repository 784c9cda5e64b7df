import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The store's file operations built on the FileSystem seam: atomic durable replace, durable
/// append, private folders, whole-file reads. Files are 0600 and folders 0700: pupil data.
struct DurableFiles: Sendable {
  let fs: FileSystem

  static let fileMode: mode_t = 0o600
  static let folderMode: mode_t = 0o700

  func read(_ path: String) throws(FileSystemError) -> [UInt8] {
    let fd = try fs.open(path, flags: O_RDONLY, mode: 0)
    defer { fs.close(fd) }
    let size = try fs.size(fd)
    return try fs.pread(fd, count: size, at: 0)
  }

  /// Creates `path` and any missing parents, each private, and makes each new entry durable.
  func makeFolders(_ path: String) throws(FileSystemError) {
    if fs.kind(path) == .directory { return }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty && parent != path { try makeFolders(parent) }
    try fs.mkdir(path, mode: Self.folderMode)
    try fs.chmod(path, mode: Self.folderMode)
    if !parent.isEmpty { try syncFolder(parent) }
  }

  /// Replaces `path` so that a reader sees the old file or the new one, never a mix, and the
  /// new one survives power loss once this returns: temp file in the same folder, write,
  /// fsync, rename, fsync the folder. On any failure the temp file is removed.
  func replace(_ path: String, with data: Data) throws(FileSystemError) {
    let folder = (path as NSString).deletingLastPathComponent
    try makeFolders(folder)
    let name = (path as NSString).lastPathComponent
    let temp = folder + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = try fs.open(temp, flags: O_WRONLY | O_CREAT | O_EXCL, mode: Self.fileMode)
    do throws(FileSystemError) {
      try fs.write(fd, data)
      try fs.fsync(fd)
    } catch {
      fs.close(fd)
      try? fs.unlink(temp)
      throw error
    }
    fs.close(fd)
    do throws(FileSystemError) {
      try fs.chmod(temp, mode: Self.fileMode)
      try fs.rename(temp, path)
    } catch {
      try? fs.unlink(temp)
      throw error
    }
    try syncFolder(folder)
  }

  /// Replaces several files together: every new file is written and made durable first (the
  /// step that fails on a full or failing disk), and only then are they renamed into place.
  /// A failure before the renames changes nothing.
  func replaceAll(_ files: [(path: String, data: Data)], intent: String) throws(FileSystemError) {
    var temps: [(temp: String, path: String)] = []
    do throws(FileSystemError) {
      for f in files {
        let folder = (f.path as NSString).deletingLastPathComponent
        try makeFolders(folder)
        let temp =
          folder + "/." + (f.path as NSString).lastPathComponent
          + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = try fs.open(temp, flags: O_WRONLY | O_CREAT | O_EXCL, mode: Self.fileMode)
        temps.append((temp, f.path))
        defer { fs.close(fd) }
        try fs.write(fd, f.data)
        try fs.fsync(fd)
        try fs.chmod(temp, mode: Self.fileMode)
      }
    } catch {
      for t in temps { try? fs.unlink(t.temp) }
      throw error
    }
    // The commit point: once the intent is durable, the renames will all happen, now or when
    // the folder is next opened (roll forward), even if the disk fails between two of them.
    let plan = temps.map { "\($0.temp)\t\($0.path)" }.joined(separator: "\n")
    do throws(FileSystemError) {
      try replace(intent, with: Data(plan.utf8))
    } catch {
      for t in temps { try? fs.unlink(t.temp) }
      throw error
    }
    try finishIntent(intent)
  }

  /// Completes the renames an interrupted `replaceAll` promised, then forgets the intent.
  func finishIntent(_ intent: String) throws(FileSystemError) {
    guard fs.kind(intent) == .file else { return }
    let text = String(decoding: try read(intent), as: UTF8.self)
    var folders = Set<String>()
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { continue }
      if fs.kind(parts[0]) == .file { try fs.rename(parts[0], parts[1]) }
      folders.insert((parts[1] as NSString).deletingLastPathComponent)
    }
    for folder in folders.sorted() { try syncFolder(folder) }
    try fs.unlink(intent)
    try syncFolder((intent as NSString).deletingLastPathComponent)
  }

  /// Removes temp files of `path` left by a save that was interrupted (a crash, or a disk that
  /// refused even the clean-up). Only call it holding the folder lock: then no other save of
  /// this document is in flight.
  func removeStaleTemps(of path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let prefix = "." + (path as NSString).lastPathComponent + ".tmp-"
    for name in (try? fs.list(folder)) ?? [] where name.hasPrefix(prefix) {
      try? fs.unlink(folder + "/" + name)
    }
  }

  /// Appends one newline-terminated record durably. If an earlier append was cut short by a
  /// crash, the record starts on a fresh line so that it stays readable.
  func append(_ record: Data, to path: String) throws(FileSystemError) {
    try makeFolders((path as NSString).deletingLastPathComponent)
    let existed = fs.kind(path) != nil
    let fd = try fs.open(path, flags: O_RDWR | O_CREAT | O_APPEND, mode: Self.fileMode)
    defer { fs.close(fd) }
    var bytes = record
    let size = try fs.size(fd)
    if size > 0, let last = try fs.pread(fd, count: 1, at: size - 1).first, last != 0x0A {
      bytes.insert(0x0A, at: 0)
    }
    try fs.write(fd, bytes)
    try fs.fsync(fd)
    if !existed { try syncFolder((path as NSString).deletingLastPathComponent) }
  }

  func syncFolder(_ folder: String) throws(FileSystemError) {
    let fd = try fs.open(folder, flags: O_RDONLY | O_DIRECTORY, mode: 0)
    defer { fs.close(fd) }
    try fs.fsync(fd)
  }

  /// Holds an exclusive lock on `path` (created private) while `body` runs: two processes
  /// saving into one data folder take turns, so neither's read-merge-write loses the other's.
  func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
    try makeFolders((path as NSString).deletingLastPathComponent)
    let fd = try fs.open(path, flags: O_RDWR | O_CREAT, mode: Self.fileMode)
    defer { fs.close(fd) }  // closing releases the lock
    try fs.lock(fd)
    return try body()
  }
}
