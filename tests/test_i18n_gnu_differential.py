"""Differential tests against GNU gettext on random catalogs.

An independent checker runs GNU ``msgmerge --previous``, ``msgfmt --check`` and
``msgcat`` on the catalogs it makes and compares them with ``msc-leaflet i18n update``.
These tests do the same on random but valid .po/.pot pairs: contexts, plurals, flags,
translator and extracted comments, references, ``#|`` previous strings, obsolete
entries, escapes, long lines, Thai, Arabic and CJK text, and headers with and without
(and with the wrong) Plural-Forms. They compare WHAT IS KEPT, entry by entry (every
translation, translator comment, flag and previous text), not the line wrapping; the
layout is compared where update promises it: a file in msgcat's layout is written back
byte for byte when nothing in it changed.

The differences docs/translating.md lists as deliberate are allowed here, each where
it applies; anything else is a defect.
"""

from __future__ import annotations

import gettext
import io
import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from msc_leaflet.cli.app import app
from msc_leaflet.errors import LeafletError
from msc_leaflet.i18n.catalog import Catalog, Entry, declared_plurals
from msc_leaflet.i18n.merge import adopt_moved
from msc_leaflet.i18n.mofile import mo_bytes
from msc_leaflet.i18n.pofile import format_po, parse_po, read_po
from msc_leaflet.i18n.workflow import translation

MSGMERGE, MSGFMT, MSGCAT = (shutil.which(t) for t in ("msgmerge", "msgfmt", "msgcat"))
MSGATTRIB = shutil.which("msgattrib") or "msgattrib"  # same package as msgmerge
needs_gnu = pytest.mark.skipif(
    None in (MSGMERGE, MSGFMT, MSGCAT),
    reason="GNU gettext (msgmerge, msgfmt, msgcat) is not on PATH (Debian package 'gettext')",
)
RANDOM = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # a fixed seed: the same examples on every run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# ASCII words for the texts that are edited or new: similarity is measured on UTF-8
# bytes by msgmerge and on characters by us (a documented difference), which agree
# for ASCII. Texts in other scripts are kept unchanged between template and catalog.
WORDS = ["rest", "drink", "water", "call", "the", "clinic", "fever", "day", "a", "of", "{n}"]
SPECIAL = ["\n", "\t", '"', "\\", "line\nbreak", 'say "yes"', "C:\\path"]
FOREIGN = ["พักผ่อน", "ดื่มน้ำ", "اتصل بالعيادة", "الحمى", "休息", "多喝水", "病院に電話", "uống nước"]
TRANSLATIONS = ["แปล", "ترجمة", "翻訳", "dịch", 'a "quote"', "two\nlines", "tab\there"]
LANGUAGES = {"th": 1, "ja": 1, "vi": 1, "zh_Hans": 1, "ar": 6, "de": 2}
PLURAL_FORMS = {
    1: "nplurals=1; plural=0;",
    2: "nplurals=2; plural=(n != 1);",
    6: "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5);",
}
# Flags GNU gettext knows. msgmerge takes them from the template, not the old entry.
FORMAT_FLAGS = ["c-format", "no-c-format", "python-format", "python-brace-format", "no-wrap"]
BRACES = "python-brace-format"
HEADER = {
    "Project-Id-Version": "test 1",
    "Report-Msgid-Bugs-To": "",
    "POT-Creation-Date": "2026-01-01 00:00+0000",
    "PO-Revision-Date": "2026-01-02 00:00+0000",
    "Last-Translator": "T <t@example.org>",
    "Language-Team": "T <t@example.org>",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}

ascii_texts = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=20, max_size=40).map(" ".join),  # long lines
    st.builds(
        lambda a, b, c: f"{a}{b}{c}",
        st.sampled_from(WORDS),
        st.sampled_from(SPECIAL),
        st.sampled_from(WORDS),
    ),
)
foreign_texts = st.lists(st.sampled_from(FOREIGN), min_size=1, max_size=3).map(" ".join)
contexts = st.sampled_from([None, "intro", "care", "list/1", "list/2", 'q"uote', "ไทย"])
comments = st.lists(st.sampled_from(["check term", "ok by Somchai", "  spaced  ", "ข้อความ"]))
extracted = st.lists(st.sampled_from(["title", "paragraph in section 2"]), max_size=2)
references = st.lists(st.sampled_from(["a.yaml:1", "a.yaml:12", "b.yaml:3"]), max_size=2)
flag_sets = st.lists(st.sampled_from(FORMAT_FLAGS), max_size=2, unique=True).filter(
    lambda flags: not ({"c-format", "no-c-format"} <= set(flags))
)


@st.composite
def template_entries(draw: st.DrawFn) -> list[Entry]:
    out = []
    for _ in range(draw(st.integers(1, 7))):
        plural = draw(st.integers(0, 2)) == 0
        entry = Entry(
            msgid=draw(st.one_of(ascii_texts, foreign_texts)),
            msgctxt=draw(contexts),
            extracted=draw(extracted),
            references=draw(references),
            flags=draw(flag_sets),
        )
        if plural:
            entry.msgid_plural = entry.msgid + " (plural)"
            entry.msgstr_plural = {0: "", 1: ""}
        out.append(entry)
    return list({(e.msgctxt, e.msgid): e for e in out}.values())


def _translate(draw: st.DrawFn, entry: Entry, forms: int) -> None:
    """Give ``entry`` a translation (sometimes none), in its shape."""
    word = draw(st.sampled_from(TRANSLATIONS))
    if "{n}" in entry.msgid and (BRACES in entry.flags or draw(st.booleans())):
        word += " {n}"  # a valid python-brace-format translation keeps the placeholder
    empty = draw(st.integers(0, 5)) == 0
    if entry.msgid_plural is not None:
        entry.msgstr_plural = {i: "" if empty else f"{word} {i}" for i in range(forms)}
    else:
        entry.msgstr = "" if empty else word


@st.composite
def old_catalogs(draw: st.DrawFn, template: list[Entry], language: str) -> Catalog:
    """A translator's catalog: some template entries kept (maybe fuzzy, with other
    flags), some edited, some gone, some obsolete, with comments and ``#|``."""
    forms = LANGUAGES[language]
    header = dict(HEADER, Language=language)
    plural_forms = draw(st.sampled_from(["right", "right", "missing", "wrong"]))
    if plural_forms != "missing":
        count = forms if plural_forms == "right" else (2 if forms != 2 else 1)
        header["Plural-Forms"] = PLURAL_FORMS[count]
        forms = count
    elif any(e.msgid_plural is not None for e in template):
        forms = 2  # GNU's default without a Plural-Forms
    entries: list[Entry] = []
    for source in template:
        fate = draw(st.sampled_from(["kept", "kept", "edited", "moved", "reshaped", "gone"]))
        if not source.msgid.isascii():
            fate = "kept"  # see WORDS
        if fate == "gone":
            continue
        msgid = source.msgid
        if fate == "edited":
            msgid = draw(st.sampled_from(["", "please "])) + msgid.replace("the", "a")
            msgid = msgid + draw(st.sampled_from(["", " now", "."]))
        context = source.msgctxt if fate != "moved" else draw(contexts)
        entry = Entry(
            msgid=msgid,
            msgctxt=context,
            comments=draw(comments),
            flags=draw(flag_sets),
            msgid_plural=None if source.msgid_plural is None else msgid + " (plural)",
        )
        if fate == "reshaped":  # a hand edit or another tool's: singular <-> plural
            entry.msgid_plural = msgid + " (plural)" if entry.msgid_plural is None else None
        _translate(draw, entry, forms)
        if entry.has_translation and draw(st.booleans()):
            entry.set_fuzzy(True)
            entry.previous_msgctxt = draw(st.sampled_from([None, context]))
            entry.previous_msgid = draw(ascii_texts)
        entry.obsolete = draw(st.integers(0, 4)) == 0
        entries.append(entry)
    for _ in range(draw(st.integers(0, 3))):  # texts the template no longer has
        entry = Entry(msgid=draw(ascii_texts), msgctxt=draw(contexts), comments=draw(comments))
        _translate(draw, entry, forms)
        entry.obsolete = draw(st.booleans())
        entries.append(entry)
    unique: dict[object, Entry] = {}
    for entry in entries:
        unique.setdefault(entry.key, entry)
    ordered = [e for e in unique.values() if not e.obsolete]
    ordered += [e for e in unique.values() if e.obsolete]
    return Catalog(header=header, entries=ordered)


def _template(entries: list[Entry]) -> Catalog:
    header = {k: v for k, v in HEADER.items() if k not in ("PO-Revision-Date",)}
    return Catalog(header=header, entries=entries, header_flags=["fuzzy"])


def run(*command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, env={"LC_ALL": "C"}
    )


# What a translator keeps, per entry. Documented differences are left out: a translator
# comment "earlier translation: …" (plural forms msgmerge drops), and flags GNU does
# not know (msgmerge drops them; update keeps them).
KNOWN_FLAGS = {"fuzzy", *FORMAT_FLAGS}


def kept(entry: Entry) -> dict[str, object]:
    return {
        "forms": entry.forms if entry.has_translation else [],
        "fuzzy": entry.fuzzy and entry.has_translation,
        "comments": [c for c in entry.comments if not c.startswith("earlier translation: ")],
        "flags": sorted(f for f in entry.flags if f in KNOWN_FLAGS and f != "fuzzy"),
        "extracted": entry.extracted,
        "references": entry.references,
        "plural": entry.msgid_plural,
    }


def previous(entry: Entry) -> tuple[str | None, str | None]:
    return (entry.previous_msgctxt, entry.previous_msgid)


def fitted(entry: Entry, count: int | None) -> dict[str, object]:
    """What a translator keeps of msgmerge's ``entry`` once its plural translation has
    the header's number of forms (msgmerge leaves the forms of a catalog whose
    Plural-Forms update filled in as they were, and msgfmt --check refuses them)."""
    found = kept(entry)
    if entry.msgid_plural is None or count is None or len(entry.msgstr_plural) == count:
        return found
    forms = entry.forms
    found["forms"] = [*forms[:count], *[""] * (count - len(forms))] if any(forms) else []
    if entry.previous_msgid_plural is None and len(set(forms)) == 1 and forms[0]:
        found["forms"] = forms[:1] * count  # a singular translation: in every form
    found["fuzzy"] = any(forms)
    return found


