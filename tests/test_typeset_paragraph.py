"""The paragraph flowable: splitting across pages, citations per part, English, headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_JUSTIFY
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
