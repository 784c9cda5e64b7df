import ArgumentParser
import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

struct CohortCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cohort",
    abstract: "Assessment tracking for primary schools and trusts: the headless command line.",
    subcommands: [
      InitCommand.self, SampleCommand.self, SetCommand.self, ShowCommand.self, ExportCommand.self,
      CheckCommand.self, PluginsCommand.self, ImportCommand.self, MergeCommand.self, HistoryCommand.self,
      BackupCommand.self, RestoreCommand.self, ChartCommand.self, MeetingCommand.self, ReportCommand.self,
      RolloverCommand.self, SchoolCommand.self, ClassCommand.self, StaffCommand.self, TrustCommand.self,
      TermsCommand.self, PupilCommand.self, RetentionCommand.self, ActionCommand.self,
    ]
  )

  /// Our own errors are one line on stderr with exit 1; usage errors keep ArgumentParser's
  /// wording and exit code.
  static func runAndExit() -> Never {
    do {
      var command = try parseAsRoot()
      try command.run()
      Foundation.exit(0)
    } catch let e as StoreError {
      fail(e.description)
    } catch let e as InputError {
      fail(e.message)
    } catch let e as CommandFailure {
      fail(e.message)
    } catch {
      exit(withError: error)
    }
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("cohort: \(message)\n".utf8))
    Foundation.exit(1)
  }
}

/// A failure that has already been explained to the user.
struct CommandFailure: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

/// Options every command shares.
struct DataOptions: ParsableArguments {
  @Option(name: .long, help: "The data folder.")
  var data: String

  @Option(
    name: .long, help: "Who is making the change (default: the name saved on this device for the trust, else $USER).")
  var by: String?

  var author: Author { DeviceSettings.author(for: data, given: by) }

  func folder() -> DataFolder { DataFolder(root: data, author: author) }

  /// The data folder with its trust, plugins and code scheme.
  func open() throws -> Opened {
    let folder = folder()
    let trust = try folder.loadTrust()
    let registry = BuiltInPlugins.registry(for: folder, trust: trust)
    let absent = folder.absentSchools(of: trust)
    if !absent.isEmpty {
      // A device may hold some of the trust's schools: what follows is about the others.
      let names = absent.map(\.name).joined(separator: ", ")
      FileHandle.standardError.write(
        Data("note: not on this device: \(names) (\(absent.count) of \(plural(trust.schools.count, "school")))\n".utf8))
    }
    return Opened(folder: folder, trust: trust, registry: registry, scheme: try registry.codeScheme(for: trust))
  }
}

struct Opened {
  let folder: DataFolder
  let trust: Trust
  let registry: PluginRegistry
  let scheme: CodeScheme
}

/// Prints a value as pretty JSON with sorted keys.
func printJSON<T: Encodable>(_ value: T) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

extension Opened {
  var parts: (DataFolder, Trust, CodeScheme) { (folder, trust, scheme) }
}
