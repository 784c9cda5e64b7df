#!/usr/bin/python3
"""The app finds a compiled plugin from the user's plugin folder: opens Plugins and looks for
its row through the accessibility tree. Usage: plugins_page.py BIN_DIR PLUGIN_ID"""
import sys

from driver import App, Checks, activate, click, wait

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
    row = wait(lambda: app.find(lambda n: (n.name or "").startswith(PLUGIN + " ") and "active" in n.name))
    check(row is not None, f"the Plugins window lists {PLUGIN} as active")
    page = wait(lambda: app.find(lambda n: (n.name or "").startswith("page.judgements ")), 5)
    check(page is not None, "the pages are listed as plugins too")
app.close()
sys.exit(check.finish())
