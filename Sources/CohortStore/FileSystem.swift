import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one seam through which the store reaches the disk: thin wrappers over system calls, so
/// that a test double can fail any single call (ENOSPC, EIO, EROFS, EACCES) and the store's
/// guarantees can be proved at every step.
public protocol FileSystem: Sendable {
  func open(_ path: String, flags: Int32, mode: mode_t) throws(FileSystemError) -> Int32
  func write(_ fd: Int32, _ data: Data) throws(FileSystemError)
  func pread(_ fd: Int32, count: Int, at offset: Int) throws(FileSystemError) -> [UInt8]
  func size(_ fd: Int32) throws(FileSystemError) -> Int
  func fsync(_ fd: Int32) throws(FileSystemError)
  func close(_ fd: Int32)
  func rename(_ from: String, _ to: String) throws(FileSystemError)
  func unlink(_ path: String) throws(FileSystemError)
  func mkdir(_ path: String, mode: mode_t) throws(FileSystemError)
  func chmod(_ path: String, mode: mode_t) throws(FileSystemError)
  func lock(_ fd: Int32) throws(FileSystemError)
  func list(_ directory: String) throws(FileSystemError) -> [String]
  /// The directory's entries, sorted by name, each with its kind (nil when it vanished).
  func entries(_ directory: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)]
  func kind(_ path: String) -> FileKind?
  func mode(_ path: String) -> mode_t?
  func stamp(_ path: String) -> FileStamp?
}

extension FileSystem {
  public func entries(_ directory: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)] {
    try list(directory).map { ($0, kind(directory + "/" + $0)) }
  }
}

/// What changes when a file is replaced or rewritten: cheap to poll for other writers' saves.
public struct FileStamp: Hashable, Sendable {
  public let inode: UInt64
  public let size: Int64
  public let modifiedNanoseconds: Int64
}

public enum FileKind: Sendable { case file, directory }

/// A failed system call: which call, on which path, and the system's reason.
public struct FileSystemError: Error, Equatable, Sendable, CustomStringConvertible {
  public let call: String
  public let path: String
  public let code: Int32
  public init(call: String, path: String, code: Int32) {
    self.call = call
    self.path = path
    self.code = code
  }
  public var reason: String { String(cString: strerror(code)) }
  public var description: String { "\(call) \(path): \(reason)" }
}

/// The real file system.
public struct PosixFileSystem: FileSystem {
  public init() {}

  /// Descriptor -> path, only for error messages.
  private static func fail(_ call: String, _ path: String) -> FileSystemError {
    FileSystemError(call: call, path: path, code: errno)
  }

  public func open(_ path: String, flags: Int32, mode: mode_t) throws(FileSystemError) -> Int32 {
    let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
    if fd < 0 { throw Self.fail("open", path) }
    return fd
  }

  public func write(_ fd: Int32, _ data: Data) throws(FileSystemError) {
    var done = 0
    while done < data.count {
      let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, data.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Self.fail("write", "fd \(fd)")
      }
      done += n
    }
  }

  public func pread(_ fd: Int32, count: Int, at offset: Int) throws(FileSystemError) -> [UInt8] {
    // Read straight into the array's storage: zero-filling it first and copying the part read
    // were two more passes over every document of a trust-wide read.
    var failure: FileSystemError?
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      var done = 0
      while done < count {
        let n = Glibc.pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
        if n < 0 {
          if errno == EINTR { continue }
          failure = Self.fail("read", "fd \(fd)")
          break
        }
        if n == 0 { break }
        done += n
      }
      initialized = done
    }
    if let failure { throw failure }
    return bytes
  }

  public func size(_ fd: Int32) throws(FileSystemError) -> Int {
    var st = stat()
    if fstat(fd, &st) != 0 { throw Self.fail("stat", "fd \(fd)") }
    return Int(st.st_size)
  }

  public func fsync(_ fd: Int32) throws(FileSystemError) {
    if Glibc.fsync(fd) != 0 { throw Self.fail("fsync", "fd \(fd)") }
  }

  public func close(_ fd: Int32) { _ = Glibc.close(fd) }

  public func rename(_ from: String, _ to: String) throws(FileSystemError) {
    if Glibc.rename(from, to) != 0 { throw Self.fail("rename", to) }
  }

  public func unlink(_ path: String) throws(FileSystemError) {
    if Glibc.unlink(path) != 0 { throw Self.fail("unlink", path) }
  }

  public func mkdir(_ path: String, mode: mode_t) throws(FileSystemError) {
    if Glibc.mkdir(path, mode) != 0 && errno != EEXIST { throw Self.fail("mkdir", path) }
  }

  public func chmod(_ path: String, mode: mode_t) throws(FileSystemError) {
    if Glibc.chmod(path, mode) != 0 { throw Self.fail("chmod", path) }
  }

  public func lock(_ fd: Int32) throws(FileSystemError) {
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR { throw Self.fail("lock", "fd \(fd)") }
    }
  }

  public func list(_ directory: String) throws(FileSystemError) -> [String] {
    try entries(directory).map(\.name)
  }

  /// Kinds from the directory itself (`d_type`): a stat per entry was most of walking a
  /// trust's 14,000 files. Links and file systems that do not say are stat'ed.
  public func entries(_ directory: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)] {
    guard let dir = opendir(directory) else { throw Self.fail("list", directory) }
    defer { closedir(dir) }
    var found: [(name: String, kind: FileKind?)] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard name != "." && name != ".." else { continue }
      switch Int(entry.pointee.d_type) {
      case Int(DT_DIR): found.append((name, .directory))
      case Int(DT_REG): found.append((name, .file))
      default: found.append((name, kind(directory + "/" + name)))
      }
    }
    return found.sorted { $0.name < $1.name }
  }

  public func kind(_ path: String) -> FileKind? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  public func stamp(_ path: String) -> FileStamp? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return FileStamp(
      inode: UInt64(st.st_ino), size: Int64(st.st_size),
      modifiedNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
  }

  public func mode(_ path: String) -> mode_t? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return st.st_mode & 0o7777
  }
}
