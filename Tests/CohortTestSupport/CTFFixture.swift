import CohortCore

/// Builds Common Transfer Files from the DfE's published structure, version by version, with
/// or without the optional parts, so that tests read what an MIS writes.
public struct CTFFixture {
  public struct Pupil {
    public var upn: String?
    public var surname: String
    public var forename: String
    public var dob: String
    public var sex: String? = "F"
    public var preferredForename: String?
    public var ncYear: String?
    public var firstLanguage: String?
    public var ethnicity: String?
    public var fsm: [(start: String, end: String?)] = []
    public var sen: [(start: String, provision: String)] = []
    public var results:
      [(stage: String, year: Int, subject: String, method: String, component: String?, result: String)] = []
    public var extra = ""

    public init(
      upn: String?, surname: String, forename: String, dob: String, sex: String? = "F",
      preferredForename: String? = nil,
      ncYear: String? = nil, firstLanguage: String? = nil, ethnicity: String? = nil,
      fsm: [(start: String, end: String?)] = [], sen: [(start: String, provision: String)] = [],
      results: [(stage: String, year: Int, subject: String, method: String, component: String?, result: String)] = [],
      extra: String = ""
    ) {
      self.upn = upn
      self.surname = surname
      self.forename = forename
      self.dob = dob
      self.sex = sex
      self.preferredForename = preferredForename
      self.ncYear = ncYear
      self.firstLanguage = firstLanguage
      self.ethnicity = ethnicity
      self.fsm = fsm
      self.sen = sen
      self.results = results
      self.extra = extra
    }
  }

  public var version = "24.0"
  public var created = "2027-01-10T09:30:00"
  public var pupils: [Pupil] = []
  public var root = "CTfile"

  public init(
    version: String = "24.0", created: String = "2027-01-10T09:30:00", pupils: [Pupil] = [], root: String = "CTfile"
  ) {
    self.version = version
    self.created = created
    self.pupils = pupils
    self.root = root
  }

  /// Versions before 19 wrote `Gender`; later ones `Sex`.
  public var sexElement: String { (Int(version.prefix { $0 != "." }) ?? 99) < 19 ? "Gender" : "Sex" }

