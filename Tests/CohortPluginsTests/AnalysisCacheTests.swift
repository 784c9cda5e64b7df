import CohortCore
import CohortStore
import Foundation
import Testing

@testable import CohortServices

/// The derived cache of analysis loads: what comes back from it is what the documents say,
/// a changed, damaged or too recent document is read again, and nothing stays after an erasure.
@Suite struct AnalysisCacheTests {
  let s: SampleFolder
  let trust: Trust
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-cache-\(UUID().uuidString)").path
  /// No settling time: the sample was written a moment ago (the rule itself has its own test).
  var cache: DerivedCache {
    var c = DerivedCache(directory: dir)
    c.settleTime = 0
    return c
  }

  init() throws {
    s = try SampleFolder(schools: 2, meetings: false)
    trust = try s.folder.loadTrust()
    // Pupils who are not typical: taught outside their age year, on SEN support since a date,
    // no UPN, left mid-year, previously looked after, a service child.
    let school = trust.schools[0].id
    var roster = try s.folder.loadRoster(school)
    let first = try #require(try s.folder.loadSchool(school).classes(in: s.year).first)
    let members = try s.folder.loadClassColumns(school: school, classID: first.id, year: s.year).members
    for (n, id) in members.prefix(6).enumerated() {
      let i = try #require(roster.pupils.firstIndex { $0.id == id })
      var p = roster.pupils[i]
      switch n {
      case 0:
        p.ncYears = [
          s.year: p.yearGroup(in: s.year).number > 1 ? YearGroup(p.yearGroup(in: s.year).number - 1) : YearGroup(2)
        ]
      case 1: (p.send, p.senStart) = (.support, SchoolDate(year: 2025, month: 9, day: 8))
      case 2: p.upn = nil
      case 3: p.leftOn = SchoolDate(year: 2026, month: 10, day: 16)
      case 4: p.previouslyLookedAfter = true
      default: (p.serviceChild, p.ethnicity) = (true, nil)
      }
      roster.pupils[i] = p
    }
    try s.folder.saveRoster(roster)
  }

  func load(_ c: DerivedCache, history: Int = 1, within scope: AnalysisScope = .trust) throws
    -> (records: [PupilRecord], names: ScopeNames)
  {
    try AnalysisLoader.loadWithNames(s.folder, trust: trust, year: s.year, history: history, within: scope, cache: c)
  }

  func expectSame(_ a: [PupilRecord], _ b: [PupilRecord], _ note: Comment? = nil) {
    #expect(a.count == b.count, note)
    for (x, y) in zip(a, b) {
      #expect(x.pupil == y.pupil && x.school == y.school && x.classID == y.classID, note)
      #expect(x.yearGroup == y.yearGroup && x.outsideAgeYear == y.outsideAgeYear, note)
      #expect(x.codes == y.codes && x.scores == y.scores, note)
    }
  }

  @Test func recordsReadBackEqualThoseFromTheDocuments() throws {
    defer { cache.removeAll() }
    let plain = try load(.off)
    #expect(plain.records.contains { $0.outsideAgeYear } && plain.records.contains { $0.pupil.senStart != nil })
    #expect(cache.names().isEmpty)
    let first = try load(cache)
    #expect(cache.names().sorted() == trust.schools.map { "analysis.\($0.id).2026.1" }.sorted())
    let second = try load(cache)
    expectSame(plain.records, first.records, "written")
    expectSame(plain.records, second.records, "read back")
    #expect(plain.names == second.names)
  }

