/// Everything the store can refuse, each naming the file a person should look at.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// The document exists but cannot be read: it is left exactly as it is.
  case unreadable(path: String, reason: String)
  /// Written by a newer Cohort: readable at best, never overwritten.
  case newerFormat(path: String, found: Int)
  case io(FileSystemError)
  case notFound(String)
  case invalid(String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): \(reason) (the file was left untouched)"
    case .newerFormat(let path, let found):
      "\(path): written by a newer version of Cohort (format \(found); this one reads up to \(DataFolder.supportedFormat)); it is open read-only"
    case .io(let e): "could not save: \(e)"
    case .notFound(let what): what
    case .invalid(let what): what
    }
  }
}
