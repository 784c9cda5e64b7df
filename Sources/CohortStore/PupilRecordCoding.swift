import CohortCore

/// `PupilRecord`s of one school in the binary form of the derived cache. The strings that
/// repeat (class ids, subjects, codes, tests) are written once in a table and referred to by
/// number, so that reading them back makes each once. Every field of `Pupil` is kept: a
/// record read back is equal to the one written (a test compares them on a whole trust).
public enum PupilRecordCoding {
  public static func write(_ records: [PupilRecord], to out: inout BinaryWriter) {
    var table = StringTable()
    var w = BinaryWriter(capacity: records.count * 256)
    w.unsigned(UInt64(records.count))
    for r in records {
      write(r.pupil, to: &w)
      w.int(table.ref(r.classID))
      w.int(r.yearGroup.number)
      w.bool(r.outsideAgeYear)
      w.unsigned(UInt64(r.codes.count))
      for e in r.codes {
        w.int(Int(e.timeOrdinal))
        w.int(table.ref(e.name))
        w.int(table.ref(e.value))
      }
      w.unsigned(UInt64(r.scores.count))
      for e in r.scores {
        w.int(Int(e.timeOrdinal))
        w.int(table.ref(e.name))
        w.int(e.value)
      }
    }
    table.append(to: &out)
    out.raw(w.bytes)
  }

  public static func read(_ r: inout BinaryReader, school: String) -> [PupilRecord]? {
    guard let strings = r.table(), let count = r.count() else { return nil }
    var records: [PupilRecord] = []
    records.reserveCapacity(count)
    for _ in 0..<count {
      guard let pupil = readPupil(&r), let classID = r.string(in: strings), let year = r.int(),
        let outside = r.bool(), let codeCount = r.count()
      else { return nil }
      var record = PupilRecord(
        pupil: pupil, school: school, classID: classID, yearGroup: YearGroup(year), outsideAgeYear: outside,
        codes: PupilCodes(minimumCapacity: codeCount))
      for _ in 0..<codeCount {
        guard let o = r.int(), let name = r.string(in: strings), let value = r.string(in: strings),
          let ordinal = Int32(exactly: o), record.codes.appendInOrder(ordinal: ordinal, name: name, value: value)
        else { return nil }
      }
      guard let scoreCount = r.count() else { return nil }
      for _ in 0..<scoreCount {
        guard let o = r.int(), let name = r.string(in: strings), let value = r.int(),
          let ordinal = Int32(exactly: o), record.scores.appendInOrder(ordinal: ordinal, name: name, value: value)
        else { return nil }
      }
      records.append(record)
    }
    return records
  }

  public static func write(_ p: Pupil, to w: inout BinaryWriter) {
    w.string(p.id)
    w.optionalString(p.upn)
    w.string(p.forename)
    w.string(p.surname)
    write(p.dob, to: &w)
    w.string(p.sex.rawValue)
    // Bit by bit and date by date, not through arrays: an array or two made per pupil were
    // most of writing a school's entry.
    func bit(_ set: Bool, _ i: UInt64) -> UInt64 { set ? 1 << i : 0 }
    w.unsigned(
      bit(p.pupilPremium, 0) | bit(p.fsm, 1) | bit(p.ever6FSM, 2) | bit(p.lookedAfter, 3)
        | bit(p.previouslyLookedAfter, 4) | bit(p.serviceChild, 5) | bit(p.eal, 6))
    w.string(p.send.rawValue)
    w.optionalString(p.ethnicity)
    write(optional: p.senStart, to: &w)
    write(optional: p.leftOn, to: &w)
    w.unsigned(UInt64(p.ncYears.count))
    for (year, group) in p.ncYears.sorted(by: { $0.key < $1.key }) {
      w.int(year.startYear)
      w.int(group.number)
    }
  }

  public static func readPupil(_ r: inout BinaryReader) -> Pupil? {
    guard let id = r.string(), let upn = r.optionalString(), let forename = r.string(), let surname = r.string(),
      let dob = readDate(&r), let sex = r.string().flatMap(Sex.init(rawValue:)), let flags = r.unsigned(),
      let send = r.string().flatMap(SENDStatus.init(rawValue:)), let ethnicity = r.optionalString()
    else { return nil }
    guard let senStart = readOptionalDate(&r), let leftOn = readOptionalDate(&r) else { return nil }
    guard let years = r.count() else { return nil }
    var ncYears: [AcademicYear: YearGroup] = [:]
    for _ in 0..<years {
      guard let start = r.int(), let group = r.int() else { return nil }
      ncYears[AcademicYear(startYear: start)] = YearGroup(group)
    }
    func flag(_ i: UInt64) -> Bool { flags & (1 << i) != 0 }
    var p = Pupil(
      id: id, upn: upn, forename: forename, surname: surname, dob: dob, sex: sex, pupilPremium: flag(0),
      fsm: flag(1), ever6FSM: flag(2), lookedAfter: flag(3), send: send, eal: flag(6), ethnicity: ethnicity,
      leftOn: leftOn, ncYears: ncYears, previouslyLookedAfter: flag(4), serviceChild: flag(5))
    p.senStart = senStart
    return p
  }

  static func write(_ d: SchoolDate, to w: inout BinaryWriter) {
    w.int(d.year)
    w.int(d.month)
    w.int(d.day)
  }

  static func write(optional d: SchoolDate?, to w: inout BinaryWriter) {
    w.bool(d != nil)
    if let d { write(d, to: &w) }
  }

  /// nil when unreadable, .some(nil) for no date.
  static func readOptionalDate(_ r: inout BinaryReader) -> SchoolDate?? {
    guard let present = r.bool() else { return nil }
    guard present else { return .some(nil) }
    return readDate(&r).map { .some($0) }
  }

  static func readDate(_ r: inout BinaryReader) -> SchoolDate? {
    guard let y = r.int(), let m = r.int(), let d = r.int() else { return nil }
    return SchoolDate(year: y, month: m, day: d)
  }

  public static func write(_ classes: [ClassInfo], to w: inout BinaryWriter) {
    w.unsigned(UInt64(classes.count))
    for c in classes {
      w.string(c.id)
      w.string(c.name)
      w.unsigned(UInt64(c.yearGroups.count))
      for g in c.yearGroups { w.int(g.number) }
      w.unsigned(UInt64(c.teachers.count))
      for t in c.teachers { w.string(t) }
    }
  }

  public static func readClasses(_ r: inout BinaryReader, school: String) -> [ClassInfo]? {
    guard let n = r.count() else { return nil }
    var classes: [ClassInfo] = []
    for _ in 0..<n {
      guard let id = r.string(), let name = r.string(), let groupCount = r.count() else { return nil }
      var groups: [YearGroup] = []
      for _ in 0..<groupCount {
        guard let g = r.int() else { return nil }
        groups.append(YearGroup(g))
      }
      guard let teacherCount = r.count() else { return nil }
      var teachers: [String] = []
      for _ in 0..<teacherCount {
        guard let t = r.string() else { return nil }
        teachers.append(t)
      }
      classes.append(ClassInfo(id: id, school: school, name: name, yearGroups: groups, teachers: teachers))
    }
    return classes
  }
}
