#!/usr/bin/python3
"""End to end: import a scores CSV in the app (file chooser, preview, apply). The preview names
the rows that will not import; only the good row is imported. Prints `N passed, N failed`."""
import json, os, sys, time

from driver import App, Checks, click, key, label_text, type_text, wait

check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"])
side = ["show", "side-by-side", "--class", "oakfield-y3", "--year", "2026-27", "--term", "autumn", "--json"]
grid = json.loads(app.cli("show", "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json"))["pupils"]
csv = os.path.join(app.work, "scores.csv")
with open(csv, "w") as f:
    f.write(f"UPN,Standardised score\n{grid[0]['upn']},111\n{grid[1]['upn']},160\nA123,100\n")
click(app.tab("Scores"))
button = app.named("Import scores…")
check(button is not None, "the Scores page has an Import button")
click(button, settle=1.5)
type_text(csv)  # the file chooser takes a typed path
time.sleep(0.5)
key(0xff0d)
preview = wait(lambda: app.find(lambda n: n.name == "Import preview"), 15)
check(preview is not None, "a preview opens before anything changes")
text = label_text(preview) or ""
check("Line 3 of the file will not import" in text and "160 is outside" in text, "the preview names the out-of-range row")
check("no pupil with UPN A123" in text, "the preview names the unknown pupil")
apply = wait(lambda: app.find(lambda n: (n.name or "").startswith("Import the 1 good row")))
check(apply is not None, "the button says only the good rows will import")
if apply is not None:
    click(apply)
said = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Imported 1 change")), 10)
check(said is not None, "the status says what was imported")
app.proc.terminate()
app.proc.wait(10)
after = {p["id"]: p for p in json.loads(app.cli(*side))["pupils"]}
check(after[grid[0]["id"]]["subjects"]["reading"].get("score") == 111, "the good row was imported")
check(after[grid[1]["id"]]["subjects"]["reading"].get("score") is None, "the bad row was not")
app.close()
sys.exit(check.finish())
