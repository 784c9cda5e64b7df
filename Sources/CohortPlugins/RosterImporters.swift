import CohortCore
import CohortPluginKit
import CohortStore
import Foundation

/// `cohort import ctf FILE [--school S]`: pupils, characteristics and statutory results from a
/// DfE Common Transfer File that the MIS exported, into the school its header names.
struct CTFImporter: Importer {
  let id = "roster.ctf"
  let kind = "ctf"
  let title = "Pupils from a Common Transfer File (CTF)"
  let reads = ImportSubject.pupils
  let fileEndings = ["xml"]
  let namesItsSchool = true

  func preview(_ r: ImportRequest) throws -> ImportPreview {
    let read: (header: CTFReader.Header, roster: RosterFile)
    do { read = try CTFReader.read(Array(r.data)) } catch let e as InputError {
      throw InputError("\(r.fileName): \(e.message)")
    }
    let target = try ImportTarget.forCTF(r, header: read.header)
    var preview = try RosterImport(request: r, source: "CTF").preview(read.roster, into: target)
    let from = read.header.sourceSchool.map { " from \($0)" } ?? ""
    preview.notes.insert("CTF version \(read.header.version)\(from)", at: 0)
    return preview
  }
}

/// `cohort import roster FILE --school S`: a roster exported from an MIS as CSV. Headers are
/// matched by their usual names, or by the mapping saved for the school (`--map`).
struct RosterCSVImporter: Importer {
  let id = "roster.csv"
  let kind = "roster"
  let title = "Pupils from an MIS export (CSV)"
  let reads = ImportSubject.pupils
  let fileEndings = ["csv", "txt"]

  func preview(_ r: ImportRequest) throws -> ImportPreview {
    let schoolID = try r.option("school")
    var mapping = try RosterMapping.load(r.folder, school: schoolID)
    if let text = r.options["map"] { mapping = try RosterMapping.parse(text) }
    let (text, note) = CSVReader.decode(r.data)
    if text.unicodeScalars.prefix(4096).contains("\u{0}") {
      throw InputError("\(r.fileName): this is not a text file (it holds binary data): export the roster as CSV")
    }
    let file: RosterFile
    do { file = try RosterCSV.read(text, mapping: mapping.fields) } catch let e as InputError {
      throw InputError("\(r.fileName): \(e.message)")
    }
    var preview = try RosterImport(request: r, source: "CSV roster").preview(file, into: try .named(r))
    if let note { preview.notes.insert(note, at: 0) }
    if r.options["map"] != nil && r.options["save-map"] == "yes" {
      let doc = RosterMapping(school: schoolID, fields: mapping.fields)
      preview.others.append(
        try DocumentWrite(
          doc, at: RosterMapping.path(schoolID), school: schoolID,
          base: try r.folder.read(RosterMapping.self, at: RosterMapping.path(schoolID)),
          journal: [r.folder.event(doc: RosterMapping.path(schoolID), "saved the roster column mapping")]))
      preview.changes.append("saved the column mapping for \(schoolID)")
    }
    return preview
  }
}

/// `cohort import statutory FILE --school S [--year 2026-27]`: KS2 results as the Primary
/// Assessment Gateway exports them (CSV). They add results to the pupils matched by UPN and
/// change nothing else about them.
struct StatutoryCSVImporter: Importer {
  let id = "statutory.csv"
  let kind = "statutory"
  let title = "KS2 results from the Primary Assessment Gateway (CSV)"
  let reads = ImportSubject.statutory
  let fileEndings = ["csv"]

  func preview(_ r: ImportRequest) throws -> ImportPreview {
    let (text, note) = CSVReader.decode(r.data)
    let year =
      try r.options["year"].map(AcademicYear.parse)
      ?? AcademicYear(containing: SchoolDate(dayNumber: Int(DataFolder.now() / 86_400_000)))
    let file: RosterFile
    do { file = try StatutoryCSV.read(text, year: year.startYear + 1) } catch let e as InputError {
      throw InputError("\(r.fileName): \(e.message)")
    }
    var preview = try RosterImport(request: r, source: "KS2 results CSV").preview(file, into: try .named(r))
    preview.notes.insert("KS2 results of \(year) (the tests of summer \(year.startYear + 1))", at: 0)
    if let note { preview.notes.insert(note, at: 0) }
    return preview
  }
}
