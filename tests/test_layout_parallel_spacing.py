"""The parallel edition keeps the space between paragraphs in both columns (#21, item 5).

A table cell shows no space after its last flowable, so the taller column of a parallel
row used to run straight into the next row: consecutive Thai paragraphs and list items
with no space between them. Measured from the baselines pdfminer reads in the PDF.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pikepdf
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from conftest import REPO, leaflet_yaml
from fasting import TextLine, build_fasting, text_lines
from i18n_support import invoke, set_msgstr
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.content.model import ListBlock
from msc_leaflet.i18n.pofile import read_po
from msc_leaflet.layout.editions import COLUMN_GAP, SEPARATE_COLUMNS, side_by_side
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.typeset import TextParagraph, default_family, make_paragraph
from typeset_support import EXTRACTORS, WORDS, body_style, mm, runs_for

PARAGRAPH_SPACE = 6.0  # theme spacing.paragraph
ITEM_SPACE = 3.0  # list-item spaceAfter


def starts(line: TextLine, start: str) -> bool:
    """Whether ``line`` starts with ``start``, after its list number or bullet if it has
    one (a tall script's item carries its number in its first line: `list_numbers`)."""
    return re.sub(r"^(?:•|\d+\.)\s*", "", line.text).startswith(start)


def gaps(lines: tuple[TextLine, ...], start: str, mid: float) -> tuple[float, float]:
    """(baseline distance from the line before the one starting with ``start``, the
    line distance inside the paragraph before it), in the same column and page."""
    side = lines_x(lines, start) < mid
    column: list[TextLine] = []
    for line in lines:  # a Latin item's bullet is a line of its own on its baseline
        if (line.x < mid) != side:
            continue
        if column and (column[-1].page, column[-1].baseline) == (line.page, line.baseline):
            if starts(line, start):
                column[-1] = line
            continue
        column.append(line)
    index = next(i for i, line in enumerate(column) if starts(line, start))
    here, before, earlier = column[index], column[index - 1], column[index - 2]
    assert here.page == before.page == earlier.page, (start, "not on one page")
    return before.baseline - here.baseline, earlier.baseline - before.baseline


def lines_x(lines: tuple[TextLine, ...], start: str) -> float:
    return next(line.x for line in lines if starts(line, start))


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_taller_thai_column_keeps_paragraph_and_item_space(tmp_path: Path, paper: str) -> None:
    pdf = build_fasting(tmp_path, "th", "parallel", paper)
    lines = text_lines(pdf)
    mid = max(line.x for line in lines) / 2 + 20
    cases = [
        ("ตัวอย่างเลือดเดียวกัน", PARAGRAPH_SPACE),  # paragraph after paragraph, next row
        ("The same blood sample", PARAGRAPH_SPACE),
        ("ดื่มน้ำเปล่าได้", ITEM_SPACE),  # list item after a list item, same cell
    ]
    for start, space in cases:
        between, leading = gaps(lines, start, mid)
        assert between >= leading + space - 0.5, (start, between, leading)


def test_bundled_a5_parallel_list_then_paragraph(tmp_path: Path) -> None:
    """infusion-safety, A5 parallel: the Thai list (taller than the English one) ended
    flush against the paragraph after it."""
    pdf = build_leaflet(
        Project.at(REPO),
        "infusion-safety",
        "th",
        tmp_path,
        edition="parallel",
        options=Options(spec=PrintSpec(paper="a5")),
    ).path
    lines = text_lines(pdf)
    mid = max(line.x for line in lines) / 2 + 20
    between, leading = gaps(lines, "แจ้งทีมผู้รักษา", mid)
    assert between >= leading + PARAGRAPH_SPACE - 0.5, (between, leading)


def read_whole(text: str) -> str:
    """``text`` as an extractor gives it back, whitespace and format characters aside."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


@pytest.mark.parametrize("extractor", ["pdfminer", "pdftotext"])
@pytest.mark.parametrize("leaflet", ["choosing-a-clinic", "what-research-says"])
def test_a_list_item_that_wraps_beside_the_other_column_reads_whole(
    tmp_path: Path, leaflet: str, extractor: str
) -> None:
    """A numbered item's number hangs an indent before its text, so pdfminer read the
    first line of a wrapped item as a block of its own, then the first line of the item
    beside it in the other column, then the rest ("Which tissue do they come from, and
    | <Thai> | why that one?"). Only a tall script's items wrote their number apart."""
    project = Project.at(REPO)
    pdf = build_leaflet(project, leaflet, "th", tmp_path, edition="parallel").path
    read = read_whole(EXTRACTORS[extractor](pdf))
    source = load_leaflet(REPO / "leaflets" / f"{leaflet}.yaml", project)[0]
    catalog = read_po(REPO / "locales" / "th" / "LC_MESSAGES" / f"{leaflet}.po").lookup()
    items = [
        (text.value, catalog[f"{block.id}/{n}", text.value].msgstr)
        for block in source.blocks
        if isinstance(block, ListBlock)
        for n, text in enumerate(block.items, 1)
    ]
    pieces = [
        piece
        for english, thai in items
        for text in (english, thai)
        for piece in re.split(r"\s*\[@[^\]]*\]", text.replace("*", ""))
        if piece.strip()
    ]
    assert pieces
    assert [piece for piece in pieces if read_whole(piece) not in read] == []


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_a_list_number_in_the_parallel_edition_reads_on_its_items_line(
    tmp_path: Path, extractor: str
) -> None:
    """pypdf read every number and bullet of a parallel column as a line of its own
    ("1. " then "Were these cells tested …"): the number's outlines are forms, drawn
    after its text, and it ends a line at each form (``Do``). They are drawn first
    (`list_numbers`)."""
    pdf = build_leaflet(Project.at(REPO), "infusion-safety", "th", tmp_path, edition="parallel")
    alone = re.compile(r"(?:\d+\.|•)")
    lines = EXTRACTORS[extractor](pdf.path).splitlines()
    assert [line for line in lines if alone.fullmatch(line.strip())] == []


def _sides_start_pages(path: Path) -> list[tuple[int, int]]:
    """For each parallel row (a Div holding one Div per language), the page on which
    each language's half starts, read from the structure tree."""
    pdf = pikepdf.open(path)
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, 1)}

    def kids(element: pikepdf.Dictionary) -> list[object]:
        k = element.get("/K")
        return list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]

    def first_page(element: pikepdf.Dictionary, page: pikepdf.Object | None = None) -> int | None:
        page = element.get("/Pg", page)
        for kid in kids(element):
            if isinstance(kid, int) and page is not None:
                return pages[page.objgen]
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                return pages[kid.get("/Pg", page).objgen]  # type: ignore[union-attr]
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR":
                found = first_page(kid, page)
                if found:
                    return found
        return None

    rows: list[tuple[int, int]] = []

    def walk(element: pikepdf.Dictionary) -> None:
        children = [k for k in kids(element) if isinstance(k, pikepdf.Dictionary)]
        divs = [k for k in children if k.get("/S") == "/Div"]
        if element.get("/S") == "/Div" and len(divs) == 2 == len(kids(element)):
            rows.append((first_page(divs[0]) or 0, first_page(divs[1]) or 0))
        for child in children:
            if child.get("/Type") != "/MCR":
                walk(child)

    root = pdf.Root.StructTreeRoot
    assert isinstance(root, pikepdf.Dictionary)
    walk(root)
    return rows


