import CGtk
import CohortCore
import Foundation
import Testing

@testable import CohortUI

/// GTK needs a display: these run under xvfb-run (make test) and are skipped without one.
@MainActor
enum Display {
  static let available: Bool = {
    guard let d = ProcessInfo.processInfo.environment["DISPLAY"], !d.isEmpty else { return false }
    return gtk_init_check() != 0
  }()
}

@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DISPLAY"]?.isEmpty == false))
@MainActor struct GridViewTests {
  func window(_ view: GridView) -> Widget {
    let w = gtk_window_new()!
    gtk_window_set_child(cg_window(w), view.widget)
    gtk_window_present(cg_window(w))
    MainLoop.spin(until: { gtk_widget_get_mapped(view.widget) != 0 })
    return w
  }

  func focused(_ w: Widget) -> Widget? { gtk_root_get_focus(cg_root(w)) }

  @Test func keysEnterCodesMoveTheFocusAndUndo() throws {
    try #require(Display.available)
    let m = Fixtures.model(pupils: 3)
    let view = GridView(model: m)
    var edits = 0
    var hints: [String] = []
    view.onEdit = { edits += 1 }
    view.onHint = { hints.append($0) }
    let w = window(view)
    defer { gtk_window_destroy(cg_window(w)) }
    view.focusCursor()
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_g), state: GdkModifierType(rawValue: 0))))
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == "G")
    #expect(focused(w) == view.button(at: GridPosition(row: 1, column: 0)))
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_Right), state: GdkModifierType(rawValue: 0))))
    #expect(focused(w) == view.button(at: GridPosition(row: 1, column: 1)))
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_x), state: GdkModifierType(rawValue: 0))))
    #expect(hints.last?.contains("'x'") == true)
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_z), state: GDK_CONTROL_MASK)))
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == nil)
    #expect(
      view.handle(
        KeyPress(
          keyval: UInt32(GDK_KEY_Z),
          state: GdkModifierType(rawValue: GDK_CONTROL_MASK.rawValue | GDK_SHIFT_MASK.rawValue))))
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == "G")
    #expect(view.chipText(at: GridPosition(row: 0, column: 0)) == "G")
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_Up), state: GdkModifierType(rawValue: 0))))
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_Left), state: GdkModifierType(rawValue: 0))))
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_Delete), state: GdkModifierType(rawValue: 0))))
    #expect(m.rawCode(at: GridPosition(row: 0, column: 0)) == nil)
    #expect(view.chipText(at: GridPosition(row: 0, column: 0)) == "")
    #expect(edits == 4)
    // Keys the grid does not use are left to the window (shortcuts, Ctrl+Q).
    #expect(!view.handle(KeyPress(keyval: UInt32(GDK_KEY_q), state: GDK_CONTROL_MASK)))
    #expect(!view.handle(KeyPress(keyval: UInt32(GDK_KEY_F5), state: GdkModifierType(rawValue: 0))))
  }

  /// A long class's rows come a part per turn of the main loop; a key that takes the cursor
  /// to a row before its part came makes it then, and the code typed there shows.
  @Test func rowsComeInPartsAndTheCursorNeverWaitsForThem() throws {
    try #require(Display.available)
    let m = Fixtures.model(pupils: 40)
    let view = GridView(model: m)
    #expect(view.rowsMade <= 10)
    let w = window(view)
    defer { gtk_window_destroy(cg_window(w)) }
    view.focusCursor()
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_End), state: GDK_CONTROL_MASK)))
    let last = GridPosition(row: 39, column: m.columnCount - 1)
    #expect(focused(w) == view.button(at: last))
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_g), state: GdkModifierType(rawValue: 0))))
    #expect(m.rawCode(at: last) == "G")
    #expect(view.chipText(at: last) == "G")
    #expect(MainLoop.spin(until: { view.rowsMade == 40 }))
    #expect(view.chipText(at: GridPosition(row: 20, column: 0)) == "")
  }

  /// The cursor's cell is scrolled into view by the key that moved it, at once: GTK's own
  /// scrolling to the focus is animated, and kept the window redrawing while a teacher typed.
  @Test func theCursorIsScrolledIntoViewAtOnce() throws {
    try #require(Display.available)
    let m = Fixtures.model(pupils: 40)
    let view = GridView(model: m)
    let w = gtk_window_new()!
    gtk_window_set_default_size(cg_window(w), 700, 300)
    let outside = UI.button("Outside") {}
    let page = UI.box(true)
    UI.append(page, outside, JudgementsPage.scroller(header: view.header, body: view.widget))
    gtk_window_set_child(cg_window(w), page)
    gtk_window_present(cg_window(w))
    defer { gtk_window_destroy(cg_window(w)) }
    #expect(
      MainLoop.spin(until: {
        view.rowsMade == 40 && gtk_widget_get_height(view.button(at: .init(row: 39, column: 0))) > 0
      }))
    view.focusCursor()
    let first = view.button(at: GridPosition(row: 0, column: 0))
    let scrolled = try #require(gtk_widget_get_ancestor(first, cg_scrolled_window_type()))
    let adjustment = try #require(gtk_scrolled_window_get_vadjustment(cg_scrolled(scrolled)))
    /// Whether the cell lies within the part of the grid the adjustment shows now.
    func inView(_ p: GridPosition) -> Bool {
      var r = graphene_rect_t()
      guard gtk_widget_compute_bounds(view.button(at: p), view.widget, &r) != 0 else { return false }
      let (value, page) = (gtk_adjustment_get_value(adjustment), gtk_adjustment_get_page_size(adjustment))
      return Double(r.origin.y) >= value - 0.5 && Double(r.origin.y + r.size.height) <= value + page + 0.5
    }
    #expect(inView(GridPosition(row: 0, column: 0)))
    #expect(!inView(GridPosition(row: 30, column: 0)), "the window is too short for 40 rows")
    for _ in 0..<30 {
      #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_Down), state: GdkModifierType(rawValue: 0))))
    }
    // No turn of the main loop since the last key: no animation has run.
    #expect(inView(GridPosition(row: 30, column: 0)))
    #expect(gtk_adjustment_get_value(adjustment) > 0)
    #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_Home), state: GDK_CONTROL_MASK)))
    #expect(inView(GridPosition(row: 0, column: 0)))
    #expect(gtk_adjustment_get_value(adjustment) == 0)
    // Focus coming from outside the grid (Tab) to a cell out of view brings it into view.
    #expect(gtk_widget_grab_focus(outside) != 0)
    #expect(gtk_widget_grab_focus(view.button(at: GridPosition(row: 35, column: 1))) != 0)
    #expect(MainLoop.spin(until: { inView(GridPosition(row: 35, column: 1)) }, timeout: 2))
    #expect(view.model.cursor == GridPosition(row: 35, column: 1))
  }

  /// A key paints a frame, not an animation: the theme's fade of a button's colours and GTK's
  /// animated scroll to the focus kept the grid redrawing every frame while a teacher typed,
  /// and each key then waited for the next frame (docs/architecture.md).
  @Test func typingPaintsAFrameAKeyNotAnAnimation() throws {
    try #require(Display.available)
    // The styles the app runs with: libadwaita's (whose buttons fade) and Cohort's own.
    adw_init()
    Style.installBase()
    let m = Fixtures.model(pupils: 40)
    let view = GridView(model: m)
    let w = gtk_window_new()!
    gtk_window_set_default_size(cg_window(w), 700, 300)
    gtk_window_set_child(cg_window(w), JudgementsPage.scroller(header: view.header, body: view.widget))
    gtk_window_present(cg_window(w))
    defer { gtk_window_destroy(cg_window(w)) }
    let last = GridPosition(row: 39, column: 0)
    #expect(MainLoop.spin(until: { view.rowsMade == 40 && gtk_widget_get_height(view.button(at: last)) > 0 }))
    view.focusCursor()
    let clock = try #require(gtk_widget_get_frame_clock(w))
    var frames = 0
    Signal.on(UnsafeMutableRawPointer(clock), "after-paint") { frames += 1 }
    MainLoop.spin(until: { false }, timeout: 0.5)
    frames = 0
    // A key every 50 ms down the column, past the foot of the window (so that it scrolls).
    let keys = 12
    for _ in 0..<keys {
      #expect(view.handle(KeyPress(keyval: UInt32(GDK_KEY_g), state: GdkModifierType(rawValue: 0))))
      MainLoop.spin(until: { false }, timeout: 0.05)
    }
    MainLoop.spin(until: { false }, timeout: 0.4)
    #expect(m.rawCode(at: GridPosition(row: keys - 1, column: 0)) == "G")
    // Animating, the second of typing and settling is some sixty frames.
    #expect(frames >= keys / 2 && frames <= keys * 2 + 2, "\(frames) frames for \(keys) keys")
  }

  @Test func cellsCarryTheirAccessibleNameAndShowLastHalfTermFaded() throws {
    try #require(Display.available)
    var doc = Fixtures.doc(2)
    doc.set("Y", pupil: "p1", subject: "maths", halfTerm: .autumn1, by: Fixtures.author, at: 5)
    let m = Fixtures.model(pupils: 2, doc: doc)
    let view = GridView(model: m)
    let w = window(view)
    defer { gtk_window_destroy(cg_window(w)) }
    #expect(view.previousText(at: GridPosition(row: 1, column: 2)) == "was Y")
    #expect(view.previousText(at: GridPosition(row: 0, column: 2)) == "")
    // Another writer's code arrives through the model and is drawn.
    var theirs = Fixtures.doc(2)
    theirs.set(
      "P", pupil: "p0", subject: "writing", halfTerm: .autumn2, by: Author(by: "B", device: "b"), at: 9_999_999)
    m.absorb(theirs)
    #expect(view.chipText(at: GridPosition(row: 0, column: 1)) == "P")
    #expect(view.labelText(at: GridPosition(row: 0, column: 1)) == "Greater depth")
  }
}

