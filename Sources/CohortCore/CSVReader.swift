import Foundation

/// Reads CSV as spreadsheets and MIS exports write it: a byte-order mark, commas, semicolons
/// or tabs, quoted fields with doubled quotes and line breaks, CRLF or LF.
public enum CSVReader {
  /// Text from bytes: UTF-8 (with or without a BOM), else Windows-1252, which older Excel
  /// and MIS exports use; the note says which was assumed.
  public static func decode(_ data: Data) -> (text: String, note: String?) {
    // Excel's "Unicode Text" and some MIS exports: UTF-16 with a byte-order mark.
    for (bom, encoding) in [
      ([UInt8]([0xFF, 0xFE]), String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian),
    ]
    where data.starts(with: bom) {
      if let text = String(data: data.dropFirst(2), encoding: encoding) {
        return (text, "the file is UTF-16 (Excel's Unicode Text): read it as such")
      }
    }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let text = String(data: bytes, encoding: .utf8) { return (text, nil) }
    if let text = String(data: bytes, encoding: .windowsCP1252) {
      return (text, "the file is not UTF-8: read it as Windows-1252 (Excel's encoding)")
    }
    return (String(decoding: bytes, as: UTF8.self), "the file is not UTF-8: unreadable characters were replaced")
  }

  /// The delimiter used most on the first line, outside quotes.
  public static func delimiter(of text: String) -> Character {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
    var quoted = false
    for ch in firstLine {
      if ch == "\"" { quoted.toggle() } else if !quoted, counts[ch] != nil { counts[ch]! += 1 }
    }
    return counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }!.key
  }

  public static func rows(_ text: String, delimiter: Character? = nil) -> [[String]] {
    var t = Substring(text)
    if t.first == "\u{FEFF}" { t = t.dropFirst() }
    let sep = delimiter ?? self.delimiter(of: String(t))
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var i = t.startIndex
    while i < t.endIndex {
      let ch = t[i]
      if quoted {
        if ch == "\"" {
          let next = t.index(after: i)
          if next < t.endIndex && t[next] == "\"" {
            field.append("\"")
            i = next
          } else {
            quoted = false
          }
        } else {
          field.append(ch)
        }
      } else if ch == "\"" && field.isEmpty {
        quoted = true
      } else if ch == sep {
        row.append(field)
        field = ""
      } else if ch == "\n" || ch == "\r\n" || ch == "\r" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(ch)
      }
      i = t.index(after: i)
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
