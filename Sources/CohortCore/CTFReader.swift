/// Reads a DfE Common Transfer File (`CTfile` > `Header`, `CTFpupilData` > `Pupil`) into
/// roster entries. DfE numbers a CTF by its academic year (25.0 for 2025-26, a new one each
/// September): versions from 17 are read, a later one than this Cohort knows with a note, since
/// each version only adds elements and those it does not know are ignored; older names
/// (`Gender`) are accepted beside newer (`Sex`).
public enum CTFReader {
  public static let oldestVersion = 17
  /// The newest CTF version this Cohort was written against (2026-27's).
  public static let newestVersion = 26

  public struct Header: Sendable, Hashable {
    public var version: String
    public var sourceSchool: String?
    public var sourceURN: String?
    /// The source school's LA code and establishment number (`SourceSchool` > `LEA`, `Estab`).
    public var sourceLA: String?
    public var sourceEstab: String?
    public var created: SchoolDate?
    /// `SourceSchool/AcademicYear`: the year the academic year starts in ("2026" for 2026-27).
    public var academicYear: AcademicYear?
    public var destLA: String?
    public var destEstab: String?
  }

  /// Whole-file problems (not XML, wrong root, a version before 17) throw; a pupil that cannot
  /// be read is one problem naming its line and element, and the others are still read.
  public static func read(_ bytes: [UInt8]) throws -> (header: Header, roster: RosterFile) {
    let root = try XMLReader.parse(bytes)
    guard root.name == "CTfile" else {
      throw InputError(
        "line \(root.line): the root element is <\(root.name)>, not <CTfile>: this is not a Common Transfer File")
    }
    guard let head = root.child("Header") else { throw InputError("line \(root.line): the CTF has no <Header>") }
    guard let version = head.value("CTFversion") else {
      throw InputError("line \(head.line): the CTF <Header> has no <CTFversion>")
    }
    guard let major = Int(version.prefix { $0 != "." }) else {
      throw InputError("line \(head.line): <CTFversion> '\(version)' is not a version number")
    }
    if major < oldestVersion {
      throw InputError(
        "this CTF is version \(version): Cohort reads versions \(oldestVersion) and later; export it again from the MIS"
      )
    }
    let header = readHeader(head, version: version)
    var file = RosterFile()
    if major > newestVersion {
      file.notes.append(
        "this CTF is version \(version), newer than the newest this Cohort knows (\(newestVersion).0): it is read as \(newestVersion).0 is, and elements added since are ignored"
      )
    }
    let pupils = root.child("CTFpupilData")?.all("Pupil") ?? []
    if pupils.isEmpty { file.notes.append("the CTF holds no pupils") }
    for p in pupils {
      do { file.entries.append(try pupil(p, fileDate: header.created, notes: &file.notes)) } catch let e as InputError {
        file.problems.append((p.line, e.message))
      }
    }
    file.refuseDuplicateUPNs()
    return (header, file)
  }

  static func readHeader(_ head: XMLNode, version: String) -> Header {
    let source = head.find("SourceSchool")
    let dest = head.find("DestSchool")
    return Header(
      version: version, sourceSchool: source?.value("SchoolName"), sourceURN: source?.value("URN"),
      sourceLA: source?.value("LEA"), sourceEstab: source?.value("Estab"),
      created: head.value("DateTime").flatMap { SchoolDate(iso: String($0.prefix(10))) },
      academicYear: source?.value("AcademicYear").flatMap(Int.init).map(AcademicYear.init(startYear:)),
      destLA: dest?.value("LEA"), destEstab: dest?.value("Estab"))
  }

