import ArgumentParser
import CohortCore
import CohortStore

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create an empty data folder for a trust.")

  @OptionGroup var options: DataOptions
  @Option(help: "The trust's name.") var trust: String

  func run() throws {
    try TrustSetup(folder: options.folder()).create(name: trust)
    print("Created \(trust) in \(options.data)")
  }
}
