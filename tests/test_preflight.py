"""Preflight, on small PDFs made for each finding and on the bundled leaflets.

Each crafted PDF breaks one rule a print shop checks; the report must name its
category, severity and page. The bundled builds must pass clean, and no file, however
broken, may make the command crash: one line naming the file, exit 1.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from conftest import REPO
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.cli.app import app
from msc_leaflet.errors import LeafletError
from msc_leaflet.finishing import preflight as preflight_module
from msc_leaflet.finishing.preflight import PreflightReport, Requirements, page_ranges, preflight
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

MM = 72 / 25.4
runner = CliRunner()


def canvas_pdf(path: Path, *pages: Callable[[Canvas], None], **boxes: Any) -> Path:
    """A ReportLab PDF with one page per drawing function."""
    canvas = Canvas(str(path), pagesize=(200, 200), invariant=1)
    for draw in pages:
        if boxes:
            canvas.setTrimBox(boxes["trim"])
            canvas.setBleedBox(boxes["bleed"])
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return path


def blank(canvas: Canvas) -> None:
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.rect(10, 10, 20, 20, stroke=0, fill=1)


def messages(
    report: PreflightReport, severity: str, category: str
) -> list[tuple[str, tuple[int, ...]]]:
    return [
        (f.message, f.pages)
        for f in report.findings
        if f.severity == severity and f.category == category
    ]


def test_a_low_resolution_image_is_found_at_its_placed_size(tmp_path: Path) -> None:
    picture = ImageReader(Image.new("RGB", (150, 150), (200, 30, 30)))

    def image(canvas: Canvas) -> None:
        canvas.drawImage(picture, 20, 20, 72, 72)  # one inch: 150 ppi

    def enlarged(canvas: Canvas) -> None:
        canvas.translate(10, 10)
        canvas.scale(0.5, 0.5)  # the CTM counts: 144 pt × 0.5 is one inch again
        canvas.drawImage(picture, 0, 0, 144, 144)

    report = preflight(canvas_pdf(tmp_path / "image.pdf", blank, image, enlarged))
    (found,) = messages(report, "warning", "images")
    assert "150 ppi" in found[0] and found[1] == (2, 3)
    sharp = ImageReader(Image.new("RGB", (600, 600)))
    report = preflight(
        canvas_pdf(tmp_path / "sharp.pdf", lambda c: c.drawImage(sharp, 0, 0, 72, 72))
    )
    assert messages(report, "warning", "images") == []


def test_a_low_resolution_image_is_named_as_a_print_shop_can_find_it(tmp_path: Path) -> None:
    """The warning named the PDF's internal resource ("image FormXob.9587bc… is 175 ppi"),
    which no print shop or clinic can match to a picture: it now says the picture's
    pixels and its printed size, and how many pixels 300 ppi needs."""
    picture = ImageReader(Image.new("RGB", (150, 100), (200, 30, 30)))
    pdf = canvas_pdf(tmp_path / "image.pdf", lambda c: c.drawImage(picture, 20, 20, 72, 48))
    ((message, pages),) = messages(preflight(pdf), "warning", "images")
    assert "FormXob" not in message and "/" not in message
    assert "150 × 100 px" in message and "25 × 17 mm" in message and "150 ppi" in message
    assert "300 × 200 px" in message and pages == (1,)


def test_a_hairline_is_found_after_scaling(tmp_path: Path) -> None:
    def thin(canvas: Canvas) -> None:
        canvas.setLineWidth(0.1)
        canvas.line(10, 10, 100, 10)

    def scaled(canvas: Canvas) -> None:
        canvas.scale(0.2, 0.2)
        canvas.setLineWidth(1)  # 0.2 pt once scaled
        canvas.line(10, 10, 100, 10)

    def fine(canvas: Canvas) -> None:
        canvas.setLineWidth(0.25)
        canvas.line(10, 10, 100, 10)

    report = preflight(canvas_pdf(tmp_path / "lines.pdf", thin, scaled, fine))
    found = messages(report, "warning", "lines")
    assert [pages for _, pages in found] == [(1,), (2,)]
    assert "0.10 pt" in found[0][0]


def test_total_ink_over_300_percent_is_found(tmp_path: Path) -> None:
    def rich_black(canvas: Canvas) -> None:
        canvas.setFillColorCMYK(1, 1, 1, 1)
        canvas.rect(10, 10, 50, 50, stroke=0, fill=1)

    def registration_stroke(canvas: Canvas) -> None:  # old-style crop marks: cut away
        canvas.setStrokeColorCMYK(1, 1, 1, 1)
        canvas.line(0, 0, 10, 10)

    def rich_rule(canvas: Canvas) -> None:
        canvas.setStrokeColorCMYK(1, 1, 1, 1)
        canvas.setLineWidth(2)
        canvas.line(50, 100, 150, 100)

    report = preflight(
        canvas_pdf(
            tmp_path / "ink.pdf", blank, rich_black, registration_stroke, rich_rule,
            trim=(20, 20, 180, 180), bleed=(12, 12, 188, 188),
        )
    )  # fmt: skip
    assert messages(report, "warning", "ink") == [
        ("400 % total ink in a fill (over 300 %)", (2,)),
        ("400 % total ink in a line (over 300 %)", (4,)),
    ]


def test_a_rich_black_rule_inside_the_trim_is_over_the_ink_limit(tmp_path: Path) -> None:
    """A rule or table line of C100 M100 Y100 K100 passed preflight, since only fills
    were summed (crop marks, once drawn in 4-colour, are strokes): the press lays it down
    as it would a fill. A stroked line reaching inside the TrimBox is now summed too;
    marks outside it, cut away, are not."""

    def rule(canvas: Canvas) -> None:
        canvas.setStrokeColorCMYK(0.9, 0.9, 0.9, 1)
        canvas.rect(30, 30, 100, 100, stroke=1, fill=0)

    report = preflight(canvas_pdf(tmp_path / "rule.pdf", rule))
    assert messages(report, "warning", "ink") == [("370 % total ink in a line (over 300 %)", (1,))]


def test_small_text_and_unembedded_fonts_are_found(tmp_path: Path) -> None:
    def small(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 6)
        canvas.drawString(10, 10, "Six point text")

    def shrunk(canvas: Canvas) -> None:
        canvas.scale(0.5, 0.5)
        canvas.setFont("Helvetica", 12)
        canvas.drawString(10, 10, "Twelve point, halved")

    report = preflight(canvas_pdf(tmp_path / "text.pdf", small, shrunk))
    assert messages(report, "warning", "text") == [("text of 6.0 pt (under 9 pt)", (1, 2))]
    assert messages(report, "error", "fonts") == [("font Helvetica is not embedded", (1, 2))]
    assert messages(report, "info", "fonts") == [("fonts: Helvetica", ())]
    assert not report.passed


def test_white_set_to_overprint_is_an_error(tmp_path: Path) -> None:
    """A designer's white set to overprint (a logo's knocked-out lettering, a white
    rule) prints nothing on press: it adds no ink and no longer clears the inks under
    it, so it vanishes, though every screen shows it. Preflight said nothing; shops'
    preflight profiles stop the job for it. Overprinting ink, and white that knocks
    out, are fine."""

    def white_overprint(canvas: Canvas) -> None:
        canvas.setFillColorCMYK(0.9, 0.05, 0, 0.55)
        canvas.rect(0, 150, 200, 50, stroke=0, fill=1)
        canvas.setFillOverprint(True)
        canvas.setOverprintMask(1)
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(10, 170, "Clinic name")

    def white_fill_overprint(canvas: Canvas) -> None:
        canvas.setFillOverprint(True)
        canvas.setOverprintMask(1)
        canvas.setFillGray(1)
        canvas.rect(10, 10, 50, 50, stroke=0, fill=1)

    def fine(canvas: Canvas) -> None:
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.rect(10, 10, 50, 50, stroke=0, fill=1)  # white knocking out
        canvas.saveState()
        canvas.setFillOverprint(True)
        canvas.setOverprintMask(1)
        canvas.setFillColorCMYK(0, 0, 0, 1)  # black overprinting: as shops set it
        canvas.setFont("Helvetica", 10)
        canvas.drawString(10, 100, "Overprinted black")
        canvas.restoreState()
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.drawString(10, 120, "White after restore")

    report = preflight(
        canvas_pdf(tmp_path / "overprint.pdf", white_overprint, white_fill_overprint, fine)
    )
    assert messages(report, "error", "overprint") == [
        ('white text set to overprint: "Clinic name" vanishes on press; set it to knock '
         "out", (1,)),
        ("a white fill set to overprint vanishes on press; set it to knock out", (2,)),
    ]  # fmt: skip
    assert not report.passed


def test_the_ink_limit_is_the_output_intents(tmp_path: Path) -> None:
    """Total ink was judged against 300 % in every file: a FOGRA39 file's rich black of
    320 % (coated offset lays down 330 %) was warned of, and a newspaper's 270 % (its
    press lays down 240 %) was not. The limit is now the printing condition's that the
    file's PDF/X output intent names, or the one the shop asks for (``--ink-limit``)."""

    def fills(*percents: int) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            for n, percent in enumerate(percents):
                canvas.setFillColorCMYK(1, (percent - 200) / 100, 0, 1)
                canvas.rect(10 + 30 * n, 10, 20, 20, stroke=0, fill=1)

        return draw

    def with_intent(path: Path, condition: str) -> Path:
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            intent = pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
                OutputConditionIdentifier=pikepdf.String(condition),
            )  # fmt: skip
            pdf.Root.OutputIntents = pdf.make_indirect(pikepdf.Array([intent]))
            pdf.save(path)
        return path

    coated = with_intent(canvas_pdf(tmp_path / "coated.pdf", fills(320)), "FOGRA39")
    assert messages(preflight(coated), "warning", "ink") == []
    over = with_intent(canvas_pdf(tmp_path / "over.pdf", fills(320, 340)), "FOGRA39")
    assert messages(preflight(over), "warning", "ink") == [
        ("340 % total ink in a fill (over 330 %, the limit of FOGRA39)", (1,))
    ]
    news = with_intent(canvas_pdf(tmp_path / "news.pdf", fills(230, 270)), "IFRA26")
    assert messages(preflight(news), "warning", "ink") == [
        ("270 % total ink in a fill (over 240 %, the limit of IFRA26)", (1,))
    ]
    plain = canvas_pdf(tmp_path / "plain.pdf", fills(270))
    assert messages(preflight(plain), "warning", "ink") == []
    asked = preflight(plain, Requirements(ink_limit=260))
    assert messages(asked, "warning", "ink") == [
        ("270 % total ink in a fill (over 260 %, the limit asked for)", (1,))
    ]
    result = runner.invoke(app, ["preflight", str(plain), "--ink-limit", "260"])
    assert "over 260 %" in result.output
    refused = runner.invoke(app, ["preflight", str(plain), "--ink-limit", "20"])
    assert refused.exit_code != 0 and "--ink-limit" in refused.output


