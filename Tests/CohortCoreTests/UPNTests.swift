import Testing

@testable import CohortCore

@Suite struct UPNTests {
  /// The byte check of a UPN as written agrees with the character rules on every spelling
  /// tried: valid ones, each wrong check letter, and every kind of wrong character.
  @Test func theByteCheckAgreesWithTheCharacterRules() {
    var spellings: [String] = []
    for body in ["801200005001", "30412345678A", "93600001234Z", "000000000000", "20110101010I", "2011010101O1"] {
      for first in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0a" { spellings.append(String(first) + body) }
    }
    spellings += [
      "B80120000500", "B8012000050011", "B80120000500é", "B8012X0005001", "b801200005001", "B801 200005001", "",
    ]
    for s in spellings {
      #expect(UPN.isValidAsWritten(s) == (UPN.problem(s) == nil), "\(s)")
    }
    #expect(spellings.filter(UPN.isValidAsWritten).count >= 4, "valid spellings were among them")
  }

  @Test func acceptsAPublishedValidUPNAndNormalises() throws {
    #expect(try UPN("B801200005001").value == "B801200005001")
    #expect(try UPN(" b801 2000 05001 ").value == "B801200005001")
    #expect(try UPN("B801200005001").isTemporary == false)
  }

  @Test func checkLetterMismatchNamesBothLetters() throws {
    let e = try #require(throws: InputError.self) { try UPN("A801200005001") }
    #expect(e.message.contains("'A'"))
    #expect(e.message.contains("'B'"))
  }

  @Test func temporaryUPNsEndInALetter() throws {
    let body = Array("80120000501") + ["A"]
    let check = try #require(UPN.checkLetter(body))
    let upn = try UPN(String(check) + String(body))
    #expect(upn.isTemporary)
  }

  @Test(arguments: ["I", "O", "S"])
  func neverEndsInIOrOOrS(last: String) throws {
    let e = try #require(throws: InputError.self) { try UPN("B80120000500" + last) }
    #expect(e.message.contains("I, O or S"))
  }

  @Test(arguments: [
    ("B80120000500", "13 characters"), ("B8012000050011", "13 characters"),
    ("B80120X005001", "character 7 must be a digit"),
    ("1801200005001", "check letter"),
  ])
  func eachFailureHasAReason(text: String, reason: String) throws {
    let e = try #require(throws: InputError.self) { try UPN(text) }
    #expect(e.message.contains(reason), "\(e.message)")
  }

  @Test func everyMistypedDigitIsCaught() throws {
    let good = Array("801200005001")
    let check = try #require(UPN.checkLetter(good))
    for i in good.indices {
      for d in "0123456789" where d != good[i] {
        var bad = good
        bad[i] = d
        #expect(throws: InputError.self) { try UPN(String(check) + String(bad)) }
      }
    }
  }
}

/// Characters 2-4 of a UPN are checked against DfE's list of LA codes (issue 16, item 6).
@Suite struct UPNLACodeTests {
  static func upn(_ digits: String) throws -> UPN { try UPN(String(UPN.checkLetter(Array(digits))!) + digits) }

  @Test func aKnownAuthorityPassesAndAnUnknownOneIsNamed() throws {
    let camden = try Self.upn("202361409001")
    #expect(camden.laCode == "202" && camden.laCodeProblem == nil && LACodes.name("202") == "Camden")
    let odd = try Self.upn("000361409001")
    #expect(odd.laCode == "000")
    #expect(odd.laCodeProblem == "UPN \(odd.value): characters 2-4 ('000') are not a DfE local authority code")
    #expect(try Self.upn("928361409001").laCodeProblem == nil, "a former authority's UPNs stay valid")
    #expect(try Self.upn("681361409001").laCodeProblem == nil, "Welsh UPNs carry Welsh codes")
  }

  @Test func theListIsDataWithItsSource() {
    #expect(LACodes.source.contains("Get Information about Schools"))
    #expect(LACodes.codes.count > 170 && LACodes.codes.allSatisfy { $0.count == 3 && Int($0) != nil })
    #expect(LACodes.codes == LACodes.codes.sorted() && Set(LACodes.codes).count == LACodes.codes.count)
  }
}
