#!/usr/bin/python3
"""Two laptops, one synced data folder, for real: two Syncthing instances sync two copies of a
data folder inside a private network namespace that has only a loopback interface (global and
local discovery, relays, NAT traversal, usage reporting and upgrades all off before first
start). A writer on each laptop edits the same class; Cohort merges the sync tool's conflict
copies; at the end both folders hold the same data and no edit is lost.

Run as root: python3 Tests/sync/two_laptops.py BIN_DIR. Prints `N passed, N failed`."""
import json, os, shutil, subprocess, sys, tempfile, time

from syncthing import Namespace, check, clean_up, options, run, summary

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"


if os.geteuid() != 0:
    print("skipped: a private network namespace needs root (CI runs as root)")
    print("0 passed, 0 failed")
    sys.exit(0)
work = tempfile.mkdtemp(prefix="cohort-sync-")
os.chmod(work, 0o700)
procs = []
ns = None
try:
    ns = Namespace(f"cohort-sync-{os.getpid()}")
    folders, homes, ids = [], [], []
    for i in range(2):
        home = os.path.join(work, f"st{i}")
        run("syncthing", "generate", f"--home={home}", "--no-default-folder", "--skip-port-probing")
        ids.append(run("syncthing", "serve", f"--home={home}", "--device-id").strip())
        homes.append(home)
    a = os.path.join(work, "laptop-a")
    run(f"{BIN}/cohort-torture", "setup", a, "0")
    b = os.path.join(work, "laptop-b")
    shutil.copytree(a, b, symlinks=True)
    folders = [a, b]
    for f in folders:
        os.makedirs(os.path.join(f, ".stfolder"), exist_ok=True)
        with open(os.path.join(f, ".stignore"), "w") as fh:
            fh.write(".cohort.lock\n.*.tmp-*\n")
    key = "cohort-test-key"
    for i in range(2):
        devices = "".join(
            f'<device id="{ids[j]}" name="laptop{j}" compression="metadata" introducer="false">'
            f"<address>tcp://127.0.0.1:{22001 + j}</address></device>" for j in range(2))
        config = f"""<configuration version="36">
  <folder id="cohort" label="cohort" path="{folders[i]}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1">
    <device id="{ids[0]}"></device><device id="{ids[1]}"></device>
    <maxConflicts>10</maxConflicts>
  </folder>
  {devices}
  <gui enabled="true" tls="false"><address>127.0.0.1:{8381 + i}</address><apikey>{key}</apikey></gui>
  {options(22001 + i)}
</configuration>
"""
        with open(os.path.join(homes[i], "config.xml"), "w") as fh:
            fh.write(config)
    # Both laptops edit the same class while apart (offline): each its own subject, and one
    # shared cell. Then they meet and sync; then they edit at once while connected.
    writers = [subprocess.Popen([f"{BIN}/cohort-torture", "writer", folders[i], str(i), "60"], stdout=subprocess.PIPE, text=True)
               for i in range(2)]
    lines = []
    for w in writers:
        out, _ = w.communicate(timeout=120)
        check(w.returncode == 0, "a writer finished")
        lines.append(out.splitlines())

    # And each changes the trust's set-up while apart: staff on both, term dates on one.
    def cli(i, *args):
        return run(f"{BIN}/cohort", *args, "--data", folders[i], env=dict(os.environ, COHORT_DEVICE=f"laptop-{i}"))
    cli(0, "staff", "add", "--name", "Ms A Patel")
    cli(1, "staff", "add", "--name", "Mr B Jones", "--role", "leader")
    cli(1, "terms", "set", "--year", "2026-27", "--starts", "03/09/2026,02/11/2026,05/01/2027,22/02/2027,12/04/2027,07/06/2027")

    env = dict(os.environ, STNOUPGRADE="1", STNODEFAULTFOLDER="1")
    for i in range(2):
        log = open(os.path.join(work, f"st{i}.log"), "w")
        procs.append(subprocess.Popen(ns.cmd("syncthing", "serve", f"--home={homes[i]}", "--no-browser", "--no-restart"),
                                      env=env, stdout=log, stderr=log))

    def api(i, path):
        return ns.api(8381 + i, key, path)

    def connected():
        try:
            return all(api(i, "/rest/system/connections")["connections"][ids[1 - i]]["connected"] for i in range(2))
        except Exception:
            return False

    end = time.time() + 60
    while time.time() < end and not connected():
        time.sleep(0.5)
    if not check(connected(), "the two Syncthing instances connect over loopback inside the namespace"):
        raise SystemExit
    def snapshot(f):
        return run(f"{BIN}/cohort", "export", "csv", "--data", f, "--out", os.path.join(work, "x.csv")) and open(os.path.join(work, "x.csv")).read()

    def setup(i):
        return cli(i, "staff", "list", "--json") + cli(i, "terms", "show", "--year", "2026-27", "--json")

    def settled():
        time.sleep(3)
        for i, f in enumerate(folders):
            # Each laptop is its own device, with its own journal file.
            run(f"{BIN}/cohort", "merge", "--data", f, env=dict(os.environ, COHORT_DEVICE=f"laptop-{i}"))
        time.sleep(3)
        for i in range(2):
            comp = api(i, f"/rest/db/completion?folder=cohort&device={ids[1 - i]}")
            if not comp or comp.get("completion", 0) < 100:
                return False
        # Syncthing's own ".syncthing.*.tmp" downloads are not copies left to merge.
        copies = [n for f in folders for path, _, files in os.walk(f) for n in files
                  if "sync-conflict" in n and "/.conflicts" not in path and not n.startswith(".syncthing.")]
        return not copies and snapshot(a) == snapshot(b) and setup(0) == setup(1)

    end = time.time() + 120
    ok = False
    while time.time() < end and not ok:
        ok = settled()
    check(ok, "after the offline edits synced and merged, both laptops hold the same judgements and set-up")
    staff = json.loads(cli(0, "staff", "list", "--json"))
    check(sorted(m["name"] for m in staff) == ["Mr B Jones", "Ms A Patel"], f"both laptops' new staff survive: {staff}")
    terms = json.loads(cli(0, "terms", "show", "--year", "2026-27", "--json"))
    check(terms["set"] and terms["halfTerms"][2]["starts"] == "2027-01-05", "one laptop's term dates reach the other")
    # Then both edit at the same time while connected.
    writers = [subprocess.Popen([f"{BIN}/cohort-torture", "writer", folders[i], str(i), "90"], stdout=subprocess.PIPE, text=True)
               for i in range(2)]
    for i, w in enumerate(writers):
        out, _ = w.communicate(timeout=120)
        check(w.returncode == 0, "a writer finished")
        lines[i] += out.splitlines()
    end = time.time() + 120
    ok = False
    while time.time() < end and not ok:
        ok = settled()
    check(ok, "after editing at once while connected, both laptops hold the same judgements")
    # Each writer's own cells: its last printed code is the one on disk (nobody else writes them).
    csv = snapshot(a).splitlines()
    on_disk = {}
    for row in csv[1:]:
        c = row.split(",")
        on_disk[(c[2], c[9], c[8])] = c[10]
    for i in range(2):
        last = {}
        for l in lines[i]:
            p = l.split()
            if p[0] == "cell":
                last[(p[1], p[2], p[3])] = p[4]
        lost = [k for k, code in last.items() if on_disk.get(k) != code]
        check(not lost, f"laptop {i} lost no edit ({len(lost)} of {len(last)} missing: {lost[:3]})")
    shared = [l.split() for ls in lines for l in ls if l.startswith("shared ")]
    # Newest wins; at the same millisecond the later device id wins (torture-1 writes "G").
    newest = max(shared, key=lambda p: (int(p[2]), p[1] == "G"))
    check(on_disk.get(("p0-0", "writing", "autumn1")) == newest[1], "the shared cell holds the newest edit from either laptop")
    for f in folders:
        check(subprocess.run([f"{BIN}/cohort", "check", "--data", f], capture_output=True).returncode == 0, f"cohort check passes on {os.path.basename(f)}")
finally:
    clean_up(procs, ns, work)
sys.exit(summary())
