import CohortCore
import CohortPluginKit
import CohortServices
import CohortStore
import Foundation

/// One class's meeting in one half-term, as the Meetings page edits it. Every change is a whole
/// record (details, an action, a review, a note) written into the class-year document and
/// saved by the page's ClassSession like any grid edit; the agenda is rebuilt from the school's
/// documents with this class's copy (which may hold edits not yet on disk).
@MainActor
public final class MeetingModel: DocumentModel {
  public private(set) var doc: ClassYear
  public let halfTerm: HalfTerm
  private let school: SchoolYearData
  private let context: AppContext
  private let clock: () -> Int64
  public var onChange: () -> Void = {}
  public private(set) var agenda: MeetingAgenda
  /// Set when the year is closed (after the rollover): the meeting can be read, not changed.
  public let closedReason: String?

  public init(
    context: AppContext, school: SchoolYearData, classID: String, halfTerm: HalfTerm, clock: @escaping () -> Int64
  )
    throws
  {
    guard let doc = school.doc(classID) else { throw InputError("no class '\(classID)' in \(school.year)") }
    self.doc = doc
    self.halfTerm = halfTerm
    self.school = school
    self.context = context
    self.clock = clock
    closedReason = context.closedReason(school.school.id, school.year)
    agenda = try MeetingAgenda.build(
      school, classID: classID, halfTerm: halfTerm, trust: context.trust, registry: context.registry,
      scheme: context.scheme)
  }

  public var when: HalfTermRef { HalfTermRef(doc.year, halfTerm) }
  public var meeting: Meeting { doc.meeting(halfTerm) }
  public var pupils: [Pupil] { agenda.pupils }
  public func name(_ id: String) -> String { school.pupil(id)?.fullName ?? id }

  public func absorb(_ other: ClassYear) {
    let before = doc
    doc = doc.merged(with: other)
    if doc != before { rebuild() }
  }

  private func rebuild() {
    let data = school.replacing(doc)
    if let a = try? MeetingAgenda.build(
      data, classID: doc.classID, halfTerm: halfTerm, trust: context.trust, registry: context.registry,
      scheme: context.scheme)
    {
      agenda = a
    }
    onChange()
  }

  private func edit(_ change: (inout ClassYear, Author, Int64) -> Void) {
    guard closedReason == nil else { return }
    change(&doc, context.folder.author, clock())
    rebuild()
  }

  public func setDetails(_ details: MeetingDetails) {
    edit { $0.setMeetingDetails(details, halfTerm: halfTerm, by: $1, at: $2) }
  }

  /// Records a new action decided at this meeting; returns its id.
  @discardableResult
  public func addAction(
    kind: ActionKind, pupils: [String], subject: String?, description: String, owner: String, due: HalfTermRef
  ) throws -> String {
    if let closedReason { throw InputError(closedReason) }
    let text = description.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { throw InputError("say what the action is") }
    guard due > when else { throw InputError("an action is due after the meeting (\(when))") }
    if kind == .intervention, pupils.isEmpty || subject == nil {
      throw InputError("an intervention needs its pupils and a subject, so its impact can be measured")
    }
    let action = MeetingAction(
      id: MeetingAction.newID(), kind: kind, pupils: pupils, subject: kind == .intervention ? subject : nil,
      description: text, owner: owner.trimmingCharacters(in: .whitespaces), from: when, due: due)
    edit { $0.record(action, halfTerm: halfTerm, by: $1, at: $2) }
    return action.id
  }

  public func review(_ actionID: String, impact: Impact, next: String, continueTo: HalfTermRef? = nil) {
    let again = impact == .partly || impact == .notYet ? (continueTo ?? when.next) : nil
    edit {
      $0.record(
        ActionReview(actionID: actionID, impact: impact, next: next, continueTo: again), halfTerm: halfTerm, by: $1,
        at: $2)
    }
  }

  public func setEvidence(_ note: String, pupil: String) {
    guard (meeting.evidence[pupil]?.value ?? "") != note else { return }
    edit { $0.setEvidence(note, pupil: pupil, halfTerm: halfTerm, by: $1, at: $2) }
  }

  /// The half-terms an action can be due at: the next six.
  public var dueChoices: [HalfTermRef] {
    var out: [HalfTermRef] = []
    var t = when
    for _ in 0..<6 {
      t = t.next
      out.append(t)
    }
    return out
  }
}
