import ArgumentParser
import CohortCharts
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

struct ReportCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "report", abstract: "Make a report as an A4 PDF.",
      discussion: PluginHelp.listing("Reports") {
        $0.reports.map { "  \(padded($0.id, 15))\($0.title) (--scope \($0.scopeKinds.joined(separator: " or ")))" }
      })
  }

  @Argument(help: "The report (listed below).") var kind: String
  @OptionGroup var options: DataOptions
  @Option(help: "class:ID, school:ID or trust.") var scope = "trust"
  @Option(help: "Academic year, e.g. 2026-27.") var year: String
  @Option(name: .customLong("half-term"), help: "autumn1 ... summer2.") var halfTerm: String
  @Option(help: "The PDF to write.") var out: String
  @Option(name: .customLong("page-images"), help: "Also write each page as a PNG into this folder.")
  var pageImages: String?

  func run() throws {
    let opened = try options.open()
    let report = try opened.registry.report(kind)
    let scope = try AnalysisScope.parse(scope)
    guard report.scopeKinds.contains(scope.kind) else {
      throw CommandFailure(
        "\(report.id) takes --scope \(report.scopeKinds.map { "\($0)\($0 == "trust" ? "" : ":ID")" }.joined(separator: " or "))"
      )
    }
    guard out.lowercased().hasSuffix(".pdf") else { throw CommandFailure("--out must name a .pdf file") }
    let line = ProgressLine(what: "Making the \(report.title.lowercased())")
    let progress = WorkProgress { line.update($0, $1) }
    let request = ReportRequest(
      folder: opened.folder, trust: opened.trust, registry: opened.registry, scheme: opened.scheme, scope: scope,
      when: HalfTermRef(try AcademicYear.parse(year), try HalfTerm.parse(halfTerm)), progress: progress)
    let document = try report.make(request)
    let renderer = ReportRenderer(document, made: SchoolDate.today().ukDescription)
    try OutputFile.write(try renderer.pdf(), to: out)
    if let pageImages {
      try OutputFile.makeFolder(pageImages)
      for i in 0..<renderer.pages.count {
        try OutputFile.write(
          try renderer.png(page: i), to: "\(pageImages)/page-\(String(format: "%02d", i + 1)).png")
      }
    }
    line.finish()
    print("\(out): \(renderer.pages.count) pages")
  }
}
