/// The one list of the window's built-in pages, in switcher order.
@MainActor
enum BuiltInPages {
  static let all: [PageKind] = [
    JudgementsPage.kind,
    ScoresPage.kind,
    SideBySidePage.kind,
    AnalysisPage.kind,
    PlaceholderPage.kind(
      id: "meetings", title: "Meetings",
      text:
        "Pupil progress meetings: the agenda from the data, notes and actions, and last meeting's actions to review."),
    PupilPage.kind,
  ]
}
