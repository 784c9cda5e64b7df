// A writer for the crash and two-writer tests: edits and saves in a loop through the real
// store, printing each edit only after its save returned. The tests kill it with SIGKILL at
// random moments and check that every printed edit is on disk and every document parses.
//
//   cohort-torture edit DIR SEED [COUNT]     judgement edits to one class
//   cohort-torture import DIR SEED [COUNT]   score imports across two classes (saveAll)
//   cohort-torture writer DIR N [COUNT]      writer N of two: its own cells and one shared cell
//   cohort-torture setup DIR 0               a trust with one school and classes oak-y3, oak-y4
import CohortCore
import CohortStore
import Foundation

let args = CommandLine.arguments
guard args.count >= 4 else {
  FileHandle.standardError.write(Data("usage: cohort-torture edit|import|writer DIR SEED|N [COUNT]\n".utf8))
  exit(2)
}
let mode = args[1]
let seed = Int(args[3]) ?? 1
let count = args.count > 4 ? Int(args[4]) ?? Int.max : Int.max
let year = AcademicYear(startYear: 2026)
let folder = DataFolder(root: args[2], author: Author(by: "torture-\(mode)-\(seed)", device: "torture-\(seed)"))
var rng = SystemRandomNumberGenerator()
let halves = HalfTerm.allCases
let codes = ["Y", "G", "P"]

func emit(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
  switch mode {
  case "setup":
    try folder.saveTrust(Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")]))
    let classes = ["oak-y3", "oak-y4"].map { SchoolClass(id: $0, name: $0, yearGroups: [YearGroup(3)]) }
    try folder.saveSchool(School(id: "oak", name: "Oak", classes: [year: classes]))
    var pupils: [Pupil] = []
    for (c, cls) in classes.enumerated() {
      let ids = (0..<30).map { "p\(c)-\($0)" }
      pupils += ids.map { Pupil(id: $0, forename: "F", surname: $0, dob: SchoolDate(iso: "2018-01-01")!) }
      try folder.save(ClassYear(school: "oak", classID: cls.id, year: year, pupils: ids))
    }
    try folder.saveRoster(Roster(school: "oak", pupils: pupils))
  case "edit":
    var doc = try folder.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    for _ in 0..<count {
      let pupil = doc.pupils.randomElement(using: &rng)!
      let subject = ["reading", "writing", "maths"].randomElement(using: &rng)!
      let half = halves.randomElement(using: &rng)!
      let code =
        Bool.random(using: &rng) && Int.random(in: 0..<10, using: &rng) == 0 ? nil : codes.randomElement(using: &rng)!
      let cell = doc.set(code, pupil: pupil, subject: subject, halfTerm: half, by: folder.author, at: DataFolder.now())
      doc = try folder.save(doc)
      emit("cell \(pupil) \(subject) \(half.rawValue) \(code ?? "-") \(cell.at)")
    }
  case "import":
    var docs = try ["oak-y3", "oak-y4"].map { try folder.loadClassYear(school: "oak", classID: $0, year: year) }
    for _ in 0..<count {
      var lines: [String] = []
      for i in docs.indices {
        let pupil = docs[i].pupils.randomElement(using: &rng)!
        let score = Int.random(in: 69...141, using: &rng)
        let cell = docs[i].setScore(
          pupil: pupil, test: "nfer-reading", term: .autumn, raw: nil, standardised: score, date: nil, ageMonths: nil,
          by: folder.author, at: DataFolder.now())
        lines.append("score \(docs[i].classID) \(pupil) \(score) \(cell.at)")
      }
      docs = try folder.saveAll(docs)
      for l in lines { emit(l) }
    }
  case "writer":
    // Writer N owns one subject; both write the shared cell (p0, writing, autumn1).
    let subject = seed == 0 ? "reading" : "maths"
    var doc = try folder.loadClassYear(school: "oak", classID: "oak-y3", year: year)
    for i in 0..<count {
      let pupil = doc.pupils[i % doc.pupils.count]
      let half = halves[(i / doc.pupils.count) % halves.count]
      let code = codes[(i + seed) % codes.count]
      let own = doc.set(code, pupil: pupil, subject: subject, halfTerm: half, by: folder.author, at: DataFolder.now())
      let shared = doc.set(
        codes[seed], pupil: doc.pupils[0], subject: "writing", halfTerm: .autumn1, by: folder.author,
        at: DataFolder.now())
      doc = try folder.save(doc)
      emit("cell \(pupil) \(subject) \(half.rawValue) \(code) \(own.at)")
      emit("shared \(codes[seed]) \(shared.at)")
    }
  default:
    FileHandle.standardError.write(Data("unknown mode \(mode)\n".utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("cohort-torture: \(error)\n".utf8))
  exit(1)
}