def rechecked(merged: Entry, old: Entry | None) -> bool:
    """Whether update marks ``merged`` fuzzy where msgmerge does not: the template made
    its text a format string (python-brace-format) and a text holds a brace; msgmerge
    checks the placeholders, update asks the translator to."""
    return (
        old is not None
        and old.has_translation
        and not old.fuzzy
        and BRACES in merged.flags
        and BRACES not in old.flags
        and "{" in merged.msgid + (merged.msgid_plural or "") + "".join(old.forms)
    )


def compare_merges(tmp: Path, old: Catalog, template: Catalog) -> Catalog:
    """Ours against msgmerge --previous on the same files; returns ours."""
    tmp = Path(tempfile.mkdtemp(dir=tmp))  # one folder per example
    old = parse_po(format_po(old))  # as read from its file
    (tmp / "old.po").write_text(format_po(old), encoding="utf-8")
    (tmp / "new.pot").write_text(format_po(template), encoding="utf-8")
    gnu_run = run(
        MSGMERGE or "", "--quiet", "--previous", "-o", "gnu.po", "old.po", "new.pot", cwd=tmp
    )
    assert gnu_run.returncode == 0, gnu_run.stderr
    gnu = read_po(tmp / "gnu.po")
    ours = translation(parse_po(format_po(template)), old.header["Language"], old)
    (tmp / "ours.po").write_text(format_po(ours), encoding="utf-8")
    assert [e.key for e in ours.active] == [e.key for e in gnu.active]
    count = declared_plurals(ours.header)
    before = {e.key: e for e in old.entries}
    for mine, theirs in zip(ours.active, gnu.active, strict=True):
        expected = fitted(theirs, count)
        if rechecked(theirs, before.get(theirs.key)):
            expected["fuzzy"] = True  # docs/translating.md, "Flags"
        assert (mine.key, kept(mine)) == (theirs.key, expected)
        if theirs.fuzzy and theirs.previous_msgid is not None:
            assert (mine.key, previous(mine)) == (theirs.key, previous(theirs))
    gnu_obsolete = {e.key: kept(e) for e in gnu.obsolete}
    our_obsolete = {e.key: kept(e) for e in ours.obsolete if e.key in gnu_obsolete}
    assert our_obsolete == gnu_obsolete
    assert list(our_obsolete) == list(gnu_obsolete)  # in the old file's order, as msgmerge's
    # msgmerge drops an untranslated entry's comments; update keeps them (documented)
    assert all(e.has_translation or e.comments for e in ours.obsolete if e.key not in gnu_obsolete)
    return ours


@st.composite
def catalog_pairs(draw: st.DrawFn) -> tuple[Catalog, Catalog]:
    entries = draw(template_entries())
    language = draw(st.sampled_from(sorted(LANGUAGES)))
    return draw(old_catalogs(entries, language)), _template(entries)


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_update_keeps_what_msgmerge_keeps(tmp_path: Path, pair: tuple[Catalog, Catalog]) -> None:
    old, template = pair
    compare_merges(tmp_path, old, template)


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_exact_matches_are_msgmerge_s_without_fuzzy_matching(
    tmp_path: Path, pair: tuple[Catalog, Catalog]
) -> None:
    """``msgmerge --no-fuzzy-matching`` keeps only the translations of unchanged texts;
    update keeps each of those as that does (it has no such option: a changed text
    always gets the most similar translation, fuzzy)."""
    old, template = pair
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    old = parse_po(format_po(old))
    (tmp_path / "old.po").write_text(format_po(old), encoding="utf-8")
    (tmp_path / "new.pot").write_text(format_po(template), encoding="utf-8")
    exact = ["--quiet", "--previous", "--no-fuzzy-matching", "-o", "gnu.po", "old.po", "new.pot"]
    assert run(MSGMERGE or "", *exact, cwd=tmp_path).returncode == 0
    gnu = read_po(tmp_path / "gnu.po")
    ours = translation(parse_po(format_po(template)), old.header["Language"], old)
    count, before = declared_plurals(ours.header), {e.key: e for e in old.entries}
    mine = {e.key: e for e in ours.active}
    for theirs in gnu.active:
        if theirs.has_translation:
            expected = fitted(theirs, count)
            if rechecked(theirs, before.get(theirs.key)):
                expected["fuzzy"] = True
            assert kept(mine[theirs.key]) == expected


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_update_writes_what_msgfmt_accepts(tmp_path: Path, pair: tuple[Catalog, Catalog]) -> None:
    old, template = pair
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    old = parse_po(format_po(old))
    ours = translation(template, old.header["Language"], old)
    (tmp_path / "ours.po").write_text(format_po(ours), encoding="utf-8")
    checked = run(
        MSGFMT or "", "--check", "--check-format", "-o", "/dev/null", "ours.po", cwd=tmp_path
    )
    assert checked.returncode == 0, checked.stderr


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_we_read_what_gnu_writes_as_gnu_reads_it(
    tmp_path: Path, pair: tuple[Catalog, Catalog]
) -> None:
    """msgcat writes the catalog in its own layout (wrapped at 79, wide characters
    counting two): read back by us, it holds the same entries as the file it was made
    from, and written back by us (as update writes a catalog nothing changed in) it is
    the same file, so a translator's diff after update is empty."""
    old, _ = pair
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    (tmp_path / "in.po").write_text(format_po(old), encoding="utf-8")
    cat = run(MSGCAT or "", "-o", "gnu.po", "in.po", cwd=tmp_path)
    assert cat.returncode == 0, cat.stderr
    ours = read_po(tmp_path / "in.po")
    if not (tmp_path / "gnu.po").exists():  # msgcat writes nothing for a catalog of none
        assert not [e for e in ours.entries if e.has_translation or not e.obsolete]
        return
    gnu = read_po(tmp_path / "gnu.po")
    assert gnu.header == ours.header
    assert format_po(gnu) == (tmp_path / "gnu.po").read_text(encoding="utf-8")
    # GNU drops an obsolete entry without a translation when it reads the file
    assert [(e.key, e.obsolete, kept(e), previous(e)) for e in gnu.entries] == [
        (e.key, e.obsolete, kept(e), previous(e))
        for e in ours.entries
        if e.has_translation or not e.obsolete
    ]


# The reader against GNU on hand-edited files: a valid catalog with a few of the edits
# translators and other tools make (blanks, tabs, a character added or lost, keywords
# swapped, a comment marker changed), each read by us and by msgcat. Where GNU accepts
# the file, we read the entries it reads; where it refuses, we refuse at a line. Left
# out: NUL (refused by design, see pofile) and two strings with nothing between them
# (docs/translating.md).
HEADER_TEXT = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)
BASE_ENTRIES = [
    ["# note", "#. extracted", "#: a.yaml:1 b.yaml:2", "#, fuzzy, c-format",
     '#| msgctxt "old"', '#| msgid "old text"', 'msgctxt "ctx"', 'msgid "Hello"',
     'msgstr "สวัสดี"'],
    ['msgid "one"', 'msgid_plural "many"', 'msgstr[0] "หนึ่ง"', 'msgstr[1] "หลาย"'],
    ['msgid ""', '"multi\\n"', '"line"', 'msgstr ""', '"หลาย\\n"', '"บรรทัด"'],
    ['#~ msgctxt "gone"', '#~ msgid "Old"', '#~ msgstr "เก่า"'],
    ["#, fuzzy", '#~| msgid "older"', '#~ msgid "Old2"', '#~ msgstr "เก่า2"'],
]  # fmt: skip
EDITS = [
    lambda line, _: " " + line,
    lambda line, _: line + "\t",
    lambda line, _: line.replace(" ", "\t", 1),
    lambda line, _: line.replace(' "', '"', 1),
    lambda line, _: line.replace('" ', '"', 1),
    lambda line, _: line.replace('"', '" "', 2).replace('" "', '"', 1),  # "a" "b"
    lambda line, _: line.replace("#~ ", "#~", 1).replace("#| ", "#|", 1),
    lambda line, _: line.replace("msgstr[", "msgstr [", 1).replace("msgstr", "msgid", 1),
    lambda line, _: line.replace("msgid", "msgctxt", 1),
    lambda line, _: line.replace("msgid", "msgid_plural", 1),
    lambda line, _: line.replace("e", "\\x65", 1).replace("l", "\\154", 1),
    lambda line, _: line.replace("e", "\\e", 1),
    lambda line, _: line.replace("#|", "#~|", 1),
    lambda line, _: line.replace("#~|", "#|", 1),
    lambda line, _: line.replace("#~ ", "", 1),
    lambda line, _: line if line.startswith("#") else "#~ " + line,
    lambda line, i: line[:i] + line[i + 1 :],  # a character lost
    lambda line, i: line[:i] + '"' + line[i:],
    lambda line, i: line[:i] + "\\" + line[i:],
    lambda line, _: "#~ " + line if line.startswith("#~") else line,  # obsolete twice
    lambda line, i: line if _comment(line) else line[:i] + "\\\n" + line[i:],  # as in C
    lambda line, _: line + "\r",  # a CRLF line end in an LF file
    lambda line, _: line.replace("e", "\\a", 1).replace("ll", "\\f\\v\\b", 1),
    lambda line, _: line.replace('msgctxt "ctx"', 'msgctxt ""', 1),  # empty, not none
    lambda line, _: line if _comment(line) else line.replace(' "', '\n"', 1),  # string below
    lambda line, i: line[:i] + "\u00a0" + line[i:],  # a no-break space: no blank to GNU
]


def _comment(line: str) -> bool:
    """A comment line, which GNU joins the next line to if it ends with a backslash;
    refused at its line by design (docs/translating.md)."""
    return line.startswith("#") and not line.startswith(("#~", "#|"))


@st.composite
def edited_catalogs(draw: st.DrawFn) -> str:
    entries = [list(entry) for entry in draw(st.permutations(BASE_ENTRIES))]
    for entry in entries:
        for _ in range(draw(st.integers(0, 2))):
            index = draw(st.integers(0, len(entry) - 1))
            edit = draw(st.sampled_from(EDITS))
            line = entry[index]
            entry[index] = edit(line, draw(st.integers(0, max(len(line) - 1, 0))))
        if draw(st.integers(0, 9)) == 0:
            entry.insert(draw(st.integers(0, len(entry))), draw(st.sampled_from(["", "#", '""'])))
        if draw(st.integers(0, 5)) == 0 and len(entry) > 1:  # two lines made one
            index = draw(st.integers(0, len(entry) - 2))
            entry[index : index + 2] = [entry[index] + " " + entry[index + 1]]
    return HEADER_TEXT + "\n\n".join("\n".join(entry) for entry in entries) + "\n"


