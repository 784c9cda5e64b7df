import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation
import Testing

@testable import CohortPlugins

@Suite struct AnalysisOnSampleTests {
  /// The analysis of a generated trust against a brute-force recount straight from the documents.
  @Test func bandCountsMatchABruteForceRecount() throws {
    let s = try SampleFolder(schools: 3)
    let trust = try s.folder.loadTrust()
    let scheme = try s.registry.codeScheme(for: trust)
    let when = HalfTermRef(s.year, .autumn1)
    let a = Analysis(records: try AnalysisLoader.load(s.folder, trust: trust, year: s.year), scheme: scheme)
    for subject in trust.subjects.map(\.id) {
      for school in trust.schools {
        var counts: [String: Int] = [:]
        var n = 0
        let sch = try s.folder.loadSchool(school.id)
        for c in sch.classes(in: s.year) {
          let doc = try s.folder.loadClassYear(school: school.id, classID: c.id, year: s.year)
          for p in doc.pupils {
            n += 1
            if let code = doc.code(pupil: p, subject: subject, halfTerm: .autumn1), let band = scheme.band(of: code) {
              counts[band.rawValue, default: 0] += 1
            }
          }
        }
        let summary = a.bands(.school(school.id), subject: subject, at: when)
        #expect(summary.bands == counts, "\(school.id) \(subject)")
        #expect(summary.n == n)
      }
    }
  }

  /// Counts read from the analysis's columns (built once, kept) equal counts made pupil by
  /// pupil with the group's and the scope's own definitions, for every trait, negated or not,
  /// at every level; asked twice, so that the second answer comes from columns already built.
  @Test func countsFromColumnsMatchPupilByPupil() throws {
    let s = try SampleFolder(schools: 2)
    let trust = try s.folder.loadTrust()
    let scheme = try s.registry.codeScheme(for: trust)
    let when = HalfTermRef(s.year, .autumn2)
    let records = try AnalysisLoader.load(s.folder, trust: trust, year: s.year)
    let a = Analysis(records: records, scheme: scheme)
    let school = trust.schools[1].id
    let someClass = try #require(records.first { $0.school == school }?.classID)
    let scopes: [AnalysisScope] = [
      .trust, .school(school), .yearGroup(school: nil, YearGroup(4)), .yearGroup(school: school, YearGroup(2)),
      .schoolClass(someClass), .pupils(records.prefix(7).map(\.pupil.id)), .school("no-such-school"),
    ]
    let groups =
      [PupilGroup.everyone] + PupilGroup.Trait.allCases.flatMap { [PupilGroup(with: [$0]), PupilGroup(without: [$0])] }
      + [PupilGroup(with: [.female, .disadvantaged], without: [.highPrior])]
    for _ in 0..<2 {
      for scope in scopes {
        for group in groups {
          let prior: (PupilRecord) -> CommonBand? = { r in
            r.code("reading", at: HalfTermRef(s.year, .autumn1)).flatMap(scheme.band(of:))
          }
          let mine = records.filter { scope.contains($0) && group.contains($0, prior: prior) }
          var bands: [String: Int] = [:]
          for r in mine {
            if let band = r.code("reading", at: when).flatMap(scheme.band(of:)) {
              bands[band.rawValue, default: 0] += 1
            }
          }
          let summary = a.bands(scope, group: group, subject: "reading", at: when)
          #expect(summary.n == mine.count, "\(scope) \(group)")
          #expect(summary.bands == bands, "\(scope) \(group)")
          #expect(summary.empty == mine.filter { $0.code("reading", at: when) == nil }.count)
        }
      }
      let bySchool = a.breakdown(.trust, by: .school, subject: "maths", at: when)
      #expect(bySchool.map(\.0) == trust.schools.map(\.id).sorted())
      for (id, summary) in bySchool {
        #expect(summary == a.bands(.school(id), subject: "maths", at: when))
      }
    }
  }

