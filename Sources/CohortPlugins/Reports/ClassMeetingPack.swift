import CohortCharts
import CohortCore
import CohortPluginKit
import CohortServices
import Foundation

/// Everything a class's pupil progress meeting looks at, in the order it works through it.
struct ClassMeetingPack: Report {
  let id = "class-pack"
  let title = "Class meeting pack"
  let scopeKinds = ["class"]

  func make(_ r: ReportRequest) throws -> ReportDocument {
    guard case .schoolClass(let classID) = r.scope else { throw InputError("the class pack needs --scope class:ID") }
    let (school, _) = try r.folder.findClass(classID, year: r.when.year)
    try r.progress.start(total: 2)
    let data = try SchoolYearData.load(r.folder, school: school.id, year: r.when.year)
    try r.progress.step()
    let doc = try make(data, classID: classID, r)
    try r.progress.step()
    return doc
  }

  func make(_ data: SchoolYearData, classID: String, _ r: ReportRequest) throws -> ReportDocument {
    let a = try MeetingAgenda.build(
      data, classID: classID, halfTerm: r.when.halfTerm, trust: r.trust, registry: r.registry, scheme: r.scheme)
    let details = a.meeting.details?.value
    var subtitle = "\(data.school.name) · \(r.when.halfTerm.label) \(r.when.year) · \(plural(a.pupils.count, "pupil"))"
    if let date = details?.date { subtitle += " · meeting \(date.ukDescription)" }
    var d = ReportDocument(title: "Pupil progress meeting: \(a.className)", subtitle: subtitle)
    if let details, !details.attendees.isEmpty {
      d.blocks.append(.text("Attendees: \(details.attendees.joined(separator: ", "))."))
    }
    if let notes = details?.notes, !notes.isEmpty { d.blocks.append(.text(notes)) }
    d.blocks.append(.text(ReportParts.entered(a.completeness, threshold: r.trust.mostlyEnteredPercent)))
    d.blocks += reviews(a, r)

    d.blocks.append(.heading("Bands against last half-term"))
    d.blocks.append(.table(ReportParts.bandsTable(a.bands)))
    let analysis = Analysis(
      records: data.records.filter { Set(a.pupils.map(\.id)).contains($0.pupil.id) }, scheme: r.scheme)
    d.blocks.append(
      .chart(
        Charts.bandsBySubject(
          analysis, scope: .schoolClass(classID), scopeName: a.className, group: .everyone,
          subjects: r.trust.activeSubjects, at: r.when)))

    d.blocks.append(.heading("Pupils to look at"))
    d.blocks += ReportParts.toLookAt(a.toLookAt, pupils: data.pupil, at: r.when)

    d.blocks.append(.heading("Judgements this half-term"))
    d.blocks.append(.table(grid(a, data: data, r)))
    d.blocks += scores(a, data: data, r)
    d.blocks += decided(a, data: data)
    return d
  }

  /// Each action due for review, and for an intervention its impact beside similar pupils.
  func reviews(_ a: MeetingAgenda, _ r: ReportRequest) -> [ReportBlock] {
    var out: [ReportBlock] = [.heading("Actions to review")]
    if a.forReview.isEmpty { out.append(.text("No actions are due for review at this meeting.")) }
    for review in a.forReview {
      let act = review.action.action.value
      out.append(.subheading("\(act.kind.label): \(act.description)"))
      var line = "Owner \(act.owner); decided \(review.action.place.when); due \(review.action.due)."
      if let latest = review.action.latest {
        line += " Reviewed \(latest.place.when): \(latest.review.value.impact.label)."
        if !latest.review.value.next.isEmpty { line += " Next: \(latest.review.value.next)" }
      }
      out.append(.text(line))
      if let impact = review.impact {
        out += ReportParts.impactBlocks(impact, title: act.description, minimum: r.trust.minimumGroupSize)
      }
    }
    if a.forReview.contains(where: { $0.impact != nil }) {
      out.append(.text(InterventionImpact.tooFewRule(minimum: r.trust.minimumGroupSize)))
    }
    return out
  }

