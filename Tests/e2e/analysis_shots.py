#!/usr/bin/python3
"""Screenshots of every Analysis tab at one scope, and of the presenter view, for looking at.
Run under xvfb-run + dbus-run-session at the screen size wanted; a window manager that fills the
screen (matchbox-window-manager, when installed) makes the window the screen's size.
Usage: analysis_shots.py BIN_DIR OUT_PREFIX SCOPE [dark]   (SCOPE: trust, school or class)"""
import os, shutil, subprocess, sys, tempfile, time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import App, Checks, activate, click, wait  # noqa: E402

BIN, OUT, SCOPE = sys.argv[1:4]
dark = len(sys.argv) > 4 and sys.argv[4] == "dark"
wm = shutil.which("matchbox-window-manager")
wm_proc = subprocess.Popen([wm, "-use_titlebar", "no"], stderr=subprocess.DEVNULL) if wm else None
time.sleep(0.5)
args = {"trust": [], "school": [], "class": ["--class", "oakfield-y3"]}[SCOPE] + ["--year", "2026-27", "--half-term", "autumn2"]
app = App(BIN, args, env={"COHORT_STYLE": "dark" if dark else "light"})
check = Checks()
click(app.tab("Analysis"), settle=1)
if SCOPE == "school":
    activate(app.named("Open Oakfield Primary School", "push button"), settle=2)
wait(lambda: app.find(lambda n: n.name == "Entered"), 30)
time.sleep(2)
for tab in ["Overview", "Gaps", "Over time", "Movement", "Tests", "Statutory"]:
    t = app.named(tab, "page tab") or app.named(tab, "toggle button") or app.named(tab, "radio button")
    if not check(t is not None, f"the {tab} tab"):
        continue
    click(t, settle=1.5)
    subprocess.run(["import", "-window", "root", f"{OUT}-{tab.lower().replace(' ', '-')}.png"], check=True)
click(app.named("Overview", "page tab") or app.named("Overview", "toggle button"), settle=1)
activate(app.named("Present the charts", "push button"), settle=2)
subprocess.run(["import", "-window", "root", f"{OUT}-present-1.png"], check=True)
pyatspi.Registry.generateKeyboardEvent(0xff53, None, pyatspi.KEY_SYM)  # Right
time.sleep(1)
pyatspi.Registry.generateKeyboardEvent(0xff53, None, pyatspi.KEY_SYM)
time.sleep(1)
subprocess.run(["import", "-window", "root", f"{OUT}-present-3.png"], check=True)
app.close()
if wm_proc:
    wm_proc.terminate()
sys.exit(check.finish())