def read_as_gnu(entry: Entry) -> tuple[object, ...]:
    """What GNU keeps of an entry it reads: known flags, no untranslated obsolete one."""
    flags = sorted(f for f in entry.flags if f in KNOWN_FLAGS)
    texts = (entry.comments, entry.extracted, entry.references)
    source = (previous(entry), entry.previous_msgid_plural)
    return (entry.key, entry.msgid_plural, entry.forms, entry.obsolete, flags, texts, source)


@needs_gnu
@RANDOM
@given(text=edited_catalogs())
def test_we_accept_what_gnu_accepts_and_read_it_alike(tmp_path: Path, text: str) -> None:
    if "\\0" in text or re.search(r'(?<!\\)""(?!\n)', text.replace('msgid ""', "")):
        return  # refused by design (see above)
    if any(_comment(line.lstrip()) and line.endswith("\\") for line in text.split("\n")):
        return  # a comment GNU joins the next line to: refused by design (see _comment)
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))
    (tmp_path / "in.po").write_text(text, encoding="utf-8")
    gnu = run(MSGCAT or "", "-o", "gnu.po", "in.po", cwd=tmp_path)
    try:
        ours = parse_po(text, tmp_path / "in.po")
    except LeafletError as refused:
        assert gnu.returncode != 0, f"GNU accepts what we refuse: {refused}"
        assert refused.location is not None and refused.location.line
        return
    assert gnu.returncode == 0, f"we accept what GNU refuses: {gnu.stderr}"
    theirs = read_po(tmp_path / "gnu.po")
    assert ours.header == theirs.header
    kept_by_gnu = [e for e in ours.active + ours.obsolete if e.has_translation or not e.obsolete]
    assert [read_as_gnu(e) for e in kept_by_gnu] == [
        read_as_gnu(e) for e in theirs.active + theirs.obsolete
    ]


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_compile_gives_gettext_what_msgfmt_gives_it(
    tmp_path: Path, pair: tuple[Catalog, Catalog]
) -> None:
    """`i18n compile` and msgfmt on the same catalog: gettext finds the same messages
    (plural, context, fuzzy, obsolete and untranslated entries, the header)."""
    old, _ = pair
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    (tmp_path / "th.po").write_text(format_po(old), encoding="utf-8")
    assert run(MSGFMT or "", "-o", "th.mo", "th.po", cwd=tmp_path).returncode == 0
    gnu = gettext.GNUTranslations(io.BytesIO((tmp_path / "th.mo").read_bytes()))
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(read_po(tmp_path / "th.po"))))
    assert ours._catalog == gnu._catalog  # type: ignore[attr-defined]


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_update_of_an_updated_catalog_changes_nothing(
    tmp_path: Path, pair: tuple[Catalog, Catalog]
) -> None:
    """catalog → update → update is a fixed point, byte for byte: a second update with
    nothing changed gives the translator no diff, in our layout or in the one msgcat
    (like msgmerge and Poedit) saves the file in."""
    old, template = pair
    old = parse_po(format_po(old))
    language = old.header["Language"]
    once = format_po(translation(parse_po(format_po(template)), language, old))
    twice = translation(parse_po(format_po(template)), language, parse_po(once))
    assert format_po(twice) == once
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    (tmp_path / "once.po").write_text(once, encoding="utf-8")
    assert run(MSGCAT or "", "-o", "gnu.po", "once.po", cwd=tmp_path).returncode == 0
    if (tmp_path / "gnu.po").exists():  # msgcat writes nothing for a catalog of none
        wrapped = (tmp_path / "gnu.po").read_text(encoding="utf-8")
        again = translation(parse_po(format_po(template)), language, parse_po(wrapped))
        assert format_po(again) == wrapped


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_an_obsolete_translation_comes_back_with_its_text(
    tmp_path: Path, pair: tuple[Catalog, Catalog]
) -> None:
    """A template without a text makes its translation obsolete; the template with it
    again brings the translation back as it was, as msgmerge does."""
    old, template = pair
    old = parse_po(format_po(old))
    language = old.header["Language"]
    first = translation(parse_po(format_po(template)), language, old)
    without = _template(template.active[1:])
    gone = translation(parse_po(format_po(without)), language, parse_po(format_po(first)))
    back = translation(parse_po(format_po(template)), language, parse_po(format_po(gone)))
    assert [(e.key, kept(e)) for e in back.active] == [(e.key, kept(e)) for e in first.active]
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    for name, catalog in {"gone.po": gone, "t.pot": template}.items():
        (tmp_path / name).write_text(format_po(catalog), encoding="utf-8")
    merged = run(
        MSGMERGE or "", "--quiet", "--previous", "-o", "gnu.po", "gone.po", "t.pot", cwd=tmp_path
    )
    assert merged.returncode == 0, merged.stderr
    gnu = read_po(tmp_path / "gnu.po")
    assert [e.forms for e in gnu.active[:1]] == [e.forms for e in back.active[:1]]


@needs_gnu
@RANDOM
@given(pair=catalog_pairs())
def test_update_of_a_gnu_wrapped_catalog_writes_gnu_s_layout(
    tmp_path: Path, pair: tuple[Catalog, Catalog]
) -> None:
    """A catalog msgcat (like msgmerge and Poedit) saved wrapped: every text update writes
    into it, new, edited, fuzzy with its #| text or obsolete, is laid out as msgcat lays
    it out, so the translator's next save in Poedit changes nothing."""
    old, template = pair
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    (tmp_path / "old.po").write_text(format_po(parse_po(format_po(old))), encoding="utf-8")
    assert run(MSGCAT or "", "-o", "gnu.po", "old.po", cwd=tmp_path).returncode == 0
    if not (tmp_path / "gnu.po").exists():
        return  # msgcat writes nothing for a catalog of none
    wrapped = parse_po((tmp_path / "gnu.po").read_text(encoding="utf-8"))
    if not wrapped.wrapped:
        return  # nothing long enough to wrap: update cannot tell the file's layout
    ours = translation(template, wrapped.header["Language"], wrapped)  # extracted: no lines
    (tmp_path / "ours.po").write_text(format_po(ours), encoding="utf-8")
    assert run(MSGCAT or "", "-o", "again.po", "ours.po", cwd=tmp_path).returncode == 0
    # msgcat drops an untranslated obsolete entry, which update keeps for its comments
    ours.entries = [e for e in ours.entries if e.has_translation or not e.obsolete]
    assert (tmp_path / "again.po").read_text(encoding="utf-8") == format_po(ours)


