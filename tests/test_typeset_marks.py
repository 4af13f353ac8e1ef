"""Thai marks and superscript digits drawn as outlines: each distinct outline is written
once per document (a form XObject) and the text layer reads as before."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageChops, ImageFilter
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, StreamObject
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

import msc_leaflet
from msc_leaflet.layout.styles import build_styles
from msc_leaflet.theme.theme import load_theme
from msc_leaflet.typeset import Run, default_family, make_paragraph, runs_width
from typeset_support import THAI_PARAGRAPHS, build_document

REPO = Path(__file__).resolve().parents[1]


def _forms(path: Path) -> dict[str, int]:
    """Form XObjects on any page: name → size of the object's stream (compressed)."""
    forms: dict[str, int] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        for name, ref in (xobjects.get_object() if xobjects else DictionaryObject()).items():
            assert isinstance(ref, IndirectObject)
            stream = ref.get_object()
            assert isinstance(stream, StreamObject)
            if stream.get("/Subtype") == "/Form":
                forms[name] = len(stream._data)
    return forms


def test_each_mark_outline_is_written_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    once = build_document(tmp_path / "1.pdf", THAI_PARAGRAPHS, monkeypatch=monkeypatch)
    four = build_document(tmp_path / "4.pdf", THAI_PARAGRAPHS, repeat=4, monkeypatch=monkeypatch)
    assert _forms(once.path), "marks are drawn through forms"
    assert set(_forms(four.path)) == set(_forms(once.path))  # more text, no new outline
    for built in (once, four):
        for page in PdfReader(built.path).pages:
            content = page.get_contents()
            assert content is not None
            assert b" c\n" not in content.get_data() and b" c " not in content.get_data()


def test_a_mark_form_says_only_what_is_not_a_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = build_document(tmp_path / "1.pdf", THAI_PARAGRAPHS, monkeypatch=monkeypatch)
    forms = _forms(built.path)
    assert forms
    reader = PdfReader(built.path)
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        xobjects = resources["/XObject"].get_object()
        assert isinstance(xobjects, DictionaryObject)
        for ref in xobjects.values():
            form = ref.get_object()
            assert set(form) - {"/Length"} == {"/Subtype", "/BBox", "/Resources", "/Filter"}
            assert form["/Resources"] == {}  # a path needs none, and inherits none


def test_table_rows_and_footers_read_on_one_line(tmp_path: Path) -> None:
    """pypdf ends a line at every form: the marks go after the page's text, so a table
    cell's Thai (and a footer's two halves) still reads as one line. A row's cells read
    one after the other, each whole: the break between cells (`typeset.cell_edges`)
    ends pypdf's line there, as it ends pdfminer's."""
    project = msc_leaflet.Project.at(REPO)
    result = msc_leaflet.build_leaflet(project, "stromal-or-stem", "th", tmp_path / "out")
    pages = [page.extract_text() for page in PdfReader(result.path).pages]
    lines = [line for text in pages for line in text.splitlines()]
    first, second = lines.index("ตัวบ่งชี้ที่ต้องมี"), lines.index("พบ CD105, CD73 และ CD90 บนเซลล์")
    assert second - first in (1, 2) and not "".join(lines[first + 1 : second]).strip()
    assert any(line.endswith(f"หน้า 1 จาก {len(pages)}") and "MSC-PI" in line for line in lines)
    assert all(not text.endswith("\n") for text in pages)


