"""The languages fixture in every edition and on every paper a clinic prints (#16).

tests/fixtures/languages (after-your-infusion, a catalog per language) is built in the
single, parallel and proof editions on A4 and A5 for every new language, the way a user
builds it (the CLI, all jobs of a paper in one run), and read back: every font is an
embedded subset, no glyph is the font's .notdef box, and the single edition's text
layer holds every translated message.
"""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from fontTools.ttLib import TTFont
from pdfminer.layout import LTChar
from pypdf import PageObject, PdfReader
from pypdf.generic import ByteStringObject, ContentStream, DictionaryObject, TextStringObject
from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate
from typer.testing import CliRunner

from msc_leaflet.cli.app import app
from msc_leaflet.finishing.imposition import sheet_order
from msc_leaflet.finishing.preflight import preflight
from msc_leaflet.i18n.pofile import read_po
from msc_leaflet.typeset import Run, default_family, make_paragraph, outlines
from msc_leaflet.typeset.printed_language import reference_language
from pdfread import font_problems, items_of
from typeset_support import EXTRACTORS, extract_pdfium, marks_inside_words

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "languages"
LEAFLET = "after-your-infusion"
LANGS = ("my", "km", "lo", "vi", "zh_Hans", "ja", "ar", "hi")
PAPERS = {"a4": (595.3, 841.9), "a5": (419.5, 595.3)}  # points, portrait
# (file name suffix, --proof): each built in the single and the parallel edition.
VARIANTS = {"": False, ".proof": True}
EDITIONS = {"single": "", "parallel": ".parallel"}
# Every extractor reads every message of every language exactly (NFC, whitespace and
# format characters aside) on A4 and A5. Arabic lines are written in reading order
# (`typeset.reading_order`) on pages pdftotext reads right to left
# (`typeset.page_direction`); a Burmese table cell that wraps beside its neighbour's
# lines has its text layer written so that it reads as a whole (`typeset.line_pitch`).


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Output folder per paper; one CLI run per paper and proof setting."""
    root = tmp_path_factory.mktemp("languages")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    outs: dict[str, Path] = {}
    for paper in PAPERS:
        out = root / paper
        for proof in VARIANTS.values():
            args = ["build", "--project", str(project), "--out", str(out), "--paper", paper]
            args += [arg for lang in LANGS for arg in ("--locale", lang)]
            args += ["--edition", "single", "--edition", "parallel", "--jobs", "2"]
            result = CliRunner().invoke(app, [*args, *(["--proof"] if proof else [])])
            assert result.exit_code == 0, result.output
            assert "Traceback" not in result.output
            (out / f"build{'.proof' if proof else ''}.log").write_text(result.output)
        outs[paper] = out
    return outs


def outputs(built: dict[str, Path], lang: str) -> list[tuple[str, Path]]:
    return [
        (paper, built[paper] / lang / f"{LEAFLET}{edition}{variant}.pdf")
        for paper in PAPERS
        for edition in EDITIONS.values()
        for variant in VARIANTS
    ]


def _codes_shown(reader: PdfReader, page: PageObject) -> dict[str, set[int]]:
    """The character codes each font resource of ``page`` is asked to draw."""
    shown: dict[str, set[int]] = {}
    font = ""
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            font = str(operands[0])
        elif operator in (b"Tj", b"'", b'"', b"TJ"):
            strings = operands[0] if operator == b"TJ" else operands[-1:]
            for item in strings:
                if isinstance(item, TextStringObject):
                    shown.setdefault(font, set()).update(item.get_original_bytes())
                elif isinstance(item, ByteStringObject):
                    shown.setdefault(font, set()).update(bytes(item))
    return shown


def notdef_glyphs(path: Path) -> list[str]:
    """Characters drawn with a font's .notdef glyph (glyph 0: an empty box on paper).

    Each code a text operator shows is looked up in the embedded font program's cmap
    (ReportLab's subsets map code → glyph there); its text comes from the ToUnicode CMap.
    """
    found: list[str] = []
    reader = PdfReader(path)
    for number, page in enumerate(reader.pages, 1):
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        fonts = resources.get("/Font", {})
        for name, codes in _codes_shown(reader, page).items():
            font = fonts[name].get_object()
            program = font["/FontDescriptor"].get_object().get("/FontFile2")
            if program is None:
                found.append(f"page {number}: {font['/BaseFont']} is not a TrueType program")
                continue
            ttf = TTFont(io.BytesIO(program.get_object().get_data()))
            cmap = ttf["cmap"].tables[0].cmap
            notdef = ttf.getGlyphOrder()[0]
            cmap_text = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            texts = {
                int(code, 16): bytes.fromhex(value).decode("utf-16-be")
                for code, value in re.findall(r"<([0-9A-F]{2})> <((?:[0-9A-F]{4})+)>", cmap_text)
            }
            for code in sorted(codes):
                if cmap.get(code, notdef) == notdef:
                    text = texts.get(code, "?")
                    found.append(f"page {number}: {font['/BaseFont']} code {code:#04x} {text!r}")
    return found


def squash(text: str) -> str:
    """NFC, without whitespace or format characters (ZWSP, bidi marks)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


def translated_pieces(lang: str, *, source: bool = False, po: Path | None = None) -> list[str]:
    """Every translated message of the leaflet (or of the catalog ``po``), as a reader
    sees it: markup dropped, cut at citations (they become superscript numbers); with
    ``source``, their English."""
    catalog = read_po(po or FIXTURE / "locales" / lang / "LC_MESSAGES" / f"{LEAFLET}.po")
    pieces = []
    for entry in catalog.active:
        context = entry.msgctxt or ""
        if not entry.msgid or context == "audience" or context.startswith("keywords/"):
            continue  # the audience is the PDF's subject, the keywords its keywords
        if (entry.msgctxt or "").startswith("ref/"):
            continue  # reference titles are cited as published, in their own language
        assert entry.msgstr, (lang, entry.msgctxt)
        text = (entry.msgid if source else entry.msgstr).replace("**", "").replace("*", "")
        pieces += [p for p in re.split(r"\s*\[@[^\]]*\]", text) if p.strip()]
    return pieces


def unread(pieces: list[str], pdf: Path, extract: Callable[[Path], str], text: str) -> list[str]:
    """The ``pieces`` ``extract`` does not read in ``pdf`` (``text``, read whole), in
    full and in order. A piece the page breaks is read in two halves, the end of one
    page and the start of the next, with that page's footer and the next one's running
    header between them: the longest start of it read on a page, then the rest on the
    next. (A paragraph the frame splits to fill a page, sized to the notes of what it
    holds, is such a piece.)"""
    missing = [p for p in pieces if squash(p) not in text]
    if not missing:
        return []
    pages = [squash(extract(single)) for single in _single_pages(pdf)]
    return [p for p in missing if not _read_over_a_break(squash(p), pages)]


def _read_over_a_break(piece: str, pages: list[str]) -> bool:
    for page, after in pairwise(pages):
        start = next((k for k in range(len(piece) - 1, 0, -1) if piece[:k] in page), 0)
        if start and piece[start:] in after:
            return True
    return False


def _single_pages(pdf: Path) -> list[Path]:
    """Each page of ``pdf`` saved as a PDF of its own, so every extractor reads it alone."""
    singles = []
    with pikepdf.open(pdf) as whole:
        for number, page in enumerate(whole.pages, 1):
            single = pdf.parent / "pages" / f"{pdf.stem}.{number}.pdf"
            if not single.exists():
                single.parent.mkdir(exist_ok=True)
                part = pikepdf.new()
                part.pages.append(page)
                part.save(single)
            singles.append(single)
    return singles


@pytest.mark.parametrize("lang", LANGS)
def test_every_edition_and_paper_builds_with_fonts_that_draw(
    built: dict[str, Path], lang: str
) -> None:
    for paper, pdf in outputs(built, lang):
        assert pdf.is_file(), pdf
        reader = PdfReader(pdf)
        for page in reader.pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert size == pytest.approx(PAPERS[paper], abs=1), (pdf, size)
        assert font_problems(pdf) == [], pdf
        assert notdef_glyphs(pdf) == [], pdf
        assert "\ufffd" not in extract_pdfium(pdf), pdf


# The parallel edition sets each translation's column beside the English one, so most
# of a page's letters can be Latin: pdftotext reads a page with Arabic lines right to
# left all the same (`typeset.page_direction`), and every extractor reads every
# translated message there too.
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("edition", sorted(EDITIONS))
@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_every_extractor_reads_every_translated_message(
    built: dict[str, Path], lang: str, paper: str, edition: str, extractor: str
) -> None:
    pdf = built[paper] / lang / f"{LEAFLET}{EDITIONS[edition]}.pdf"
    read = EXTRACTORS[extractor](pdf)
    text = squash(read)
    missing = unread(translated_pieces(lang), pdf, EXTRACTORS[extractor], text)
    assert missing == []
    # The marks that keep the order right (`typeset.reading_order`, `page_direction`)
    # are dropped above; a search for a word must find it with them kept too.
    assert marks_inside_words(read) == []


# Beside the translation, the English column must read exactly too. pdftotext joins
# words on one baseline whose gap is under their font size: the 24 pt titles of the
# title row, 17 pt apart, were read line by line across both columns ("After your cell
# ဆဲလ်များကို"), and the English lede was cut after its first line (my, km, lo).
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
def test_every_extractor_reads_the_english_column_of_the_parallel_edition(
    built: dict[str, Path], lang: str, paper: str, extractor: str
) -> None:
    pdf = built[paper] / lang / f"{LEAFLET}.parallel.pdf"
    text = squash(EXTRACTORS[extractor](pdf))
    missing = unread(translated_pieces(lang, source=True), pdf, EXTRACTORS[extractor], text)
    assert missing == []


def test_no_layout_finding_in_any_edition(built: dict[str, Path]) -> None:
    # The parallel title row holds the title and the lede: a page holding only that row
    # (Burmese, A5 proof) is not a page with only a heading (LAYOUT002 said it was).
    for out in built.values():
        for log in sorted(out.glob("build*.log")):
            findings = [line for line in log.read_text().splitlines() if "LAYOUT" in line]
            assert findings == [], log.name


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_pdfium_reads_the_arabic_footer_as_a_line_of_its_own(
    built: dict[str, Path], paper: str
) -> None:
    # The page number is a left-to-right run of one digit after a right-to-left mark;
    # pdfium ran a text object whose glyphs all start at one point into the line above
    # (the last reference). See `reading_order.MARK_LEAD`. The document-control line
    # and the page number share a baseline: each is a line of its own to pdfium
    # (`shared_baselines`), as they are two lines to a screen reader.
    text = extract_pdfium(built[paper] / "ar" / f"{LEAFLET}.pdf")
    numbers = [line for line in text.splitlines() if "صفحة" in line]
    controls = [line for line in text.splitlines() if "الإصدار" in line and "LANG" in line]
    assert numbers and len(controls) == len(numbers), text
    assert all(line.strip().startswith("صفحة") for line in numbers), numbers
    assert not any(LATIN_WORD.search(line) for line in [*numbers, *controls]), controls


LATIN_WORD = re.compile("[a-z]{4,}")  # a reference's words; the footer has TEST-LANG-001


def text_boxes(pdf: Path, text: str) -> list[tuple[int, float, float]]:
    """(page, left edge, baseline) in points of every occurrence of ``text``."""
    import pypdfium2

    boxes = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for number, page in enumerate(document):
            textpage = page.get_textpage()
            search = textpage.search(text, match_case=True)
            while found := search.get_next():
                index, count = found
                chars = [textpage.get_charbox(i) for i in range(index, index + count)]
                boxes.append((number, min(c[0] for c in chars), min(c[1] for c in chars)))
    finally:
        document.close()
    return boxes


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("ar", ["العلامة", "ألم في الصدر"], ["ماذا تفعل", "اتصل بالرقم"]),
        ("vi", ["Dấu hiệu", "Đau ngực"], ["Cần làm gì", "Gọi 1669"]),
    ],
)
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_right_to_left_table_starts_at_the_right(
    built: dict[str, Path], lang: str, first: list[str], second: list[str], paper: str
) -> None:
    pdf = built[paper] / lang / f"{LEAFLET}.pdf"
    for a, b in zip(first, second, strict=True):  # the header, then the first row
        # The two cells of one table row: the same page and line.
        pairs = [
            (xa, xb)
            for page_a, xa, ya in text_boxes(pdf, a)
            for page_b, xb, yb in text_boxes(pdf, b)
            if page_a == page_b and abs(ya - yb) < 3
        ]
        assert len(pairs) == 1, (a, b, pairs)
        [(xa, xb)] = pairs
        assert (xa > xb) == (lang == "ar"), (a, xa, b, xb)


