// swift-tools-version:6.0
// libFuzzer target for the document loader: `make fuzz` builds it with -sanitize=fuzzer.
import PackageDescription

let package = Package(
  name: "CohortFuzz",
  dependencies: [.package(name: "Cohort", path: "..")],
  targets: [
    .executableTarget(
      name: "cohort-fuzz-json",
      dependencies: [.product(name: "CohortStore", package: "Cohort")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
  ],
  swiftLanguageModes: [.v6]
)
