"""Table columns fitted to their content, hyphenation, and the parallel edition's
full-width tables (#21, item 1).

A narrow column used to cut words at any character ("Fastin|g", "อาหา|ร"): widths were
shares of the character count, and the emergency cut was the normal path.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from reportlab.platypus import Flowable

from fasting import build_fasting, text_lines
from msc_leaflet.layout.blocks import column_widths
from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset.linebreak import fit_units, hyphenated, narrowest_width
from msc_leaflet.typeset.paragraph import TextParagraph
from typeset_support import EXTRACTORS, body_style, build_document, runs_for

PADDING = 12.0  # left + right padding of a cell (theme box-padding.table)


def cells(rows: list[list[str]], lang: str = "en") -> list[list[Flowable]]:
    style = body_style(size=9)
    return [[make_paragraph(runs_for([(text, "")], 9), style, lang) for text in r] for r in rows]


def widest_unit(column: list[Flowable]) -> float:
    return max(max(u.width for u in c.units) for c in column if isinstance(c, TextParagraph))


TABLE = [
    ["Blood test", "Fasting time", "Is fasting needed?"],
    ["Blood sugar (glucose)", "8 hours", "Needed: food raises blood sugar."],
    ["LDL cholesterol", "8–12 hours", "Needed: fat from a meal stays in the blood for hours."],
    ["Creatinine", "No fasting", "Not needed, but avoid a large meat meal the evening before."],
]
THAI_TABLE = [
    ["การตรวจเลือด", "งดอาหาร", "จำเป็นต้องงดอาหารหรือไม่"],
    ["แอลดีแอลคอเลสเตอรอล", "8–12 ชั่วโมง", "จำเป็น เพราะไขมันจากอาหารอยู่ในเลือดได้หลายชั่วโมง"],
]


@pytest.mark.parametrize(("rows", "lang"), [(TABLE, "en"), (THAI_TABLE, "th")])
def test_each_column_is_at_least_as_wide_as_its_widest_word(
    rows: list[list[str]], lang: str
) -> None:
    table = cells(rows, lang)
    width = 300.0
    widths = column_widths(table, width, PADDING)
    assert widths is not None
    assert sum(widths) == pytest.approx(width)
    for n, column in enumerate(zip(*table, strict=True)):
        assert widths[n] >= widest_unit(list(column)) + PADDING - 1e-6
    # The column of sentences gets the room the short columns do not need.
    assert widths[2] == max(widths)


def test_too_narrow_for_whole_words_english_is_hyphenated_and_thai_is_not() -> None:
    english = cells(TABLE)
    words = sum(widest_unit(list(c)) + PADDING for c in zip(*english, strict=True))
    narrower = words - 8
    widths = column_widths(english, narrower, PADDING)
    assert widths is not None  # "cholesterol" → "choles-terol" makes room
    for paragraph, width in zip(english[2], widths, strict=True):
        assert isinstance(paragraph, TextParagraph)
        low = max(narrowest_width(u, "en") for u in paragraph.units)
        assert width - PADDING >= low - 1e-6
    thai = cells(THAI_TABLE, "th")
    words = sum(widest_unit(list(c)) + PADDING for c in zip(*thai, strict=True))
    assert column_widths(thai, words - 8, PADDING) is None  # a Thai word is never cut here


def test_a_hyphenated_word_shows_a_hyphen_the_text_layer_does_not_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Fasting triglycerides cholesterol needed"
    column = 60.0  # narrower than "triglycerides" at 11 pt
    built = build_document(
        tmp_path / "narrow.pdf", [[(text, "")]], column=column, lang="en", monkeypatch=monkeypatch
    )
    assert "".join(built.lines).replace(" ", "") == text.replace(" ", "")  # no "-" as text
    paragraph = make_paragraph(runs_for([(text, "")]), body_style(), "en")
    inside = column - 12  # the frame's padding
    ends = [paragraph.units[line.end - 1] for line in paragraph.lines_for(inside)]
    cut = [unit.text for unit in ends if hyphenated(unit)]
    assert cut and all(part[-1].isalpha() for part in cut)  # Fast-, trigly-, choles-
    assert all(line.width <= inside + 1e-6 for line in paragraph.lines_for(inside))
    for extract in EXTRACTORS.values():
        extracted = extract(built.path)
        assert "-" not in extracted and "‐" not in extracted
    # The hyphens are drawn: one path object per hyphen (English has no outlined marks).
    page = pypdfium2.PdfDocument(built.path)[0]
    paths = [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH]
    assert len(paths) == len(cut)


def test_a_cut_at_a_hyphenation_point_is_not_an_emergency() -> None:
    paragraph = make_paragraph(
        runs_for([("triglycerides xxxxxxxxxxxxxxxxxxxx", "")]), body_style(), "en"
    )
    forced: list[str] = []
    fit_units(paragraph.units, 40.0, "en", on_forced=lambda unit: forced.append(unit.text))
    assert forced == ["xxxxxxxxxxxxxxxxxxxx"]


def test_the_parallel_a5_sets_each_languages_table_at_full_width(tmp_path: Path) -> None:
    """Half an A5 page cannot hold the fasting table's Thai words: each language's
    table gets the full width, the translation's first; A4 keeps them side by side."""
    a5 = text_lines(build_fasting(tmp_path, "th", "parallel", "a5"))
    thai = next(line for line in a5 if line.text.strip() == "การตรวจเลือด")
    english = next(line for line in a5 if line.text.strip() == "Blood test")
    assert abs(thai.x - english.x) < 1  # both at the left margin
    assert (thai.page, -thai.baseline) < (english.page, -english.baseline)  # Thai first
    last_column = next(line for line in a5 if line.text.startswith("Is fasting needed"))
    assert last_column.x - english.x > 150  # the full width, not half of it
    a4 = text_lines(build_fasting(tmp_path / "a4", "th", "parallel", "a4"))
    thai = next(line for line in a4 if line.text.strip() == "การตรวจเลือด")
    english = next(line for line in a4 if line.text.strip() == "Blood test")
    assert thai.page == english.page and thai.baseline == pytest.approx(english.baseline)
    assert english.x > thai.x + 200
