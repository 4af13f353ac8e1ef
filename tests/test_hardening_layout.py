"""Hardening round 2, the layout: one long text costs what its pages cost (class 8),
every message the layout gives names the file and line to fix (class 10), and two
builds into one folder keep each other's manifest records (class 9)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import LONG_BLOCKS, leaflet_yaml
from i18n_support import msgstr_line
from msc_leaflet.build import build_leaflet
from msc_leaflet.cli.app import app
from msc_leaflet.i18n import localizer
from msc_leaflet.i18n.pofile import read_po
from msc_leaflet.project import Project
from msc_leaflet.typeset import (
    TextParagraph,
    hyphenation,
    ink,
    linebreak,
    make_paragraph,
    paragraph,
    segmentation,
    syllables,
)
from msc_leaflet.typeset.linebreak import Line, break_lines
from msc_leaflet.typeset.units import Unit
from test_hardening_text import set_msgstr as set_thai_msgstr
from typeset_support import body_style, mm, runs_for

runner = CliRunner()
WORDS = "Cells and tests reading labels with care, plain words here. "


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return result.exit_code, output


def assert_refused_at(code: int, output: str, where: str, message: str) -> None:
    """Exit 1 with ``where: error: message``, in words: no library internals (object
    reprs, addresses, frame names, sizes in points) before the hint."""
    assert code == 1
    assert f"{where}: error: {message}" in output, output
    for internal in ("Flowable", "0x", "frame", "template", "<", "points)"):
        assert internal not in output.split("hint:")[0], output


def built_on_a5(make_project: Callable[..., Path], blocks: str) -> tuple[str, int, str]:
    """A one-leaflet project of ``blocks`` (no references) built on A5: the leaflet's
    text, the exit status and the output."""
    text = leaflet_yaml(blocks, references="")
    root = make_project({"sample": text})
    code, output = invoke("build", "--project", str(root), "-o", str(root / "out"), "--paper", "a5")
    return text, code, output


# --- 8. one long text is linear ----------------------------------------------------------


def test_a_long_paragraph_is_broken_into_lines_once_not_once_per_page(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each page's remainder used to be a new paragraph broken into lines again and
    # given ReportLab fragments again: work proportional to the text left, on every
    # page, so one long paragraph was quadratic (200 kB: 10 s, 800 kB: 39 s).
    text = (WORDS * 1500).strip()  # 90 kB: ~18 pages
    root = make_project({"sample": leaflet_yaml(f"- paragraph: {text}\n", references="")})
    broken: list[int] = []
    fragments: list[int] = []
    real_frag = paragraph._frag

    def counting_break(
        units: Sequence[Unit], first: float, width: float, **options: Any
    ) -> list[Line]:
        broken.append(len(units))
        return break_lines(units, first, width, **options)

    def counting_frag(*args: object) -> object:
        fragments.append(1)
        return real_frag(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(paragraph, "break_lines", counting_break)
    monkeypatch.setattr(paragraph, "_frag", counting_frag)
    result = build_leaflet(Project.at(root), "sample", None, tmp_path / "out")
    assert result.pages > 15
    words = len(text.split())
    # Every unit is broken into lines a bounded number of times (measuring passes,
    # the part set on each page), not once for every page still to come.
    assert sum(broken) < 4 * words, (sum(broken), words, result.pages)
    assert len(fragments) < words


def test_the_parts_of_a_split_paragraph_have_the_lines_of_the_whole() -> None:
    # The remainder of a split reuses the lines already broken: they must be the lines
    # a fresh break would give, with a first-line indent that applies to part one only.
    style = body_style()
    style.firstLineIndent = 12
    whole = make_paragraph(runs_for([((WORDS * 40).strip(), "")]), style, "en")
    width = 90 * mm
    whole.wrap(width, 10_000)
    expected = whole.line_texts()
    parts: list[str] = []
    rest: TextParagraph = make_paragraph(runs_for([((WORDS * 40).strip(), "")]), style, "en")
    page = 7 * style.leading
    while True:
        rest.wrap(width, page)
        split = rest.split(width, page)
        if not split or split[1].__class__ is not TextParagraph:
            parts += rest.line_texts()
            break
        first, rest = split
        parts += first.line_texts()
        fresh = make_paragraph(runs_for([(rest.getPlainText(), "")]), rest.style, "en")
        fresh.wrap(width, 10_000)
        assert rest.lines_for(width)[:] == fresh.lines_for(width)[:]
    assert parts == expected


def set_in_pages(text: str, lang: str = "en", width: float = 90 * mm) -> list[str]:
    """``text`` as one paragraph set page by page (40 lines a page), as a frame splits
    it: the text of every line."""
    style = body_style()
    rest = make_paragraph(runs_for([(text, "")]), style, lang)
    page = 40 * style.leading
    lines: list[str] = []
    while True:
        rest.wrap(width, page)
        split = rest.split(width, page)
        if not split or split[1].__class__ is not TextParagraph:
            return lines + rest.line_texts()
        first, rest = split
        lines += first.line_texts()


class CountingHyphens(str):
    """`linebreak.IDENTIFIER_HYPHENS`, counting the characters looked up in it."""

    looked_up = 0

    def __contains__(self, char: object) -> bool:
        CountingHyphens.looked_up += 1
        return super().__contains__(char)  # type: ignore[operator]


def test_one_long_word_is_cut_into_lines_in_time_linear_in_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A msgstr of one 16,000-letter "word" (a pasted sequence, text with its spaces
    # lost) took 12 s to set, 64,000 letters more than a minute: every emergency cut
    # found the emergency hyphenation points of the whole word again, and looked for
    # an identifier's hyphen from the cut to the word's end.
    word = "a" * 20_000
    found: list[int] = []
    real_points = hyphenation.emergency_points

    def counting_points(text: str) -> set[int]:
        found.append(len(text))
        return real_points(text)

    monkeypatch.setattr(linebreak, "emergency_points", counting_points)
    monkeypatch.setattr(
        linebreak, "IDENTIFIER_HYPHENS", CountingHyphens(segmentation.IDENTIFIER_HYPHENS)
    )
    CountingHyphens.looked_up = 0
    lines = set_in_pages(word)
    assert len(lines) > 300
    # Cut at hyphens the reader sees (drawn, no text): every letter kept, in order.
    assert "".join(lines) == word
    assert found == [len(word)]  # once for the word, not once for every line
    assert CountingHyphens.looked_up < 10 * len(word)


def test_the_pages_of_a_long_paragraph_are_not_each_measured_for_ink_to_its_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every page's remainder looked at the ink of every piece still to come, to know
    # whether its lines could touch: one long paragraph cost its pages times its text.
    text = (WORDS * 1500).strip()
    looked: list[int] = []
    real = ink._stays_within

    def counting(*args: Any) -> bool:
        looked.append(1)
        return real(*args)

    monkeypatch.setattr(ink, "_stays_within", counting)
    lines = set_in_pages(text)
    assert len(lines) > 15 * 40
    assert " ".join(lines) == text
    pieces = len(text.split())
    assert len(looked) < 2 * pieces, (len(looked), pieces)


def test_a_long_thai_run_is_read_by_its_syllable_rules_without_a_copy_per_break(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every break opportunity of a Thai run copied the whole run (and the text before
    # and after the break) for its syllable rules: one 256,000-letter run with no
    # dictionary word took 21 s. The run is one string, read near the break only.
    run = "ฅฆ" * 5_000
    seen: list[str] = []
    real = syllables.cluster_ends

    def recording(text: str) -> frozenset[int]:
        seen.append(text)  # kept alive, so two copies never share an id
        return real(text)

    monkeypatch.setattr(syllables, "cluster_ends", recording)
    text = f"MSC {run} MSC"  # the run a part of its text, as in a sentence
    lines = set_in_pages(text, "th")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert len(lines) > 100
    runs = [text for text in seen if len(text) == len(run)]
    assert len(runs) > len(lines)  # asked at the breaks of every line
    assert len({id(text) for text in runs}) <= 2, len({id(text) for text in runs})


def test_a_translation_longer_than_the_text_limit_is_refused_at_its_entry(
    i18n_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 3 MB msgstr (a pasted document) built for more than a minute. The limit is on
    # the whole translated leaflet (2,000,000 bytes, what the largest leaflet file
    # holds); a smaller one here keeps the test fast.
    monkeypatch.setattr(localizer, "MAX_TEXT_BYTES", 20_000)
    root = i18n_project
    set_msgstr(root, "paragraph/4", "ปิดผ้าพันแผลไว้ 4 ชั่วโมง " + ("และอย่าให้เปียกน้ำ " * 600).strip())
    code, output = invoke("build", "--project", str(root), "-l", "th", "-o", str(tmp_path / "o"))
    assert code == 1
    # At the msgstr the translator shortens, not the msgctxt two lines above it.
    line = msgstr_line(root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po", "paragraph/4")
    assert f"care-basics.po:{line}: error: the th text of leaflet 'care-basics' is" in output
    assert "the limit is 20,000 (the longest entry, 'paragraph/4', is" in output
    assert "hint: a translation may be as long as the largest leaflet file" in output


# --- 10. every layout message has a place --------------------------------------------


def test_a_character_the_font_lacks_names_its_leaflet_line(
    make_project: Callable[..., Path],
) -> None:
    blocks = "- paragraph: Keep the bandage on.\n- paragraph: Smile \U0001f600 today.\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    code, output = invoke("build", "--project", str(root), "-o", str(root / "out"))
    line = line_of(leaflet_yaml(blocks, references=""), "Smile")
    assert code == 1
    assert (
        f"sample.yaml:{line}:22: error: U+1F600 GRINNING FACE cannot be printed: no font in "
        "the theme has this symbol" in output
    ), output
    assert "hint: remove it, or write it in words" in output


def test_a_character_the_font_lacks_in_a_translation_names_its_po_entry(
    i18n_project: Path, tmp_path: Path
) -> None:
    root = i18n_project
    set_msgstr(root, "paragraph/4", "ปิดผ้าพันแผลไว้ 4 ชั่วโมง \U0001f9ca และอย่าให้เปียกน้ำ")
    code, output = invoke("build", "--project", str(root), "-l", "th", "-o", str(tmp_path / "o"))
    assert code == 1
    # Where it is typed: the msgstr's line, and the column after 'msgstr "' and 26 characters.
    line = msgstr_line(root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po", "paragraph/4")
    assert f"care-basics.po:{line}:35: error: U+1F9CA ICE CUBE cannot be printed" in output


def test_a_table_row_taller_than_an_a5_page_names_its_cell(
    make_project: Callable[..., Path],
) -> None:
    long = (WORDS * 150).strip()
    blocks = f"- table:\n    header: [Question, Answer]\n    rows:\n      - [Why, '{long}']\n"
    text, code, output = built_on_a5(make_project, blocks)
    message = f"this table cell ({len(long):,} characters) makes its row taller than a page"
    assert_refused_at(code, output, f"sample.yaml:{line_of(text, '- [Why')}", message)
    assert "hint: shorten the cell, or spread its text over several rows" in output


def test_a_paragraph_with_too_many_citations_for_a_page_names_its_line(
    make_project: Callable[..., Path],
) -> None:
    keys = [f"ref{n:03d}" for n in range(120)]
    study = {"journal": "J Test", "year": 2001}  # authors: a new list each, or YAML aliases
    references = yaml.safe_dump(
        {"references": [{"key": k, "authors": ["A"], "title": k, **study} for k in keys]}
    )
    cites = "".join(f"[@{key}]" for key in keys)
    blocks = f"- paragraph: Keep the bandage on.\n- paragraph: Studies say so {cites}.\n"
    text = leaflet_yaml(blocks, references=references)
    root = make_project({"sample": text})
    code, output = invoke("build", "--project", str(root), "-o", str(root / "out"))
    message = (
        "this paragraph cites 120 references, and their notes at the foot of the page are "
        "taller than the page"
    )
    assert_refused_at(code, output, f"sample.yaml:{line_of(text, 'Studies say so')}", message)


def test_a_box_taller_than_what_its_notes_leave_is_told_so(
    make_project: Callable[..., Path],
) -> None:
    """A callout (never split) whose notes take most of the page but not all of it:
    the error said "no room is left" beside "take 82% of the page", which a Burmese
    author read as a miscount; it says the callout does not fit in what is left."""
    keys = [f"ref{n:03d}" for n in range(48)]
    study = {"journal": "J Test", "year": 2001}
    references = yaml.safe_dump(
        {"references": [{"key": k, "authors": ["A"], "title": k, **study} for k in keys]}
    )
    cites = "".join(f"[@{key}]" for key in keys)
    body = " ".join(["Keep the bandage on and dry for two days after the injection."] * 12)
    callout = f'- callout: "{body} Studies say so {cites}."\n  kind: key-answer\n'
    blocks = "- paragraph: Keep it dry.\n" + callout
    text = leaflet_yaml(blocks, references=references)
    root = make_project({"sample": text})
    code, output = invoke("build", "--project", str(root), "-o", str(root / "out"))
    found = re.search(
        r"this callout cites 48 references, and their notes at the foot of the page take "
        r"(\d+)% of the page: the callout does not fit in the (\d+)% they leave",
        output,
    )
    assert code != 0 and found, output
    assert 50 < int(found[1]) < 100 and int(found[1]) + int(found[2]) in (99, 100, 101)
    assert "no room is left" not in output


@pytest.mark.parametrize("edition", ["single", "parallel"])
def test_too_many_citations_under_a_heading_names_the_paragraph_not_the_heading(
    make_project: Callable[..., Path], edition: str
) -> None:
    """A heading is kept with the paragraph under it, and the error named the heading,
    which cites nothing ("this heading cites 120 references"): a Japanese author looked
    for the citations on the wrong line."""
    keys = [f"ref{n:03d}" for n in range(120)]
    study = {"journal": "J Test", "year": 2001}
    references = yaml.safe_dump(
        {"references": [{"key": k, "authors": ["A"], "title": k, **study} for k in keys]}
    )
    cites = "".join(f"[@{key}]" for key in keys)
    blocks = f"- heading: 研究\n- paragraph: 研究によると、そうです{cites}。\n"
    text = leaflet_yaml(blocks, references=references).replace("language: en", "language: ja")
    root = make_project({"sample": text})
    args = ["--project", str(root)]
    if edition == "parallel":
        assert invoke("i18n", "init", "en", *args)[0] == 0
    code, output = invoke("build", *args, "-o", str(root / "out"), "--edition", edition)
    message = "this paragraph cites 120 references, and their notes at the foot of the page"
    assert_refused_at(code, output, f"sample.yaml:{line_of(text, '研究によると')}", message)
    assert "heading" not in output


# --- 9. concurrent builds keep each other's records ------------------------------------


def test_two_builds_into_one_folder_at_once_leave_a_manifest_of_both(
    make_project: Callable[..., Path],
) -> None:
    # Each build read the manifest when it started and wrote it when it ended, so the
    # later one dropped the other's record; records are now merged on write, locked.
    root = make_project(
        {name: leaflet_yaml(LONG_BLOCKS, leaflet_id=name) for name in ("one", "two")}
    )
    out = root / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "msc_leaflet", "build", "-o", str(out)]
    builds = [
        subprocess.Popen(
            [*command, name],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("one", "two")
    ]
    for build in builds:
        _, stderr = build.communicate(timeout=300)
        assert build.returncode == 0, stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["outputs"]) == ["en/one.pdf", "en/two.pdf"]
    for name in ("one", "two"):
        assert (out / "en" / f"{name}.pdf").is_file()


def test_a_catalog_that_is_a_folder_is_bad_input_not_an_internal_error(
    i18n_project: Path, tmp_path: Path
) -> None:
    # os.fdopen refused the folder (IsADirectoryError) before read_input could say so.
    path = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    path.unlink()
    path.mkdir()
    project, out = str(i18n_project), str(tmp_path / "o")
    code, output = invoke("build", "--project", project, "-l", "th", "-o", out)
    assert code == 1
    assert "care-basics.po: error: is not a regular file" in output
    assert "internal error" not in output


# --- helpers -------------------------------------------------------------------------


def set_msgstr(root: Path, context: str, msgstr: str) -> int:
    """Set the Thai msgstr of ``context``; the line of its entry in the .po."""
    set_thai_msgstr(root, context, msgstr)
    path = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    return next(e.line for e in read_po(path).active if e.msgctxt == context)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` that holds ``needle``."""
    return 1 + next(i for i, row in enumerate(text.splitlines()) if needle in row)


