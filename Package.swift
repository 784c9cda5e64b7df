// swift-tools-version:6.0
import PackageDescription

// The layers (docs/architecture.md), each using only those below it:
//   CohortCore <- CohortStore <- CohortServices <- CohortPluginKit, CohortCharts <- CohortPlugins <- shells.
// CohortServices is what several features and both shells share (loaders, school-year data, the
// leaders' tables, parallel work). Each shell names CohortPlugins in one file (its built-ins).
// GTK: CGtk is imported by CohortUI (its wrapper in CohortUI/Gtk), cohort-gtk, and the targets
// that drive the window (cohort-bench, CohortUITests); the CLI and everything below CohortUI know none.
let package = Package(
  name: "Cohort",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "cohort", targets: ["cohort"]),
    .executable(name: "cohort-gtk", targets: ["cohort-gtk"]),
    .library(name: "CohortCore", targets: ["CohortCore"]),
    .library(name: "CohortStore", targets: ["CohortStore"]),
    // Compiled plugins build against this library (see Examples/ and docs/plugins.md).
    .library(name: "CohortPluginKit", type: .dynamic, targets: ["CohortPluginKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .target(name: "CohortCore"),
    .target(name: "CohortStore", dependencies: ["CohortCore"]),
    // Shared by several features and both shells; knows no plugin.
    .target(name: "CohortServices", dependencies: ["CohortCore", "CohortStore"]),
    .target(name: "CohortPluginKit", dependencies: ["CohortCore", "CohortStore", "CohortServices", "CohortCharts"]),
    .target(name: "CohortSample", dependencies: ["CohortCore"]),
    // Encrypted backups of a data folder (AES-GCM, key from a passphrase by PBKDF2).
    .target(
      name: "CohortBackup",
      dependencies: [
        "CohortStore", .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ]),
    // The built-in features: importers, exporters, reports, flag rules, the folder check.
    .target(
      name: "CohortPlugins",
      dependencies: [
        "CohortCore", "CohortStore", "CohortServices", "CohortPluginKit", "CohortCharts",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .executableTarget(
      name: "cohort",
      dependencies: [
        "CohortCore", "CohortStore", "CohortServices", "CohortPluginKit", "CohortPlugins", "CohortSample",
        "CohortBackup", "CohortCharts",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Compiled plugins bind to the host's copy of CohortPluginKit's types.
      linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
    ),
    // A writer for the crash-consistency and two-writer tests (not installed).
    .executableTarget(name: "cohort-torture", dependencies: ["CohortStore"]),
    // make bench: the trust-scale benchmark beside SQLite and DuckDB (docs/performance.md).
    .executableTarget(
      name: "cohort-bench",
      dependencies: [
        "CohortCore", "CohortStore", "CohortServices", "CohortPluginKit", "CohortPlugins", "CohortCharts", "CohortUI",
      ],
      linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]),
    .systemLibrary(name: "CCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
    // Charts: specs built by pure code, drawn by one cairo renderer (PNG, SVG, PDF, screen).
    .target(name: "CohortCharts", dependencies: ["CohortCore", "CCairo"]),
    // GTK 4 and libadwaita (1.2 on Debian 12): libadwaita-1's flags include GTK's.
    .systemLibrary(name: "CGtk", pkgConfig: "libadwaita-1", providers: [.apt(["libadwaita-1-dev"])]),
    // The views, with a small GTK wrapper in CohortUI/Gtk.
    .target(
      name: "CohortUI",
      dependencies: [
        "CGtk", "CohortCore", "CohortStore", "CohortServices", "CohortPluginKit", "CohortPlugins", "CohortCharts",
        "CohortSample",
      ]),
    .executableTarget(
      name: "cohort-gtk", dependencies: ["CohortUI", "CohortStore"],
      linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]),
    // Fixtures several test targets share (the YGP scheme, CTF files), typed once.
    .target(name: "CohortTestSupport", dependencies: ["CohortCore"], path: "Tests/CohortTestSupport"),
    .testTarget(name: "CohortCoreTests", dependencies: ["CohortCore", "CohortTestSupport"]),
    .testTarget(name: "CohortStoreTests", dependencies: ["CohortStore"]),
    .testTarget(name: "CohortServicesTests", dependencies: ["CohortServices"]),
    .testTarget(name: "CohortPluginKitTests", dependencies: ["CohortPluginKit", "CohortTestSupport"]),
    .testTarget(name: "CohortSampleTests", dependencies: ["CohortSample", "CohortTestSupport"]),
    .testTarget(
      name: "CohortPluginsTests",
      dependencies: [
        "CohortPlugins", "CohortServices", "CohortSample", "CohortTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(name: "CohortBackupTests", dependencies: ["CohortBackup"]),
    .testTarget(name: "CohortChartsTests", dependencies: ["CohortCharts", "CohortTestSupport"]),
    .testTarget(
      name: "CohortUITests", dependencies: ["CohortUI", "CGtk", "CohortServices", "CohortSample", "CohortTestSupport"]),
    .testTarget(name: "cohortTests", dependencies: ["cohort", "cohort-torture", "CohortCore", "CohortStore"]),
  ],
  swiftLanguageModes: [.v6]
)
