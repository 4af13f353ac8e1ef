"""Catalog → XLIFF 1.2, for translation agencies' CAT tools (Trados, memoQ, Phrase).

XLIFF 1.2 rather than 2.0: it is the version every CAT tool imports and exports without
a plug-in or a filter setting (2.0 support came later and varies by tool and version;
this was decided from what we know of the tools, not checked against them).

One ``<file>`` per catalog; one ``<trans-unit>`` per active entry, keeping what the
translator needs and what brings the work back to the right entry (`xliff_import`):

- the msgctxt as ``resname`` (and ``id``), so entries with the same English text in
  different places stay apart (translate-toolkit's po2xliff drops it: issue #19);
- the extracted comments as ``<note from="developer">``, the translator's comments as
  ``<note from="translator">``, the ``#:`` references as a ``location`` context group;
- the state (`xliff_states.export_state`), ``approved="yes"`` only on a signed-off one;
- for a fuzzy entry, the English it was translated from (gettext's ``#| msgid``) as
  ``<note from="previous-source" annotates="source">``, so the reviewer sees what
  changed; import reads it as nothing (the ``.po`` keeps its own).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import LeafletError, Location
from ..files import write_atomic
from ..languages import bcp47
from ..project import OutputKind, Project
from .catalog import (
    Catalog,
    Entry,
    StickyFlags,
    catalog_language,
    locale_dir_name,
    locale_folder,
)
from .extract import msgid_language
from .pofile import read_po
from .xliff_parse import xliff_tag
from .xliff_states import SIGNED_OFF, export_state, signed_off_in

TOOL = "msc-leaflet"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A CR in a text is written as the reference &#13;: a parser reads a raw CR, or CR LF,
# as LF, and the text would come back as another. ElementTree writes it raw, so it goes
# out as a character no text can hold (_XML_INVALID refuses it) and is replaced after.
_CR_STAND_IN = "\ufffe"

_q = xliff_tag


def _unit_id(entry: Entry, used: set[str]) -> str:
    base = entry.msgctxt if entry.msgctxt is not None else f"msgid-{len(used) + 1}"
    unit_id, n = base, 1
    while unit_id in used:
        n += 1
        unit_id = f"{base}#{n}"
    used.add(unit_id)
    return unit_id


def _text(parent: ET.Element, tag: str, value: str, path: Path, **attrib: str) -> ET.Element:
    if _XML_INVALID.search(value):
        raise LeafletError(
            Location(path), f"a {tag} holds a character XML cannot carry: {value[:40]!r}"
        )
    element = ET.SubElement(parent, _q(tag), attrib)
    element.text = value.replace("\r", _CR_STAND_IN)
    return element


def catalog_xliff(
    catalog: Catalog,
    original: str,
    source_language: str,
    signed_off: frozenset[str] = frozenset(),
) -> bytes:
    """One catalog as an XLIFF 1.2 document; ``original`` is its path in the project,
    ``signed_off`` the contexts whose text a sign-off approved (`signed_entries`).

    Only those units say ``approved="yes"``: XLIFF 1.2 reads it as "final, or has
    passed its final review", and Weblate imports it as *Approved*. Every other unit
    has no ``approved`` (its default is no): a tool that leaves an ``approved="no"`` as
    it was when the translator confirms a text would have it read back as fuzzy."""
    assert catalog.path is not None
    path = catalog.path
    root = ET.Element(_q("xliff"), {"version": "1.2"})
    file = ET.SubElement(
        root,
        _q("file"),
        {
            "original": original,
            # BCP 47, as XLIFF asks (zh-Hant, pt-BR): a CAT tool may refuse gettext's pt_BR
            "source-language": bcp47(source_language),
            "target-language": bcp47(catalog.header.get("Language", catalog_language(path))),
            "datatype": "po",
            "product-name": catalog.header.get("Project-Id-Version", ""),
        },
    )
    header = ET.SubElement(file, _q("header"))
    ET.SubElement(header, _q("tool"), {"tool-id": TOOL, "tool-name": TOOL})
    body = ET.SubElement(file, _q("body"))
    used: set[str] = set()
    for entry in catalog.active:
        if entry.msgid_plural is not None:
            continue  # leaflets have no plurals; a ui plural stays in the .po
        attrib = {
            "id": _unit_id(entry, used),
            "{http://www.w3.org/XML/1998/namespace}space": "preserve",
        }
        if entry.msgctxt is not None:
            attrib["resname"] = entry.msgctxt
        state = export_state(entry, entry.msgctxt in signed_off)
        if state == SIGNED_OFF:
            attrib["approved"] = "yes"
        unit = ET.SubElement(body, _q("trans-unit"), attrib)
        _text(unit, "source", entry.msgid, path)
        _text(unit, "target", entry.msgstr, path, state=state)
        for note in entry.extracted:
            _text(unit, "note", note, path, **{"from": "developer"})
        for note in entry.comments:  # a #= line is a tool's flags, kept in the .po
            if not isinstance(note, StickyFlags):
                _text(unit, "note", note, path, **{"from": "translator"})
        if entry.fuzzy and entry.previous_msgid is not None:
            previous = {"from": "previous-source", "annotates": "source"}
            _text(unit, "note", entry.previous_msgid, path, **previous)
        for reference in entry.references:
            group = ET.SubElement(unit, _q("context-group"), {"purpose": "location"})
            file_name, _, line = reference.rpartition(":")
            if not file_name or not line.isdigit():
                file_name, line = reference, ""
            _text(group, "context", file_name, path, **{"context-type": "sourcefile"})
            if line:
                _text(group, "context", line, path, **{"context-type": "linenumber"})
    ET.indent(root, "  ")
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document.replace(_CR_STAND_IN.encode("utf-8"), b"&#13;") + b"\n"


def export_locale(project: Project, locale: str, out_dir: Path) -> list[tuple[Path, bool]]:
    """``out_dir/<domain>.<locale>.xlf`` for every catalog of ``locale``; (path, changed)."""
    locale = project.locale(locale)  # a tag that is no language is said so, not "no catalogs"
    out_dir = project.output_folder(out_dir, XLIFF_OUTPUT)  # as build's -o, one rule
    folder = project.file("locales", locale_folder(project, locale), "LC_MESSAGES")
    catalogs = sorted(folder.glob("*.po")) if folder.is_dir() else []
    if not catalogs:
        raise LeafletError(
            Location(folder),
            f"no {locale} catalogs to export",
            f"run `msc-leaflet i18n init {locale}`",
        )
    written = []
    for po in catalogs:
        catalog = read_po(project.file(*po.relative_to(project.root).parts))
        original = po.relative_to(project.root).as_posix()
        target = out_dir / f"{po.stem}.{locale_dir_name(locale)}.xlf"
        # The language every other stage reads its msgids in, the leaflet's: an empty
        # header field ("X-Source-Language: ") made a file with source-language="", which
        # CAT tools refuse, and a missing one source-language="en" over Thai sources.
        declared = catalog.header.get("X-Source-Language", "")
        signed = signed_off_in(project, catalog)
        language = msgid_language(project, po, declared)
        xliff = catalog_xliff(catalog, original, language, signed)
        written.append((target, write_atomic(target, xliff)))
    return written


XLIFF_OUTPUT = OutputKind(
    "the export would write its XLIFF files",
    "the XLIFF files",
    "export into a folder of its own: leave out -o for the project's xliff/",
)
