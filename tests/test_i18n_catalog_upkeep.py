"""What `i18n update` and `compile` keep of a catalog a translator's tool saved, against
GNU gettext where it is installed: ``#:`` lines at the file's width (``msgmerge -w N``),
``#=`` lines byte for byte, the templates of leaflets that are gone, and the
Plural-Forms a tool writes for a language."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from msc_leaflet.i18n.catalog import Catalog
from msc_leaflet.i18n.pofile import format_po, read_po
from msc_leaflet.i18n.workflow import translation

MSGMERGE, MSGCAT, MSGFMT = (shutil.which(t) for t in ("msgmerge", "msgcat", "msgfmt"))
needs_gnu = pytest.mark.skipif(
    None in (MSGMERGE, MSGCAT, MSGFMT),
    reason="GNU gettext (msgmerge, msgcat, msgfmt) is not on PATH (Debian package 'gettext')",
)

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: t 1\\n"
"POT-Creation-Date: 2026-01-01 00:00+0000\\n"
"PO-Revision-Date: 2026-01-02 00:00+0000\\n"
"Last-Translator: T <t@example.org>\\n"
"Language-Team: Thai\\n"
"Language: th\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""
LONG = (
    "Some clinics give mesenchymal stromal cells by a drip into a vein; ask your doctor "
    "what is known about the risks before you agree to it."
)
WARN = (
    "Tell the nurse at once if you feel hot, short of breath or dizzy during the "
    "infusion, or in the hours after it."
)


def refs(*lines: int) -> str:
    """A ``#:`` line naming ``lines`` of one leaflet: 18 columns each, so 3 fill a line
    at 60 columns, 4 at 79 and 5 at 100."""
    return "#: " + " ".join(f"leaflets/a.yaml:{n}" for n in lines)


OLD = f"""{HEADER}
{refs(12, 40, 77)}
msgctxt "intro"
msgid "{LONG}"
msgstr "บางคลินิกให้เซลล์ต้นกำเนิดมีเซนไคม์ทางหลอดเลือดดำ ถามแพทย์ของคุณว่ารู้อะไรบ้างเกี่ยวกับความเสี่ยงก่อนตกลง"

{refs(20, 21)}
msgctxt "warn"
msgid "{WARN}"
msgstr "บอกพยาบาลทันทีหากรู้สึกร้อน หายใจไม่อิ่ม หรือเวียนศีรษะระหว่างหรือหลังการให้เซลล์"

{refs(30)}
msgctxt "gone"
msgid "A paragraph the author removed."
msgstr "ย่อหน้าที่ผู้เขียนนำออก"
"""
TEMPLATE_HEADER = HEADER.replace('"Language: th\\n"\n', "")
TEMPLATE = f"""{TEMPLATE_HEADER}
{refs(12, 40, 77, 101, 102, 103)}
msgctxt "intro"
msgid "{LONG}"
msgstr ""

{refs(20, 21, 22)}
msgctxt "warn"
msgid "{WARN.replace("at once", "straight away")}"
msgstr ""

{refs(50, 51, 52, 53, 54, 55, 56, 57, 58)}
msgctxt "new"
msgid "A new paragraph with several places in the leaflet."
msgstr ""
"""


def run(*command: str, cwd: Path) -> None:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, env={"LC_ALL": "C"}
    )
    assert done.returncode == 0, done.stderr


def entries_text(text: str) -> str:
    """The file after its header: the header's dates and tool fields differ by design."""
    return text[text.index("\n\n") :]


@needs_gnu
@pytest.mark.parametrize("width", [60, 79, 100])
def test_reference_lines_fill_the_width_the_translator_s_tool_wraps_at(
    tmp_path: Path, width: int
) -> None:
    """A catalog Poedit wraps at 100 (or msgcat at 60): update fills its ``#:`` lines to
    that width, as ``msgmerge -w N --previous`` does, new, changed and kept entries
    alike; at 79 they were rewrapped, and the next save in the tool rewrapped them back."""
    ours = merged_like_msgmerge(tmp_path, OLD, TEMPLATE, ("-w", str(width)))
    widest = max(len(line) for line in ours.splitlines() if line.startswith("#:"))
    assert width - 19 < widest <= width  # filled: one more would not fit
    (tmp_path / "ours.po").write_text(ours, encoding="utf-8")
    run(MSGFMT or "", "--check", "-o", "/dev/null", "ours.po", cwd=tmp_path)


