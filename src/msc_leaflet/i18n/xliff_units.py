"""Read the XLIFF 1.2 (or 1.1) document a CAT tool returns into units, refusing what it
would read wrong. Parsing it safely is `xliff_parse`'s.

Each unit is read as the catalog would hold it (`xliff_inline`: inline codes give
their text, a ``<g>`` of bold or italic the leaflet's markup, a segmented target is
read past the lines a tool laid its segments out on, and an element holding only
elements past a formatter's indentation), a unit marked
``translate="no"`` not read at all (`_translatable_units`), and refused, at its line, when
that text would not be what the translator meant: a code with no text, formatting the
leaflet cannot print, a second target, a missing source, a target in another language, a
sentence of a segmented unit left out, two units for one entry that disagree. Checks of
a unit against its catalog are `xliff_checks`'.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import LeafletError, Location, shown_value
from ..project import translates_into
from .catalog import msgstr_as_read
from .pofile import comment_lines
from .xliff_inline import (
    formatting_line,
    source_text,
    spaces_sentences,
    spaces_words,
    target_text,
    untranslated_sentence,
)
from .xliff_parse import (
    LINE,
    NAMESPACE,
    NAMESPACES,
    VERSIONS,
    VERSIONS_HINT,
    VERSIONS_READ,
    xliff_tag,
)
from .xliff_states import target_fuzzy

_q = xliff_tag


@dataclass(frozen=True)
class Unit:
    id: str
    context: str | None
    source: str
    target: str
    state: str
    comments: list[str]
    line: int = 1  # of the <target> (else the <trans-unit>) in the XLIFF file
    qualifier: str = ""  # the target's state-qualifier
    approved: str | None = None  # the trans-unit's approved: "yes", "no" or not given
    formatted: int = 0  # the line of a <g> written as markup (`inline_text`), if any
    translate: bool = True  # False: translate="no", nothing of it is imported

    @property
    def fuzzy(self) -> bool:
        """Whether the target waits for a translator's review (`xliff_states`)."""
        return target_fuzzy(self.state, self.qualifier, self.approved)


def xliff_files(root: ET.Element, path: Path) -> list[tuple[dict[str, str], list[Unit]]]:
    local = root.tag.rpartition("}")[2]
    if local != "xliff":
        raise LeafletError(Location(path, 1), f"not an XLIFF document (its root is <{local}>)")
    _refuse_version(root, path)
    files = []
    for file in root.iter(_q("file")):
        units = []
        spaced = spaces_sentences(file.get("target-language", ""))
        words_spaced = spaces_words(file.get("target-language", ""))
        english_spaced = spaces_words(file.get("source-language", ""))
        for unit, translate in _translatable_units(file, path):
            source = unit.find(_q("source"))
            # A unit not to translate has no translation to import: its target (a copy
            # of the English, a tool's placeholder) is not read, nor its notes.
            target = unit.find(_q("target")) if translate else None
            comments = [
                line
                for note in unit.findall(_q("note"))
                if translate and note.get("from") not in _OUR_NOTES
                for line in note_lines("".join(note.itertext()))
            ]
            if target is not None:
                _refuse_empty_codes(unit, target, path)
                _refuse_other_language(unit, target, file.get("target-language", ""), path)
                _refuse_untranslated_segments(unit, target, path)
            _refuse_malformed_unit(unit, path)
            approved = unit.get("approved")
            if approved not in (None, "yes", "no"):
                raise LeafletError(
                    Location(path, int(unit.get(LINE, "1"))),
                    f"unit {unit.get('resname') or unit.get('id', '')!r}: approved="
                    f"{shown_value(approved or '')} is neither yes nor no (XLIFF 1.2)",
                    'export the file again from the CAT tool, or set approved="yes" or "no"',
                )
            units.append(
                Unit(
                    id=unit.get("id", ""),
                    # resname="" is one a tool emptied: matched by id (`matched_by_id`)
                    context=unit.get("resname") or None,
                    source=source_text(source, english_spaced) if source is not None else "",
                    target=(
                        target_text(target, unit, path, spaced, words_spaced)
                        if target is not None
                        else ""
                    ),
                    state=(target.get("state", "translated") if target is not None else "new"),
                    comments=comments,
                    line=int((unit if target is None else target).get(LINE, "1")),
                    qualifier=target.get("state-qualifier", "") if target is not None else "",
                    approved=approved,
                    formatted=formatting_line(target),
                    translate=translate,
                )
            )
        refuse_disagreements(units, path, {})
        files.append((dict(file.attrib), units))
    if not files:  # nothing to import is not "0 changed": the file is not what was sent
        raise LeafletError(
            Location(path, 1),
            "the XLIFF document holds no <file> element, so no translation to import",
            "import the file exported by `msc-leaflet i18n export`, as the CAT tool returns it",
        )
    return files


