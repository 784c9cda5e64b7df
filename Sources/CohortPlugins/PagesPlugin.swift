import CohortPluginKit

/// The desktop window's built-in pages, in switcher order, each on Alt and its digit.
struct PagesPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "pages", name: "The window's pages", version: "1.0.0",
    description: "Judgements, Scores, Side by side, Analysis, Meetings and Pupil.", provides: [.page])

  func register(_ registrar: PluginRegistrar) {
    for (i, page) in Self.pages.enumerated() {
      registrar.add(
        page: PageContribution(
          id: "page.\(page.id)", title: page.title, description: page.about, order: i + 1, key: i + 1))
    }
  }

  static let pages: [(id: String, title: String, about: String)] = [
    ("judgements", "Judgements", "A class's codes for a half-term, entered from the keyboard."),
    ("scores", "Scores", "Standardised test scores for a class, typed or from a raw score and the publisher's table."),
    (
      "side-by-side", "Side by side",
      "Teacher judgements beside the latest standardised scores, with disagreements and real changes flagged."
    ),
    (
      "analysis", "Analysis",
      "Charts from the trust down to one class, for any pupil group, and the pupils falling behind."
    ),
    (
      "meetings", "Meetings",
      "Pupil progress meetings: the agenda from the data, notes and actions, and last meeting's actions to review."
    ),
    ("pupil", "Pupil", "One pupil's codes and scores over all their years, and the history of every change."),
  ]
}
