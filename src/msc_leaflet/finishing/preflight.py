"""Preflight: what a print shop checks in a finished PDF before it goes to press, in its
own categories and severities, read from the file alone (any PDF, not only ours).

error — the press cannot print it as meant (no page, an unembedded font, missing bleed
that was asked for, a booklet whose pages do not fold, RGB in a PDF/X file, white set to
overprint (a fill, a line or text; a spot colour at tint 0 too), an annotation but the
press's own where a PDF/X file prints, a PDF/X claim without its trapping or a page's
trim, a PDF/A-u claim over text that maps to no Unicode); warning — it prints, but
likely not as the reader should see it (images under 300 ppi at their placed size, more
total ink than the press lays down in a fill, a line or a CMYK picture's pixel (300 %,
or the limit of the printing condition its output intent names: 330 % for FOGRA39),
hairlines under 0.25 pt, text under 9 pt, text under 12 pt on more than one plate or
white and knocked out of more than one, 100 % black text that knocks out, RGB in a CMYK
file, an annotation a CMYK file prints over its page, text whose font maps it to no
Unicode); info — facts the shop wants (standard claimed, page size, bleed, colour
spaces)."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pikepdf
from fontTools.agl import toUnicode
from pikepdf import Array, Dictionary, Name

from ..errors import LeafletError, Location
from ..files import read_input
from ..print_spec import INK_RANGE, PRINT_PPI, InkLimit, ink_limit
from ..typeset.pdf_numbers import decimals
from .content_scan import (
    PageScan,
    PlacedImage,
    PlatedText,
    decoded_size_within,
    printed_appearance,
    scan_page,
)
from .font_program import embedded
from .press_annotations import annotations_in_print, print_area, rectangle
from .xmp import INK_LIMIT

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
MIN_PPI = PRINT_PPI
MIN_LINE = 0.25  # points
MIN_TEXT = 9.0  # points
# Text under this size on more than one plate: misregistration gives it coloured fringes
# ("small text in more than one separation", as the shops' preflight profiles say).
MIN_PLATED_TEXT = 12.0  # points
PIXEL_ROUNDING = 0.5  # percent of total ink: a CMYK picture's samples are 255ths
BOOKLET_PAGES = 4  # a saddle-stitched booklet is folded sheets of four pages
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ACTIONS = 1000  # objects walked per action chain
MAX_XMP_BYTES = 16_000_000  # decoded; real packets are a few kB, with a thumbnail < 1 MB
# Content read per file, over all its pages (each page is capped too, `content_scan`):
# pages may share one content stream or form, so a 30 kB file of 200 pages could make a
# check read 80 million operators (seven minutes). Our leaflets read a few thousand a
# page; a 300-page brochure of vector art a few million.
MAX_FILE_OPERATORS = 20_000_000
MAX_FILE_DECODED = 1_000_000_000  # bytes of page content, decoded
# Pages per file: a 2 MB file may list one page 300,000 times over, which took qpdf
# seconds and the check over an hour to go through; a book has a few hundred.
MAX_PAGES = 10_000
MM = 72 / 25.4
EPSILON = 0.01  # points: rounding in PDF writers
RGB_SPACES = frozenset({"DeviceRGB", "ICCBased RGB", "CalRGB", "Indexed DeviceRGB"})
# Separation colourants that name no ink of their own (PDF 32000-1 §8.6.6.4).
NOT_SPOTS = frozenset({"All", "None"})
CMYK_SPACES = frozenset({"DeviceCMYK", "ICCBased CMYK", "Indexed DeviceCMYK"})
_SUBSET = re.compile(r"^[A-Z]{6}\+")
Raw = tuple[Severity, str, str, int]  # a finding before grouping; page 0: the whole file


@dataclass(frozen=True)
class Finding:
    severity: Severity
    category: str  # standard, pages, fonts, images, colour, ink, overprint, lines, text,
    # plates, bleed
    message: str
    pages: tuple[int, ...] = ()  # 1-based; () for the whole file


@dataclass(frozen=True)
class Requirements:
    """What the print shop asked for, beyond what every file needs."""

    bleed: float = 0.0  # points on every side; 0: none asked for
    booklet: bool = False  # saddle-stitched: a multiple of four pages
    ink_limit: float | None = None  # percent; None: the output intent's condition's, or 300


@dataclass(frozen=True)
class PreflightReport:
    path: Path
    pages: int
    standard: str  # what the file claims: PDF/A-2u, PDF/X-4, … or "none"
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def passed(self) -> bool:
        return self.count("error") == 0

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "pages": self.pages,
            "standard": self.standard,
            "passed": self.passed,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "findings": [_finding_dict(f) for f in self.findings],
        }


def _finding_dict(finding: Finding) -> dict[str, object]:
    return {
        "severity": finding.severity,
        "category": finding.category,
        "message": finding.message,
        "pages": list(finding.pages),
    }


def preflight(path: Path, requirements: Requirements | None = None) -> PreflightReport:
    """Check the PDF at ``path``; a `LeafletError` naming the file when it is not one
    that can be read (garbage, truncated beyond repair, encrypted)."""
    data = read_input(path, MAX_FILE_BYTES, "split the file, or check it with the shop's tool")
    if not data.strip():
        raise LeafletError(Location(path), "the file is empty", _FETCH_AGAIN)
    if b"%PDF-" not in data[:1024]:  # readers look for the header in the first 1,024 bytes
        raise LeafletError(Location(path), "not a PDF: it has no %PDF- header", _FETCH_AGAIN)
    try:
        with pikepdf.open(io.BytesIO(data), inherit_page_attributes=False) as tree:
            sheets = _declared_sheets(tree, MAX_PAGES)
        if len(sheets) > MAX_PAGES:
            raise LeafletError(
                Location(path),
                f"the PDF has more than {MAX_PAGES:,} pages, more than one check reads",
                "check it in parts: split it into files of fewer pages",
            )
        unsized = frozenset(n for n, box in enumerate(sheets, 1) if rectangle(box) is None)
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return _report(path, pdf, requirements or Requirements(), unsized)
    except pikepdf.PasswordError:
        raise LeafletError(Location(path), "the PDF is encrypted with a password") from None
    except (pikepdf.PdfError, ValueError, TypeError, KeyError, AttributeError):
        # qpdf's reason ("unable to find trailer dictionary while recovering damaged
        # file") names its parser's parts, not what a print shop can do about it.
        raise LeafletError(
            Location(path), "the PDF is damaged beyond repair: it cannot be checked", _FETCH_AGAIN
        ) from None
    except RecursionError:
        raise LeafletError(
            Location(path), "not a PDF that can be checked: nested too deeply"
        ) from None


def _not_checked() -> str:
    """Why a page's content was not read: the file's reading budget is spent."""
    return (
        f"page content not checked: the pages before it hold more than "
        f"{MAX_FILE_OPERATORS:,} operators or {MAX_FILE_DECODED / 1e6:,.0f} MB of content, "
        "as much as one check reads; check these pages as a file of their own"
    )


def _declared_sheets(pdf: pikepdf.Pdf, limit: int) -> list[object]:
    """The MediaBox each page declares, its own or the one it inherits from its page
    tree (None where neither has one), in page order, for at most ``limit`` + 1 pages.

    Read from the page tree as written (``pdf`` opened with
    ``inherit_page_attributes=False``), before qpdf makes its page list: qpdf gives a
    page whose MediaBox is missing or not four numbers a US Letter sheet, with no more
    than a warning, and an A5 job then passed as Letter. Counted before qpdf makes a
    page object of each, too (a page listed many times over becomes as many copies). A
    node met again (a loop) is not walked twice; nor is more than the limit walked.
    """
    pending: list[tuple[object, object]] = [(pdf.Root.get("/Pages"), None)]
    seen: set[tuple[int, int]] = set()
    sheets: list[object] = []
    while pending and len(sheets) <= limit and len(seen) <= limit:
        node, inherited = pending.pop()
        if not isinstance(node, Dictionary):
            continue
        media = node.get("/MediaBox", inherited)  # the nearest one wins (PDF 32000-1 §7.7.3.4)
        kids = node.get("/Kids")
        if not isinstance(kids, Array) or node.get("/Type") == Name.Page:
            sheets.append(media)
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        pending += [(kid, media) for kid in reversed(list(kids))]  # popped in order
    return sheets


_FETCH_AGAIN = "export or build the PDF again; if it came by e-mail or download, fetch it again"


def _report(
    path: Path, pdf: pikepdf.Pdf, requirements: Requirements, unsized: frozenset[int]
) -> PreflightReport:
    """The findings of every check on ``pdf``; ``unsized``: the pages (1-based) whose
    MediaBox the file does not give (`_declared_sheets`)."""
    findings: list[Raw] = []  # page 0: the whole file
    xmp = _xmp(pdf)
    standard = claimed_standard(pdf, xmp)
    findings += _standard_findings(pdf, standard, xmp)
    limit = (
        InkLimit(requirements.ink_limit, "the limit asked for")
        if requirements.ink_limit is not None
        else _stated_ink_limit(xmp) or ink_limit(_press_condition(pdf))
    )
    scans = []
    inks: dict[tuple[int, int], float | None] = {}  # each picture's most ink, read once
    operators = decoded = 0  # read so far, over the file's pages
    for number, page in enumerate(pdf.pages, 1):
        if operators > MAX_FILE_OPERATORS or decoded > MAX_FILE_DECODED:
            findings.append(("error", "file", _not_checked(), number))
        else:
            scan = scan_page(page, inks)
            scans.append(scan)
            operators, decoded = operators + scan.operators, decoded + scan.decoded
            unread = scan.unreadable
            findings += [("error", "file", f"page content: {why}", number) for why in unread]
            findings += _page_findings(scan, number, limit)
        findings += _box_findings(page, number, requirements, number in unsized)
    findings += _font_findings(scans, standard)
    findings += _colour_findings(scans, standard)
    findings += _annotation_findings(pdf, standard, _print_file(scans, standard))
    pages = len(pdf.pages)
    if pdf.get_warnings():  # qpdf's own words name its parser's parts: ours say what to do
        findings.append(("warning", "file", "the file is damaged: it was read after repair, "
                         "which the press's software may not make the same way; export it "
                         "again", 0))  # fmt: skip
    if pdf.is_encrypted:
        findings.append(("warning", "file", "the PDF is encrypted (its owner restricted what "
                         "may be done with it); the press's software may refuse to impose or "
                         "edit it: export it without security", 0))  # fmt: skip
    if _holds_javascript(pdf):
        findings.append(
            ("warning", "file", "the PDF holds JavaScript, which a press does not run", 0)
        )
    if not pages:  # none at all, or none a reader can find (qpdf drops a broken page)
        findings.append(("error", "pages", "the PDF has no page to print", 0))
    if requirements.booklet:
        findings += _booklet_findings(pdf)
    return PreflightReport(path, pages, standard, _grouped(findings))


def _booklet_findings(pdf: pikepdf.Pdf) -> list[Raw]:
    """The page count of a saddle-stitched booklet: a multiple of four pages, whether
    the file is in reading order or imposed (`_two_up`: each side of a sheet two pages,
    as `build --imposition booklet` makes it, and imposition software too)."""
    pages = len(pdf.pages)
    if pages and all(_two_up(page) for page in pdf.pages):
        imposed = f"{pages} sheet sides of two pages each"
        if (2 * pages) % BOOKLET_PAGES:
            return [("error", "pages", f"{imposed} ({2 * pages} pages): a saddle-stitched "
                     f"booklet needs a multiple of {BOOKLET_PAGES}", 0)]  # fmt: skip
        return [("info", "pages", f"{imposed}: {2 * pages} pages", 0)]
    if pages % BOOKLET_PAGES:
        return [("error", "pages", f"{pages} pages: a saddle-stitched booklet needs a "
                 f"multiple of {BOOKLET_PAGES}", 0)]  # fmt: skip
    return []


def _two_up(page: pikepdf.Page) -> bool:
    """The page is a sheet side showing two pages: its content places two Form XObjects,
    each as tall as the trimmed sheet and half as wide (within a point: a spread of two
    A5 pages is 296 mm, on a 297 mm sheet)."""
    try:
        trim = _box(page, "/TrimBox", page.obj.get("/MediaBox"))
    except ValueError:
        return False
    resources = page.obj.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, Dictionary) else None
    if not isinstance(xobjects, Dictionary):
        return False
    forms = [x for x in xobjects.values() if isinstance(x, pikepdf.Stream)]
    forms = [x for x in forms if x.get("/Subtype") == Name.Form]
    if len(forms) != 2:
        return False
    width, height = trim[2] - trim[0], trim[3] - trim[1]
    for form in forms:
        box = form.get("/BBox")
        if not isinstance(box, Array) or len(box) != 4:
            return False
        x0, y0, x1, y1 = (float(v) for v in box)
        if abs(2 * abs(x1 - x0) - width) > 2 or abs(abs(y1 - y0) - height) > 1:
            return False
    return True


def _holds_javascript(pdf: pikepdf.Pdf) -> bool:
    """A script where a reader runs one: on opening, in the document-level list, in a
    page's or a link's actions (PDF/A and PDF/X forbid them all; a press ignores them,
    so the print differs from what the screen showed)."""
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, Dictionary) and "/JavaScript" in names:
        return True
    actions: list[object] = [root.get("/OpenAction"), root.get("/AA")]
    for page in pdf.pages:
        actions.append(page.obj.get("/AA"))
        annots = page.obj.get("/Annots")
        for annot in annots if isinstance(annots, Array) else []:
            if isinstance(annot, Dictionary):
                actions += [annot.get("/A"), annot.get("/AA")]
    return any(_script_action(action) for action in actions)


def _script_action(start: object) -> bool:
    """An action, an additional-actions dictionary or a /Next chain that runs a script.

    Walked with a budget: /Next chains may loop or fan out (an array of the same action
    many times over), and a reader would not follow them that far either.
    """
    pending, budget = [start], MAX_ACTIONS
    while pending and budget:
        budget -= 1
        action = pending.pop()
        if isinstance(action, Array):
            pending += list(action)
        elif isinstance(action, Dictionary):
            if action.get("/S") == Name.JavaScript or "/JS" in action:
                return True
            pending += [
                value for key, value in action.items() if key not in ("/S", "/D", "/URI", "/F")
            ]
    return False


def _xmp(pdf: pikepdf.Pdf) -> str:
    """The document's XMP packet as text; "" when it has none that can be read."""
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        return ""
    try:
        if decoded_size_within(metadata, MAX_XMP_BYTES) is None:
            return ""  # a packet of this size is no XMP a writer made, but a bomb
        return metadata.read_bytes().decode("utf-8", "replace")
    except pikepdf.PdfError:
        return ""


