import CohortCore
import Foundation

extension DataFolder {
  /// Makes a whole data folder at `path`: `fill` writes it beside `path` first, and it is moved
  /// into place only when complete, so that a run cut short never leaves half a trust to open.
  /// Nothing is done when a trust is there already.
  public static func makeWhole(at path: String, author: Author, _ fill: (DataFolder) throws -> Void) throws {
    let files = FileManager.default
    if Folders.holdsTrust(path) { return }
    let draft = path + ".making"
    try? files.removeItem(atPath: draft)
    try fill(DataFolder(root: draft, author: author))
    try? files.removeItem(atPath: draft + "/.cohort.lock")
    if files.fileExists(atPath: path) { try files.removeItem(atPath: path) }
    try files.moveItem(atPath: draft, toPath: path)
  }
}
