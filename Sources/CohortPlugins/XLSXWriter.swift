import Foundation
import ZIPFoundation

/// The smallest workbook Excel and LibreOffice open: one worksheet per sheet, cells as inline
/// strings (whole numbers as numbers), zipped with ZIPFoundation. Built in memory: pupil data
/// never goes through a temporary file.
enum XLSXWriter {
  struct Sheet {
    var name: String
    var rows: [[String]]
  }

  static func workbook(_ sheets: [Sheet]) throws -> Data {
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes(sheets.count)),
      (
        "_rels/.rels",
        rels([
          (
            "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "xl/workbook.xml"
          )
        ])
      ),
      ("xl/workbook.xml", workbookXML(sheets)),
      (
        "xl/_rels/workbook.xml.rels",
        rels(
          sheets.indices.map {
            (
              "rId\($0 + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
              "worksheets/sheet\($0 + 1).xml"
            )
          })
      ),
    ]
    for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheetXML(s.rows))) }
    let archive = try Archive(data: Data(), accessMode: .create)
    // A fixed time: the same data gives the same file.
    let when = Date(timeIntervalSince1970: 946_684_800)
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: when,
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let out = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return out
  }

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  static func contentTypes(_ n: Int) -> String {
    header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + (1...max(n, 1)).map {
        "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      }.joined() + "</Types>"
  }

  static func rels(_ list: [(id: String, type: String, target: String)]) -> String {
    header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + list.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
      + "</Relationships>"
  }

  static func workbookXML(_ sheets: [Sheet]) -> String {
    header + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      + sheets.enumerated().map { "<sheet name=\"\(escape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }
      .joined() + "</sheets></workbook>"
  }

  static func sheetXML(_ rows: [[String]]) -> String {
    var out = header + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    for (r, row) in rows.enumerated() {
      out += "<row r=\"\(r + 1)\">"
      for (c, value) in row.enumerated() where !value.isEmpty {
        let ref = column(c) + String(r + 1)
        if isNumber(value) {
          out += "<c r=\"\(ref)\"><v>\(value)</v></c>"
        } else {
          out += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(value))</t></is></c>"
        }
      }
      out += "</row>"
    }
    return out + "</sheetData></worksheet>"
  }

  /// Numbers as a spreadsheet should sum them: "104", "45.3". A leading zero ("007") marks an
  /// identifier, and long digit strings are references: both stay text.
  static func isNumber(_ s: String) -> Bool {
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    guard s.count < 10, (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return false }
    guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
    return whole.first != "0" || whole.count == 1
  }

  /// 0 -> A, 25 -> Z, 26 -> AA.
  static func column(_ i: Int) -> String {
    var n = i + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  /// XML text: the five specials escaped, control characters (not allowed in XML 1.0) dropped.
  static func escape(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: if u.value >= 0x20 || u == "\t" || u == "\n" || u == "\r" { out.unicodeScalars.append(u) }
      }
    }
    return out
  }
}