def _refuse_version(root: ET.Element, path: Path) -> None:
    """Refuse a document of an XLIFF version import does not read (1.0, 2.x), or one
    whose version and namespace name none it reads: its units would be looked for
    where it has none, and it would import as "0 changed"."""
    version, namespace = root.get("version"), root.get(NAMESPACE, "")
    if version in VERSIONS and namespace in NAMESPACES:
        return
    said = (
        f"XLIFF version {shown_value(version or '')}" if version else "an XLIFF without a version"
    )
    if version in VERSIONS:
        said += f" in the namespace {shown_value(namespace)}"
    raise LeafletError(
        Location(path, 1),
        f"{said} is not supported: {VERSIONS_READ}",
        VERSIONS_HINT,
    )


def _translatable_units(file: ET.Element, path: Path) -> list[tuple[ET.Element, bool]]:
    """Every ``<trans-unit>`` of ``file`` in order, and whether it is to be translated:
    XLIFF 1.2's ``translate``, on the unit or else on the nearest ``<group>`` around it
    (a tool locks a whole group so), "yes" unless one says "no". A unit marked "no" was
    imported as a translation like any other, a locked text's copy of the English
    printed as if translated. A value that is neither is refused at its line."""
    found: list[tuple[ET.Element, bool]] = []

    def walk(element: ET.Element, inherited: bool) -> None:
        for child in element:
            if child.tag not in (_q("body"), _q("group"), _q("trans-unit")):
                continue
            value = child.get("translate")
            if value is not None and value.lower() not in ("yes", "no"):
                raise LeafletError(
                    Location(path, int(child.get(LINE, "1"))),
                    f"<{child.tag.rpartition('}')[2]}> "
                    f"{child.get('resname') or child.get('id', '')!r}: translate="
                    f"{shown_value(value)} is neither yes nor no (XLIFF 1.2)",
                    'export the file again from the CAT tool, or set translate="yes" or "no"',
                )
            translate = inherited if value is None else value.lower() == "yes"
            if child.tag == _q("trans-unit"):
                found.append((child, translate))
            else:
                walk(child, translate)

    walk(file, True)
    return found


# Notes export writes from the catalog itself, never the translator's: the extracted
# comments, written again by every `update`, and the English of a fuzzy entry's ``#|``.
_OUR_NOTES = ("developer", "previous-source")
# XLIFF 1.2's inline codes: the ones that hold the native code they stand for as their
# text, and the ones that never do (a standalone, begin or end code), whose code lives
# in the CAT tool only.
_CODES = tuple(_q(tag) for tag in ("ph", "bpt", "ept", "it"))
_EMPTY_CODES = tuple(_q(tag) for tag in ("x", "bx", "ex"))


def _refuse_empty_codes(unit: ET.Element, target: ET.Element, path: Path) -> None:
    """Refuse a target holding an inline code with no text (``<x/>``, ``<bx/>``,
    ``<ex/>``, an empty ``<ph/>``): the text the code stands for, a placeholder such as
    ``{pages}`` the CAT tool protected, would be dropped from the translation without a
    word. Export writes plain text, so a tool that writes such codes can also write
    them as text."""
    code = next(
        (
            e
            for e in target.iter()
            if e.tag in _EMPTY_CODES or (e.tag in _CODES and not "".join(e.itertext()))
        ),
        None,
    )
    if code is None:
        return
    name = unit.get("resname") or unit.get("id", "")
    raise LeafletError(
        Location(path, int(code.get(LINE, target.get(LINE, "1")))),
        f"unit {name!r}: the translation holds an inline code "
        f"<{code.tag.rpartition('}')[2]}/> with no text; the placeholder or markup it "
        "stands for would be lost",
        "export the file from the CAT tool with its inline codes (tags, placeholders) "
        "written as text or as <ph>…</ph> holding it",
    )


