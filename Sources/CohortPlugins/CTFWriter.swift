import CohortCore
import CohortStore
import Foundation

/// A Common Transfer File for the school the chosen pupils move to, and only what it needs:
/// the header as DfE publishes it (source LEA, Estab, URN, name and academic year; DestSchool,
/// XXX/XXXX when not known), each pupil's identity, NC year, ethnicity, SEN with its start date
/// and statutory results as received. Cohort's half-termly judgements are not statutory results
/// and are not written. `preview` lists exactly which personal fields leave.
struct CTFTransfer {
  struct Destination {
    var la = "XXX"
    var estab = "XXXX"
    var known: Bool { la != "XXX" }
  }

  var xml = ""
  var preview: [String] = []

  /// The version of the academic year the file is written in (26.0 in 2026-27).
  static func version(at today: SchoolDate) -> String {
    let n = AcademicYear(containing: today).startYear % 100
    return "\(n < 10 ? "0" : "")\(n).0"
  }

  /// "XXX"/"XXXX" or a DfE LA code and a 4-digit establishment number.
  static func destination(la: String?, estab: String?) throws -> Destination {
    let (la, estab) = (la?.uppercased() ?? "XXX", estab?.uppercased() ?? "XXXX")
    if la == "XXX" {
      guard estab == "XXXX" else { throw InputError("--to-estab \(estab) needs --to-la: the destination's LA code") }
      return Destination()
    }
    guard la.count == 3, LACodes.name(la) != nil else {
      throw InputError("--to-la \(la) is not a DfE local authority code (XXX when the destination is not known)")
    }
    guard estab.count == 4, estab.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw InputError("--to-estab \(estab) is not a DfE establishment number (4 digits)")
    }
    return Destination(la: la, estab: estab)
  }

  /// The pupils the UPNs name, in that order; any UPN not on the school's roster is refused.
  static func chosen(_ upns: [String], roster: Roster, school: String) throws -> [Pupil] {
    guard !upns.isEmpty else {
      throw InputError("a transfer CTF holds the pupils who move: name them with --pupils UPN,UPN")
    }
    var out: [Pupil] = []
    for text in upns {
      let u = text.uppercased().filter { !$0.isWhitespace }
      guard let p = roster.pupils.first(where: { $0.upn?.uppercased() == u }) else {
        throw InputError("--pupils: no pupil at \(school) has UPN \(u)")
      }
      if !out.contains(where: { $0.id == p.id }) { out.append(p) }
    }
    return out
  }

  init(
    source: SchoolRef, school: School, year: AcademicYear, pupils: [Pupil], results: StatutoryResults?,
    to dest: Destination, now: Date
  ) throws {
    guard let la = source.la, let estab = source.estab else {
      throw InputError(
        "\(source.name)'s LA code and establishment number are not set, and a CTF names its source school: cohort school edit --id \(source.id) --la NNN --estab NNNN"
      )
    }
    let today = SchoolDate(dayNumber: Int(now.timeIntervalSince1970 / 86_400))
    let version = Self.version(at: today)
    let stamp = ISO8601DateFormatter().string(from: now).prefix(19)
    xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <CTfile>
        <Header>
          <DocumentName>Common Transfer File</DocumentName>
          <CTFversion>\(version)</CTFversion>
          <DateTime>\(stamp)</DateTime>
          <DocumentQualifier>partial</DocumentQualifier>
          <SupplierID>Cohort</SupplierID>
          <SourceSchool>\(Self.el("LEA", la))\(Self.el("Estab", estab))\(source.urn.map { Self.el("URN", $0) } ?? "")\(Self.el("SchoolName", source.name))\(Self.el("AcademicYear", String(year.startYear)))</SourceSchool>
          <DestSchool>\(Self.el("LEA", dest.la))\(Self.el("Estab", dest.estab))</DestSchool>
        </Header>
        <CTFpupilData>

      """
    var fields = PersonalFields()
    for p in pupils {
      xml += "    " + pupil(p, year: year, results: results?.pupils[p.id] ?? [], fields: &fields) + "\n"
    }
    xml += "  </CTFpupilData>\n</CTfile>\n"
    let to = dest.known ? "LA \(dest.la), establishment \(dest.estab)" : "a school not yet known (XXX/XXXX)"
    preview =
      [
        "CTF \(version) from \(source.name) (LA \(la), establishment \(estab)) to \(to)",
        "\(pupils.count == 1 ? "1 pupil" : "\(pupils.count) pupils"): "
          + pupils.map { "\($0.fullName) (\($0.upn ?? "no UPN"))" }.joined(separator: ", "),
        "personal fields that leave: " + fields.leaving(pupils.count),
        "not written: Cohort's half-termly teacher judgements (they are not statutory results); FSM, pupil premium, looked-after, service child and EAL (the MIS's own CTF carries them with their dates)",
      ] + fields.omitted
  }

  static func el(_ name: String, _ v: String) -> String { "<\(name)>\(XLSXWriter.escape(v))</\(name)>" }

  /// One `<Pupil>`, counting what leaves in `fields`.
  func pupil(_ p: Pupil, year: AcademicYear, results: [StatutoryResult], fields: inout PersonalFields) -> String {
    let el = Self.el
    var x = "<Pupil>" + (p.upn.map { el("UPN", $0) } ?? "")
    x += el("Surname", p.surname) + el("Forename", p.forename) + el("DOB", p.dob.description)
    if p.sex != .unknown { x += el("Sex", p.sex.rawValue) } else { fields.omit(p, "sex (not known)") }
    x += "<BasicDetails>" + el("NCyearActual", p.yearGroup(in: year).ctfCode)
    if let e = p.ethnicity, EthnicityCodes.isKnown(e) {
      x += el("Ethnicity", e.uppercased())
      fields.count("ethnicity")
    } else if p.ethnicity != nil {
      fields.omit(p, "ethnicity (not one of DfE's codes)")
    }
    x += "</BasicDetails>"
    if p.send != .none {
      if let start = p.senStart {
        x += "<SENhistory><SEN>" + el("StartDate", start.description) + el("SENprovision", p.send.rawValue)
        x += "</SEN></SENhistory>"
        fields.count("SEN provision and its start date")
      } else {
        fields.omit(p, "SEN provision (its start date is not known: the MIS's own CTF carries it)")
      }
    }
    if !results.isEmpty {
      x += "<StageAssessments>"
      for stage in Set(results.map(\.stage)).sorted() {
        x += "<KeyStage>" + el("Stage", stage)
        for r in results where r.stage == stage {
          x += "<StageAssessment>" + (r.locale.map { el("Locale", $0) } ?? "") + el("Year", String(r.year))
          x += el("Subject", r.subject) + el("Method", r.method) + (r.component.map { el("Component", $0) } ?? "")
          x += (r.resultStatus.map { el("ResultStatus", $0) } ?? "")
          x +=
            (r.resultQualifier.map { el("ResultQualifier", $0) } ?? "") + el("Result", r.result) + "</StageAssessment>"
        }
        x += "</KeyStage>"
      }
      x += "</StageAssessments>"
      fields.count("statutory results", by: results.count)
    }
    return x + "</Pupil>"
  }
}

/// What personal data a transfer file carries, counted, and what it leaves out for whom.
struct PersonalFields {
  private var counts: [(String, Int)] = []
  private(set) var omitted: [String] = []

  mutating func count(_ field: String, by n: Int = 1) {
    if let k = counts.firstIndex(where: { $0.0 == field }) { counts[k].1 += n } else { counts.append((field, n)) }
  }

  mutating func omit(_ p: Pupil, _ what: String) { omitted.append("\(p.fullName): not written: \(what)") }

  /// "UPN, surname, forename, date of birth, sex, NC year (2 pupils); ethnicity (1 pupil); ..."
  func leaving(_ pupils: Int) -> String {
    func of(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    let always = "UPN, surname, forename, date of birth, sex, NC year (\(of(pupils, "pupil")))"
    return
      ([always] + counts.map { "\($0.0) (\($0.0 == "statutory results" ? of($0.1, "result") : of($0.1, "pupil")))" })
      .joined(separator: "; ")
  }
}
