import CohortPluginKit

/// The built-in reports: the class meeting pack, the school summary and pack, the trust overview,
/// and everything held about a pupil (a subject access request).
struct ReportsPlugin: CompiledPlugin {
  let manifest = PluginManifest(
    id: "reports", name: "Meeting packs and summaries", version: "1.0.0",
    description: "Class meeting packs, school summaries and packs, and the trust overview, on screen and as PDF.",
    provides: [.report])

  func register(_ registrar: PluginRegistrar) {
    registrar.add(report: ClassMeetingPack())
    registrar.add(report: SchoolSummary())
    registrar.add(report: SchoolPack())
    registrar.add(report: TrustOverview())
    registrar.add(report: PupilDataReport())
  }
}
