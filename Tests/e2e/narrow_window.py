#!/usr/bin/python3
"""End to end: on a small screen nothing of the grid, the header or the status bar lies outside
the window, and the window is no taller than the screen (checked through the accessibility
tree's extents). Usage, under xvfb-run -s "-screen 0 1024x600x24" + dbus-run-session:
narrow_window.py BIN_DIR 1024x600. Prints `N passed, N failed`."""
import sys, time

import pyatspi

from driver import App, Checks, showing, wait

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
SCREEN_W, SCREEN_H = (int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "1024x600").split("x"))
CONTROLS = {"push button", "toggle button", "combo box", "page tab", "check box", "menu button"}
check = Checks()
app = App(BIN, ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"])
first = wait(lambda: app.find(lambda n: (n.name or "").endswith(", Reading, Autumn 2")), 30)
check(first is not None, "the grid opens")
time.sleep(1)
frame = app.find(lambda n: n.getRoleName() == "frame")
fx, fy, fw, fh = frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
check(fw <= SCREEN_W and fh <= SCREEN_H, f"the window ({fw}x{fh}) fits the {SCREEN_W}x{SCREEN_H} screen")


def inside(n):
    x, y, w, h = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return x >= fx and y >= fy and x + w <= fx + fw + 1 and y + h <= fy + fh + 1


def in_sidebar(n):
    """The sidebar folds away off the window's edge on a narrow window (F9 brings it over the pages)."""
    x, _, w, _ = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    if n.getRoleName() == "scroll pane" and x + w <= fx + 1:
        return True
    if n.getRoleName() == "scroll pane" and any(
            n.getChildAtIndex(i).name == "Trust, schools and classes" for i in range(n.childCount)):
        return True
    while n is not None:
        if n.name == "Trust, schools and classes":
            return True
        n = n.parent
    return False


outside = []


def walk(n, d=0, scrolled=False):
    if n is None or d > 40:
        return
    role = n.getRoleName()
    # Cells below the fold are in the grid's scrolled pane: that pane, not each cell, must fit.
    if role == "scroll pane" and not scrolled:
        if showing(n) and not inside(n) and not in_sidebar(n):
            outside.append(f"scroll pane at {n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)}")
        scrolled = True
    if (role in CONTROLS or (role == "label" and n.name)) and showing(n) and not scrolled and not in_sidebar(n):
        if not inside(n):
            outside.append(f"{role} '{n.name}' at {n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)}")
    for i in range(n.childCount):
        walk(n.getChildAtIndex(i), d + 1, scrolled)


walk(frame)
check(not outside, f"every control of the header, the grid's bar and the status bar is inside the window: {outside[:5]}")
for subject in ("Reading", "Writing", "Maths"):
    cell = app.find(lambda n: n.name == f"{first.name.split(',')[0]}, {subject}, Autumn 2")
    if SCREEN_W >= 1024:
        check(cell is not None and inside(cell), f"the first pupil's {subject} cell is in the window")
for name in ("Judgements", "Scores", "Side by side", "Analysis", "Meetings", "Pupil"):
    tab = app.tab(name, 5)
    check(tab is not None and inside(tab), f"the {name} page's tab is in the window")
status = app.find(lambda n: n.getRoleName() == "label" and n.name == "All changes saved")
check(status is not None and showing(status) and inside(status), "the status bar is in the window")
app.close()
sys.exit(check.finish())
