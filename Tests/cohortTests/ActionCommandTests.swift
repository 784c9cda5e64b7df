import Foundation
import Testing

/// `cohort action`: the window's contributed menu actions, run with no display.
@Suite struct ActionCommandTests {
  @Test func theFolderCheckRunsAsAnActionAndAnUnknownOneIsNamed() throws {
    let s = Scratch()
    let dir = s.sub("new")
    #expect(try CLI.run(["init", "--data", dir, "--trust", "Learn AT"]).status == 0)
    let r = try CLI.run(["action", "check-folder", "--data", dir])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("read: no problems"), "\(r.out)")
    let help = try CLI.run(["action", "--help"])
    #expect(help.out.contains("check-folder") && help.out.contains("Check the data folder"), "\(help.out)")
    let bad = try CLI.run(["action", "tidy", "--data", dir])
    #expect(bad.status == 1)
    #expect(bad.err.contains("no action 'tidy': available are check-folder"), "\(bad.err)")
  }
}
