"""A number keeps its unit in a narrow column, and a long word after a line left mostly
empty is hyphenated onto it (`linebreak._unit_word_hyphen`, `loose_lines`).

In a table cell or an A5 parallel column, "500 milligrams" printed "500" at one line's
end and "milligrams" on the next: a patient reads a dose without its unit. And a long
word that could not start on a line left it nearly empty ("for" alone, then
"thrombocytopenia"), while the project hyphenates English words.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_LEFT

from msc_leaflet.typeset import make_paragraph
from typeset_support import EXTRACTORS, body_style, build_document, runs_for

DOSE = "Take 500 milligrams twice a day with water."
COMPOUND = "Mesenchymal stromal cells are studied for thrombocytopenia in small trials."


def lines(text: str, width: float, lang: str = "en", size: float = 10) -> list[str]:
    paragraph = make_paragraph(runs_for([(text, "")], size), body_style(TA_LEFT, size), lang)
    paragraph.wrap(width, 10_000)
    return [line.strip() for line in paragraph.line_texts()]


def widths(text: str, width: float, lang: str = "en", size: float = 10) -> list[float]:
    paragraph = make_paragraph(runs_for([(text, "")], size), body_style(TA_LEFT, size), lang)
    paragraph.wrap(width, 10_000)
    return [line.width for line in paragraph.lines_for(width)]


@pytest.mark.parametrize("width", range(40, 121, 4))
def test_a_number_never_ends_a_line_its_unit_word_starts(width: int) -> None:
    """At every narrow width: no line ends in "500" with "milligrams" (or its first
    part) starting the next; the unit word is hyphenated after the number instead."""
    set_lines = lines(DOSE, width)
    for line, after in pairwise(set_lines):
        assert not (line.endswith("500") and after.startswith(("milli", "mil"))), set_lines
    assert "".join(set_lines).replace(" ", "") == DOSE.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "lang", "number", "unit"),
    [
        ("Liều dùng 500 mg mỗi ngày hai lần với nước.", "vi", "500", "mg"),
        ("ยาขนาด 500 มิลลิกรัม วันละสองครั้ง", "th", "500", "มิลลิกรัม"),
        ("Take 2 tablets with 250 millilitres of water.", "en", "250", "milli"),
    ],
)
@pytest.mark.parametrize("width", [50, 60, 70, 80, 90])
def test_a_number_keeps_its_unit_in_other_languages(
    text: str, lang: str, number: str, unit: str, width: int
) -> None:
    """Vietnamese "500 mg" and Thai "500 มิลลิกรัม" stay on one line wherever it fits
    them; a Thai unit is not cut between syllables to stay, and when the two are wider
    than the line, the whole word moves, never a syllable of it."""
    set_lines = lines(text, width, lang)
    for line, after in pairwise(set_lines):
        if line.endswith(number) and after.startswith(unit):
            together = lines(f"{number} {unit}", 10_000, lang)[0]
            assert widths(together, 10_000, lang)[0] > width, set_lines


def test_a_long_word_after_a_loose_line_is_hyphenated_onto_it() -> None:
    set_lines = lines(COMPOUND, 60)
    assert any(line.startswith("for ") and len(line) > 4 for line in set_lines), set_lines
    assert "for" not in set_lines  # not alone on its line
    assert lines(DOSE, 80)[0].startswith("Take 500 mil"), lines(DOSE, 80)


@pytest.mark.parametrize("width", [50, 60, 70, 80, 90])
@pytest.mark.parametrize(
    "text",
    [
        "Web: https://www.ednawellness.com and LINE @ednawellness",  # typed as printed
        "Ask Dr. Galderisi about the damaged tissue today.",  # a name, short words
    ],
)
def test_an_address_a_name_or_a_short_word_is_never_cut_to_fill_a_line(
    text: str, width: int
) -> None:
    """A hyphen inside an address is typed by whoever copies it ("ednawell-ness.com");
    a name is searched whole; a word under 8 letters reads as two ("dam-" / "aged")."""
    set_lines = lines(text, width)
    if all(widths(word, 10_000)[0] <= width for word in text.split()):
        assert " ".join(set_lines).split() == text.split(), set_lines


def test_a_title_is_balanced_never_hyphenated_to_fill_a_line() -> None:
    from msc_leaflet.layout.styles import build_styles
    from msc_leaflet.theme.theme import load_theme
    from msc_leaflet.typeset import Run, default_family

    family = default_family()
    style = build_styles(load_theme(paper="a5"), family, "en")["title"]
    text = "What the research says so far"
    run = Run(text, family.face(True, False), style.fontSize, black)
    paragraph = make_paragraph([run], style, "en")
    paragraph.wrap(170, 10_000)
    assert " ".join(line.strip() for line in paragraph.line_texts()).split() == text.split()


def test_extractors_read_the_hyphenated_words_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hyphen drawn at the line end carries no text: every extractor reads the two
    parts as the word split across two lines, never with a hyphen typed into it, and
    the number with its unit's first part on one line."""
    built = build_document(
        tmp_path / "dose.pdf", [[(DOSE, "")], [(COMPOUND, "")]], column=62, lang="en",
        monkeypatch=monkeypatch,
    )  # fmt: skip
    assert any(line.startswith("500 mil") or "500 mil" in line for line in built.lines)
    for name, extract in EXTRACTORS.items():
        text = extract(built.path)
        assert "-" not in text, (name, text)
        joined = re.sub(r"\s*\n\s*", "", text).replace("\u200b", "")
        assert "500milligrams" in joined.replace(" ", ""), (name, text)
        assert "thrombocytopenia" in joined, (name, text)
