import CohortCore
import CohortStore
import Foundation

/// Statutory results for a generated trust, which `cohort sample` does not make: last
/// summer's EYFS profile, phonics check, multiplication check and KS2 tests and writing, for
/// every pupil of those year groups then, as a CTF from the MIS carries them. Written once
/// into the cached trust (a stamp beside it says so), so that the statutory row reads and
/// counts what a real trust holds.
enum StatutoryFixture {
  static func ensure(_ path: String, year: AcademicYear) throws {
    let stamp = path + ".statutory"
    if FileManager.default.fileExists(atPath: stamp) { return }
    log("adding last summer's statutory results to \(path)")
    let folder = DataFolder(root: path, author: Author(by: "bench", device: "bench"))
    let summer = year.previous
    for ref in try folder.loadTrust().schools {
      var results = StatutoryResults(school: ref.id)
      for pupil in try folder.loadRoster(ref.id).pupils {
        let made = self.results(for: pupil, in: summer)
        if !made.isEmpty { results.merge(made, for: pupil.id) }
      }
      try folder.write(results, at: DataFolder.statutoryPath(ref.id))
    }
    _ = FileManager.default.createFile(atPath: stamp, contents: Data())
  }

  /// What a pupil of that year group sat in the summer of `year`; a spread from the pupil's id.
  static func results(for pupil: Pupil, in year: AcademicYear) -> [StatutoryResult] {
    let n = pupil.id.utf8.reduce(5381) { ($0 &* 33 &+ Int($1)) & 0xFFFF }
    let summer = year.startYear + 1
    func r(_ stage: String, _ subject: String, _ method: String, _ component: String?, _ result: String)
      -> StatutoryResult
    {
      StatutoryResult(
        stage: stage, year: summer, subject: subject, method: method, component: component, result: result)
    }
    switch pupil.yearGroup(in: year).number {
    case 0: return [r("FS", "GLD", "TA", nil, n % 10 < 7 ? "Y" : "N")]
    case 1: return [r("PHO", "PHO", "TT", nil, n % 10 < 8 ? "WA" : "WT")]
    case 4: return [r("KS2", "MAT", "TT", "MTC", "\(10 + n % 16)")]
    case 6:
      let writing = ["WTS", "EXS", "EXS", "EXS", "GDS"][n % 5]
      return [
        r("KS2", "ENG", "TT", "RD", "\(88 + n % 30)"), r("KS2", "ENG", "TT", "GPS", "\(90 + (n / 7) % 30)"),
        r("KS2", "MAT", "TT", "MAT", "\(86 + (n / 13) % 32)"), r("KS2", "ENG", "TA", "WRI", writing),
      ]
    default: return []
    }
  }
}
