"""The text of an XLIFF 1.2 target or source as the catalog holds it: inline codes
give their text, a ``<g>`` of bold or italic the leaflet's markup (`inline_text`); a
segmented target is read past the lines a tool laid its segments out on
(`target_text`), and an element holding only elements past a formatter's indentation
(`inline_parts`, which XLIFF 2.0's reading shares).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

from ..errors import LeafletError, Location, shown_value
from ..languages import profile
from .xliff_parse import LINE, xliff_tag

_q = xliff_tag


# XLIFF 1.2's ctype of a <g> a translator's formatting becomes, as the leaflet's inline
# markup writes it (docs/format.md): export writes plain text, so a <g> in a target is
# one the CAT tool added, and its text without the markup would print unformatted.
_G_MARKUP = {"bold": "**", "x-bold": "**", "italic": "*", "x-italic": "*"}


def inline_text(
    element: ET.Element, unit: ET.Element, path: Path, words_spaced: bool = True
) -> str:
    """The text of a target as the catalog holds it: the text of its inline codes and
    segments (``<ph>``, ``<mrk>``), a ``<g>`` of bold or italic as the leaflet's markup
    around its text. A ``<g>`` of any other formatting (underline, a link, one the tool
    names no ctype for) is refused at its line: the leaflet has no markup for it, and
    its text alone would lose what the translator marked without a word.

    An element holding only elements (a target that is one ``<mrk>`` a tool wrapped
    it in, two ``<g>``) is read past the layout a formatter gave it (`inline_parts`)."""
    parts = [element.text or ""]
    for child in element:
        inner = inline_text(child, unit, path, words_spaced)
        if child.tag == _q("g") and inner.strip():
            inner = _formatted(child, inner, unit, path)
        parts += [inner, child.tail or ""]
    return "".join(inline_parts(parts, words_spaced))


def source_text(source: ET.Element, words_spaced: bool = True) -> str:
    """The English of a ``<source>``: its text and its inline elements' (a tool wraps
    a term or a comment in a ``<mrk>``), read past a formatter's layout as a target is
    (`inline_parts`), so the unit still finds its entry."""
    parts = [source.text or ""]
    for child in source:
        parts += [source_text(child, words_spaced), child.tail or ""]
    return "".join(inline_parts(parts, words_spaced))


def inline_parts(parts: list[str], words_spaced: bool) -> list[str]:
    """``parts`` (an element's text, then each child's text and tail) without the
    layout a formatter gave an element holding only elements.

    ``xmllint --format``, lxml and Okapi indent such an element, one child a line:
    whitespace holding a line break before its first child and after its last is that
    layout, not text, and was refused as a target beginning with a line break nobody
    typed. Between two children it stands for the space a formatter took away, in a
    language that spaces its words; in one that does not (Thai, Japanese) it is kept,
    and refused where it would print as a space no one typed
    (`xliff_checks._refuse_inner_line_break`), as no one can tell whether a space stood
    there. Whitespace without a line break is a translator's, and stays; an element
    with text of its own beside its children is not laid out by any formatter."""
    own = parts[0::2]  # the element's text and its children's tails
    if len(parts) < 3 or any(text.strip() for text in own):
        return parts
    last = len(parts) - 1
    kept = []
    for at, text in enumerate(parts):
        if at % 2 == 0 and _is_layout(text):
            text = "" if at in (0, last) else (" " if words_spaced else text)
        kept.append(text)
    return kept


def target_text(
    target: ET.Element,
    unit: ET.Element,
    path: Path,
    spaced: bool = True,
    words_spaced: bool = True,
) -> str:
    """The text of ``target`` as the catalog holds it (`inline_text`), read past the
    layout a tool gave a segmented one.

    memoQ, Trados and Okapi write a unit split into sentences as ``<mrk mtype="seg">``
    in ``<seg-source>`` and ``<target>``, and some indent them, one segment a line:
    whitespace holding a line break before, between or after the segments, or at the
    ends of a segment's own text. That is the file's layout, not the translator's text:
    read as text, every such target was refused as beginning with a line break nobody
    typed. Between two segments it stands for what stands between those sentences in
    the English (`_source_gaps`: a space), or for nothing in a language that puts no
    space between sentences (``spaced`` false: Chinese, Japanese); at the ends, for
    what the English has there. Whitespace without a line break is text, and stays (a
    tool writes the space between two sentences so); a line break inside a segment's
    text is the translator's (`xliff_checks._refuse_inner_line_break` names it where it would
    print wrong)."""
    segments = [c for c in target if _is_segment(c)]
    if not segments:
        return inline_text(target, unit, path, words_spaced)
    before, gaps, after = _source_gaps(unit)
    gaps = [gap if spaced or gap.strip() else "" for gap in gaps]
    between = " " if spaced else ""
    parts = [_layout_or(target.text or "", before)]
    count = 0
    for child in target:
        if not _is_segment(child):
            parts += [inline_text(child, unit, path, words_spaced), child.tail or ""]
            continue
        count += 1
        inner = inline_text(child, unit, path, words_spaced)
        parts.append(_without_layout(inner))
        gap = (
            after
            if count == len(segments)
            else (gaps[count - 1] if count <= len(gaps) else between)
        )
        parts.append(_layout_or(child.tail or "", gap))
    return "".join(parts)


def spaces_sentences(language: str) -> bool:
    """Whether ``language`` puts a space between two sentences (`languages.yaml`: its
    words or its phrases are spaced), as the segments of a target are joined."""
    found = profile(language) if language else None
    return found is None or found.word_spaces or found.phrase_spaces


def spaces_words(language: str) -> bool:
    """Whether ``language`` puts a space between words (`languages.yaml`)."""
    found = profile(language) if language else None
    return found is None or found.word_spaces


def _is_segment(element: ET.Element) -> bool:
    return element.tag == _q("mrk") and element.get("mtype") == "seg"


def _is_layout(text: str) -> bool:
    """Whitespace holding a line break: a tool's indentation, not a translator's text."""
    return not text.strip() and ("\n" in text or "\r" in text)


def _layout_or(text: str, instead: str) -> str:
    return instead if _is_layout(text) else text


def _without_layout(text: str) -> str:
    """A segment's text without the indentation a tool put at its ends."""
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    core = text.strip()
    if not core:
        return text
    return ("" if _is_layout(start) else start) + core + ("" if _is_layout(end) else end)


