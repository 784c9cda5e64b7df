import CohortCore
import CohortStore
import Foundation

/// A page's model of one class-year document: the session saves `doc` and hands back what
/// was merged (other writers' edits) through `absorb`.
@MainActor
public protocol DocumentModel: AnyObject {
  var doc: ClassYear { get }
  func absorb(_ other: ClassYear)
}

extension GridModel: DocumentModel {}

/// One open class: a page's model, and the saving that happens without the teacher doing
/// anything. Each edit is saved on a background queue (the save merges what is on disk, so
/// other writers' edits come back and show); a failed save keeps the edit, says why, and
/// retries. Other processes' saves are picked up by `refreshIfChangedOnDisk`.
@MainActor
public final class ClassSession {
  public enum SaveState: Equatable, Sendable {
    case saved
    case saving
    case failed(String)
  }

  public let folder: DataFolder
  public let model: DocumentModel
  public let school: School
  public let schoolClass: SchoolClass
  public private(set) var state: SaveState = .saved
  public var onStateChange: ((SaveState) -> Void)?
  /// Seconds between retries of a failed save.
  public var retryDelay = 3.0

  private let queue = DispatchQueue(label: "cohort.class-save")
  private let hop: MainHop
  private var inFlight = false
  private var dirty = false
  private var retryPending = false
  private var lastStamp: FileStamp?

  /// Runs a closure on the main thread from any thread (the app uses the GLib main loop).
  public typealias MainHop = @Sendable (@escaping @MainActor @Sendable () -> Void) -> Void
  /// Runs a closure on the main thread after a delay.
  public var after: (Double, @escaping @MainActor () -> Void) -> Void = { _, _ in }

  var relativePath: String {
    DataFolder.classPath(school: model.doc.school, year: model.doc.year, classID: model.doc.classID)
  }

  public init(
    folder: DataFolder, school: School, schoolClass: SchoolClass, model: DocumentModel, hop: @escaping MainHop
  ) {
    self.folder = folder
    self.school = school
    self.schoolClass = schoolClass
    self.model = model
    self.hop = hop
    self.lastStamp = folder.stamp(relativePath)
  }

  public var hasUnsavedChanges: Bool { dirty || inFlight }

  /// Call after every edit of the model.
  public func edited() {
    dirty = true
    saveSoon()
  }

  public func saveSoon() {
    guard dirty, !inFlight else { return }
    dirty = false
    inFlight = true
    setState(.saving)
    let snapshot = model.doc
    let folder = self.folder
    let hop = self.hop
    queue.async {
      let result = Result { try folder.save(snapshot) }
      let message = result.failureMessage
      let merged = try? result.get()
      hop { [weak self] in self?.finished(merged: merged, error: message) }
    }
  }

  private func finished(merged: ClassYear?, error: String?) {
    inFlight = false
    if let merged {
      model.absorb(merged)
      lastStamp = folder.stamp(relativePath)
      if dirty { saveSoon() } else { setState(.saved) }
      return
    }
    dirty = true
    setState(.failed(error ?? "unknown error"))
    guard !retryPending else { return }
    retryPending = true
    after(retryDelay) { [weak self] in
      self?.retryPending = false
      self?.saveSoon()
    }
  }

  /// Waits for a save in flight, then saves whatever is still unsaved, on this thread: for
  /// closing the window. Throws when the edits could not be saved (they stay in memory).
  public func flush() throws {
    queue.sync {}
    guard dirty || state != .saved || inFlight else { return }
    let merged = try folder.save(model.doc)
    model.absorb(merged)
    dirty = false
    inFlight = false
    lastStamp = folder.stamp(relativePath)
    setState(.saved)
  }

  /// Picks up another process's save of this class (the CLI, a second window, a sync tool).
  @discardableResult
  public func refreshIfChangedOnDisk() -> Bool {
    guard !inFlight else { return false }
    // A sync tool's conflict copy of this class: merge it in (it changes the stamp).
    _ = try? folder.absorbConflictCopies(school: model.doc.school, classID: model.doc.classID, year: model.doc.year)
    let stamp = folder.stamp(relativePath)
    guard stamp != lastStamp else { return false }
    lastStamp = stamp
    guard let disk = try? folder.read(ClassYear.self, at: relativePath) else { return false }
    model.absorb(disk)
    return true
  }

  private func setState(_ s: SaveState) {
    guard s != state else { return }
    state = s
    onStateChange?(s)
  }
}

extension Result where Failure == any Error {
  /// A person-readable reason, for the save status.
  var failureMessage: String? {
    guard case .failure(let e) = self else { return nil }
    return "\(e)"
  }
}