def test_small_text_on_more_than_one_plate_is_named(tmp_path: Path) -> None:
    """A 9 pt heading in a teal of cyan, magenta and black passed preflight without a
    word, though the plates never register exactly and small type printed on several
    of them gets coloured fringes: the shop's own preflight flags it ("small text in
    more than one separation"). It is a warning naming the page, the text, its size and
    its inks; black text, text on one ink, paper-white text and large text are not."""

    def small_teal(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 9)
        canvas.setFillColorCMYK(0.9, 0.05, 0, 0.55)
        canvas.drawString(10, 10, "Patient information")

    def fine(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 9)
        canvas.setFillColorCMYK(0, 0, 0, 0.85)
        canvas.drawString(10, 10, "Body text on black alone")
        canvas.setFillColorCMYK(0, 1, 0, 0)
        canvas.drawString(10, 30, "Magenta alone")
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.drawString(10, 50, "Paper white on a band")
        canvas.setFont("Helvetica", 14)
        canvas.setFillColorCMYK(0.9, 0.05, 0, 0.55)
        canvas.drawString(10, 70, "A large heading")

    def shrunk(canvas: Canvas) -> None:  # 16 pt text at half size is 8 pt on paper
        canvas.scale(0.5, 0.5)
        canvas.setFont("Helvetica", 16)
        canvas.setFillColorCMYK(0, 0.5, 0.5, 0)
        canvas.drawString(20, 20, "Warning")

    report = preflight(canvas_pdf(tmp_path / "plates.pdf", small_teal, fine, shrunk))
    assert messages(report, "warning", "plates") == [
        ('text under 12 pt on 3 plates (cyan, magenta, black): "Patient information" at '
         "9.0 pt; misregistration blurs it: print small text on one ink", (1,)),
        ('text under 12 pt on 2 plates (magenta, yellow): "Warning" at 8.0 pt; '
         "misregistration blurs it: print small text on one ink", (3,)),
    ]  # fmt: skip
    screen = preflight(canvas_pdf(tmp_path / "rgb.pdf", _rgb_text))
    assert messages(screen, "warning", "plates") == []  # no plates yet: the press separates


def test_small_white_text_knocked_out_of_several_plates_is_named(tmp_path: Path) -> None:
    """White 9 pt contacts on the title band (teal: cyan, magenta and black) passed
    preflight: paper-white text is on no plate, so the check above let it be. But the
    letters are holes in three plates, and the plates never register exactly: one of
    them creeps into the holes and fills the thin strokes in. A shop's preflight flags
    it ("small text knocked out of more than one separation"). A warning names the page,
    the text, its size and the plates it is knocked out of; white text on one ink or on
    paper, large white text and white text on a white panel over the band are not."""

    def band(canvas: Canvas, inks: tuple[float, float, float, float]) -> None:
        canvas.setFillColorCMYK(*inks)
        canvas.rect(0, 150, 200, 50, stroke=0, fill=1)

    def contacts(canvas: Canvas) -> None:
        band(canvas, (0.91, 0.05, 0, 0.55))
        canvas.setFont("Helvetica", 9)
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.drawString(10, 170, "LINE @ednawellness")

    def fine(canvas: Canvas) -> None:
        band(canvas, (1, 0, 0, 0))  # one ink: nothing to misregister
        canvas.setFont("Helvetica", 9)
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.drawString(10, 170, "On cyan alone")
        canvas.drawString(10, 100, "On paper")
        band(canvas, (0.91, 0.05, 0, 0.55))
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.rect(5, 160, 100, 30, stroke=0, fill=1)  # a white panel on the band
        canvas.setFillColorCMYK(0, 0, 0, 0.85)
        canvas.drawString(10, 170, "On the panel")
        canvas.setFont("Helvetica-Bold", 14)
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.drawString(110, 170, "Large")

    def grey_white(canvas: Canvas) -> None:  # white as a grey (1 g) is no ink either
        band(canvas, (0, 0.6, 0.9, 0))
        canvas.setFont("Helvetica", 8)
        canvas.setFillGray(1)
        canvas.drawString(10, 170, "Call 1669")

    report = preflight(canvas_pdf(tmp_path / "reversed.pdf", contacts, fine, grey_white))
    assert messages(report, "warning", "plates") == [
        ('white text under 12 pt knocked out of 3 plates (cyan, magenta, black): '
         '"LINE @ednawellness" at 9.0 pt; misregistration fills it in: set it larger '
         "and bolder, or on a background of one ink", (1,)),
        ('white text under 12 pt knocked out of 2 plates (magenta, yellow): "Call 1669" '
         "at 8.0 pt; misregistration fills it in: set it larger and bolder, or on a "
         "background of one ink", (3,)),
    ]  # fmt: skip


def _rgb_text(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 9)
    canvas.setFillColorRGB(0.04, 0.43, 0.45)
    canvas.drawString(10, 10, "A screen edition")


def test_missing_bleed_is_an_error_when_the_shop_asks_for_it(tmp_path: Path) -> None:
    none = canvas_pdf(tmp_path / "none.pdf", blank)
    three = 3 * MM
    bled = canvas_pdf(
        tmp_path / "bled.pdf", blank, blank,
        trim=(three, three, 200 - three, 200 - three), bleed=(0, 0, 200, 200),
    )  # fmt: skip
    asked = Requirements(bleed=three)
    (found,) = messages(preflight(none, asked), "error", "bleed")
    assert "left, bottom, right, top" in found[0] and found[1] == (1,)
    report = preflight(bled, asked)
    assert report.passed and messages(report, "info", "bleed")[0][1] == (1, 2)
    assert preflight(none).passed  # no bleed asked, none needed
    one_side = canvas_pdf(
        tmp_path / "side.pdf", blank, trim=(three, 0, 200, 200), bleed=(0, 0, 200, 200)
    )
    assert messages(preflight(one_side), "warning", "bleed") == [("bleed on some sides only", (1,))]


def _boxed_page(tmp_path: Path, name: str, **boxes: list[float]) -> Path:
    """One CMYK page with the given page boxes (MediaBox, TrimBox, BleedBox…)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0].obj
    page.Contents = pdf.make_stream(b"0 0 0 1 k 0 0 200 200 re f")
    for key, box in boxes.items():
        page[f"/{key}"] = pikepdf.Array(box)
    pdf.save(tmp_path / f"{name}.pdf")
    return tmp_path / f"{name}.pdf"


def test_bleed_is_what_the_sheet_holds_not_what_the_bleed_box_says(tmp_path: Path) -> None:
    """A BleedBox reaching past the MediaBox counted as bleed, though nothing outside
    the MediaBox is ever printed: a file trimmed at its sheet's edge passed a 3 mm
    bleed check and came back from the guillotine with white edges."""
    b = 3 * MM
    claimed = _boxed_page(
        tmp_path,
        "claimed",
        MediaBox=[0, 0, 200, 200],
        TrimBox=[0, 0, 200, 200],
        BleedBox=[-b, -b, 200 + b, 200 + b],
    )
    report = preflight(claimed, Requirements(bleed=b))
    assert messages(report, "error", "bleed") == [
        ("bleed under 3 mm on the left, bottom, right, top side(s)", (1,))
    ]
    assert not [m for m, _ in messages(report, "info", "bleed")]
    real = _boxed_page(
        tmp_path,
        "real",
        MediaBox=[0, 0, 200, 200],
        TrimBox=[b, b, 200 - b, 200 - b],
        BleedBox=[0, 0, 200, 200],
    )
    assert messages(preflight(real, Requirements(bleed=b)), "info", "bleed") == [
        ("bleed 3 mm on every side", (1,))
    ]


def test_a_trim_box_off_the_sheet_and_an_empty_page_are_errors(tmp_path: Path) -> None:
    off = _boxed_page(tmp_path, "off", MediaBox=[0, 0, 200, 200], TrimBox=[50, 50, 250, 250])
    assert messages(preflight(off), "error", "pages") == [
        ("the TrimBox reaches past the MediaBox: the page would be cut outside the sheet", (1,))
    ]
    empty = _boxed_page(tmp_path, "empty", MediaBox=[0, 0, 0, 0])
    assert messages(preflight(empty), "error", "pages") == [
        ("the page has no area (its MediaBox is empty)", (1,))
    ]


def test_a_trim_box_past_the_bleed_box_is_an_error(tmp_path: Path) -> None:
    """A BleedBox inside the TrimBox (another tool's file, a page box edited by hand)
    passed preflight when no bleed was asked for, though a press prints nothing outside
    the BleedBox (the CropBox of a page without one): the page came back from the
    guillotine with white edges. PDF/X keeps the TrimBox within the BleedBox; every
    shop's preflight stops such a file."""
    within = _boxed_page(
        tmp_path, "within", MediaBox=[0, 0, 200, 200], TrimBox=[0, 0, 200, 200],
        BleedBox=[5, 5, 195, 195],
    )  # fmt: skip
    cropped = _boxed_page(
        tmp_path, "cropped", MediaBox=[0, 0, 200, 200], TrimBox=[0, 0, 200, 200],
        CropBox=[0, 0, 190, 200],
    )  # fmt: skip
    message = (
        "the TrimBox reaches past the BleedBox (or the CropBox, where there is none): "
        "nothing outside it prints, so the cut page would have white edges"
    )
    for path in (within, cropped):
        assert messages(preflight(path), "error", "pages") == [(message, (1,))]
    fine = _boxed_page(
        tmp_path, "fine", MediaBox=[0, 0, 200, 200], TrimBox=[5, 5, 195, 195],
        BleedBox=[5, 5, 195, 195],
    )  # fmt: skip
    assert messages(preflight(fine), "error", "pages") == []


def test_rgb_in_a_cmyk_file_and_the_colour_spaces_used(tmp_path: Path) -> None:
    def rgb(canvas: Canvas) -> None:
        canvas.setFillColorRGB(1, 0, 0)
        canvas.rect(10, 10, 20, 20, stroke=0, fill=1)

    report = preflight(canvas_pdf(tmp_path / "mixed.pdf", blank, rgb))
    assert messages(report, "warning", "colour") == [
        ("RGB colour in a CMYK print file (DeviceRGB)", (2,))
    ]
    assert ("colour spaces: DeviceCMYK, DeviceRGB", ()) in messages(report, "info", "colour")
    screen = preflight(canvas_pdf(tmp_path / "rgb.pdf", rgb))
    assert messages(screen, "warning", "colour") == []


def _cmyk_page_hiding(tmp_path: Path, name: str, content: bytes, **extra: Any) -> Path:
    """A CMYK page (a black square) that also draws ``content`` with ``extra``
    resources; ``annots`` puts annotations on the page."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0].obj
    annots = extra.pop("annots", None)
    page.Resources = pikepdf.Dictionary({f"/{key}": value for key, value in extra.items()})
    page.Contents = pdf.make_stream(b"0 0 0 1 k 10 10 20 20 re f\n" + content)
    if annots is not None:
        page.Annots = pdf.make_indirect(pikepdf.Array(annots(pdf)))
    path = tmp_path / f"{name}.pdf"
    pdf.save(path)
    return path


def _rgb_shading() -> pikepdf.Dictionary:
    red_to_blue = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 0, 0], C1=[0, 0, 1], N=1)
    return pikepdf.Dictionary(
        ShadingType=2,
        ColorSpace=pikepdf.Name.DeviceRGB,
        Coords=[0, 0, 100, 0],
        Function=red_to_blue,
    )


def _rgb_appearance(pdf: pikepdf.Pdf) -> list[pikepdf.Object]:
    stamp = pdf.make_stream(b"1 0 0 rg 0 0 50 20 re f")
    stamp.Type, stamp.Subtype, stamp.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 50, 20]
    annotation = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Stamp,
        Rect=[100, 100, 150, 120],
        F=4,
        AP=pikepdf.Dictionary(N=stamp),
    )
    return [pdf.make_indirect(annotation)]


def test_rgb_hidden_in_shadings_patterns_inline_images_and_stamps_is_found(
    tmp_path: Path,
) -> None:
    """A gradient, a pattern, an inline picture or a stamp of another tool's PDF was
    not looked into, so an RGB one passed preflight in a CMYK file, and in a PDF/X
    one: the press then converts it unmanaged. Each is found, on its page."""
    cases: dict[str, tuple[bytes, dict[str, Any]]] = {
        "sh": (b"/Sh0 sh", {"Shading": pikepdf.Dictionary(Sh0=_rgb_shading())}),
        "shading-pattern": (
            b"/Pattern cs /P0 scn 50 50 40 40 re f",
            {
                "Pattern": pikepdf.Dictionary(
                    P0=pikepdf.Dictionary(PatternType=2, Shading=_rgb_shading())
                )
            },
        ),
        "inline-image": (
            b"q 20 0 0 20 60 60 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID \xff\x00\x00 EI Q",
            {},
        ),
        "stamp": (b"", {"annots": _rgb_appearance}),
    }
    for name, (content, resources) in cases.items():
        report = preflight(_cmyk_page_hiding(tmp_path, name, content, **resources))
        warnings = messages(report, "warning", "colour")
        assert len(warnings) == 1 and "RGB" in warnings[0][0] and warnings[0][1] == (1,), name


def test_rgb_inside_a_tiling_pattern_is_found(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    cell = pdf.make_stream(b"1 0 0 rg 0 0 5 5 re f")
    cell.PatternType, cell.PaintType, cell.TilingType = 1, 1, 1
    cell.BBox, cell.XStep, cell.YStep = [0, 0, 10, 10], 10, 10
    cell.Resources = pikepdf.Dictionary()
    page = pdf.pages[0].obj
    page.Resources = pikepdf.Dictionary(Pattern=pikepdf.Dictionary(P0=cell))
    page.Contents = pdf.make_stream(
        b"0 0 0 1 k 10 10 20 20 re f /Pattern cs /P0 scn 50 50 40 40 re f"
    )
    pdf.save(tmp_path / "tiling.pdf")
    warnings = messages(preflight(tmp_path / "tiling.pdf"), "warning", "colour")
    assert len(warnings) == 1 and "RGB" in warnings[0][0]


def test_a_booklet_needs_a_multiple_of_four_pages(tmp_path: Path) -> None:
    three = canvas_pdf(tmp_path / "three.pdf", blank, blank, blank)
    assert messages(preflight(three, Requirements(booklet=True)), "error", "pages") == [
        ("3 pages: a saddle-stitched booklet needs a multiple of 4", ())
    ]
    four = canvas_pdf(tmp_path / "four.pdf", blank, blank, blank, blank)
    assert preflight(four, Requirements(booklet=True)).passed


def test_an_imposed_booklet_counts_two_pages_a_side(tmp_path: Path) -> None:
    """The print file `build --imposition booklet` makes holds sheet sides, two pages
    each: `preflight --booklet` on it said "2 pages: a saddle-stitched booklet needs a
    multiple of 4" for one correct sheet of four pages, and exited 1."""
    booklet = build(tmp_path, "en", imposition="booklet")
    sides = len(pikepdf.open(booklet).pages)
    report = preflight(booklet, Requirements(booklet=True))
    assert messages(report, "error", "pages") == []
    assert (f"{sides} sheet sides of two pages each: {2 * sides} pages", ()) in messages(
        report, "info", "pages"
    )
    odd = tmp_path / "odd.pdf"  # one side short: a sheet printed on one side only
    with pikepdf.open(booklet) as pdf:
        del pdf.pages[-1]
        pdf.save(odd)
    assert messages(preflight(odd, Requirements(booklet=True)), "error", "pages") == [
        (
            f"{sides - 1} sheet sides of two pages each ({2 * sides - 2} pages): a "
            "saddle-stitched booklet needs a multiple of 4",
            (),
        )
    ]


def build(out: Path, locale: str, **spec: Any) -> Path:
    return build_leaflet(
        Project.at(REPO), "infusion-safety", locale, out, options=Options(spec=PrintSpec(**spec))
    ).path


@pytest.mark.parametrize(
    ("locale", "spec"),
    [
        ("en", {}),
        ("th", {}),
        ("th", {"paper": "a5"}),
        ("en", {"paper": "a5", "colour": "cmyk"}),
        ("th", {"colour": "cmyk", "bleed": 3 * MM, "crop_marks": True}),
    ],
)
def test_the_bundled_leaflets_pass_clean(tmp_path: Path, locale: str, spec: dict[str, Any]) -> None:
    report = preflight(build(tmp_path, locale, **spec), Requirements(bleed=spec.get("bleed", 0)))
    found = [(f.category, f.message, f.pages) for f in report.findings if f.severity != "info"]
    if spec.get("colour") == "cmyk":  # the band's 9 pt white contacts: a true finding
        assert [(c, m.split(":")[0], p) for c, m, p in found] == [
            ("plates", "white text under 12 pt knocked out of 3 plates (cyan, magenta, black)",
             (1,))
        ]  # fmt: skip
        assert '"LINE @ednawellness' in found[0][1]
        found = []
    assert found == []
    spaces = {"rgb": "DeviceRGB", "cmyk": "DeviceCMYK"}[spec.get("colour", "rgb")]
    if spec.get("crop_marks"):  # marks in the Registration colour, on every plate
        spaces += ", Separation All"
    assert (f"colour spaces: {spaces}", ()) in messages(report, "info", "colour")


def test_the_command_reports_pages_json_and_exit_codes(tmp_path: Path) -> None:
    good = canvas_pdf(tmp_path / "good.pdf", blank, blank)
    bad = canvas_pdf(tmp_path / "bad.pdf", blank, lambda c: c.drawString(9, 9, "x"))
    result = runner.invoke(app, ["preflight", str(good)])
    size = "trimmed size 70.6 × 70.6 mm (200 × 200 pt)"  # 200 pt is no tenth of a mm
    assert result.exit_code == 0 and f"{size} (pages 1–2)" in result.output
    result = runner.invoke(app, ["preflight", str(good), str(bad)])
    assert result.exit_code == 1
    assert "error   fonts    font Helvetica is not embedded (page 2)" in result.output
    result = runner.invoke(app, ["preflight", str(good), str(bad), "--json"])
    document = json.loads(result.stdout)
    assert [f["passed"] for f in document["files"]] == [True, False]
    assert runner.invoke(app, ["preflight", str(good), "--bleed", "3"]).exit_code == 2


def test_a_folder_is_every_pdf_under_it(tmp_path: Path) -> None:
    """A print shop is handed a build's output folder: each PDF in it is checked, in
    name order; a folder with none is an error naming it, not "not a regular file"."""
    (tmp_path / "build" / "th").mkdir(parents=True)
    canvas_pdf(tmp_path / "build" / "th" / "b.pdf", blank)
    canvas_pdf(tmp_path / "build" / "a.pdf", blank)
    (tmp_path / "build" / "manifest.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["preflight", str(tmp_path / "build"), "--json"])
    assert result.exit_code == 0, result.output
    names = [
        Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(result.stdout)["files"]
    ]
    assert names == ["build/a.pdf", "build/th/b.pdf"]
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["preflight", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert "empty: error: holds no PDF files to check" in result.output
    assert "Traceback" not in result.output


def hostile(path: Path) -> dict[str, bytes]:
    """PDFs made to trip a reader: loops, junk operands, deep nesting, encryption."""
    made: dict[str, bytes] = {}
    pdf = pikepdf.new()
    pdf.add_blank_page()
    form = pikepdf.Stream(pdf, b"/Fm1 Do 0 0 m 9 9 l S")
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 9, 9]
    form = pdf.make_indirect(form)
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=form))  # draws itself
    page = pdf.pages[0].obj
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=form))
    junk = b"/Fm1 Do /Name w (x) Tf 1 2 cm BT /Nope 3 Tf (t) Tj ET 1 1 1 1 1 k /Missing Do "
    page.Contents = pdf.make_stream(junk + b"q " * 50_000 + b"Q " * 60_000 + b"0.5 0.5 0.5 0.5 k f")
    page.MediaBox = [0, 0, "x", 9]
    buffer = io.BytesIO()
    pdf.save(buffer)
    made["loops.pdf"] = buffer.getvalue()
    page.MediaBox = [0, 0, 200, 200]
    page.TrimBox = pikepdf.Dictionary()
    buffer = io.BytesIO()
    pdf.save(buffer)
    made["junk.pdf"] = buffer.getvalue()
    buffer = io.BytesIO()
    pdf.save(buffer, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    made["encrypted.pdf"] = buffer.getvalue()
    made["garbage.pdf"] = bytes(range(256)) * 10
    made["empty.pdf"] = b""
    made["truncated.pdf"] = made["junk.pdf"][: len(made["junk.pdf"]) // 3]
    made["headed.pdf"] = b"%PDF-1.7\n" + bytes(range(256)) * 10
    for name, data in made.items():
        (path / name).write_bytes(data)
    return made


def test_no_file_makes_it_crash(tmp_path: Path) -> None:
    names = hostile(tmp_path)
    (tmp_path / "folder.pdf").mkdir()
    for name in [*names, "folder.pdf", "absent.pdf"]:
        result = runner.invoke(app, ["preflight", str(tmp_path / name)])
        assert result.exit_code in (0, 1), (name, result.output)
        assert "Traceback" not in result.output and "internal error" not in result.output, name
        if result.exit_code == 1 and "error:" in result.output:
            assert name in result.output
    with pytest.raises(LeafletError, match="password"):
        preflight(tmp_path / "encrypted.pdf")
    report = preflight(tmp_path / "junk.pdf")  # readable: what can be read is reported
    assert report.pages == 1
    # What a print shop can do about it, not qpdf's reason ("trailer dictionary").
    for name, message in [
        ("empty.pdf", "the file is empty"),
        ("garbage.pdf", "not a PDF: it has no %PDF- header"),
        ("headed.pdf", "the PDF is damaged beyond repair: it cannot be checked"),
    ]:
        with pytest.raises(LeafletError) as caught:
            preflight(tmp_path / name)
        assert caught.value.message == message and caught.value.hint, name


def test_page_ranges() -> None:
    assert page_ranges([5, 1, 2, 3, 3]) == "1–3, 5"
    assert page_ranges([]) == ""


def test_a_pdf_without_pages_fails(tmp_path: Path) -> None:
    """No page to print, or none a reader finds (a page whose box is a number too large
    to read is dropped by qpdf): it passed as "0 page(s), 0 error(s)", exit 0."""
    empty = tmp_path / "no-pages.pdf"
    pikepdf.new().save(empty)
    unreadable = pikepdf.new()
    unreadable.add_blank_page()
    unreadable.pages[0].obj.MediaBox = [0, 0, 1e308, 1e308]  # written as 309 digits
    unreadable.save(tmp_path / "lost-page.pdf")
    for path in (empty, tmp_path / "lost-page.pdf"):
        report = preflight(path)
        assert not report.passed and report.pages == 0
        assert messages(report, "error", "pages") == [("the PDF has no page to print", ())]
        result = runner.invoke(app, ["preflight", str(path)])
        assert result.exit_code == 1 and "error   pages    the PDF has no page" in result.output


def test_a_pdf_locked_by_its_owner_is_reported(tmp_path: Path) -> None:
    """A PDF encrypted with only an owner password opens without one, so preflight
    passed it clean, and its PDF/A claim with it: PDF/A and PDF/X forbid encryption,
    and the shop's imposition software may refuse to edit a locked file."""
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(build(tmp_path / "out", "en")) as pdf:  # a screen build: PDF/A-2u
        pdf.save(locked, encryption=pikepdf.Encryption(owner="shop", user=""))
    report = preflight(locked)
    assert messages(report, "warning", "file") == [
        (
            "the PDF is encrypted (its owner restricted what may be done with it); the "
            "press's software may refuse to impose or edit it: export it without security",
            (),
        )
    ]
    assert messages(report, "error", "standard") == [
        ("claims PDF/A-2u but is encrypted, which PDF/A and PDF/X forbid", ())
    ]


def test_a_damaged_file_read_after_repair_is_a_warning(tmp_path: Path) -> None:
    """qpdf rebuilds a lost cross-reference table and reads on; the shop's RIP may not,
    or may read other pages. It passed without a word."""
    good = canvas_pdf(tmp_path / "good.pdf", blank)
    data = good.read_bytes()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n")
    assert messages(preflight(good), "warning", "file") == []
    report = preflight(damaged)
    assert report.passed and report.pages == 1
    (found,) = messages(report, "warning", "file")
    assert found[0].startswith("the file is damaged") and "xref" not in found[0]


def test_javascript_is_found_wherever_a_reader_would_run_it(tmp_path: Path) -> None:
    """PDF/A and PDF/X forbid scripts and a press ignores them: a file that opens a
    script, runs one from a link or a page, or names one in its document-level list
    prints other than it shows on screen. It passed without a word."""
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))

    def with_script(name: str, place: Callable[[pikepdf.Pdf], None]) -> Path:
        pdf = pikepdf.new()
        pdf.add_blank_page()
        place(pdf)
        pdf.save(tmp_path / name)
        return tmp_path / name

    def link(pdf: pikepdf.Pdf) -> None:
        annot = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                                   Rect=[0, 0, 9, 9], A=script)  # fmt: skip
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(annot)]))

    places: dict[str, Callable[[pikepdf.Pdf], None]] = {
        "open.pdf": lambda pdf: setattr(pdf.Root, "OpenAction", script),
        "named.pdf": lambda pdf: setattr(pdf.Root, "Names", pikepdf.Dictionary(
            JavaScript=pikepdf.Dictionary(Names=[pikepdf.String("x"), script]))),
        "page.pdf": lambda pdf: setattr(pdf.pages[0].obj, "AA", pikepdf.Dictionary(O=script)),
        "link.pdf": link,
    }  # fmt: skip
    for name, place in places.items():
        found = messages(preflight(with_script(name, place)), "warning", "file")
        assert found == [("the PDF holds JavaScript, which a press does not run", ())], name
    assert messages(preflight(canvas_pdf(tmp_path / "plain.pdf", blank)), "warning", "file") == []


