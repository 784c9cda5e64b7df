import Foundation

/// The few bands on which teacher codes, test scores and statutory results are compared.
/// Raw values are stored on disk and in exports.
public enum CommonBand: String, CaseIterable, Sendable, Codable, Comparable {
  case below, at, above

  public var label: String {
    switch self {
    case .below: "Below"
    case .at: "At"
    case .above: "Above"
    }
  }
  public var rank: Int { CommonBand.allCases.firstIndex(of: self)! }
  public static func < (a: CommonBand, b: CommonBand) -> Bool { a.rank < b.rank }
}

/// What a code means beyond its band.
public enum CodeKind: String, Sendable, Codable {
  /// An ordinary judgement on the year's curriculum.
  case assessed
  /// Absent, new arrival: deliberately no judgement (not the same as a cell not yet entered).
  case notAssessed
  /// Assessed against another year's curriculum (often pupils with SEND).
  case outOfYear
}

public struct Code: Hashable, Sendable, Codable, Identifiable {
  /// Stored in class documents and exports: a scheme never changes an id's meaning.
  public var id: String
  /// The single key a teacher types to enter it.
  public var key: String
  public var label: String
  /// "#RRGGBB"; always shown with the label, never alone.
  public var colour: String
  public var kind: CodeKind
  /// nil for "not assessed", which has no band.
  public var band: CommonBand?

  public init(id: String, key: String, label: String, colour: String, kind: CodeKind = .assessed, band: CommonBand?) {
    self.id = id
    self.key = key
    self.label = label
    self.colour = colour
    self.kind = kind
    self.band = band
  }
}

/// An ordered set of codes (lowest attainment first) with fixed meanings.
public struct CodeScheme: Hashable, Sendable, Codable, Identifiable {
  public static let defaultID = "ygp"

  public var id: String
  public var name: String
  public var codes: [Code]

  public init(id: String, name: String, codes: [Code]) {
    self.id = id
    self.name = name
    self.codes = codes
  }

  /// Finds a code by its id, case-insensitively ("g" and "G" are the same code).
  public func code(id text: String) -> Code? {
    // A stored code (the usual caller: flag rules ask this for every subject of every pupil)
    // has nothing to trim: then Foundation's trimming, slow per call, is skipped. An exact
    // match is tried before folding case; both mean the same as the general path.
    if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
      (0x21...0x7E).contains(last)
    {
      let t = text.uppercased()
      return codes.first { $0.id == text || $0.id.uppercased() == t }
    }
    let t = text.trimmingCharacters(in: .whitespaces).uppercased()
    return codes.first { $0.id.uppercased() == t }
  }

  public func code(forKey key: String) -> Code? {
    let k = key.lowercased()
    return codes.first { $0.key.lowercased() == k }
  }

  /// The code for `text`, or an error listing the scheme's codes.
  public func parse(_ text: String) throws -> Code {
    if let c = code(id: text) { return c }
    let list = codes.map { "\($0.id) (\($0.label))" }.joined(separator: ", ")
    throw InputError("unknown code '\(text)' in scheme \(name): expected one of \(list)")
  }

  /// The common band of a code id; nil for unknown codes and for "not assessed".
  public func band(of codeID: String) -> CommonBand? { code(id: codeID)?.band }

  /// Problems that make a scheme unusable: duplicate ids or keys, bad colours, no codes.
  public func problems() -> [String] {
    var out: [String] = []
    if codes.isEmpty { out.append("scheme \(id) has no codes") }
    var ids = Set<String>()
    var keys = Set<String>()
    for c in codes {
      if c.id.isEmpty { out.append("a code has an empty id") }
      if !ids.insert(c.id.uppercased()).inserted { out.append("code id \(c.id) appears twice") }
      if c.key.count != 1 { out.append("code \(c.id): key must be one character, found '\(c.key)'") }
      if !keys.insert(c.key.lowercased()).inserted { out.append("code \(c.id): key '\(c.key)' is used twice") }
      if RGB(hex: c.colour) == nil { out.append("code \(c.id): colour '\(c.colour)' is not #RRGGBB") }
      if c.kind != .notAssessed && c.band == nil { out.append("code \(c.id): needs a band") }
    }
    return out
  }
}

/// A colour from a scheme, parsed once for renderers.
public struct RGB: Hashable, Sendable {
  public let red: Double
  public let green: Double
  public let blue: Double

  public init?(hex: String) {
    var h = Substring(hex)
    if h.hasPrefix("#") { h = h.dropFirst() }
    guard h.count == 6, let v = UInt32(h, radix: 16) else { return nil }
    red = Double((v >> 16) & 0xFF) / 255
    green = Double((v >> 8) & 0xFF) / 255
    blue = Double(v & 0xFF) / 255
  }

  /// WCAG relative luminance, to pick black or white text on a coloured cell.
  public var luminance: Double {
    func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
  }
  public var prefersDarkText: Bool { luminance > 0.179 }
}
