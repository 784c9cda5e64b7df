import CohortCore

/// A Common Transfer File as an MIS exports it for a school (DfE's published structure:
/// Header with SourceSchool LEA, Estab, URN, SchoolName, AcademicYear; CTFpupilData with a
/// Pupil per child). Three pupils in Year 3 and one in Year 6 in 2026-27.
struct CTFFile {
  var la = "873"
  var estab = "2001"
  var urn = "123456"
  var name = "Meadow Primary"

  static let pupils = [
    ("Hannah", "Lee", "2018-10-04", "F", "3"), ("Omar", "Khan", "2019-02-21", "M", "3"),
    ("Ruby", "Jones", "2018-12-01", "F", "3"), ("Ava", "Brown", "2016-05-05", "F", "6"),
  ]

  /// The UPN of pupil `n` (1...4): LA 873, establishment 2001, allocated in 2026.
  static func upn(_ n: Int) -> String {
    let digits = "873200126" + (n < 10 ? "00" : "0") + "\(n)"
    return String(UPN.checkLetter(Array(digits))!) + digits
  }

  var xml: String {
    var x = """
      <?xml version="1.0" encoding="UTF-8"?>
      <CTfile>
        <Header>
          <DocumentName>Common Transfer File</DocumentName>
          <CTFversion>25.0</CTFversion>
          <DateTime>2026-11-30T09:00:00</DateTime>
          <DocumentQualifier>full</DocumentQualifier>
          <SupplierID>TestMIS</SupplierID>
          <SourceSchool><LEA>\(la)</LEA><Estab>\(estab)</Estab><URN>\(urn)</URN><SchoolName>\(name)</SchoolName><AcademicYear>2026</AcademicYear></SourceSchool>
          <DestSchool><LEA>\(la)</LEA><Estab>\(estab)</Estab></DestSchool>
        </Header>
        <CTFpupilData>

      """
    for (i, p) in Self.pupils.enumerated() {
      x += "    <Pupil><UPN>\(Self.upn(i + 1))</UPN><Surname>\(p.1)</Surname><Forename>\(p.0)</Forename>"
      x +=
        "<DOB>\(p.2)</DOB><Sex>\(p.3)</Sex><BasicDetails><NCyearActual>\(p.4)</NCyearActual></BasicDetails></Pupil>\n"
    }
    return x + "  </CTFpupilData>\n</CTfile>\n"
  }
}
