import CohortCore
import CohortPluginKit
import CohortServices
import Foundation
import Testing

@testable import CohortPlugins

/// The table of pupils to look at: its rows, their order of concern, since when each reason
/// has held, the latest score, and its count beside the n it is out of.
@Suite struct PupilsToLookAtTests {
  let year = AcademicYear(startYear: 2026)
  let registry = BuiltInPlugins.registry()
  var scheme: CodeScheme { registry.codeScheme(id: "ygp")! }
  var spring1: HalfTermRef { HalfTermRef(year, .spring1) }

  func record(
    _ surname: String, fsm: Bool = false, left: Bool = false, codes: [HalfTermRef: String] = [:],
    scores: [TermRef: Int] = [:], school: String = "oak"
  ) -> PupilRecord {
    var p = Pupil(
      id: surname.lowercased(), forename: "Sam", surname: surname, dob: SchoolDate(iso: "2018-03-01")!, fsm: fsm)
    if left { p.leftOn = SchoolDate(iso: "2026-12-01")! }
    var r = PupilRecord(pupil: p, school: school, classID: "\(school)-3a", yearGroup: YearGroup(3))
    for (when, code) in codes { r.codes["reading", at: when] = code }
    for (term, score) in scores { r.scores["nfer-reading", at: term] = score }
    return r
  }

  var records: [PupilRecord] {
    let (a1, a2, s1) = (HalfTermRef(year, .autumn1), HalfTermRef(year, .autumn2), spring1)
    let summer2 = HalfTermRef(year.previous, .summer2)
    return [
      record("Adams", codes: [summer2: "Y", a1: "Y", a2: "Y", s1: "Y"], scores: [TermRef(year, .autumn): 80]),
      record(
        "Brown", fsm: true, codes: [s1: "Y"],
        scores: [TermRef(year.previous, .spring): 99, TermRef(year, .autumn): 75]),
      record("Clark", codes: [a2: "Y", s1: "Y"]),
      record("Davis", codes: [a2: "P", s1: "G"]),
      record("Evans"),  // nothing entered: not a reason to look at anyone
      record("Fox", left: true, codes: [s1: "Y"]),  // a leaver: neither flagged nor counted
      record("Grant", codes: [s1: "G"], scores: [TermRef(year.previous, .summer): 110, TermRef(year, .autumn): 90]),
      record("Green", fsm: true, codes: [s1: "Y"], scores: [TermRef(year, .autumn): 70]),
    ]
  }

  func table(group: PupilGroup = .everyone) -> PupilsToLookAt {
    let trust = Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak Primary")])
    let names = ScopeNames(
      trust: trust, classes: [ClassInfo(id: "oak-3a", school: "oak", name: "3A", yearGroups: [YearGroup(3)])])
    let context = FlagContext(
      scheme: scheme, subjects: [Subject(id: "reading", name: "Reading")], tests: registry.tests, at: spring1, steps: 1)
    return PupilsToLookAt.build(
      Analysis(records: records, scheme: scheme), scope: .school("oak"), group: group, context: context,
      rules: registry.flagRules, names: names)
  }

