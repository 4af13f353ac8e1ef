"""Catalog files: strict reading, stable writing, merging without loss, gettext tools."""

from __future__ import annotations

import dataclasses
import gettext
import importlib.metadata
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.errors import LeafletError, Location
from msc_leaflet.i18n import workflow
from msc_leaflet.i18n.catalog import Catalog, Entry
from msc_leaflet.i18n.extract import leaflet_template
from msc_leaflet.i18n.flags import gnu_order
from msc_leaflet.i18n.merge import merge
from msc_leaflet.i18n.mofile import mo_bytes
from msc_leaflet.i18n.msgfmt import complaints
from msc_leaflet.i18n.pofile import format_po, parse_po, read_po
from msc_leaflet.i18n.typed import typed_entry
from msc_leaflet.project import Project

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "i18n"
MSGFMT = shutil.which("msgfmt") or ""
MSGCAT = shutil.which("msgcat") or ""
needs_msgfmt = pytest.mark.skipif(not MSGFMT, reason="GNU gettext msgfmt is not on PATH")

ROUND_TRIP = """\
# Thai translation.
msgid ""
msgstr ""
"Language: th\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# translator note
#. Paragraph.
#: leaflets/a.yaml:3 leaflets/a.yaml:9
#, fuzzy
#| msgctxt "old/1"
#| msgid "Old \\"text\\""
msgctxt "p/1"
msgid ""
"Line one\\n"
"line two\\ttab \\\\ back"
msgstr "ไทย"

#~ msgctxt "gone"
#~ msgid "Gone"
#~ msgstr "หายไป"
"""


def test_round_trip_is_byte_identical() -> None:
    catalog = parse_po(ROUND_TRIP)
    [entry] = catalog.active
    assert entry.msgid == "Line one\nline two\ttab \\ back"
    assert entry.previous_msgid == 'Old "text"' and entry.previous_msgctxt == "old/1"
    assert entry.fuzzy and entry.comments == ["translator note"]
    assert entry.references == ["leaflets/a.yaml:3", "leaflets/a.yaml:9"]
    assert catalog.obsolete[0].msgstr == "หายไป"
    assert format_po(catalog) == ROUND_TRIP


# A msgstr that does not fit its entry's shape: read on, each dropped a translation when
# the catalog was written back (`i18n update`); GNU msgfmt refuses every one.
PLURAL_SHAPES = [
    ('msgid "a"\nmsgstr[0] "A"\n', 2, "msgstr[0] without msgid_plural"),
    ('#~ msgid "a"\n#~ msgstr[0] "A"\n', 2, "msgstr[0] without msgid_plural"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "A"\nmsgstr[0] "B"\n', 4, "msgstr[1] is expected"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "A"\nmsgstr[2] "C"\n', 4, "msgstr[1] is expected"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "A"\n', 3, "msgstr[0] is expected"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr "A"\nmsgstr[0] "A"\n', 3, "msgstr after msgid_plural"),
]

# `#|` lines (the source a fuzzy translation was made for) that GNU gettext refuses:
# read on, the reader dropped them, moved them to the wrong entry, or let a comment
# from the middle of them stand for the entry's.
PREVIOUS_SHAPES = [
    ('#| msgid "x"\n#, fuzzy\nmsgid "y"\nmsgstr "z"\n', 2, "between the #| lines"),
    ('#| msgid "x"\n# note\nmsgid "y"\nmsgstr "z"\n', 2, "between the #| lines"),
    ('#| msgctxt "c"\nmsgid "y"\nmsgstr "z"\n', 1, "'#| msgctxt' without '#| msgid'"),
    ('#| msgctxt "c"\n#| "d"\n\nmsgid "y"\nmsgstr "z"\n', 1, "'#| msgctxt' without"),
    ('#| msgid_plural "c"\nmsgid "y"\nmsgstr "z"\n', 1, "'#| msgid_plural' is out of place"),
    ('#| msgid "a"\n#| msgid "b"\nmsgid "y"\nmsgstr "z"\n', 2, "'#| msgid' is out of place"),
    ('#| msgid "a"\n#| msgctxt "b"\nmsgid "y"\nmsgstr "z"\n', 2, "'#| msgctxt' is out of"),
    ('#~| msgid "a"\nmsgid "y"\nmsgstr "z"\n', 2, "mixes obsolete"),
    ('#| msgid "a"\n#~ msgid "y"\n#~ msgstr "z"\n', 2, "mixes obsolete"),
    ('#| msgctxt "a"\n#~| msgid "b"\n#~ msgid "y"\n#~ msgstr "z"\n', 2, "mixes obsolete"),
    ('msgid "y"\nmsgstr "z"\n\n#| msgid "a"\n', 4, "no entry after them"),
    ('#~ msgid "y"\n#~ msgstr "z"\n#~| msgid "a"\n', 3, "no entry after them"),
    ('#, fuzzy\n#~ | msgid "a"\n#~ msgid "y"\n#~ msgstr "z"\n', 2, "malformed line"),
]


# U+0004 joins a message's context to its text in a compiled catalog's key. In any string
# of a .po (typed raw, or as \004, \4, \x04) GNU refuses the file ("context separator
# <EOT> within string"); it was read, and `i18n compile` wrote a .mo in which context
# "a\x04b" with text "c" and context "a" with text "b\x04c" were one key: one of the two
# translations gone, the other given for both.
EOT_SHAPES = [
    ('msgctxt "a\\004b"\nmsgid "c"\nmsgstr "x"\n', 1),
    ('msgid "b\\x04 c"\nmsgstr "x"\n', 1),
    ('msgid "a"\nmsgid_plural "as\\4"\nmsgstr[0] "x"\n', 2),
    ('msgid "a"\nmsgstr "x\x04y"\n', 2),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y\\004"\n', 4),
    ('msgid "a"\nmsgstr ""\n"x"\n"y\\004"\n', 4),
    ('msgid "a"\nmsgstr "x" "y\\004"\n', 2),
    ('#~ msgid "a"\n#~ msgstr "x\\004"\n', 2),
    ('#, fuzzy\n#| msgid "o\\004ld"\nmsgid "a"\nmsgstr "x"\n', 2),
]
EOT_MESSAGE = "U+0004"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "a"\nmsgstr "unterminated\n', 2, "double quotes"),
        ('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', 4, "duplicate message"),
        ('msgid "a"\nmsgstr "x"\nfoo "bar"\n', 3, "unknown keyword"),
        ('msgid "a"\n\n', 1, "without a msgstr"),
        ('msgid "a"\nmsgstr "a \\q"\n', 2, "unknown escape"),
        ('msgid "a"\nmsgstr "x""y"\n', 2, 'unescaped "'),
        ('msgid "a"\nmsgstr "Say ""yes"""\n', 2, 'unescaped "'),
        ('msgid "a"\nmsgstr "x" y "z"\n', 2, 'unescaped "'),
        ('msgid "a"\nmsgstr "x"  # check\n', 2, "a comment after the string"),
        ('msgid "a" # note\nmsgstr "x"\n', 1, "a comment after the string"),
        (
            'msgid "a"\nmsgstr "x"\n\n# note\nmsgstr "y"\n\nmsgid "b"\nmsgstr ""\n',
            5,
            "msgstr without a msgid",
        ),
        # a blank line does not end an entry (GNU reads it as white space)
        ('msgid "a"\nmsgstr "x"\n\nmsgstr "y"\n', 4, "a second msgstr"),
        # An invisible character before a keyword (a file joined by `cat` with one saved
        # "UTF-8 with BOM"): GNU refuses the line; the error named nothing to look for.
        ('msgid "a"\nmsgstr "x"\n\n\ufeffmsgid "b"\nmsgstr ""\n', 4, "U+FEFF"),
        ('msgid "a"\nmsgstr "x"\n\n\ufeff# note\nmsgid "b"\nmsgstr ""\n', 4, "U+FEFF"),
        ('\u00a0msgid "a"\nmsgstr "x"\n', 1, "U+00A0 NO-BREAK SPACE"),
        ('msgid "a"\nmsgstr ""\n\u200b"x"\n', 3, "U+200B"),
        ('msgid "a"\nmsgstr "x"\u3000\n', 2, "U+3000 IDEOGRAPHIC SPACE"),
        ('msgid\u00a0"a"\nmsgstr "x"\n', 1, "U+00A0"),
        ('msgid\nmsgstr "x"\n', 1, "msgid without its string"),
        ('msgid "a"\nmsgstr\n', 2, "msgstr without its string"),
        ('msgid\n# note\n"a"\nmsgstr "x"\n', 1, "msgid without its string"),
        ('#~ msgid "a"\n#~ msgstr\n\nmsgid "b"\nmsgstr ""\n', 2, "msgstr without its string"),
        # GNU joins the next line to a comment that ends with a backslash: here the
        # msgctxt would vanish into the comment, while an editor shows it as a line.
        ('# C:\\\nmsgctxt "c"\nmsgid "a"\nmsgstr "x"\n', 1, "ends with a backslash"),
        ('msgid "a"\nmsgstr "x"\n\n#. dir\\\n#. more\n', 4, "ends with a backslash"),
        ('msgid "a"\nmsgstr "cut\\0here"\n', 2, "U+0000"),
        ('msgid "a"\nmsgstr ""\n"cut\\x00here"\n', 3, "U+0000"),
        ('msgid "a"\n# raw\0\nmsgstr ""\n', 2, "U+0000"),
        ('msgid "a"\nmsgstr "\\302"\n', 2, "not UTF-8"),
        ('msgid "a"\nmsgstr "\\x41BC"\n', 2, "more than one byte"),
        *PLURAL_SHAPES,
        *PREVIOUS_SHAPES,
        *((text, line, EOT_MESSAGE) for text, line in EOT_SHAPES),
    ],
)
def test_malformed_po_is_an_error_with_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LeafletError) as caught:
        read_po(path)
    assert caught.value.location.line == line
    assert message in caught.value.message
    assert f"bad.po:{line}" in str(caught.value)


@needs_msgfmt
@pytest.mark.parametrize(("text", "line", "message"), PLURAL_SHAPES + PREVIOUS_SHAPES)
def test_gnu_msgfmt_refuses_the_shapes_we_refuse(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.po"
    path.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + text)
    run = subprocess.run([MSGFMT, "-o", os.devnull, str(path)], capture_output=True, check=False)
    assert run.returncode != 0