def test_a_looping_action_chain_is_walked_within_a_budget(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Named, N=pikepdf.Name.NextPage))
    action.Next = pikepdf.Array([action] * 50)  # each step fans out to itself, 50 times
    pdf.Root.OpenAction = action
    pdf.save(tmp_path / "loop.pdf")
    assert messages(preflight(tmp_path / "loop.pdf"), "warning", "file") == []


# --- a small file that decodes to a huge one is checked in bounded memory -------------


def content_bomb(path: Path, content: Iterable[bytes], where: str = "page") -> Path:
    """A one-page PDF whose content (or a form it draws) is ``content``, Flate-compressed:
    a few hundred kB on disk, however large it decodes."""
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(part) for part in content) + packer.flush()
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    stream = pikepdf.Stream(pdf, data)
    stream.Filter = pikepdf.Name.FlateDecode
    if where == "page":
        pdf.pages[0].Contents = stream
    elif where == "metadata":  # no /Type /Metadata: qpdf would write it decompressed
        pdf.Root.Metadata = stream
    else:
        stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        stream.BBox = [0, 0, 200, 200]
        pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=stream))
        pdf.pages[0].Contents = pikepdf.Stream(pdf, b"q /Fm1 Do Q")
    pdf.save(path, stream_decode_level=pikepdf.StreamDecodeLevel.none, fix_metadata_version=False)
    return path