  @Test func rowsAreInOrderOfConcernWithSinceWhenAndTheLatestScore() {
    let t = table()
    #expect(
      t.rows.map { "\($0.name.split(separator: " ").last!) \($0.rule)" } == [
        "Adams flag.falling-behind", "Clark flag.falling-behind", "Green flag.falling-behind",
        "Brown flag.falling-behind", "Grant flag.score-dropped", "Davis flag.dropped-band",
      ])
    // Adams has been below since last summer: the walk back crosses the year.
    #expect(t.rows[0].since == HalfTermRef(year.previous, .summer2))
    #expect(PupilsToLookAt.since(t.rows[0].since, now: spring1) == "Summer 2 2025-26")
    #expect(t.rows[1].since == HalfTermRef(year, .autumn2) && t.rows[2].since == spring1)
    // Same rule and since: the lower latest score first (Green 70, Brown 75, this year's).
    #expect(t.rows[2].latestScore == 70 && t.rows[3].latestScore == 75)
    #expect(t.rows[3].latestTest == "NFER-style reading Autumn")
    #expect(t.rows[1].latestScore == nil)
    #expect(t.rows[4].reason.contains("fell 20 points (110 to 90)") && t.rows[4].since == HalfTermRef(year, .autumn1))
    #expect(t.rows.allSatisfy { $0.className == "3A" && $0.schoolName == "Oak Primary" && $0.subjectName == "Reading" })
    #expect((t.flagged, t.outOf) == (6, 7) && t.words == "Pupils to look at: 6 of 7")
  }

  @Test func aGroupFiltersTheTableAndItsN() {
    let t = table(group: PupilGroup(with: [.disadvantaged]))
    #expect(t.rows.map(\.name) == ["Sam Green", "Sam Brown"])
    #expect((t.flagged, t.outOf) == (2, 2))
  }

  /// A trust's table is each school's rows merged in order of concern: a screenful of it is the
  /// start of the whole table, its counts are the whole table's, and the same records asked
  /// about another half-term answer for that half-term (each school's rows are kept per load).
  @Test func aTrustsTableIsTheSchoolsRowsMergedInOrder() {
    let (a1, a2, s1) = (HalfTermRef(year, .autumn1), HalfTermRef(year, .autumn2), spring1)
    let elm = [
      record("Ash", codes: [a1: "Y", a2: "Y", s1: "Y"], school: "elm"),
      record("Birch", codes: [s1: "Y"], scores: [TermRef(year, .autumn): 72], school: "elm"),
      record("Cedar", codes: [a2: "P", s1: "G"], school: "elm"),
    ]
    let trust = Trust(
      id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak Primary"), SchoolRef(id: "elm", name: "Elm")])
    let names = ScopeNames(
      trust: trust,
      classes: ["oak", "elm"].map { ClassInfo(id: "\($0)-3a", school: $0, name: "3A", yearGroups: [YearGroup(3)]) })
    let analysis = Analysis(records: records + elm, scheme: scheme)
    func table(at: HalfTermRef, limit: Int? = nil) -> PupilsToLookAt {
      PupilsToLookAt.build(
        analysis, scope: .trust,
        context: FlagContext(
          scheme: scheme, subjects: [Subject(id: "reading", name: "Reading")], tests: registry.tests, at: at, steps: 1),
        rules: registry.flagRules, names: names, limit: limit)
    }
    let whole = table(at: spring1)
    #expect(whole.rows.count == 9 && whole.rowCount == 9 && (whole.flagged, whole.outOf) == (9, 10))
    // Schools interleave, in the order of concern across both.
    #expect(
      whole.rows.map(\.pupil) == ["adams", "ash", "clark", "green", "birch", "brown", "grant", "cedar", "davis"])
    for limit in [1, 4, 9, 20] {
      let screen = table(at: spring1, limit: limit)
      #expect(screen.rows.map(\.pupil) == whole.rows.prefix(limit).map(\.pupil))
      #expect(screen.rowCount == 9 && screen.flagged == 9)
    }
    let autumn2 = table(at: a2)
    let fresh = PupilsToLookAt.build(
      Analysis(records: records + elm, scheme: scheme), scope: .trust,
      context: FlagContext(
        scheme: scheme, subjects: [Subject(id: "reading", name: "Reading")], tests: registry.tests, at: a2, steps: 1),
      rules: registry.flagRules, names: names)
    #expect(autumn2.rows == fresh.rows && autumn2.rowCount < whole.rowCount)
    // One school of the same load: its own rows only.
    #expect(
      PupilsToLookAt.build(
        analysis, scope: .school("elm"),
        context: FlagContext(
          scheme: scheme, subjects: [Subject(id: "reading", name: "Reading")], tests: registry.tests, at: spring1,
          steps: 1), rules: registry.flagRules, names: names
      ).rows.map(\.pupil) == ["ash", "birch", "cedar"])
  }
}
