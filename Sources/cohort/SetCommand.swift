import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore

struct SetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "set", abstract: "Enter one judgement code.")

  @OptionGroup var options: DataOptions
  @Option(help: "The pupil's UPN or Cohort id.") var pupil: String
  @Option(help: "Subject id or name.") var subject: String
  @Option(help: "Academic year, e.g. 2026-27.") var year: String
  @Option(name: .customLong("half-term"), help: "autumn1 ... summer2.") var halfTerm: String
  @Option(help: "A code id of the trust's scheme (any case); 'none' clears the cell.") var code: String

  func run() throws {
    let (folder, trust, scheme) = try options.open().parts
    let academicYear = try AcademicYear.parse(year)
    let half = try HalfTerm.parse(halfTerm)
    _ = try trust.subject(subject)
    let newCode: String? = code.lowercased() == "none" ? nil : try scheme.parse(code).id
    let (school, found) = try folder.findPupil(pupil)
    guard var doc = try folder.classYear(of: found.id, school: school, year: academicYear) else {
      throw CommandFailure("pupil \(found.id) is in no class in \(academicYear)")
    }
    let groups =
      try folder.loadSchool(school).classes(in: academicYear).first { $0.id == doc.classID }?.yearGroups ?? []
    let subjectID = try trust.enterableSubject(subject, for: groups).id
    let old = doc.code(pupil: found.id, subject: subjectID, halfTerm: half)
    doc.set(newCode, pupil: found.id, subject: subjectID, halfTerm: half, by: folder.author, at: DataFolder.now())
    try folder.save(doc)
    print("\(found.id) \(subjectID) \(academicYear) \(half.rawValue): \(old ?? "-") -> \(newCode ?? "-")")
  }
}
