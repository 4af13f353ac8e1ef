"""Read an XLIFF 2.0 document (2.1 and 2.2 share its core) into the units an XLIFF 1.2
one gives (`xliff_units.Unit`), so that import checks and merges them alike.

What 2.0's core holds, as Okapi-style tools write it: ``<file original>`` per catalog, the
target language as ``trgLang``; a ``<unit>`` whose ``name`` (else ``id``) is the
context, its ``<notes>``, and its ``<segment>``s and ``<ignorable>``s, whose targets
in order are the translation; ``state`` on each segment (`xliff_states.STATES_2_0`);
``translate="no"`` on a unit or group. Inline: ``<mrk>`` gives its text, ``<pc>`` of
bold or italic (``subType="xlf:b"``, ``"xlf:i"``) the leaflet's markup, a code
(``<ph/>``, ``<sc/>``, ``<ec/>``) the text its unit's ``<originalData>`` holds for it,
Refused, at its line, whatever would lose or change the
translator's words: a target with segments in another order (``order``), a code whose
text the file does not hold, other formatting, a segment left untranslated beside
translated ones, a unit with no source or with neither ``name`` nor ``id``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

from ..errors import LeafletError, Location, shown_value
from .xliff_inline import (
    inline_parts,
    marked_up,
    spaces_sentences,
    spaces_words,
    untranslated_sentence,
)
from .xliff_parse import LANGUAGE_AT, LINE, NAMESPACE, VERSIONS_HINT, VERSIONS_READ
from .xliff_states import STATES_2_0
from .xliff_units import Unit, note_lines, refuse_disagreements

NS_2_0 = "urn:oasis:names:tc:xliff:document:2.0"
VERSIONS_2 = ("2.0", "2.1", "2.2")  # one core, one namespace
_PC_MARKUP = {"xlf:b": "**", "xlf:i": "*"}


def _q(name: str) -> str:
    return f"{{{NS_2_0}}}{name}"


def is_xliff_2(root: ET.Element) -> bool:
    """Whether ``root`` is an XLIFF 2 document (refused by `xliff2_files` if its
    version is one import does not read)."""
    return root.get(NAMESPACE) == NS_2_0


def xliff2_files(root: ET.Element, path: Path) -> list[tuple[dict[str, str], list[Unit]]]:
    """Each ``<file>``'s attributes as XLIFF 1.2 names them (``original``,
    ``target-language``) and its units."""
    if root.get("version") not in VERSIONS_2:
        raise LeafletError(
            Location(path, 1),
            f"XLIFF version {shown_value(root.get('version') or '')} in the namespace "
            f"{shown_value(NS_2_0)} is not supported: {VERSIONS_READ}",
            VERSIONS_HINT,
        )
    language = root.get("trgLang", "")
    files = []
    for file in root.iter(_q("file")):
        spacing = _Spacing(
            spaces_words(language),
            " " if spaces_sentences(root.get("srcLang", "")) else "",
            " " if spaces_sentences(language) else "",
        )
        units = [
            _unit(unit, translate, path, spacing) for unit, translate in _units(file, path, True)
        ]
        refuse_disagreements(units, path, {})
        attrib = {"original": file.get("original", ""), "target-language": language}
        # Where the language is written, for a refusal of a file that names none.
        attrib[LANGUAGE_AT] = (
            f'trgLang="{{tag}}" to the <xliff> element (line {root.get(LINE, "1")})'
        )
        files.append(({**attrib, LINE: file.get(LINE, "1")}, units))
    if not files:
        raise LeafletError(
            Location(path, 1),
            "the XLIFF document holds no <file> element, so no translation to import",
            "import the file exported by `msc-leaflet i18n export`, as the CAT tool returns it",
        )
    return files


def _units(element: ET.Element, path: Path, inherited: bool) -> list[tuple[ET.Element, bool]]:
    """Every ``<unit>`` under ``element`` in order, with whether it is to be translated
    (``translate`` on it or the nearest group, as in XLIFF 1.2)."""
    found: list[tuple[ET.Element, bool]] = []
    for child in element:
        if child.tag not in (_q("group"), _q("unit")):
            continue
        value = child.get("translate")
        if value is not None and value not in ("yes", "no"):
            raise LeafletError(
                Location(path, int(child.get(LINE, "1"))),
                f"<{child.tag.rpartition('}')[2]}> {child.get('name') or child.get('id', '')!r}: "
                f"translate={shown_value(value)} is neither yes nor no (XLIFF 2.0)",
                'export the file again from the CAT tool, or set translate="yes" or "no"',
            )
        translate = inherited if value is None else value == "yes"
        if child.tag == _q("unit"):
            found.append((child, translate))
        else:
            found += _units(child, path, translate)
    return found


class _Spacing(NamedTuple):
    """How a file's texts are spaced: between the target's words (`inline_parts`), and
    between two sentences of the source and of the target (`_joined`)."""

    words: bool
    source_sentences: str
    target_sentences: str


def _joined(parts: list[ET.Element], texts: list[str], between: str) -> str:
    """The texts of a unit's segments and ignorables, in order. XLIFF 2.0 keeps the
    space between two sentences in an ``<ignorable>``; a tool that leaves it out joined
    them with none, and the unit matched no entry (kept as obsolete, "source changed").
    Two segments with no ignorable and no whitespace between them are joined as the
    language spaces its sentences: a space, or nothing (Chinese, Japanese)."""
    joined = ""
    for n, (part, text) in enumerate(zip(parts, texts, strict=True)):
        after_segment = n and parts[n - 1].tag == part.tag == _q("segment")
        if after_segment and joined and text and not joined[-1].isspace():
            joined += "" if text[0].isspace() else between
        joined += text
    return joined


def _unit(unit: ET.Element, translate: bool, path: Path, spacing: _Spacing) -> Unit:
    name = unit.get("name") or unit.get("id", "")
    line = int(unit.get(LINE, "1"))
    if not name:
        raise LeafletError(
            Location(path, line),
            "a <unit> has neither name nor id: no entry can be found for it",
            "export the file again from the CAT tool, with the units' id and name",
        )
    data = {
        d.get("id", ""): "".join(d.itertext())
        for d in unit.iter(_q("data"))  # <originalData>: the text a code stands for
    }
    parts = [p for p in unit if p.tag in (_q("segment"), _q("ignorable"))]
    for part in parts:
        for tag in ("source", "target"):
            found = part.findall(_q(tag))
            if len(found) > 1:
                raise LeafletError(
                    Location(path, int(found[1].get(LINE, "1"))),
                    f"unit {name!r}: a <{part.tag.rpartition('}')[2]}> has {len(found)} "
                    f"<{tag}> elements; XLIFF 2.0 gives it one",
                    "export the file again from the CAT tool",
                )
    if not any(p.find(_q("source")) is not None for p in parts if p.tag == _q("segment")):
        raise LeafletError(
            Location(path, line),
            f"unit {name!r} has no <segment> with a <source>; XLIFF 2.0 gives a unit one",
            "export the file again from the CAT tool",
        )
    source = _joined(
        parts,
        [_text(p.find(_q("source")), name, data, path, True) for p in parts],
        spacing.source_sentences,
    )
    targets = [p.find(_q("target")) for p in parts]
    segments = [(p, t) for p, t in zip(parts, targets, strict=True) if p.tag == _q("segment")]
    translated = [t for _, t in segments if t is not None and "".join(t.itertext()).strip()]
    target = ""
    first = next((t for _, t in segments if t is not None), None)
    if translate and translated:
        for n, (part, own) in enumerate(segments, 1):
            if own is None or not "".join(own.itertext()).strip():
                raise untranslated_sentence(
                    Location(path, int(part.get(LINE, "1"))),
                    name,
                    part.get("id") or str(n),
                    "".join(part.itertext()),
                )
        for own in targets:
            if own is not None and own.get("order"):
                raise LeafletError(
                    Location(path, int(own.get(LINE, "1"))),
                    f"unit {name!r}: a target moves its segment elsewhere (order="
                    f"{shown_value(own.get('order', ''))}), which import does not read",
                    "join the segments in the CAT tool, and export again",
                )
        texts = [
            _text(own if own is not None else part.find(_q("source")), name, data, path,
                  spacing.words)
            for part, own in zip(parts, targets, strict=True)
        ]  # fmt: skip
        target = _joined(parts, texts, spacing.target_sentences)
    states = [STATES_2_0.get(p.get("state", "initial"), "new") for p, _ in segments]
    comments = [
        line
        for note in unit.iter(_q("note"))
        if translate
        for line in note_lines("".join(note.itertext()))
    ]
    return Unit(
        id=unit.get("id", ""),
        context=name,
        source=source,
        target=target,
        # the least finished segment's: a unit is done when every segment is
        state=next((s for s in states if s == "new"), states[0] if states else "new"),
        comments=comments,
        line=int((first if first is not None else unit).get(LINE, "1")),
        translate=translate,
    )


def _text(
    element: ET.Element | None, name: str, data: dict[str, str], path: Path, words_spaced: bool
) -> str:
    """The text of a ``<source>`` or ``<target>`` as the catalog holds it."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        parts += [_inline(child, name, data, path, words_spaced), child.tail or ""]
    return "".join(inline_parts(parts, words_spaced))


