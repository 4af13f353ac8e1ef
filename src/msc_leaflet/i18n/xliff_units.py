"""Read the XLIFF 1.2 document a CAT tool returns into units, refusing what it would
read wrong.

Parsing refuses any DTD: no entity can be declared, so neither an external entity (XXE,
reading a local file into a translation) nor nested entities (billion laughs) can be
expanded. Only expat is used, with handlers that stop at the first declaration, and
elements nested deeper than any tool writes are refused before anything reads the tree
recursively.

Each unit is read as the catalog would hold it (`inline_text`: inline codes give their
text, a ``<g>`` of bold or italic the leaflet's markup; `target_text`: a segmented
target read past the lines a tool laid its segments out on, and an element holding
only elements past a formatter's indentation, `inline_parts`), a unit marked
``translate="no"`` not read at all (`_translatable_units`), and refused, at its line, when
that text would not be what the translator meant: a code with no text, formatting the
leaflet cannot print, a second target, a missing source, a target in another language, a
sentence of a segmented unit left out, two units for one entry that disagree. Checks of
a unit against its catalog are `xliff_checks`'.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from ..errors import LeafletError, Location, shown_value
from ..languages import profile
from ..project import parent_locales, same_language
from .catalog import msgstr_as_read
from .pofile import comment_lines
from .xliff_states import target_fuzzy

NS = "urn:oasis:names:tc:xliff:document:1.2"
ET.register_namespace("", NS)
# XLIFF 1.1, which translate-toolkit (po2xliff, Pootle, Virtaal) and other older tools
# write: every element and attribute import reads means in it what it means in 1.2
# (1.2 added <seg-source>, <mrk mtype="seg"> and state-qualifier, read where found),
# so its elements are read as 1.2's.
NS_1_1 = "urn:oasis:names:tc:xliff:document:1.1"
# The versions read, and the namespaces they may be written in ("" for none).
VERSIONS = ("1.1", "1.2")
NAMESPACES = ("", NS_1_1, NS)
# What a refusal of another version says (here and `xliff2_units`).
VERSIONS_READ = "import reads XLIFF 1.2, 1.1 and 2.0 (2.1, 2.2)"
VERSIONS_HINT = (
    "export XLIFF 1.2 from the CAT tool (or 1.1, 2.0), as `msc-leaflet i18n export` wrote it"
)


def xliff_tag(name: str) -> str:
    """An XLIFF 1.2 element's name as ElementTree spells it."""
    return f"{{{NS}}}{name}"


_q = xliff_tag


LINE = "{urn:x-msc-leaflet}line"  # an element's line in the file read, for errors
NAMESPACE = "{urn:x-msc-leaflet}namespace"  # the root's namespace as written


