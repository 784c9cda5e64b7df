import CohortCore
import CohortStore
import Foundation
import Testing

@testable import CohortBackup

@Suite struct BackupTests {
  func scratch() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("cohort-backup-\(UUID().uuidString)").path
  }

  func folder(_ root: String) throws -> DataFolder {
    let f = DataFolder(root: root, author: Author(by: "A", device: "a"))
    try f.saveTrust(Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")]))
    try f.saveRoster(
      Roster(
        school: "oak",
        pupils: [Pupil(id: "p1", forename: "Amira", surname: "Khan", dob: SchoolDate(iso: "2018-03-14")!)]))
    var d = ClassYear(school: "oak", classID: "oak-y3", year: AcademicYear(startYear: 2026), pupils: ["p1"])
    d.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 5)
    try f.save(d)
    return f
  }

  @Test func archiveAndRestoreGiveTheSameFilesPrivately() throws {
    let src = scratch()
    let dst = scratch()
    defer {
      try? FileManager.default.removeItem(atPath: src)
      try? FileManager.default.removeItem(atPath: dst)
    }
    let f = try folder(src)
    let (data, n) = try Backup.archive(f, passphrase: "correct horse battery", rounds: 1000)
    #expect(n == 4)  // trust, roster, class and the school's journal: every file but the lock
    #expect(!String(decoding: data, as: UTF8.self).contains("Amira"))
    #expect(try Backup.restore(data, passphrase: "correct horse battery", into: dst) == n)
    let restored = DataFolder(root: dst, author: f.author)
    for rel in f.allFiles() where !rel.hasPrefix(".") {
      #expect(
        FileManager.default.contents(atPath: dst + "/" + rel) == FileManager.default.contents(atPath: src + "/" + rel),
        "\(rel)")
      #expect(restored.fileMode(rel) == 0o600)
    }
    #expect(restored.fileMode("schools") == 0o700)
    #expect(
      try restored.loadClassYear(school: "oak", classID: "oak-y3", year: AcademicYear(startYear: 2026)).code(
        pupil: "p1", subject: "reading", halfTerm: .autumn1) == "G")
  }

  @Test func aWrongPassphraseOrADamagedFileRestoresNothing() throws {
    let src = scratch()
    let dst = scratch()
    defer {
      try? FileManager.default.removeItem(atPath: src)
      try? FileManager.default.removeItem(atPath: dst)
    }
    var (data, _) = try Backup.archive(try folder(src), passphrase: "correct horse battery", rounds: 1000)
    #expect {
      try Backup.restore(data, passphrase: "wrong horse battery", into: dst)
    } throws: { "\($0)".contains("wrong passphrase") }
    #expect(!FileManager.default.fileExists(atPath: dst))
    data[data.count - 40] ^= 0x01
    #expect(throws: Backup.Failure.self) { try Backup.restore(data, passphrase: "correct horse battery", into: dst) }
    #expect(throws: Backup.Failure.self) { try Backup.open(Data("not a backup at all, no".utf8), passphrase: "x") }
  }

  @Test func theDefaultKeyDerivationIsSlowEnoughAndShortPassphrasesAreRefused() throws {
    let src = scratch()
    defer { try? FileManager.default.removeItem(atPath: src) }
    let f = try folder(src)
    #expect(throws: Backup.Failure.self) { try Backup.archive(f, passphrase: "short") }
    let (data, _) = try Backup.archive(f, passphrase: "a long enough passphrase")
    let rounds = data[9..<13].reduce(0) { $0 << 8 | Int($1) }
    #expect(rounds >= 210_000)
  }

  @Test func restoreNeverOverwritesAFolder() throws {
    let src = scratch()
    defer { try? FileManager.default.removeItem(atPath: src) }
    let f = try folder(src)
    let (data, _) = try Backup.archive(f, passphrase: "correct horse battery", rounds: 1000)
    #expect {
      try Backup.restore(data, passphrase: "correct horse battery", into: src)
    } throws: { "\($0)".contains("not empty") }
  }
}
