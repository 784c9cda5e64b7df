#!/usr/bin/python3
"""End to end: actions recorded at one half-term's meeting come up for review at the next
(Alt+Page Down). Ticking a pupil makes an action an intervention that keeps them; a review has
no default outcome (Enter does nothing until one is picked), and the card then says the outcome,
who recorded it and when; an intervention's impact is in words with the rule for "too few".
Prints `N passed, N failed`."""
import json, sys, time

import pyatspi

from driver import App, Checks, activate, click, ctrl, key, label_text, type_text, wait

ACTION = "Phonics catch-up three times a week"
GROUP = "Reading group with the TA"
check = Checks()


def reveal(name, role=None):
    """The widget named `name`, scrolled up into view with the mouse wheel over its pane (GTK 4.8
    refuses grabFocus through the accessibility tree, and a click needs the widget on screen)."""
    node = app.named(name, role)
    frame = app.find(lambda n: n.getRoleName() == "frame")
    fx, fy, fw, fh = frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    for _ in range(12):
        if node is None:
            return None
        x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        if y + h < fy + fh - 60:
            return node
        pyatspi.Registry.generateMouseEvent(x + w // 2, fy + fh // 2, "b5c")
        time.sleep(0.3)
        node = app.named(name, role)
    return node


def press(node):
    """A click on a check or radio button (GTK 4.8 gives them no accessible action)."""
    click(node, settle=0.6)

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


def recorded_actions():
    shown = json.loads(app.cli("meeting", "show", "--class", "oakfield-y3", "--year", "2025-26", "--half-term", "spring1", "--json"))
    return [a for a in shown["actions"] if a["description"] == ACTION]


# Saved while the app runs: the data folder holds it (the status bar said so from the start).
mine = wait(recorded_actions, 10) or []
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
    press(reveal(box.name, "check box") or box)
check(len(ticks) == 2, "two pupils can be ticked")
hint = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (label_text(n) or "").startswith("An intervention for 2 pupils")), 5)
check(hint is not None, "ticking pupils makes the action an intervention, and the form says so")
click(app.named("Action description"))
type_text(GROUP)
click(app.named("Action owner"))
type_text("Mr Khan\n")
check(wait(lambda: app.find(lambda n: n.name == f"Action: {GROUP}"), 10) is not None, "the intervention is recorded")


def group_actions():
    shown = json.loads(app.cli("meeting", "show", "--class", "oakfield-y3", "--year", "2025-26", "--half-term", "spring1", "--json"))
    return [a for a in shown["actions"] if a["description"] == GROUP]


group = wait(group_actions, 10) or []
names = sorted(t[len("Include "):] for t in ticks)
check(group and group[0]["kind"] == "intervention", f"the action with pupils is an intervention ({group and group[0]['kind']})")
check(group and sorted(group[0]["pupilNames"]) == names, f"it keeps the pupils ticked ({group and group[0]['pupilNames']} against {names})")

ctrl(0xff56, 64)  # Alt+Page Down: the next half-term
time.sleep(1)
review = wait(lambda: app.find(lambda n: n.name == f"To review: {ACTION}"), 10)
check(review is not None, "the next half-term's meeting lists the action to review")
status = app.named(f"Review status: {ACTION}")
check(status is not None and "Not reviewed yet" in (label_text(status) or ""), "the card says it is not reviewed yet")
# The agenda is long: the fields are filled through the accessibility tree and the button
# pressed through its action (Enter runs the same code as the button).
app.named(f"What next for {ACTION}").queryEditableText().setTextContents("Back to whole-class phonics")
activate(app.named(f"Record review of {ACTION}", "push button"), settle=1.5)
status = app.named(f"Review status: {ACTION}")
check(status is not None and "Not reviewed yet" in (label_text(status) or ""), "with no outcome picked nothing is recorded")
refused = app.find(lambda n: n.getRoleName() == "label" and "choose the impact" in (label_text(n) or ""))
if not check(refused is not None, "and the window says to choose the outcome"):
    said = app.find(lambda n: n.getRoleName() == "label" and "recorded" in (label_text(n) or "").lower() and "Owner" not in (label_text(n) or ""))
    print("  the window said:", said and label_text(said))
actions = json.loads(app.cli("meeting", "actions", "--school", "oakfield", "--year", "2025-26", "--all", "--json"))
check([a["status"] for a in actions if a["description"] == ACTION] == ["open"], "the action is still open on disk")
radio = reveal(f"Worked: outcome of {ACTION}", "check box")
check(radio is not None, "the outcomes are offered, none picked")
check(radio is not None and not radio.getState().contains(__import__("pyatspi").STATE_CHECKED), "Worked is not picked for the person")
if radio is not None:
    press(radio)
    radio = app.named(f"Worked: outcome of {ACTION}", "check box")
    check(radio.getState().contains(pyatspi.STATE_CHECKED), "a click picks Worked")
activate(app.named(f"Record review of {ACTION}", "push button"), settle=1)
status = wait(lambda: app.find(lambda n: n.name == f"Review status: {ACTION}" and "Worked, recorded by e2e on" in (label_text(n) or "")), 10)
check(status is not None, "after picking, the review is recorded and the card shows the outcome, who and when")


def closed_actions():
    actions = json.loads(app.cli("meeting", "actions", "--school", "oakfield", "--year", "2025-26", "--all", "--json"))
    return [a for a in actions if a["description"] == ACTION and a["status"] == "done"]


done = wait(closed_actions, 10) or []
check(len(done) == 1 and done[0]["status"] == "done" and done[0]["next"] == "Back to whole-class phonics", "the action is closed with what next")
impact = app.named(f"Impact of {GROUP}")
words = (label_text(impact) if impact is not None else "") or ""
check("of 2 moved up" in words or "None of the 2 pupils" in words, f"the intervention's impact is in words about its 2 pupils ({words})")
check("too few pupils to tell" in words.lower(), "two pupils are too few to tell")
rule = app.named(f"How the impact of {GROUP} is judged")
check(rule is not None and "fewer than 5 pupils" in (label_text(rule) or ""), "the rule for too few is stated")
check(app.named(f"Impact chart: {GROUP}") is not None, "a small paired chart sits beside the words")
check("n=" not in words and "mean +" not in words, "no n= or mean steps in the words")
app.quit(check)
app.close()
sys.exit(check.finish())
