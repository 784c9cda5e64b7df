"""What the Syncthing tests share: checks counted into `N passed, N failed`, commands run in
a private network namespace that has only a loopback interface, and Syncthing's options with
every way out of this machine switched off."""
import json, os, shutil, subprocess

passed = failed = 0


def check(ok, what):
    global passed, failed
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    if not ok:
        print("FAIL:", what)
    return ok


def run(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, text=True, **kw).stdout


class Namespace:
    def __init__(self, name):
        self.name = name
        run("ip", "netns", "add", name)
        run(*self.cmd("ip", "link", "set", "lo", "up"))

    def cmd(self, *args):
        return ["ip", "netns", "exec", self.name, *args]

    def api(self, port, key, path):
        out = run(*self.cmd("curl", "-s", "-H", f"X-API-Key: {key}", f"http://127.0.0.1:{port}{path}"))
        return json.loads(out) if out.strip() else None

    def close(self):
        subprocess.run(["ip", "netns", "del", self.name], capture_output=True)


def options(listen_port):
    """Loopback only: no discovery, relays, NAT traversal, usage reports or upgrades."""
    return f"""<options>
    <listenAddress>tcp://127.0.0.1:{listen_port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled><localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled><natEnabled>false</natEnabled><urAccepted>-1</urAccepted><urSeen>3</urSeen>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH><crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser><reconnectionIntervalS>1</reconnectionIntervalS>
  </options>"""


def summary():
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def clean_up(procs, ns, work):
    """Stops the Syncthing instances, removes the namespace and the test's folders."""
    for p in procs:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
    if ns:
        ns.close()
    shutil.rmtree(work, ignore_errors=True)