@needs_gnu
def test_a_no_wrap_entry_s_references_still_fill_the_file_s_width(tmp_path: Path) -> None:
    """``no-wrap`` keeps an entry's strings on one line each; GNU still fills its ``#:``
    lines to the file's width, and so does update."""
    text = OLD.replace('msgctxt "intro"', '#, no-wrap\nmsgctxt "intro"')
    (tmp_path / "old.po").write_text(text, encoding="utf-8")
    run(MSGCAT or "", "-w", "60", "-o", "saved.po", "old.po", cwd=tmp_path)
    saved = read_po(tmp_path / "saved.po")
    template = read_po(tmp_path / "saved.po")
    template.entries[0].references.append("leaflets/a.yaml:9")
    (tmp_path / "ours.po").write_text(format_po(translation(template, "th", saved)), "utf-8")
    run(MSGCAT or "", "-w", "60", "-o", "again.po", "ours.po", cwd=tmp_path)
    ours = (tmp_path / "ours.po").read_text("utf-8")
    assert "leaflets/a.yaml:9" in ours
    assert (tmp_path / "again.po").read_text("utf-8") == ours


SHORT_OLD = f"""{HEADER}
{refs(*range(10, 22))}
msgctxt "title"
msgid "Safety of MSC infusions"
msgstr "ความปลอดภัยของการให้เซลล์ MSC"

{refs(5)}
msgctxt "kicker"
msgid "Patient information"
msgstr "ข้อมูลสำหรับผู้ป่วย"

{refs(30)}
msgctxt "gone"
msgid "A heading the author removed"
msgstr "หัวข้อที่ผู้เขียนนำออก"
"""
SHORT_TEMPLATE = f"""{TEMPLATE_HEADER}
{refs(*range(10, 24))}
msgctxt "title"
msgid "Safety of MSC drips"
msgstr ""

{refs(5, 6)}
msgctxt "kicker"
msgid "Patient information"
msgstr ""

{refs(*range(40, 52))}
msgctxt "new"
msgid "Warning signs"
msgstr ""
"""


@needs_gnu
@pytest.mark.parametrize(
    ("old", "template", "options"),
    [
        (SHORT_OLD, SHORT_TEMPLATE, ("-w", "100")),
        (SHORT_OLD, SHORT_TEMPLATE, ("-w", "60")),
        (SHORT_OLD, SHORT_TEMPLATE, ("-w", "77")),
        (SHORT_OLD, SHORT_TEMPLATE, ()),
        (SHORT_OLD.replace(refs(*range(10, 22)), refs(10)), SHORT_TEMPLATE, ()),
        (OLD, TEMPLATE, ("--no-wrap",)),
        (SHORT_OLD, SHORT_TEMPLATE, ("--no-wrap",)),
    ],
    ids=["short-100", "short-60", "short-77", "short-79", "all-short", "no-wrap", "short-no-wrap"],
)
def test_reference_lines_keep_the_width_they_show_when_no_text_wraps(
    tmp_path: Path, old: str, template: str, options: tuple[str, ...]
) -> None:
    """A catalog whose every text is short shows the width its tool (Poedit at 100,
    msgcat at 60) wraps at only in its ``#:`` lines: update fills them to that width,
    as ``msgmerge -w N`` does. Read at 79, every update refilled them and the next save
    refilled them back, a diff of nothing. Where no line shows a width (every line
    short) it keeps GNU's 79, as msgmerge does; a file saved ``--no-wrap`` (texts on
    one line each, longer than 79) keeps them so, its references at 79, as
    ``msgmerge --no-wrap`` writes it."""
    ours = merged_like_msgmerge(tmp_path, old, template, options)
    (tmp_path / "ours.po").write_text(ours, encoding="utf-8")
    run(MSGFMT or "", "--check", "-o", "/dev/null", "ours.po", cwd=tmp_path)
    again = translation(read_po(tmp_path / "new.pot"), "th", read_po(tmp_path / "ours.po"))
    assert format_po(again) == ours  # a second update: nothing to change


STICKY = "#=   no-wrap\n#=python-brace-format \n"


