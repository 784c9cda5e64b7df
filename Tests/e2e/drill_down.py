#!/usr/bin/python3
"""End to end: on the Analysis page, drill from the trust to a school, a year group and one
class, then see that class's pupils to look at with their reasons. Prints `N passed, N failed`."""
import sys, time

from driver import App, Checks, activate, click, wait

check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--year", "2026-27", "--half-term", "autumn1"])
click(app.tab("Analysis"))
chart = wait(lambda: app.find(lambda n: n.name == "Bands per subject"))
check(chart is not None, "the trust's chart is shown")
if chart is not None:
    # Click Reading's "below" segment (the renderer draws at 1600x1000, scaled to the widget).
    import pyatspi
    time.sleep(1)
    x, y, w, h = chart.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    s = min(w / 1600, h / 1000)
    pyatspi.Registry.generateMouseEvent(int(x + 350 * s), int(y + 728 * s), "b1c")
    listed = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Reading, below at Autumn 1")), 10)
    check(listed is not None and "pupils" in listed.name, "clicking a segment lists the pupils in it")
for step, name in [("school", "Open Oakfield Primary School"), ("year group", "Open Year 3"), ("class", "Open Year 3")]:
    button = wait(lambda: app.find(lambda n: n.name == name and n.getRoleName() == "push button"), 20)
    if not check(button is not None, f"the {step} can be opened ({name})"):
        break
    activate(button, settle=1)
crumb = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and "Oakfield Primary School" in (n.name or "") and "Year 3" in (n.name or "")), 10)
check(crumb is not None, "the breadcrumb shows the class")
flags = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Pupils to look at") and "below the year's expectations" in (n.name or "")), 20)
check(flags is not None, "the class's pupils to look at are listed with their reasons")
app.close()
sys.exit(check.finish())
