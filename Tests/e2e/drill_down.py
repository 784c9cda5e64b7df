#!/usr/bin/python3
"""End to end: on the Analysis page, drill from the trust to a school, a year group and one
class, then see that class's pupils to look at with their reasons. Prints `N passed, N failed`."""
import sys, time

import pyatspi

from driver import App, Checks, activate, click, wait

check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--year", "2026-27", "--half-term", "autumn1"])
click(app.tab("Analysis"))
chart = wait(lambda: app.find(lambda n: n.name == "Bands per subject"))
check(chart is not None, "the trust's chart is shown")
if chart is not None:
    # Click Reading's "above" segment (the top of its bar). The chart is drawn at a size of its own that fills the
    # widget (ChartRenderer.fitted): the plot starts at (170, 150) and leaves 520 across and
    # 320 down for the labels; Reading is the first of three bars.
    # The by-school chart comes first: bring this one on screen (the page scrolls to focus).
    x, y, w, h = chart.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    for _ in range(3):
        pyatspi.Registry.generateMouseEvent(x + w // 2, 700, "b5c")
        time.sleep(0.3)
    time.sleep(1)
    x, y, w, h = chart.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    s = min(h / 620, max(0.72, h / 1000), w / 1100)
    rw, rh = min(2800, w / s), max(620, h / s)
    dx = max(0, (w - rw * s) / 2)
    cx, cy = 170 + (rw - 520) / 6, 150 + (rh - 320) * 0.05
    pyatspi.Registry.generateMouseEvent(int(x + dx + cx * s), int(y + cy * s), "b1c")
    listed = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Reading, above at Autumn 1")), 10)
    check(listed is not None and "pupils" in listed.name, "clicking a segment lists the pupils in it")
for step, name in [("school", "Open Oakfield Primary School"), ("year group", "Open Year 3"), ("class", "Open Year 3")]:
    button = wait(lambda: app.find(lambda n: n.name == name and n.getRoleName() == "push button"), 20)
    if not check(button is not None, f"the {step} can be opened ({name})"):
        break
    activate(button, settle=1)
crumb = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and "Oakfield Primary School" in (n.name or "") and "Year 3" in (n.name or "")), 10)
check(crumb is not None, "the breadcrumb shows the class")
heading = wait(lambda: app.find(lambda n: (n.name or "").startswith("Pupils to look at: ")), 20)
check(heading is not None and " of " in heading.name, "the class's pupils to look at are counted out of its pupils")
reason = wait(lambda: app.find(lambda n: (n.name or "").startswith("Reason for ") and "below the year's expectations" in n.name), 20)
check(reason is not None, "each is listed with the reason in words")
opener = app.find(lambda n: (n.name or "").startswith("Open pupil: ") and n.getRoleName() == "push button")
check(opener is not None, "and a button to open the pupil")
selected = app.find(lambda n: n.getRoleName() == "label" and n.getState().contains(pyatspi.STATE_SELECTABLE_TEXT) and "Pupils to look at" in (n.name or ""))
check(selected is None, "the table is not one block of selectable text (nothing shows all selected after a drill)")
app.close()
sys.exit(check.finish())