def claimed_standard(pdf: pikepdf.Pdf, xmp: str | None = None) -> str:
    """The standards the XMP metadata claims, e.g. "PDF/A-2u", "PDF/X-4", or "none"
    (``xmp``: the packet, when it was read already)."""
    xmp = _xmp(pdf) if xmp is None else xmp
    claims = []
    part = _xmp_value(xmp, "pdfaid:part")
    if part:
        claims.append(f"PDF/A-{part}{_xmp_value(xmp, 'pdfaid:conformance').lower()}")
    pdfx = _xmp_value(xmp, "pdfxid:GTS_PDFXVersion")
    if pdfx:
        claims.append(pdfx)
    if _xmp_value(xmp, "pdfuaid:part"):
        claims.append(f"PDF/UA-{_xmp_value(xmp, 'pdfuaid:part')}")
    return ", ".join(claims) or "none"


def _xmp_value(xmp: str, name: str) -> str:
    """A simple property, as element or attribute (both forms are valid XMP). The
    element may carry attributes: pikepdf declares a namespace on the element it writes
    (``<pdfaid:part xmlns:pdfaid="…">2</pdfaid:part>``), and such a file's claim was
    read as none, so nothing it claims was checked."""
    element = rf"<{name}(?:\s[^>]*)?>\s*([^<]*?)\s*</{name}>"
    attribute = rf"\b{name}\s*=\s*(?:\"([^\"]*)\"|'([^']*)')"
    match = re.search(f"{element}|{attribute}", xmp)
    return next((group.strip() for group in match.groups() if group), "") if match else ""


