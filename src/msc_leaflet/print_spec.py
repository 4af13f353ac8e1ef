"""How an output is produced for print: paper, bleed, marks, colour model, proofing.

Plain data shared by the CLI, the batch planner (it is part of every output's
fingerprint) and the layout. The editions are one table here, `EDITIONS`, read by every
stage that needs one, but are not part of a `PrintSpec`: they decide *which* outputs
exist, so they are part of each job instead.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from typing import Literal

from .project import same_language

PAPERS = ("a4", "a5", "letter")  # sizes in theme.PAPER
COLOUR_MODES = ("rgb", "cmyk")  # screen editions | print


def fixed_word(value: object, allowed: Collection[str]) -> str:
    """The one spelling of a word from a fixed list (CMYK, Parallel → cmyk, parallel), as
    written when it names none, for the caller to refuse. Every option value that is a
    fixed word is read in any letter case, as ``-l TH`` and ``--paper A4`` are."""
    text = str(value)
    return text.lower() if text.lower() in allowed else text


def paper_name(value: object) -> str:
    """The one spelling of a paper size (A4, Letter → a4, letter). Everyone writes A4."""
    return fixed_word(value, PAPERS)


IMPOSITIONS = ("none", "booklet")
# The paper a booklet's sheets print on, for pages two of which are no paper of their own:
# ISO A5 is 148 mm wide (half of A4, rounded down), so two A5 pages are 296 mm and go on
# A4 (297 mm), folded in its middle. Two A4 pages are A3, two Letter pages Tabloid.
BOOKLET_SHEETS = {"a5": "a4"}
DUPLEX_FLIPS = ("short-edge", "long-edge")
_UNITS = {"mm": 72 / 25.4, "cm": 720 / 25.4, "in": 72.0, "pt": 1.0}
MAX_BLEED_MM = 20.0  # print shops ask for 2–5 mm; more is a typo (3 cm for 3 mm)
# What print shops ask of a picture at the size it is printed (pixels per inch): read by
# `preflight` and by the build's LAYOUT005, so both say the same.
PRINT_PPI = 300.0
# The most ink a press lays down in one place (percent of C + M + Y + K), as most print
# shops publish for offset and digital print: read by `preflight` and by the theme, which
# refuses a CMYK colour over it, so a build never makes a fill the preflight warns of.
# It is the limit when nothing names the press (`ink_limit`).
MAX_INK = 300.0
# The total ink of the characterized printing conditions an output intent may name (its
# OutputConditionIdentifier), as the ECI's and IFRA's profiles for them separate: ISO
# Coated v2 (FOGRA39), PSO Coated v3 (FOGRA51), PSO Uncoated v3 (FOGRA52), ISO
# Newspaper 26 (IFRA26). A condition not listed is held to MAX_INK unless the theme
# states its limit (``output-intent: ink-limit:``).
CONDITION_INK = {"FOGRA39": 330.0, "FOGRA51": 300.0, "FOGRA52": 300.0, "IFRA26": 240.0}
INK_RANGE = (100.0, 400.0)  # what an ink limit can be: one full ink to all four


@dataclass(frozen=True)
class InkLimit:
    """The most total ink a fill may have, and why, for messages: "330 %, the limit of
    FOGRA39"."""

    percent: float = MAX_INK
    source: str = ""  # "" for the default, else what set it
    # The print shop stated it (the theme's ``ink-limit``): no printing condition says
    # it, so a PDF/X file records it for preflight (`finishing/xmp.py`).
    stated: bool = False

    def __str__(self) -> str:
        return f"{self.percent:.0f} %" + (f", {self.source}" if self.source else "")


def ink_limit(condition: str | None = None, stated: float | None = None) -> InkLimit:
    """The ink limit for a press: the one the print shop states, else its printing
    condition's (FOGRA39 or FOGRA39L, in any letter case), else `MAX_INK`."""
    if stated is not None:
        return InkLimit(stated, "the output intent's ink-limit", stated=True)
    name = (condition or "").strip().upper().replace(" ", "")
    name = name[:-1] if name.endswith("L") and name[:-1] in CONDITION_INK else name
    if name in CONDITION_INK:
        return InkLimit(CONDITION_INK[name], f"the limit of {name}")
    return InkLimit()