# Two lines whose marks meet where the lines are set close (a title: 24 pt on 28 pt,
# times the script's leading scale): a vowel or tone mark hanging under the first line
# stands over a stack of marks, or a capital's stacked accents, on the second. Real
# words a leaflet prints; each line is one word, so the column breaks between them.
CLOSE_LINES = [
    ("th", "ผู้ป่วย", "ที่นั่น"),  # ู under ผ, ี่ over ท
    ("th", "รุนแรง", "น้ำ"),  # ุ under ร, ้ and the nikhahit of ำ over น
    ("lo", "ຜູ້ປ່ວຍ", "ນ້ຳ"),  # ູ under ຜ, ້ and ໍ over ນ
    ("vi", "BỆNH", "ỔN"),  # the dot under Ệ, ̉ over ̂ over O
    ("my", "ကျွန်ုပ်", "ကြည့်ရှု"),  # ွ and ု under, ် and ီ over
    ("my", "နှုတ်", "အင်္ဂလိပ်"),  # ှ and ု under, the kinzi over
    ("vi", "VỤ", "LẪN"),  # the dot under Ụ, ̃ over ̂ over A
    ("vi", "NẶNG", "NGƯỜI"),  # the dot under Ặ, ̀ over the horned Ơ
    ("vi", "CỰU", "ẪN"),  # the dot under the horned Ự, ̃ over ̂ over A
    ("km", "ក្រុមគ្រូ", "ញ៉ាំ"),  # ្រ and ុ, ូ under, ៉ and ំ over
    ("hi", "शुद्ध", "धर्मों"),  # ु and the stacked ध under, the reph and ों over
    ("ar", "الطَّبِيبِ", "إِلَّا"),  # kasra under, shadda and fatha over lam-alef
]


def _ink_masks(pdf: Path) -> tuple[Image.Image, Image.Image]:
    """Page 1 at 600 dpi: where red ink is and where blue ink is (mode "1" masks)."""
    page = pypdfium2.PdfDocument(str(pdf))[0].render(scale=600 / 72).to_pil().convert("RGB")
    red, _, blue = page.split()
    reddish = ImageChops.subtract(red, blue).point(lambda v: 255 if v > 60 else 0, "1")
    bluish = ImageChops.subtract(blue, red).point(lambda v: 255 if v > 60 else 0, "1")
    return reddish, bluish


@pytest.mark.parametrize(("lang", "first", "second"), CLOSE_LINES)
@pytest.mark.parametrize("style_name", ["title", "heading", "subheading", "footer"])
def test_the_marks_of_two_lines_never_touch(
    tmp_path: Path, lang: str, first: str, second: str, style_name: str
) -> None:
    """A mark under a line and the marks over the next one met in a Thai title (รุนแรง
    over น้ำ: the ุ and the ้ were one blot). Drawn red over blue, no red ink may come
    within a pixel at 600 dpi (0.12 pt) of blue ink."""
    theme = load_theme(None)
    style = build_styles(theme, default_family(), lang)[style_name]
    runs = [
        Run(first + " ", style.fontName, style.fontSize, Color(1, 0, 0)),
        Run(second, style.fontName, style.fontSize, Color(0, 0, 1)),
    ]
    paragraph = make_paragraph(runs, style, lang)
    width = 1.1 * max(runs_width([run], lang) for run in runs)  # one word a line
    _, height = paragraph.wrap(width, 1000)
    assert paragraph.line_texts() == [first, second]
    pdf = tmp_path / "lines.pdf"
    canvas = Canvas(str(pdf), pagesize=(width + 40, height + 60))
    paragraph.drawOn(canvas, 20, 30)
    canvas.save()
    red, blue = _ink_masks(pdf)
    assert red.getbbox() and blue.getbbox()
    near_red = red.filter(ImageFilter.MaxFilter(3))  # one pixel round the red ink
    assert ImageChops.logical_and(near_red, blue).getbbox() is None


#: A mark shown by itself on U+25CC DOTTED CIRCLE, as the text policy's hint says to
#: write one. Sarabun has no dotted circle: Thai marks stand on another face's, and
#: are centred over it. (Lao, Khmer and Devanagari marks stand where their own font's
#: circle anchors them, a Lao tone mark and the anusvara at its right.)
MARKS_ON_A_CIRCLE = [
    ("th", "\u0e48"),  # mai ek, a tone mark
    ("th", "\u0e31"),  # mai han-akat, an upper vowel
    ("th", "\u0e49"),  # mai tho
    ("th", "\u0e4c"),  # thanthakhat
    ("km", "\u17c9"),  # muusikatoan, over Noto Sans Khmer's own circle
]


