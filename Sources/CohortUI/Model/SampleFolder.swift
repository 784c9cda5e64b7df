import CohortCore
import CohortSample
import CohortStore
import Foundation

/// The sample trust the welcome page offers, generated on this device (an installed app has no
/// copy of the repository's data/): the same trust `cohort sample` makes for today.
public enum SampleFolder {
  /// Makes the sample at `path` unless it is there already. Written beside it first and moved
  /// into place when complete, so that a run cut short never leaves half a trust to open.
  public static func make(at path: String, today: SchoolDate, schools: Int = 7) throws {
    var options = SampleOptions.asOf(today)
    options.schools = schools
    let author = Author(by: "Cohort sample", device: DeviceSettings.deviceName)
    try DataFolder.makeWhole(at: path, author: author) { folder in
      let trust = SampleTrust.trust(options)
      let registry = BuiltInPlugins.registry()
      let scheme = try registry.codeScheme(for: trust)
      let tests = registry.tests(for: trust)
      try folder.saveTrust(trust)
      for i in 0..<schools {
        let s = SampleTrust.school(i, options: options, scheme: scheme, subjects: trust.subjects, tests: tests)
        try folder.saveSchool(s.school)
        try folder.saveRoster(s.roster)
        for doc in s.classYears {
          try folder.write(doc, at: DataFolder.classPath(school: doc.school, year: doc.year, classID: doc.classID))
        }
      }
    }
  }
}
