// swift-tools-version:6.0
// An out-of-tree Cohort plugin: it adds an exporter that no built-in provides, without
// touching Cohort's sources. Build it with the same toolchain as Cohort (see README.md).
import PackageDescription

let package = Package(
  name: "BandSummaryPlugin",
  products: [.library(name: "BandSummaryPlugin", type: .dynamic, targets: ["BandSummaryPlugin"])],
  dependencies: [.package(name: "Cohort", path: "../..")],
  targets: [
    .target(name: "BandSummaryPlugin", dependencies: [.product(name: "CohortPluginKit", package: "Cohort")])
  ],
  swiftLanguageModes: [.v6]
)
