/// A small XML reader for the data files schools exchange (the DfE Common Transfer File):
/// elements, attributes, text, CDATA, comments, processing instructions and a DOCTYPE that is
/// skipped. No namespaces, no external entities (never fetched: a CTF holds personal data).
///
/// Purpose-built rather than Foundation's XMLParser so that errors name the line a person
/// can look at, it runs the same on every platform without libxml2, and libFuzzer sees (and
/// instruments) every branch of it. (Fuzzing XMLParser on Linux, Swift 6.3.1, crashed it
/// within seconds: an element name that is not UTF-8 traps in its start-element callback.)
public struct XMLNode: Sendable, Hashable {
  public var name: String
  public var attributes: [String: String]
  public var children: [XMLNode]
  public var text: String
  /// The line of the start tag, for messages.
  public var line: Int

  public init(
    name: String, attributes: [String: String] = [:], children: [XMLNode] = [], text: String = "", line: Int = 0
  ) {
    self.name = name
    self.attributes = attributes
    self.children = children
    self.text = text
    self.line = line
  }

  /// The first child called `name`.
  public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
  public func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
  /// The trimmed text of the first child called `name`, nil when missing or empty.
  public func value(_ name: String) -> String? {
    guard let t = child(name)?.text.trimmingWhitespace, !t.isEmpty else { return nil }
    return t
  }
  /// Follows a path of child names.
  public func find(_ path: String...) -> XMLNode? {
    var node: XMLNode? = self
    for p in path { node = node?.child(p) }
    return node
  }
}

extension String {
  var trimmingWhitespace: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}

public enum XMLReader {
  /// Deeper nesting than this is refused: no school file needs it, and it bounds the stack.
  static let maxDepth = 64

  /// The document's root element, or an error naming the line. Bytes must be UTF-8 (with or
  /// without a byte-order mark); anything else is "not an XML file".
  public static func parse(_ bytes: [UInt8]) throws -> XMLNode {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if body.contains(0) { throw InputError("not an XML file: it holds binary data") }
    var scanner = XMLScanner(bytes: Array(body))
    return try scanner.document()
  }
}