  public var xml: String {
    var x = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Common Transfer File written by a test -->
      <\(root)>
        <Header>
          <DocumentName>Common Transfer File</DocumentName>
          <CTFversion>\(version)</CTFversion>
          <DateTime>\(created)</DateTime>
          <DocumentQualifier>partial</DocumentQualifier>
          <SupplierID>TestMIS</SupplierID>
          <SourceSchool><LEA>123</LEA><Estab>4567</Estab><URN>100001</URN><SchoolName>Oak &amp; Ash Primary</SchoolName><AcademicYear>2026</AcademicYear></SourceSchool>
          <DestSchool><LEA>123</LEA><Estab>4567</Estab></DestSchool>
        </Header>
        <CTFpupilData>

      """
    for p in pupils { x += element(p) }
    x += "  </CTFpupilData>\n</\(root)>\n"
    return x
  }

  /// One pupil's element: details, FSM and SEN history, statutory results.
  func element(_ p: Pupil) -> String {
    var x = "    <Pupil>\n"
    if let u = p.upn { x += "      <UPN>\(u)</UPN>\n" }
    x += "      <Surname>\(p.surname)</Surname>\n      <Forename>\(p.forename)</Forename>\n"
    x += "      <DOB>\(p.dob)</DOB>\n"
    if let s = p.sex { x += "      <\(sexElement)>\(s)</\(sexElement)>\n" }
    if p.preferredForename != nil || p.ncYear != nil || p.firstLanguage != nil || p.ethnicity != nil {
      x += "      <BasicDetails>\n"
      if let f = p.preferredForename { x += "        <PreferredForename>\(f)</PreferredForename>\n" }
      if let y = p.ncYear { x += "        <NCyearActual>\(y)</NCyearActual>\n" }
      if let e = p.ethnicity { x += "        <Ethnicity>\(e)</Ethnicity>\n" }
      if let l = p.firstLanguage {
        x += "        <Languages><Type><LanguageType>F</LanguageType><Language>\(l)</Language></Type></Languages>\n"
      }
      x += "        <MedicalFlag>false</MedicalFlag>\n      </BasicDetails>\n"
    }
    if !p.fsm.isEmpty {
      x += "      <FSMhistory><FSMreviewDate>2026-09-01</FSMreviewDate>\n"
      for f in p.fsm {
        x += "        <FSMinstance><FSMstartDate>\(f.start)</FSMstartDate>"
        if let e = f.end { x += "<FSMendDate>\(e)</FSMendDate>" }
        x += "<UKcountry>ENG</UKcountry></FSMinstance>\n"
      }
      x += "      </FSMhistory>\n"
    }
    if !p.sen.isEmpty {
      x += "      <SENhistory>\n"
      for s in p.sen {
        x += "        <SEN><StartDate>\(s.start)</StartDate><SENprovision>\(s.provision)</SENprovision></SEN>\n"
      }
      x += "      </SENhistory>\n"
    }
    if !p.results.isEmpty {
      x += "      <StageAssessments>\n"
      for stage in Set(p.results.map(\.stage)).sorted() {
        x += "        <KeyStage><Stage>\(stage)</Stage>\n"
        for r in p.results where r.stage == stage {
          x += "          <StageAssessment><Locale>ENG</Locale><Year>\(r.year)</Year><Subject>\(r.subject)</Subject>"
          x += "<Method>\(r.method)</Method>"
          if let c = r.component { x += "<Component>\(c)</Component>" }
          x += "<ResultStatus>F</ResultStatus><ResultQualifier>NV</ResultQualifier><Result>\(r.result)</Result>"
          x += "</StageAssessment>\n"
        }
        x += "        </KeyStage>\n"
      }
      x += "      </StageAssessments>\n"
    }
    x += p.extra
    x += "    </Pupil>\n"
    return x
  }

  public var bytes: [UInt8] { Array(xml.utf8) }

  /// A valid permanent UPN ending in `n` (the check letter computed the DfE's way).
  public static func upn(_ n: Int) -> String {
    var digits = String(n)
    digits = String(repeating: "0", count: 12 - digits.count) + digits
    digits = "8" + digits.dropFirst()
    return String(UPN.checkLetter(Array(digits))!) + digits
  }

  /// The same UPN with a check letter that the digits do not give.
  public static func wrongCheck(_ upn: String) -> String { (upn.first == "B" ? "C" : "B") + upn.dropFirst() }
}

extension CTFFixture {
  /// DfE's multiplication tables check results file as its MTC service writes it: the header
  /// with SourceSchool and DestSchool (LEA, Estab, URN), each pupil's UPN, names in capitals,
  /// DOB and Sex, and one KS2 StageAssessment (MAT, TT, MTC, ResultStatus R, ResultQualifier
  /// MT) whose Result is a score of 25 or one of DfE's codes. No BasicDetails.
  public static func mtc(
    _ pupils: [(upn: String, surname: String, forename: String, dob: String, sex: String, result: String)],
    academicYear: Int = 2026, version: String? = nil
  ) -> String {
    let v = version ?? "\(academicYear % 100).0"
    var x = """
      <?xml version="1.0" encoding="utf-8"?>
      <CTfile>
        <Header>
          <DocumentName>Common Transfer File</DocumentName>
          <CTFversion>\(v)</CTFversion>
          <DateTime>\(academicYear + 1)-06-28T10:15:00</DateTime>
          <DocumentQualifier>partial</DocumentQualifier>
          <SupplierID>Multiplication Tables Check</SupplierID>
          <SourceSchool>
            <LEA>201</LEA>
            <Estab>3614</Estab>
            <URN>100001</URN>
            <SchoolName>Oakfield Primary School</SchoolName>
            <AcademicYear>\(academicYear)</AcademicYear>
          </SourceSchool>
          <DestSchool>
            <LEA>201</LEA>
            <Estab>3614</Estab>
            <URN>100001</URN>
          </DestSchool>
        </Header>
        <CTFpupilData>

      """
    for p in pupils {
      x += """
            <Pupil>
              <UPN>\(p.upn)</UPN>
              <Surname>\(p.surname.uppercased())</Surname>
              <Forename>\(p.forename.uppercased())</Forename>
              <DOB>\(p.dob)</DOB>
              <Sex>\(p.sex)</Sex>
              <StageAssessments>
                <KeyStage>
                  <Stage>KS2</Stage>
                  <StageAssessment>
                    <Locale>ENG</Locale>
                    <Year>\(academicYear + 1)</Year>
                    <Subject>MAT</Subject>
                    <Method>TT</Method>
                    <Component>MTC</Component>
                    <ResultStatus>R</ResultStatus>
                    <ResultQualifier>MT</ResultQualifier>
                    <Result>\(p.result)</Result>
                  </StageAssessment>
                </KeyStage>
              </StageAssessments>
            </Pupil>

        """
    }
    return x + "  </CTFpupilData>\n</CTfile>\n"
  }
}
