"""What a finished leaflet claims to be, and what the claim needs: PDF/A-2u for the
screen edition, PDF/X-4 for a print edition with the print shop's profile, and the XMP
metadata every output carries.

One table, `STANDARDS`, says which claim an output makes (`choose`); one step,
`conformance_step`, runs last in the final pass (`final_pass.py`) and writes it:

- **PDF/A-2u** (ISO 19005-2, level U: every glyph maps to Unicode, which our text
  layer already guarantees) for RGB builds: an sRGB output intent, annotations that
  print, and a check that nothing ReportLab wrote is forbidden (see `_refuse_for_pdfa`).
  PDF/A-2 rather than PDF/A-4: archives and records systems accept PDF/A-2 today,
  PDF/A-4 needs PDF 2.0, which ReportLab does not write, and PDF/A-2 allows the
  transparency and object streams we use.
- **PDF/X-4** (ISO 15930-7) for CMYK builds whose theme names an ``output-intent``:
  the press profile as the output intent, ``GTS_PDFXVersion``, ``/Trapped /False``,
  and no link where the press prints (`press_annotations.py`).
  A CMYK build without one claims nothing (plain CMYK, as before): we cannot know the
  press. ``--pdfx`` turns that into an error.
- **XMP** for every output, from the Info dictionary (`xmp.py`); ``pdfuaid:part 1``
  when the tagging step (``tagged_pdf.py``, earlier in the pass) marked the document.

A PDF/A file cannot also be a PDF/X-4 file here: they differ in their output intent
(screen sRGB against the press's CMYK), which is exactly the choice of ``--colour``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pikepdf
from pikepdf import Array, Dictionary, Name

from ..errors import LeafletError, Location
from ..print_spec import PrintSpec
from ..theme.icc import Profile, cmyk_output_profile, srgb_profile
from ..theme.output_intent import OutputIntent
from ..theme.theme import bundled_theme_shown
from .font_program import embedded, widths_agree
from .press_annotations import without_annotations_in_print
from .xmp import DocumentMetadata, InLanguages, xmp_date, xmp_packet

Standard = Literal["none", "PDF/A-2u", "PDF/X-4"]


@dataclass(frozen=True)
class Claim:
    """How one standard is identified in the file."""

    description: str  # for the documentation and preflight
    pdfa: tuple[int, str] | None = None  # XMP pdfaid part and conformance
    pdfx: str = ""  # XMP pdfxid:GTS_PDFXVersion and Info /GTS_PDFXVersion
    intent_subtype: str = ""  # /S of the output intent


STANDARDS: dict[Standard, Claim] = {
    "none": Claim("plain PDF: XMP metadata, no conformance claim"),
    "PDF/A-2u": Claim("archival, sRGB output intent", (2, "U"), "", "/GTS_PDFA1"),
    "PDF/X-4": Claim("print exchange, the press's CMYK intent", None, "PDF/X-4", "/GTS_PDFX"),
}
SRGB_CONDITION = "sRGB IEC61966-2.1"
# Annotation flags (PDF 32000-1 §12.5.3): PDF/A wants Print set and these clear.
INVISIBLE, HIDDEN, PRINT, NO_VIEW = 1, 2, 4, 32
FORBIDDEN_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/ResetForm", "/Movie"})
FORBIDDEN_ACTIONS |= {"/Sound", "/Hide", "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}


@dataclass(frozen=True)
class Conformance:
    """What one output claims: its standard, its languages and, for PDF/X, the press."""

    standard: Standard
    languages: tuple[str, ...]  # BCP 47, the document's language first
    intent: OutputIntent | None = None  # PDF/X-4: the print shop's profile
    theme_path: Path | None = None  # where the intent was named, for messages


def choose(
    spec: PrintSpec, intent: OutputIntent | None, theme_path: Path, languages: Sequence[str]
) -> Conformance:
    """The claim of an output built as ``spec`` says, with the theme at ``theme_path``
    naming ``intent`` (or none); ``--pdfx`` without one is refused here, before layout."""
    langs = tuple(languages)
    if spec.colour == "rgb":
        return Conformance("PDF/A-2u", langs)
    if intent is not None:
        return Conformance("PDF/X-4", langs, intent, theme_path)
    if spec.pdfx:
        intent_entry = (
            "output-intent: {profile: profiles/<press>.icc, condition: FOGRA39, "
            "registry: http://www.color.org, info: <paper and press>}"
        )
        if theme_path.is_file():
            add = f"add to {theme_path.name}: {intent_entry}"
        else:  # a theme of the intent alone is refused: a project theme is given in full
            add = (
                f"this project has no {theme_path.name}, and a project theme replaces the "
                f"bundled one: copy the bundled theme ({bundled_theme_shown()}) to "
                f"{theme_path.name}, then add {intent_entry}"
            )
        raise LeafletError(
            Location(theme_path),
            "--pdfx: PDF/X-4 needs the print shop's output profile, and this theme names none",
            f"{add}; or build without --pdfx for plain CMYK",
        )
    return Conformance("none", langs)


class ConformanceStep:
    """The final-pass step that makes the PDF what a `Conformance` claims; after it ran,
    `claimed` says what the file claims (a PDF/A claim is withheld when the fonts'
    widths disagree with their programs, see `font_widths.py`)."""

    def __init__(self, conformance: Conformance) -> None:
        self.conformance = conformance
        self.claimed: Standard = conformance.standard
        # Read (and checked) now, so a bad press profile fails before any layout work.
        self.profile: Profile | None = None
        if conformance.standard == "PDF/A-2u":
            self.profile = srgb_profile()
        elif conformance.intent is not None:
            theme_path = conformance.theme_path or Path("theme.yaml")
            self.profile = cmyk_output_profile(conformance.intent.profile, theme_path)

    def __call__(
        self,
        pdf: pikepdf.Pdf,
        titles: InLanguages = (),
        descriptions: InLanguages = (),
        keywords: Sequence[str] = (),
        tagged: Sequence[str] | None = None,
    ) -> None:
        """Make ``pdf`` what is claimed; ``titles``, ``descriptions`` and ``keywords``:
        its title and description in each of its languages and its keywords
        (`write_metadata`), which only the layout knows (give them with
        `functools.partial`); ``tagged``: the languages its structure tree tags, when
        the step that wrote the tree knows them (`tagged_pdf.StructureStep`)."""
        standard, intent, profile = self.conformance.standard, self.conformance.intent, self.profile
        claim = STANDARDS[standard]
        ink_limit = None  # stated for the press by the shop, and so recorded for preflight
        if standard == "PDF/A-2u" and profile is not None:
            fonts = _refuse_for_pdfa(pdf)
            _output_intent(pdf, claim, profile, SRGB_CONDITION, "http://www.color.org", "")
            _no_empty_transitions(pdf)
            _printable_annotations(pdf)
            if any(widths_agree(font) is False for font in fonts):
                standard = "none"  # the sRGB intent stays: it still says what colours mean
        elif standard == "PDF/X-4" and profile is not None and intent is not None:
            _refuse_for_pdfx(pdf)
            _output_intent(pdf, claim, profile, intent.condition, intent.registry, intent.info)
            _no_empty_transitions(pdf)
            without_annotations_in_print(pdf)  # not printed, as PDF/A wants: taken out
            pdf.docinfo[Name.GTS_PDFXVersion] = claim.pdfx
            pdf.docinfo[Name.Trapped] = Name("/False")
            if intent.ink_limit.stated:
                ink_limit = intent.ink_limit.percent
        self.claimed = standard
        write_metadata(
            pdf,
            self.conformance.languages,
            STANDARDS[standard],
            titles,
            descriptions,
            ink_limit,
            keywords,
            tagged,
        )


def conformance_step(conformance: Conformance) -> ConformanceStep:
    """The step for `final_pass` that writes ``conformance``'s claim and metadata."""
    return ConformanceStep(conformance)


