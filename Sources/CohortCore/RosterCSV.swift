/// Reads a roster exported from an MIS as CSV (SIMS, Arbor, Bromcom, a spreadsheet): headers
/// are found by their many names (or by a school's saved mapping), values in the words each
/// vendor uses ("Y"/"Yes"/"True", "Male"/"M", "SEN Support"/"K").
public enum RosterCSV {
  /// The fields a roster can carry; raw values are the names a mapping uses.
  public enum Field: String, CaseIterable, Sendable, Codable {
    case upn, surname, forename, legalSurname, legalForename, preferredSurname, preferredForename, dob, sex
    case yearGroup, className, pupilPremium, fsm, ever6FSM, lookedAfter, send, eal, firstLanguage, ethnicity
    case previouslyLookedAfter, serviceChild
  }

  public static let aliases: [Field: [String]] = [
    .upn: CSVColumns.upn,
    .surname: ["surname", "last name", "family name", "lastname"],
    .forename: ["forename", "first name", "given name", "firstname"],
    .legalSurname: ["legal surname", "legal last name", "legal family name"],
    .legalForename: ["legal forename", "legal first name", "legal given name"],
    .preferredSurname: ["preferred surname", "preferred last name", "known as surname"],
    .preferredForename: ["preferred forename", "preferred first name", "known as", "preferred name"],
    .dob: CSVColumns.dob,
    .sex: ["gender", "sex", "legal sex"],
    .yearGroup: ["year", "nc year", "year group", "national curriculum year", "ncyear actual", "year taught in"],
    .className: ["reg group", "registration group", "reg", "form", "class", "registration form", "tutor group"],
    .pupilPremium: ["pp", "pupil premium", "pupil premium indicator", "pupil premium eligible", "pp eligible"],
    .fsm: ["fsm", "fsm eligible", "free school meals", "fsm eligibility", "eligible for fsm"],
    .ever6FSM: ["ever 6", "ever 6 fsm", "fsm ever 6", "ever6", "ever fsm 6", "ever 6 free school meals"],
    .lookedAfter: ["looked after", "in care", "cla", "lac", "child looked after"],
    .send: ["sen status", "sen", "send", "sen provision", "send status", "sen need"],
    .eal: ["eal", "english as an additional language", "eal status"],
    .firstLanguage: ["first language", "home language", "language"],
    .ethnicity: ["ethnicity", "ethnic group", "ethnic origin", "ethnicity code"],
    .previouslyLookedAfter: [
      "previously looked after", "pla", "plac", "post looked after", "adopted from care", "post lac",
      "previously looked after child",
    ],
    .serviceChild: ["service child", "service children", "service pupil", "forces child", "service child indicator"],
  ]

  /// `mapping` names the header to use for a field (a school's saved choice); it wins over
  /// the aliases. Throws for a file that cannot be a roster (duplicated headers, no names).
  public static func read(_ text: String, mapping: [Field: String] = [:]) throws -> RosterFile {
    let rows = CSVReader.rows(text)
    guard let header = rows.first, header.contains(where: { !$0.trimmingWhitespace.isEmpty }) else {
      throw InputError("line 1: the file is empty: expected a header row (UPN, Surname, Forename, Date of birth...)")
    }
    var seen: [String: Int] = [:]
    for (n, h) in header.enumerated() where !CSVColumns.key(h).isEmpty {
      if let first = seen[CSVColumns.key(h)] {
        throw InputError(
          "line 1: columns \(first + 1) and \(n + 1) are both called '\(h.trimmingWhitespace)': remove one")
      }
      seen[CSVColumns.key(h)] = n
    }
    let cols = CSVColumns(header)
    var index: [Field: Int] = [:]
    for f in Field.allCases {
      if let chosen = mapping[f] {
        guard let i = cols.index([chosen]) else {
          throw InputError("line 1: the saved mapping uses a column '\(chosen)' for \(f.rawValue): the file has none")
        }
        index[f] = i
      } else if let i = cols.index(aliases[f]!) {
        index[f] = i
      }
    }
    let hasSurname = index[.surname] ?? index[.legalSurname] ?? index[.preferredSurname]
    let hasForename = index[.forename] ?? index[.legalForename] ?? index[.preferredForename]
    guard hasSurname != nil, hasForename != nil, index[.dob] != nil else {
      throw InputError(
        "line 1: a roster needs columns for surname, forename and date of birth (found: \(header.joined(separator: ", ")))"
      )
    }
    var file = RosterFile()
    let used = Set(index.values)
    let ignored = header.enumerated().filter { !used.contains($0.offset) && !$0.element.trimmingWhitespace.isEmpty }
    if !ignored.isEmpty { file.notes.append("columns not imported: \(ignored.map(\.element).joined(separator: ", "))") }
    for (n, row) in rows.enumerated().dropFirst() where !row.allSatisfy({ $0.trimmingWhitespace.isEmpty }) {
      do { file.entries.append(try entry(row, line: n + 1, index)) } catch let e as InputError {
        file.problems.append((n + 1, e.message))
      }
    }
    file.refuseDuplicateUPNs()
    return file
  }