# Lines GNU gettext reads that are not how it writes them, each with the way it writes
# them: the reader refused them ("'msgid' is out of place", "unknown keyword").
GNU_SPELLINGS = {
    "tab after a keyword": (
        'msgid "a"\nmsgstr\t"A"\nmsgid\t"b"\nmsgstr "B"\n',
        'msgid "a"\nmsgstr "A"\n\nmsgid "b"\nmsgstr "B"\n',
    ),
    "no blank after a keyword": (
        'msgctxt"c"\nmsgid"a"\nmsgstr"A"\n',
        'msgctxt "c"\nmsgid "a"\nmsgstr "A"\n',
    ),
    "blanks around a plural form's index": (
        'msgid "a"\nmsgid_plural "as"\nmsgstr [0] "A"\nmsgstr[ 01 ]\t"As"\n',
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "A"\nmsgstr[1] "As"\n',
    ),
    "blanks around an obsolete plural form's index": (
        '#~ msgid "a"\n#~ msgid_plural "as"\n#~ msgstr\t[0]"A"\n#~ msgstr [ 1 ] "As"\n',
        '#~ msgid "a"\n#~ msgid_plural "as"\n#~ msgstr[0] "A"\n#~ msgstr[1] "As"\n',
    ),
    "several strings on a line": (
        'msgctxt "c" "d"\nmsgid "a"\t"b"\nmsgstr ""\n"x\\n" "y"  "\\"z\\""\n',
        'msgctxt "cd"\nmsgid "ab"\nmsgstr ""\n"x\\n"\n"y\\"z\\""\n',
    ),
    "several strings on an obsolete line": (
        '#~ msgid "a" "b"\n#~ msgstr "x" "y"\n',
        '#~ msgid "ab"\n#~ msgstr "xy"\n',
    ),
    "an obsolete entry's comments marked obsolete": (
        '#~ # note\n#~ #, fuzzy\n#~ #| msgid "old"\n#~ msgid\t"a"\n#~ msgstr "A"\n',
        '# note\n#, fuzzy\n#~| msgid "old"\n#~ msgid "a"\n#~ msgstr "A"\n',
    ),
    # An obsolete entry made obsolete again (two files joined, an editor's "comment out"
    # on #~ lines): GNU reads it as obsolete once. It was read as a comment of the entry
    # after it, which took the obsolete entry's "fuzzy" and stopped being printed.
    # GNU reads tokens, so a keyword's string may start on the next line; the reader
    # refused it as "unknown keyword 'msgid'", a keyword it knows.
    "a keyword alone on its line": (
        'msgid "z"\nmsgstr "Z"\nmsgctxt\n"c"\nmsgid\n"a"\nmsgid_plural\n\n"as"\nmsgstr [0]\n"A"\n\n'
        '#| msgid\n#| "old"\nmsgid "b"\nmsgstr "B"\n\n#~ msgid\n#~ "d"\n#~ msgstr\n#~ "D"\n',
        'msgid "z"\nmsgstr "Z"\n\nmsgctxt "c"\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "A"\n\n'
        '#| msgid "old"\nmsgid "b"\nmsgstr "B"\n\n#~ msgid "d"\n#~ msgstr "D"\n',
    ),
    # ... and several keywords may share a line. The reader refused the line telling the
    # translator to write \" for a quote mark, which would have changed the msgid.
    "several keywords on a line": (
        'msgctxt "c" msgid "a"\nmsgstr "A" msgid "b" msgstr ""\n"B"\n\n#~ msgid "d" msgstr "D"\n'
        '#| msgid "old"\nmsgid "e"msgstr\t"E" "e"\n\n#| msgid "o" #| msgid_plural "os"\n'
        'msgid "f" msgid_plural "fs"\nmsgstr[0] "F" msgstr[1] "Fs"\n\n#~ msgid "g" #~ msgstr "G"\n',
        'msgctxt "c"\nmsgid "a"\nmsgstr "A"\n\nmsgid "b"\nmsgstr "B"\n\n#~ msgid "d"\n'
        '#~ msgstr "D"\n\n#| msgid "old"\nmsgid "e"\nmsgstr "Ee"\n\n#| msgid "o"\n'
        '#| msgid_plural "os"\nmsgid "f"\nmsgid_plural "fs"\nmsgstr[0] "F"\nmsgstr[1] "Fs"\n\n'
        '#~ msgid "g"\n#~ msgstr "G"\n',
    ),
    # GNU's reader joins a line that ends with a backslash to the next, wherever it is:
    # a long string broken by hand as in C. It was refused as an unclosed string.
    "a backslash at the end of a line": (
        'msgctxt "c"\nmsg\\\nid "Hel\\\nlo"\nmsgstr "A\\\nB" "x\\\n"\n\n'
        '#~ msgid "Ol\\\nd"\n#~ msgstr "\\\\\\\nn"\n',
        'msgctxt "c"\nmsgid "Hello"\nmsgstr "ABx"\n\n#~ msgid "Old"\n#~ msgstr "\\\\n"\n',
    ),
    "an obsolete entry marked obsolete twice": (
        '#, fuzzy\n#~ #~| msgid "old"\n#~ #~ msgctxt "c"\n#~ #~ msgid "a"\n#~#~ msgstr "A"\n\n'
        '#~ #~ #~ msgid "b"\n#~ #~ msgstr "B"\n\nmsgid "x"\nmsgstr "X"\n',
        'msgid "x"\nmsgstr "X"\n\n#, fuzzy\n#~| msgid "old"\n#~ msgctxt "c"\n#~ msgid "a"\n'
        '#~ msgstr "A"\n\n#~ msgid "b"\n#~ msgstr "B"\n',
    ),
}


def in_our_form(catalog: Catalog) -> str:
    """``catalog`` written as if built in memory: its texts in our own line layout, not
    on the lines the file broke them into (which update keeps while a text is unchanged)."""
    for entry in catalog.entries:
        entry.lines = {}
    catalog.header_lines = ()
    return format_po(catalog)


@needs_msgfmt
@pytest.mark.parametrize(("text", "line"), EOT_SHAPES)
def test_gnu_refuses_every_string_we_refuse_for_its_context_separator(
    tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "bad.po"
    path.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + text)
    run = subprocess.run([MSGFMT, "-o", os.devnull, str(path)], capture_output=True, text=True)
    assert run.returncode != 0
    assert f"bad.po:{line + 3}:" in run.stderr  # the line we name, below the header


@needs_msgfmt
def test_a_context_separator_in_a_comment_is_read_as_gnu_reads_it(tmp_path: Path) -> None:
    """Only a string is refused: GNU reads a comment holding U+0004 as any comment."""
    text = '# pasted\x04note\n#. from\x04a tool\nmsgid "a"\nmsgstr "x"\n'
    path = tmp_path / "ok.po"
    path.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n' + text)
    run = subprocess.run([MSGFMT, "-o", os.devnull, str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    [entry] = read_po(path).active
    assert (entry.comments, entry.extracted, entry.msgstr) == (
        ["pasted\x04note"],
        ["from\x04a tool"],
        "x",
    )


@pytest.mark.parametrize("command", [["compile"], ["update"], ["check"], ["stats"]])
def test_two_messages_one_compiled_key_are_refused_with_the_line_to_fix(
    i18n_project: Path, command: list[str]
) -> None:
    """Context "a\x04b" with text "c" and context "a" with text "b\x04c" compiled to one
    key: compile wrote a .mo holding one translation for both (exit 0). Now every
    command names the line, exit 1, and writes nothing."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    kept = po.read_text(encoding="utf-8")
    added = (
        '\nmsgctxt "a\\004b"\nmsgid "c"\nmsgstr "หนึ่ง"\n'
        '\nmsgctxt "a"\nmsgid "b\\004c"\nmsgstr "สอง"\n'
    )
    po.write_text(kept + added, encoding="utf-8")
    before = {p: p.read_bytes() for p in (i18n_project / "locales").rglob("*") if p.is_file()}
    result = CliRunner().invoke(app, ["i18n", *command, "--project", str(i18n_project)])
    said = result.stdout + result.stderr
    assert result.exit_code == 1 and "Traceback" not in said, said
    line = kept.count("\n") + 2  # the first msgctxt added
    assert f"care-basics.po:{line}: error: control character U+0004" in said
    after = {p: p.read_bytes() for p in (i18n_project / "locales").rglob("*") if p.is_file()}
    assert after == before


def test_an_unknown_escape_says_how_to_write_a_backslash() -> None:
    """A Windows folder in a translation (C:\\Users\\e…) is refused by GNU and by us; the
    error said what was wrong but not how to write the backslash the translator meant."""
    with pytest.raises(LeafletError) as caught:
        parse_po('msgid "a"\nmsgstr "C:\\Users\\e"\n')
    assert caught.value.location.line == 2
    assert "\\\\" in caught.value.hint


@pytest.mark.parametrize(("written", "gnu"), GNU_SPELLINGS.values(), ids=list(GNU_SPELLINGS))
def test_lines_gnu_reads_are_read_as_gnu_writes_them(
    tmp_path: Path, written: str, gnu: str
) -> None:
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    catalog = parse_po(header + written)
    assert in_our_form(catalog) == in_our_form(parse_po(header + gnu))
    if MSGFMT:  # and GNU does read them
        path = tmp_path / "written.po"
        path.write_text(header + written, encoding="utf-8")
        run = subprocess.run([MSGFMT, "-o", os.devnull, str(path)], capture_output=True)
        assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_comments_with_line_breaks_stay_comments_line_by_line(newline: str) -> None:
    """A note of several lines (XLIFF, YAML, a file name) must not leak into the syntax:
    a second line starting with msgid would otherwise inject an entry."""
    injected = f'first{newline}msgid "injected"{newline}msgstr "x"'
    catalog = Catalog(
        header={"Content-Type": "text/plain; charset=UTF-8"},
        header_comments=[f"header{newline}second"],
        entries=[
            Entry(
                msgid="Text",
                msgstr="แปล",
                msgctxt="p/1",
                comments=[injected],
                extracted=[f"dev{newline}note"],
                references=[f"a.yaml:1{newline}b.yaml:2"],
                flags=[f"fuzzy{newline}x"],
            ),
            Entry(msgid="Gone", msgstr="หาย", comments=[injected], obsolete=True),
        ],
    )
    text = format_po(catalog)
    assert "\r" not in text
    again = parse_po(text)
    assert [e.msgid for e in again.entries] == ["Text", "Gone"]
    entry = again.active[0]
    assert entry.comments == ["first", 'msgid "injected"', 'msgstr "x"']
    assert entry.extracted == ["dev", "note"]
    assert entry.references == ["a.yaml:1", "b.yaml:2"]
    assert entry.flags == ["fuzzy", "x"]
    assert again.header_comments == ["header", "second"]


def test_comments_ending_with_a_backslash_are_written_so_gnu_reads_them_as_written(
    tmp_path: Path,
) -> None:
    """GNU gettext joins the line after a backslash at the end of a line to it, so a note
    ending with one (a Windows folder, from the leaflet or an XLIFF note) would take the
    msgctxt or msgid after it into the comment."""
    entry = Entry(msgid="Text", msgstr="แปล", msgctxt="p/1", comments=["in C:\\"])
    entry.extracted = ["dir\\"]
    catalog = Catalog({"Content-Type": "text/plain; charset=UTF-8"}, entries=[entry])
    catalog.trailing_comments = ["end\\"]
    text = format_po(catalog)
    assert not [line for line in text.split("\n") if line.endswith("\\")]
    again = parse_po(text)
    assert again.active[0].msgctxt == "p/1"
    assert format_po(again) == text
    if MSGCAT:
        path = tmp_path / "th.po"
        path.write_text(text, encoding="utf-8")
        run = subprocess.run([MSGCAT, str(path)], capture_output=True, text=True, check=True)
        assert 'msgctxt "p/1"' in run.stdout


@needs_msgfmt
def test_msgfmt_accepts_comments_that_had_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "th.po"
    entry = Entry(msgid="Text", msgstr="แปล", comments=["one\ntwo"], extracted=["a\r\nb"])
    catalog = Catalog({"Content-Type": "text/plain; charset=UTF-8"}, entries=[entry])
    path.write_text(format_po(catalog), encoding="utf-8")
    run = subprocess.run(
        [MSGFMT, "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


# Comments as a translator wrote them, and as GNU msgcat writes them back: the comment
# text byte for byte after one blank (trailing and extra blanks too), flags and
# references normalised, references filled up to 79 columns and each written once. The
# writer trimmed "#  two  " to "#  two" and "#.   x  " to "#. x", and wrote one
# reference a line where msgcat fills the line.
COMMENTS_AS_WRITTEN = "#two\n#\ttab\n#\n#   \n#  two  \n#.x\n#.   x  \n#.\n#,fuzzy  \n"
COMMENTS_AS_GNU_WRITES = "# two\n# \ttab\n#\n#   \n#  two  \n#. x\n#.   x  \n#.\n"
REFERENCES = [f"leaflets/leaflet-{n}.yaml:{n * 7}" for n in range(9)]


def test_comments_are_written_back_as_gnu_writes_them(tmp_path: Path) -> None:
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    references = "#: a b.yaml:3\n" + "".join(f"#: {r}\n" for r in [*REFERENCES, REFERENCES[0]])
    written = header + COMMENTS_AS_WRITTEN + references + 'msgid "a"\nmsgstr "A"\n'
    obsolete = '\n#  kept  \n#~ msgid "b"\n#~ msgstr "B"\n\n#  the end  \n'
    filled = (
        "#: a b.yaml:3 leaflets/leaflet-0.yaml:0 leaflets/leaflet-1.yaml:7\n"
        "#: leaflets/leaflet-2.yaml:14 leaflets/leaflet-3.yaml:21\n"
        "#: leaflets/leaflet-4.yaml:28 leaflets/leaflet-5.yaml:35\n"
        "#: leaflets/leaflet-6.yaml:42 leaflets/leaflet-7.yaml:49\n"
        "#: leaflets/leaflet-8.yaml:56\n"
    )
    gnu = header + COMMENTS_AS_GNU_WRITES + filled + '#, fuzzy\nmsgid "a"\nmsgstr "A"\n'
    assert format_po(parse_po(written + obsolete)) == gnu + obsolete
    catalog = parse_po(written)
    merged = merge(catalog, catalog, dict(catalog.header))
    assert format_po(merged) == gnu
    if shutil.which("msgcat"):
        path = tmp_path / "th.po"
        path.write_text(written, encoding="utf-8")
        run = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
        assert run.stdout.split("\n\n", 1)[1] == gnu.split("\n\n", 1)[1]  # (its header: one line)


@pytest.mark.skipif(not MSGCAT, reason="GNU gettext msgcat is not on PATH")
def test_flags_are_written_in_the_order_gnu_writes_them(tmp_path: Path) -> None:
    """msgmerge, msgcat and Poedit write fuzzy, then the format flags in gettext's order
    of languages, then range: and no-wrap. update wrote the template's order, so every
    update of a file a GNU tool saved reordered its flags lines."""
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    written = header + (
        "#, no-wrap, range: 1..5, python-brace-format, no-c-format, fuzzy\n"
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "A"\nmsgstr[1] "As"\n\n'
        '#, python-format, c-format\nmsgid "b"\nmsgstr "B"\n'
    )
    path = tmp_path / "th.po"
    path.write_text(written, encoding="utf-8")
    run = subprocess.run([MSGCAT, str(path)], capture_output=True, text=True, check=True)
    gnu_flags = [line for line in run.stdout.split("\n") if line.startswith("#,")]
    ours = format_po(parse_po(written))
    assert [line for line in ours.split("\n") if line.startswith("#,")] == gnu_flags
    # a team's own flag (which GNU drops) is kept, after the ones GNU knows
    catalog = parse_po(header + '#, my-flag, python-format, fuzzy\nmsgid "c"\nmsgstr "C"\n')
    assert "#, fuzzy, python-format, my-flag\n" in format_po(catalog)


SECTIONS = """\
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

# --- Title section, checked by Lan ---

#. Leaflet title.
msgctxt "title"
msgid "Title"
msgstr "Tiêu đề"

#~ msgid "Gone"
#~ msgstr "Đã xoá"

# end of file: ask Lan before changing the title
#. a stray extracted comment
"""


def test_a_comment_before_a_blank_line_belongs_to_the_next_entry() -> None:
    """GNU gettext reads a "section" comment as the next entry's, as msgmerge writes it."""
    [title] = parse_po(SECTIONS).active
    assert title.comments == ["--- Title section, checked by Lan ---"]
    assert title.extracted == ["Leaflet title."]
    assert "# --- Title section, checked by Lan ---\n#. Leaflet title." in format_po(
        parse_po(SECTIONS)
    )


def test_comments_at_the_end_of_the_file_are_kept_through_update() -> None:
    """GNU tools drop them silently; they are a translator's words, so they stay last."""
    catalog = parse_po(SECTIONS)
    assert catalog.trailing_comments == [
        "# end of file: ask Lan before changing the title",
        "#. a stray extracted comment",
    ]
    assert [e.msgid for e in catalog.entries] == ["Title", "Gone"]
    template = Catalog(entries=[Entry(msgid="Title", msgctxt="title")])
    merged = merge(template, catalog, dict(catalog.header))
    assert format_po(merged).endswith(SECTIONS[SECTIONS.index("\n# end of file") :])
    assert format_po(parse_po(format_po(merged))) == format_po(merged)


@needs_msgfmt
def test_msgfmt_accepts_section_and_trailing_comments(tmp_path: Path) -> None:
    path = tmp_path / "vi.po"
    path.write_text(format_po(parse_po(SECTIONS)), encoding="utf-8")
    run = subprocess.run(
        [MSGFMT, "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def test_escapes_are_bytes_of_the_encoding_as_gnu_reads_them() -> None:
    [entry] = parse_po('msgid "a"\nmsgstr "\\302\\251 \\x41 \\101\\0611"\n').active
    assert entry.msgstr == "© A A11"


CONTROLS = "tab\t cr\r esc\x1b del\x7f soh\x01 bell\a ff\f"


def test_control_characters_are_written_escaped() -> None:
    """A raw ESC or DEL makes `diff` call the catalog binary; octal escapes keep it text."""
    catalog = Catalog(entries=[Entry(msgid="Text", msgstr=CONTROLS, msgctxt="p\x1b")])
    text = format_po(catalog)
    assert not any(ch < " " or ch == "\x7f" for ch in text.replace("\n", ""))
    # \a, \b, \f and \v as GNU msgcat and msgmerge write them: a translator's "\a"
    # is not rewritten to "\007" by update
    assert 'msgstr "tab\\t cr\\r esc\\033 del\\177 soh\\001 bell\\a ff\\f"' in text
    assert parse_po(text).active[0].msgstr == CONTROLS
    assert parse_po(text).active[0].msgctxt == "p\x1b"


@pytest.mark.skipif(not MSGCAT, reason="GNU gettext msgcat is not on PATH")
def test_letter_escapes_are_written_back_as_gnu_writes_them(tmp_path: Path) -> None:
    """A translator's escapes, through `update`, stay as msgcat and msgmerge write them."""
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    written = header + 'msgid "x"\nmsgstr "\\a\\b\\f\\v\\t\\r \\x41\\102 \\\\ \\""\n'
    path = tmp_path / "th.po"
    path.write_text(written, encoding="utf-8")
    run = subprocess.run([MSGCAT, str(path)], capture_output=True, text=True, check=True)
    ours = format_po(parse_po(written))
    assert ours.split("\n\n", 1)[1] == run.stdout.split("\n\n", 1)[1]


@needs_msgfmt
def test_msgfmt_reads_escaped_controls_as_written(tmp_path: Path) -> None:
    header = {"Content-Type": "text/plain; charset=UTF-8"}
    catalog = Catalog(header, entries=[Entry(msgid="Text", msgstr=CONTROLS + " 7\x1b7")])
    po, mo = tmp_path / "th.po", tmp_path / "th.mo"
    po.write_text(format_po(catalog), encoding="utf-8")
    run = subprocess.run(
        [MSGFMT, "--check-format", "-o", str(mo), str(po)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    with mo.open("rb") as compiled:
        assert gettext.GNUTranslations(compiled).gettext("Text") == CONTROLS + " 7\x1b7"


MO_CASES = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "done"
msgstr "เสร็จ"

msgctxt "p/1"
msgid "done"
msgstr "เสร็จแล้ว"

#, fuzzy
msgid "fuzzy"
msgstr "ยังไม่แน่"

msgid "untranslated"
msgstr ""

msgid "one day"
msgid_plural "{n} days"
msgstr[0] "หนึ่งวัน"
msgstr[1] ""

msgid "one week"
msgid_plural "{n} weeks"
msgstr[0] ""
msgstr[1] "{n} สัปดาห์"

#~ msgid "gone"
#~ msgstr "หายไป"
"""


def gnu_catalog(po: Path, mo: Path, *options: str) -> dict[object, str]:
    """What gettext reads from GNU msgfmt's .mo of ``po`` (written to ``mo``)."""
    subprocess.run([MSGFMT, *options, "-o", str(mo), str(po)], check=True)
    gnu = gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))
    found: dict[object, str] = gnu._catalog  # type: ignore[attr-defined]
    return found


@needs_msgfmt
def test_compile_gives_gettext_what_msgfmt_gives_it(tmp_path: Path) -> None:
    """msgfmt leaves out a plural entry whose msgstr[0] is empty, as untranslated; in a
    .mo it made gettext return "" for one week, not the English."""
    po, mo = tmp_path / "th.po", tmp_path / "th.mo"
    po.write_text(MO_CASES, encoding="utf-8")
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(parse_po(MO_CASES))))
    assert ours._catalog == gnu_catalog(po, mo)  # type: ignore[attr-defined]
    assert ours.ngettext("one week", "{n} weeks", 1) == "one week"


@needs_msgfmt
@pytest.mark.parametrize("name", ["care-basics.po", "ui.po"])
def test_compile_gives_the_header_msgfmt_gives(tmp_path: Path, name: str) -> None:
    """msgfmt leaves the template's POT-Creation-Date out of the .mo (the first such
    line): the .mo of an unchanged translation then stays the same when only the
    template was regenerated; ours carried it."""
    po, mo = FIXTURE / "locales" / "th" / "LC_MESSAGES" / name, tmp_path / "th.mo"
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(read_po(po))))
    assert ours._catalog == gnu_catalog(po, mo)  # type: ignore[attr-defined]
    assert "POT-Creation-Date" not in ours._catalog[""]  # type: ignore[attr-defined]


