#!/usr/bin/python3
"""End to end: on the Pupil page a teacher can export everything held about a pupil but not
erase them; a trust leader erases them after a confirmation that names them, and then no file
of the data folder holds their name or UPN. Prints `N passed, N failed`."""
import json, os, sys

from driver import App, Checks, activate, click, wait

check = Checks()
bin_dir = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
args = ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"]


def open_pupil(app):
    grid = json.loads(app.cli("show", *args[:2], "--year", "2026-27", "--half-term", "autumn2", "--json"))["pupils"]
    first = wait(lambda: app.find(lambda n: (n.name or "") == f"{grid[0]['name']}, Reading, Autumn 2"))
    click(first)
    click(app.tab("Pupil"), settle=1)
    return grid[0]


teacher = App(bin_dir, args)
pupil = open_pupil(teacher)
check(wait(lambda: teacher.named(f"Export everything held about {pupil['name']}"), 10) is not None,
      "the Pupil page offers to export everything held about the pupil")
check(teacher.named(f"Erase {pupil['name']}'s data") is None, "a teacher is not offered the erasure")
teacher.close()

leader = App(bin_dir, args, person="Mrs Shah (deputy head)")
pupil = open_pupil(leader)
erase = wait(lambda: leader.named(f"Erase {pupil['name']}'s data"), 10)
check(erase is not None, "a trust leader is offered the erasure")
if erase is not None:
    activate(erase, settle=1)
    confirm = wait(lambda: leader.find(lambda n: n.name == f"Erase {pupil['name']}"), 20)
    check(confirm is not None, "the confirmation names the pupil")
    if confirm is not None:
        activate(confirm, settle=2)
    said = wait(lambda: leader.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Erased ")), 10)
    failed = leader.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Could not"))
    check(said is not None, f"the status says the pupil was erased {failed.name if failed else ''}")
    left = [path for path, _, files in os.walk(leader.data) for f in files
            if any(t in open(os.path.join(path, f), errors="replace").read() for t in [pupil["name"], pupil["upn"]])]
    check(not left, f"no file holds the pupil's name or UPN: {left[:3]}")
leader.close()
sys.exit(check.finish())
