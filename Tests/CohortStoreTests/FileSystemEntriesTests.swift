import CohortCore
import Foundation
import Testing

@testable import CohortStore

/// A directory's entries take their kinds from the directory itself; what it cannot say
/// (a link) is asked of the file it leads to, as `kind` does.
@Suite struct FileSystemEntriesTests {
  @Test func kindsAreThoseAStatGives() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-entries-\(UUID().uuidString)").path
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/schools/oak", withIntermediateDirectories: true)
    defer { try? fm.removeItem(atPath: root) }
    fm.createFile(atPath: root + "/trust.json", contents: Data("{}".utf8))
    fm.createFile(atPath: root + "/schools/oak/pupils.json", contents: Data("{}".utf8))
    try fm.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/schools")
    try fm.createSymbolicLink(atPath: root + "/gone", withDestinationPath: root + "/nowhere")
    let fs = PosixFileSystem()
    let entries = try fs.entries(root)
    #expect(entries.map(\.name) == ["gone", "linked", "schools", "trust.json"])
    for e in entries { #expect(e.kind == fs.kind(root + "/" + e.name), "\(e.name)") }
    #expect(entries.map(\.kind) == [nil, .directory, .directory, .file])
    #expect(try fs.list(root) == entries.map(\.name))
    // The folder walk finds files below links to directories and in nested folders alike.
    let files = DataFolder(root: root, author: Author(by: "T", device: "t")).allFiles()
    #expect(files.contains("schools/oak/pupils.json") && files.contains("linked/oak/pupils.json"))
    #expect(files.contains("trust.json") && files.contains("gone"))
  }
}
