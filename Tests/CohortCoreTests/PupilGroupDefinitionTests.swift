import Foundation
import Testing

@testable import CohortCore

/// Each group as DfE defines it: disadvantaged (FSM Ever 6, looked after, previously looked
/// after), service children apart, ethnicity by DfE's codes and main categories, small groups
/// suppressed (issue 16, item 7).
@Suite struct PupilGroupDefinitionTests {
  func pupil(_ id: String, _ change: (inout Pupil) -> Void = { _ in }) -> Pupil {
    var p = Pupil(id: id, forename: id, surname: "S", dob: SchoolDate(iso: "2018-05-01")!)
    change(&p)
    return p
  }

  func record(_ p: Pupil) -> PupilRecord {
    PupilRecord(pupil: p, school: "oak", classID: "oak-y3", yearGroup: YearGroup(3))
  }

  @Test func disadvantagedIsEver6LookedAfterOrPreviouslyLookedAfter() {
    #expect(pupil("a") { $0.ever6FSM = true }.isDisadvantaged)
    #expect(pupil("b") { $0.fsm = true }.isDisadvantaged, "FSM now is within the last six years")
    #expect(pupil("c") { $0.lookedAfter = true }.isDisadvantaged)
    #expect(pupil("d") { $0.previouslyLookedAfter = true }.isDisadvantaged)
    // The MIS's PP flag can include service children, whom DfE counts apart.
    let service = pupil("e") {
      $0.pupilPremium = true
      $0.serviceChild = true
    }
    #expect(!service.isDisadvantaged)
    #expect(!pupil("f").isDisadvantaged)
  }

  @Test func eachCharacteristicIsItsOwnGroup() throws {
    let service = record(
      pupil("s") {
        $0.serviceChild = true
        $0.pupilPremium = true
      })
    let pla = record(pupil("p") { $0.previouslyLookedAfter = true })
    let cla = record(pupil("c") { $0.lookedAfter = true })
    func has(_ text: String, _ r: PupilRecord) throws -> Bool { try PupilGroup.parse(text).contains(r) }
    #expect(try has("service-child", service) && !(try has("disadvantaged", service)))
    #expect(try has("pupil-premium", service) && (try has("pp", service)), "pp is the MIS's flag as it came")
    #expect(try has("previously-looked-after", pla) && (try has("disadvantaged", pla)))
    #expect(try has("looked-after", cla) && (try has("disadvantaged", cla)) && !(try has("looked-after", pla)))
    let a = Analysis(records: [service, pla, cla], scheme: CodeScheme(id: "x", name: "x", codes: []))
    let year = AcademicYear(startYear: 2026)
    #expect(a.indices(in: .trust, group: PupilGroup(with: [.disadvantaged]), subject: "reading", year: year) == [1, 2])
    #expect(a.indices(in: .trust, group: PupilGroup(with: [.serviceChild]), subject: "reading", year: year) == [0])
  }

  @Test func theNewFlagsAreLeftOutOfOldRostersAndReadBack() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let plain = String(decoding: try encoder.encode(pupil("a")), as: UTF8.self)
    #expect(!plain.contains("serviceChild") && !plain.contains("previouslyLookedAfter"))
    let flagged = pupil("b") {
      $0.serviceChild = true
      $0.previouslyLookedAfter = true
    }
    let text = String(decoding: try encoder.encode(flagged), as: UTF8.self)
    #expect(text.contains(#""previouslyLookedAfter":true"#) && text.contains(#""serviceChild":true"#))
    #expect(try JSONDecoder().decode(Pupil.self, from: Data(text.utf8)) == flagged)
  }

  @Test func ethnicityCodesRollUpToDfEsMainCategories() {
    #expect(EthnicityCodes.category(of: "WBRI") == "White" && EthnicityCodes.category(of: "weng") == "White")
    #expect(EthnicityCodes.category(of: "APKN") == "Asian" && EthnicityCodes.category(of: "MWBC") == "Mixed")
    #expect(EthnicityCodes.category(of: "BAFR") == "Black" && EthnicityCodes.category(of: "CHNE") == "Chinese")
    #expect(EthnicityCodes.category(of: "OOTH") == "Any other ethnic group")
    #expect(EthnicityCodes.category(of: "REFU") == "Unclassified" && EthnicityCodes.category(of: nil) == "Unclassified")
    #expect(
      EthnicityCodes.category(of: "WXYZ") == "Unclassified", "a code DfE does not list is not guessed from its letter")
    #expect(!EthnicityCodes.isKnown("WXYZ") && EthnicityCodes.isKnown("NOBT"))
    #expect(EthnicityCodes.code("White British") == "WBRI" && EthnicityCodes.code(" aind ") == "AIND")
    #expect(EthnicityCodes.source.contains("Common Basic Data Set"))
  }

  @Test func theEthnicityBreakdownShowsNAndSuppressesGroupsUnderFive() {
    let codes = Array(repeating: "WBRI", count: 4) + ["WENG", "WOTH"] + ["APKN", "AIND", "ABAN"] + [nil, "REFU"]
    let records = codes.enumerated().map { i, c in record(pupil("p\(i)") { $0.ethnicity = c }) }
    let scheme = CodeScheme(id: "x", name: "x", codes: [])
    let rows = Analysis(records: records, scheme: scheme).ethnicityBreakdown(
      .trust, subject: "reading", at: HalfTermRef(AcademicYear(startYear: 2026), .autumn1))
    #expect(rows.map(\.group) == ["White", "Asian", "Unclassified"])
    #expect(rows[0].n == 6 && rows[0].summary?.n == 6)
    #expect(rows[1].suppressed && rows[1].summary == nil && rows[2].suppressed)
  }
}