def _stated_ink_limit(xmp: str) -> InkLimit | None:
    """The ink limit the file records as the print shop stated it (our PDF/X builds
    write the theme's ``ink-limit`` there, `xmp.INK_LIMIT`); None when it records none
    a press could have."""
    try:
        percent = float(_xmp_value(xmp, INK_LIMIT))
    except ValueError:
        return None
    low, high = INK_RANGE
    return InkLimit(percent, "the limit the file states") if low <= percent <= high else None


def _press_condition(pdf: pikepdf.Pdf) -> str | None:
    """The printing condition the file's PDF/X output intent names (FOGRA39, …)."""
    intents = pdf.Root.get("/OutputIntents")
    for intent in intents if isinstance(intents, Array) else ():
        if isinstance(intent, Dictionary) and intent.get("/S") == Name.GTS_PDFX:
            condition = intent.get("/OutputConditionIdentifier")
            return str(condition) if isinstance(condition, pikepdf.String) else None
    return None


def _standard_findings(pdf: pikepdf.Pdf, standard: str, xmp: str) -> list[Raw]:
    intents = pdf.Root.get("/OutputIntents")
    listed: list[object] = list(intents) if isinstance(intents, Array) else []
    subtypes = {str(i.get("/S")): i for i in listed if isinstance(i, Dictionary)}
    claims = "no standard" if standard == "none" else standard
    found: list[Raw] = [("info", "standard", f"claims {claims}", 0)]
    if "PDF/X" in standard:
        intent = subtypes.get("/GTS_PDFX")
        if intent is None:
            found.append(("error", "standard", "claims PDF/X but has no GTS_PDFX output intent", 0))
        else:
            condition = str(intent.get("/OutputConditionIdentifier", "?"))
            found.append(("info", "standard", f"output intent: {condition}", 0))
        found += _pdfx_findings(pdf, xmp)
    if "PDF/A" in standard and "/GTS_PDFA1" not in subtypes:
        found.append(("error", "standard", "claims PDF/A but has no GTS_PDFA1 output intent", 0))
    # Only a file that opens without a password gets here: one locked by its owner.
    claimed = [claim for claim in standard.split(", ") if claim.startswith(("PDF/A", "PDF/X"))]
    if pdf.is_encrypted and claimed:
        found.append(("error", "standard", f"claims {', '.join(claimed)} but is encrypted, "
                      "which PDF/A and PDF/X forbid", 0))  # fmt: skip
    return found