def test_non_utf8_po_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.po"
    path.write_bytes(b'msgid "a"\nmsgstr "caf\xe9"\n')
    with pytest.raises(LeafletError, match="not valid UTF-8"):
        read_po(path)


THAI_IN_TIS620 = """\
# Thai translation.
msgid ""
msgstr ""
"Project-Id-Version: care-basics\\n"
"Content-Type: text/plain; charset=TIS-620\\n"

msgid "Rest"
msgstr "พัก"
"""


@needs_msgfmt
def test_a_catalog_in_another_charset_is_refused_at_its_line_with_the_way_out(
    tmp_path: Path,
) -> None:
    # The error was on line 1 and said "save the file as UTF-8", for a file that was
    # UTF-8 already (only its header said otherwise) as for one in TIS-620.
    path = tmp_path / "th.po"
    path.write_text(THAI_IN_TIS620, encoding="utf-8")
    with pytest.raises(LeafletError) as caught:
        read_po(path)
    assert caught.value.location.line == 5
    assert "charset TIS-620" in caught.value.message and "write charset=UTF-8" in caught.value.hint
    path.write_text(THAI_IN_TIS620, encoding="tis-620")
    with pytest.raises(LeafletError) as caught:
        read_po(path)
    assert caught.value.location.line == 8
    assert "msgconv --to-code=UTF-8" in caught.value.hint
    converted = tmp_path / "converted.po"  # the hint's way out works
    msgconv = shutil.which("msgconv") or "msgconv"
    subprocess.run([msgconv, "--to-code=UTF-8", str(path), "-o", str(converted)], check=True)
    assert read_po(converted).active[0].msgstr == "พัก"


@pytest.mark.parametrize("name", ["content-type", "CONTENT-TYPE", "Content-type"])
def test_another_charset_is_refused_however_the_field_name_is_spelled(
    tmp_path: Path, name: str
) -> None:
    """gettext finds the charset in any spelling of Content-Type (msgfmt looks for
    "charset="): a UTF-8 file whose ``content-type:`` said TIS-620 was read, and
    `update` wrote a second Content-Type under it, a file msgfmt refused."""
    path = tmp_path / "th.po"
    path.write_text(THAI_IN_TIS620.replace("Content-Type", name), encoding="utf-8")
    with pytest.raises(LeafletError) as caught:
        read_po(path)
    assert caught.value.location.line == 5
    assert "charset TIS-620" in caught.value.message


@needs_msgfmt
@pytest.mark.parametrize(
    ("charset", "codec"),
    [("ISO-8859-11", "iso8859_11"), ("windows-874", "cp874"), ("latin1", "latin1")],
)
def test_the_way_out_of_another_charset_works_for_every_name_of_it(
    tmp_path: Path, charset: str, codec: str
) -> None:
    """ISO-8859-11 and windows-874 are what editors call Thai's legacy encodings, but
    GNU msgconv converts only from its own names of them (TIS-620, CP874): following
    the hint, `msgconv --to-code=UTF-8`, stopped with "not a portable encoding name".
    The hint now names a conversion that works for the name in the file."""
    path = tmp_path / "th.po"
    text = THAI_IN_TIS620.replace("TIS-620", charset)
    if codec == "latin1":
        text = text.replace("พัก", "Pause à")
    path.write_bytes(text.encode(codec))
    with pytest.raises(LeafletError) as caught:
        read_po(path)
    hint = caught.value.hint
    assert f"iconv -f {charset} -t UTF-8 FILE > NEW" in hint and "msgconv" not in hint
    iconv = shutil.which("iconv") or "iconv"
    with (tmp_path / "new.po").open("wb") as new:
        subprocess.run([iconv, "-f", charset, "-t", "UTF-8", str(path)], stdout=new, check=True)
    with pytest.raises(LeafletError) as caught:  # then the header's charset, as told
        read_po(tmp_path / "new.po")
    assert "write charset=UTF-8" in caught.value.hint
    fixed = (tmp_path / "new.po").read_text(encoding="utf-8").replace(charset, "UTF-8")
    assert parse_po(fixed).active[0].msgstr in ("พัก", "Pause à")


