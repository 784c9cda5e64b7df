import ArgumentParser
import CohortBackup
import CohortStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where a passphrase comes from: a file (first line), $COHORT_PASSPHRASE, or a prompt that
/// does not echo. Never an argument: arguments show in process lists.
struct PassphraseOptions: ParsableArguments {
  @Option(name: .customLong("passphrase-file"), help: "A file whose first line is the passphrase.")
  var passphraseFile: String?

  func passphrase(confirm: Bool) throws -> String {
    if let passphraseFile {
      let text = try InputFile.text(passphraseFile)
      return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
    if let env = ProcessInfo.processInfo.environment["COHORT_PASSPHRASE"], !env.isEmpty { return env }
    guard isatty(0) != 0, let p = getpass("Passphrase: ") else {
      throw CommandFailure("no passphrase: give --passphrase-file or set COHORT_PASSPHRASE")
    }
    let first = String(cString: p)
    if confirm {
      guard let again = getpass("Again: "), String(cString: again) == first else {
        throw CommandFailure("the two passphrases differ")
      }
    }
    return first
  }
}

struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup", abstract: "Write an encrypted archive of the whole data folder.")

  @OptionGroup var options: DataOptions
  @OptionGroup var secret: PassphraseOptions
  @Option(help: "The archive to write.") var out: String

  func run() throws {
    let folder = options.folder()
    _ = try folder.loadTrust()
    do {
      let (data, files) = try Backup.archive(folder, passphrase: try secret.passphrase(confirm: true))
      try OutputFile.write(data, to: out)
      let said =
        "Backed up \(files) files to \(out == "-" ? "standard output" : out) (\(data.count) bytes, AES-256-GCM)"
      if out == "-" { FileHandle.standardError.write(Data((said + "\n").utf8)) } else { print(said) }
    } catch let e as Backup.Failure {
      throw CommandFailure(e.description)
    }
  }
}

struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore", abstract: "Restore an encrypted archive into a new data folder.")

  @OptionGroup var options: DataOptions
  @OptionGroup var secret: PassphraseOptions
  @Option(name: .customLong("in"), help: "The archive to read.") var input: String

  func run() throws {
    let data = try InputFile.read(input)
    do {
      let n = try Backup.restore(data, passphrase: try secret.passphrase(confirm: false), into: options.data)
      print("Restored \(n) files into \(options.data)")
    } catch let e as Backup.Failure {
      throw CommandFailure(e.description)
    }
  }
}
