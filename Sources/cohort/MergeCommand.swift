import ArgumentParser
import CohortCore
import CohortStore

/// `cohort merge`: absorbs every sync conflict copy in the folder, cell by cell.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge", abstract: "Merge sync tools' conflict copies into their documents and set them aside.")

  @OptionGroup var options: DataOptions

  func run() throws {
    let folder = options.folder()
    // The set-up first: a merged trust.json may list a school the other laptop added.
    var total = try folder.absorbSetupConflictCopies()
    if total > 0 { print("trust and schools: merged \(total) conflict cop\(total == 1 ? "y" : "ies")") }
    let trust = try folder.loadTrust()
    for school in try folder.loadSchools(of: trust) {
      try folder.scrubErasedFromRosterCopies(school: school.id)
      for year in school.years {
        for (_, classID) in Set(folder.conflictCopies(school: school.id, year: year).map { $0.classID }).sorted().map({
          ((), $0)
        }) {
          let n = try folder.absorbConflictCopies(school: school.id, classID: classID, year: year)
          if n > 0 { print("\(school.id) \(year) \(classID): merged \(n) conflict cop\(n == 1 ? "y" : "ies")") }
          total += n
        }
      }
    }
    print("Merged \(total) conflict cop\(total == 1 ? "y" : "ies").")
  }
}