@needs_gnu
@pytest.mark.parametrize("width", [77, 76, 60, 72, 100])
def test_update_of_a_catalog_wrapped_at_another_width_keeps_the_file_s_width(
    tmp_path: Path, width: int
) -> None:
    """Weblate saves .po files wrapped at 77 columns (some tools at 76), and a translator
    may set Poedit's "Wrap at" to 100 or 60. An edited text, and the old text under #|,
    were wrapped at GNU's 79: the translator's next save rewrapped them, a second diff in
    review for the same entries."""
    from i18n_support import copy_bundled, invoke

    root = copy_bundled(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    narrow = ["--width", str(width), "-o", po.name, po.name]
    assert run(MSGCAT or "", *narrow, cwd=po.parent).returncode == 0
    saved = po.read_text("utf-8")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    assert po.read_text("utf-8") == saved  # nothing changed: nothing rewritten
    leaflet = root / "leaflets" / "infusion-safety.yaml"
    text = leaflet.read_text("utf-8")
    assert "  Some clinics give mesenchymal" in text
    leaflet.write_text(
        text.replace(
            "  Some clinics give mesenchymal",
            "  Most clinics, and some hospitals abroad, also give mesenchymal",
        ),
        "utf-8",
    )
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    updated = po.read_text("utf-8")
    assert "#| " in updated and updated != saved
    assert run(MSGCAT or "", *narrow, cwd=po.parent).returncode == 0
    assert po.read_text("utf-8") == updated  # what Weblate would save: the same


@needs_gnu
@RANDOM
@pytest.mark.parametrize("width", [77, 60, 100])
@given(pair=catalog_pairs())
def test_update_of_a_catalog_wrapped_at_77_writes_that_layout(
    tmp_path: Path, width: int, pair: tuple[Catalog, Catalog]
) -> None:
    """As for a catalog msgcat wrapped at its default 79 columns (above), for one Weblate
    wrapped at 77, or a translator's editor at 60 or 100 columns, when its lines show
    that width (they would not all fit at 79)."""
    old, template = pair
    tmp_path = Path(tempfile.mkdtemp(dir=tmp_path))  # one folder per example
    (tmp_path / "old.po").write_text(format_po(parse_po(format_po(old))), encoding="utf-8")
    narrow = ("-w", str(width), "-o")
    assert run(MSGCAT or "", *narrow, "gnu.po", "old.po", cwd=tmp_path).returncode == 0
    if not (tmp_path / "gnu.po").exists():
        return  # msgcat writes nothing for a catalog of none
    assert run(MSGCAT or "", "-o", "at79.po", "gnu.po", cwd=tmp_path).returncode == 0
    saved = (tmp_path / "gnu.po").read_text(encoding="utf-8")
    at79 = tmp_path / "at79.po"
    if not at79.exists() or at79.read_text(encoding="utf-8") == saved:
        return  # laid out as at 79 columns too: nothing shows the file's width
    wrapped = parse_po(saved)
    if not wrapped.wrapped:
        return  # no text broken inside a line: nothing shows that a tool wrapped it
    ours = translation(template, wrapped.header["Language"], wrapped)
    (tmp_path / "ours.po").write_text(format_po(ours), encoding="utf-8")
    assert run(MSGCAT or "", *narrow, "again.po", "ours.po", cwd=tmp_path).returncode == 0
    ours.entries = [e for e in ours.entries if e.has_translation or not e.obsolete]
    assert (tmp_path / "again.po").read_text(encoding="utf-8") == format_po(ours)


# Plural-Forms formulas, checked by `plural_forms` on a laptop without GNU gettext: the
# verdict must be msgfmt's. Token soup finds the grammar's edges (an operator missing,
# a parenthesis left open); expressions built from the grammar find its meaning
# (precedence, `!`, division by zero in a branch not taken, unsigned wrap-around).
FORMULA_TOKENS = ["n", "0", "1", "2", "10", "(", ")", "!", "!=", "==", "<", ">=", "&&",
                  "||", "+", "-", "*", "/", "%", "?", ":", "m", " "]  # fmt: skip
OPERATORS = ["!=", "==", "<", ">", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%"]
formula_atoms = st.sampled_from(["n", "0", "1", "2", "3", "10", "100"])
formula_trees = st.recursive(
    formula_atoms,
    lambda inner: st.one_of(
        st.builds(lambda a, op, b: f"{a}{op}{b}", inner, st.sampled_from(OPERATORS), inner),
        st.builds(lambda a: f"({a})", inner),
        st.builds(lambda a: f"!{a}", inner),
        st.builds(lambda a, b, c: f"{a} ? {b} : {c}", inner, inner, inner),
    ),
    max_leaves=8,
)
formulas = st.one_of(
    formula_trees, st.lists(st.sampled_from(FORMULA_TOKENS), max_size=8).map("".join)
)


@needs_gnu
@settings(RANDOM, max_examples=400)
@given(
    formula=formulas,
    nplurals=st.sampled_from(["1", "2", "3", "6", "x", ""]),
)
def test_plural_formula_verdicts_are_msgfmts(tmp_path: Path, formula: str, nplurals: str) -> None:
    from msc_leaflet.i18n.plural_forms import MSGFMT_COUNTS, plural_problems

    header = dict(
        HEADER, Language="th", **{"Plural-Forms": f"nplurals={nplurals}; plural={formula};"}
    )
    catalog = Catalog(header=header, entries=[Entry(msgid="rest", msgstr="พัก")])
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "th.po"
    path.write_text(format_po(catalog), encoding="utf-8")
    gnu = run(MSGFMT or "", "--check", "-o", "/dev/null", path.name, cwd=path.parent)
    ours = [
        p.message
        for p in plural_problems(read_po(path), "th")
        # deliberately stricter than msgfmt, which tries n up to 1000 only
        if not re.search(r"for n = (\d+)", p.message)
        or int(re.findall(r"for n = (\d+)", p.message)[0]) <= MSGFMT_COUNTS
    ]
    assert bool(ours) == (gnu.returncode != 0), (ours, gnu.stderr)


# Format strings (python-format, c-format, python-brace-format) and plural forms, checked
# by `format_strings` and `plural_forms` on a laptop without GNU gettext: the verdict on
# each entry must be msgfmt --check's. Pieces are drawn so that most strings are valid
# and many pairs differ in one way (a directive missing, retyped, renamed, reordered,
# numbered), with some a parser must refuse ("%", "%y", "{", "{!r}").
FORMAT_PIECES = {
    "python-format": ["%d", "%s", "%r", "%i", "%f", "%x", "%c", "%%", "%(n)d", "%(n)s",
                      "%(m)s", "%(n).0s", "%5d", "%*d", "%.2f", "%", "%y", "%-d", " ", "a"],
    "c-format": ["%d", "%s", "%u", "%x", "%ld", "%lu", "%f", "%Lf", "%c", "%lc", "%p", "%%",
                 "%1$d", "%2$s", "%1$s", "%2$d", "%3$d", "%*d", "%.*f", "%m", "%'d", "%zd",
                 "%hhd", "%Id", "%", "%y", " ", "a"],
    "python-brace-format": ["{n}", "{0}", "{1}", "{m}", "{{", "}}", "{n:>10}", "{n!r}", "{}",
                            "{n.x}", "{n[0]}", "{n:{w}}", "{", "}", " ", "a"],
}  # fmt: skip
format_flags = st.sampled_from(sorted(FORMAT_PIECES))


def format_texts(flag: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(FORMAT_PIECES[flag]), max_size=4).map("".join)


def msgfmt_refuses(tmp_path: Path, catalog: Catalog) -> tuple[Path, bool, str]:
    """The catalog written to a file of its own, and whether msgfmt --check refuses it."""
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "c.po"
    path.write_text(format_po(catalog), encoding="utf-8")
    gnu = run(MSGFMT or "", "--check", "-o", "/dev/null", path.name, cwd=path.parent)
    return path, gnu.returncode != 0, gnu.stderr


@needs_gnu
@settings(RANDOM, max_examples=300)
@given(data=st.data(), flag=format_flags)
def test_format_string_verdicts_are_msgfmts(tmp_path: Path, data: st.DataObject, flag: str) -> None:
    from msc_leaflet.i18n.format_strings import entry_format_problems

    msgid, msgstr = data.draw(format_texts(flag)), data.draw(format_texts(flag))
    header = dict(HEADER, Language="de", **{"Plural-Forms": PLURAL_FORMS[2]})
    entry = Entry(msgid=msgid or "x", msgstr=msgstr or "y", flags=[flag])
    path, refused, stderr = msgfmt_refuses(tmp_path, Catalog(header=header, entries=[entry]))
    [read] = read_po(path).active
    ours = entry_format_problems(read, None)
    assert bool(ours) == refused, (ours, stderr)


@needs_gnu
@settings(RANDOM, max_examples=300)
@given(
    data=st.data(),
    flag=format_flags,
    language=st.sampled_from(["th", "de", "ar"]),
    counts=st.lists(st.integers(1, 7), min_size=1, max_size=3),
)
def test_plural_entry_verdicts_are_msgfmts(
    tmp_path: Path, data: st.DataObject, flag: str, language: str, counts: list[int]
) -> None:
    """Plural entries with as many forms as the header says or not, each form with the
    directives of msgid_plural or not: a form for many counts needs them all, the one
    for n = 1 alone may leave them out."""
    from msc_leaflet.i18n.format_strings import entry_format_problems
    from msc_leaflet.i18n.plural_forms import often_forms, plural_problems

    header = dict(HEADER, Language=language, **{"Plural-Forms": PLURAL_FORMS[LANGUAGES[language]]})
    entries = []
    for number, count in enumerate(counts):
        plural = data.draw(format_texts(flag))
        kept = st.sampled_from([plural, plural, "a"])  # as msgid_plural, or no directive
        forms = [data.draw(st.one_of(kept, format_texts(flag))) for _ in range(count)]
        entry = Entry(msgid=f"one {number}", msgid_plural=plural or "p", flags=[flag])
        entry.msgstr_plural = {i: form or "f" for i, form in enumerate(forms)}
        entries.append(entry)
    path, refused, stderr = msgfmt_refuses(tmp_path, Catalog(header=header, entries=entries))
    catalog = read_po(path)
    ours = [p.message for p in plural_problems(catalog, language)]
    ours += [
        p.message for e in catalog.active for p in entry_format_problems(e, often_forms(catalog))
    ]
    assert bool(ours) == refused, (ours, stderr)


# Hand-made plural entries at the edges the random ones seldom reach: the form for n = 1
# alone may leave out a directive ("ein Tag"), a form for many counts may not, and
# Thai's one form is for every count.
HAND_MADE_PLURALS = [
    ("de", "python-format", "%(n)d days", ["ein Tag", "%(n)d Tage"]),
    ("de", "python-format", "%(n)d days", ["ein Tag", "Tage"]),
    ("de", "python-format", "%d days", ["ein Tag", "%d Tage"]),
    ("de", "python-format", "%(n)d days", ["%(n)s Tag", "%(n)d Tage"]),
    ("de", "python-format", "%(n)d days", ["%(m)d Tag", "%(n)d Tage"]),
    ("de", "python-format", "%(n)s days", ["%(n).0s Tag", "%(n)s Tage"]),
    ("de", "c-format", "%d days", ["ein Tag", "%d Tage"]),
    ("de", "c-format", "%d days %s", ["%d Tag", "%d Tage %s"]),
    ("de", "c-format", "%d days", ["%d Tag", "Tage"]),
    ("de", "python-brace-format", "{n} days", ["ein Tag", "{n} Tage"]),
    ("de", "python-brace-format", "{n} days", ["{m} Tag", "{n} Tage"]),
    ("de", "python-brace-format", "{n} days", ["Tag", "Tage"]),
    ("th", "python-format", "%(n)d days", ["วัน"]),
    ("th", "c-format", "%d days", ["%d วัน"]),
    ("th", "c-format", "%d days", ["%d วัน", "%d วัน"]),
    ("ar", "c-format", "%d days", ["a", "b", "c", "%d", "%d", "%d"]),
    ("ar", "c-format", "%d days", ["a", "b", "c", "d", "%d", "%d"]),
    ("ar", "c-format", "%d days", ["%d"]),
]


@needs_gnu
@pytest.mark.parametrize(("language", "flag", "plural", "forms"), HAND_MADE_PLURALS)
def test_hand_made_plural_verdicts_are_msgfmts(
    tmp_path: Path, language: str, flag: str, plural: str, forms: list[str]
) -> None:
    from msc_leaflet.i18n.format_strings import entry_format_problems
    from msc_leaflet.i18n.plural_forms import often_forms, plural_problems

    header = dict(HEADER, Language=language, **{"Plural-Forms": PLURAL_FORMS[LANGUAGES[language]]})
    entry = Entry(msgid="one day", msgid_plural=plural, flags=[flag])
    entry.msgstr_plural = dict(enumerate(forms))
    path, refused, stderr = msgfmt_refuses(tmp_path, Catalog(header=header, entries=[entry]))
    catalog = read_po(path)
    ours = [p.message for p in plural_problems(catalog, language)]
    ours += [p.message for p in entry_format_problems(catalog.active[0], often_forms(catalog))]
    assert bool(ours) == refused, (ours, stderr)


# A seeded fuzz of whole files, written here line by line as translators' tools write
# them (not by our writer, so the reader is under test too): a translator's old catalog
# and the new template, merged by update and by `msgmerge --previous` (update's
# documented behaviour: it always writes the #| source of a fuzzy entry), compared
# entry by entry. Only the differences docs/translating.md lists are allowed, each by
# name in `_allowed`; every catalog update writes must pass `msgfmt --check`.
FUZZ_CASES = 300
FUZZ_WORDS = "rest drink water call the clinic fever day a of your doctor before after meals"
FUZZ_SPECIAL = ["\t", '"', "\\", "\n", 'say "yes"', "C:\\path\\to"]
FUZZ_FOREIGN = ["พักผ่อนให้เพียงพอ", "اتصل بالعيادة", "多喝水", "病院に電話してください", "uống nước"]
FUZZ_TRANSLATIONS = ["ดื่มน้ำ", "ترجمة", "翻訳です", "dịch", 'a "quote"', "two\nlines", "tab\there"]
FUZZ_FORMS = {"th": 1, "ja": 1, "de": 2, "ar": 6}
FUZZ_CONTEXTS = [None, None, "intro", "care", "list/1", "list/2", "faq/3/answer", "ไทย"]
FUZZ_FLAGS = ["python-format", "no-wrap", "c-format", "range: 1..5"]
FUZZ_COMMENTS = ["checked by Somchai", "term: see glossary", "ข้อความ"]
TEAM_FLAG = "x-team-reviewed"  # a flag gettext does not know: documented, update keeps it


def _po_string(keyword: str, text: str, mark: str, rng: random.Random) -> list[str]:
    """``keyword "text"`` after ``mark``, split after each \\n as editors often do."""
    escaped = [
        piece.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
        for piece in re.findall(r"[^\n]*\n|[^\n]+", text)
    ] or [""]
    if len(escaped) > 1 and rng.random() < 0.7:
        return [f'{mark}{keyword} ""', *(f'{mark}"{piece}"' for piece in escaped)]
    return [f'{mark}{keyword} "{"".join(escaped)}"']


def _po_entry(entry: dict[str, Any], rng: random.Random) -> list[str]:
    """One entry's lines; an obsolete one as ``#~`` with its ``#~|`` source."""
    mark, previous_mark = ("#~ ", "#~| ") if entry.get("obsolete") else ("", "#| ")
    lines = [f"# {c}" for c in entry.get("comments", [])]
    lines += [f"#. {c}" for c in entry.get("extracted", [])]
    if entry.get("references"):
        lines.append("#: " + " ".join(entry["references"]))
    if entry.get("flags"):
        lines.append("#, " + ", ".join(entry["flags"]))
    previous = entry.get("previous", (None, None, None))
    for keyword, text in zip(("msgctxt", "msgid", "msgid_plural"), previous, strict=True):
        if text is not None:
            lines += _po_string(keyword, text, previous_mark, rng)
    if entry["msgctxt"] is not None:
        lines += _po_string("msgctxt", entry["msgctxt"], mark, rng)
    lines += _po_string("msgid", entry["msgid"], mark, rng)
    if entry.get("msgid_plural") is None:
        return lines + _po_string("msgstr", entry.get("msgstr", ""), mark, rng)
    lines += _po_string("msgid_plural", entry["msgid_plural"], mark, rng)
    for index, form in enumerate(entry["forms"]):
        lines += _po_string(f"msgstr[{index}]", form, mark, rng)
    return lines


def _po_file(language: str | None, entries: list[dict[str, Any]], rng: random.Random) -> str:
    """A template (``language`` None: a fuzzy header) or a translator's catalog."""
    fields = ["Project-Id-Version: leaflet 1", "POT-Creation-Date: 2026-01-01 00:00+0000"]
    fields += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8"]
    fields += ["Content-Transfer-Encoding: 8bit"]
    if language is not None:
        fields += ["PO-Revision-Date: 2026-01-02 00:00+0000", "Last-Translator: T <t@example.org>"]
        fields += ["Language-Team: Thai <th@example.org>"]
        fields += [f"Language: {language}", f"Plural-Forms: {PLURAL_FORMS[FUZZ_FORMS[language]]}"]
    lines = ["# Thai translation, reviewed" if language else "#, fuzzy", 'msgid ""', 'msgstr ""']
    lines += [f'"{field}\\n"' for field in fields]
    for entry in entries:
        lines += ["", *_po_entry(entry, rng)]
    return "\n".join(lines) + "\n"


def _fuzz_sentence(rng: random.Random) -> str:
    """An English text: one word to a long paragraph, sometimes with an escape in it."""
    words = [rng.choice(FUZZ_WORDS.split()) for _ in range(rng.choice([1, 3, 5, 8, 25]))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), rng.choice(FUZZ_SPECIAL))
    return " ".join(words)


def _fuzz_edit(rng: random.Random, text: str) -> str:
    """``text`` with one word changed, added or removed: what an author's edit does."""
    words = text.split(" ")
    at, how = rng.randrange(len(words)), rng.random()
    if how < 0.4:
        words[at] = rng.choice(FUZZ_WORDS.split())
    elif how < 0.7 or len(words) == 1:
        words.insert(at, rng.choice(FUZZ_WORDS.split()))
    else:
        del words[at]
    return " ".join(words)


def _fuzz_plural(msgid: str) -> str:
    """The plural text of ``msgid``, ending in \n where it does (msgfmt's rule)."""
    body = msgid.removesuffix("\n") if msgid != "\n" else msgid
    return f"{body} (many)" + msgid[len(body) :]


def _fuzz_translation(msgid: str, text: str) -> str:
    """``text`` starting and ending with a line break where ``msgid`` does (msgfmt's rule)."""
    return "\n" * msgid.startswith("\n") + text + "\n" * (msgid.endswith("\n") and msgid != "\n")


def _fuzz_template_entry(rng: random.Random) -> dict[str, Any]:
    foreign = rng.random() < 0.2  # never edited: msgmerge measures bytes (documented)
    plural = rng.random() < 0.25
    msgid = rng.choice(FUZZ_FOREIGN) if foreign else _fuzz_sentence(rng)
    flags = rng.sample(FUZZ_FLAGS if plural else FUZZ_FLAGS[:3], rng.choice([0, 0, 1, 2]))
    files = rng.choice([0, 1, 2, 12])  # a text many leaflets share has many references
    return {
        "msgid": msgid,
        "msgctxt": rng.choice(FUZZ_CONTEXTS),
        "msgid_plural": _fuzz_plural(msgid) if plural else None,
        "forms": ["", ""],
        "flags": [f for f in flags if not (f == "c-format" and "python-format" in flags)],
        "extracted": ["paragraph"] if rng.random() < 0.3 else [],
        "references": [f"leaflets/l{i}.yaml:{rng.randint(1, 999)}" for i in range(files)],
    }


def _fuzz_translate(rng: random.Random, entry: dict[str, Any], forms: int) -> None:
    """Give ``entry`` a translation (sometimes none), maybe fuzzy with a ``#|`` source."""
    text = "" if rng.random() < 0.15 else rng.choice(FUZZ_TRANSLATIONS)
    if entry.get("msgid_plural") is not None:
        numbered = [f"{text} {i}" if text else "" for i in range(forms)]
        entry["forms"] = [_fuzz_translation(entry["msgid"], f) if f else "" for f in numbered]
    else:
        entry["msgstr"] = _fuzz_translation(entry["msgid"], text) if text else ""
    if text and rng.random() < 0.3:
        entry["flags"] = ["fuzzy", *entry.get("flags", [])]
        if rng.random() < 0.7:
            source = _fuzz_sentence(rng)
            plural = entry.get("msgid_plural") and rng.random() < 0.7
            plural = _fuzz_plural(source) if plural else None
            entry["previous"] = (rng.choice([entry["msgctxt"], None, "old/ctx"]), source, plural)


def _fuzz_old_entry(rng: random.Random, source: dict[str, Any], forms: int) -> dict[str, Any]:
    """The translator's entry for a template entry: kept, edited, moved, or obsolete."""
    ascii_fates = ["kept", "kept", "kept", "edited", "context", "obsolete"]
    fate = rng.choice(ascii_fates if source["msgid"].isascii() else ["kept", "obsolete"])
    entry = dict(source, comments=rng.sample(FUZZ_COMMENTS, rng.choice([0, 0, 1, 2])))
    if rng.random() < 0.3:  # flags an older template or the translator's team gave it
        entry["flags"] = rng.sample(["c-format", "no-wrap", TEAM_FLAG], rng.randint(0, 2))
    if fate == "edited":
        entry["msgid"] = _fuzz_edit(rng, source["msgid"])
        if source["msgid_plural"] is not None:
            entry["msgid_plural"] = _fuzz_plural(entry["msgid"])
    if fate == "context":  # a list item that moved, a renamed block id
        entry["msgctxt"] = rng.choice([c for c in FUZZ_CONTEXTS if c != source["msgctxt"]])
    _fuzz_translate(rng, entry, forms)
    entry["obsolete"] = fate == "obsolete" or rng.random() < 0.1
    return entry


def fuzz_pair(
    rng: random.Random, language: str | None = None
) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """A language, the new template's entries and the translator's old entries."""
    language = language or rng.choice(sorted(FUZZ_FORMS))
    forms = FUZZ_FORMS[language]
    template = list({(e["msgctxt"], e["msgid"]): e for e in (
        _fuzz_template_entry(rng) for _ in range(rng.randint(1, 9))
    )}.values())  # fmt: skip
    old = [_fuzz_old_entry(rng, e, forms) for e in template if rng.random() < 0.85]
    for source in template:  # the same text translated under other contexts
        if rng.random() < 0.3:
            for context in rng.sample(FUZZ_CONTEXTS, rng.randint(1, 3)):
                entry = dict(source, msgctxt=context, flags=[], comments=[f"as {context}"])
                _fuzz_translate(rng, entry, forms)
                entry["obsolete"] = rng.random() < 0.3
                old.insert(rng.randint(0, len(old)), entry)
    for _ in range(rng.randint(0, 2)):  # texts the author deleted
        gone = {"msgid": _fuzz_sentence(rng), "msgctxt": rng.choice(FUZZ_CONTEXTS)}
        _fuzz_translate(rng, gone, forms)
        old.append(dict(gone, comments=["old note"], obsolete=rng.random() < 0.5))
    keys = {(e["msgctxt"], e["msgid"]) for e in template}
    # msgmerge refuses a repeated entry, and an obsolete one beside its text
    unique: dict[object, dict[str, Any]] = {}
    for entry in old:
        if not (entry["obsolete"] and (entry["msgctxt"], entry["msgid"]) in keys):
            unique.setdefault((entry["msgctxt"], entry["msgid"]), entry)
    ordered = sorted(unique.values(), key=lambda e: bool(e["obsolete"]))
    return language, template, ordered


def seen(entry: Entry) -> dict[str, object]:
    """What a translator sees of ``entry``, less the documented extras update keeps."""
    translated = entry.has_translation
    fuzzy = entry.fuzzy and translated
    return {
        "key": entry.key,
        "plural": entry.msgid_plural,
        "forms": entry.forms if translated else [],
        "fuzzy": fuzzy,
        "previous": _previous_source(entry) if fuzzy else None,
        "comments": [c for c in entry.comments if not c.startswith("earlier translation: ")],
        "flags": sorted(f for f in entry.flags if f not in ("fuzzy", TEAM_FLAG)),
        "extracted": entry.extracted,
        "references": entry.references,
    }


def _previous_source(entry: Entry) -> tuple[str | None, ...]:
    return (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural)


def _allowed(mine: dict[str, object], theirs: dict[str, object], old: Catalog) -> bool:
    """Whether ``mine`` differs from msgmerge's ``theirs`` only as docs/translating.md says."""
    before = {e.key: e for e in old.entries}
    key = theirs["key"]
    assert isinstance(key, tuple)
    if key not in before and not key[1].isascii():
        return True  # "Characters, not bytes": a similar text in another script
    unmarked = [
        e
        for e in old.entries
        if isinstance(mine["previous"], tuple)
        and e.key == mine["previous"][:2]
        and e.fuzzy
        and e.previous_msgid is None
    ]
    # "A fuzzy old entry without #|" gets its own old text as #|; msgmerge writes none
    return bool(unmarked) and dict(mine, previous=None) == dict(theirs, previous=None)


def _without_range(seen: dict[str, object] | None) -> dict[str, object] | None:
    """An obsolete entry's flags less ``range:``, which GNU drops on reading ``#~``
    entries and update keeps (docs/translating.md, "Flags")."""
    if seen is None:
        return None
    flags = seen["flags"]
    assert isinstance(flags, list)
    return dict(seen, flags=[f for f in flags if not f.startswith("range:")])


def _gnu_merge(
    tmp: Path, rng: random.Random, pair: tuple[str, list[dict[str, Any]], list[dict[str, Any]]]
) -> tuple[Catalog, Catalog, Catalog]:
    """Write the old catalog and the template, merge them with msgmerge; all three read."""
    language, template, old_entries = pair
    (tmp / "new.pot").write_text(_po_file(None, template, rng), encoding="utf-8")
    (tmp / "old.po").write_text(_po_file(language, old_entries, rng), encoding="utf-8")
    if rng.random() < 0.3:  # saved by a tool that wraps: GNU (79), Weblate (77), Poedit
        width = rng.choice(["79", "77", "76"])
        assert run(MSGCAT or "", "-w", width, "-o", "old.po", "old.po", cwd=tmp).returncode == 0
    valid = run(MSGFMT or "", "--check", "-o", "/dev/null", "old.po", cwd=tmp)
    assert valid.returncode == 0, f"{tmp}: the generator made a bad file: {valid.stderr}"
    merging = ("--quiet", "--previous", "-o", "gnu.po", "old.po", "new.pot")
    merged = run(MSGMERGE or "", *merging, cwd=tmp)
    assert merged.returncode == 0, merged.stderr
    return read_po(tmp / "old.po"), read_po(tmp / "new.pot"), read_po(tmp / "gnu.po")


def _assert_agrees(tmp: Path, ours: Catalog, gnu: Catalog, old: Catalog) -> None:
    """``ours`` holds msgmerge's entries, and msgfmt --check accepts it."""
    (tmp / "ours.po").write_text(format_po(ours), encoding="utf-8")
    checked = run(MSGFMT or "", "--check", "-o", "/dev/null", "ours.po", cwd=tmp)
    assert checked.returncode == 0, f"{tmp}: msgfmt refuses what update wrote: {checked.stderr}"
    assert [e.key for e in ours.active] == [e.key for e in gnu.active], tmp
    for mine, theirs in zip(map(seen, ours.active), map(seen, gnu.active), strict=True):
        assert mine == theirs or _allowed(mine, theirs, old), tmp
    ours_obsolete = {e.key: seen(e) for e in ours.obsolete}
    for theirs in map(seen, gnu.obsolete):
        key = theirs["key"]
        assert isinstance(key, tuple)
        obsolete = _without_range(ours_obsolete.pop(key, None))
        assert obsolete == theirs or _allowed(obsolete or {}, theirs, old), tmp
    # update keeps an untranslated obsolete entry that holds a translator comment
    assert all(e["comments"] and not e["forms"] for e in ours_obsolete.values()), tmp
    # in msgmerge's order (the old file's): a translator who updates with both sees no
    # obsolete entries move
    theirs_keys = [e.key for e in gnu.obsolete]
    assert [e.key for e in ours.obsolete if e.key in theirs_keys] == theirs_keys, tmp


def fuzz_merge(tmp: Path, seed: int) -> None:
    """One seeded case: msgmerge and update on the same files, entry by entry."""
    rng = random.Random(seed)
    pair = fuzz_pair(rng)
    tmp = Path(tempfile.mkdtemp(dir=tmp, prefix=f"seed{seed}-"))
    old, template, gnu = _gnu_merge(tmp, rng, pair)
    _assert_agrees(tmp, translation(template, pair[0], old), gnu, old)


@needs_gnu
def test_seeded_fuzz_update_agrees_with_msgmerge_entry_by_entry(tmp_path: Path) -> None:
    for seed in range(FUZZ_CASES):
        fuzz_merge(tmp_path, seed)


def _move_a_text(
    rng: random.Random,
    one: list[dict[str, Any]],
    old: list[dict[str, Any]],
    other: list[dict[str, Any]],
) -> dict[str, Any] | None:
    """Move a translated text of template ``one`` into template ``other`` under a new
    context (the author moved a paragraph to another leaflet); the old entry it had."""
    keys = {(e["msgctxt"], e["msgid"]) for e in other}
    in_one = {(t["msgctxt"], t["msgid"]) for t in one}
    movable = [
        e for e in old
        if not e["obsolete"] and "fuzzy" not in e.get("flags", []) and e.get("msgstr")
        and e["msgid"].isascii() and (e["msgctxt"], e["msgid"]) in in_one
        and not any(t["msgid"] == e["msgid"] for t in other)
        and sum(o["msgid"] == e["msgid"] for o in old) == 1  # one translation to take
        and ("moved", e["msgid"]) not in keys
    ]  # fmt: skip
    if not movable:
        return None
    entry = rng.choice(movable)
    one[:] = [t for t in one if t["msgid"] != entry["msgid"]]
    other.insert(rng.randint(0, len(other)), dict(entry, msgctxt="moved", msgstr="", comments=[]))
    return entry


@needs_gnu
def test_seeded_fuzz_a_text_moved_between_leaflets_keeps_its_translation(
    tmp_path: Path,
) -> None:
    """msgmerge, one file at a time, leaves a text moved to another leaflet untranslated
    there; update gives it the translation the old leaflet's catalog keeps obsolete,
    fuzzy with the old context as #| (docs/translating.md). All else is msgmerge's."""
    moves = 0
    for seed in range(FUZZ_CASES // 3):
        rng = random.Random(seed)
        language, template_a, old_a = fuzz_pair(rng)
        _, template_b, old_b = fuzz_pair(rng, language)
        moved = _move_a_text(rng, template_a, old_a, template_b)
        if moved is None or not template_a:
            continue
        moves += 1
        tmp = Path(tempfile.mkdtemp(dir=tmp_path, prefix=f"seed{seed}-"))
        (tmp / "a").mkdir()
        (tmp / "b").mkdir()
        a = _gnu_merge(tmp / "a", rng, (language, template_a, old_a))
        b = _gnu_merge(tmp / "b", rng, (language, template_b, old_b))
        ours = [translation(template, language, old) for old, template, _ in (a, b)]
        adopt_moved(ours)
        [adopted] = [e for e in ours[1].active if e.msgid == moved["msgid"]]
        [gnu_entry] = [e for e in b[2].active if e.msgid == moved["msgid"]]
        if not gnu_entry.has_translation:  # else msgmerge found a similar text: kept
            assert (adopted.msgstr, adopted.fuzzy) == (moved["msgstr"], True), tmp
            assert _previous_source(adopted)[:2] == (moved["msgctxt"], moved["msgid"]), tmp
            ours[1].entries[ours[1].entries.index(adopted)] = gnu_entry
        _assert_agrees(tmp / "a", ours[0], a[2], a[0])
        _assert_agrees(tmp / "b", ours[1], b[2], b[0])
        assert moved["msgid"] in {e.msgid for e in ours[0].obsolete}, tmp
    assert moves > FUZZ_CASES // 10  # the generator moves texts often enough to matter


# The header, field by field, against msgmerge --previous: a translator's header as
# tools and hands leave it (fields missing, in another order, a field name in another
# case, X- fields, comments, fuzzy or not) merged with a template that moved on.
HEADER_CASES = 120
OLD_FIELDS = [
    ("Project-Id-Version", "leaflet 1"),
    ("Report-Msgid-Bugs-To", "old@example.org"),
    ("POT-Creation-Date", "2025-01-01 00:00+0000"),
    ("PO-Revision-Date", "2025-02-02 10:00+0700"),
    ("Last-Translator", "Somchai <s@example.org>"),
    ("Language-Team", "Thai <th@example.org>"),
    ("Language", "th"),
    ("MIME-Version", "1.0"),
    ("Content-Type", "text/plain; charset=UTF-8"),
    ("Content-Transfer-Encoding", "8bit"),
    ("Plural-Forms", PLURAL_FORMS[1]),
    ("X-Generator", "Poedit 3.4"),
    ("X-Clinic-Review", "2025-02-03 Dr. Ratana"),
]
NEW_FIELDS = {
    "Project-Id-Version": "leaflet 2",  # the leaflet's id and version (documented)
    "Report-Msgid-Bugs-To": "new@example.org",
    "POT-Creation-Date": "2026-03-03 00:00+0000",
    "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
    "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
    "Language-Team": "LANGUAGE <LL@li.org>",
    "Language": "",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "X-Source-Language": "en",
}
HEADER_COMMENTS = ["Thai translation of the leaflet.", "Somchai <s@example.org>, 2025.", ""]
# Fields update fills in or refreshes where msgmerge keeps the old file's (documented).
REFRESHED = {"project-id-version", "x-source-language"}


def _spelled(rng: random.Random, name: str) -> str:
    """``name`` as a tool or a hand may spell it: mostly as gettext does."""
    return rng.choice([name, name, name, name.lower(), name.upper()])


def _header_pair(rng: random.Random) -> tuple[str, str]:
    """A translator's catalog and a template, differing only in their headers."""
    kept = [f for f in OLD_FIELDS if f[0] == "Content-Type" or rng.random() < 0.8]
    rng.shuffle(kept)
    old = [f"# {c}".rstrip() for c in rng.sample(HEADER_COMMENTS, rng.randint(0, 3))]
    old += ["#, fuzzy"] * (rng.random() < 0.3) + ['msgid ""', 'msgstr ""']
    old += [f'"{_spelled(rng, name)}: {value}\\n"' for name, value in kept]
    body = ["", 'msgid "Drink water"', 'msgstr "ดื่มน้ำ"', ""]
    body += ['msgid "One day"', 'msgid_plural "{n} days"', 'msgstr[0] "{n} วัน"']
    new = ["# Translation template.", "#, fuzzy", 'msgid ""', 'msgstr ""']
    new += [f'"{name}: {value}\\n"' for name, value in NEW_FIELDS.items()]
    new += ["", 'msgid "Drink water"', 'msgstr ""', ""]
    new += ['msgid "One day"', 'msgid_plural "{n} days"', 'msgstr[0] ""', 'msgstr[1] ""']
    return "\n".join(old + body) + "\n", "\n".join(new) + "\n"


def header_fields(catalog: Catalog) -> dict[str, list[str]]:
    """Every field of the header as written, by name in lower case (gettext's readers,
    Python's and Babel's among them, do not tell ``language`` from ``Language``)."""
    fields: dict[str, list[str]] = {}
    for text in catalog.header_msgstr().splitlines():
        name, _, value = text.partition(":")
        fields.setdefault(name.lower(), []).append(value.strip())
    return fields


def header_case(tmp: Path, seed: int) -> None:
    """One seeded header: update's against msgmerge's, field by field."""
    rng = random.Random(seed)
    old_text, template_text = _header_pair(rng)
    tmp = Path(tempfile.mkdtemp(dir=tmp, prefix=f"seed{seed}-"))
    (tmp / "old.po").write_text(old_text, encoding="utf-8")
    (tmp / "new.pot").write_text(template_text, encoding="utf-8")
    merging = ("--quiet", "--previous", "-o", "gnu.po", "old.po", "new.pot")
    assert run(MSGMERGE or "", *merging, cwd=tmp).returncode == 0, tmp
    gnu, old = read_po(tmp / "gnu.po"), read_po(tmp / "old.po")
    ours = translation(read_po(tmp / "new.pot"), "th", old)
    (tmp / "ours.po").write_text(format_po(ours), encoding="utf-8")
    checked = run(MSGFMT or "", "--check", "-o", "/dev/null", "ours.po", cwd=tmp)
    assert checked.returncode == 0, f"{tmp}: msgfmt refuses what update wrote: {checked.stderr}"
    mine, theirs = header_fields(ours), header_fields(gnu)
    assert all(len(values) == 1 for values in mine.values()), f"{tmp}: a field twice: {mine}"
    for name, values in theirs.items():
        if name not in REFRESHED and values != [""]:  # a blank one update fills in
            assert mine.get(name) == values, f"{tmp}: {name}"
    assert mine["project-id-version"] == ["leaflet 2"], tmp
    assert (ours.header_comments, "fuzzy" in ours.header_flags) == (
        gnu.header_comments,
        "fuzzy" in gnu.header_flags,
    ), tmp


@needs_gnu
def test_seeded_header_update_agrees_with_msgmerge_field_by_field(tmp_path: Path) -> None:
    for seed in range(HEADER_CASES):
        header_case(tmp_path, seed)


# A control character typed or pasted into a translation (ESC, DEL: text copied from a
# terminal or another program). msgmerge writes it back raw; update writes it as an
# octal escape, so `diff` and `file` still call the catalog text (docs/translating.md,
# "Control characters"). Either way GNU reads the same translation back.
CONTROL_OLD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: th\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
    '# checked by Somchai\nmsgctxt "kept"\nmsgid "Drink water"\nmsgstr "ดื่ม\x1bน้ำ"\n\n'
    'msgctxt "edited"\nmsgid "Rest for a day after the infusion."\nmsgstr "พัก\x7fหนึ่งวัน"\n\n'
    'msgctxt "gone"\nmsgid "Call the clinic."\nmsgstr "โทร\x01หาคลินิก"\n'
)
CONTROL_TEMPLATE = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgctxt "kept"\nmsgid "Drink water"\nmsgstr ""\n\n'
    'msgctxt "edited"\nmsgid "Rest for two days after the infusion."\nmsgstr ""\n'
)


