"""A11Y001–011: figures, heading levels and words, table headers and link text, in every
language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from msc_leaflet.checks import CheckConfig, run_checks
from msc_leaflet.checks.accessibility import (
    empty_link_text,
    figure_without_alt,
    generic_link_text,
    heading_without_words,
    link_to_another_address,
    table_without_header,
)
from msc_leaflet.cli.app import app
from msc_leaflet.content import model as m
from msc_leaflet.project import Project
from test_checks import CLEAN, findings_for, leaflet, translated_context

TODAY = dt.date(2026, 6, 1)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def with_picture(make_project: Callable[..., Path], text: str) -> Path:
    from PIL import Image

    root = make_project({"sample": text})
    Image.new("RGB", (40, 30), "teal").save(root / "photo.png")
    return root


def a11y(root: Path, locales: list[str] | None = None, leaflet_id: str = "sample") -> list[str]:
    """``CODE line: severity: message`` for every A11Y finding (the path is the leaflet)."""
    found = run_checks(Project.at(root), [leaflet_id], locales or [], CheckConfig(today=TODAY))
    return [
        f"{f.code} {f.location.line}: {f.severity}: {f.message}"  # type: ignore[attr-defined]
        for f in found
        if getattr(f, "code", "").startswith("A11Y")
    ]


# A11Y001: figures


@pytest.mark.parametrize("alt", ["[@alpha2001]", "** **", "…", " - "])
def test_a11y001_alt_that_prints_nothing(make_project: Callable[..., Path], alt: str) -> None:
    """The loader refuses such an alt where it is typed (LOAD001); A11Y001 holds a model
    built in code to the same rule."""
    text = leaflet(CLEAN + f"- figure: photo.png\n  alt: '{alt}'\n")
    [refused] = findings_for(with_picture(make_project, text), "LOAD001")
    assert refused.startswith(f"{line_of(text, 'alt:')}:") and "'figure/" in refused
    root = with_picture(make_project, leaflet(CLEAN + "- figure: photo.png\n  alt: A room.\n"))
    figure = translated_context(root, {}).leaflet.blocks[-1]
    assert isinstance(figure, m.Figure) and figure.alt
    [issue] = figure_without_alt(translated_context(root, {figure.alt.context: alt}))
    assert issue.message == "[th] figure photo.png has no alt text"


def test_a11y001_alt_that_is_the_file_name(make_project: Callable[..., Path]) -> None:
    text = leaflet(CLEAN + "- figure: photo.png\n  alt: photo.png\n")
    root = with_picture(make_project, text)
    assert findings_for(root, "A11Y001") == [
        f"{line_of(text, 'figure:')}:0: error: the alt text of figure photo.png is its file name"
    ]


def test_a11y001_a_model_built_in_code_without_alt(make_project: Callable[..., Path]) -> None:
    root = with_picture(make_project, leaflet(CLEAN + "- figure: photo.png\n  alt: A room.\n"))
    ctx = translated_context(root, {})
    figure = ctx.leaflet.blocks[-1]
    assert isinstance(figure, m.Figure)
    silent = dataclasses.replace(figure, alt=None)
    blocks = (*ctx.leaflet.blocks[:-1], silent)
    ctx = dataclasses.replace(ctx, leaflet=dataclasses.replace(ctx.leaflet, blocks=blocks))
    [issue] = figure_without_alt(ctx)
    assert issue.message == "[th] figure photo.png has no alt text"
    decorative = dataclasses.replace(silent, decorative=True)
    blocks = (*ctx.leaflet.blocks[:-1], decorative)
    ctx = dataclasses.replace(ctx, leaflet=dataclasses.replace(ctx.leaflet, blocks=blocks))
    assert list(figure_without_alt(ctx)) == []


def test_decorative_figure_is_accepted(make_project: Callable[..., Path]) -> None:
    root = with_picture(make_project, leaflet(CLEAN + "- figure: photo.png\n  decorative: true\n"))
    assert a11y(root) == []


def test_a_build_refuses_a_figure_whose_alt_says_nothing(
    make_project: Callable[..., Path], i18n_project: Path, tmp_path: Path
) -> None:
    # The PDF would claim PDF/UA with an empty /Alt: refused as a missing alt: is.
    text = leaflet(CLEAN + "- figure: photo.png\n  alt: '[@alpha2001]'\n")
    root = with_picture(make_project, text)
    result = CliRunner().invoke(app, ["build", "-p", str(root), "-o", str(tmp_path / "a")])
    said = result.stderr + result.stdout
    assert result.exit_code == 1 and "Traceback" not in said, said
    assert f"sample.yaml:{line_of(text, 'alt:')}" in said
    assert "has no words once its markup and citations are left out" in said
    assert not list((tmp_path / "a").rglob("*.pdf"))
    # In a translation, the entry the translator edits is named.
    from PIL import Image

    from i18n_support import set_msgstr

    Image.new("RGB", (40, 30), "teal").save(i18n_project / "cells.png")
    path = i18n_project / "leaflets" / "care-basics.yaml"
    figure = "  - figure: cells.png\n    alt: Cells seen under a **microscope**.\n    id: cells\n\n"
    path.write_text(path.read_text("utf-8").replace("  - list:", figure + "  - list:", 1), "utf-8")
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    CliRunner().invoke(app, ["i18n", "update", "-p", str(i18n_project)])
    # A msgstr that prints nothing is not used: the source's description is printed.
    set_msgstr(po, "cells/alt", "** **")
    out = tmp_path / "b"
    result = CliRunner().invoke(app, ["build", "-p", str(i18n_project), "-l", "th", "-o", str(out)])
    said = result.stderr + result.stdout
    assert result.exit_code == 0 and "'cells/alt' not used, source text printed" in said, said
    assert "care-basics.po:" in said and "[I18N002] translation prints nothing" in said


# A11Y002: an untranslated description


def test_a11y002_alt_left_untranslated_falls_back_with_a_warning(i18n_project: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "teal").save(i18n_project / "cells.png")
    path = i18n_project / "leaflets" / "care-basics.yaml"
    figure = "  - figure: cells.png\n    alt: Cells seen under a microscope.\n    id: cells\n\n"
    text = path.read_text("utf-8").replace("  - list:", figure + "  - list:", 1)
    path.write_text(text, "utf-8")
    assert a11y(i18n_project, ["th"], "care-basics") == [
        f"A11Y002 {line_of(text, 'figure:')}: warning: [th] the alt text of figure cells.png "
        "is not translated: the build falls back to the English description"
    ]
    assert a11y(i18n_project, ["en"], "care-basics") == []  # the source is not a fallback
    found = run_checks(Project.at(i18n_project), ["care-basics"], ["th"])
    [hint] = [f.hint for f in found if getattr(f, "code", "") == "A11Y002"]
    assert hint.startswith("translate msgctxt 'cells/alt' in ")
    assert hint.endswith("th/LC_MESSAGES/care-basics.po")


def test_a11y002_translated_alt_is_quiet(make_project: Callable[..., Path]) -> None:
    root = with_picture(make_project, leaflet(CLEAN + "- figure: photo.png\n  alt: A room.\n"))
    from msc_leaflet.checks.accessibility import alt_untranslated

    assert list(alt_untranslated(translated_context(root, {"figure/2/alt": "ห้องตรวจ"}))) == []
    [issue] = alt_untranslated(translated_context(root, {}))
    assert "falls back to the English description" in issue.message


# A11Y003: heading levels


@pytest.mark.parametrize(
    ("blocks", "needle", "message"),
    [
        (
            "- heading: Part\n  level: 3\n- paragraph: Text.\n",
            "heading: Part",
            "heading “Part” is level 3 right after the title (level 1): level 2 is skipped",
        ),
        (
            "- heading: Section\n- paragraph: Text.\n- heading: Detail\n  level: 4\n"
            "- paragraph: Text.\n",
            "heading: Detail",
            "heading “Detail” is level 4 right after a level-2 heading (level 2): "
            "level 3 is skipped",
        ),
    ],
)
def test_a11y003_skipped_heading_level(
    make_project: Callable[..., Path], blocks: str, needle: str, message: str
) -> None:
    text = leaflet(CLEAN + blocks)
    root = make_project({"sample": text})
    assert a11y(root) == [f"A11Y003 {line_of(text, needle)}: error: {message}"]


def test_a11y003_levels_may_climb_back_up(make_project: Callable[..., Path]) -> None:
    blocks = (
        "- heading: One\n- heading: One a\n  level: 3\n- heading: One a i\n  level: 4\n"
        "- paragraph: Text.\n- heading: Two\n- paragraph: Text.\n"
    )
    assert a11y(make_project({"sample": leaflet(CLEAN + blocks)})) == []


# A11Y012: a heading with nothing under it


@pytest.mark.parametrize(
    ("blocks", "needle", "message"),
    [
        (
            "- heading: First\n- heading: Second\n- paragraph: Text.\n",
            "heading: First",
            "heading “First” has nothing under it: “Second” follows",
        ),
        (
            "- heading: One\n- paragraph: Text.\n- heading: One a\n  level: 3\n"
            "- heading: Two\n- paragraph: Text.\n",
            "heading: One a",
            "heading “One a” has nothing under it: “Two” follows",
        ),
        (
            "- heading: One\n- paragraph: Text.\n- heading: Last\n",
            "heading: Last",
            "heading “Last” has nothing under it: the leaflet ends",
        ),
    ],
)
def test_a11y012_heading_over_nothing(
    make_project: Callable[..., Path], blocks: str, needle: str, message: str
) -> None:
    text = leaflet(CLEAN + blocks)
    root = make_project({"sample": text})
    assert a11y(root) == [f"A11Y012 {line_of(text, needle)}: warning: {message}"]


# A11Y009, A11Y010: what an alt text cannot carry


@pytest.mark.parametrize(
    ("alt", "lost"),
    [
        ("'Dosing chart, see [the guide](https://example.org/guide)'", "the link's address"),
        ("'Cells under a microscope [@alpha2001]'", "the citation"),
    ],
)
def test_a11y009_a_link_or_citation_in_alt_text_is_lost(
    make_project: Callable[..., Path], alt: str, lost: str
) -> None:
    """A screen reader reads a figure's /Alt as plain words: a link cannot be followed
    from it and a citation number is not written into it, so both were dropped without
    a word ("See [the guide](…)" read "See the guide")."""
    text = leaflet(CLEAN + f"- figure: photo.png\n  alt: {alt}\n")
    root = with_picture(make_project, text)
    [finding] = a11y(root)
    assert finding.startswith(f"A11Y009 {line_of(text, 'figure:')}: warning: ")
    assert lost in finding


def test_a11y010_a_long_alt_text_is_a_warning(make_project: Callable[..., Path]) -> None:
    """A screen reader reads an alt text in one go, with no way to pause in it or skip
    part of it: the details of a complex picture belong in its caption or the text."""
    long_alt = "A chart of how many patients had each side effect. " * 8
    text = leaflet(CLEAN + f"- figure: photo.png\n  alt: {long_alt.strip()}\n")
    root = with_picture(make_project, text)
    [finding] = a11y(root)
    assert finding.startswith(f"A11Y010 {line_of(text, 'figure:')}: warning: ")
    short = leaflet(CLEAN + "- figure: photo.png\n  alt: A chart of side effects by week.\n")
    assert a11y(with_picture(make_project, short)) == []


def test_an_alt_text_longer_than_a_pdf_string_is_refused(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A PDF string holds at most 32,767 bytes (ISO 32000-1 Annex C, which PDF/A-2 makes
    a rule): a longer /Alt made a file that claimed PDF/A-2u and was not. Refused even
    as a draft, naming the figure's line."""
    huge = "ผู้ป่วยควรพักผ่อนให้เพียงพอ " * 700  # 19,600 characters: 39,202 bytes in UTF-16
    text = leaflet(CLEAN + f"- figure: photo.png\n  alt: {huge.strip()}\n")
    root = with_picture(make_project, text)
    result = CliRunner().invoke(app, ["build", "-p", str(root), "-o", str(tmp_path / "a")])
    said = result.stderr + result.stdout
    assert result.exit_code == 1 and "Traceback" not in said, said
    assert f"sample.yaml:{line_of(text, 'figure:')}" in said and "photo.png" in said
    assert not list((tmp_path / "a").rglob("*.pdf"))


# A11Y008: a heading with no words


@pytest.mark.parametrize("heading", ["[@alpha2001]", "** **", "…"])
def test_a11y008_heading_that_says_nothing(make_project: Callable[..., Path], heading: str) -> None:
    """A screen reader lists the headings to move through the leaflet, and each is a
    bookmark: one that prints only a citation number or punctuation names no part. The
    loader refuses it where it is typed; A11Y008 holds a model built in code to it."""
    text = leaflet(CLEAN + f"- heading: '{heading}'\n- paragraph: Some words.\n")
    line = line_of(text, f"heading: '{heading}'")
    [refused] = findings_for(make_project({"sample": text}), "LOAD001")
    assert refused.startswith(f"{line}:")
    root = make_project({"sample": leaflet(CLEAN + "- heading: Signs\n- paragraph: Words.\n")})
    ctx = translated_context(root, {})
    [block] = [b for b in ctx.leaflet.blocks if isinstance(b, m.Heading)]
    [issue] = heading_without_words(translated_context(root, {block.text.context: heading}))
    assert issue.message == (
        "[th] a heading has no words: a screen reader's list of headings and the bookmarks "
        "name nothing"
    )


def test_a11y008_heading_emptied_by_a_translation(make_project: Callable[..., Path]) -> None:
    blocks = "- heading: Warning signs\n- paragraph: Some words.\n"
    root = make_project({"sample": leaflet(CLEAN + blocks)})
    blocks_read = translated_context(root, {}).leaflet.blocks
    context = next(b for b in blocks_read if isinstance(b, m.Heading)).text.context
    [issue] = heading_without_words(translated_context(root, {context: "[@alpha2001]"}))
    assert issue.message.startswith("[th] a heading has no words")
    assert list(heading_without_words(translated_context(root, {context: "อาการเตือน"}))) == []