@pytest.mark.parametrize("locale", ["ar", "vi"])
@pytest.mark.parametrize("paragraphs", [3, 4, 5])
def test_a_box_that_fits_in_one_language_only_moves_with_its_source(
    make_project: Callable[..., Path], tmp_path: Path, locale: str, paragraphs: int
) -> None:
    """A5 parallel: the short translated callout fitted at the foot of page 1, the
    English one did not and moved to page 2, so the reader found the translation a
    page away from its source. A row's two languages start on the same page."""
    filler = "Cells given into a vein stay in the body for a short time, and the team watches."
    answer = " ".join(["Ask the clinic what is in the bag and how the team will watch you."] * 3)
    blocks = f"- paragraph: {filler}\n" * paragraphs
    blocks += f"- callout: {answer}\n  kind: key-answer\n  id: answer\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    code, out = invoke("i18n", "init", locale, "--project", str(root))
    assert code == 0, out
    short = {"ar": "اسأل العيادة عن الخلايا.", "vi": "Hãy hỏi phòng khám về tế bào."}[locale]
    set_msgstr(root / "locales" / locale / "LC_MESSAGES" / "sample.po", "answer", short)
    spec = PrintSpec(paper="a5")
    result = build_leaflet(
        Project.at(root), "sample", locale, tmp_path / "out", edition="parallel",
        options=Options(spec=spec),
    )  # fmt: skip
    rows = _sides_start_pages(result.path)
    assert len(rows) >= paragraphs + 2  # the title, the paragraphs, the callout
    assert [row for row in rows if row[0] != row[1]] == []


