#!/usr/bin/python3
"""Screenshots of every page of the window for a class, at the screen size Xvfb was started
with, for looking at what a teacher sees. Usage (under xvfb-run -s "-screen 0 WxHx24" +
dbus-run-session): screens.py BIN_DIR OUT_DIR LABEL [dark]. Writes OUT_DIR/LABEL-<page>.png."""
import os, shutil, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import App, ctrl, wait  # noqa: E402

BIN, OUT, LABEL = sys.argv[1:4]
dark = len(sys.argv) > 4 and sys.argv[4] == "dark"
os.makedirs(OUT, exist_ok=True)
# A window manager that fills the screen, as a maximised window on a small laptop.
wm = shutil.which("matchbox-window-manager")
wm_proc = subprocess.Popen([wm, "-use_titlebar", "no"], stderr=subprocess.DEVNULL) if wm else None
time.sleep(0.5)
app = App(BIN, ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"],
          env={"COHORT_STYLE": "dark" if dark else "light"})
wait(lambda: app.find(lambda n: (n.name or "").endswith(", Reading, Autumn 2")), 30)
time.sleep(1)
for i, page in enumerate(["judgements", "scores", "side-by-side", "analysis", "meetings", "pupil"]):
    ctrl(ord(str(i + 1)))
    time.sleep(2.5 if page == "analysis" else 1.2)
    subprocess.run(["import", "-window", "root", os.path.join(OUT, f"{LABEL}-{page}.png")], check=True)
app.proc.terminate()
app.proc.wait(10)
app.close()