def test_a11y008_and_the_build_refuse_a_title_that_says_nothing(
    make_project: Callable[..., Path], i18n_project: Path, tmp_path: Path
) -> None:
    """The title is the H1, the bookmark a reader opens on and the document's /Title and
    dc:title, which PDF/UA requires and a viewer shows in place of the file name: one
    that prints only a citation left all of them empty. Refused even as a draft, as an
    alt text that says nothing is."""
    text = leaflet(CLEAN).replace("title: A sample leaflet", "title: '[@alpha2001]'")
    line = line_of(text, "title: '[@alpha2001]'")
    root = make_project({"sample": text})
    [refused] = findings_for(root, "LOAD001")  # refused where it is typed
    assert refused.startswith(f"{line}:") and "'title' has no words" in refused
    result = CliRunner().invoke(app, ["build", "-p", str(root), "-o", str(tmp_path / "a")])
    said = result.stderr + result.stdout
    assert result.exit_code == 1 and "Traceback" not in said, said
    assert f"sample.yaml:{line}" in said and "'title' has no words" in said
    assert not list((tmp_path / "a").rglob("*.pdf"))
    [issue] = heading_without_words(translated_context(make_project(), {"title": "[@a]"}))
    assert issue.message == (
        "[th] the title has no words: a screen reader, the bookmarks and the document's "
        "title name nothing"
    )
    # In a translation, the entry the translator edits is named.
    from i18n_support import set_msgstr

    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    # A msgstr with no words is not used: the source's title is printed.
    set_msgstr(po, "title", "…")
    out = tmp_path / "b"
    result = CliRunner().invoke(app, ["build", "-p", str(i18n_project), "-l", "th", "-o", str(out)])
    said = result.stderr + result.stdout
    assert result.exit_code == 0 and "'title' not used, source text printed" in said, said
    assert "[I18N002] translation has no words, only “…”, where the source has words" in said