  /// An entry whose documents are unchanged is what a load returns: here one made to say the
  /// school has no pupils, which the documents do not.
  @Test func anUnchangedSchoolComesFromItsEntry() throws {
    defer { cache.removeAll() }
    _ = try load(cache)
    let school = trust.schools[1].id
    var r = try #require(
      cache.read(AnalysisCacheEntry.name(school, s.year, history: 1), format: AnalysisCacheEntry.format))
    let n = r.count() ?? 0
    #expect(n > 2)
    var stamps: [(String, SourceStamp)] = []
    for _ in 0..<n { stamps.append((r.string() ?? "", SourceStamp.read(&r) ?? .absent)) }
    let read = PupilRecordCoding.readClasses(&r, school: school)
    let classes = try #require(read)
    AnalysisCacheEntry.write(
      cache, school: school, year: s.year, history: 1, stamps: stamps, part: .init(records: [], classes: classes))
    let records = try load(cache).records
    #expect(!records.isEmpty && !records.contains { $0.school == school })
  }

  @Test func aChangedDocumentIsReadAgain() throws {
    defer { cache.removeAll() }
    let school = try s.folder.loadSchool(trust.schools[0].id)
    let c = try #require(school.classes(in: s.year).first)
    var doc = try s.folder.loadClassYear(school: school.id, classID: c.id, year: s.year)
    let pupil = try #require(doc.pupils.first)
    _ = try load(cache)
    let before = try #require(try load(cache).records.first { $0.pupil.id == pupil })
    let subject = trust.subjects[0].id
    let code = before.code(subject, at: HalfTermRef(s.year, .autumn1)) == "W" ? "S" : "W"
    doc.set(code, pupil: pupil, subject: subject, halfTerm: .autumn1, by: s.folder.author, at: DataFolder.now())
    _ = try s.folder.save(doc)
    var roster = try s.folder.loadRoster(school.id)
    let i = try #require(roster.pupils.firstIndex { $0.id == pupil })
    roster.pupils[i].forename = "Changed"
    try s.folder.saveRoster(roster)
    let after = try #require(try load(cache).records.first { $0.pupil.id == pupil })
    #expect(after.code(subject, at: HalfTermRef(s.year, .autumn1)) == code)
    #expect(after.pupil.forename == "Changed")
    expectSame(try load(.off).records, try load(cache).records)
  }

  @Test func aDamagedEntryIsAMissAndIsWrittenAgain() throws {
    defer { cache.removeAll() }
    let plain = try load(.off)
    _ = try load(cache)
    let entry = dir + "/" + AnalysisCacheEntry.name(trust.schools[0].id, s.year, history: 1)
    var bytes = try #require(FileManager.default.contents(atPath: entry))
    bytes[bytes.count / 2] ^= 0x5A
    try bytes.write(to: URL(fileURLWithPath: entry))
    expectSame(plain.records, try load(cache).records, "damaged")
    try Data(bytes.prefix(40)).write(to: URL(fileURLWithPath: entry))
    expectSame(plain.records, try load(cache).records, "torn")
    #expect(try #require(FileManager.default.contents(atPath: entry)).count > 40 * 10)
    expectSame(plain.records, try load(cache).records, "rewritten")
  }

  /// Every cut of an entry's payload is refused by the reader, never a crash or a wrong record.
  @Test func everyShortPayloadIsRefused() throws {
    let records = Array(try load(.off).records.prefix(3))
    var w = BinaryWriter()
    PupilRecordCoding.write(records, to: &w)
    for cut in 0..<w.bytes.count {
      var r = BinaryReader(Array(w.bytes.prefix(cut)))
      #expect(PupilRecordCoding.read(&r, school: records[0].school) == nil, "cut at \(cut)")
    }
    var whole = BinaryReader(w.bytes)
    expectSame(records, try #require(PupilRecordCoding.read(&whole, school: records[0].school)))
  }

  @Test func documentsChangedAMomentAgoAreNotCached() throws {
    var c = cache
    c.settleTime = DerivedCache(directory: dir).settleTime
    defer { c.removeAll() }
    _ = try load(c)
    #expect(c.names().isEmpty)
  }

  @Test func aScopeOfOneSchoolReadsItsRecordsOnlyAndAbsentSchoolsArePruned() throws {
    defer { cache.removeAll() }
    let all = try load(.off)
    _ = try load(cache)
    cache.write("analysis.gone.2026.1", format: AnalysisCacheEntry.format, payload: [0])
    let one = trust.schools[1].id
    let scoped = try load(cache, within: .school(one))
    expectSame(all.records.filter { $0.school == one }, scoped.records)
    #expect(scoped.names == all.names)
    #expect(!cache.names().contains("analysis.gone.2026.1"))
  }

  @Test func entriesArePrivate() throws {
    defer { cache.removeAll() }
    _ = try load(cache)
    let entry = dir + "/" + AnalysisCacheEntry.name(trust.schools[0].id, s.year, history: 1)
    let mode = { (path: String) in
      (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }
    #expect(try mode(entry) == 0o600)
    #expect(try mode(dir) == 0o700)
  }

  @Test func erasingAPupilEmptiesTheFoldersCache() throws {
    let c = try #require(DerivedCache(for: s.folder))
    defer { c.removeAll() }
    c.write("analysis.x.2026.1", format: AnalysisCacheEntry.format, payload: [0])
    #expect(!c.names().isEmpty)
    let pupil = try s.folder.loadRoster(trust.schools[0].id).pupils[0].id
    _ = try PupilErasure(folder: s.folder).erase(pupil, reason: "test")
    #expect(c.names().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: c.directory))
  }

  @Test func switchedOffByTheEnvironment() {
    #expect(DerivedCache(for: s.folder, environment: ["COHORT_CACHE": "off", "HOME": "/home/x"]) == nil)
    let c = DerivedCache(for: s.folder, environment: ["XDG_CACHE_HOME": "/c", "HOME": "/home/x"])
    #expect(c?.directory.hasPrefix("/c/cohort/") == true)
  }

  @Test func statutoryPupilsReadBackAndFollowAChange() throws {
    defer { cache.removeAll() }
    let school = trust.schools[0].id
    let pupils = try s.folder.loadRoster(school).pupils.prefix(3).map(\.id)
    var results = StatutoryResults(school: school)
    results.pupils[pupils[0]] = [StatutoryResult(stage: "KS2", year: 2026, subject: "RDG", method: "TT", result: "105")]
    results.pupils[pupils[1]] = [
      StatutoryResult(
        stage: "KS1", year: 2023, subject: "PHO", method: "TT", component: "C", locale: "L", resultStatus: "S",
        resultQualifier: "Q", result: "WA")
    ]
    try s.folder.write(results, at: DataFolder.statutoryPath(school))
    func same(_ a: [StatutoryPupil], _ b: [StatutoryPupil]) -> Bool {
      a.map(\.pupil) == b.map(\.pupil) && a.map(\.results) == b.map(\.results) && a.map(\.school) == b.map(\.school)
    }
    let plain = try StatutorySummary.pupils(s.folder, school: school)
    #expect(plain.count == 2)
    #expect(same(plain, try StatutorySummary.pupils(s.folder, school: school, cache: cache)))
    #expect(cache.names().contains(StatutoryCacheEntry.name(school)))
    #expect(same(plain, try StatutorySummary.pupils(s.folder, school: school, cache: cache)))
    results.pupils[pupils[2]] = [StatutoryResult(stage: "FS", year: 2026, subject: "GLD", method: "TA", result: "Y")]
    try s.folder.write(results, at: DataFolder.statutoryPath(school))
    #expect(try StatutorySummary.pupils(s.folder, school: school, cache: cache).count == 3)
  }

  @Test func openActionsFromTheCacheAreThoseOfTheMeetings() throws {
    let m = try SampleFolder(schools: 2, meetings: true)
    defer { cache.removeAll() }
    let ids = try m.folder.loadTrust().schools.map(\.id)
    let now = HalfTermRef(m.year, .autumn1)
    let plain = try SchoolYearData.openActions(m.folder, schools: ids, year: m.year, now: now, cache: .off)
    #expect(plain.contains { $0.open > 0 })
    #expect(try SchoolYearData.openActions(m.folder, schools: ids, year: m.year, now: now, cache: cache) == plain)
    #expect(cache.names().filter { $0.hasPrefix("actions.") }.count == ids.count)
    #expect(try SchoolYearData.openActions(m.folder, schools: ids, year: m.year, now: now, cache: cache) == plain)
    // A class without its meetings: its actions are gone from the count.
    let school = try m.folder.loadSchool(ids[0])
    let held = [m.year.previous, m.year].flatMap { y in school.classes(in: y).map { (y, $0.id) } }
    let (y, id) = try #require(
      try held.first { y, id in try !m.folder.loadMeetings(school: ids[0], classID: id, year: y).meetings.isEmpty })
    var doc = try m.folder.loadClassYear(school: ids[0], classID: id, year: y)
    doc.meetings = [:]
    try Data(try DocumentCoding.encode(doc)).write(
      to: URL(fileURLWithPath: m.path + "/" + DataFolder.classPath(school: ids[0], year: y, classID: id)))
    let after = try SchoolYearData.openActions(m.folder, schools: ids, year: m.year, now: now, cache: .off)
    #expect(after != plain)
    #expect(try SchoolYearData.openActions(m.folder, schools: ids, year: m.year, now: now, cache: cache) == after)
  }
}