@needs_msgfmt
@pytest.mark.parametrize(
    ("charset", "codec", "translation"),
    [
        ("GB18030", "gb18030", "请休息，多喝水。"),
        ("GBK", "gbk", "请休息，多喝水。"),
        ("BIG5", "big5", "請休息，多喝水。"),
        ("BIG5-HKSCS", "big5hkscs", "請休息，多喝水。"),
        ("CP950", "cp950", "請休息，多喝水。"),
        ("SHIFT_JIS", "shift_jis", "表示してください"),  # 表 is 0x95 0x5C: a backslash byte
        ("SJIS", "shift_jis", "表示してください"),
        ("CP932", "cp932", "表示してください"),
        ("EUC-JP", "euc_jp", "表示してください"),
        ("windows-1258", "cp1258", "uô\u0301ng nươ\u0301c"),  # its tones are combining marks
    ],
)
def test_a_catalog_in_a_legacy_cjk_or_vietnamese_charset_is_refused_with_a_way_out(
    tmp_path: Path, charset: str, codec: str, translation: str
) -> None:
    """A translator's tool on a Chinese, Japanese or Vietnamese Windows may save in the
    system's code page and say so in the header. Every command refuses the file at its
    first line that is not UTF-8, nothing written, and the conversion the hint names
    (msgconv, or iconv for a name msgconv does not take) gives the translation back."""
    path = tmp_path / "xx.po"
    text = THAI_IN_TIS620.replace("TIS-620", charset).replace("พัก", translation)
    path.write_bytes(text.encode(codec))
    with pytest.raises(LeafletError) as caught:
        read_po(path)
    assert caught.value.location.line == 8
    assert "not valid UTF-8" in caught.value.message and charset in caught.value.hint
    converted = tmp_path / "converted.po"
    if "msgconv" in caught.value.hint:
        msgconv = shutil.which("msgconv") or "msgconv"
        subprocess.run([msgconv, "--to-code=UTF-8", str(path), "-o", str(converted)], check=True)
    else:
        iconv = shutil.which("iconv") or "iconv"
        with converted.open("wb") as new:
            subprocess.run([iconv, "-f", charset, "-t", "UTF-8", str(path)], stdout=new, check=True)
        fixed = converted.read_text(encoding="utf-8").replace(f"charset={charset}", "charset=UTF-8")
        converted.write_text(fixed, encoding="utf-8")
    back = read_po(converted).active[0].msgstr  # iconv composes Vietnamese's tones
    assert unicodedata.normalize("NFC", back) == unicodedata.normalize("NFC", translation)


@pytest.mark.parametrize("charset", ["utf8", "UTF8", "Utf-8"])
def test_a_catalog_declaring_utf_8_under_another_spelling_is_read(charset: str) -> None:
    """ "charset=utf8" is UTF-8 to GNU gettext (iconv's name for it) and to every editor:
    the catalog was refused as "another charset", with a hint to convert it from UTF-8
    to UTF-8, and every command stopped on a file that was right."""
    text = THAI_IN_TIS620.replace("TIS-620", charset)
    catalog = parse_po(text)
    assert catalog.active[0].msgstr == "พัก"
    merged = workflow.translation(parse_po(format_po(catalog)), "th", catalog)
    assert merged.header["Content-Type"] == "text/plain; charset=UTF-8"


# The header is the entry with an empty msgid and no msgctxt, wherever it stands, as GNU
# gettext reads it: an empty text under a context is an ordinary message, which the reader
# refused ("an empty msgid is only allowed for the header") though msgfmt compiles it.
EMPTY_TEXT_IN_CONTEXT = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "c"
msgid ""
msgstr "C"
"""


def test_an_empty_text_under_a_context_is_a_message_as_gnu_reads_it(tmp_path: Path) -> None:
    catalog = parse_po(EMPTY_TEXT_IN_CONTEXT)
    assert catalog.header == {"Content-Type": "text/plain; charset=UTF-8"}
    [entry] = catalog.active
    assert (entry.msgctxt, entry.msgid, entry.msgstr, entry.line) == ("c", "", "C", 5)
    assert format_po(catalog) == EMPTY_TEXT_IN_CONTEXT
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(catalog)))
    assert ours.pgettext("c", "") == "C"
    if MSGFMT:
        po, mo = tmp_path / "c.po", tmp_path / "c.mo"
        po.write_text(EMPTY_TEXT_IN_CONTEXT, encoding="utf-8")
        assert ours._catalog == gnu_catalog(po, mo, "--check")  # type: ignore[attr-defined]


def test_the_header_is_found_where_it_stands_and_only_once() -> None:
    later = 'msgid "a"\nmsgstr "A"\n\n' + EMPTY_TEXT_IN_CONTEXT
    catalog = parse_po(later)
    assert catalog.header == {"Content-Type": "text/plain; charset=UTF-8"}
    assert [e.key for e in catalog.active] == [(None, "a"), ("c", "")]
    with pytest.raises(LeafletError) as caught:
        parse_po(EMPTY_TEXT_IN_CONTEXT + '\nmsgid ""\nmsgstr "Language: th\\n"\n')
    assert caught.value.location.line == 9
    assert "a second header" in caught.value.message and "line 1" in caught.value.hint


# GNU gettext keeps the header's msgstr as written: a line that is no "Name: value"
# field, a field without a blank after its colon, and a field given twice are all read
# (gettext reads the first of two), compiled and written back unchanged by msgcat. The
# reader refused the first; the writer turned "X-Foo:bar" into "X-Foo: bar" and kept only
# the last of two Language lines, in the .po and in the .mo.
HEADER_AS_WRITTEN = """\
msgid ""
msgstr ""
"Language: th\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Reviewed by the clinic team\\n"
"X-Foo:bar\\n"
"Project-Id-Version: care-basics 1.0\\n"
"Language: th_TH\\n"

