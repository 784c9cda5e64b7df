import CohortCore
import CohortStore
import Foundation
import Testing

@Suite(.serialized) struct RosterCommandTests {
  func sample(_ s: Scratch) throws -> String {
    let dir = s.sub("trust")
    let r = try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs)
    #expect(r.status == 0, "\(r.err)")
    return dir
  }

  func onRoll(_ dir: String) throws -> [Pupil] {
    let folder = DataFolder(root: dir, author: Author(by: "t", device: "t"))
    return try folder.loadRoster("oakfield").pupils.filter { $0.leftOn == nil }
  }

  func write(_ s: Scratch, _ name: String, _ bytes: [UInt8]) throws -> String {
    let path = s.sub(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func upn(_ digits: String) -> String { String(UPN.checkLetter(Array(digits))!) + digits }

  @Test func badFilesExitNonZeroWithOneMessageEachAndChangeNothing() throws {
    let s = Scratch()
    let dir = try sample(s)
    let p = try onRoll(dir)[0]
    let good = """
      <CTfile><Header><CTFversion>23.0</CTFversion></Header><CTFpupilData>
      <Pupil><UPN>\(p.upn!)</UPN><Surname>\(p.surname)</Surname><Forename>\(p.forename)</Forename><DOB>\(p.dob)</DOB><Sex>M</Sex></Pupil>
      </CTFpupilData></CTfile>
      """
    let wrongCheck = (p.upn!.first == "B" ? "C" : "B") + p.upn!.dropFirst()
    let dup = Self.upn("801000000055")
    let cases: [(kind: String, name: String, bytes: [UInt8], message: String)] = [
      ("ctf", "cut.xml", Array(good.utf8.prefix(90)), "truncated"),
      ("ctf", "root.xml", Array(good.replacingOccurrences(of: "CTfile>", with: "ATfile>").utf8), "not <CTfile>"),
      // A later version than Cohort knows is read with a note (CTFReaderMISCodesTests); an older one is refused.
      ("ctf", "old.xml", Array(good.replacingOccurrences(of: "23.0", with: "16.0").utf8), "versions 17 and later"),
      ("ctf", "binary.xml", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0xFF, 0xFE], "not an XML file"),
      ("roster", "binary.csv", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0xFF, 0xFE], "not a text file"),
      ("roster", "dup-header.csv", Array("UPN,Surname,Forename,DOB,Surname\n".utf8), "both called 'Surname'"),
    ]
    let before = Scratch.snapshot(dir)
    for c in cases {
      let r = try CLI.run(["import", c.kind, try write(s, c.name, c.bytes), "--data", dir, "--school", "oakfield"])
      #expect(r.status == 1, "\(c.name)")
      #expect(r.err.contains(c.message) && r.err.contains(c.name), "\(c.name): \(r.err)")
      #expect(r.err.split(separator: "\n").count == 1, "one line: \(r.err)")
    }
    // Row problems: one line each, naming the row; the import is refused whole.
    let rows = """
      UPN,Surname,Forename,DOB
      \(p.upn!),\(p.surname),\(p.forename),31/02/2016
      \(wrongCheck),Lee,Ann,01/02/2016
      \(dup),Dup,One,01/02/2016
      \(dup),Dup,Two,01/02/2016
      ,Good,Row,01/02/2016

      """
    let r = try CLI.run([
      "import", "roster", try write(s, "rows.csv", Array(rows.utf8)), "--data", dir, "--school", "oakfield",
    ])
    #expect(r.status == 1 && r.err.contains("4 rows of") && r.err.contains("nothing was changed"))
    #expect(
      r.out.contains("line 2: will not import: \(p.forename) \(p.surname): date of birth '31/02/2016' is not a date"))
    #expect(r.out.contains("line 3: will not import: UPN '\(wrongCheck)': check letter"))
    #expect(r.out.contains("line 4: will not import: UPN \(dup) is also on line 5"))
    #expect(r.out.contains("line 5: will not import: UPN \(dup) is also on line 4"))
    #expect(Scratch.snapshot(dir) == before)
    // The good CTF imports, and importing it again changes nothing.
    let ok = try CLI.run([
      "import", "ctf", try write(s, "good.xml", Array(good.utf8)), "--data", dir, "--school", "oakfield",
    ])
    #expect(ok.status == 0, "\(ok.err)")
    let again = try CLI.run(["import", "ctf", s.sub("good.xml"), "--data", dir, "--school", "oakfield", "--json"])
    #expect(again.status == 0 && again.out.contains("\"changes\" : [\n\n  ]"), "\(again.out)")
  }

  @Test func rolloverMovesUpMarksYear6LeftAndClosesTheOldYear() throws {
    let s = Scratch()
    let dir = try sample(s)
    let folder = DataFolder(root: dir, author: Author(by: "t", device: "t"))
    let y3 = try folder.loadClassYear(school: "oakfield", classID: "oakfield-y3", year: AcademicYear(startYear: 2026))
    let y6 = try folder.loadClassYear(school: "oakfield", classID: "oakfield-y6", year: AcademicYear(startYear: 2026))
    let oldYear = Scratch.snapshot(dir).filter { $0.key.contains("/2026-27/") }
    let dry = try CLI.run(["rollover", "--data", dir, "--to", "2027-28", "--dry-run"])
    #expect(dry.status == 0 && dry.out.contains("Dry run: nothing was changed."))
    let r = try CLI.run(["rollover", "--data", dir, "--to", "2027-28"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("oakfield: ") && r.out.contains("2026-27 is now read-only"))
    let y4Next = try folder.loadClassYear(
      school: "oakfield", classID: "oakfield-y4", year: AcademicYear(startYear: 2027))
    let roster = try folder.loadRoster("oakfield")
    let stillHere = y3.pupils.filter { roster.pupil(id: $0)?.leftOn == nil }
    #expect(!stillHere.isEmpty && y4Next.pupils == stillHere, "this year's Year 3 is next year's Year 4")
    for id in y6.pupils { #expect(roster.pupil(id: id)?.leftOn != nil, "\(id) left after Year 6") }
    #expect(
      roster.pupils.filter { y6.pupils.contains($0.id) }.allSatisfy {
        $0.leftOn! <= SchoolDate(year: 2027, month: 8, day: 31)!
      })
    #expect(Scratch.snapshot(dir).filter { $0.key.contains("/2026-27/") } == oldYear, "the old year is intact")
    let set = try CLI.run([
      "set", "--data", dir, "--pupil", stillHere[0], "--subject", "reading", "--year", "2026-27", "--half-term",
      "summer2", "--code", "G",
    ])
    #expect(set.status == 1 && set.err.contains("2026-27 is closed at oakfield"))
    let twice = try CLI.run(["rollover", "--data", dir, "--to", "2027-28"])
    #expect(twice.status == 1 && twice.err.contains("already has classes in 2027-28"))
  }

  /// A long import shows "Reading FILE: N of M" on stderr when stderr is a terminal (here the
  /// pseudo-terminal `script` gives it), and nothing when it is not.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func longImportsShowProgressOnlyOnATerminal() throws {
    let s = Scratch()
    let dir = try sample(s)
    var csv = "UPN,Surname,Forename,DOB\n"
    for i in 0..<3000 {
      csv +=
        "\(Self.upn(String(format: "8%011d", i + 10))),Sur\(i),Fore\(i),\(1 + i % 28)/\(1 + i % 12)/\(2016 + i % 7)\n"
    }
    let file = try write(s, "big.csv", Array(csv.utf8))
    let args = ["import", "roster", file, "--data", dir, "--school", "oakfield", "--dry-run"]
    let plain = try CLI.run(args, env: ["COHORT_PROGRESS_AFTER": "0"])
    #expect(plain.status == 0 && plain.err.isEmpty && plain.out.contains("Would import"))
    let command = ([CLI.binary] + args).map { "'\($0)'" }.joined(separator: " ") + " 2>&1 >/dev/null"
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    p.arguments = ["-qc", command, "/dev/null"]
    p.environment = ProcessInfo.processInfo.environment.merging(["COHORT_PROGRESS_AFTER": "0"]) { _, b in b }
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(text.contains("\rReading big.csv: ") && text.contains(" of 3000"), "\(text.prefix(200))")
  }
}
