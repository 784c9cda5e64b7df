import CohortCore

/// Feeds arbitrary bytes to the XML reader and the CTF reader: they may refuse, never crash or
/// hang; what the XML reader accepts must read back the same once written out again, and what
/// the CTF reader accepts must hold no two pupils with one UPN, and a results-only pupil no details.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let node = try? XMLReader.parse(bytes) {
    let again = try! XMLReader.parse(Array(write(node).utf8))
    check(same(node, again), "an XML tree changed on a round trip")
  }
  if let (_, file) = try? CTFReader.read(bytes) {
    var upns = Set<String>()
    for e in file.entries {
      check(e.line >= 1, "an entry without a line")
      if let u = e.upn { check(upns.insert(u.value).inserted, "two entries with one UPN") }
      // A results-only pupil (DfE's MTC file) claims no details, so an import changes none.
      if e.resultsOnly {
        check(
          e.yearGroup == nil && e.ethnicity == nil && e.eal == nil && e.pupilPremium == nil, "details in results only")
      }
      for r in e.results { check((1990...2200).contains(r.year), "a result without a valid year") }
    }
    for p in file.problems { check(p.line >= 1 && !p.reason.isEmpty, "a problem without a line or reason") }
  }
  return 0
}

func escape(_ s: String) -> String {
  var out = ""
  for ch in s.unicodeScalars {
    switch ch {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    default: out.unicodeScalars.append(ch)
    }
  }
  return out
}

func write(_ n: XMLNode) -> String {
  let attributes = n.attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
  return "<\(n.name)\(attributes)>\(escape(n.text))\(n.children.map(write).joined())</\(n.name)>"
}

func same(_ a: XMLNode, _ b: XMLNode) -> Bool {
  a.name == b.name && a.attributes == b.attributes && a.text == b.text && a.children.count == b.children.count
    && zip(a.children, b.children).allSatisfy { same($0, $1) }
}

/// A failed property stops the run with its message (precondition's is dropped in -O builds).
func check(_ ok: Bool, _ message: @autoclosure () -> String) {
  if !ok { fatalError(message()) }
}
