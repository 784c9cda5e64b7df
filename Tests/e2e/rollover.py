#!/usr/bin/python3
"""End to end: start the next academic year in the app (preview per school, then one button);
the new year's classes exist and the old year is read-only. Prints `N passed, N failed`."""
import json, os, sys

from driver import App, Checks, activate, click, label_text, wait

check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"],
          env={"COHORT_TODAY": "2027-07-20"})  # Summer 2: no question first
click(app.named("Data"), settle=0.5)
button = app.named("New academic year")
check(button is not None, "the header's Data menu has a New academic year button")
activate(button, settle=1)
preview = wait(lambda: app.find(lambda n: n.name == "Rollover preview"), 15)
text = (preview and label_text(preview)) or ""
check("Oakfield Primary School: " in text and "Year 6 leaver" in text, "the preview says what happens at each school")
start = app.named("Start 2027-28", "push button")
check(start is not None, "the button names the new year")
if start is not None:
    click(start)
said = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Started 2027-28")), 20)
check(said is not None, "the status says the new year has started")
app.proc.terminate()
app.proc.wait(10)
with open(os.path.join(app.data, "schools", "oakfield", "school.json")) as f:
    school = json.load(f)
check("2027-28" in school["classes"] and school.get("readOnlyYears") == ["2026-27"], "next year's classes exist; 2026-27 is closed")
app.close()
sys.exit(check.finish())
