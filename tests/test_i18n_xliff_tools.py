"""Every bundled catalog through a real XLIFF tool and back: Debian's translate-toolkit
(the reader and writer of Pootle, Virtaal and Weblate) loads and saves what export
writes, a translator edits one unit in it, and import gives back everything else a
translator wrote byte for byte: contexts, plural entries, comments, flags, fuzzy
entries with their earlier English, obsolete entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n_support import KEPT, copy_bundled, invoke
from msc_leaflet.i18n.pofile import read_po
from xliff_tools import toolkit, toolkit_python

pytestmark = pytest.mark.skipif(
    toolkit("pretranslate") is None or toolkit_python() is None,
    reason="translate-toolkit not installed (apt-get install translate-toolkit)",
)


def locale_files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (root / "locales").rglob("*.po")}


def export_all(root: Path, out: Path) -> list[Path]:
    files: list[Path] = []
    for locale in sorted(p.name for p in (root / "locales").iterdir() if p.is_dir()):
        code, output = invoke("i18n", "export", "-l", locale, "-o", str(out / locale),
                              "--project", str(root))  # fmt: skip
        assert code == 0, output
        files += sorted((out / locale).glob("*.xlf"))
    return files


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_bundled(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    po.write_text(po.read_text("utf-8") + KEPT, encoding="utf-8")
    return root


def test_every_bundled_catalog_survives_translate_toolkit_unchanged(
    project: Path, tmp_path: Path
) -> None:
    before = locale_files(project)
    files = export_all(project, tmp_path / "x")
    assert len(files) > 10
    pretranslate = toolkit("pretranslate")
    assert pretranslate is not None
    for xlf in files:
        pretranslate(str(xlf), str(xlf))  # read and written again by the toolkit
    code, output = invoke("i18n", "import", *map(str, files), "--project", str(project))
    assert code == 0 and "Traceback" not in output, output
    assert output.count(" 0 changed") == len(files) and "obsolete  " not in output
    assert locale_files(project) == before


def test_a_translators_edit_in_translate_toolkit_changes_that_entry_only(
    project: Path, tmp_path: Path
) -> None:
    before = locale_files(project)
    files = export_all(project, tmp_path / "x")
    [xlf] = [f for f in files if f.name == "infusion-safety.th.xlf"]
    python = toolkit_python()
    assert python is not None
    python(
        "from translate.storage import xliff\n"
        f"store = xliff.xlifffile.parsefile({str(xlf)!r})\n"
        "units = {u.xmlelement.get('resname'): u for u in store.units}\n"
        "units['kicker'].target = 'ข้อมูลผู้ป่วย'\n"
        "units['kicker'].addnote('Shorter, as the glossary asks.', origin='translator')\n"
        "units['x/fuzzy'].markfuzzy(False)\n"  # the translator confirms the fuzzy one
        f"store.savefile({str(xlf)!r})\n"
    )
    code, output = invoke("i18n", "import", *map(str, files), "--project", str(project))
    assert code == 0 and "Traceback" not in output, output
    assert "2 changed" in output and "  changed   kicker" in output, output
    assert "  changed   x/fuzzy" in output and output.count(" 0 changed") == len(files) - 1
    po = project / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    after = locale_files(project)
    assert {p for p in before if before[p] != after[p]} == {po}
    catalog = read_po(po)
    entries = {e.msgctxt: e for e in catalog.entries}
    kicker, confirmed = entries["kicker"], entries["x/fuzzy"]
    assert (kicker.msgstr, kicker.fuzzy) == ("ข้อมูลผู้ป่วย", False)
    assert kicker.comments == ["Shorter, as the glossary asks."]
    assert kicker.extracted == ["Small line above the title."]
    assert (confirmed.msgstr, confirmed.fuzzy) == ("ข้อมูลสำหรับผู้ป่วยทุกคน", False)
    assert confirmed.flags == ["x-team-checked"] and confirmed.previous_msgid is None
    assert confirmed.comments == ["Lan: checked against the glossary.", "  no-wrap"]  # and #=
    plural = entries["x/plural"]
    assert (plural.msgid_plural, plural.msgstr_plural) == ("{n} doses", {0: "{n} ครั้ง"})
    assert entries["x/removed"].obsolete
    assert entries["x/removed"].comments == ["A comment the translator keeps.", " no-wrap"]
    # every other line of the catalog is as it was
    old, new = before[po].decode().splitlines(), after[po].decode().splitlines()
    assert [line for line in old if line not in new] == [
        'msgstr "ข้อมูลสำหรับผู้ป่วย"',
        "#, fuzzy, x-team-checked",
        '#| msgid "Information for patients"',
    ]
    assert [line for line in new if line not in old] == [
        "# Shorter, as the glossary asks.",
        'msgstr "ข้อมูลผู้ป่วย"',
        "#, x-team-checked",
    ]


def test_translate_toolkit_reads_every_translation_export_writes(
    project: Path, tmp_path: Path
) -> None:
    """xliff2po on each exported file gives every translated text with its English;
    translate-toolkit drops the contexts (docs/translating.md, I18N014), not a text."""
    xliff2po = toolkit("xliff2po")
    assert xliff2po is not None
    for xlf in export_all(project, tmp_path / "x"):
        domain, locale = xlf.name.split(".")[:2]
        ours = read_po(project / "locales" / locale / "LC_MESSAGES" / f"{domain}.po")
        xliff2po(str(xlf), str(tmp_path / "tt.po"))
        theirs = {(e.msgid, e.msgstr) for e in read_po(tmp_path / "tt.po").active}
        wanted = {(e.msgid, e.msgstr) for e in ours.active if e.msgid_plural is None}
        assert wanted <= theirs, xlf.name


# translate-toolkit's own XLIFF writer: a new document (XLIFF 1.1, as po2xliff, Pootle
# and Virtaal write) holding every unit of the exported file, one of them edited.
REWRITE_AS_1_1 = """
from translate.storage import xliff
ours = xliff.xlifffile.parsefile({source!r})
node = ours.getfilenode(ours.getfilenames()[0])
store = xliff.xlifffile(sourcelanguage="en", targetlanguage=node.get("target-language"))
store.setfilename(store.getfilenode("NoName"), ours.getfilenames()[0])
for unit in ours.units:
    element = unit.xmlelement
    copy = store.UnitClass(unit.source)
    store.addunit(copy)
    copy.setid(element.get("id"))
    copy.xmlelement.set("resname", element.get("resname"))
    state = element.find("{{urn:oasis:names:tc:xliff:document:1.2}}target").get("state")
    target = {edits!r}.get(element.get("id"), unit.target)
    if target:  # the toolkit's "fuzzy" is approved="no", its confirmed approved="yes"
        copy.settarget(target)
        copy.markfuzzy(state.startswith("needs-"))
