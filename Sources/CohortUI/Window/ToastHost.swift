/// A window that can say what just happened in a toast, with an Undo button for a bulk
/// change. (Pages reach it through their host; PageHost itself belongs to the pages' house.)
@MainActor
protocol ToastHost: AnyObject {
  func toast(_ text: String, undo: (@MainActor () -> Void)?)
}

extension PageHost {
  /// A toast where the window has them, else the status bar (an undo is then Ctrl+Z).
  func announce(_ text: String, undo: (@MainActor () -> Void)? = nil) {
    if let host = self as? ToastHost { host.toast(text, undo: undo) } else { say(text) }
  }
}
