/// The one list of the window's built-in pages, in switcher order.
@MainActor
enum BuiltInPages {
  static let all: [PageKind] = [
    JudgementsPage.kind,
    ScoresPage.kind,
    SideBySidePage.kind,
    AnalysisPage.kind,
    MeetingsPage.kind,
    PupilPage.kind,
  ]
}