def _refuse_malformed_unit(unit: ET.Element, path: Path) -> None:
    """Refuse a trans-unit without its one ``<source>`` or with two ``<target>``: a
    missing source read as "" made an obsolete entry with an empty English (the
    header's own key), and a second target was dropped without a word. Refuse one with
    neither ``id`` (which XLIFF 1.2 requires) nor ``resname``: nothing names its entry,
    and its translation was kept as an obsolete entry of no context."""
    name = unit.get("resname") or unit.get("id", "")
    if not name:
        raise LeafletError(
            Location(path, int(unit.get(LINE, "1"))),
            "a <trans-unit> has neither id nor resname: no entry can be found for it "
            "(XLIFF 1.2 gives every unit an id)",
            "export the file again from the CAT tool, with the units' id and resname",
        )
    for tag, found in (
        ("source", unit.findall(_q("source"))),
        ("target", unit.findall(_q("target"))),
    ):
        if (tag == "source" and not found) or len(found) > 1:
            what = f"no <{tag}>" if not found else f"{len(found)} <{tag}> elements"
            raise LeafletError(
                Location(path, int((found[1] if found else unit).get(LINE, "1"))),
                f"unit {name!r} has {what}; XLIFF 1.2 gives a unit one",
                "export the file again from the CAT tool",
            )


def _refuse_other_language(unit: ET.Element, target: ET.Element, language: str, path: Path) -> None:
    """Refuse a target whose ``xml:lang`` is another language than its file's: a Lao
    text pasted into a Thai file went into the Thai catalog, and printed."""
    own = target.get("{http://www.w3.org/XML/1998/namespace}lang", "")
    if not own or not language or translates_into(own, language) or translates_into(language, own):
        return
    raise LeafletError(
        Location(path, int(target.get(LINE, "1"))),
        f"unit {unit.get('resname') or unit.get('id', '')!r}: the translation is marked "
        f"xml:lang={shown_value(own)}, the file is for {shown_value(language)}",
        "translate the unit into the file's language in the CAT tool, and export again",
    )


def _segments(element: ET.Element | None) -> dict[str, ET.Element]:
    """The ``<mrk mtype="seg">`` of ``element`` holding text, by ``mid``."""
    found = element.iter(_q("mrk")) if element is not None else ()
    return {
        m.get("mid", ""): m
        for m in found
        if m.get("mtype") == "seg" and "".join(m.itertext()).strip()
    }


def _refuse_untranslated_segments(unit: ET.Element, target: ET.Element, path: Path) -> None:
    """Refuse a target segmented as its ``<seg-source>`` is (memoQ and Trados split a
    unit into sentences, ``<mrk mtype="seg">``) that lacks the translation of one of
    them: the paragraph was imported translated with a sentence missing, and printed
    so, a patient reading half of it."""
    translated = _segments(target)
    if not translated:  # not segmented, or no translation at all (which erases nothing)
        return
    for mid, segment in _segments(unit.find(_q("seg-source"))).items():
        if mid not in translated:
            raise untranslated_sentence(
                Location(path, int(target.get(LINE, "1"))),
                unit.get("resname") or unit.get("id") or "",
                mid,
                "".join(segment.itertext()),
            )


# Each unit already read for one catalog, by its entry (context, else id, and English),
# with the file it came from: `refuse_disagreements`.
Seen = dict[tuple[str, str], tuple["Unit", Path]]


def refuse_disagreements(units: list[Unit], path: Path, seen: Seen) -> None:
    """Refuse a unit of ``path`` for an entry that a unit read before (in ``seen``:
    this ``<file>``, another ``<file>`` of the document, or another document for the
    same catalog) translates otherwise, or confirms where the other asks for review:
    which of the two the translator meant, no import can tell, and the later replaced
    the earlier without a word. The same translation twice is no conflict, nor a unit
    with no target (which erases nothing). Both places are named."""
    for unit in units:
        if not unit.translate or not unit.target:
            continue
        key = unit.context if unit.context is not None else f"id {unit.id}"
        first, first_path = seen.setdefault((key, unit.source), (unit, path))
        if first is unit:
            continue
        same_text = msgstr_as_read(first.target) == msgstr_as_read(unit.target)
        if same_text and first.fuzzy == unit.fuzzy:
            continue
        there = f"line {first.line}" if first_path == path else f"{first_path}:{first.line}"
        said = (
            "with different translations"
            if not same_text
            else "with one translation, confirmed once and waiting for review once"
        )
        raise LeafletError(
            Location(path, unit.line),
            f"unit {unit.context or unit.id!r} appears twice {said} (the first at "
            f"{there}: {shown_value(first.target[:40])}, here "
            f"{shown_value(unit.target[:40])}); no import can tell which was meant",
            "keep one of them in the CAT tool and export again, or import the file you "
            "mean on its own",
        )


def note_lines(text: str) -> list[str]:
    """A translator's note as the comment lines the .po will hold, so that a note of
    several lines stays comments and a second import finds it unchanged. Blank lines
    around it (a CAT tool's indentation) are dropped."""
    lines = comment_lines(text)
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines
