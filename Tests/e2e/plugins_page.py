#!/usr/bin/python3
"""The app finds a compiled plugin from the user's plugin folder: opens Plugins and looks for
its row, by the plugin's name, through the accessibility tree.
Usage: plugins_page.py BIN_DIR PLUGIN_ID PLUGIN_NAME"""
import sys

import pyatspi

from driver import App, Checks, activate, click, find, wait

BIN, PLUGIN, NAME = sys.argv[1:4]
check = Checks()


def row_titled(title):
    """The Plugins window's row whose title is `title` (the label's nearest row above it)."""
    window = app.find(lambda n: n.getRoleName() == "frame" and n.name == "Plugins")
    label = window and find(window, lambda n: n.getRoleName() == "label" and n.name == title)
    while label is not None and label.getRoleName() not in ("list item", "row"):
        label = label.parent
    return label


app = App(BIN)
menu = app.named("Main menu")
if menu:
    click(menu, settle=0.5)
button = app.named("Plugins", "push button")
check(button is not None, "the main menu has a Plugins button")
if button:
    activate(button, settle=1)
    row = wait(lambda: row_titled(NAME))
    check(row is not None, f"the Plugins window lists {PLUGIN} by its name, {NAME!r}")
    check(app.find(lambda n: PLUGIN in (n.name or "") or PLUGIN in (n.description or "")) is None,
          f"nothing in the window says its id, {PLUGIN}")
    on = row and find(row, lambda n: n.getRoleName() == "check box")
    check(on is not None and on.getState().contains(pyatspi.STATE_CHECKED), f"{PLUGIN} is switched on")
    page = wait(lambda: row_titled("Judgements"), 5)
    check(page is not None, "the pages are listed as plugins too")
# The example's action is a button in the header bar; what it says shows in a toast.
count = app.named("Count codes", "push button")
if check(count is not None, "the example plugin's action is a button in the header bar"):
    activate(count, settle=1)
    said = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and " codes entered at " in (n.name or "")), 10)
    check(said is not None, "running it shows what it found in a toast")
app.close()
sys.exit(check.finish())
