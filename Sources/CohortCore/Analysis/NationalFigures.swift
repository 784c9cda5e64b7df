/// The statutory measures schools and trusts are judged on, as the summary counts them.
public enum StatutoryMeasure: String, CaseIterable, Codable, Sendable {
  case ks2ReadingExpected = "ks2-reading-expected"
  case ks2WritingExpected = "ks2-writing-expected"
  case ks2MathsExpected = "ks2-maths-expected"
  case ks2RWMExpected = "ks2-rwm-expected"
  case ks2ReadingHigh = "ks2-reading-high"
  case ks2WritingHigh = "ks2-writing-high"
  case ks2MathsHigh = "ks2-maths-high"
  case ks2RWMHigh = "ks2-rwm-high"
  case phonicsY1 = "phonics-y1"
  case phonicsEndY2 = "phonics-end-y2"
  case mtcMean = "mtc-mean"
  case mtcFullMarks = "mtc-full-marks"
  case eyfsGLD = "eyfs-gld"

  /// Its position in `allCases`, for arrays by measure (a raw-valued enum hashes its string).
  public var slot: Int {
    switch self {
    case .ks2ReadingExpected: 0
    case .ks2WritingExpected: 1
    case .ks2MathsExpected: 2
    case .ks2RWMExpected: 3
    case .ks2ReadingHigh: 4
    case .ks2WritingHigh: 5
    case .ks2MathsHigh: 6
    case .ks2RWMHigh: 7
    case .phonicsY1: 8
    case .phonicsEndY2: 9
    case .mtcMean: 10
    case .mtcFullMarks: 11
    case .eyfsGLD: 12
    }
  }

  public var label: String {
    switch self {
    case .ks2ReadingExpected: "KS2 reading, expected standard"
    case .ks2WritingExpected: "KS2 writing, expected standard"
    case .ks2MathsExpected: "KS2 maths, expected standard"
    case .ks2RWMExpected: "KS2 reading, writing and maths combined, expected standard"
    case .ks2ReadingHigh: "KS2 reading, high score"
    case .ks2WritingHigh: "KS2 writing, greater depth"
    case .ks2MathsHigh: "KS2 maths, high score"
    case .ks2RWMHigh: "KS2 reading, writing and maths combined, higher standard"
    case .phonicsY1: "Phonics check in Year 1, met the standard"
    case .phonicsEndY2: "Phonics by the end of Year 2, met the standard"
    case .mtcMean: "Multiplication tables check, mean score (of 25)"
    case .mtcFullMarks: "Multiplication tables check, full marks"
    case .eyfsGLD: "EYFS good level of development"
    }
  }

  /// Its name as a column heading beside the others.
  public var shortLabel: String {
    switch self {
    case .ks2ReadingExpected: "KS2 reading, expected"
    case .ks2WritingExpected: "KS2 writing, expected"
    case .ks2MathsExpected: "KS2 maths, expected"
    case .ks2RWMExpected: "KS2 RWM, expected"
    case .ks2ReadingHigh: "KS2 reading, high score"
    case .ks2WritingHigh: "KS2 writing, greater depth"
    case .ks2MathsHigh: "KS2 maths, high score"
    case .ks2RWMHigh: "KS2 RWM, higher standard"
    case .phonicsY1: "Phonics, Year 1"
    case .phonicsEndY2: "Phonics by end of Y2"
    case .mtcMean: "Times tables, mean"
    case .mtcFullMarks: "Times tables, full marks"
    case .eyfsGLD: "EYFS, good level"
    }
  }

  /// A share of pupils, or (the MTC's mean) a score.
  public var isPercent: Bool { self != .mtcMean }

  /// "61%", "67.7%", "20.6": whole percentages unless the figure has a decimal, means to one place.
  public func format(_ value: Double) -> String {
    if !isPercent { return String(format: "%.1f", value) }
    return value.rounded() == value ? "\(Int(value))%" : String(format: "%.1f%%", value)
  }
}

/// A national figure as DfE published it: which measure, for which academic year, from which
/// publication. Kept as a data plugin (resources/plugins/national), which a trust can correct
/// or extend with its own file: figures change with each release and are never computed here.
public struct NationalFigure: Codable, Hashable, Sendable {
  public var measure: StatutoryMeasure
  public var year: AcademicYear
  public var value: Double
  public var publication: String
  public var url: String?

  public init(measure: StatutoryMeasure, year: AcademicYear, value: Double, publication: String, url: String? = nil) {
    (self.measure, self.year, self.value, self.publication, self.url) = (measure, year, value, publication, url)
  }

  /// "national 61% (2023-24)".
  public var words: String { "national \(measure.format(value)) (\(year))" }
}

public struct NationalFigures: Codable, Hashable, Sendable {
  /// What the figures are and whom to check them with.
  public var source: String
  public var figures: [NationalFigure]

  public init(source: String = "", figures: [NationalFigure] = []) {
    self.source = source
    self.figures = figures
  }

  /// The figure for the year, else the latest published before it (results come out before
  /// the national figures for their year do); nil when there is none as old.
  public func figure(_ measure: StatutoryMeasure, for year: AcademicYear) -> NationalFigure? {
    figures.filter { $0.measure == measure && $0.year <= year }.max { $0.year < $1.year }
  }

  /// These figures with `later`'s on top: a figure for the same measure and year is replaced.
  public func overlaid(with later: NationalFigures) -> NationalFigures {
    var out = figures.filter { f in !later.figures.contains { $0.measure == f.measure && $0.year == f.year } }
    out += later.figures
    let sources = [source, later.source].filter { !$0.isEmpty }
    return NationalFigures(
      source: sources.joined(separator: "; "),
      figures: out.sorted { ($0.year, $0.measure.rawValue) < ($1.year, $1.measure.rawValue) })
  }

  /// Figures that cannot be right: a share outside 0-100, a mean outside the MTC's 0-25, a
  /// measure and year given twice, no publication.
  public func problems() -> [String] {
    var out: [String] = []
    for f in figures {
      let range = f.measure.isPercent ? 0.0...100 : 0.0...25
      if !range.contains(f.value) { out.append("\(f.measure.rawValue) \(f.year): \(f.value) is out of range") }
      if f.publication.isEmpty { out.append("\(f.measure.rawValue) \(f.year): no publication named") }
    }
    let keys = figures.map { "\($0.measure.rawValue) \($0.year)" }
    if Set(keys).count != keys.count { out.append("a measure is given twice for the same year") }
    return out
  }
}
