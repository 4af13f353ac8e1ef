"""Print production, read back from the PDFs: page boxes, crop marks, colour operators,
editions, booklets, proofs and the QR note."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

import pypdfium2 as pdfium
import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject, RectangleObject
from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph

from conftest import REPO, leaflet_yaml
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.finishing.imposition import impose_booklet, sheet_order
from msc_leaflet.layout.pages import PageFinish, canvas_class
from msc_leaflet.layout.print_marks import PageGeometry
from msc_leaflet.print_spec import PrintSpec, parse_bleed
from msc_leaflet.project import Project
from msc_leaflet.theme.colours import CMYK, RGB, in_mode
from msc_leaflet.theme.theme import PAPER, load_theme
from pdfread import normalise, page_texts

MM = 72 / 25.4
SIZES_MM = {"a4": (210, 297), "a5": (148, 210), "letter": (215.9, 279.4)}
THAI = re.compile(r"[\u0e00-\u0e7f]")
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def build(out: Path, locale: str, edition: str = "single", **spec: Any) -> Path:
    project = Project.at(REPO)
    options = Options(spec=PrintSpec(**spec))
    return build_leaflet(
        project, "infusion-safety", locale, out, edition=edition, options=options
    ).path


def box_mm(box: RectangleObject) -> tuple[float, float]:
    left, bottom, right, top = (float(v) for v in box)
    return ((right - left) / MM, (top - bottom) / MM)


def content(page: PageObject) -> str:
    contents = page.get_contents()
    assert contents is not None
    return contents.get_data().decode("latin-1")


@pytest.mark.parametrize("paper", ["a4", "a5", "letter"])
@pytest.mark.parametrize("bleed_mm", [0, 3])
def test_page_boxes_in_mm(tmp_path: Path, paper: str, bleed_mm: int) -> None:
    pdf = build(tmp_path, "en", paper=paper, bleed=bleed_mm * MM)
    width, height = SIZES_MM[paper]
    for page in PdfReader(pdf).pages:
        trim = box_mm(page.trimbox)
        assert trim == pytest.approx((width, height), abs=0.3)
        assert box_mm(page.bleedbox) == pytest.approx(
            (width + 2 * bleed_mm, height + 2 * bleed_mm), abs=0.3
        )
        assert box_mm(page.mediabox) == box_mm(page.bleedbox)  # no marks: sheet = bleed
        if not bleed_mm:
            assert list(page.trimbox) == list(page.mediabox)


def test_crop_marks_lie_outside_the_trim_and_bleed(tmp_path: Path) -> None:
    pdf = build(tmp_path, "en", bleed=3 * MM, crop_marks=True)
    page = PdfReader(pdf).pages[0]
    media, trim, bleed = (
        [float(v) for v in box] for box in (page.mediabox, page.trimbox, page.bleedbox)
    )
    assert media[0] < bleed[0] < trim[0]  # a slug for the marks beyond the bleed
    image = pdfium.PdfDocument(pdf)[0].render(scale=2).to_pil().convert("L")
    scale = image.width / (media[2] - media[0])

    def dark(x0: float, y0: float, x1: float, y1: float) -> int:
        """Dark pixels in a PDF-space rectangle."""
        region = image.crop(
            (
                int(x0 * scale),
                int(image.height - y1 * scale),
                int(x1 * scale),
                int(image.height - y0 * scale),
            )
        )
        return sum(1 for value in region.get_flattened_data() if value < 200)

    # The slug (between the sheet edge and the bleed) holds a mark on each trim line…
    for y in (trim[1], trim[3]):
        assert dark(0, y - 1, bleed[0], y + 1) > 0
        assert dark(bleed[2], y - 1, media[2], y + 1) > 0
    for x in (trim[0], trim[2]):
        assert dark(x - 1, 0, x + 1, bleed[1]) > 0
    # …and no mark reaches into the bleed at the bottom corners (the band fills the top).
    assert dark(bleed[0], bleed[1], trim[0], trim[1]) == 0
    assert dark(trim[2], bleed[1], bleed[2], trim[1]) == 0


def test_band_extends_into_the_bleed(tmp_path: Path) -> None:
    pdf = build(tmp_path, "en", bleed=3 * MM)
    image = pdfium.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    # The top-left corner of the sheet (inside the bleed) is band colour, not paper.
    assert image.getpixel((2, 2)) != (255, 255, 255)


def test_cmyk_mode_emits_no_rgb_colour_operators(tmp_path: Path) -> None:
    project = Project.at(REPO)
    spec = PrintSpec(colour="cmyk", crop_marks=True, proof=True)
    url_leaflet = build_leaflet(
        project, "what-research-says", "th", tmp_path, options=Options(spec=spec)
    ).path
    for pdf in (build(tmp_path, "th", "parallel", colour="cmyk"), url_leaflet):
        for page in PdfReader(pdf).pages:
            # Crop marks are in the Registration colour, a Separation: no RGB either.
            ops = content(page).replace("/All CS 1 SCN", "")
            assert not re.search(r"\b(rg|RG|g|G|sc|scn|SC|SCN)\b", ops), ops[:300]
            assert re.search(r"\bk\b", ops)


SMALL_TEXT = 12.0  # points: below this a preflight flags text on more than one plate


def printed_text(pdf: Path) -> list[tuple[float, tuple[float, ...]]]:
    """(size in points, CMYK fill) of every piece of text the pages show."""
    import pikepdf

    shown = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            state: dict[str, Any] = {"fill": (0.0, 0.0, 0.0, 1.0), "size": 0.0, "scale": 1.0}
            saved, text_scale = [], 1.0
            for instruction in pikepdf.parse_content_stream(page):
                op, operands = str(instruction.operator), instruction.operands
                values = [float(v) for v in operands if isinstance(v, int | float | Decimal)]
                if op == "q":
                    saved.append(dict(state))
                elif op == "Q" and saved:
                    state = saved.pop()
                elif op == "cm":
                    state["scale"] *= abs(values[0] * values[3] - values[1] * values[2]) ** 0.5
                elif op == "k":
                    state["fill"] = tuple(values)
                elif op == "Tf":
                    state["size"] = values[-1]
                elif op == "Tm":
                    text_scale = abs(values[0] * values[3] - values[1] * values[2]) ** 0.5
                elif op in ("Tj", "TJ", "'", '"'):
                    shown.append((state["size"] * text_scale * state["scale"], state["fill"]))
    return shown


@pytest.mark.parametrize("leaflet", ["infusion-safety", "what-research-says", "stromal-or-stem"])
@pytest.mark.parametrize("locale", ["en", "th"])
def test_small_text_of_a_print_build_is_on_one_plate(
    tmp_path: Path, leaflet: str, locale: str
) -> None:
    """Body text (#1f2a30) printed as C35 M13 K81 and the footers (#55646c) as C21 M7
    K58: three plates each, which a print shop's preflight flags ("small text in more
    than one separation") and misregistration blurs. So did the small text in the brand
    teal (header title, kicker, FAQ questions, list numbers, links: C91 M5 K55), and
    the 9 pt citation after a 12 pt quote in that teal (stromal-or-stem's "tissue²").
    Text under 12 pt now prints on one plate, black alone."""
    options = Options(spec=PrintSpec(colour="cmyk", bleed=3 * MM))
    pdf = build_leaflet(Project.at(REPO), leaflet, locale, tmp_path, options=options).path
    shown = printed_text(pdf)
    assert any(size < SMALL_TEXT and fill[:3] == (0, 0, 0) for size, fill in shown)
    plates = {
        fill for size, fill in shown if size < SMALL_TEXT and sum(1 for ink in fill if ink > 0) > 1
    }
    assert plates == set()


def test_rgb_mode_uses_rgb_operators(tmp_path: Path) -> None:
    page = PdfReader(build(tmp_path, "en")).pages[0]
    ops = content(page)
    assert re.search(r"\brg\b", ops) and not re.search(r"\bk\b", ops)


def test_parallel_edition_has_both_scripts_on_every_body_page(tmp_path: Path) -> None:
    pdf = build(tmp_path, "th", "parallel")
    assert pdf.name == "infusion-safety.parallel.pdf"
    texts = page_texts(pdf)
    for text in texts[:-1]:
        assert THAI.search(text) and len(LATIN_WORD.findall(text)) > 20
    # Block by block: the English source of each heading sits on the page of its Thai.
    for english, thai in (("What an infusion is", "การให้ทางหลอดเลือดดำคืออะไร"),):
        assert any(english in normalise(t) and thai in normalise(t) for t in texts)


def test_sequential_edition_numbers_each_language_from_one(tmp_path: Path) -> None:
    pdf = build(tmp_path, "th", "sequential")
    texts = [normalise(t) for t in page_texts(pdf)]
    thai_pages = [t for t in texts if re.search(r"หน้า \d+ จาก \d+", t)]
    english_pages = [t for t in texts if re.search(r"Page \d+ of \d+", t)]
    assert len(thai_pages) + len(english_pages) == len(texts)
    assert "หน้า 1 จาก" in thai_pages[0] and "Page 1 of" in english_pages[0]
    assert texts.index(english_pages[0]) == len(thai_pages)  # Thai first, then English
    assert f"Page {len(english_pages)} of {len(english_pages)}" in english_pages[-1]
    assert "Safety of MSC infusions" in english_pages[0]  # its own title block


def test_a_sequential_proof_lists_the_translations_untranslated_text_once(
    tmp_path: Path,
) -> None:
    """The proof pages belong to the translation: the source, the sequential edition's
    second part, has nothing untranslated and no sign-off, and its own proof page said
    "Proof: text not yet translated · Every entry is translated." of the original."""
    pdf = build(tmp_path, "th", "sequential", proof=True)
    texts = [normalise(t) for t in page_texts(pdf)]
    english = next(i for i, t in enumerate(texts) if "Page 1 of" in t)
    listed = [i for i, t in enumerate(texts) if "ฉบับตรวจทาน: ข้อความที่ยังไม่ได้แปล" in t]
    assert len(listed) == 1 and listed[0] < english  # the Thai part's, once
    assert not any("Proof: text not yet translated" in t for t in texts)
    assert "Every entry is translated" not in " ".join(texts)


def test_bilingual_edition_of_the_source_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LeafletError, match="source language"):
        build(tmp_path, "en", "parallel")


def test_every_edition_has_a_file_name_of_its_own() -> None:
    from msc_leaflet.print_spec import EDITIONS, Edition, variant_suffix

    names = [f"x{variant_suffix(e, PrintSpec())}.pdf" for e in EDITIONS.values()]
    assert names == ["x.pdf", "x.parallel.pdf", "x.sequential.pdf"]
    with pytest.raises(ValueError, match="two languages"):
        Edition("columns", "two columns of one language", "columns", False, "side-by-side")


def test_an_unknown_edition_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    from msc_leaflet.build import run_batch

    with pytest.raises(LeafletError, match="unknown edition 'tabloid'") as info:
        build(tmp_path, "th", "tabloid")
    assert "single, parallel, sequential" in info.value.hint
    with pytest.raises(ValueError, match="'tabloid' is not one of single, parallel, sequential"):
        run_batch(Project.at(REPO), ["infusion-safety"], ["th"], tmp_path, editions=["tabloid"])
    assert not list(tmp_path.iterdir())


def _ten_page_document(pad_to: int) -> bytes:
    """Ten pages, each saying its number, through the same deferred canvas as leaflets."""
    import io

    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A5, invariant=1)
    doc.addPageTemplates([PageTemplate("p", [Frame(20, 20, A5[0] - 40, A5[1] - 40)])])
    style = getSampleStyleSheet()["Normal"]
    story = []
    for n in range(1, 11):
        story += [Paragraph(f"content page {n}", style), PageBreak()]
    story.pop()

    def footer(canvas: object, page: int, pages: int) -> None:
        canvas.drawString(20, 10, f"folio {page} of {pages}")  # type: ignore[attr-defined]

    def notes(canvas: object) -> None:
        canvas.drawString(20, 500, "notes page")  # type: ignore[attr-defined]

    finish = PageFinish(PageGeometry(A5), "rgb", [footer], pad_to=pad_to, paint_notes=notes)
    doc.build(story, canvasmaker=canvas_class(finish))
    return buffer.getvalue()


def _halves(pdf: bytes) -> list[tuple[int, int]]:
    """(left, right) folio numbers of each imposed sheet side, read from the text."""
    document = pdfium.PdfDocument(pdf)
    out = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage()
        numbers = []
        for x0, x1 in ((0, width / 2), (width / 2, width)):
            found = re.search(r"folio (\d+) of", text.get_text_bounded(x0, 0, x1, height))
            assert found
            numbers.append(int(found.group(1)))
        out.append((numbers[0], numbers[1]))
    return out


def test_booklet_pads_ten_pages_to_twelve_with_notes_pages() -> None:
    # The last page of the text does not open the leaflet's ending (nothing here is
    # marked so): it keeps its place, and the back cover is left blank, not ruled.
    pdf = _ten_page_document(pad_to=4)
    texts = [normalise(p.extract_text()) for p in PdfReader(__import__("io").BytesIO(pdf)).pages]
    assert len(texts) == 12
    assert "notes page" in texts[10] and "content page 10" in texts[9]
    assert texts[11].strip() == "folio 12 of 12"
    assert _halves(impose_booklet(pdf)) == [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]


def test_booklet_of_a_leaflet_is_imposed_in_saddle_stitch_order(tmp_path: Path) -> None:
    pdf = build(tmp_path, "en", imposition="booklet")
    assert pdf.name == "infusion-safety.booklet.pdf"
    sheets = PdfReader(pdf).pages
    for sheet in sheets:  # two A5 pages (296 mm) meet in the middle of an A4 sheet
        assert box_mm(sheet.mediabox) == pytest.approx((297, 210), abs=0.01)
        assert box_mm(sheet.trimbox) == pytest.approx((296, 210), abs=0.01)
    pages = 2 * len(sheets)
    assert pages % 4 == 0
    document = pdfium.PdfDocument(pdf)
    found = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage()
        pair = []
        for x0, x1 in ((0, width / 2), (width / 2, width)):
            half = text.get_text_bounded(x0, 0, x1, height)
            match = re.search(r"Page (\d+) of (\d+)", half)
            assert match and int(match.group(2)) == pages
            pair.append(int(match.group(1)))
        found.append(tuple(pair))
    assert found == sheet_order(pages)


@pytest.mark.parametrize(("paper", "sheet_mm"), [("a4", (420, 297)), ("letter", (431.8, 279.4))])
def test_a_booklet_of_larger_pages_is_two_pages_wide(
    tmp_path: Path, paper: str, sheet_mm: tuple[float, float]
) -> None:
    """A4 pages print on A3 and Letter on Tabloid: sheets exactly two pages wide, which
    a print shop's preflight passes without a word."""
    from msc_leaflet.finishing.preflight import preflight

    pdf = build(tmp_path, "th", imposition="booklet", paper=paper, colour="cmyk")
    for sheet in PdfReader(pdf).pages:
        assert box_mm(sheet.mediabox) == pytest.approx(sheet_mm, abs=0.01)
        assert box_mm(sheet.trimbox) == pytest.approx(sheet_mm, abs=0.01)
    found = [f.message for f in preflight(pdf).findings if f.severity != "info"]
    # but for the title band's 9 pt white contacts on three plates (docs/print.md)
    assert [m.split(":")[0] for m in found] == [
        "white text under 12 pt knocked out of 3 plates (cyan, magenta, black)"
    ]


def test_qr_note_on_the_last_page_only(make_project: Callable[..., Path], tmp_path: Path) -> None:
    from conftest import LONG_BLOCKS

    url = "url: https://example.org/leaflets/sample\n"
    root = make_project({"sample": leaflet_yaml(LONG_BLOCKS, extra=url)})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    texts = [normalise(t) for t in page_texts(pdf)]
    assert "This leaflet online example.org/leaflets/sample" in texts[-1]
    reader = PdfReader(pdf)
    modules = len(re.findall(r"\bre\b", content(reader.pages[-1])))
    assert modules > 100  # the QR code's dark modules
    assert all(len(re.findall(r"\bre\b", content(p))) < 50 for p in reader.pages[:-1])


def test_proof_marks_every_page_and_lists_untranslated_text(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project()
    po = root / "locales" / "th" / "LC_MESSAGES"
    po.mkdir(parents=True)
    (po / "sample.po").write_text('msgid ""\nmsgstr ""\n"Language: th\\n"\n', encoding="utf-8")
    options = Options(spec=PrintSpec(proof=True))
    pdf = build_leaflet(Project.at(root), "sample", "th", tmp_path / "out", options=options).path
    assert pdf.name == "sample.proof.pdf"
    texts = [normalise(t) for t in page_texts(pdf)]
    listed = next(i for i, t in enumerate(texts) if "Proof: text" in t)
    # The watermark is on every page, as shapes (18 % opaque): never in the text a reader
    # copies or a screen reader speaks. Its words are named only where the last page
    # lists the page words printed in English (no th ui.po here).
    assert not any("PROOF" in t for t in texts[:listed])
    assert "ui.po: proof-watermark (untranslated): PROOF" in " ".join(texts[listed:])
    for page in PdfReader(pdf).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        states = cast(DictionaryObject, resources["/ExtGState"].get_object()).values()
        assert any(abs(float(state.get_object().get("/ca", 1)) - 0.18) < 1e-6 for state in states)
        assert re.search(r"/FormXob\.\S+ Do Q", content(page))
    assert "answer" in texts[0]  # the first block's context, in the margin
    proof_pages = " ".join(texts[listed:])
    assert "title (line" in proof_pages and "answer (line" in proof_pages
    assert "paragraph/30 (line" in proof_pages  # every entry, not the first dozen


def test_theme_below_the_floor_is_refused(tmp_path: Path) -> None:
    bundled = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    cases = {
        "note: 9\n": ("note: 8\n", "8 pt is below 9 pt"),
        "body-leading: 15\n": ("body-leading: 12\n", "leading 12 is below 1.2 × 10.5 pt"),
        'muted: {screen: "#55646c"': ('muted: {screen: "#a0a8ac"', "muted on paper: contrast"),
    }
    for original, (broken, message) in cases.items():
        path = tmp_path / "theme.yaml"
        path.write_text(bundled.replace(original, broken), encoding="utf-8")
        with pytest.raises(LeafletError, match=re.escape(message)):
            load_theme(path)


def test_cmyk_theme_colours_are_used_exactly(tmp_path: Path) -> None:
    bundled = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    path = tmp_path / "theme.yaml"
    path.write_text(
        bundled.replace('accent: "#0b6e74"', 'accent: "cmyk(90, 20, 40, 30)"'), encoding="utf-8"
    )
    theme = load_theme(path, colour_mode="cmyk")
    assert theme.colour("accent") == CMYK(0.9, 0.2, 0.4, 0.3)
    assert not isinstance(load_theme(path).colour("accent"), CMYK)  # screen edition


def test_paper_names_and_lengths() -> None:
    assert set(PAPER) == set(SIZES_MM)
    assert parse_bleed("3mm") == pytest.approx(3 * MM)
    assert parse_bleed("0.125in") == pytest.approx(9)
    for bad in ("3", "three mm", "5 furlongs", "50mm"):
        with pytest.raises(ValueError):
            parse_bleed(bad)


def test_print_options_reach_the_fingerprint(make_project: Callable[..., Path]) -> None:
    from msc_leaflet.build import run_batch

    root = Project.at(
        make_project({"one": leaflet_yaml("- paragraph: Hello.\n  id: hello\n", "one")})
    )
    out = root.root / "out"
    first = run_batch(root, out_dir=out)
    assert [o.status for o in first.outcomes] == ["built"]
    again = run_batch(root, out_dir=out, options=Options(spec=PrintSpec(colour="cmyk")))
    assert [o.status for o in again.outcomes] == ["built"]
    both = run_batch(
        root,
        [],
        ["en"],
        out,
        editions=("single", "parallel"),
        options=Options(spec=PrintSpec(colour="cmyk")),
    )
    assert [o.status for o in both.outcomes] == ["skipped"]  # no translation to pair with


def test_cli_print_options_and_preview(make_project: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project()
    runner = CliRunner()
    for args, hint in (
        (["--bleed", "3"], "--bleed"),
        (["--paper", "a3"], "--paper"),
        (["--edition", "tabloid"], "--edition"),
        (["--colour", "spot"], "colour"),
        (["--imposition", "booklet", "--bleed", "3mm"], "booklet"),
    ):
        result = runner.invoke(app, ["build", "--project", str(root), *args])
        assert result.exit_code == 2 and hint in result.output, result.output
        assert "Traceback" not in result.output
    out = root / "out"
    result = runner.invoke(
        app, ["preview", "sample", "--project", str(root), "-o", str(out), "--dpi", "40"]
    )
    assert result.exit_code == 0, result.output
    folder = out / "preview" / "en" / "sample"
    pages = sorted(folder.glob("page-*.png"))
    assert len(pages) == len(PdfReader(out / "en" / "sample.pdf").pages)
    assert (folder / "contact-sheet.png").is_file()
    # A language no catalog translates shows the source, and says so, as build does.
    result = runner.invoke(
        app,
        ["preview", "sample", "-l", "th", "--project", str(root), "-o", str(out), "--dpi", "40"],
    )
    assert result.exit_code == 0 and "printed untranslated" in result.output, result.output


def test_a_project_theme_names_its_paper_and_triggers_rebuilds(
    make_project: Callable[..., Path],
) -> None:
    from msc_leaflet.build.batch import run_batch

    root = Project.at(make_project())
    bundled = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    theme = root.root / "theme.yaml"
    theme.write_text(bundled.replace("paper: a4 ", "paper: a5 "), encoding="utf-8")
    out = root.root / "out"
    assert [o.status for o in run_batch(root, out_dir=out).outcomes] == ["built"]
    page = PdfReader(out / "en" / "sample.pdf").pages[0]
    assert box_mm(page.trimbox) == pytest.approx(SIZES_MM["a5"], abs=0.3)
    assert [o.status for o in run_batch(root, out_dir=out).outcomes] == ["skipped"]
    theme.write_text(bundled.replace("paper: a4 ", "paper: letter "), encoding="utf-8")
    again = run_batch(root, out_dir=out).outcomes
    assert [o.status for o in again] == ["built"]
    page = PdfReader(out / "en" / "sample.pdf").pages[0]
    assert box_mm(page.trimbox) == pytest.approx(SIZES_MM["letter"], abs=0.3)


def pictured_project(make_project: Callable[..., Path]) -> Path:
    """A project whose organisation has a logo with a transparent background and whose
    leaflet shows an RGB figure and a palette PNG with a transparent colour."""
    from PIL import Image, ImageDraw

    blocks = (
        "- figure: figure.png\n  alt: A green square\n"
        "- figure: palette.png\n  alt: A red bar\n"
        "- paragraph: One.\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks)})
    org = root / "organisations" / "test-clinic.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    logo = Image.new("RGBA", (300, 120), (0, 0, 0, 0))  # see-through, a red disc on it
    ImageDraw.Draw(logo).ellipse((10, 10, 110, 110), fill=(255, 0, 0, 255))
    logo.save(root / "logo.png")
    Image.new("RGB", (300, 300), (0, 128, 64)).save(root / "figure.png")
    palette = Image.new("P", (300, 60), 0)
    palette.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    ImageDraw.Draw(palette).rectangle((0, 20, 299, 40), fill=1)
    palette.save(root / "palette.png", transparency=0)
    return root


def pictures(pdf: Path) -> list[Any]:
    import pikepdf

    with pikepdf.open(pdf) as document:
        images = [image for page in document.pages for image in page.get_images().values()]
        return [
            (
                str(image.ColorSpace),
                int(image.BitsPerComponent),
                str(image.SMask.ColorSpace) if "/SMask" in image else None,
                image.read_bytes()[:4],
            )
            for image in images
        ]


def test_pictures_of_a_cmyk_build_are_cmyk_and_keep_their_transparency(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Figures and the logo were embedded as RGB in a print build, so preflight warned
    "RGB colour in a CMYK print file". They are converted by the theme's colours' own
    rule (no press profile here), their transparency kept as a soft mask."""
    from msc_leaflet.finishing.preflight import preflight

    root = pictured_project(make_project)
    options = Options(spec=PrintSpec(colour="cmyk"))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "cmyk", options=options).path
    report = preflight(pdf)
    assert [f.message for f in report.findings if f.category == "colour"] == [
        "colour spaces: DeviceCMYK"
    ]
    found = sorted(pictures(pdf), key=str)
    assert len(found) == 3 and {(space, bits) for space, bits, *_ in found} == {("/DeviceCMYK", 8)}
    masks = [mask for _, _, mask, _ in found]
    assert masks.count("/DeviceGray") == 2  # the logo's alpha and the palette's clear colour
    # #008040 → black 1 − 128/255, cyan full, magenta none, yellow half: as a theme colour
    green = in_mode(RGB(0, 128 / 255, 64 / 255), "cmyk")
    assert isinstance(green, CMYK)
    assert bytes(round(ink * 255) for ink in green) in [first for *_, first in found]


def test_pictures_of_a_screen_build_are_drawn_from_their_files(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = pictured_project(make_project)
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "rgb").path
    found = pictures(pdf)
    assert len(found) == 3 and {space for space, *_ in found} == {"/DeviceRGB"}
    assert bytes([0, 128, 64, 0]) in [first for *_, first in found]  # the green, as filed


def test_pictures_and_theme_colours_share_one_cmyk_rule() -> None:
    from PIL import Image

    from msc_leaflet.theme.colours import rgb_pixels_to_cmyk

    levels = range(0, 256, 15)
    colours = [(r, g, b) for r in levels for g in levels for b in levels] + [(1, 0, 0)]
    image = Image.new("RGB", (len(colours), 1))
    image.putdata(colours)
    for rgb, inks in zip(colours, rgb_pixels_to_cmyk(image).get_flattened_data(), strict=True):
        expected = in_mode(RGB(*(v / 255 for v in rgb)), "cmyk")
        assert isinstance(inks, tuple)
        assert all(abs(a - round(b * 255)) <= 1 for a, b in zip(inks, expected, strict=True))


def _rendered_figure(pdf: Path) -> Any:
    """The one figure of ``pdf`` as the reader's viewer decodes it, in greys."""
    import pikepdf
    from pikepdf import PdfImage

    with pikepdf.open(pdf) as document:
        (image,) = [image for page in document.pages for image in page.get_images().values()]
        return PdfImage(cast(pikepdf.Stream, image)).as_pil_image().convert("L")


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
def test_a_16_bit_grey_figure_prints_its_greys(
    make_project: Callable[..., Path], tmp_path: Path, colour: str
) -> None:
    """A 16-bit greyscale picture (a scan, a micrograph) came out white wherever it was
    lighter than 1/256 of black: its samples were cut to 8 bits, not scaled. It prints
    as the ramp it is, in a screen and in a print build."""
    from PIL import Image

    root = make_project(
        {"sample": leaflet_yaml("- figure: ramp.png\n  alt: A grey ramp\n- paragraph: One.\n")}
    )
    ramp = Image.new("I;16", (256, 64))
    ramp.putdata([x * 257 for _ in range(64) for x in range(256)])  # black → white, 16-bit
    ramp.save(root / "ramp.png")
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    shown = _rendered_figure(pdf)
    row = [shown.getpixel((x, 32)) for x in (0, 64, 128, 192, 255)]
    assert row == pytest.approx([0, 64, 128, 192, 255], abs=2)


def test_cmyk_pictures_of_a_screen_build_are_shown_in_rgb(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A logo or figure saved as CMYK (a designer's print file) stopped every screen
    build, naming only a PDF-internal image name ("image /FormXob.cc6a… is CMYK"), not
    the picture. A screen build shows it in RGB by the rule a theme's cmyk(...) colours
    follow on screen, and the file is still PDF/A-2u; a print build keeps it CMYK."""
    import pikepdf
    from PIL import Image

    root = make_project(
        {"sample": leaflet_yaml("- figure: red.jpg\n  alt: A red square\n- paragraph: One.\n")}
    )
    org = root / "organisations" / "test-clinic.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.jpg\n", encoding="utf-8")
    Image.new("CMYK", (300, 300), (0, 255, 255, 0)).save(root / "red.jpg", quality=100)
    Image.new("CMYK", (300, 120), (255, 0, 0, 51)).save(root / "logo.jpg", quality=100)

    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "rgb").path
    assert {space for space, *_ in pictures(pdf)} == {"/DeviceRGB"}
    assert "PDF/A-2u" in _claims(pdf)
    red, cyan = in_mode(CMYK(0, 1, 1, 0), "rgb"), in_mode(CMYK(1, 0, 0, 0.2), "rgb")
    firsts = [first[:3] for *_, first in pictures(pdf)]
    for colour in (red, cyan):
        expected = [round(channel * 255) for channel in colour]
        assert any(
            all(abs(a - b) <= 3 for a, b in zip(first, expected, strict=True)) for first in firsts
        ), (colour, firsts)

    options = Options(spec=PrintSpec(colour="cmyk"))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "cmyk", options=options).path
    with pikepdf.open(pdf) as document:
        images = [image for page in document.pages for image in page.get_images().values()]
        assert len(images) == 2 and {str(image.ColorSpace) for image in images} == {"/DeviceCMYK"}


def _claims(pdf: Path) -> str:
    from msc_leaflet.finishing.preflight import preflight

    return preflight(pdf).standard


def test_a_print_build_names_pictures_too_coarse_for_paper(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A 60 × 24 px logo printed at 42 ppi in the band of every print file, and the build
    said nothing: the shop's preflight later warned of "image FormXob.f92c… is 42 ppi",
    a name no one at the clinic can trace. A print build names the picture, where it is
    set, the resolution it prints at and the pixels 300 ppi needs; a screen build, read
    on screens, says nothing."""
    from PIL import Image

    blocks = "- figure: sharp.png\n  alt: A sharp square\n- figure: soft.png\n  alt: A soft one\n"
    root = make_project({"sample": leaflet_yaml(blocks + "- paragraph: One.\n")})
    org = root / "organisations" / "test-clinic.yaml"
    # Without the WhatsApp number: on the booklet's A5, the logo, the name and the full
    # contact line do not fit the band side by side (the build refuses that now).
    profile = org.read_text(encoding="utf-8").replace('whatsapp: "+66 80 000 0000"\n', "")
    org.write_text(profile + "logo: logo.png\n", encoding="utf-8")
    Image.new("RGB", (60, 24), (200, 0, 0)).save(root / "logo.png")
    Image.new("RGB", (600, 600), (0, 128, 64)).save(root / "soft.png")  # 4 in wide: 150 ppi
    Image.new("RGB", (3000, 3000), (0, 128, 64)).save(root / "sharp.png")

    def coarse(**spec: Any) -> list[str]:
        options = Options(spec=PrintSpec(**spec))
        out = tmp_path / "-".join(map(str, spec.values())) if spec else tmp_path / "screen"
        result = build_leaflet(Project.at(root), "sample", None, out, options=options)
        return [str(f) for f in result.findings if getattr(f, "code", "") == "LAYOUT005"]

    found = coarse(colour="cmyk")
    assert len(found) == 2, found
    logo, figure = sorted(found, key=lambda f: "leaflets" in f)
    assert "organisations/test-clinic.yaml" in logo and "logo.png" in logo
    assert re.search(r"\b4[12] ppi\b", logo) and "300 ppi" in logo
    assert re.search(r"leaflets/sample\.yaml:\d+", figure) and "soft.png" in figure
    assert "150 ppi" in figure and "1,200 px" in figure
    assert len(coarse(imposition="booklet")) == 2  # sheets for a printer, in RGB
    assert coarse() == []


@pytest.mark.parametrize("orientation", [2, 3, 5, 6, 7, 8])
@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
def test_a_photo_is_printed_the_way_up_its_camera_says(
    make_project: Callable[..., Path], tmp_path: Path, colour: str, orientation: int
) -> None:
    """A phone photo is stored as the sensor saw it, with an EXIF Orientation saying how
    to turn it; every viewer and browser shows it so, and the leaflet printed it on its
    side (or mirrored). The figure is printed the way up it is shown, at its shown
    proportions."""
    from PIL import Image, ImageDraw, ImageOps

    root = make_project(
        {"sample": leaflet_yaml("- figure: photo.jpg\n  alt: A photo\n- paragraph: One.\n")}
    )
    stored = Image.new("RGB", (400, 200), (255, 0, 0))  # red left half, blue right half
    ImageDraw.Draw(stored).rectangle((200, 0, 399, 199), fill=(0, 0, 255))
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(root / "photo.jpg", exif=exif.tobytes(), quality=95)
    with Image.open(root / "photo.jpg") as photo:
        shown = ImageOps.exif_transpose(photo).convert("RGB")  # as a viewer shows it

    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    page = pdfium.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    assert _layout_of_red_and_blue(page) == pytest.approx(_layout_of_red_and_blue(shown), abs=0.1)


def _layout_of_red_and_blue(picture: Any) -> tuple[float, float, float]:
    """Where the red part lies from the blue one (x and y, in widths of the whole) and
    the proportions (width / height) of the two together."""
    found: dict[str, list[tuple[int, int]]] = {"red": [], "blue": []}
    for y in range(0, picture.height, 2):
        for x in range(0, picture.width, 2):
            r, g, b = picture.getpixel((x, y))
            if r > 150 and g < 100 and b < 100:
                found["red"].append((x, y))
            elif b > 120 and r < 100 and b > g + 60:  # CMYK blue renders darker
                found["blue"].append((x, y))
    every = found["red"] + found["blue"]
    width = max(x for x, _ in every) - min(x for x, _ in every)
    height = max(y for _, y in every) - min(y for _, y in every)

    def centre(points: list[tuple[int, int]]) -> tuple[float, float]:
        return sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points)

    (rx, ry), (bx, by) = centre(found["red"]), centre(found["blue"])
    return (rx - bx) / width, (ry - by) / height, width / height


STROKE_COLOURS = ("K", "CS", "SC", "SCN", "RG", "G")


def _mark_spaces(pdf: Path) -> list[tuple[str, list[str]]]:
    """(stroke colour operators, colour space they name) of each page's crop marks: the
    stroking colour set just before the page's last 0.25 pt line width."""
    import pikepdf

    found = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            ops = [(str(i.operator), list(i.operands)) for i in pikepdf.parse_content_stream(page)]
            marks = max(n for n, (op, args) in enumerate(ops) if op == "w" and args == [0.25])
            setters = [(op, args) for op, args in ops[marks - 4 : marks] if op in STROKE_COLOURS]
            spaces: dict[str, Any] = dict(page.obj.Resources.get("/ColorSpace", {}))
            named = [
                [str(v) for v in list(spaces[str(operands[0])])[:3]]
                for op, operands in setters
                if op == "CS" and str(operands[0]) in spaces
            ]
            found.append((" ".join(op for op, _ in setters), named[0] if named else []))
    return found


@pytest.mark.parametrize(
    ("locale", "edition", "paper"),
    [("en", "single", "a4"), ("th", "parallel", "a5"), ("th", "sequential", "letter")],
)
def test_crop_marks_of_a_print_build_are_in_registration_colour(
    tmp_path: Path, locale: str, edition: str, paper: str
) -> None:
    """Crop marks were drawn in C100 M100 Y100 K100 (`1 1 1 1 K`): a RIP separating the
    plates one by one gave them four inks of unequal weight, and a spot-colour plate no
    marks at all. A print shop's marks are in the Registration colour, the Separation
    /All, which prints on every plate, in every edition and paper."""
    pdf = build(tmp_path, locale, edition, paper=paper, colour="cmyk", bleed=3 * MM,
                crop_marks=True)  # fmt: skip
    for operators, space in _mark_spaces(pdf):
        assert "K" not in operators.split()
        assert space == ["/Separation", "/All", "/DeviceCMYK"]
    # It still shows: black on screen, on every plate in print.
    image = pdfium.PdfDocument(pdf)[0].render(scale=2).to_pil().convert("L")
    assert min(image.crop((0, 0, 40, image.height)).get_flattened_data()) < 100


def test_crop_marks_of_a_screen_build_stay_black(tmp_path: Path) -> None:
    pdf = build(tmp_path, "en", bleed=3 * MM, crop_marks=True)
    for _, space in _mark_spaces(pdf):
        assert space == []


def test_a_cmyk_picture_over_the_ink_limit_is_named_at_its_line(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A designer's CMYK picture is printed as filed, and one whose shadows hold 380 %
    ink (a rich black of every ink) went to press without a word: the theme's colours are
    held to the press's limit, pictures converted from RGB keep within it, but this one
    no one looked at. A print build now names it at the figure's line (or the logo's
    organisation file), with its ink and the limit; within the limit, or in a screen
    build (which shows it in RGB), nothing is said."""
    from PIL import Image

    blocks = "- figure: heavy.jpg\n  alt: A dark square\n- figure: fine.jpg\n  alt: A red one\n"
    root = make_project({"sample": leaflet_yaml(blocks + "- paragraph: One.\n")})
    Image.new("CMYK", (900, 900), (242, 242, 230, 255)).save(root / "heavy.jpg", quality=100)
    Image.new("CMYK", (900, 900), (0, 255, 255, 0)).save(root / "fine.jpg", quality=100)

    def inky(**spec: Any) -> list[str]:
        options = Options(spec=PrintSpec(**spec))
        out = tmp_path / ("-".join(map(str, spec.values())) or "screen")
        result = build_leaflet(Project.at(root), "sample", None, out, options=options)
        return [str(f) for f in result.findings if getattr(f, "code", "") == "LAYOUT006"]

    (found,) = inky(colour="cmyk")
    assert re.search(r"leaflets/sample\.yaml:\d+", found) and "heavy.jpg" in found
    assert re.search(r"\b3[78]\d % total ink\b", found) and "(300 %)" in found
    assert inky() == []


def test_a_palette_png_with_translucent_colours_prints_in_cmyk_quietly(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A logo saved as an 8-bit palette PNG whose colours carry their own opacity (what
    pngquant, TinyPNG and "Save for Web" make) printed Pillow's own warning, with its
    source file and line, in the middle of a print build's output. It is converted
    once, keeping its translucency as a soft mask, and a grey one stays on black."""
    import warnings

    import pikepdf
    from PIL import Image, ImageDraw

    blocks = "- figure: teal.png\n  alt: A teal disc\n- figure: grey.png\n  alt: A grey disc\n"
    root = make_project({"sample": leaflet_yaml(blocks)})
    for name, colour in (("teal.png", (11, 110, 116, 160)), ("grey.png", (90, 90, 90, 160))):
        picture = Image.new("RGBA", (600, 600), (0, 0, 0, 0))
        ImageDraw.Draw(picture).ellipse((50, 50, 550, 550), fill=colour)
        picture.quantize(8).save(root / name)
        with Image.open(root / name) as saved:  # an opacity for each palette entry
            assert saved.mode == "P" and isinstance(saved.info.get("transparency"), bytes)
    options = Options(spec=PrintSpec(colour="cmyk"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a library's warning reaches the user's terminal
        pdf = build_leaflet(Project.at(root), "sample", None, tmp_path, options=options).path
    with pikepdf.open(pdf) as document:
        images = [image for page in document.pages for image in page.get_images().values()]
        spaces = sorted(str(image.ColorSpace) for image in images)
        assert spaces == ["/DeviceCMYK", "/DeviceGray"]
        for image in images:  # see-through corners, the disc at its own opacity
            mask = pikepdf.PdfImage(cast(pikepdf.Stream, image.SMask)).as_pil_image()
            assert {value for _, value in mask.getcolors() or []} == {0, 160}


def test_a_bleed_typed_negative_or_with_a_decimal_comma_says_what_to_write() -> None:
    """``--bleed -3mm`` and ``--bleed 3,5mm`` (a decimal comma, as Vietnamese and most
    of Europe write it) were refused as "needs a number and a unit", which both have:
    the shop's operator was left to guess. Each now says what is wrong and what to
    write; ``.5mm`` is half a millimetre, as written."""
    assert parse_bleed(".5mm") == pytest.approx(0.5 * MM)
    assert parse_bleed("3.5 MM") == pytest.approx(3.5 * MM)
    for typed, says in (
        ("-3mm", "cannot be negative"),
        ("3,5mm", "3.5mm"),
        ("0,125in", "0.125in"),
    ):
        with pytest.raises(ValueError) as refused:
            parse_bleed(typed)
        assert says in str(refused.value) and "number and a unit" not in str(refused.value)
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    result = CliRunner().invoke(app, ["preflight", "missing.pdf", "--bleed", "3,5mm"])
    assert result.exit_code == 2 and "3.5mm" in result.output


#: A print shop's own theme: body text, rules and the brand colour in 100 % black (the
#: accent "#000000" converts to black alone), list numbers and the callout's 3 pt edge
#: too; labels and secondary text stay on lighter blacks (K69, K62), the callout's fill a
#: tint.
BLACK_THEME = {
    'ink: {screen: "#1f2a30", print: "cmyk(0, 0, 0, 85)"}': 'ink: "cmyk(0, 0, 0, 100)"',
    'accent: "#0b6e74"': 'accent: "#000000"',
    'rule: "#c9d6da"': 'rule: "cmyk(0, 0, 0, 100)"',
    'accent-text: {screen: "#0b6e74", print: "cmyk(0, 0, 0, 62)"}': 'accent-text: "#000000"',
    'edge: "#0b6e74"': 'edge: "cmyk(0, 0, 0, 100)"',
}
BLACK = (0.0, 0.0, 0.0, 1.0)
THIN_RULE = 1.0  # points: a 100 % black rule up to this width overprints


def black_project(tmp_path: Path) -> Project:
    """The bundled leaflets and translations, printed with `BLACK_THEME`."""
    import shutil

    root = tmp_path / "black"
    for folder in ("leaflets", "locales", "organisations"):
        shutil.copytree(REPO / folder, root / folder)
    theme = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    for screen, black in BLACK_THEME.items():
        assert screen in theme
        theme = theme.replace(screen, black)
    (root / "theme.yaml").write_text(theme, encoding="utf-8")
    return Project.at(root)


def painted(pdf: Path) -> list[tuple[str, tuple[float, ...], float, bool]]:
    """Every painting operation of every page, as a RIP sees it: what it is ("text",
    "outline": a glyph form drawn over a text layer, "area": a filled path, "line": a
    stroked one), its DeviceCMYK colour (() for another space), its line width, and
    whether it overprints (its overprint flag on, in overprint mode 1)."""
    import pikepdf

    found: list[tuple[str, tuple[float, ...], float, bool]] = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            states = page.obj.Resources.get("/ExtGState", pikepdf.Dictionary())
            forms = page.obj.Resources.get("/XObject", pikepdf.Dictionary())
            now: dict[str, Any] = {"fill": (), "stroke": (), "w": 1.0, "op": False,
                                   "OP": False, "OPM": 0, "Tr": 0}  # fmt: skip
            saved: list[dict[str, Any]] = []
            for instruction in pikepdf.parse_content_stream(page):
                operands, op = instruction.operands, str(instruction.operator)
                if op == "q":
                    saved.append(dict(now))
                elif op == "Q":
                    now = saved.pop()
                elif op == "gs":
                    state = states[str(operands[0])]
                    for key in ("OP", "op", "OPM"):
                        if f"/{key}" in state:
                            now[key] = state[f"/{key}"]
                    if "/OP" in state and "/op" not in state:
                        now["op"] = state["/OP"]
                elif op in ("k", "K"):
                    now["fill" if op == "k" else "stroke"] = tuple(float(v) for v in operands)
                elif op in ("g", "rg", "cs", "G", "RG", "CS"):
                    now["fill" if op.islower() else "stroke"] = ()
                elif op == "w":
                    now["w"] = float(operands[0])
                elif op == "Tr":
                    now["Tr"] = int(operands[0])
                elif op in ("Tj", "TJ") and now["Tr"] != 3:
                    found.append(("text", now["fill"], 0.0, now["op"] and now["OPM"] == 1))
                elif op == "Do" and forms[str(operands[0])].Subtype == "/Form":
                    found.append(("outline", now["fill"], 0.0, now["op"] and now["OPM"] == 1))
                elif op in ("f", "f*", "F"):
                    found.append(("area", now["fill"], 0.0, now["op"] and now["OPM"] == 1))
                elif op == "S":
                    overprints = now["OP"] and now["OPM"] == 1
                    found.append(("line", now["stroke"], now["w"], overprints))
    return found


@pytest.mark.parametrize(("locale", "edition"), [("en", "single"), ("th", "single"),
                                                 ("th", "parallel")])  # fmt: skip
def test_black_text_and_thin_black_rules_overprint_in_a_print_build(
    tmp_path: Path, locale: str, edition: str
) -> None:
    """A shop's theme prints text and rules in 100 % black on a tinted callout. They
    knocked out of the tint: a hair of misregistration left a white halo round every
    letter. Text in 100 % black (its letters drawn as outlines too: Thai marks, table
    cells) and 100 % black rules up to 1 pt overprint; lighter blacks, white, fills of
    areas (the band, a box) and thicker rules (the callout's 3 pt edge) knock out."""
    project = black_project(tmp_path)
    options = Options(spec=PrintSpec(colour="cmyk", bleed=3 * MM, crop_marks=True))
    pdf = build_leaflet(
        project, "infusion-safety", locale, tmp_path / "out", edition=edition, options=options
    ).path
    ops = painted(pdf)
    for kind, colour, width, overprints in ops:
        black = colour == BLACK
        if kind in ("text", "outline"):
            assert overprints == black, (kind, colour)
        elif kind == "area":
            assert not overprints, colour
        else:
            assert overprints == (black and width <= THIN_RULE), (colour, width)
    kinds = {(kind, colour == BLACK, overprints) for kind, colour, _, overprints in ops}
    assert {("text", True, True), ("text", False, False), ("area", True, False),
            ("line", True, True), ("line", True, False)} <= kinds  # fmt: skip
    if locale == "th":
        assert ("outline", True, True) in kinds
    import pikepdf

    with pikepdf.open(pdf) as document:
        states = [dict(s) for p in document.pages for s in p.Resources.ExtGState.values()]
    assert {"/OP": True, "/op": True, "/OPM": 1} in [
        {k: v for k, v in state.items() if k != "/Type"} for state in states
    ]


def test_a_screen_build_of_a_black_theme_sets_no_overprint(tmp_path: Path) -> None:
    """Overprint is a press's matter: the screen edition of the same theme draws in RGB
    and writes no graphics state for it (its bundled leaflets stay byte for byte)."""
    pdf = build_leaflet(black_project(tmp_path), "infusion-safety", "th", tmp_path / "out").path
    assert {overprints for *_, overprints in painted(pdf)} == {False}
    assert all(" gs" not in content(page) for page in PdfReader(pdf).pages)


#: GS1's smallest QR module for phone and image scanners (0.396 mm, `layout/qr_symbol.py`).
SMALLEST_MODULE = 0.396 * MM


def campaign_url(length: int) -> str:
    """A leaflet's address of ``length`` characters as a clinic's web team sends it: the
    page, then the tracking parameters a campaign adds."""
    url = "https://www.example.org/leaflets/choosing-a-clinic?utm_source=leaflet&utm_medium=print"
    n = 0
    while len(url) < length:
        url += f"&utm_content=bangkok-clinic-waiting-room-{n}"
        n += 1
    return url[:length]


def with_url(tmp_path: Path, url: str) -> tuple[Path, int]:
    """The fasting fixture (it has a Thai catalog) with ``url``: its root and the line."""
    import shutil

    from fasting import FIXTURE, LEAFLET

    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    source = root / "leaflets" / f"{LEAFLET}.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\nblocks:", f"\nurl: {url}\nblocks:", 1), encoding="utf-8")
    line = source.read_text(encoding="utf-8").splitlines().index(f"url: {url}") + 1
    return root, line


def built_with_url(tmp_path: Path, url: str, locale: str, edition: str, paper: str) -> Path:
    """The PDF of the fasting fixture with ``url``, in ``locale``, ``edition`` and ``paper``."""
    from fasting import LEAFLET

    root, _ = with_url(tmp_path, url)
    options = Options(spec=PrintSpec(paper=paper))
    return build_leaflet(
        Project.at(root), LEAFLET, locale, tmp_path / "out", edition=edition, options=options
    ).path


@pytest.mark.parametrize("length", [150, 260, 420])
@pytest.mark.parametrize(
    ("locale", "edition", "paper"),
    [("en", "single", "a5"), ("th", "parallel", "a5"), ("th", "sequential", "a4")],
)
def test_a_long_address_prints_a_code_whose_modules_a_phone_resolves(
    tmp_path: Path, length: int, locale: str, edition: str, paper: str
) -> None:
    """A 260-character address with a campaign's query string was squeezed into the
    fixed 20 mm: 61 modules of 0.33 mm, below what a phone's camera resolves. The code
    grows, or takes the lower error correction, so each module is at least 0.396 mm, in
    every edition, and reads back as the address at the size it is printed."""
    from qr_read import find_code

    url = campaign_url(length)
    pdf = built_with_url(tmp_path, url, locale, edition, paper)
    pages = len(PdfReader(pdf).pages)
    found = [code for page in range(pages) if (code := find_code(pdf, page, url))]
    readable = [code for code in found if code.matches and code.quiet]
    assert readable, found
    for code in readable:
        assert code.size / code.modules >= SMALLEST_MODULE - 0.05, code
        assert code.size >= 20 * MM - 0.5  # never smaller than the usual code


@pytest.mark.parametrize("locale", ["en", "th"])
def test_a_code_holds_an_address_beyond_ascii_as_the_link_does(tmp_path: Path, locale: str) -> None:
    """ReportLab wrote a Thai address's path as UTF-8 with no ECI header, which a reader
    following ISO/IEC 18004 reads as ISO-8859-1 (mojibake, a page not found). The code
    holds the address as the link does: its host in IDNA form, the rest percent-encoded."""
    from qr_read import find_code

    typed = "https://ศิริราช.ไทย/แผ่นพับ?หัวข้อ=เซลล์"
    ascii_form = (
        "https://xn--b3c3cas6cjb.xn--o3cw4h/"
        "%E0%B9%81%E0%B8%9C%E0%B9%88%E0%B8%99%E0%B8%9E%E0%B8%B1%E0%B8%9A"
        "?%E0%B8%AB%E0%B8%B1%E0%B8%A7%E0%B8%82%E0%B9%89%E0%B8%AD=%E0%B9%80%E0%B8%8B%E0%B8%A5%E0%B8%A5%E0%B9%8C"
    )
    pdf = built_with_url(tmp_path, typed, locale, "single", "a4")
    pages = len(PdfReader(pdf).pages)
    found = [code for page in range(pages) if (code := find_code(pdf, page, ascii_form))]
    assert any(code.matches and code.quiet for code in found), found
    links = [
        str(annotation["/A"]["/URI"])
        for page in PdfReader(pdf).pages
        for annotation in (a.get_object() for a in page.get("/Annots", []))
        if "/A" in annotation and "/URI" in annotation["/A"]
    ]
    assert ascii_form in links


def test_an_address_no_printable_code_holds_is_refused_at_its_line(tmp_path: Path) -> None:
    """A 700-character address fits no code a leaflet can print with modules a phone
    resolves: the build stops at the address's line, says what to do, and writes no
    PDF (it gave a traceback from the QR encoder's "code length overflow" beyond
    version 40, and below that a code no phone could read)."""
    from typer.testing import CliRunner

    from fasting import LEAFLET
    from msc_leaflet.cli.app import app

    root, line = with_url(tmp_path, campaign_url(700))
    out = tmp_path / "out"
    for command in (["build", LEAFLET], ["build", LEAFLET, "-l", "th", "--edition", "parallel"]):
        result = CliRunner().invoke(app, [*command, "--project", str(root), "--out", str(out)])
        assert result.exit_code != 0
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"{LEAFLET}.yaml:{line}" in result.output, result.output
        assert "shorten" in result.output
        assert "Traceback" not in result.output
    assert not list(out.rglob("*.pdf")) if out.exists() else True


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_long_address_beside_the_code_ends_inside_the_page(tmp_path: Path, locale: str) -> None:
    """The note printed the address on one line beside the code, however long: a
    campaign's query string ran past the margin and off the page's edge (off its left
    edge in Arabic). It is cut where an address parts (after / ? & =) and ends with
    "…"; the closing box above prints it whole, and the code and the link hold it."""
    url = campaign_url(260)
    pdf = built_with_url(tmp_path, url, locale, "single", "a5")
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[len(document) - 1].render(scale=1).to_pil().convert("L")
    finally:
        document.close()
    margin = round(8 * MM)  # less than any page margin: only what runs off is there
    edges = ((0, 0, margin, image.height), (image.width - margin, 0, image.width, image.height))
    for strip in edges:
        inked = image.crop(strip).point(lambda value: 255 if value < 128 else 0).getbbox()
        assert inked is None, strip
    texts = page_texts(pdf)[-1]
    assert "\u2026" in texts


@pytest.mark.parametrize("typed", ["3mm", "3.175mm", "0.125in", "8.5pt", "12pt", "0.1in", "2.5mm"])
def test_a_bleed_is_repeated_as_the_build_was_told_it(typed: str) -> None:
    """The options an output was built with are said back as ``build`` flags: in
    `list`'s command that builds a failed output again, `preview`'s note and a batch's
    "built with …, now …". The bleed was said in mm to three decimals, so 8.5 pt came
    back as ``--bleed 2.999mm`` (8.5011 pt) and 0.1 in as 2.54 mm, a bit off: the
    command built another file than the one that failed, fingerprinted apart. Said
    back, a bleed must be exactly the bleed built (no tolerance: it is fingerprinted)."""
    bleed = parse_bleed(typed)
    flags = Options(spec=PrintSpec(bleed=bleed)).flags()
    said = next(flag for flag in flags if flag.startswith("--bleed "))
    assert parse_bleed(said.removeprefix("--bleed ")) == bleed
    assert len(said) <= len("--bleed ") + len(typed) + 2  # as short as one would type it


@pytest.mark.parametrize(
    "colour",
    [CMYKColor(1 / 3, 0.0137, 2 / 3, 0.125), Color(1 / 3, 2 / 3, 0.0137), CMYKColor(0, 1e-5, 0, 1)],
    ids=["cmyk", "rgb", "a trace of ink"],
)
def test_text_is_filled_with_its_colour_as_boxes_are(tmp_path: Path, colour: Color) -> None:
    """Text's fill went through the three-decimal position format: a third became
    0.333 and 1.37 % ink 1.4 %, where ReportLab writes a box, a rule or a band of the
    same colour to six decimals, so a plate could print a heading and its rule a level
    apart (1.37 % of 255 is 3.49: 3 for the rule, 4 for its text). Tolerance 1e-6: a
    16-bit plate resolves 1.5e-5."""
    from msc_leaflet.typeset import Run, default_family, make_paragraph

    path = tmp_path / "colour.pdf"
    run = Run("Colour", default_family().regular, 10.5, colour)
    style = ParagraphStyle("body", fontName=default_family().regular, fontSize=10.5)
    BaseDocTemplate(str(path), pageTemplates=[PageTemplate(frames=[
        Frame(0, 0, 300, 300)])]).build([make_paragraph([run], style, "en")])  # fmt: skip
    operator = "k" if isinstance(colour, CMYKColor) else "rg"
    count = 4 if operator == "k" else 3
    words = content(PdfReader(path).pages[0]).split()
    fills = [[float(v) for v in words[i - count : i]] for i, w in enumerate(words) if w == operator]
    asked = list(colour.cmyk() if operator == "k" else colour.rgb())
    assert any(fill == pytest.approx(asked, abs=1e-6) for fill in fills), fills
    numbers = [w for i, w in enumerate(words) if w == operator for w in words[i - count : i]]
    assert all(re.fullmatch(r"-?(\d+\.?\d*|\.\d+)", n) for n in numbers), numbers  # no 1e-05


def _margin_note_boxes(path: Path, body_left: float) -> list[list[tuple[float, ...]]]:
    """Per page, the box (left, bottom, right, top) of each text object drawn left of the
    body: the proof's block contexts, turned down the margin."""
    pages = []
    for page in pdfium.PdfDocument(path):
        boxes = []
        for obj in page.get_objects():
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_TEXT:
                box = obj.get_bounds()
                if box[2] < body_left:
                    boxes.append(box)
        pages.append(boxes)
    return pages


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_proof_margin_notes_never_overlap(tmp_path: Path, paper: str) -> None:
    """Blocks shorter than their context's name (a heading, then its first paragraph)
    drew each context down the margin from its block's top, over the next: on the Thai
    infusion leaflet "infusion-meaning", "where-cells-go" and "risks" printed on one
    another, and a reviewer could not say which block a comment was about."""
    path = build(tmp_path, "th", paper=paper, proof=True)
    body_left = load_theme(paper=paper).margins["left"]
    pages = _margin_note_boxes(path, body_left)
    assert sum(map(len, pages)) >= 7  # the first page alone has seven contexts
    for number, boxes in enumerate(pages, 1):
        for i, a in enumerate(boxes):
            assert a[0] >= 0, f"page {number}: a context runs off the sheet: {a}"
            for b in boxes[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, f"page {number}: contexts overlap: {a} and {b}"


def test_proof_margin_notes_read_as_words(tmp_path: Path) -> None:
    """Each context is a word of its own in the text a reviewer copies or searches:
    pypdf read a column of turned notes as one line ("short-answerinfusion"), pdf.js
    and pdfium ran two notes drawn end to end together ("risks-introplain-terms-risks")."""
    from pdfjs_text import extract_pdfjs

    path = build(tmp_path, "th", proof=True)
    body_left = load_theme().margins["left"]
    first = pdfium.PdfDocument(path)[0].get_textpage()
    contexts = [
        first.get_text_bounded(*box).strip() for box in _margin_note_boxes(path, body_left)[0]
    ]
    assert "where-cells-go" in contexts and "risks-intro" in contexts
    readers = {"pypdf": page_texts(path)[0], "pdf.js": extract_pdfjs(path)}
    readers["pdfium"] = first.get_text_range()
    for reader, text in readers.items():
        for context in contexts:
            alone = rf"(?<![\w-]){re.escape(context)}(?![\w-])"
            assert re.search(alone, text), f"{reader}: {context!r} runs into another word"


@pytest.mark.parametrize(("locale", "paper"), [("vi", "a5"), ("ja", "a5"), ("vi", "letter")])
def test_the_proof_watermark_stays_on_the_sheet(tmp_path: Path, locale: str, paper: str) -> None:
    """Set at one size in every language, the Vietnamese watermark ("BẢN IN THỬ – không
    phát cho người bệnh") ran off both corners of an A5 proof and the Japanese one off
    its top: a reviewer holding a trimmed proof read half a warning. On a page without
    the header band, no pixel of the watermark's pink lies within 2 mm of the sheet's
    edge (the margin notes, also magenta, keep 3 mm from it)."""
    project = Project.at(REPO / "tests" / "fixtures" / "languages")
    options = Options(spec=PrintSpec(proof=True, paper=paper))
    path = build_leaflet(project, "after-your-infusion", locale, tmp_path, options=options).path
    scale = 2
    image = pdfium.PdfDocument(path)[1].render(scale=scale).to_pil().convert("RGB")
    width, height = image.size
    strip = round(2 * MM * scale)
    pixels = image.load()
    pink = [
        (x, y)
        for y in range(height)
        for x in (
            range(width)
            if y < strip or y >= height - strip
            else [*range(strip), *range(width - strip, width)]
        )
        if (rgb := pixels[x, y])[0] - rgb[1] > 15 and rgb[2] - rgb[1] > 8
    ]
    assert not pink, f"watermark at the edge of the sheet, e.g. {pink[:3]} of {width}x{height}"
    # Not merely faded away: the watermark is still there, large, across the middle.
    middle = [pixels[x, height // 2] for x in range(width)]
    assert sum(1 for r, g, b in middle if r - g > 15 and b - g > 8) > 5


def test_margin_notes_are_placed_apart_however_crowded() -> None:
    """Placed by `place_margin_notes`: a note stays beside its block's top while a column
    is clear there; more notes than columns (a page of one-line blocks, two blocks
    side by side in the parallel edition) move down below the last, never over it."""
    from msc_leaflet.layout.proof import MARGIN_NOTE_GAP, margin_columns, place_margin_notes

    columns = margin_columns(13 * MM)  # A5's margin: the narrowest
    assert columns and all(x > 3 * MM for x in columns)
    crowded = [(700.0 - 12 * (n // 2), 80.0, f"block-{n}") for n in range(24)]
    placed = place_margin_notes(crowded, columns)
    assert sorted(context for _, _, context in placed) == sorted(c for _, _, c in crowded)
    asked = {context: top for top, _, context in crowded}
    for column in columns:
        tops = sorted((top for x, top, _ in placed if x == column), reverse=True)
        for above, below in pairwise(tops):
            assert below <= above - 80.0 - MARGIN_NOTE_GAP  # each note is 80 pt long
    assert all(top <= asked[context] for _, top, context in placed)
    alone = place_margin_notes([(500.0, 30.0, "a"), (300.0, 30.0, "b")], columns)
    assert alone == [(columns[0], 500.0, "a"), (columns[0], 300.0, "b")]


def test_margin_notes_pushed_down_stay_on_the_sheet_while_the_margin_holds_them() -> None:
    """A page of one-line paragraphs (40 on A5, each context 55 pt long for a 20 pt
    block) pushed its last contexts down past the foot of the sheet, where nobody saw
    them ("paragraph/15" drawn at y = -27). While the columns can hold every note, each
    column's notes move up instead, apart, none below the floor nor above the ceiling;
    notes the margin cannot hold are left below the floor rather than drawn on others."""
    from msc_leaflet.layout.proof import MARGIN_NOTE_GAP, margin_columns, place_margin_notes

    columns = margin_columns(13 * MM)
    floor, ceiling = 8.0, 587.0
    for count in (18, 40):
        short = [(520.0 - 20 * n, 55.0, f"paragraph/{n}") for n in range(count)]
        placed = place_margin_notes(short, columns, floor=floor, ceiling=ceiling)
        assert sorted(c for _, _, c in placed) == sorted(c for _, _, c in short)
        fits = count * (55.0 + MARGIN_NOTE_GAP) <= len(columns) * (ceiling - floor)
        for column in columns:
            tops = sorted((top for x, top, _ in placed if x == column), reverse=True)
            assert all(top <= ceiling for top in tops)
            for above, below in pairwise(tops):
                assert below <= above - 55.0 - MARGIN_NOTE_GAP
            if fits:
                assert all(top - 55.0 >= floor for top in tops), (count, tops)
        assert fits == (count == 18)


def test_a_tall_picture_is_converted_to_cmyk_by_the_same_rule_in_every_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large photo's CMYK conversion held six 32-bit copies of it at once (265 MB more
    for a 12-megapixel photo, #20): it is converted a band of rows at a time, and every
    row, across the bands' edges too, follows the one rule."""
    from PIL import Image

    from msc_leaflet.theme import colours

    monkeypatch.setattr(colours, "CMYK_BAND_ROWS", 7)
    colours_by_row = [(r * 9 % 256, 255 - r * 5 % 256, r * 13 % 256) for r in range(23)]
    image = Image.new("RGB", (3, len(colours_by_row)))
    for y, rgb in enumerate(colours_by_row):
        for x in range(3):
            image.putpixel((x, y), rgb)
    converted = colours.rgb_pixels_to_cmyk(image)
    assert converted.mode == "CMYK" and converted.size == image.size
    for y, rgb in enumerate(colours_by_row):
        expected = in_mode(RGB(*(v / 255 for v in rgb)), "cmyk")
        inks = converted.getpixel((2, y))
        assert isinstance(inks, tuple)
        assert all(abs(a - round(b * 255)) <= 1 for a, b in zip(inks, expected, strict=True))


#: A photo's four colours, within sRGB as Adobe RGB and Display P3 values (a wide-gamut
#: profile moves each of them, the green by 60 levels of 255).
TAGGED_COLOURS = ((150, 60, 60), (60, 140, 60), (60, 60, 150), (200, 180, 60))


def _four_colours(
    size: tuple[int, int] = (400, 200),
    colours: tuple[Any, ...] = TAGGED_COLOURS,
    mode: str = "RGB",
) -> Any:
    """A picture of four ``colours`` (`TAGGED_COLOURS` unless told) in its four
    quarters (top left, top right, …)."""
    from PIL import Image, ImageDraw

    width, height = size
    picture = Image.new(mode, size, colours[0])
    draw = ImageDraw.Draw(picture)
    draw.rectangle((width // 2, 0, width, height // 2), fill=colours[1])
    draw.rectangle((0, height // 2, width // 2, height), fill=colours[2])
    draw.rectangle((width // 2, height // 2, width, height), fill=colours[3])
    return picture


def _quarters_as_printed(pdf: Path) -> list[tuple[int, ...]]:
    """The colour at the middle of each quarter of the page's one picture, rendered."""
    import pypdfium2.raw as pdfium_c

    page = pdfium.PdfDocument(pdf)[0]
    (figure,) = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
    left, bottom, right, top = figure.get_bounds()
    rendered = page.render(scale=2).to_pil().convert("RGB")
    top_y = page.get_height() - top
    return [
        rendered.getpixel(
            (round(2 * (left + fx * (right - left))), round(2 * (top_y + fy * (top - bottom))))
        )
        for fy in (0.25, 0.75)
        for fx in (0.25, 0.75)
    ]


def _swatch_as_printed(colour: RGB | CMYK) -> tuple[int, ...]:
    """How the renderer shows a flat area of ``colour``: CMYK is shown by the renderer's
    own conversion, so a print build's picture is compared with the same ink drawn."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(20, 20))
    if isinstance(colour, CMYK):
        canvas.setFillColorCMYK(*colour)
    else:
        canvas.setFillColorRGB(*colour)
    canvas.rect(0, 0, 20, 20, fill=1, stroke=0)
    canvas.save()
    pixel = pdfium.PdfDocument(out.getvalue())[0].render().to_pil().convert("RGB")
    return tuple(pixel.getpixel((10, 10)))


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
@pytest.mark.parametrize("gamut", ["adobe-rgb", "display-p3"])
@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_picture_tagged_with_a_wide_gamut_profile_prints_its_colours(
    make_project: Callable[..., Path], tmp_path: Path, colour: str, gamut: str, kind: str
) -> None:
    """A photo tagged Adobe RGB (a camera's setting) or Display P3 (every iPhone photo)
    was printed as if its values were sRGB: its embedded profile was dropped, so its
    greens and reds came out dull (a green 60 levels of 255 off), where every viewer
    and browser shows it as its profile says. It is converted to sRGB by that profile,
    as a viewer shows it, then printed by the build's rule. Tolerance: 10 levels, for
    the JPEG's own compression and a level's rounding in each conversion."""
    import io

    from PIL import Image, ImageCms

    from icc_support import rgb_profile

    name = "photo.jpg" if kind == "JPEG" else "photo.png"
    root = make_project(
        {"sample": leaflet_yaml(f"- figure: {name}\n  alt: A photo\n- paragraph: One.\n")}
    )
    profile = rgb_profile(gamut)
    _four_colours().save(
        root / name, kind, icc_profile=profile, **({"quality": 95} if kind == "JPEG" else {})
    )
    with Image.open(root / name) as filed:
        shown = ImageCms.profileToProfile(
            filed, ImageCms.ImageCmsProfile(io.BytesIO(profile)), ImageCms.createProfile("sRGB")
        )
    assert shown is not None
    expected = []
    for fy in (0.25, 0.75):
        for fx in (0.25, 0.75):
            pixel = shown.getpixel((round(fx * 399), round(fy * 199)))
            assert isinstance(pixel, tuple)
            r, g, b = pixel
            expected.append(_swatch_as_printed(in_mode(RGB(r / 255, g / 255, b / 255), colour)))

    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=10), (_quarters_as_printed(pdf), expected)
    if kind == "JPEG":  # a photo stays a photo: a JPEG, not pixels in Flate
        import pikepdf

        with pikepdf.open(pdf) as document:
            (image,) = [i for page in document.pages for i in page.get_images().values()]
            assert pikepdf.PdfImage(cast(pikepdf.Stream, image)).filters == ["/DCTDecode"]


def test_a_photo_tagged_srgb_is_still_embedded_as_filed(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Most photos carry an sRGB profile: that is how the build reads every picture, so
    such a JPEG is still embedded in a screen build as its own bytes."""
    import pikepdf
    from PIL import ImageCms

    root = make_project(
        {"sample": leaflet_yaml("- figure: photo.jpg\n  alt: A photo\n- paragraph: One.\n")}
    )
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    _four_colours().save(root / "photo.jpg", quality=95, icc_profile=srgb)
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    with pikepdf.open(pdf) as document:
        (image,) = [image for page in document.pages for image in page.get_images().values()]
        assert image.read_raw_bytes() == (root / "photo.jpg").read_bytes()


#: A CMYK picture's four inks, one a quarter (`_four_colours`): cyan, magenta, yellow and a grey
#: of black, each printed quite differently by a press's profile and by the naive rule.
FOUR_INKS = ((255, 0, 0, 0), (0, 255, 0, 0), (0, 0, 255, 0), (0, 0, 0, 128))


def _quarters_of(picture: Any) -> list[tuple[int, ...]]:
    """The colour at the middle of each quarter of ``picture``, as `_quarters_as_printed`."""
    width, height = picture.size
    return [
        tuple(picture.getpixel((round(fx * (width - 1)), round(fy * (height - 1)))))
        for fy in (0.25, 0.75)
        for fx in (0.25, 0.75)
    ]


def _with_press(root: Path, profile: bytes) -> None:
    """Name ``profile`` as the press's in the project's theme, as a print shop's is."""
    theme = (REPO / "src" / "msc_leaflet" / "data" / "theme.yaml").read_text(encoding="utf-8")
    intent = "output-intent:\n  profile: profiles/press.icc\n  condition: FOGRA39\n"
    (root / "theme.yaml").write_text(theme + intent, encoding="utf-8")
    (root / "profiles").mkdir()
    (root / "profiles" / "press.icc").write_bytes(profile)


def _to_press(picture: Any, source: bytes, press: bytes) -> Any:
    """LittleCMS's conversion of ``picture`` (of profile ``source``) to the press's CMYK,
    as prepress tools make it: relative colorimetric with black point compensation."""
    import io

    from PIL import ImageCms

    transform = ImageCms.buildTransform(
        ImageCms.ImageCmsProfile(io.BytesIO(source)),
        ImageCms.ImageCmsProfile(io.BytesIO(press)),
        picture.mode,
        "CMYK",
        ImageCms.Intent.RELATIVE_COLORIMETRIC,
        ImageCms.Flags.BLACKPOINTCOMPENSATION,
    )
    return transform.apply(picture)


def _in_srgb_by(picture: Any, profile: bytes) -> Any:
    """LittleCMS's conversion of ``picture`` by its ``profile`` to sRGB, as viewers show it."""
    import io

    from PIL import ImageCms

    shown = ImageCms.profileToProfile(
        picture, ImageCms.ImageCmsProfile(io.BytesIO(profile)), ImageCms.createProfile("sRGB"),
        outputMode="RGB",
    )  # fmt: skip
    assert shown is not None
    return shown


def _spaces(pdf: Path) -> set[str]:
    """The colour spaces of the pictures of ``pdf``."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        return {str(i.ColorSpace) for page in document.pages for i in page.get_images().values()}


def _figure_project(make_project: Callable[..., Path], name: str) -> Path:
    return make_project(
        {"sample": leaflet_yaml(f"- figure: {name}\n  alt: A picture\n- paragraph: One.\n")}
    )


def test_a_cmyk_picture_with_its_own_profile_shows_its_colours_on_screen(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A CMYK picture tagged with its press's profile (a designer's file separated for
    "U.S. Web Coated (SWOP)") was shown on screen by the naive rule, its profile
    ignored: its cyan came out #00ffff, where the profile (and every viewer) shows a
    mid blue-green. It is shown in sRGB by its profile. Tolerance: the JPEG's own loss."""
    from PIL import Image

    from icc_support import coated_cmyk_profile

    root = _figure_project(make_project, "inks.jpg")
    profile = coated_cmyk_profile()
    _four_colours(colours=FOUR_INKS, mode="CMYK").save(
        root / "inks.jpg", quality=100, icc_profile=profile
    )
    with Image.open(root / "inks.jpg") as filed:
        expected = [_swatch_as_printed(RGB(*(v / 255 for v in c))) for c in
                    _quarters_of(_in_srgb_by(filed, profile))]  # fmt: skip
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "rgb").path
    assert _spaces(pdf) == {"/DeviceRGB"}
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=6), (_quarters_as_printed(pdf), expected)


def test_a_cmyk_picture_of_another_press_is_converted_to_the_shops_profile(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A CMYK picture separated for another press was embedded as its inks: the shop's
    press printed them as its own, in other colours. It is converted from its profile to
    the shop's (LittleCMS, as prepress tools do); one of the shop's own profile, or with
    no shop's profile named, is still embedded as filed, its own bytes."""
    import pikepdf
    from PIL import Image

    from icc_support import cmyk_profile, coated_cmyk_profile

    root = _figure_project(make_project, "inks.jpg")
    _with_press(root, cmyk_profile())
    profile = coated_cmyk_profile()
    _four_colours(colours=FOUR_INKS, mode="CMYK").save(
        root / "inks.jpg", quality=100, icc_profile=profile
    )
    with Image.open(root / "inks.jpg") as filed:
        inks = _quarters_of(_to_press(filed, profile, cmyk_profile()))
    expected = [_swatch_as_printed(CMYK(*(v / 255 for v in c))) for c in inks]
    options = Options(spec=PrintSpec(colour="cmyk"))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "a", options=options).path
    assert _spaces(pdf) == {"/DeviceCMYK"}
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=6), (_quarters_as_printed(pdf), expected)

    for press in (cmyk_profile(), None):  # the shop's own profile; no shop's profile
        _four_colours(colours=FOUR_INKS, mode="CMYK").save(
            root / "inks.jpg", quality=100, icc_profile=press or profile
        )
        if press is None:
            (root / "theme.yaml").unlink()
        out = tmp_path / ("own" if press else "none")
        pdf = build_leaflet(Project.at(root), "sample", None, out, options=options).path
        with pikepdf.open(pdf) as document:
            (image,) = [i for page in document.pages for i in page.get_images().values()]
            assert image.read_raw_bytes() == (root / "inks.jpg").read_bytes()


#: Greys a grey profile moves: a dark one (where gamma 2.2 and sRGB's curve part), a
#: mid grey (where linear grey moves most), and two more.
GREYS = (20, 60, 128, 200)


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
@pytest.mark.parametrize("gamma", [1.0, 2.2])
@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_grey_picture_with_its_own_profile_prints_its_greys(
    make_project: Callable[..., Path], tmp_path: Path, colour: str, gamma: float, kind: str
) -> None:
    """A greyscale picture tagged "linear grey" (gamma 1.0, a scanner's or a
    microscope camera's) or gamma 2.2 was printed as if its values were sRGB's: the
    linear one far too dark (its mid grey 128 printed as 128, where it shows as 188). It
    is converted to sRGB's greys by its profile, as viewers show it, and stays grey."""
    from PIL import Image

    from icc_support import grey_profile

    name = "grey.jpg" if kind == "JPEG" else "grey.png"
    root = _figure_project(make_project, name)
    profile = grey_profile(gamma)
    ramp = _four_colours(colours=GREYS, mode="L")
    ramp.save(root / name, kind, icc_profile=profile, **({"quality": 95} if kind == "JPEG" else {}))
    with Image.open(root / name) as filed:
        shown = _quarters_of(_in_srgb_by(filed, profile))
    expected = [_swatch_as_printed(RGB(*(v / 255 for v in c))) for c in shown]  # grey, as filed
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    assert _spaces(pdf) == {"/DeviceGray"}
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=4), (_quarters_as_printed(pdf), expected)


@pytest.mark.parametrize("gamut", ["adobe-rgb", "display-p3"])
def test_a_wide_gamut_photo_goes_straight_to_the_shops_profile(
    make_project: Callable[..., Path], tmp_path: Path, gamut: str
) -> None:
    """A wide-gamut photo was clipped to sRGB before the press's conversion: a green
    the press prints (Adobe RGB's full green: C100 Y100 on the test press) lost what
    sRGB lacks, and printed as sRGB's duller green does (C62 Y86). It is converted
    from its own profile to the press's in one LittleCMS transform, as prepress tools
    convert it."""
    from PIL import Image, ImageCms, ImageDraw

    from icc_support import coated_cmyk_profile, rgb_profile

    root = _figure_project(make_project, "photo.png")
    press = coated_cmyk_profile()
    _with_press(root, press)
    profile = rgb_profile(gamut)
    picture = _four_colours()
    ImageDraw.Draw(picture).rectangle((200, 0, 400, 100), fill=(0, 255, 0))  # beyond sRGB
    picture.save(root / "photo.png", icc_profile=profile)
    with Image.open(root / "photo.png") as filed:
        inks = _quarters_of(_to_press(filed, profile, press))
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        clipped = _quarters_of(_to_press(_in_srgb_by(filed, profile), srgb, press))
    assert max(abs(a - b) for a, b in zip(inks[1], clipped[1], strict=True)) > 20  # the green
    expected = [_swatch_as_printed(CMYK(*(v / 255 for v in c))) for c in inks]
    options = Options(spec=PrintSpec(colour="cmyk"))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path, options=options).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


def test_a_cmyk_picture_converted_to_the_shops_profile_is_not_judged_by_its_own_inks(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """LAYOUT006 read a CMYK picture's ink from its file: one of another press's profile,
    which the build converts to the shop's (within its limit), was named as "printed as
    filed" with its own 380 %. Only a picture printed as filed is judged by its inks."""
    from PIL import Image

    from icc_support import cmyk_profile, coated_cmyk_profile

    root = _figure_project(make_project, "heavy.jpg")
    _with_press(root, cmyk_profile())
    options = Options(spec=PrintSpec(colour="cmyk"))
    found = {}
    for name, profile in (("other", coated_cmyk_profile()), ("own", cmyk_profile())):
        heavy = Image.new("CMYK", (900, 900), (242, 242, 230, 255))
        heavy.save(root / "heavy.jpg", quality=100, icc_profile=profile)
        result = build_leaflet(Project.at(root), "sample", None, tmp_path / name, options=options)
        found[name] = [f for f in result.findings if getattr(f, "code", "") == "LAYOUT006"]
    assert found["other"] == []
    assert len(found["own"]) == 1 and "heavy.jpg" in str(found["own"][0])


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
@pytest.mark.parametrize("gamma", [1.0, 2.2])
def test_a_16_bit_grey_picture_with_its_own_profile_prints_its_greys(
    make_project: Callable[..., Path], tmp_path: Path, colour: str, gamma: float
) -> None:
    """A 16-bit greyscale scan or micrograph tagged "linear grey" (or gamma 2.2) was
    scaled to 8 bits and its profile dropped: its mid grey printed 128 where every
    viewer shows 188. It is read by its profile, as an 8-bit grey picture is, and stays
    grey."""
    from PIL import Image

    from icc_support import grey_profile

    root = _figure_project(make_project, "scan.png")
    profile = grey_profile(gamma)
    greys = _four_colours(colours=GREYS, mode="L")
    scan = Image.new("I;16", greys.size)
    scan.putdata([v * 257 for v in greys.get_flattened_data()])
    scan.save(root / "scan.png", icc_profile=profile)
    with Image.open(root / "scan.png") as filed:
        assert filed.mode.startswith("I;16")
        shown = _quarters_of(_in_srgb_by(filed, profile))
    expected = [_swatch_as_printed(RGB(*(v / 255 for v in c))) for c in shown]
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    assert _spaces(pdf) == {"/DeviceGray"}
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=4), (_quarters_as_printed(pdf), expected)


def test_a_16_bit_linear_grey_keeps_its_shadows_smooth(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A linear grey's shadows are where its 16 bits matter: cut to 8 bits before its
    profile is applied, a smooth dark ramp printed in steps of 6 levels of 255 (bands
    in a micrograph's dark field). It is read by its profile at its own 16 bits."""
    from PIL import Image

    from icc_support import grey_profile

    root = _figure_project(make_project, "dark.png")
    ramp = Image.new("I;16", (256, 32))
    ramp.putdata([x * 10 for _ in range(32) for x in range(256)])  # 0 → 2550 of 65535
    ramp.save(root / "dark.png", icc_profile=grey_profile(1.0))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    shown = _rendered_figure(pdf)
    row = [shown.getpixel((x, 16)) for x in range(shown.width)]
    assert row[-1] > 40  # read by its profile: linear 4 % is sRGB's 21 %
    assert max(b - a for a, b in pairwise(row)) <= 2, row


def _without_adobe_marker(jpeg: bytes) -> bytes:
    """``jpeg`` without its APP14 "Adobe" segment, as a metadata stripper (``exiftool
    -all=``) leaves a CMYK JPEG: its inks are still stored inverted, Adobe's way."""
    start = jpeg.index(b"\xff\xee")
    length = int.from_bytes(jpeg[start + 2 : start + 4], "big")
    return jpeg[:start] + jpeg[start + 2 + length :]


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
def test_a_cmyk_jpeg_without_its_adobe_marker_prints_as_it_shows(
    make_project: Callable[..., Path], tmp_path: Path, colour: str
) -> None:
    """Whether a CMYK JPEG's inks are stored inverted is said by its Adobe marker, which
    metadata strippers remove. Pillow reads such a file as Adobe-inverted still, and the
    PDF's /Decode must agree, or the picture prints as its negative: its cyan as red."""
    import io

    from PIL import Image

    root = _figure_project(make_project, "inks.jpg")
    filed = io.BytesIO()
    _four_colours(colours=FOUR_INKS, mode="CMYK").save(filed, "JPEG", quality=100)
    (root / "inks.jpg").write_bytes(_without_adobe_marker(filed.getvalue()))
    with Image.open(root / "inks.jpg") as shown:
        inks = _quarters_of(shown)
    for read, filed_inks in zip(inks, FOUR_INKS, strict=True):  # Pillow reads it inverted
        assert read == pytest.approx(filed_inks, abs=2)
    expected = [_swatch_as_printed(in_mode(CMYK(*(v / 255 for v in c)), colour)) for c in inks]
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=6), (_quarters_as_printed(pdf), expected)


def _see_through(mode: str, path: Path) -> None:
    """A picture whose transparency a viewer honours: black (the colour a hidden text
    would be in) made see-through, around a visible square. ``mode`` names how the PNG
    says so: a colour key (``RGB``, ``L``, ``1``: PNG's tRNS for a truecolour or grey
    picture), a palette whose entries carry opacities, or one whose see-through entry
    is the same black as an opaque one."""
    from PIL import Image, ImageDraw

    if mode in ("RGB", "L", "1"):
        picture = Image.new(mode, (300, 300), 0)
        fill: tuple[int, ...] | int = {"RGB": (200, 50, 50), "L": (128,), "1": (1,)}[mode]
        ImageDraw.Draw(picture).rectangle((60, 60, 240, 240), fill=fill)
        picture.save(path, transparency=(0, 0, 0) if mode == "RGB" else 0)
        return
    picture = Image.new("P", (300, 300), 0)
    picture.putpalette([0, 0, 0, 0, 0, 0, 200, 50, 50] + [0] * 759)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((60, 60, 240, 240), fill=2)
    draw.rectangle((100, 100, 200, 200), fill=1)  # opaque black, as the see-through entry
    opacity = bytes([0, 255, 128]) if mode == "P translucent" else bytes([0, 255, 255])
    picture.save(path, transparency=opacity)


def _rendered_page(root: Path, out: Path, colour: str) -> Any:
    """Page 1 of the sample leaflet of ``root``, built in ``colour``, as a viewer shows it."""
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, out, options=options).path
    return pdfium.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
@pytest.mark.parametrize("mode", ["RGB", "L", "1", "P translucent", "P same black"])
def test_a_picture_prints_see_through_where_a_viewer_shows_it_so(
    make_project: Callable[..., Path], tmp_path: Path, mode: str, colour: str
) -> None:
    """A PNG may make one colour see-through (tRNS): browsers and viewers honour it. A
    screen build drew such a truecolour or grey PNG from its file, and ReportLab reads
    that key for palettes only: the black around the square, all a viewer showed
    see-through, printed as a black box (a text hidden in it printed too). The page is
    the page of the same picture with its opacity spelled out as an alpha channel."""
    from PIL import Image, ImageChops

    root = make_project({"sample": leaflet_yaml("- figure: key.png\n  alt: A red square\n")})
    _see_through(mode, root / "key.png")
    shown = _rendered_page(root, tmp_path / "key", colour)
    with Image.open(root / "key.png") as filed:
        spelled = filed.convert("RGBA")
    if mode in ("L", "1"):
        spelled = spelled.convert("LA")  # a grey picture stays grey
    spelled.save(root / "key.png")
    expected = _rendered_page(root, tmp_path / "alpha", colour)
    bands = cast(tuple[tuple[int, int], ...], ImageChops.difference(shown, expected).getextrema())
    assert max(high for _, high in bands) <= 2


def _png_stating(
    picture: Any,
    path: Path,
    gamma: float | None = None,
    chromaticities: tuple[float, ...] | None = None,
    srgb: bool = False,
    **save: Any,
) -> None:
    """Save ``picture`` as a PNG whose chunks state its colours as scientific and
    medical software writes them: gAMA (the exponent its samples were encoded with, in
    100,000ths), cHRM (white point, then red, green and blue, x and y each), sRGB."""
    import struct

    from PIL import PngImagePlugin

    chunks = PngImagePlugin.PngInfo()
    if gamma is not None:
        chunks.add(b"gAMA", struct.pack(">I", round(gamma * 100000)))
    if chromaticities is not None:
        chunks.add(b"cHRM", struct.pack(">8I", *(round(v * 100000) for v in chromaticities)))
    if srgb:
        chunks.add(b"sRGB", bytes([0]))
    picture.save(path, "PNG", pnginfo=chunks, **save)


def _srgb_level(linear: float) -> float:
    """A linear light (0–1) in sRGB's encoding (IEC 61966-2.1), in levels of 255."""
    encoded = 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
    return 255 * min(1.0, max(0.0, encoded))


def _shown_at_gamma(level: float, gamma: float) -> float:
    """A sample of a PNG of gAMA ``gamma`` as a browser shows it, in sRGB's levels: the
    file's samples are light to the power ``gamma`` (PNG 3rd ed., 11.3.3.2)."""
    return _srgb_level((level / 255) ** (1 / gamma))


#: Pillow's modes of a PNG, and the four colours (`_four_colours`) of each (opaque).
PNG_MODES = {
    "RGB": TAGGED_COLOURS,
    "RGBA": TAGGED_COLOURS,
    "P": TAGGED_COLOURS,
    "L": GREYS,
    "LA": GREYS,
    "I;16": GREYS,
}


def _png_picture(mode: str) -> Any:
    """The four colours of ``mode`` (`PNG_MODES`), a 16-bit grey scaled to its 16 bits."""
    from PIL import Image

    if mode == "I;16":
        greys = _four_colours(colours=GREYS, mode="L")
        deep = Image.new("I;16", greys.size)
        deep.putdata([v * 257 for v in greys.get_flattened_data()])
        return deep
    if mode == "P":
        return _four_colours().quantize(4)
    opaque = _four_colours(colours=PNG_MODES[mode], mode=mode.rstrip("A"))
    return opaque.convert(mode)  # with an alpha channel, all opaque, for RGBA and LA


def _expected_swatches(
    colours: tuple[Any, ...], colour: str, shown: Callable[[float], float]
) -> list[tuple[int, ...]]:
    """How each of ``colours`` prints in a ``colour`` build once ``shown`` maps each of
    its samples to sRGB: a grey stays grey in print, a colour is converted by the rule."""
    swatches = []
    for filed in colours:
        channels = (filed,) * 3 if isinstance(filed, int) else filed[:3]
        srgb = RGB(*(shown(v) / 255 for v in channels))
        swatches.append(
            _swatch_as_printed(srgb if isinstance(filed, int) else in_mode(srgb, colour))
        )
    return swatches


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
@pytest.mark.parametrize("mode", list(PNG_MODES))
def test_a_linear_png_prints_as_a_browser_shows_it(
    make_project: Callable[..., Path], tmp_path: Path, colour: str, mode: str
) -> None:
    """A PNG from scientific or medical software often says only that its samples are
    linear light (gAMA 1.0, no profile). Every browser shows its mid grey 128 at about
    188; the build ignored the chunk and printed 128: the clinician approved a lighter
    picture than printed. It is converted to sRGB from that gamma, in every mode a PNG
    is read in (truecolour, with alpha, palette, grey, 16-bit grey)."""
    root = _figure_project(make_project, "linear.png")
    _png_stating(_png_picture(mode), root / "linear.png", gamma=1.0)
    expected = _expected_swatches(PNG_MODES[mode], colour, lambda v: _shown_at_gamma(v, 1.0))
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


@pytest.mark.parametrize("gamma", [1 / 1.8, 0.8])
def test_a_png_of_another_gamma_prints_as_a_browser_shows_it(
    make_project: Callable[..., Path], tmp_path: Path, gamma: float
) -> None:
    """Any stated gamma is read, not only linear: an old Mac's 1/1.8, or 0.8."""
    root = _figure_project(make_project, "gamma.png")
    _png_stating(_four_colours(), root / "gamma.png", gamma=gamma)
    filed = round(gamma * 100000) / 100000  # as the chunk holds it
    expected = _expected_swatches(TAGGED_COLOURS, "rgb", lambda v: _shown_at_gamma(v, filed))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


#: Adobe RGB (1998)'s primaries and white (D65), as a cHRM chunk holds them: white x, y,
#: then red, green and blue.
ADOBE_RGB_CHRM = (0.3127, 0.3290, 0.64, 0.33, 0.21, 0.71, 0.15, 0.06)
#: sRGB's own (IEC 61966-2.1), as the PNG specification gives them for an sRGB file.
SRGB_CHRM = (0.3127, 0.3290, 0.64, 0.33, 0.30, 0.60, 0.15, 0.06)


def _rgb_to_xyz(chromaticities: tuple[float, ...]) -> list[list[float]]:
    """The matrix from linear RGB of these primaries to CIE XYZ, its white's Y 1."""

    def xyz(x: float, y: float) -> list[float]:
        return [x / y, 1.0, (1 - x - y) / y]

    white, *primaries = (xyz(*chromaticities[i : i + 2]) for i in range(0, 8, 2))
    columns = list(zip(*primaries, strict=True))  # rows of the primaries' XYZ
    scale = _solve([list(row) for row in columns], white)
    return [[v * s for v, s in zip(row, scale, strict=True)] for row in columns]


def _tagged_colours_as_printed(
    primaries: tuple[float, ...], light: Callable[[float], float], colour: str
) -> list[tuple[int, ...]]:
    """`TAGGED_COLOURS`, filed in the RGB of ``primaries`` whose curve ``light`` turns a
    level (0-255) into light, as they print once shown in sRGB as browsers show them."""
    to_xyz, srgb_to_xyz = _rgb_to_xyz(primaries), _rgb_to_xyz(SRGB_CHRM)
    expected = []
    for filed in TAGGED_COLOURS:
        linear = [light(v) for v in filed]
        xyz = [sum(m * c for m, c in zip(row, linear, strict=True)) for row in to_xyz]
        srgb = RGB(*(_srgb_level(v) / 255 for v in _solve(srgb_to_xyz, xyz)))
        expected.append(_swatch_as_printed(in_mode(srgb, colour)))
    return expected


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """``x`` with ``matrix`` · x = ``vector`` (Cramer's rule)."""

    def det(m: list[list[float]]) -> float:
        return (
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        )

    whole = det(matrix)
    return [
        det([[vector[r] if c == i else matrix[r][c] for c in range(3)] for r in range(3)]) / whole
        for i in range(3)
    ]


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
def test_a_png_of_stated_primaries_prints_as_a_browser_shows_it(
    make_project: Callable[..., Path], tmp_path: Path, colour: str
) -> None:
    """A PNG may state its primaries (cHRM) beside its gamma: Adobe RGB's, here, which
    browsers read as such (its green far purer than sRGB's). It is converted from
    those primaries and that gamma to sRGB. Expected by the formulas: the file's linear
    light through its primaries to XYZ, and from XYZ to sRGB's linear light (both of
    white D65, so no adaptation), then sRGB's encoding."""
    root = _figure_project(make_project, "wide.png")
    _png_stating(_four_colours(), root / "wide.png", gamma=1 / 2.2, chromaticities=ADOBE_RGB_CHRM)
    expected = _tagged_colours_as_printed(
        ADOBE_RGB_CHRM, lambda v: (v / 255) ** (1 / 0.45455), colour
    )
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


def test_a_png_of_another_white_keeps_its_greys_grey(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A cHRM's white point (here D50, a print-oriented tool's) is the file's white:
    shown relative to it, as browsers show it, a grey stays a grey and white paper."""
    d50 = (0.3457, 0.3585, 0.64, 0.33, 0.30, 0.60, 0.15, 0.06)
    greys = (60, 128, 200, 255)
    root = _figure_project(make_project, "d50.png")
    picture = _four_colours(colours=tuple((g, g, g) for g in greys))
    _png_stating(picture, root / "d50.png", gamma=1.0, chromaticities=d50)
    expected = _expected_swatches(greys, "rgb", lambda v: _shown_at_gamma(v, 1.0))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


@pytest.mark.parametrize(
    "stated",
    [
        {"gamma": 1 / 2.2},  # what most tools write for an sRGB-ish file
        {"gamma": 1 / 2.2, "chromaticities": SRGB_CHRM},
        {"gamma": 1.0, "srgb": True},  # the sRGB chunk wins
        {"gamma": 1.0, "icc_profile": "sRGB"},  # as does an embedded profile
        {"chromaticities": ADOBE_RGB_CHRM},  # primaries and no gamma: no transfer stated
        {"gamma": 0.0},  # not a gamma: the chunk is broken
    ],
    ids=["gamma-1/2.2", "gamma-1/2.2-srgb-primaries", "srgb-chunk", "iccp", "chrm-only", "zero"],
)
def test_a_png_stating_srgb_or_nothing_readable_is_drawn_as_filed(
    make_project: Callable[..., Path], tmp_path: Path, stated: dict[str, Any]
) -> None:
    """Pictures whose chunks say sRGB, or are overruled by an sRGB or iCCP chunk, or
    say nothing that can be read, are drawn from their files as every picture was."""
    from PIL import Image, ImageCms

    from msc_leaflet.layout.images import printed_as_filed

    root = _figure_project(make_project, "plain.png")
    if stated.get("icc_profile"):
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        stated = {**stated, "icc_profile": srgb}
    _png_stating(_four_colours(), root / "plain.png", **stated)
    with Image.open(root / "plain.png") as filed:
        assert "gamma" in filed.info or "chromaticity" in filed.info  # the chunks were read
    assert printed_as_filed(root / "plain.png", load_theme(None))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    expected = [_swatch_as_printed(RGB(*(v / 255 for v in c))) for c in TAGGED_COLOURS]
    assert _quarters_as_printed(pdf) == expected


def test_a_linear_png_goes_to_the_press_in_its_shown_colours(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """In a print build with the shop's profile, the press is given the colours a
    browser shows (the formula's sRGB, converted by the press's profile), not the
    file's darker samples."""
    from PIL import Image, ImageCms

    from icc_support import coated_cmyk_profile

    root = _figure_project(make_project, "linear.png")
    press = coated_cmyk_profile()
    _with_press(root, press)
    _png_stating(_four_colours(), root / "linear.png", gamma=1.0)
    shown = Image.new("RGB", (len(TAGGED_COLOURS), 1))
    shown.putdata([tuple(round(_shown_at_gamma(v, 1.0)) for v in c) for c in TAGGED_COLOURS])
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    inks = _to_press(shown, srgb, press)
    expected = [
        _swatch_as_printed(CMYK(*(v / 255 for v in inks.getpixel((i, 0)))))
        for i in range(len(TAGGED_COLOURS))
    ]
    options = Options(spec=PrintSpec(colour="cmyk"))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path, options=options).path
    assert _spaces(pdf) == {"/DeviceCMYK"}
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
@pytest.mark.parametrize("stated", ["gamma", "profile"])
def test_a_colour_keyed_png_of_its_own_colours_keeps_its_see_through_colour(
    make_project: Callable[..., Path], tmp_path: Path, colour: str, stated: str
) -> None:
    """A truecolour PNG with a see-through colour (tRNS) and its own colours (a gAMA,
    or a wide-gamut profile) lost the key when it was converted to sRGB: the black a
    viewer shows see-through printed as a black box. It prints as the same picture
    with its opacity spelled out as an alpha channel."""
    from PIL import Image, ImageChops

    from icc_support import rgb_profile

    root = make_project({"sample": leaflet_yaml("- figure: key.png\n  alt: A red square\n")})
    _see_through("RGB", root / "key.png")
    with Image.open(root / "key.png") as filed:
        keyed, spelled = filed.convert("RGB"), filed.convert("RGBA")
    own: dict[str, Any] = (
        {"gamma": 1.0} if stated == "gamma" else {"icc_profile": rgb_profile("adobe-rgb")}
    )
    _png_stating(keyed, root / "key.png", transparency=(0, 0, 0), **own)
    shown = _rendered_page(root, tmp_path / "key", colour)
    _png_stating(spelled, root / "key.png", **own)
    expected = _rendered_page(root, tmp_path / "alpha", colour)
    bands = cast(tuple[tuple[int, int], ...], ImageChops.difference(shown, expected).getextrema())
    assert max(high for _, high in bands) <= 2


@pytest.mark.parametrize(
    "chromaticities",
    [
        (0.3127, 0.3290, 0.64, 0.33, 0.30, 0.60, 0.15, 0.0),  # a primary of no light (y 0)
        (0.9, 0.05, 0.64, 0.33, 0.30, 0.60, 0.15, 0.06),  # white outside the primaries
        (0.3127, 0.3290, 0.64, 0.33, 0.64, 0.33, 0.15, 0.06),  # two primaries the same
        (0.3127, 0.3290, 1.5, 0.33, 0.30, 0.60, 0.15, 0.06),  # not a chromaticity
    ],
)
def test_a_broken_chrm_is_set_aside_and_its_gamma_still_read(
    chromaticities: tuple[float, ...],
) -> None:
    """A cHRM no colours can have is set aside, as libpng sets it aside: the picture's
    gamma is read with sRGB's primaries, as if the chunk were not there."""
    from msc_leaflet.theme.png_chunks import chunk_profile

    without = chunk_profile({"gamma": 1.0}, grey=False)
    assert without is not None
    assert chunk_profile({"gamma": 1.0, "chromaticity": chromaticities}, grey=False) == without


@pytest.mark.parametrize("gamma", [0.0, 0.00001, 1000.0, -1.0])
def test_a_gamma_no_picture_is_encoded_with_is_set_aside(gamma: float) -> None:
    """A gAMA of 0, or far outside any encoding, is a broken chunk: the picture is read
    as sRGB, as every picture was, not made black or white by it."""
    from msc_leaflet.theme.png_chunks import chunk_profile

    for grey in (False, True):
        assert chunk_profile({"gamma": gamma}, grey=grey) is None


def test_a_grey_png_reads_its_gamma_and_not_its_primaries() -> None:
    """Primaries mean nothing to a grey picture: its profile is its gamma's alone, and
    LittleCMS opens every profile made here as one of the picture's colour space."""
    import io

    from PIL import ImageCms

    from msc_leaflet.theme.png_chunks import chunk_profile

    grey = chunk_profile({"gamma": 1.0, "chromaticity": ADOBE_RGB_CHRM}, grey=True)
    assert grey is not None and grey == chunk_profile({"gamma": 1.0}, grey=True)
    colour = chunk_profile({"gamma": 1.0, "chromaticity": ADOBE_RGB_CHRM}, grey=False)
    assert colour is not None
    for profile, space in ((grey, "GRAY"), (colour, "RGB")):
        opened = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        assert ImageCms.getProfileInfo(opened) and opened.profile.xcolor_space.strip() == space


#: Display P3's primaries and white (D65), as H.273 gives primaries code 12.
DISPLAY_P3_PRIMARIES = (0.3127, 0.3290, 0.680, 0.320, 0.265, 0.690, 0.150, 0.060)


def _png_with_cicp(picture: Any, path: Path, code_points: bytes, **save: Any) -> None:
    """Save ``picture`` as a PNG stating its colours in a cICP chunk (PNG 3rd ed.):
    primaries, transfer function, matrix (0: RGB) and full range (1), one byte each."""
    from PIL import PngImagePlugin

    chunks = PngImagePlugin.PngInfo()
    chunks.add(b"cICP", code_points)
    picture.save(path, "PNG", pnginfo=chunks, **save)


def _srgb_light(level: float) -> float:
    """A level of 255 in sRGB's encoding as linear light, 0–1 (IEC 61966-2-1)."""
    v = level / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
@pytest.mark.parametrize("also", ["nothing", "an sRGB iCCP", "a gAMA"])
def test_a_display_p3_png_stated_by_cicp_prints_as_a_browser_shows_it(
    make_project: Callable[..., Path], tmp_path: Path, colour: str, also: str
) -> None:
    """A PNG may name its display by cICP code points alone (12, 13, 0, 1: Display P3
    primaries, sRGB's curve), as a phone's or a Mac's screenshot does. Browsers read
    it before any other chunk; the build ignored it and printed its values as sRGB,
    every colour duller than the reviewer saw. Expected by the formulas: sRGB's curve
    to light, P3's primaries to XYZ, XYZ to sRGB's light (both white D65), sRGB's curve.
    An sRGB profile or a gAMA beside it changes nothing: cICP overrules them."""
    from PIL import ImageCms

    root = _figure_project(make_project, "p3.png")
    extra: dict[str, Any] = {}
    if also == "an sRGB iCCP":
        extra["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    _png_with_cicp(_four_colours(), root / "p3.png", bytes([12, 13, 0, 1]), **extra)
    if also == "a gAMA":
        import struct

        from PIL import Image, PngImagePlugin

        chunks = PngImagePlugin.PngInfo()
        chunks.add(b"cICP", bytes([12, 13, 0, 1]))
        chunks.add(b"gAMA", struct.pack(">I", 100000))  # linear, were cICP not there
        with Image.open(root / "p3.png") as saved:
            saved.save(root / "p3.png", "PNG", pnginfo=chunks)
    expected = _tagged_colours_as_printed(DISPLAY_P3_PRIMARIES, _srgb_light, colour)
    options = Options(spec=PrintSpec(colour=colour))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / colour, options=options).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


def test_a_png_stated_srgb_by_cicp_is_drawn_as_filed_whatever_else_it_says(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """cICP 1, 13, 0, 1 is sRGB: a browser shows the file's values, and so does the
    build, though the file also embeds Adobe RGB's profile and states a linear gAMA."""
    import struct

    from PIL import PngImagePlugin

    from icc_support import rgb_profile
    from msc_leaflet.layout.images import printed_as_filed

    root = _figure_project(make_project, "plain.png")
    chunks = PngImagePlugin.PngInfo()
    chunks.add(b"cICP", bytes([1, 13, 0, 1]))
    chunks.add(b"gAMA", struct.pack(">I", 100000))
    _four_colours().save(
        root / "plain.png", "PNG", pnginfo=chunks, icc_profile=rgb_profile("adobe-rgb")
    )
    assert printed_as_filed(root / "plain.png", load_theme(None))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    expected = [_swatch_as_printed(RGB(*(v / 255 for v in c))) for c in TAGGED_COLOURS]
    assert _quarters_as_printed(pdf) == expected


@pytest.mark.parametrize("mode", ["RGB", "L", "I;16"])
def test_a_linear_png_stated_by_cicp_prints_as_a_browser_shows_it(
    make_project: Callable[..., Path], tmp_path: Path, mode: str
) -> None:
    """cICP 1, 8, 0, 1 (BT.709 primaries, linear light) is read as a linear gAMA is,
    in colour, in greys and in 16-bit greys: mid grey 128 shows about 188."""
    root = _figure_project(make_project, "linear.png")
    _png_with_cicp(_png_picture(mode), root / "linear.png", bytes([1, 8, 0, 1]))
    expected = _expected_swatches(PNG_MODES[mode], "rgb", lambda v: _shown_at_gamma(v, 1.0))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path).path
    for got, want in zip(_quarters_as_printed(pdf), expected, strict=True):
        assert got == pytest.approx(want, abs=2), (_quarters_as_printed(pdf), expected)


def _png_16_bit_rgb(
    rows: list[list[tuple[int, int, int]]], path: Path, key: tuple[int, int, int]
) -> None:
    """Write a 16-bit truecolour PNG (which Pillow cannot save) of ``rows`` of 16-bit
    samples, ``key`` its see-through colour (tRNS)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 16, 2, 0, 0, 0)
    pixels = b"".join(b"\0" + b"".join(struct.pack(">3H", *p) for p in row) for row in rows)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"tRNS", struct.pack(">3H", *key))
        + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b"")
    )  # fmt: skip


@pytest.mark.parametrize("colour", ["rgb", "cmyk"])
def test_a_16_bit_png_keeps_its_see_through_colour_and_only_it(
    make_project: Callable[..., Path], tmp_path: Path, colour: str
) -> None:
    """A 16-bit truecolour PNG's see-through colour (tRNS) is 16 bits a sample, and
    Pillow reads its pixels in 8: the key matched nothing, and the colour a browser
    shows see-through printed as a box. A browser hides exactly the pixels of the key's
    16 bits: here a band one sixty-fifth-thousandth of blue from it stays opaque. The
    page is that of the picture a browser shows, spelled out in 8-bit RGBA."""
    from PIL import Image, ImageChops, ImageDraw

    key, near, red = (0x1234, 0x5678, 0x9ABC), (0x1234, 0x5678, 0x9ABD), (0xC800, 0x3200, 0x3200)
    rows = [
        [red if 60 <= x < 240 and 60 <= y < 240 else near if y >= 270 else key for x in range(300)]
        for y in range(300)
    ]
    root = make_project({"sample": leaflet_yaml("- figure: key.png\n  alt: A red square\n")})
    _png_16_bit_rgb(rows, root / "key.png", key)
    shown = _rendered_page(root, tmp_path / "key", colour)
    spelled = Image.new("RGBA", (300, 300), (0x12, 0x56, 0x9A, 0))  # the key, hidden
    draw = ImageDraw.Draw(spelled)
    draw.rectangle((0, 270, 299, 299), fill=(0x12, 0x56, 0x9A, 255))
    draw.rectangle((60, 60, 239, 239), fill=(0xC8, 0x32, 0x32, 255))
    spelled.save(root / "key.png")
    expected = _rendered_page(root, tmp_path / "alpha", colour)
    bands = cast(tuple[tuple[int, int], ...], ImageChops.difference(shown, expected).getextrema())
    assert max(high for _, high in bands) <= 2


def test_a_16_bit_grey_png_with_alpha_prints_in_black_ink_alone(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Pillow reads a 16-bit grey PNG with alpha as RGBA, so a print build with the
    shop's profile separated its greys into four inks, where every grey picture prints
    in black alone. It prints grey (DeviceGray), as its 8-bit twin does, and alike."""
    import struct
    import zlib

    from PIL import Image, ImageChops

    from icc_support import coated_cmyk_profile

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    root = _figure_project(make_project, "grey.png")
    _with_press(root, coated_cmyk_profile())
    levels = [(x * 65535 // 299, 0 if x < 30 else 65535) for x in range(300)]  # a ramp
    row = b"\0" + b"".join(struct.pack(">2H", *sample) for sample in levels)
    (root / "grey.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 300, 100, 16, 4, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * 100)) + chunk(b"IEND", b"")
    )  # fmt: skip
    options = Options(spec=PrintSpec(colour="cmyk"))
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "deep", options=options).path
    assert _spaces(pdf) == {"/DeviceGray"}
    shown = pdfium.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    twin = Image.new("LA", (300, 100))
    twin.putdata([(v >> 8, a >> 8) for v, a in levels] * 100)
    twin.save(root / "grey.png")
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "twin", options=options).path
    expected = pdfium.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")
    bands = cast(tuple[tuple[int, int], ...], ImageChops.difference(shown, expected).getextrema())
    assert max(high for _, high in bands) <= 2


def code_fill(pdf: Path) -> tuple[str, tuple[float, ...]]:
    """The colour operator and values of the fill that paints the most rectangles on the
    last page: the QR code's dark modules."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        colour: tuple[str, tuple[float, ...]] = ("", ())
        saved: list[tuple[str, tuple[float, ...]]] = []
        best, rectangles = colour, 0
        count = 0
        for instruction in pikepdf.parse_content_stream(document.pages[-1]):
            op, operands = str(instruction.operator), instruction.operands
            if op == "q":
                saved.append(colour)
            elif op == "Q" and saved:
                colour = saved.pop()
            elif op in ("k", "rg", "g", "sc", "scn"):
                colour = (op, tuple(float(v) for v in operands if isinstance(v, int | Decimal)))
            elif op == "re":
                count += 1
            elif op in ("f", "f*", "F", "B", "b", "S", "n"):
                if count > rectangles:
                    best, rectangles = colour, count
                count = 0
    assert rectangles > 50, "no QR code on the last page"
    return best


def test_a_print_builds_qr_code_prints_in_solid_black(tmp_path: Path) -> None:
    """The code's dark modules were the theme's ink, K 85 in print: a tint, which a
    press prints as a halftone screen, so each module's edge was a row of dots and the
    paper showed through, where a phone's camera looks for clean dark squares. A print
    build draws them in solid black ink, K 100; a screen build keeps the theme's ink."""
    root, _ = with_url(tmp_path, "https://example.org/leaflets/fasting")
    from fasting import LEAFLET

    for colour, expected in (("cmyk", ("k", (0.0, 0.0, 0.0, 1.0))), ("rgb", None)):
        options = Options(spec=PrintSpec(colour=colour))
        out = tmp_path / colour
        pdf = build_leaflet(Project.at(root), LEAFLET, "en", out, options=options).path
        op, values = code_fill(pdf)
        if expected is not None:
            assert (op, values) == expected
        else:  # the bundled ink on screen, #1f2a30
            assert op == "rg" and values == pytest.approx(
                (0x1F / 255, 0x2A / 255, 0x30 / 255), abs=1e-3
            )