# How the layout places an edition's languages: "stacked" gives each language its own run
# of pages (title block, page numbering); "side-by-side" pairs them block by block.
Arrangement = Literal["stacked", "side-by-side"]


@dataclass(frozen=True)
class Edition:
    """One way of sharing a leaflet's languages in one PDF."""

    name: str  # what --edition and the Python API call it
    description: str  # for the --edition help text
    suffix: str  # in the file name: <id>.<suffix>.pdf; "" for none
    bilingual: bool  # pairs a translation with its source, translation first
    arrangement: Arrangement

    def __post_init__(self) -> None:
        if self.arrangement == "side-by-side" and not self.bilingual:
            raise ValueError(f"edition {self.name!r}: side by side needs two languages")

    def exists_in(self, locale: str, source_language: str) -> bool:
        """Whether the edition can be made in ``locale``: a bilingual edition pairs a
        translation with its source, so there is none in the source language. The batch
        planner skips such jobs; a direct build of one is refused."""
        return not self.bilingual or not same_language(locale, source_language)


EDITIONS = {
    edition.name: edition
    for edition in (
        Edition("single", "one language per PDF", "", False, "stacked"),
        Edition("parallel", "translation beside source", "parallel", True, "side-by-side"),
        Edition("sequential", "one language, then the other", "sequential", True, "stacked"),
    )
}
SINGLE = EDITIONS["single"]


def edition_named(name: str) -> Edition:
    """The edition called ``name``, in any letter case; `ValueError` naming the known ones
    if there is none."""
    try:
        return EDITIONS[fixed_word(name, EDITIONS)]
    except KeyError:
        raise ValueError(f"{name!r} is not one of {', '.join(EDITIONS)}") from None


@dataclass(frozen=True)
class PrintSpec:
    paper: str | None = None  # a4 | a5 | letter; None: the theme's paper
    bleed: float = 0.0  # points added on every side of the trim, filled by backgrounds
    crop_marks: bool = False
    colour: str = "rgb"  # rgb (screen editions) | cmyk (print)
    proof: bool = False  # watermark, message contexts, list of untranslated text
    imposition: str = "none"  # none | booklet (A5 pages on A4 sheets, saddle stitch)
    duplex_flip: str = "short-edge"  # how the printer turns the sheet (booklets only)
    # Insist on PDF/X-4: refuse to build unless the theme names the print shop's profile.
    # A CMYK build is PDF/X-4 whenever the theme names one; this makes its absence an error.
    pdfx: bool = False

    def __post_init__(self) -> None:
        for value, allowed, what in (
            (self.colour, COLOUR_MODES, "colour"),
            (self.imposition, IMPOSITIONS, "imposition"),
            (self.duplex_flip, DUPLEX_FLIPS, "duplex flip"),
        ):
            if value not in allowed:
                raise ValueError(f"{what} {value!r} is not one of {', '.join(allowed)}")
        if self.imposition == "booklet" and (self.bleed or self.crop_marks):
            raise ValueError(
                "a booklet is imposed on trimmed pages: build it without --bleed and "
                "--crop-marks (imposition with bleed is not supported yet)"
            )
        if self.pdfx and self.colour != "cmyk":
            raise ValueError("PDF/X-4 is a print standard: build it with --colour cmyk")

    @property
    def for_paper(self) -> bool:
        """Whether the output is made to be printed (CMYK, booklet sheets, bleed or crop
        marks), so that what only paper shows, a coarse picture, is worth a warning."""
        return (
            self.colour == "cmyk"
            or self.imposition != "none"
            or bool(self.bleed)
            or self.crop_marks
        )

    @property
    def page_paper(self) -> str | None:
        """A booklet folds A4 sheets into A5 pages unless a paper is named."""
        return self.paper or ("a5" if self.imposition == "booklet" else None)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def as_built(self, theme_paper: str | None, press_profile: bool = False) -> PrintSpec:
        """This spec with each value that changes no byte of the output given as if left
        out, for the fingerprint: ``--paper a4`` on a theme whose paper (``theme_paper``;
        None when not known) is A4, or A5 for a booklet, a duplex flip without a
        booklet, and ``--pdfx`` on a theme that names the press (``press_profile``: a
        CMYK build is PDF/X-4 then anyway) would rebuild a print shop's whole batch into
        the same PDFs."""
        booklet = self.imposition == "booklet"
        paper = None if self.paper == ("a5" if booklet else theme_paper) else self.paper
        flip = self.duplex_flip if booklet else PrintSpec.duplex_flip
        pdfx = self.pdfx and not press_profile
        return replace(self, paper=paper, duplex_flip=flip, pdfx=pdfx)


