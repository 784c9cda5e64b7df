import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// Counts of each common band per school, year, half-term and subject, with n and
/// percentages: the table a trust leader pastes into a board report.
struct BandSummaryPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "example.band-summary", name: "Band summary export", version: "1.0.0",
    description: "Band counts and percentages per school, half-term and subject, as CSV.",
    provides: [.exporter, .action])

  func register(_ registrar: PluginRegistrar) {
    registrar.add(exporter: BandSummary())
    registrar.add(action: CountCodes())
  }
}

/// A button in the window's header bar (and `cohort action count-codes`): how many codes the
/// half-term on screen has, trust-wide. Shows how a plugin adds an action.
struct CountCodes: MenuAction {
  let id = "action.count-codes"
  let title = "Count codes"
  let place = MenuPlace.header

  func run(_ r: ActionRequest) throws -> String {
    var entered = 0
    for ref in r.trust.schools {
      let school = try r.folder.loadSchool(ref.id)
      for c in school.classes(in: r.when.year) {
        let doc = try r.folder.loadClassYear(school: ref.id, classID: c.id, year: r.when.year)
        entered += doc.judgements.filter { $0.halfTerm == r.when.halfTerm && $0.cell.code != nil }.count
      }
    }
    return "\(entered) codes entered at \(r.when.halfTerm.label) \(r.when.year)"
  }
}

struct BandSummary: Exporter {
  let id = "csv.band-summary"
  let format = "csv"
  let what = "band-summary"
  let title = "Band summary (CSV)"

  struct Key: Hashable, Comparable {
    var school: String
    var year: String
    var half: Int
    var subject: String
    static func < (a: Key, b: Key) -> Bool {
      (a.school, a.year, a.half, a.subject) < (b.school, b.year, b.half, b.subject)
    }
  }

  func export(_ r: ExportRequest) throws -> Data {
    let trust = try r.folder.loadTrust()
    var counts: [Key: [CommonBand: Int]] = [:]
    for ref in trust.schools {
      let school = try r.folder.loadSchool(ref.id)
      for year in school.years where r.year == nil || r.year == year {
        for c in school.classes(in: year) {
          let doc = try r.folder.loadClassYear(school: ref.id, classID: c.id, year: year)
          for j in doc.judgements {
            guard let code = j.cell.code, let band = r.scheme.band(of: code) else { continue }
            counts[
              Key(school: ref.id, year: year.description, half: j.halfTerm.index, subject: j.subject), default: [:]][
                band, default: 0] += 1
          }
        }
      }
    }
    var out = CSV.line(["school", "academic_year", "half_term", "subject", "band", "count", "n", "percent"])
    for key in counts.keys.sorted() {
      let bands = counts[key]!
      let n = bands.values.reduce(0, +)
      for band in CommonBand.allCases {
        let count = bands[band, default: 0]
        out += CSV.line([
          key.school, key.year, HalfTerm.allCases[key.half].rawValue, key.subject, band.rawValue, String(count),
          String(n),
          String(format: "%.1f", 100 * Double(count) / Double(n)),
        ])
      }
    }
    return Data(out.utf8)
  }
}

/// The one C entry point Cohort looks for.
@_cdecl("cohort_plugin_entry")
public func cohortPluginEntry() -> UnsafeMutableRawPointer {
  Unmanaged.passRetained(CompiledPluginBox(BandSummaryPlugin())).toOpaque()
}