@needs_gnu
def test_a_control_character_in_a_translation_is_kept_as_msgmerge_keeps_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "old.po").write_text(CONTROL_OLD, encoding="utf-8")
    (tmp_path / "new.pot").write_text(CONTROL_TEMPLATE, encoding="utf-8")
    merging = ("--quiet", "--previous", "-o", "gnu.po", "old.po", "new.pot")
    assert run(MSGMERGE or "", *merging, cwd=tmp_path).returncode == 0
    ours = translation(read_po(tmp_path / "new.pot"), "th", read_po(tmp_path / "old.po"))
    written = format_po(ours)
    (tmp_path / "ours.po").write_text(written, encoding="utf-8")
    checked = run(MSGFMT or "", "--check", "-o", "/dev/null", "ours.po", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    # no raw control character in what update writes: the file stays text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", written)
    assert "\\033" in written and "\\177" in written and "\\001" in written
    # and GNU reads from it exactly the entries msgmerge's own output holds
    for name in ("ours", "gnu"):
        out = run(MSGCAT or "", "--no-wrap", "-o", f"{name}.cat.po", f"{name}.po", cwd=tmp_path)
        assert out.returncode == 0, out.stderr
    gnu, back = read_po(tmp_path / "gnu.cat.po"), read_po(tmp_path / "ours.cat.po")
    assert [seen(e) for e in back.entries] == [seen(e) for e in gnu.entries]
    assert [e.msgstr for e in back.entries] == ["ดื่ม\x1bน้ำ", "พัก\x7fหนึ่งวัน", "โทร\x01หาคลินิก"]
    assert [e.fuzzy for e in back.entries] == [False, True, False]


# A translator who marks a text for review by hand adds a `#, fuzzy` line above the one
# the entry has (`#, no-c-format`, a team's own flag). GNU gettext 0.21 reads only the
# last `#,` line of an entry: msgmerge writes the entry back without its fuzzy mark, and
# msgfmt compiles the translation someone asked to review. update reads every line, as
# translate-toolkit does, keeps the mark and writes the flags on one line, which every
# tool then reads alike (docs/translating.md, "Where update differs from msgmerge").
FLAG_LINES_OLD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: th\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
    '#, fuzzy\n#, no-c-format\nmsgctxt "review"\nmsgid "Rest for a day."\nmsgstr "พักหนึ่งวัน"\n\n'
    '#, x-checked\n#, fuzzy\nmsgctxt "team"\nmsgid "Drink water."\nmsgstr "ดื่มน้ำ"\n\n'
    '#, fuzzy\n#, x-checked\nmsgctxt "edited"\nmsgid "Call the clinic."\nmsgstr "โทรหาคลินิก"\n'
)
FLAG_LINES_TEMPLATE = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgctxt "review"\nmsgid "Rest for a day."\nmsgstr ""\n\n'
    'msgctxt "team"\nmsgid "Drink water."\nmsgstr ""\n\n'
    'msgctxt "edited"\nmsgid "Call the clinic today."\nmsgstr ""\n'
)


