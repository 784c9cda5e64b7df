import CohortCore
import Foundation
import Testing

/// Where an export may be sent: through a symbolic link, to a device, to standard output;
/// and the places it may not (a folder, a missing or read-only folder), refused by name with
/// nothing left behind.
@Suite(.serialized) struct OutputFileTests {
  let s = Scratch()
  var dir: String { s.sub("trust") }

  init() throws {
    let r = try CLI.run(["sample", "--data", s.sub("trust")] + CommandLineTests.sampleArgs)
    #expect(r.status == 0, "\(r.err)")
  }

  func export(_ out: String) throws -> CLI.Result { try CLI.run(["export", "csv", "--data", dir, "--out", out]) }

  @Test func aLinkIsFollowedAndItsTargetReplacedWhole() throws {
    let target = s.sub("real.csv")
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    let link = s.sub("link.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.csv")
    let r = try export(link)
    #expect(r.status == 0, "\(r.err)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.csv", "the link stays a link")
    let text = try String(contentsOfFile: target, encoding: .utf8)
    #expect(text.hasPrefix("school,") || text.contains("upn"), "the target holds the export")
    #expect((try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int) == 0o600)
    let dangling = s.sub("to-new.csv")
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: s.sub("new.csv"))
    #expect(try export(dangling).status == 0)
    #expect(FileManager.default.fileExists(atPath: s.sub("new.csv")), "a link to a file not yet there makes it")
  }

  @Test func devicesAndStandardOutputAreWrittenAsTheyAre() throws {
    let null = try export("/dev/null")
    #expect(null.status == 0, "\(null.err)")
    let kind = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
    #expect(kind == .typeCharacterSpecial, "/dev/null is still a device")
    let out = try export("-")
    #expect(
      out.status == 0 && out.out.split(whereSeparator: \.isNewline).count > 100, "the export went to standard output")
    #expect(
      out.out.hasPrefix("school,") && !out.out.contains("Wrote "), "only the export: the word about it goes to stderr")
    #expect(!FileManager.default.fileExists(atPath: dir + "/-"))
  }

  @Test func aFolderOrAPlaceThatCannotBeWrittenIsRefusedByName() throws {
    let folder = s.sub("reports")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let r = try export(folder)
    #expect(r.status == 1 && r.err.contains("\(folder) is a folder"), "\(r.err)")
    let missing = try export(s.sub("nowhere/x.csv"))
    #expect(
      missing.status == 1 && missing.err.contains("the folder \(s.sub("nowhere")) does not exist"), "\(missing.err)")
    // /proc refuses new files even to root; a read-only folder refuses anyone else.
    let locked = s.sub("locked")
    try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
    chmod(locked, 0o500)
    defer { chmod(locked, 0o700) }
    for place in ["/proc/cohort-export.csv"] + (getuid() == 0 ? [] : [locked + "/x.csv"]) {
      let refused = try export(place)
      #expect(refused.status == 1 && refused.err.contains("cannot write \(place)"), "\(refused.err)")
      #expect(refused.err.split(separator: "\n").count == 1)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: locked).isEmpty, "no temp file is left behind")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  @Test func chartsAndReportsGoThroughTheSameWriter() throws {
    let link = s.sub("chart-link.png")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: s.sub("chart.png"))
    let chart = try CLI.run([
      "chart", "bands", "--data", dir, "--year", "2026-27", "--half-term", "autumn1", "--out", link,
    ])
    #expect(chart.status == 0, "\(chart.err)")
    let png = try Data(contentsOf: URL(fileURLWithPath: s.sub("chart.png")))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let folder = s.sub("packs.pdf")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let report = try CLI.run([
      "report", "class-pack", "--data", dir, "--scope", "class:oakfield-y3", "--year", "2026-27", "--half-term",
      "autumn1", "--out", folder,
    ])
    #expect(report.status == 1 && report.err.contains("is a folder"), "\(report.err)")
  }
}