# A11Y004: table header row


def test_a11y004_header_row_that_prints_nothing(make_project: Callable[..., Path]) -> None:
    blocks = "- table:\n    header: ['[@alpha2001]', '[@alpha2001]']\n    rows:\n      - [a, b]\n"
    text = leaflet(CLEAN + blocks)
    assert a11y(make_project({"sample": text})) == [
        f"A11Y004 {line_of(text, 'table:')}: error: "
        "table has no header row: every column heading is empty"
    ]


def test_a11y004_one_column_without_heading_in_a_translation(
    make_project: Callable[..., Path],
) -> None:
    blocks = "- table:\n    header: [Sign, Action]\n    rows:\n      - [Fever, Call us]\n"
    root = make_project({"sample": leaflet(CLEAN + blocks)})
    thai = {"table/2/header/1": "อาการ", "table/2/header/2": "[@alpha2001]"}
    ctx = translated_context(root, thai)
    [issue] = table_without_header(ctx)
    assert issue.message == "[th] table column 2 has no heading"


# A11Y005–007: link text


def test_a11y005_empty_link_text(make_project: Callable[..., Path]) -> None:
    """The loader refuses it at its "[" (LOAD001); A11Y005 holds a model built in code."""
    text = leaflet(CLEAN + "- paragraph: Read the rules [](https://example.org/rules).\n")
    line = line_of(text, "rules")
    column = text.splitlines()[line - 1].index("[](") + 1
    [refused] = findings_for(make_project({"sample": text}), "LOAD001")
    assert refused.startswith(f"{line}:{column}: error: ")
    blocks = "- paragraph: Read the rules [here](https://example.org/rules).\n"
    root = make_project({"sample": leaflet(CLEAN + blocks)})
    [block] = [b for b in translated_context(root, {}).leaflet.blocks if isinstance(b, m.Paragraph)]
    silent = {block.text.context: "อ่านกฎ [** **](https://example.org/rules)"}
    [issue] = empty_link_text(translated_context(root, silent))
    assert issue.message == "[th] the link to https://example.org/rules has no text"