def _row_paragraphs(row: Table) -> list[TextParagraph]:
    """The paragraph of each column of a one-row parallel table."""
    cells = row._cellvalues[0]
    return [next(f for f in cell if isinstance(f, TextParagraph)) for cell in cells]


ROW_TEXTS = {
    "th": "คุณอาจเคยอ่านว่าระบบภูมิคุ้มกัน “มองไม่เห็น” เซลล์จากผู้บริจาค "
    "บทความทบทวนงานวิจัยชิ้นหนึ่งพบว่าเรื่องนี้ไม่ถูกต้อง พูดอย่างง่ายคือ "
    "เซลล์หลบเลี่ยงระบบภูมิคุ้มกันได้ดีอยู่ระยะหนึ่ง แต่ร่างกายยังสังเกตเห็นเซลล์ของผู้บริจาค"
    "และตอบสนองต่อเซลล์นั้นได้",
    "en": 'You may read that donor MSCs are "invisible" to the immune system. A review '
    "of the research found that this is not correct. Put simply, they are good at "
    "avoiding the immune system for a while. But the body can still notice donor cells "
    "and react to them.",
}


def test_a_parallel_row_splits_each_column_where_its_lines_end() -> None:
    """what-msc-can-do, Thai parallel: the English column ended page 2 with a line
    holding only "But", the Thai one with "หลบเลี่ยง". ReportLab splits a cell's
    paragraph at the cell's width *with* its padding and draws it without: the kept
    part was broken for a wider line than it was set on, and its last word fell onto
    a line of its own. Each page's lines are the whole paragraph's lines."""
    family = default_family()
    writer: Any = SimpleNamespace(lang="th", family=family, styles={"body": body_style()})
    column = 75 * mm

    def paragraphs() -> list[TextParagraph]:
        return [
            make_paragraph(runs_for([(ROW_TEXTS[lang], "")]), body_style(), lang, words=WORDS)
            for lang in ("th", "en")
        ]

    whole = paragraphs()
    tallest = max(p.wrap(column, 10_000)[1] for p in whole)
    expected = [p.line_texts() for p in whole]
    for height in range(40, int(tallest), 7):
        row = side_by_side(paragraphs()[:1], paragraphs()[1:], column, writer)
        row.wrapOn(None, 2 * column + COLUMN_GAP, 10_000)
        parts = row.split(2 * column + COLUMN_GAP, height)
        if not parts:
            continue
        for part in parts:  # as a frame wraps each part before drawing it
            part.wrapOn(None, 2 * column + COLUMN_GAP, 10_000)
        kept, rest = (_row_paragraphs(part) for part in parts)
        for side in (0, 1):
            got = kept[side].line_texts() + rest[side].line_texts()
            assert got == expected[side], (height, side)