def test_a_box_that_leaves_its_text_no_width_names_its_block(
    make_project: Callable[..., Path],
) -> None:
    """A callout padded 1200 pt printed "raised by class Box(msc_leaflet.layout.blocks)
    @0x… wrap <SplitTable@0x…>": ReportLab's ValueError passed through as the message.
    The theme now refuses such a padding; whatever else leaves a box no width is named
    at the block's line, in words."""
    import dataclasses

    from msc_leaflet.content.loader import load_leaflet
    from msc_leaflet.errors import LeafletError
    from msc_leaflet.i18n import format_date, ui_labels
    from msc_leaflet.layout import Localised, layout_leaflet
    from msc_leaflet.theme.styles import BoxPadding
    from msc_leaflet.theme.theme import load_theme

    blocks = "- paragraph: Before.\n- callout: The short answer.\n  kind: key-answer\n"
    text = leaflet_yaml(blocks, references="")
    root = make_project({"sample": text})
    project = Project.at(root)
    leaflet = load_leaflet(project.leaflet_path("sample"), project)[0]
    theme = load_theme()
    wide = dataclasses.replace(
        theme, box_padding={**theme.box_padding, "callout": BoxPadding(1200, 12, 8, 7, 1)}
    )
    with pytest.raises(LeafletError) as caught:
        layout_leaflet([Localised(leaflet, ui_labels("en", project))], wide, format_date)
    error = caught.value
    assert (error.location.path.name, error.location.line) == ("sample.yaml", 18), str(error)
    assert error.message == "this callout is wider than its column: no room is left for its text"
    for internal in ("0x", "availWidth", "<", "Flowable", "Table"):
        assert internal not in str(error), str(error)


