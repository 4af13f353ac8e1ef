"""What a page shows, against an independent rendering of the same text.

Every other typeset test reads our own numbers back (advances, ``cm`` scales, text
layers); a scale written as 0.011 instead of 0.0105 drew every Thai mark of body text
4.8 % too big and passed them all. Here a line set through the real pipeline and
rendered by pdfium is compared, ink blob by ink blob, with Pillow's raqm layout of the
same text (HarfBuzz shaping, FreeType rasterising) in the font file the build embeds.

Both images have the same pixels per em. The reference is drawn four times larger and
reduced, so FreeType's hinting (which snaps stems and heights at small sizes, as
pdfium does not) moves nothing by more than a fraction of a pixel. Each ink blob
(connected component) of the page is paired with the reference's nearest one; after
the whole line is aligned, each must stand within about a pixel (`PLACE_TOLERANCE`) of
its partner and be as wide and tall within two (antialiasing thickens a stroke by at
most a pixel each side).
"""

from __future__ import annotations

import io
import statistics
from collections import deque
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont, features
from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset.fonts import font_spans, shaping_font
from msc_leaflet.typeset.units import SUPERSCRIPT_MIN_SIZE, SUPERSCRIPT_RISE, SUPERSCRIPT_SCALE

pytestmark = pytest.mark.skipif(
    not features.check("raqm"), reason="Pillow was built without raqm (HarfBuzz layout)"
)

PX_PER_PT = 8
SUPERSAMPLE = 4  # the reference is drawn this much larger, then reduced: no hinting
INK = 128  # a pixel darker than this is ink
#: px. pdfium puts a glyph on its pixel grid: at 8 px/pt the h of "những" (9.5 pt)
#: stands 1.1 px left of the reference, at 16 px/pt in place.
PLACE_TOLERANCE = 1.25
SIZE_TOLERANCE = 2  # px

#: The theme's text sizes (data/theme.yaml `sizes:`).
THEME_SIZES = (9, 9.5, 10.5, 12, 13, 14, 24)
BODY = 10.5

#: One line per script, with its hard cases: stacked and shifted marks, reordering,
#: conjuncts, joining. Every word a real one.
SAMPLES = {
    "th": "ผู้ป่วย ที่นั่น น้ำ ญุ่ ฎู ทำ",  # tone over upper vowel, ญ/ฎ without descender, sara am
    "lo": "ເຈັບປ່ວຍ ຫຼື",  # tone mark, subscript lo
    "km": "ស្ត្រី ក្រុម",  # two coengs, ro pre-base
    "my": "ကျွန်ုပ် အင်္ဂလိပ်",  # medials, kinzi
    "vi": "bệnh viện một những vẫn Ệ Ộ Ữ Ẫ",  # two marks on one letter
    "ar": "لا الطبّ مريض",  # lam-alef, shadda
    "hi": "रोगी क्षेत्र",  # conjunct क्ष, reph-free matras
    "zh_Hans": "患者，请看说明。",
    "ja": "患者さん、よく読んでください。",
    "en": "Stromal cells, AVATAR, office",  # kerning, ligatures
}

#: Japanese and Chinese are set solid (JIS X 4051, clreq): each character on its own
#: em, shaped alone between break opportunities (`units.build_units`), so Noto Sans
#: CJK's kana kerning (し+て) never applies. The reference is set the same way.
SOLID = {"ja", "zh_Hans"}

Box = tuple[int, int, int, int]


def _page_line(runs: list[Run], lang: str, size: float) -> Image.Image:
    """The runs set as one paragraph by the pipeline, rendered by pdfium: its ink."""
    family = default_family()
    style = ParagraphStyle("line", fontName=family.regular, fontSize=size, leading=size * 1.6)
    pdf = io.BytesIO()
    margin = size * 2
    SimpleDocTemplate(
        pdf,
        pagesize=(size * 60, size * 8),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
    ).build([make_paragraph(runs, style, lang)])
    import pypdfium2

    page = pypdfium2.PdfDocument(pdf.getvalue())[0]
    return _ink(page.render(scale=PX_PER_PT, grayscale=True).to_pil().convert("L"))


