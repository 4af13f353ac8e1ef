"""Shared by the translator-workflow tests: the CLI runner and a copy of the bundled project."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from msc_leaflet.cli.app import app
from msc_leaflet.i18n.pofile import read_po, write_po

ROOT = Path(__file__).parent.parent
runner = CliRunner()


#: A cure promised in a ui catalog's page words, per locale: (locale, msgstr, the phrase a
#: check names). English left in a Hindi catalog is read as the English it is, Hindi with
#: the Hindi list.
UI_CATALOG_CLAIMS = [
    ("th", "รักษาหายขาด", "หายขาด"),  # cures completely
    ("vi", "Tế bào gốc chữa khỏi hoàn toàn", "chữa khỏi hoàn toàn"),  # cure completely
    ("hi", "Our stem cells cure arthritis", "cure"),
    ("hi", "हमारी स्टेम सेल गठिया को जड़ से खत्म करती हैं", "जड़ से खत्म"),  # root out arthritis
]


def invoke(*args: str) -> tuple[int, str]:
    """Exit code and everything printed (stdout, then stderr)."""
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr


def copy_bundled(tmp_path: Path) -> Path:
    """A copy of the repository's own project (leaflets, catalogs, organisations)."""
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(ROOT / folder, tmp_path / "p" / folder)
    return tmp_path / "p"


def set_msgstr(path: Path, context: str, msgstr: str, fuzzy: bool = False) -> int:
    """Set the msgstr (and fuzzy flag) of the entry ``context`` of the catalog at
    ``path``, as a translator would; its line in the file written."""
    catalog = read_po(path)
    for entry in catalog.active:
        if entry.msgctxt == context:
            entry.msgstr = msgstr
            entry.set_fuzzy(fuzzy)
    write_po(path, catalog)
    return next(e.line for e in read_po(path).active if e.msgctxt == context)


def msgstr_line(path: Path, context: str) -> int:
    """The line of the msgstr of the entry ``context`` of the catalog at ``path``: the
    line a finding's hint names, below the entry's msgctxt and msgid."""
    lines = path.read_text("utf-8").splitlines()
    start = lines.index(f'msgctxt "{context}"')
    return next(n for n in range(start, len(lines)) if lines[n].startswith("msgstr")) + 1


# What a translator or `i18n update` leaves in a catalog beyond translated entries (the
# bundled catalogs hold none of it; "#=": GNU gettext 0.22's sticky flags), for tests
# that append it to a Thai catalog and check an exchange gives it back byte for byte.
KEPT = """
# Lan: checked against the glossary.
#=  no-wrap
#, fuzzy, x-team-checked
#| msgid "Information for patients"
msgctxt "x/fuzzy"
msgid "Information for every patient"
msgstr "ข้อมูลสำหรับผู้ป่วยทุกคน"

#. A count of doses.
msgctxt "x/plural"
msgid "one dose"
msgid_plural "{n} doses"
msgstr[0] "{n} ครั้ง"

# A comment the translator keeps.
#= no-wrap
#~ msgctxt "x/removed"
#~ msgid "A paragraph the author removed."
#~ msgstr "ย่อหน้าที่ผู้เขียนนำออก"
"""