#: Preflight of the file argv[1] in a process that may not map more than 1.5 GB (its
#: peak resident memory printed last: VmHWM, as ru_maxrss carries the parent's peak
#: across exec), with the
#: operator cap lowered to 200,000 so the stop comes in a second (the cap is what bounds
#: the time; the memory must stay bounded whatever it is).
BOUNDED = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
from msc_leaflet.finishing import content_scan
from msc_leaflet.finishing.preflight import preflight
content_scan.MAX_OPERATORS = 200_000
report = preflight(Path(sys.argv[1]))
print("\\n".join(f.message for f in report.findings if f.category == "file"))
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
print("peak", int(hwm.split()[1]) // 1024, "MB")
"""


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ((b" " * 1_000_000 for _ in range(1_200)), "page", "larger than"),
        ((b" " * 1_000_000 for _ in range(1_200)), "form", "larger than"),
        ((b"0 g\n" * 1_000_000 for _ in range(8)), "page", "more than 200,000 operators"),
        ((b"0 " * 1_000_000 for _ in range(8)), "page", "more than 800,000 values"),
        ((b" " * 1_000_000 for _ in range(400)), "metadata", ""),
    ],
    ids=[
        "decodes-to-1.2-GB",
        "form-decodes-to-1.2-GB",
        "8-million-operators",
        "no-operator",
        "metadata-decodes-to-400-MB",
    ],
)
def test_a_content_bomb_is_reported_in_bounded_memory(
    tmp_path: Path, content: Iterable[bytes], where: str, message: str
) -> None:
    """A 1.2 MB file decoding to 1.2 GB of content took 2.4 GB to read, and a 31 kB one of
    8 million operators 3.5 GB (the whole stream was parsed into a list before the
    operator cap applied): a print shop's machine was at the mercy of any PDF."""
    pdf = content_bomb(tmp_path / "bomb.pdf", content, where)
    assert pdf.stat().st_size < 1_500_000
    result = subprocess.run(
        [sys.executable, "-c", BOUNDED, str(pdf)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split("peak ")[1].split()[0]) < 600, result.stdout
    if message:
        assert message in result.stdout and "not checked" in result.stdout, result.stdout


def test_an_inline_image_is_found_at_its_placed_size(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    pixels = bytes(range(16))
    pdf.pages[0].Contents = pikepdf.Stream(
        pdf, b"q 144 0 0 144 0 0 cm BI /W 4 /H 4 /CS /G /BPC 8 ID " + pixels + b" EI Q"
    )
    pdf.save(tmp_path / "inline.pdf")
    [(message, pages)] = messages(preflight(tmp_path / "inline.pdf"), "warning", "images")
    assert "inline image" in message and "2 ppi" in message and pages == (1,)


def _annotated(
    path: Path,
    claim: str,
    annots: Callable[[pikepdf.Pdf], list[list[Any]]],
    trapped: str = "<pdf:Trapped>False</pdf:Trapped>",
) -> Path:
    """A CMYK file of one page per list ``annots`` gives (200 pt square, 3 mm bleed),
    claiming ``claim`` in its XMP ("" for none) with the output intent it needs and
    ``trapped``, the XMP's statement of trapping."""
    pdf = pikepdf.new()
    for listed in annots(pdf):
        pdf.add_blank_page(page_size=(200, 200))
        page = pdf.pages[-1].obj
        page.TrimBox, page.BleedBox = [10, 10, 190, 190], [1.5, 1.5, 198.5, 198.5]
        page.Contents = pdf.make_stream(b"0 0 0 1 k 20 20 50 50 re f")
        if listed:
            page.Annots = pikepdf.Array(listed)
    if claim:
        xmp = (
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf='
            '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
            'xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" '
            'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdfxid:GTS_PDFXVersion>'
            f"{claim}</pdfxid:GTS_PDFXVersion>{trapped}</rdf:Description></rdf:RDF>"
            "</x:xmpmeta>"
        )
        pdf.Root.Metadata = pdf.make_stream(xmp.encode(), Type=pikepdf.Name.Metadata)
        intent = pikepdf.Dictionary(Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX)
        intent.OutputConditionIdentifier = pikepdf.String("FOGRA39")
        pdf.Root.OutputIntents = pikepdf.Array([intent])
    pdf.save(path, fix_metadata_version=False)
    return path


def _annotations(pdf: pikepdf.Pdf) -> list[list[Any]]:
    """Page 1: a link; page 2: a link in the slug and the press's own marks; page 3: a
    hidden note and a stamp that prints its appearance."""

    def annotation(subtype: str, rect: list[float], **extra: Any) -> Any:
        made = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(subtype), **extra)
        made.Rect = rect
        return pdf.make_indirect(made)

    stamp = pdf.make_stream(b"0 0 0 1 k 0 0 50 20 re f")
    stamp.Type, stamp.Subtype, stamp.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 50, 20]
    return [
        [annotation("/Link", [40, 40, 120, 52], F=4, Border=[0, 0, 0])],
        [annotation("/Link", [0, 0, 1, 1]), annotation("/PrinterMark", [0, 0, 200, 200]),
         annotation("/TrapNet", [0, 0, 200, 200])],
        [annotation("/Text", [150, 150, 170, 170], F=2),
         annotation("/Stamp", [60, 100, 110, 120], F=4, AP=pikepdf.Dictionary(N=stamp))],
    ]  # fmt: skip


def test_an_annotation_where_a_pdfx_file_prints_is_an_error(tmp_path: Path) -> None:
    """PDF/X allows inside the BleedBox no annotation but TrapNet and PrinterMark (ISO
    15930-7, as -1a and -3; only PDF/X-6 relaxed it), and every shop's PDF/X preflight
    rejects a file with a link there: ours passed one without a word. It is an error
    naming page and kind in a file that claims PDF/X; in a plain CMYK file only an
    annotation that prints something is worth a warning, since a press's software may
    print it or leave it out; one in the slug, or the press's own, is no finding."""
    pdfx = preflight(_annotated(tmp_path / "x.pdf", "PDF/X-4", _annotations))
    assert pdfx.standard == "PDF/X-4"
    found = messages(pdfx, "error", "standard")
    assert [(message.split(" ")[0], pages) for message, pages in found] == [
        ("Link", (1,)), ("Text", (3,)), ("Stamp", (3,))
    ]  # fmt: skip
    assert all("BleedBox" in m and "TrapNet" in m and "PrinterMark" in m for m, _ in found)
    assert not pdfx.passed
    plain = preflight(_annotated(tmp_path / "plain.pdf", "", _annotations))
    assert messages(plain, "error", "standard") == []
    printed = [(m.split(" ")[0], p) for m, p in messages(plain, "warning", "file")]
    assert printed == [("Stamp", (3,))]
    quiet = preflight(_annotated(tmp_path / "quiet.pdf", "PDF/X-4", lambda pdf: [[], []]))
    assert quiet.passed and messages(quiet, "error", "standard") == []


def _outlined_line(
    colour: tuple[float, float, float, float], band: tuple[float, float, float, float], layer: float
) -> Callable[[Canvas], None]:
    """A page with a band of ``band`` inks and on it a 10 pt Thai line in ``colour``, drawn
    as the layout draws it: with its text layer written at ``layer`` points (0: as it
    is drawn), its glyphs as outlines where the layer is larger (`line_pitch`)."""
    from reportlab.lib.colors import CMYKColor

    from msc_leaflet.typeset.fonts import default_family
    from msc_leaflet.typeset.render import draw_placed, finish_page, place_units
    from msc_leaflet.typeset.runs import Run
    from msc_leaflet.typeset.segmentation import EMPTY_WORD_LIST
    from msc_leaflet.typeset.units import build_units

    def draw(canvas: Canvas) -> None:
        canvas.setFillColorCMYK(*band)
        canvas.rect(0, 100, 200, 100, stroke=0, fill=1)
        run = Run("โทรหาแพทย์ทันที", default_family().regular, 10, CMYKColor(*colour))
        units = build_units([run], "th", EMPTY_WORD_LIST)
        draw_placed(canvas, 150, place_units(units, 20), layer)
        finish_page(canvas)

    return draw


def test_small_text_drawn_as_outlines_is_checked_for_plates(tmp_path: Path) -> None:
    """A Thai table cell or a column of the parallel edition writes its text layer
    invisibly, larger than it is drawn, and draws its glyphs as outlines (as it draws
    a citation's digits): a callout of 10 pt white Thai on a band of cyan, magenta and
    black, or 10 pt Thai in a teal of three inks, passed preflight without a word,
    though the same line written as visible text was named. Text is judged as it
    prints, however it is written; its size is its text layer's (the file does not
    say the glyphs'), here that of lines 1.6 em apart."""
    from msc_leaflet.typeset.line_pitch import layer_size

    teal, white, paper = (0.91, 0.05, 0, 0.55), (0.0, 0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 0.0)
    layer = layer_size(10, 16)
    outlined = canvas_pdf(
        tmp_path / "outlined.pdf",
        _outlined_line(white, teal, layer),
        _outlined_line(teal, paper, layer),
        _outlined_line(white, (1, 0, 0, 0), layer),  # on one ink: nothing to fill in
        _outlined_line((0, 0, 0, 0.85), paper, layer),  # black alone
    )
    written = canvas_pdf(
        tmp_path / "written.pdf", _outlined_line(white, teal, 0), _outlined_line(teal, paper, 0)
    )

    def expected(size: float) -> list[tuple[str, tuple[int, ...]]]:
        return [
            ('white text under 12 pt knocked out of 3 plates (cyan, magenta, black): '
             f'"โทรหาแพทย์ทันที" at {size:.1f} pt; misregistration fills it in: set it '
             "larger and bolder, or on a background of one ink", (1,)),
            ('text under 12 pt on 3 plates (cyan, magenta, black): "โทรหาแพทย์ทันที" at '
             f"{size:.1f} pt; misregistration blurs it: print small text on one ink", (2,)),
        ]  # fmt: skip

    assert messages(preflight(written), "warning", "plates") == expected(10)
    assert messages(preflight(outlined), "warning", "plates") == expected(layer)
    assert 10 < layer < 12


def test_the_registration_colour_inside_the_trim_is_an_error(tmp_path: Path) -> None:
    """Text or a fill in the Registration colour (Separation /All: the swatch a designer
    picks by mistake for "black") prints on every plate the RIP makes, spot plates
    included: 400 % ink that smears, and fringes wherever the plates misregister. It
    passed preflight without a word, since only process CMYK was summed. Inside the
    trim it is an error naming the page and the text; crop marks drawn in it outside
    the trim, as they should be, are not."""
    from reportlab.lib.colors import CMYKColorSep

    registration = CMYKColorSep(1, 1, 1, 1, spotName="All")

    def text(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.setFillColor(registration)
        canvas.drawString(20, 100, "Call the clinic")

    def fill(canvas: Canvas) -> None:
        canvas.setFillColor(registration)
        canvas.rect(20, 20, 50, 50, stroke=0, fill=1)

    def marks(canvas: Canvas) -> None:  # the trim is 10 pt in from each side
        canvas.setStrokeColor(registration)
        canvas.setLineWidth(0.25)
        canvas.line(10, 0, 10, 6)
        canvas.line(0, 10, 6, 10)
        canvas.setFillColorCMYK(0, 0, 0, 1)
        canvas.rect(20, 20, 50, 50, stroke=0, fill=1)

    boxes = {"trim": (10, 10, 190, 190), "bleed": (10, 10, 190, 190)}
    report = preflight(canvas_pdf(tmp_path / "registration.pdf", text, fill, marks, **boxes))
    found = messages(report, "error", "ink")
    assert [pages for _, pages in found] == [(1,), (2,)]
    assert '"Call the clinic"' in found[0][0]
    assert all("Registration" in message and "every plate" in message for message, _ in found)


def test_pages_sharing_heavy_content_are_read_within_one_files_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page's content was capped, but not the file's: pages may share one content
    stream (or one form), so a 33 kB file of 200 pages each drawing the same 400,000
    operators kept a print shop's preflight busy for seven minutes, and ten times as
    many pages for over an hour. The file now has a budget too (lowered here so the
    test is quick): the pages past it are named as not checked, an error, and their
    boxes are still checked."""
    monkeypatch.setattr(preflight_module, "MAX_FILE_OPERATORS", 50_000)
    pdf = pikepdf.new()
    shared = pdf.make_stream(b"0 0 0 1 k\n" + b"0 0 1 1 re f\n" * 10_000)  # 20,001 operators
    for _ in range(10):
        pdf.add_blank_page(page_size=(200, 200))
        pdf.pages[-1].obj.Contents = shared
    pdf.save(tmp_path / "shared.pdf")
    report = preflight(tmp_path / "shared.pdf")
    [(message, pages)] = messages(report, "error", "file")
    assert "not checked" in message and "50,000" in message
    assert pages == (4, 5, 6, 7, 8, 9, 10)
    size = "trimmed size 70.6 × 70.6 mm (200 × 200 pt)"
    assert messages(report, "info", "pages") == [(size, tuple(range(1, 11)))]
    assert not report.passed


def test_white_lines_and_spot_colours_at_no_tint_set_to_overprint_are_errors(
    tmp_path: Path,
) -> None:
    """Only white fills and filled text were judged: a white rule or outlined white
    lettering set to overprint (a stroke, /OP), and a spot colour at tint 0 set to
    overprint (a logo's Pantone, which names its own plate only, in any overprint mode,
    and shows on screen as its alternate's white), passed preflight, and vanished on
    press just the same. A black line overprinting, and a spot colour with ink, are
    fine."""
    spot = pikepdf.Array([
        pikepdf.Name.Separation, pikepdf.Name("/PANTONE 151 C"), pikepdf.Name.DeviceCMYK,
        pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[0, 0.6, 1, 0], N=1),
    ])  # fmt: skip
    states = pikepdf.Dictionary(
        Knock=pikepdf.Dictionary(OP=False),
        Lines=pikepdf.Dictionary(OP=True, op=False, OPM=1),
        Spot=pikepdf.Dictionary(OP=True, op=True, OPM=0),
    )
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica)  # fmt: skip
    cases = {
        "line": b"/Lines gs 0 0 0 0 K 2 w 10 100 m 190 100 l S",
        "outline": b"/Lines gs 1 g 0 0 0 0 K BT /F1 14 Tf 1 Tr 10 120 Td (Clinic) Tj ET",
        "spot": b"/Spot gs /CS0 cs 0 scn 10 100 50 50 re f",
        "fine": b"/Lines gs 0 0 0 1 K 10 100 m 190 100 l S /Spot gs /CS0 cs 1 scn "
                b"10 100 50 50 re f /Knock gs 0 0 0 0 K 10 120 m 190 120 l S",
    }  # fmt: skip
    found = {}
    for name, content in cases.items():
        path = _cmyk_page_hiding(
            tmp_path, name, content, ExtGState=states, ColorSpace=pikepdf.Dictionary(CS0=spot),
            Font=pikepdf.Dictionary(F1=font),
        )  # fmt: skip
        found[name] = messages(preflight(path), "error", "overprint")
    assert found == {
        "line": [("a white line set to overprint vanishes on press; set it to knock out", (1,))],
        "outline": [('white text set to overprint: "Clinic" vanishes on press; set it to '
                     "knock out", (1,))],
        "spot": [("a white fill set to overprint vanishes on press; set it to knock out", (1,))],
        "fine": [],
    }  # fmt: skip


def test_a_file_of_too_many_pages_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2 MB file listing one page 300,000 times kept preflight busy for longer than a
    print shop would wait (qpdf makes a copy of each, and each is checked). A file of
    more pages than one check reads (lowered here so the test is quick) is now refused
    in one line naming the file and what to do, exit 1, before its pages are made; a
    file within it is checked as before."""
    monkeypatch.setattr(preflight_module, "MAX_PAGES", 50)

    def listing(count: int) -> Path:
        pdf = pikepdf.new()
        pdf.add_blank_page(page_size=(200, 200))
        pdf.Root.Pages.Kids = pikepdf.Array([pdf.pages[0].obj] * count)
        pdf.Root.Pages.Count = count
        path = tmp_path / f"{count}.pdf"
        pdf.save(path)
        return path

    with pytest.raises(LeafletError) as refused:
        preflight(listing(51))
    assert "more than 50 pages" in refused.value.message and "51.pdf" in str(refused.value)
    result = runner.invoke(app, ["preflight", str(listing(51))])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert preflight(listing(50)).pages == 50


def test_a_page_box_that_is_not_four_numbers_is_named_on_its_page(tmp_path: Path) -> None:
    """A page box holding a name or a string where a number belongs (a hand-edited or
    damaged file) made preflight refuse the whole file as "damaged beyond repair": the
    print shop got no report of any page. Now that box is an error on its page, and the
    rest of the file is checked."""
    pdf = pikepdf.new()
    for _ in range(3):
        pdf.add_blank_page(page_size=(200, 200))
        pdf.pages[-1].obj.Contents = pdf.make_stream(b"0 0 0 1 k 0 0 200 200 re f")
    pdf.pages[1].obj.BleedBox = pikepdf.Array([0, 0, pikepdf.Name.x, 200])
    pdf.pages[2].obj.TrimBox = pikepdf.Array([0, 0, pikepdf.String("a"), 200])
    pdf.save(tmp_path / "boxes.pdf")
    report = preflight(tmp_path / "boxes.pdf")
    hint = "the press's software cannot tell where the page is; export the PDF again"
    assert messages(report, "error", "pages") == [
        (f"the BleedBox is not four numbers: {hint}", (2,)),
        (f"the TrimBox is not four numbers: {hint}", (3,)),
    ]
    size = "trimmed size 70.6 × 70.6 mm (200 × 200 pt)"
    assert messages(report, "info", "pages") == [(size, (1, 2, 3))]


def test_a_page_without_a_readable_media_box_is_an_error_not_us_letter(tmp_path: Path) -> None:
    """qpdf gives a page whose MediaBox is missing or not four numbers (its own or the
    one it inherits) a US Letter sheet, with no more than a warning: preflight then
    passed an A5 job as trimmed and bled on a Letter sheet, and the print shop learnt
    its size from no one. Now the page whose sheet is unknown is an error, and its
    size and bleed, which would be Letter's, are not reported; a page that inherits a
    readable MediaBox from its page tree is checked as before."""
    a5 = [0, 0, 148 * MM + 6 * MM, 210 * MM + 6 * MM]
    trim = [3 * MM, 3 * MM, 151 * MM, 213 * MM]
    pdf = pikepdf.new()
    for _ in range(4):
        pdf.add_blank_page(page_size=(a5[2], a5[3]))
        page = pdf.pages[-1].obj
        page.Contents = pdf.make_stream(b"0 0 0 1 k 0 0 50 50 re f")
        page.TrimBox, page.BleedBox = pikepdf.Array(trim), pikepdf.Array(a5)
    del pdf.pages[1].obj["/MediaBox"]  # nothing to inherit: the tree's root has none
    pdf.pages[2].obj.MediaBox = pikepdf.Array([0, 0, pikepdf.Name.x, 5])
    pdf.save(tmp_path / "unsized.pdf")
    report = preflight(tmp_path / "unsized.pdf", Requirements(bleed=3 * MM))
    unknown = (
        "the MediaBox, the page's own or the one it inherits, is missing or not four "
        "numbers: the sheet's size is unknown, and the press's software may print it on "
        "US Letter; export the PDF again at its trim size"
    )
    assert messages(report, "error", "pages") == [(unknown, (2, 3))]
    assert messages(report, "info", "pages") == [("trimmed size 148 × 210 mm", (1, 4))]
    assert messages(report, "error", "bleed") == []
    result = runner.invoke(app, ["preflight", str(tmp_path / "unsized.pdf")])
    assert result.exit_code == 1 and "Traceback" not in result.output

    inherited = pikepdf.new()
    inherited.add_blank_page(page_size=(a5[2], a5[3]))
    del inherited.pages[0].obj["/MediaBox"]
    inherited.Root.Pages.MediaBox = pikepdf.Array(a5)
    inherited.pages[0].obj.TrimBox = pikepdf.Array(trim)
    inherited.save(tmp_path / "inherited.pdf")
    report = preflight(tmp_path / "inherited.pdf", Requirements(bleed=3 * MM))
    assert messages(report, "error", "pages") == []
    assert messages(report, "info", "pages") == [("trimmed size 148 × 210 mm", (1,))]
    assert messages(report, "info", "bleed") == [("bleed 3 mm on every side", (1,))]
    inherited.Root.Pages.MediaBox = pikepdf.Array([0, 0, pikepdf.String("A5"), 9])
    inherited.save(tmp_path / "inherited-broken.pdf")
    report = preflight(tmp_path / "inherited-broken.pdf")
    assert messages(report, "error", "pages") == [(unknown, (1,))]


def test_spot_colours_are_named_with_their_pages(tmp_path: Path) -> None:
    """A clinic's logo in its Pantone (a Separation colour space) needs a plate and an
    ink of its own, or the shop converts it to CMYK; preflight listed it among the
    colour spaces of the whole file only, so the shop learnt neither that it is a spot
    colour nor where. Now each spot colour is named with the pages it is on, inside a
    form too; the Registration colour (crop marks) and None are no spot colours."""

    def separation(name: str) -> pikepdf.Array:
        tint = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0],
                                  C1=[0, 0.6, 1, 0], N=1)  # fmt: skip
        return pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name(f"/{name}"),
                              pikepdf.Name.DeviceCMYK, tint])  # fmt: skip

    pdf = pikepdf.new()
    spaces = pikepdf.Dictionary(
        Logo=separation("PANTONE 3145 C"), Gold=separation("Clinic Gold"),
        Marks=separation("All"), Nothing=separation("None"),
    )  # fmt: skip
    form = pdf.make_stream(b"/Gold cs 1 scn 0 0 20 20 re f /Logo CS 1 SCN 0 0 m 20 20 l S")
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 20, 20]
    form.Resources = pikepdf.Dictionary(ColorSpace=spaces)
    contents = [
        b"0 0 0 1 k 10 10 50 50 re f /Marks CS 1 SCN 0 0 m 5 0 l S /Nothing cs 1 scn 0 0 5 5 re f",
        b"/Logo cs 1 scn 10 10 50 50 re f",
        b"q 2 0 0 2 50 50 cm /Fm1 Do Q",
    ]
    for content in contents:
        pdf.add_blank_page(page_size=(200, 200))
        page = pdf.pages[-1].obj
        page.Contents = pdf.make_stream(content)
        page.Resources = pikepdf.Dictionary(ColorSpace=spaces, XObject=pikepdf.Dictionary(Fm1=form))
    pdf.save(tmp_path / "spots.pdf")
    report = preflight(tmp_path / "spots.pdf")
    spots = [(m, p) for m, p in messages(report, "info", "colour") if m.startswith("spot")]
    plate = "it prints on a plate of its own: the press needs that ink, or the shop converts it"
    assert spots == [
        (f'spot colour "PANTONE 3145 C": {plate}', (2, 3)),
        (f'spot colour "Clinic Gold": {plate}', (3,)),
    ]
    result = runner.invoke(app, ["preflight", str(tmp_path / "spots.pdf")])
    assert 'spot colour "PANTONE 3145 C"' in result.output and "(pages 2–3)" in result.output


