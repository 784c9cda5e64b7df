// swift-tools-version:6.0
// libFuzzer targets (document loader, CTF reader, roster CSV reader): `make fuzz` builds them with -sanitize=fuzzer.
import PackageDescription

let package = Package(
  name: "CohortFuzz",
  dependencies: [.package(name: "Cohort", path: "..")],
  targets: [
    .executableTarget(
      name: "cohort-fuzz-json",
      dependencies: [.product(name: "CohortStore", package: "Cohort")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // The DfE Common Transfer File reader (and the XML reader under it).
    .executableTarget(
      name: "cohort-fuzz-ctf",
      dependencies: [.product(name: "CohortCore", package: "Cohort")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    // The MIS roster CSV reader (and the CSV decoding under it).
    .executableTarget(
      name: "cohort-fuzz-roster",
      dependencies: [.product(name: "CohortCore", package: "Cohort")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ],
  swiftLanguageModes: [.v6]
)
