#!/usr/bin/env python3
"""scripts/check-house catches each breach it names: a clean tree passes, and each planted
breach fails the check with the file and line. Run by make test."""
import subprocess
import sys
import tempfile
from pathlib import Path

CHECK = Path(__file__).resolve().parents[2] / "scripts" / "check-house"
CLEAN = {
    "Sources/CohortCore/Pupil.swift": "import Foundation\npublic struct Pupil {}\n",
    "Sources/CohortStore/Save.swift": "import CohortCore\nlet m = FileManager.default\n",
    "Sources/CohortUI/Gtk/Button.swift": "import CGtk\nfunc make() { gtk_button_new() }\n",
    "Sources/CohortUI/BuiltIns.swift": "import CohortPlugins\n",
    "Sources/CohortUI/Page.swift": "import CohortStore\n// gtk_widget_show( in a comment is fine\n",
    "Sources/cohort/Main.swift": "import CohortPlugins\nimport CohortUI\n",
    # Braces inside strings do not open a body: this function is 4 lines, not the file.
    "Sources/CohortCore/Scan.swift": "func scan(c: String) {\n  switch c { case \"{\": break\n  default: break }\n}\n"
    + "let filler = 1\n" * 70,
}
# Each planted breach: the file it adds and the line the check must print.
PLANTED = {
    "an import up the cake": ("Sources/CohortStore/Up.swift", "import CohortPlugins\n",
                              "Sources/CohortStore/Up.swift:1: layers"),
    "the core importing GTK": ("Sources/CohortCore/Screen.swift", "import CGtk\n",
                               "Sources/CohortCore/Screen.swift:1: layers"),
    "a second plugins import in a shell": ("Sources/CohortUI/Other.swift", "\nimport CohortPlugins\n",
                                           "Sources/CohortUI/Other.swift:2: plugins"),
    "raw GTK in a page": ("Sources/CohortUI/Pages/P.swift", "func f() {\n  gtk_widget_show(w)\n}\n",
                          "Sources/CohortUI/Pages/P.swift:2: raw GTK"),
    "file I/O outside the store": ("Sources/CohortPlugins/R.swift", "let d = try Data(contentsOf: url)\n",
                                   "Sources/CohortPlugins/R.swift:1: file I/O"),
    "a long file": ("Sources/CohortCore/Long.swift", "let x = 1\n" * 301,
                    "Sources/CohortCore/Long.swift:1: file length"),
    "a long function": ("Sources/CohortCore/F.swift",
                        "func long() {\n" + "  print(1)\n" * 60 + "}\n",
                        "Sources/CohortCore/F.swift:1: function length"),
}


def run(root):
    done = subprocess.run([sys.executable, str(CHECK), "--root", str(root)], capture_output=True, text=True)
    return done.returncode, done.stdout


def make_tree(root, extra=None):
    for rel, text in {**CLEAN, **(extra or {})}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def main():
    passed = failed = 0

    def expect(ok, what):
        nonlocal passed, failed
        print(("ok   " if ok else "FAIL ") + what)
        passed, failed = passed + ok, failed + (not ok)

    with tempfile.TemporaryDirectory() as tmp:
        make_tree(Path(tmp))
        code, out = run(Path(tmp))
        expect(code == 0 and "no breach" in out, f"a clean tree passes ({code}: {out.strip()})")
    for what, (rel, text, line) in PLANTED.items():
        with tempfile.TemporaryDirectory() as tmp:
            make_tree(Path(tmp), {rel: text})
            code, out = run(Path(tmp))
            expect(code == 1 and line in out, f"{what} is caught ({line})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
