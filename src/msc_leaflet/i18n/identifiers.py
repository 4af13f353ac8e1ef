"""The identifiers of a text (CD45, IL-6, PMID 12345678) and where a translation writes
one in other characters, for check I18N024.

A lab marker, a gene, a strain, a product or document code, a reference number is
searched as typed: a doctor or a lab types CD45, not CD٤٥ or ＣＤ４５. So its digits stay
ASCII and its letters Latin in every language, even where the translation writes a
quantity in its own digits (45 mg as ٤٥ ملغ, 3 วัน as ๓ วัน: `numbers` reads those as
the same value, and rightly). An identifier is

- Latin letters followed by digits, glued or across a hyphen or a colon (CD45, B12,
  p53, O157:H7, IL-6, COVID-19, HLA-DR1, MSC-PI-004, ICD-10, M17.0, v2.1), within the
  run of letters, digits and joiners it stands in (HLA-DR1 is named whole);
- or the number after a word of `identifiers: names` in `data/numbers.yaml` (PMID
  12345678, ISO 9001, ext. 1234);
- or a DOI (10.1038/nm.1234).

Digits before letters are a quantity with its unit (45mg, 5mL, 3rd) and never one;
nor are the letters `identifiers: not` lists before digits (the times sign of 1x10^6,
a unit's exponent typed flat in mg/m2, the h of a Vietnamese time 8h00).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..alternation import longest_first
from ..content.text_policy import CharTable, latin_lookalike
from . import numbers

# A run of ASCII letters and digits joined by single hyphens, points or colons: the
# whole identifier a finding names (HLA-DR1, O157:H7, MSC-PI-004). Only a run with a
# digit holds one (`_ATOM`), so the lookahead passes over every plain word in C: a
# Python step per word of every text was most of I18N024's time (#20).
_RUN = re.compile(r"(?<![A-Za-z0-9])(?=[-.:A-Za-z0-9]*\d)[A-Za-z0-9]+(?:[-.:][A-Za-z0-9]+)*")
# Letters, then digits (a hyphen or a colon may join them), a decimal part after: the
# part of a run a translation must keep as typed (DR1 of HLA-DR1, PI-004, M17.0).
_ATOM = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[-:]?\d+(?:\.\d+)*(?![0-9])")
_DOI = re.compile(r"(?<![0-9.])10\.\d{4,9}/[-._;()/:A-Za-z0-9]*[A-Za-z0-9]")
_WORD = re.compile(r"[^\W\d_]+")
# Every identifier holds a digit (`_RUN`, `_named`, `_DOI` each require one): a text
# with none, most of a leaflet's, is passed over with one scan in C, not three (#20).
_ANY_DIGIT = re.compile(r"\d")
# Full-width (an input method's ＣＤ４５) and mathematical letters (𝐂𝐃) are the ASCII
# ones drawn otherwise; a subscript or superscript (CO₂) is typography a chemist writes.
_SAME_FORMS = frozenset({"<wide>", "<font>"})
# Typed for a hyphen, a point or a colon in an identifier, and read as those.
_JOINERS = {"\u066b": ".", "\uff0e": ".", "\uff1a": ":", "\u2212": "-"}


@dataclass(frozen=True)
class Retyped:
    """An identifier of the source the translation writes in other characters:
    ``written`` as the translation types it (CD٤٥), ``meant`` as the source does (CD45),
    ``start`` where it stands in the text read, and ``kind`` what was typed instead
    ("Arabic-Indic digits", "full-width letters")."""

    written: str
    meant: str
    start: int
    kind: str


def retyped(source: str, translation: str) -> Iterator[Retyped]:
    """Each identifier of ``source`` that ``translation`` writes with other digits or
    letters than ASCII (CD45 as CD๔๕, ＣＤ４５), once for each way it is written. One it
    leaves out or changes is no finding here: its number is I18N007's to count."""
    kept = {key: meant for key, meant, _, _ in _identifiers(source)}
    if not kept:
        return
    folded = _WORD.sub(lambda word: _latin_drawn(word.group()), translation.translate(_ASCII_FORMS))
    told: set[str] = set()
    for key, _, start, end in _identifiers(folded):
        written = translation[start:end]
        if key not in kept or written in told or _same_letters(written, folded[start:end]):
            continue
        told.add(written)
        yield Retyped(written, kept[key], start, _kind(written))


def named_numbers(text: str) -> frozenset[str]:
    """The values of the numbers ``text`` gives after an identifier's name (PMID
    12345678, ISO 9001: `names`), which are codes whatever their length: `grouping`
    keeps them unbroken."""
    if _ANY_DIGIT.search(text) is None:
        return frozenset()
    return frozenset(
        str(int(named.group(2))) for named in _named().finditer(text) if named.group(2).isdigit()
    )


