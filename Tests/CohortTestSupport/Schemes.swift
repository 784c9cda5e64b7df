import CohortCore

/// The code schemes tests build on, typed once. `ygp` is the shipped Yellow/Green/Purple
/// scheme (resources/plugins/schemes/ygp.json; CohortPluginKitTests checks they are the same).
public enum Schemes {
  public static let ygp = CodeScheme(
    id: "ygp", name: "Yellow / Green / Purple",
    codes: [
      Code(id: "Y", key: "y", label: "Not yet secure", colour: "#F5C400", band: .below),
      Code(id: "G", key: "g", label: "Secure", colour: "#2E7D32", band: .at),
      Code(id: "P", key: "p", label: "Greater depth", colour: "#6A1B9A", band: .above),
      Code(id: "O", key: "o", label: "Outside year group", colour: "#1565C0", kind: .outOfYear, band: .below),
      Code(id: "N", key: "n", label: "Not assessed", colour: "#9E9E9E", kind: .notAssessed, band: nil),
    ])
}
