"""Multi-page Thai documents: line breaks at word boundaries and an exact text layer.

Line ends: every extractor puts a newline where a line ends; none of them adds a
space there. A line broken at the author's space ends in it in the text layer
(test_typeset_line_ends.py), which pypdf and pdfminer read before the newline: trailing
whitespace is stripped before comparing. So the
extracted lines must equal the drawn lines exactly, and joining the drawn lines
without a separator — adding back only the author's space where a line broke at
one — must give the source paragraph. A break between two Thai words therefore
never inserts a space.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from icu4py.breakers import LineBreaker

from msc_leaflet.typeset import load_word_list
from msc_leaflet.typeset.segmentation import builtin_word_list
from typeset_support import (
    EXTRACTORS,
    TA_JUSTIFY,
    TA_LEFT,
    THAI_PARAGRAPHS,
    WORDS,
    build_document,
    mm,
    rejoin,
    source_text,
    split_lines,
)

SOURCES = [source_text(p) for p in THAI_PARAGRAPHS]
REPEAT = 5  # enough text for at least three A4 pages at full width


def icu_boundaries(text: str) -> set[int]:
    out, position = set(), 0
    for segment in LineBreaker(text, "th"):
        position += len(segment)
        out.add(position)
    return out


def superscript_starts(pieces: list[tuple[str, str]]) -> set[int]:
    starts, position = set(), 0
    for text, kind in pieces:
        if kind.startswith("^"):
            starts.add(position)
        position += len(text)
    return starts


@pytest.mark.parametrize("column", [None, 60 * mm], ids=["a4-width", "60mm-column"])
def test_every_break_is_at_a_word_boundary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: float | None
) -> None:
    built = build_document(
        tmp_path / "doc.pdf", THAI_PARAGRAPHS, column=column, repeat=REPEAT, monkeypatch=monkeypatch
    )
    assert built.pages >= 3
    terms = load_word_list(WORDS).words + builtin_word_list("th").words
    checked = 0
    for number, breaks in rejoin(built.lines, SOURCES * REPEAT):
        text = SOURCES[number % len(SOURCES)]
        icu = icu_boundaries(text)
        protected = [
            (i, i + len(t)) for t in terms for i in range(len(text)) if text.startswith(t, i)
        ]
        cites = superscript_starts(THAI_PARAGRAPHS[number % len(SOURCES)])
        for at in breaks:
            checked += 1
            # ICU's boundary, or the start of a listed term whose first letter ICU gave
            # to the word before (ให้ท่า|นท|ราบ is ให้ท่าน|ทราบ)
            assert at in icu or any(s == at for s, _ in protected), (
                f"break inside an ICU segment: {text[at - 10 : at]}|{text[at : at + 10]}"
            )
            assert not any(s < at < e for s, e in protected), f"break inside a listed term at {at}"
            assert at not in cites, "a citation superscript starts a line"
            start, end = text[at], text[at - 1] if text[at - 1] != " " else text[at - 2]
            assert unicodedata.category(start) not in ("Mn", "Mc", "Me"), start
            assert start not in "ะๆฯ”’)", f"line starts with {start!r}"
            assert end not in "เแโใไ“‘(", f"line ends with {end!r}"
    assert checked > (30 if column is None else 150)


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_JUSTIFY], ids=["left", "justified"])
@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_extracted_text_is_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: str, alignment: int
) -> None:
    built = build_document(
        tmp_path / "doc.pdf",
        THAI_PARAGRAPHS,
        alignment=alignment,
        repeat=REPEAT,
        monkeypatch=monkeypatch,
    )
    assert built.pages >= 3
    extracted = EXTRACTORS[extractor](built.path)
    assert unicodedata.is_normalized("NFC", extracted)
    assert not any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 for c in extracted)
    assert split_lines(extracted) == built.lines
    rejoin(built.lines, SOURCES * REPEAT)  # the drawn lines are the source, cut at breaks


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_extracted_text_in_a_narrow_justified_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: str
) -> None:
    built = build_document(
        tmp_path / "doc.pdf",
        THAI_PARAGRAPHS,
        alignment=TA_JUSTIFY,
        column=60 * mm,
        monkeypatch=monkeypatch,
    )
    assert split_lines(EXTRACTORS[extractor](built.path)) == built.lines
