import CohortCore
import Foundation
import Testing

@testable import CohortStore

@Suite struct DataFolderTests {
  let year = AcademicYear(startYear: 2026)

  func seed(_ t: TestFolder) throws -> DataFolder {
    let f = t.folder()
    try f.saveTrust(Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")]))
    try f.saveSchool(
      School(
        id: "oak", name: "Oak", classes: [year: [SchoolClass(id: "oak-y3", name: "Y3", yearGroups: [YearGroup(3)])]]))
    return f
  }

  func emptyClass() -> ClassYear { ClassYear(school: "oak", classID: "oak-y3", year: year, pupils: ["p1", "p2"]) }

  @Test func saveLeavesNoTempFilesAndKeepsFilesPrivate() throws {
    let t = TestFolder()
    let f = try seed(t)
    var doc = emptyClass()
    doc.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 5)
    try f.save(doc)
    let files = t.files()
    #expect(!files.contains { $0.contains(".tmp-") })
    for rel in files {
      let mode = try #require(f.fileMode(rel))
      let isDir = FileManager.default.fileExists(atPath: t.path + "/" + rel + "/.")
      #expect(mode == (isDir ? 0o700 : 0o600), "\(rel) is \(String(mode, radix: 8))")
    }
    #expect(f.fileMode("") == 0o700)
    let back = try f.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    #expect(back.code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == "G")
  }

  @Test func aSecondWritersEditSurvivesASave() throws {
    let t = TestFolder()
    _ = try seed(t)
    let a = t.folder("Ms A", device: "a")
    let b = t.folder("Mr B", device: "b")
    var mine = try a.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    var theirs = try b.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    theirs.set("P", pupil: "p2", subject: "maths", halfTerm: .autumn1, by: b.author, at: DataFolder.now())
    try b.save(theirs)
    mine.set("Y", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: a.author, at: DataFolder.now())
    let merged = try a.save(mine)
    #expect(merged.code(pupil: "p2", subject: "maths", halfTerm: .autumn1) == "P")
    let disk = try a.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    #expect(disk.code(pupil: "p1", subject: "reading", halfTerm: .autumn1) == "Y")
    #expect(disk.code(pupil: "p2", subject: "maths", halfTerm: .autumn1) == "P")
  }

  @Test func twoProcessesSavingConcurrentlyLoseNothing() async throws {
    let t = TestFolder()
    _ = try seed(t)
    let pupils = (0..<40).map { "p\($0)" }
    let root = t.path
    let year = self.year
    await withTaskGroup(of: Void.self) { group in
      for w in 0..<2 {
        group.addTask {
          let f = DataFolder(root: root, author: Author(by: "W\(w)", device: "d\(w)"))
          for p in pupils {
            var doc = try! f.loadClassYear(school: "oak", classID: "oak-y3", year: year)
            doc.set(
              w == 0 ? "G" : "Y", pupil: p, subject: w == 0 ? "reading" : "maths", halfTerm: .autumn1, by: f.author,
              at: DataFolder.now())
            try! f.save(doc)
          }
        }
      }
    }
    let doc = try t.folder().loadClassYear(school: "oak", classID: "oak-y3", year: year)
    for p in pupils {
      #expect(doc.code(pupil: p, subject: "reading", halfTerm: .autumn1) == "G")
      #expect(doc.code(pupil: p, subject: "maths", halfTerm: .autumn1) == "Y")
    }
  }

