import CohortCore
import CohortStore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Crash consistency and two writers, with real processes: a writer (cohort-torture) saves in
/// a loop and prints each edit once its save returned; it is killed with SIGKILL at random
/// moments. After every kill every document parses and every printed edit is on disk.
/// `make stress` runs 1,000 kills; `make test` runs COHORT_KILLS (default 100).
@Suite(.serialized) struct CrashTests {
  static let year = AcademicYear(startYear: 2026)
  static var kills: Int { Int(ProcessInfo.processInfo.environment["COHORT_KILLS"] ?? "") ?? 100 }

  /// Beside the `cohort` binary in the build folder (the clone's own folder may be "cohort").
  static let torture = (CLI.binary as NSString).deletingLastPathComponent + "/cohort-torture"

  /// The torture writer's own layout: one school, classes oak-y3 and oak-y4 of 30 pupils.
  func makeFolder(_ s: Scratch) throws -> String {
    let dir = s.sub("trust")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.torture)
    p.arguments = ["setup", dir, "0"]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    return dir
  }

  /// Starts the writer, kills it after `delay` microseconds, returns the lines it completed.
  func runAndKill(_ args: [String], after delay: UInt32) throws -> [String] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.torture)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    usleep(delay)
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    // A line cut by the kill was never acknowledged: only whole lines count.
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeLast()
    return lines
  }

  /// Every document parses strictly; every complete journal line parses.
  func checkDocuments(_ dir: String) throws {
    let f = DataFolder(root: dir, author: Author(by: "check", device: "check"))
    for rel in f.allFiles() {
      let name = (rel as NSString).lastPathComponent
      if name.hasPrefix(".") { continue }
      if rel.hasSuffix(".jsonl") {
        let text = try String(contentsOfFile: dir + "/" + rel, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if !text.hasSuffix("\n") { lines.removeLast() }  // a torn last line is allowed
        for line in lines where !line.isEmpty {
          #expect((try? JSONDecoder().decode(JournalEntry.self, from: Data(line.utf8))) != nil, "\(rel): \(line)")
        }
      } else if rel.contains("/2026-27/") {
        _ = try #require(try f.read(ClassYear.self, at: rel), "\(rel) is gone")
      }
    }
  }

  func checkSaved(_ dir: String, _ lines: [String]) throws {
    let f = DataFolder(root: dir, author: Author(by: "check", device: "check"))
    var docs: [String: ClassYear] = [:]
    func doc(_ c: String) throws -> ClassYear {
      if let d = docs[c] { return d }
      let d = try f.loadClassYear(school: "oak", classID: c, year: Self.year)
      docs[c] = d
      return d
    }
    for line in lines {
      let w = line.split(separator: " ").map(String.init)
      if w[0] == "cell" {
        let cell = try doc("oak-y3").cell(pupil: w[1], subject: w[2], halfTerm: HalfTerm(rawValue: w[3])!)
        let at = Int64(w[5])!
        #expect(cell != nil && cell!.at >= at, "lost: \(line)")
        if let cell, cell.at == at { #expect((cell.code ?? "-") == w[4], "changed: \(line)") }
      } else if w[0] == "score" {
        let cell = try doc(w[1]).scores[ScoreKey(test: "nfer-reading", term: .autumn, pupil: w[2])]
        let at = Int64(w[4])!
        #expect(cell != nil && cell!.at >= at, "lost: \(line)")
        if let cell, cell.at == at { #expect(cell.standardised == Int(w[3]), "changed: \(line)") }
      }
    }
  }

  @Test func aKilledWriterNeverLosesASavedEditOrHalfWritesAFile() throws {
    let s = Scratch()
    let dir = try makeFolder(s)
    var saved = 0
    var acknowledged: [String] = []
    for i in 0..<Self.kills {
      let mode = i % 3 == 2 ? "import" : "edit"
      let lines = try runAndKill([mode, dir, String(i)], after: UInt32.random(in: 2_000...60_000))
      saved += lines.count
      acknowledged += lines
      try checkDocuments(dir)
      try checkSaved(dir, acknowledged)
    }
    print("crash test: \(Self.kills) kills, \(saved) saves acknowledged, all on disk")
    // Timing varies with load; what matters is that kills land between and during saves.
    #expect(saved >= Self.kills / 4, "the writer should complete some saves between kills")
  }

  @Test func twoWritersLoseNoDifferentCellEditAndAgreeOnTheSharedCell() throws {
    let s = Scratch()
    let dir = try makeFolder(s)
    var procs: [(Process, Pipe)] = []
    for w in 0..<2 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: Self.torture)
      p.arguments = ["writer", dir, String(w), "150"]
      let out = Pipe()
      p.standardOutput = out
      try p.run()
      procs.append((p, out))
    }
    var lines: [[String]] = []
    for (p, out) in procs {
      let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
      lines.append(text.split(separator: "\n").map(String.init))
    }
    let f = DataFolder(root: dir, author: Author(by: "check", device: "check"))
    let doc = try f.loadClassYear(school: "oak", classID: "oak-y3", year: Self.year)
    // Each writer's own cells: the last value it printed for each is exactly what is on disk.
    for w in 0..<2 {
      var last: [String: (String, Int64)] = [:]
      for l in lines[w] where l.hasPrefix("cell ") {
        let p = l.split(separator: " ").map(String.init)
        last["\(p[1]) \(p[2]) \(p[3])"] = (p[4], Int64(p[5])!)
      }
      #expect(last.count > 30)
      for (key, (code, at)) in last {
        let k = key.split(separator: " ").map(String.init)
        let cell = doc.cell(pupil: k[0], subject: k[1], halfTerm: HalfTerm(rawValue: k[2])!)
        #expect(cell?.code == code && cell?.at == at, "writer \(w) lost \(key)")
      }
    }
    // The shared cell holds the newest edit either writer made.
    let shared = lines.flatMap { $0 }.filter { $0.hasPrefix("shared ") }.map {
      $0.split(separator: " ").map(String.init)
    }
    let newest = shared.max { Int64($0[2])! < Int64($1[2])! }!
    let cell = doc.cell(pupil: "p0-0", subject: "writing", halfTerm: .autumn1)
    #expect(cell?.at == Int64(newest[2]) && cell?.code == newest[1])
    // Both writers' edits of it are in the journals, and so is every edit that lost.
    let journal = try f.allFiles().filter { $0.hasSuffix(".jsonl") }.map {
      try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)
    }
    .joined()
    let entries = journal.split(separator: "\n").compactMap {
      try? JSONDecoder().decode(JournalEntry.self, from: Data($0.utf8))
    }
    let sharedEdits = entries.filter { $0.pupil == "p0-0" && $0.subject == "writing" && $0.event == nil }
    #expect(Set(sharedEdits.map(\.device)) == ["torture-0", "torture-1"])
    let conflicts = entries.filter { $0.event?.hasPrefix("conflict") == true }
    print("two writers: \(lines[0].count + lines[1].count) saves, \(conflicts.count) conflicts recorded")
    #expect(conflicts.allSatisfy { $0.pupil == "p0-0" && $0.subject == "writing" })
  }
}

