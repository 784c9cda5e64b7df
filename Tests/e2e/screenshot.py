#!/usr/bin/python3
"""Screenshots of the Judgements grid with some codes entered, for looking at what a teacher
sees. Usage (under xvfb-run + dbus-run-session): screenshot.py BIN_DIR OUT.png [dark]"""
import os, shutil, subprocess, sys, tempfile, time

import pyatspi

BIN, OUT = sys.argv[1], sys.argv[2]
dark = len(sys.argv) > 3 and sys.argv[3] == "dark"
work = tempfile.mkdtemp(prefix="cohort-shot-")
data = os.path.join(work, "trust")
shutil.copytree("data", data)
env = dict(os.environ, COHORT_DEVICE="shot", XDG_CONFIG_HOME=os.path.join(work, "config"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import remember_person  # noqa: E402

remember_person(env["XDG_CONFIG_HOME"], data, "Ms Shot")
if dark:
    env["GTK_THEME"] = "Adwaita:dark"
app = subprocess.Popen([f"{BIN}/cohort-gtk", "--data", data, "--class", "oakfield-y3", "--year", "2026-27",
                        "--half-term", "autumn2"], env=env)
time.sleep(2.5)
pyatspi.Registry.generateMouseEvent(900, 250, "b1c")
time.sleep(0.3)
for ch in "ggypgggyogngpgg":
    pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)
pyatspi.Registry.generateKeyboardEvent(ord("x"), None, pyatspi.KEY_SYM)
time.sleep(1.0)
subprocess.run(["import", "-window", "root", OUT], check=True)
app.terminate()
app.wait(10)
shutil.rmtree(work, ignore_errors=True)
