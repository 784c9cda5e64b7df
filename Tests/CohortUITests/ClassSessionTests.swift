import CohortCore
import CohortStore
import Dispatch
import Foundation
import Testing

@testable import CohortUI

/// A file system whose writes can be made to fail (a full disk), then recover.
final class FlakyDisk: FileSystem, @unchecked Sendable {
  let real = PosixFileSystem()
  private let lock = NSLock()
  private var _full = false
  var full: Bool {
    get { lock.withLock { _full } }
    set { lock.withLock { _full = newValue } }
  }
  func open(_ path: String, flags: Int32, mode: mode_t) throws(FileSystemError) -> Int32 {
    if full && flags & O_CREAT != 0 { throw FileSystemError(call: "open", path: path, code: ENOSPC) }
    return try real.open(path, flags: flags, mode: mode)
  }
  func write(_ fd: Int32, _ data: Data) throws(FileSystemError) { try real.write(fd, data) }
  func pread(_ fd: Int32, count: Int, at offset: Int) throws(FileSystemError) -> [UInt8] {
    try real.pread(fd, count: count, at: offset)
  }
  func size(_ fd: Int32) throws(FileSystemError) -> Int { try real.size(fd) }
  func fsync(_ fd: Int32) throws(FileSystemError) { try real.fsync(fd) }
  func close(_ fd: Int32) { real.close(fd) }
  func rename(_ from: String, _ to: String) throws(FileSystemError) { try real.rename(from, to) }
  func unlink(_ path: String) throws(FileSystemError) { try real.unlink(path) }
  func mkdir(_ path: String, mode: mode_t) throws(FileSystemError) { try real.mkdir(path, mode: mode) }
  func chmod(_ path: String, mode: mode_t) throws(FileSystemError) { try real.chmod(path, mode: mode) }
  func lock(_ fd: Int32) throws(FileSystemError) { try real.lock(fd) }
  func list(_ directory: String) throws(FileSystemError) -> [String] { try real.list(directory) }
  func kind(_ path: String) -> FileKind? { real.kind(path) }
  func mode(_ path: String) -> mode_t? { real.mode(path) }
  func stamp(_ path: String) -> FileStamp? { real.stamp(path) }
}

@Suite(.serialized) @MainActor struct ClassSessionTests {
  /// Hops to the main queue, which the test's awaits let run.
  static let hop: ClassSession.MainHop = { body in DispatchQueue.main.async { MainActor.assumeIsolated { body() } } }

  func session(_ scratch: ScratchFolder, _ fs: FileSystem = PosixFileSystem()) throws -> ClassSession {
    let folder = try scratch.folder(fs)
    let doc = try folder.loadClassYear(school: "oak", classID: "oak-y3", year: Fixtures.year)
    var base = doc
    if base.pupils.isEmpty { base.pupils = (0..<4).map { "p\($0)" } }
    let model = GridModel(
      doc: base, roster: Fixtures.roster(4), scheme: Fixtures.scheme, subjects: Subject.defaults, halfTerm: .autumn2,
      author: folder.author, clock: DataFolder.now)
    let school = try folder.loadSchool("oak")
    return ClassSession(folder: folder, school: school, schoolClass: scratch.schoolClass, model: model, hop: Self.hop)
  }

  func waitUntil(_ condition: () -> Bool) async {
    for _ in 0..<500 where !condition() { try? await Task.sleep(for: .milliseconds(10)) }
  }

  func onDisk(_ scratch: ScratchFolder, _ pupil: String, _ subject: String = "reading") throws -> String? {
    try scratch.folder().loadClassYear(school: "oak", classID: "oak-y3", year: Fixtures.year)
      .code(pupil: pupil, subject: subject, halfTerm: .autumn2)
  }

  @Test func eachEditIsSavedWithoutAskingAndTheStateSaysSo() async throws {
    let scratch = ScratchFolder()
    let s = try session(scratch)
    var states: [ClassSession.SaveState] = []
    s.onStateChange = { states.append($0) }
    _ = s.grid.type("g")
    s.edited()
    _ = s.grid.type("y")
    s.edited()
    await waitUntil { s.state == .saved && !s.hasUnsavedChanges }
    #expect(try onDisk(scratch, "p0") == "G")
    #expect(try onDisk(scratch, "p1") == "Y")
    #expect(states.first == .saving && states.last == .saved)
  }

  @Test func aFailedSaveKeepsTheEditSaysWhyAndRetries() async throws {
    let scratch = ScratchFolder()
    let disk = FlakyDisk()
    let s = try session(scratch, disk)
    s.retryDelay = 0.05
    s.after = { delay, body in
      DispatchQueue.main.asyncAfter(deadline: .now() + delay) { MainActor.assumeIsolated { body() } }
    }
    disk.full = true
    _ = s.grid.type("p")
    s.edited()
    await waitUntil { if case .failed = s.state { true } else { false } }
    guard case .failed(let why) = s.state else {
      Issue.record("expected a failed save, got \(s.state)")
      return
    }
    #expect(why.contains("No space left on device"))
    #expect(s.grid.rawCode(at: GridPosition(row: 0, column: 0)) == "P")
    #expect(s.hasUnsavedChanges)
    disk.full = false
    await waitUntil { s.state == .saved }
    #expect(try onDisk(scratch, "p0") == "P")
  }

  @Test func flushSavesWhatIsPendingBeforeClosing() throws {
    let scratch = ScratchFolder()
    let s = try session(scratch)
    _ = s.grid.type("g")
    s.edited()  // the save is in flight on the background queue
    try s.flush()
    #expect(try onDisk(scratch, "p0") == "G")
    #expect(!s.hasUnsavedChanges)
  }

  @Test func flushThrowsWhenTheDiskRefusesAndKeepsTheEdit() throws {
    let scratch = ScratchFolder()
    let disk = FlakyDisk()
    let s = try session(scratch, disk)
    disk.full = true
    _ = s.grid.type("g")
    s.edited()
    #expect(throws: StoreError.self) { try s.flush() }
    #expect(s.grid.rawCode(at: GridPosition(row: 0, column: 0)) == "G")
  }

  @Test func anotherProcessesSaveAppearsAndIsNeverOverwritten() async throws {
    let scratch = ScratchFolder()
    let s = try session(scratch)
    _ = s.grid.type("g")
    s.edited()
    await waitUntil { s.state == .saved && !s.hasUnsavedChanges }
    let other = try scratch.folder(device: "cli")
    var doc = try other.loadClassYear(school: "oak", classID: "oak-y3", year: Fixtures.year)
    doc.set("Y", pupil: "p3", subject: "maths", halfTerm: .autumn2, by: other.author, at: DataFolder.now())
    try other.save(doc)
    #expect(s.refreshIfChangedOnDisk())
    #expect(s.grid.rawCode(at: GridPosition(row: 3, column: 2)) == "Y")
    #expect(!s.refreshIfChangedOnDisk())
    _ = s.grid.type("p")
    s.edited()
    await waitUntil { s.state == .saved && !s.hasUnsavedChanges }
    #expect(try onDisk(scratch, "p3", "maths") == "Y")
    #expect(try onDisk(scratch, "p1") == "P")
  }
}

extension ClassSession {
  var grid: GridModel { model as! GridModel }
}
