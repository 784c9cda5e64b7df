import CohortCore
import CohortStore

/// One school's pupils with statutory results in the derived cache, under the stamps of its
/// statutory.json and roster: a trust's statutory view otherwise steps over 38 MB of rosters
/// to reach a quarter of their pupils (docs/performance.md).
enum StatutoryCacheEntry {
  /// Bump whenever what `StatutorySummary.pupils` makes of the documents changes.
  static let format = 1

  static func name(_ school: String) -> String { "statutory.\(school).all" }

  static func read(_ cache: DerivedCache, _ folder: DataFolder, school: String) -> [StatutoryPupil]? {
    guard var r = cache.readFresh(name(school), format: format, folder: folder), let strings = r.table(),
      let n = r.count()
    else { return nil }
    var pupils: [StatutoryPupil] = []
    for _ in 0..<n {
      guard let pupil = PupilRecordCoding.readPupil(&r), let count = r.count() else { return nil }
      var results: [StatutoryResult] = []
      for _ in 0..<count {
        guard let stage = r.string(in: strings), let year = r.int(), let subject = r.string(in: strings),
          let method = r.string(in: strings), let component = r.optionalString(in: strings),
          let locale = r.optionalString(in: strings), let status = r.optionalString(in: strings),
          let qualifier = r.optionalString(in: strings), let result = r.string(in: strings)
        else { return nil }
        results.append(
          StatutoryResult(
            stage: stage, year: year, subject: subject, method: method, component: component, locale: locale,
            resultStatus: status, resultQualifier: qualifier, result: result))
      }
      pupils.append(StatutoryPupil(pupil: pupil, school: school, results: results))
    }
    return r.atEnd ? pupils : nil
  }

  static func write(_ cache: DerivedCache, school: String, stamps: [(String, SourceStamp)], pupils: [StatutoryPupil]) {
    var table = StringTable()
    var body = BinaryWriter(capacity: pupils.count * 200)
    body.unsigned(UInt64(pupils.count))
    for p in pupils {
      PupilRecordCoding.write(p.pupil, to: &body)
      body.unsigned(UInt64(p.results.count))
      for r in p.results {
        for v in [
          table.ref(r.stage), r.year, table.ref(r.subject), table.ref(r.method), table.ref(r.component),
          table.ref(r.locale),
        ] { body.int(v) }
        for v in [table.ref(r.resultStatus), table.ref(r.resultQualifier), table.ref(r.result)] { body.int(v) }
      }
    }
    cache.writeStamped(name(school), format: format, stamps: stamps) { w in
      table.append(to: &w)
      w.raw(body.bytes)
    }
  }
}
