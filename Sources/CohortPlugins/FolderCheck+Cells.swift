import CohortCore

/// The codes and scores of one class-year. With millions of cells in a large trust this walks
/// the on-disk columns instead of building a dictionary of cells per document.
extension FolderCheck {
  /// A score that fails a check, reported in pupil and test order.
  struct ScoreFinding {
    var pupil: String
    var test: String
    var message: String
  }

  /// `listedOnce`: no pupil is listed twice in the document (checkClass has found out).
  mutating func checkCells(
    _ doc: ClassYearColumns, path: String, scheme: CodeScheme?, subjects: Set<String>, listedOnce: Bool
  ) {
    var unknownSubjects = Set<String>()
    var scoreFindings: [ScoreFinding] = []
    if listedOnce {
      for j in doc.judgements {
        for (i, code) in j.codes.enumerated() {
          guard let code else { continue }
          checkCode(code, pupil: doc.pupils[i], subject: j.subject, halfTerm: j.halfTerm, path: path, scheme: scheme)
        }
        if j.codes.contains(where: { $0 != nil }) && !subjects.contains(j.subject) { unknownSubjects.insert(j.subject) }
      }
      for s in doc.scores {
        let test = self.test(s.test)
        for i in doc.pupils.indices where s.at[i] != 0 {
          guard let score = s.standardised[i] else { continue }
          checkScore(score, pupil: doc.pupils[i], test: s.test, test, term: s.term, into: &scoreFindings)
        }
      }
    } else {
      // A pupil listed twice (reported already): one cell per pupil, as the document decoder keeps.
      for (key, cell) in doc.cells {
        guard let code = cell.code else { continue }
        checkCode(code, pupil: key.pupil, subject: key.subject, halfTerm: key.halfTerm, path: path, scheme: scheme)
        if !subjects.contains(key.subject) { unknownSubjects.insert(key.subject) }
      }
      for (key, cell) in doc.scoreCells {
        guard let score = cell.standardised else { continue }
        checkScore(score, pupil: key.pupil, test: key.test, test(key.test), term: key.term, into: &scoreFindings)
      }
    }
    for s in unknownSubjects.sorted() { error(path, "subject '\(s)' is not one of trust.json's subjects") }
    for f in scoreFindings.sorted(by: { ($0.pupil, $0.test) < ($1.pupil, $1.test) }) { error(path, f.message) }
  }

  mutating func checkCode(
    _ code: String, pupil: String, subject: String, halfTerm: HalfTerm, path: String, scheme: CodeScheme?
  ) {
    report.judgements += 1
    if let scheme, !knownCode(code, in: scheme) {
      error(path, "pupil \(pupil), \(subject) \(halfTerm.rawValue): code '\(code)' is not in scheme \(scheme.id)")
    }
  }

  /// The test of that id, looked up once per check: the registry folds case on every lookup.
  mutating func test(_ id: String) -> TestDefinition? {
    if let known = knownTests[id] { return known }
    let test = registry.test(id: id)
    knownTests[id] = .some(test)
    return test
  }

  mutating func checkScore(
    _ score: Int, pupil: String, test id: String, _ test: TestDefinition?, term: Term,
    into findings: inout [ScoreFinding]
  ) {
    report.scores += 1
    guard let test else {
      findings.append(
        ScoreFinding(
          pupil: pupil, test: id, message: "pupil \(pupil): a score for test '\(id)', which no active plugin defines"))
      return
    }
    if !(test.minimum...test.maximum).contains(score) {
      findings.append(
        ScoreFinding(
          pupil: pupil, test: id,
          message: "pupil \(pupil), \(test.name) \(term.rawValue): \(score) is outside \(test.minimum)-\(test.maximum)")
      )
    }
  }
}
