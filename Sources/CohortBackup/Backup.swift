import CohortStore
import Crypto
import Foundation
import _CryptoExtras

/// An encrypted archive of a whole data folder, for a laptop that may be lost: AES-256-GCM
/// with a key derived from a passphrase by PBKDF2-HMAC-SHA512 (210,000 rounds, OWASP's
/// figure). A wrong passphrase or a damaged file fails authentication: nothing is restored.
///
///     "COHORTBK" | version 1 | rounds (UInt32 BE) | salt (16) | AES-GCM combined (nonce, ciphertext, tag)
///
/// The plaintext is a list of (path length UInt32, path, size UInt64, bytes) for every file.
public enum Backup {
  static let magic = Array("COHORTBK".utf8)
  static let version: UInt8 = 1
  public static let rounds = 210_000
  public static let minimumPassphrase = 10

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
  }

  /// Every file of the folder (journal and trust plugins included; temp and lock files not).
  public static func archive(_ folder: DataFolder, passphrase: String, rounds: Int = Backup.rounds) throws -> (
    data: Data, files: Int
  ) {
    guard passphrase.count >= minimumPassphrase else {
      throw Failure("the passphrase needs at least \(minimumPassphrase) characters")
    }
    var plain = Data()
    var n = 0
    for rel in folder.allFiles()
    where !(rel as NSString).lastPathComponent.hasPrefix(".") || rel.contains("/.conflicts/") {
      let bytes = try Documents.readBytes(folder.absolute(rel))
      append(&plain, UInt32(rel.utf8.count))
      plain.append(contentsOf: Array(rel.utf8))
      append(&plain, UInt64(bytes.count))
      plain.append(contentsOf: bytes)
      n += 1
    }
    let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
    let key = try deriveKey(passphrase, salt: salt, rounds: rounds)
    let sealed = try AES.GCM.seal(plain, using: key).combined!
    var out = Data(magic)
    out.append(version)
    append(&out, UInt32(rounds))
    out.append(salt)
    out.append(sealed)
    return (out, n)
  }

  /// The files of an archive, decrypted and checked, as (relative path, bytes).
  public static func open(_ data: Data, passphrase: String) throws -> [(String, Data)] {
    let b = [UInt8](data)
    guard b.count > 8 + 1 + 4 + 16 + 28, Array(b[0..<8]) == magic else { throw Failure("not a Cohort backup") }
    guard b[8] == version else { throw Failure("a backup from a newer Cohort (version \(b[8]))") }
    let rounds = Int(b[9..<13].reduce(0) { $0 << 8 | UInt32($1) })
    let salt = Data(b[13..<29])
    let key = try deriveKey(passphrase, salt: salt, rounds: rounds)
    let plain: Data
    do {
      plain = try AES.GCM.open(try AES.GCM.SealedBox(combined: Data(b[29...])), using: key)
    } catch {
      throw Failure("wrong passphrase, or the backup is damaged: nothing was restored")
    }
    var files: [(String, Data)] = []
    var i = plain.startIndex
    func take(_ n: Int) throws -> Data {
      guard plain.endIndex - i >= n else { throw Failure("the backup's contents are cut short") }
      defer { i += n }
      return plain[i..<i + n]
    }
    while i < plain.endIndex {
      let pathLength = try take(4).reduce(0) { $0 << 8 | Int($1) }
      guard let path = String(data: try take(pathLength), encoding: .utf8) else {
        throw Failure("a file name is not text")
      }
      let size = try take(8).reduce(0) { $0 << 8 | Int($1) }
      files.append((path, Data(try take(size))))
    }
    return files
  }

  /// Restores an archive into an empty or new folder (never over existing data).
  public static func restore(_ data: Data, passphrase: String, into root: String) throws -> Int {
    if !Folders.names(in: root).isEmpty {
      throw Failure("\(root) is not empty: restore into a new folder")
    }
    let files = try open(data, passphrase: passphrase)
    for (path, _) in files {
      let parts = path.split(separator: "/")
      guard !path.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
        throw Failure("unsafe path in backup: \(path)")
      }
    }
    for (path, bytes) in files { try Documents.writePrivateFile(bytes, to: root + "/" + path) }
    return files.count
  }

  /// Archives are always written with `Backup.rounds`; fewer (tests only) skip the library's
  /// minimum check.
  static func deriveKey(_ passphrase: String, salt: Data, rounds: Int) throws -> SymmetricKey {
    if rounds >= Backup.rounds {
      return try KDF.Insecure.PBKDF2.deriveKey(
        from: Data(passphrase.utf8), salt: salt, using: .sha512, outputByteCount: 32, rounds: rounds)
    }
    return try KDF.Insecure.PBKDF2.deriveKey(
      from: Data(passphrase.utf8), salt: salt, using: .sha512, outputByteCount: 32, unsafeUncheckedRounds: rounds)
  }

  static func append<T: FixedWidthInteger>(_ data: inout Data, _ value: T) {
    withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) }
  }
}
