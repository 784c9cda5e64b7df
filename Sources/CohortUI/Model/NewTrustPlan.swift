import CohortCore
import CohortStore
import Foundation

/// What the welcome page's "Start a new trust" form asks for, checked before anything is
/// written; `create` makes the folder with the first person's name on every record.
public struct NewTrustPlan: Sendable {
  public var name = ""
  public var schemeID = CodeScheme.defaultID
  /// The subjects ticked, by name, in the order shown.
  public var ticked: [String] = ["Reading", "Writing", "Maths"]
  /// Others typed by the person, separated by commas.
  public var other = ""
  /// The year judgements are first entered for (its usual term dates are saved, to edit later).
  public var year: AcademicYear
  /// The folder the trust's own folder is made in.
  public var parent = DataPlaces.dataHome

  public static let offeredSubjects = ["Reading", "Writing", "Maths", "Science"]

  public init(year: AcademicYear) { self.year = year }

  /// The years a new trust may start in: this one and the next (set up in the summer).
  public static func years(today: SchoolDate) -> [AcademicYear] {
    let now = AcademicYear(containing: today)
    return [now, now.next]
  }

  public var folder: String { DataPlaces.newTrustFolder(named: name, in: parent) }

  /// The subjects, ticked then typed, without repeats.
  public func subjects() throws -> [Subject] {
    var out: [Subject] = []
    let typed = other.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    for name in ticked + typed {
      let id = slug(name)
      guard !id.isEmpty else { throw InputError("'\(name)' is not a subject name: use letters or digits") }
      if out.contains(where: { $0.id == id }) { continue }
      out.append(Subject(id: id, name: name))
    }
    guard !out.isEmpty else { throw InputError("Tick or type at least one subject to judge each half-term") }
    return out
  }

  /// Why the form cannot be used yet, in one line, or nil.
  public func problem() -> String? {
    if name.trimmingCharacters(in: .whitespaces).isEmpty { return "Type the trust's name" }
    if slug(name).isEmpty { return "The trust's name needs at least one letter or digit" }
    do { _ = try subjects() } catch { return "\(error)" }
    return nil
  }

  /// Makes the trust's folder and saves the trust with the year's usual term dates; the
  /// first person joins the staff and is remembered as the one at this laptop. Returns the folder.
  @discardableResult
  public func create(
    by person: String, role: StaffRole, device: String = DeviceSettings.deviceName,
    remember: WhoIsHere.Remember = DeviceSettings.setPerson
  ) throws -> String {
    if let problem = problem() { throw InputError(problem) }
    guard !person.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw InputError("Type your name as colleagues know it, like Ms A Patel")
    }
    let path = folder
    let setup = TrustSetup(folder: DataFolder(root: path, author: Author(by: person, device: device)))
    let trust = try setup.create(name: name, codeScheme: schemeID, subjects: try subjects())
    try setup.setTerms(trust.termDates(year))
    let member = try setup.addStaff(name: person, role: role)
    try remember(member.name, trust.id)
    return path
  }
}
