import Foundation

/// An intervention's impact as a leader reads it: the pupils in it beside similar pupils not
/// in it, pair by pair of measures, and whether there are enough pupils to tell at all.
extension InterventionImpact {
  /// Why a comparison is "too few pupils to tell", for the packs that print it.
  public static func tooFewRule(minimum: Int) -> String {
    "An impact is \"too few pupils to tell\" when fewer than \(plural(minimum, "pupil")) in the intervention, or "
      + "fewer than \(minimum) similar pupils, have a code before and after (the trust's minimum group size): with "
      + "so few, one pupil's change decides the comparison."
  }

  public func isTooFew(minimum: Int) -> Bool { intervention.withCodes < minimum || comparison.withCodes < minimum }

  /// "0 of 3 moved up; of 11 similar pupils, 2. Scores fell 10 points on average; theirs rose 7.
  /// Too few pupils to tell."
  public func words(minimum: Int) -> String {
    var out: [String] = []
    let mine = intervention
    let theirs = comparison
    let similar =
      theirs.withCodes == 0
      ? "no similar pupils to compare with" : "of \(plural(theirs.withCodes, "similar pupil")), \(theirs.up)"
    if mine.withCodes == 0 {
      out.append("None of the \(plural(mine.n, "pupil")) has a code before and after yet; \(similar).")
    } else {
      out.append("\(mine.up) of \(grouped(mine.withCodes)) moved up; \(similar).")
    }
    if let m = mine.meanScoreChange {
      let other =
        theirs.meanScoreChange.map { "theirs \(Self.change($0, short: true))" } ?? "no similar pupil has scores"
      out.append("Scores \(Self.change(m)); \(other).")
    }
    if isTooFew(minimum: minimum) {
      out.append("Too few pupils to tell.")
    } else {
      out.append("\(Self.share(mine.up, mine.withCodes)) moved up, against \(Self.share(theirs.up, theirs.withCodes)).")
    }
    return out.joined(separator: " ")
  }

  /// "rose 4 points on average", "fell 10 points on average", "stayed the same on average";
  /// short: "rose 4", "fell 10", "stayed the same".
  static func change(_ x: Double, short: Bool = false) -> String {
    let r = Int(x.rounded())
    let tail = short ? "" : " on average"
    if r == 0 { return "stayed the same" + tail }
    return "\(r > 0 ? "rose" : "fell") \(abs(r))" + (short ? "" : " \(abs(r) == 1 ? "point" : "points")") + tail
  }

  static func share(_ k: Int, _ n: Int) -> String {
    n == 0 ? "none" : "\(Int((100 * Double(k) / Double(n)).rounded()))%"
  }
}