def test_black_text_that_knocks_out_is_a_warning(tmp_path: Path) -> None:
    """100 % black text knocked out of a tint leaves a hole in the tint's plates the
    shape of each letter, and misregistration shows paper beside it: a white halo. A
    shop checking a file made elsewhere was told nothing. Each page names its first
    such text, written or drawn as outlines over a text layer (Thai), and black
    overprinting in mode 0 too, whose zero inks still clear the tint. Black set to
    overprint in mode 1, a lighter black, a rich black, and our own lines of 100 %
    black (`typeset/overprint.py`) pass."""
    from msc_leaflet.typeset.line_pitch import layer_size
    from msc_leaflet.typeset.overprint import OverprintingCanvas

    tint, black = (0.1, 0.0, 0.02, 0.0), (0.0, 0.0, 0.0, 1.0)

    def on_tint(*colours: tuple[float, float, float, float], mode: int | None = None) -> Any:
        def draw(canvas: Canvas) -> None:
            canvas.setFillColorCMYK(*tint)
            canvas.rect(0, 100, 200, 100, stroke=0, fill=1)
            if mode is not None:
                canvas.setFillOverprint(True)
                canvas.setOverprintMask(mode)
            canvas.setFont("Helvetica", 10)
            for n, colour in enumerate(colours):
                canvas.setFillColorCMYK(*colour)
                canvas.drawString(10, 170 - 12 * n, f"Call your doctor {n}")

        return draw

    layer = layer_size(10, 16)
    path = canvas_pdf(
        tmp_path / "black.pdf",
        on_tint(black),
        on_tint(black, mode=0),
        on_tint(black, (0, 0, 0, 0.85), (0.6, 0.4, 0.4, 1.0), mode=1),
        on_tint((0, 0, 0, 0.85), (0.6, 0.4, 0.4, 1.0)),
        _outlined_line(black, tint, layer),
        _outlined_line(black, tint, 0),
    )
    says = "; misregistration shows paper round its letters on a tint: set it to overprint"
    assert messages(preflight(path), "warning", "overprint") == [
        (f'100 % black text knocks out: "Call your doctor 0"{says}', (1, 2)),
        (f'100 % black text knocks out: "โทรหาแพทย์ทันที"{says}', (5, 6)),
    ]
    ours = tmp_path / "ours.pdf"
    canvas = OverprintingCanvas(str(ours), pagesize=(200, 200), invariant=1)
    for draw in (_outlined_line(black, tint, layer), _outlined_line(black, tint, 0)):
        draw(canvas)
        canvas.showPage()
    canvas.save()
    report = preflight(ours)
    assert messages(report, "warning", "overprint") == [] and report.passed


