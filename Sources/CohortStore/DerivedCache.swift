import CohortCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Derived data of one data folder, kept outside it (DESIGN.md: rebuildable, never the source
/// of truth): `$XDG_CACHE_HOME/cohort/<hash of the folder's real path>/`, the folder 0700 and
/// each entry 0600, as it holds pupils' data. An entry names the documents it was made from
/// with their `SourceStamp`s, and is used only while every one of them is unchanged; it is
/// written whole (a temp file renamed over it) and carries a hash of itself, so a torn or
/// damaged entry is a miss. `COHORT_CACHE=off` turns it off. Failing to write is never an
/// error: the reads it saves are still there to do.
public struct DerivedCache: Sendable {
  public let directory: String
  /// How long every source of an entry must have been still before it is written
  /// (`SourceStamp.isSettled`).
  public var settleTime: Int64 = 3_000_000_000
  /// No cache: everything is read from the documents.
  public static let off = DerivedCache(directory: "")
  private var fs: PosixFileSystem { PosixFileSystem() }
  static let magic: [UInt8] = Array("COHORTDC".utf8)

  /// Nil when switched off or when there is no home to keep it in.
  public init?(for folder: DataFolder, environment: [String: String] = ProcessInfo.processInfo.environment) {
    if environment["COHORT_CACHE"]?.lowercased() == "off" { return nil }
    let base: String
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      base = home + "/.cache"
    } else {
      return nil
    }
    let real =
      realpath(folder.root, nil).map { p in
        defer { free(p) }
        return String(cString: p)
      } ?? folder.root
    let key = String(contentHash(Array(real.utf8)), radix: 16)
    self.init(directory: base + "/cohort/" + key)
  }

  public init(directory: String) { self.directory = directory }

  /// The cache a read uses: the one given (`off` for none), else the folder's own.
  public static func chosen(_ cache: DerivedCache?, for folder: DataFolder) -> DerivedCache? {
    (cache ?? DerivedCache(for: folder)).flatMap { $0.directory.isEmpty ? nil : $0 }
  }

  /// A reader at an entry's payload, when the entry is whole and of this `format`.
  public func read(_ name: String, format: Int) -> BinaryReader? {
    guard !directory.isEmpty, let fd = try? fs.open(directory + "/" + name, flags: O_RDONLY, mode: 0) else {
      return nil
    }
    defer { fs.close(fd) }
    guard let size = try? fs.size(fd), size >= 24, let bytes = try? fs.pread(fd, count: size, at: 0) else {
      return nil
    }
    var header = BinaryReader(bytes, from: Self.magic.count)
    guard bytes.count == size, bytes.starts(with: Self.magic), header.unsigned() == UInt64(format),
      let hash = header.unsigned(), hash == contentHash(bytes, from: header.offset)
    else { return nil }
    return header
  }

  /// Writes an entry whole, or not at all (no fsync: a torn entry fails its hash).
  public func write(_ name: String, format: Int, payload: [UInt8]) {
    guard !directory.isEmpty, makeDirectory() else { return }
    var header = BinaryWriter(capacity: payload.count + 32)
    header.raw(Self.magic)
    header.unsigned(UInt64(format))
    header.unsigned(contentHash(payload))
    header.raw(payload)
    let target = directory + "/" + name
    let temp = target + ".tmp\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    guard let fd = try? fs.open(temp, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600) else { return }
    let written = (try? fs.write(fd, Data(header.bytes))) != nil
    fs.close(fd)
    if !written || (try? fs.rename(temp, target)) == nil { try? fs.unlink(temp) }
  }

  /// An entry's payload after the stamps of its sources, when each source is as stamped.
  public func readFresh(_ name: String, format: Int, folder: DataFolder) -> BinaryReader? {
    guard var r = read(name, format: format), let n = r.count() else { return nil }
    for _ in 0..<n {
      guard let path = r.string(), let stamp = SourceStamp.read(&r), folder.sourceStamp(path) == stamp else {
        return nil
      }
    }
    return r
  }

  /// Writes an entry of sources stamped before they were read (so that a change while they
  /// were read makes it stale), unless one changed too recently to tell from a later change.
  public func writeStamped(
    _ name: String, format: Int, stamps: [(String, SourceStamp)], body: (inout BinaryWriter) -> Void
  ) {
    let now = DataFolder.clockNanoseconds()
    guard stamps.allSatisfy({ $0.1.isSettled(now: now, window: settleTime) }) else { return }
    var w = BinaryWriter(capacity: 1 << 16)
    w.unsigned(UInt64(stamps.count))
    for (path, stamp) in stamps {
      w.string(path)
      stamp.write(to: &w)
    }
    body(&w)
    write(name, format: format, payload: w.bytes)
  }

  /// The entries' names.
  public func names() -> [String] {
    directory.isEmpty ? [] : (try? fs.list(directory)) ?? []
  }

  public func remove(_ name: String) {
    if !directory.isEmpty { try? fs.unlink(directory + "/" + name) }
  }

  /// Every entry and the folder: after a pupil is erased nothing derived from them may stay.
  public func removeAll() {
    for name in names() { remove(name) }
    if !directory.isEmpty { rmdir(directory) }
  }

  private func makeDirectory() -> Bool {
    let parent = (directory as NSString).deletingLastPathComponent
    mkdir((parent as NSString).deletingLastPathComponent, 0o700)
    mkdir(parent, 0o700)
    if mkdir(directory, 0o700) != 0 && errno != EEXIST { return false }
    var st = stat()
    // Someone else's folder, or a link to one, is not written to.
    return lstat(directory, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR && st.st_uid == getuid()
  }
}

/// What identifies one version of a source document for the cache: its device, inode, size,
/// and modification and change times to the nanosecond (an atomic save is a new inode; a
/// rewrite in place changes the change time). `absent` stands for a document not there.
public struct SourceStamp: Hashable, Sendable {
  public var device: UInt64 = 0
  public var inode: UInt64 = 0
  public var size: Int64 = -1
  public var modified: Int64 = 0
  public var changed: Int64 = 0
  public static let absent = SourceStamp()

  /// Too recent to trust: a rewrite of the same size within the file system's time
  /// granularity would look unchanged (git's "racily clean" entries), so an entry is written
  /// only once every source has been still for a few seconds.
  public func isSettled(now: Int64, window: Int64) -> Bool {
    self == .absent || (modified < now - window && changed < now - window)
  }

  public func write(to w: inout BinaryWriter) {
    for v in [device, inode] { w.unsigned(v) }
    for v in [size, modified, changed] { w.int(Int(v)) }
  }

  public static func read(_ r: inout BinaryReader) -> SourceStamp? {
    guard let device = r.unsigned(), let inode = r.unsigned(), let size = r.int(), let modified = r.int(),
      let changed = r.int()
    else { return nil }
    return SourceStamp(
      device: device, inode: inode, size: Int64(size), modified: Int64(modified), changed: Int64(changed))
  }
}

extension DataFolder {
  /// A document's stamp, taken before it is read (so that a change while it is read makes
  /// the entry stale, never the other way round).
  public func sourceStamp(_ relative: String) -> SourceStamp {
    var st = stat()
    guard stat(absolute(relative), &st) == 0 else { return .absent }
    return SourceStamp(
      device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
      modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
      changed: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
  }

  /// Now, in the nanoseconds of a `SourceStamp`.
  public static func clockNanoseconds() -> Int64 {
    var t = timespec()
    clock_gettime(CLOCK_REALTIME, &t)
    return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
  }
}
