#!/usr/bin/python3
"""End to end: a trust's first day in the app, from nothing. The app starts with no data (fresh
XDG_CONFIG_HOME and XDG_DATA_HOME), a trust is made on the welcome page, the person at the
laptop says who they are, a CTF from the MIS brings the pupils and makes the school, two classes
of one year group are added in Trust settings, the pupils are placed with "Place in…", one
class's codes are typed in the grid, and `cohort show --json` reads them back. Prints the
clicks, keys and seconds the path took, and `N passed, N failed`.

With FIRST_DAY_SHOTS=DIR it also saves a PNG of each step there (docs/getting-started.md's,
and `make screenshots`); GTK_THEME=Adwaita:dark shows the dark style."""
import datetime, json, os, re, shutil, subprocess, sys, tempfile, time

import pyatspi

import driver
from driver import Checks, label_text, wait

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
TRUST, PERSON, SCHOOL = "Riverside Learning Trust", "Ms A Patel", "Riverside Primary School"
check = Checks()
count = {"clicks": 0}


def click(node, settle=0.3):
    if node is None:
        raise RuntimeError("nothing to click")
    count["clicks"] += 1
    driver.click(node, settle)


def choose(node, settle=0.6):
    """An item of an open menu: pressed through its accessible action, since GTK 4.8 gives a
    popover's extents in the popover's own coordinates. Counted as the click a person makes."""
    if node is None:
        raise RuntimeError("no menu item")
    count["clicks"] += 1
    driver.activate(node, settle)


SHOTS = os.environ.get("FIRST_DAY_SHOTS")


def shot(name, title=None):
    """A PNG of the window of that title (the whole screen when None), when asked for."""
    if not SHOTS:
        return
    time.sleep(0.6)
    target = "root"
    if title:
        tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
        ids = re.findall(r"^\s*(0x[0-9a-f]+) \"" + re.escape(title) + r"\"", tree, re.M)
        target = ids[-1] if ids else "root"
    subprocess.run(["import", "-window", target, os.path.join(SHOTS, name + ".png")], check=True)


def type_text(text):
    driver.type_text(text)


def key(sym):
    driver.key(sym)


def upn(la, estab, year, serial):
    rest = f"{la}{estab}{year:02d}{serial:03d}"
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    return letters[sum(int(c) * (i + 2) for i, c in enumerate(rest)) % 23] + rest


def write_ctf(path, start):
    """Six Year 3 pupils, as an MIS exports them (DfE's CTF: Header, SourceSchool, CTFpupilData)."""
    names = [("Amira", "Begum", "F"), ("Ben", "Carter", "M"), ("Chloe", "Davies", "F"),
             ("Dev", "Evans", "M"), ("Ella", "Fisher", "F"), ("Finn", "Green", "M")]
    born = [f"{start - 8}-09-14", f"{start - 8}-11-02", f"{start - 7}-01-20",
            f"{start - 7}-03-08", f"{start - 7}-05-30", f"{start - 7}-08-11"]
    pupils = "".join(
        f"<Pupil><UPN>{upn('873', '2001', (start - 7) % 100, i + 1)}</UPN><Surname>{s}</Surname><Forename>{f}</Forename>"
        f"<DOB>{born[i]}</DOB><Gender>{g}</Gender><BasicDetails><NCyearActual>3</NCyearActual></BasicDetails></Pupil>\n"
        for i, (f, s, g) in enumerate(names))
    with open(path, "w") as out:
        out.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>{min(start - 2000, 26)}.0</CTFversion>