@pytest.mark.parametrize("lang", ["ar", "km"])
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_the_translation_column_stands_where_its_lines_start(
    built: dict[str, Path], lang: str, paper: str
) -> None:
    # Beside the English column, a right-to-left translation stands at the right (as
    # on bilingual Arabic and English forms, and its page furniture is mirrored too);
    # any other at the left.
    pdf = built[paper] / lang / f"{LEAFLET}.parallel.pdf"
    middle = PAPERS[paper][0] / 2
    [(_, english, _)] = text_boxes(pdf, "After your cell")
    title = {"ar": "بعد تسريب", "km": "បន្ទាប់ពី"}[lang]
    translation = min(x for page, x, _ in text_boxes(pdf, title) if page == 0)
    assert (english < middle < translation) == (lang == "ar"), (english, translation)
    assert (translation < middle < english) == (lang != "ar"), (english, translation)


# Tesseract's language data per locale, and the highest character error rate (CER) of
# page 1 at 300 dpi. Measured (tesseract 5.3.0, `<lang>+eng`, the page's Latin band and
# references included): my 0.255, km 0.197, lo 0.160, vi 0.032, zh_Hans 0.084,
# ja 0.045, ar 0.128, hi 0.053 (`hin`, tesseract 5.3.0 too); th 0.062 (`tha`: page 1 of
# the clinic's own infusion-safety leaflet, `thai_built`, not this fixture: Thai has
# real catalogs). Most of Thai's errors are tesseract's own: it writes sara am as
# nikhahit + sara aa (ํา), and drops a tone mark over an upper vowel (ที่ → ที) in
# a clean rendering too (`test_thai_hard_cases_read_back_by_ocr` holds each mark). The
# thresholds leave room for another tesseract build; a broken glyph, a lost mark or a
# line set backwards costs far more.
OCR = {
    "th": ("tha", 0.12),
    "my": ("mya", 0.35),
    "km": ("khm", 0.30),
    "lo": ("lao", 0.25),
    "vi": ("vie", 0.08),
    "zh_Hans": ("chi_sim", 0.15),
    "ja": ("jpn", 0.10),
    "ar": ("ara", 0.20),
    "hi": ("hin", 0.10),
}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions of characters."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_reference_in_a_right_to_left_leaflet_reads_as_published(
    built: dict[str, Path], paper: str
) -> None:
    # A Vancouver reference is cited in the source language: in an Arabic leaflet it
    # runs left to right, its full stop after the page range (it was drawn before the
    # first author), in the list at the end and in the page footer. Galipeau is cited
    # on page 1 (its footer) and listed on page 2; Ankrum is cited on the list's page
    # on A5, where the list alone prints it.
    pdf = built[paper] / "ar" / f"{LEAFLET}.pdf"
    for author, stop, printed in (("Galipeau J", "824–833.", 2), ("Ankrum JA", "252–60.", 0)):
        authors = text_boxes(pdf, author)
        stops = text_boxes(pdf, stop)
        assert len(authors) == len(stops) >= (printed or 1), (authors, stops)
        assert not printed or len(authors) == printed, (authors, stops)
        for (page, start, _), (stop_page, end, _) in zip(authors, stops, strict=True):
            assert page == stop_page and start < end


