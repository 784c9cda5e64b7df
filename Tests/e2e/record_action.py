#!/usr/bin/python3
"""End to end: actions recorded at one half-term's meeting come up for review at the next
(Alt+Page Down). Ticking a pupil makes an action an intervention that keeps them; a review has
no default outcome (Enter does nothing until one is picked), and the card then says the outcome,
who recorded it and when; an intervention's impact is in words with the rule for "too few".
Prints `N passed, N failed`."""
import json, sys, time

from driver import App, Checks, activate, click, ctrl, label_text, type_text, wait

ACTION = "Phonics catch-up three times a week"
GROUP = "Reading group with the TA"
check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--class", "oakfield-y3", "--year", "2025-26", "--half-term", "spring1"])
click(app.named("Meetings", "page tab"), settle=1)
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
check(mine and mine[0]["kind"] == "teaching" and mine[0]["pupils"] == [], "a whole-class action names no pupils")

# Ticking pupils while the kind is "Future teaching" makes the action an intervention.
ticks = []
for _ in range(2):
    box = wait(lambda: app.find(lambda n: (n.name or "").startswith("Include ") and n.getRoleName() == "check box"
                                and n.name not in ticks and not n.getState().contains(__import__("pyatspi").STATE_CHECKED)), 10)
    if box is None:
        break
    ticks.append(box.name)
    activate(box)
check(len(ticks) == 2, "two pupils can be ticked")
hint = wait(lambda: app.find(lambda n: n.name == "About the pupils" and "An intervention for 2 pupils" in (label_text(n) or "")), 5)
check(hint is not None, "ticking pupils makes the action an intervention, and the form says so")
click(app.named("Action description"))
type_text(GROUP)
click(app.named("Action owner"))
type_text("Mr Khan\n")
check(wait(lambda: app.find(lambda n: n.name == f"Action: {GROUP}"), 10) is not None, "the intervention is recorded")
check(wait(lambda: app.find(lambda n: n.name == "All changes saved"), 10) is not None, "and saved")
shown = json.loads(app.cli("meeting", "show", "--class", "oakfield-y3", "--year", "2025-26", "--half-term", "spring1", "--json"))
group = [a for a in shown["actions"] if a["description"] == GROUP]
names = sorted(t[len("Include "):] for t in ticks)
check(group and group[0]["kind"] == "intervention", f"the action with pupils is an intervention ({group and group[0]['kind']})")
check(group and sorted(group[0]["pupilNames"]) == names, f"it keeps the pupils ticked ({group and group[0]['pupilNames']} against {names})")

ctrl(0xff56, 64)  # Alt+Page Down: the next half-term
time.sleep(1)
review = wait(lambda: app.find(lambda n: n.name == f"To review: {ACTION}"), 10)
check(review is not None, "the next half-term's meeting lists the action to review")
status = app.named(f"Review status: {ACTION}")
check(status is not None and "Not reviewed yet" in (label_text(status) or ""), "the card says it is not reviewed yet")
click(app.named(f"What next for {ACTION}"))
type_text("Back to whole-class phonics\n")
time.sleep(1.5)
status = app.named(f"Review status: {ACTION}")
check(status is not None and "Not reviewed yet" in (label_text(status) or ""), "Enter with no outcome picked records nothing")
refused = app.find(lambda n: n.getRoleName() == "label" and "choose the impact" in (label_text(n) or ""))
check(refused is not None, "and the window says to choose the outcome")
actions = json.loads(app.cli("meeting", "actions", "--school", "oakfield", "--year", "2025-26", "--all", "--json"))
check([a["status"] for a in actions if a["description"] == ACTION] == ["open"], "the action is still open on disk")
radio = app.named(f"Worked: outcome of {ACTION}", "radio button")
check(radio is not None, "the outcomes are offered, none picked")
check(radio is not None and not radio.getState().contains(__import__("pyatspi").STATE_CHECKED), "Worked is not picked for the person")
if radio is not None:
    activate(radio)
click(app.named(f"What next for {ACTION}"))
key_enter = type_text("\n")
status = wait(lambda: app.find(lambda n: n.name == f"Review status: {ACTION}" and "Worked, recorded by e2e on" in (label_text(n) or "")), 10)
check(status is not None, "after picking, Enter records the review and the card shows the outcome, who and when")
check(wait(lambda: app.find(lambda n: n.name == "All changes saved"), 10) is not None, "the review is saved")
actions = json.loads(app.cli("meeting", "actions", "--school", "oakfield", "--year", "2025-26", "--all", "--json"))
done = [a for a in actions if a["description"] == ACTION]
check(len(done) == 1 and done[0]["status"] == "done" and done[0]["next"] == "Back to whole-class phonics", "the action is closed with what next")
impact = app.named(f"Impact of {GROUP}")
words = label_text(impact) or ""
check("of 2 moved up" in words or "None of the 2 pupils" in words, f"the intervention's impact is in words about its 2 pupils ({words})")
check("too few pupils to tell" in words.lower(), "two pupils are too few to tell")
rule = app.named(f"How the impact of {GROUP} is judged")
check(rule is not None and "fewer than 5 pupils" in (label_text(rule) or ""), "the rule for too few is stated")
check(app.named(f"Impact chart: {GROUP}") is not None, "a small paired chart sits beside the words")
check("n=" not in words and "mean +" not in words, "no n= or mean steps in the words")
app.quit(check)
app.close()
sys.exit(check.finish())
