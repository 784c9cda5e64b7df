import CohortCore
import Foundation

/// How every document is written and read: pretty-printed with sorted keys (diffable), arrays
/// of plain values on one line (compact), strict on the way in.
public enum DocumentCoding {
  public static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = collapseScalarArrays(try encoder.encode(value))
    data.append(0x0A)
    return data
  }

  /// Validates strictly, then decodes; errors are worded for a person (field path, reason).
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    do {
      try StrictJSON.validate(bytes)
    } catch {
      throw DocumentProblem(reason: "not valid JSON: \(error)")
    }
    do {
      return try JSONDecoder().decode(T.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw DocumentProblem(reason: describe(error))
    }
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [CodingKey]) -> String {
      keys.isEmpty
        ? "the document"
        : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
          .replacingOccurrences(of: ".[", with: "[")
    }
    switch error {
    case .keyNotFound(let key, let ctx): return "\(path(ctx.codingPath + [key])) is missing"
    case .typeMismatch(let type, let ctx): return "\(path(ctx.codingPath)) should be \(describe(type))"
    case .valueNotFound(let type, let ctx): return "\(path(ctx.codingPath)) should be \(describe(type)), found null"
    case .dataCorrupted(let ctx): return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
    @unknown default: return "\(error)"
    }
  }

  static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Int.Type, is Int64.Type, is Double.Type: "a number"
    case is Bool.Type: "true or false"
    default: type is any Collection.Type ? "a list" : "an object"
    }
  }

  /// Puts every array that holds no object or array on one line: `[1, 2, null]`.
  static func collapseScalarArrays(_ input: Data) -> Data {
    let b = [UInt8](input)
    var out = [UInt8]()
    out.reserveCapacity(b.count)
    var i = 0
    while i < b.count {
      let c = b[i]
      if c == UInt8(ascii: "\"") {
        let end = stringEnd(b, from: i)
        out.append(contentsOf: b[i..<end])
        i = end
        continue
      }
      if c == UInt8(ascii: "["), let end = scalarArrayEnd(b, from: i) {
        out.append(c)
        var j = i + 1
        while j < end {
          let d = b[j]
          if d == UInt8(ascii: "\"") {
            let e = stringEnd(b, from: j)
            out.append(contentsOf: b[j..<e])
            j = e
          } else if d == UInt8(ascii: ",") {
            out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")])
            j += 1
          } else {
            if !(d == 0x20 || d == 0x0A || d == 0x0D || d == 0x09) { out.append(d) }
            j += 1
          }
        }
        out.append(UInt8(ascii: "]"))
        i = end + 1
        continue
      }
      out.append(c)
      i += 1
    }
    return Data(out)
  }

  /// Index just past the string starting at `start` (a quote).
  static func stringEnd(_ b: [UInt8], from start: Int) -> Int {
    var j = start + 1
    while j < b.count {
      if b[j] == UInt8(ascii: "\\") {
        j += 2
        continue
      }
      if b[j] == UInt8(ascii: "\"") { return j + 1 }
      j += 1
    }
    return b.count
  }

  /// Index of the closing bracket when the array holds only scalars, else nil.
  static func scalarArrayEnd(_ b: [UInt8], from start: Int) -> Int? {
    var j = start + 1
    while j < b.count {
      switch b[j] {
      case UInt8(ascii: "\""): j = stringEnd(b, from: j)
      case UInt8(ascii: "["), UInt8(ascii: "{"): return nil
      case UInt8(ascii: "]"): return j
      default: j += 1
      }
    }
    return nil
  }
}

/// What is wrong inside a document; the store adds the path.
public struct DocumentProblem: Error, Sendable, CustomStringConvertible {
  public let reason: String
  public var description: String { reason }
}