def test_the_gap_beside_a_title_follows_its_widened_pitch() -> None:
    """A Thai title whose ผู้ stands under ปั๊ is set farther apart than its style's
    leading (`ink`), past 1.5 em, and writes its text layer larger (`line_pitch`): the
    gap between the columns was sized from the leading, under the layer's size × 1.2
    that keeps pdftotext from reading both titles as one line."""
    family = default_family()
    writer: Any = SimpleNamespace(lang="th", family=family, styles={"body": body_style()})
    title = ParagraphStyle("title", fontName=family.bold, fontSize=24, leading=28)
    text = "ผู้ป่วยปั๊มน้ำ ผู้ป่วยปั๊มน้ำ ผู้ป่วยปั๊มน้ำ ผู้ป่วยปั๊มน้ำ"
    column = 75 * mm
    thai = make_paragraph(runs_for([(text, "")], size=24), title, "th", words=WORDS)
    english = make_paragraph(runs_for([("Patients and pumps", "")], size=24), title, "en")
    thai.in_cell = english.in_cell = True
    row = side_by_side([thai], [english], column, writer)
    row.wrapOn(None, 2 * column + COLUMN_GAP, 10_000)
    assert thai.pitch() > 1.5 * 24  # the case: a layer larger than the drawn text
    left, right = row._cellStyles[0]
    gap = left.rightPadding + right.leftPadding
    assert gap >= SEPARATE_COLUMNS * thai.layer_size() - 0.01


def test_a_list_number_is_written_at_its_items_widened_layer(tmp_path: Path) -> None:
    """An item whose ผู้ stands under ปั๊ is set farther apart than its style's leading
    (`ink`), and writes its text layer at a larger size: its number's text layer, sized
    from the leading (`BlockBuilder`), was written smaller than the first line beside
    it, and pdftotext joins words on one line only at sizes within a fifth."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    from msc_leaflet.typeset.list_numbers import LayeredList

    family = default_family()
    style = ParagraphStyle("item", fontName=family.regular, fontSize=12, leading=16)
    text = "ผู้ป่วยปั๊มน้ำ ผู้ป่วยปั๊มน้ำ ผู้ป่วยปั๊มน้ำ ผู้ป่วยปั๊มน้ำ ผู้ป่วยปั๊มน้ำ"
    item = make_paragraph(runs_for([(text, "")], size=12), style, "th", words=WORDS)
    item.in_cell = True
    listed = LayeredList(
        [item], layer=12, bulletType="1", bulletFontName=family.bold,
        bulletFontSize=12, leftIndent=18,
    )  # fmt: skip
    path = tmp_path / "list.pdf"
    margins = {f"{side}Margin": 10 for side in ("left", "right", "top", "bottom")}
    page = (40 * mm + 32, 200)  # the item 40 mm - 18 pt wide, inside the frame's padding
    SimpleDocTemplate(str(path), pagesize=page, **margins).build([listed])
    assert item.pitch() > 1.5 * 12  # the case: a layer only because of the marks
    sizes = {
        char.get_text(): round(char.size, 1)
        for page in extract_pages(path)
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        for char in line
        if isinstance(char, LTChar)
    }
    assert sizes["1"] == round(item.layer_size(), 1) == sizes["ผ"]


def _parallel_row(bottom: float) -> tuple[Table, float, list[TextParagraph]]:
    """A Thai and English row of `ROW_TEXTS`, ``bottom`` below it, and its width; its
    paragraphs leave no widow, as the theme's body text."""
    family = default_family()
    writer: Any = SimpleNamespace(lang="th", family=family, styles={"body": body_style()})
    column = 75 * mm
    style = body_style()
    style.allowWidows = 0
    paragraphs = [
        make_paragraph(runs_for([(ROW_TEXTS[lang], "")]), style, lang, words=WORDS)
        for lang in ("th", "en")
    ]
    row = side_by_side(paragraphs[:1], paragraphs[1:], column, writer, bottom=bottom)
    return row, 2 * column + COLUMN_GAP, paragraphs


def test_a_parallel_rows_text_fits_where_its_space_below_does_not() -> None:
    """what-research-says, Thai parallel A5: the osteoarthritis row's lines fitted at the
    foot of page 6 with 0.6 pt to spare under its space below, and the whole row went to
    page 7, leaving a third of page 6 empty. A frame drops a paragraph's space after at
    the foot of a page; a row's space below is dropped there too."""
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    bottom = PARAGRAPH_SPACE
    row, width, paragraphs = _parallel_row(bottom)
    text = max(p.wrap(width / 2 - COLUMN_GAP / 2, 10_000)[1] for p in paragraphs)
    frame = Frame(0, 0, width, text + bottom / 2, 0, 0, 0, 0)
    assert frame.add(row, Canvas(BytesIO()))


