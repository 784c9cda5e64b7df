import CohortCore
import CohortTestSupport
import Testing

@testable import CohortSample

@Suite struct SampleTrustTests {
  static let scheme = Schemes.ygp

  var options: SampleOptions {
    var o = SampleOptions(endYear: AcademicYear(startYear: 2026), through: .autumn1)
    o.years = 2
    return o
  }

  func make(_ i: Int, _ o: SampleOptions? = nil) -> SampleSchool {
    SampleTrust.school(i, options: o ?? options, scheme: Self.scheme, subjects: Subject.defaults)
  }

  @Test func sameSeedSameSchoolDifferentSeedDifferentSchool() {
    let a = make(0)
    let b = make(0)
    #expect(a.roster == b.roster && a.school == b.school && a.classYears == b.classYears)
    var other = options
    other.seed = 2
    #expect(make(0, other).roster != a.roster)
  }

  @Test func schoolsHaveDistinctShortIDs() {
    var o = options
    o.schools = 90
    let ids = SampleTrust.trust(o).schools.map(\.id)
    #expect(Set(ids).count == 90)
    #expect(ids.allSatisfy(isSafeID))
    #expect(ids[0] == "oakfield")
  }

  @Test func pupilsAreRealisticAndConsistent() throws {
    let s = make(1)
    let current = s.roster.pupils.filter { $0.leftOn == nil }
    #expect((180...215).contains(current.count), "\(current.count) on roll")
    let n = Double(current.count)
    func share(_ f: (Pupil) -> Bool) -> Double { Double(current.filter(f).count) / n }
    #expect((0.15...0.36).contains(share { $0.pupilPremium }))
    #expect((0.08...0.24).contains(share { $0.send == .support }))
    #expect((0.0...0.08).contains(share { $0.send == .ehcPlan }))
    #expect((0.12...0.32).contains(share { $0.eal }))
    for p in s.roster.pupils {
      #expect(try UPN(p.upn!).isTemporary == false)
    }
    #expect(Set(s.roster.pupils.compactMap(\.upn)).count == s.roster.pupils.count)
    #expect(Set(s.roster.pupils.map(\.id)).count == s.roster.pupils.count)
  }

  @Test func classesMatchDatesOfBirthAndInfantClassesHoldAtMost30() throws {
    for i in 0..<4 {
      let s = make(i)
      let pupils = Dictionary(uniqueKeysWithValues: s.roster.pupils.map { ($0.id, $0) })
      for year in options.academicYears {
        let classes = s.school.classes(in: year)
        #expect(!classes.isEmpty)
        var seen = Set<String>()
        for c in classes {
          let doc = try #require(s.classYears.first { $0.classID == c.id && $0.year == year })
          if c.yearGroups.allSatisfy({ $0.number <= 2 }) { #expect(doc.pupils.count <= 30) }
          for id in doc.pupils {
            let p = try #require(pupils[id])
            #expect(c.yearGroups.contains(p.yearGroup(in: year)), "\(id) in \(c.id)")
            #expect(seen.insert(id).inserted)
          }
        }
      }
    }
    #expect(make(3).school.classes(in: AcademicYear(startYear: 2026)).contains { $0.yearGroups.count == 2 })
  }

  @Test func judgementsFillEveryHalfTermUpToThroughAndStayCorrelated() throws {
    let s = make(0)
    var same = 0
    var total = 0
    var bands: [CommonBand: Int] = [:]
    for doc in s.classYears {
      for id in doc.pupils {
        for subject in Subject.defaults {
          var previous: String?
          for half in HalfTerm.allCases {
            let code = doc.code(pupil: id, subject: subject.id, halfTerm: half)
            if doc.year.startYear == 2026 && half > .autumn1 {
              #expect(code == nil)
              continue
            }
            let c = try #require(code)
            if let b = Self.scheme.band(of: c) { bands[b, default: 0] += 1 }
            if let previous {
              total += 1
              if previous == c { same += 1 }
            }
            previous = c
          }
        }
      }
    }
    let stay = Double(same) / Double(total)
    #expect((0.75...0.97).contains(stay), "kept their code \(stay)")
    let all = Double(bands.values.reduce(0, +))
    #expect((0.15...0.40).contains(Double(bands[.below, default: 0]) / all))
    #expect((0.05...0.25).contains(Double(bands[.above, default: 0]) / all))
  }

  @Test func asOfLeavesTheCurrentHalfTermToEnter() {
    let o = SampleOptions.asOf(SchoolDate(iso: "2026-11-29")!)
    #expect(o.endYear == AcademicYear(startYear: 2026) && o.through == .autumn1)
    let sept = SampleOptions.asOf(SchoolDate(iso: "2026-09-10")!)
    #expect(sept.endYear == AcademicYear(startYear: 2025) && sept.through == .summer2)
  }
}