def ink_columns(pdf: Path, page: int, bottom: float, top: float) -> tuple[float, float]:
    """The leftmost and rightmost x (points) with ink between ``bottom`` and ``top``
    (points from the page's foot) on ``page``, from a rendering at 72 dpi."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page].render(scale=1).to_pil().convert("L")
    finally:
        document.close()
    height = image.height
    box = image.crop((0, round(height - top), image.width, round(height - bottom)))
    inked = box.point(lambda value: 255 if value < 128 else 0).getbbox()
    assert inked is not None
    return float(inked[0]), float(inked[2])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_online_note_of_a_right_to_left_leaflet_stands_at_the_right(
    tmp_path: Path, lang: str
) -> None:
    # The QR code and its two lines ("This leaflet online" and the address) at the foot
    # of the last page are page furniture, mirrored as the band is: in Arabic the code
    # stands at the right and its lines end against it, flush right; they stood at the
    # left, the Arabic label ragged against the code.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    source = project / "leaflets" / f"{LEAFLET}.yaml"
    url = "https://example.org/leaflets/after-your-infusion"
    source.write_text(source.read_text().replace("\nblocks:", f"\nurl: {url}\nblocks:", 1))
    out = tmp_path / "out"
    args = ["build", LEAFLET, "--project", str(project), "--out", str(out), "-l", lang]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    pdf = out / lang / f"{LEAFLET}.pdf"
    # The contact box gives the address too, with its https://: the note's is lowest.
    page, address_left, baseline = min(
        text_boxes(pdf, "example.org/leaflets/after"), key=lambda box: (-box[0], box[2])
    )
    document = pypdfium2.PdfDocument(pdf)
    width = document[page].get_width()
    document.close()
    left, right = ink_columns(pdf, page, baseline - 30, baseline - 5)  # the code only
    code_width = right - left
    assert 50 < code_width < 65  # 20 mm
    if lang == "ar":
        assert left > width / 2 and address_left < left  # the address ends left of it
    else:
        assert right < width / 2 and address_left > right


#: One-line paragraphs that bring the Arabic A5 closing box to the foot of its page, with
#: room for the box but not for the QR note below it (68 pt).
FILLER = 19


def test_a_qr_code_with_no_room_below_the_box_stands_in_it_left_of_the_contacts(
    tmp_path: Path,
) -> None:
    # With no room for the note below the closing box, the note stood alone on a page
    # of its own. The code is drawn inside the box beside the contacts, mirrored as the
    # note is: in Arabic at the left, the contacts' lines ending at the right.
    from qr_read import find_code

    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    source = project / "leaflets" / f"{LEAFLET}.yaml"
    url = "https://example.org/leaflets/after-your-infusion"
    filler = "  - paragraph: Rest today and drink water.\n" * FILLER
    text = source.read_text().replace("\nblocks:", f"\nurl: {url}\nblocks:", 1)
    source.write_text(text.replace("\nreferences:", f"\n{filler}references:", 1))
    out = tmp_path / "out"
    args = ["build", LEAFLET, "--project", str(project), "--out", str(out), "-l", "ar"]
    args += ["--paper", "a5"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    pdf = out / "ar" / f"{LEAFLET}.pdf"
    page, contacts_left, baseline = text_boxes(pdf, "Test Clinic")[-1]  # the box's
    code = find_code(pdf, page, url)
    assert code is not None and code.matches and code.quiet
    assert code.bottom > 70  # in the box, above where the note stands on the page's foot
    assert code.bottom < baseline < code.bottom + code.size  # beside the contacts
    assert code.left + code.size < contacts_left  # at their left
    assert page == len(pypdfium2.PdfDocument(pdf)) - 1  # no page after it


ARABIC_SOURCE_LEAFLET = """\
id: written-in-arabic
language: ar
title: بعد تسريب الخلايا
document: {code: TEST-AR-002, version: "1.0", published: 2026-11-01, next_review: 2027-11-01}
organisation: test-clinic
disclaimer: هذه النشرة معلومات عامة فقط. لا تغني عن استشارة طبيبك.
blocks:
  - paragraph: >-
      الخلايا المتبرع بها تتجنب جهاز المناعة لفترة، لكنها ليست مخفية عنه [@ankrum2014].
