import ArgumentParser
import CohortCore
import CohortPluginKit
import Foundation

/// `cohort action ID`: runs an action a plugin adds to the window's menu, and prints the line
/// the window shows in its toast. A plugin's action is then a command too, with no change here.
struct ActionCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "action", abstract: "Run an action that a plugin adds to the window's menu.",
      discussion: PluginHelp.listing("Actions") { $0.actions.map { "  \(padded(Self.word($0), 16))\($0.title)" } })
  }

  @OptionGroup var options: DataOptions
  @Argument(help: "The action (listed below).") var action: String

  /// "action.check-folder" is typed "check-folder".
  static func word(_ a: MenuAction) -> String {
    a.id.hasPrefix("action.") ? String(a.id.dropFirst("action.".count)) : a.id
  }

  func run() throws {
    let opened = try options.open()
    let wanted = action.lowercased()
    guard let found = opened.registry.actions.first(where: { Self.word($0) == wanted || $0.id == wanted }) else {
      let known = opened.registry.actions.map(Self.word).sorted().joined(separator: ", ")
      throw InputError("no action '\(action)': available are \(known.isEmpty ? "none" : known)")
    }
    // The whole trust at today's half-term: where the window opens.
    let today = SchoolDate.today()
    let request = ActionRequest(
      folder: opened.folder, trust: opened.trust, registry: opened.registry, scope: .trust,
      when: HalfTermRef(AcademicYear(containing: today), .containing(today)))
    print(try found.run(request))
  }
}
