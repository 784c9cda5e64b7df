#!/usr/bin/python3
"""Screenshot of one page of the app for a class (Scores, Side by side...).
Usage (under xvfb-run + dbus-run-session): screenshot_page.py BIN_DIR OUT.png PAGE HALF_TERM [YEAR] [TYPE...]"""
import os, shutil, subprocess, sys, tempfile, time

import pyatspi

BIN, OUT, PAGE, HALF = sys.argv[1:5]
YEAR = sys.argv[5] if len(sys.argv) > 5 else "2026-27"
TYPE = sys.argv[6:]
work = tempfile.mkdtemp(prefix="cohort-shot-")
data = os.path.join(work, "trust")
shutil.copytree("data", data)
env = dict(os.environ, COHORT_DEVICE="shot", XDG_CONFIG_HOME=os.path.join(work, "config"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import app_root, remember_person  # noqa: E402

remember_person(env["XDG_CONFIG_HOME"], data, "Ms Shot")
app = subprocess.Popen([f"{BIN}/cohort-gtk", "--data", data, "--class", "oakfield-y3", "--year", YEAR, "--half-term", HALF], env=env)


def find(node, pred, d=0):
    if node is None or d > 40:
        return None
    if pred(node):
        return node
    for i in range(node.childCount):
        h = find(node.getChildAtIndex(i), pred, d + 1)
        if h:
            return h


def root():
    return app_root(app.pid)


def click(n):
    x, y, w, h = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, "b1c")
    time.sleep(0.8)


time.sleep(2.5)
button = find(root(), lambda n: n.name == PAGE and n.getRoleName() in ("page tab", "toggle button", "push button"))
click(button)
for text in TYPE:
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(0xff0d if ch == "\n" else ord(ch), None, pyatspi.KEY_SYM)
    time.sleep(0.2)
time.sleep(1)
subprocess.run(["import", "-window", "root", OUT], check=True)
app.terminate()
app.wait(10)
shutil.rmtree(work, ignore_errors=True)