def _pdfx_findings(pdf: pikepdf.Pdf, xmp: str) -> list[Raw]:
    """What a PDF/X file must say besides its output intent (ISO 15930-7): whether it
    is trapped, True or False, in its XMP and alike in its Info; the same version in
    both; and on every page the trim (a TrimBox, else an ArtBox), without which a press
    cannot know where to cut, and reads the whole sheet as the page."""
    found: list[Raw] = []
    trapped = _xmp_value(xmp, "pdf:Trapped")
    info = pdf.trailer.get("/Info")
    info = info if isinstance(info, Dictionary) else Dictionary()
    info_trapped = str(info.get("/Trapped", "")).lstrip("/")
    if trapped not in ("True", "False"):
        found.append(("error", "standard", "claims PDF/X but does not say whether it is "
                      "trapped: pdf:Trapped in its XMP must be True or False", 0))  # fmt: skip
    elif info_trapped and info_trapped != trapped:
        found.append(("error", "standard", f"claims PDF/X, but its XMP says Trapped "
                      f"{trapped} and its Info {info_trapped}", 0))  # fmt: skip
    version = _xmp_value(xmp, "pdfxid:GTS_PDFXVersion")
    stated = info.get("/GTS_PDFXVersion")
    if isinstance(stated, pikepdf.String) and str(stated) != version:
        found.append(("error", "standard", f"claims {version} in its XMP but {stated} in its "
                      "Info", 0))  # fmt: skip
    for number, page in enumerate(pdf.pages, 1):
        if "/TrimBox" not in page.obj and "/ArtBox" not in page.obj:
            found.append(("error", "standard", "claims PDF/X, but a page has no TrimBox (nor "
                          "ArtBox): the press cannot tell where to cut it", number))  # fmt: skip
    return found


