#!/usr/bin/python3
"""End to end: the welcome page's other two ways in. "Explore the sample trust" makes the sample
in the desktop's data folder and opens it after "who is at this laptop?"; the next start opens
it straight away. A shared folder opened on a new laptop asks who is there from the trust's
staff. Prints `N passed, N failed`."""
import json, os, shutil, subprocess, sys, tempfile, time

import pyatspi

import driver
from driver import Checks, activate, click, type_text, wait

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
check = Checks()
work = tempfile.mkdtemp(prefix="cohort-welcome-")
os.chmod(work, 0o700)
env = dict(os.environ, COHORT_DEVICE="e2e", XDG_CONFIG_HOME=f"{work}/config", XDG_DATA_HOME=f"{work}/data")
wait(lambda: pyatspi.Registry.getDesktop(0) is not None and True, 10)
time.sleep(0.5)


class Run:
    def __init__(self, *args):
        self.proc = subprocess.Popen([f"{BIN}/cohort-gtk", *args], env=env)

    def root(self):
        return driver.app_root(self.proc.pid)

    def named(self, name, role=None, timeout=20):
        return wait(lambda: driver.find(self.root(), lambda n: n.name == name and (role is None or n.getRoleName() == role)),
                    timeout)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def sample():
    app = Run()
    button = app.named("Explore the sample trust", "push button")
    if check(button is not None, "the welcome page offers the sample trust"):
        click(button)
        name = app.named("Your name", timeout=30)
        if check(name is not None, "the sample is made, then Cohort asks who is at the laptop"):
            click(name)
            type_text("Mr B Jones\n")
        check(app.named("Trust: Sample Learning Trust", timeout=20) is not None, "the sample trust opens")
    app.stop()
    check(os.path.exists(f"{work}/data/cohort/sample-trust/trust.json"), "the sample is in the desktop's data folder")
    again = Run()
    check(again.named("Trust: Sample Learning Trust", timeout=20) is not None, "the next start opens it straight away")
    check(again.named("Your name", timeout=1) is None, "without asking again who is at the laptop")
    again.stop()


def shared():
    data = f"{work}/shared"
    subprocess.check_call([f"{BIN}/cohort", "init", "--data", data, "--trust", "Hillside Trust"], env=env, stdout=subprocess.DEVNULL)
    for who in ("Ms A Patel", "Mr C Obi"):
        subprocess.check_call([f"{BIN}/cohort", "staff", "add", "--data", data, "--name", who, "--by", "setup"], env=env,
                              stdout=subprocess.DEVNULL)
    app = Run("--data", data)
    me = app.named("I am Mr C Obi", "push button")
    if check(me is not None, "a shared trust's first use on this laptop lists its staff"):
        name = app.named("Your name")
        click(name)
        type_text("obi")
        check(wait(lambda: app.named("I am Ms A Patel", timeout=0.2) is None, 5), "typing narrows the list")
        activate(app.named("I am Mr C Obi", "push button"))
        check(app.named("Trust: Hillside Trust", timeout=20) is not None, "picking a name opens the trust")
    app.stop()
    settings = json.load(open(f"{work}/config/cohort/settings.json"))
    check(settings["people"].get("hillside-trust") == "Mr C Obi", "this laptop remembers who uses the shared trust")


try:
    sample()
    shared()
finally:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(check.finish())
