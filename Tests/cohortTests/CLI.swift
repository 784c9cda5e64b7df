import Foundation

/// Runs the built `cohort` binary, as a script or a person would.
struct CLI {
  struct Result {
    var status: Int32
    var out: String
    var err: String
  }

  /// Beside the test bundle, in the build folder: found from the running test binary, never
  /// from the clone's path (a clone's own folder is often named "cohort" too).
  static let binary: String = {
    let buildFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    let candidate = buildFolder.appendingPathComponent("cohort").path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue else {
      fatalError("no cohort binary in the build folder \(buildFolder.path): build it first (swift build)")
    }
    return candidate
  }()

  @discardableResult
  static func run(_ args: [String], env: [String: String] = [:]) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    var environment = ProcessInfo.processInfo.environment
    environment["COHORT_DEVICE"] = "cli-test"
    environment["USER"] = "tester"
    // The device's own settings (who uses which trust) stay out of the tests unless given.
    environment["XDG_CONFIG_HOME"] =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "cohort-cli-config-\(getpid())"
      ).path
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
  }
}

/// A scratch folder removed after the test.
final class Scratch {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-cli-\(UUID().uuidString)").path
  init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  func sub(_ name: String) -> String { path + "/" + name }

  /// Every file under `root` with its bytes (hidden files included).
  static func snapshot(_ root: String) -> [String: Data] {
    var out: [String: Data] = [:]
    for rel in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
      var isDir: ObjCBool = false
      FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir)
      if !isDir.boolValue { out[rel] = FileManager.default.contents(atPath: root + "/" + rel) }
    }
    return out
  }
}
