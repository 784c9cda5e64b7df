#!/usr/bin/python3
"""Launch and typing, for the benchmark: the real cohort-gtk with its probe on
(COHORT_STALL_PROBE), started RUNS times to its first painted window and RUNS times straight
into a class (--class) until the class's grid is painted and editable; then, with --type (on
a scratch copy: it enters codes), a teacher's run of codes down each subject's column,
measuring each key press to the end of the frame painted after it. Prints
`painted: MS`, `grid: MS` (medians over the runs, from starting the process) and
`keys: N, p50 MS, p99 MS, max MS`. Usage (under xvfb-run + dbus-run-session):
launch_probe.py BIN_DIR DATA YEAR HALF CLASS [--runs N] [--type]"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import app_root, click, find, key, remember_person, wait

BIN, DATA, YEAR, HALF, CLASS = sys.argv[1:6]
TYPE = "--type" in sys.argv
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
work = tempfile.mkdtemp(prefix="cohort-launch-")
os.chmod(work, 0o700)
# The renderer as in stall_probe.py: Xvfb has no GPU.
env = dict(os.environ, COHORT_DEVICE="probe", TMPDIR=work, XDG_CONFIG_HOME=os.path.join(work, "config"),
           GSK_RENDERER=os.environ.get("GSK_RENDERER", "cairo"))
remember_person(env["XDG_CONFIG_HOME"], DATA, "probe")
probe = os.path.join(work, "probe")


def marks(name):
    """The times of the probe's lines named `name`."""
    if not os.path.exists(probe):
        return []
    with open(probe) as f:
        return [float(r[0]) for r in (line.split() for line in f) if len(r) == 2 and r[1] == name]


def launch(extra, wanted):
    """Starts the app and waits for its probe to write `wanted`; returns the process and the
    seconds from starting it."""
    if os.path.exists(probe):
        os.remove(probe)
    start = time.monotonic()
    proc = subprocess.Popen([f"{BIN}/cohort-gtk", "--data", DATA, "--year", YEAR, "--half-term", HALF, *extra],
                            env=dict(env, COHORT_STALL_PROBE=probe))
    if not wait(lambda: marks(wanted), 60):
        proc.kill()
        sys.exit(f"the app never painted its {wanted}")
    return proc, marks(wanted)[0] - start


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def typing(proc):
    """Codes down each column, as a teacher enters them (g, y and p), 20 keys a second."""
    root = wait(lambda: app_root(proc.pid), 30)
    # The grid puts its cursor on the first cell; the cell is named "pupil, subject, half-term".
    cell = wait(lambda: find(root, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)
                             and (n.name or "").count(", ") >= 2), 30)
    if cell is None:
        sys.exit("no focused cell in the grid")
    click(cell, settle=1)
    with open(probe) as f:
        before = sum(1 for line in f if " key " in line)
    # Every key must change a cell (a key that changes nothing paints nothing): the grid is
    # filled once, then each code is changed to the next one on a second pass from the top.
    shown = json.loads(subprocess.check_output(
        [f"{BIN}/cohort", "show", "--class", CLASS, "--year", YEAR, "--half-term", HALF, "--json", "--data", DATA],
        env=env, stderr=subprocess.DEVNULL))
    with open(os.path.join(DATA, "trust.json")) as f:
        subjects = [s for s in json.load(f)["subjects"] if s.get("active", True)]
    cells = len(shown["pupils"]) * len(subjects)
    pattern = "gygpgggyggpgyggpgggygpgggygggp"
    after = {"g": "y", "y": "p", "p": "g"}
    moves = [0xff50] + [0xff51] * (len(subjects) - 1)  # Home, then Left to the first subject
    for rounds in range(2):
        if rounds:
            for k in moves:
                key(k)
                time.sleep(0.05)
        for i in range(cells):
            code = pattern[i % len(pattern)]
            key(ord(after[code] if rounds else code))
            time.sleep(0.05)
    time.sleep(2)
    with open(probe) as f:
        rows = [line.split() for line in f]
    stalls = [float(r[1]) for r in rows if len(r) == 2 and r[1][0].isdigit()]
    print(f"longest stall while typing: {max(stalls, default=0):.0f} ms ({sum(s > 50 for s in stalls)} over 50 ms)")
    keys = [float(r[2]) for r in rows if len(r) == 3 and r[1] == "key"][before:]
    # Codes only: the moves between the passes are not a cell changing.
    keys = keys[:cells] + keys[cells + len(moves):]
    slow = sorted(range(len(keys)), key=lambda i: -keys[i])[:5]
    print("slowest keys (position: ms): " + ", ".join(f"{i}: {keys[i]:.0f}" for i in sorted(slow)))
    return keys


try:
    painted = []
    for _ in range(RUNS):
        proc, seconds = launch([], "painted")
        painted.append(seconds)
        stop(proc)
    grid = []
    for n in range(RUNS):
        proc, seconds = launch(["--class", CLASS], "grid")
        grid.append(seconds)
        if n == RUNS - 1 and TYPE:
            keys = sorted(typing(proc))
            if not keys:
                sys.exit("no key press reached the grid")
            p = lambda q: keys[min(len(keys) - 1, int(q * len(keys)))]
            print(f"keys: {len(keys)}, p50 {p(0.5):.2f} ms, p99 {p(0.99):.2f} ms, max {keys[-1]:.2f} ms")
        stop(proc)
    print(f"painted: {statistics.median(painted) * 1000:.1f} ms (runs {' '.join(f'{s * 1000:.0f}' for s in painted)})")
    print(f"grid: {statistics.median(grid) * 1000:.1f} ms (runs {' '.join(f'{s * 1000:.0f}' for s in grid)})")
finally:
    shutil.rmtree(work, ignore_errors=True)