def merged_like_msgmerge(tmp_path: Path, old: str, template: str, options: Sequence[str]) -> str:
    """``old`` saved by msgcat with ``options`` and updated to ``template`` by us, checked
    entry for entry against ``msgmerge --previous`` with the same options; our text."""
    (tmp_path / "old.po").write_text(old, encoding="utf-8")
    (tmp_path / "new.pot").write_text(template, encoding="utf-8")
    run(MSGCAT or "", *options, "-o", "saved.po", "old.po", cwd=tmp_path)
    run(
        *(MSGMERGE or "", "--quiet", "--previous", *options),
        *("-o", "gnu.po", "saved.po", "new.pot"),
        cwd=tmp_path,
    )
    saved = read_po(tmp_path / "saved.po")
    ours = format_po(translation(read_po(tmp_path / "new.pot"), "th", saved))
    gnu = (tmp_path / "gnu.po").read_text("utf-8")
    assert entries_text(ours) == entries_text(gnu)
    assert "#| msgid" in ours and "#~ msgctxt" in ours  # a fuzzy and an obsolete entry
    return ours


def test_sticky_flag_lines_come_back_byte_for_byte_through_update(tmp_path: Path) -> None:
    """``#=`` lines (GNU gettext 0.22's sticky flags) of a kept, a changed (fuzzy) and a
    removed (obsolete) entry, and of the header, are written back as they were, where
    they stood among the translator's comments; they were read as a comment and came
    back as ``# =   no-wrap``."""
    old = (
        OLD.replace('msgid ""\n', f'# Thai team\n{STICKY}msgid ""\n', 1)
        .replace(refs(12, 40, 77), f"# checked by Lan\n{STICKY}{refs(12, 40, 77)}")
        .replace(refs(20, 21), f"{STICKY}# keep short\n{refs(20, 21)}")
        .replace(refs(30), f"{STICKY}{refs(30)}")
    )
    (tmp_path / "old.po").write_text(old, encoding="utf-8")
    (tmp_path / "new.pot").write_text(TEMPLATE, encoding="utf-8")
    catalog = read_po(tmp_path / "old.po")
    assert format_po(catalog) == old  # read and written: the same bytes
    ours = format_po(translation(read_po(tmp_path / "new.pot"), "th", catalog))
    assert ours.count(STICKY) == 4  # header, kept, fuzzy, obsolete
    assert f"# checked by Lan\n{STICKY}#: " in ours
    assert f"{STICKY}# keep short\n#: " in ours
    assert f'{STICKY}#~ msgctxt "gone"' in ours
    assert "# =" not in ours
    (tmp_path / "ours.po").write_text(ours, encoding="utf-8")
    again = translation(read_po(tmp_path / "new.pot"), "th", read_po(tmp_path / "ours.po"))
    assert format_po(again) == ours  # a second update: nothing to change


@needs_gnu
def test_gnu_reads_a_catalog_with_sticky_flag_lines_as_update_writes_it(tmp_path: Path) -> None:
    """msgfmt --check accepts the catalog update writes with ``#=`` lines, and GNU
    0.21, which reads them as comments, finds every entry and translation in it."""
    old = OLD.replace(refs(12, 40, 77), f"{STICKY}{refs(12, 40, 77)}")
    (tmp_path / "old.po").write_text(old, encoding="utf-8")
    (tmp_path / "new.pot").write_text(TEMPLATE, encoding="utf-8")
    ours = format_po(translation(read_po(tmp_path / "new.pot"), "th", read_po(tmp_path / "old.po")))
    (tmp_path / "ours.po").write_text(ours, encoding="utf-8")
    run(MSGFMT or "", "--check", "-o", "ours.mo", "ours.po", cwd=tmp_path)
    run(MSGCAT or "", "-o", "gnu.po", "ours.po", cwd=tmp_path)
    gnu = read_po(tmp_path / "gnu.po")
    mine = read_po(tmp_path / "ours.po")
    assert [(e.key, e.forms, e.flags) for e in gnu.entries] == [
        (e.key, e.forms, e.flags) for e in mine.entries
    ]


