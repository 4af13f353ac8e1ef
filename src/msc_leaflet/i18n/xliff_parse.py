"""Parse the XLIFF document a CAT tool returns, safely, and say which versions import
reads.

Parsing refuses any DTD: no entity can be declared, so neither an external entity (XXE,
reading a local file into a translation) nor nested entities (billion laughs) can be
expanded. Only expat is used, with handlers that stop at the first declaration, and
elements nested deeper than any tool writes are refused before anything reads the tree
recursively. Every element carries its line (`LINE`), for errors.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from ..errors import LeafletError, Location, shown_value

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
# Where a version writes a file's target language, "{tag}" for the tag: 1.2's default.
LANGUAGE_AT = "{urn:x-msc-leaflet}language-at"
FILE_LANGUAGE_AT = 'target-language="{tag}" to this <file> element'


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
    open_at: list[tuple[str, int]] = []  # each open element's name and line, outermost first

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
        open_at.append((raw.rpartition("}")[2], parser.CurrentLineNumber))
        element.set(LINE, str(parser.CurrentLineNumber))
        if depth == 1:  # the namespace it was written in, which `tag` may have replaced
            element.set(NAMESPACE, raw.rpartition("}")[0])

    def end(raw: str) -> None:
        nonlocal depth
        depth -= 1
        open_at.pop()
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
        raise _not_well_formed(exc, data, open_at, path) from None
    return builder.close()


def _not_well_formed(
    exc: expat.ExpatError, data: bytes, open_at: list[tuple[str, int]], path: Path
) -> LeafletError:
    """What is wrong with a document expat cannot read, in the user's terms: an empty
    file, or one that stops before its elements close (a download or an e-mail
    attachment cut short, the commonest way an agency's file arrives broken), is said
    so, with the element left open; anything else at its line and column. All three
    were expat's own words alone ("no element found", "unclosed token"), with no hint."""
    if not data.strip():
        return LeafletError(
            Location(path, 1),
            "the XLIFF file is empty",
            "get the file again from the agency or the CAT tool",
        )
    ended = expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]
    cut = expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN]
    partial = expat.errors.codes[expat.errors.XML_ERROR_PARTIAL_CHAR]
    last_line = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if open_at and (exc.code == ended or (exc.code in (cut, partial) and exc.lineno >= last_line)):
        element, line = open_at[-1]
        return LeafletError(
            Location(path, exc.lineno),
            f"the XLIFF file stops before its end: <{element}>, opened on line {line}, is "
            f"never closed (nor the {len(open_at) - 1} elements around it): it was cut short",
            "a download, a copy or an e-mail attachment stopped early: get the whole file "
            "again from the agency or the CAT tool",
        )
    return LeafletError(
        Location(path, exc.lineno, exc.offset + 1),
        f"not well-formed XML: {expat.errors.messages[exc.code]}",
        "open the file in the CAT tool it came from and export it again, or fix the XML "
        "at this line",
    )


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
