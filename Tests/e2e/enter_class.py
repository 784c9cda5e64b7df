#!/usr/bin/python3
"""End to end through the accessibility tree, as a screen reader user would: start the real
cohort-gtk on a fresh copy of the sample trust, drill down the sidebar to a class, enter codes
for the whole class by key presses (one per cell), close the app, and check with
`cohort show --json` that every code was saved.

Run under: xvfb-run -a dbus-run-session -- /usr/bin/python3 Tests/e2e/enter_class.py BIN_DIR
Prints `N passed, N failed` and exits non-zero on any failure."""
import json, subprocess, sys, time

import pyatspi

import driver
from driver import App, Checks, SaveState, click, key, label_text, wait

YEAR, HALF, HALF_LABEL = "2026-27", "autumn2", "Autumn 2"
check = Checks()
started = time.time()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--year", YEAR, "--half-term", HALF], stderr=subprocess.PIPE)
show = ["show", "--class", "oakfield-y3", "--year", YEAR, "--half-term", HALF, "--json"]
pupils = json.loads(app.cli(*show))["pupils"]
subjects, ids = ["Reading", "Writing", "Maths"], ["reading", "writing", "maths"]


def main():
    school = app.named("School: Oakfield Primary School")
    if not check(school is not None, "the sidebar lists the school"):
        return
    click(school)
    row = app.named("Class: Year 3, Oakfield Primary School")
    if not check(row is not None, "opening the school shows its classes"):
        return
    click(row)
    first = f"{pupils[0]['name']}, {subjects[0]}, {HALF_LABEL}"
    cell = wait(lambda: (lambda c: c if c is not None and c.getState().contains(pyatspi.STATE_FOCUSED) else None)(
        app.find(lambda n: n.name == first)))
    if not check(cell is not None, "the first cell of the grid is shown and focused"):
        return
    print(f"launch, two sidebar clicks, editable grid: {time.time() - started:.2f} s")
    click(cell)  # make sure the window has the keyboard
    save = SaveState(app.named)
    check(save.node is not None, "the status bar shows the save state")
    before = driver.keys_sent
    pattern = "gygpgggyggpgyggpgggygpgggygggp"
    expected = {}
    for c in range(len(subjects)):
        for r, p in enumerate(pupils):
            code = pattern[(r + 7 * c) % len(pattern)]
            expected[(p["id"], ids[c])] = code.upper()
            key(ord(code))
    sent = driver.keys_sent - before

    def chip(name):
        node = app.find(lambda n: n.name == name)
        return label_text(find_label(node)) if node is not None else None

    last = f"{pupils[-1]['name']}, {subjects[-1]}, {HALF_LABEL}"
    check(wait(lambda: chip(last) == expected[(pupils[-1]["id"], "maths")], 15), "the last cell shows its code")
    mid = pupils[len(pupils) // 2]
    check(chip(f"{mid['name']}, Writing, {HALF_LABEL}") == expected[(mid["id"], "writing")], "a middle cell's text is its code")
    check(save.saved(), f"the status bar says Saving… and then All changes saved (saw {save.seen})")
    app.quit(check)
    err = app.proc.stderr.read().decode()
    roster = json.load(open(f"{app.data}/schools/oakfield/pupils.json"))["pupils"]
    personal = [w for p in roster for w in (p["forename"] + " " + p["surname"], p.get("upn"), p["dob"],
                                              "/".join(reversed(p["dob"].split("-")))) if w]
    leaked = [w for w in personal if w in err]
    check(not leaked, f"no pupil names, UPNs or dates of birth on stderr ({len(leaked)} found)")
    check(not app.temp_files(), f"no temp files outside the data folder: {app.temp_files()[:3]}")
    got = {(p["id"], s): c for p in json.loads(app.cli(*show))["pupils"] for s, c in p["judgements"].items()}
    for k, code in expected.items():
        check(got.get(k) == code, f"{k} saved as {code}, found {got.get(k)}")
    print(f"keystrokes for {len(pupils)} pupils x {len(subjects)} subjects: {sent} ({sent / len(expected):.2f} per cell)")
    check(sent == len(expected), f"one key press per cell ({sent} for {len(expected)} cells)")


def find_label(node):
    from driver import find
    return find(node, lambda n: n.getRoleName() == "label")


main()
app.close()
sys.exit(check.finish())
