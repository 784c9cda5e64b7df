/// DfE's ethnicity codes (the school census's main and extended codes) and the main category
/// each rolls up to. Ethnicity is special category data: it is counted for leaders in groups of
/// five or more, and never written to a log or a file name.
public enum EthnicityCodes {
  public static let source =
    "DfE Common Basic Data Set, ethnicity codes (main and extended) as collected by the school census; "
    + "extended codes roll up to the main code of their first letters' category."

  /// The main categories, in DfE's order, and "Unclassified" (refused, not obtained, not given).
  public static let categories = [
    "White", "Mixed", "Asian", "Black", "Chinese", "Any other ethnic group", "Unclassified",
  ]

  /// Code -> what it stands for.
  public static let names: [String: String] = {
    var out: [String: String] = [:]
    for line in table.split(separator: "\n") {
      let parts = line.split(separator: ",", maxSplits: 1)
      if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
    }
    return out
  }()

  public static func isKnown(_ code: String) -> Bool { names[code.trimmingWhitespace.uppercased()] != nil }

  /// A code as given, or the code of a name an export spells out ("White British" -> WBRI).
  public static func code(_ text: String) -> String? {
    let t = text.trimmingWhitespace
    if isKnown(t) { return t.uppercased() }
    return byName[t.lowercased()]
  }

  private static let byName = Dictionary(names.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { a, _ in a })

  /// The main category of a code; "Unclassified" for REFU, NOBT, none or a code DfE does not list.
  public static func category(of code: String?) -> String {
    guard let c = code?.trimmingWhitespace.uppercased(), names[c] != nil else { return "Unclassified" }
    switch c.first {
    case "W": return "White"
    case "M": return "Mixed"
    case "A": return "Asian"
    case "B": return "Black"
    case "C": return "Chinese"
    case "O": return "Any other ethnic group"
    default: return "Unclassified"
    }
  }

  static let table = """
    WBRI,White British
    WCOR,White Cornish
    WENG,White English
    WSCO,White Scottish
    WWEL,White Welsh
    WOWB,Other White British
    WIRI,White Irish
    WIRT,Traveller of Irish heritage
    WOTH,Any other White background
    WALB,Albanian
    WBOS,Bosnian-Herzegovinian
    WCRO,Croatian
    WGRE,Greek/Greek Cypriot
    WGRK,Greek
    WGRC,Greek Cypriot
    WITA,Italian
    WKOS,Kosovan
    WPOR,Portuguese
    WSER,Serbian
    WTUR,Turkish/Turkish Cypriot
    WTUK,Turkish
    WTUC,Turkish Cypriot
    WEUR,White European
    WEEU,White Eastern European
    WWEU,White Western European
    WOTW,White other
    WROM,Gypsy/Roma
    WROG,Gypsy
    WROR,Roma
    WROO,Other Gypsy/Roma
    MWBC,White and Black Caribbean
    MWBA,White and Black African
    MWAS,White and Asian
    MOTH,Any other mixed background
    MAOE,Asian and any other ethnic group
    MABL,Asian and Black
    MACH,Asian and Chinese
    MBOE,Black and any other ethnic group
    MBCH,Black and Chinese
    MCOE,Chinese and any other ethnic group
    MWOE,White and any other ethnic group
    MWCH,White and Chinese
    MOTM,Other mixed background
    AIND,Indian
    APKN,Pakistani
    AMPK,Mirpuri Pakistani
    AKPA,Kashmiri Pakistani
    AOPK,Other Pakistani
    ABAN,Bangladeshi
    AOTH,Any other Asian background
    AAFR,African Asian
    AKAO,Kashmiri other
    ANEP,Nepali
    ASNL,Sri Lankan Sinhalese
    ASLT,Sri Lankan Tamil
    ASRO,Sri Lankan other
    AOTA,Other Asian
    BCRB,Black Caribbean
    BAFR,Black African
    BANN,Black Angolan
    BCON,Black Congolese
    BGHA,Black Ghanaian
    BNGN,Black Nigerian
    BSLN,Black Sierra Leonean
    BSOM,Black Somali
    BSUD,Black Sudanese
    BAOF,Other Black African
    BOTH,Any other Black background
    BEUR,Black European
    BNAM,Black North American
    BOTB,Other Black
    CHNE,Chinese
    CHKC,Hong Kong Chinese
    CMAL,Malaysian Chinese
    CSNG,Singaporean Chinese
    CTWN,Taiwanese
    COCH,Other Chinese
    OOTH,Any other ethnic group
    OAFG,Afghan
    OARA,Arab other
    OEGY,Egyptian
    OFIL,Filipino
    OIRN,Iranian
    OIRQ,Iraqi
    OJPN,Japanese
    OKOR,Korean
    OKRD,Kurdish
    OLAM,Latin/South/Central American
    OLEB,Lebanese
    OLIB,Libyan
    OMAL,Malay
    OMRC,Moroccan
    OPOL,Polynesian
    OTHA,Thai
    OVIE,Vietnamese
    OYEM,Yemeni
    OOEG,Other ethnic group
    REFU,Refused
    NOBT,Information not yet obtained
    """
}