msgid "a"
msgstr "A"
"""


def test_the_header_is_written_back_as_written(tmp_path: Path) -> None:
    catalog = parse_po(HEADER_AS_WRITTEN)
    assert catalog.header == {
        "Language": "th",  # the first of two, as gettext reads it
        "Content-Type": "text/plain; charset=UTF-8",
        "X-Foo": "bar",
        "Project-Id-Version": "care-basics 1.0",
    }
    assert format_po(catalog) == HEADER_AS_WRITTEN
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(catalog)))
    if MSGFMT:
        po, mo = tmp_path / "th.po", tmp_path / "th.mo"
        po.write_text(HEADER_AS_WRITTEN, encoding="utf-8")
        assert ours._catalog == gnu_catalog(po, mo, "--check")  # type: ignore[attr-defined]


def test_a_field_the_tool_changes_is_changed_in_its_own_line_only() -> None:
    catalog = parse_po(HEADER_AS_WRITTEN)
    catalog.header["Project-Id-Version"] = "care-basics 1.1"
    catalog.header["Plural-Forms"] = "nplurals=1; plural=0;"
    written = format_po(catalog)
    assert written == HEADER_AS_WRITTEN.replace("basics 1.0", "basics 1.1").replace(
        '"Language: th_TH\\n"\n', '"Language: th_TH\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n'
    )
    template = Catalog(header={"Project-Id-Version": "care-basics 2.0"})
    merged = workflow.translation(template, "th", parse_po(written))
    kept = format_po(merged)
    for line in ('"Reviewed by the clinic team\\n"', '"X-Foo:bar\\n"', '"Language: th_TH\\n"'):
        assert line in kept
    assert '"Project-Id-Version: care-basics 2.0\\n"' in kept


def test_check_names_header_lines_gettext_reads_otherwise_than_meant(tmp_path: Path) -> None:
    def odd_header(data: bytes) -> bytes:
        return data.replace(
            b'"Language: th\\n"\n',
            b'"Language: th\\n"\n"Plural-Forms nplurals=1\\n"\n"Language: de\\n"\n',
        )

    po, findings = checked_copy(tmp_path, odd_header)
    lines = po.read_text(encoding="utf-8").splitlines()
    no_colon = lines.index('"Plural-Forms nplurals=1\\n"') + 1
    [not_a_field, twice] = [f for f in findings if "I18N016" in f]
    assert not_a_field.startswith(f"{po}:{no_colon}: warning: I18N016: ")
    assert "'Plural-Forms nplurals=1' is no field" in not_a_field
    assert twice.startswith(f"{po}:{no_colon + 1}: warning: I18N016: ")
    assert f"Language is given twice: gettext reads the first (line {no_colon - 1}): 'th'" in twice
    assert read_po(po).header["Language"] == "th"


def entry(context: str, msgid: str, msgstr: str = "", **kw: object) -> Entry:
    return Entry(msgid=msgid, msgstr=msgstr, msgctxt=context, **kw)  # type: ignore[arg-type]


def test_merge_rules() -> None:
    old = Catalog(
        entries=[
            entry("intro", "Rest for a day.", "พักหนึ่งวัน"),
            entry("paragraph/3", "Drink water.", "ดื่มน้ำ"),
            entry("paragraph/4", "Call us.", "โทรหาเรา"),
            entry("gone", "Never again.", "ไม่อีกแล้ว"),
            entry("empty", "Nobody translated this.", ""),
        ]
    )
    template = Catalog(
        entries=[
            entry("intro", "Rest for a whole day."),  # edited → fuzzy
            entry("paragraph/2", "Drink water."),  # moved → fuzzy, as msgmerge does
            entry("paragraph/3", "Call us."),  # moved → fuzzy, as msgmerge does
            entry("new", "Something new."),  # → untranslated
        ]
    )
    merged = merge(template, old, {"Language": "th"})
    intro, water, call, new = merged.active
    assert (intro.msgstr, intro.fuzzy, intro.previous_msgid) == ("พักหนึ่งวัน", True, "Rest for a day.")
    assert (water.msgstr, water.fuzzy, water.previous_msgctxt) == ("ดื่มน้ำ", True, "paragraph/3")
    assert (call.msgstr, call.fuzzy, call.previous_msgctxt) == ("โทรหาเรา", True, "paragraph/4")
    assert new.msgstr == ""
    assert [(e.msgctxt, e.msgstr) for e in merged.obsolete] == [("gone", "ไม่อีกแล้ว")]


def test_merge_revives_obsolete_and_keeps_original_previous() -> None:
    old = Catalog(
        entries=[
            entry("a", "Second wording.", "แปล", flags=["fuzzy"], previous_msgid="First wording."),
            entry("b", "Came back.", "กลับมา", obsolete=True),
        ]
    )
    template = Catalog(entries=[entry("a", "Third wording."), entry("b", "Came back.")])
    a, b = merge(template, old, {}).active
    assert a.fuzzy and a.previous_msgid == "First wording."  # what the msgstr was made for
    assert (b.msgstr, b.obsolete) == ("กลับมา", False)


WORDS = ["cells", "blood", "doctor", "rest", "water", "fever", "clinic", "day", "call", "us"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(
    lambda words: " ".join(words).capitalize() + "."
)
block_ids = st.one_of(st.none(), st.sampled_from(["intro", "care", "risks", "help"]))
edits = st.one_of(
    st.tuples(st.just("change"), st.integers(0, 50), sentences),
    st.tuples(st.just("tweak"), st.integers(0, 50), sentences),
    st.tuples(st.just("delete"), st.integers(0, 50), st.none()),
    st.tuples(st.just("insert"), st.integers(0, 50), sentences),
    st.tuples(st.just("move"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("id"), st.integers(0, 50), block_ids),
    st.tuples(st.just("review"), st.integers(0, 50), st.none()),
)

LEAFLET = """\
id: prop
language: en
title: Property test
document: {{code: P-1, version: "1", published: 2026-01-01, next_review: 2027-01-01}}
organisation: test-clinic
disclaimer: General information only.
blocks:
{blocks}
"""


def write_leaflet(root: Path, blocks: list[tuple[str | None, str]]) -> None:
    seen: set[str] = set()
    lines = []
    for block_id, text in blocks:
        lines.append(f"  - paragraph: {text}")
        if block_id and block_id not in seen:  # ids must be unique to be useful contexts
            seen.add(block_id)
            lines.append(f"    id: {block_id}")
    (root / "leaflets" / "prop.yaml").write_text(LEAFLET.format(blocks="\n".join(lines)))


def msgstrs(path: Path) -> set[str]:
    return {e.msgstr for e in read_po(path).entries if e.msgstr}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.lists(st.tuples(block_ids, sentences), min_size=1, max_size=6),
    steps=st.lists(edits, min_size=1, max_size=6),
)
def test_update_never_loses_a_translation(
    start: list[tuple[str | None, str]], steps: list[tuple[str, int, object]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "leaflets").mkdir()
        shutil.copytree(FIXTURE / "organisations", root / "organisations")
        blocks = list(start)
        write_leaflet(root, blocks)
        project = Project.at(root)
        workflow.init_locale(project, "th")
        po = root / "locales" / "th" / "LC_MESSAGES" / "prop.po"
        counter = 0
        for kind, index, value in steps:
            # a translator works: translates everything open, sometimes reviews a fuzzy one
            catalog = read_po(po)
            for e in catalog.active:
                if not e.msgstr or (kind == "review" and e.fuzzy):
                    counter += 1
                    e.msgstr, e.flags, e.previous_msgid = f"แปล {counter}", [], None
            po.write_text(format_po(catalog), encoding="utf-8")
            # the author edits the leaflet
            i = index % len(blocks)
            block_id, text = blocks[i]
            if kind == "change":
                blocks[i] = (block_id, str(value))
            elif kind == "tweak":
                blocks[i] = (block_id, text[:-1] + " " + str(value).lower())
            elif kind == "delete" and len(blocks) > 1:
                del blocks[i]
            elif kind == "insert":
                blocks.insert(i, (None, str(value)))
            elif kind == "move":
                blocks.insert(int(str(value)) % len(blocks), blocks.pop(i))
            elif kind == "id":
                blocks[i] = (value if isinstance(value, str) else None, text)
            write_leaflet(root, blocks)
            before = msgstrs(po)
            workflow.update(project)
            assert before <= msgstrs(po)
            text_after = po.read_bytes()
            workflow.update(project)
            assert po.read_bytes() == text_after  # a second update changes nothing


def catalog_files() -> list[Path]:
    roots = [REPO / "locales", FIXTURE / "locales"]
    return sorted(
        p
        for root in roots
        if root.is_dir()
        for p in root.rglob("*.po*")
        if p.suffix in (".po", ".pot")
    )


@needs_msgfmt
@pytest.mark.parametrize("path", catalog_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_msgfmt_accepts_every_catalog_in_the_repo(path: Path) -> None:
    run = subprocess.run(
        [MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


@needs_msgfmt
def test_msgfmt_accepts_fuzzy_and_obsolete_entries(tmp_path: Path) -> None:
    path = tmp_path / "th.po"
    path.write_text(ROUND_TRIP, encoding="utf-8")
    run = subprocess.run(
        [MSGFMT, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr


def checked_copy(tmp_path: Path, edit: Callable[[bytes], bytes]) -> tuple[Path, list[str]]:
    """The i18n fixture with its Thai catalog edited, and what `i18n check` says of it."""
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    po.write_bytes(edit(po.read_bytes()))
    return po, [str(f) for f in workflow.check(Project.at(root))]


def in_our_words(findings: list[str], tmp_path: Path) -> None:
    """Every finding names the catalog by its path and line, without a tool's padding or
    another path (msgfmt's temporary or absolute one, its program name)."""
    for finding in findings:
        assert finding.count(str(tmp_path)) <= 1 and "  " not in finding.split("\n")[0]
        assert "msgfmt:" not in finding and "<stdin>" not in finding


@needs_msgfmt
def test_check_reads_a_catalog_with_a_bom_as_the_build_does(tmp_path: Path) -> None:
    po, findings = checked_copy(tmp_path, lambda data: b"\xef\xbb\xbf" + data)
    assert findings == [
        f"{po}:1: warning: the file starts with a byte-order mark (saved as 'UTF-8 with "
        "BOM'): msc-leaflet reads it, but GNU msgfmt and msgmerge refuse the file\n"
        "  hint: save it as UTF-8 without BOM, or run `msc-leaflet i18n update`, which "
        "writes it without one"
    ]


@needs_msgfmt
def test_check_names_a_missing_header_once_in_its_own_words(tmp_path: Path) -> None:
    def without_header(data: bytes) -> bytes:
        return data[data.index(b"\n\n") + 2 :]

    po, findings = checked_copy(tmp_path, without_header)
    [finding] = [f for f in findings if "error" in f.split("\n")[0]]
    assert finding.startswith(f"{po}:1: error: I18N011: the catalog has no header")
    assert "msc-leaflet i18n update" in finding
    in_our_words(findings, tmp_path)


@needs_msgfmt
def test_msgfmt_complaints_name_the_catalog_and_the_line(tmp_path: Path) -> None:
    plural = b'\nmsgid "one day"\nmsgid_plural "{n} days"\nmsgstr[0] "a"\nmsgstr[1] "b"\n'
    po, findings = checked_copy(tmp_path, lambda data: data + plural)
    lines = po.read_text(encoding="utf-8").splitlines()
    # Two forms where Thai's header says one: told once, at the entry's msgstr[0] (the
    # line msgfmt's "...but some messages have 2 plural forms" names), as msc-leaflet
    # checks it without msgfmt too.
    [finding] = [f for f in findings if "I18N012" in f]
    assert finding.startswith(f"{po}:{len(lines) - 1}: error: I18N012: ")
    assert "\n  hint: " in finding
    in_our_words(findings, tmp_path)
    # A complaint only msgfmt makes is named at its line, in our words.
    newline = b'\nmsgctxt "n"\nmsgid "line\\n"\nmsgstr "line"\n'
    po, findings = checked_copy(tmp_path / "again", lambda data: data + newline)
    lines = po.read_text(encoding="utf-8").splitlines()
    [finding] = [f for f in findings if "I18N012" in f]
    assert finding.startswith(f"{po}:{len(lines)}: error: I18N012: GNU msgfmt --check: ")
    assert "\n  hint: " in finding
    in_our_words(findings, tmp_path)


# An obsolete entry with the context and text of another (hand edits, a merge of two
# files): the reader takes it, GNU msgfmt, msgcat and msgmerge refuse the whole file.
DUPLICATES = (
    b'\n# Lan\n#~ msgid "Gone"\n#~ msgstr "a"\n'
    b'\n# Mai\n#~ msgid "Gone"\n#~ msgstr "b"\n'
    b'\n#~ msgctxt "title"\n#~ msgid "Caring for yourself after a cell infusion"\n'
    b'#~ msgstr "old title"\n'
)


def test_check_names_a_repeated_obsolete_entry_and_what_update_does(tmp_path: Path) -> None:
    po, findings = checked_copy(tmp_path, lambda data: data + DUPLICATES)
    lines = po.read_text(encoding="utf-8").splitlines()
    gone = [n for n, line in enumerate(lines, 1) if line == '#~ msgid "Gone"']
    title = lines.index('msgctxt "title"') + 1
    assert [f.split("\n")[0] for f in findings] == [
        f"{po}:{gone[1]}: error: I18N017: Gone: an obsolete entry repeats the one on line "
        f"{gone[0]}: GNU tools (msgfmt, msgmerge, Poedit) refuse the file",
        f"{po}:{len(lines) - 2}: error: I18N017: title: an obsolete entry repeats the one on "
        f"line {title}: GNU tools (msgfmt, msgmerge, Poedit) refuse the file",
    ]  # (and msgfmt's own complaint about them is not told twice)
    assert all("`msc-leaflet i18n update` keeps one entry" in f for f in findings)


def test_update_keeps_every_translation_of_a_repeated_entry(tmp_path: Path) -> None:
    po, _ = checked_copy(tmp_path, lambda data: data + DUPLICATES)
    workflow.update(Project.at(po.parents[3]))
    catalog = read_po(po)
    [gone] = [e for e in catalog.obsolete if e.msgid == "Gone"]
    assert (gone.msgstr, gone.comments) == ("a", ["Lan", "Mai", "earlier translation: b"])
    [title] = [e for e in catalog.active if e.msgctxt == "title"]
    assert "earlier translation: old title" in title.comments
    assert [str(f) for f in workflow.check(Project.at(po.parents[3]))] == []


OBSOLETE_HEADER = b'\n# old file\n#~ msgid ""\n#~ msgstr "X-Old: y\\n"\n'


def test_an_obsolete_header_is_named_and_update_drops_it(tmp_path: Path) -> None:
    """`#~ msgid ""` beside the header: GNU msgfmt and msgcat refuse the file as a
    duplicate, msc-leaflet read it silently and `update` kept it. `check` names it at
    its line (I18N017, and not again in msgfmt's words); `update` drops it, since it
    holds header fields of some earlier file, no translation, but keeps its translator
    comment with the header's."""
    po, findings = checked_copy(tmp_path, lambda data: data + OBSOLETE_HEADER)
    lines = po.read_text(encoding="utf-8").splitlines()
    header = lines.index('msgid ""') + 1
    assert [f.split("\n")[0] for f in findings] == [
        f'{po}:{len(lines) - 1}: error: I18N017: an obsolete header (#~ msgid "") repeats the '
        f"header on line {header}: GNU tools (msgfmt, msgmerge, Poedit) refuse the file"
    ]
    assert "`msc-leaflet i18n update` drops it" in findings[0]
    workflow.update(Project.at(po.parents[3]))
    assert "X-Old" not in po.read_text(encoding="utf-8")
    assert "\n# old file\n" in po.read_text(encoding="utf-8")  # the translator's words stay
    assert [str(f) for f in workflow.check(Project.at(po.parents[3]))] == []


@needs_msgfmt
def test_a_bad_header_field_is_named_at_its_own_line(tmp_path: Path) -> None:
    # msgfmt names the header entry's first line; the translator fixes the field's line.
    def bad_plural(data: bytes) -> bytes:
        return re.sub(rb"nplurals=\d+", b"nplurals=x", data, count=1)

    po, findings = checked_copy(tmp_path, bad_plural)
    lines = po.read_text(encoding="utf-8").splitlines()
    field = next(n for n, line in enumerate(lines, 1) if "Plural-Forms" in line)
    [finding] = [f for f in findings if "nplurals" in f]
    assert finding.startswith(f"{po}:{field}: error: I18N012: ") and field > 2


def test_a_plural_count_other_than_cldr_s_is_a_warning(tmp_path: Path) -> None:
    # Thai has one plural form (CLDR); a header copied from English says two.
    def english_plurals(data: bytes) -> bytes:
        return re.sub(rb"Plural-Forms: [^\\]*", b"Plural-Forms: nplurals=2; plural=(n != 1);", data)

    po, findings = checked_copy(tmp_path, english_plurals)
    [finding] = [f for f in findings if "I18N015" in f]
    assert finding.startswith(f"{po}:")
    assert ": warning: I18N015: Plural-Forms gives 2 forms, but th has 1 (CLDR)" in finding
    assert 'write "Plural-Forms: nplurals=1; plural=0;\\n"' in finding


def test_a_header_field_is_named_at_its_line_wherever_the_header_stands(tmp_path: Path) -> None:
    # GNU reads a header that is not the first entry; the Language and Plural-Forms
    # findings named line 1, the file's first line, for it.
    def header_last(data: bytes) -> bytes:
        header, rest = data.split(b"\n\n", 1)
        header = header.replace(b"Language: th", b"Language: lo").replace(
            b"nplurals=1", b"nplurals=2"
        )
        return rest + b"\n" + header + b"\n"

    po, findings = checked_copy(tmp_path, header_last)
    lines = po.read_text(encoding="utf-8").splitlines()
    language = lines.index('"Language: lo\\n"') + 1
    plurals = next(n for n, line in enumerate(lines, 1) if line.startswith('"Plural-Forms'))
    assert any(f.startswith(f"{po}:{language}: error: I18N011: Language is 'lo'") for f in findings)
    assert any(f.startswith(f"{po}:{plurals}: warning: I18N015: ") for f in findings)


def test_msgfmt_output_becomes_one_complaint_per_place() -> None:
    stderr = (
        "<stdin>:7:3: first problem\n"
        "<stdin>:9: paired problem...\n"
        "<stdin>:4: ...its other half\n"
        "/usr/bin/msgfmt: <stdin>: warning: about the file\n"
        "                          continued here\n"
        "/usr/bin/msgfmt: found 3 fatal errors\n"
    )
    assert complaints(stderr) == [
        (7, "first problem"),
        (9, "paired problem (see line 4: its other half)"),
        (1, "warning: about the file; continued here"),
    ]


@pytest.mark.skipif(not (REPO / "locales").is_dir(), reason="the repository has no locales/ yet")
def test_repo_catalogs_pass_i18n_check() -> None:
    findings = workflow.check(Project.at(REPO))
    assert [str(f) for f in findings if f.severity == "error"] == []


def test_babel_extractor_entry_point(tmp_path: Path) -> None:
    from babel.messages.frontend import CommandLineInterface

    [point] = [
        p
        for p in importlib.metadata.entry_points(group="babel.extractors")
        if p.name == "msc_leaflet"
    ]
    assert point.value == "msc_leaflet.i18n.extract:babel_extract"
    mapping = tmp_path / "mapping.cfg"
    mapping.write_text("[msc_leaflet: leaflets/*.yaml]\n")
    out = tmp_path / "messages.pot"
    CommandLineInterface().run(  # type: ignore[no-untyped-call]  # Babel is unannotated
        ["pybabel", "-q", "extract", "-F", str(mapping), "-o", str(out), str(FIXTURE)]
    )
    extracted = read_po(out)
    project = Project.at(FIXTURE)
    ours = leaflet_template(load_leaflet(project.leaflet_path("care-basics"), project)[0], project)
    assert set(extracted.lookup()) == set(ours.lookup())
    faq = extracted.lookup()[
        (
            "faq/7/2/answer",
            ours.lookup()[
                (
                    "faq/7/2/answer",
                    next(e.msgid for e in ours.active if e.msgctxt == "faq/7/2/answer"),
                )
            ].msgid,
        )
    ]
    assert any("Keep the markup" in c for c in faq.extracted)


@pytest.mark.parametrize("folder", ["x", "sr@latin", "pt_BR.UTF-8"])
def test_a_folder_not_named_after_a_language_is_named_by_update_and_check(
    tmp_path: Path, folder: str
) -> None:
    # update stopped with "x: error: unknown locale 'x'" (no file, a hint about Babel);
    # check passed it, and a build read sr@latin as Serbian in Cyrillic.
    import shutil

    from msc_leaflet.errors import LeafletError
    from msc_leaflet.i18n import workflow
    from msc_leaflet.project import Project

    shutil.copytree(Path(__file__).parent / "fixtures" / "i18n", tmp_path / "p")
    project = Project.at(tmp_path / "p")
    shutil.copytree(project.locales_dir / "th", project.locales_dir / folder)
    before = (project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po").read_bytes()
    with pytest.raises(LeafletError) as caught:
        workflow.update(project)
    assert caught.value.location.path == project.locales_dir / folder
    assert "rename" in caught.value.hint
    assert (project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po").read_bytes() == before
    [error] = [f for f in workflow.check(project) if f.location.path.name == folder]
    assert error.severity == "error" and "not named after a language" in error.message


#: Every command that lists the locale folders.
LISTING_COMMANDS = [
    ["build"], ["i18n", "stats"], ["i18n", "compile"], ["check"], ["i18n", "update"]
]  # fmt: skip


def _refused_folder(root: Path, command: list[str], out: Path, built: list[str]) -> str:
    """Run ``command`` on the project at ``root``, which has a locale folder it must name:
    exit 1, no traceback; a build still builds ``built`` (the other locales), any other
    command writes nothing. What it said."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    before = {p: p.read_bytes() for p in (root / "locales").rglob("*") if p.is_file()}
    extra = ["-o", str(out), "-q"] if command == ["build"] else []
    result = CliRunner().invoke(app, [*command, "--project", str(root), *extra])
    said = result.stderr + result.stdout
    assert result.exit_code == 1 and "Traceback" not in said, said
    if command == ["build"]:
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == built
    else:  # refused before anything is written
        after = {p: p.read_bytes() for p in (root / "locales").rglob("*") if p.is_file()}
        assert after == before
    return said


@pytest.mark.parametrize("folder", ["x", "sr@latin", "pt_BR.UTF-8", "und"])
@pytest.mark.parametrize("command", LISTING_COMMANDS)
def test_every_command_that_lists_locale_folders_names_one_not_named_after_a_language(
    tmp_path: Path, folder: str, command: list[str]
) -> None:
    # update and check named such a folder; build, stats and compile took it as a locale
    # (sr@latin built as Serbian in Cyrillic, pt_BR.UTF-8 and und printed as written).
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(root / "locales" / "th", root / "locales" / folder)
    built = ["en/care-basics.pdf", "th/care-basics.pdf"]  # nothing in the folder
    said = _refused_folder(root, command, tmp_path / "out", built)
    assert f"locales/{folder}/ is not named after a language" in said, said
    assert "rename it to" in said


@pytest.mark.parametrize("first", ["th", "TH"])
@pytest.mark.parametrize("command", LISTING_COMMANDS)
def test_one_locale_in_two_folders_is_named_by_every_command_that_lists_them(
    tmp_path: Path, first: str, command: list[str]
) -> None:
    # locales/th and locales/TH (or zh_Hans and zh-hans): a build of every locale printed
    # two Thai PDFs, th/ and TH/, each from its own catalog; stats listed Thai twice. The
    # folder in gettext's spelling is the one kept, whichever came first.
    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    folder, kept = "TH", "th"
    (root / "locales" / "th").rename(root / "locales" / first)
    shutil.copytree(root / "locales" / first, root / "locales" / ({"th", "TH"} - {first}).pop())
    built = ["en/care-basics.pdf", f"{kept}/care-basics.pdf"]
    said = _refused_folder(root, command, tmp_path / "out", built)
    assert f"locales/{folder}/ holds th catalogs, as locales/{kept}/ does" in said, said
    assert f"remove locales/{folder}/" in said


@pytest.mark.parametrize(
    ("folder", "rename"),
    [("sr@latin", "sr_Latn"), ("pt_BR.UTF-8", "pt_BR"), ("uz@cyrillic", "uz_Cyrl")],
)
def test_the_folder_hint_says_what_to_rename_it_to(
    tmp_path: Path, folder: str, rename: str
) -> None:
    from msc_leaflet.i18n.catalog import folder_problem

    shutil.copytree(FIXTURE, tmp_path / "p")
    problem = folder_problem(Project.at(tmp_path / "p"), folder)
    assert problem is not None and f"rename it to {rename}" in problem.hint, problem


@pytest.mark.parametrize(("folder", "locale"), [("pt_BR.UTF-8", "pt_BR"), ("th.utf8", "th")])
def test_a_locale_asked_for_by_name_is_not_read_from_a_folder_with_a_charset(
    tmp_path: Path, folder: str, locale: str
) -> None:
    # `-l th` found locales/th.utf8 (Babel drops the charset when it reads a tag) and
    # built from it into build/th.utf8/, a folder no gettext tool reads as Thai.
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    (root / "locales" / "th").rename(root / "locales" / folder)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["build", "-l", locale, "--project", str(root), "-o", str(out), "-q"]
    )
    assert result.exit_code == 1, result.output
    said = result.stderr + result.stdout
    assert f"locales/{folder}/ is not named after a language" in said
    assert f"rename it to {locale}" in said
    assert not list(out.rglob("*.pdf"))


def as_classic_mac(data: bytes) -> bytes:
    """The catalog saved with classic Mac OS line ends, a CR alone, as some editors can."""
    return data.replace(b"\n", b"\r")


def test_a_catalog_with_lone_cr_line_ends_is_refused_not_emptied(tmp_path: Path) -> None:
    """Editors show a lone CR as a line break, gettext does not: the whole file was read
    as one comment, and `update` wrote back a catalog with no translation in it (every
    entry untranslated, the translator's work turned into comment lines), exit 0, while
    `i18n check` advised running update. The file is refused at its line, and nothing
    is written."""
    po, findings = checked_copy(tmp_path, as_classic_mac)
    before = po.read_bytes()
    [finding] = findings
    assert finding.startswith(f"{po}:1: error: ") and "line break" in finding
    assert "hint: " in finding and "LF" in finding
    with pytest.raises(LeafletError) as raised:
        workflow.update(Project.at(po.parents[3]))
    assert raised.value.location.line == 1 and "LF" in raised.value.hint
    assert po.read_bytes() == before


def test_a_lone_cr_that_hides_an_entry_in_a_comment_is_refused(tmp_path: Path) -> None:
    """One entry pasted with CR line ends after a comment: an editor shows the entry,
    gettext reads a comment, and `update` made the translation a comment line."""
    hidden = b'\n# note\rmsgctxt "extra"\rmsgid "Extra"\rmsgstr "x"\n'
    po, _ = checked_copy(tmp_path, lambda data: data + hidden)
    line = po.read_bytes().count(b"\n")  # the last line
    with pytest.raises(LeafletError) as raised:
        read_po(po)
    assert raised.value.location.line == line


def test_a_lone_cr_inside_a_string_or_a_plain_comment_is_still_read() -> None:
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    catalog = parse_po(header + '# a\rb\nmsgid "a"\nmsgstr "x\ry"\n')
    assert catalog.active[0].msgstr == "x\ry"


@pytest.mark.parametrize(
    ("entries", "line"),
    [
        ('msgid "Rest"\nmsgstr "พัก"\n#~ "ผ่อน"\n', 6),  # an obsolete line in a translation
        ('#~ msgid "Gone"\n#~ msgstr "หาย"\n"ไป"\n', 6),  # an active line in an obsolete one
        ('msgid "Rest"\nmsgstr ""\n#~ "พัก"\n', 6),
        ('#| msgid "Rest "\n#~| "now"\nmsgid "Rest"\nmsgstr "พัก"\n', 5),  # the #| text
    ],
    ids=["obsolete-after-active", "active-after-obsolete", "half-revived", "previous"],
)
def test_a_string_line_of_the_other_kind_than_its_entry_is_refused(
    tmp_path: Path, entries: str, line: int
) -> None:
    """A continuation line marked #~ in an active entry (or the reverse) was joined to
    the entry's text, so `update` silently wrote another translation than the file
    showed (an obsolete entry's text became the printed one); GNU tools refuse the file
    ("inconsistent use of #~"). It is refused at that line."""
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    with pytest.raises(LeafletError) as raised:
        parse_po(header + entries)
    assert raised.value.location.line == line and "#~" in raised.value.message
    if MSGFMT:  # GNU refuses it too
        path = tmp_path / "th.po"
        path.write_text(header + entries, encoding="utf-8")
        assert subprocess.run([MSGFMT, "-o", os.devnull, str(path)], capture_output=True).returncode


@pytest.mark.parametrize(
    "entry",
    [
        'msgid "Rest"\n\nmsgstr "พัก"\n',
        'msgid "Rest"\nmsgstr ""\n"พัก"\n\n"ผ่อน"\n',
        '#~ msgid "Rest"\n\n#~ msgstr "พัก"\n',
    ],
    ids=["before-msgstr", "inside-msgstr", "obsolete"],
)
def test_a_blank_line_inside_an_entry_is_read_as_gnu_reads_it(tmp_path: Path, entry: str) -> None:
    """GNU gettext reads blank lines as white space, not as the end of an entry, so
    msgfmt, msgmerge and Poedit read a catalog with a blank line inside an entry (a
    hand edit spacing out a long translation); msc-leaflet refused it, telling the
    translator to add the msgstr that was there."""
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    ours = parse_po(header + entry)
    expected = entry.replace("\n\n", "\n")
    assert in_our_form(ours) == in_our_form(parse_po(header + expected))
    if MSGCAT:
        path = tmp_path / "th.po"
        path.write_text(header + entry, encoding="utf-8")
        run = subprocess.run([MSGCAT, "--no-wrap", str(path)], capture_output=True, text=True)
        assert in_our_form(parse_po(run.stdout)) == in_our_form(ours)


def test_check_names_an_entry_by_a_context_it_cannot_print_raw(tmp_path: Path) -> None:
    """A context with a line break or a terminal escape (a hand edit, a hostile file)
    was printed as it is: the finding split into lines that read as other findings, or
    the escape cleared the translator's terminal. It is shown as written in the .po."""
    context = b'"evil\\033[2J\\nlocales/x.po:1: error: fake"'
    hostile = b"\nmsgctxt " + context + b'\nmsgid "Rest 5"\nmsgstr "6"\n'
    po, findings = checked_copy(tmp_path, lambda data: data + hostile)
    named = [f for f in findings if "evil" in f]
    assert named and all(f.startswith(f"{po}:") for f in named)
    for finding in named:
        first, *rest = finding.split("\n")
        assert "\x1b" not in finding and not any("fake" in line for line in rest)
        assert "evil\\033[2J\\nlocales/x.po:1: error: fake" in first


def test_a_previous_context_without_its_text_is_not_written() -> None:
    """`#| msgctxt` alone is refused by GNU gettext (and now by our reader): an entry
    whose earlier source lost its text (a tool cleared only #| msgid) is written
    without #| lines, not as a file that no gettext tool opens."""
    fuzzy = Entry(msgid="y", msgstr="z", flags=["fuzzy"], previous_msgctxt="c")
    text = format_po(Catalog(entries=[fuzzy]))
    assert "#|" not in text
    assert parse_po(text).active[0].msgstr == "z"


@pytest.mark.parametrize(
    ("line", "flags"),
    [
        ("#, fuzzy python-format", ["fuzzy", "python-format"]),
        ("#,fuzzy\tno-wrap", ["fuzzy", "no-wrap"]),
        ("#, c-format,, fuzzy ,", ["c-format", "fuzzy"]),
        ("#, range: 1..5 fuzzy", ["range: 1..5", "fuzzy"]),
        # Weblate's flags with a quoted argument stay whole: GNU ignores them either way
        ('#, fuzzy placeholders:"{n} {m}"', ["fuzzy", 'placeholders:"{n} {m}"']),
    ],
)
def test_flags_are_separated_by_blanks_as_well_as_commas(
    tmp_path: Path, line: str, flags: list[str]
) -> None:
    """GNU gettext separates flags at commas and blanks, so "#, fuzzy python-format"
    (a comma forgotten) is a fuzzy translation to msgfmt, msgmerge and Poedit: never
    compiled. We read one flag "fuzzy python-format", not fuzzy, and printed the
    unreviewed translation."""
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    text = f'{header}{line}\nmsgid "a"\nmsgstr "A"\n'
    [entry] = parse_po(text).active
    assert entry.flags == flags and entry.fuzzy
    assert parse_po(format_po(parse_po(text))).active[0].flags == gnu_order(flags)
    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(parse_po(text))))
    assert ours.gettext("a") == "a"
    if MSGFMT:
        po, mo = tmp_path / "th.po", tmp_path / "th.mo"
        po.write_text(text, encoding="utf-8")
        assert ours._catalog == gnu_catalog(po, mo)  # type: ignore[attr-defined]


def test_check_names_a_fuzzy_mark_gnu_tools_do_not_see(tmp_path: Path) -> None:
    """GNU gettext reads only the last of an entry's ``#,`` lines: after "#, fuzzy" and
    "#, no-wrap" the translation is not fuzzy to msgfmt, Poedit and Weblate, and msgfmt
    compiles it, while msc-leaflet (reading the translator's mark) holds it back. `i18n
    check` names the line; `update` writes the flags on one line, read alike by all (and
    without no-wrap, which is the template's to give)."""

    def two_flag_lines(data: bytes) -> bytes:
        return data.replace(b'msgctxt "title"', b'#, fuzzy\n#, no-wrap\nmsgctxt "title"', 1)

    po, findings = checked_copy(tmp_path, two_flag_lines)
    lines = po.read_text(encoding="utf-8").splitlines()
    second = lines.index("#, no-wrap") + 1
    [found] = [f for f in findings if "I18N018" in f]
    assert found.startswith(f"{po}:{second}: warning: I18N018: title: ")
    assert "not fuzzy" in found
    title = next(e for e in read_po(po).active if e.msgctxt == "title")
    assert title.fuzzy
    workflow.update(Project.at(po.parents[3]))
    after = po.read_text(encoding="utf-8").split('msgctxt "title"')[0].split("\n\n")[-1]
    assert [line for line in after.splitlines() if line.startswith("#,")] == ["#, fuzzy"]
    assert not [f for f in workflow.check(Project.at(po.parents[3])) if "I18N018" in str(f)]


@pytest.mark.parametrize(
    "flags", ["Fuzzy", "FUZZY", "fuzy", "fuzzy;", "fuzzy.", "no-wrap, fuzzzy", "fuzz"]
)
def test_check_names_a_misspelt_fuzzy_mark(tmp_path: Path, flags: str) -> None:
    """A translator who marks a text for review by hand and types "#, Fuzzy" or "#, fuzy"
    marks nothing: gettext knows only ``fuzzy``, so msgfmt, Poedit, Weblate and the build
    all print the translation as done, and nothing said so. `i18n check` names the flag at
    its line (I18N018); a flag that only resembles it (funny) or is the real one is not
    named (below)."""

    def marked(data: bytes) -> bytes:
        return data.replace(b'msgctxt "title"', f'#, {flags}\nmsgctxt "title"'.encode(), 1)

    po, findings = checked_copy(tmp_path, marked)
    line = po.read_text(encoding="utf-8").splitlines().index(f"#, {flags}") + 1
    [found] = [f for f in findings if "I18N018" in f]
    assert found.startswith(f"{po}:{line}: warning: I18N018: title: the flag ")
    assert "printed as done" in found
    assert not next(e for e in read_po(po).active if e.msgctxt == "title").fuzzy


@pytest.mark.parametrize("flags", ["fuzzy", "funny", "no-wrap", "fuzzy, no-wrap"])
def test_check_names_no_misspelt_fuzzy_mark_where_there_is_none(tmp_path: Path, flags: str) -> None:
    def marked(data: bytes) -> bytes:
        return data.replace(b'msgctxt "title"', f'#, {flags}\nmsgctxt "title"'.encode(), 1)

    _, findings = checked_copy(tmp_path, marked)
    assert not [f for f in findings if "I18N018" in f]


def test_reader_places_each_character_where_it_is_typed() -> None:
    """A finding points at a word in a msgstr by the reader's own positions: through
    escapes (an octal-escaped © is where its backslash is), joined strings, wrapped
    continuation lines, a backslash-joined line and CRLF line ends."""
    text = (
        'msgid "a"\r\n'
        'msgstr ""\r\n'
        '"x\\ty" "z"\r\n'
        '  "\\302\\251é"\r\n'
        '"lo\\\n'  # a splice needs the backslash last, before LF
        'ng"\r\n'
    )
    entry = parse_po(text, sources=True).entries[0]
    source = entry.sources["msgstr"]
    assert entry.msgstr == "x\tyz©élong"
    assert source.line == 2
    assert source.chars == (
        (3, 2), (3, 3), (3, 5), (3, 9),  # x \t y, then z in the joined string
        (4, 4), (4, 12),  # © (two escaped bytes) and é
        (5, 2), (5, 3), (6, 1), (6, 2),  # l o, then n g after the spliced line end
    )  # fmt: skip
    assert parse_po(text).entries[0].sources == {}  # only on request


def test_reader_places_characters_of_every_utf8_length() -> None:
    """Places count characters, not bytes, whatever their UTF-8 length: Thai letters
    (three bytes), an emoji (four), a character written as three escaped bytes (€ at
    its first backslash), beside an escape, a joined string and a spliced line end."""
    text = 'msgid "a"\nmsgstr ""\n"ยา\\n😀ก" "ข"\n"\\342\\202\\254ค\\\nง"\n'
    entry = parse_po(text, sources=True).entries[0]
    assert entry.msgstr == "ยา\n😀กข€คง"
    assert entry.sources["msgstr"].chars == (
        (3, 2), (3, 3), (3, 4), (3, 6), (3, 7), (3, 11),  # ย า \n 😀 ก, then ข
        (4, 2), (4, 14), (5, 1),  # € (escaped), ค, then ง after the spliced line end
    )  # fmt: skip


@pytest.mark.parametrize(
    ("asked", "tag"),
    [
        ("sr@latin", "sr_Latn"),
        ("sr_RS@latin", "sr_Latn_RS"),
        ("ca@valencia", "ca_ES_VALENCIA"),
        ("be@tarask", "be_TARASK"),
    ],
)
@pytest.mark.parametrize("command", [["i18n", "init"], ["build", "care-basics", "-l"]])
def test_a_gettext_locale_name_is_refused_with_the_tag_to_use(
    tmp_path: Path, asked: str, tag: str, command: list[str]
) -> None:
    # `i18n init sr@latin` said only "not a language tag; use a BCP 47 tag such as en or
    # th", while a locales/sr@latin/ folder was told to become sr_Latn: a translator who
    # knows gettext's @modifier form was not told the one this tool reads, nor that it
    # is the same locale. Every command now names the tag, and nothing is written.
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = tmp_path / "p"
    shutil.copytree(FIXTURE, root)
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    out = ["-o", str(tmp_path / "out"), "-q"] if command[0] == "build" else []
    result = CliRunner().invoke(app, [*command, asked, "--project", str(root), *out])
    said = result.stderr + result.stdout
    assert result.exit_code == 1 and "Traceback" not in said, said
    assert "gettext" in said and f"use {tag}" in said, said
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


@pytest.mark.parametrize("tag", ["sr_Latn", "ca_ES_VALENCIA", "be_TARASK"])
def test_the_tag_named_for_a_gettext_locale_is_one_init_accepts(tmp_path: Path, tag: str) -> None:
    from msc_leaflet.i18n import workflow

    shutil.copytree(FIXTURE, tmp_path / "p")
    project = Project.at(tmp_path / "p")
    written = workflow.init_locale(project, tag)
    assert (project.locales_dir / tag / "LC_MESSAGES" / "care-basics.po").is_file(), written


@pytest.mark.parametrize(
    ("context", "shown"),
    [(None, "no msgctxt"), ("title", 'msgctxt "title"'), ("a\tb", 'msgctxt "a\\tb"')],
)
def test_a_duplicate_message_names_both_lines_and_what_to_do(
    context: str | None, shown: str
) -> None:
    """msgfmt, msgmerge and Poedit refuse a catalog with two entries for one text (two
    files joined, an entry pasted twice). The error named the second line only, as
    msgctxt None (Python's word, not the translator's), and no way out. The texts are
    shown as the file has them, so the translator can search for them."""
    head = "" if context is None else f'msgctxt "{context.replace(chr(9), chr(92) + "t")}"\n'
    text = f'{head}msgid "a"\nmsgstr "x"\n\n# second\n{head}msgid "a"\nmsgstr "y"\n'
    with pytest.raises(LeafletError) as caught:
        parse_po(text, Path("th.po"))
    error, second = caught.value, 5 + len(head.splitlines())
    assert error.location.line == second
    assert f'duplicate message ({shown}, msgid "a"), also on line 1' in error.message
    assert "line 1" in error.hint and f"line {second}" in error.hint and "delete" in error.hint


# Plural-Forms formulas GNU msgfmt --check refuses, as a translator might type them on
# a laptop without GNU gettext: each was caught only where msgfmt was installed, and
# `i18n compile` wrote a .mo whose plural lookups failed.
BAD_PLURAL_FORMS = [
    ("nplurals=2; plural=n !=;", "is not a valid C expression"),
    ("nplurals=2; plural=(m != 1);", "is not a valid C expression"),
    ("nplurals=2; plural=((n != 1);", "is not a valid C expression"),
    ("nplurals=2; plural=n != 1);", "is not a valid C expression"),
    ("nplurals=2; plural=n/0;", "divides by zero for n = 0"),
    ("nplurals=3; plural=n%(n-1);", "divides by zero for n = 1"),
    ("nplurals=2; plural=n;", "gives form 2 for n = 2"),
    ("nplurals=1; plural=n-1;", "negative form (-1) for n = 0"),
    ("nplurals=x; plural=0;", "nplurals is not a number"),
]


def without_msgfmt(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a laptop without GNU gettext: `i18n check` cannot run msgfmt."""
    monkeypatch.setattr("msc_leaflet.i18n.msgfmt.shutil.which", lambda name: None)


def with_plural_forms(value: str) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        return re.sub(rb"Plural-Forms: [^\\]*", f"Plural-Forms: {value}".encode(), data)

    return edit


@pytest.mark.parametrize(("value", "message"), BAD_PLURAL_FORMS)
def test_check_refuses_a_bad_plural_formula_without_msgfmt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    without_msgfmt(monkeypatch)
    po, findings = checked_copy(tmp_path, with_plural_forms(value))
    lines = po.read_text(encoding="utf-8").splitlines()
    field = next(n for n, line in enumerate(lines, 1) if "Plural-Forms" in line)
    [finding] = [f for f in findings if "I18N012" in f]
    assert finding.startswith(f"{po}:{field}: error: I18N012: Plural-Forms: ")
    assert message in finding and "GNU msgfmt refuses the catalog" in finding
    assert finding.endswith('hint: write "Plural-Forms: nplurals=1; plural=0;\\n" (CLDR\'s for th)')


@pytest.mark.parametrize(("value", "message"), BAD_PLURAL_FORMS)
def test_compile_refuses_a_bad_plural_formula_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    without_msgfmt(monkeypatch)
    po, _ = checked_copy(tmp_path, with_plural_forms(value))
    with pytest.raises(LeafletError) as caught:
        workflow.compile_catalogs(Project.at(po.parents[3]))
    assert caught.value.location.path == po and message in caught.value.message
    assert not list(po.parents[3].glob("locales/*/LC_MESSAGES/*.mo"))


@pytest.mark.parametrize(
    "value",
    [
        "nplurals=1; plural=0;",
        "nplurals=1; plural=0 ; anything after the end",
        "nplurals=2; plural=n==1 ? 0 : 1",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=11 ? 4 : 5);",
    ],
)
def test_check_accepts_a_valid_plural_formula_without_msgfmt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    without_msgfmt(monkeypatch)
    _, findings = checked_copy(tmp_path, with_plural_forms(value))
    assert not [f for f in findings if "I18N012" in f]


@pytest.mark.parametrize("command", ["compile", "check"])
def test_a_huge_nplurals_does_not_stall_the_catalog_commands(tmp_path: Path, command: str) -> None:
    """nplurals=999999999 is a count msgfmt accepts (plural=0 never exceeds it): judging
    the format strings built a flag for each of a billion forms, and `i18n compile` ran
    for minutes. The command in its own process, so a stall fails the test (after a
    minute) instead of hanging the run."""
    po, _ = checked_copy(tmp_path, lambda data: data)
    po.write_bytes(with_plural_forms("nplurals=999999999; plural=0;")(po.read_bytes()))
    done = subprocess.run(
        [sys.executable, "-m", "msc_leaflet", "i18n", command, "--project", str(po.parents[3])],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert done.returncode in (0, 1), done.stderr


def test_a_long_run_of_letters_in_a_translation_is_checked_in_one_pass(tmp_path: Path) -> None:
    """The script check blanks e-mail addresses first; its pattern was tried at every
    letter of a run without '@' and scanned the rest of the run from each: a 200,000
    letter msgstr took minutes, a 1 MB one hours. In its own process, so a stall fails
    the test (after a minute) instead of hanging the run."""
    po, _ = checked_copy(tmp_path, lambda data: data)
    long = "ข้อมูลสำหรับผู้ป่วย" + "x" * 200_000
    po.write_text(po.read_text("utf-8").replace("ข้อมูลสำหรับผู้ป่วย", long, 1), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "msc_leaflet", "i18n", "check", "--project", str(po.parents[3])],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert done.returncode in (0, 1), done.stderr


def test_check_names_a_formula_wrong_only_for_large_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """msgfmt tries n up to 1000; a formula that fails for more prints English for it."""
    without_msgfmt(monkeypatch)
    _, findings = checked_copy(tmp_path, with_plural_forms("nplurals=1; plural=n>5000;"))
    [finding] = [f for f in findings if "I18N012" in f]
    assert "gives form 1 for n = 10000: gettext prints the source text" in finding


def test_check_wants_nplurals_only_for_plural_translations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_msgfmt(monkeypatch)
    plural = b'\nmsgid "one day"\nmsgid_plural "{n} days"\nmsgstr[0] "a"\n'
    _, findings = checked_copy(tmp_path, with_plural_forms("plural=0;"))
    assert not [f for f in findings if "I18N012" in f]

    def edit(data: bytes) -> bytes:
        return with_plural_forms("plural=0;")(data) + plural

    _, findings = checked_copy(tmp_path / "2", edit)
    [finding] = [f for f in findings if "I18N012" in f]
    assert "lacks nplurals=, but the catalog has plural translations" in finding


@needs_msgfmt
@pytest.mark.parametrize(("value", "message"), BAD_PLURAL_FORMS)
def test_a_bad_plural_formula_is_told_once_with_msgfmt(
    tmp_path: Path, value: str, message: str
) -> None:
    _, findings = checked_copy(tmp_path, with_plural_forms(value))
    [finding] = [f for f in findings if "I18N012" in f]
    assert message in finding and "GNU msgfmt --check" not in finding


def test_every_duplicate_is_named_in_one_run(tmp_path: Path) -> None:
    """msgfmt names every pair; the reader stopped at the first, so a translator fixed
    one, ran again, and met the next."""
    path = tmp_path / "th.po"
    path.write_text(
        'msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n\n'
        'msgctxt "c"\nmsgid "b"\nmsgstr ""\n\nmsgctxt "c"\nmsgid "b"\nmsgstr "z"\n\n'
        'msgid "a"\nmsgstr "w"\n',
        encoding="utf-8",
    )
    with pytest.raises(LeafletError) as caught:
        read_po(path)
    assert caught.value.location.line == 4
    assert caught.value.message == (
        'duplicate message (no msgctxt, msgid "a"), also on line 1 (and 2 more: line 11 '
        'repeats line 7 (msgctxt "c", msgid "b"); line 15 repeats line 1 (no msgctxt, '
        'msgid "a"))'
    )


# Translations of format strings GNU msgfmt --check refuses (gettext-tools/src/format-*.c):
# caught only where msgfmt was installed, so a clinic's laptop compiled a .mo whose
# `msgstr % args` raised, or printed another number where the count belongs.
REFUSED_FORMATS = [
    ("python-format", "%(n)d days", "%(n)s วัน", "for argument 'n' are not the same"),
    ("python-format", "%(n)d days", "วัน", "argument 'n' doesn't exist in 'msgstr'"),
    ("python-format", "%(n)d days", "%(m)d วัน", "argument 'm', as in 'msgstr', doesn't"),
    ("python-format", "%(n)d days", "%d วัน", "expect a mapping, those in 'msgstr' expect a"),
    ("python-format", "%d of %s", "%s จาก %d", "for argument 1 are not the same"),
    ("python-format", "%d%% done", "เสร็จ %d%", "not a valid Python format string"),
    ("c-format", "%d of %s", "%s จาก %d", "for argument 1 are not the same"),
    ("c-format", "%d tablets", "%d %d เม็ด", "number of format specifications"),
    ("c-format", "%s", "%2$s", "not a valid C format string"),
    ("python-brace-format", "{0} days", "วัน", "argument '0' doesn't exist in 'msgstr'"),
    ("python-brace-format", "{n} days", "{n!r} วัน", "not a valid Python brace format"),
    ("python-brace-format", "{n} days", "{n:>10} วัน", "argument 'n' doesn't exist"),
]
ACCEPTED_FORMATS = [
    ("python-format", "%(n)d days", "%(n)d วัน"),
    ("python-format", "%(a)s and %(b)s", "%(b)s และ %(a)s"),
    ("python-format", "%d%% done", "เสร็จ %d%%"),
    ("python-format", "%s", "%r"),
    ("c-format", "%d of %s", "%2$s จาก %1$d"),
    ("c-format", "%x", "%u"),
    ("python-brace-format", "{n} of {{total}}", "{{total}} {n}"),
    ("python-brace-format", "{0} days", "{0} วัน"),
]


def with_entry(flag: str, msgid: str, msgstr: str, fuzzy: bool = False) -> Callable[[bytes], bytes]:
    """An entry flagged ``flag`` appended to a catalog, as a program's format string
    reaches one (its .pot says python-format)."""

    def edit(data: bytes) -> bytes:
        flags = f"fuzzy, {flag}" if fuzzy else flag
        entry = f'\n#, {flags}\nmsgctxt "fmt"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
        return data + entry.encode("utf-8")

    return edit


@pytest.mark.parametrize(("flag", "msgid", "msgstr", "message"), REFUSED_FORMATS)
def test_check_refuses_a_changed_format_string_without_msgfmt(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    flag: str,
    msgid: str,
    msgstr: str,
    message: str,
) -> None:
    without_msgfmt(monkeypatch)
    po, findings = checked_copy(tmp_path, with_entry(flag, msgid, msgstr))
    line = po.read_text(encoding="utf-8").splitlines().index(f'msgstr "{msgstr}"') + 1
    [finding] = [f for f in findings if "I18N012" in f]
    assert finding.startswith(f"{po}:{line}: error: I18N012: fmt: ")
    assert message in finding and f"({flag}): GNU msgfmt refuses the catalog" in finding
    assert "hint: the program fills in each" in finding


@pytest.mark.parametrize(("flag", "msgid", "msgstr"), ACCEPTED_FORMATS)
def test_check_accepts_a_format_string_kept_without_msgfmt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: str, msgid: str, msgstr: str
) -> None:
    without_msgfmt(monkeypatch)
    _, findings = checked_copy(tmp_path, with_entry(flag, msgid, msgstr))
    assert [f for f in findings if "I18N012" in f] == []


def test_a_fuzzy_format_string_is_left_to_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # msgfmt compiles no fuzzy entry, and so checks none: nor do we.
    without_msgfmt(monkeypatch)
    _, findings = checked_copy(tmp_path, with_entry("python-format", "%(n)d", "x", fuzzy=True))
    assert [f for f in findings if "I18N012" in f] == []


def test_compile_refuses_a_changed_format_string_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_msgfmt(monkeypatch)
    po, _ = checked_copy(tmp_path, with_entry("python-format", "%(n)d days", "%(n)s วัน"))
    with pytest.raises(LeafletError) as caught:
        workflow.compile_catalogs(Project.at(po.parents[3]))
    line = po.read_text(encoding="utf-8").splitlines().index('msgstr "%(n)s วัน"') + 1
    assert (caught.value.location.path, caught.value.location.line) == (po, line)
    assert "for argument 'n' are not the same" in caught.value.message
    assert not list(po.parents[3].glob("locales/*/LC_MESSAGES/*.mo"))


ARABIC = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5);"
)


def with_plural(forms: list[str], plural_forms: str | None = None) -> Callable[[bytes], bytes]:
    """A plural entry with ``forms`` appended (and the header's Plural-Forms set)."""

    def edit(data: bytes) -> bytes:
        if plural_forms is not None:
            data = with_plural_forms(plural_forms)(data)
        written = "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms))
        entry = f'\nmsgctxt "days"\nmsgid "one day"\nmsgid_plural "days"\n{written}'
        return data + entry.encode("utf-8")

    return edit


@pytest.mark.parametrize(
    ("forms", "plural_forms", "told"),
    [
        (["วัน", "วัน"], None, "has 2 plural forms (msgstr[0] to msgstr[1]), but the header's "
         "Plural-Forms says nplurals=1"),
        (["يوم"], ARABIC, "has 1 plural form (msgstr[0] to msgstr[0]), but the header's "
         "Plural-Forms says nplurals=6"),
    ],
)  # fmt: skip
def test_check_refuses_plural_forms_other_than_nplurals_without_msgfmt(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    forms: list[str],
    plural_forms: str | None,
    told: str,
) -> None:
    without_msgfmt(monkeypatch)
    po, findings = checked_copy(tmp_path, with_plural(forms, plural_forms))
    line = po.read_text(encoding="utf-8").splitlines().index(f'msgstr[0] "{forms[0]}"') + 1
    [finding] = [f for f in findings if "I18N012" in f]
    assert finding.startswith(f"{po}:{line}: error: I18N012: 'days' {told}")
    assert "GNU msgfmt refuses the catalog" in finding and "hint: write msgstr[0]" in finding
    with pytest.raises(LeafletError) as caught:
        workflow.compile_catalogs(Project.at(po.parents[3]))
    assert caught.value.location.line == line
    assert not list(po.parents[3].glob("locales/*/LC_MESSAGES/*.mo"))


def test_a_plural_entry_says_what_msgfmt_says_of_its_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "looked up as one msgstr" alone sent a translator to add forms by guess; msgfmt
    # names the count the header asks for.
    without_msgfmt(monkeypatch)
    _, findings = checked_copy(tmp_path, with_plural(["วัน", "วัน"]))
    [finding] = [f for f in findings if "I18N002" in f]
    assert "has msgid_plural with 2 forms (msgstr[0] to msgstr[1])" in finding
    assert 'nplurals=1 (GNU msgfmt says "nplurals = 1, but some messages have 2 plural forms")' in (
        finding
    )
    assert "never printed" in finding


@needs_msgfmt
@pytest.mark.parametrize(
    "edit",
    [with_plural(["วัน", "วัน"]), with_entry("python-format", "%(n)d days", "%(n)s วัน")],
    ids=["forms", "format"],
)
def test_a_refused_plural_or_format_is_told_once_with_msgfmt(
    tmp_path: Path, edit: Callable[[bytes], bytes]
) -> None:
    _, findings = checked_copy(tmp_path, edit)
    [finding] = [f for f in findings if "I18N012" in f]
    assert "GNU msgfmt --check" not in finding


def test_an_entry_typed_alone_is_the_entry_the_whole_file_reads(tmp_path: Path) -> None:
    """A finding's place is read from its entry's own lines (`i18n.typed`), not from
    the whole catalog read with every character placed: each active entry so read
    is, field for field and place for place, the one the whole file gives. The
    catalog has what a fragment could lose: comments and flags above an entry, an
    obsolete entry and #| lines between two, a wrapped and a plural msgstr, an
    escape, a spliced line (a backslash before LF), CRLF, and a comment block
    before the last entry."""
    text = (
        'msgid ""\r\nmsgstr ""\r\n"Language: th\\n"\r\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\r\n\r\n'
        "#. Small line above the title.\r\n#: leaflets/a.yaml:4\r\n"
        'msgctxt "kicker"\r\nmsgid "Patient leaflet"\r\nmsgstr "เอกสาร\\tผู้ป่วย"\r\n\r\n'
        '#~ msgid "gone"\r\n#~ msgstr "หาย"\r\n\r\n'
        '# translator: checked\r\n#, fuzzy\r\n#| msgid "Old text"\r\n'
        'msgctxt "p1"\r\nmsgid "New text"\r\nmsgstr ""\r\n'
        '"ข้อความ \\302\\251 "\r\n  "ใหม่ยาว\\\nมาก"\r\n'
        '#: leaflets/a.yaml:9\r\nmsgid "day"\r\nmsgid_plural "days"\r\n'
        'msgstr[0] "วัน"\r\n\r\n# section note\r\n\r\n#. last\r\n'
        'msgctxt "p2"\r\nmsgid "Last"\r\nmsgstr "สุดท้าย"\r\n'
    )
    path = tmp_path / "th.po"
    path.write_bytes(text.encode("utf-8"))
    whole = read_po(path, sources=True)
    active = [entry for entry in whole.entries if entry.line and not entry.obsolete]
    assert len(active) == 4
    for entry in active:
        for line in (entry.line, entry.msgstr_line):
            typed = typed_entry(Location(path, line))
            assert typed is not None
            for name in [f.name for f in dataclasses.fields(Entry)]:
                assert getattr(typed, name) == getattr(entry, name), (line, name)