@needs_gnu
@pytest.mark.parametrize(
    ("width", "contexts"), [(79, ("intro", "warn")), (100, ("warn",)), (60, ("intro",))]
)
def test_a_sticky_no_wrap_line_is_obeyed_as_msgmerge_obeys_no_wrap(
    tmp_path: Path, width: int, contexts: tuple[str, ...]
) -> None:
    """``#= no-wrap`` (GNU 0.22's sticky flags, kept by the translator's catalog) on a
    kept or a changed (fuzzy) entry of a catalog msgcat wrapped: update writes its
    every string, ``#| msgid`` included, unwrapped, line for line as msgmerge writes
    the entry flagged ``no-wrap``; the other entries are wrapped at the file's width as
    before (read from their lines). It was kept but not obeyed: wrapped at 79."""
    (tmp_path / "old.po").write_text(OLD, encoding="utf-8")
    run(MSGCAT or "", "-w", str(width), "-o", "saved.po", "old.po", cwd=tmp_path)
    saved = (tmp_path / "saved.po").read_text("utf-8")
    sticky = "#= no-wrap\n"
    for context in contexts:  # above the entry's #: lines, as a tool writes it
        at = saved.index(f'msgctxt "{context}"')
        at = saved.rindex("\n\n", 0, at) + 2
        saved = saved[:at] + sticky + saved[at:]
    (tmp_path / "sticky.po").write_text(saved, encoding="utf-8")
    flagged = TEMPLATE
    for context in contexts:
        flagged = flagged.replace(f'msgctxt "{context}"', f'#, no-wrap\nmsgctxt "{context}"')
    (tmp_path / "flagged.pot").write_text(flagged, encoding="utf-8")
    run(
        *(MSGMERGE or "", "--quiet", "--previous", "-w", str(width)),
        *("-o", "gnu.po", "saved.po", "flagged.pot"),
        cwd=tmp_path,
    )
    template = read_po_text(TEMPLATE, tmp_path / "new.pot")
    ours = format_po(translation(template, "th", read_po(tmp_path / "sticky.po")))
    gnu = (tmp_path / "gnu.po").read_text("utf-8")
    assert ours.count(sticky) == len(contexts)  # kept where they stood
    if "warn" in contexts:  # changed: fuzzy, its old text unwrapped
        assert "#, fuzzy\n#| msgctxt" in ours and f'#| msgid "{WARN}"' in ours
    assert (f'msgid "{LONG}"' in ours) == ("intro" in contexts)  # msgcat had wrapped it
    gnu_as_sticky = gnu.replace("#, no-wrap\n", sticky).replace(", no-wrap", "")
    # GNU writes the flag line after the #: lines, the sticky line stands above them.
    gnu_lines = [line for line in entries_text(gnu_as_sticky).splitlines() if line != "#= no-wrap"]
    ours_lines = [line for line in entries_text(ours).splitlines() if line != "#= no-wrap"]
    assert ours_lines == gnu_lines
    (tmp_path / "ours.po").write_text(ours, encoding="utf-8")
    run(MSGFMT or "", "--check", "-o", "/dev/null", "ours.po", cwd=tmp_path)
    again = translation(template, "th", read_po(tmp_path / "ours.po"))
    assert format_po(again) == ours  # a second update changes nothing


@needs_gnu
@pytest.mark.parametrize(
    ("line", "obeyed"),
    [
        ("#= no-wrap", True),
        ("#=   no-wrap  ", True),
        ("#= python-brace-format, no-wrap", True),
        ("#=no-wrap,python-format", True),
        ("#= no-wrapping", False),  # no such flag
        ("# no-wrap", False),  # a translator's comment, not a flag line
    ],
)
def test_no_wrap_is_read_among_a_sticky_line_s_flags(
    tmp_path: Path, line: str, obeyed: bool
) -> None:
    """A changed text in a catalog msgcat wrapped at 79: written on one line when the
    entry's ``#=`` line holds the flag no-wrap among others, as GNU reads a flag line
    (words between commas and blanks), wrapped when it does not."""
    (tmp_path / "old.po").write_text(OLD, encoding="utf-8")
    run(MSGCAT or "", "-o", "saved.po", "old.po", cwd=tmp_path)
    saved = (
        (tmp_path / "saved.po")
        .read_text("utf-8")
        .replace("#: leaflets/a.yaml:20", f"{line}\n#: leaflets/a.yaml:20", 1)
    )
    catalog = read_po_text(saved, tmp_path / "sticky.po")
    assert catalog.wrapped
    template = read_po_text(TEMPLATE, tmp_path / "new.pot")
    ours = format_po(translation(template, "th", catalog))
    changed = WARN.replace("at once", "straight away")
    assert (f'msgid "{changed}"' in ours) == obeyed
    assert f"{line}\n#: leaflets/a.yaml:20" in ours  # kept as it was written


def read_po_text(text: str, path: Path) -> Catalog:
    """``text`` written to ``path`` and read back, as update reads a template."""
    path.write_text(text, encoding="utf-8")
    return read_po(path)


