import Foundation
import Testing

@testable import CohortCore

@Suite struct SchemeAndScoreTests {
  static let scheme = CodeScheme(
    id: "t", name: "Test",
    codes: [
      Code(id: "Y", key: "y", label: "Not yet", colour: "#F5C400", band: .below),
      Code(id: "G", key: "g", label: "Secure", colour: "#2E7D32", band: .at),
      Code(id: "P", key: "p", label: "Greater depth", colour: "#6A1B9A", band: .above),
      Code(id: "N", key: "n", label: "Not assessed", colour: "#9E9E9E", kind: .notAssessed, band: nil),
    ])

  @Test func bandOfACode() {
    #expect(Self.scheme.band(of: "Y") == .below)
    #expect(Self.scheme.band(of: "g") == .at)
    #expect(Self.scheme.band(of: "P") == .above)
    #expect(Self.scheme.band(of: "N") == nil)
    #expect(Self.scheme.band(of: "Q") == nil)
  }

  /// The quick path for untrimmed text answers exactly as trimming and folding case does,
  /// including a scheme whose ids differ only in case (the first one wins either way).
  @Test(arguments: ["Y", "y", " g", "G ", "\tP", "p\n", "N", "Q", "", " ", "Ｇ", "g\u{301}", "EXS", "exs"])
  func codeLookupMeansTheSameForAnyText(text: String) {
    let odd = CodeScheme(
      id: "odd", name: "Odd",
      codes: Self.scheme.codes + [
        Code(id: "g", key: "x", label: "Lower g", colour: "#000000", kind: .assessed, band: .above),
        Code(id: "Exs", key: "e", label: "Expected", colour: "#000000", kind: .assessed, band: .at),
      ])
    for scheme in [Self.scheme, odd] {
      let t = text.trimmingCharacters(in: .whitespaces).uppercased()
      #expect(scheme.code(id: text) == scheme.codes.first { $0.id.uppercased() == t })
    }
  }

  @Test func parseListsTheCodesWhenUnknown() throws {
    #expect(try Self.scheme.parse("p").id == "P")
    let e = try #require(throws: InputError.self) { try Self.scheme.parse("X") }
    #expect(e.message.contains("'X'") && e.message.contains("G (Secure)"))
    #expect(Self.scheme.code(forKey: "G")?.id == "G")
  }

  @Test func schemeProblemsAreFound() {
    var s = Self.scheme
    #expect(s.problems().isEmpty)
    s.codes.append(Code(id: "g", key: "x", label: "dup", colour: "#000000", band: .at))
    s.codes.append(Code(id: "Z", key: "y", label: "dup key", colour: "blue", band: .at))
    let p = s.problems()
    #expect(p.contains { $0.contains("appears twice") })
    #expect(p.contains { $0.contains("used twice") })
    #expect(p.contains { $0.contains("#RRGGBB") })
  }

  @Test func coloursPickReadableText() throws {
    #expect(try #require(RGB(hex: "#F5C400")).prefersDarkText)
    #expect(try #require(RGB(hex: "#6A1B9A")).prefersDarkText == false)
    #expect(RGB(hex: "#12345") == nil)
  }

  @Test(arguments: [(70.0, 2.3), (85.0, 15.9), (100.0, 50.0), (115.0, 84.1), (130.0, 97.7)])
  func percentileRankOfStandardisedScores(score: Double, expected: Double) {
    let p = StandardisedScale.percentile(of: score)
    #expect(abs(p - expected) < 0.05, "\(score) -> \(p)")
  }

  @Test func percentileIsMonotonic() {
    var last = -1.0
    for s in 60...150 {
      let p = StandardisedScale.percentile(of: Double(s))
      #expect(p > last)
      last = p
    }
  }

  @Test func csvQuotesAndDefusesFormulas() {
    #expect(CSV.line(["a", "b,c", "say \"hi\""]) == "a,\"b,c\",\"say \"\"hi\"\"\"\r\n")
    #expect(CSV.escape("=SUM(A1)") == "'=SUM(A1)")
    #expect(CSV.escape("-5") == "-5")
    #expect(CSV.escape("O'Brien") == "O'Brien")
  }

  @Test func slugsAreSafeIDs() {
    #expect(slug("St Mary's C of E Primary") == "st-marys-c-of-e-primary")
    #expect(isSafeID(slug("Year 3/4 B")))
    #expect(!isSafeID("../etc"))
    #expect(!isSafeID(".hidden"))
    #expect(!isSafeID(""))
  }
}