  static func entry(_ row: [String], line: Int, _ index: [Field: Int]) throws -> RosterEntry {
    func v(_ f: Field) -> String? { CSVColumns.field(row, index[f]) }
    guard let surname = v(.preferredSurname) ?? v(.surname) ?? v(.legalSurname) else { throw InputError("no surname") }
    guard let forename = v(.preferredForename) ?? v(.forename) ?? v(.legalForename) else {
      throw InputError("\(surname): no forename")
    }
    guard let dobText = v(.dob) else { throw InputError("\(forename) \(surname): no date of birth") }
    guard let dob = UKDate.parse(dobText) else {
      throw InputError("\(forename) \(surname): date of birth '\(dobText)' is not a date")
    }
    let upn = try v(.upn).map(UPN.init)
    var e = RosterEntry(line: line, upn: upn, surname: surname, forename: forename, dob: dob)
    let legalS = v(.legalSurname) ?? v(.surname)
    let legalF = v(.legalForename) ?? v(.forename)
    if let legalS, legalS != surname { e.legalSurname = legalS }
    if let legalF, legalF != forename { e.legalForename = legalF }
    e.sex = try v(.sex).map(sex)
    // "X" (no national curriculum year) gives none: the date of birth decides.
    e.yearGroup = try v(.yearGroup).flatMap { $0.uppercased() == "X" ? nil : try YearGroup.parse($0) }
    e.className = v(.className)
    e.pupilPremium = try flag(v(.pupilPremium), "pupil premium")
    e.fsm = try flag(v(.fsm), "FSM")
    e.ever6FSM = try flag(v(.ever6FSM), "Ever 6 FSM")
    e.lookedAfter = try flag(v(.lookedAfter), "looked after")
    e.previouslyLookedAfter = try flag(v(.previouslyLookedAfter), "previously looked after")
    e.serviceChild = try flag(v(.serviceChild), "service child")
    e.send = try v(.send).map(sen)
    e.eal = try flag(v(.eal), "EAL")
    if e.eal == nil, let language = v(.firstLanguage)?.lowercased(),
      !["not obtained", "refused", "not known", "not", "ref"].contains(language)
    {
      e.eal = !["english", "eng", "enb", "believed to be english"].contains(language)
    }
    e.ethnicity = v(.ethnicity).map { EthnicityCodes.code($0) ?? $0 }
    return e
  }

  static func flag(_ text: String?, _ what: String) throws -> Bool? {
    guard let t = text?.lowercased() else { return nil }
    if ["y", "yes", "t", "true", "1", "eligible", "x"].contains(t) { return true }
    if ["n", "no", "f", "false", "0", "not eligible", "-"].contains(t) { return false }
    throw InputError("\(what) '\(text!)' is not yes or no")
  }

  static func sex(_ text: String) throws -> Sex {
    switch text.lowercased() {
    case "m", "male", "boy": return .male
    case "f", "female", "girl": return .female
    case "u", "unknown", "not known": return .unknown
    default: throw InputError("gender '\(text)' is not M or F")
    }
  }

  static func sen(_ text: String) throws -> SENDStatus {
    switch CSVColumns.key(text) {
    case "n", "none", "no", "nosen", "nospecialeducationalneed", "notsen": return .none
    case "k", "sensupport", "support", "schoolaction", "schoolactionplus", "a", "p": return .support
    case "e", "s", "ehcplan", "ehcp", "ehc", "statement", "educationhealthandcareplan": return .ehcPlan
    default: throw InputError("SEN status '\(text)' is not N, K (SEN support) or E (EHC plan)")
    }
  }
}
