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
    let bytes = String(decoding: try r.pdf(), as: UTF8.self)
    #expect(bytes.hasPrefix("%PDF"))
    #expect(bytes.components(separatedBy: "/Type /Page\n").count - 1 == 2 || bytes.contains("/Count 2"))
    var seen = 0
    #expect(throws: CancellationError.self) {
      try r.pdf { done, _ in
        seen = done
        return false
      }
    }
    #expect(seen == 1, "cancelled after the first page")
  }

  /// A chart of ninety rows does not fit an A4 page: it is laid out as parts, each on the
  /// page, together holding every row.
  @Test func aChartOfManyRowsIsCutToFitThePages() {
    let names = (1...90).map { "School \($0)" }
    let spec = ChartSpec(
      kind: .groupedBars, title: "By school", subtitle: "s", xLabel: "School", yLabel: "%", categories: names,
      series: [.init(name: "At or above", colour: "#2E7D32", values: names.map { _ in 50 })], notes: [])
    let pages = ReportPages(ReportDocument(title: "Trust", subtitle: "", blocks: [.chart(spec)]))
    var shown: [String] = []
    for page in pages.pages {
      for case .chart(let part, _, let y, let scale) in page {
        #expect(y + ChartRenderer(for: part).height * scale <= ReportPages.bottom + 0.5)
        shown += part.categories
      }
    }
    #expect(shown == names)
    #expect(pages.count >= 2)
  }
}
