import Foundation
import Testing

/// Meetings and reports through the binary: an action recorded at one meeting is reviewed at
/// the next, and the PDFs hold what the documents hold (read back with pdftotext).
@Suite(.serialized) struct MeetingCommandTests {
  let meeting = ["--class", "oakfield-y3", "--year", "2025-26"]

  func sample(_ s: Scratch) throws -> String {
    let dir = s.sub("trust")
    let r = try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs)
    #expect(r.status == 0, "\(r.err)")
    for name in ["Mr Teach", "Ms Num"] {
      #expect(try CLI.run(["staff", "add", "--data", dir, "--name", name, "--school", "oakfield"]).status == 0)
    }
    return dir
  }

  func json(_ args: [String]) throws -> Any {
    let r = try CLI.run(args)
    #expect(r.status == 0, "\(r.err)")
    return try JSONSerialization.jsonObject(with: Data(r.out.utf8))
  }

  func pupils(_ dir: String) throws -> [String] {
    let grid = try json(["show", "--data", dir, "--half-term", "spring1", "--json"] + meeting) as? [String: Any]
    return (grid?["pupils"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
  }

  @Test func anActionIsReviewedAtTheNextMeeting() throws {
    let s = Scratch()
    let dir = try sample(s)
    let ids = try pupils(dir)
    let at = ["meeting", "add-action", "--data", dir, "--half-term", "spring1"] + meeting
    let add = try CLI.run(
      at + [
        "--kind", "intervention", "--pupils", ids.prefix(2).joined(separator: ","), "--subject", "Reading",
        "--description", "Daily reading catch-up", "--owner", "Mr Teach", "--due", "spring2",
      ])
    #expect(add.status == 0, "\(add.err)")
    let id = add.out.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(id.count == 10)

    let show = try json(["meeting", "show", "--data", dir, "--half-term", "spring2", "--json"] + meeting)
    let review = ((show as? [String: Any])?["forReview"] as? [[String: Any]] ?? []).filter {
      ($0["action"] as? [String: Any])?["id"] as? String == id
    }
    #expect(review.count == 1)
    let impact = review.first?["impact"] as? [String: Any]
    #expect((impact?["rows"] as? [Any])?.count == 2)
    #expect(((impact?["comparison"] as? [String: Any])?["n"] as? Int ?? 0) > 0)

    let reviewed = try CLI.run(
      [
        "meeting", "review", "--data", dir, "--half-term", "spring2", "--action", id, "--impact", "worked", "--next",
        "end it",
      ]
        + meeting)
    #expect(reviewed.status == 0, "\(reviewed.err)")
    let open = try json(["meeting", "actions", "--data", dir, "--school", "oakfield", "--year", "2025-26", "--json"])
    #expect((open as? [[String: Any]])?.contains { $0["id"] as? String == id } == false)
    let all = try json([
      "meeting", "actions", "--data", dir, "--school", "oakfield", "--year", "2025-26", "--all", "--json",
    ])
    let done = (all as? [[String: Any]])?.first { $0["id"] as? String == id }
    #expect(done?["status"] as? String == "done")
    #expect(done?["impact"] as? String == "worked")
  }

  @Test func badActionsAreRefusedWithOneLineAndNothingSaved() throws {
    let s = Scratch()
    let dir = try sample(s)
    let before = Scratch.snapshot(dir)
    let at =
      ["meeting", "add-action", "--data", dir, "--half-term", "spring1", "--owner", "X", "--description", "Y"]
      + meeting
    for (extra, message) in [
      (["--kind", "magic"], "unknown action kind 'magic'"),
      (["--kind", "intervention"], "an intervention needs --pupils and --subject"),
      (["--kind", "teaching", "--due", "autumn1"], "--due must be after the meeting"),
      (["--kind", "intervention", "--pupils", "nobody", "--subject", "reading"], "no pupil with id or UPN 'nobody'"),
      (["--kind", "teaching"], "no one called 'X' on the trust's staff"),
    ] {
      let r = try CLI.run(at + extra)
      #expect(r.status == 1)
      #expect(r.err.contains(message), "\(r.err)")
      #expect(r.err.split(separator: "\n").count == 1)
    }
    let review = try CLI.run(
      ["meeting", "review", "--data", dir, "--half-term", "spring2", "--action", "a-none", "--impact", "worked"]
        + meeting)
    #expect(review.err.contains("no action 'a-none'"))
    #expect(Scratch.snapshot(dir) == before)
  }

  @Test func reportsArePDFsWithTheirFooterOnEveryPage() throws {
    let s = Scratch()
    let dir = try sample(s)
    let ids = try pupils(dir)
    _ = try CLI.run(
      [
        "meeting", "add-action", "--data", dir, "--half-term", "spring1", "--kind", "intervention", "--pupils", ids[0],
        "--subject", "maths", "--description", "Times tables club", "--owner", "Ms Num",
      ] + meeting)
    let when = ["--year", "2025-26", "--half-term", "spring2"]
    var pages: [String: Int] = [:]
    for (kind, scope) in [
      ("class-pack", "class:oakfield-y3"), ("school-summary", "school:oakfield"), ("school-pack", "school:oakfield"),
      ("trust-overview", "trust"),
    ] {
      let out = s.sub("\(kind).pdf")
      let r = try CLI.run(["report", kind, "--data", dir, "--scope", scope, "--out", out] + when)
      #expect(r.status == 0, "\(r.err)")
      let count = try #require(
        Int(
          try Tool.run("/usr/bin/pdfinfo", [out]).split(separator: "\n")
            .first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? ""))
      #expect(r.out.contains("\(count) pages"))
      pages[kind] = count
      for page in 1...count {
        let text = try Tool.run("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", out, "-"])
        #expect(text.contains("Confidential: pupil data"), "\(kind) page \(page)")
        #expect(text.contains("Page \(page) of \(count)"), "\(kind) page \(page)")
      }
      let all = try Tool.run("/usr/bin/pdftotext", ["-layout", out, "-"])
      switch kind {
      case "class-pack":
        #expect(all.contains("Actions to review") && all.contains("Times tables club"))
        #expect(all.contains("Pupils flagged") && all.contains("Judgements beside test scores"))
      case "school-summary": #expect(all.contains("Groups and their gaps") && all.contains("n="))
      case "trust-overview": #expect(all.contains("Oakfield") && all.contains("Schools side by side"))
      default: break
      }
    }
    #expect(pages["school-pack"]! > pages["school-summary"]! + pages["class-pack"]!)
    let wrong = try CLI.run(
      ["report", "class-pack", "--data", dir, "--scope", "trust", "--out", s.sub("x.pdf")] + when)
    #expect(wrong.status == 1)
    #expect(!FileManager.default.fileExists(atPath: s.sub("x.pdf")))
  }
}

/// Runs a helper program and returns its standard output.
enum Tool {
  static func run(_ path: String, _ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