@needs_gnu
def test_a_fuzzy_mark_on_a_flag_line_of_its_own_is_kept(tmp_path: Path) -> None:
    (tmp_path / "old.po").write_text(FLAG_LINES_OLD, encoding="utf-8")
    (tmp_path / "new.pot").write_text(FLAG_LINES_TEMPLATE, encoding="utf-8")
    old = read_po(tmp_path / "old.po")
    assert [(e.fuzzy, "x-checked" in e.flags) for e in old.entries] == [
        (True, False),
        (True, True),
        (True, True),
    ]
    ours = translation(read_po(tmp_path / "new.pot"), "th", old)
    written = format_po(ours)
    (tmp_path / "ours.po").write_text(written, encoding="utf-8")
    assert [e.msgstr for e in ours.entries] == ["พักหนึ่งวัน", "ดื่มน้ำ", "โทรหาคลินิก"]
    assert "#, fuzzy\n#" not in written  # one flag line an entry
    # GNU reads the three as fuzzy from what update wrote: none is compiled into the .mo
    assert run(MSGFMT or "", "--check", "-o", "ours.mo", "ours.po", cwd=tmp_path).returncode == 0
    fuzzy = run(MSGATTRIB, "--only-fuzzy", "--no-obsolete", "ours.po", cwd=tmp_path)
    assert fuzzy.returncode == 0, fuzzy.stderr
    assert read_po_text(fuzzy.stdout) == ["review", "team", "edited"]
    with (tmp_path / "ours.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.pgettext("review", "Rest for a day.") == "Rest for a day."
    assert compiled.pgettext("team", "Drink water.") == "Drink water."


def read_po_text(text: str) -> list[str | None]:
    """The contexts of the entries of the catalog ``text``."""
    return [e.msgctxt for e in parse_po(text).entries]


# End to end on a real leaflet: the author edits tests/fixtures/i18n's leaflet, `i18n
# update` extracts and merges, and msgmerge --previous merges the same template into the
# translator's catalog as it was (saved by Poedit or msgcat at 79 columns, on Windows
# with CRLF, with a byte-order mark, with Poedit's or Weblate's header and an obsolete
# fuzzy entry, or by Weblate at 77 columns). Entry by entry they agree, less the
# differences docs/translating.md lists; in a file GNU wrapped, every line after the
# header is msgmerge's (at the file's width, when its lines show it).
LEAFLET_EDITS = {
    "edit": [("usually\n      passes within 48 hours.", "usually\n      passes within two days.")],
    "delete": [("  - paragraph: >-\n      Keep the bandage on the infusion site for 4 hours and"
                " keep it dry.\n\n", "")],
    "swap": [("Keep the bandage on the infusion site for 4 hours and keep it dry.", "@@"),
             ("You can eat normally. Avoid alcohol for one day, because it can make\n"
              "      you feel worse.", "Keep the bandage on the infusion site for 4 hours"
              " and keep it dry."),
             ("@@", "You can eat normally. Avoid alcohol for one day, because it can make"
              " you feel worse.")],
    "rename": [("id: call-us", "id: when-to-call")],
    "add": [("    id: first-day\n", "    id: first-day\n\n  - paragraph: Sit down if you feel"
             " dizzy.\n")],
    "rewrite": [("a: Yes, after 4 hours. Keep the site dry.", 'a: "Ask the nurse \\"when\\"."')],
}  # fmt: skip
LEAFLET_EDITS["all"] = [
    e for name in ("edit", "delete", "add", "rename", "rewrite") for e in LEAFLET_EDITS[name]
]


# A catalog as Poedit or Lokalize leaves it: the header's fields in its own order, an
# X-Generator, Plural-Forms spaced by hand, and an obsolete fuzzy entry with its context
# and the English it was made for (#~| msgctxt, #~| msgid).
TOOL_OBSOLETE = (
    '\n#, fuzzy\n#~| msgctxt "water-old"\n#~| msgid "Drink a lot of water."\n'
    '#~ msgctxt "water"\n#~ msgid "Drink plenty of water."\n#~ msgstr "ดื่มน้ำมาก ๆ"\n'
)


def _tool_header(po: Path, generator: str) -> None:
    text = po.read_text("utf-8")
    head, _, body = text.partition("\n\n")
    lines = head.splitlines()
    start = lines.index('msgstr ""') + 1
    fields = [f for f in lines[start:] if not f.startswith('"Plural-Forms:')][::-1]
    fields[2:2] = ['"Plural-Forms: nplurals = 1 ; plural = 0 ;\\n"']
    fields.append(f'"X-Generator: {generator}\\n"')
    po.write_text("\n".join(lines[:start] + fields) + "\n\n" + body + TOOL_OBSOLETE, "utf-8")


def _shows_77(po: Path) -> bool:
    """Whether a catalog wrapped at 77 columns shows it: at GNU's 79 some line would
    hold one more word. Else update takes it as GNU's (docs/translating.md)."""
    at79 = run(MSGCAT or "", "-w", "79", "-o", "-", str(po), cwd=po.parent)
    return at79.stdout != po.read_text(encoding="utf-8")


def _saved(po: Path, how: str) -> None:
    """The translator's catalog as ``how`` saves it."""
    if how == "poedit":
        _tool_header(po, "Poedit 3.4.2")
    if how == "weblate-77":
        _tool_header(po, "Weblate 5.3")
        assert run(MSGCAT or "", "-w", "77", "-o", str(po), str(po), cwd=po.parent).returncode == 0
    if how.startswith("msgcat"):
        assert run(MSGCAT or "", "-w", "79", "-o", str(po), str(po), cwd=po.parent).returncode == 0
    if how.endswith("crlf"):
        po.write_bytes(po.read_bytes().replace(b"\n", b"\r\n"))
    if how == "bom":
        po.write_bytes(b"\xef\xbb\xbf" + po.read_bytes())


def _body(text: str) -> list[str]:
    """A catalog's lines after its header entry."""
    text = text.replace("\r\n", "\n")
    return text[text.index("\n\n", text.index('msgid ""')) :].splitlines()


@needs_gnu
@pytest.mark.parametrize("how", ["as-is", "msgcat-crlf", "bom", "poedit", "weblate-77"])
@pytest.mark.parametrize("edit", sorted(LEAFLET_EDITS))
def test_update_after_a_leaflet_edit_agrees_with_msgmerge(
    i18n_project: Path, edit: str, how: str
) -> None:
    leaflet = i18n_project / "leaflets" / "care-basics.yaml"
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    _saved(po, how)
    before = po.read_bytes()
    text = leaflet.read_text(encoding="utf-8")
    for old, new in LEAFLET_EDITS[edit]:
        assert old in text, old
        text = text.replace(old, new, 1)
    leaflet.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["i18n", "update", "-q", "-p", str(i18n_project)])
    assert result.exit_code == 0, result.output
    gnu_dir = i18n_project.parent / "gnu"
    gnu_dir.mkdir()
    (gnu_dir / "old.po").write_bytes(before.removeprefix(b"\xef\xbb\xbf"))  # GNU refuses a BOM
    pot = i18n_project / "locales" / "care-basics.pot"
    width = ("-w", "77") if how == "weblate-77" else ()
    merging = ("--quiet", "--previous", *width, "-o", "gnu.po", "old.po", str(pot))
    merged = run(MSGMERGE or "", *merging, cwd=gnu_dir)
    assert merged.returncode == 0, merged.stderr
    checked = run(MSGFMT or "", "--check", "-o", "/dev/null", str(po), cwd=gnu_dir)
    assert checked.returncode == 0, checked.stderr
    written = po.read_bytes()
    assert not written.startswith(b"\xef\xbb\xbf")
    assert (b"\n" in written.replace(b"\r\n", b"")) != how.endswith("crlf")
    ours, gnu = read_po(po), read_po(gnu_dir / "gnu.po")
    assert [seen(e) for e in ours.entries] == [seen(e) for e in gnu.entries]
    if how.startswith("msgcat") or (how == "weblate-77" and _shows_77(gnu_dir / "old.po")):
        gnu_text = (gnu_dir / "gnu.po").read_text(encoding="utf-8")
        assert _body(written.decode("utf-8")) == _body(gnu_text)


