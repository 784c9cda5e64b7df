import CohortCore
import CohortPluginKit
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

@Suite struct RosterImportTests {
  func request(_ s: SampleFolder, _ text: String, _ options: [String: String] = [:]) throws -> ImportRequest {
    ImportRequest(
      folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(text.utf8),
      fileName: "roster", options: ["school": "oakfield"].merging(options) { _, b in b })
  }

  func onRoll(_ s: SampleFolder) throws -> [Pupil] {
    try s.folder.loadRoster("oakfield").pupils.filter { $0.leftOn == nil }
  }

  static func dmy(_ d: SchoolDate) -> String { "\(d.day)/\(d.month)/\(d.year)" }

  /// The school's whole roster as a SIMS-style CSV, as the MIS would export it today.
  func csv(_ pupils: [Pupil], extra: [String] = []) -> String {
    var out = "UPN,Legal Surname,Legal Forename,Date of Birth,Gender,FSM Eligible,SEN Status\n"
    for p in pupils {
      out +=
        "\(p.upn ?? ""),\(p.surname),\(p.forename),\(Self.dmy(p.dob)),\(p.sex.rawValue),\(p.fsm ? "T" : "F"),\(p.send.rawValue)\n"
    }
    return out + extra.joined(separator: "\n") + "\n"
  }

  @Test func reimportingTheSameRosterChangesNothing() throws {
    let s = try SampleFolder()
    let pupils = try onRoll(s)
    let before = try s.folder.journalEntries().count
    let p = try RosterCSVImporter().preview(try request(s, csv(pupils)))
    #expect(p.changes.isEmpty && p.rejected.isEmpty && p.unchanged == pupils.count)
    #expect(p.isEmpty && p.documents.isEmpty && p.others.isEmpty)
    try p.apply(to: s.folder)
    #expect(try s.folder.journalEntries().count == before)
  }

  @Test func newChangedAndLeaversThenIdempotent() throws {
    let s = try SampleFolder()
    var pupils = try onRoll(s)
    let leaver = pupils.removeLast()
    pupils[0].fsm.toggle()
    let newUPN = String(UPN.checkLetter(Array("801000000077"))!) + "801000000077"
    let newRow = "\(newUPN),Newton,Isaac,03/02/2019,M,F,N"
    let text = csv(pupils, extra: [newRow])
    let judgementsBefore = try judgementsOf(leaver.id, s)
    #expect(judgementsBefore > 0)

    let dry = try RosterCSVImporter().preview(try request(s, text))
    #expect(dry.notes.contains { $0.contains("1 pupil in Cohort is not in the file") })
    let p = try RosterCSVImporter().preview(try request(s, text, ["leavers": "mark", "date": "20/07/2027"]))
    #expect(p.rejected.isEmpty, "\(p.rejected)")
    #expect(
      p.changes.contains {
        $0.contains("\(pupils[0].fullName) (\(pupils[0].id)): FSM: \(!pupils[0].fsm) -> \(pupils[0].fsm)")
      })
    #expect(p.changes.contains { $0.contains("new pupil Isaac Newton") })
    #expect(p.changes.contains { $0.contains("leaver: \(leaver.fullName) (\(leaver.id)): marked left on 2027-07-20") })
    try p.apply(to: s.folder)

    let roster = try s.folder.loadRoster("oakfield")
    #expect(roster.pupil(id: leaver.id)?.leftOn == SchoolDate(year: 2027, month: 7, day: 20))
    #expect(try judgementsOf(leaver.id, s) == judgementsBefore, "a leaver keeps every judgement")
    let isaac = try #require(roster.pupils.first { $0.upn == newUPN })
    let y3 = try s.folder.loadClassYear(school: "oakfield", classID: "oakfield-y3", year: s.year)
    #expect(y3.pupils.contains(isaac.id), "born February 2019: Year 3 in 2026-27, the only Year 3 class")
    let journal = try s.folder.journalEntries().filter { $0.event?.hasPrefix("CSV roster import") == true }
    #expect(journal.contains { $0.pupil == leaver.id && $0.event!.contains("left on 2027-07-20") })
    #expect(journal.contains { $0.pupil == isaac.id && $0.event!.contains("new pupil") })
    #expect(journal.allSatisfy { !$0.event!.contains(isaac.surname) }, "no names in the journal's words")

