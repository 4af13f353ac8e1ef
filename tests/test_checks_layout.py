"""LAYOUT001–004 over a hand-built `LayoutReport` (the build does not produce one yet)."""

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