def test_sizes_are_said_as_exactly_as_a_print_shop_checks_them(tmp_path: Path) -> None:
    """US Letter was "trimmed size 216 × 279 mm" (it is 215.9 × 279.4) and a bleed of
    an eighth of an inch "bleed 3.2 mm": a shop that checks to the tenth of a
    millimetre read a wrong size. A size exact to 0.1 mm is said so; any other gives
    its points too, which are exact."""
    eighth = 9.0  # points: 1/8 in, 3.175 mm
    letter = _boxed_page(
        tmp_path,
        "letter",
        MediaBox=[0, 0, 612 + 2 * eighth, 792 + 2 * eighth],
        TrimBox=[eighth, eighth, 612 + eighth, 792 + eighth],
        BleedBox=[0, 0, 612 + 2 * eighth, 792 + 2 * eighth],
    )
    report = preflight(letter, Requirements(bleed=eighth))
    assert messages(report, "info", "pages") == [("trimmed size 215.9 × 279.4 mm", (1,))]
    assert messages(report, "info", "bleed") == [("bleed 3.2 mm (9 pt) on every side", (1,))]
    short = preflight(letter, Requirements(bleed=10.0))
    assert messages(short, "error", "bleed") == [
        ("bleed under 3.5 mm (10 pt) on the left, bottom, right, top side(s)", (1,))
    ]
    a4 = 3 * MM
    exact = _boxed_page(
        tmp_path,
        "a4",
        MediaBox=[0, 0, 210 * MM + 2 * a4, 297 * MM + 2 * a4],
        TrimBox=[a4, a4, 210 * MM + a4, 297 * MM + a4],
    )
    assert messages(preflight(exact), "info", "pages") == [("trimmed size 210 × 297 mm", (1,))]
    assert messages(preflight(exact), "info", "bleed") == [("bleed 3 mm on every side", (1,))]
    odd = _boxed_page(tmp_path, "odd", MediaBox=[0, 0, 200, 200])
    assert messages(preflight(odd), "info", "pages") == [
        ("trimmed size 70.6 × 70.6 mm (200 × 200 pt)", (1,))
    ]


