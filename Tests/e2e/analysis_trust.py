#!/usr/bin/python3
"""End to end: the Analysis page on a trust built from `cohort init` and CTF files (a mixed-age
class, a pupil who left, one who joined mid-year, KS2 results), read through the accessibility
tree and checked against the CLI's own answers: it opens on the latest mostly entered half-term
and says so, the current one a click away; how much is entered per subject; the pupils to look
at as a table that opens the Pupil page; the gap heat map's table (numbers and suppression); the
statutory results beside national figures; and the presenter. Prints `N passed, N failed`."""
import json, os, sys, time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ctf_trust  # noqa: E402
from driver import App, Checks, activate, click, key, label_text, type_text, wait  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
check = Checks()
work = __import__("tempfile").mkdtemp(prefix="cohort-analysis-")
data = os.path.join(work, "trust")
ctf_trust.build(f"{BIN}/cohort", data, work)
app = App(BIN, ["--year", ctf_trust.YEAR, "--half-term", "autumn2"], data=data)
scope = "school:" + ctf_trust.SCHOOL


def cli(*args):
    return json.loads(app.cli("show", *args, "--json"))


def named_text(name, timeout=20):
    node = wait(lambda: app.find(lambda n: n.name == name), timeout)
    return label_text(node) if node is not None else None


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def gap_words(c, minimum):
    sizes = f"{c['groupN']} against {plural(c['restN'], 'pupil')}"
    if c["suppressed"]:
        return f"fewer than {minimum} pupils on one side ({sizes})"
    if c.get("groupPercent") is None or c.get("restPercent") is None:
        return f"no pupils assessed on one side ({sizes})"
    x = c["groupPercent"] - c["restPercent"]
    r = int(abs(x) + 0.5) * (1 if x >= 0 else -1)
    return f"{'0' if r == 0 else ('+' if r > 0 else '-') + str(abs(r))} points ({sizes})"


def collect(node, pred, out, depth=0):
    if node is None or depth > 40:
        return out
    try:
        if pred(node):
            out.append(node)
        for i in range(node.childCount):
            collect(node.getChildAtIndex(i), pred, out, depth + 1)
    except Exception:
        pass
    return out


click(app.tab("Analysis"), settle=1)
# Across the trust each school is a line of its pupils' figures; its groups open on request.
rwm_prefix = "Meadow Primary, KS2 reading, writing and maths combined, expected standard, "


def rwm_cells():
    return collect(app.root(), lambda n: (n.name or "").startswith(rwm_prefix), [])


trust_statutory = cli("statutory", "--scope", "trust", "--year", ctf_trust.YEAR)
school_rows = [r for r in trust_statutory["summary"]["rows"] if r["school"] == ctf_trust.SCHOOL
               and any(f["measure"] == "ks2-rwm-expected" for f in r["figures"])]
click(app.named("Statutory", "page tab") or app.named("Statutory", "toggle button"), settle=2)
check(wait(lambda: len(rwm_cells()) == 1, 10), f"a school's line shows its pupils together ({len(rwm_cells())} cells)")
groups = app.named("Groups at Meadow Primary", "push button")
if check(groups is not None, "each school's groups are a click away"):
    activate(groups, settle=1)
    check(wait(lambda: len(rwm_cells()) == 1 + len(school_rows), 5),
          f"and then shown, a cell per group as the CLI counts them ({len(school_rows)} groups)")
click(app.named("Overview", "page tab") or app.named("Overview", "toggle button"), settle=1)
activate(app.named("Open Meadow Primary", "push button"), settle=2)
banner = wait(lambda: app.find(lambda n: n.name.startswith("Showing Autumn 1 2026-27, the latest half-term mostly entered")), 20)
check(banner is not None, "Autumn 2 is barely entered: the school opens on Autumn 1 and says so")
opening = cli("completeness", "--scope", scope, "--year", ctf_trust.YEAR, "--half-term", "autumn2")
check(opening["opensOn"] == "2026-27 autumn1", f"the CLI opens on the same half-term ({opening['opensOn']})")
done = cli("completeness", "--scope", scope, "--year", ctf_trust.YEAR, "--half-term", "autumn1")
for s in done["subjects"]:
    words = f"{s['name']}: {s['entered']} of {s['expected']} entered"
    check(wait(lambda: app.find(lambda n: n.name == words), 5) is not None, f"the page says '{words}'")
