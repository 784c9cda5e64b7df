import CohortCore
import Testing

@testable import CohortUI

/// The grid says how far the class is and stops at its last cell (issue 18).
@Suite struct GridDoneTests {
  @Test func eachSubjectCountsWhatIsEntered() {
    let m = Fixtures.model(pupils: 4)
    #expect(m.count(column: 0) == "0 of 4")
    for _ in 0..<3 { _ = m.type("g") }
    #expect(m.entered(column: 0) == 3)
    #expect(m.count(column: 0) == "3 of 4")
    #expect(m.countDescription(column: 0) == "\(m.subjects[0].name): 3 of 4 entered")
    #expect(m.entered(column: 1) == 0)
    #expect(!m.isComplete)
    #expect(m.emptyCount == 4 * m.columnCount - 3)
  }

  @Test func theClassIsCompleteWhenEveryCellHoldsACode() {
    let m = Fixtures.model(pupils: 3)
    for _ in 0..<(3 * m.columnCount - 1) { _ = m.type("y") }
    #expect(!m.isComplete)
    _ = m.type("p")
    #expect(m.isComplete)
    m.clearCursor()
    #expect(!m.isComplete)
  }

  @Test func anEmptyClassIsNotComplete() {
    #expect(!Fixtures.model(pupils: 0).isComplete)
  }

  @Test func typingPastTheLastCellNeverOverwritesIt() {
    let m = Fixtures.model(pupils: 2)
    for _ in 0..<(2 * m.columnCount - 1) { _ = m.type("g") }
    let last = GridPosition(row: 1, column: m.columnCount - 1)
    #expect(m.cursor == last)
    #expect(m.type("p") == .handled)
    #expect(m.rawCode(at: last) == "P")
    #expect(m.cursor == last && m.atEnd)
    #expect(m.type("y") == .hint(GridModel.endHint))
    #expect(m.rawCode(at: last) == "P")
    // Moving away and back makes the cell editable again.
    m.move(.up)
    m.move(.down)
    #expect(!m.atEnd)
    #expect(m.type("y") == .handled)
    #expect(m.rawCode(at: last) == "Y")
  }

  @Test func shortLabelsFitAndKeepTheirMeaning() {
    func code(_ label: String, _ kind: CodeKind = .assessed) -> Code {
      Code(id: "X", key: "x", label: label, colour: "#000000", kind: kind, band: nil)
    }
    #expect(GridModel.shortLabel(code("Secure"), limit: 14) == "Secure")
    #expect(GridModel.shortLabel(code("Outside year group", .outOfYear), limit: 14) == "Other year")
    #expect(GridModel.shortLabel(code("Significantly below"), limit: 14) == "Signif. below")
    #expect(GridModel.shortLabel(code("Pre-key stage (outside year group)", .outOfYear), limit: 14) == "Pre-key stage")
    #expect(GridModel.shortLabel(code("Expected standard"), limit: 14) == "Expected")
    for limit in [8, 12, 14] {
      for c in Fixtures.scheme.codes { #expect(GridModel.shortLabel(c, limit: limit).count <= limit) }
    }
  }

  @Test func aMixedAgeClassKnowsItsYearGroups() {
    let m = Fixtures.model(pupils: 3)
    #expect(m.yearGroups.count == Set(m.pupils.map { $0.yearGroup(in: m.doc.year) }).count)
  }

  @Test func aToastsUndoKnowsWhetherItsStepIsStillTheLast() {
    let m = Fixtures.model(pupils: 4)
    _ = m.type("g")
    m.cursor = GridPosition(row: 0, column: 0)
    let depth = m.undoDepth
    #expect(m.fillDown() == 3)
    #expect(m.undoDepth == depth + 1)
  }
}

@Suite struct RolloverTimingTests {
  let trust = Trust(id: "t", name: "T", schools: [])

  @Test func theYearsLastHalfTermNeedsNoQuestion() {
    let year = AcademicYear(startYear: 2026)
    let summer = RolloverTiming(trust: trust, today: SchoolDate(year: 2027, month: 7, day: 15)!, closing: year)
    #expect(summer.now.halfTerm == .summer2)
    #expect(!summer.needsConfirmation)
    let after = RolloverTiming(trust: trust, today: SchoolDate(year: 2027, month: 8, day: 20)!, closing: year)
    #expect(!after.needsConfirmation)
  }

  @Test func earlierItAsksNamingWhatBecomesReadOnly() {
    let year = AcademicYear(startYear: 2026)
    let december = RolloverTiming(trust: trust, today: SchoolDate(year: 2026, month: 12, day: 1)!, closing: year)
    #expect(december.needsConfirmation)
    let text = december.warning(schools: ["Oak", "Elm"])
    #expect(text.contains("Autumn 2 of 2026-27") && text.contains("2026-27 read-only"))
    #expect(text.contains("2 schools (Oak, Elm)") && text.contains("cannot be undone"))
    #expect(december.warning(schools: ["Oak"]).contains("read-only at Oak:"))
  }
}

@Suite struct PupilFinderTests {
  let finder: PupilFinder = {
    let dob = SchoolDate(year: 2018, month: 3, day: 1)!
    func hit(_ f: String, _ s: String, _ school: String) -> PupilFinder.Hit {
      PupilFinder.Hit(
        pupil: Pupil(id: f, forename: f, surname: s, dob: dob), school: school, schoolName: school, classID: "c",
        className: "Year 3")
    }
    return PupilFinder(hits: [hit("Amira", "Khan", "oak"), hit("Zoë", "Ó Briain", "elm"), hit("Amir", "Patel", "elm")])
  }()

  @Test func wordsMatchTheStartsOfNamesInAnyOrderCaseOrAccent() {
    #expect(finder.matches("khan").map(\.pupil.forename) == ["Amira"])
    #expect(finder.matches("zoe o").map(\.pupil.forename) == ["Zoë"])
    #expect(finder.matches("AMI").count == 2)
    #expect(finder.matches("mira").isEmpty)
    #expect(finder.matches("  ").isEmpty)
  }

  @Test func theSchoolInViewComesFirst() {
    #expect(finder.matches("ami", preferring: "elm").map(\.pupil.forename) == ["Amir", "Amira"])
    #expect(finder.matches("ami", preferring: "oak").map(\.pupil.forename) == ["Amira", "Amir"])
  }
}
