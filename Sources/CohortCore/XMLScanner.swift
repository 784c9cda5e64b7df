import Foundation

/// The byte scanner behind XMLReader. It keeps the line number as it goes so that every error
/// says where to look; it never recurses deeper than XMLReader.maxDepth.
struct XMLScanner {
  let bytes: [UInt8]
  var i = 0
  var line = 1

  init(bytes: [UInt8]) { self.bytes = bytes }

  func fail(_ what: String, at line: Int? = nil) -> InputError {
    InputError("line \(line ?? self.line): \(what)")
  }

  mutating func document() throws -> XMLNode {
    guard String(data: Data(bytes), encoding: .utf8) != nil else {
      throw InputError("not an XML file: the text is not UTF-8")
    }
    var root: XMLNode?
    while true {
      skipSpace()
      guard i < bytes.count else { break }
      if starts("<?") {
        try skip(past: "?>", what: "a processing instruction")
      } else if starts("<!--") {
        try skip(past: "-->", what: "a comment")
      } else if starts("<!DOCTYPE") {
        // Declarations are skipped, never acted on (no external or custom entities).
        try skip(past: ">", what: "the DOCTYPE")
      } else if bytes[i] == UInt8(ascii: "<") && root == nil {
        root = try element(depth: 0)
      } else {
        throw fail(root == nil ? "not an XML file: text before the first element" : "text after the root element")
      }
    }
    guard let root else { throw InputError("not an XML file: no element found (empty or truncated?)") }
    return root
  }

  mutating func element(depth: Int) throws -> XMLNode {
    guard depth < XMLReader.maxDepth else { throw fail("elements nested more than \(XMLReader.maxDepth) deep") }
    let startLine = line
    i += 1  // "<"
    var node = XMLNode(name: try readName("an element name"), line: startLine)
    if try startTag(of: &node) { try content(of: &node, depth: depth) }
    return node
  }

  /// Reads the start tag's attributes into the node; false when the tag closes itself (`/>`).
  mutating func startTag(of node: inout XMLNode) throws -> Bool {
    let name = node.name
    while true {
      skipSpace()
      guard i < bytes.count else { throw truncated(name, node.line) }
      if starts("/>") {
        i += 2
        return false
      }
      if bytes[i] == UInt8(ascii: ">") {
        i += 1
        return true
      }
      let attribute = try readName("an attribute name in <\(name)>")
      let value = try attributeValue(of: attribute, in: node)
      if node.attributes[attribute] != nil { throw fail("attribute \(attribute) appears twice in <\(name)>") }
      node.attributes[attribute] = value
    }
  }

  mutating func attributeValue(of attribute: String, in node: XMLNode) throws -> String {
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("attribute \(attribute) has no value") }
    i += 1
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
      throw fail("the value of attribute \(attribute) is not in quotes")
    }
    let quote = bytes[i]
    i += 1
    var value: [UInt8] = []
    while i < bytes.count && bytes[i] != quote {
      if bytes[i] == UInt8(ascii: "<") { throw fail("'<' inside the value of attribute \(attribute)") }
      if bytes[i] == UInt8(ascii: "&") { value += try entity() } else { value.append(advance()) }
    }
    guard i < bytes.count else { throw truncated(node.name, node.line) }
    i += 1
    return String(decoding: value, as: UTF8.self)
  }

  /// Text, children, comments and CDATA up to the element's closing tag.
  mutating func content(of node: inout XMLNode, depth: Int) throws {
    let (name, startLine) = (node.name, node.line)
    var text: [UInt8] = []
    while true {
      guard i < bytes.count else { throw truncated(name, startLine) }
      if starts("</") {
        i += 2
        let closing = try readName("a closing tag name")
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("</\(closing) is not closed with '>'") }
        i += 1
        guard closing == name else { throw fail("</\(closing)> closes <\(name)>, opened on line \(startLine)") }
        break
      } else if starts("<!--") {
        try skip(past: "-->", what: "a comment")
      } else if starts("<![CDATA[") {
        i += 9
        let start = i
        while i < bytes.count && !starts("]]>") { _ = advance() }
        guard i < bytes.count else { throw truncated(name, startLine) }
        text += bytes[start..<i]
        i += 3
      } else if starts("<?") {
        try skip(past: "?>", what: "a processing instruction")
      } else if bytes[i] == UInt8(ascii: "<") {
        node.children.append(try element(depth: depth + 1))
      } else if bytes[i] == UInt8(ascii: "&") {
        text += try entity()
      } else {
        text.append(advance())
      }
    }
    node.text = String(decoding: text, as: UTF8.self)
  }

  func truncated(_ name: String, _ opened: Int) -> InputError {
    InputError("line \(line): the file ends inside <\(name)> (opened on line \(opened)): it is truncated")
  }

  /// "&amp;", "&#233;", "&#xE9;": the five predefined entities and character references.
  mutating func entity() throws -> [UInt8] {
    let start = i
    while i < bytes.count && bytes[i] != UInt8(ascii: ";") && i - start < 12 { i += 1 }
    guard i < bytes.count, bytes[i] == UInt8(ascii: ";") else { throw fail("'&' that starts no entity (write &amp;)") }
    let name = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
    i += 1
    switch name {
    case "amp": return [UInt8(ascii: "&")]
    case "lt": return [UInt8(ascii: "<")]
    case "gt": return [UInt8(ascii: ">")]
    case "quot": return [UInt8(ascii: "\"")]
    case "apos": return [UInt8(ascii: "'")]
    default:
      var code: UInt32?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        code = UInt32(name.dropFirst(2), radix: 16)
      } else if name.hasPrefix("#") {
        code = UInt32(name.dropFirst(), radix: 10)
      }
      guard let code, code != 0, let scalar = Unicode.Scalar(code) else { throw fail("unknown entity &\(name);") }
      return Array(String(Character(scalar)).utf8)
    }
  }

  mutating func readName(_ what: String) throws -> String {
    let start = i
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: " ") || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "/")
        || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"")
        || b == UInt8(ascii: "'") || b == UInt8(ascii: "&")
      {
        break
      }
      i += 1
    }
    guard i > start else {
      throw i >= bytes.count
        ? InputError("line \(line): the file ends early: it is truncated") : fail("expected \(what)")
    }
    return String(decoding: bytes[start..<i], as: UTF8.self)
  }

  func starts(_ s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard i + n <= bytes.count else { return false }
    let p = s.utf8Start
    for k in 0..<n where bytes[i + k] != p[k] { return false }
    return true
  }

  mutating func skip(past end: StaticString, what: String) throws {
    let opened = line
    while i < bytes.count {
      if starts(end) {
        i += end.utf8CodeUnitCount
        return
      }
      _ = advance()
    }
    throw InputError("line \(opened): \(what) is not closed: the file is truncated")
  }

  mutating func skipSpace() {
    while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
      _ = advance()
    }
  }

  mutating func advance() -> UInt8 {
    let b = bytes[i]
    if b == 0x0A { line += 1 }
    i += 1
    return b
  }
}
