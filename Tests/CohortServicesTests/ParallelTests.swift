import CohortServices
import Foundation
import Testing

struct Refused: Error, Equatable { let index: Int }

@Suite struct ParallelTests {
  @Test func resultsComeBackInOrderWhateverOrderTheWorkFinishes() {
    // Later indices finish first: the order must come from the slots, not from completion.
    let squares = Parallel.map(40) { i in
      usleep(UInt32((40 - i) * 200))
      return i * i
    }
    #expect(squares == (0..<40).map { $0 * $0 })
  }

  @Test func theFirstErrorByIndexIsThrownAfterAllHaveRun() {
    let ran = Slots<Bool>(count: 10)
    #expect(throws: Refused(index: 3)) {
      try Parallel.map(10) { i -> Int in
        ran.set(i, .success(true))
        if i == 3 || i == 7 { throw Refused(index: i) }
        return i
      }
    }
    #expect(ran.values.count == 10)
  }

  @Test func eachResultKeepsItsOwnFailure() {
    let results = Parallel.results(4) { i in
      if i % 2 == 1 { throw Refused(index: i) }
      return i
    }
    #expect(results.map { (try? $0.get()) ?? -1 } == [0, -1, 2, -1])
  }

  @Test func bothGivesEachPieceItsOwnResultAndType() {
    let (count, word) = Parallel.both({ (1...100).reduce(0, +) }, { String(repeating: "ab", count: 3) })
    #expect(count == 5050 && word == "ababab")
  }

  @Test func noWorkGivesNoResults() {
    #expect(Parallel.map(0) { $0 }.isEmpty)
  }
}