    let again = try RosterCSVImporter().preview(try request(s, text, ["leavers": "mark"]))
    #expect(again.changes.isEmpty && again.others.isEmpty && again.documents.isEmpty, "\(again.changes)")
    #expect(try s.folder.loadRoster("oakfield").pupils.count == roster.pupils.count, "no duplicates")
  }

  @Test func ambiguousNamesAreListedNeverGuessedAndNoLeaversWhileRowsFail() throws {
    let s = try SampleFolder()
    var roster = try s.folder.loadRoster("oakfield")
    var twin = roster.pupils[0]
    twin.id = "oakfield-9999"
    twin.upn = nil
    roster.pupils[0].upn = nil
    roster.pupils.append(twin)
    try s.folder.saveRoster(roster)
    let row = "UPN,Surname,Forename,DOB\n,\(twin.surname),\(twin.forename),\(Self.dmy(twin.dob))\n"
    let p = try RosterCSVImporter().preview(try request(s, row, ["leavers": "mark"]))
    #expect(p.rejected.count == 1)
    #expect(p.rejected[0].reason.contains("2 pupils in Cohort are called \(twin.forename) \(twin.surname)"))
    #expect(p.rejected[0].reason.contains("oakfield-9999"))
    #expect(
      p.notes.contains { $0.contains("leavers are not marked") } && !p.changes.contains { $0.hasPrefix("leaver") })
  }

  @Test func ctfImportKeepsStatutoryResultsAndAPreviewGoneStaleIsRefused() throws {
    let s = try SampleFolder()
    let p0 = try onRoll(s)[0]
    func ctf(_ mark: Int) -> String {
      """
      <CTfile><Header><CTFversion>25.0</CTFversion></Header><CTFpupilData>
      <Pupil><UPN>\(p0.upn!)</UPN><Surname>\(p0.surname)</Surname><Forename>\(p0.forename)</Forename><DOB>\(p0.dob)</DOB>
      <StageAssessments><KeyStage><Stage>KS2</Stage><StageAssessment><Year>2026</Year><Subject>MTC</Subject>
      <Method>TT</Method><Result>\(mark)</Result></StageAssessment></KeyStage></StageAssessments><Unknown>x</Unknown></Pupil>
      </CTFpupilData></CTfile>
      """
    }
    let p = try CTFImporter().preview(try request(s, ctf(24)))
    #expect(p.notes.first == "CTF version 25.0")
    #expect(p.changes == ["line 2: \(p0.fullName) (\(p0.id)): statutory results (1)"])
    // Another import lands between this preview and its import: this one saves nothing.
    try CTFImporter().preview(try request(s, ctf(20))).apply(to: s.folder)
    #expect(throws: StoreError.self) { try p.apply(to: s.folder) }
    #expect(try s.folder.loadStatutory("oakfield")?.pupils[p0.id]?.map(\.result) == ["20"])
    try CTFImporter().preview(try request(s, ctf(24))).apply(to: s.folder)
    let results = try #require(try s.folder.loadStatutory("oakfield")?.pupils[p0.id])
    #expect(
      results.map { s.registry.statutoryTable.read($0).summary } == ["Multiplication tables check 2026: 24 of 25"],
      "replaced, not added")
    let recorded = try s.folder.journalEntries().filter {
      $0.pupil == p0.id && $0.event == "CTF import: statutory results"
    }
    #expect(recorded.count == 2 && recorded.allSatisfy { $0.doc == DataFolder.statutoryPath("oakfield") })
    #expect(try CTFImporter().preview(try request(s, ctf(24))).isEmpty)
  }

  @Test func temporaryUPNsAreReplacedMistypedOnesRefusedAndMovesWithinTheTrustNoted() throws {
    let s = try SampleFolder()
    var roster = try s.folder.loadRoster("oakfield")
    let digits = "80100000001"
    let temporary = String(UPN.checkLetter(Array(digits + "A"))!) + digits + "A"
    let here = roster.pupils.indices.filter { roster.pupils[$0].leftOn == nil }
    roster.pupils[here[0]].upn = temporary
    try s.folder.saveRoster(roster)
    let (a, b, c) = (roster.pupils[here[0]], roster.pupils[here[1]], roster.pupils[here[2]])
    let permanent = String(UPN.checkLetter(Array(digits + "7"))!) + digits + "7"
    let other = try s.folder.loadRoster("riverside").pupils.first { $0.leftOn == nil }!
    let text = """
      UPN,Surname,Forename,DOB
      \(permanent),\(a.surname),\(a.forename),\(Self.dmy(a.dob))
      \(permanent.dropLast() + "8"),\(b.surname),\(b.forename),\(Self.dmy(b.dob))
      \(other.upn!),\(other.surname),\(other.forename),\(Self.dmy(other.dob))
      \(b.upn!),Someone,Else,01/01/2019
      \(c.upn!),\(c.surname),Renamed,\(Self.dmy(c.dob))

      """
    let fixed = text.replacingOccurrences(
      of: permanent.dropLast() + "8", with: String(UPN.checkLetter(Array(digits + "8"))!) + digits + "8")
    let p = try RosterCSVImporter().preview(try request(s, fixed))
    #expect(p.changes.contains("line 2: \(a.fullName) (\(a.id)): UPN: \(temporary) -> \(permanent)"))
    #expect(
      p.rejected.contains {
        $0.line == 5 && $0.reason.contains("UPN \(b.upn!) is \(b.fullName) born \(b.dob) in Cohort")
      })
    #expect(p.changes.contains("line 6: Renamed \(c.surname) (\(c.id)): forename: \(c.forename) -> Renamed"))
    let refused = try #require(p.rejected.first { $0.line == 3 })
    #expect(refused.reason.contains("Cohort has \(b.fullName) born \(b.dob) with UPN \(b.upn!)"))
    #expect(p.changes.contains { $0.hasPrefix("line 4: new pupil \(other.fullName)") })
    #expect(
      p.notes.contains(
        "line 4: UPN \(other.upn!) is also \(other.id) at riverside: if they moved within the trust, mark them left there"
      ))
  }

  @Test func aSavedMappingIsUsedForTheSchoolsNextExport() throws {
    let s = try SampleFolder()
    let p0 = try onRoll(s)[0]
    let text = "Pupil Ref,Family,Given,Born\n\(p0.upn!),\(p0.surname),\(p0.forename),\(Self.dmy(p0.dob))\n"
    #expect(throws: InputError.self) { try RosterCSVImporter().preview(try request(s, text)) }
    let map = "upn=Pupil Ref;surname=Family;forename=Given;dob=Born"
    let saved = try RosterCSVImporter().preview(try request(s, text, ["map": map, "save-map": "yes"]))
    #expect(saved.rejected.isEmpty && saved.changes == ["saved the column mapping for oakfield"])
    try saved.apply(to: s.folder)
    let next = try RosterCSVImporter().preview(try request(s, text))
    #expect(next.isEmpty && next.unchanged == 1 && next.rejected.isEmpty)
    #expect(throws: InputError.self) { try RosterCSVImporter().preview(try request(s, text, ["map": "nosuch=Family"])) }
  }

  @Test func theFolderCheckReadsStatutoryResultsAndNamesUnknownPupils() throws {
    let s = try SampleFolder()
    var results = StatutoryResults(school: "oakfield")
    results.merge(
      [StatutoryResult(stage: "KS2", year: 2026, subject: "MTC", method: "TT", result: "20")], for: "nobody")
    try s.folder.saveAll([], with: [try .statutory(results, base: nil, journal: [])])
    #expect(
      s.check().findings.map(\.description) == [
        "warning: schools/oakfield/statutory.json: results for pupil nobody, who is not on the school's roster"
      ])
    try Data("{".utf8).write(to: URL(fileURLWithPath: s.path + "/" + DataFolder.statutoryPath("oakfield")))
    #expect(s.check().findings.contains { $0.severity == .error && $0.path == DataFolder.statutoryPath("oakfield") })
  }

  func judgementsOf(_ pupil: String, _ s: SampleFolder) throws -> Int {
    let school = try s.folder.loadSchool("oakfield")
    var n = 0
    for y in school.years {
      for c in school.classes(in: y) {
        n += try s.folder.loadClassYear(school: "oakfield", classID: c.id, year: y).judgements.filter {
          $0.pupil == pupil
        }
        .count
      }
    }
    return n
  }
}