check(done["subjects"][0]["expected"] == 8, "the leaver is not expected, the joiner is (8 pupils)")
fold = wait(lambda: app.find(lambda n: (n.name or "").startswith("Not entered yet: ")), 10)
check(fold is not None and fold.name == "Not entered yet: 1 class", f"the classes behind are counted ({fold and fold.name})")
if fold is not None:
    click(fold, settle=1)
node = wait(lambda: app.find(lambda n: (n.name or "").startswith("Not entered yet, by class")), 10)
behind = (label_text(node) or "") if node is not None else ""
check("Oak (Mr Jones): 4 of 5 entered" in behind, f"the not-entered list names the class and teacher to chase ({behind[:80]})")

flags = cli("flags", "--scope", scope, "--year", ctf_trust.YEAR, "--half-term", "autumn1")
heading = f"Pupils to look at: {flags['flagged']} of {flags['outOf']}"
check(app.find(lambda n: n.name == heading) is not None, f"the table's count is beside the number it is out of ({heading})")
buttons = []
pyatspi.findAllDescendants = getattr(pyatspi, "findAllDescendants", None)
root = app.root()


rows = collect(root, lambda n: (n.name or "").startswith("Open pupil: ") and n.getRoleName() == "push button", [])
check(len(rows) == len(flags["rows"]), f"a row per reason ({len(rows)} rows, the CLI has {len(flags['rows'])})")
check([r.name[len("Open pupil: "):] for r in rows] == [r["name"] for r in flags["rows"]], "in the CLI's order of concern")
reasons = collect(root, lambda n: (n.name or "").startswith("Reason for "), [])
check(sorted(n.name for n in reasons) == sorted(f"Reason for {r['name']}: {r['reason']}" for r in flags["rows"]),
      "each row's reason is the CLI's, in words")
check(not any("flag." in (n.name or "") or "not-assessed" in (n.name or "") for n in reasons), "no rule ids")

gaps = cli("gaps", "--scope", scope, "--year", ctf_trust.YEAR, "--half-term", "autumn1", "--subject", "reading")[0]
click(app.named("Gaps", "page tab") or app.named("Gaps", "toggle button"), settle=1.5)
root = app.root()
shown = {n.name for n in collect(root, lambda n: (n.name or "").startswith("Gap: "), [])}
expected = {f"Gap: {row['name']}, {gaps['groupLabels'][c]}: {gap_words(cell, gaps['minimum'])}"
            for row in gaps["rows"] for c, cell in enumerate(row["cells"])}
check(shown == expected, f"the heat map's table is the CLI's gap table ({len(shown)} cells; missing {sorted(expected - shown)[:2]}, extra {sorted(shown - expected)[:2]})")
check(any("fewer than 2 pupils on one side" in n for n in shown), "cells under the trust's minimum show no figure")
check(any("Year 5" in n for n in shown) and any("Year 6" in n for n in shown), "the mixed-age class's pupils count in their own year groups")

click(app.named("Statutory", "page tab") or app.named("Statutory", "toggle button"), settle=2)
statutory = cli("statutory", "--scope", scope, "--year", ctf_trust.YEAR)
allrow = next(r for r in statutory["summary"]["rows"] if r["group"] == "all pupils")
rwm = next(f for f in allrow["figures"] if f["measure"] == "ks2-rwm-expected")
name = f"Meadow Primary, KS2 reading, writing and maths combined, expected standard, all pupils: {round(rwm['value'])}% of {plural(rwm['n'], 'pupil')}"
check(wait(lambda: app.find(lambda n: n.name == name), 10) is not None, f"statutory RWM as the CLI counts it ({name})")
national = next(f for f in statutory["summary"]["national"] if f["measure"] == "ks2-rwm-expected")
check(app.find(lambda n: n.getRoleName() == "label" and label_text(n) == f"{national['value']:.0f}% ({national['year']})") is not None,
      "beside the national figure with its year")
