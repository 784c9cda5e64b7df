#!/usr/bin/python3
"""End to end: type standardised scores on the Scores page of the real app, close it, and
check through `cohort show side-by-side --json` that they were saved; an out-of-range score
is refused and not saved. Prints `N passed, N failed`."""
import json, os, shutil, subprocess, sys, tempfile, time

import pyatspi

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
passed = failed = 0


def check(ok, what):
    global passed, failed
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    if not ok:
        print("FAIL:", what)


def find(node, pred, d=0):
    if node is None or d > 40:
        return None
    try:
        if pred(node):
            return node
        for i in range(node.childCount):
            h = find(node.getChildAtIndex(i), pred, d + 1)
            if h is not None:
                return h
    except Exception:
        return None


def wait(fn, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.1)


def key(sym):
    pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)


work = tempfile.mkdtemp(prefix="cohort-e2e-")
data = os.path.join(work, "trust")
shutil.copytree("data", data)
env = dict(os.environ, COHORT_DEVICE="e2e", XDG_CONFIG_HOME=os.path.join(work, "config"))
app = subprocess.Popen([f"{BIN}/cohort-gtk", "--data", data, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"],
                       env=env, stderr=subprocess.PIPE)


def root():
    desk = pyatspi.Registry.getDesktop(0)
    for i in range(desk.childCount):
        a = desk.getChildAtIndex(i)
        if a is not None and a.get_process_id() == app.pid:
            return a


tab = wait(lambda: find(root(), lambda n: n.name == "Scores" and n.getRoleName() == "page tab"))
check(tab is not None, "the Scores page is reachable")
x, y, w, h = tab.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, "b1c")
show = [f"{BIN}/cohort", "show", "side-by-side", "--data", data, "--class", "oakfield-y3", "--year", "2026-27", "--term", "autumn", "--json"]
pupils = json.loads(subprocess.check_output(show, env=env))["pupils"]
first = f"{pupils[0]['name']}, NFER-style reading, Autumn"
entry = wait(lambda: (lambda n: n if n and n.getState().contains(pyatspi.STATE_FOCUSED) else None)(find(root(), lambda n: n.name == first)))
check(entry is not None, "the first pupil's score box is focused")
for text in ["104", "97", "150"]:
    for ch in text:
        key(ord(ch))
    key(0xff0d)  # Return
    time.sleep(0.2)
status = wait(lambda: find(root(), lambda n: n.getRoleName() == "label" and "outside NFER-style reading's range" in (n.name or "")), 10)
check(status is not None, "an out-of-range score is refused with the reason")
saved = wait(lambda: find(root(), lambda n: n.getRoleName() == "label" and n.name == "All changes saved"), 10)
check(saved is not None, "the status says the scores are saved")
pyatspi.Registry.generateKeyboardEvent(37, None, pyatspi.KEY_PRESS)
key(ord("q"))
pyatspi.Registry.generateKeyboardEvent(37, None, pyatspi.KEY_RELEASE)
try:
    app.wait(15)
    check(app.returncode == 0, f"the app exits cleanly ({app.returncode})")
except subprocess.TimeoutExpired:
    app.kill()
    check(False, "the app closes on Ctrl+Q")
after = {p["id"]: p for p in json.loads(subprocess.check_output(show, env=env))["pupils"]}
got = [after[p["id"]]["subjects"]["reading"].get("score") for p in pupils[:3]]
check(got[0] == 104, f"first pupil's score saved as 104, found {got[0]}")
check(got[1] == 97, f"second pupil's score saved as 97, found {got[1]}")
check(got[2] != 150, "the refused score was not saved")
shutil.rmtree(work, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