def test_a_parallel_row_splits_at_any_height_that_keeps_two_lines_each_side() -> None:
    """The row split nowhere when it was less than a point taller than the page's room
    (ReportLab refuses an in-row split leaving less than ``splitInRow`` points): the
    whole row moved on. Each column here has 4 lines or more, so at any height that
    holds 2 lines of each, the row splits, and every part keeps 2 lines of each."""
    row, width, paragraphs = _parallel_row(PARAGRAPH_SPACE)
    row.wrapOn(None, width, 10_000)
    pitches = [p.pitch() for p in paragraphs]
    assert min(len(p.line_texts()) for p in paragraphs) >= 4  # the case
    low = 2 * max(pitches) + 0.5
    heights = [low + step * 0.5 for step in range(int((row._height - low) / 0.5))]
    heights += [row._height - 0.6, row._height - 0.1]
    for height in heights:
        row, width, _ = _parallel_row(PARAGRAPH_SPACE)
        row.wrapOn(None, width, 10_000)
        parts = row.split(width, height)
        assert len(parts) == 2, height
        for part in parts:
            part.wrapOn(None, width, 10_000)
        assert parts[0]._height <= height + 0.01, height
        for part in parts:
            if any(part._cellvalues[0]):  # the second part of a row that fitted is empty
                assert min(len(p.line_texts()) for p in _row_paragraphs(part)) >= 2, height


def test_a_parallel_row_leaves_no_heading_or_question_alone_above_a_rule() -> None:
    """A section heading shares its row with the FAQ under it, whose pairs open with a
    rule: split where the heading and the rule fitted, the heading stood alone at the
    foot of the page above an empty rule (the check looked at the cell's last
    flowable, the rule). Neither a heading nor a question is left at a page's foot
    with nothing but a rule or space after it."""
    from reportlab.platypus.flowables import HRFlowable

    family = default_family()
    writer: Any = SimpleNamespace(lang="th", family=family, styles={"body": body_style()})
    column = 75 * mm
    lead = body_style()
    lead.keepWithNext = 1
    texts = {
        "th": ("คำถามที่พบบ่อย", "เซลล์อยู่ในร่างกายนานเท่าใด", ROW_TEXTS["th"]),
        "en": ("Common questions", "How long do the cells stay?", ROW_TEXTS["en"]),
    }

    def cell(lang: str) -> list[Flowable]:
        heading, question, answer = (
            make_paragraph(runs_for([(text, "")]), style, lang, words=WORDS)
            for text, style in zip(texts[lang], (lead, lead, body_style()), strict=True)
        )
        heading.outline_title = texts[lang][0]
        rule = HRFlowable(width="100%", thickness=0.5, spaceBefore=2, spaceAfter=5)
        return [heading, rule, question, answer, HRFlowable(width="100%"), question]

    width = 2 * column + COLUMN_GAP
    for height in range(10, 200, 2):
        row = side_by_side(cell("th"), cell("en"), column, writer)
        row.wrapOn(None, width, 10_000)
        parts = row.split(width, height)
        if len(parts) != 2:
            continue
        for kept in parts[0]._cellvalues[0]:
            text = [f for f in kept if not isinstance(f, (Spacer, HRFlowable))]
            assert text, height
            assert not text[-1].getKeepWithNext(), (height, text[-1])


FAQ_TEXTS = {
    "th": (
        "ถ้าเซลล์อยู่ในร่างกายได้ไม่นาน แล้วจะช่วยได้อย่างไร?",
        "สัญญาณที่เซลล์ส่งออกมาสามารถเปลี่ยนพฤติกรรมของเซลล์และเซลล์ภูมิคุ้มกันที่อยู่ใกล้เคียงได้ "
        "และการเปลี่ยนแปลงนั้นอาจคงอยู่นานกว่าตัวเซลล์เอง ส่วนผลจะอยู่ได้นานเท่าใดนั้น"
        "แตกต่างกันไปในแต่ละคน และยังอยู่ระหว่างการศึกษา",
        "ร่างกายของฉันจะต่อต้านเซลล์จากผู้บริจาคได้หรือไม่?",
        ROW_TEXTS["th"],
    ),
    "en": (
        "If the cells do not stay long, how can they help?",
        "The signals they send can change how nearby cells behave.",
        "Can my body reject donor cells?",
        ROW_TEXTS["en"],
    ),
}


