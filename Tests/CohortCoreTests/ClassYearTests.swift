import Foundation
import Testing

@testable import CohortCore

@Suite struct ClassYearTests {
  let year = AcademicYear(startYear: 2026)
  let a = Author(by: "Ms A", device: "laptop-a")
  let b = Author(by: "Mr B", device: "laptop-b")

  func doc() -> ClassYear { ClassYear(school: "oak", classID: "oak-y3", year: year, pupils: ["p1", "p2", "p3"]) }

  @Test func aLaterEditWinsEvenWithinTheSameMillisecond() {
    var d = doc()
    d.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a, at: 1000)
    let old = d
    d.set("Y", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a, at: 1000)
    #expect(d.code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == "Y")
    #expect(d.merged(with: old).code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == "Y")
    #expect(old.merged(with: d).code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == "Y")
  }

  @Test func differentCellsFromTwoCopiesBothSurvive() {
    var one = doc()
    var two = doc()
    one.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a, at: 10)
    two.set("P", pupil: "p2", subject: "maths", halfTerm: .autumn1, by: b, at: 5)
    let m = one.merged(with: two)
    #expect(m.code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == "G")
    #expect(m.code(pupil: "p2", subject: "maths", halfTerm: .autumn1) == "P")
  }

  @Test func aClearedCellBeatsAnOlderCode() {
    var one = doc()
    one.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a, at: 10)
    var two = one
    two.set(nil, pupil: "p1", subject: "reading", halfTerm: .autumn1, by: b, at: 20)
    #expect(one.merged(with: two).code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == nil)
    #expect(two.merged(with: one).cell(pupil: "p1", subject: "reading", halfTerm: .autumn1)?.at == 20)
  }

  @Test func sameTimeConflictsResolveTheSameWayEverywhere() {
    var one = doc()
    var two = doc()
    one.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a, at: 50)
    two.set("Y", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: b, at: 50)
    #expect(one.merged(with: two).cells == two.merged(with: one).cells)
  }

  /// Property: merging any set of versions in any order gives the same cells.
  @Test func mergeIsCommutativeAssociativeAndIdempotent() {
    var rng = SystemRandomNumberGenerator()
    let authors = [a, b, Author(by: "Ms C", device: "laptop-a")]
    for _ in 0..<200 {
      var versions: [ClassYear] = []
      for _ in 0..<4 {
        var d = doc()
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
          d.set(
            ["G", "Y", "P", nil].randomElement(using: &rng)!,
            pupil: ["p1", "p2", "p3", "p4"].randomElement(using: &rng)!,
            subject: ["reading", "maths"].randomElement(using: &rng)!,
            halfTerm: [.autumn1, .autumn2].randomElement(using: &rng)!,
            by: authors.randomElement(using: &rng)!, at: Int64.random(in: 1...6, using: &rng))
        }
        versions.append(d)
      }
      let forward = versions.dropFirst().reduce(versions[0]) { $0.merged(with: $1) }
      let shuffled = versions.shuffled(using: &rng)
      let other = shuffled.dropFirst().reduce(shuffled[0]) { $0.merged(with: $1) }
      #expect(forward.cells == other.cells)
      #expect(Set(forward.pupils) == Set(other.pupils))
      #expect(forward.merged(with: forward) == forward)
      let grouped = versions[0].merged(with: versions[1].merged(with: versions[2].merged(with: versions[3])))
      #expect(grouped.cells == forward.cells)
    }
  }

  @Test func changesListWhatDiffers() {
    var old = doc()
    old.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a, at: 1)
    var new = old
    new.set("Y", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a, at: 2)
    new.set("P", pupil: "p2", subject: "reading", halfTerm: .autumn1, by: a, at: 3)
    let changes = new.changes(since: old)
    #expect(changes.count == 2)
    #expect(changes[0].old?.code == "G" && changes[0].new.code == "Y")
    #expect(changes[1].old == nil && changes[1].new.code == "P")
  }
}

@Suite struct DocumentCodingTests {
  @Test func classYearRoundTripsThroughItsCompactLayout() throws {
    var d = ClassYear(
      school: "oak", classID: "oak-y3", year: AcademicYear(startYear: 2026), pupils: ["p1", "p2", "p3"])
    d.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: Author(by: "A", device: "x"), at: 7)
    d.set(nil, pupil: "p3", subject: "reading", halfTerm: .autumn1, by: Author(by: "B", device: "y"), at: 9)
    d.set("Y", pupil: "p2", subject: "maths", halfTerm: .summer2, by: Author(by: "A", device: "x"), at: 8)
    let data = try JSONEncoder().encode(d)
    let back = try JSONDecoder().decode(ClassYear.self, from: data)
    #expect(back == d)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"codes\":[\"G\",null,null]"))
  }

  @Test func misalignedArraysAreRejectedWithTheReason() throws {
    let json = """
      {"format":1,"school":"oak","class":"c","year":"2026-27","pupils":["p1","p2"],"authors":[],
       "judgements":{"reading":{"autumn1":{"codes":["G"],"by":[0],"at":[1]}}}}
      """
    #expect {
      try JSONDecoder().decode(ClassYear.self, from: Data(json.utf8))
    } throws: { error in
      "\(error)".contains("one entry per pupil")
    }
  }

  @Test func partialAndOlderDocumentsDecodeWithDefaults() throws {
    let pupil = try JSONDecoder().decode(
      Pupil.self, from: Data(#"{"id":"p1","forename":"Amira","surname":"Khan","dob":"2018-03-14"}"#.utf8))
    #expect(pupil.send == .none && pupil.sex == .unknown && !pupil.pupilPremium && pupil.upn == nil)
    let trust = try JSONDecoder().decode(Trust.self, from: Data(#"{"format":1,"id":"t","name":"T"}"#.utf8))
    #expect(trust.subjects.map(\.id) == ["reading", "writing", "maths"])
    #expect(trust.codeScheme == "ygp")
    let doc = try JSONDecoder().decode(
      ClassYear.self, from: Data(#"{"format":1,"school":"oak","class":"c","year":"2026-27"}"#.utf8))
    #expect(doc.pupils.isEmpty && doc.cells.isEmpty)
    let school = try JSONDecoder().decode(School.self, from: Data(#"{"format":1,"id":"oak","name":"Oak"}"#.utf8))
    #expect(school.classes.isEmpty)
  }

  @Test func rawValuesOnDiskNeverChange() {
    #expect(HalfTerm.allCases.map(\.rawValue) == ["autumn1", "autumn2", "spring1", "spring2", "summer1", "summer2"])
    #expect(SENDStatus.allCases.map(\.rawValue) == ["N", "K", "E"])
    #expect(Sex.allCases.map(\.rawValue) == ["F", "M", "U"])
    #expect(CommonBand.allCases.map(\.rawValue) == ["below", "at", "above"])
  }
}
