import CohortCore
import CohortPluginKit
import CohortStore

/// The school a roster import goes into: the one named (`--school`), or for a CTF the one its
/// header names by LA and establishment number or URN, made from the header when the trust
/// has no such school yet (a trust's first day).
struct ImportTarget {
  var school: School
  /// Set when the import creates the school: the trust with it added, to save with the rest.
  var trust: Trust?

  /// The school named by `--school`, which must be one of the trust's.
  static func named(_ r: ImportRequest) throws -> ImportTarget {
    let id = try r.option("school")
    guard r.trust.school(id) != nil else { throw r.trust.unknownSchool(id) }
    return ImportTarget(school: try r.folder.loadSchool(id))
  }

  static func forCTF(_ r: ImportRequest, header h: CTFReader.Header) throws -> ImportTarget {
    let byHeader = r.trust.school(la: h.sourceLA, estab: h.sourceEstab, urn: h.sourceURN)
    if let id = r.options["school"] {
      guard let named = r.trust.school(id) else { throw r.trust.unknownSchool(id) }
      if let other = byHeader, other.id != named.id {
        throw InputError(
          "this CTF is from \(other.name) (\(describe(h))), not \(named.name): import it into \(other.id)")
      }
      if byHeader == nil, contradicts(named, h) {
        throw InputError(
          "this CTF is from \(h.sourceSchool ?? "another school") (\(describe(h))), not \(named.name) (\(describe(named))): check the file"
        )
      }
      return ImportTarget(school: try r.folder.loadSchool(named.id))
    }
    if let s = byHeader { return ImportTarget(school: try r.folder.loadSchool(s.id)) }
    guard let name = h.sourceSchool, !name.isEmpty, h.sourceURN != nil || h.sourceEstab != nil else {
      throw InputError(
        "the CTF's header does not say which school it is from (SourceSchool): choose the school to import into")
    }
    return try create(name: name, header: h, r)
  }

  /// A new school from the header, its numbers checked like any other.
  static func create(name: String, header h: CTFReader.Header, _ r: ImportRequest) throws -> ImportTarget {
    let base = String(slug(name).prefix(56))
    var id = base.isEmpty ? "school" : base
    var n = 1
    while r.trust.school(id) != nil || r.folder.holdsSchoolFolder(id) {
      n += 1
      id = "\(base)-\(n)"
    }
    let ref: SchoolRef
    do {
      ref = try SchoolRef.checked(id: id, name: name, urn: h.sourceURN, la: h.sourceLA, estab: h.sourceEstab)
    } catch let e as InputError {
      throw InputError("the CTF's header (SourceSchool): \(e.message)")
    }
    var trust = r.trust
    let now = DataFolder.now()
    _ = try trust.addSchool(ref, at: now)
    var school = School(id: id, name: ref.name, urn: ref.urn)
    school.touch("name", at: now)
    return ImportTarget(school: school, trust: trust)
  }

  /// The named school's numbers and the header's disagree (both known, not equal).
  static func contradicts(_ s: SchoolRef, _ h: CTFReader.Header) -> Bool {
    if let u = s.urn, let v = h.sourceURN, u != v { return true }
    if let la = s.la, let e = s.estab, let hla = h.sourceLA, let he = h.sourceEstab, (la, e) != (hla, he) {
      return true
    }
    return false
  }

  static func describe(_ h: CTFReader.Header) -> String {
    let dfe = h.sourceLA.flatMap { la in h.sourceEstab.map { "DfE \(la)/\($0)" } }
    return [dfe, h.sourceURN.map { "URN \($0)" }].compactMap { $0 }.joined(separator: ", ")
  }

  static func describe(_ s: SchoolRef) -> String {
    [s.dfeNumber.map { "DfE \($0)" }, s.urn.map { "URN \($0)" }].compactMap { $0 }.joined(separator: ", ")
  }

  /// What the preview says and the trust's write, when the import creates the school.
  func creation(_ r: ImportRequest) throws -> (change: String, write: DocumentWrite)? {
    guard let trust, let ref = trust.school(school.id) else { return nil }
    let numbers = ImportTarget.describe(ref)
    let journal = [r.folder.event(doc: DataFolder.trustPath, "added school \(ref.name) from a CTF's header")]
    return (
      "new school \(ref.name)\(numbers.isEmpty ? "" : " (\(numbers))"), made from the CTF's header",
      try DocumentWrite(trust, at: DataFolder.trustPath, school: school.id, base: r.trust, journal: journal)
    )
  }
}