# --- a box's text taller than a page names that text, with a fix the writer can make ---


def test_a_quote_taller_than_a_page_names_its_text_and_says_to_shorten_it(
    make_project: Callable[..., Path],
) -> None:
    """A quote has one text: "split the quote into smaller blocks" could not be followed."""
    long = (WORDS * 60).strip()
    blocks = f"- paragraph: Before.\n- quote:\n    '{long}'\n  attribution: A patient\n"
    text, code, output = built_on_a5(make_project, blocks)
    message = f"this quote ({len(long):,} characters) is taller than a page"
    assert_refused_at(code, output, f"sample.yaml:{line_of(text, WORDS[:20])}", message)
    hint = output.split("hint: ")[1]
    assert "shorten the quote" in hint and "smaller blocks" not in hint, output


def test_a_callout_paragraph_taller_than_a_page_names_it_and_says_to_split_it(
    make_project: Callable[..., Path],
) -> None:
    long = (WORDS * 60).strip()
    blocks = f"- callout:\n    - Short first.\n    - '{long}'\n  kind: warning\n"
    text, code, output = built_on_a5(make_project, blocks)
    message = f"this paragraph of a callout ({len(long):,} characters) is taller than a page"
    assert_refused_at(code, output, f"sample.yaml:{line_of(text, WORDS[:20])}", message)
    assert "hint: write it as several paragraphs of the callout" in output, output


