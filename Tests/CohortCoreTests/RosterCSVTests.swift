import CohortTestSupport
import Foundation
import Testing

@testable import CohortCore

@Suite struct RosterCSVTests {
  let u1 = CTFFixture.upn(1)
  let u2 = CTFFixture.upn(2)

  /// The columns of a SIMS "Student List" report saved as CSV (legal and preferred names,
  /// Reg Group, flags as T/F, SEN status codes).
  var sims: String {
    """
    UPN,Legal Surname,Legal Forename,Preferred Surname,Preferred Forename,Date of Birth,Gender,Year,Reg Group,FSM Eligible,Ever 6 FSM,Pupil Premium Indicator,SEN Status,First Language,Ethnicity
    \(u1),Khan,Amira,Khan,Mira,14/03/2016,F,Year 4,4O,T,T,T,K,Urdu,APKN
    \(u2),O'Neill,Sean,,,02/11/2016,M,Year 4,4O,F,F,F,N,English,WIRI\r
    ,Nowak,Zofia,,,30/01/2017,F,Year 3,3A,F,F,F,E,Polish,WPOL

    """
  }

  /// Arbor's student export: "First name"/"Last name", words for values, ISO dates.
  var arbor: String {
    """
    "Last name","First name","Legal first name","Legal last name","Date of birth","Sex","UPN","Year","Registration form","Pupil Premium","FSM","SEN status","EAL"
    "Khan","Mira","Amira","Khan","2016-03-14","Female","\(u1)","Year 4","4 Oak","Yes","Yes","SEN Support","Yes"
    "O'Neill","Sean","Sean","O'Neill","2 Nov 2016","Male","\(u2)","Year 4","4 Oak","No","No","No Special Educational Need","No"

    """
  }

  @Test func readsSIMSAndArborExportsAlike() throws {
    let s = try RosterCSV.read(sims)
    let a = try RosterCSV.read(arbor)
    #expect(s.problems.isEmpty && a.problems.isEmpty, "\(s.problems) \(a.problems)")
    for (file, cls) in [(s, "4O"), (a, "4 Oak")] {
      let mira = file.entries[0]
      #expect(mira.upn?.value == u1 && mira.forename == "Mira" && mira.legalForename == "Amira")
      #expect(mira.surname == "Khan" && mira.legalSurname == nil)
      #expect(mira.dob == SchoolDate(year: 2016, month: 3, day: 14) && mira.sex == .female)
      #expect(mira.yearGroup == YearGroup(4) && mira.className == cls)
      #expect(mira.pupilPremium == true && mira.fsm == true && mira.send == .support && mira.eal == true)
      let sean = file.entries[1]
      #expect(sean.dob == SchoolDate(year: 2016, month: 11, day: 2) && sean.sex == .male && sean.eal == false)
      #expect(sean.send == SENDStatus.none && sean.fsm == false && sean.surname == "O'Neill")
    }
    #expect(s.entries[2].upn == nil && s.entries[2].send == .ehcPlan && s.entries[2].ever6FSM == false)
    #expect(s.entries[0].ever6FSM == true && a.entries[0].ever6FSM == nil, "Arbor's file has no Ever 6 column")
  }

  /// A Bromcom student list saved by a spreadsheet set to semicolons, with Bromcom's words.
  @Test func readsABromcomExportWithSemicolons() throws {
    let text = """
      Student ID;UPN;Legal Surname;Legal Forename;Preferred Forename;DOB;Gender;Year Group;Tutor Group;Pupil Premium;Free School Meals;SEN Status;Home Language;Ethnicity
      10234;\(u1);Khan;Amira;Mira;14-Mar-2016;Female;Y4;4K;Yes;No;EHCP;Urdu;APKN

      """
    let f = try RosterCSV.read(text)
    #expect(f.problems.isEmpty, "\(f.problems)")
    let e = try #require(f.entries.first)
    #expect(e.forename == "Mira" && e.legalForename == "Amira" && e.dob == SchoolDate(year: 2016, month: 3, day: 14))
    #expect(e.yearGroup == YearGroup(4) && e.className == "4K" && e.send == .ehcPlan && e.eal == true)
    #expect(e.pupilPremium == true && e.fsm == false && e.sex == .female)
    #expect(f.notes == ["columns not imported: Student ID"])
  }

  /// Excel's "Unicode Text": UTF-16 with a byte-order mark, tabs between columns.
  @Test func readsUTF16TabSeparatedText() throws {
    let text = "UPN\tSurname\tForename\tDOB\n\(u1)\tBrontë\tZoë\t14/03/2016\n"
    var data = Data([0xFF, 0xFE])
    for unit in text.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    let (decoded, note) = CSVReader.decode(data)
    #expect(note?.contains("UTF-16") == true)
    let e = try #require(try RosterCSV.read(decoded).entries.first)
    #expect(e.surname == "Brontë" && e.forename == "Zoë" && e.upn?.value == u1)
  }

  @Test func refusesBadRowsOneMessageEachWithTheLine() throws {
    let text = """
      UPN,Surname,Forename,DOB,Gender,SEN
      \(u1),Khan,Amira,31/02/2016,F,N
      \(CTFFixture.wrongCheck(u2)),Lee,Ann,01/02/2016,F,N
      \(u2),Lee,Bo,01/02/2016,X,N
      \(CTFFixture.upn(5)),Poe,Al,01/02/2016,M,Q
      \(CTFFixture.upn(6)),Dup,One,01/02/2016,M,N
      \(CTFFixture.upn(6)),Dup,Two,01/02/2016,M,N
      ,Fine,Row,01/02/2016,,

      """
    let f = try RosterCSV.read(text)
    #expect(f.entries.map(\.surname) == ["Fine"])
    let byLine = Dictionary(uniqueKeysWithValues: f.problems.map { ($0.line, $0.reason) })
    #expect(byLine.count == 6)
    #expect(byLine[2] == "Amira Khan: date of birth '31/02/2016' is not a date")
    #expect(byLine[3]?.contains("check letter") == true)
    #expect(byLine[4] == "gender 'X' is not M or F")
    #expect(byLine[5]?.contains("SEN status 'Q'") == true)
    #expect(byLine[6]?.contains("also on line 7") == true && byLine[7]?.contains("also on line 6") == true)
  }

  @Test func refusesFilesThatCannotBeARoster() throws {
    func message(_ text: String, mapping: [RosterCSV.Field: String] = [:]) -> String {
      do {
        _ = try RosterCSV.read(text, mapping: mapping)
        return "read"
      } catch let e as InputError { return e.message } catch { return "\(error)" }
    }
    #expect(message("UPN,Surname,Forename,DOB,upn\n") == "line 1: columns 1 and 5 are both called 'upn': remove one")
    #expect(message("").contains("the file is empty"))
    #expect(message("UPN,Score\nA,1\n").contains("needs columns for surname, forename and date of birth"))
    #expect(message("Family,Given,Born\n", mapping: [.surname: "Nope"]).contains("the file has none"))
    let mapped = try RosterCSV.read(
      "Family,Given,Born,Tutor Grp\nKhan,Amira,14/03/2016,4O\n",
      mapping: [.surname: "Family", .forename: "Given", .dob: "Born", .className: "Tutor Grp"])
    #expect(mapped.entries.first?.className == "4O" && mapped.entries.first?.surname == "Khan")
  }
}
