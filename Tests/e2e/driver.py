"""Shared helpers for the end-to-end scripts: drive the real app through the accessibility
tree (what a screen reader sees), count checks, and print `N passed, N failed`."""
import json, os, shutil, subprocess, tempfile, time

import pyatspi
from gi.repository import GLib

# What reading the tree may raise because a widget went away while it was read (a page
# rebuilt, a window closed): such a node is skipped. Anything else is a bug in a script or the
# driver and is raised, so that it is seen.
GONE = (GLib.GError,)


class Checks:
    """Counts checks; with E2E_TIMES set, prints the seconds each took (to find slow waits)."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.last = time.time()

    def __call__(self, ok, what):
        if os.environ.get("E2E_TIMES"):
            now = time.time()
            print(f"{now - self.last:6.1f}s  {what}")
            self.last = now
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL:", what)
        return ok

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def find(node, pred, depth=0):
    """The first node under `node` (depth first) for which `pred` holds. A node that goes away
    while it is read is skipped, with its children; the rest of the tree is still searched."""
    if node is None or depth > 40:
        return None
    try:
        if pred(node):
            return node
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except GONE:
        return None
    for child in children:
        hit = find(child, pred, depth + 1)
        if hit is not None:
            return hit
    return None


def find_all(node, pred):
    """Every node under `node` for which `pred` holds, as `find` walks them."""
    hits = []
    find(node, lambda n: pred(n) and hits.append(n) and False)
    return hits


def wait(fn, timeout=20):
    """Polls `fn` until it returns something true, or None after `timeout` seconds."""
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.05)
    return None


def click(node, settle=0.3):
    x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, "b1c")
    time.sleep(settle)


def activate(node, settle=0.3):
    """Presses a button through its accessible action (it need not be on screen)."""
    node.queryAction().doAction(0)
    time.sleep(settle)


# Every key press sent, so that a script counts the keys it really sent, and the watchers
# (a `SaveState`) that look at the window after each one.
keys_sent = 0
_after_key = []


def key(sym):
    global keys_sent
    pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)
    keys_sent += 1
    for watch in _after_key:
        watch()


def type_text(text):
    for ch in text:
        key(0xff0d if ch == "\n" else ord(ch))


def ctrl(sym, control_keycode=37):
    pyatspi.Registry.generateKeyboardEvent(control_keycode, None, pyatspi.KEY_PRESS)
    key(sym)
    pyatspi.Registry.generateKeyboardEvent(control_keycode, None, pyatspi.KEY_RELEASE)


def showing(node):
    """On screen now: GTK 4.8 sets no SHOWING state, but gives what is not shown no size (the
    page switcher's bar at the bottom of a wide window)."""
    try:
        _, _, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return w > 0 and h > 0 and node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def label_text(node):
    """A node's text, or None for a node without text (or gone)."""
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except (NotImplementedError,) + GONE:
        return None


def app_root(pid):
    """The accessibility tree of the application run by process `pid`, once it has one."""
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        a = desktop.getChildAtIndex(i)
        try:
            if a is not None and a.get_process_id() == pid:
                return a
        except GONE:
            pass  # an application that has just exited
    return None


def remember_person(config_home, data, name="e2e"):
    """Says who is at this laptop for the trust in `data`, as the app asks on a folder's first
    use on a device (first_day.py answers the question itself)."""
    with open(os.path.join(data, "trust.json")) as f:
        trust = json.load(f)["id"]
    os.makedirs(os.path.join(config_home, "cohort"), mode=0o700, exist_ok=True)
    path = os.path.join(config_home, "cohort", "settings.json")
    settings = json.load(open(path)) if os.path.exists(path) else {}
    settings.setdefault("people", {})[trust] = name
    with open(path, "w") as f:
        json.dump(settings, f)


class SaveState:
    """The status bar's save state, watched from before an edit: "All changes saved" is shown as
    soon as a class opens, so a save check must see "Saving…" after the edit, then "All changes
    saved". It looks after every key the driver sends, and while it waits."""

    SAVING, SAVED = "Saving…", "All changes saved"

    def __init__(self, named):
        """`named(name, role)` finds a node, as App.named does."""
        self.node = named(self.SAVED, "label")
        self.seen = []
        _after_key.append(self.sample)

    def sample(self):
        try:
            name = self.node.name if self.node is not None else None
        except GONE:
            name = None
        if name is not None and (not self.seen or self.seen[-1] != name):
            self.seen.append(name)

    def saved(self, timeout=15):
        """True once "Saving…" has been seen and "All changes saved" has followed it."""
        def done():
            self.sample()
            return self.SAVING in self.seen and self.seen[-1] == self.SAVED
        ok = wait(done, timeout) is not None
        _after_key.remove(self.sample)
        return ok


class App:
    """The real cohort-gtk on a private copy of the sample trust, or on `data` as it is (for
    runs that only read, such as the benchmark's)."""

    def __init__(self, bin_dir, args=(), env=None, stderr=None, data=None, person="e2e"):
        self.work = tempfile.mkdtemp(prefix="cohort-e2e-")
        os.chmod(self.work, 0o700)
        self.data = data or os.path.join(self.work, "trust")
        if data is None:
            shutil.copytree("data", self.data)
        self.bin = bin_dir
        # Bring the accessibility registry up before the app starts: an app that starts first
        # can end up with part of its tree never registered.
        wait(lambda: pyatspi.Registry.getDesktop(0) is not None and True, 10)
        time.sleep(0.5)
        # An empty temp folder of its own: pupil data must never land in temp files.
        self.tmp = os.path.join(self.work, "tmp")
        os.mkdir(self.tmp)
        self.env = dict(os.environ, COHORT_DEVICE="e2e", TMPDIR=self.tmp, XDG_CONFIG_HOME=os.path.join(self.work, "config"), **(env or {}))
        remember_person(self.env["XDG_CONFIG_HOME"], self.data, person)
        self.proc = subprocess.Popen([f"{bin_dir}/cohort-gtk", "--data", self.data, *args], env=self.env, stderr=stderr)

    def cli(self, *args):
        return subprocess.check_output([f"{self.bin}/cohort", *args, "--data", self.data], env=self.env)

    def root(self):
        return app_root(self.proc.pid)

    def find(self, pred):
        return find(self.root(), pred)

    def named(self, name, role=None):
        return wait(lambda: self.find(lambda n: n.name == name and (role is None or n.getRoleName() == role)))

    def tab(self, name, timeout=20):
        """The page switcher's tab for a page, as shown (in the header, or at the bottom when narrow)."""
        return wait(lambda: self.find(lambda n: n.name == name and n.getRoleName() == "page tab" and showing(n)), timeout)

    def quit(self, check):
        ctrl(ord("q"))
        try:
            self.proc.wait(15)
            check(self.proc.returncode == 0, f"the app exits cleanly (status {self.proc.returncode})")
        except subprocess.TimeoutExpired:
            self.proc.kill()
            check(False, "the app closes on Ctrl+Q")

    def temp_files(self):
        return [os.path.join(p, n) for p, _, files in os.walk(self.tmp) for n in files]

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        shutil.rmtree(self.work, ignore_errors=True)