@pytest.mark.parametrize("label", ["Click here", "here.", "Read  more", "LINK", "this page"])
def test_a11y006_generic_link_text(make_project: Callable[..., Path], label: str) -> None:
    text = leaflet(CLEAN + f"- paragraph: For the rules, [{label}](https://example.org/rules).\n")
    root = make_project({"sample": text})
    line = line_of(text, "rules")
    column = text.splitlines()[line - 1].index("https://") + 1
    shown = " ".join(label.split())
    assert findings_for(root, "A11Y006") == [
        f"{line}:{column}: warning: link text “{shown}” does not say where the link goes"
    ]


def test_a11y006_descriptive_link_text_passes(make_project: Callable[..., Path]) -> None:
    blocks = (
        "- paragraph: >-\n    See [the clinic's rules](https://example.org/rules),\n"
        "    [read more about infusions](https://example.org/i)\n"
        "    or call [+66 2 000 0000](tel:+6620000000).\n"
    )
    assert a11y(make_project({"sample": leaflet(CLEAN + blocks)})) == []


def test_a11y006_thai_translation_with_generic_link_text(
    make_project: Callable[..., Path],
) -> None:
    root = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: See [the rules](https://example.org).\n")}
    )
    ctx = translated_context(root, {"paragraph/2": "ดูกฎ[คลิกที่นี่](https://example.org)"})
    [issue] = generic_link_text(ctx)
    assert issue.message == "[th] link text “คลิกที่นี่” does not say where the link goes"
    assert issue.location.line == line_of(leaflet(CLEAN + "- paragraph: x\n"), "paragraph:")
    good = translated_context(root, {"paragraph/2": "ดู[กฎของคลินิก](https://example.org)"})
    assert list(generic_link_text(good)) == []


@pytest.mark.parametrize("lang", ["zh_Hant", "zh_TW", "zh_HK"])
@pytest.mark.parametrize("label", ["點擊這裡", "閱讀更多", "按這裡", "連結", "這裏"])
def test_a11y006_traditional_chinese_generic_link_text(
    make_project: Callable[..., Path], lang: str, label: str
) -> None:
    """A Taiwan or Hong Kong translation's 點擊這裡 ("click here") passed: Traditional
    Chinese had no list of its own. It is read by the Simplified one, its letters folded
    as for claims, with Taiwan's own wordings (按這裡, 連結) listed there."""
    root = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: See [the rules](https://example.org).\n")}
    )
    ctx = translated_context(
        root, {"paragraph/2": f"請參閱規定[{label}](https://example.org)"}, lang
    )
    [issue] = generic_link_text(ctx)
    assert issue.message == f"[{lang}] link text “{label}” does not say where the link goes"
    good = translated_context(
        root, {"paragraph/2": "請參閱[診所的規定](https://example.org)"}, lang
    )
    assert list(generic_link_text(good)) == []