  func scores(_ a: MeetingAgenda, data: SchoolYearData, _ r: ReportRequest) -> [ReportBlock] {
    var out: [ReportBlock] = [.heading("Judgements beside test scores")]
    if data.doc(a.place.classID)!.scores.isEmpty {
      out.append(.text("No standardised test scores for this class this year."))
    } else {
      out.append(
        .text("The latest score this year beside each judgement; ! marks a judgement and a score that disagree."))
      out.append(.table(sideBySide(a, data: data, r)))
    }
    if !a.disagreements.isEmpty {
      out.append(
        .text(
          "Disagreements to moderate: "
            + a.disagreements.map { "\($0.pupil.fullName) (\($0.notes.count))" }.joined(separator: ", ") + "."))
    }
    return out
  }

  func decided(_ a: MeetingAgenda, data: SchoolYearData) -> [ReportBlock] {
    let names = { (id: String) in data.pupil(id)?.fullName ?? id }
    var out: [ReportBlock] = [.heading("Actions decided at this meeting")]
    let decided = a.meeting.orderedActions.map { TrackedAction(place: a.place, action: $0, reviews: []) }
    out.append(
      decided.isEmpty
        ? .text("None recorded yet.")
        : .table(ReportParts.actionsTable(decided, names: names, classNames: data.classNames)))
    let evidence = a.meeting.evidence.filter { !$0.value.value.isEmpty }.sorted { names($0.key) < names($1.key) }
    if !evidence.isEmpty {
      out.append(.heading("Evidence discussed"))
      out.append(
        .table(
          ReportTable(
            columns: ["Pupil", "Evidence"], rows: evidence.map { [names($0.key), $0.value.value] }, widths: [1, 4])))
    }
    return out
  }

  /// Pupils by subject: this half-term's code (in its colour) beside last half-term's.
  func grid(_ a: MeetingAgenda, data: SchoolYearData, _ r: ReportRequest) -> ReportTable {
    let doc = data.doc(a.place.classID)!
    let before = a.place.when.previous
    var rows: [[String]] = []
    var colours: [[String?]] = []
    for p in a.pupils {
      var row = [p.fullName, ReportParts.groups(p)]
      var tint: [String?] = [nil, nil]
      for s in r.trust.activeSubjects {
        let now = doc.code(pupil: p.id, subject: s.id, halfTerm: a.place.when.halfTerm)
        let was = data.docs.first { $0.year == before.year && $0.pupils.contains(p.id) }?
          .code(pupil: p.id, subject: s.id, halfTerm: before.halfTerm)
        row += [now ?? "", was ?? ""]
        tint += [now.flatMap { r.scheme.code(id: $0)?.colour }, nil]
      }
      rows.append(row)
      colours.append(tint)
    }
    return ReportTable(
      columns: ["Pupil", "Groups"] + r.trust.activeSubjects.flatMap { [$0.name, "was"] }, rows: rows,
      widths: [2.2, 1] + r.trust.activeSubjects.flatMap { _ in [0.9, 0.6] }, colours: colours)
  }

  func sideBySide(_ a: MeetingAgenda, data: SchoolYearData, _ r: ReportRequest) -> ReportTable {
    let rows = SideBySide.build(
      doc: data.doc(a.place.classID)!, pupils: a.pupils, scheme: r.scheme, subjects: r.trust.activeSubjects,
      tests: r.registry.tests(for: r.trust), halfTerm: r.when.halfTerm, steps: r.trust.disagreementSteps)
    return ReportTable(
      columns: ["Pupil"] + r.trust.activeSubjects.map { "\($0.name): code · score (band)" },
      rows: rows.map { row in
        [row.pupil.fullName]
          + row.entries.map { e in
            (e.disagrees ? "! " : "") + (e.code ?? "-")
              + (e.score.map { " · \($0) (\(e.scoreBand?.label ?? "?"))" } ?? " · no score")
          }
      }, widths: [1.4] + r.trust.activeSubjects.map { _ in 1.5 })
  }
}
