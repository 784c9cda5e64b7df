/// The keyboard shortcuts window (Ctrl+?) and the app-wide accelerators.
@MainActor
enum Shortcuts {
  static func xml(codeKeys: String, pages: Int) -> String {
    let pages = pages > 0 ? "<Ctrl>1...<Ctrl>\(min(pages, 9))" : "<Ctrl>1"
    return """
      <interface>
        <object class="GtkShortcutsWindow" id="shortcuts">
          <property name="modal">1</property>
          <child>
            <object class="GtkShortcutsSection">
              <property name="section-name">grid</property>
              <child>
                <object class="GtkShortcutsGroup">
                  <property name="title">Entering codes</property>
                  \(item(codeKeys, "Enter a code by its key and move to the next pupil"))
                  \(item("Delete BackSpace", "Clear the cell"))
                  \(item("<Ctrl>d", "Fill down into the empty cells below"))
                  \(item("<Ctrl>v", "Paste a column copied from a spreadsheet"))
                  \(item("<Ctrl>z", "Undo"))
                  \(item("<Ctrl><Shift>z <Ctrl>y", "Redo"))
                </object>
              </child>
              <child>
                <object class="GtkShortcutsGroup">
                  <property name="title">Moving</property>
                  \(item("Up Down Left Right", "Move one cell"))
                  \(item("Return", "Next pupil"))
                  \(item("Tab <Shift>Tab", "Next or previous cell across"))
                  \(item("Home End", "First or last pupil"))
                </object>
              </child>
              <child>
                <object class="GtkShortcutsGroup">
                  <property name="title">Window</property>
                  \(item(pages, "Go to a page"))
                  \(item("F9", "Show or hide the sidebar"))
                  \(item("<Ctrl>f", "Find a pupil across the school"))
                  \(item("<Ctrl>Page_Down <Ctrl>Page_Up", "Next or previous class"))
                  \(item("<Alt>Page_Down <Alt>Page_Up", "Next or previous half-term"))
                  \(item("<Ctrl>o", "Open a trust's data folder"))
                  \(item("Escape <Ctrl>w", "Close a secondary window"))
                  \(item("<Ctrl>question", "Show these shortcuts"))
                  \(item("<Ctrl>q", "Quit (every change is saved first)"))
                </object>
              </child>
            </object>
          </child>
        </object>
      </interface>
      """
  }

  static func item(_ accelerator: String, _ title: String) -> String {
    """
    <child><object class="GtkShortcutsShortcut">
      <property name="accelerator">\(accelerator.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))</property>
      <property name="title">\(title)</property>
    </object></child>
    """
  }

  static func install(app: Application, window: Widget, codeKeys: [String], pages: Int) {
    // After the first frame: building the overlay from its XML was 51 of the 690 main-thread
    // samples of a launch into a class (perf, the large bench trust).
    let overlay = xml(codeKeys: codeKeys.joined(separator: " "), pages: pages)
    MainLoop.afterDrawing { Actions.setHelpOverlay(window, xml: overlay) }
    Actions.setAccels(app, "win.show-help-overlay", ["<Control>question"])
    // Quit closes every window the usual way, so each saves first.
    Actions.add(to: UnsafeMutableRawPointer(app), app: app, scope: "app", "quit", accels: ["<Control>q"]) {
      for w in CohortApp.windows { UI.requestClose(w.window) }
    }
  }
}
