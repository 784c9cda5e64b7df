import Foundation

/// On disk a meeting record is one flat object: its own fields, `at` (milliseconds) and `by`
/// (an index into the document's `authors`, shared with the cells), so a meeting costs about
/// a quarter fewer bytes than nesting the value and the author in every record.
struct StoredRecord<Value: Codable>: Codable {
  var value: Value
  var at: Int64
  var by: Int

  enum Keys: String, CodingKey { case at, by }

  init(value: Value, at: Int64, by: Int) {
    (self.value, self.at, self.by) = (value, at, by)
  }

  init(from decoder: Decoder) throws {
    value = try Value(from: decoder)
    let c = try decoder.container(keyedBy: Keys.self)
    at = try c.decode(Int64.self, forKey: .at)
    by = try c.decode(Int.self, forKey: .by)
  }

  func encode(to encoder: Encoder) throws {
    try value.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(at, forKey: .at)
    try c.encode(by, forKey: .by)
  }
}

/// An evidence note as a record with a named field.
struct StoredNote: Codable {
  var note: String
}

struct StoredMeeting: Codable {
  var details: StoredRecord<MeetingDetails>?
  var actions: [String: StoredRecord<MeetingAction>]?
  var evidence: [String: StoredRecord<StoredNote>]?
  var reviews: [String: StoredRecord<ActionReview>]?
}

extension Meeting {
  /// Every author of the meeting's records (for the document's table).
  var authors: [Author] {
    [details?.author].compactMap { $0 } + actions.values.map(\.author) + evidence.values.map(\.author)
      + reviews.values.map(\.author)
  }

  func stored(_ index: [Author: Int]) -> StoredMeeting {
    func record<V>(_ s: Stamped<V>) -> StoredRecord<V> { StoredRecord(value: s.value, at: s.at, by: index[s.author]!) }
    return StoredMeeting(
      details: details.map(record), actions: actions.isEmpty ? nil : actions.mapValues(record),
      evidence: evidence.isEmpty
        ? nil
        : evidence.mapValues { StoredRecord(value: StoredNote(note: $0.value), at: $0.at, by: index[$0.author]!) },
      reviews: reviews.isEmpty ? nil : reviews.mapValues(record))
  }

  init(_ s: StoredMeeting, authors: [Author]) throws {
    func author(_ i: Int) throws -> Author {
      guard authors.indices.contains(i) else { throw InputError("author index \(i) is not in authors") }
      return authors[i]
    }
    func record<V>(_ r: StoredRecord<V>) throws -> Stamped<V> { Stamped(r.value, author: try author(r.by), at: r.at) }
    self.init()
    details = try s.details.map(record)
    actions = try (s.actions ?? [:]).mapValues(record)
    evidence = try (s.evidence ?? [:]).mapValues { Stamped($0.value.note, author: try author($0.by), at: $0.at) }
    reviews = try (s.reviews ?? [:]).mapValues(record)
    for (id, a) in actions where a.value.id != id { throw InputError("action \(id) says its id is \(a.value.id)") }
    for (id, r) in reviews where r.value.actionID != id {
      throw InputError("review \(id) says it reviews \(r.value.actionID)")
    }
  }

  /// The `meetings` object of a class-year, checked as the document decoder checks it.
  public static func decodeAll(_ bytes: [UInt8], authors: [Author]) throws -> [HalfTerm: Meeting] {
    try decodeAll(JSONDecoder().decode([String: StoredMeeting].self, from: Data(bytes)), authors: authors)
  }

  static func decodeAll(_ stored: [String: StoredMeeting], authors: [Author]) throws -> [HalfTerm: Meeting] {
    var out: [HalfTerm: Meeting] = [:]
    for (name, m) in stored {
      guard let half = HalfTerm(rawValue: name) else { throw InputError("meetings: unknown half-term '\(name)'") }
      do { out[half] = try Meeting(m, authors: authors) } catch let e as InputError {
        throw InputError("meetings \(name): \(e.message)")
      }
    }
    return out
  }
}