@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DISPLAY"]?.isEmpty == false))
@MainActor struct SidebarTests {
  /// Changing the year rebuilds the sidebar: every old row must go (a wrong remove call once
  /// looped forever here).
  @Test func reloadingTheSidebarReplacesItsRows() throws {
    try #require(Display.available)
    let scratch = ScratchFolder()
    _ = try scratch.folder()
    let context = try AppContext(path: scratch.path, author: Fixtures.author)
    let sidebar = Sidebar()
    func rows() -> Int {
      var n = 0
      var child = gtk_widget_get_first_child(
        gtk_scrolled_window_get_child(cg_scrolled(sidebar.widget)).flatMap { gtk_widget_get_first_child($0) }
          ?? sidebar.widget)
      while let c = child {
        n += 1
        child = gtk_widget_get_next_sibling(c)
      }
      return n
    }
    // A school's year groups and classes are made once it is open: open the first.
    let school = Scope.Level.school(context.schools[0].id)
    sidebar.load(context, year: Fixtures.year, selected: .trust)
    let closed = rows()
    sidebar.load(context, year: Fixtures.year, selected: school)
    let first = rows()
    sidebar.load(context, year: Fixtures.year.previous, selected: school)
    sidebar.load(context, year: Fixtures.year, selected: school)
    #expect(closed == 1 + context.schools.count, "the trust and its schools, no class yet")
    #expect(first > closed)
    #expect(rows() == first)
  }
}
