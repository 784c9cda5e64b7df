import Foundation
import Testing

@testable import CohortCharts

@Suite struct ReportPagesTests {
  @Test func pagesCarryTheFooterAndTablesRepeatTheirHeader() throws {
    let rows = (1...120).map { ["Pupil \($0)", "G"] }
    let d = ReportDocument(
      title: "Long", subtitle: "a table over several pages",
      blocks: [.heading("Everyone"), .table(ReportTable(columns: ["Pupil", "Code"], rows: rows))])
    let pages = ReportPages(d)
    #expect(pages.count >= 3)
    for page in pages.pages {
      let texts = page.compactMap { if case .text(let s, _, _, _, _, _) = $0 { s } else { nil } }
      #expect(texts.contains("Pupil") && texts.contains("Code"))
    }
    let all = pages.pages.flatMap { $0 }.compactMap { if case .text(let s, _, _, _, _, _) = $0 { s } else { nil } }
    #expect(Set(rows.map { $0[0] }).isSubset(of: Set(all)))
  }

  @Test func aPDFHasOnePagePerLaidOutPage() throws {
    let d = ReportDocument(
      title: "Short", subtitle: "two blocks", blocks: [.heading("One"), .text("Hello"), .pageBreak, .text("Two")])
    let r = ReportRenderer(d, made: "29/11/2026")
    #expect(r.pages.count == 2)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).pdf").path
    defer { unlink(path) }
    try r.writePDF(to: path)
    let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(bytes.components(separatedBy: "/Type /Page\n").count - 1 == 2 || bytes.contains("/Count 2"))
    var st = stat()
    stat(path, &st)
    #expect(st.st_mode & 0o777 == 0o600)
  }
}
