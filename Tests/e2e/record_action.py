#!/usr/bin/python3
"""End to end: an action recorded at one half-term's meeting comes up for review at the next
(Alt+Page Down), and the review is saved. Prints `N passed, N failed`."""
import json, sys, time

from driver import App, Checks, click, ctrl, key, label_text, type_text, wait

ACTION = "Phonics catch-up three times a week"
check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--class", "oakfield-y3", "--year", "2025-26", "--half-term", "spring1"])
click(app.tab("Meetings"), settle=1)
description = app.named("Action description")
check(description is not None, "the Meetings page shows the action form")
click(description)
type_text(ACTION)
click(app.named("Action owner"))
type_text("Ms Robinson\n")
recorded = wait(lambda: app.find(lambda n: n.name == f"Action: {ACTION}"), 10)
check(recorded is not None, "Enter records the action and lists it under the actions decided")
check(wait(lambda: app.find(lambda n: n.name == "All changes saved"), 10) is not None, "the action is saved")
shown = json.loads(app.cli("meeting", "show", "--class", "oakfield-y3", "--year", "2025-26", "--half-term", "spring1", "--json"))
mine = [a for a in shown["actions"] if a["description"] == ACTION]
check(len(mine) == 1, "the data folder holds the action")
check(mine and mine[0]["owner"] == "Ms Robinson" and mine[0]["due"] == "2025-26 Spring 2", "with its owner and the next half-term as due")

ctrl(0xff56, 64)  # Alt+Page Down: the next half-term
time.sleep(1)
review = wait(lambda: app.find(lambda n: n.name == f"To review: {ACTION}"), 10)
check(review is not None, "the next half-term's meeting lists the action to review")
click(app.named(f"What next for {ACTION}"))
type_text("Back to whole-class phonics\n")
status = wait(lambda: app.find(lambda n: n.name == f"Review status: {ACTION}" and "Worked" in (label_text(n) or "")), 10)
check(status is not None, "recording the review shows the verdict")
check(wait(lambda: app.find(lambda n: n.name == "All changes saved"), 10) is not None, "the review is saved")
actions = json.loads(app.cli("meeting", "actions", "--school", "oakfield", "--year", "2025-26", "--all", "--json"))
done = [a for a in actions if a["description"] == ACTION]
check(len(done) == 1 and done[0]["status"] == "done" and done[0]["next"] == "Back to whole-class phonics", "the action is closed with what next")
app.quit(check)
app.close()
sys.exit(check.finish())
