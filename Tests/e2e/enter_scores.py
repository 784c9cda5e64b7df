#!/usr/bin/python3
"""End to end: type standardised scores on the Scores page of the real app, close it, and
check through `cohort show side-by-side --json` that they were saved; an out-of-range score
is refused and not saved. Prints `N passed, N failed`."""
import json, sys, time

from driver import App, Checks, click, label_text, type_text, wait

check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"])
side = ["show", "side-by-side", "--class", "oakfield-y3", "--year", "2026-27", "--term", "autumn", "--json"]
pupils = json.loads(app.cli(*side))["pupils"]
tab = app.tab("Scores")
check(tab is not None, "the Scores page is reachable")
click(tab)
first = app.named(f"{pupils[0]['name']}, NFER-style reading, Autumn")
check(wait(lambda: first.getState().contains(__import__("pyatspi").STATE_FOCUSED)), "the first pupil's score box is focused")
for text in ["104\n", "97\n", "150\n"]:
    type_text(text)
    time.sleep(0.2)
refused = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and "outside NFER-style reading's range" in (n.name or "")), 10)
check(refused is not None, "an out-of-range score is refused with the reason")
def saved_score(i):
    return {p["id"]: p for p in json.loads(app.cli(*side))["pupils"]}[pupils[i]["id"]]["subjects"]["reading"].get("score")
# Saved while the app runs (not only when it closes): the folder has the score.
check(wait(lambda: saved_score(1) == 97, 10), "the scores are saved in the folder while the app runs")
app.quit(check)
after = {p["id"]: p for p in json.loads(app.cli(*side))["pupils"]}
got = [after[p["id"]]["subjects"]["reading"].get("score") for p in pupils[:3]]
check(got[0] == 104, f"first pupil's score saved as 104, found {got[0]}")
check(got[1] == 97, f"second pupil's score saved as 97, found {got[1]}")
check(got[2] != 150, "the refused score was not saved")
app.close()
sys.exit(check.finish())