def type3_pdf(path: Path, names: list[str], *, to_unicode: bool = False, claim: str = "") -> Path:
    """A page of text in a Type 3 font whose glyphs have ``names``; ``claim``: the PDF/A
    conformance level its XMP states, written by pikepdf (which declares the namespace
    on each element it writes)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    square = b"1000 0 0 0 750 750 d1 0 0 750 750 re f"
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type3,
        FontBBox=[0, 0, 750, 750],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=pikepdf.Dictionary({f"/{n}": pdf.make_stream(square) for n in names}),
        Encoding=pikepdf.Dictionary(Differences=[97, *(pikepdf.Name(f"/{n}") for n in names)]),
        FirstChar=97,
        LastChar=96 + len(names),
        Widths=[1000] * len(names),
        Resources=pikepdf.Dictionary(),
    )
    if to_unicode:
        cmap = b"begincmap 1 begincodespacerange <00> <FF> endcodespacerange endcmap"
        font.ToUnicode = pdf.make_stream(cmap)
    page = pdf.pages[0].obj
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(T3=pdf.make_indirect(font)))
    page.Contents = pdf.make_stream(b"BT /T3 12 Tf 20 20 Td (ab) Tj ET")
    if claim:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["pdfaid:part"], xmp["pdfaid:conformance"] = "2", claim
    pdf.save(path)
    return path


def test_a_type_3_font_whose_text_no_reader_can_read_is_named(tmp_path: Path) -> None:
    """A Type 3 font (glyphs drawn as PDF graphics, as converters write them) with no
    ToUnicode map and glyphs named /g1, /g2 shows text no reader can search, copy or
    read aloud: a warning, and an error in a file that claims PDF/A-2u, whose level U
    promises every glyph maps to Unicode. Glyph names a reader maps (/a, /b) or a
    ToUnicode map pass."""
    mute = preflight(type3_pdf(tmp_path / "g.pdf", ["g1", "g2"]))
    [(message, pages)] = messages(mute, "warning", "fonts")
    assert message.startswith("font T3 has no ToUnicode map") and "(/g1, /g2)" in message
    assert pages == (1,)
    for readable in (
        type3_pdf(tmp_path / "named.pdf", ["a", "b"]),
        type3_pdf(tmp_path / "mapped.pdf", ["g1", "g2"], to_unicode=True),
    ):
        report = preflight(readable)
        assert [f for f in report.findings if f.category == "fonts" and f.severity != "info"] == []
    claimed = preflight(type3_pdf(tmp_path / "claimed.pdf", ["g1", "g2"], claim="U"))
    [(message, _)] = messages(claimed, "error", "fonts")
    assert message.startswith("claims PDF/A-2u, but font T3 has no ToUnicode map")


def test_a_claim_written_with_its_namespace_on_the_element_is_read(tmp_path: Path) -> None:
    """pikepdf (and so every tool built on it) writes a property it adds as
    ``<pdfaid:part xmlns:pdfaid="…">2</pdfaid:part>``: such a file was read as claiming
    no standard, so its missing PDF/A output intent went unnoticed."""
    report = preflight(type3_pdf(tmp_path / "claimed.pdf", ["a"], claim="B"))
    assert report.standard == "PDF/A-2b"
    assert ("claims PDF/A but has no GTS_PDFA1 output intent", ()) in messages(
        report, "error", "standard"
    )


def test_a_pdfx_claim_states_its_trapping_and_trim_on_every_page(tmp_path: Path) -> None:
    """PDF/X (ISO 15930-7) asks more than an output intent: the XMP says whether the
    file is trapped (True or False; the Info, when it says so too, alike), Info and XMP
    name the same version, and every page gives its trim (a TrimBox, else an ArtBox).
    A file missing any of these passed preflight as PDF/X-4, where the shops' PDF/X
    profiles reject it; without a trim the press cuts the sheet as it comes."""
    untrapped = preflight(_annotated(tmp_path / "u.pdf", "PDF/X-4", lambda pdf: [[]], trapped=""))
    assert [m for m, _ in messages(untrapped, "error", "standard")] == [
        "claims PDF/X but does not say whether it is trapped: pdf:Trapped in its XMP must be "
        "True or False"
    ]
    path = _annotated(tmp_path / "x.pdf", "PDF/X-4", lambda pdf: [[], [], []])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Trapped"] = pikepdf.Name("/True")
        pdf.docinfo["/GTS_PDFXVersion"] = pikepdf.String("PDF/X-1a:2001")
        del pdf.pages[1].obj["/TrimBox"]
        pdf.pages[2].obj.ArtBox = pdf.pages[2].obj.TrimBox
        del pdf.pages[2].obj["/TrimBox"]
        pdf.save(path)
    found = messages(preflight(path), "error", "standard")
    assert found == [
        ("claims PDF/X, but its XMP says Trapped False and its Info True", ()),
        ("claims PDF/X-4 in its XMP but PDF/X-1a:2001 in its Info", ()),
        ("claims PDF/X, but a page has no TrimBox (nor ArtBox): the press cannot tell where "
         "to cut it", (2,)),
    ]  # fmt: skip


def test_a_cmyk_picture_over_the_ink_limit_is_named(tmp_path: Path) -> None:
    """A designer's CMYK picture holds as much ink as it was separated with: a shadow at
    C100 M100 Y100 K80 (380 %) smears on a press that lays down 300 %. Preflight judged
    fills and lines by the limit, never a picture's pixels, so a file of such pictures
    passed; the build already warns of its own (LAYOUT006), by the same rule. A JPEG
    (ReportLab's: in ASCII85, its inks stored inverted and read back by /Decode) and
    pixels in Flate are read as a RIP reads them."""
    picture = Image.new("CMYK", (200, 200), (20, 20, 20, 20))
    picture.paste((255, 255, 255, 204), (0, 0, 40, 40))  # the shadow
    photo = tmp_path / "photo.jpg"
    picture.save(photo, "JPEG", quality=95)
    for drawn in (str(photo), ImageReader(picture)):

        def page(canvas: Canvas, drawn: Any = drawn) -> None:
            canvas.drawImage(drawn, 20, 20, 72, 72)

        path = canvas_pdf(tmp_path / "inky.pdf", page, page)
        [(message, pages)] = messages(preflight(path), "warning", "ink")
        ink = int(message.split(" ")[0])
        assert 375 <= ink <= 385 and "total ink in a CMYK picture (over 300 %)" in message
        assert pages == (1, 2)
        assert messages(preflight(path, Requirements(ink_limit=390)), "warning", "ink") == []
    light = Image.new("CMYK", (200, 200), (128, 64, 64, 128))  # 150 %
    quiet = canvas_pdf(tmp_path / "light.pdf", lambda c: c.drawImage(ImageReader(light), 9, 9))
    assert messages(preflight(quiet), "warning", "ink") == []


def test_a_composite_font_of_glyph_numbers_without_a_unicode_map_is_named(
    tmp_path: Path,
) -> None:
    """A composite font encoded Identity-H shows glyph numbers, which say no letter
    unless a ToUnicode map tells them: without one its text is mute to every reader."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    cid = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/ABCDEF+Glyphs"),
        CIDSystemInfo=pikepdf.Dictionary(
            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0
        ),
    )
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/ABCDEF+Glyphs"),
        Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(cid)],
    )
    page = pdf.pages[0].obj
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    page.Contents = pdf.make_stream(b"BT /F1 12 Tf 20 20 Td <00410042> Tj ET")
    pdf.save(tmp_path / "cid.pdf")
    mute = [m for m, _ in messages(preflight(tmp_path / "cid.pdf"), "warning", "fonts")]
    assert mute == [
        "font ABCDEF+Glyphs has no ToUnicode map, and its Identity-H glyph numbers name no "
        "letters: its text cannot be searched, copied or read aloud; export the PDF again "
        "with its fonts' Unicode maps"
    ]
