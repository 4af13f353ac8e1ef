"""Impose small numbered A5 documents and check the sheets a printer would get."""

from __future__ import annotations

import io
import re
from typing import cast

import pikepdf
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from msc_leaflet.finishing.imposition import impose_booklet

PAGE_W, PAGE_H = A5
BLEED = 3 * mm


def numbered_pdf(pages: int, *, bleed: bool = False, size: tuple[float, float] = A5) -> bytes:
    """``pages`` pages, each with a big centred number and "top of page N" at its top left.

    With ``bleed``, the MediaBox grows by 3 mm on every side, the TrimBox is the A5 page,
    and the bleed is painted solid red: none of that red may reach the sheet.
    """
    buffer = io.BytesIO()
    extra = BLEED if bleed else 0.0
    width, height = size
    canvas = Canvas(
        buffer, pagesize=(width + 2 * extra, height + 2 * extra), invariant=1, lang="th"
    )
    canvas.setTitle("เซลล์ต้นกำเนิด booklet")
    canvas.setAuthor("Test Clinic")
    for number in range(1, pages + 1):
        if bleed:
            canvas.setTrimBox((extra, extra, extra + width, extra + height))
            canvas.setFillColorRGB(1, 0, 0)
            canvas.rect(0, 0, width + 2 * extra, height + 2 * extra, stroke=0, fill=1)
            canvas.setFillColorRGB(1, 1, 1)
            canvas.rect(extra, extra, width, height, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica-Bold", 96)
        canvas.drawCentredString(extra + width / 2, extra + height / 2, str(number))
        canvas.setFont("Helvetica", 12)
        canvas.drawString(extra + 20, extra + height - 30, f"top of page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def sheet_halves(booklet: bytes) -> list[tuple[list[int], list[int]]]:
    """Per sheet: the page numbers a reader finds in its left and right half."""
    document = pdfium.PdfDocument(booklet)
    halves = []
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        text = page.get_textpage()
        left = text.get_text_bounded(0, 0, width / 2, height)
        right = text.get_text_bounded(width / 2, 0, width, height)
        halves.append((_markers(left), _markers(right)))
    return halves


def _markers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"top of page (\d+)", text)]


def marker_direction(booklet: bytes, sheet: int, number: int) -> tuple[float, str]:
    """(x centre, "upright" | "upside down") of the "top of page N" line on a sheet."""
    page = pdfium.PdfDocument(booklet)[sheet]
    text = page.get_textpage()
    found = text.search(f"top of page {number}", match_case=True).get_next()
    assert found is not None, f"page {number} not on sheet {sheet + 1}"
    start, count = found
    first = text.get_charbox(start)
    last = text.get_charbox(start + count - 1)
    # Upright text runs left to right and sits above the middle (it is the top line);
    # turned 180° it runs right to left and sits near the bottom.
    upright = last[0] > first[0]
    assert upright == (first[1] > page.get_height() / 2)
    return (first[0] + last[2]) / 2, "upright" if upright else "upside down"


def test_sheet_is_two_trimmed_pages_wide() -> None:
    booklet = PdfReader(io.BytesIO(impose_booklet(numbered_pdf(8, bleed=True))))
    assert len(booklet.pages) == 4  # 2 sheets, front and back
    for sheet in booklet.pages:
        assert float(sheet.mediabox.width) / mm == pytest.approx(296, abs=0.01)
        assert float(sheet.mediabox.height) / mm == pytest.approx(210, abs=0.01)
        assert list(sheet.trimbox) == list(sheet.mediabox)


A4_LANDSCAPE = (297 * mm, 210 * mm)


