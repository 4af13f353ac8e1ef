"""Catalogs saved by Weblate, Poedit or msgmerge: same build, and `i18n update` keeps their
lines (#19).

Weblate (translate-toolkit) wraps msgid/msgstr lines at 77 columns by default, Poedit
(libgettextpo) and msgmerge at 79; our own form does not wrap. docs/translating.md shows
the settings that keep diffs quiet; these tests make sure a wrapped file is harmless
anyway: it builds the same PDF, and update changes only the entries whose text changed,
so a translator's diff is the author's edit, not the whole file written again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke
from msc_leaflet.i18n.catalog import Entry
from msc_leaflet.i18n.merge import merge
from msc_leaflet.i18n.pofile import format_po, parse_po

_STRING = re.compile(r'^((?:#~ )?(?:msgctxt|msgid|msgstr|msgid_plural)(?:\[\d+\])?) "(.*)"$')


def wrap(text: str, width: int) -> str:
    """gettext-style wrapping: `keyword ""`, then quoted pieces broken after spaces."""
    out = []
    for line in text.split("\n"):
        match = _STRING.match(line)
        if not match or len(line) <= width:
            out.append(line)
            continue
        keyword, value = match.groups()
        out.append(f'{keyword} ""')
        piece = ""
        for word in re.split(r"(?<= )", value):
            if piece and len(piece) + len(word) + 2 > width:
                out.append(f'"{piece}"')
                piece = ""
            piece += word
        out.append(f'"{piece}"')
    return "\n".join(out)


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    return copy_bundled(tmp_path)


def build(root: Path, out: Path) -> bytes:
    code, output = invoke(
        "build", "infusion-safety", "-l", "th", "--force", "--project", str(root), "-o", str(out)
    )
    assert code == 0, output
    return (out / "th" / "infusion-safety.pdf").read_bytes()


@pytest.mark.parametrize(("tool", "width"), [("weblate", 77), ("poedit", 79)])
def test_wrapped_catalog_builds_identically_and_update_keeps_its_lines(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool: str, width: int
) -> None:
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    canonical = po.read_text(encoding="utf-8")
    expected = build(bundled, tmp_path / "before")
    wrapped = wrap(canonical, width)
    assert wrapped != canonical and wrapped.count("\n") > canonical.count("\n") + 50
    po.write_text(wrapped, encoding="utf-8")
    assert build(bundled, tmp_path / "after") == expected
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # it would date the templates
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert po.read_text(encoding="utf-8") == wrapped


MSGMERGE = shutil.which("msgmerge")


@pytest.mark.skipif(MSGMERGE is None, reason="GNU msgmerge is not on PATH")
@pytest.mark.parametrize("locale", ["th", "my", "ar", "ja", "zh_Hans"])
def test_update_after_an_edit_changes_only_the_edited_entry_of_a_gnu_wrapped_catalog(
    bundled: Path, locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator who ran msgmerge (or saved in Poedit) has a file wrapped at 79
    columns, in which wide characters count two; update used to write all of it back
    unwrapped, so the diff of one edited sentence was the whole file."""
    folder = bundled / "locales" / locale / "LC_MESSAGES"
    domain = "infusion-safety" if (folder / "infusion-safety.po").exists() else "ui"
    po, pot = folder / f"{domain}.po", bundled / "locales" / f"{domain}.pot"
    assert MSGMERGE is not None
    subprocess.run([MSGMERGE, "-q", "--previous", "-o", str(po), str(po), str(pot)], check=True)
    wrapped = po.read_text(encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # it would date the templates
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert po.read_text(encoding="utf-8") == wrapped
    leaflet = bundled / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text(encoding="utf-8")
    edited = source.replace("Safety of MSC infusions", "Safety of MSC drips", 1)
    assert edited != source
    leaflet.write_text(edited, encoding="utf-8")
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    before, after = wrapped.split("\n\n"), po.read_text(encoding="utf-8").split("\n\n")
    changed = [block for block in after[1:] if block not in before]
    if domain == "ui":
        assert changed == []
    else:
        assert len(changed) == 1 and 'msgctxt "title"' in changed[0], changed
        assert len(after) == len(before)


WRAPPED = """\
msgid ""
msgstr ""
"Language: ar\\n"
"POT-Creation-Date: 2026-01-01 00:00+0000\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % "
"100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 && n % 100 <= 99 ? 4 : 5);\\n"

msgctxt "p/1"
msgid ""
"First paragraph of a long text that a tool wrapped at seventy-nine columns, "
"as msgmerge does.\\n"
"Second paragraph.\\n"
"Third paragraph, also long enough to be wrapped by the tool at seventy-nine "
"columns."
msgstr ""
"الفقرة الأولى.\\n"
"الفقرة الثانية.\\n"
"الفقرة الثالثة."
"""


def test_a_changed_line_of_a_wrapped_text_leaves_its_other_lines_wrapped() -> None:
    """A new POT-Creation-Date (the leaflet's date changed) or one edited paragraph of
    a text: the header's and the text's other lines stay as the tool wrapped them."""
    catalog = parse_po(WRAPPED)
    catalog.header["POT-Creation-Date"] = "2026-06-01 00:00+0000"
    [entry] = catalog.entries
    entry.msgid = entry.msgid.replace("Second", "Next")
    assert format_po(catalog) == WRAPPED.replace("2026-01-01", "2026-06-01").replace(
        "Second", "Next"
    )


def test_update_keeps_the_line_ends_of_a_catalog_saved_with_crlf(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator on Windows whose editor saves CRLF line ends: update wrote every line
    back with LF, so their diff was the whole file."""
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    crlf = po.read_bytes().replace(b"\n", b"\r\n")
    po.write_bytes(crlf)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # it would date the templates
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert po.read_bytes() == crlf
    leaflet = bundled / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(source.replace("Safety of MSC infusions", "Safety of MSC drips", 1))
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    after = po.read_bytes()
    assert after != crlf and after.count(b"\n") == after.count(b"\r\n")


def test_the_earlier_text_of_a_fuzzy_entry_is_wrapped_as_msgmerge_wraps_it() -> None:
    """An edited text becomes fuzzy with its old text as #| msgid. In a wrapped file it
    is wrapped for its "#| " mark, exactly as msgmerge --previous writes it (the lines
    the old msgid had are two columns too wide there); the changed msgid keeps its
    unchanged lines."""
    old = parse_po(WRAPPED)
    template = parse_po(WRAPPED.replace("Second", "Next"))
    template.entries[0].msgstr = ""
    merged = merge(template, old, dict(old.header))
    [entry] = merged.entries
    assert entry.fuzzy and entry.previous_msgid == old.entries[0].msgid
    assert (
        '#| msgid ""\n'
        '#| "First paragraph of a long text that a tool wrapped at seventy-nine "\n'
        '#| "columns, as msgmerge does.\\n"\n'
        '#| "Second paragraph.\\n"\n'
        '#| "Third paragraph, also long enough to be wrapped by the tool at seventy-"\n'
        '#| "nine columns."\n'
        'msgctxt "p/1"\n'
        'msgid ""\n'
        '"First paragraph of a long text that a tool wrapped at seventy-nine columns, "\n'
    ) in format_po(merged)


MSGCAT = shutil.which("msgcat")
LONG_TITLE = (
    "Safety of MSC infusions, what to ask the clinic before you agree, and which "
    "warning signs mean you should stop and call a doctor (ClinicalTrials.gov/2024)"
)


@pytest.mark.skipif(MSGMERGE is None or MSGCAT is None, reason="GNU gettext is not on PATH")
def test_a_new_text_in_a_gnu_wrapped_catalog_is_wrapped_as_gnu_wraps_it(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator whose Poedit or msgmerge wraps the file: update wrote the author's
    new or edited text on one long line, so the next save in Poedit rewrapped it and
    the translator's diff held the same entry twice. Now the whole file is as GNU
    writes it: msgcat (what Poedit does on save) changes nothing."""
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    pot = bundled / "locales" / "infusion-safety.pot"
    assert MSGMERGE is not None and MSGCAT is not None
    subprocess.run([MSGMERGE, "-q", "--previous", "-o", str(po), str(po), str(pot)], check=True)
    leaflet = bundled / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(source.replace("Safety of MSC infusions", LONG_TITLE, 1), encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # it would date the templates
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    written = po.read_text(encoding="utf-8")
    assert "ClinicalTrials." in written and LONG_TITLE not in written
    gnu = subprocess.run([MSGCAT, str(po)], check=True, capture_output=True, text=True)
    assert gnu.stdout == written


NEW_TEXTS = """\
msgid ""
msgstr ""
"Language: ja\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "old"
msgid ""
"A text a tool wrapped: the file is wrapped, so a new text is wrapped like "
"it, as GNU does."
msgstr "古い訳"
"""


def test_new_texts_are_wrapped_at_79_columns_without_splitting_an_escape() -> None:
    """GNU's rule, as msgcat 0.21 writes these: 79 columns with quotes and prefix, a
    wide character counts two, a break after a blank or between ideographs (never
    inside Thai words), never inside an escape nor before a line's closing \\n."""
    catalog = parse_po(NEW_TEXTS)
    template = parse_po(NEW_TEXTS)
    [old] = template.entries
    old.msgstr = ""
    template.entries.append(
        Entry(
            msgctxt="new",
            msgid='Ask for the trial\'s "registration number" and look it up\ton the register '
            "before you agree.\nSecond line.\n",
            msgstr='該当するリーフレットはありません。検索語を消すか、別の言語を選んでください。"',
        )
    )
    merged = merge(template, catalog, dict(catalog.header))
    merged.entries.append(
        Entry(
            msgid="gone",
            msgstr="ขอเลขทะเบียนของการทดลอง แล้วค้นหาใน ClinicalTrials.gov "
            "ตรวจดูว่าการทดลองอยู่ในระยะใด และใครเป็นผู้ดำเนินการ",
            obsolete=True,
        )
    )
    new = format_po(merged).split("\n\n", 2)[2]
    assert new == (
        'msgctxt "new"\n'
        'msgid ""\n'
        '"Ask for the trial\'s \\"registration number\\" and look it up\\ton the register "\n'
        '"before you agree.\\n"\n'
        '"Second line.\\n"\n'
        'msgstr ""\n'
        '"該当するリーフレットはありません。検索語を消すか、別の言語を選んでくださ"\n'
        '"い。\\""\n'
        "\n"
        '#~ msgid "gone"\n'
        '#~ msgstr ""\n'
        '#~ "ขอเลขทะเบียนของการทดลอง แล้วค้นหาใน ClinicalTrials.gov "\n'
        '#~ "ตรวจดูว่าการทดลองอยู่ในระยะใด และใครเป็นผู้ดำเนินการ"\n'
    )


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "BOM"])
def test_update_keeps_crlf_when_the_last_line_has_no_line_end(
    bundled: Path, monkeypatch: pytest.MonkeyPatch, bom: bytes
) -> None:
    """Notepad and many Windows editors save the last line without a line end. Only the
    lines with an end tell the file's convention: update wrote every line back with LF,
    so the translator's diff was the whole file, not the one new entry."""
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    crlf = po.read_bytes().replace(b"\n", b"\r\n")
    po.write_bytes(bom + crlf.removesuffix(b"\r\n"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # it would date the templates
    leaflet = bundled / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(source.replace("Safety of MSC infusions", "Safety of MSC drips", 1))
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    after = po.read_bytes()
    assert b"Safety of MSC drips" in after
    assert after.count(b"\n") == after.count(b"\r\n")


def test_the_lines_that_end_tell_the_line_ends_of_a_catalog() -> None:
    """An unended last line says nothing of the file's convention, and a file with no
    line end at all gets gettext's LF."""
    assert parse_po('msgid ""\r\nmsgstr "Language: th\\n"').newline == "\r\n"
    assert parse_po('msgid ""\nmsgstr "Language: th\\n"').newline == "\n"
    assert parse_po('msgid "" msgstr "Language: th\\n"').newline == "\n"


@pytest.mark.parametrize(
    "strings",
    [
        '"พัก"\n"ผ่อน"\n',  # a translator's own split after a word, not a tool's wrapping
        '"Rest "\n"well "\n"today."\n',
    ],
)
def test_a_string_split_by_hand_is_no_width_to_wrap_at(strings: str) -> None:
    """A width no tool uses by default is read from a file's lines (Poedit's "Wrap at
    100"), but a string a translator split by hand after a short word is no wrapping at
    ten columns: the header and every new text of the file were written a word a line."""
    catalog = parse_po(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "Rest well today."\nmsgstr ""\n{strings}'
    )
    assert catalog.wrapped and catalog.wrap_width == 79