def _inline(child: ET.Element, name: str, data: dict[str, str], path: Path, spaced: bool) -> str:
    local = child.tag.rpartition("}")[2]
    where = Location(path, int(child.get(LINE, "1")))
    if local == "cp":  # XLIFF 2.0 writes so only what XML cannot carry: a control
        raise LeafletError(
            where,
            f"unit {name!r}: the translation holds <cp hex={shown_value(child.get('hex', ''))}>, "
            "a character XML cannot carry (a control character), which no leaflet prints",
            "remove it in the CAT tool, and export the file again",
        )
    if local in ("ph", "sc", "ec"):
        ref = child.get("dataRef") or child.get("dataRefStart") or child.get("dataRefEnd")
        if ref is None or ref not in data:
            raise LeafletError(
                where,
                f"unit {name!r}: the translation holds an inline code <{local}/> whose text "
                "the file does not hold (no <originalData>); the placeholder or markup it "
                "stands for would be lost",
                "export the file from the CAT tool with its original data, or with its "
                "inline codes written as text",
            )
        return data[ref]
    if local in ("sm", "em"):
        return ""  # a marker's start or end: annotates, holds no text
    inner = _text(child, name, data, path, spaced)
    if local == "pc" and inner.strip():
        sub = child.get("subType", "")
        kind = f"<pc> ({sub or 'no subType'})"
        return marked_up(inner, _PC_MARKUP.get(sub), kind, where, name)
    return inner  # <mrk>, or a <pc> around no text
