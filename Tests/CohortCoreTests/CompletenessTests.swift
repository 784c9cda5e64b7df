import CohortTestSupport
import Foundation
import Testing

@testable import CohortCore

/// How much of a half-term is entered, counted by hand on a small school: two Y3 classes and
/// a Y4 class, a subject judged in Y4 only, a "not assessed" code and a leaver.
@Suite struct CompletenessTests {
  let scheme = Schemes.ygp
  let year = AcademicYear(startYear: 2026)
  let subjects = [
    Subject(id: "reading", name: "Reading"), Subject(id: "maths", name: "Maths"),
    Subject(id: "science", name: "Science", yearGroups: [YearGroup(4)]),
  ]
  var trust: Trust { Trust(id: "t", name: "Oak Trust", schools: [SchoolRef(id: "oak", name: "Oak Primary")]) }
  var names: ScopeNames {
    ScopeNames(
      trust: trust,
      classes: [
        ClassInfo(id: "oak-3a", school: "oak", name: "3A", yearGroups: [YearGroup(3)], teachers: ["Ms Patel"]),
        ClassInfo(id: "oak-3b", school: "oak", name: "3B", yearGroups: [YearGroup(3)], teachers: ["Mr Jones"]),
        ClassInfo(id: "oak-4", school: "oak", name: "Year 4", yearGroups: [YearGroup(4)]),
      ])
  }

  func record(_ id: String, _ classID: String, _ group: Int, left: Bool = false, _ codes: [HalfTerm: [String: String]])
    -> PupilRecord
  {
    var p = Pupil(id: id, forename: id, surname: "S", dob: SchoolDate(iso: "2018-01-01")!)
    if left { p.leftOn = SchoolDate(iso: "2026-10-01")! }
    var r = PupilRecord(pupil: p, school: "oak", classID: classID, yearGroup: YearGroup(group))
    for (half, values) in codes {
      for (s, c) in values { r.codes[s, at: HalfTermRef(year, half)] = c }
    }
    return r
  }

  var analysis: Analysis {
    Analysis(
      records: [
        record("a", "oak-3a", 3, [.autumn1: ["reading": "G", "maths": "G"], .autumn2: ["reading": "G"]]),
        record("b", "oak-3a", 3, [.autumn1: ["reading": "Y", "maths": "N"]]),
        record("c", "oak-3b", 3, [.autumn1: ["reading": "G", "maths": "G"]]),
        record("d", "oak-3b", 3, [.autumn1: ["reading": "G"]]),
        record("e", "oak-3b", 3, left: true, [:]),
        record("f", "oak-4", 4, [.autumn1: ["reading": "G", "maths": "G", "science": "G"], .autumn2: ["maths": "Y"]]),
      ], scheme: scheme)
  }

  @Test func countsWhatIsExpectedOfEachClassAndWhoIsBehind() throws {
    let c = analysis.completeness(.school("oak"), subjects: subjects, names: names, at: HalfTermRef(year, .autumn1))
    // Reading: a, b, c, d, f (the leaver e is not chased); maths the same; science Y4's f only.
    #expect(c.subjects.map(\.subject) == ["reading", "maths", "science"])
    #expect(c.subjects.map(\.expected) == [5, 5, 1])
    // A "not assessed" code is entered: only d's maths is missing.
    #expect(c.subjects.map(\.entered) == [5, 4, 1])
    #expect((c.entered, c.expected, c.percent) == (10, 11, 90))
    let maths = try #require(c.subjects.first { $0.subject == "maths" })
    #expect(maths.words == "Maths: 4 of 5 entered")
    #expect(maths.behind.map(\.className) == ["3B"])
    #expect(maths.behind[0].words == "3B (Mr Jones): 1 of 2 entered")
    #expect(c.subjects[0].behind.isEmpty)
    // Asked of a Y3 class, science is not listed at all.
    let y3 = analysis.completeness(
      .schoolClass("oak-3a"), subjects: subjects, names: names, at: HalfTermRef(year, .autumn1))
    #expect(y3.subjects.map(\.subject) == ["reading", "maths"] && y3.expected == 4)
  }

  @Test func theLaterHalfTermWithTheMostMissingIsListedBehindMostFirst() {
    let c = analysis.completeness(.school("oak"), subjects: subjects, names: names, at: HalfTermRef(year, .autumn2))
    #expect(c.subjects[0].words == "Reading: 1 of 5 entered")
    // 3B misses two, 3A one, Year 4 one: most first, then by name.
    #expect(c.subjects[0].behind.map(\.className) == ["3B", "3A", "Year 4"])
    #expect(c.subjects[0].behind[2].words == "Year 4 (no teacher set): 0 of 1 entered")
  }

