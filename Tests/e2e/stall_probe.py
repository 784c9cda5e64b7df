#!/usr/bin/python3
"""The app's window under load, for the benchmark: the real cohort-gtk on a data folder (not
copied; nothing is edited), with its main-loop probe on, driven through every page a leader
uses in a meeting: the Analysis page at the trust and each of its tabs (the gap heat map
among them), the presenter stepping through charts, the drill-down from the trust to one
class, the class's Judgements grid, and Trust settings with each of its pages. Prints each
stall over 50 ms with the step it came in, then `stall: MS ms, over 50 ms: N, steps: K`: the
longest time the window's main loop did not turn while the app worked on a step, and how often
that went over 50 ms. Usage (under xvfb-run + dbus-run-session):
stall_probe.py BIN_DIR DATA YEAR HALF"""
import os, shutil, sys, tempfile, time


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import App, activate, click, key, showing, wait

BIN, DATA, YEAR, HALF = sys.argv[1:5]
LIMIT = 50
ANALYSIS_TABS = ["Gaps", "Over time", "Movement", "Tests", "Statutory", "Overview"]
SETTINGS_PAGES = ["Schools", "Staff", "Subjects", "Codes", "Term dates", "Classes"]


def looked_at(app):
    return app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Pupils to look at"))


def stalls():
    """(start, ms) of every stall the probe saw."""
    if not os.path.exists(probe):
        return []
    with open(probe) as f:
        rows = [line.split() for line in f if line.strip()]
    return [(float(r[0]) - float(r[1]) / 1000, float(r[1])) for r in rows if len(r) == 2 and r[1][0].isdigit()]


def quietly(name, action, seconds):
    """Runs one step, then leaves the app alone while it works: walking the accessibility tree
    to find the next button is itself work on the app's main loop, and is not counted."""
    time.sleep(0.5)
    t = time.monotonic()
    action()
    time.sleep(seconds)
    quiet.append((t, time.monotonic(), name))


def button(pred, timeout=30):
    return wait(lambda: app.find(lambda n: n.getRoleName() == "push button" and pred(n.name or "")), timeout)


def tab(name, timeout=20):
    return wait(lambda: app.find(lambda n: n.name == name and n.getRoleName() == "page tab" and showing(n)), timeout)


scratch = tempfile.mkdtemp(prefix="cohort-probe-")
probe = os.path.join(scratch, "stalls")
# Xvfb has no GPU: GTK's GL renderer would draw every frame of the whole window on the CPU
# (llvmpipe), 50-100 ms a frame that no laptop with a graphics chip spends. Its cairo
# renderer draws only what changed. GSK_RENDERER=gl measures the other.
RENDERER = os.environ.get("GSK_RENDERER", "cairo")
app = App(BIN, ["--year", YEAR, "--half-term", HALF], env={"COHORT_STALL_PROBE": probe, "GSK_RENDERER": RENDERER},
          data=DATA)
quiet = []
try:
    analysis = app.tab("Analysis")
    if analysis is None:
        sys.exit("the window did not come up")
    time.sleep(1)
    quietly("the trust on the Analysis page", lambda: click(analysis, settle=0), 6)
    if not wait(lambda: looked_at(app), 120):
        sys.exit("the trust's analysis did not show")
    for name in ANALYSIS_TABS:
        node = tab(name)
        if node is None:
            sys.exit(f"no Analysis tab {name}")
        quietly(f"the trust's {name} tab", lambda: click(node, settle=0), 3)
    present = button(lambda s: s == "Present the charts")
    quietly("the presenter opening", lambda: activate(present, settle=0), 3)
    for n in range(4):
        quietly(f"the presenter's chart {n + 2}", lambda: key(0xff53), 1.5)  # Right
    quietly("the presenter closing", lambda: key(0xff1b), 2)  # Escape
    # Down one level at a time: a school, Year 3 in it, a class of that year group (a small
    # trust may have no Year 3: the drill stops where it can).
    level = lambda s: s.startswith("Open ") and not s.startswith("Open pupil")
    for wanted in [level, lambda s: s == "Open Year 3", level]:
        node = button(wanted, 10)
        if node is None:
            break
        quietly(node.name, lambda: activate(node, settle=0), 4)
    grid = app.tab("Judgements")
    quietly("the class's Judgements grid", lambda: click(grid, settle=0), 4)
    click(app.named("Main menu"), settle=0.5)
    settings = button(lambda s: s == "Trust settings")
    quietly("Trust settings opening", lambda: activate(settings, settle=0), 4)
    for name in SETTINGS_PAGES:
        node = tab(name)
        if node is None:
            sys.exit(f"no Trust settings page {name}")
        quietly(f"Trust settings: {name}", lambda: click(node, settle=0), 2)
    counted = [(t, ms, name) for t, ms in stalls() for a, b, name in quiet if a <= t <= b]
    for t, ms, name in counted:
        if ms > LIMIT:
            print(f"  {ms:.0f} ms during: {name}")
    worst = max([ms for _, ms, _ in counted], default=0.0)
    print(f"stall: {worst:.1f} ms, over {LIMIT} ms: {sum(ms > LIMIT for _, ms, _ in counted)}, steps: {len(quiet)}")
finally:
    app.close()
    shutil.rmtree(scratch, ignore_errors=True)