def _source_gaps(unit: ET.Element) -> tuple[str, list[str], str]:
    """What the English has before its first sentence, between each two, and after its
    last: its ``<source>`` around the ``<seg-source>`` segments' texts, found in order.
    A space between sentences where they cannot be found."""
    source = unit.find(_q("source"))
    text = "".join(source.itertext()) if source is not None else ""
    seg_source = unit.find(_q("seg-source"))
    sentences = [
        "".join(m.itertext()).strip()
        for m in (seg_source if seg_source is not None else ())
        if _is_segment(m) and "".join(m.itertext()).strip()
    ]
    ends: list[tuple[int, int]] = []
    at = 0
    for sentence in sentences:
        found = text.find(sentence, at)
        if found < 0:
            return "", [" "] * max(len(sentences) - 1, 0), ""
        ends.append((found, found + len(sentence)))
        at = found + len(sentence)
    if not ends:
        return "", [], ""
    gaps = [text[end:start] for (_, end), (start, _) in pairwise(ends)]
    return text[: ends[0][0]], gaps, text[ends[-1][1] :]


def formatting_line(target: ET.Element | None) -> int:
    """The line of the first ``<g>`` in ``target`` that `inline_text` wrote as markup."""
    for g in target.iter(_q("g")) if target is not None else ():
        if g.get("ctype") in _G_MARKUP and "".join(g.itertext()).strip():
            return int(g.get(LINE, "1"))
    return 0


def _formatted(g: ET.Element, inner: str, unit: ET.Element, path: Path) -> str:
    ctype = g.get("ctype", "")
    kind = f'<g> (ctype="{ctype}")' if ctype else "<g> (no ctype)"
    return marked_up(
        inner,
        _G_MARKUP.get(ctype),
        kind,
        Location(path, int(g.get(LINE, "1"))),
        unit.get("resname") or unit.get("id") or "",
    )


def marked_up(inner: str, markup: str | None, kind: str, where: Location, name: str) -> str:
    """``inner`` in the leaflet's ``markup`` (``**``, ``*``), or why a tool's formatting
    ``kind`` (XLIFF 1.2's ``<g>``, 2.0's ``<pc>``) cannot be imported: as text it would
    be lost without a word."""
    if markup is None:
        raise LeafletError(
            where,
            f"unit {name!r}: the translation marks {shown_value(inner.strip())} with a "
            f"{kind}, formatting a leaflet cannot print; imported as text, the formatting "
            "would be lost",
            "remove the formatting in the CAT tool, or write **bold** or *italic* in the "
            "text, and export the file again",
        )
    # The markers hug the text: "** word **" is no bold in the leaflet's markup.
    text = inner.strip()
    before, after = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    return f"{before}{markup}{text}{markup}{after}"


def untranslated_sentence(where: Location, name: str, sentence: str, text: str) -> LeafletError:
    """A segmented unit translated in part: imported, the rest would print without the
    sentence, so the import refuses it at the segment."""
    return LeafletError(
        where,
        f"unit {name!r}: sentence {sentence} ({shown_value(text.strip()[:60])}) has no "
        "translation; the rest of the unit would print without it",
        "translate every segment of the unit in the CAT tool, and export again",
    )
