import CohortCore

/// A meeting's agenda, built from the data: the pupils flagged (with reasons), the class's
/// bands against last half-term, judgements that disagree with tests, and the actions due for
/// review with the impact of each intervention.
public struct MeetingAgenda: Sendable {
  public struct Flagged: Sendable {
    public let pupil: Pupil
    public let flags: [PupilFlag]
  }
  public struct Bands: Sendable {
    public let subject: Subject
    public let now: BandSummary
    public let before: BandSummary
  }
  public struct Disagreement: Sendable {
    public let pupil: Pupil
    public let notes: [String]
  }
  public struct Review: Sendable {
    public let action: TrackedAction
    /// For an intervention with pupils and a subject.
    public let impact: InterventionImpact?
  }

  public let place: MeetingPlace
  public let className: String
  public let pupils: [Pupil]
  public let meeting: Meeting
  public let flagged: [Flagged]
  /// The same reasons as one table, most concerning first, with since when and the latest score.
  public let toLookAt: PupilsToLookAt
  /// How much of the half-term the class has entered.
  public let completeness: Completeness
  public let bands: [Bands]
  public let disagreements: [Disagreement]
  public let forReview: [Review]

  public static func build(
    _ data: SchoolYearData, classID: String, halfTerm: HalfTerm, trust: Trust, scheme: CodeScheme,
    flagging: Flagging
  ) throws -> MeetingAgenda {
    guard let doc = data.doc(classID),
      let schoolClass = data.school.classes(in: data.year).first(where: { $0.id == classID })
    else { throw InputError("no class '\(classID)' at \(data.school.name) in \(data.year)") }
    let when = HalfTermRef(data.year, halfTerm)
    // Pupils in the class now: one moved out is discussed by their new class.
    let pupils = doc.members.compactMap(data.pupil).filter { $0.leftOn == nil }
    let inClass = Set(doc.members)
    let records = data.records.filter { inClass.contains($0.pupil.id) }
    let tests = flagging.tests
    let context = FlagContext(
      scheme: scheme, subjects: trust.activeSubjects, tests: tests, at: when, steps: trust.disagreementSteps,
      settings: flagging.settings)
    let flagged = records.compactMap { r -> Flagged? in
      let f = flagging.rules.flatMap { $0.flags(for: r, in: context) }
      return f.isEmpty ? nil : Flagged(pupil: r.pupil, flags: f)
    }
    .sorted { ($0.pupil.surname, $0.pupil.forename) < ($1.pupil.surname, $1.pupil.forename) }
    let analysis = Analysis(records: records, scheme: scheme)
    let names = ScopeNames(trust: trust, classes: ScopeNames.classes(of: data.school, in: data.year))
    let toLookAt = PupilsToLookAt.build(
      analysis, scope: .schoolClass(classID), context: context, rules: flagging.rules, names: names)
    let completeness = analysis.completeness(
      .schoolClass(classID), subjects: trust.activeSubjects, names: names, at: when)
    let bands = trust.activeSubjects.map {
      Bands(
        subject: $0, now: analysis.bands(.schoolClass(classID), subject: $0.id, at: when),
        before: analysis.bands(.schoolClass(classID), subject: $0.id, at: when.previous))
    }
    let disagreements = SideBySide.build(
      doc: doc, pupils: pupils, scheme: scheme, subjects: trust.activeSubjects, tests: tests, halfTerm: halfTerm,
      steps: trust.disagreementSteps
    )
    .compactMap { row -> Disagreement? in
      // The disagreement is an entry's first note; a score change may follow it.
      let notes = row.entries.filter(\.disagrees).compactMap { e in e.notes.first.map { "\(e.subject.name): \($0)" } }
      return notes.isEmpty ? nil : Disagreement(pupil: row.pupil, notes: notes)
    }
    let reviews = data.actions.filter { t in
      t.isForReview(at: when)
        // This class's own actions, and last year's actions for its pupils (interventions).
        && ((t.place.classID == classID && t.place.when.year == data.year)
          || t.action.value.pupils.contains(where: inClass.contains))
    }
    .map { t in Review(action: t, impact: impact(of: t, at: when, data: data, scheme: scheme, tests: tests)) }
    return MeetingAgenda(
      place: MeetingPlace(school: data.school.id, classID: classID, when: when), className: schoolClass.name,
      pupils: pupils, meeting: doc.meeting(halfTerm), flagged: flagged, toLookAt: toLookAt, completeness: completeness,
      bands: bands, disagreements: disagreements, forReview: reviews)
  }

  static func impact(
    of t: TrackedAction, at when: HalfTermRef, data: SchoolYearData, scheme: CodeScheme,
    tests: [TestDefinition]
  ) -> InterventionImpact? {
    let a = t.action.value
    guard a.kind == .intervention, !a.pupils.isEmpty, let subject = a.subject else { return nil }
    return InterventionImpact.compute(
      pupils: a.pupils, subject: subject, from: a.from, to: when, records: data.records, scheme: scheme, tests: tests)
  }
}
