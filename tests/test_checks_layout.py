"""LAYOUT001–006: over a hand-built `LayoutReport`, and over the one every build fills."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from msc_leaflet.checks.layout import (
    LayoutReport,
    LineBreakViolation,
    PageSummary,
    TextSize,
    footer_overflow,
    lonely_heading,
    small_text,
    thai_line_break,
)
from test_checks import CLEAN, leaflet, translated_context


def test_layout_checks_fail_and_pass(make_project: Callable[..., Path]) -> None:
    ctx = translated_context(make_project({"sample": leaflet(CLEAN)}), {})
    bad = LayoutReport(
        pages=(PageSummary(1, ("callout",)), PageSummary(2, ("heading",), footer_overflow=True)),
        text_sizes=(TextSize(7.5, 17, "footer"), TextSize(10, 17)),
        line_breaks=(LineBreakViolation(17, "เซ|ลล์", "break inside a word-list term"),),
    )
    ctx_bad = dataclasses.replace(ctx, layout=bad)
    assert [i.message for i in small_text(ctx_bad)] == [
        "[th] text printed at 7.5 pt, below 9 pt (footer)"
    ]
    assert [i.message for i in lonely_heading(ctx_bad)] == ["[th] page 2 holds only a heading"]
    assert [i.message for i in footer_overflow(ctx_bad)] == [
        "[th] the reference footer of page 2 overflowed"
    ]
    assert len(list(thai_line_break(ctx_bad))) == 1
    good = LayoutReport(
        pages=(PageSummary(1, ("heading", "paragraph")),), text_sizes=(TextSize(10, 17),)
    )
    ctx_good = dataclasses.replace(ctx, layout=good)
    for check in (small_text, lonely_heading, footer_overflow, thai_line_break):
        assert list(check(ctx_good)) == []
        assert list(check(ctx)) == []  # no report: nothing to say


def _studies(keys: list[str]) -> str:
    """A references: section of one long-titled study per key: a page's notes fill fast."""
    return "references:\n" + "".join(
        f"  - key: {key}\n    authors: [Author A, Second B, Third C]\n"
        f"    title: A long descriptive title of study number {key} about stromal cells, "
        "their safety in people and what the trial measured over two years\n"
        f"    journal: J Test\n    year: 2001\n    volume: '1'\n    pages: 1-9\n"
        for key in keys
    )


def _crowded_leaflet() -> str:
    """One paragraph citing 24 studies: their footer entries fill most of a page."""
    from conftest import leaflet_yaml

    keys = [f"study{n:02d}" for n in range(1, 25)]
    refs = _studies(keys)
    cites = "".join(f"[@{key}]" for key in keys)
    blocks = f"- paragraph: Many studies looked at this question {cites}.\n  id: many\n"
    return leaflet_yaml(blocks, references=refs)


