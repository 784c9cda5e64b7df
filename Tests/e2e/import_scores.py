#!/usr/bin/python3
"""End to end: import a scores CSV in the app (file chooser, preview, apply). The preview names
the rows that will not import; only the good row is imported. Prints `N passed, N failed`."""
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


def click(n):
    x, y, w, h = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, "b1c")


work = tempfile.mkdtemp(prefix="cohort-e2e-")
data = os.path.join(work, "trust")
shutil.copytree("data", data)
env = dict(os.environ, COHORT_DEVICE="e2e", XDG_CONFIG_HOME=os.path.join(work, "config"))
show = [f"{BIN}/cohort", "show", "side-by-side", "--data", data, "--class", "oakfield-y3", "--year", "2026-27", "--term", "autumn", "--json"]
pupils = json.loads(subprocess.check_output(show, env=env))["pupils"]
grid = json.loads(subprocess.check_output([f"{BIN}/cohort", "show", "--data", data, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json"], env=env))["pupils"]
csv = os.path.join(work, "scores.csv")
with open(csv, "w") as f:
    f.write(f"UPN,Standardised score\n{grid[0]['upn']},111\n{grid[1]['upn']},160\nA123,100\n")
app = subprocess.Popen([f"{BIN}/cohort-gtk", "--data", data, "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"], env=env)


def root():
    desk = pyatspi.Registry.getDesktop(0)
    for i in range(desk.childCount):
        a = desk.getChildAtIndex(i)
        if a is not None and a.get_process_id() == app.pid:
            return a


click(wait(lambda: find(root(), lambda n: n.name == "Scores" and n.getRoleName() == "page tab")))
button = wait(lambda: find(root(), lambda n: n.name == "Import scores…"))
check(button is not None, "the Scores page has an Import button")
click(button)
time.sleep(1.5)
for ch in csv:  # the file chooser takes a typed path
    pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)
time.sleep(0.5)
pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)
preview = wait(lambda: find(root(), lambda n: n.name == "Import preview"), 15)
check(preview is not None, "a preview opens before anything changes")
text = ""
if preview is not None:
    t = preview.queryText()
    text = t.getText(0, t.characterCount)
check("line 3: will not import" in text and "160 is outside" in text, "the preview names the out-of-range row")
check("no pupil with UPN A123" in text, "the preview names the unknown pupil")
apply = wait(lambda: find(root(), lambda n: (n.name or "").startswith("Import the 1 good row")))
check(apply is not None, "the button says only the good rows will import")
if apply is not None:
    click(apply)
said = wait(lambda: find(root(), lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Imported 1 change")), 10)
check(said is not None, "the status says what was imported")
app.terminate()
app.wait(10)
after = {p["id"]: p for p in json.loads(subprocess.check_output(show, env=env))["pupils"]}
check(after[grid[0]["id"]]["subjects"]["reading"].get("score") == 111, "the good row was imported")
check(after[grid[1]["id"]]["subjects"]["reading"].get("score") is None, "the bad row was not")
shutil.rmtree(work, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
