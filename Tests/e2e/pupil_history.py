#!/usr/bin/python3
"""End to end: a code typed in the grid shows in the chosen pupil's history on the Pupil page
(read back from the journal). Prints `N passed, N failed`."""
import json, sys, time

from driver import App, Checks, click, key, label_text, type_text, wait

check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"])
first = app.find(lambda n: (n.name or "").endswith(", Reading, Autumn 2")) or wait(
    lambda: app.find(lambda n: (n.name or "").endswith(", Reading, Autumn 2")))
check(first is not None, "the grid is shown")
click(first)
type_text("p")
key(0xff52)  # Up: back to the pupil just entered, who becomes the chosen pupil
# Saved while the app runs (not only when it closes): the folder has the code.
check(wait(lambda: json.loads(app.cli("show", "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json"))["pupils"][0]["judgements"].get("reading") == "P", 10),
      "the code is saved in the folder while the app runs")
click(app.tab("Pupil"), settle=1)
history = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and "e2e" in (n.name or "") and "→ P" in (n.name or "")), 10)
check(history is not None, "the Pupil page's history shows the change, who made it and on which device")
grid = wait(lambda: app.find(lambda n: n.name == "Judgements over time"), 5)
check(grid is not None, "the Pupil page shows the judgements over time")
app.close()
sys.exit(check.finish())