@pytest.mark.parametrize("flip", ["short-edge", "long-edge"])
def test_a5_pages_are_imposed_on_an_a4_sheet_folded_in_its_middle(flip: str) -> None:
    """ISO A5 is 148 × 210 mm, so two of them are 296 mm wide, not A4's 297: the sheets
    were 296 × 210 mm, a size no printer holds, which a driver shifts or scales. On A4
    the fold must fall in the middle of the sheet, or the back's fold lands 1 mm off the
    front's. The sheet is A4, the two pages meet at its middle, and the TrimBox (and a
    BleedBox saying there is no bleed) is the 296 mm spread, 0.5 mm in at each side."""
    booklet = impose_booklet(numbered_pdf(8), flip=flip, sheet=A4_LANDSCAPE)
    half = 0.5 * mm
    for sheet in PdfReader(io.BytesIO(booklet)).pages:
        assert [float(v) for v in sheet.mediabox] == pytest.approx([0, 0, *A4_LANDSCAPE], abs=1e-3)
        spread = [half, 0, half + 2 * PAGE_W, PAGE_H]
        assert [float(v) for v in sheet.trimbox] == pytest.approx(spread, abs=1e-3)
        assert [float(v) for v in sheet.bleedbox] == pytest.approx(spread, abs=1e-3)
    if flip == "long-edge":  # the backs are the fronts turned about the sheet's middle
        return
    for side, (left, right) in enumerate(EIGHT):
        # "top of page N" starts 20 pt in from its page's left edge: the left page's at
        # 0.5 mm from the sheet's edge, the right page's at the fold, the sheet's middle.
        assert marker_start(booklet, side, left[0]) == pytest.approx(half + 20, abs=1)
        middle = A4_LANDSCAPE[0] / 2
        assert marker_start(booklet, side, right[0]) == pytest.approx(middle + 20, abs=1)


def test_the_trim_of_an_a5_booklet_lies_within_its_a4_sheet_exactly() -> None:
    """ReportLab writes an A5 page 595.2756 pt tall, the A4 sheet is 595.275591 pt:
    the TrimBox and BleedBox of every sheet ran 0.000009 pt past its MediaBox, which a
    preflight that compares boxes without a tolerance rejects (TrimBox outside the
    MediaBox). The boxes nest exactly, as written in the file."""
    booklet = pikepdf.open(io.BytesIO(impose_booklet(numbered_pdf(8), sheet=A4_LANDSCAPE)))
    for sheet in booklet.pages:
        media, bleed, trim = ([float(v) for v in sheet.obj[box]] for box in BOXES)
        for inner, outer in ((trim, bleed), (bleed, media)):
            assert inner[0] >= outer[0] and inner[1] >= outer[1]
            assert inner[2] <= outer[2] and inner[3] <= outer[3]


BOXES = ("/MediaBox", "/BleedBox", "/TrimBox")


def marker_start(booklet: bytes, sheet: int, number: int) -> float:
    """Where the "top of page N" line begins on a sheet, in points from its left edge."""
    text = pdfium.PdfDocument(booklet)[sheet].get_textpage()
    found = text.search(f"top of page {number}", match_case=True).get_next()
    assert found is not None, f"page {number} not on sheet {sheet + 1}"
    return float(text.get_charbox(found[0])[0])


def test_a_sheet_smaller_than_two_pages_is_refused() -> None:
    with pytest.raises(ValueError, match="sheet"):
        impose_booklet(numbered_pdf(4), sheet=(2 * PAGE_W - 10, PAGE_H))


EIGHT = [([8], [1]), ([2], [7]), ([6], [3]), ([4], [5])]
TWELVE = [([12], [1]), ([2], [11]), ([10], [3]), ([4], [9]), ([8], [5]), ([6], [7])]


@pytest.mark.parametrize(("pages", "expected"), [(8, EIGHT), (12, TWELVE)])
def test_saddle_stitch_order(pages: int, expected: list[tuple[list[int], list[int]]]) -> None:
    """Sides alternate front, back; each holds one page left and one right."""
    assert sheet_halves(impose_booklet(numbered_pdf(pages))) == expected


def test_a_right_to_left_booklet_is_bound_on_the_right() -> None:
    """Arabic and Persian booklets open the other way: page 1 is the left half of the
    first front, and each spread reads right to left."""
    halves = sheet_halves(impose_booklet(numbered_pdf(8), right_to_left=True))
    assert halves == [(right, left) for left, right in EIGHT]


