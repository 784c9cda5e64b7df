/// "1 pupil", "3 pupils", "1,380 pupils": counts as a teacher reads them.
public func plural(_ n: Int, _ word: String, _ words: String? = nil) -> String {
  "\(grouped(n)) \(n == 1 ? word : words ?? word + "s")"
}

/// 1380 -> "1,380".
public func grouped(_ n: Int) -> String {
  let digits = String(n.magnitude)
  var out = ""
  for (i, ch) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(ch)
  }
  return (n < 0 ? "-" : "") + out
}
