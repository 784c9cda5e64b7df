import CohortTestSupport
import Testing

@testable import CohortCore

@Suite struct CTFReaderTests {
  func full(_ version: String) -> CTFFixture {
    var f = CTFFixture(version: version)
    f.pupils = [
      .init(
        upn: CTFFixture.upn(1), surname: "Khan", forename: "Amira", dob: "2016-03-14", sex: "F",
        preferredForename: "Mira", ncYear: "4", firstLanguage: "URD", ethnicity: "APKN",
        fsm: [("2020-09-01", "2022-03-31")], sen: [("2021-01-05", "K"), ("2023-09-01", "E")],
        results: [
          ("FS", 2021, "GLD", "TA", nil, "Y"), ("KS1", 2022, "PHO", "TT", "MARK", "34"),
          ("KS1", 2023, "ENG", "TA", "READ", "EXS"), ("KS2", 2026, "MAT", "TT", "MTC", "23"),
        ],
        extra: "      <Attendance><SessionsPossible>300</SessionsPossible></Attendance>\n      <FutureThing a='1'/>\n"),
      .init(
        upn: CTFFixture.upn(2), surname: "O'Neill", forename: "Sean", dob: "2016-11-02", sex: "M", firstLanguage: "ENG"),
      .init(upn: nil, surname: "Nowak", forename: "Zofia", dob: "2017-01-30", sex: nil),
    ]
    return f
  }

  @Test(arguments: ["17.0", "18.0", "19.1", "21.0", "23.0", "24.0", "25.2", "26.0"])
  func readsEveryVersionWithAndWithoutOptionalParts(version: String) throws {
    let (header, file) = try CTFReader.read(full(version).bytes)
    #expect(header.version == version && header.sourceSchool == "Oak & Ash Primary")
    #expect(file.problems.isEmpty, "\(file.problems)")
    #expect(file.entries.count == 3)
    let amira = file.entries[0]
    #expect(amira.upn?.value == CTFFixture.upn(1))
    #expect(amira.forename == "Mira" && amira.legalForename == "Amira" && amira.surname == "Khan")
    #expect(amira.dob == SchoolDate(year: 2016, month: 3, day: 14) && amira.sex == .female)
    #expect(amira.yearGroup == YearGroup(4) && amira.eal == true && amira.ethnicity == "APKN")
    #expect(amira.send == .ehcPlan, "the latest SEN record wins")
    #expect(amira.fsm == false && amira.ever6FSM == true)
    let table = try StatutoryFixture.dfe()
    #expect(amira.results.map { table.read($0).kind } == ["eyfs-gld", "phonics", "ks1-reading-ta", "mtc"])
    #expect(
      table.read(amira.results[1]).summary == "Phonics screening check 2022: 34 of 40 (met: the threshold was 32)")
    let sean = file.entries[1]
    #expect(sean.sex == .male && sean.eal == false && sean.send == nil && sean.fsm == nil && sean.results.isEmpty)
    // Without the optional parts nothing is claimed: nil leaves Cohort's value as it is.
    let zofia = file.entries[2]
    #expect(zofia.upn == nil && zofia.sex == nil && zofia.eal == nil && zofia.yearGroup == nil)
  }

  @Test func refusesFilesThatAreNotACTFItCanRead() throws {
    func message(_ bytes: [UInt8]) -> String {
      do {
        _ = try CTFReader.read(bytes)
        return "read"
      } catch let e as InputError { return e.message } catch { return "\(error)" }
    }
    var old = full("24.0")
    old.version = "16.0"
    #expect(message(old.bytes).contains("Cohort reads versions 17 and later"))
    var wrongRoot = full("24.0")
    wrongRoot.root = "ATfile"
    #expect(message(wrongRoot.bytes).contains("root element is <ATfile>, not <CTfile>"))
    let text = full("24.0").xml
    // Cut at the end of a line half-way through: every element still open.
    let half = Array(text.utf8.prefix(text.utf8.count / 2))
    let cut = Array(half.prefix(through: half.lastIndex(of: 0x0A)!))
    #expect(message(cut).contains("truncated"))
    #expect(message([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]).contains("not an XML file"))
    #expect(message(Array("UPN,Surname\n".utf8)).contains("not an XML file"))
  }

  @Test func refusesEachBadPupilByLineAndReadsTheRest() throws {
    var f = full("24.0")
    f.pupils[0].dob = "2016-02-31"
    f.pupils[1].upn = CTFFixture.wrongCheck(CTFFixture.upn(2))
    f.pupils.append(.init(upn: CTFFixture.upn(9), surname: "Lee", forename: "Ann", dob: "2016-05-05"))
    f.pupils.append(.init(upn: CTFFixture.upn(9), surname: "Lee", forename: "Bo", dob: "2016-05-05"))
    f.pupils.append(
      .init(
        upn: CTFFixture.upn(10), surname: "Poe", forename: "Al", dob: "2016-05-05",
        results: [("KS2", 0, "RDG", "TT", nil, "101")]))
    let (_, file) = try CTFReader.read(f.bytes)
    #expect(file.entries.map(\.surname) == ["Nowak"])
    let reasons = file.problems.map(\.reason)
    #expect(file.problems.count == 5)
    #expect(reasons[0].contains("<DOB> '2016-02-31' is not a date"))
    #expect(reasons[1].contains("check letter"))
    #expect(reasons[2].contains("UPN \(CTFFixture.upn(9)) is also on line"))
    #expect(reasons[3].contains("UPN \(CTFFixture.upn(9)) is also on line"))
    #expect(reasons[4].contains("no valid <Year>"))
    let lines = f.xml.split(separator: "\n", omittingEmptySubsequences: false)
    for p in file.problems { #expect(lines[p.line - 1].contains("<Pupil>"), "line \(p.line) is a <Pupil>") }
  }

  @Test func xmlReaderHandlesTheCornersAndNamesTheLine() throws {
    let doc = try XMLReader.parse(
      Array(
        "\u{FEFF}<?xml version='1.0'?>\n<!DOCTYPE x>\n<a k=\"v &amp; w\"><b>&lt;1&gt; &#233;&#x41;</b><![CDATA[<raw>]]><!-- c --><c/></a>"
          .utf8))
    #expect(doc.name == "a" && doc.attributes["k"] == "v & w" && doc.line == 3)
    #expect(doc.value("b") == "<1> éA" && doc.text == "<raw>" && doc.child("c") != nil)
    func message(_ s: String) -> String {
      do {
        _ = try XMLReader.parse(Array(s.utf8))
        return "parsed"
      } catch let e as InputError { return e.message } catch { return "\(error)" }
    }
    #expect(message("<a>\n<b></a>") == "line 2: </a> closes <b>, opened on line 2")
    #expect(message("<a>&bogus;</a>").contains("unknown entity"))
    #expect(message("<a></a><b/>").contains("text after the root element"))
    #expect(message("").contains("no element"))
    // Found by fuzzing Foundation's XMLParser (Swift 6.3.1, Linux): an element name that is not
    // UTF-8 crashes it in its start-element callback. This reader refuses the file instead.
    let bytes: [UInt8] = [0x3C, 0x61, 0x2D, 0xFF, 0xFF, 0xFF, 0xFF, 0x2F, 0x3E, 0x61, 0x3E, 0x61]
    #expect(throws: InputError("not an XML file: the text is not UTF-8")) { try XMLReader.parse(bytes) }
    #expect(message(String(repeating: "<a>", count: 100)).contains("nested more than"))
  }
}
