import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

struct MeetingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meeting", abstract: "Pupil progress meetings: the agenda, notes, actions and their review.",
    subcommands: [
      MeetingShow.self, MeetingSet.self, MeetingAddAction.self, MeetingReview.self, MeetingNote.self,
      MeetingActions.self,
    ])
}

/// Which meeting: a class in a half-term.
struct MeetingOptions: ParsableArguments {
  @Option(name: .customLong("class"), help: "Class id.") var classID: String
  @Option(help: "School id, when class ids repeat.") var school: String?
  @Option(help: "Academic year, e.g. 2026-27.") var year: String
  @Option(name: .customLong("half-term"), help: "autumn1 ... summer2.") var halfTerm: String

  /// The opened folder, the class's school and its document.
  func locate(_ options: DataOptions) throws -> (Opened, School, ClassYear, HalfTerm) {
    let opened = try options.open()
    let academicYear = try AcademicYear.parse(year)
    let (s, c) = try opened.folder.findClass(classID, year: academicYear, school: school)
    let doc = try opened.folder.loadClassYear(school: s.id, classID: c.id, year: academicYear)
    return (opened, s, doc, try HalfTerm.parse(halfTerm))
  }
}

struct MeetingShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "The meeting's agenda from the data, and what it has recorded.")
  @OptionGroup var options: DataOptions
  @OptionGroup var meeting: MeetingOptions
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let (opened, school, doc, half) = try meeting.locate(options)
    let data = try SchoolYearData.load(opened.folder, school: school.id, year: doc.year)
    let agenda = try MeetingAgenda.build(
      data, classID: doc.classID, halfTerm: half, trust: opened.trust, registry: opened.registry,
      scheme: opened.scheme)
    if json { return try printJSON(AgendaJSON(agenda, names: data.pupil)) }
    print(AgendaText.render(agenda, trust: opened.trust, names: { data.pupil($0)?.fullName ?? $0 }))
  }
}

struct MeetingSet: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set", abstract: "Record the meeting's date, attendees and general notes.")
  @OptionGroup var options: DataOptions
  @OptionGroup var meeting: MeetingOptions
  @Option(help: "The meeting's date, e.g. 14/10/2026.") var date: String?
  @Option(help: "Who attended, names on the trust's staff separated by commas.") var attendees: String?
  @Option(help: "General notes.") var notes: String?

  func run() throws {
    var (opened, _, doc, half) = try meeting.locate(options)
    var details = doc.meeting(half).details?.value ?? MeetingDetails()
    if let date {
      guard let d = UKDate.parse(date) else { throw CommandFailure("\(date) is not a date: use e.g. 14/10/2026") }
      details.date = d
    }
    if let attendees {
      details.attendees = try attendees.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }.map { try opened.trust.staffMember($0).name }
    }
    if let notes { details.notes = notes }
    doc.setMeetingDetails(details, halfTerm: half, by: opened.folder.author, at: DataFolder.now())
    try opened.folder.save(doc)
    print("\(doc.classID) \(doc.year) \(half.rawValue) meeting: \(plural(details.attendees.count, "attendee"))")
  }
}

struct MeetingNote: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note", abstract: "Record the evidence discussed for a pupil (work, tasks, tests).")
  @OptionGroup var options: DataOptions
  @OptionGroup var meeting: MeetingOptions
  @Option(help: "The pupil's UPN or Cohort id.") var pupil: String
  @Option(help: "The note; empty clears it.") var text: String

  func run() throws {
    var (opened, _, doc, half) = try meeting.locate(options)
    let (_, p) = try opened.folder.findPupil(pupil)
    guard doc.isMember(p.id) else { throw CommandFailure("\(p.id) is not in class \(doc.classID)") }
    doc.setEvidence(text, pupil: p.id, halfTerm: half, by: opened.folder.author, at: DataFolder.now())
    try opened.folder.save(doc)
    print("evidence note for \(p.id) recorded")
  }
}
