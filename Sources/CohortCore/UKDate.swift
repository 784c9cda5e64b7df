import Foundation

/// Dates as UK spreadsheets and MIS exports write them: 14/03/2019, 14/3/19, 14-03-2019,
/// 2019-03-14, 14 Mar 2019, 14 March 2019. Day first, always (never the US order).
public enum UKDate {
  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  public static func parse(_ text: String) -> SchoolDate? {
    let t = text.trimmingCharacters(in: .whitespaces)
    if let iso = SchoolDate(iso: String(t.prefix(10))),
      t.count == 10 || t.dropFirst(10).first == "T" || t.dropFirst(10).first == " "
    {
      return iso
    }
    let parts = t.lowercased().split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." || $0 == " " }).map(
      String.init)
    guard parts.count == 3, let day = Int(parts[0]) else { return nil }
    let month =
      Int(parts[1]) ?? months.firstIndex(where: { parts[1].hasPrefix($0) && parts[1].count >= 3 }).map { $0 + 1 }
    guard let month, var year = Int(parts[2].prefix(4)) else { return nil }
    if parts[2].count == 2 { year += year > 50 ? 1900 : 2000 }
    return SchoolDate(year: year, month: month, day: day)
  }
}

extension SchoolDate {
  /// "2026-10-17T16:23:11Z"
  public static func isoTime(_ ms: Int64) -> String {
    let day = SchoolDate(dayNumber: Int((ms / 86_400_000)))
    let s = Int((ms % 86_400_000) / 1000)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(day)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
  }
}