  @Test func aScopeOpensOnTheLatestMostlyEnteredHalfTerm() {
    let a = analysis
    let spring = HalfTermRef(year, .spring1)
    let o = a.opening(.school("oak"), subjects: subjects, names: names, upTo: spring, threshold: 80)
    // Spring 1: nothing; Autumn 2: 2 of 11; Autumn 1: 10 of 11 (90%).
    #expect(o.when == HalfTermRef(year, .autumn1) && o.mostlyEntered && o.completeness.percent == 90)
    // Nothing is 95% entered: the half-term with the largest share, said to be not mostly entered.
    let strict = a.opening(.school("oak"), subjects: subjects, names: names, upTo: spring, threshold: 95)
    #expect(strict.when == HalfTermRef(year, .autumn1) && !strict.mostlyEntered)
    // Nothing entered at all: the latest half-term asked about.
    let empty = Analysis(records: [record("z", "oak-3a", 3, [:])], scheme: scheme)
      .opening(.school("oak"), subjects: subjects, names: names, upTo: spring, threshold: 80)
    #expect(empty.when == spring && !empty.mostlyEntered)
  }

  /// Each part's entered and expected in one pass are what asking the part itself gives.
  @Test func eachPartsCountsInOnePassAreThePartsOwn() {
    let a = analysis
    for (half, key) in [(HalfTerm.autumn1, RecordKey.schoolClass), (.autumn2, .schoolClass), (.autumn2, .yearGroup)] {
      let when = HalfTermRef(year, half)
      for subject in subjects {
        let parts = a.entered(.school("oak"), by: key, subject: subject, names: names, at: when)
        for id in ["oak-3a", "oak-3b", "oak-4", "3", "4"] {
          guard let part = ScopeNames.scope(key, id, under: .school("oak")) else { continue }
          let own = a.completeness(part, subjects: [subject], names: names, at: when)
          let got = parts[id]
          #expect(got?.entered ?? 0 == own.entered && got?.expected ?? 0 == own.expected, "\(id) \(subject.id)")
        }
      }
    }
    // 3B at Autumn 2: c and d expected (e has left), neither entered.
    let reading = a.entered(
      .school("oak"), by: .schoolClass, subject: subjects[0], names: names, at: HalfTermRef(year, .autumn2))
    #expect(reading["oak-3b"]?.entered == 0 && reading["oak-3b"]?.expected == 2)
  }

  @Test func scopesAndPartsAreNamedNotNumbered() {
    let n = names
    #expect(n.name(of: .schoolClass("oak-3b")) == "3B, Oak Primary")
    #expect(n.name(of: .yearGroup(school: "oak", YearGroup(3))) == "Year 3, Oak Primary")
    #expect(n.name(of: .yearGroup(school: nil, YearGroup(3))) == "Year 3 across Oak Trust")
    #expect(n.name(of: .trust) == "Oak Trust" && n.name(of: .pupils(["a"])) == "1 pupil")
    #expect(n.names(for: .schoolClass)["oak-4"] == "Year 4" && n.names(for: .school)["oak"] == "Oak Primary")
  }
}

@Suite struct TrustSettingsTests {
  @Test func olderTrustFilesGetTheDefaultsAndKeepTheirBytes() throws {
    let old = #"{"format":4,"id":"t","name":"T"}"#
    let t = try JSONDecoder().decode(Trust.self, from: Data(old.utf8))
    #expect(t.mostlyEnteredPercent == 80 && t.minimumGroupSize == 5)
    let encoded = String(decoding: try JSONEncoder().encode(t), as: UTF8.self)
    #expect(!encoded.contains("mostlyEntered") && !encoded.contains("minimumGroupSize"))
    var changed = t
    _ = try changed.setMostlyEntered(percent: 70, at: 10)
    _ = try changed.setMinimumGroupSize(10, at: 10)
    let back = try JSONDecoder().decode(Trust.self, from: try JSONEncoder().encode(changed))
    #expect(back.mostlyEnteredPercent == 70 && back.minimumGroupSize == 10)
    #expect(throws: InputError.self) { try changed.setMostlyEntered(percent: 0, at: 11) }
    #expect(throws: InputError.self) { try changed.setMinimumGroupSize(0, at: 11) }
  }

  @Test func theNewerSettingWinsAMerge() throws {
    var a = Trust(id: "t", name: "T")
    var b = a
    _ = try a.setMostlyEntered(percent: 70, at: 100)
    _ = try b.setMostlyEntered(percent: 90, at: 200)
    _ = try a.setMinimumGroupSize(8, at: 300)
    for m in [a.merged(with: b), b.merged(with: a)] {
      #expect(m.mostlyEnteredPercent == 90 && m.minimumGroupSize == 8)
    }
  }
}