def write_metadata(
    pdf: pikepdf.Pdf,
    languages: Sequence[str],
    claim: Claim,
    titles: InLanguages = (),
    descriptions: InLanguages = (),
    ink_limit: float | None = None,
    keywords: Sequence[str] = (),
    tagged: Sequence[str] | None = None,
) -> None:
    """Replace the document's XMP with one made from its Info dictionary; dc:language
    holds ``languages`` (the edition's, its main one first), then every other language
    its structure tree tags (``tagged``, or read from the tree: `tagged_languages`);
    dc:title and dc:description also give ``titles`` and ``descriptions``, the texts in
    each language (`xmp.InLanguages`); ``ink_limit``, the press's total ink as the print
    shop stated it, is recorded for preflight (`xmp.INK_LIMIT`); dc:subject lists
    ``keywords`` one by one (Info /Keywords, one string, cannot tell a comma inside a
    keyword from one between two)."""
    info = pdf.docinfo

    def text(key: str) -> str:
        value = info.get(key)
        return str(value) if isinstance(value, pikepdf.String) else ""

    # ReportLab writes /Subject and /Keywords empty when a leaflet has none: an empty
    # entry says nothing, and XMP (which mirrors Info for PDF/A) writes no empty property.
    for key in ("/Subject", "/Keywords"):
        if key in info and text(key) == "":
            del info[key]
    trapped = info.get("/Trapped")
    root = pdf.Root
    marked = root.get("/MarkInfo")
    meta = DocumentMetadata(
        title=text("/Title"),
        author=text("/Author"),
        subject=text("/Subject"),
        keywords=text("/Keywords"),
        creator_tool=text("/Creator"),
        producer=text("/Producer"),
        created=xmp_date(text("/CreationDate")),
        modified=xmp_date(text("/ModDate")),
        languages=tuple(
            dict.fromkeys([*languages, *(tagged_languages(pdf) if tagged is None else tagged)])
        ),
        trapped=str(trapped).lstrip("/") if str(trapped) in ("/True", "/False") else "",
        pdfa=claim.pdfa,
        pdfua=(
            "/StructTreeRoot" in root
            and isinstance(marked, Dictionary)
            and bool(marked.get("/Marked", False))
        ),
        pdfx=claim.pdfx,
        titles=tuple(titles),
        descriptions=tuple(descriptions),
        ink_limit=ink_limit,
        subjects=tuple(keywords),
    )
    # Uncompressed, as PDF/A requires of the metadata stream (qpdf leaves it so).
    root.Metadata = pdf.make_stream(xmp_packet(meta), Type=Name.Metadata, Subtype=Name.XML)


