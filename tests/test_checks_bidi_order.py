"""Bidi controls that print a right-to-left text's words in another order than written.

An Arabic text may hold isolates and marks, balanced (`text_policy.refusal`): they set
the direction of an English name or a phone number inside it. Put round Arabic words
with a left-to-right mark between them, they print those words back to front: the page
showed "تشفي الخلايا المفاصل … لا" (the cells cure the joints … no) while the checks, a
search and a screen reader read "لا تشفي الخلايا المفاصل" (the cells do not cure the
joints), and CLAIM001 passed it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import leaflet_yaml
from msc_leaflet.checks import CheckConfig, run_checks
from msc_leaflet.content.text_policy import refusal
from msc_leaflet.project import Project
from msc_leaflet.typeset.bidi import levels, visual_order
from test_checks import TODAY

HIDDEN_DENIAL = "\u2066لا\u200e تشفي الخلايا المفاصل\u2069. نص آخر."


def test_the_premise_the_page_prints_the_denial_after_the_promise() -> None:
    # Left to right on the page, "لا" (no) stands left of the claim: an Arabic reader
    # reads it last, after "تشفي الخلايا المفاصل" (the cells cure the joints).
    def left_to_right(text: str, *words: str) -> list[str]:
        place = visual_order(levels(text, True)).index
        return sorted(words, key=lambda word: place(text.index(word)))

    words = ("لا", "تشفي", "المفاصل")
    assert left_to_right(HIDDEN_DENIAL, *words) == ["لا", "المفاصل", "تشفي"]
    # Without the controls, it prints as written: "لا" first, at the right.
    assert left_to_right("لا تشفي الخلايا المفاصل.", *words) == ["المفاصل", "تشفي", "لا"]


@pytest.mark.parametrize(
    "text",
    [
        HIDDEN_DENIAL,
        "\u2066Our\u2069 \u2066cells\u2069 هنا",  # each English word isolated: "cells Our"
        "not\u200f cure هنا",  # English words parted by a right-to-left mark
        HIDDEN_DENIAL.replace(".", " [@ref1].", 1),  # still refused beside a citation
    ],
)
def test_controls_that_reorder_words_are_refused(text: str) -> None:
    refused = refusal(text, right_to_left=True, language="ar")
    assert refused is not None and "another order than they are written" in refused.message


@pytest.mark.parametrize(
    "text",
    [
        "اتصل على \u2066+66 80 000 0000\u2069",  # without it the groups print back to front
        "زوروا \u2066www.example.org!\u2069 للمزيد",
        "الخلايا \u2066Our cells\u2069 هنا",
        "الرقم \u200e(1669)\u200e للطوارئ",
        "خذ 2–3 أقراص \u2066MSC\u2069",  # 2–3 prints as it does without the isolate
        "\u2067نص عربي\u2069 and",
        # a citation after an isolate is a reference number, no word: its Latin key
        # refused a correctly isolated address or phone number (LOAD001, I18N013)
        "زر \u2066https://clinic.example/ar\u2069 [@ref1].",
        "اتصل على \u2066+66 2 123 4567\u2069 [@ref1; @ref2]",
    ],
)
def test_an_isolate_that_keeps_the_order_written_is_allowed(text: str) -> None:
    assert refusal(text, right_to_left=True, language="ar") is None


def test_a_leaflet_with_a_reordered_denial_is_refused_at_its_column(
    make_project: Callable[..., Path],
) -> None:
    text = leaflet_yaml(f'- paragraph: "{HIDDEN_DENIAL}"\n', leaflet_id="ar")
    root = make_project({"ar": text.replace("language: en", "language: ar")})
    found = run_checks(Project.at(root), config=CheckConfig(today=TODAY))
    loads = [f for f in found if getattr(f, "code", "") == "LOAD001"]
    assert [(f.location.line, f.location.column) for f in loads] == [(17, 17)]
    assert "U+2066 LEFT-TO-RIGHT ISOLATE" in loads[0].message