def _reference(pieces: list[tuple[str, float, float]], lang: str, font: Path) -> Image.Image:
    """``pieces`` (text, size, rise in points) drawn one after another on a baseline by
    raqm in ``font``: its ink."""
    scale = PX_PER_PT * SUPERSAMPLE
    biggest = max(size for _, size, _ in pieces)
    ems = sum(len(text) for text, _, _ in pieces) + 2  # wider than any line of them
    image = Image.new("L", (int(biggest * ems * scale), int(biggest * 4 * scale)), 255)
    draw = ImageDraw.Draw(image)
    x, baseline = biggest * scale, biggest * 2.5 * scale
    direction = "rtl" if lang == "ar" else "ltr"
    solid = ["-kern"] if lang in SOLID else None
    language = lang.replace("_", "-")
    for text, size, rise in pieces:
        face = ImageFont.truetype(str(font), size * scale, layout_engine=ImageFont.Layout.RAQM)
        at = (x, baseline - rise * scale)
        draw.text(
            at,
            text,
            font=face,
            fill=0,
            anchor="ls",
            language=language,
            direction=direction,
            features=solid,
        )
        x += face.getlength(text, direction=direction, features=solid, language=language)
    return _ink(image.reduce(SUPERSAMPLE))


def _ink(image: Image.Image) -> Image.Image:
    box = image.point(lambda v: 255 - v).getbbox()
    assert box, "nothing drawn"
    return image.crop(box)


#: Each grey level as 1 (ink) or 0, for `bytes.translate`.
_INK_TABLE = bytes(int(v < INK) for v in range(256))


def _blobs(image: Image.Image) -> list[Box]:
    """The box of each connected (4-neighbour) blob of ink."""
    width, height = image.size
    ink = bytearray(image.tobytes().translate(_INK_TABLE))  # cleared as blobs are found
    boxes = []
    start = ink.find(1)
    while start >= 0:
        ink[start] = 0
        queue = deque([start])
        x0 = x1 = start % width
        y0 = y1 = start // width
        while queue:
            at = queue.popleft()
            y, x = divmod(at, width)
            x0, x1, y0, y1 = min(x0, x), max(x1, x), min(y0, y), max(y1, y)
            for near, inside in (
                (at + 1, x + 1 < width),
                (at - 1, x > 0),
                (at + width, y + 1 < height),
                (at - width, y > 0),
            ):
                if inside and ink[near]:
                    ink[near] = 0
                    queue.append(near)
        boxes.append((x0, y0, x1 + 1, y1 + 1))
        start = ink.find(1, start)
    return boxes


def _centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _extent(box: Box) -> tuple[int, int]:
    return box[2] - box[0], box[3] - box[1]


def _pairs(ours: list[Box], theirs: list[Box]) -> list[tuple[Box, Box]]:
    """Each blob with the nearest one of the other image (by place and size), the
    closest pairs first: a mark pairs with the mark beside it, never with its letter."""

    def distance(a: Box, b: Box) -> float:
        (ax, ay), (bx, by) = _centre(a), _centre(b)
        (aw, ah), (bw, bh) = _extent(a), _extent(b)
        return (ax - bx) ** 2 + (ay - by) ** 2 + (aw - bw) ** 2 + (ah - bh) ** 2

    ranked = sorted(
        (distance(a, b), i, j) for i, a in enumerate(ours) for j, b in enumerate(theirs)
    )
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs = []
    for _, i, j in ranked:
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            pairs.append((ours[i], theirs[j]))
    return pairs


