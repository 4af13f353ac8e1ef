"""The paragraph flowable: splitting across pages, citations per part, English, headers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from msc_leaflet.typeset import (
    Run,
    TextParagraph,
    cited_numbers,
    default_family,
    draw_runs,
    make_paragraph,
    runs_width,
)
from msc_leaflet.typeset.ink import CLEARANCE_EM, glyph_ink, may_touch
from msc_leaflet.typeset.units import Unit
from typeset_support import (
    EXTRACTORS,
    THAI_PARAGRAPHS,
    WORDS,
    body_style,
    mm,
    runs_for,
    source_text,
    split_lines,
)

CITED = [
    ("ผู้ป่วยที่ได้รับเซลล์มีเซนไคมอลส่วนใหญ่ไม่มีอาการข้างเคียงรุนแรง", ""),
    ("1", "^1"),
    (
        " แต่บางรายอาจมีไข้ต่ำ ๆ หรือปวดศีรษะหลังการให้เซลล์ภายในหนึ่งถึงสองวันแรก "
        "ท่านควรดื่มน้ำมาก ๆ พักผ่อนให้เพียงพอ และแจ้งพยาบาลทันทีหากมีอาการผิดปกติ "
        "ข้อมูลเกี่ยวกับผลระยะยาวยังมีจำกัด นักวิจัยจึงติดตามผู้ป่วยทุกรายอย่างใกล้ชิด "
        "เป็นเวลาอย่างน้อยหกเดือนหลังการรักษา",
        "",
    ),
    ("2", "^2"),
]


def test_a_thai_paragraph_splits_across_two_pages(tmp_path: Path) -> None:
    paragraph = make_paragraph(runs_for(CITED), body_style(TA_JUSTIFY), "th", words=WORDS)
    width = 60 * mm
    _, height = paragraph.wrap(width, 10_000)
    lines = height / paragraph.style.leading
    assert lines >= 6
    first, rest = paragraph.split(width, paragraph.style.leading * 3)
    assert isinstance(first, TextParagraph) and isinstance(rest, TextParagraph)
    assert first.getPlainText() + rest.getPlainText() == source_text(CITED)
    assert first.wrap(width, 10_000)[1] == 3 * paragraph.style.leading
    assert cited_numbers(paragraph) == {1, 2}
    assert cited_numbers(first) == {1}
    assert cited_numbers(rest) == {2}

    # The same paragraph in a real document: a short first frame forces the split.
    path = tmp_path / "split.pdf"
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=A4[0] - 20 * mm - width
    )
    story = [
        Spacer(1, doc.height - paragraph.style.leading * 3.5),
        make_paragraph(runs_for(CITED), body_style(TA_JUSTIFY), "th", words=WORDS),
    ]
    doc.build(story)
    assert doc.page == 2
    for name, extract in EXTRACTORS.items():
        got = "".join(split_lines(extract(path)))
        assert got.replace(" ", "") == source_text(CITED).replace(" ", ""), name


def test_no_split_leaves_a_single_orphan_line() -> None:
    paragraph = make_paragraph(runs_for(CITED), body_style(), "th")
    paragraph.wrap(60 * mm, 10_000)
    assert paragraph.split(60 * mm, paragraph.style.leading * 1.5) == []


def test_paragraph_wraps_in_a_narrow_table_cell(tmp_path: Path) -> None:
    cell = make_paragraph(runs_for(THAI_PARAGRAPHS[1]), body_style(), "th", words=WORDS)
    assert cell.minWidth() < 30 * mm
    doc = SimpleDocTemplate(str(tmp_path / "table.pdf"), pagesize=A4)
    doc.build([Table([[cell, "x"]], colWidths=[35 * mm, 20 * mm])])


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_english_ligatures_extract_as_letters(tmp_path: Path, extractor: str) -> None:
    text = "The office staff will fill in a flow chart for the first five days."
    family = default_family()
    paragraph = make_paragraph([Run(text, family.regular, 11, black)], body_style(), "en")
    ligatures = [
        c
        for u in paragraph.units
        for p in u.pieces
        for c in p.clusters
        if c.text in ("fi", "fl", "ffi")
    ]
    assert ligatures, "Sarabun's fi/fl ligatures are used"
    path = tmp_path / "english.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([paragraph])
    extracted = " ".join(split_lines(EXTRACTORS[extractor](path)))
    assert extracted == text
    assert not set("ﬀﬁﬂﬃﬄ") & set(extracted)


def test_header_line_uses_the_same_text_stage(tmp_path: Path) -> None:
    family = default_family()
    runs = [Run("หน้า 2 จาก 3 ", family.bold, 9, black), Run("ผู้ป่วย น้ำ ปั่น", family.regular, 9, black)]
    path = tmp_path / "header.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    width = draw_runs(canvas, 500, 800, runs, "th", align="right")
    assert width == pytest.approx(runs_width(runs, "th"))
    canvas.showPage()
    canvas.save()
    for name, extract in EXTRACTORS.items():
        assert split_lines(extract(path)) == ["หน้า 2 จาก 3 ผู้ป่วย น้ำ ปั่น"], name


def _drawn_lines(
    monkeypatch: pytest.MonkeyPatch, text: str, lang: str, width: float, alignment: int
) -> list[tuple[str, float, float, float]]:
    """Each drawn line of ``text`` in a column ``width`` points wide: its text, where
    its ink starts, where its last cluster starts and where it ends, from the column's
    left edge."""
    from msc_leaflet.typeset import paragraph as paragraph_module
    from msc_leaflet.typeset.placed import Placed
    from msc_leaflet.typeset.render import is_end_space

    family = default_family()
    style = body_style(alignment)
    paragraph = make_paragraph([Run(text, family.regular, style.fontSize, black)], style, lang)
    paragraph.wrap(width, 10_000)
    lines: list[tuple[str, float, float, float]] = []

    def recording(canvas: object, y: float, placed: list[Placed], layer: float = 0.0) -> None:
        shown = sorted((p for p in placed if not is_end_space(p)), key=lambda p: p.x)
        last = shown[-1]
        end = last.x + last.cluster.advance * last.piece.size / 1000
        lines.append(("".join(p.cluster.text for p in shown), shown[0].x, last.x, end))

    monkeypatch.setattr(paragraph_module, "draw_placed", recording)
    paragraph.drawOn(Canvas(str(Path("/dev/null"))), 0, 0)
    return lines


#: Lines that end in a mark hanging past a narrow column's end (burasagari: the Lao
#: and Thai repeat marks, the Burmese and Khmer stops, the CJK full stop), and the
#: column, in points, that the letters before the mark fit and the mark does not.
HANGING_LINES = [
    ("lo", "ໄປໄວໆ", 14.0),
    ("th", "ช้าๆ", 14.0),
    ("my", "ဆရာဝန်။", 40.0),
    ("km", "គ្រូពេទ្យ។", 32.0),
    ("zh_Hans", "痛。", 12.0),
    ("ja", "胸。", 12.0),
]


@pytest.mark.parametrize(
    ("lang", "text", "width"), HANGING_LINES, ids=[case[0] for case in HANGING_LINES]
)
@pytest.mark.parametrize("alignment", [TA_CENTER, TA_RIGHT], ids=["centre", "right"])
def test_a_mark_hanging_past_a_centred_or_right_line_keeps_the_line_in_its_column(
    monkeypatch: pytest.MonkeyPatch, lang: str, text: str, width: float, alignment: int
) -> None:
    # A centred heading or table cell centred the mark with its line: the line's start
    # moved left past the column's edge (into the cell's padding or the next column),
    # and its letters stood off centre. The mark hangs past the end instead (CSS
    # `hanging-punctuation`: a hanging mark is not measured for alignment), and the
    # letters before it are centred, or end at the column's end.
    lines = _drawn_lines(monkeypatch, text, lang, width, alignment)
    hanging = [line for line in lines if line[3] > width + 0.01]
    assert hanging, lines  # the case is the one meant: a mark hangs
    for shown, start, mark, _ in hanging:
        assert shown[-1] in "ໆๆ။។。", shown
        assert start >= -0.01, (shown, start)
        if alignment == TA_CENTER:
            assert start == pytest.approx(width - mark, abs=0.05), (shown, start, mark)
        else:
            assert mark == pytest.approx(width, abs=0.05), (shown, start, mark)


@pytest.mark.parametrize("alignment", [TA_CENTER, TA_RIGHT], ids=["centre", "right"])
def test_a_syllable_running_past_a_narrow_centred_line_runs_past_its_end_only(
    monkeypatch: pytest.MonkeyPatch, alignment: int
) -> None:
    # ປ່ວຍ in a cell narrower than it runs a little past the line's end (an emergency,
    # reported); centred or set right, it ran past the column's start instead.
    lines = _drawn_lines(monkeypatch, "ເຈັບປ່ວຍ", "lo", 14.0, alignment)
    assert all(start >= -0.01 for _, start, _, _ in lines), lines


@pytest.mark.parametrize("alignment", [TA_CENTER, TA_RIGHT], ids=["centre", "right"])
def test_a_right_to_left_line_runs_past_its_end_only(
    monkeypatch: pytest.MonkeyPatch, alignment: int
) -> None:
    # A right-to-left line starts at the right: a full stop hanging past its end hangs
    # at the left, and its letters stay inside the column, centred or not.
    lines = _drawn_lines(monkeypatch, "طب.", "ar", 12.0, alignment)
    assert any(start < 0 for _, start, _, _ in lines), lines  # the stop hangs
    assert all(end <= 12.0 + 0.01 for *_, end in lines), lines


SPLIT_CASES = [
    ("en", "You may read that donor cells are invisible to the immune system. " * 6),
    ("th", "".join(text for text, _ in CITED)),
    ("ja", "細胞は点滴で静脈に入ります。多くは肺の細い血管にとどまり、数日で消えます。" * 4),
]


@pytest.mark.parametrize(("lang", "text"), SPLIT_CASES)
@pytest.mark.parametrize("alignment", [TA_LEFT, TA_JUSTIFY])
def test_a_split_keeps_the_lines_of_the_whole_paragraph(
    lang: str, text: str, alignment: int
) -> None:
    """The kept part of a split paragraph ends where the paragraph's own line breaking
    ends a line, and the rest goes on from there: never a line of one word made by
    the split."""
    width = 62 * mm
    whole = make_paragraph(runs_for([(text, "")]), body_style(alignment), lang, words=WORDS)
    whole.wrap(width, 10_000)
    lines = whole.line_texts()
    assert len(lines) >= 5
    for keep in range(2, len(lines) - 1):
        paragraph = make_paragraph(runs_for([(text, "")]), body_style(alignment), lang, words=WORDS)
        paragraph.wrap(width, 10_000)
        first, rest = paragraph.split(width, keep * paragraph.pitch() + 1)
        first.wrap(width, 10_000)  # as a frame wraps it again before drawing it
        rest.wrap(width, 10_000)
        assert first.line_texts() == lines[:keep], keep
        assert rest.line_texts() == lines[keep:], keep


def _ink_extremes(units: Sequence[Unit]) -> list[tuple[float, float]]:
    """(deepest, tallest) ink after each piece of ``units``, measured as `ink.may_touch`
    measured it before it skipped words by their clusters' reach: every glyph's ink
    box, in the same order and the same arithmetic."""
    deepest = tallest = 0.0
    after = []
    for unit in units:
        for piece in unit.pieces:
            scale = piece.size / 1000
            for cluster in piece.clusters:
                for glyph in cluster.glyphs:
                    _, _, bottom, top = glyph_ink(piece.run.font, glyph.gid)
                    y = piece.rise + glyph.y * scale
                    tallest = max(tallest, y + top * scale)
                    deepest = max(deepest, -(y + bottom * scale))
            after.append((deepest, tallest))
    return after


INKED = {
    "en": [("Quite a few (big) jumps: ÅÉÎ gypsy ", ""), ("12", "^12"), (" fjord.", "")],
    "th": [("ผู้ป่วยที่ได้รับน้ำปั๊มรุนแรง ฤดู ", ""), ("3", "^3")],
    "vi": [("Người bệnh nghỉ ngơi đầy đủ, uống nhiều nước ", ""), ("4", "^4")],
    "lo": [("ຜູ້ປ່ວຍຄວນດື່ມນ້ຳຫຼາຍໆ ແລະ ພັກຜ່ອນໃຫ້ພຽງພໍ ", ""), ("5", "^5")],
}


@pytest.mark.parametrize("lang", sorted(INKED))
def test_may_touch_answers_as_every_glyph_would_even_on_the_edge(lang: str) -> None:
    """Skipping a word whose clusters reach no further than the ink already found
    changes no answer, not even at a leading a few units in the last digit from
    letting two lines' ink touch."""
    size = 11.0
    units = make_paragraph(runs_for(INKED[lang], size), body_style(size=size), lang).units
    after = _ink_extremes(units)
    assert len(after) > 3  # words enough for some to be skipped
    leadings = [size * 1.6, size * 0.5]
    for deepest, tallest in after:  # each piece's extremes, to the last unit
        edge = deepest + tallest + CLEARANCE_EM * size
        below = above = edge
        for _ in range(3):
            below, above = math.nextafter(below, 0.0), math.nextafter(above, math.inf)
            leadings += [below, above]
        leadings.append(edge)
    for leading in leadings:
        room = leading - CLEARANCE_EM * size
        expected = any(deepest + tallest > room for deepest, tallest in after)
        assert may_touch(units, leading, size) is expected, (lang, leading)
