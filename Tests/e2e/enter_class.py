#!/usr/bin/python3
"""End to end through the accessibility tree, as a screen reader user would: start the real
cohort-gtk on a fresh copy of the sample trust, enter codes for a whole class by key presses
(one per cell), close the app, and check with `cohort show --json` that every code was saved.

Run under: xvfb-run -a dbus-run-session -- /usr/bin/python3 Tests/e2e/enter_class.py BIN_DIR
Prints `N passed, N failed` and exits non-zero on any failure."""
import json, os, shutil, subprocess, sys, tempfile, time

import pyatspi

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
CLASS, YEAR, HALF, HALF_LABEL = "oakfield-y3", "2026-27", "autumn2", "Autumn 2"
passed, failed = 0, 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def find(node, predicate, depth=0):
    if node is None or depth > 40:
        return None
    try:
        if predicate(node):
            return node
        for i in range(node.childCount):
            hit = find(node.getChildAtIndex(i), predicate, depth + 1)
            if hit is not None:
                return hit
    except Exception:
        return None
    return None


def app_root(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        a = desktop.getChildAtIndex(i)
        try:
            if a is not None and a.get_process_id() == pid:
                return a
        except Exception:
            pass
    return None


def wait_for(fn, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.05)
    return None


def click(node):
    x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, "b1c")
    time.sleep(0.3)


def key(sym):
    pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)


def main():
    work = tempfile.mkdtemp(prefix="cohort-e2e-")
    os.chmod(work, 0o700)
    data = os.path.join(work, "trust")
    shutil.copytree("data", data)
    env = dict(os.environ, COHORT_DEVICE="e2e", XDG_CONFIG_HOME=os.path.join(work, "config"))
    show = [f"{BIN}/cohort", "show", "--data", data, "--class", CLASS, "--year", YEAR, "--half-term", HALF, "--json"]
    grid = json.loads(subprocess.check_output(show, env=env))
    pupils = grid["pupils"]
    subjects = ["Reading", "Writing", "Maths"]
    ids = ["reading", "writing", "maths"]

    started = time.time()
    app = subprocess.Popen([f"{BIN}/cohort-gtk", "--data", data, "--year", YEAR, "--half-term", HALF],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first_name = f"{pupils[0]['name']}, {subjects[0]}, {HALF_LABEL}"

    # Drill down the sidebar as a person would: the school, then the class.
    def named(name):
        return lambda: (lambda root: root and find(root, lambda n: n.name == name))(app_root(app.pid))

    school = wait_for(named("School: Oakfield Primary School"))
    check(school is not None, "the sidebar lists the school")
    if school is None:
        app.kill()
        return finish(work)
    click(school)
    row = wait_for(named("Class: Year 3, Oakfield Primary School"), 10)
    check(row is not None, "opening the school shows its classes")
    if row is None:
        app.kill()
        return finish(work)
    click(row)

    def first_cell_focused():
        root = app_root(app.pid)
        cell = root and find(root, lambda n: n.name == first_name)
        if cell and cell.getState().contains(pyatspi.STATE_FOCUSED):
            return cell
        return None

    cell = wait_for(first_cell_focused)
    ready = time.time() - started
    check(cell is not None, "the first cell of the grid is shown and focused")
    if cell is None:
        app.kill()
        print(app.stderr.read().decode()[:2000])
        return finish(work)
    print(f"launch, two sidebar clicks, editable grid: {ready:.2f} s")
    # Make sure the window has the keyboard: click the focused cell.
    click(cell)

    pattern = "gygpgggyggpgyggpgggygpgggygggp"
    expected = {}
    strokes = 0
    for c in range(len(subjects)):
        for r, p in enumerate(pupils):
            code = pattern[(r + 7 * c) % len(pattern)]
            expected[(p["id"], ids[c])] = code.upper()
            key(ord(code))
            strokes += 1
    # Wait until the last cell shows its code, then read a few cells back through AT-SPI.
    last_name = f"{pupils[-1]['name']}, {subjects[-1]}, {HALF_LABEL}"
    last_code = expected[(pupils[-1]["id"], "maths")]

    def text_of(node):
        label = find(node, lambda n: n.getRoleName() == "label")
        if label is None:
            return None
        t = label.queryText()
        return t.getText(0, t.characterCount)

    root = app_root(app.pid)
    last = find(root, lambda n: n.name == last_name)
    check(wait_for(lambda: text_of(last) == last_code, 15), "the last cell shows its code")
    mid = pupils[len(pupils) // 2]
    mid_cell = find(root, lambda n: n.name == f"{mid['name']}, Writing, {HALF_LABEL}")
    check(text_of(mid_cell) == expected[(mid["id"], "writing")], "a middle cell's text is its code")
    # A label's accessible name is its text: the status reads "All changes saved".
    saved = wait_for(lambda: find(root, lambda n: n.getRoleName() == "label" and n.name == "All changes saved"), 15)
    check(saved is not None, "the status bar says all changes are saved")

    # Close with Ctrl+Q: every edit must be on disk when the process has gone.
    pyatspi.Registry.generateKeyboardEvent(37, None, pyatspi.KEY_PRESS)
    key(ord("q"))
    pyatspi.Registry.generateKeyboardEvent(37, None, pyatspi.KEY_RELEASE)
    try:
        app.wait(15)
        check(app.returncode == 0, f"the app exits cleanly (status {app.returncode})")
    except subprocess.TimeoutExpired:
        check(False, "the app closes on Ctrl+Q")
        app.kill()
    err = app.stderr.read().decode()
    for p in pupils:
        for word in [p["name"], p.get("upn") or "@@"]:
            check(word not in err, "no pupil data on stderr")
            break

    after = json.loads(subprocess.check_output(show, env=env))
    got = {(p["id"], s): c for p in after["pupils"] for s, c in p["judgements"].items()}
    for k, code in expected.items():
        check(got.get(k) == code, f"{k} saved as {code}, found {got.get(k)}")
    print(f"keystrokes for {len(pupils)} pupils x {len(subjects)} subjects: {strokes} ({strokes / len(expected):.2f} per cell)")
    return finish(work)


def finish(work):
    shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