def _faq_cell(lang: str, pairs: int) -> list[Flowable]:
    """A parallel column of ``pairs`` FAQ pairs as `BlockBuilder.faq` lays them out, one
    flowable each (the row unwraps a pair): a rule, the question (kept with its next),
    the answer."""
    from reportlab.platypus.flowables import HRFlowable

    question = body_style()
    question.keepWithNext = 1
    texts = FAQ_TEXTS[lang]
    out: list[Flowable] = []
    for pair in range(pairs):
        out.append(HRFlowable(width="100%", thickness=0.5, spaceBefore=2, spaceAfter=5))
        styles = (question, body_style())
        for text, style in zip(texts[2 * pair : 2 * pair + 2], styles, strict=True):
            out.append(make_paragraph(runs_for([(text, "")]), style, lang, words=WORDS))
    return out


def _kept_lines(cell: Sequence[Flowable]) -> int:
    return sum(len(f.line_texts()) for f in cell if isinstance(f, TextParagraph))


def test_a_lead_in_at_one_columns_foot_moves_on_alone() -> None:
    """what-msc-can-do, Thai parallel A4, page 4: the English column's next question fitted
    at the foot of the page, its answer did not; to move it on, the whole row was offered
    less room, and the Thai column gave up two lines of its answer. The rest of the row
    then split again on the same page, below a gap: "…ส่วนผลจะ", a blank, "อยู่ได้นาน…",
    and the Thai column ended with the next question's rule alone. A column's trailing
    question, heading or rule moves on by itself; the other column keeps what fits; the
    rest of the row starts the next page; no column ends a page with a rule."""
    from reportlab.platypus.flowables import HRFlowable

    writer: Any = SimpleNamespace(lang="th", family=default_family(), styles={"body": body_style()})
    column = 75 * mm
    width = 2 * column + COLUMN_GAP
    checked = 0
    for height in range(60, 260, 3):
        row = side_by_side(_faq_cell("th", 2), _faq_cell("en", 2), column, writer)
        alone = side_by_side(_faq_cell("th", 2), _faq_cell("en", 1), column, writer)
        for table in (row, alone):
            table.wrapOn(None, width, 10_000)
        parts, reference = row.split(width, height), alone.split(width, height)
        if len(parts) != 2 or len(reference) != 2:
            continue
        for part in parts:
            part.wrapOn(None, width, 10_000)
        kept = parts[0]._cellvalues[0]
        for cell in kept:
            text = [f for f in cell if not isinstance(f, Spacer)]
            assert text and not isinstance(text[-1], HRFlowable), height
            assert not text[-1].getKeepWithNext(), height
        if _kept_lines(reference[0]._cellvalues[0][0]) >= 2:
            assert _kept_lines(kept[0]) == _kept_lines(reference[0]._cellvalues[0][0]), height
            checked += 1
        left = height - parts[0]._height
        assert parts[1].split(width, left) == [] and parts[1]._height > left, height
    assert checked


def _figure_cell(lang: str, image: Path) -> list[Flowable]:
    """A paragraph, then a captioned figure as `BlockBuilder.figure` makes it: the row
    unwraps its keep-together group into image, caption and space."""
    from reportlab.platypus import KeepTogether

    from msc_leaflet.layout.blocks import BlockBuilder
    from msc_leaflet.theme.theme import load_theme

    def paragraph(text: str, style: str = "body", role: str = "") -> TextParagraph:
        return make_paragraph(runs_for([(text, "")]), body_style(), lang, words=WORDS)

    captions = {"th": "ภาพที่ 1 ถุงเลือดบนเสาน้ำเกลือ", "en": "Figure 1. A drip bag on its stand."}
    block: Any = SimpleNamespace(
        path=image, decorative=True, alt=None, caption=SimpleNamespace(value=captions[lang])
    )
    builder: Any = SimpleNamespace(
        width=75 * mm, theme=load_theme(), w=SimpleNamespace(paragraph=paragraph, lang=lang)
    )
    figure = BlockBuilder.figure(builder, block)
    assert isinstance(figure, KeepTogether)
    return [paragraph(ROW_TEXTS[lang]), figure]