def tagged_languages(pdf: pikepdf.Pdf) -> list[str]:
    """The /Lang of the structure elements, in the order the tree first names each: an
    English reference or an untranslated text in a Thai leaflet is content in English,
    which the document's metadata should say it holds (`tagged_pdf.py` writes /Lang
    only where an element's language differs from its parent's, so this is few)."""
    tree = pdf.Root.get("/StructTreeRoot")
    found: dict[str, None] = {}
    stack = [tree.get("/K")] if isinstance(tree, Dictionary) else []
    while stack:
        node = stack.pop()
        if isinstance(node, Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, Dictionary) and "/S" in node:  # not a reference to content
            lang = node.get("/Lang")
            if isinstance(lang, pikepdf.String) and str(lang):
                found.setdefault(str(lang))
            if "/K" in node:
                stack.append(node.K)
    return list(found)


def _output_intent(
    pdf: pikepdf.Pdf, claim: Claim, profile: Profile, condition: str, registry: str, info: str
) -> None:
    stream = pikepdf.Stream(pdf, b"")
    stream.write(profile.compressed, filter=Name.FlateDecode)
    stream.N = profile.components
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name(claim.intent_subtype),
        OutputConditionIdentifier=condition,
        RegistryName=registry,
        Info=info or condition,
        DestOutputProfile=pdf.make_indirect(stream),
    )
    pdf.Root.OutputIntents = Array([pdf.make_indirect(intent)])


def _no_empty_transitions(pdf: pikepdf.Pdf) -> None:
    """ReportLab's empty page transition (``/Trans << >>``, which means none) goes: the
    PDF/A validator of pikepdf cannot vouch for a key it does not check."""
    for page in pdf.pages:
        transition = page.obj.get("/Trans")
        if isinstance(transition, Dictionary) and len(transition) == 0:
            del page.obj.Trans


def _printable_annotations(pdf: pikepdf.Pdf) -> None:
    """Links print (their rectangles draw nothing) and are never hidden: PDF/A-2 §6.3.2.
    (A PDF/X file may hold none where it prints: `press_annotations.py`.)"""
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if isinstance(annotation, Dictionary):
                flags = int(annotation.get("/F", 0))
                annotation.F = (flags | PRINT) & ~(INVISIBLE | HIDDEN | NO_VIEW)


