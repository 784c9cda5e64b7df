import CohortCore
import CohortServices
import CohortStore

/// What the analysis commands share: the opened folder, the year's records as one `Analysis`
/// (kept until exit), and the names of schools and classes for every word they print.
struct AnalysisContext {
  let opened: Opened
  let analysis: Analysis
  let names: ScopeNames

  /// `history`: earlier years whose codes and scores come with this year's pupils. `within`:
  /// for a command whose figures all lie within its scope, the pupils of that scope only.
  static func load(_ opened: Opened, year: AcademicYear, history: Int, within scope: AnalysisScope = .trust) throws
    -> AnalysisContext
  {
    let (records, names) = try AnalysisLoader.loadWithNames(
      opened.folder, trust: opened.trust, year: year, history: history, within: scope)
    let a = Analysis(records: records, scheme: opened.scheme)
    KeptUntilExit.keep(a)
    return AnalysisContext(opened: opened, analysis: a, names: names)
  }

  var trust: Trust { opened.trust }
}

/// Text in a column of a plain-text table.
func padded(_ s: String, _ width: Int) -> String {
  s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
}