def test_a_figure_in_a_parallel_cell_keeps_its_caption(tmp_path: Path) -> None:
    """A parallel row unwraps a figure's keep-together group (a cell cannot hold one):
    split where the image fitted and its caption did not, the image stood at the foot
    of a page and its caption at the top of the next. The image is kept with its
    caption: a column never ends a page with an image."""
    from PIL import Image as PILImage
    from reportlab.platypus import Image

    image = tmp_path / "photo.png"
    PILImage.new("RGB", (400, 200), "teal").save(image)
    writer: Any = SimpleNamespace(lang="th", family=default_family(), styles={"body": body_style()})
    column = 75 * mm
    width = 2 * column + COLUMN_GAP
    split = 0
    for height in range(40, 300, 3):
        row = side_by_side(_figure_cell("th", image), _figure_cell("en", image), column, writer)
        row.wrapOn(None, width, 10_000)
        parts = row.split(width, height)
        if len(parts) != 2:
            continue
        split += 1
        for cell in parts[0]._cellvalues[0]:
            kept = [f for f in cell if not isinstance(f, Spacer)]
            assert kept and not isinstance(kept[-1], Image), height
    assert split


def test_a_caption_is_never_split_nor_parted_from_its_table_in_the_parallel_edition(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Unwrapped into a parallel cell, a figure's caption split like a paragraph: a Thai
    caption of four lines left its last two alone at the top of the next page, under no
    picture (found by a random leaflet, Thai parallel A5); and a table's caption stood
    alone atop the next page, its rows on the one before. Figures with long captions and
    tables, after fillers of every length so that some fall at a page's foot: each
    caption, in each column, reads whole on one page, a table's with its last row."""
    from PIL import Image
    from pypdf import PdfReader

    groups = 30
    blocks = []
    for g in range(groups):
        filler = "Bring your list of medicines and your card. " * (2 + (g * 5) % 17)
        blocks.append(f"- paragraph: Filler {g}. {filler}")
        if g % 2:
            rows = f"[Row {g}, Check-in]\n      - [Room 2, Infusion]\n      - [Last row {g}., Rest]"
            blocks.append(
                f"- table:\n    header: [Room, Step]\n    rows:\n      - {rows}\n"
                f"  caption: Caption {g} starts. caption {g} ends."
            )
        else:
            caption = f"Caption {g} starts. " + "The nurse checks the drip and the pump. " * 7
            blocks.append(
                f"- figure: images/desk.png\n  alt: A desk.\n  caption: {caption}caption {g} ends."
            )
    root = make_project({"sample": leaflet_yaml("\n".join(blocks) + "\n", references="")})
    (root / "images").mkdir()
    Image.new("RGB", (600, 300), "white").save(root / "images" / "desk.png")
    po = root / "locales" / "th" / "LC_MESSAGES"
    po.mkdir(parents=True)
    (po / "sample.po").write_text('msgid ""\nmsgstr ""\n"Language: th\\n"\n', "utf-8")
    options = Options(spec=PrintSpec(paper="a5"))
    out = tmp_path / "out"
    path = build_leaflet(
        Project.at(root), "sample", "th", out, edition="parallel", options=options
    ).path
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    assert len(pages) >= 8
    for g in range(groups):
        starts = [page.count(f"Caption {g} starts.") for page in pages]
        ends = [page.count(f"caption {g} ends.") for page in pages]
        assert sum(starts) == 2, (g, starts)  # each column's
        assert starts == ends, f"caption {g} split over pages: {starts} {ends}"
        if g % 2:
            last = [page.count(f"Last row {g}.") for page in pages]
            assert last == ends, f"table {g}'s caption is parted from its rows: {last} {ends}"
