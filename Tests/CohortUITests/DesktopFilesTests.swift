import Foundation
import Testing

@testable import CohortUI

/// The desktop file and AppStream metainfo pass the validators a distribution runs.
@Suite struct DesktopFilesTests {
  static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("resources").path

  func run(_ tool: String, _ args: [String]) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: out, as: UTF8.self))
  }

  @Test func desktopFileValidates() throws {
    let path = Self.resources + "/\(CohortApp.applicationID).desktop"
    let (status, out) = try run("desktop-file-validate", [path])
    #expect(status == 0, "\(out)")
    #expect(!out.contains("error"), "\(out)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("Exec=cohort-gtk") && text.contains("Icon=\(CohortApp.applicationID)"))
  }

  @Test func metainfoValidates() throws {
    let (status, out) = try run(
      "appstreamcli", ["validate", "--no-net", Self.resources + "/\(CohortApp.applicationID).metainfo.xml"])
    #expect(status == 0, "\(out)")
  }

  @Test func theIconAndStyleSheetAreThere() {
    #expect(
      FileManager.default.fileExists(
        atPath: Self.resources + "/icons/hicolor/scalable/apps/\(CohortApp.applicationID).svg"))
    #expect(FileManager.default.fileExists(atPath: Self.resources + "/style.css"))
  }
}