def _page_findings(scan: PageScan, page: int, limit: InkLimit) -> Iterable[Raw]:
    for image in scan.images:
        if image.ppi < MIN_PPI:
            yield ("warning", "images", _low_resolution(image), page)
    if scan.max_ink > limit.percent + EPSILON:
        yield ("warning", "ink", f"{scan.max_ink:.0f} % total ink in a fill (over {limit})", page)
    if scan.max_line_ink > limit.percent + EPSILON:
        yield ("warning", "ink", f"{scan.max_line_ink:.0f} % total ink in a line (over "
               f"{limit})", page)  # fmt: skip
    # A pixel's rounding (a 255th of each ink) is no excess, as the build's LAYOUT006 judges.
    if scan.max_image_ink > limit.percent + PIXEL_ROUNDING:
        yield ("warning", "ink", f"{scan.max_image_ink:.0f} % total ink in a CMYK picture "
               f"(over {limit}); convert it with the print shop's profile", page)  # fmt: skip
    if scan.thinnest_line is not None and scan.thinnest_line < MIN_LINE - 1e-6:
        width = f"{scan.thinnest_line:.2f} pt" if scan.thinnest_line else "0 (device thinnest)"
        yield ("warning", "lines", f"hairline of {width} (under {MIN_LINE} pt)", page)
    if scan.smallest_text is not None and scan.smallest_text < MIN_TEXT - EPSILON:
        yield ("warning", "text", f"text of {scan.smallest_text:.1f} pt (under "
               f"{MIN_TEXT:.0f} pt)", page)  # fmt: skip
    plated = scan.smallest_plated
    if plated is not None and plated.size < MIN_PLATED_TEXT - EPSILON:
        yield ("warning", "plates", _plated(plated), page)
    if scan.white_overprint is not None:
        kind, text = scan.white_overprint
        what = {
            "fill": "a white fill set to overprint",
            "line": "a white line set to overprint",
            "text": f"white text set to overprint:{_cut(text)}".rstrip(":"),
        }[kind]
        yield ("error", "overprint", f"{what} vanishes on press; set it to knock out", page)
    if scan.black_knockout is not None:
        yield ("warning", "overprint", _black_knockout(scan.black_knockout), page)
    knocked = scan.smallest_knocked_out
    if knocked is not None and knocked.size < MIN_PLATED_TEXT - EPSILON:
        yield ("warning", "plates", _knocked_out(knocked), page)
    if scan.registration is not None:
        kind, text = scan.registration
        what = {"text": f"text{_cut(text)}", "fill": "a fill", "line": "a line"}[kind]
        yield ("error", "ink", f"{what} in the Registration colour (Separation All) inside "
               "the trim: it prints on every plate, spot plates too, as 400 % ink; give it "
               "black, or the colour it was meant to have", page)  # fmt: skip