def test_a_renamed_leaflet_s_template_goes_and_its_catalog_stays(tmp_path: Path) -> None:
    """Renamed from infusion-safety to infusion-risks: update removes the old template
    (made by extract, so ours, and said), names a template it did not make and leaves
    it, and never touches the translator's old catalog, whose 61 texts the renamed
    leaflet now has; they are offered there as fuzzy. A second update says the same."""
    from i18n_support import copy_bundled, invoke

    root = copy_bundled(tmp_path)
    locales = root / "locales"
    old_po = locales / "th" / "LC_MESSAGES" / "infusion-safety.po"
    before = old_po.read_bytes()
    hand = locales / "glossary-terms.pot"  # a template someone made by hand
    hand.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', "utf-8")
    leaflet = root / "leaflets" / "infusion-safety.yaml"
    text = leaflet.read_text("utf-8").replace("id: infusion-safety", "id: infusion-risks", 1)
    (root / "leaflets" / "infusion-risks.yaml").write_text(text, "utf-8")
    leaflet.unlink()
    for _ in range(2):
        code, output = invoke("i18n", "update", "--project", str(root))
        assert code == 0 and "Traceback" not in output, output
        assert not (locales / "infusion-safety.pot").exists()
        assert (locales / "infusion-risks.pot").is_file()
        assert hand.is_file() and "locales/glossary-terms.pot  (no leaflet" in output
        assert old_po.read_bytes() == before  # the translator's file, as it was
        said = [line for line in output.splitlines() if "LC_MESSAGES/infusion-safety.po" in line]
        assert len(said) == 1 and "61 of its translated texts" in said[0], output
        assert "delete this file" in said[0]
    assert "infusion-safety.pot" not in output  # said once, when removed
    new = read_po(locales / "th" / "LC_MESSAGES" / "infusion-risks.po")
    old = {e.msgid: e.msgstr for e in read_po(old_po).active if e.msgstr}
    offered = [e for e in new.active if e.msgid in old]
    assert len(offered) >= 61 and all(e.msgstr == old[e.msgid] for e in offered)
    if MSGFMT:
        run(MSGFMT, "--check", "-o", "/dev/null", str(new.path), cwd=tmp_path)


def test_extract_removes_the_template_of_a_withdrawn_leaflet(tmp_path: Path) -> None:
    """Withdrawn: extract and update remove its template and say so; its catalogs stay,
    and update says none of their texts is in a leaflet now."""
    from i18n_support import copy_bundled, invoke

    root = copy_bundled(tmp_path)
    (root / "leaflets" / "what-research-says.yaml").unlink()
    code, output = invoke("i18n", "extract", "--project", str(root))
    assert code == 0, output
    [removed] = [line for line in output.splitlines() if line.startswith("removed")]
    assert "locales/what-research-says.pot  (no leaflet" in removed
    assert not (root / "locales" / "what-research-says.pot").exists()
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0, output
    po = root / "locales" / "th" / "LC_MESSAGES" / "what-research-says.po"
    assert po.is_file()
    [said] = [line for line in output.splitlines() if f"LC_MESSAGES/{po.name}" in line]
    assert "no leaflet 'what-research-says' any more" in said and "delete this file" in said


FR_CLDR = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
# What each tool writes into a French catalog: (generator, Plural-Forms).
TOOL_HEADERS = [
    ("Poedit 3.4.2", "nplurals=2; plural=(n > 1);"),  # GNU's, as msginit writes it
    ("Lokalize 23.08.1", "nplurals=2; plural=n > 1;"),
    ("Weblate 5.3", FR_CLDR),
]


def french_project(tmp_path: Path) -> tuple[Path, Path]:
    """The i18n fixture with a French catalog started by `i18n init fr`."""
    from msc_leaflet.i18n import workflow
    from msc_leaflet.project import Project

    root = tmp_path / "p"
    shutil.copytree(Path(__file__).parent / "fixtures" / "i18n", root)
    workflow.init_locale(Project.at(root), "fr")
    return root, root / "locales" / "fr" / "LC_MESSAGES" / "care-basics.po"


def with_plural_forms(po: Path, generator: str, plural_forms: str) -> None:
    """``po``'s header as a translator's tool saves it, with a plural entry in two or
    three forms to match."""
    text = re.sub(r'"Plural-Forms: [^"]*\\n"', "", po.read_text("utf-8"))
    count = int(re.search(r"nplurals=(\d+)", plural_forms)[1])  # type: ignore[index]
    forms = ["{n} dose", "{n} de doses", "{n} doses"][:count]
    plural = "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms))
    header_end = text.index("\n\n")
    text = (
        text[:header_end]
        + f'\n"X-Generator: {generator}\\n"\n"Plural-Forms: {plural_forms}\\n"'
        + text[header_end:]
        + '\n#, python-brace-format\nmsgctxt "x/doses"\nmsgid "{n} dose"\n'
        + f'msgid_plural "{{n}} doses"\n{plural}'
    )
    po.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("generator", "plural_forms"), TOOL_HEADERS)
