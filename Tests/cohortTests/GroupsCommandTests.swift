import Foundation
import Testing

/// `cohort show analysis --breakdown ethnicity`: DfE's main categories with n, groups of fewer
/// than five not shown (issue 16, item 7).
@Suite(.serialized) struct GroupsCommandTests {
  @Test func theEthnicityBreakdownNamesNAndSuppressesSmallGroups() throws {
    let s = Scratch()
    let dir = s.sub("trust")
    #expect(try CLI.run(["sample", "--data", dir] + CommandLineTests.sampleArgs).status == 0)
    let r = try CLI.run([
      "show", "analysis", "--data", dir, "--scope", "school:oakfield", "--year", "2026-27", "--half-term", "autumn1",
      "--breakdown", "ethnicity",
    ])
    #expect(r.status == 0, "\(r.err)")
    let lines = r.out.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("    White: ") && $0.contains(" pupils, ") })
    #expect(lines.contains { $0.hasSuffix("fewer than 5 pupils, not shown") })
    // Each group shown says how many pupils it is, in words; none is under five.
    let shown = lines.compactMap { $0.firstMatch(of: /^    [^:]+: ([0-9,]+) pupils?,/)?.1 }
    #expect(!shown.isEmpty)
    for n in shown { #expect(Int(n.replacing(",", with: ""))! >= 5, "\(n)") }
    #expect(!r.out.contains("n="), "words, not n=")
    #expect(!r.out.contains("WBRI") && !r.out.contains("APKN"), "categories, never codes")
    let json = try CLI.run([
      "show", "analysis", "--data", dir, "--scope", "school:oakfield", "--year", "2026-27", "--half-term", "autumn1",
      "--breakdown", "ethnicity", "--json",
    ])
    let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [[String: Any]]
    let groups = rows[0]["groups"] as! [[String: Any]]
    #expect(groups.allSatisfy { ($0["n"] as? Int).map { $0 >= 5 } ?? ($0["summary"] == nil) })
  }
}