def _refuse_for_pdfa(pdf: pikepdf.Pdf) -> list[Dictionary]:
    """Stop a PDF/A claim that would be false. ReportLab writes none of these today; a
    future change of layout or font handling would meet this. Returns the pages' fonts."""
    root = pdf.Root
    if pdf.is_encrypted:
        raise ValueError("PDF/A: the document is encrypted")
    names = root.get("/Names")
    if "/AA" in root or (isinstance(names, Dictionary) and "/JavaScript" in names):
        raise ValueError("PDF/A: the document has scripts or automatic actions")
    fonts: dict[tuple[int, int], Dictionary] = {}
    for number, page in enumerate(pdf.pages, 1):
        for annotation in page.obj.get("/Annots", Array()):
            action = annotation.get("/A") if isinstance(annotation, Dictionary) else None
            if isinstance(action, Dictionary) and str(action.get("/S")) in FORBIDDEN_ACTIONS:
                raise ValueError(f"PDF/A: page {number} has a {action.S} action")
        for name, font in _fonts(page.obj.get("/Resources")):
            if font.objgen not in fonts and not embedded(font):
                raise ValueError(f"PDF/A: font {name} is not embedded")
            fonts[font.objgen] = font
        for name, image in _images(page.obj.get("/Resources")):
            if _device_space(image) == "/DeviceCMYK":
                raise ValueError(
                    f"page {number}: image {name} is CMYK, and a screen edition is PDF/A-2u "
                    "with an sRGB output intent; save the picture as RGB (or build with "
                    "--colour cmyk for print)"
                )
    return list(fonts.values())


def _refuse_for_pdfx(pdf: pikepdf.Pdf) -> None:
    """PDF/X-4 needs every font embedded, and allows device colour only in the output
    intent's model (CMYK, grey)."""
    if pdf.is_encrypted:
        raise ValueError("PDF/X: the document is encrypted")
    for number, page in enumerate(pdf.pages, 1):
        if "/TrimBox" not in page.obj and "/ArtBox" not in page.obj:
            page.obj.TrimBox = page.obj.MediaBox  # PDF/X: every page says where it is cut
        for name, font in _fonts(page.obj.get("/Resources")):
            if not embedded(font):
                raise ValueError(f"PDF/X: font {name} is not embedded")
        for name, image in _images(page.obj.get("/Resources")):
            if _device_space(image) == "/DeviceRGB":
                raise ValueError(
                    f"page {number}: image {name} is RGB, and a PDF/X-4 print edition may "
                    "only hold the press's CMYK; convert the picture to CMYK with the print "
                    "shop's profile"
                )


def _fonts(resources: object) -> Iterator[tuple[str, Dictionary]]:
    """(name a reader knows it by, font dictionary) of each font in ``resources``."""
    fonts = resources.get("/Font") if isinstance(resources, Dictionary) else None
    if isinstance(fonts, Dictionary):
        for key, font in fonts.items():
            if isinstance(font, Dictionary):
                yield str(font.get("/BaseFont", key)).lstrip("/"), font


def _images(
    resources: object, seen: set[tuple[int, int]] | None = None
) -> Iterator[tuple[str, pikepdf.Stream]]:
    """Every image reachable from ``resources``, through forms, each once. The thousands
    of glyph forms of a Thai page have no resources of their own, so this stays cheap."""
    seen = set() if seen is None else seen
    xobjects = resources.get("/XObject") if isinstance(resources, Dictionary) else None
    if not isinstance(xobjects, Dictionary):
        return
    for name, xobject in xobjects.items():
        if not isinstance(xobject, pikepdf.Stream) or xobject.objgen in seen:
            continue
        if xobject.objgen != (0, 0):
            seen.add(xobject.objgen)
        if xobject.get("/Subtype") == Name.Image:
            yield name, xobject
        elif xobject.get("/Subtype") == Name.Form:
            yield from _images(xobject.get("/Resources"), seen)


def _device_space(image: pikepdf.Stream) -> str:
    space = image.get("/ColorSpace")
    if isinstance(space, Array) and len(space) > 1 and space[0] == Name.Indexed:
        space = space[1]
    return str(space) if isinstance(space, Name) else ""
