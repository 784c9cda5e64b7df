import CohortCore

/// Wires a page's open class session to the window: retries on the GLib loop, the save state
/// in the status bar, and picking up other writers' saves every 1.5 seconds.
@MainActor
final class SessionBinding {
  private(set) var session: ClassSession?
  private unowned let host: PageHost

  init(host: PageHost) {
    self.host = host
    MainLoop.every(1.5) { [weak self] in
      guard let self else { return false }
      self.session?.refreshIfChangedOnDisk()
      return true
    }
  }

  func bind(_ s: ClassSession?) {
    session = s
    guard let s else { return }
    s.after = { MainLoop.after($0, $1) }
    s.onStateChange = { [weak self] in self?.show($0) }
    show(.saved)
  }

  func show(_ state: ClassSession.SaveState) {
    switch state {
    case .saved: host.showSaveState("All changes saved", failed: false)
    case .saving: host.showSaveState("Saving…", failed: false)
    case .failed(let why): host.showSaveState("Not saved yet (kept here, retrying): \(why)", failed: true)
    }
  }

  func flush() throws { try session?.flush() }
}

/// Markup for a coloured chip with readable text: never colour alone, the text says it too.
@MainActor
func chipMarkup(_ text: String, colour: String) -> String {
  let fg = RGB(hex: colour)?.prefersDarkText == false ? "#ffffff" : "#111111"
  return "<span background=\"\(colour)\" foreground=\"\(fg)\" weight=\"bold\"> \(UI.escape(text)) </span>"
}

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st...
func ordinal(_ n: Int) -> String {
  let tens = n % 100
  let suffix = (11...13).contains(tens) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
  return "\(n)\(suffix)"
}
