import CGtk

/// The keyboard shortcuts window (Ctrl+?) and the app-wide accelerators.
@MainActor
enum Shortcuts {
  static func xml(codeKeys: String) -> String {
    """
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
                \(item("<Alt>Page_Down <Alt>Page_Up", "Next or previous half-term"))
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

  static func install(app: UnsafeMutablePointer<GtkApplication>, window: Widget, codeKeys: [String]) {
    let builder = gtk_builder_new_from_string(xml(codeKeys: codeKeys.joined(separator: " ")), -1)
    if let shortcuts = gtk_builder_get_object(builder, "shortcuts") {
      gtk_application_window_set_help_overlay(
        UnsafeMutableRawPointer(window).assumingMemoryBound(to: GtkApplicationWindow.self), OpaquePointer(shortcuts))
    }
    g_object_unref(UnsafeMutableRawPointer(builder))
    setAccels(app, "win.show-help-overlay", ["<Control>question"])
    let quit = g_simple_action_new("quit", nil)!
    // GSimpleAction::activate passes the parameter before the user data.
    Signal.onPointer(UnsafeMutableRawPointer(quit), "activate") { _ in gtk_window_close(cg_window(window)) }
    g_action_map_add_action(cg_action_map(app), quit)
    setAccels(app, "app.quit", ["<Control>q"])
  }

  static func setAccels(_ app: UnsafeMutablePointer<GtkApplication>, _ action: String, _ accels: [String]) {
    var pointers: [UnsafePointer<CChar>?] = accels.map { UnsafePointer(strdup($0)) }
    pointers.append(nil)
    pointers.withUnsafeBufferPointer { gtk_application_set_accels_for_action(app, action, $0.baseAddress) }
    for p in pointers { free(UnsafeMutableRawPointer(mutating: p)) }
  }
}