<DateTime>{start}-10-01T09:00:00</DateTime><DocumentQualifier>full</DocumentQualifier><SupplierID>SIMS</SupplierID>
<SourceSchool><LEA>873</LEA><Estab>2001</Estab><URN>123456</URN><SchoolName>{SCHOOL}</SchoolName>
<AcademicYear>{start}</AcademicYear></SourceSchool><DestSchool><LEA>XXX</LEA><Estab>XXXX</Estab></DestSchool></Header>
<CTFpupilData>
{pupils}</CTFpupilData></CTfile>
""")
    return [f"{f} {s}" for f, s, _ in names]


work = tempfile.mkdtemp(prefix="cohort-first-day-")
os.chmod(work, 0o700)
env = dict(os.environ, COHORT_DEVICE="e2e", XDG_CONFIG_HOME=f"{work}/config", XDG_DATA_HOME=f"{work}/data",
           TMPDIR=f"{work}/tmp")
os.mkdir(f"{work}/tmp")
today = datetime.date.today()
start = today.year if today.month >= 9 else today.year - 1
ctf = f"{work}/riverside.xml"
pupils = write_ctf(ctf, start)
wait(lambda: pyatspi.Registry.getDesktop(0) is not None and True, 10)
time.sleep(0.5)
began = time.time()
proc = subprocess.Popen([f"{BIN}/cohort-gtk"], env=env, stderr=subprocess.PIPE)


def root():
    return driver.app_root(proc.pid)


def named(name, role=None, timeout=20):
    return wait(lambda: driver.find(root(), lambda n: n.name == name and (role is None or n.getRoleName() == role)), timeout)


def showing(name, role=None, timeout=20):
    """The widget of that name (GTK 4.8 reports no on-screen state; a redrawn part leaves none of
    its old widgets behind, so names are unique)."""
    node = named(name, role, timeout)
    check(node is not None, f"there is a {name!r}")
    return node


def enter(name, text):
    field = showing(name)
    if check(field is not None, f"the {name} field is there"):
        click(field)
        type_text(text)
    return field


def new_trust():
    start_button = named("Start a new trust", "push button")
    if not check(start_button is not None, "with no data folder the app opens on the welcome page"):
        return False
    check(named("Explore the sample trust") is not None and named("Open a data folder") is not None,
          "the welcome page also offers a shared folder and the sample")
    shot("welcome", "Welcome to Cohort")
    click(start_button)
    enter("Trust's name", TRUST)
    check(named("Codes of Yellow / Green / Purple") is not None, "the form shows each code scheme's codes")
    shot("new-trust", "Welcome to Cohort")
    click(showing("Next"))
    enter("Your name", PERSON)
    shot("who", "Welcome to Cohort")
    click(showing("Create the trust"))
    step = named("Add a school or import a CTF", "label")
    shot("no-school", f"Cohort: {TRUST}")
    return check(step is not None, "the new trust's window says what to do next")


def import_ctf():
    click(showing("Import pupils from a CTF"), settle=1.5)
    type_text(ctf)
    time.sleep(0.5)
    key(0xff0d)
    preview = wait(lambda: driver.find(root(), lambda n: n.name == "Import preview"), 15)
    text = (preview and label_text(preview)) or ""
    check(SCHOOL in text, f"the preview says the school will be made from the header: {text[:300]!r}")
    apply = wait(lambda: driver.find(root(), lambda n: (n.name or "").startswith("Import ") and n.getRoleName() == "push button"
                                     and "change" in (n.name or "")), 15)
    if check(apply is not None, "the preview has an import button"):
        shot("import-preview", "Pupils from a Common Transfer File (CTF): riverside.xml")
        click(apply, settle=1)
    ok = check(named("Add the classes for " + f"{start}-{(start + 1) % 100:02d}", "label", 15) is not None,
               "after the import the window says to add the classes")
    shot("no-classes", f"Cohort: {TRUST}")
    return ok


def add_classes():
    click(showing("Open Classes in Trust settings"), settle=1)
    for name in ("Willow", "Oak"):
        enter("New class's name", name)
        click(showing("Year 3, new class"))
        click(showing("Add class"), settle=0.6)
        said = wait(lambda: driver.find(root(), lambda n: n.getRoleName() == "label"
                                        and (label_text(n) or "").startswith(f"Added {name} (Y3)")), 10)
        check(said is not None, f"the settings window says {name} was added")
    # A refusal is one line and changes nothing: a class needs a year group. (Not part of the
    # path a person takes, so not counted.)
    driver.click(showing("New class's name"))
    driver.type_text("Ash")
    driver.click(showing("Add class"), settle=0.6)
    refused = wait(lambda: driver.find(root(), lambda n: n.getRoleName() == "label"
                                       and (label_text(n) or "").startswith("Tick the class's year group")), 10)
    check(refused is not None, "a class with no year group is refused in one line")
    # Under the Classes page only: each page has its own message line, the others stay clear.
    said = driver.find_all(root(), lambda n: n.getRoleName() == "label"
                           and (label_text(n) or "").startswith("Tick the class's year group"))
    check(len(said) == 1, f"the refusal shows under the Classes page only (on {len(said)} pages)")
    shot("settings-classes", f"Trust settings: {TRUST}")
    for part in ("Schools", "Staff", "Subjects", "Codes", "Term dates"):
        if SHOTS:
            driver.click(showing(part, "page tab"), 0.5)
            shot("settings-" + part.lower().replace(" ", "-"), f"Trust settings: {TRUST}")
    # Escape closes Trust settings (a preferences window: its Close is in its header); while the
    # last change's toast shows, the first Escape dismisses the toast, as in any GNOME app.
    for _ in range(2):
        driver.key(0xff1b)
        closed = wait(lambda: driver.find(root(), lambda n: n.getRoleName() == "frame"
                                          and (n.name or "").startswith("Trust settings")) is None, 3)
        if closed:
            break
    check(closed, "Escape closes Trust settings")


def place_pupils(half):
    # Willow's grid open behind the list: it shows each pupil as they are placed in it.
    click(showing(f"Open Willow, {SCHOOL}"), settle=1)
    check(wait(lambda: driver.find(root(), lambda n: (label_text(n) or "").startswith("No pupils in Willow yet"))) is not None,
          "an empty class's grid says how to fill it")
    banner = showing("Place pupils in classes", "push button")
    if not check(banner is not None, "the window shows the pupils not in a class"):
        return
    shot("banner", f"Cohort: {TRUST}")
    click(banner, settle=1)
    for i, p in enumerate(pupils):
        into = "Willow" if i < 3 else "Oak"
        menu = showing(f"Place {p} in")
        if not check(menu is not None, f"{p} has a Place in… button"):
            continue
        click(menu, settle=0.5)
        item = showing(f"Place {p} in {into}")
        if i == 0:
            shot("place-in")
        if check(item is not None, f"Place in… lists {into}"):
            choose(item)
        if i == 0:
            cell = wait(lambda: driver.find(root(), lambda n: n.name == f"{p}, Reading, {half}"), 10)
            check(cell is not None, "the open grid of the class shows the pupil just placed")
    done = wait(lambda: driver.find(root(), lambda n: (label_text(n) or "").startswith("Every pupil at")), 10)
    check(done is not None, "the list says every pupil is in a class")
    click(showing("Close the pupils not in a class"), settle=0.5)


def type_codes(year_text, half):
    first = f"{pupils[0]}, Reading, {half}"
    cell = wait(lambda: (lambda c: c if c is not None and c.getState().contains(pyatspi.STATE_FOCUSED) else None)(
        driver.find(root(), lambda n: n.name == first)), 5)
    if cell is None:  # the window may not have the keyboard yet after the list closed
        click(named(first))
        cell = named(first)
    if not check(cell is not None, f"Willow's grid opens on {half}, today's half-term, with the first cell focused"):
        return {}
    check(driver.find(root(), lambda n: (n.name or "").startswith(pupils[3])) is None, "Oak's pupils are not in Willow's grid")
    save = driver.SaveState(named)
    expected = {}
    codes = "gygpgyygp"
    for c, subject in enumerate(["reading", "writing", "maths"]):
        for r in range(3):
            code = codes[c * 3 + r]
            expected[(pupils[r], subject)] = code.upper()
            key(ord(code))
    check(save.saved(), f"the status bar says Saving… and then All changes saved (saw {save.seen})")
    shot("grid", f"Cohort: {TRUST}")
    return expected


def main():
    if not new_trust():
        return
    # The half-term today falls in by the trust's own term dates (saved with the new trust).
    year_text = f"{start}-{(start + 1) % 100:02d}"
    data = f"{work}/data/cohort/riverside-learning-trust"
    terms = json.loads(subprocess.check_output([f"{BIN}/cohort", "terms", "show", "--data", data, "--year", year_text,
                                                "--json"], env=env))["halfTerms"]
    half_id = [t["halfTerm"] for t in terms if t["starts"] <= today.isoformat()][-1:] or ["autumn1"]
    half = {"autumn1": "Autumn 1", "autumn2": "Autumn 2", "spring1": "Spring 1", "spring2": "Spring 2",
            "summer1": "Summer 1", "summer2": "Summer 2"}[half_id[0]]
    picker = named("Half-term", "combo box")
    check(picker is not None, "the header has the half-term picker")
    if not import_ctf():
        return
    add_classes()
    place_pupils(half)
    expected = type_codes(year_text, half)
    seconds = time.time() - began
    check(os.path.exists(f"{data}/trust.json"), "the trust is in the desktop's data folder, in a folder named after it")
    settings = json.load(open(f"{work}/config/cohort/settings.json"))
    check(settings.get("people", {}).get("riverside-learning-trust") == PERSON, "this laptop remembers who uses the trust")
    school = json.load(open(f"{data}/trust.json"))["schools"][0]
    willow = next(c for c in json.load(open(f"{data}/schools/{school['id']}/school.json"))["classes"][year_text] if c["name"] == "Willow")
    show = json.loads(subprocess.check_output([f"{BIN}/cohort", "show", "--data", data, "--class", willow["id"], "--year", year_text,
                                               "--half-term", half.lower().replace(" ", ""), "--json"], env=env))
    got = {(p["name"], s): c for p in show["pupils"] for s, c in p["judgements"].items()}
    for k, code in expected.items():
        check(got.get(k) == code, f"{k} saved as {code}, found {got.get(k)}")
    check(len(show["pupils"]) == 3, f"Willow has the three pupils placed in it ({len(show['pupils'])})")
    lines = [json.loads(line) for p, _, files in os.walk(data) for n in files if n.endswith(".jsonl")
             for line in open(os.path.join(p, n)) if line.strip()]
    authors = {e["by"] for e in lines}
    check(lines and authors == {PERSON}, f"every change records the person's name, not the login name ({authors})")
    print(f"first day: {count['clicks']} clicks, {driver.keys_sent} keys, {seconds:.1f} s from launch to the saved codes")


try:
    main()
except RuntimeError as e:
    check(False, f"stopped: {e}")
    if os.environ.get("FIRST_DAY_SHOT"):
        subprocess.run(["import", "-window", "root", os.environ["FIRST_DAY_SHOT"]])
finally:
    if proc.poll() is None:
        proc.terminate()
        proc.wait(10)
    err = proc.stderr.read().decode()
    check(not [p for p in pupils if p.split()[1] in err], "no pupil names on stderr")
    shutil.rmtree(work, ignore_errors=True)
sys.exit(check.finish())
