import CohortTestSupport
import Testing

@testable import CohortCore

/// The gap table against a recount made pupil by pupil from the groups' own definitions, and
/// its suppression at the trust's minimum.
@Suite struct GapTableTests {
  let scheme = Schemes.ygp
  let when = HalfTermRef(AcademicYear(startYear: 2026), .autumn2)

  /// 120 pupils in two schools and three year groups with characteristics and codes from a
  /// fixed pattern (so that groups are of every size, some under five).
  var records: [PupilRecord] {
    (0..<120).map { i in
      let school = i % 3 == 0 ? "elm" : "oak"
      let group = 3 + i % 3
      let p = Pupil(
        id: "p\(i)", forename: "F", surname: "S\(i)", dob: SchoolDate(year: 2018, month: 1 + i % 12, day: 1)!,
        sex: i % 2 == 0 ? .female : .male, fsm: i % 5 == 0, send: i % 17 == 0 ? .support : .none, eal: i % 7 == 0)
      var r = PupilRecord(pupil: p, school: school, classID: "\(school)-y\(group)", yearGroup: YearGroup(group))
      let codes = ["Y", "G", "G", "P", "N", "G", "Y"]
      if i % 11 != 0 { r.codes["reading", at: when] = codes[(i * 5 + i / 7) % codes.count] }
      return r
    }
  }

  var names: ScopeNames {
    ScopeNames(
      trust: Trust(
        id: "t", name: "Oak Trust",
        schools: [SchoolRef(id: "oak", name: "Oak Primary"), SchoolRef(id: "elm", name: "Elm")]),
      classes: [])
  }

  /// At or above among the assessed pupils of a part, counted one by one.
  func recount(_ rs: [PupilRecord], _ t: PupilGroup.Trait, inGroup: Bool) -> (n: Int, at: Int) {
    let side = rs.filter { PupilGroup(with: [t]).contains($0) == inGroup }
    let bands = side.compactMap { $0.code("reading", at: when).flatMap(scheme.band(of:)) }
    return (bands.count, bands.filter { $0 != .below }.count)
  }

  @Test(arguments: [AnalysisScope.trust, .school("oak")])
  func everyCellMatchesARecountAndSmallSidesAreSuppressed(scope: AnalysisScope) throws {
    let all = records
    let a = Analysis(records: all, scheme: scheme)
    let t = a.gapTable(scope, subject: Subject(id: "reading", name: "Reading"), at: when, names: names, minimum: 5)
    #expect(t.groups == GapTable.standardGroups.map(\.rawValue))
    let level: RecordKey = scope == .trust ? .school : .yearGroup
    let expectedKeys = Set(all.filter { scope.contains($0) }.map { level.value(of: $0) })
    #expect(t.rows[0].key == "" && Set(t.rows.dropFirst().map(\.key)) == expectedKeys)
    var suppressed = 0
    for row in t.rows {
      let part = all.filter { scope.contains($0) && (row.key.isEmpty || level.value(of: $0) == row.key) }
      for (g, trait) in GapTable.standardGroups.enumerated() {
        let c = row.cells[g]
        let (inside, rest) = (recount(part, trait, inGroup: true), recount(part, trait, inGroup: false))
        #expect((c.groupN, c.restN) == (inside.n, rest.n), "\(row.name) \(trait)")
        if inside.n < 5 || rest.n < 5 {
          suppressed += 1
          #expect(c.suppressed && c.points == nil && c.groupPercent == nil, "\(row.name) \(trait)")
          continue
        }
        let gap = 100 * Double(inside.at) / Double(inside.n) - 100 * Double(rest.at) / Double(rest.n)
        #expect(!c.suppressed && abs(c.points! - gap) < 1e-9, "\(row.name) \(trait)")
        // The same number as the analysis's own gap for the part.
        let partScope = row.key.isEmpty ? scope : ScopeNames.scope(level, row.key, under: scope)!
        let same = try #require(a.gap(partScope, group: PupilGroup(with: [trait]), subject: "reading", at: when))
        #expect(abs(same.points - c.points!) < 1e-9)
      }
    }
    #expect(suppressed > 0, "the pattern has small groups")
    #expect(t.rows.map(\.name).first == (scope == .trust ? "Oak Trust" : "Oak Primary"))
  }

  @Test func aHigherMinimumSuppressesMoreAndWordsGiveBothSides() throws {
    let a = Analysis(records: records, scheme: scheme)
    let reading = Subject(id: "reading", name: "Reading")
    let low = a.gapTable(.trust, subject: reading, at: when, names: names, minimum: 1)
    let high = a.gapTable(.trust, subject: reading, at: when, names: names, minimum: 30)
    let count = { (t: GapTable) in t.rows.flatMap(\.cells).filter(\.suppressed).count }
    #expect(count(low) < count(high))
    let c = try #require(high.rows[0].cells.first { $0.suppressed })
    #expect(high.words(c).hasPrefix("fewer than 30 pupils on one side ("))
    let shown = try #require(low.rows[0].cells.first { !$0.suppressed })
    #expect(low.words(shown).hasSuffix("(\(shown.groupN) against \(shown.restN) pupils)"))
    #expect(GapTable.points(-0.4) == "0" && GapTable.points(-12.5) == "-13" && GapTable.points(4.2) == "+4")
  }
}