def test_order_is_the_same_for_long_edge() -> None:
    """Turning the backs changes which half a page sits in on paper, not which side."""
    halves = sheet_halves(impose_booklet(numbered_pdf(8), flip="long-edge"))
    assert [sorted(left + right) for left, right in halves] == [
        sorted(left + right) for left, right in EIGHT
    ]


def test_short_edge_prints_everything_upright() -> None:
    booklet = impose_booklet(numbered_pdf(8))
    for sheet, (left, right) in enumerate(EIGHT):
        x_left, left_way = marker_direction(booklet, sheet, left[0])
        x_right, right_way = marker_direction(booklet, sheet, right[0])
        assert (left_way, right_way) == ("upright", "upright")
        assert x_left < x_right


def test_long_edge_turns_backs_half_a_turn() -> None:
    """A back side rotated 180°: its left page lands on the right, upside down."""
    booklet = impose_booklet(numbered_pdf(8), flip="long-edge")
    sheet_width = PAGE_W * 2
    for sheet, (left, right) in enumerate(EIGHT):
        back = sheet % 2 == 1
        x_left, left_way = marker_direction(booklet, sheet, left[0])
        x_right, right_way = marker_direction(booklet, sheet, right[0])
        expected = "upside down" if back else "upright"
        assert (left_way, right_way) == (expected, expected)
        if back:
            assert x_left > sheet_width / 2 > x_right
        else:
            assert x_left < sheet_width / 2 < x_right


@pytest.mark.parametrize("pages", [2, 6, 10])
def test_page_count_must_be_a_multiple_of_four(pages: int) -> None:
    with pytest.raises(ValueError, match=rf"multiple of 4 pages, got {pages}"):
        impose_booklet(numbered_pdf(pages))


def test_pages_must_share_one_size() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5, invariant=1)
    for number in range(4):
        canvas.setPageSize(A5 if number else (A5[1], A5[0]))
        canvas.drawString(20, 20, str(number))
        canvas.showPage()
    canvas.save()
    with pytest.raises(ValueError, match="one page size"):
        impose_booklet(buffer.getvalue())


def test_unknown_flip_is_refused() -> None:
    with pytest.raises(ValueError, match="flip"):
        impose_booklet(numbered_pdf(4), flip="sideways")


def test_same_input_gives_identical_bytes() -> None:
    source = numbered_pdf(8, bleed=True)
    first = impose_booklet(source, flip="long-edge")
    assert impose_booklet(source, flip="long-edge") == first
    # The /ID is derived, not random, and still tells different booklets apart.
    ids = {
        cast(ArrayObject, PdfReader(io.BytesIO(pdf)).trailer["/ID"])[0]
        for pdf in (first, impose_booklet(source), impose_booklet(numbered_pdf(8)))
    }
    assert len(ids) == 3


def test_bleed_outside_the_trim_never_shows() -> None:
    """The red bleed of each page is cut at its trim, including at the fold."""
    imposed = impose_booklet(numbered_pdf(4, bleed=True))
    booklet = pdfium.PdfDocument(imposed)
    for index in range(len(booklet)):
        image = booklet[index].render(scale=2).to_pil().convert("RGB")
        colours = image.getcolors(maxcolors=image.width * image.height) or []
        reddish = [rgb for _, rgb in colours if rgb[0] > 150 and rgb[1] < 100]
        assert reddish == [], f"bleed visible on sheet side {index + 1}"
    assert sheet_halves(imposed) == [([4], [1]), ([2], [3])]


def test_document_information_is_kept() -> None:
    booklet = PdfReader(io.BytesIO(impose_booklet(numbered_pdf(4))))
    assert booklet.metadata is not None
    assert booklet.metadata.title == "เซลล์ต้นกำเนิด booklet"
    assert booklet.metadata.author == "Test Clinic"
    assert str(booklet.root_object["/Lang"]) == "th"
