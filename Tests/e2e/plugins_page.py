#!/usr/bin/python3
"""The app finds a compiled plugin from the user's plugin folder: opens Plugins and looks for
its row through the accessibility tree. Usage: plugins_page.py BIN_DIR DATA_DIR PLUGIN_ID"""
import os, subprocess, sys, time

import pyatspi

BIN, DATA, PLUGIN = sys.argv[1], sys.argv[2], sys.argv[3]
passed = failed = 0


def check(ok, what):
    global passed, failed
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    if not ok:
        print("FAIL:", what)


def find(node, pred, depth=0):
    if node is None or depth > 40:
        return None
    try:
        if pred(node):
            return node
        for i in range(node.childCount):
            hit = find(node.getChildAtIndex(i), pred, depth + 1)
            if hit is not None:
                return hit
    except Exception:
        return None


def app_nodes(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    return [a for a in (desktop.getChildAtIndex(i) for i in range(desktop.childCount)) if a is not None and a.get_process_id() == pid]


def wait(fn, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.1)


app = subprocess.Popen([f"{BIN}/cohort-gtk", "--data", DATA], env=dict(os.environ, COHORT_DEVICE="e2e"))
button = wait(lambda: next((n for a in app_nodes(app.pid) for n in [find(a, lambda n: n.name == "Plugins" and n.getRoleName() == "push button")] if n), None))
check(button is not None, "the header has a Plugins button")
if button:
    x, y, w, h = button.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, "b1c")
    row = wait(lambda: next((n for a in app_nodes(app.pid) for n in [find(a, lambda n: (n.name or "").startswith(PLUGIN + " ") and "active" in n.name)] if n), None))
    check(row is not None, f"the Plugins window lists {PLUGIN} as active")
    page = wait(lambda: next((n for a in app_nodes(app.pid) for n in [find(a, lambda n: (n.name or "").startswith("page.judgements "))] if n), None), 5)
    check(page is not None, "the pages are listed as plugins too")
app.terminate()
app.wait(10)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