@pytest.mark.parametrize(
    ("label", "url", "reported"),
    [
        ("https://example.org/rules", "https://example.org/rules", True),
        ("www.example.org", "https://www.example.org", True),
        ("example.org/rules", "https://example.org/rules", True),
        ("ClinicalTrials.gov", "https://clinicaltrials.gov", False),  # written as a name
        ("info@example.org", "mailto:info@example.org", False),
    ],
)
def test_a11y007_bare_web_address_is_an_info(
    make_project: Callable[..., Path], label: str, url: str, reported: bool
) -> None:
    root = make_project({"sample": leaflet(CLEAN + f"- paragraph: See [{label}]({url}).\n")})
    expected = [f"info: link text {label} is the web address itself"] if reported else []
    assert [f.split(" ", 1)[1] for f in findings_for(root, "A11Y007")] == expected


@pytest.mark.parametrize(
    ("label", "url", "opens"),
    [
        ("https://clinic.example", "https://evil.example/x", "evil.example"),
        ("www.clinic.example/consent", "https://www.c1inic.example/consent", "www.c1inic.example"),
        ("ClinicalTrials.gov", "https://trials.evil.example", "trials.evil.example"),
        ("our page at clinic.example", "https://clinic.example.evil.example", None),
        ("clinic.example", "https://xn--clnic-8ve.example", "xn--clnic-8ve.example"),
        ("info@clinic.example", "mailto:info@evil.example", "info@evil.example"),
        ("02 123 4567", "tel:+6629999999", "+6629999999"),
        ("๐๒ ๑๒๓ ๔๕๖๗", "tel:+6629999999", "+6629999999"),
        ("ดูที่evil.example", "https://clinic.example", "clinic.example"),
    ],
)
def test_a11y011_link_text_that_reads_as_another_address(
    make_project: Callable[..., Path], label: str, url: str, opens: str | None
) -> None:
    """Link text that is an address, an e-mail or a phone number is what the reviewer
    checks and the patient trusts; a link that opens another one (a look-alike host, a
    punycode one, another number) is seen by neither until it is clicked."""
    text = leaflet(CLEAN + f"- paragraph: 'See [{label}]({url}).'\n")
    root = make_project({"sample": text})
    found = findings_for(root, "A11Y011")
    shown = opens or url.split("//")[1]
    assert len(found) == 1, found
    said = f"error: link text “{label}” reads as another address than the link opens: {shown}"
    assert said in found[0]
    assert findings_for(root, "A11Y007") == []  # it is not "the web address itself"


@pytest.mark.parametrize(
    ("label", "url"),
    [
        ("https://clinic.example/rules", "https://clinic.example/rules"),
        ("www.clinic.example", "https://clinic.example/"),
        ("clinic.example", "https://www.clinic.example/consent"),
        ("ClinicalTrials.gov", "https://clinicaltrials.gov/study/1"),
        ("Info@Clinic.example", "mailto:info@clinic.example?subject=Leaflet"),
        ("02 123 4567", "tel:+6621234567"),
        ("+66 2 123 4567", "tel:+66-2-123-4567"),
        ("๐๒ ๑๒๓ ๔๕๖๗", "tel:021234567"),
        ("Call the clinic", "tel:+6621234567"),
        ("+66 (0) 64 505 5599", "tel:+66645055599"),
        ("the consent form, e.g. version 2.1", "https://clinic.example/form"),
        ("Dr.Smith's page", "https://clinic.example/smith"),
        ("ดูที่clinic.example", "https://clinic.example"),
    ],
)
def test_a11y011_link_text_that_is_its_own_address(
    make_project: Callable[..., Path], label: str, url: str
) -> None:
    root = make_project({"sample": leaflet(CLEAN + f"- paragraph: 'See [{label}]({url}).'\n")})
    assert findings_for(root, "A11Y011") == []


def test_a11y011_a_translation_that_names_another_host(
    make_project: Callable[..., Path],
) -> None:
    root = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: See [clinic.example](https://clinic.example).\n")}
    )
    ctx = translated_context(root, {"paragraph/2": "ดู [evil.example](https://clinic.example)"})
    [issue] = link_to_another_address(ctx)
    assert issue.message.startswith("[th] link text “evil.example” reads as another address")