/// The journal is a faithful record: replaying every device's journal from empty documents
/// gives back the documents of a sample trust, judgements and scores alike.
@Suite struct JournalReplayTests {
  @Test func replayingTheJournalFromEmptyRebuildsTheSampleTrust() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    let r = try CLI.run(["sample", "--data", dir, "--journal"] + CommandLineTests.sampleArgs)
    #expect(r.status == 0, "\(r.err)")
    // Some ordinary edits on top, through the store as the app makes them.
    #expect(
      try CLI.run([
        "set", "--data", dir, "--pupil", firstPupil(dir), "--subject", "maths", "--year", "2026-27", "--half-term",
        "autumn2", "--code", "P",
      ]).status == 0)
    let f = DataFolder(root: dir, author: Author(by: "check", device: "check"))
    let trust = try f.loadTrust()
    var empty: [String: ClassYear] = [:]
    var real: [String: ClassYear] = [:]
    for school in try f.loadSchools(of: trust) {
      for year in school.years {
        for c in school.classes(in: year) {
          let path = DataFolder.classPath(school: school.id, year: year, classID: c.id)
          let doc = try f.loadClassYear(school: school.id, classID: c.id, year: year)
          real[path] = doc
          empty[path] = ClassYear(school: school.id, classID: c.id, year: year, pupils: doc.pupils)
        }
      }
    }
    let entries = try f.journalEntries()
    #expect(entries.count > 1000)
    let rebuilt = JournalReplay.replay(entries, onto: empty)
    var cells = 0
    for (path, doc) in real {
      let r = try #require(rebuilt[path])
      #expect(r.cells == doc.cells, "\(path) judgements differ")
      #expect(r.scores == doc.scores, "\(path) scores differ")
      cells += doc.cells.count + doc.scores.count
    }
    print("journal replay: \(entries.count) entries rebuilt \(cells) cells in \(real.count) documents")
  }

  func firstPupil(_ dir: String) throws -> String {
    let show = try CLI.run([
      "show", "--data", dir, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json",
    ])
    let grid = try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any]
    return try #require((grid?["pupils"] as? [[String: Any]])?.first?["id"] as? String)
  }
}