def test_gnu_s_plural_forms_are_as_standard_as_cldr_s(
    tmp_path: Path, generator: str, plural_forms: str
) -> None:
    """A French catalog Poedit or Lokalize saved with GNU's two forms (as msginit writes
    them), or Weblate with CLDR's three: I18N015 asked the first two to change to CLDR's
    three, breaking a header every gettext tool writes. Accepted, kept by update, and
    nothing the translator wrote (the plural entry, now obsolete) is lost."""
    from msc_leaflet.i18n import workflow
    from msc_leaflet.project import Project

    root, po = french_project(tmp_path)
    with_plural_forms(po, generator, plural_forms)
    findings = [str(f) for f in workflow.check(Project.at(root)) if "fr/" in str(f.location)]
    assert not [f for f in findings if "I18N015" in f or "I18N012" in f], findings
    workflow.update(Project.at(root))
    catalog = read_po(po)
    assert catalog.header["Plural-Forms"] == plural_forms
    assert catalog.header["X-Generator"] == generator
    [doses] = [e for e in catalog.entries if e.msgctxt == "x/doses"]
    assert doses.obsolete and doses.msgstr_plural[1] == "{n} de doses"
    if MSGFMT:
        run(MSGFMT, "--check", "-o", "/dev/null", str(po), cwd=tmp_path)


@pytest.mark.parametrize(
    ("plural_forms", "said"),
    [
        ("nplurals=3; plural=(n > 1);", "gives 3 forms, but its formula chooses only 2: msgstr[2]"),
        ("nplurals=2; plural=(n != 1);", "chooses form 1 for n = 0, where GNU gettext's"),
        ("nplurals=4; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : 3);", "fr has 3 (CLDR), 2 (GNU"),
    ],
)
def test_a_plural_forms_no_standard_has_is_a_warning_naming_both(
    tmp_path: Path, plural_forms: str, said: str
) -> None:
    """Refused (a warning, at the header's line): a count no standard for French uses,
    a formula that never chooses a form it declares, one that chooses the singular's
    form otherwise than French does; the hint offers CLDR's and GNU's headers."""
    from msc_leaflet.i18n import workflow
    from msc_leaflet.project import Project

    root, po = french_project(tmp_path)
    with_plural_forms(po, "Poedit 3.4.2", plural_forms)
    findings = [str(f) for f in workflow.check(Project.at(root)) if "I18N015" in str(f)]
    line = po.read_text("utf-8").splitlines().index(f'"Plural-Forms: {plural_forms}\\n"') + 1
    [finding] = findings
    assert finding.startswith(f"{po}:{line}: warning: I18N015: ") and said in finding
    assert "nplurals=2; plural=(n > 1);" in finding


def test_a_bare_zh_folder_beside_zh_hans_is_one_locale_in_two_folders(tmp_path: Path) -> None:
    """locales/zh and locales/zh_Hans are one locale (zh is zh_Hans in CLDR, as zh_TW is
    zh_Hant_TW): both were built, into build/zh and build/zh_Hans, from different
    catalogs. Now the second is named with what to do, every catalog command stops
    before writing, and `build -l zh` builds the zh_Hans catalogs once the folder is
    joined."""
    from i18n_support import copy_bundled, invoke

    root = copy_bundled(tmp_path)
    (root / "locales" / "zh_Hans").rename(root / "locales" / "zh")
    shutil.copytree(root / "locales" / "zh", root / "locales" / "zh_Hans")
    ui = root / "locales" / "zh" / "LC_MESSAGES" / "ui.po"
    before = ui.read_bytes()
    for command in ("stats", "update", "check"):
        code, output = invoke("i18n", command, "--project", str(root))
        assert code == 1 and "Traceback" not in output, (command, output)
        assert "locales/zh/ holds zh_Hans catalogs, as locales/zh_Hans/ does" in output
        assert "remove locales/zh/" in output
        assert ui.read_bytes() == before  # nothing the translator wrote was touched
    shutil.rmtree(root / "locales" / "zh")
    code, output = invoke("i18n", "init", "zh", "--project", str(root))
    assert code == 0 and "warning" not in output, output
    assert not (root / "locales" / "zh").exists()
    assert (root / "locales" / "zh_Hans" / "LC_MESSAGES" / "infusion-safety.po").is_file()
