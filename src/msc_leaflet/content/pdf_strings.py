"""How much text a PDF string holds, and the keywords that would not fit in one.

ISO 32000-1 Annex C limits a string to 32,767 bytes and PDF/A-2 makes that a rule
(ISO 19005-2 §6.1.13): a longer /Title, /Alt or /Keywords made a file that claimed
PDF/A-2u and was not. A text is counted as the PDF stores any text outside Latin-1,
UTF-16 with a byte order mark, so an English text is held to what a Thai one may be.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import LeafletError, Location
from .inline import plain_text
from .model import Figure, Leaflet, Text

#: The longest string a PDF may hold, in bytes (ISO 32000-1 Annex C; a rule of PDF/A-2).
PDF_STRING_BYTES = 32767
_BOM = 2  # the UTF-16 byte order mark that opens a PDF text string
#: What Info /Keywords puts between two keywords (`layout.document`), in UTF-16.
KEYWORD_SEPARATOR = ", "
_SEPARATOR_BYTES = len(KEYWORD_SEPARATOR.encode("utf-16-be"))
#: The most one language's keywords, joined, may take (UTF-16, no byte order mark): a
#: two-language edition joins both languages' into one /Keywords, so each gets half.
KEYWORDS_BYTES = (PDF_STRING_BYTES - _BOM - _SEPARATOR_BYTES) // 2


def string_bytes(text: str) -> int:
    """The bytes ``text`` takes as a PDF text string: UTF-16 and its byte order mark."""
    return _BOM + len(text.encode("utf-16-be"))


def first_past_keyword_budget(keywords: Sequence[Text]) -> tuple[Text, int] | None:
    """The keyword that takes one language's keywords past `KEYWORDS_BYTES`, and the
    size of them all joined; None when they fit. Each counted once, as /Keywords holds
    it (plain text; `layout.document._keywords` drops a repeated one)."""
    seen: dict[str, None] = {}
    culprit: Text | None = None
    size = -_SEPARATOR_BYTES
    for keyword in keywords:
        plain = plain_text(keyword.value)
        if plain in seen:
            continue
        seen[plain] = None
        size += _SEPARATOR_BYTES + len(plain.encode("utf-16-be"))
        if culprit is None and size > KEYWORDS_BYTES:
            culprit = keyword
    return (culprit, size) if culprit else None


def refuse_overlong_keywords(path: Path, keywords: Sequence[Text]) -> None:
    """Refuse keywords too long for Info /Keywords (`overlong_keywords`). Refused rather
    than cut, as a cut keyword is a wrong word for a search engine to index."""
    problem = overlong_keywords(path, keywords)
    if problem is not None:
        raise problem


def overlong_keywords(path: Path, keywords: Sequence[Text]) -> LeafletError | None:
    """Keywords too long for Info /Keywords, at the keyword that goes past the budget:
    its leaflet line and column, or a translation's .po entry; None when they fit."""
    found = first_past_keyword_budget(keywords)
    if found is None:
        return None
    keyword, size = found
    where = keyword.origin or Location(path, keyword.line, keyword.column)
    fix = (
        f"keep the few words a reader would search for, each a word or two: remove "
        f"'{keyword.context}' and the keywords after it, or shorten them"
    )
    return LeafletError(
        where,
        f"the keywords are too long for a PDF to hold ({size:,} bytes; at most "
        f"{KEYWORDS_BYTES:,} in one language, half a PDF string, as a two-language edition "
        "joins both languages' keywords)",
        f"fix {keyword.catalog_entry}: {fix}" if keyword.catalog_entry else fix,
    )


def overlong_strings(leaflet: Leaflet) -> list[LeafletError]:
    """The texts of ``leaflet`` (a translation too) that the PDF carries as one string
    and that are longer than a string may hold: its keywords, its title (/Title), a
    figure's alt text (/Alt). `build` refuses the first, even in a draft; `check` names
    each (TEXT003), so a translation that stops the build is found before a print run."""
    found = [overlong_keywords(leaflet.path, leaflet.keywords)]
    found.append(_unwritable(leaflet, leaflet.title.line, "the title", leaflet.title))
    found += [
        _unwritable(leaflet, block.line, f"the alt text of figure {block.path.name}", block.alt)
        for block in leaflet.blocks
        if isinstance(block, Figure) and not block.decorative and block.alt is not None
    ]
    return [problem for problem in found if problem is not None]


def _unwritable(leaflet: Leaflet, line: int, what: str, text: Text) -> LeafletError | None:
    """``text`` (``what``) if longer than a PDF string may be: the file would claim
    PDF/A-2u and break its limits, and readers may cut it anywhere."""
    size = string_bytes(plain_text(text.value))
    if size <= PDF_STRING_BYTES:
        return None
    fix = "say it in a sentence or two; details belong in the text, where a reader can move"
    fix += " through them"
    return LeafletError(
        Location(leaflet.path, line),
        f"{what} is too long for a PDF to hold ({size:,} bytes; at most {PDF_STRING_BYTES:,})",
        f"fix {text.catalog_entry}: {fix}" if text.catalog_entry else fix,
    )