check(app.find(lambda n: "National figures:" in (label_text(n) or "") and "DfE" in (label_text(n) or "")) is not None, "and its source")

click(app.named("Overview", "page tab") or app.named("Overview", "toggle button"), settle=1)
later = app.named("Show Autumn 2 2026-27", "push button")
check(later is not None, "the current half-term is a click away")
if later is not None:
    activate(later, settle=2)
    now = cli("completeness", "--scope", scope, "--year", ctf_trust.YEAR, "--half-term", "autumn2")
    reading = next(s for s in now["subjects"] if s["subject"] == "reading")
    words = f"Reading: {reading['entered']} of {reading['expected']} entered"
    check(wait(lambda: app.find(lambda n: n.name == words), 10) is not None, f"then it shows Autumn 2: '{words}'")
    check(wait(lambda: app.find(lambda n: n.name.startswith(f"Autumn 2 2026-27: {now['percent']}% entered")), 5) is not None,
          "and says how much of it is entered")

first = wait(lambda: app.find(lambda n: (n.name or "").startswith("Open pupil: ") and n.getRoleName() == "push button"), 10)
if check(first is not None, "a pupil to look at can be opened"):
    who = first.name[len("Open pupil: "):]
    activate(first, settle=2)
    tab = app.tab("Pupil")
    check(tab is not None and tab.getState().contains(pyatspi.STATE_SELECTED), "the row opens the Pupil page")
    facts = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and "born " in (label_text(n) or "")
                                  and (label_text(n) or "").startswith("Year")), 10)
    title = app.find(lambda n: n.getRoleName() == "label" and label_text(n) == who and n.parent.getRoleName() != "push button")
    check(facts is not None and title is not None, f"on {who}")

click(app.tab("Analysis"), settle=1)
# Every chart can be saved and copied: Export… through the save dialog, Copy to the clipboard.
saved = os.path.join(work, "bands.png")
export = app.named("Export Bands per subject", "push button")
if check(export is not None, "the chart has Export…"):
    activate(export, settle=2)
    # The dialog selects the suggested name up to its ".png", as for a person who types a name.
    type_text(saved[:-len(".png")])
    time.sleep(0.5)
    key(0xff0d)
    check(wait(lambda: os.path.exists(saved) and open(saved, "rb").read(8) == b"\x89PNG\r\n\x1a\n", 10),
          "Export… saves the chart as a PNG where the person chose")
    check(wait(lambda: app.find(lambda n: (label_text(n) or "") == f"Chart saved as bands.png in {os.path.basename(work)}"), 5)
          is not None, "and says where in words, not a path")
copy = app.named("Copy Bands per subject", "push button")
if check(copy is not None, "the chart has Copy"):
    activate(copy, settle=1)
    check(wait(lambda: app.find(lambda n: (label_text(n) or "").startswith("Chart copied")), 5) is not None,
          "Copy puts the chart on the clipboard and says so")
activate(app.named("Present the charts", "push button"), settle=2)
place = wait(lambda: app.find(lambda n: n.name.startswith("1 of ") and "arrow keys" in n.name), 10)
check(place is not None, "Present opens the presenter on the first chart")
key(0xff53)  # Right
check(wait(lambda: app.find(lambda n: n.name.startswith("2 of ")), 5) is not None, "Right steps to the next chart")
key(0xff1b)  # Escape
check(wait(lambda: app.find(lambda n: n.name.startswith("2 of ")) is None, 5), "Escape leaves")
app.quit(check)
app.close()
__import__("shutil").rmtree(work, ignore_errors=True)
sys.exit(check.finish())