def _identifiers(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(its key, the identifier it is part of as written, where that starts and ends) for
    each identifier of ``text``, an ASCII text or one folded to ASCII (`_ascii_form`).
    The key is the part that must be kept (the DR1 of HLA-DR1, PMID 123)."""
    if _ANY_DIGIT.search(text) is None:
        return
    excluded = _not_identifiers()
    for run in _RUN.finditer(text):
        for atom in _ATOM.finditer(run.group()):
            if atom.group(1) not in excluded:
                yield _key(atom.group()), run.group(), run.start(), run.end()
    for named in _named().finditer(text):
        key = f"{named.group(1)} {named.group(2)}"
        yield key.casefold(), named.group(), named.start(), named.end()
    for doi in _DOI.finditer(text):
        yield doi.group(), doi.group(), doi.start(), doi.end()


def _key(atom: str) -> str:
    """``atom`` with its joiner as a hyphen and in one case: IL-6 and IL:6, p53 and P53
    are one name to a reader, and a translation that changes its case as well as its
    digits (P٥٣) is still named."""
    return atom.replace(":", "-").casefold()


def _same_letters(written: str, folded: str) -> bool:
    """Whether ``written`` differs from its ASCII reading ``folded`` in its joiners only
    (a non-breaking hyphen in COVID‑19): its letters and digits are as typed."""
    return all(a == b for a, b in zip(written, folded, strict=True) if b.isalnum())


def _ascii_form(char: str) -> str:
    """The ASCII letter, digit or joiner ``char`` is read as (Thai ๔ and full-width ４ as
    4, full-width Ｃ as C, a typographic hyphen as -), or ``char`` itself: one character
    for one, so a place in the folded text is the same place in the text as typed."""
    if char.isascii():
        return char
    if unicodedata.category(char) == "Nd":
        return str(unicodedata.decimal(char))
    if unicodedata.category(char) == "Pd" or char in _JOINERS:
        return _JOINERS.get(char, "-")
    folded = unicodedata.normalize("NFKC", char)
    tag = unicodedata.decomposition(char).split(" ", 1)[0]
    if tag in _SAME_FORMS and len(folded) == 1 and folded.isascii() and folded.isalnum():
        return folded
    return char


# `_ascii_form` read in C, each character worked out once a process: a Thai msgstr is
# hundreds of characters, and a Python call for each was most of I18N024's time (#20).
_ASCII_FORMS = CharTable(_ascii_form)


def _latin_drawn(word: str) -> str:
    """``word`` with each letter that imitates a Latin one as that letter (the Cyrillic
    С of СD45), where it stands among ASCII letters: a word wholly in another script
    (Greek α2, Russian СД45) is that language's, no disguise."""
    if word.isascii() or not any(char.isascii() for char in word):
        return word
    return "".join(_one_letter(latin_lookalike(char)) or char for char in word)


def _one_letter(letter: str | None) -> str | None:
    return letter if letter is not None and len(letter) == 1 else None


def _kind(written: str) -> str:
    """What ``written`` holds in place of ASCII: "Thai digits", "full-width letters and
    digits", "Cyrillic letters", named by Unicode (THAI DIGIT FOUR, FULLWIDTH LATIN
    CAPITAL LETTER C, CYRILLIC CAPITAL LETTER ES)."""
    digits: dict[str, None] = {}
    letters: dict[str, None] = {}
    for char in written:
        if char.isascii() or not char.isalnum():
            continue
        name = unicodedata.name(char, "")
        if unicodedata.category(char) == "Nd":
            script = name.split(" DIGIT ")[0]
            digits["full-width" if script == "FULLWIDTH" else _title(script)] = None
        else:
            script = name.split(" ")[0]
            letters["full-width" if script == "FULLWIDTH" else script.capitalize()] = None
    parts = [f"{script} digits" for script in digits]
    parts += [f"{kind} letters" for kind in letters]
    if parts == ["full-width digits", "full-width letters"]:
        return "full-width letters and digits"
    return " and ".join(parts)


def _title(script: str) -> str:
    """ARABIC-INDIC as Arabic-Indic, MYANMAR as Myanmar."""
    return " ".join("-".join(p.capitalize() for p in word.split("-")) for word in script.split())


def _words(key: str) -> list[str]:
    """The words under ``key`` of `identifiers` in `data/numbers.yaml`."""
    words = numbers.shared_section("identifiers").get(key) or []
    return [str(word) for word in words] if isinstance(words, list) else []


@cache
def _named() -> re.Pattern[str]:
    """A word of `names` and the number after it, a space, colon or # between."""
    names = "|".join(map(re.escape, longest_first(_words("names"))))
    return re.compile(
        rf"(?<![A-Za-z0-9])({names})(?![A-Za-z])[ \u00a0]*[:#]?[ \u00a0]*"
        r"(\d+(?:[-.:/]\d+)*)(?![0-9])"
    )


@cache
def _not_identifiers() -> frozenset[str]:
    return frozenset(_words("not"))