references:
  - key: ankrum2014
    authors: [Ankrum JA, Ong JF, Karp JM]
    title: "MSCs: immune evasive, not immune privileged"
    journal: Nat Biotechnol
    year: 2014
    volume: "32"
    issue: "3"
    pages: 252–60
"""
PUBLISHED = (
    "Ankrum JA, Ong JF, Karp JM. MSCs: immune evasive, not immune privileged."
    " Nat Biotechnol. 2014;32(3):252–60."
)


def test_an_english_reference_in_a_leaflet_written_in_arabic_reads_as_published(
    tmp_path: Path,
) -> None:
    # A clinic may write its leaflet in Arabic; the papers it cites were published in
    # English. Such an entry is English, not the leaflet's language: it runs left to
    # right from the left, its full stop after the page range (it was drawn at its
    # left end, ".2014;32(3):252–60", and pdfium read "252–60 ... Ankrum JA ... .1"),
    # in the page footer and in the list at the end alike. Its one page cites it and
    # lists it: the list prints it, and no footer repeats it.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    (project / "leaflets" / "written-in-arabic.yaml").write_text(ARABIC_SOURCE_LEAFLET)
    out = tmp_path / "out"
    args = ["build", "written-in-arabic", "--project", str(project), "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "-l", "ar"])
    assert result.exit_code == 0, result.output
    pdf = out / "ar" / "written-in-arabic.pdf"
    authors = text_boxes(pdf, "Ankrum JA")
    stops = text_boxes(pdf, "252–60.")
    assert len(authors) == len(stops) == 1, (authors, stops)
    for (page, start, _), (stop_page, end, _) in zip(authors, stops, strict=True):
        assert page == stop_page and start < 100 < end  # from the left margin (57 pt)
    for name, extract in EXTRACTORS.items():
        text = "".join(c for c in extract(pdf) if unicodedata.category(c) != "Cf")
        text = " ".join(text.split())
        assert text.count(PUBLISHED) == 1, (name, text)


def test_a_text_printed_untranslated_runs_left_to_right(tmp_path: Path) -> None:
    # An English answer the Arabic catalog lacks prints in English: as an English
    # paragraph, left to right, its full stop at its end; the rest stays Arabic. Of one
    # line, it stands at the column's start, the right, where an Arabic reader looks
    # for it (docs/scripts.md: as wide as its text, CSS width: fit-content).
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    po = project / "locales" / "ar" / "LC_MESSAGES" / f"{LEAFLET}.po"
    arabic = "اسأل طبيبك المعالج قبل أن تحجز رحلة طويلة."
    po.write_text(po.read_text(encoding="utf-8").replace(f'msgstr "{arabic}"', 'msgstr ""'))
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", "ar"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "ar" / f"{LEAFLET}.pdf"
    english = "Ask your treating doctor before you book a long journey."
    [(_, start, _)] = text_boxes(pdf, "Ask your")
    [(_, end, _)] = text_boxes(pdf, "journey.")
    assert 100 < start < end  # left to right, away from the left margin (57 pt)
    assert end > 500  # ending at the right margin (595 - 57 pt), not flush left
    assert english in extract_pdfium(pdf).replace("\n", " ")


def drawn_lines(pdf: Path) -> list[str]:
    """Each line of every page as drawn, its glyphs from left to right (pdfminer)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    lines: dict[tuple[int, int], list[LTChar]] = {}
    for number, page in enumerate(extract_pages(pdf)):
        for char in items_of(page, LTChar):
            if char.get_text().strip() and unicodedata.category(char.get_text()[0]) != "Cf":
                lines.setdefault((number, round(char.y0)), []).append(char)
    return [
        "".join(c.get_text() for c in sorted(chars, key=lambda c: c.x0)) for chars in lines.values()
    ]


def test_the_contact_box_of_a_right_to_left_leaflet_keeps_each_value_in_its_order(
    tmp_path: Path,
) -> None:
    # The organisation's address and phone number are written once, left to right, and
    # printed beside a translated label. Set as part of the Arabic line, the bidi
    # algorithm moved the house number to the end of the address ("Road, Bangkok 45")
    # and drew the phone number's groups right to left ("0000 000 2 +66"), while the
    # WhatsApp number below it, after a Latin label, kept its order.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    organisation = project / "organisations" / "test-clinic.yaml"
    organisation.write_text(
        organisation.read_text()
        + 'address: 45 Riverside Road, Bangkok 10500\nphone: "+66 2 123 4567"\n'
        + 'whatsapp: "+66 64 505 5599"\n'
    )
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", "ar"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "ar" / f"{LEAFLET}.pdf"
    lines = [squash(line) for line in drawn_lines(pdf)]
    assert any("45RiversideRoad,Bangkok10500" in line for line in lines), lines
    assert any("+6621234567" in line for line in lines), lines
    assert any("+66645055599" in line for line in lines), lines
    # The band on page 1: each label with its value, whichever way the line runs.
    assert any("WhatsApp+66645055599" in line for line in lines), lines
    assert not any("+66645055599LINE" in line for line in lines), lines
    text = squash(EXTRACTORS["pdftotext"](pdf))
    assert "45RiversideRoad,Bangkok10500" in text
    assert "+6621234567" in text


@pytest.mark.parametrize(
    ("lang", "label", "written"),
    [
        ("zh_Hans", "网站：", "网站: "),
        ("ja", "住所：", "住所: "),
        ("vi", "Địa chỉ: ", ""),
        # Khmer ends a label with ៖ and Burmese with "-", as the ui catalogs' own
        # translators write "Date: {date}": "កាលបរិច្ឆេទ៖ {date}", "ရက်စွဲ- {date}".
        ("km", "គេហទំព័រ៖ https", "គេហទំព័រ: "),
        ("my", "ဝက်ဘ်ဆိုက်- https", "ဝက်ဘ်ဆိုက်: "),
    ],
)
def test_a_contact_label_ends_in_its_languages_colon(
    tmp_path: Path, lang: str, label: str, written: str
) -> None:
    # The contact box wrote ": " after every label: "网站: https://…", "住所: 45 …" in
    # Chinese and Japanese, which end a label with the full-width colon and no space.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    organisation = project / "organisations" / "test-clinic.yaml"
    organisation.write_text(organisation.read_text() + "address: 45 Riverside Road\n")
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", lang]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = EXTRACTORS["pdfminer"](tmp_path / "out" / lang / f"{LEAFLET}.pdf")
    assert label in text
    assert not written or written not in text


