#!/usr/bin/python3
"""End to end: import a Common Transfer File in the app (header button, file chooser, preview,
apply); the pupil's statutory results then show on the Pupil page, read through DfE's table. The
pupil has BasicDetails, as an MIS's CTF does (one without is a results-only file: no leavers). Prints `N passed, N failed`."""
import json, os, sys, time

from driver import App, Checks, activate, click, key, label_text, type_text, wait

check = Checks()
app = App(sys.argv[1] if len(sys.argv) > 1 else ".build/debug", ["--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2"])
grid = json.loads(app.cli("show", "--class", "oakfield-y3", "--year", "2026-27", "--half-term", "autumn2", "--json"))["pupils"]
with open(os.path.join(app.data, "schools", "oakfield", "pupils.json")) as f:
    pupil = next(p for p in json.load(f)["pupils"] if p["id"] == grid[0]["id"])
ctf = os.path.join(app.work, "from-mis.xml")
with open(ctf, "w") as f:
    f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<CTfile><Header><CTFversion>24.0</CTFversion><SourceSchool><SchoolName>Oakfield</SchoolName></SourceSchool></Header>
<CTFpupilData><Pupil><UPN>{pupil['upn']}</UPN><Surname>{pupil['surname']}</Surname><Forename>{pupil['forename']}</Forename>
<DOB>{pupil['dob']}</DOB><BasicDetails><Ethnicity>{pupil['ethnicity']}</Ethnicity></BasicDetails><StageAssessments><KeyStage><Stage>KS1</Stage><StageAssessment><Year>2025</Year><Subject>PHO</Subject>
<Method>TT</Method><Result>35</Result></StageAssessment></KeyStage></StageAssessments></Pupil></CTFpupilData></CTfile>
""")
first = wait(lambda: app.find(lambda n: (n.name or "") == f"{grid[0]['name']}, Reading, Autumn 2"))
check(first is not None, "the grid is shown")
click(app.named("Data"), settle=0.5)
button = app.named("Import pupils")
check(button is not None, "the header's Data menu has an Import pupils button")
activate(button, settle=1.5)
type_text(ctf)  # the file chooser takes a typed path
time.sleep(0.5)
key(0xff0d)
preview = wait(lambda: app.find(lambda n: n.name == "Import preview"), 15)
check(preview is not None, "a preview opens before anything changes")
text = label_text(preview) or ""
check("CTF version 24.0 from Oakfield" in text and "statutory results (1)" in text, "the preview says what the CTF brings")
offer = wait(lambda: app.find(lambda n: (n.name or "").startswith("Mark the ") and n.getRoleName() == "check box"))
check(offer is not None, "the preview offers to mark the pupils not in the file as left")
if offer is not None:
    click(offer)
    leavers = wait(lambda: app.find(lambda n: n.name == "Import preview" and "leaver: " in (label_text(n) or "")), 15)
    check(leavers is not None, "ticking it previews again with the leavers")
    offer = wait(lambda: app.find(lambda n: (n.name or "").startswith("Mark the ") and n.getRoleName() == "check box"))
    click(offer)
    wait(lambda: app.find(lambda n: n.name == "Import preview" and "leaver: " not in (label_text(n) or "")), 15)
apply = wait(lambda: app.find(lambda n: (n.name or "").startswith("Import 1 change")))
check(apply is not None, "the button says what will be imported")
if apply is not None:
    click(apply)
said = wait(lambda: app.find(lambda n: n.getRoleName() == "label" and (n.name or "").startswith("Imported 1 change")), 10)
check(said is not None, "the status says what was imported")
first = wait(lambda: app.find(lambda n: (n.name or "") == f"{grid[0]['name']}, Reading, Autumn 2"))
if first is not None:
    click(first)
click(app.tab("Pupil"), settle=1)
results = wait(lambda: app.find(lambda n: n.name == "Statutory assessment results" and n.getRoleName() == "label"), 10)
check(results is not None and "Phonics screening check 2025: 35 of 40 (met: the threshold was 32)" in (label_text(results) or ""),
      "the Pupil page shows the imported statutory result")
app.close()
sys.exit(check.finish())
