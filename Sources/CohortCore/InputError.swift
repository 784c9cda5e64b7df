/// A rule broken by input, with the words a person needs to put it right.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