def variant_suffix(edition: Edition, spec: PrintSpec) -> str:
    """How an output's file name tells its variant: ``""`` for a single-language reading
    edition, else e.g. ``".parallel.booklet"`` or ``".proof"``, so one output folder holds
    every variant of a print run and a proof is never mistaken for the print file."""
    names = [edition.suffix] if edition.suffix else []
    if spec.imposition != "none":
        names.append(spec.imposition)
    if spec.proof:
        names.append("proof")
    return "".join(f".{name}" for name in names)


def parse_bleed(text: str) -> float:
    """A bleed such as ``"3mm"``, ``"0.125in"`` or ``"8.5pt"`` → points; more than
    `MAX_BLEED_MM` is refused as a typo, a negative one or one with a decimal comma
    (``3,5mm``) saying what to write instead."""
    match = re.fullmatch(r"\s*([-+]?)(\d*\.?\d+|\d+,\d+)\s*(mm|cm|in|pt)\s*", text.lower())
    if not match:
        raise ValueError(f"length {text!r} needs a number and a unit: mm, cm, in or pt (e.g. 3mm)")
    sign, number, unit = match.groups()
    if "," in number:  # a decimal comma, as Vietnamese and much of Europe write it
        raise ValueError(
            f"length {text!r}: write the decimal with a point, {number.replace(',', '.')}{unit}"
        )
    if sign == "-" and float(number):
        raise ValueError(
            f"length {text!r}: a bleed cannot be negative; it is how far the background "
            "reaches past the trim, e.g. 3mm (0mm for none)"
        )
    points = float(number) * _UNITS[unit]
    if points > MAX_BLEED_MM * _UNITS["mm"]:
        raise ValueError(f"length {text!r} is more than {MAX_BLEED_MM:g} mm of bleed")
    return points


#: The units a bleed is said back in (`bleed_text`), the one print shops ask in first.
_SAID_IN = ("mm", "pt", "in", "cm")
#: Decimals of a bleed said back: in mm, a micrometre; in other units, as many as exact.
_MM_PLACES, _MOST_PLACES = 3, 6


def bleed_text(points: float) -> str:
    """The bleed of ``points`` as ``--bleed`` is told it, which `parse_bleed` reads back
    as exactly ``points`` (a print spec is fingerprinted): in mm where three decimals
    are exact, else the shortest exact spelling in any unit (8.5 pt is "8.5pt", never
    "2.999mm", which is 8.5011 pt)."""
    in_mm = (_in_unit(points, "mm", places) for places in range(_MM_PLACES + 1))
    exact = [text for text in in_mm if parse_bleed(text) == points]
    if not exact:
        places = range(_MOST_PLACES + 1)
        spelled = (_in_unit(points, unit, n) for unit in _SAID_IN for n in places)
        exact = sorted((text for text in spelled if parse_bleed(text) == points), key=len)
    return exact[0] if exact else f"{Decimal(repr(points)):f}pt"  # repr reads back exactly


def _in_unit(points: float, unit: str, places: int) -> str:
    """``points`` in ``unit`` to ``places`` decimals, without trailing zeros."""
    text = f"{points / _UNITS[unit]:.{places}f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + unit
