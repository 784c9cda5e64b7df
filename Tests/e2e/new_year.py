#!/usr/bin/python3
"""End to end: before the year's last half-term, starting the new year asks first, naming
what becomes read-only; Cancel changes nothing; confirming starts it, and the closed year then
shows a read-only banner. Prints `N passed, N failed`."""
import json, os, sys

import pyatspi

from driver import App, Checks, activate, click, find, label_text, wait

check = Checks()
# December: Autumn 2 of 2026-27, far from Summer 2.
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug",
          ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"], env={"COHORT_TODAY": "2026-12-01"})
school_file = os.path.join(app.data, "schools", "oakfield", "school.json")


def closed():
    with open(school_file) as f:
        return json.load(f).get("readOnlyYears", [])


def question():
    """The message dialog (a window of its own, named by its heading), not its heading's label."""
    root = app.root()
    for i in range(root.childCount if root else 0):
        w = root.getChildAtIndex(i)
        try:
            if w is not None and find(w, lambda n: n.name == "Make 2026-27 read-only?") is not None \
                    and find(w, lambda n: n.name == "Rollover preview") is None \
                    and find(w, lambda n: n.name == "Judgements grid") is None:
                return w
        except Exception:
            pass
    return None


def open_rollover():
    click(app.named("Data"), settle=0.5)
    activate(app.named("New academic year", "push button"), settle=1)
    return app.named("Start 2027-28", "push button")


start = open_rollover()
early = wait(lambda: app.find(lambda n: n.name == "Too early for a new year"), 10)
check(early is not None and "Autumn 2 of 2026-27" in (label_text(early) or ""), "the window says it is only Autumn 2")
if start is not None:
    click(start, settle=1)
ask = wait(question, 10)
check(ask is not None, "Start asks first: 'Make 2026-27 read-only?'")
body = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and "cannot be undone" in (n.name or "")), 5)
check(body is not None and "Oakfield Primary School" in body.name and "read-only" in body.name,
      "the question names the schools and what becomes read-only")
# libadwaita may name a dialog's buttons twice over ("Cancel Cancel").
cancel = find(ask, lambda n: (n.name or "").startswith("Cancel") and n.getRoleName() == "push button") if ask else None
check(cancel is not None, "the question has a Cancel button")
if cancel is not None:
    click(cancel, settle=1)
check(closed() == [], "Cancel changes nothing")
check(wait(lambda: question() is None, 5), "the question closes")
if start is not None:
    click(start, settle=1)
    dialog = wait(question, 5)
    confirm = find(dialog, lambda n: (n.name or "").startswith("Start 2027-28")
                   and n.getRoleName() == "push button") if dialog else None
    check(confirm is not None, "the question's button names the new year")
    if confirm is not None:
        click(confirm, settle=1)
said = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Started 2027-28")), 30)
check(said is not None, "after confirming, the new year starts")
check(wait(lambda: closed() == ["2026-27"], 10), "2026-27 is closed in school.json")
banner = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and "is closed" in (n.name or "")
                               and "read-only" in (n.name or "")), 10)
check(banner is not None and banner.name.startswith("2026-27 is closed"), "the closed year shows a read-only banner")
check(app.named("Go to 2027-28", "push button") is not None, "the banner offers the new year")
app.close()
sys.exit(check.finish())
