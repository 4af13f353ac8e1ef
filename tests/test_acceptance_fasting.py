"""The fasting-blood-test leaflet in every edition: where lines break, and what every
extractor reads back (#21, acceptance).

Each drawn paragraph is recorded with its text and the offsets where its lines start.
Every break must be one a reader accepts:

* between two Thai characters: an ICU boundary that is also a syllable boundary. The
  syllable reference is PyThaiNLP's ``han_solo`` tokenizer (a CRF model shipped with
  PyThaiNLP, run offline through python-crfsuite), independent of the TCC rules the
  typesetter uses (``typeset/syllables.py``);
* between two Latin letters: never (no word is cut without a hyphen);
* never between a number and its unit, nor inside a range (8–12 ชั่วโมง, 500 mg).

pdf.js, pdftotext, pypdf, pdfminer.six and pypdfium2 must each return every drawn line
exactly: the source text, its spaces as written, no space inside a Thai word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import accumulate, pairwise
from pathlib import Path

import pytest

from fasting import EDITIONS, build_fasting, edition_id
from msc_leaflet.typeset.paragraph import TextParagraph
from msc_leaflet.typeset.segmentation import break_opportunities
from msc_leaflet.typeset.syllables import is_thai
from pdfjs_text import extract_pdfjs
from typeset_support import EXTRACTORS

Drawn = tuple[str, tuple[int, ...], str]  # paragraph text, line-start offsets, language


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[Drawn]]]:
    """Every edition, with the paragraphs drawn in it."""
    out = tmp_path_factory.mktemp("fasting")
    result = {}
    original = TextParagraph.draw
    for edition in EDITIONS:
        drawn: list[Drawn] = []

        def recording(self: TextParagraph, drawn: list[Drawn] = drawn) -> None:
            original(self)
            offsets = [0, *accumulate(len(u.text) for u in self.units)]
            starts = tuple(offsets[line.start] for line in self._lines[1:])
            drawn.append((self.text, starts, self.lang))

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(TextParagraph, "draw", recording)
            result[edition_id(edition)] = (build_fasting(out, *edition), drawn)
    return result


@cache
def syllable_ends(thai: str) -> frozenset[int]:
    pytest.importorskip("pycrfsuite", reason="python-crfsuite runs PyThaiNLP's han_solo")
    from pythainlp.tokenize import syllable_tokenize

    return frozenset(accumulate(len(s) for s in syllable_tokenize(thai, engine="han_solo")))


def thai_run(text: str, i: int) -> tuple[int, str]:
    start, end = i, i
    while start > 0 and is_thai(text[start - 1]):
        start -= 1
    while end < len(text) and is_thai(text[end]):
        end += 1
    return start, text[start:end]


def bad_breaks(text: str, starts: tuple[int, ...], lang: str) -> Iterator[str]:
    """Why each line start in ``text`` is not an acceptable break."""
    icu = set(break_opportunities(text, lang))
    for i in starts:
        j = i
        while j > 0 and text[j - 1] == " ":
            j -= 1  # the author's space the line broke at
        before, after = text[j - 1], text[i]
        shown = f"{text[max(j - 12, 0) : j]}|{text[i : i + 12]}"
        if is_thai(before) and is_thai(after) and j == i:
            start, run = thai_run(text, i)
            if i not in icu:
                yield f"not an ICU boundary: {shown}"
            elif i - start not in syllable_ends(run):
                yield f"inside a syllable: {shown}"
        latin = before.isascii() and before.isalpha() and after.isascii() and after.isalpha()
        if latin and j == i:
            yield f"inside an English word, no hyphen: {shown}"
        if before.isdigit() and (after.isalpha() or after in "%°µ"):
            yield f"a number parted from its unit: {shown}"
        if re.search(r"\d[–-]$", text[:j]) and after.isdigit():
            yield f"inside a range: {shown}"


@pytest.mark.parametrize("edition", [edition_id(e) for e in EDITIONS])
def test_every_line_break_is_one_a_reader_accepts(
    built: dict[str, tuple[Path, list[Drawn]]], edition: str
) -> None:
    _, drawn = built[edition]
    assert drawn
    problems = [p for text, starts, lang in drawn for p in bad_breaks(text, starts, lang)]
    assert problems == []


def test_the_reference_catches_what_it_should() -> None:
    """The checker itself: the breaks of #21's report are all refused."""
    cases = [
        ("งดอาหาร", 6, "th"),  # งด อาหา|ร
        ("8 ชั่วโมง", 8, "th"),  # 8 ชั่วโม|ง
        ("จำเป็น", 5, "th"),  # จำเป็|น
        ("Fasting", 6, "en"),  # Fastin|g
        ("8 hours", 2, "en"),  # 8 | hours
        ("8–12 hours", 2, "en"),  # 8–|12
    ]
    for text, at, lang in cases:
        assert list(bad_breaks(text, (at,), lang)), (text, at)
    assert not list(bad_breaks("งดอาหาร", (2,), "th"))  # งด|อาหาร


def drawn_lines(text: str, starts: tuple[int, ...]) -> list[str]:
    bounds = [0, *starts, len(text)]
    return [text[a:b].strip(" ") for a, b in pairwise(bounds)]


@pytest.mark.parametrize("extractor", ["pdfjs", *EXTRACTORS])
@pytest.mark.parametrize("edition", [edition_id(e) for e in EDITIONS])
def test_every_extractor_reads_each_line_exactly(
    built: dict[str, tuple[Path, list[Drawn]]], edition: str, extractor: str
) -> None:
    path, drawn = built[edition]
    extract = extract_pdfjs if extractor == "pdfjs" else EXTRACTORS[extractor]
    extracted = extract(path).replace("\r\n", "\n")
    missing = [
        line
        for text, starts, _ in drawn
        for line in drawn_lines(text, starts)
        if line and line not in extracted
    ]
    assert missing == []
