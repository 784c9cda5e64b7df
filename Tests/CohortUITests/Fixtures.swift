import CohortCore
import CohortStore
import CohortTestSupport
import Foundation

@testable import CohortUI

enum Fixtures {
  static let scheme = Schemes.ygp
  static let year = AcademicYear(startYear: 2026)
  static let author = Author(by: "Ms Khan", device: "test")

  static func roster(_ n: Int) -> Roster {
    Roster(
      school: "oak",
      pupils: (0..<n).map {
        Pupil(
          id: "p\($0)", forename: ["Amira", "Ben", "Chloe", "Dev", "Ella"][$0 % 5], surname: "S\($0)",
          dob: SchoolDate(iso: "2018-03-14")!)
      })
  }

  static func doc(_ n: Int) -> ClassYear {
    ClassYear(school: "oak", classID: "oak-y3", year: year, pupils: (0..<n).map { "p\($0)" })
  }

  /// A clock that ticks one millisecond per call.
  final class Clock: @unchecked Sendable {
    var now: Int64 = 1_000_000
    func tick() -> Int64 {
      now += 1
      return now
    }
  }

  static func model(
    pupils n: Int = 4, halfTerm: HalfTerm = .autumn2, doc: ClassYear? = nil, earlier: [String: [String: String]] = [:]
  )
    -> GridModel
  {
    let clock = Clock()
    return GridModel(
      doc: doc ?? self.doc(n), roster: roster(n), scheme: scheme, subjects: Subject.defaults, halfTerm: halfTerm,
      author: author,
      earlier: earlier, clock: clock.tick)
  }
}

/// A private scratch data folder with one school and class.
final class ScratchFolder {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-ui-\(UUID().uuidString)").path
  deinit { try? FileManager.default.removeItem(atPath: path) }

  func folder(_ fs: FileSystem = PosixFileSystem(), device: String = "test") throws -> DataFolder {
    let f = DataFolder(root: path, author: Author(by: "Ms Khan", device: device), fileSystem: fs)
    if !f.exists {
      try f.saveTrust(Trust(id: "t", name: "T", schools: [SchoolRef(id: "oak", name: "Oak")]))
      try f.saveSchool(School(id: "oak", name: "Oak", classes: [Fixtures.year: [schoolClass]]))
      try f.saveRoster(Fixtures.roster(4))
    }
    return f
  }

  let schoolClass = SchoolClass(id: "oak-y3", name: "Year 3", yearGroups: [YearGroup(3)])
}
