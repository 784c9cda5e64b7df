import CohortCore
import CohortStore
import Foundation

/// Feeds arbitrary bytes to the strict JSON check and the document decoders: they may refuse,
/// never crash, hang or accept what a strict parser would not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let strictOK = (try? StrictJSON.validate(bytes)) != nil
  let doc = try? DocumentCoding.decode(ClassYear.self, from: bytes)
  let roster = try? DocumentCoding.decode(Roster.self, from: bytes)
  _ = try? DocumentCoding.decode(Trust.self, from: bytes)
  // Whatever decodes must have passed the strict check, and must encode and decode again.
  if let doc {
    precondition(strictOK, "decoded a document the strict check refused")
    let again = try! DocumentCoding.decode(ClassYear.self, from: Array(try! DocumentCoding.encode(doc)))
    precondition(again == doc, "a document changed on a round trip")
  }
  // The byte readers accept only what the strict path reads, with the same meaning.
  // A class's meetings are kept as bytes by the scanner and decoded by `cohort check`: a
  // document whose only fault lies in its meetings is read by the scanner, refused strictly.
  if let fast = FastReaders.classColumns(bytes), doc == nil {
    precondition(fast.meetingsProblem() != nil, "the class-year scanner read a document the strict path refuses")
  }
  if let fast = FastReaders.classColumns(bytes), let strict = doc {
    precondition(
      fast.pupils == strict.pupils && fast.cells == strict.cells && fast.scoreCells == strict.scores
        && (fast.format, fast.school, fast.classID, fast.year) == (
          strict.format, strict.school, strict.classID, strict.year
        ),
      "the class-year scanner read a document differently")
  }
  if let fast = FastReaders.roster(bytes) {
    precondition(fast == roster, "the roster scanner read a document differently")
  }
  if let fast = FastReaders.school(bytes) {
    precondition(
      fast == (try? DocumentCoding.decode(School.self, from: bytes)), "the school scanner read it differently")
  }
  if let fast = FastReaders.trust(bytes) {
    precondition(
      fast == (try? DocumentCoding.decode(Trust.self, from: bytes)), "the trust scanner read it differently")
  }
  return 0
}
