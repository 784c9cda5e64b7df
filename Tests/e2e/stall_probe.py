#!/usr/bin/python3
"""The app's window under load, for the benchmark: the real cohort-gtk on a data folder (not
copied; nothing is edited), with its main-loop stall probe on, driven through the Analysis
page from the trust to one class, then the class's Judgements grid. Prints each stall over
100 ms with the step it came in, then `stall: MS ms, over 100 ms: N, steps: K`: the longest
time the window's main loop did not turn once the window was up, and how often that went
over 100 ms. Usage (under xvfb-run + dbus-run-session): stall_probe.py BIN_DIR DATA YEAR HALF"""
import os, shutil, sys, tempfile, time


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import App, activate, click, wait

BIN, DATA, YEAR, HALF = sys.argv[1:5]


def looked_at(app):
    return app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Pupils to look at"))


def stalls():
    """(start, ms) of every stall the probe saw."""
    if not os.path.exists(probe):
        return []
    with open(probe) as f:
        rows = [tuple(map(float, line.split())) for line in f if line.strip()]
    return [(end - ms / 1000, ms) for end, ms in rows]


def quietly(name, action, seconds):
    """Runs one step, then leaves the app alone while it works: walking the accessibility tree
    to find the next button is itself work on the app's main loop, and is not counted."""
    time.sleep(0.5)
    t = time.monotonic()
    action()
    time.sleep(seconds)
    quiet.append((t, time.monotonic(), name))


scratch = tempfile.mkdtemp(prefix="cohort-probe-")
probe = os.path.join(scratch, "stalls")
app = App(BIN, ["--year", YEAR, "--half-term", HALF], env={"COHORT_STALL_PROBE": probe}, data=DATA)
quiet = []
try:
    tab = app.tab("Analysis")
    if tab is None:
        sys.exit("the window did not come up")
    time.sleep(1)
    quietly("the trust on the Analysis page", lambda: click(tab, settle=0), 6)
    if not wait(lambda: looked_at(app), 120):
        sys.exit("the trust's analysis did not show")
    # Down one level at a time: a school, Year 3 in it, a class of that year group.
    for wanted in [lambda s: s.startswith("Open "), lambda s: s == "Open Year 3", lambda s: s.startswith("Open ")]:
        button = wait(lambda: app.find(lambda n: n.getRoleName() == "push button" and wanted(n.name or "")), 30)
        if button is None:
            break
        quietly(button.name, lambda: activate(button, settle=0), 4)
    grid = app.tab("Judgements")
    quietly("the class's Judgements grid", lambda: click(grid, settle=0), 4)
    counted = [(t, ms, name) for t, ms in stalls() for a, b, name in quiet if a <= t <= b]
    for t, ms, name in counted:
        if ms > 100:
            print(f"  {ms:.0f} ms during: {name}")
    worst = max([ms for _, ms, _ in counted], default=0.0)
    print(f"stall: {worst:.1f} ms, over 100 ms: {sum(ms > 100 for _, ms, _ in counted)}, steps: {len(quiet)}")
finally:
    app.close()
    shutil.rmtree(scratch, ignore_errors=True)
