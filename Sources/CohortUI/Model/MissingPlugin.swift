import CohortCore
import CohortStore
import Foundation

/// A trust whose data names a plugin this laptop does not have on (its code scheme): what the
/// recovery page says, in a teacher's words, and what it can do about it.
public struct MissingPlugin: Sendable, Equatable {
  public var trustName: String
  public var scheme: String
  /// Plugins switched off for the trust: switching them back on may bring the scheme back.
  public var switchedOff: [String]

  /// The trust's data names a code scheme that no plugin here gives (the error says so).
  public static func find(path: String, error: Error) -> MissingPlugin? {
    guard let trust = try? DataFolder(root: path, author: Author(by: "", device: "")).loadTrust() else { return nil }
    let text = (error as? InputError)?.message ?? "\(error)"
    guard text.contains("code scheme '\(trust.codeScheme)'") else { return nil }
    return MissingPlugin(trustName: trust.name, scheme: trust.codeScheme, switchedOff: trust.disabledPlugins.sorted())
  }

  public var title: String { "\(trustName) needs a plugin that is not here" }

  public var detail: String {
    let uses =
      "The trust's judgements are kept in the “\(scheme.uppercased())” codes, and no plugin on this laptop gives them."
    guard !switchedOff.isEmpty else {
      return uses + " Its plugin may have been removed from this laptop: ask whoever looks after Cohort to add it "
        + "again, or open another trust's folder."
    }
    return uses + " \(plural(switchedOff.count, "plugin")) \(switchedOff.count == 1 ? "is" : "are") switched off for "
      + "the trust: switching \(switchedOff.count == 1 ? "it" : "them") back on brings the codes back."
  }

  /// Switches the trust's plugins back on (saved in trust.json, with a journal line).
  public func switchBackOn(path: String, author: Author) throws {
    let folder = DataFolder(root: path, author: author)
    var trust = try folder.loadTrust()
    for id in switchedOff {
      let event = trust.setPlugin(id, enabled: true, at: DataFolder.now())
      try folder.saveTrust(trust, event: event)
    }
  }
}