def _plated(plated: PlatedText) -> str:
    """The smallest text of a page on more than one plate, as a shop can find it."""
    return (
        f"text under {MIN_PLATED_TEXT:.0f} pt on {len(plated.inks)} plates "
        f"({', '.join(plated.inks)}):{_cut(plated.text)} at {plated.size:.1f} pt; "
        "misregistration blurs it: print small text on one ink"
    )


def _black_knockout(text: str) -> str:
    """The first 100 % black text of a page that knocks out, as a shop can find it."""
    return (
        f"100 % black text knocks out:{_cut(text)}; misregistration shows paper round "
        "its letters on a tint: set it to overprint"
    ).replace(":;", ";")


def _knocked_out(knocked: PlatedText) -> str:
    """The smallest white text of a page knocked out of several plates (``inks``: the
    plates of the fill under it), as a shop can find it."""
    return (
        f"white text under {MIN_PLATED_TEXT:.0f} pt knocked out of {len(knocked.inks)} "
        f"plates ({', '.join(knocked.inks)}):{_cut(knocked.text)} at {knocked.size:.1f} pt; "
        "misregistration fills it in: set it larger and bolder, or on a background of "
        "one ink"
    )


def _cut(text: str) -> str:
    """``text`` quoted after a space and cut to 40 characters; "" when it is unknown."""
    shown = text if len(text) <= 40 else text[:39].rstrip() + "…"
    return f' "{shown}"' if shown else ""


def _low_resolution(image: PlacedImage) -> str:
    """Which picture (pixels, printed size in mm) and what it needs, in words a print
    shop can pass on to whoever supplied the picture."""
    mm = 25.4
    needed = (
        math.ceil(image.placed_w * MIN_PPI - 1e-6),
        math.ceil(image.placed_h * MIN_PPI - 1e-6),
    )
    return (
        f"{image.kind} of {image.width} × {image.height} px printed at "
        f"{image.placed_w * mm:.0f} × {image.placed_h * mm:.0f} mm is {image.ppi:.0f} ppi "
        f"(under {MIN_PPI:.0f}); at that size it needs {needed[0]} × {needed[1]} px"
    )


def _box(page: pikepdf.Page, key: str, fallback: object) -> tuple[float, ...]:
    """The page's box ``key``, normalised; ``fallback`` where it is missing or not four
    numbers (`_box_findings` names it then)."""
    box = rectangle(page.obj.get(key)) or rectangle(fallback)
    if box is None:
        raise ValueError("a page box is not four numbers")
    return box


def _box_findings(
    page: pikepdf.Page, number: int, requirements: Requirements, unsized: bool
) -> Iterable[Raw]:
    """The page's boxes, size and bleed; ``unsized``: the file gives it no MediaBox
    (qpdf's US Letter stands in), so its size and bleed are not known to report."""
    for key in ("/CropBox", "/BleedBox", "/TrimBox"):
        if key in page.obj and rectangle(page.obj.get(key)) is None:
            why = "the press's software cannot tell where the page is; export the PDF again"
            yield ("error", "pages", f"the {key[1:]} is not four numbers: {why}", number)
    media = page.obj.get("/MediaBox")
    if unsized or rectangle(media) is None:
        yield ("error", "pages", _UNKNOWN_SHEET, number)
        return
    sheet = _box(page, "/MediaBox", media)
    if sheet[2] - sheet[0] < EPSILON or sheet[3] - sheet[1] < EPSILON:
        yield ("error", "pages", "the page has no area (its MediaBox is empty)", number)
        return
    trim = _box(page, "/TrimBox", media)
    # Nothing outside the MediaBox prints: a BleedBox past it is no bleed (PDF 32000-1
    # §14.11.2: every box is "effectively reduced to its intersection with the media box").
    bleed = _clipped(_box(page, "/BleedBox", page.obj.get("/CropBox", media)), sheet)
    if _clipped(trim, sheet) != trim:
        yield ("error", "pages", "the TrimBox reaches past the MediaBox: the page would be "
               "cut outside the sheet", number)  # fmt: skip
    elif _clipped(trim, bleed) != trim:
        yield ("error", "pages", "the TrimBox reaches past the BleedBox (or the CropBox, where "
               "there is none): nothing outside it prints, so the cut page would have white "
               "edges", number)  # fmt: skip
    sides = {
        "left": trim[0] - bleed[0],
        "bottom": trim[1] - bleed[1],
        "right": bleed[2] - trim[2],
        "top": bleed[3] - trim[3],
    }
    size = lengths(trim[2] - trim[0], trim[3] - trim[1])
    yield ("info", "pages", f"trimmed size {size}", number)
    short = [side for side, amount in sides.items() if amount < requirements.bleed - EPSILON]
    if requirements.bleed and short:
        asked = lengths(requirements.bleed)
        yield ("error", "bleed", f"bleed under {asked} on the {', '.join(short)} "
               "side(s)", number)  # fmt: skip
    elif not requirements.bleed and 0 < len([a for a in sides.values() if a > EPSILON]) < 4:
        yield ("warning", "bleed", "bleed on some sides only", number)
    least = min(sides.values())
    if least > EPSILON:
        yield ("info", "bleed", f"bleed {lengths(least)} on every side", number)


