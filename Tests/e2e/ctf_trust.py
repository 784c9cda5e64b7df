"""A trust built as a school starts with Cohort: `cohort init`, a CTF from the MIS, classes
(one of mixed age), codes typed in, a pupil who left and one who joined mid-year (a second CTF
with --leavers), and KS2 results from a results-only CTF. For the end-to-end scripts."""
import os, subprocess

SCHOOL = "meadow-primary"
YEAR = "2026-27"
# forename, surname, DOB, sex, NC year, FSM
PUPILS = [
    ("Hannah", "Lee", "2018-10-04", "F", 3, False), ("Omar", "Khan", "2019-02-21", "M", 3, True),
    ("Ruby", "Jones", "2018-12-01", "F", 3, False), ("Leo", "Ward", "2019-03-11", "M", 3, True),
    ("Mia", "Patel", "2016-09-30", "F", 5, False), ("Sam", "Hill", "2017-06-02", "M", 5, True),
    ("Ava", "Brown", "2015-12-05", "F", 6, False), ("Noah", "Green", "2016-04-17", "M", 6, True),
]
JOINER = ("Zara", "Ali", "2017-01-09", "F", 5, False)


def upn(n):
    digits = "873200126" + f"{n:03d}"
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    return letters[sum(int(c) * (i + 2) for i, c in enumerate(digits)) % 23] + digits


def ctf(pupils, extra=""):
    rows = "".join(
        f"<Pupil><UPN>{upn(n)}</UPN><Surname>{s}</Surname><Forename>{f}</Forename><DOB>{dob}</DOB><Sex>{sex}</Sex>"
        f"<BasicDetails><NCyearActual>{y}</NCyearActual></BasicDetails>"
        + ("<FSMhistory><FSMinstance><FSMstartDate>2025-09-01</FSMstartDate></FSMinstance></FSMhistory>" if fsm else "")
        + "</Pupil>\n"
        for n, (f, s, dob, sex, y, fsm) in pupils)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion>
<DateTime>2026-11-30T09:00:00</DateTime><DocumentQualifier>full</DocumentQualifier><SupplierID>TestMIS</SupplierID>
<SourceSchool><LEA>873</LEA><Estab>2001</Estab><URN>100001</URN><SchoolName>Meadow Primary</SchoolName><AcademicYear>2026</AcademicYear></SourceSchool>
<DestSchool><LEA>873</LEA><Estab>2001</Estab></DestSchool></Header><CTFpupilData>
{rows}{extra}</CTFpupilData></CTfile>
"""


def ks2(n, reading, writing, maths):
    f, s, dob = PUPILS[n - 1][:3]
    parts = [("ENG", "TT", "RD", reading), ("ENG", "TA", "WRIT", writing), ("MAT", "TT", None, maths)]
    body = "".join(
        f"<StageAssessment><Year>2027</Year><Subject>{subj}</Subject><Method>{m}</Method>"
        + (f"<Component>{c}</Component>" if c else "") + f"<Result>{r}</Result></StageAssessment>"
        for subj, m, c, r in parts)
    return (f"<Pupil><UPN>{upn(n)}</UPN><Surname>{s.upper()}</Surname><Forename>{f.upper()}</Forename><DOB>{dob}</DOB>"
            f"<StageAssessments><KeyStage><Stage>KS2</Stage>{body}</KeyStage></StageAssessments></Pupil>\n")


def build(cohort, data, work, env=None):
    def run(*args):
        r = subprocess.run([cohort, *args, "--data", data], env=env, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"cohort {' '.join(args)}: {r.stderr}")
        return r.stdout

    run("init", "--trust", "Meadow Learning Trust")
    first = os.path.join(work, "mis.xml")
    open(first, "w").write(ctf(list(enumerate(PUPILS, 1))))
    run("import", "ctf", first)
    run("trust", "set", "--minimum-group-size", "2")
    for name in ["Ms Patel", "Mr Jones"]:
        run("staff", "add", "--name", name, "--school", SCHOOL)
    run("class", "add", "--school", SCHOOL, "--year", YEAR, "--name", "3A", "--year-groups", "3", "--teacher", "Ms Patel")
    # One class of two year groups.
    run("class", "add", "--school", SCHOOL, "--year", YEAR, "--name", "Oak", "--year-groups", "5,6", "--teacher", "Mr Jones")
    for n, p in enumerate(PUPILS, 1):
        run("class", "move", "--pupil", upn(n), "--to", f"{SCHOOL}-{'3a' if p[4] == 3 else 'oak'}", "--year", YEAR)
    codes = {"reading": "YGPGGYGY", "writing": "GGYGPGYY", "maths": "YGGGPGGG"}
    for subject, row in codes.items():
        for n, code in enumerate(row, 1):
            run("set", "--pupil", upn(n), "--subject", subject, "--year", YEAR, "--half-term", "autumn1", "--code", code)
    # Autumn 2: only 3A's reading so far.
    for n, code in [(1, "G"), (2, "Y"), (3, "G"), (4, "Y")]:
        run("set", "--pupil", upn(n), "--subject", "reading", "--year", YEAR, "--half-term", "autumn2", "--code", code)
    # Leo leaves; Zara joins in November.
    second = os.path.join(work, "mis2.xml")
    now = [(n, p) for n, p in enumerate(PUPILS, 1) if p[0] != "Leo"] + [(len(PUPILS) + 1, JOINER)]
    open(second, "w").write(ctf(now))
    run("import", "ctf", second, "--leavers", "--date", "14/11/2026", "--year", YEAR)
    run("class", "move", "--pupil", upn(len(PUPILS) + 1), "--to", f"{SCHOOL}-oak", "--year", YEAR)
    results = os.path.join(work, "results.xml")
    open(results, "w").write(
        '<CTfile><Header><CTFversion>26.0</CTFversion></Header><CTFpupilData>\n'
        + ks2(7, "112", "GDS", "115") + ks2(8, "99", "EXS", "104") + "</CTFpupilData></CTfile>\n")
    run("import", "ctf", results, "--school", SCHOOL)
    return run
