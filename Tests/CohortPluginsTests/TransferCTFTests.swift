import CohortCore
import CohortPluginKit
import CohortStore
import CohortTestSupport
import Foundation
import Testing

@testable import CohortPlugins

/// The transfer CTF: the chosen pupils only, the header as published, SEN with its start date,
/// statutory results as received and no teacher judgements; read back and validated against
/// the schema in Tests/ctf (issue 16, item 5).
@Suite struct TransferCTFTests {
  static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ctf/transfer.xsd").path
  static let xmllint = "/usr/bin/xmllint"
  /// 1 December 2026: 2026-27, so version 26.0.
  let now = Date(timeIntervalSince1970: 1_796_083_200)

  /// xmllint --schema's verdict and what it said.
  static func validate(_ xml: Data, in dir: String) throws -> (ok: Bool, said: String) {
    let file = dir + "/out-\(UUID().uuidString).xml"
    try xml.write(to: URL(fileURLWithPath: file))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: xmllint)
    p.arguments = ["--noout", "--schema", schema, file]
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus == 0, said)
  }

  /// The sample with oakfield's DfE numbers set, and a deferred pupil with SEN, ethnicity and
  /// statutory results imported from the MIS's CTF.
  func folder() throws -> (SampleFolder, Pupil) {
    let s = try SampleFolder()
    try TrustSetup(folder: s.folder).editSchool("oakfield", urn: "100001", la: "202", estab: "3614")
    var f = CTFFixture(version: "26.0")
    f.pupils = [
      .init(
        upn: CTFFixture.upn(9001), surname: "Hill", forename: "Ava", dob: "2016-07-20", ncYear: "5", ethnicity: "WBRI",
        sen: [("2024-09-04", "K")],
        results: [("KS1", 2023, "PHO", "TT", nil, "35"), ("KS2", 2026, "MAT", "TT", "MTC", "24")])
    ]
    let preview = try CTFImporter().preview(
      ImportRequest(
        folder: s.folder, trust: try s.folder.loadTrust(), registry: s.registry, data: Data(f.bytes),
        fileName: "mis.xml", options: ["school": "oakfield"]))
    try preview.apply(to: s.folder)
    return (s, try #require(try s.folder.loadRoster("oakfield").pupils.first { $0.surname == "Hill" }))
  }

  func request(_ s: SampleFolder, _ options: [String: String]) throws -> ExportRequest {
    ExportRequest(
      folder: s.folder, scheme: try s.registry.codeScheme(for: try s.folder.loadTrust()), year: s.year,
      options: ["school": "oakfield"].merging(options) { _, b in b }, now: now)
  }

  @Test func theChosenPupilsOnlyReadBackAsTheyLeft() throws {
    let (s, ava) = try folder()
    #expect(ava.senStart == SchoolDate(iso: "2024-09-04"))
    let other = try #require(try s.folder.loadRoster("oakfield").pupils.first { $0.leftOn == nil && $0.id != ava.id })
    let r = try request(s, ["pupils": "\(ava.upn!),\(other.upn!.lowercased())", "to-la": "202", "to-estab": "2001"])
    let data = try CTFExporter().export(r)
    let (header, file) = try CTFReader.read(Array(data))
    #expect(header.version == "26.0" && header.academicYear == s.year && header.sourceSchool != nil)
    #expect((header.sourceLA, header.sourceEstab, header.sourceURN) == ("202", "3614", "100001"))
    #expect((header.destLA, header.destEstab) == ("202", "2001"))
    #expect(file.problems.isEmpty && file.notes.isEmpty && file.entries.map(\.upn?.value) == [ava.upn, other.upn])
    let back = file.entries[0]
    #expect(back.yearGroup == YearGroup(5), "the MIS's year group, not the age year")
    #expect(back.send == .support && back.senStart == ava.senStart && back.ethnicity == "WBRI")
    #expect(back.results == (try s.folder.loadStatutory("oakfield")?.pupils[ava.id]), "as received")
    // Cohort's own half-termly codes are no statutory result.
    let code = try s.registry.codeScheme(for: try s.folder.loadTrust()).id
    #expect(!file.entries.flatMap(\.results).contains { $0.resultQualifier == code || $0.method == "TA" })
    #expect(!String(decoding: data, as: UTF8.self).contains("autumn1"))
    let lines = try CTFExporter().preview(r)
    #expect(
      lines[0] == "CTF 26.0 from \(header.sourceSchool!) (LA 202, establishment 3614) to LA 202, establishment 2001")
    #expect(lines[1].hasPrefix("2 pupils: Ava Hill (\(ava.upn!))"))
    #expect(
      lines[2].hasPrefix("personal fields that leave: UPN, surname, forename, date of birth, sex, NC year (2 pupils)"))
    #expect(
      lines[2].contains("SEN provision and its start date (1 pupil)")
        && lines[2].contains("statutory results (2 results)"))
    #expect(lines[3].contains("half-termly teacher judgements (they are not statutory results)"))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: xmllint)))
  func theFileValidatesAgainstTheSchemaAndTheSchemaHasTeeth() throws {
    let (s, ava) = try folder()
    let unknown = try CTFExporter().export(try request(s, ["pupils": ava.upn!]))
    #expect(
      String(decoding: unknown, as: UTF8.self).contains("<DestSchool><LEA>XXX</LEA><Estab>XXXX</Estab></DestSchool>"))
    let verdict = try Self.validate(unknown, in: s.path)
    #expect(verdict.ok, "\(verdict.said)")
    // DfE's own MTC file has the same structure.
    let mtc = CTFFixture.mtc([(ava.upn!, "Hill", "Ava", "2016-07-20", "F", "24")])
    #expect(try Self.validate(Data(mtc.utf8), in: s.path).ok)
    // Without DestSchool, or with an NC year no CTF has, the schema refuses it.
    let text = String(decoding: unknown, as: UTF8.self)
    let noDest = text.replacingOccurrences(of: "<DestSchool><LEA>XXX</LEA><Estab>XXXX</Estab></DestSchool>", with: "")
    #expect(!(try Self.validate(Data(noDest.utf8), in: s.path).ok))
    let badYear = text.replacingOccurrences(
      of: "<NCyearActual>5</NCyearActual>", with: "<NCyearActual>Y5</NCyearActual>")
    #expect(!(try Self.validate(Data(badYear.utf8), in: s.path).ok))
  }

  /// DfE numbers a CTF by the academic year it is written in: a new version every September.
  @Test(arguments: [("2025-10-01", "25.0"), ("2026-08-31", "25.0"), ("2026-09-01", "26.0"), ("2027-09-15", "27.0")])
  func theVersionIsTheYearItIsWrittenIn(day: String, version: String) {
    #expect(CTFTransfer.version(at: SchoolDate(iso: day)!) == version)
  }

  @Test func badChoicesAreOneLineAndWriteNothing() throws {
    let (s, ava) = try folder()
    func message(_ options: [String: String]) -> String {
      do {
        _ = try CTFExporter().export(try request(s, options))
        return "written"
      } catch let e as InputError { return e.message } catch { return "\(error)" }
    }
    #expect(message([:]).contains("name them with --pupils"))
    #expect(message(["pupils": CTFFixture.upn(4242)]).contains("no pupil at oakfield has UPN \(CTFFixture.upn(4242))"))
    #expect(message(["pupils": ava.upn!, "to-la": "999", "to-estab": "1234"]).contains("--to-la 999 is not a DfE"))
    #expect(message(["pupils": ava.upn!, "to-estab": "1234"]).contains("needs --to-la"))
    #expect(message(["pupils": ava.upn!, "to-la": "202", "to-estab": "12"]).contains("--to-estab 12"))
    try TrustSetup(folder: s.folder).editSchool("oakfield", la: "", estab: "")
    #expect(message(["pupils": ava.upn!]).contains("LA code and establishment number are not set"))
  }
}