@pytest.mark.parametrize(("lang", "mark"), MARKS_ON_A_CIRCLE)
def test_a_mark_on_a_dotted_circle_stands_over_it(tmp_path: Path, lang: str, mark: str) -> None:
    """Shaped alone in Sarabun after Noto Sans Khmer's circle, a Thai tone mark stood
    at the circle's right, beside it: its ink is now centred over the circle's."""
    style = build_styles(load_theme(None), default_family(), lang)["body"]
    runs = [Run("\u25cc" + mark, style.fontName, 40, Color(0, 0, 0))]
    paragraph = make_paragraph(runs, style, lang)
    _, height = paragraph.wrap(200, 1000)
    pdf = tmp_path / "mark.pdf"
    canvas = Canvas(str(pdf), pagesize=(240, height + 60))
    paragraph.drawOn(canvas, 20, 30)
    canvas.save()
    page = pypdfium2.PdfDocument(str(pdf))[0].render(scale=4).to_pil().convert("L")
    ink = page.point(lambda v: 255 if v < 128 else 0, "1")
    box = ink.getbbox()
    assert box is not None
    # The circle is a ring of dots; the mark stands clear above it (or, ं, over its
    # top): the rows of ink above the circle's are the mark's.
    rows = [y for y in range(box[1], box[3]) if ink.crop((0, y, ink.width, y + 1)).getbbox()]
    gaps = [b for a, b in pairwise(rows) if b - a > 1]
    split = gaps[0] if gaps else box[1] + (box[3] - box[1]) // 3
    mark_box = ink.crop((0, 0, ink.width, split)).getbbox()
    circle_box = ink.crop((0, split, ink.width, ink.height)).getbbox()
    assert mark_box is not None and circle_box is not None
    centre = (circle_box[0] + circle_box[2]) / 2
    assert abs((mark_box[0] + mark_box[2]) / 2 - centre) < 0.1 * 40 * 4  # a tenth of an em


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [("en", "Patient", "information"), ("th", "ข้อมูล", "ผู้ป่วย"), ("vi", "Bệnh", "nhân")],
)
def test_lines_whose_marks_stand_apart_keep_their_styles_leading(
    lang: str, first: str, second: str
) -> None:
    """Only lines that would touch are set farther apart: a title whose marks do not
    stand one over the other keeps the theme's pitch."""
    style = build_styles(load_theme(None), default_family(), lang)["title"]
    runs = [Run(f"{first} {second}", style.fontName, style.fontSize, Color(0, 0, 0))]
    paragraph = make_paragraph(runs, style, lang)
    width = 1.1 * max(runs_width([replace(runs[0], text=word)], lang) for word in (first, second))
    _, height = paragraph.wrap(width, 1000)
    assert paragraph.line_texts() == [first, second]
    assert height == pytest.approx(2 * style.leading)


@pytest.mark.parametrize("size", [9.5, 10.5, 13.5])
def test_marks_are_drawn_at_the_size_of_their_text(tmp_path: Path, size: float) -> None:
    """A mark's form is in font units, scaled to the text's size by its ``cm``. The
    scale was written to three decimals: at the theme's 10.5 pt body 0.0105 became
    0.011, so every Thai tone mark and upper vowel was drawn 4.8 % too big and up to
    half a point too high above its letter (9.5 pt: 5 % too small)."""
    from reportlab.platypus import SimpleDocTemplate

    from msc_leaflet.typeset.outlines import units_per_em
    from typeset_support import WORDS, body_style, runs_for

    path = tmp_path / "marks.pdf"
    style = body_style(size=size)
    text_only = [[piece for piece in p if not piece[1].startswith("^")] for p in THAI_PARAGRAPHS]
    story = [make_paragraph(runs_for(p, size), style, "th", words=WORDS) for p in text_only]
    SimpleDocTemplate(str(path)).build(story)
    em = units_per_em(style.fontName)
    scales = []
    for page in PdfReader(path).pages:
        content = page.get_contents()
        assert content is not None
        for line in content.get_data().decode("latin-1").splitlines():
            for drawn in line.split(" Q"):
                words = drawn.split()
                if words[-1:] == ["Do"] and words[0] == "q" and words[7] == "cm":
                    scales.append(float(words[1]))
    assert scales, "the Thai paragraphs have marks"
    assert {round(scale * em, 6) for scale in scales} == {size}