# Several updates in a row on a leaflet whose author keeps rewriting it: blocks swapped,
# split, joined, deleted and added, ids renamed or dropped, a sentence's punctuation or
# blanks retyped. Each round the translator's catalog (as update left it, or as msgmerge
# did, maybe reviewed in between with msgattrib) goes through update and through
# msgmerge --previous: entry by entry they agree, each fuzzy entry with its #| text and
# translation, and in a file GNU wrapped every line after the header is msgmerge's.
ROUNDS, ROUND_SEEDS = 4, 3


def _rewrite(rng: random.Random, blocks: list[dict[str, Any]]) -> None:
    """One edit an author makes to a leaflet's blocks."""
    texts = [i for i, b in enumerate(blocks) if isinstance(b.get("paragraph"), str)]
    i = rng.choice(texts)
    block, edit = (
        blocks[i],
        rng.choice(
            ["swap", "split", "join", "rename", "drop-id", "punctuation", "blanks", "delete", "add"]
        ),
    )
    if edit == "swap":
        j = rng.choice(texts)
        blocks[i], blocks[j] = blocks[j], blocks[i]
    elif edit == "split" and ". " in block["paragraph"]:
        first, _, rest = block["paragraph"].partition(". ")
        block["paragraph"] = first + "."
        blocks.insert(
            i + 1, {"paragraph": rest} | ({"id": f"{block['id']}-2"} if "id" in block else {})
        )
    elif edit == "join" and (later := [j for j in texts if j > i]):
        block["paragraph"] += " " + blocks.pop(later[0])["paragraph"]
    elif edit == "rename" and "id" in block:
        block["id"] += "-new"
    elif edit == "drop-id":
        block.pop("id", None)
    elif edit == "punctuation":
        block["paragraph"] = block["paragraph"].rstrip(".") + (
            "!" if block["paragraph"].endswith(".") else "."
        )
    elif edit == "blanks":
        block["paragraph"] = block["paragraph"].replace(" ", "  ", 1)
    elif edit == "delete":
        del blocks[i]
    elif edit == "add":
        blocks.insert(i, {"paragraph": "Ask the nurse if anything is unclear."})


