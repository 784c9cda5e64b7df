import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program as a fresh process and measures it from outside: wall time and the peak
/// resident memory the kernel reports for that one child (wait4), which is what "peak memory
/// of the dashboard process" means.
struct Spawned {
  var seconds: Double
  var maxRSSBytes: Int
  var status: Int32
  var stdout: String
  var stderr: String
  var ok: Bool { status == 0 }
  var reason: String {
    stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
  }
}

enum Spawn {
  /// `program` is a path; output goes to files in `scratch` (kept out of pipes so a large
  /// output cannot block the child).
  static func run(_ program: String, _ arguments: [String], scratch: String, stdin: String? = nil) -> Spawned {
    let out = scratch + "/spawn.out"
    let err = scratch + "/spawn.err"
    let input = scratch + "/spawn.in"
    if let stdin { _ = FileManager.default.createFile(atPath: input, contents: Data(stdin.utf8)) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin == nil ? "/dev/null" : input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
    guard spawned == 0 else {
      return Spawned(seconds: 0, maxRSSBytes: 0, status: -1, stdout: "", stderr: "cannot run \(program)")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Spawned(
      seconds: seconds, maxRSSBytes: Int(usage.ru_maxrss) * 1024, status: exit,
      stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
  }

  /// Starts a program in the background (its output discarded), e.g. a CPU burner.
  static func start(_ program: String, _ arguments: [String]) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0) }
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    return posix_spawnp(&pid, program, &actions, nil, argv, environ) == 0 ? pid : nil
  }

  /// Ends a program `start` started.
  static func stop(_ pid: pid_t) {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }

  /// The directory of this executable: `cohort` is built beside it.
  static var binDirectory: String {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return (exe as NSString).deletingLastPathComponent
  }

  /// Whether a program is on PATH.
  static func which(_ name: String, scratch: String) -> Bool {
    run("/bin/sh", ["-c", "command -v \(name)"], scratch: scratch).ok
  }
}