  @Test func aCorruptFileIsReportedAndNeverOverwritten() throws {
    let t = TestFolder()
    let f = try seed(t)
    let path = DataFolder.classPath(school: "oak", year: year, classID: "oak-y3")
    try t.write(path, "{\"format\": 1, \"school\": \"oak\",, }")
    let before = t.bytes(path)
    #expect {
      _ = try f.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    } throws: { error in
      "\(error)".contains(path) && "\(error)".contains("line 1")
    }
    var doc = emptyClass()
    doc.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 5)
    #expect(throws: StoreError.self) { try f.save(doc) }
    #expect(t.bytes(path) == before)
  }

  @Test func aSchemaErrorNamesTheField() throws {
    let t = TestFolder()
    let f = try seed(t)
    try t.write(
      DataFolder.rosterPath("oak"),
      #"{"format":1,"school":"oak","pupils":[{"id":"p1","forename":"A","surname":"B","dob":"2018-02-30"}]}"#)
    #expect {
      _ = try f.loadRoster("oak")
    } throws: { error in
      let s = "\(error)"
      return s.contains("pupils.json") && s.contains("pupils[0].dob") && s.contains("2018-02-30")
    }
  }

  @Test func aNewerFormatIsReadOnly() throws {
    let t = TestFolder()
    let f = try seed(t)
    let path = DataFolder.classPath(school: "oak", year: year, classID: "oak-y3")
    let newer = DocumentFormat.current + 1
    try t.write(path, #"{"format":\#(newer),"school":"oak","class":"oak-y3","year":"2026-27","pupils":[]}"#)
    let before = t.bytes(path)
    #expect(try f.loadClassYear(school: "oak", classID: "oak-y3", year: year).format == newer)
    #expect {
      try f.save(emptyClass())
    } throws: { error in
      "\(error)".contains("newer version")
    }
    #expect(t.bytes(path) == before)
  }

  @Test func unsafeIDsNeverBecomePaths() throws {
    let t = TestFolder()
    let f = try seed(t)
    #expect(throws: StoreError.self) { _ = try f.loadSchool("../../etc") }
    #expect(throws: StoreError.self) { try f.save(ClassYear(school: "oak", classID: "../x", year: year)) }
  }

  @Test func everyChangedCellIsJournalled() throws {
    let t = TestFolder()
    let f = try seed(t)
    var doc = emptyClass()
    doc.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 5)
    doc = try f.save(doc)
    doc.set("Y", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 6)
    doc = try f.save(doc)
    try f.save(doc)  // nothing changed: no entry, no write
    let lines = String(decoding: t.bytes(f.journalPath(for: "schools/oak/x"))!, as: UTF8.self).split(separator: "\n")
    let entries = try lines.map { try JSONDecoder().decode(JournalEntry.self, from: Data($0.utf8)) }
    #expect(entries.count == 2)
    #expect(entries[1].old == "G" && entries[1].new == "Y" && entries[1].pupil == "p1" && entries[1].by == "Ms A")
  }

  @Test func aTornJournalLineDoesNotSwallowTheNextEntry() throws {
    let t = TestFolder()
    let f = try seed(t)
    try t.write(f.journalPath(for: "schools/oak/x"), "{\"at\":1,\"by\":\"x\",\"dev")
    var doc = emptyClass()
    doc.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 5)
    try f.save(doc)
    let lines = String(decoding: t.bytes(f.journalPath(for: "schools/oak/x"))!, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 2)
    #expect((try? JSONDecoder().decode(JournalEntry.self, from: Data(lines[1].utf8)))?.new == "G")
  }

  @Test func aLaterSaveSweepsTempFilesThatAFailedCleanUpLeft() throws {
    let t = TestFolder()
    let f = try seed(t)
    let path = DataFolder.classPath(school: "oak", year: year, classID: "oak-y3")
    try t.write("schools/oak/2026-27/.oak-y3.json.tmp-1-2", "{ half")
    var doc = emptyClass()
    doc.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 5)
    try f.save(doc)
    #expect(t.files().filter { $0.contains(".tmp-") }.isEmpty)
    #expect(t.bytes(path) != nil)
  }

  /// Fails every system call of a save in turn (once, and from then on): the previous file
  /// stays intact, the error is an I/O error naming the call, and no temp file is left.
  @Test func aFailureAtAnyStepLeavesThePreviousFileIntact() throws {
    let t = TestFolder()
    _ = try seed(t)
    var base = emptyClass()
    base.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: Author(by: "A", device: "a"), at: 5)
    try t.folder().save(base)
    let path = DataFolder.classPath(school: "oak", year: year, classID: "oak-y3")
    let before = t.bytes(path)
    let counter = FaultyFileSystem()
    var edit = base
    edit.set("Y", pupil: "p2", subject: "reading", halfTerm: .autumn1, by: Author(by: "A", device: "a"), at: 9)
    try t.folder(fs: counter).save(edit)
    let steps = counter.calls
    #expect(steps > 5)
    try t.folder().save(base)  // make sure the edit is not yet there for the next round
    for always in [false, true] {
      for n in 1...steps {
        for code in [ENOSPC, EIO, EROFS, EACCES] {
          try? FileManager.default.removeItem(atPath: t.path + "/" + path)
          try t.write(path, String(decoding: before!, as: UTF8.self))
          let fs = FaultyFileSystem(failAt: n, always: always, code: code)
          do {
            try t.folder(fs: fs).save(edit)
          } catch let e as StoreError {
            guard case .io = e else {
              Issue.record("step \(n): unexpected \(e)")
              continue
            }
            let now = t.bytes(path)
            // The rename is the commit point: either the old file or the new one, never a mix.
            let doc = try DocumentCoding.decode(ClassYear.self, from: Array(now!))
            #expect(now == before || doc.code(pupil: "p2", subject: "reading", halfTerm: .autumn1) == "Y")
            if !always { #expect(!t.files().contains { $0.contains(".tmp-") }, "step \(n) left a temp file") }
          }
        }
      }
    }
  }
}