def test_a_translated_callout_taller_than_a_page_names_its_msgstr(
    i18n_project: Path, tmp_path: Path
) -> None:
    """In a translation the refusal named the leaflet's line, not the .po entry whose
    text is too long, and told the translator to split a block they cannot change."""
    from i18n_support import msgstr_line

    root = i18n_project
    # The entry's own words, with "Rest enough and drink plenty of water." many times.
    rest = "พักผ่อนให้เพียงพอและดื่มน้ำมาก ๆ " * 120
    msgstr = f"พักผ่อน **24 ชั่วโมง** {rest}โทรหาเราหากมีไข้ [@alpha2001]"
    set_msgstr(root, "short-answer", msgstr)
    po = root / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    out = str(tmp_path / "o")
    code, output = invoke("build", "--project", str(root), "-l", "th", "-o", out, "--paper", "a5")
    where = f"care-basics.po:{msgstr_line(po, 'short-answer')}"
    assert_refused_at(code, output, where, "this paragraph of a callout (")
    hint = output.split("hint: ")[1]
    assert hint.startswith("shorten the translation"), output


@pytest.mark.parametrize(
    ("context", "label", "column"),
    [
        ("contact", "ติดต่อเรา \U0001f4de", 19),  # in the closing box
        ("callout.key-answer", "คำตอบสั้น ๆ \U0001f4a1", 21),  # above a callout
        ("page-of", "หน้า {page} จาก {pages} \U0001f4c4", 33),  # in every page's footer
    ],
)
def test_a_character_the_font_lacks_in_a_page_word_names_its_ui_msgstr(
    i18n_project: Path, tmp_path: Path, context: str, label: str, column: int
) -> None:
    """`build -l th` stopped at an emoji in ui.po's "Contact us" naming the leaflet's
    file, which holds no such character: the translator was sent to the wrong file.
    It names the ui.po msgstr, line and column, and writes no PDF."""
    from i18n_support import msgstr_line
    from i18n_support import set_msgstr as set_catalog_msgstr

    ui = i18n_project / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    set_catalog_msgstr(ui, context, label)
    out = tmp_path / "o"
    code, output = invoke("build", "--project", str(i18n_project), "-l", "th", "-o", str(out))
    where = f"ui.po:{msgstr_line(ui, context)}:{column}"
    assert_refused_at(code, output, where, "U+1F")
    assert "care-basics.yaml" not in output, output
    assert not list(out.rglob("*.pdf")), "a PDF was written"


@pytest.mark.parametrize(
    ("profile", "where"),
    [
        ("name: Test Clinic \U0001f33f\n", "1:19"),
        (
            "name: Test Clinic\naddress:\n  en: 1 Example Road\n  th: 1 ถนนตัวอย่าง \U0001f3e5\n",
            "4:21",
        ),
        ("name: Test Clinic\nline: '@testclinic\U0001f33f'\n", "2:19"),
    ],
)
def test_a_character_the_font_lacks_in_the_organisation_names_its_line_and_column(
    i18n_project: Path, tmp_path: Path, profile: str, where: str
) -> None:
    """The band on every page prints the clinic's name, address and contacts: `build`
    named the profile's line without the column `check` gives, and a contact (no line
    in the model) the profile's file alone."""
    (i18n_project / "organisations" / "test-clinic.yaml").write_text(profile, "utf-8")
    out = tmp_path / "o"
    code, output = invoke("build", "--project", str(i18n_project), "-l", "th", "-o", str(out))
    assert_refused_at(code, output, f"test-clinic.yaml:{where}", "U+1F")
    assert not list(out.rglob("*.pdf")), "a PDF was written"