def _drawn_forms(content: str) -> list[tuple[str, float, float, float, str]]:
    """Each form a content stream draws: (name, x, y, scale, fill in effect), with the
    transformation and fill tracked through ``q``/``Q`` and ``cm`` as a reader does."""
    from reportlab.graphics.shapes import mmult

    drawn = []
    ctm: tuple[float, ...] = (1, 0, 0, 1, 0, 0)
    fill = ""
    stack: list[tuple[tuple[float, ...], str]] = []
    operands: list[str] = []
    for token in content.split():
        if token == "q":
            stack.append((ctm, fill))
        elif token == "Q":
            ctm, fill = stack.pop()
        elif token == "cm":
            ctm = tuple(mmult(ctm, tuple(map(float, operands[-6:]))))
        elif token in ("rg", "k", "g"):
            fill = " ".join(operands[-{"rg": 3, "k": 4, "g": 1}[token] :]) + " " + token
        elif token == "Do":
            drawn.append((operands[-1], ctm[4], ctm[5], ctm[0], fill))
        if token[0].isalpha() or token[0] in "'\"" or token in ("q", "Q"):
            operands = []
        else:
            operands.append(token)
    assert not stack, "every q has its Q"
    return drawn


def test_a_run_of_marks_shares_one_save_and_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Marks of a line at one size are written as one ``q … Q``, each moving from the one
    before: a save, a scaling and a restore for every mark made the Thai anchor's page
    content 139 KB (27.7 KB compressed) for 1,800 marks."""
    built = build_document(tmp_path / "1.pdf", THAI_PARAGRAPHS, monkeypatch=monkeypatch)
    for page in PdfReader(built.path).pages:
        content = page.get_contents()
        assert content is not None
        text = content.get_data().decode("latin-1")
        forms = _drawn_forms(text)
        assert len(forms) > 20
        assert text.split().count("q") < len(forms) / 2


def test_a_run_of_marks_lands_where_each_mark_alone_did() -> None:
    """Moves between marks are rounded from where the mark before is drawn as written,
    so a long line of marks never drifts: every mark stays within a thousandth of a
    point of where the layout put it, at sizes whose font unit is no round number."""
    import random

    from msc_leaflet.typeset.outlines import FormPlacer

    rng = random.Random(20)
    for scale in ("0.0105", "0.005127", "0.02", "0.095", "0.0045"):
        ops: list[str] = []
        placer = FormPlacer(ops)
        wanted = []
        x, y = rng.uniform(0, 800), rng.uniform(0, 1100)
        for index in range(600):
            x += rng.uniform(-40, 40)  # right to left, and over the one before
            y += rng.choice([0, 0, rng.uniform(-9, 9)])
            if index % 97 == 0:
                placer.add("1 0 0 rg" if index % 2 else "0 0 1 rg")  # a run of another colour
            placer.place("m0_1", scale, x, y)
            wanted.append((x, y))
        placer.close()
        drawn = _drawn_forms("\n".join(ops))
        assert len(drawn) == len(wanted)
        for (_, dx, dy, drawn_scale, _), (wx, wy) in zip(drawn, wanted, strict=True):
            assert abs(dx - wx) <= 0.001 and abs(dy - wy) <= 0.001
            assert drawn_scale == float(scale)
        fills = [fill for *_, fill in drawn]
        assert fills[0] == "0 0 1 rg" and fills[97] == "1 0 0 rg" and fills[194] == "0 0 1 rg"
        assert fills[-1] == fills[582]  # the colour holds to the end of the last run


def test_each_mark_keeps_the_colour_of_its_text(tmp_path: Path) -> None:
    """A line's marks are drawn after its text object, in runs that share one ``q … Q``:
    a colour change between two words must end a run, or the ``Q`` would undo it and
    the marks of the next word would take the colour of the one before."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import SimpleDocTemplate

    from typeset_support import WORDS, body_style

    red, blue = HexColor("#cc0000"), HexColor("#0000cc")
    words = ["ผู้ป่วย", "ที่นี่", "น้ำ", "ก่อน", "สุขภาพ", "ไม่ใช่", "ยาที่ใช้", "ปั่น"]
    style = body_style()

    def marks_by_fill(coloured: list[tuple[str, Color]]) -> dict[str, int]:
        runs = [Run(text + " ", style.fontName, 11, colour) for text, colour in coloured]
        path = tmp_path / "colours.pdf"
        SimpleDocTemplate(str(path)).build([make_paragraph(runs, style, "th", words=WORDS)])
        counts: dict[str, int] = {}
        for page in PdfReader(path).pages:
            content = page.get_contents()
            assert content is not None
            for *_, fill in _drawn_forms(content.get_data().decode("latin-1")):
                counts[fill] = counts.get(fill, 0) + 1
        return counts

    mixed = [(word, red if i % 3 else blue) for i, word in enumerate(words * 6)]
    counts = marks_by_fill(mixed)
    red_only = marks_by_fill([(w, red) for w, colour in mixed if colour is red])
    blue_only = marks_by_fill([(w, blue) for w, colour in mixed if colour is blue])
    assert len(red_only) == len(blue_only) == 1
    assert sorted(counts.values()) == sorted([*red_only.values(), *blue_only.values()])
    assert set(counts) == {*red_only, *blue_only}


