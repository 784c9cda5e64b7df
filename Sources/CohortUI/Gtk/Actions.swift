import CGtk

#if canImport(Glibc)
  import Glibc
#endif

/// Named actions with keyboard accelerators (GNOME's way: the shortcuts window lists the same
/// accelerators), and the keys that close a secondary window.
@MainActor
public enum Actions {
  /// Adds `win.<name>` (or `app.<name>` when `window` is the application) and its accelerators.
  public static func add(
    to map: UnsafeMutableRawPointer, app: UnsafeMutablePointer<GtkApplication>, scope: String = "win",
    _ name: String, accels: [String], _ body: @escaping @MainActor () -> Void
  ) {
    let action = g_simple_action_new(name, nil)!
    // GSimpleAction::activate passes the parameter before the user data.
    Signal.onPointer(UnsafeMutableRawPointer(action), "activate") { _ in body() }
    g_action_map_add_action(cg_action_map(map), action)
    g_object_unref(UnsafeMutableRawPointer(action))
    setAccels(app, "\(scope).\(name)", accels)
  }

  public static func setAccels(_ app: UnsafeMutablePointer<GtkApplication>, _ action: String, _ accels: [String]) {
    var pointers: [UnsafePointer<CChar>?] = accels.map { UnsafePointer(strdup($0)) }
    pointers.append(nil)
    pointers.withUnsafeBufferPointer { gtk_application_set_accels_for_action(app, action, $0.baseAddress) }
    for p in pointers { free(UnsafeMutableRawPointer(mutating: p)) }
  }

  /// The shortcuts window (Ctrl+?) from GtkBuilder XML, as the window's help overlay.
  public static func setHelpOverlay(_ window: Widget, xml: String) {
    let builder = gtk_builder_new_from_string(xml, -1)
    if let shortcuts = gtk_builder_get_object(builder, "shortcuts") {
      let w = UnsafeMutableRawPointer(shortcuts).assumingMemoryBound(to: GtkWidget.self)
      UI.closesOnEscape(w)
      gtk_application_window_set_help_overlay(
        UnsafeMutableRawPointer(window).assumingMemoryBound(to: GtkApplicationWindow.self), OpaquePointer(shortcuts))
    }
    g_object_unref(UnsafeMutableRawPointer(builder))
  }

  public static func application(of window: Widget) -> UnsafeMutablePointer<GtkApplication>? {
    gtk_window_get_application(cg_window(window))
  }

  public static func quit(_ app: UnsafeMutablePointer<GtkApplication>) {
    g_application_quit(cg_g_application(app))
  }
}

@MainActor
extension UI {
  /// Escape and Ctrl+W close the window as its close button does (close-request runs first).
  public static func closesOnEscape(_ window: Widget) {
    let controller = gtk_shortcut_controller_new()!
    let trigger = gtk_shortcut_trigger_parse_string("Escape|<Control>w")
    let shortcut = gtk_shortcut_new(trigger, gtk_named_action_new("window.close"))
    gtk_shortcut_controller_add_shortcut(controller, shortcut)
    gtk_event_controller_set_propagation_phase(controller, GTK_PHASE_BUBBLE)
    gtk_widget_add_controller(window, controller)
  }

  /// Closes a window as its close button would (unlike `close`, which destroys it).
  public static func requestClose(_ window: Widget) { gtk_window_close(cg_window(window)) }
}

/// The running GTK (libadwaita) application.
public typealias Application = UnsafeMutablePointer<GtkApplication>

@MainActor
extension UI {
  /// Adds a choice at the end of a drop-down of strings.
  public static func appendChoice(_ dropDown: Widget, _ text: String) {
    if let model = gtk_drop_down_get_model(cg_drop_down(dropDown)) { gtk_string_list_append(model, text) }
  }
}

@MainActor
extension UI {
  /// Opens the display; false where there is none (a server, an SSH session).
  public static func initDisplay() -> Bool { gtk_init_check() != 0 }

  /// Runs the application until its last window closes; its exit status.
  public static func run(_ app: Application) -> Int32 { g_application_run(cg_g_application(app), 0, nil) }
}