@Suite struct SaveAllTests {
  let year = AcademicYear(startYear: 2026)

  func seed(_ t: TestFolder) throws -> [ClassYear] {
    let f = t.folder()
    try f.saveTrust(Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")]))
    var docs: [ClassYear] = []
    for c in ["oak-y3", "oak-y4"] {
      var d = ClassYear(school: "oak", classID: c, year: year, pupils: ["p1"])
      d.set("G", pupil: "p1", subject: "reading", halfTerm: .autumn1, by: f.author, at: 1)
      docs.append(try f.save(d))
    }
    return docs
  }

  /// An import writes several documents: a failure at any step before they are all written
  /// leaves every one as it was; after it, every one is new.
  @Test func allOrNothingAtEveryStep() throws {
    let t = TestFolder()
    let base = try seed(t)
    let paths = base.map { DataFolder.classPath(school: "oak", year: year, classID: $0.classID) }
    let before = paths.map { t.bytes($0) }
    let edits = base.map { d -> ClassYear in
      var d = d
      d.setScore(
        pupil: "p1", test: "nfer-reading", term: .autumn, raw: nil, standardised: 104, date: nil, ageMonths: nil,
        by: Author(by: "I", device: "i"), at: 50)
      return d
    }
    let counter = FaultyFileSystem()
    try t.folder(fs: counter).saveAll(edits)
    let steps = counter.calls
    for (i, p) in paths.enumerated() { try t.write(p, String(decoding: before[i]!, as: UTF8.self)) }
    var failedCleanly = 0
    for (n, always) in (1...steps).flatMap({ n in [(n, false), (n, true)] }) {
      for (i, p) in paths.enumerated() { try t.write(p, String(decoding: before[i]!, as: UTF8.self)) }
      do {
        try t.folder(fs: FaultyFileSystem(failAt: n, always: always, code: EIO)).saveAll(edits)
      } catch {
        // Before the intent is durable nothing changes; after it, opening the folder again
        // completes every rename (roll forward). Never some documents and not others.
        try t.folder().recover()
        let now = paths.map { t.bytes($0) }
        let changed = zip(now, before).filter { $0 != $1 }.count
        #expect(changed == 0 || changed == paths.count, "step \(n): \(changed) of \(paths.count) changed")
        if changed == 0 { failedCleanly += 1 }
        #expect(
          !t.files().contains { $0.contains(".tmp-") } || always,
          "step \(n) left \(t.files().filter { $0.contains(".tmp-") })")
      }
    }
    #expect(failedCleanly > 10)
  }
}

@Suite struct SchoolJournalTests {
  @Test func aSchoolsChangesAreJournalledInItsFolderAndOldFoldersMoveThem() throws {
    let t = TestFolder()
    let f = t.folder()
    // A folder from before: every school's lines in the trust's journal.
    let old = [
      JournalEntry(at: 1, by: "A", device: "laptop", doc: "trust.json", event: "created trust"),
      JournalEntry(
        at: 2, by: "A", device: "laptop", doc: "schools/oak/pupils.json", pupil: "oak-0001", event: "new pupil"),
      JournalEntry(
        at: 3, by: "A", device: "laptop", doc: "schools/elm/2026-27/elm-y3.json", pupil: "elm-0001", old: nil, new: "G"),
    ]
    try t.write("journal/laptop.jsonl", try old.map { String(decoding: try $0.line(), as: UTF8.self) }.joined())
    try f.saveTrust(Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")]), event: "renamed")
    let trustLines = try String(contentsOfFile: f.root + "/journal/laptop.jsonl", encoding: .utf8)
    #expect(!trustLines.contains("pupil"), "no pupil's line stays in the trust's journal")
    let oak = try String(contentsOfFile: f.root + "/schools/oak/journal/laptop.jsonl", encoding: .utf8)
    #expect(oak.contains("oak-0001") && !oak.contains("elm-0001"))
    #expect(try f.journalEntries().count == 4, "nothing lost: three old lines and the new one")
    #expect(try f.journalEntries(school: "elm").map(\.pupil) == ["elm-0001"])
    // A later save journals a cell straight into its school's folder.
    var doc = ClassYear(school: "oak", classID: "oak-y3", year: AcademicYear(startYear: 2026), pupils: ["oak-0001"])
    doc.set("G", pupil: "oak-0001", subject: "reading", halfTerm: .autumn1, by: f.author, at: 10)
    try f.save(doc)
    #expect(try f.journalEntries(school: "oak").count == 2)
    #expect(!(try String(contentsOfFile: f.root + "/" + f.journalPath(), encoding: .utf8)).contains("oak-0001"))
  }
}
