#!/usr/bin/python3
"""End to end: the grid tells the teacher how far they are and when they are done. Each
subject's heading counts what is entered ("Reading: 5 of 29 entered"); when every cell holds a
code, "Class complete" shows with a button to the next class; the cursor stops at the last
pupil of the last subject, so a key typed past the end changes nothing (and says so); a hint
clears on the next good key; Fill down says how many cells it filled and Undo in its toast
takes them back. Prints `N passed, N failed`."""
import json, sys, time

import pyatspi

from driver import App, Checks, activate, click, ctrl, find, key, label_text, wait

HALF = "Autumn 2"
check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug",
          ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"])
show = ["show", "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json"]
pupils = json.loads(app.cli(*show))["pupils"]
subjects = ["Reading", "Writing", "Maths"]


def named_label(prefix):
    return app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith(prefix))


def chip(name):
    cell = app.find(lambda n: n.name == name)
    label = find(cell, lambda n: n.getRoleName() == "label") if cell else None
    return label_text(label) if label else None


def message():
    """The status bar's message: the label left of "All changes saved"."""
    bar = app.find(lambda n: n.getRoleName() == "label" and n.name in ("All changes saved", "Saving…"))
    parent = bar.parent if bar else None
    return label_text(parent.getChildAtIndex(0)) if parent else None


def toast_undo(toast):
    """The Undo button of the toast whose label is `toast` (libadwaita names it "Undo Undo"),
    found next to the label rather than by walking the whole window."""
    node = toast
    for _ in range(3):
        node = node.parent if node is not None else None
        if node is None:
            return None
        button = find(node, lambda n: (n.name or "").startswith("Undo") and n.getRoleName() == "push button")
        if button is not None:
            return button
    return None


def main():
    first = f"{pupils[0]['name']}, Reading, {HALF}"
    cell = wait(lambda: (lambda c: c if c and c.getState().contains(pyatspi.STATE_FOCUSED) else None)(
        app.find(lambda n: n.name == first)))
    if not check(cell is not None, "the grid opens with its first cell focused"):
        return
    check(named_label(f"Reading: 0 of {len(pupils)} entered") is not None, "Reading's heading counts none entered")
    click(cell)
    for _ in range(5):
        key(ord("g"))
    check(wait(lambda: named_label(f"Reading: 5 of {len(pupils)} entered"), 10) is not None,
          "after five keys Reading's heading says 5 of the class")
    check(label_text(named_label("Reading: 5 of")) == f"5 of {len(pupils)}", "the count shows as '5 of N' under Reading")
    key(ord("x"))
    check(wait(lambda: "is not a code key" in (message() or ""), 5), "a wrong key says which keys are codes")
    key(ord("y"))
    check(wait(lambda: message() == "", 5), "the next good key clears the hint")
    # The rest of the class, then past the end.
    remaining = len(pupils) * len(subjects) - 6
    for _ in range(remaining):
        key(ord("p"))
    last = f"{pupils[-1]['name']}, Maths, {HALF}"
    check(wait(lambda: chip(last) == "P", 15), "the last cell holds the last code typed")
    done = wait(lambda: named_label("Class complete"), 10)
    check(done is not None and "every judgement for Autumn 2 is entered" in (label_text(done) or ""),
          "Class complete shows when every cell is entered")
    check(app.find(lambda n: (n.name or "").startswith("Open the next class") and n.getRoleName() == "push button") is not None,
          "it offers the next class")
    key(ord("y"))
    time.sleep(0.5)
    check(chip(last) == "P", "a key typed past the last cell does not overwrite it")
    check("last pupil of the last subject" in (message() or ""), "and the status bar says why nothing changed")
    focused = app.find(lambda n: n.name == last)
    check(focused is not None and focused.getState().contains(pyatspi.STATE_FOCUSED), "the cursor stays on the last cell")
    check(named_label(f"Maths: {len(pupils)} of {len(pupils)} entered") is not None, "Maths counts the whole class")
    # Clear Reading's last five, then fill them down from the one above, and undo it from the toast.
    ctrl(0xff50)  # Ctrl+Home: the first cell
    for _ in range(len(pupils) - 5):
        key(0xff54)  # Down
    for _ in range(5):
        key(0xffff)  # Delete
        key(0xff54)
    check(wait(lambda: named_label(f"Reading: {len(pupils) - 5} of {len(pupils)} entered"), 10) is not None,
          "Delete empties cells and the count falls")
    check(named_label("Class complete") is None or not named_label("Class complete").getState().contains(pyatspi.STATE_SHOWING),
          "Class complete goes when a cell is emptied")
    for _ in range(6):
        key(0xff52)  # Up to the last filled cell
    fill = app.named("Fill down", "push button")
    activate(fill, settle=0.8)
    check(wait(lambda: named_label(f"Reading: {len(pupils)} of {len(pupils)} entered"), 10) is not None,
          "Fill down fills the five empty cells")
    toast = wait(lambda: app.find(lambda n: (n.name or "").startswith("Filled 5 cells")), 5)
    check(toast is not None, "a toast says how many cells Fill down changed")
    undo = toast and wait(lambda: toast_undo(toast), 5)
    bar_undo = app.find(lambda n: n.name == "Undo" and n.getRoleName() == "push button")
    check(undo is not None and bar_undo is not None and undo.queryComponent().getExtents(0) != bar_undo.queryComponent().getExtents(0),
          "the toast has an Undo button of its own")
    if undo is not None:
        activate(undo, settle=0.8)
        check(wait(lambda: named_label(f"Reading: {len(pupils) - 5} of {len(pupils)} entered"), 10) is not None,
              "Undo in the toast empties the five cells again")
    app.quit(check)
    saved = {p["id"]: p["judgements"] for p in json.loads(app.cli(*show))["pupils"]}
    check(saved[pupils[-1]["id"]].get("maths") == "P", "the last cell was saved as typed, not overwritten")
    check(sum(1 for p in pupils if "reading" in saved[p["id"]]) == len(pupils) - 5, "the undone fill was saved undone")


main()
app.close()
sys.exit(check.finish())
