import CohortCore
import Foundation

/// Feeds arbitrary bytes to the CSV decoding and the roster reader: they may refuse, never
/// crash or hang; every row is either an entry or a problem (never both, never lost), and no
/// two entries share a UPN.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let (text, _) = CSVReader.decode(Data(bytes))
  let rows = CSVReader.rows(text)
  guard let file = try? RosterCSV.read(text) else { return 0 }
  var upns = Set<String>()
  var lines = Set<Int>()
  for e in file.entries {
    check(lines.insert(e.line).inserted, "a line read twice")
    if let u = e.upn { check(upns.insert(u.value).inserted, "two entries with one UPN") }
  }
  for p in file.problems { check(lines.insert(p.line).inserted, "a line both read and refused") }
  // A row of blanks (spaces, line breaks inside quotes) is skipped, not a pupil.
  let nonEmpty = rows.dropFirst().filter { !$0.allSatisfy { $0.allSatisfy(\.isWhitespace) } }.count
  check(lines.count == nonEmpty, "rows lost: \(lines.count) of \(nonEmpty)")
  check(lines.allSatisfy { $0 >= 2 && $0 <= rows.count }, "a line outside the file")
  return 0
}

/// A failed property stops the run with its message (precondition's is dropped in -O builds).
func check(_ ok: Bool, _ message: @autoclosure () -> String) {
  if !ok { fatalError(message()) }
}