@needs_gnu
@pytest.mark.parametrize("seed", range(ROUND_SEEDS))
def test_several_updates_in_a_row_agree_with_msgmerge_each_round(tmp_path: Path, seed: int) -> None:
    import yaml

    from i18n_support import copy_bundled, invoke

    rng = random.Random(seed)
    root = copy_bundled(tmp_path)
    po = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    if seed % 2:  # saved by Poedit or msgcat, wrapped
        assert run(MSGCAT or "", "-o", po.name, po.name, cwd=po.parent).returncode == 0
    leaflet = root / "leaflets" / "infusion-safety.yaml"
    carried = 0  # fuzzy translations carried over with their #| text, in all rounds
    for round_ in range(ROUNDS):
        data = yaml.safe_load(leaflet.read_text("utf-8"))
        for _ in range(rng.randint(1, 3)):
            _rewrite(rng, data["blocks"])
        leaflet.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        gnu_dir = tmp_path / f"round{round_}"
        gnu_dir.mkdir()
        shutil.copy(po, gnu_dir / "old.po")
        code, output = invoke("i18n", "update", "-q", "--project", str(root))
        assert code == 0, output
        pot = root / "locales" / "infusion-safety.pot"
        merging = ("--quiet", "--previous", "-o", "gnu.po", "old.po", str(pot))
        assert run(MSGMERGE or "", *merging, cwd=gnu_dir).returncode == 0
        old, gnu = read_po(gnu_dir / "old.po"), read_po(gnu_dir / "gnu.po")
        ours = read_po(po)
        _assert_agrees(gnu_dir, ours, gnu, old)
        carried += sum(e.fuzzy and e.previous_msgid is not None for e in ours.active)
        if old.wrapped:
            written = po.read_text("utf-8")
            assert _body(written) == _body((gnu_dir / "gnu.po").read_text("utf-8")), gnu_dir
        if rng.random() < 0.5:  # the translator goes on from msgmerge's file
            shutil.copy(gnu_dir / "gnu.po", po)
        if rng.random() < 0.5:  # and reviews the fuzzy entries in Poedit
            cleared = ("--clear-fuzzy", "--clear-previous", "-o", po.name, po.name)
            assert run(MSGATTRIB, *cleared, cwd=po.parent).returncode == 0
    assert carried  # the edits left translations fuzzy, for the rounds to compare


# `i18n init` for a regional or script tag, as msginit starts a catalog: the Language
# header names the tag, Plural-Forms counts CLDR's forms for its language, and GNU's
# checks (msgfmt --check --check-format --check-header --check-domain, msgcmp) find
# nothing in any catalog it writes, the ui catalog a Taiwan or Hong Kong clinic starts
# from the bundled Traditional one included.
INIT_TAGS = {"zh_TW": 1, "zh_HK": 1, "ar_EG": 6, "hi": 2, "my": 1, "km": 1, "lo": 1, "pt_BR": 0}
MSGCMP = shutil.which("msgcmp") or "msgcmp"


@needs_gnu
@pytest.mark.parametrize("tag", sorted(INIT_TAGS))
def test_init_writes_catalogs_gnu_checks_find_nothing_in(tmp_path: Path, tag: str) -> None:
    from i18n_support import copy_bundled, invoke
    from msc_leaflet.i18n.headers import plural_count

    root = copy_bundled(tmp_path)
    code, output = invoke("i18n", "init", tag, "--project", str(root))
    assert code == 0, output
    catalogs = sorted((root / "locales" / tag / "LC_MESSAGES").glob("*.po"))
    assert [p.stem for p in catalogs] == sorted([p.stem for p in (root / "locales").glob("*.pot")])
    forms = INIT_TAGS[tag] or plural_count(tag)  # pt_BR: as many as CLDR's data counts
    for po in catalogs:
        catalog = read_po(po)
        assert catalog.header["Language"] == tag
        assert declared_plurals(catalog.header) == forms, po
        checks = ("--check", "--check-format", "--check-header", "--check-domain")
        checked = run(MSGFMT or "", *checks, "-o", "/dev/null", str(po), cwd=tmp_path)
        assert (checked.returncode, checked.stderr) == (0, ""), po
        pot = root / "locales" / f"{po.stem}.pot"
        compared = run(MSGCMP, "--use-fuzzy", "--use-untranslated", str(po), str(pot), cwd=tmp_path)
        assert compared.returncode == 0, compared.stderr
