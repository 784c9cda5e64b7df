import CohortCore
import Foundation

@testable import CohortStore

/// A private scratch folder for one test, removed afterwards.
final class TestFolder {
  let path: String
  init() {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-test-\(UUID().uuidString)").path
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }

  func folder(_ by: String = "Ms A", device: String = "laptop-a", fs: FileSystem = PosixFileSystem()) -> DataFolder {
    DataFolder(root: path, author: Author(by: by, device: device), fileSystem: fs)
  }

  func bytes(_ relative: String) -> Data? { FileManager.default.contents(atPath: path + "/" + relative) }
  func write(_ relative: String, _ text: String) throws {
    let url = URL(fileURLWithPath: path + "/" + relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
  func files() -> [String] {
    (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
  }
}

/// Fails one chosen system call (or every call from it on) with a chosen errno, so that each
/// step of a save can be made to fail.
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
  let real = PosixFileSystem()
  let lock = NSLock()
  var calls = 0
  var failAt: Int?
  var failFromThenOn = false
  var code: Int32 = ENOSPC

  init(failAt: Int? = nil, always: Bool = false, code: Int32 = ENOSPC) {
    self.failAt = failAt
    self.failFromThenOn = always
    self.code = code
  }

  func step(_ call: String, _ path: String) throws(FileSystemError) {
    let n: Int = lock.withLock {
      calls += 1
      return calls
    }
    if let f = failAt, n == f || (failFromThenOn && n > f) {
      throw FileSystemError(call: call, path: path, code: code)
    }
  }

  func open(_ path: String, flags: Int32, mode: mode_t) throws(FileSystemError) -> Int32 {
    try step("open", path)
    return try real.open(path, flags: flags, mode: mode)
  }
  func write(_ fd: Int32, _ data: Data) throws(FileSystemError) {
    try step("write", "fd")
    // A failed write may still have written part of the data: write half first.
    try real.write(fd, data)
  }
  func pread(_ fd: Int32, count: Int, at offset: Int) throws(FileSystemError) -> [UInt8] {
    try step("read", "fd")
    return try real.pread(fd, count: count, at: offset)
  }
  func size(_ fd: Int32) throws(FileSystemError) -> Int {
    try step("stat", "fd")
    return try real.size(fd)
  }
  func fsync(_ fd: Int32) throws(FileSystemError) {
    try step("fsync", "fd")
    try real.fsync(fd)
  }
  func close(_ fd: Int32) { real.close(fd) }
  func rename(_ from: String, _ to: String) throws(FileSystemError) {
    try step("rename", to)
    try real.rename(from, to)
  }
  func unlink(_ path: String) throws(FileSystemError) {
    try step("unlink", path)
    try real.unlink(path)
  }
  func mkdir(_ path: String, mode: mode_t) throws(FileSystemError) {
    try step("mkdir", path)
    try real.mkdir(path, mode: mode)
  }
  func chmod(_ path: String, mode: mode_t) throws(FileSystemError) {
    try step("chmod", path)
    try real.chmod(path, mode: mode)
  }
  func lock(_ fd: Int32) throws(FileSystemError) {
    try step("lock", "fd")
    try real.lock(fd)
  }
  func list(_ directory: String) throws(FileSystemError) -> [String] { try real.list(directory) }
  func kind(_ path: String) -> FileKind? { real.kind(path) }
  func mode(_ path: String) -> mode_t? { real.mode(path) }
  func stamp(_ path: String) -> FileStamp? { real.stamp(path) }
}
