#!/usr/bin/python3
"""The app finds a compiled plugin from the user's plugin folder: opens Plugins and looks for
its row through the accessibility tree. Usage: plugins_page.py BIN_DIR PLUGIN_ID"""
import sys

import pyatspi

from driver import App, Checks, activate, click, find, wait

BIN, PLUGIN = sys.argv[1], sys.argv[2]
check = Checks()
app = App(BIN)
menu = app.named("Main menu")
if menu:
    click(menu, settle=0.5)
button = app.named("Plugins", "push button")
check(button is not None, "the main menu has a Plugins button")
if button:
    activate(button, settle=1)
    row = wait(lambda: app.find(lambda n: n.description == f"Plugin {PLUGIN}"))
    check(row is not None and PLUGIN not in (row.name or ""), f"the Plugins window lists {PLUGIN} by its name, not its id")
    on = row and find(row, lambda n: n.getRoleName() == "check box")
    check(on is not None and on.getState().contains(pyatspi.STATE_CHECKED), f"{PLUGIN} is switched on")
    page = wait(lambda: app.find(lambda n: n.description == "Plugin page.judgements"), 5)
    check(page is not None, "the pages are listed as plugins too")
app.close()
sys.exit(check.finish())
