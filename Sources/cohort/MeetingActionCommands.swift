import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

struct MeetingAddAction: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-action", abstract: "Record an action decided at the meeting; prints its id.")
  @OptionGroup var options: DataOptions
  @OptionGroup var meeting: MeetingOptions
  @Option(help: "teaching, intervention, practice or professional-learning.") var kind: String
  @Option(help: "For an intervention: pupils' UPNs or ids, separated by commas.") var pupils: String?
  @Option(help: "Subject id or name (an intervention's impact is measured in it).") var subject: String?
  @Option(help: "What will happen.") var description: String
  @Option(help: "Who owns it: a name on the trust's staff.") var owner: String
  @Option(help: "When it is reviewed: a half-term this year (spring1) or YEAR:HALF.") var due: String?

  func run() throws {
    var (opened, _, doc, half) = try meeting.locate(options)
    let kind = try ActionKind.parse(kind)
    let ids = try (pupils ?? "").split(separator: ",").map { key in
      let (_, p) = try opened.folder.findPupil(key.trimmingCharacters(in: .whitespaces))
      guard doc.isMember(p.id) else { throw CommandFailure("\(key) is not in class \(doc.classID)") }
      return p.id
    }
    let when = HalfTermRef(doc.year, half)
    let dueRef = try due.map { try HalfTermRef.parse($0, in: doc.year) } ?? when.next
    guard dueRef > when else { throw CommandFailure("--due must be after the meeting (\(when))") }
    // The core's rule, as the app's: pupils only for an intervention, which needs a subject.
    var action = try MeetingAction.checked(
      id: MeetingAction.newID(), kind: kind, pupils: ids, subject: try subject.map { try opened.trust.subject($0).id },
      description: description, owner: owner, from: when, due: dueRef)
    action.owner = try opened.trust.staffMember(owner).name
    doc.record(action, halfTerm: half, by: opened.folder.author, at: DataFolder.now())
    try opened.folder.save(doc)
    print(action.id)
  }
}

struct MeetingReview: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review", abstract: "Record the judged impact of an earlier action at this meeting.")
  @OptionGroup var options: DataOptions
  @OptionGroup var meeting: MeetingOptions
  @Option(help: "The action's id (see meeting show).") var action: String
  @Option(help: "worked, partly, not-yet or stopped.") var impact: String
  @Option(help: "What next.") var next = ""
  @Option(name: .customLong("continue-to"), help: "For partly or not-yet: when to review it again.")
  var continueTo: String?

  func run() throws {
    var (opened, school, doc, half) = try meeting.locate(options)
    let data = try SchoolYearData.load(opened.folder, school: school.id, year: doc.year)
    guard data.actions.contains(where: { $0.action.value.id == action }) else {
      throw CommandFailure("no action '\(action)' at \(school.name) this year or last")
    }
    let judged = try Impact.parse(impact)
    let again = try continueTo.map { try HalfTermRef.parse($0, in: doc.year) }
    if again != nil, judged == .worked || judged == .stopped {
      throw CommandFailure("--continue-to is for partly or not-yet")
    }
    let review = try ActionReview.checked(
      actionID: action, impact: judged, next: next, continueTo: again, at: HalfTermRef(doc.year, half))
    doc.record(review, halfTerm: half, by: opened.folder.author, at: DataFolder.now())
    try opened.folder.save(doc)
    print("\(action): \(judged.label)")
  }
}

struct MeetingActions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions", abstract: "Actions across a school (open ones unless --all), for leaders.")
  @OptionGroup var options: DataOptions
  @Option(help: "School id.") var school: String
  @Option(help: "Academic year, e.g. 2026-27.") var year: String
  @Flag(help: "Include done and stopped actions.") var all = false
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let opened = try options.open()
    let data = try SchoolYearData.load(opened.folder, school: school, year: try AcademicYear.parse(year))
    let chosen = data.actions.filter { all || $0.status == .open }
    if json { return try printJSON(chosen.map { TrackedActionJSON($0, names: data.pupil) }) }
    print("\(data.school.name): \(chosen.count) \(all ? "" : "open ")actions")
    for t in chosen {
      let a = t.action.value
      print(
        "\(a.id)  \(t.place.classID) \(t.place.when.halfTerm.label) -> due \(t.due)  [\(t.status.rawValue)] \(a.kind.label): \(a.description) (owner \(a.owner))"
      )
    }
  }
}