def _text_sizes(content: str) -> list[float]:
    """The size each ``Tf`` of ``content`` sets text at, through the horizontal scaling
    (``Tz``) in force there: glyphs advance by their width × size × scale / 100."""
    sizes, scale, saved = [], 100.0, []
    words = content.split()
    for index, word in enumerate(words):
        if word == "q":
            saved.append(scale)
        elif word == "Q":
            scale = saved.pop()
        elif word == "Tz":
            scale = float(words[index - 1])
        elif word == "Tf":
            sizes.append(float(words[index - 1]) * scale / 100)
    return sizes


@pytest.mark.parametrize("size", [9.5, 10.5, 13.5])
def test_a_widened_text_layer_advances_as_its_text_is_drawn(tmp_path: Path, size: float) -> None:
    """Lines farther apart than extractors join are written at a larger size squeezed
    back by ``Tz`` (`line_pitch`). Both were written to three decimals, so their product
    missed the text's size: 9.5 pt at 1.6 em wrote 10.857 Tf and 87.5 Tz (9.49988 pt),
    and the selection and search boxes of a 250 pt column line drifted from its glyphs.
    Relative tolerance 1e-6: a 1,000 pt line ends within a thousandth of a point."""
    from reportlab.platypus import SimpleDocTemplate

    from typeset_support import WORDS, body_style, runs_for

    path = tmp_path / "layer.pdf"
    style = body_style(size=size)  # leading 1.6 em: past pdfminer's and poppler's 1.5
    text_only = [[piece for piece in p if not piece[1].startswith("^")] for p in THAI_PARAGRAPHS]
    story = [make_paragraph(runs_for(p, size), style, "th", words=WORDS) for p in text_only]
    for paragraph in story:
        paragraph.in_cell = True  # as a table cell's or a parallel column's
    SimpleDocTemplate(str(path)).build(story)
    sizes = []
    for page in PdfReader(path).pages:
        content = page.get_contents()
        assert content is not None
        sizes += _text_sizes(content.get_data().decode("latin-1"))
    assert sizes[0] == 12  # ReportLab's page start, before anything is drawn
    assert sizes[1:], "the paragraphs have a text layer"
    assert sizes[1:] == pytest.approx([size] * (len(sizes) - 1), rel=1e-6)
