import ArgumentParser
import CohortCore
import CohortStore

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create an empty data folder for a trust.")

  @OptionGroup var options: DataOptions
  @Option(help: "The trust's name.") var trust: String

  func run() throws {
    let folder = options.folder()
    if folder.exists { throw CommandFailure("\(options.data) already holds a trust (trust.json): nothing changed") }
    let id = slug(trust)
    guard isSafeID(id) else { throw CommandFailure("'\(trust)' needs at least one letter or digit") }
    try folder.saveTrust(Trust(id: id, name: trust), event: "created trust")
    print("Created \(trust) in \(options.data)")
  }
}
