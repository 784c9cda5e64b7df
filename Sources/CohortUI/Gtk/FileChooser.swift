import CGtk

/// Asks for a file to open or a place to save (the desktop's own dialog where there is one).
@MainActor
enum FileChooser {
  /// Dialogs on screen, kept alive until they answer.
  private static var open: [OpaquePointer] = []

  static func openFile(parent: Widget?, title: String, _ chosen: @escaping @MainActor (String) -> Void) {
    show(parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, "_Open", suggested: nil, chosen)
  }

  static func chooseFolder(parent: Widget?, title: String, _ chosen: @escaping @MainActor (String) -> Void) {
    show(parent, title, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, "_Choose", suggested: nil, chosen)
  }

  static func saveFile(
    parent: Widget?, title: String, suggested: String, _ chosen: @escaping @MainActor (String) -> Void
  ) {
    show(parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, "_Save", suggested: suggested, chosen)
  }

  private static func show(
    _ parent: Widget?, _ title: String, _ action: GtkFileChooserAction, _ accept: String, suggested: String?,
    _ chosen: @escaping @MainActor (String) -> Void
  ) {
    let window = parent.flatMap { gtk_widget_get_root($0) }.map {
      UnsafeMutableRawPointer($0).assumingMemoryBound(to: GtkWindow.self)
    }
    guard let dialog = gtk_file_chooser_native_new(title, window, action, accept, "_Cancel") else { return }
    if let suggested { gtk_file_chooser_set_current_name(dialog, suggested) }
    open.append(dialog)
    Signal.onInt(UnsafeMutableRawPointer(dialog), "response") { response in
      if response == GTK_RESPONSE_ACCEPT.rawValue, let file = gtk_file_chooser_get_file(dialog) {
        if let path = g_file_get_path(file) {
          chosen(String(cString: path))
          g_free(path)
        }
        g_object_unref(UnsafeMutableRawPointer(file))
      }
      open.removeAll { $0 == dialog }
      g_object_unref(UnsafeMutableRawPointer(dialog))
    }
    gtk_native_dialog_show(UnsafeMutableRawPointer(dialog).assumingMemoryBound(to: GtkNativeDialog.self))
  }
}
