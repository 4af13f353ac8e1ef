"""LAYOUT001–004: over a hand-built `LayoutReport`, and over the one every build fills."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

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


def _crowded_leaflet() -> str:
    """One paragraph citing 24 studies: their footer entries fill most of a page."""
    from conftest import leaflet_yaml

    keys = [f"study{n:02d}" for n in range(1, 25)]
    refs = "references:\n" + "".join(
        f"  - key: {key}\n    authors: [Author A, Second B, Third C]\n"
        f"    title: A long descriptive title of study number {key} about stromal cells, "
        "their safety in people and what the trial measured over two years\n"
        f"    journal: J Test\n    year: 2001\n    volume: '1'\n    pages: 1-9\n"
        for key in keys
    )
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
