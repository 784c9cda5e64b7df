import CGtk

/// Text in a box of fixed size (GtkInscription). A label's new text measures the window again
/// up to its top (in the grid: every cell, the header, the whole page) before it paints; an
/// inscription's only repaints. For text that changes under the keyboard: a cell's code, a
/// column's count, the save state.
extension UI {
  /// `chars` wide (longer text ends in an ellipsis), one line high.
  public static func inscription(_ text: String = "", chars: Int, classes: [String] = [], xalign: Float = 0)
    -> Widget
  {
    let w = gtk_inscription_new(nil)!
    let i = cg_inscription(w)
    gtk_inscription_set_min_chars(i, guint(max(1, chars)))
    gtk_inscription_set_nat_chars(i, guint(max(1, chars)))
    gtk_inscription_set_xalign(i, xalign)
    gtk_inscription_set_text_overflow(i, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END)
    addClasses(w, classes)
    setInscription(w, text)
    return w
  }

  /// New text, and the same as its accessible name (screen readers and the e2e tests read it).
  public static func setInscription(_ w: Widget, _ text: String) {
    guard inscriptionText(w) != text else { return }
    gtk_inscription_set_text(cg_inscription(w), text)
    setAccessibleName(w, text)
  }

  /// Room for `chars` characters when there is room, for a text longer than usual (a save that
  /// failed, and why); at least as narrow as it was made.
  public static func widenInscription(_ w: Widget, to chars: Int) {
    let i = cg_inscription(w)
    gtk_inscription_set_nat_chars(i, guint(max(Int(gtk_inscription_get_min_chars(i)), chars)))
  }

  public static func inscriptionText(_ w: Widget) -> String {
    gtk_inscription_get_text(cg_inscription(w)).map { String(cString: $0) } ?? ""
  }
}