@pytest.mark.parametrize(("lang", "colon"), [("zh_Hans", "LINE：@"), ("ja", "LINE：@")])
def test_a_label_the_translator_kept_as_written_ends_in_the_languages_colon(
    tmp_path: Path, lang: str, colon: str
) -> None:
    # "LINE" is a brand: its translation is "LINE". Taken for an untranslated English
    # label, it ended in ": " while the labels under it ended in "：" ("LINE: @clinic"
    # above "网站：https://…"). Only a label the catalog cannot give is English.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", lang]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = EXTRACTORS["pdfminer"](tmp_path / "out" / lang / f"{LEAFLET}.pdf")
    assert colon in text.replace(" ", "")
    assert "LINE:" not in text


def test_a_reference_is_numbered_as_the_language_numbers_a_list(tmp_path: Path) -> None:
    # A Burmese numbered list counts "၁။ ၂။" (languages.yaml list-stop: its fonts have
    # no "."), but the reference list and the footnotes of the same leaflet printed
    # "၁. Galipeau J…": two ways of numbering on one page.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", "my"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = squash(EXTRACTORS["pdfminer"](tmp_path / "out" / "my" / f"{LEAFLET}.pdf"))
    assert text.count("\u1041\u104bGalipeauJ") == 2  # page 1's footer, page 2's list
    # cited on page 2 and listed there: the list prints it, no footer repeats it
    assert text.count("\u1042\u104bAnkrumJA") == 1
    assert "\u1041.Galipeau" not in text


