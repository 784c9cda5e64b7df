import CohortCore
import Testing

@testable import CohortUI

@Suite struct GridModelTests {
  @Test func aCodeKeyEntersTheCodeAndMovesToTheNextPupil() {
    let m = Fixtures.model()
    #expect(m.type("g") == .handled)
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == "G")
    #expect(m.cursor == GridPosition(row: 1, column: 0))
    #expect(m.type("P") == .handled)  // keys are case-insensitive
    #expect(m.rawCode(at: GridPosition(row: 1, column: 0)) == "P")
  }

  @Test func aWholeClassIsOneKeystrokePerCell() {
    let m = Fixtures.model(pupils: 30)
    for _ in 0..<(30 * 3) { #expect(m.type("g") == .handled) }
    #expect(m.allPositions.allSatisfy { m.rawCode(at: $0) == "G" })
    #expect(m.cursor == GridPosition(row: 29, column: 2))
  }

  @Test func unknownKeysChangeNothingAndSayWhichKeysWork() {
    let m = Fixtures.model()
    guard case .hint(let text) = m.type("x") else {
      Issue.record("expected a hint")
      return
    }
    #expect(text.contains("'x'") && text.contains("g Secure") && text.contains("y Not yet secure"))
    #expect(m.allPositions.allSatisfy { m.rawCode(at: $0) == nil })
    #expect(m.cursor == GridPosition(row: 0, column: 0))
    #expect(!m.canUndo)
  }

  @Test func movingAround() {
    let m = Fixtures.model(pupils: 3)
    m.move(.up)
    #expect(m.cursor == GridPosition(row: 0, column: 0))
    m.move(.right)
    m.move(.right)
    m.move(.right)
    #expect(m.cursor == GridPosition(row: 0, column: 2))
    m.move(.next)
    #expect(m.cursor == GridPosition(row: 1, column: 0))
    m.move(.previous)
    #expect(m.cursor == GridPosition(row: 0, column: 2))
    m.move(.last)
    #expect(m.cursor == GridPosition(row: 2, column: 2))
    m.move(.first)
    #expect(m.cursor == GridPosition(row: 0, column: 2))
    m.move(.left)
    m.move(.down)
    #expect(m.cursor == GridPosition(row: 1, column: 1))
  }

  @Test func undoAndRedoEveryChange() {
    let m = Fixtures.model()
    var changed: [Set<GridPosition>] = []
    m.onChange = { changed.append($0) }
    _ = m.type("g")
    _ = m.type("y")
    m.cursor = GridPosition(row: 0, column: 0)
    m.clearCursor()
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == nil)
    m.undo()
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == "G")
    m.undo()
    #expect(m.rawCode(at: GridPosition(row: 1, column: 0)) == nil)
    m.redo()
    #expect(m.rawCode(at: GridPosition(row: 1, column: 0)) == "Y")
    m.undo()
    m.undo()
    #expect(!m.canUndo && m.canRedo)
    #expect(m.allPositions.allSatisfy { m.rawCode(at: $0) == nil })
    _ = m.type("p")  // a new edit drops the redo history
    #expect(!m.canRedo)
    #expect(changed.count == 9)
    // Undone cells are tombstones with newer times, so a merge with an older copy keeps them empty.
    #expect(m.doc.cell(pupil: "p1", subject: "reading", halfTerm: .autumn2)?.code == nil)
  }

  @Test func fillDownFillsOnlyEmptyCellsBelow() {
    let m = Fixtures.model(pupils: 5)
    m.apply([(GridPosition(row: 3, column: 0), "Y")])
    m.cursor = GridPosition(row: 1, column: 0)
    m.apply([(m.cursor, "G")])
    #expect(m.fillDown() == 2)
    #expect((0..<5).map { m.rawCode(at: GridPosition(row: $0, column: 0)) } == [nil, "G", "G", "Y", "G"])
    m.undo()
    #expect((0..<5).map { m.rawCode(at: GridPosition(row: $0, column: 0)) } == [nil, "G", nil, "Y", nil])
  }

  @Test func copyLastHalfTermForAColumnOrTheClass() {
    var doc = Fixtures.doc(3)
    for (i, code) in ["G", "Y", "P"].enumerated() {
      doc.set(code, pupil: "p\(i)", subject: "reading", halfTerm: .autumn1, by: Fixtures.author, at: 5)
      doc.set(code, pupil: "p\(i)", subject: "maths", halfTerm: .autumn1, by: Fixtures.author, at: 5)
    }
    doc.set("N", pupil: "p2", subject: "reading", halfTerm: .autumn2, by: Fixtures.author, at: 6)
    let m = Fixtures.model(pupils: 3, doc: doc)
    #expect(m.previousCode(at: GridPosition(row: 1, column: 0)) == "Y")
    #expect(m.copyLastHalfTerm(column: 0) == 2)
    #expect((0..<3).map { m.rawCode(at: GridPosition(row: $0, column: 0)) } == ["G", "Y", "N"])
    #expect(m.rawCode(at: GridPosition(row: 0, column: 2)) == nil)
    #expect(m.copyLastHalfTerm(column: nil) == 3)
    #expect(m.rawCode(at: GridPosition(row: 2, column: 2)) == "P")
  }

  @Test func autumnOneShowsLastYearsSummerTwo() {
    let m = Fixtures.model(pupils: 2, halfTerm: .autumn1, earlier: ["p1": ["writing": "P"]])
    #expect(m.previousCode(at: GridPosition(row: 1, column: 1)) == "P")
    #expect(m.previousCode(at: GridPosition(row: 0, column: 1)) == nil)
  }

  @Test func pasteAColumnFromASpreadsheet() throws {
    let m = Fixtures.model(pupils: 4)
    m.cursor = GridPosition(row: 1, column: 0)
    #expect(try m.paste("G\r\ny\r\nSecure\r\n") == 3)
    #expect((0..<4).map { m.rawCode(at: GridPosition(row: $0, column: 0)) } == [nil, "G", "Y", "G"])
    m.cursor = GridPosition(row: 0, column: 1)
    #expect(try m.paste("P\tG\n\tY\n") == 3)
    #expect(m.rawCode(at: GridPosition(row: 0, column: 2)) == "G")
    #expect(m.rawCode(at: GridPosition(row: 1, column: 1)) == nil)
    #expect(m.rawCode(at: GridPosition(row: 1, column: 2)) == "Y")
    m.undo()
    #expect(m.rawCode(at: GridPosition(row: 0, column: 1)) == nil)
  }

  @Test func aBadCodeRejectsThePasteNamingTheRow() {
    let m = Fixtures.model(pupils: 4)
    #expect {
      try m.paste("G\nQ\nG")
    } throws: { error in
      let text = "\(error)"
      return text.contains("row 2") && text.contains(m.pupils[1].fullName) && text.contains("'Q'")
    }
    #expect(m.allPositions.allSatisfy { m.rawCode(at: $0) == nil })
    #expect(throws: InputError.self) { try m.paste("G\nG\nG\nG\nG") }
  }

  @Test func absorbShowsAnotherWritersEditsAndKeepsOurs() {
    let m = Fixtures.model(pupils: 3)
    _ = m.type("g")
    var theirs = Fixtures.doc(3)
    theirs.set(
      "Y", pupil: "p2", subject: "maths", halfTerm: .autumn2, by: Author(by: "Mr B", device: "other"), at: 9_000_000)
    var changed = Set<GridPosition>()
    m.onChange = { changed = $0 }
    m.absorb(theirs)
    #expect(changed == [GridPosition(row: 2, column: 2)])
    #expect(m.rawCode(at: GridPosition(row: 2, column: 2)) == "Y")
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == "G")
  }

  @Test func accessibleNamesSayPupilSubjectAndHalfTerm() {
    let m = Fixtures.model(halfTerm: .autumn1)
    #expect(m.accessibleName(at: GridPosition(row: 0, column: 0)) == "Amira S0, Reading, Autumn 1")
  }

  @Test func aPupilMissingFromTheRosterStillHasARow() {
    var doc = Fixtures.doc(2)
    doc.pupils.append("ghost")
    let m = Fixtures.model(pupils: 2, doc: doc)
    #expect(m.rowCount == 3)
    #expect(m.pupils[2].fullName.contains("ghost"))
  }
}