# The command line


def test_cli_exit_codes_and_summary(make_project: Callable[..., Path]) -> None:
    runner = CliRunner()
    info_only = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: See [www.example.org](https://example.org).\n")}
    )
    args = ["check", "-p", str(info_only), "--today", "2026-06-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "info: A11Y007: link text www.example.org is the web address itself" in result.stdout
    assert result.stderr.strip().endswith("0 error(s), 0 warning(s), 1 info")
    document = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert (document["errors"], document["warnings"], document["infos"]) == (0, 0, 1)

    skipped = leaflet(CLEAN + "- heading: Part\n  level: 3\n")
    (info_only / "leaflets" / "sample.yaml").write_text(skipped, "utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert f"sample.yaml:{line_of(skipped, 'heading:')}: error: A11Y003: " in result.stdout


@pytest.mark.parametrize(
    ("blocks", "needle"),
    [
        ("- heading: Deep\n  level: 7\n", "level:"),
        ("- figure: photo.png\n  caption: Our clinic.\n", "figure:"),
    ],
)
def test_bad_input_is_one_message_without_traceback(
    make_project: Callable[..., Path], tmp_path: Path, blocks: str, needle: str
) -> None:
    text = leaflet(CLEAN + blocks)
    root = with_picture(make_project, text)
    runner = CliRunner()
    built = runner.invoke(app, ["build", "-p", str(root), "--out", str(tmp_path / "out")])
    checked = runner.invoke(app, ["check", "-p", str(root), "--today", "2026-06-01"])
    for result in (built, checked):
        assert result.exit_code == 1
        assert "Traceback" not in result.output
    assert f"sample.yaml:{line_of(text, needle)}:" in built.stderr
    assert "LOAD001" in checked.stdout


def test_a11y006_in_a_catalog_points_at_the_leaflet_line_and_the_po_entry(
    i18n_project: Path,
) -> None:
    po = i18n_project / "locales" / "th" / "LC_MESSAGES" / "care-basics.po"
    text = po.read_text("utf-8")
    po.write_text(text.replace("[ทะเบียนงานวิจัยทางคลินิก]", "[คลิกที่นี่]"), "utf-8")
    found = run_checks(Project.at(i18n_project), ["care-basics"], ["th"])
    [finding] = [f for f in found if getattr(f, "code", "") == "A11Y006"]
    leaflet_text = (i18n_project / "leaflets" / "care-basics.yaml").read_text("utf-8")
    assert finding.location.path.name == "care-basics.yaml"
    assert finding.location.line == line_of(leaflet_text, "trial registry")
    from i18n_support import msgstr_line

    # The msgstr's line and the column where the link's words are typed.
    entry = msgstr_line(po, "faq/7/2/answer")
    assert finding.hint.startswith("fix the msgstr of 'faq/7/2/answer' (")
    assert re.search(rf"care-basics\.po:{entry}:\d+\)$", finding.hint), finding.hint


@pytest.mark.parametrize(
    ("locale", "label"),
    [
        ("ar", "انقُر هُنا"),  # short vowels
        ("ar", "اضغـط هنا"),  # a tatweel
        ("ar", "إضغط هنا"),  # the hamza many write on its alif
        ("ar", "اقرأ المزيد ←"),  # an arrow, as a button draws it
        ("en", "Read more →"),
        ("en", "👉 Click here"),
        ("vi", "xem thêm »"),
        ("ja", "詳しくはこちら▶"),
        ("vi", "bam vao day"),  # typed without a Vietnamese keyboard
        ("vi", "nhaans vaof ddaay"),  # in the Telex keys an input method switched off leaves
    ],
)
def test_a11y006_generic_link_text_however_typed(
    make_project: Callable[..., Path], locale: str, label: str
) -> None:
    # The same words with marks a reader passes over, or a sign drawn beside them, say
    # no more of where the link goes than the plain words do.
    root = make_project(
        {"sample": leaflet(CLEAN + "- paragraph: See [the rules](https://example.org).\n")}
    )
    ctx = translated_context(root, {"paragraph/2": f"[{label}](https://example.org)"}, locale)
    assert len(list(generic_link_text(ctx))) == 1