#: Decimals of a millimetre a print shop's spec and ruler read (A4 210 × 297, US
#: Letter 215.9 × 279.4, a 3 mm bleed).
MM_PLACES = 1


def lengths(*points: float) -> str:
    """``points`` in millimetres (``215.9 × 279.4 mm``), and in points too where a
    tenth of a millimetre is not exact (``3.2 mm (9 pt)`` for an eighth of an inch):
    rounded to whole millimetres, US Letter was said to be 216 × 279 mm."""
    millimetres = [length / MM for length in points]
    said = " × ".join(decimals(mm, _places(mm)) for mm in millimetres) + " mm"
    if all(_exact(mm, MM_PLACES) for mm in millimetres):
        return said
    return f"{said} ({' × '.join(decimals(length, 2) for length in points)} pt)"


def _places(mm: float) -> int:
    """The fewest decimals, up to `MM_PLACES`, that say ``mm`` exactly."""
    return next((p for p in range(MM_PLACES) if _exact(mm, p)), MM_PLACES)


def _exact(mm: float, places: int) -> bool:
    """Whether ``mm`` to ``places`` decimals is ``mm`` but for a PDF writer's rounding."""
    return abs(round(mm, places) - mm) * MM <= EPSILON


_UNKNOWN_SHEET = (
    "the MediaBox, the page's own or the one it inherits, is missing or not four numbers: "
    "the sheet's size is unknown, and the press's software may print it on US Letter; "
    "export the PDF again at its trim size"
)


def _clipped(box: tuple[float, ...], sheet: tuple[float, ...]) -> tuple[float, ...]:
    """``box`` within ``sheet`` (both normalised: x0, y0, x1, y1), each side to within
    `EPSILON`, so a box equal to the sheet but for rounding stays as it is."""
    x0, y0, x1, y1 = box
    s0, t0, s1, t1 = sheet
    return (
        x0 if x0 > s0 - EPSILON else s0,
        y0 if y0 > t0 - EPSILON else t0,
        x1 if x1 < s1 + EPSILON else s1,
        y1 if y1 < t1 + EPSILON else t1,
    )


def _font_findings(scans: list[PageScan], standard: str) -> Iterable[Raw]:
    names = {
        _SUBSET.sub("", str(font.get("/BaseFont", name)).lstrip("/"))
        for scan in scans
        for name, font in scan.fonts.values()
    }
    if names:
        yield ("info", "fonts", "fonts: " + ", ".join(sorted(names)), 0)
    for number, scan in enumerate(scans, 1):
        for name, font in scan.fonts.values():
            base = str(font.get("/BaseFont", name)).lstrip("/")
            if not embedded(font):
                yield ("error", "fonts", f"font {base} is not embedded", number)
            elif font.get("/Subtype") != Name.Type3 and not _SUBSET.match(base):
                yield ("info", "fonts", f"font {base} is embedded whole (not a subset)", number)
            codes = _codes_without_letters(font)
            if codes:
                # PDF/A level U (and A) promises every glyph maps to Unicode (ISO 19005-2,
                # 6.2.11.7.2): the claim is false; elsewhere the text is merely mute.
                level = re.search(r"PDF/A-\d([ua])", standard)
                claim = f"claims {level.group(0)}, but " if level else ""
                yield (
                    "error" if level else "warning",
                    "fonts",
                    f"{claim}font {base} has no ToUnicode map, and its {codes} name no "
                    "letters: its text cannot be searched, copied or read aloud; export "
                    "the PDF again with its fonts' Unicode maps",
                    number,
                )