store.savefile({out!r})
"""


def test_a_file_translate_toolkit_writes_as_xliff_1_1_imports_as_1_2_does(
    project: Path, tmp_path: Path
) -> None:
    """XLIFF 1.1 (``urn:oasis:names:tc:xliff:document:1.1``), which translate-toolkit
    and older tools write, was refused as "version '1.1' is not supported". Every
    element import reads means the same in it: the edited unit changes, nothing else."""
    before = locale_files(project)
    files = export_all(project, tmp_path / "x")
    [xlf] = [f for f in files if f.name == "infusion-safety.th.xlf"]
    python = toolkit_python()
    assert python is not None
    edits = {"kicker": "ข้อมูลผู้ป่วย"}
    python(REWRITE_AS_1_1.format(source=str(xlf), edits=edits, out=str(xlf)))
    text = xlf.read_text("utf-8")
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"' in text
    code, output = invoke("i18n", "import", str(xlf), "--project", str(project))
    assert code == 0 and "Traceback" not in output, output
    assert " 1 changed, 63 unchanged" in output and "  changed   kicker" in output, output
    po = project / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    old, new = before[po].decode().splitlines(), po.read_text("utf-8").splitlines()
    assert [line for line in old if line not in new] == ['msgstr "ข้อมูลสำหรับผู้ป่วย"']
    assert [line for line in new if line not in old] == ['msgstr "ข้อมูลผู้ป่วย"']
