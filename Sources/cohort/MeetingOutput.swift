import CohortCore
import CohortPluginKit
import CohortServices
import Foundation

/// `meeting show --json`: the agenda and the record, with pupils named.
struct AgendaJSON: Encodable {
  struct Flagged: Encodable {
    var pupil: String
    var name: String
    var reasons: [String]
  }
  struct Bands: Encodable {
    var subject: String
    var now: BandSummary
    var before: BandSummary
  }
  struct Review: Encodable {
    var action: TrackedActionJSON
    var impact: InterventionImpact?
  }
  var school: String
  var `class`: String
  var year: String
  var halfTerm: String
  var date: SchoolDate?
  var attendees: [String]
  var notes: String
  var flagged: [Flagged]
  var bands: [Bands]
  var disagreements: [Flagged]
  var forReview: [Review]
  var actions: [TrackedActionJSON]
  var evidence: [String: String]

  init(_ a: MeetingAgenda, names: (String) -> Pupil?) {
    school = a.place.school
    `class` = a.place.classID
    year = a.place.when.year.description
    halfTerm = a.place.when.halfTerm.rawValue
    let details = a.meeting.details?.value
    date = details?.date
    attendees = details?.attendees ?? []
    notes = details?.notes ?? ""
    flagged = a.flagged.map { Flagged(pupil: $0.pupil.id, name: $0.pupil.fullName, reasons: $0.flags.map(\.reason)) }
    bands = a.bands.map { Bands(subject: $0.subject.id, now: $0.now, before: $0.before) }
    disagreements = a.disagreements.map { Flagged(pupil: $0.pupil.id, name: $0.pupil.fullName, reasons: $0.notes) }
    forReview = a.forReview.map { Review(action: TrackedActionJSON($0.action, names: names), impact: $0.impact) }
    let place = a.place
    actions = a.meeting.orderedActions.map {
      TrackedActionJSON(TrackedAction(place: place, action: $0, reviews: []), names: names)
    }
    evidence = a.meeting.evidence.compactMapValues { $0.value.isEmpty ? nil : $0.value }
  }
}

struct TrackedActionJSON: Encodable {
  var id: String
  var kind: String
  var school: String
  var `class`: String
  var decided: String
  var due: String
  var status: String
  var description: String
  var owner: String
  var subject: String?
  var pupils: [String]
  var pupilNames: [String]
  var impact: String?
  var next: String?

  init(_ t: TrackedAction, names: (String) -> Pupil?) {
    let a = t.action.value
    id = a.id
    kind = a.kind.rawValue
    school = t.place.school
    `class` = t.place.classID
    decided = t.place.when.description
    due = t.due.description
    status = t.status.rawValue
    description = a.description
    owner = a.owner
    subject = a.subject
    pupils = a.pupils
    pupilNames = a.pupils.map { names($0)?.fullName ?? $0 }
    impact = t.latest?.review.value.impact.rawValue
    next = t.latest?.review.value.next
  }
}

/// `meeting show`: the agenda as plain text, in the order a meeting works through it.
enum AgendaText {
  static func render(_ a: MeetingAgenda, trust: Trust, names: (String) -> String) -> String {
    var out: [String] = []
    let d = a.meeting.details?.value
    out.append("Pupil progress meeting: \(a.className), \(a.place.when)")
    if let d {
      out.append(
        "Date: \(d.date.map(\.ukDescription) ?? "not set"); attendees: \(d.attendees.joined(separator: ", "))")
      if !d.notes.isEmpty { out.append("Notes: \(d.notes)") }
    }
    out.append("")
    out.append("1. Actions to review (\(a.forReview.count))")
    for r in a.forReview {
      let act = r.action.action.value
      out.append(
        "   \(act.id) \(act.kind.label): \(act.description) (owner \(act.owner), from \(act.from), due \(r.action.due)) [\(r.action.status.rawValue)]"
      )
      if let latest = r.action.latest {
        out.append(
          "      reviewed \(latest.place.when): \(latest.review.value.impact.label). \(latest.review.value.next)")
      }
      if let i = r.impact {
        out += ImpactText.lines(i, names: names, minimum: trust.minimumGroupSize).map { "      " + $0 }
      }
    }
    out.append("2. Bands now and last half-term")
    for b in a.bands {
      let now = CommonBand.allCases.map { "\($0.label) \(b.now.bands[$0.rawValue, default: 0])" }
      let was = CommonBand.allCases.map { "\(b.before.bands[$0.rawValue, default: 0])" }
      out.append(
        "   \(b.subject.name): \(now.joined(separator: ", ")) of \(b.now.assessed) (was \(was.joined(separator: "/")) of \(b.before.assessed))"
      )
    }
    out.append("3. Pupils flagged (\(a.flagged.count))")
    for f in a.flagged { out.append("   \(f.pupil.fullName): " + f.flags.map(\.reason).joined(separator: "; ")) }
    out.append("4. Judgements and tests that disagree (\(a.disagreements.count))")
    for x in a.disagreements { out.append("   \(x.pupil.fullName): " + x.notes.joined(separator: "; ")) }
    out.append("5. Actions decided at this meeting (\(a.meeting.actions.count))")
    for s in a.meeting.orderedActions {
      let act = s.value
      let who = act.pupils.isEmpty ? "" : " for " + act.pupils.map(names).joined(separator: ", ")
      out.append("   \(act.id) \(act.kind.label)\(who): \(act.description) (owner \(act.owner), due \(act.due))")
    }
    let notes = a.meeting.evidence.filter { !$0.value.value.isEmpty }.sorted { $0.key < $1.key }
    if !notes.isEmpty {
      out.append("Evidence discussed")
      for (id, n) in notes { out.append("   \(names(id)): \(n.value)") }
    }
    return out.joined(separator: "\n")
  }
}

enum ImpactText {
  static func lines(_ i: InterventionImpact, names: (String) -> String, minimum: Int) -> [String] {
    var out = i.rows.map { r in
      "\(r.name): \(r.codeBefore ?? "-") -> \(r.codeAfter ?? "-")"
        + (r.scoreBefore.map { b in "; score \(b) -> \(r.scoreAfter.map(String.init) ?? "-")" } ?? "")
    }
    out.append("impact: \(i.words(minimum: minimum))")
    out.append("similar pupils: \(i.comparisonBasis)")
    return out
  }
}