def _codes_without_letters(font: Dictionary) -> str:
    """What a font without a ToUnicode map shows text by, when no reader can tell the
    letters from it ("" when it has the map, or its codes tell them): a Type 3 font's
    glyph names outside the Adobe Glyph List (/g1, /g2, as converters write them), or a
    composite font's glyph numbers (Identity-H). A simple font's codes (WinAnsi, glyph
    names such as /a) are read as letters by every reader."""
    if "/ToUnicode" in font:
        return ""
    subtype = font.get("/Subtype")
    if subtype == Name.Type0:
        encoding = font.get("/Encoding")
        identity = encoding in (Name("/Identity-H"), Name("/Identity-V"))
        return f"{str(encoding).lstrip('/')} glyph numbers" if identity else ""
    if subtype != Name.Type3:
        return ""
    encoding = font.get("/Encoding")
    differences = encoding.get("/Differences") if isinstance(encoding, Dictionary) else None
    names = (
        [str(v).lstrip("/") for v in differences if isinstance(v, Name)]
        if isinstance(differences, Array)
        else []
    )
    unknown = [name for name in dict.fromkeys(names) if not toUnicode(name)]
    if names and not unknown:
        return ""
    shown = ", ".join(f"/{name}" for name in unknown[:3]) + (", …" if len(unknown) > 3 else "")
    return f"Type 3 glyph names ({shown})" if unknown else "Type 3 glyphs, named by no encoding,"


def _print_file(scans: list[PageScan], standard: str) -> bool:
    """The file is made for a press: it claims PDF/X, or uses CMYK."""
    return "PDF/X" in standard or any(scan.spaces & CMYK_SPACES for scan in scans)


def _colour_findings(scans: list[PageScan], standard: str) -> Iterable[Raw]:
    used = set().union(*(scan.spaces for scan in scans)) if scans else set()
    if used:
        yield ("info", "colour", "colour spaces: " + ", ".join(sorted(used)), 0)
    for number, scan in enumerate(scans, 1):
        for spot in _spot_colours(scan.spaces):
            yield ("info", "colour", f'spot colour "{spot}": it prints on a plate of its '
                   "own: the press needs that ink, or the shop converts it", number)  # fmt: skip
    if not _print_file(scans, standard):
        return
    severity: Severity = "error" if "PDF/X" in standard else "warning"
    for number, scan in enumerate(scans, 1):
        rgb = sorted(scan.spaces & RGB_SPACES)
        if rgb:
            message = f"RGB colour in a CMYK print file ({', '.join(rgb)})"
            yield (severity, "colour", message, number)


def _spot_colours(spaces: Iterable[str]) -> list[str]:
    """The spot colours among a page's colour spaces (`content_scan` names a Separation
    by its colourant), sorted: each needs a plate and an ink of its own, which a shop
    must know of before it quotes or converts. All (the Registration colour: every
    plate) and None (no plate) are not spot colours."""
    names = {
        space.removeprefix("Separation ") for space in spaces if space.startswith("Separation ")
    }
    return sorted(names - NOT_SPOTS)


def _annotation_findings(pdf: pikepdf.Pdf, standard: str, print_file: bool) -> Iterable[Raw]:
    """Annotations where the press prints (`press_annotations.py`): in a PDF/X file
    every one but a TrapNet or PrinterMark is an error, as the standard says; in another
    print file only one that prints an appearance is worth a warning (a link draws
    nothing), since a press's software may print it or leave it out."""
    if not print_file:
        return
    pdfx = "PDF/X" in standard
    for number, page in enumerate(pdf.pages, 1):
        area = print_area(page.obj)
        for annotation in annotations_in_print(page.obj):
            kind = str(annotation.get("/Subtype", "/Untyped")).lstrip("/")
            if pdfx and area is not None:
                yield ("error", "standard", f"{kind} annotation inside the {area[0]}: PDF/X "
                       "allows only TrapNet and PrinterMark annotations there; remove it, or "
                       "flatten it into the page if it is to print", number)  # fmt: skip
            elif printed_appearance(annotation) is not None:
                yield ("warning", "file", f"{kind} annotation printed over the page: a "
                       "press's software may print it or leave it out; flatten it into the "
                       "page, or remove it", number)  # fmt: skip


def _grouped(findings: list[Raw]) -> tuple[Finding, ...]:
    """One finding per message, with every page it occurs on; errors first."""
    pages: dict[tuple[Severity, str, str], list[int]] = {}
    for severity, category, message, page in findings:
        listed = pages.setdefault((severity, category, message), [])
        if page and page not in listed:
            listed.append(page)
    ordered = sorted(pages.items(), key=lambda item: SEVERITIES.index(item[0][0]))
    return tuple(Finding(s, c, m, tuple(p)) for (s, c, m), p in ordered)


def page_ranges(pages: Iterable[int]) -> str:
    """``1, 2, 3, 5`` → ``1–3, 5``."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
