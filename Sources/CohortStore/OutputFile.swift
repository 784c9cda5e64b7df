import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Every file Cohort writes outside the data folder (exports, reports, charts, backups, pupil
/// exports) goes through here, so that none is ever left half-written:
/// - "-" is standard output;
/// - a symbolic link is followed and its target replaced atomically (the link stays a link);
/// - a device or a pipe (/dev/null, /dev/stdout) is written to as it is;
/// - anything else is replaced atomically and durably, private to its owner;
/// - a folder, a missing folder or a place that cannot be written is refused, named.
public enum OutputFile {
  public static func write(_ data: Data, to path: String) throws {
    if path == "-" {
      FileHandle.standardOutput.write(data)
      return
    }
    let target = try resolve(path)
    var st = stat()
    if lstat(target, &st) == 0 {
      switch st.st_mode & S_IFMT {
      case S_IFDIR: throw StoreError.invalid("\(path) is a folder: give the name of a file to write")
      case S_IFCHR, S_IFIFO: return try writeInPlace(data, to: target, named: path)
      case S_IFREG: break
      default: throw StoreError.invalid("\(path) is not a file Cohort can write (a socket or a block device)")
      }
    }
    let folder = (target as NSString).deletingLastPathComponent
    let dir = folder.isEmpty ? "." : folder
    guard FileManager.default.fileExists(atPath: dir) else {
      throw StoreError.invalid("cannot write \(path): the folder \(dir) does not exist")
    }
    do { try DurableFiles(fs: PosixFileSystem()).replace(target, with: data) } catch {
      throw StoreError.invalid("cannot write \(path) (in \(dir)): \(String(cString: strerror(error.code)))")
    }
  }

  /// The file a path finally names, following symbolic links (relative ones from the link's
  /// folder), even when the last one points at a file that does not exist yet.
  static func resolve(_ path: String) throws -> String {
    var current = path
    for _ in 0..<40 {
      var st = stat()
      guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(current, &buffer, buffer.count - 1)
      guard n >= 0 else {
        throw StoreError.invalid("cannot follow the link \(current): \(String(cString: strerror(errno)))")
      }
      let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : (current as NSString).deletingLastPathComponent + "/" + link
    }
    throw StoreError.invalid("\(path): too many symbolic links")
  }

  /// A device or a pipe takes the bytes as they come: there is nothing to replace.
  static func writeInPlace(_ data: Data, to target: String, named path: String) throws {
    let fd = open(target, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { throw StoreError.invalid("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    try data.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { throw StoreError.invalid("cannot write \(path): \(String(cString: strerror(errno)))") }
        done += n
      }
    }
  }

  /// A folder for several outputs (a report's page images), private, made if missing.
  public static func makeFolder(_ path: String) throws {
    do { try DurableFiles(fs: PosixFileSystem()).makeFolders(path) } catch {
      throw StoreError.invalid("cannot make the folder \(path): \(String(cString: strerror(error.code)))")
    }
  }
}