def parse_xliff(data: bytes, path: Path) -> ET.Element:
    """The document's root element; any DTD or entity declaration is refused."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*_args: object) -> NoReturn:
        raise LeafletError(
            Location(path, parser.CurrentLineNumber),
            "XLIFF file declares a DTD or entities: refused (they can read local files "
            "or expand without bound)",
            "export the file again from the CAT tool, without a DOCTYPE",
        )

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def tag(raw: str) -> str:
        # An element in no namespace is XLIFF's: some tools write <xliff version="1.2">
        # without its xmlns, and its units, looked for in the namespace, were none, so
        # such a file imported nothing without a word. One of XLIFF 1.1 is read as 1.2's.
        namespace, _, local = raw.rpartition("}")
        return _q(local) if namespace in ("", NS_1_1) else name(raw)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse

    depth = 0

    def start(raw: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:  # every step below reads the tree recursively
            raise LeafletError(
                Location(path, parser.CurrentLineNumber),
                f"XLIFF elements nested more than {MAX_DEPTH} deep: refused (no CAT tool "
                "writes such a file)",
                "export the file again from the CAT tool",
            )
        element = builder.start(tag(raw), {name(k): v for k, v in attrs.items()})
        element.set(LINE, str(parser.CurrentLineNumber))
        if depth == 1:  # the namespace it was written in, which `tag` may have replaced
            element.set(NAMESPACE, raw.rpartition("}")[0])

    def end(raw: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(tag(raw))

    parser.XmlDeclHandler = lambda _version, encoding, _alone: _refuse_misdeclared(
        data, encoding, path
    )
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise LeafletError(
            Location(path, exc.lineno), f"not well-formed XML: {expat.errors.messages[exc.code]}"
        ) from None
    return builder.close()


# Deeper than any XLIFF a tool writes (xliff/file/body/group…/trans-unit/target/g…),
# shallow enough for the recursive reading of a target's inline codes.
MAX_DEPTH = 100


def _refuse_misdeclared(data: bytes, encoding: str | None, path: Path) -> None:
    """Refuse a file that declares a one-byte encoding but is written in UTF-8, as a
    tool or an editor that re-saves it may leave it: read as declared, every Thai
    letter came in as two or three Latin ones (ข as à¸‚), and an import replaced the
    translations of the whole catalog with that. A real file in such an encoding is
    no UTF-8: its letters above ASCII are single bytes that UTF-8 never starts with
    and ends."""
    if encoding is None or encoding.lower().replace("_", "-").startswith(("utf-", "ucs-")):
        return
    if data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    first = next(i for i, byte in enumerate(data) if byte > 0x7F)
    raise LeafletError(
        Location(path, data[:first].count(b"\n") + 1),
        f"the XLIFF file declares encoding={shown_value(encoding)} but is written in "
        "UTF-8: read as declared, every letter beyond ASCII would be garbled",
        'change the declaration to encoding="utf-8", or export the file again',
    )


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
        spaced = _spaces_sentences(file.get("target-language", ""))
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
                    formatted=_formatting_line(target),
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


def _spaces_sentences(language: str) -> bool:
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


def _formatting_line(target: ET.Element | None) -> int:
    """The line of the first ``<g>`` in ``target`` that `inline_text` wrote as markup."""
    for g in target.iter(_q("g")) if target is not None else ():
        if g.get("ctype") in _G_MARKUP and "".join(g.itertext()).strip():
            return int(g.get(LINE, "1"))
    return 0


def _formatted(g: ET.Element, inner: str, unit: ET.Element, path: Path) -> str:
    ctype = g.get("ctype", "")
    markup = _G_MARKUP.get(ctype)
    if markup is None:
        kind = f'ctype="{ctype}"' if ctype else "no ctype"
        raise LeafletError(
            Location(path, int(g.get(LINE, "1"))),
            f"unit {unit.get('resname') or unit.get('id', '')!r}: the translation marks "
            f"{shown_value(inner.strip())} with a <g> ({kind}), formatting a leaflet "
            "cannot print; imported as text, the formatting would be lost",
            "remove the formatting in the CAT tool, or write **bold** or *italic* in the "
            "text, and export the file again",
        )
    # The markers hug the text: "** word **" is no bold in the leaflet's markup.
    text = inner.strip()
    before, after = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
    return f"{before}{markup}{text}{markup}{after}"


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
            raise LeafletError(
                Location(path, int(target.get(LINE, "1"))),
                f"unit {unit.get('resname') or unit.get('id', '')!r}: sentence {mid} "
                f"({shown_value(''.join(segment.itertext()).strip()[:60])}) has no "
                "translation; the rest of the unit would print without it",
                "translate every segment of the unit in the CAT tool, and export again",
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


def translates_into(target: str, locale: str) -> bool:
    """Whether a file whose target-language is ``target`` belongs in ``locale``'s catalog:
    the same locale, or one ``target`` is a regional variant of (th-TH, which CAT tools
    write for th; zh-CN for zh_Hans), as `catalog_path` finds a build's catalog."""
    return any(same_language(own, locale) for own in [target, *parent_locales(target)])