  static func pupil(_ p: XMLNode, fileDate: SchoolDate?, notes: inout [String]) throws -> RosterEntry {
    func need(_ name: String) throws -> String {
      guard let v = p.value(name) else { throw InputError("<Pupil> has no <\(name)>") }
      return v
    }
    let upn = try p.value("UPN").map { text in
      do { return try UPN(text) } catch let e as InputError { throw InputError("<UPN>: \(e.message)") }
    }
    let dobText = try need("DOB")
    guard let dob = SchoolDate(iso: dobText) else { throw InputError("<DOB> '\(dobText)' is not a date (YYYY-MM-DD)") }
    var e = RosterEntry(line: p.line, upn: upn, surname: try need("Surname"), forename: try need("Forename"), dob: dob)
    if let s = p.value("Sex") ?? p.value("Gender") {
      guard let sex = Sex(rawValue: s.uppercased()) else { throw InputError("<Sex> '\(s)' is not M, F or U") }
      e.sex = sex
    }
    if let basic = p.child("BasicDetails") {
      try readBasic(basic, into: &e, notes: &notes)
    } else if p.child("StageAssessments") != nil {
      // DfE's own results files (the MTC's) carry names in capitals and no details: they
      // add results and say nothing else about the pupil.
      e.resultsOnly = true
    }
    if let care = p.find("LookedAfter", "InCare") {
      e.lookedAfter = ["TRUE", "1", "Y"].contains(care.text.trimmingWhitespace.uppercased())
    }
    // In BasicDetails or beside it. Service child: Y or N (R refused, U unknown say nothing).
    func detail(_ name: String) -> String? { (p.child("BasicDetails")?.value(name) ?? p.value(name))?.uppercased() }
    if let service = detail("ServiceChild") {
      if ["Y", "TRUE", "1"].contains(service) { e.serviceChild = true }
      if ["N", "FALSE", "0"].contains(service) { e.serviceChild = false }
    }
    // Left care by adoption, a special guardianship or a child arrangements order.
    if let pla = detail("PreviouslyLookedAfter") ?? detail("AdoptedFromCare") ?? detail("PostLookedAfterArrangements") {
      e.previouslyLookedAfter = !["N", "FALSE", "0", "NO"].contains(pla)
    }
    if let history = p.child("FSMhistory") { try readFSM(history, fileDate: fileDate, into: &e) }
    if let history = p.child("SENhistory") {
      let latest = history.all("SEN").max { ($0.value("StartDate") ?? "") < ($1.value("StartDate") ?? "") }
      let code = latest?.value("SENprovision") ?? "N"
      guard let send = CTFCodes.sen(code) else {
        throw InputError("<SENprovision> '\(code)' is not N, K or E (nor A, P or S from before 2014)")
      }
      e.send = send
      e.senStart = latest?.value("StartDate").flatMap(SchoolDate.init(iso:))
    }
    for stage in p.child("StageAssessments")?.all("KeyStage") ?? [] {
      let name = stage.value("Stage") ?? ""
      for a in stage.all("StageAssessment") { e.results.append(try result(a, stage: name)) }
    }
    return e
  }

  static func readBasic(_ b: XMLNode, into e: inout RosterEntry, notes: inout [String]) throws {
    if let s = b.value("PreferredSurname"), s != e.surname {
      (e.legalSurname, e.surname) = (e.surname, s)
    }
    if let f = b.value("PreferredForename"), f != e.forename {
      (e.legalForename, e.forename) = (e.forename, f)
    }
    if let y = b.value("NCyearActual") {
      switch CTFCodes.ncYear(y) {
      case .year(let year): e.yearGroup = year
      case .notFollowing:
        notes.append(
          "line \(e.line): \(e.fullName): <NCyearActual> X (not following a national curriculum year): their year group is worked out from the date of birth"
        )
      case nil: throw InputError("<NCyearActual> '\(y)' is not a year group (N1, N2, R, 1-14 or X)")
      }
    }
    e.ethnicity = b.value("Ethnicity")
    // The first language: "ENG" or "ENB" (believed English) is not EAL; refused or unknown says nothing.
    let types = b.child("Languages")?.all("Type") ?? []
    let first = types.first { $0.value("LanguageType")?.uppercased() == "F" }?.value("Language") ?? b.value("Language")
    if let code = first?.uppercased(), !["NOT", "REF", "UNK"].contains(code) {
      e.eal = !["ENG", "ENB"].contains(code)
    }
    if let pp = b.value("PupilPremium") { e.pupilPremium = ["TRUE", "1", "Y"].contains(pp.uppercased()) }
  }

  /// FSM now: an instance with no end date (or ending after the file was made); Ever 6: any
  /// instance in the six years before the file was made.
  static func readFSM(_ h: XMLNode, fileDate: SchoolDate?, into e: inout RosterEntry) throws {
    var now = false
    var ever6 = false
    for inst in h.all("FSMinstance") {
      guard let startText = inst.value("FSMstartDate"), let start = SchoolDate(iso: startText) else {
        throw InputError("<FSMinstance> on line \(inst.line) has no valid <FSMstartDate>")
      }
      let end = try inst.value("FSMendDate").map { t -> SchoolDate in
        guard let d = SchoolDate(iso: t) else { throw InputError("<FSMendDate> '\(t)' is not a date") }
        return d
      }
      if let end, end < start { throw InputError("<FSMinstance> on line \(inst.line) ends before it starts") }
      let ref = fileDate ?? end ?? start
      if end == nil || end! >= ref { now = true }
      if (end ?? ref) >= SchoolDate(dayNumber: ref.dayNumber - 6 * 365 - 1) { ever6 = true }
    }
    e.fsm = now
    e.ever6FSM = ever6 || now
  }

  static func result(_ a: XMLNode, stage: String) throws -> StatutoryResult {
    let where_ = "<StageAssessment> on line \(a.line)"
    guard let subject = a.value("Subject") else { throw InputError("\(where_) has no <Subject>") }
    guard let yearText = a.value("Year"), let year = Int(yearText), (1990...2200).contains(year) else {
      throw InputError("\(where_) (\(subject)) has no valid <Year>")
    }
    guard let value = a.value("Result") else { throw InputError("\(where_) (\(subject)) has no <Result>") }
    return StatutoryResult(
      stage: stage.isEmpty ? "?" : stage, year: year, subject: subject, method: a.value("Method") ?? "",
      component: a.value("Component"), locale: a.value("Locale"), resultStatus: a.value("ResultStatus"),
      resultQualifier: a.value("ResultQualifier"), result: value)
  }
}