  /// A view of one school, year group or class reads that school's documents only, and its
  /// pupils, codes and figures are the same as the whole trust's for that scope.
  @Test func aScopeWithinOneSchoolReadsThatSchoolOnly() throws {
    let s = try SampleFolder(schools: 3)
    let trust = try s.folder.loadTrust()
    let all = try AnalysisLoader.load(s.folder, trust: trust, year: s.year)
    let school = trust.schools[1].id
    let someClass = try #require(all.first { $0.school == school }?.classID)
    let scopes: [(AnalysisScope, Set<String>)] = [
      (.school(school), [school]), (.yearGroup(school: school, YearGroup(3)), [school]),
      (.schoolClass(someClass), [school]), (.yearGroup(school: nil, YearGroup(3)), Set(trust.schools.map(\.id))),
      (.pupils([all[0].pupil.id]), Set(trust.schools.map(\.id))),
    ]
    for (scope, schools) in scopes {
      let (records, names) = try AnalysisLoader.loadWithNames(s.folder, trust: trust, year: s.year, within: scope)
      #expect(Set(records.map(\.school)) == schools, "\(scope)")
      let mine = records.filter(scope.contains)
      #expect(!mine.isEmpty, "\(scope)")
      #expect(mine.map(\.pupil.id) == all.filter(scope.contains).map(\.pupil.id), "\(scope)")
      #expect(mine.map(\.codes) == all.filter(scope.contains).map(\.codes), "\(scope)")
      // Every school's classes are still named (breadcrumbs, the other schools' names).
      #expect(names.name(of: .schoolClass(someClass)) != someClass)
    }
  }

  @Test func flagRulesGiveReasonsAndCanBeSwitchedOff() throws {
    let s = try SampleFolder(schools: 1)
    var trust = try s.folder.loadTrust()
    let scheme = try s.registry.codeScheme(for: trust)
    let records = try AnalysisLoader.load(s.folder, trust: trust, year: s.year)
    let context = FlagContext(
      scheme: scheme, subjects: trust.subjects, tests: [], at: HalfTermRef(s.year, .autumn1), steps: 1)
    let registry = BuiltInPlugins.registry(for: s.folder, trust: trust)
    #expect(
      registry.flagRules.map(\.id) == [
        "flag.falling-behind", "flag.score-dropped", "flag.dropped-band", "flag.disagreement",
      ], "most concerning first, and no rule for a code not yet entered")
    let flags = records.flatMap { r in registry.flagRules.flatMap { $0.flags(for: r, in: context) } }
    let behind = flags.filter { $0.rule == "flag.falling-behind" }
    #expect(!behind.isEmpty && behind.allSatisfy { $0.reason.contains("below the year's expectations") })
    // Every pupil coded Y in reading is flagged, and nobody else for reading.
    let y = records.filter { $0.code("reading", at: HalfTermRef(s.year, .autumn1)) == "Y" }.count
    #expect(behind.filter { $0.subject == "reading" }.count == y)
    trust.disabledPlugins = ["flag.falling-behind"]
    let off = BuiltInPlugins.registry(for: s.folder, trust: trust)
    #expect(!off.flagRules.contains { $0.id == "flag.falling-behind" })
    #expect(off.flagRules.contains { $0.id == "flag.dropped-band" })
  }
}

@Suite struct FlagSettingsTests {
  /// A trust raises a threshold by dropping a data plugin in its folder.
  @Test func aTrustPluginSetsThresholds() throws {
    let s = try SampleFolder(schools: 1)
    let trust = try s.folder.loadTrust()
    let plugin = """
      {"format":1,"manifest":{"api":1,"id":"trust.flag-thresholds","name":"Our thresholds","version":"1","provides":["flag-rule"]},
       "flagSettings":{"flag.dropped-band":{"bands":2}}}
      """
    let url = URL(fileURLWithPath: s.path + "/plugins/flags.json")
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(plugin.utf8).write(to: url)
    let registry = BuiltInPlugins.registry(for: s.folder, trust: trust)
    #expect(registry.flagSettings["flag.dropped-band"]?["bands"] == 2)
    let scheme = try registry.codeScheme(for: trust)
    let records = try AnalysisLoader.load(s.folder, trust: trust, year: AcademicYear(startYear: 2025))
    let at = HalfTermRef(AcademicYear(startYear: 2025), .spring1)
    let rule = try #require(registry.flagRules.first { $0.id == "flag.dropped-band" })
    let plain = FlagContext(scheme: scheme, subjects: trust.subjects, tests: [], at: at, steps: 1)
    let strict = FlagContext(
      scheme: scheme, subjects: trust.subjects, tests: [], at: at, steps: 1, settings: registry.flagSettings)
    let one = records.flatMap { rule.flags(for: $0, in: plain) }.count
    let two = records.flatMap { rule.flags(for: $0, in: strict) }.count
    #expect(one > 0)
    #expect(two < one)
  }
}
