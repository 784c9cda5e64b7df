import Foundation

/// Reading JSON documents outside a data folder's own layout (plugin folders, files named on
/// the command line) with the same strictness and error wording.
public enum Documents {
  public static func read<T: Decodable>(_ type: T.Type, at path: String, fileSystem: FileSystem = PosixFileSystem())
    throws -> T
  {
    let bytes: [UInt8]
    do { bytes = try DurableFiles(fs: fileSystem).read(path) } catch { throw StoreError.io(error) }
    do {
      return try DocumentCoding.decode(T.self, from: bytes)
    } catch let problem as DocumentProblem {
      throw StoreError.unreadable(path: path, reason: problem.reason)
    }
  }

  /// Every `*.json` file under `folder` (recursively, hidden files skipped), sorted.
  public static func jsonFiles(under folder: String, fileSystem: FileSystem = PosixFileSystem()) -> [String] {
    var out: [String] = []
    func walk(_ dir: String) {
      for name in (try? fileSystem.list(dir)) ?? [] where !name.hasPrefix(".") {
        let path = dir + "/" + name
        if fileSystem.kind(path) == .directory {
          walk(path)
        } else if name.hasSuffix(".json") {
          out.append(path)
        }
      }
    }
    walk(folder)
    return out
  }

}

extension Documents {
  /// Writes a file outside the data folder (an export) atomically and privately: an export
  /// holds pupil data too.
  public static func writePrivateFile(_ data: Data, to path: String, fileSystem: FileSystem = PosixFileSystem()) throws
  {
    do { try DurableFiles(fs: fileSystem).replace(path, with: data) } catch { throw StoreError.io(error) }
  }
}

extension Documents {
  /// A file's bytes as they are (backups copy documents without decoding them).
  public static func readBytes(_ path: String, fileSystem: FileSystem = PosixFileSystem()) throws -> Data {
    do { return Data(try DurableFiles(fs: fileSystem).read(path)) } catch { throw StoreError.io(error) }
  }
}
