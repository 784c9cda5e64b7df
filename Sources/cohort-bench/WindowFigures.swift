import CohortCore
import CohortUI
import Foundation

/// The app's own window: the real `cohort-gtk` on the trust under Xvfb, driven through the
/// accessibility tree by the probes in Tests/e2e, with its main-loop probe on.
extension Bench {
  static let stallRow = "app window: longest main-loop stall"
  static let busyStallRow = "app window, other core busy: longest stall"
  static let launchRow = "launch to the first painted window"
  static let gridRow = "launch to an editable class grid"
  static let keyRow = "keystroke to painted cell (99th percentile)"

  func windowFigures(_ size: TrustSize, context: AppContext) {
    guard Spawn.which("xvfb-run", scratch: cache.scratch), Spawn.which("dbus-run-session", scratch: cache.scratch)
    else {
      for row in [Self.stallRow, Self.busyStallRow, Self.launchRow, Self.gridRow, Self.keyRow] {
        table.set(row, size.name, "no xvfb-run", value: nil)
      }
      return
    }
    stall(size, row: Self.stallRow, busy: false)
    // The smoke run (make test) proves the probe works once; the burner adds a minute.
    if !smoke { stall(size, row: Self.busyStallRow, busy: true) }
    launch(size, context: context)
  }

  /// A probe script under Xvfb and a session bus; its output, or why it failed.
  func probe(_ script: String, _ arguments: [String]) -> Spawned {
    Spawn.run(
      "/usr/bin/xvfb-run",
      ["-a", "-s", "-screen 0 1400x950x24", "dbus-run-session", "--", "/usr/bin/python3", "Tests/e2e/" + script]
        + arguments, scratch: cache.scratch)
  }

  /// Why a probe failed: its last line (the session bus and GTK say things first).
  static func why(_ run: Spawned) -> String {
    run.stderr.split(separator: "\n").last.map(String.init) ?? "exit status \(run.status)"
  }

  /// The numbers in the probe's line that starts with `prefix`.
  static func numbers(_ run: Spawned, _ prefix: String) -> [Double]? {
    run.stdout.split(separator: "\n").last { $0.hasPrefix(prefix) }?
      .split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
  }

  /// A leader's way through the Analysis page, the presenter, the drill-down to a class, its
  /// grid and Trust settings (Tests/e2e/stall_probe.py): the longest time the main loop did
  /// not turn. `busy`: while another program keeps one of the cores busy.
  func stall(_ size: TrustSize, row: String, busy: Bool) {
    let burner = busy ? Spawn.start("/bin/sh", ["-c", "while :; do :; done"]) : nil
    let run = probe("stall_probe.py", [Spawn.binDirectory, cache.folder(size), "\(year)", halfTerm.rawValue])
    if let burner { Spawn.stop(burner) }
    // Which steps went over, for whoever reads the run ("  63 ms during: the presenter opening").
    for line in run.stdout.split(separator: "\n") where line.contains(" ms during: ") {
      log("\(busy ? "other core busy" : "quiet"):\(line)")
    }
    // "stall: 12.3 ms, over 50 ms: 0, steps: 21"
    guard run.ok, let n = Self.numbers(run, "stall:"), n.count == 4 else {
      table.set(row, size.name, nil, failure: run.ok ? "no figure in: \(run.stdout)" : Self.why(run))
      return
    }
    let stall = n[0] / 1000
    table.set(row, size.name, "\(Stats.seconds(stall)) (\(Int(n[2])) over 50 ms; \(Int(n[3])) steps)", value: stall)
  }

  /// Launch to the first painted window and to an editable grid (the class given on the
  /// command line), on the trust; then keystrokes in that grid on a scratch copy of its school.
  func launch(_ size: TrustSize, context: AppContext) {
    guard let school = context.schools.first,
      let schoolClass = school.classes(in: year).first(where: { $0.yearGroups.contains(YearGroup(3)) })
    else { return }
    let runs = smoke ? "1" : "5"
    let args = ["\(year)", halfTerm.rawValue, schoolClass.id, "--runs"]
    let run = probe("launch_probe.py", [Spawn.binDirectory, cache.folder(size)] + args + [runs])
    for (row, prefix) in [(Self.launchRow, "painted:"), (Self.gridRow, "grid:")] {
      guard run.ok, let n = Self.numbers(run, prefix), let ms = n.first else {
        table.set(row, size.name, nil, failure: run.ok ? "no figure in: \(run.stdout)" : Self.why(run))
        continue
      }
      table.set(row, size.name, "\(Stats.seconds(ms / 1000)) (\(runs) runs)", value: ms / 1000)
    }
    do {
      let copy = try InProcess.scratchSchool(cache.scratch + "/typing", from: cache.folder(size), school: school.id)
      let typed = probe("launch_probe.py", [Spawn.binDirectory, copy] + args + ["1", "--type"])
      // "keys: 150, p50 3.1 ms, p99 9.8 ms, max 12.0 ms"
      guard typed.ok, let n = Self.numbers(typed, "keys:"), n.count == 6 else {
        table.set(Self.keyRow, size.name, nil, failure: typed.ok ? "no figure in: \(typed.stdout)" : Self.why(typed))
        return
      }
      let text = "\(Stats.seconds(n[4] / 1000)) (median \(Stats.seconds(n[2] / 1000)); \(Int(n[0])) keys)"
      table.set(Self.keyRow, size.name, text, value: n[4] / 1000)
    } catch {
      table.set(Self.keyRow, size.name, nil, failure: "\(error)")
    }
  }
}
