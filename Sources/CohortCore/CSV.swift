import Foundation

/// RFC 4180 CSV with CRLF line ends (what spreadsheets expect). Text that a spreadsheet would
/// run as a formula gets a leading apostrophe, so an export can never carry an attack.
public enum CSV {
  public static func line(_ fields: [String]) -> String {
    fields.map(escape).joined(separator: ",") + "\r\n"
  }

  public static func escape(_ field: String) -> String {
    var f = field
    if let first = f.first, "=+-@\t\r".contains(first), Double(f) == nil { f = "'" + f }
    if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return f
  }
}