def build_a5(tmp_path: Path, lang: str, edit: Callable[[Path], None]) -> Path:
    """The fixture copied, changed by ``edit`` (given the copy's root), built on A5 in
    ``lang``: the PDF. A5 is where the page furniture runs out of room first."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    edit(project)
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", lang]
    result = CliRunner().invoke(app, [*args, "--paper", "a5"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / lang / f"{LEAFLET}.pdf"


LONG_TITLE = "What to do on the first day after your cell infusion at our clinic"


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        (
            "my",
            "ကျွန်ုပ်တို့၏ ဆေးခန်းတွင် ဆဲလ်များကို သွေးကြောထဲ သွင်းပြီးနောက် ပထမနေ့တွင် လုပ်ရမည့်အရာများ",
        ),
        ("km", "អ្វីដែលត្រូវធ្វើនៅថ្ងៃដំបូង ក្រោយពេលបញ្ចូលកោសិកាតាមសរសៃឈាម នៅគ្លីនិករបស់យើង"),
        ("en", LONG_TITLE),
    ],
)
def test_a_long_title_in_the_running_header_stops_before_the_organisation(
    tmp_path: Path, lang: str, title: str
) -> None:
    # A Burmese or Khmer title is often two or three times its English. On A5 the
    # running header drew it whole: through the organisation's name and past the page's
    # edge. It is now cut where a line may break, with "…", before the name.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    name = "Test Clinic for Cell Therapy Bangkok"

    def edit(project: Path) -> None:
        organisation = project / "organisations" / "test-clinic.yaml"
        organisation.write_text(organisation.read_text().replace("Test Clinic", name))
        leaflet = project / "leaflets" / f"{LEAFLET}.yaml"
        leaflet.write_text(leaflet.read_text().replace("After your cell infusion", LONG_TITLE))
        if lang != "en":
            po = project / "locales" / lang / "LC_MESSAGES" / f"{LEAFLET}.po"
            text = po.read_text(encoding="utf-8")
            entry = r'(msgctxt "title"\nmsgid ")[^"]*("\nmsgstr ")[^"]*"'
            text = re.sub(entry, rf'\g<1>{LONG_TITLE}\g<2>{title}"', text)
            po.write_text(text, encoding="utf-8")

    page = list(extract_pages(build_a5(tmp_path, lang, edit)))[1]
    header = sorted(
        (c for c in items_of(page, LTChar) if c.y0 > page.height - 60 and c.get_text().strip()),
        key=lambda c: c.x0,
    )
    squashed = name.replace(" ", "")
    text = "".join(c.get_text() for c in header)
    assert text.endswith(squashed), text  # the name, right of every letter of the title
    title_chars, name_chars = header[: -len(squashed)], header[-len(squashed) :]
    assert max(c.x1 for c in title_chars) < min(c.x0 for c in name_chars) - 10
    assert max(c.x1 for c in header) <= page.width - 30  # inside the right margin (A5: 13 mm)
    assert squash(text).startswith(squash(title.split()[0])) and "\u2026" in text


def text_over_text(chars: list[LTChar], right: float) -> list[str]:
    """The lines of ``chars`` (pdfminer's, grouped by baseline) where a glyph starts
    inside the glyphs before it (one text printed over another), or that run past
    ``right``. Glyphs may touch, and a mark sits on its letter: a few points pass."""
    lines: dict[int, list[LTChar]] = {}
    for char in chars:
        lines.setdefault(round(char.y0), []).append(char)
    found = []
    for line in lines.values():
        line.sort(key=lambda c: c.x0)
        ends = [max(c.x1 for c in line[: n + 1]) for n in range(len(line))]
        over = any(c.x0 < end - 4 for c, end in zip(line[1:], ends, strict=False))
        if over or max(c.x1 for c in line) > right:
            found.append("".join(c.get_text() for c in line))
    return found


@pytest.mark.parametrize("lang", ["my", "km", "en"])
def test_a_long_document_control_line_keeps_clear_of_the_page_number(
    tmp_path: Path, lang: str
) -> None:
    # Burmese labels its review date "ပြန်လည်သုံးသပ်မည့်နေ့": on A5, with a document
    # code of 25 characters, the control line ran under "စာမျက်နှာ ၂ / ၂" and both
    # printed over each other. Its parts that do not fit beside the page number go on
    # the line below, whole.
    from pdfminer.high_level import extract_pages

    code = "MSC-PI-INFUSION-2026-0042"

    def edit(project: Path) -> None:
        leaflet = project / "leaflets" / f"{LEAFLET}.yaml"
        leaflet.write_text(
            leaflet.read_text().replace("TEST-LANG-001", code).replace('"1.0"', '"1.0.12"')
        )

    for page in extract_pages(build_a5(tmp_path, lang, edit)):
        footer = [c for c in items_of(page, LTChar) if c.y1 < 40 and c.get_text().strip()]
        assert text_over_text(footer, page.width - 30) == []
        assert code in "".join(c.get_text() for c in sorted(footer, key=lambda c: (-c.y0, c.x0)))


@pytest.mark.parametrize("lang", ["my", "th", "en"])
def test_the_band_s_contacts_keep_clear_of_a_long_organisation_name(
    tmp_path: Path, lang: str
) -> None:
    # On A5 the band drew "LINE @… · WhatsApp +66 …" at its right whatever the name at
    # its left: a clinic's full name ran under it. A contact line that does not fit
    # beside the name is parted between its items, one a line.
    from pdfminer.high_level import extract_pages

    def edit(project: Path) -> None:
        organisation = project / "organisations" / "test-clinic.yaml"
        name = "Test Clinic for Cell Therapy Bangkok"
        organisation.write_text(
            organisation.read_text().replace("Test Clinic", name) + 'whatsapp: "+66 80 000 0000"\n'
        )
        if lang == "th":  # the fixture has no Thai catalogs: the library's ui.po
            (project / "locales" / "th" / "LC_MESSAGES").mkdir(parents=True)
            ui = REPO / "locales" / "th" / "LC_MESSAGES" / "ui.po"
            shutil.copy(ui, project / "locales" / "th" / "LC_MESSAGES")

    page = next(iter(extract_pages(build_a5(tmp_path, lang, edit))))
    band = [c for c in items_of(page, LTChar) if c.y0 > page.height - 70 and c.get_text().strip()]
    names = [c for c in band if c.size > 11]  # the name is set at the band's 12 pt
    contacts = [c for c in band if c.size <= 11]
    assert max(c.x1 for c in names) < min(c.x0 for c in contacts) - 10
    assert text_over_text(band, page.width - 30) == []
    text = "".join(c.get_text() for c in sorted(band, key=lambda c: (-round(c.y0), c.x0)))
    assert all(part in text for part in ("@testclinic", "+6680000", "example.org")), text


def test_a_regional_locale_prints_its_language_translation(tmp_path: Path) -> None:
    # `-l ar_EG` (Egyptian Arabic: Arabic-Indic digits) with only locales/ar: the Arabic
    # translation with Egyptian digits, as gettext would find it, not English with a
    # warning; and a change to the Arabic catalog makes the ar_EG PDF out of date.
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", "ar_EG"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0 and "catalog" not in result.output, result.output
    text = squash(extract_pdfium(tmp_path / "out" / "ar_EG" / f"{LEAFLET}.pdf"))
    assert all(squash(piece) in text for piece in translated_pieces("ar")[:5])
    assert "صفحة١من٢" in text  # the tool's own numbers in Egyptian digits ("page 1 of 2")
    po = project / "locales" / "ar" / "LC_MESSAGES" / f"{LEAFLET}.po"
    po.write_text(po.read_text(encoding="utf-8") + "\n")
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "1 built" in again.output, again.output


def test_edit_distance() -> None:
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3 and edit_distance("ما", "ما") == 0


def tesseract(image: bytes, languages: str, *args: str) -> str:
    """What tesseract reads in ``image`` (PNG) with ``languages`` ("tha+eng"); skips
    the test, saying what to install, when tesseract or a language's data is absent."""
    import subprocess

    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed: apt-get install -y tesseract-ocr (.ci/run)")
    installed = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=True
    ).stdout.split()
    for data in languages.split("+"):
        if data not in installed:
            package = "tesseract-ocr-" + data.replace("_", "-").lower()
            pytest.skip(f"tesseract has no {data!r} data: apt-get install -y {package}")
    return subprocess.run(
        ["tesseract", "-", "-", "-l", languages, *args],
        input=image,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")


def rendered(page: pypdfium2.PdfPage, dpi: float = 300) -> bytes:
    """``page`` as a PNG at ``dpi``, as a print shop's scan of it would be read."""
    image = io.BytesIO()
    page.render(scale=dpi / 72).to_pil().save(image, format="PNG")
    return image.getvalue()


@pytest.fixture(scope="module")
def thai_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clinic's infusion-safety leaflet in Thai (A4, single edition), as bundled."""
    out = tmp_path_factory.mktemp("thai")
    args = ["build", "infusion-safety", "-l", "th", "-q", "--project", str(REPO), "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out / "th" / "infusion-safety.pdf"


@pytest.mark.parametrize("lang", ["th", *LANGS])
def test_page_one_reads_back_by_ocr(request: pytest.FixtureRequest, lang: str) -> None:
    data, threshold = OCR[lang]
    if lang == "th":
        path: Path = request.getfixturevalue("thai_built")
    else:
        path = request.getfixturevalue("built")["a4"] / lang / f"{LEAFLET}.pdf"
    document = pypdfium2.PdfDocument(path)
    try:
        page = document[0]
        source = page.get_textpage().get_text_range()
        image = rendered(page)
    finally:
        document.close()
    read = tesseract(image, f"{data}+eng")
    cer = edit_distance(squash(read), squash(source)) / len(squash(source))
    print(f"{lang}: CER {cer:.3f} over {len(squash(source))} characters")
    assert cer < threshold, (lang, cer)


def _read_whole(message: str, pages: list[str]) -> bool:
    """Whether ``message`` reads unbroken on one page, or, split by a page break, its
    first part on one page and the rest on the next: read as one file, a page's running
    foot and the next one's head stand between the two parts of a split paragraph."""
    return any(message in page for page in pages) or any(
        message[:cut] in before and message[cut:] in after
        for before, after in pairwise(pages)
        for cut in range(1, len(message))
    )


def test_the_thai_parallel_edition_reads_paragraph_by_paragraph(tmp_path: Path) -> None:
    # Thai body text is set 1.57 em apart: beside the English column, pdftotext and
    # pdfminer read it line by line across both columns (16 of 60 messages of this
    # leaflet broken in pdftotext) until the columns wrote their text layer for it.
    out = tmp_path / "out"
    args = ["build", "infusion-safety", "-l", "th", "--edition", "parallel", "-q"]
    result = CliRunner().invoke(app, [*args, "--project", str(REPO), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pdf = out / "th" / "infusion-safety.parallel.pdf"
    catalog = read_po(REPO / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po")
    # A numbered item's number is written like its lines (`list_numbers`): drawn at the
    # printed size as text, it kept the item's first line apart for both readers.
    skipped = ("audience", "ref/")
    messages = [
        piece
        for entry in catalog.active
        if entry.msgstr and not (entry.msgctxt or "").startswith(skipped)
        for piece in re.split(r"\s*\[@[^\]]*\]", entry.msgstr.replace("*", ""))
        if piece.strip()
    ]
    pages = []
    with pikepdf.open(pdf) as document:
        for number, page in enumerate(document.pages):
            alone = pikepdf.new()
            alone.pages.append(page)
            pages.append(tmp_path / f"page-{number}.pdf")
            alone.save(pages[-1])
    for name, extract in EXTRACTORS.items():
        texts = [squash(extract(page)) for page in pages]
        assert [m for m in messages if not _read_whole(squash(m), texts)] == [], name
    # The numbers' text layer is squeezed, not small: a print shop's preflight finds no
    # text under the guideline's 9 pt (it once found "3.7 pt" there).
    small = [f for f in preflight(pdf).findings if f.category == "text"]
    assert small == []


def test_right_to_left_pages_do_not_say_so_to_viewers(built: dict[str, Path]) -> None:
    # /ViewerPreferences /Direction /R2L would put page 2 left of page 1 in a two-page
    # view, but pdfium then reads text differently: Latin lines of an Arabic leaflet
    # ("Ankrum JA", an untranslated answer) were no longer found by its search.
    with pikepdf.open(built["a4"] / "ar" / f"{LEAFLET}.pdf") as pdf:
        preferences = pdf.Root.get("/ViewerPreferences", pikepdf.Dictionary())
        assert "/Direction" not in preferences


def test_a_right_to_left_booklet_is_bound_on_the_right(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    args = ["build", "--project", str(project), "--out", str(tmp_path / "out"), "-l", "ar"]
    result = CliRunner().invoke(app, [*args, "--imposition", "booklet"])
    assert result.exit_code == 0, result.output
    document = pypdfium2.PdfDocument(tmp_path / "out" / "ar" / f"{LEAFLET}.booklet.pdf")
    sides = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage()
        halves = [text.get_text_bounded(x, 0, x + width / 2, height) for x in (0, width / 2)]
        sides.append(tuple(int(re.findall(r"صفحة (\d+)", half)[-1]) for half in halves))
    pages = 2 * len(sides)
    assert sides == [(right, left) for left, right in sheet_order(pages)]
    assert sides[0] == (1, pages)  # the cover is the left half of the first front


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("Ankrum JA. MSCs: immune evasive. Nat Biotechnol. 2014;32(3):252–60.", "ar", "en"),
        ("Ankrum JA. MSCs: immune evasive. Nat Biotechnol. 2014;32(3):252–60.", "ja", "en"),
        ("Ankrum JA. MSCs: immune evasive. Nat Biotechnol. 2014;32(3):252–60.", "th", "en"),
        ("Ankrum JA. MSCs: immune evasive. Nat Biotechnol. 2014;32(3):252–60.", "en", "en"),
        # Titles only, no made-up citations: what the entry's letters are.
        ("Tế bào gốc trung mô (MSC)", "vi", "vi"),
        ("الخلايا الجذعية (MSC)", "ar", "ar"),
        ("細胞治療 (MSC)", "ja", "ja"),
        ("ヒトの細胞 (MSC)", "ja", "ja"),
        # An English entry whose title a translator translated into a third script
        # (`ref/<key>/title`): the Thai translation of an Arabic leaflet, the Arabic
        # one of a Japanese leaflet, the Thai one of a Burmese leaflet. No word of it
        # is the source's: it is English, its translated title a Span of its own.
        ("Caplan AI. เซลล์มีชีวิต. Stem Cells Transl Med. 2017;6(6):1445–51.", "ar", "en"),
        ("Murphy MB, Caplan AI. المنجز. Exp Mol Med. 2013;45:e54.", "ja", "en"),
        ("Dominici M, et al. สัญญาณเตือน. Cytotherapy. 2006;8(4):315–7.", "my", "en"),
    ],
)
def test_a_reference_is_in_its_own_language(text: str, source: str, expected: str) -> None:
    # A Latin-script entry in a leaflet written in another script is English (Vancouver
    # style); an entry with letters of the leaflet's own script is in its language.
    assert reference_language(text, source) == expected


# Thai's hard cases, in real sentences (tesseract reads a word alone by guesswork): a
# tone mark over a lower vowel (ผู้ป่วย, ปู่), over an upper one (ที่, ฝั่ง, ฟื้น,
# ญี่ปุ่น), over sara am (น้ำ, ก่ำ, ต่ำ), above a tall consonant (ปี่, ฝั่ง, ฟุ้ง),
# ญ without its tail over sara uu (กตัญญู), ฐ's tail (ฐาน), mai taikhu, thanthakhat
# and mai chattawa (ก็, สิทธิ์, ก๋วยเตี๋ยว).
THAI_HARD_CASES = [
    "ผู้ป่วยไปพบแพทย์ที่โรงพยาบาล",  # the patient sees the doctor at the hospital
    "ปู่ของฉันชอบอาหารญี่ปุ่น",  # my grandfather likes Japanese food
    "ฝุ่นฟุ้งไปทั่วห้อง",  # dust spread all over the room
    "ฐานข้อมูลของคลินิก",  # the clinic's database
    "ลูกควรกตัญญูต่อพ่อแม่",  # children should be grateful to their parents
    "บ้านอยู่ฝั่งตรงข้ามแม่น้ำ",  # the house is across the river
    "เขาเป่าปี่ได้ไพเราะ",  # he plays the pi (a Thai oboe) beautifully
    "ร่างกายฟื้นตัวเร็ว",  # the body recovers quickly
    "ผิวหนังแดงก่ำและความดันต่ำ",  # deep red skin and low blood pressure
    "เป็นไข้ก็ต้องพักผ่อน",  # with a fever, you must rest
    "สิทธิ์ของผู้ป่วย",  # the patient's rights
    "กินก๋วยเตี๋ยวได้",  # you may eat noodles
]
#: (size, bold, italic): body text in each face of Sarabun, and the footer's 7 pt.
HARD_CASE_FACES = [
    (10.5, False, False),
    (10.5, True, False),
    (10.5, False, True),
    (10.5, True, True),
    (7, False, False),
]
#: Errors per character of `THAI_HARD_CASES` (`hard_case_errors`). Measured (tesseract
#: 5.3.0, `tha`, 300 dpi): 0.020 to 0.060 in each face and size; with every mark left
#: undrawn 0.28, with every mark drawn half an em right (onto the next letter) 0.41.
HARD_CASE_CER = 0.15


def hard_cases_page(size: float, bold: bool = False, italic: bool = False) -> bytes:
    """`THAI_HARD_CASES` set by the pipeline, one sentence a line, rendered at 300 dpi."""
    family = default_family()
    face = family.face(bold=bold, italic=italic)
    style = ParagraphStyle("line", fontName=family.regular, fontSize=size, leading=size * 1.6)
    pdf = io.BytesIO()
    margin = size * 2
    lines = THAI_HARD_CASES
    SimpleDocTemplate(
        pdf,
        pagesize=(size * 24, size * 1.6 * len(lines) + margin * 3),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
    ).build([make_paragraph([Run(line, face, size, black)], style, "th") for line in lines])
    document = pypdfium2.PdfDocument(pdf.getvalue())
    try:
        assert len(document) == 1
        return rendered(document[0])
    finally:
        document.close()


def hard_case_errors(read: str) -> float:
    """Errors per character: each sentence against the line read nearest to it.

    NFKC: tesseract writes sara am as nikhahit + sara aa (ํา), as NFKC does. Nearest:
    tesseract also reads a few specks out of the gaps between lines, which stand for
    no sentence.
    """

    def plain(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())

    lines = [plain(line) for line in read.splitlines() if plain(line)]
    errors = sum(
        min((edit_distance(line, plain(sentence)) for line in lines), default=len(sentence))
        for sentence in THAI_HARD_CASES
    )
    return errors / sum(len(plain(sentence)) for sentence in THAI_HARD_CASES)


@pytest.mark.parametrize(("size", "bold", "italic"), HARD_CASE_FACES)
def test_thai_hard_cases_read_back_by_ocr(size: float, bold: bool, italic: bool) -> None:
    # An independent reader of the marks drawn as outlines (`typeset.outlines`): a mark
    # lost, doubled or moved onto its neighbour reads as another letter or none.
    read = tesseract(hard_cases_page(size, bold, italic), "tha", "--psm", "6")
    cer = hard_case_errors(read)
    print(f"{size} pt bold={bold} italic={italic}: CER {cer:.3f}\n{read}")
    assert cer < HARD_CASE_CER, read


@pytest.mark.parametrize("defect", ["missing", "moved"])
def test_the_hard_cases_ocr_sees_a_lost_or_moved_mark(
    monkeypatch: pytest.MonkeyPatch, defect: str
) -> None:
    # The check above is worth having only if it fails when the marks go wrong.
    if defect == "missing":
        monkeypatch.setattr(outlines, "glyph_form", lambda *args: None)
    else:
        place = outlines.FormPlacer.place

        def moved(placer: outlines.FormPlacer, form: str, scale: str, x: float, y: float) -> None:
            place(placer, form, scale, x + float(scale) * 500, y)  # half an em of Sarabun

        monkeypatch.setattr(outlines.FormPlacer, "place", moved)
    read = tesseract(hard_cases_page(10.5), "tha", "--psm", "6")
    assert hard_case_errors(read) > HARD_CASE_CER, read


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_booklets_notes_pages_head_their_lines_at_the_line_start(
    tmp_path: Path, lang: str
) -> None:
    # A booklet is padded to a multiple of four pages with "Notes" pages (ruled lines to
    # write on). Their heading stood at the left margin in every language: on an Arabic
    # page, where every heading starts at the right, it stood at the line's far end.
    from msc_leaflet.i18n.localizer import ui_labels
    from msc_leaflet.project import Project

    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    out = tmp_path / "out"
    args = ["build", LEAFLET, "--project", str(project), "--out", str(out), "-l", lang]
    # On A4 pages the leaflet takes two pages: padded with two, one at least is a Notes
    # page (on A5, three pages and a back cover, which is no Notes page).
    result = CliRunner().invoke(app, [*args, "--imposition", "booklet", "--paper", "a4"])
    assert result.exit_code == 0, result.output
    label = ui_labels(lang, Project.at(project))("notes")
    document = pypdfium2.PdfDocument(out / lang / f"{LEAFLET}.booklet.pdf")
    sides = []  # per "Notes" heading: (its room to its page's left edge, to its right)
    for sheet in document:
        half = sheet.get_width() / 2  # a sheet holds two pages side by side
        text = sheet.get_textpage()
        search = text.search(label, match_case=True)
        while (found := search.get_next()) is not None:
            boxes = [text.get_charbox(i) for i in range(found[0], sum(found))]
            left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
            page_left = 0.0 if right <= half else half
            sides.append((left - page_left, page_left + half - right))
    document.close()
    assert sides, f"no {label!r} page in the booklet"
    for from_left, from_right in sides:
        assert (from_right < from_left) == (lang == "ar"), (from_left, from_right)
        assert min(from_left, from_right) < 30 * 72 / 25.4  # at a margin, not centred


TRADITIONAL = (
    REPO
    / "tests"
    / "fixtures"
    / "zh_Hant"
    / "locales"
    / "zh_Hant"
    / "LC_MESSAGES"
    / f"{LEAFLET}.po"
)


@pytest.fixture(scope="module")
def traditional(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The languages fixture with a Traditional Chinese (Taiwan) catalog of its leaflet
    (tests/fixtures/zh_Hant) and the ui.po `i18n init zh_Hant` starts from the bundled
    one, built in the single and the parallel edition."""
    root = tmp_path_factory.mktemp("zh_Hant") / "project"
    shutil.copytree(FIXTURE, root)
    folder = root / "locales" / "zh_Hant" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(TRADITIONAL, folder / TRADITIONAL.name)
    runner = CliRunner()
    made = runner.invoke(app, ["i18n", "init", "zh_Hant", "--project", str(root)])
    assert made.exit_code == 0, made.output
    for edition in EDITIONS:
        args = ["build", LEAFLET, "-l", "zh_Hant", "--edition", edition, "--project", str(root)]
        result = runner.invoke(app, [*args, "-o", str(root / "out")])
        assert result.exit_code == 0, result.output
        assert "printed in English" not in result.output, result.output
    return root / "out" / "zh_Hant"


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_a_traditional_chinese_leaflet_reads_back_with_its_page_words_in_chinese(
    traditional: Path, edition: str, extractor: str
) -> None:
    """A zh_Hant leaflet printed "References", "Review date" and "Page 1 of 2" in
    English beside its Chinese: every extractor reads its page words in Traditional
    Chinese from the bundled catalog, its text as translated, and in the parallel
    edition the English beside it."""
    pdf = traditional / f"{LEAFLET}{EDITIONS[edition]}.pdf"
    text = "".join(EXTRACTORS[extractor](pdf).split())
    for words in ("參考文獻", "審核日期", "發布日期", "第1頁，共2頁", "請注意", "聯絡我們", "網站"):
        assert words in text, words
    for entry in read_po(TRADITIONAL).entries:
        printed = entry.msgctxt != "audience"  # the PDF's subject, not printed
        if printed and entry.msgstr and "[@" not in entry.msgstr and "**" not in entry.msgstr:
            assert "".join(entry.msgstr.split()) in text, entry.msgctxt
    english = ("References", "Reviewdate", "Page1of", "Contactus")
    found = [word for word in english if word in text]
    assert found == ([] if edition == "single" else ["References", "Reviewdate", "Contactus"])
