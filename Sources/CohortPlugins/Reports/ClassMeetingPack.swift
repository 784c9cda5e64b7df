import CohortCharts
import CohortCore
import CohortPluginKit
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
    let names = { (id: String) in data.pupil(id)?.fullName ?? id }
    let details = a.meeting.details?.value
    var subtitle = "\(data.school.name) · \(r.when.halfTerm.label) \(r.when.year) · \(a.pupils.count) pupils"
    if let date = details?.date { subtitle += " · meeting \(date.ukDescription)" }
    var d = ReportDocument(title: "Pupil progress meeting: \(a.className)", subtitle: subtitle)
    if let details, !details.attendees.isEmpty {
      d.blocks.append(.text("Attendees: \(details.attendees.joined(separator: ", "))."))
    }
    if let notes = details?.notes, !notes.isEmpty { d.blocks.append(.text(notes)) }

    d.blocks.append(.heading("Actions to review"))
    if a.forReview.isEmpty { d.blocks.append(.text("No actions are due for review at this meeting.")) }
    for review in a.forReview {
      let act = review.action.action.value
      d.blocks.append(.subheading("\(act.kind.label): \(act.description)"))
      var line = "Owner \(act.owner); decided \(review.action.place.when); due \(review.action.due)."
      if let latest = review.action.latest {
        line += " Reviewed \(latest.place.when): \(latest.review.value.impact.label)."
        if !latest.review.value.next.isEmpty { line += " Next: \(latest.review.value.next)" }
      }
      d.blocks.append(.text(line))
      if let impact = review.impact { d.blocks += ReportParts.impactBlocks(impact) }
    }

    d.blocks.append(.heading("Bands against last half-term"))
    d.blocks.append(.table(ReportParts.bandsTable(a.bands)))
    let analysis = Analysis(
      records: data.records.filter { Set(a.pupils.map(\.id)).contains($0.pupil.id) }, scheme: r.scheme)
    d.blocks.append(
      .chart(
        Charts.bandsBySubject(
          analysis, scope: .schoolClass(classID), scopeName: a.className, group: .everyone,
          subjects: r.trust.activeSubjects,
          at: r.when)))

    d.blocks.append(.heading("Pupils flagged"))
    d.blocks.append(
      a.flagged.isEmpty
        ? .text("No pupil is flagged.")
        : .table(
          ReportTable(
            columns: ["Pupil", "Groups", "Why"],
            rows: a.flagged.map {
              [$0.pupil.fullName, ReportParts.groups($0.pupil), $0.flags.map(\.reason).joined(separator: "\n")]
            },
            widths: [1.3, 0.7, 4])))

    d.blocks.append(.heading("Judgements this half-term"))
    d.blocks.append(.table(grid(a, data: data, r)))

    d.blocks.append(.heading("Judgements beside test scores"))
    let doc = data.doc(classID)!
    if doc.scores.isEmpty {
      d.blocks.append(.text("No standardised test scores for this class this year."))
    } else {
      d.blocks.append(
        .text("The latest score this year beside each judgement; ! marks a judgement and a score that disagree."))
      d.blocks.append(.table(sideBySide(a, data: data, r)))
    }
    if !a.disagreements.isEmpty {
      d.blocks.append(
        .text(
          "Disagreements to moderate: "
            + a.disagreements.map { "\($0.pupil.fullName) (\($0.notes.count))" }.joined(separator: ", ") + "."))
    }

    d.blocks.append(.heading("Actions decided at this meeting"))
    let decided = a.meeting.orderedActions.map { TrackedAction(place: a.place, action: $0, reviews: []) }
    d.blocks.append(
      decided.isEmpty
        ? .text("None recorded yet.")
        : .table(ReportParts.actionsTable(decided, names: names, classNames: data.classNames)))
    let evidence = a.meeting.evidence.filter { !$0.value.value.isEmpty }.sorted { names($0.key) < names($1.key) }
    if !evidence.isEmpty {
      d.blocks.append(.heading("Evidence discussed"))
      d.blocks.append(
        .table(
          ReportTable(
            columns: ["Pupil", "Evidence"], rows: evidence.map { [names($0.key), $0.value.value] }, widths: [1, 4])))
    }
    return d
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