def _ink_centre(image: Image.Image, box: Box) -> tuple[float, float]:
    """The centre of the ink inside ``box``, weighted by its grey: a fraction of a
    pixel, where a box's edges move by a whole one as antialiasing crosses `INK`."""
    width = box[2] - box[0]
    weights = [255 - v for v in image.crop(box).tobytes()]
    total = sum(weights)
    x = sum(w * (i % width) for i, w in enumerate(weights)) / total
    y = sum(w * (i // width) for i, w in enumerate(weights)) / total
    return box[0] + x, box[1] + y


def differences(page: Image.Image, reference: Image.Image) -> list[str]:
    """Each ink blob the page draws elsewhere, or at another size, than the reference."""
    ours, theirs = _blobs(page), _blobs(reference)
    if len(ours) != len(theirs):
        return [f"{len(ours)} blobs of ink drawn, {len(theirs)} in the reference"]
    pairs = sorted(_pairs(ours, theirs))
    moves = [
        (ax - bx, ay - by)
        for (ax, ay), (bx, by) in (
            (_ink_centre(page, a), _ink_centre(reference, b)) for a, b in pairs
        )
    ]
    dx = statistics.median(move[0] for move in moves)
    dy = statistics.median(move[1] for move in moves)
    found = []
    for (a, b), (move_x, move_y) in zip(pairs, moves, strict=True):
        off_x, off_y = move_x - dx, move_y - dy
        grow_w, grow_h = (p - q for p, q in zip(_extent(a), _extent(b), strict=True))
        if max(abs(off_x), abs(off_y)) > PLACE_TOLERANCE or max(abs(grow_w), abs(grow_h)) > (
            SIZE_TOLERANCE
        ):
            found.append(
                f"ink at {a} (px), reference {b}: moved {off_x:+.1f}, {off_y:+.1f},"
                f" {grow_w:+d} wider, {grow_h:+d} taller"
            )
    return found


def _font_file(text: str, face: str, lang: str) -> Path:
    """The file the build sets ``text`` in (a weight of a variable font: its instance)."""
    faces = {span[2] for span in font_spans(text, face, lang)}
    assert len(faces) == 1, f"{text!r} is set in {faces}: a sample must use one font"
    return Path(shaping_font(faces.pop()).face.filename)


def _compare(text: str, lang: str, size: float, bold: bool = False, italic: bool = False) -> None:
    face = default_family().face(bold=bold, italic=italic)
    page = _page_line([Run(text, face, size, black)], lang, size)
    reference = _reference([(text, size, 0.0)], lang, _font_file(text, face, lang))
    assert differences(page, reference) == []


@pytest.mark.parametrize("size", THEME_SIZES)
@pytest.mark.parametrize("lang", ["th", "vi"])
def test_marks_are_drawn_where_and_as_large_as_the_font_says(lang: str, size: float) -> None:
    """Thai and Vietnamese marks (outlines of their own: `outlines.py`) at every size
    of the theme: the scale rounded to 0.011 at 10.5 pt moved each mark 2 px at 8 px/pt."""
    _compare(SAMPLES[lang], lang, size)


@pytest.mark.parametrize(("bold", "italic"), [(True, False), (False, True), (True, True)])
@pytest.mark.parametrize("lang", ["th", "vi", "km", "ar"])
def test_each_face_is_drawn_as_its_font_file(lang: str, bold: bool, italic: bool) -> None:
    """Bold and italic: Sarabun's own faces, and the static weights made of Noto's
    variable fonts (`instances.py`) for Khmer and Arabic."""
    _compare(SAMPLES[lang], lang, BODY, bold, italic)


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_each_script_is_drawn_as_its_font_and_shaper_say(lang: str) -> None:
    _compare(SAMPLES[lang], lang, BODY)


@pytest.mark.parametrize("size", THEME_SIZES)
@pytest.mark.parametrize(("lang", "word"), [("en", "cells"), ("th", "ผู้ป่วย")])
def test_citation_digits_are_raised_and_sized_as_the_pipeline_says(
    lang: str, word: str, size: float
) -> None:
    """A citation's digits are outlines at their own size and rise (`units._piece`)."""
    face = default_family().regular
    runs = [Run(word, face, size, black), Run("12", face, size, black, superscript=True)]
    small = max(size * SUPERSCRIPT_SCALE, min(size, SUPERSCRIPT_MIN_SIZE))
    pieces = [(word, size, 0.0), ("12", small, size * SUPERSCRIPT_RISE)]
    reference = _reference(pieces, lang, _font_file(word, face, lang))
    assert differences(_page_line(runs, lang, size), reference) == []


#: Thai's and Lao's harder marks, one line each (set as words apart, not sentences):
#: ฐ and ญ lose their tail before a lower vowel (ฐุ ฐู ญุ), a tall consonant pushes its
#: upper marks left (ปี่ ฝั่ง ฟื้น), sara am under a tone mark (ก่ำ ป่ำ ค้ำ), mai
#: taikhu, thanthakhat and mai chattawa (ก็ การ์ด จ๋า). The footer is set at 7 pt.
HARD_MARKS = {
    "th": "ผู้ป่วย ปู่ ญี่ปุ่น ฟุ้ง ที่ น้ำ ฐาน ฐุ ญุ ฐู ปี่ ฝั่ง ฟื้น กำ ก่ำ ป่ำ ค้ำ เป็น ก็ การ์ด จ๋า สิทธิ์",
    "lo": "ຜູ້ປ່ວຍ ປີ້ ນ້ຳ ປ່ຳ ຫຼື ຍູ້",
}


@pytest.mark.parametrize("size", [7, BODY])
@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (False, True)])
@pytest.mark.parametrize("lang", sorted(HARD_MARKS))
def test_hard_marks_are_drawn_where_the_font_says(
    lang: str, bold: bool, italic: bool, size: float
) -> None:
    """Each mark stands where HarfBuzz puts it in the face's own file (the theme sets
    Lao italic in the upright face)."""
    _compare(HARD_MARKS[lang], lang, size, bold, italic)