def test_every_build_reports_layout_findings(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    import pytest

    from msc_leaflet.build import Options, build_leaflet
    from msc_leaflet.errors import LeafletError
    from msc_leaflet.project import Project

    project = Project.at(make_project({"sample": _crowded_leaflet()}))
    result = build_leaflet(project, "sample", None, tmp_path / "draft")
    crowded = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT003"]
    assert crowded and "the reference footer of page" in crowded[0].message
    with pytest.raises(LeafletError, match="LAYOUT003"):
        build_leaflet(project, "sample", None, tmp_path / "print", options=Options(strict=True))
    assert not (tmp_path / "print").exists()  # nothing written


def test_build_prints_no_text_below_the_floor(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    project = Project.at(make_project())
    result = build_leaflet(project, "sample", None, tmp_path)
    assert not [f for f in result.findings if getattr(f, "code", "").startswith("LAYOUT")]
    # Read the sizes back from the file: superscripts included, nothing under 9 pt.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    sizes = set()
    for page in extract_pages(str(result.path)):
        stack = list(page)
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                sizes.add(round(item.size, 2))
            elif isinstance(item, LTTextContainer):
                stack.extend(item)
    assert min(sizes) == 9.0


def test_an_emergency_cut_is_reported_as_a_line_break_violation(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    from conftest import leaflet_yaml
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    # One "word" with no break opportunity and no hyphenation point: cut anywhere to fit.
    # (A long real word is hyphenated instead, and that is no violation: see below.)
    run = "x" * 300
    word = "Pneumonoultramicroscopic" * 12
    blocks = f"- paragraph: Before {run} after {word}.\n  id: run\n"
    project = Project.at(make_project({"sample": leaflet_yaml(blocks)}))
    result = build_leaflet(project, "sample", None, tmp_path)
    cuts = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT004"]
    assert len(cuts) == 1 and "xxxxxxxx" in cuts[0].message
    clean = [f for f in build_leaflet(project, "sample", None, tmp_path).findings]
    assert len([f for f in clean if getattr(f, "code", "") == "LAYOUT004"]) == 1  # stable


def test_an_emergency_cut_in_a_language_without_a_word_list_gets_no_thai_advice(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """The hint named Thai and locales/th/words.txt for an English or Vietnamese run."""
    from conftest import leaflet_yaml
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    blocks = f"- paragraph: Before {'x' * 300} after.\n  id: run\n"
    project = Project.at(make_project({"sample": leaflet_yaml(blocks)}))
    result = build_leaflet(project, "sample", None, tmp_path)
    (cut,) = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT004"]
    assert "Thai" not in cut.hint and "words.txt" not in cut.hint and "space" in cut.hint


def test_an_emergency_cut_in_a_language_broken_by_dictionary_names_its_word_list() -> None:
    from msc_leaflet.checks.layout import break_point_hint

    assert "locales/km/words.txt" in break_point_hint("km")
    assert "Khmer word" in break_point_hint("km")
    assert "words.txt" not in break_point_hint("vi")


# --- where an emergency cut is fixed: the block's line, or the translator's .po entry ---


def test_an_emergency_cut_names_the_line_of_the_text_it_came_from(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """LAYOUT004 named only an excerpt ("xxxxxxxx…") at the leaflet file, no line: in a
    long leaflet the author had to search for it."""
    from conftest import leaflet_yaml
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project
    from test_checks_accessibility import line_of

    blocks = (
        "- paragraph: An ordinary paragraph.\n"
        f"- list:\n    - One item\n    - Then a run {'y' * 300} here.\n"
    )
    text = leaflet_yaml(blocks)
    project = Project.at(make_project({"sample": text}))
    result = build_leaflet(project, "sample", None, tmp_path)
    (cut,) = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT004"]
    assert cut.location.line == line_of(text, "Then a run"), cut
    assert ".po" not in cut.hint


def test_an_emergency_cut_in_a_translation_names_its_po_entry(
    i18n_project: Path, tmp_path: Path
) -> None:
    """In a translation the translator fixes the msgstr: the hint names its entry
    (file:line and msgctxt), as the text checks' hints do; the finding stands at the
    leaflet line of the text, where the block's waivers are."""
    from i18n_support import msgstr_line, set_msgstr
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    po = "locales/th/LC_MESSAGES/care-basics.po"
    run = "x" * 300  # no break opportunity nor hyphenation point: cut as an emergency
    msgstr = f"ปิดผ้าพันแผลไว้ 4 ชั่วโมง {run} และอย่าให้เปียกน้ำ"
    entry_line = set_msgstr(i18n_project / po, "paragraph/4", msgstr)
    result = build_leaflet(Project.at(i18n_project), "care-basics", "th", tmp_path)
    (cut,) = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT004"]
    assert cut.location.line == 33, cut  # the paragraph's line in care-basics.yaml
    assert "change the msgstr of 'paragraph/4' (" in cut.hint, cut.hint
    # The msgstr's line, below the entry's msgctxt.
    assert f"{po}:{msgstr_line(i18n_project / po, 'paragraph/4')})" in cut.hint, cut.hint
    assert msgstr_line(i18n_project / po, "paragraph/4") > entry_line
    assert "words.txt" in cut.hint  # still says how to give the run a break point


def test_a_page_finding_stands_at_the_first_block_the_page_starts(
    make_project: Callable[..., Path],
) -> None:
    """LAYOUT002 and LAYOUT003 named the leaflet file alone; the heading left alone on
    its page (and the page whose footer overflowed) is found at its block's line."""
    ctx = translated_context(make_project({"sample": leaflet(CLEAN)}), {})
    report = LayoutReport(pages=(PageSummary(2, ("heading",), footer_overflow=True, line=9),))
    ctx = dataclasses.replace(ctx, layout=report)
    assert [i.location.line for i in lonely_heading(ctx)] == [9]
    assert [i.location.line for i in footer_overflow(ctx)] == [9]


def test_every_page_knows_the_line_of_its_first_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import REPO
    from msc_leaflet.build import build as build_module
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    seen: list[tuple[int, ...]] = []
    check_layout = build_module.check_layout

    def spy(*args: Any) -> Any:
        seen.append(args[4].page_lines)
        return check_layout(*args)

    monkeypatch.setattr(build_module, "check_layout", spy)
    build_leaflet(Project.at(REPO), "infusion-safety", "th", tmp_path)
    (lines,) = seen  # three pages since the closing box fits its page (tightened)
    assert len(lines) == 3 and all(line > 0 for line in lines), lines
    assert list(lines) == sorted(lines)


LAYOUT_CODES = (
    "LAYOUT001",
    "LAYOUT002",
    "LAYOUT003",
    "LAYOUT004",
    "LAYOUT005",
    "LAYOUT006",
    "LAYOUT009",
)


def test_the_layout_codes_are_those_registered() -> None:
    """The rule below is tested for every LAYOUT code: a new one must be added there."""
    from msc_leaflet.checks.registry import all_checks

    assert tuple(c.code for c in all_checks() if c.scope == "layout") == LAYOUT_CODES


@pytest.mark.parametrize("code", LAYOUT_CODES)
def test_a_draft_build_calls_nothing_it_did_not_stop_for_an_error(code: str) -> None:
    """A draft build printed LAYOUT003 as "error" and exited 0: what a build reports
    and did not stop for is a warning, whose hint says that printing (--strict) refuses
    it; a warning or info is reported as it was."""
    from msc_leaflet.build.build import as_draft
    from msc_leaflet.errors import CheckFinding, Location

    where = Location(Path("leaflets/sample.yaml"), 9)
    error = CheckFinding(where, "error", "[en] something on page 2", "fix it", code)
    (reported,) = as_draft([error])
    assert (reported.severity, getattr(reported, "code", "")) == ("warning", code)
    assert reported.message == error.message
    assert reported.hint.startswith("fix it; ") and "--strict" in reported.hint
    assert str(reported).startswith(f"{where}: warning: {code}: ")
    for kept in ("warning", "info"):
        same = CheckFinding(where, kept, "[en] something", "fix it", code)
        assert as_draft([same]) == [same]


def test_build_prints_a_layout_error_only_when_it_stops(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """The command line: a draft build that writes its PDF exits 0 and says "warning";
    `build --strict` says "error", writes nothing and exits 1."""
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project({"sample": _crowded_leaflet()})
    draft = CliRunner().invoke(app, ["build", "--project", str(root), "-o", str(tmp_path / "d")])
    assert draft.exit_code == 0, draft.output
    assert "warning: LAYOUT003:" in draft.output and "--strict" in draft.output
    assert "error" not in draft.output
    strict = ["build", "--strict", "--project", str(root), "-o", str(tmp_path / "s")]
    refused = CliRunner().invoke(app, strict)
    assert refused.exit_code == 1, refused.output
    assert "error: LAYOUT003:" in refused.output
    assert not list((tmp_path / "s").glob("**/*.pdf"))


def test_short_cited_paragraphs_move_on_before_their_notes_crowd_the_page(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """40 short paragraphs, each citing another study: their notes filled page 2 past
    45 % and LAYOUT003 told the author to cite fewer or split the paragraph, neither of
    which helps. The next paragraph now starts the next page instead, and every
    citation still has its note on its own page."""
    from conftest import leaflet_yaml
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project
    from pdfread import citations_by_page

    keys = [f"study{n:02d}" for n in range(1, 41)]
    refs = _studies(keys)
    blocks = "".join(f"- paragraph: Study {key} looked at this [@{key}].\n" for key in keys)
    project = Project.at(make_project({"sample": leaflet_yaml(blocks, references=refs)}))
    result = build_leaflet(project, "sample", None, tmp_path)
    codes = [getattr(f, "code", "") for f in result.findings]
    assert "LAYOUT003" not in codes, [str(f) for f in result.findings]
    cited, footers = citations_by_page(result.path)
    assert cited == footers
    assert sorted(n for page in cited for n in page) == list(range(1, 41))
    # Pages are still filled up to the limit: no page holds fewer than half of what
    # the fullest one does (the last body page excepted).
    counts = [len(page) for page in cited if page]
    assert min(counts[:-1]) * 2 >= max(counts), counts


def test_an_emergency_cut_in_a_page_word_stands_at_its_ui_msgstr(
    i18n_project: Path, tmp_path: Path
) -> None:
    """A ui.po label with no break opportunity (a callout's label the translator typed
    as one run) was reported at the leaflet's file, no line: the leaflet holds no such
    text, and `--strict` refused the build naming it."""
    from i18n_support import msgstr_line, set_msgstr
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    ui = i18n_project / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    set_msgstr(ui, "callout.key-answer", "W" * 90)
    result = build_leaflet(Project.at(i18n_project), "care-basics", "th", tmp_path)
    (cut,) = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT004"]
    assert cut.location.path.name == "ui.po", cut
    assert cut.location.line == msgstr_line(ui, "callout.key-answer"), cut
    assert "'callout.key-answer'" in cut.message, cut


def test_an_emergency_cut_in_the_organisation_band_stands_at_its_profile_line(
    i18n_project: Path, tmp_path: Path
) -> None:
    """An address with no break opportunity was reported at the leaflet's file, no line:
    it is the organisation profile's text, printed on every leaflet."""
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    profile = i18n_project / "organisations" / "test-clinic.yaml"
    profile.write_text(f"name: Test Clinic\naddress: {'x' * 200}\n", "utf-8")
    result = build_leaflet(Project.at(i18n_project), "care-basics", "th", tmp_path)
    (cut,) = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT004"]
    assert cut.location.path.name == "test-clinic.yaml", cut
    assert cut.location.line == 2, cut
    assert "organisation's address" in cut.message, cut
