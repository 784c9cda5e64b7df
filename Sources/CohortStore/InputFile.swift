import CohortCore
import Foundation

/// A file the person chose to read: an import, a plan of classes, a backup, a passphrase. The
/// one way code outside the store reads a file, so that "nothing else opens a file" can be
/// checked by looking for it.
public enum InputFile {
  public static func read(_ path: String) throws -> Data {
    do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw InputError("cannot read \(path): \(error.localizedDescription)")
    }
  }

  /// As UTF-8 text.
  public static func text(_ path: String) throws -> String { String(decoding: try read(path), as: UTF8.self) }
}

/// Questions about folders outside a data folder (plugin folders, the place for a new trust).
public enum Folders {
  /// The names in `path`, sorted; none when it cannot be listed.
  public static func names(in path: String) -> [String] { (try? PosixFileSystem().list(path)) ?? [] }

  public static func isFolder(_ path: String) -> Bool { PosixFileSystem().kind(path) == .directory }

  public static func exists(_ path: String) -> Bool { PosixFileSystem().kind(path) != nil }

  /// A data folder is at `path` (it has a trust.json).
  public static func holdsTrust(_ path: String) -> Bool { PosixFileSystem().kind(path + "/trust.json") == .file }
}
