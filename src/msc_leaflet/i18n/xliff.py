"""Catalog ↔ XLIFF 1.2, for translation agencies' CAT tools (Trados, memoQ, Phrase).

XLIFF 1.2 rather than 2.0: it is the version every CAT tool imports and exports without
a plug-in or a filter setting (2.0 support came later and varies by tool and version;
this was decided from what we know of the tools, not checked against them).

One ``<file>`` per catalog; one ``<trans-unit>`` per active entry, keeping what the
translator needs and what brings the work back to the right entry:

- the msgctxt as ``resname`` (and ``id``), so entries with the same English text in
  different places stay apart (translate-toolkit's po2xliff drops it: issue #19);
- the extracted comments as ``<note from="developer">``, the translator's comments as
  ``<note from="translator">``, the ``#:`` references as a ``location`` context group;
- the state: ``signed-off`` with ``approved="yes"`` (a text a sign-off approved,
  `signed_entries`), ``translated``, ``needs-review-translation`` (fuzzy) or ``new``;
- for a fuzzy entry, the English it was translated from (gettext's ``#| msgid``) as
  ``<note from="previous-source" annotates="source">``, so the reviewer sees what
  changed; import reads it as nothing (the ``.po`` keeps its own).

Import never loses a translator's work: it merges into the current catalog by context
and source text, never erases a translation with an empty target, keeps a translation
whose source changed since the export as an obsolete entry (``#~``) instead of dropping
it, keeps every note a CAT tool adds as a translator comment (`_comments`), and refuses a
file for another locale or another project's catalog, or a unit whose target would not
print as the translator meant against its catalog (whitespace at its ends, a refused
character, formatting the English lacks). Several files are imported all or nothing
(`import_files`). An unchanged file gives the catalog back byte for byte.

Reading the document safely, and refusing what is wrong within it, is `xliff_units`'.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PureWindowsPath

from ..errors import LeafletError, Location, shown_value
from ..files import read_input, write_atomic
from ..languages import profile
from ..project import SLUG, OutputKind, Project, check_locale
from .catalog import (
    UI_DOMAIN,
    Catalog,
    Entry,
    catalog_language,
    catalog_path,
    earlier_translation,
    locale_dir_name,
    locale_folder,
    msgstr_as_read,
)
from .coverage import mismatch
from .extract import msgid_language
from .headers import translation_header
from .localizer import problems_said, refusal_reasons
from .pofile import format_po, read_po, refuse_changed
from .signed_entries import signed_off_contexts
from .translation_checks import (
    Pair,
    check_markup_same,
    check_markup_valid,
    spans_or_none,
    whitespace_edges,
)
from .xliff_units import (
    DONE_STATES,
    LINE,
    Unit,
    parse_xliff,
    translates_into,
    xliff_files,
    xliff_tag,
)

TOOL = "msc-leaflet"
MAX_XLIFF_BYTES = 20_000_000
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A CR in a text is written as the reference &#13;: a parser reads a raw CR, or CR LF,
# as LF, and the text would come back as another. ElementTree writes it raw, so it goes
# out as a character no text can hold (_XML_INVALID refuses it) and is replaced after.
_CR_STAND_IN = "\ufffe"

_q = xliff_tag


# --- export -------------------------------------------------------------------------


def _unit_id(entry: Entry, used: set[str]) -> str:
    base = entry.msgctxt if entry.msgctxt is not None else f"msgid-{len(used) + 1}"
    unit_id, n = base, 1
    while unit_id in used:
        n += 1
        unit_id = f"{base}#{n}"
    used.add(unit_id)
    return unit_id


def _state(entry: Entry, signed_off: bool) -> str:
    """XLIFF 1.2's state of ``entry``'s target: ``signed-off`` ("changes are reviewed
    and approved") only for a text a current sign-off approved (`signed_entries`)."""
    if not entry.has_translation:
        return "new"
    if entry.fuzzy:
        return "needs-review-translation"
    return "signed-off" if signed_off else "translated"


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
            "source-language": source_language,
            "target-language": catalog.header.get("Language", catalog_language(path)),
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
        state = _state(entry, entry.msgctxt in signed_off)
        if state == "signed-off":
            attrib["approved"] = "yes"
        unit = ET.SubElement(body, _q("trans-unit"), attrib)
        _text(unit, "source", entry.msgid, path)
        _text(unit, "target", entry.msgstr, path, state=state)
        for note in entry.extracted:
            _text(unit, "note", note, path, **{"from": "developer"})
        for note in entry.comments:
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


# --- import -------------------------------------------------------------------------


@dataclass
class ImportReport:
    path: Path  # the catalog written
    changed: list[str] = field(default_factory=list)  # contexts whose msgstr or state changed
    kept_obsolete: list[str] = field(default_factory=list)  # source changed since the export
    not_translated: list[str] = field(default_factory=list)  # translate="no": left out
    # Of ``changed``, those whose text a sign-off had approved: it is stale now.
    unsigned: list[str] = field(default_factory=list)
    unchanged: int = 0
    written: bool = False


def _keep_obsolete(catalog: Catalog, unit: Unit) -> bool:
    """Keep the target of a unit whose source is no longer in the catalog as a ``#~``
    entry; False when the catalog already holds it (the same file imported again).

    msgfmt rejects two entries with one context and text even when obsolete, so an
    obsolete entry with this key is updated in place; a different translation it held
    is kept as a translator comment, never dropped."""
    note = "imported from XLIFF: its source changed since the export"
    old = next((e for e in catalog.obsolete if e.key == (unit.context, unit.source)), None)
    if old is None:
        catalog.entries.append(
            Entry(
                msgid=unit.source, msgstr=unit.target, msgctxt=unit.context,
                comments=[*unit.comments, note], flags=["fuzzy"], obsolete=True,
            )
        )  # fmt: skip
        return True
    if old.msgstr == unit.target and old.msgid_plural is None:
        return False
    old.comments += [earlier_translation(text) for text in old.forms if text]
    old.comments += [c for c in [*unit.comments, note] if c not in old.comments]
    old.msgstr, old.msgid_plural, old.msgstr_plural = unit.target, None, {}
    old.set_fuzzy(True)
    return True


def merge_units(catalog: Catalog, units: list[Unit], report: ImportReport) -> None:
    """Apply ``units`` to ``catalog`` in place, as the module docstring says."""
    entries = catalog.lookup()
    for unit in units:
        entry = entries.get((unit.context, unit.source))
        label = unit.context or unit.source[:30]
        if not unit.translate:
            report.not_translated.append(label)
            continue
        if entry is None:
            # Its English changed since the export; the entry now in its place (its
            # context) has the developer notes a tool may return without their from.
            in_place = [e for e in catalog.active if e.msgctxt == unit.context]
            if unit.context is not None and in_place:
                unit = replace(unit, comments=_notes(unit, in_place[0]))
            if unit.target and _keep_obsolete(catalog, unit):
                report.kept_obsolete.append(label)
            elif unit.target:
                report.unchanged += 1
            continue
        comments = _comments(entry, unit)
        if not unit.target:  # an empty target never erases a translation; its notes stay
            if comments != entry.comments:
                entry.comments = comments
                report.changed.append(label)
            else:
                report.unchanged += 1
            continue
        fuzzy = imported_fuzzy(unit, entry)
        # A CAT tool that returns the text in another Unicode form (NFD: "ệ" as e ◌̣ ◌̂)
        # changed no word: the catalog keeps its own spelling, and the entry is unchanged.
        target = (
            entry.msgstr
            if msgstr_as_read(entry.msgstr) == msgstr_as_read(unit.target)
            else unit.target
        )
        if fuzzy and entry.translated and entry.msgstr != target:
            # A suggestion to review replaces no confirmed translation unseen: if the
            # reviewer turns it down, the one it displaced is still there to go back to.
            earlier = earlier_translation(entry.msgstr)
            comments += [earlier] if earlier not in comments else []
        if (entry.msgstr, entry.fuzzy, entry.comments) == (target, fuzzy, comments):
            report.unchanged += 1
            continue
        entry.msgstr = target
        entry.set_fuzzy(fuzzy)
        entry.comments = list(comments)
        if not fuzzy:
            entry.previous_msgctxt = entry.previous_msgid = None
        report.changed.append(label)


def imported_fuzzy(unit: Unit, entry: Entry) -> bool:
    """Whether ``unit``'s target comes into ``entry`` fuzzy: as its state and approved
    say (`Unit.fuzzy`), and also when only ``approved="yes"`` confirms a new text for
    an entry that had a confirmed one. Export writes ``approved="yes"`` on a signed-off
    text (`_state`): a tool that gives the edited unit a state of its own ("new",
    "x-…") and leaves that attribute as it was did not confirm the new words, and a
    medical text no one confirmed is not printed. Where the entry had no translation,
    or the text is the catalog's own, the approval can only be the tool's."""
    if unit.fuzzy:
        return True
    only_approved = unit.approved == "yes" and unit.state not in DONE_STATES
    changed = msgstr_as_read(entry.msgstr) != msgstr_as_read(unit.target)
    return only_approved and entry.translated and changed


def _comments(entry: Entry, unit: Unit) -> list[str]:
    """The entry's translator comments with the unit's notes it lacks, after them.

    Every note but the ones export writes from the catalog is a translator's: a CAT
    tool writes a reviewer's as ``<note>`` or ``<note from="Lan">``, not ours
    ``from="translator"``. A note that repeats the entry's extracted comment or its
    ``#|`` English is one of ours whose ``from`` a tool dropped, not a second copy to
    keep. A comment the unit lacks stays: CAT tools differ in which notes they export
    again, so a missing note is no sign that anyone deleted it."""
    new = [c for c in _notes(unit, entry) if c not in entry.comments]
    return [*entry.comments, *new]


def _notes(unit: Unit, entry: Entry) -> list[str]:
    """The unit's notes that are no copy of what export wrote from ``entry`` (`_comments`)."""
    ours = {*entry.extracted, entry.previous_msgid}
    return list(dict.fromkeys(c for c in unit.comments if c not in ours))


def import_into(
    catalog: Catalog, attrib: dict[str, str], units: list[Unit], xliff_path: Path
) -> ImportReport:
    """Merge one ``<file>`` into ``catalog``, in memory; refused, before anything is
    merged, if it is not this catalog's (another locale, another leaflet or project)."""
    assert catalog.path is not None
    where = Location(xliff_path, 1)
    locale = catalog_language(catalog.path)
    target = attrib.get("target-language", "")
    if not translates_into(target, locale):
        raise LeafletError(
            where,
            f"the XLIFF file is for {target or 'no language'!r}, the catalog for {locale}",
            f"import it into its own locale, or ask the agency for the {locale} file",
        )
    product = attrib.get("product-name", "").split(" ")[0]
    ours = catalog.header.get("Project-Id-Version", "").split(" ")[0]
    if product and ours and product != ours:
        raise LeafletError(
            where,
            f"the XLIFF file is for {product!r}, not {ours!r}",
            "import the file made for this leaflet",
        )
    units = matched_by_id(catalog, units)
    found = mismatch(
        Catalog(entries=[Entry(u.source, msgctxt=u.context) for u in units]),
        catalog.lookup(),
        catalog.path.stem,
    )
    if found is not None:
        raise LeafletError(
            where,
            f"the XLIFF file is not this catalog's: {found[0]}",
            "import the file exported from this project by `msc-leaflet i18n export`",
        )
    entries = catalog.lookup()
    contexts = {e.msgctxt for e in catalog.entries}
    for unit in units:
        _refuse_foreign_context(unit, contexts, xliff_path)
        _refuse_edge_mismatch(unit, xliff_path)
        _refuse_markup_in_labels(catalog, unit, xliff_path)
        _refuse_formatting_unlike_source(unit, xliff_path)
        entry = entries.get((unit.context, unit.source))
        _refuse_unprinted(catalog, unit, entry, locale, xliff_path)
        _refuse_inner_line_break(unit, locale, xliff_path)
        _refuse_plural(unit, entries.get((unit.context, unit.source)), xliff_path)
    report = ImportReport(catalog.path)
    merge_units(catalog, units, report)
    # Its own header stands for the template's: an import brings translations, not a
    # new template, but the header it writes is as complete as `i18n update` writes.
    catalog.header = translation_header(catalog.header, locale, catalog.header)
    return report


def matched_by_id(catalog: Catalog, units: list[Unit]) -> list[Unit]:
    """``units``, each one whose ``resname`` a CAT tool dropped given its context back
    from its ``id``, which export writes as the context too (``kicker``, ``kicker#2``
    for a second entry of one context): without it no unit matched, and the file was
    refused as another catalog's. Only when that is unambiguous: the id names a
    context of the catalog, and no entry without a context has the unit's text."""
    entries = catalog.lookup()
    contexts = {e.msgctxt for e in catalog.entries if e.msgctxt is not None}
    resolved = []
    for unit in units:
        if unit.context is None and (None, unit.source) not in entries:
            ids = (unit.id, re.sub(r"#[0-9]+$", "", unit.id))
            context = next((c for c in ids if (c, unit.source) in entries), None)
            context = context or next((c for c in ids if c in contexts), None)
            unit = replace(unit, context=context)
        resolved.append(unit)
    return resolved


# Longer than any context export writes (a block's path, ``faq/7/2/answer``, a ui key):
# a unit whose context is not the catalog's would be kept as an obsolete entry under it.
MAX_CONTEXT = 200
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _refuse_foreign_context(unit: Unit, contexts: set[str | None], path: Path) -> None:
    """Refuse a unit whose context (its ``resname``, else its ``id``) names no entry of
    the catalog and cannot be one export wrote: one holding a line break or another
    control character, or longer than `MAX_CONTEXT`. An unknown context is otherwise
    a block renamed since the export, and its translation is kept as an obsolete entry
    under it (`_keep_obsolete`); such a one wrote a tool's garbage, or a hostile
    file's 100,000 characters, into the catalog as a msgctxt."""
    context = unit.context
    if context is None or context in contexts:
        return
    if not _CONTROL.search(context) and len(context) <= MAX_CONTEXT:
        return
    said = (
        f"is {len(context)} characters long"
        if len(context) > MAX_CONTEXT
        else "holds a line break or a control character"
    )
    raise LeafletError(
        Location(path, unit.line),
        f"unit {shown_value(context[:60])}: its resname names no entry of this catalog "
        f"and {said}, as no context export writes does",
        "export the file again from the CAT tool, with the units' resname and id as "
        "`msc-leaflet i18n export` wrote them",
    )


def _refuse_markup_in_labels(catalog: Catalog, unit: Unit, path: Path) -> None:
    """Refuse bold or italic (a ``<g>``) in the ui catalog: its labels print as written,
    so the markup `inline_text` makes of it would print as asterisks."""
    if unit.formatted and catalog.path is not None and catalog.path.stem == UI_DOMAIN:
        raise LeafletError(
            Location(path, unit.formatted),
            f"unit {unit.context or unit.id!r}: the translation marks text bold or italic "
            "(a <g>), and a label prints as written: the formatting cannot print",
            "remove the formatting in the CAT tool and export the file again",
        )


def _refuse_formatting_unlike_source(unit: Unit, path: Path) -> None:
    """Refuse a ``<g>`` whose markup the English lacks (or that breaks the markup): the
    leaflet's emphasis follows the source's (I18N003), so the build would print the
    English in place of such a translation, the translator's work unseen."""
    if not unit.formatted:
        return
    pair = Pair(unit.source, unit.target, spans_or_none(unit.source), spans_or_none(unit.target))
    for problem in (*check_markup_valid(pair), *check_markup_same(pair)):
        raise LeafletError(
            Location(path, unit.formatted),
            f"unit {unit.context or unit.id!r}: the formatting of the translation (a <g>) "
            f"is not the English's: {problem.message}; the build would print the English "
            "in its place (I18N003)",
            "format the translation as the English is formatted (**bold**, *italic* in "
            "the source text) in the CAT tool, and export the file again",
        )


def _refuse_edge_mismatch(unit: Unit, path: Path) -> None:
    """Refuse a target that begins or ends with whitespace its source lacks (or the
    reverse), as a CAT tool may leave a space or a line break: GNU msgfmt refuses a
    line break, and with it the catalog, in every gettext tool, and `check` refuses any
    (I18N009: leading and trailing spaces join texts), so the catalog written would
    not build. The translator sees neither in the CAT tool: the error says which."""
    if not unit.target:
        return
    pairs = zip(whitespace_edges(unit.source), whitespace_edges(unit.target), strict=True)
    for where, (source, target) in zip(("begins", "ends"), pairs, strict=True):
        if source == target:
            continue
        said = _edge_said(target) if target else "no whitespace"
        raise LeafletError(
            Location(path, unit.line),
            f"unit {unit.context or unit.id!r}: the translation {where} with {said}, the "
            f"English with {_edge_said(source) if source else 'no whitespace'}; GNU gettext "
            "tools and `msc-leaflet check` refuse such an entry",
            f"make the translation {where.removesuffix('s')} as the English does in the "
            "CAT tool, and export the file again",
        )


def _edge_said(edge: str) -> str:
    return "a line break" if "\n" in edge else f"{len(edge)} space(s) {shown_value(edge)}"


def _refuse_unprinted(
    catalog: Catalog, unit: Unit, entry: Entry | None, locale: str, path: Path
) -> None:
    """Refuse a confirmed target the build would not print: a number, citation, link,
    placeholder or markup of the English lost, or a character the text policy refuses
    (a bidi override, a C1 control a paste left). The build printed the English in its
    place with a warning at the .po line (`localizer.refusal_reasons`, the one rule),
    not at the unit the translator can find in the CAT tool. Only a target the file
    changes (the catalog's own text comes back as it was, `check` names it there) and
    confirms (a suggestion for review prints nothing yet); an obsolete entry prints
    nothing."""
    if not unit.target or entry is None or entry.msgstr == unit.target:
        return
    if imported_fuzzy(unit, entry):
        return
    candidate = replace(entry, msgstr=unit.target, flags=list(entry.flags))
    candidate.set_fuzzy(False)
    problems = refusal_reasons(candidate, locale, catalog.source_language)
    if problems:
        raise LeafletError(
            Location(path, unit.line),
            f"unit {unit.context or unit.id!r}: the build would print the English in place "
            f"of this translation: {problems_said(problems)}",
            "correct the translation in the CAT tool, and export the file again",
        )


def _refuse_inner_line_break(unit: Unit, locale: str, path: Path) -> None:
    """Refuse a line break inside a target whose English has none, in a language that
    writes no space between words (Thai, Lao, Khmer, Burmese, Chinese, Japanese:
    `word-spaces` in languages.yaml). A tool that indents the file as it saves it
    breaks a long target over lines; the layout reads the break as a space, which in
    such a language is a phrase break, or a gap, no one typed. A language that spaces
    its words reads it as the space it stands for."""
    if "\n" not in unit.target.strip() or "\n" in unit.source or profile(locale).word_spaces:
        return
    raise LeafletError(
        Location(path, unit.line),
        f"unit {unit.context or unit.id!r}: the translation breaks over lines and the "
        f"English does not; in {profile(locale).name} the break would print as a space "
        "no one typed",
        "join the lines in the CAT tool (or export without re-indenting the file), and "
        "import again",
    )


def _refuse_plural(unit: Unit, entry: Entry | None, path: Path) -> None:
    """Refuse a translation for a plural entry: a unit holds one target, a plural entry
    one per form, and `export` leaves plural entries out, so such a unit comes from
    another tool, and its target would be dropped (nothing writes the singular msgstr of
    a plural entry)."""
    if unit.target and entry is not None and entry.msgid_plural is not None:
        raise LeafletError(
            Location(path, unit.line),
            f"unit {unit.context or unit.id!r} translates a plural text, which needs one "
            "translation per plural form",
            "translate plural texts in the .po file itself, and leave them out of the file",
        )


def read_xliff(path: Path) -> ET.Element:
    data = read_input(path, MAX_XLIFF_BYTES, "is this really an XLIFF file?")
    return parse_xliff(data, path)


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
        signed = _signed_off(project, catalog)
        language = msgid_language(project, po, declared)
        xliff = catalog_xliff(catalog, original, language, signed)
        written.append((target, write_atomic(target, xliff)))
    return written


XLIFF_OUTPUT = OutputKind(
    "the export would write its XLIFF files",
    "the XLIFF files",
    "export into a folder of its own: leave out -o for the project's xliff/",
)


def import_files(
    project: Project, paths: Sequence[Path], locale: str | None = None
) -> list[ImportReport]:
    """Merge every ``<file>`` of the XLIFF documents at ``paths`` into its catalog, all
    or nothing: every document is read, checked and merged in memory before any catalog
    is written, so a refused one (the second file, or the second ``<file>`` of one)
    leaves every catalog as it was. Files for the same catalog apply in order, the later
    over the earlier. Each catalog is then written atomically, once."""
    if locale is not None:  # checked as every command checks one: `-l ''` filtered nothing
        locale = project.locale(locale)
    catalogs: dict[Path, Catalog] = {}
    signed: dict[Path, frozenset[str]] = {}  # the texts a sign-off approved, before
    merged: list[tuple[ImportReport, Catalog]] = []
    try:
        for path in paths:
            for attrib, units in xliff_files(read_xliff(path), path):
                po = _catalog_path(project, attrib, path, locale)
                if po not in catalogs:
                    catalogs[po] = read_po(po)  # checked by `catalog_path`
                    signed[po] = _signed_off(project, catalogs[po])
                catalog = catalogs[po]
                merged.append((import_into(catalog, attrib, units, path), catalog))
    except LeafletError as err:
        hint = f"{err.hint}; " if err.hint else ""
        raise LeafletError(err.location, err.message, hint + NOTHING_IMPORTED) from None
    by_catalog = {id(catalog): po for po, catalog in catalogs.items()}
    # A text the import changed is no longer the one a sign-off approved: said so.
    lost = {po: signed[po] - _signed_off(project, catalog) for po, catalog in catalogs.items()}
    for report, catalog in merged:
        report.unsigned = [c for c in report.changed if c in lost[by_catalog[id(catalog)]]]
    contents = {po: format_po(catalog).encode("utf-8") for po, catalog in catalogs.items()}
    for po, catalog in catalogs.items():  # an editor's save meanwhile is not replaced
        refuse_changed(catalog.path or po, catalog.digest, NOTHING_IMPORTED, contents[po])
    written: dict[Path, bool] = {}
    for po, catalog in catalogs.items():  # nor one saved while those before it are written
        done = IMPORTED_BEFORE if any(written.values()) else NOTHING_IMPORTED
        unchanged = partial(refuse_changed, catalog.path or po, catalog.digest, done, contents[po])
        written[po] = project.write(catalog.path or po, contents[po], before_replace=unchanged)
    for report, catalog in merged:
        report.written = written[by_catalog[id(catalog)]]
    return [report for report, _ in merged]


def _signed_off(project: Project, catalog: Catalog) -> frozenset[str]:
    """The contexts of ``catalog`` whose text a sign-off approved (`signed_entries`)."""
    assert catalog.path is not None
    if catalog.path.stem == UI_DOMAIN:
        return frozenset()
    return signed_off_contexts(project, catalog.path.stem, catalog)


NOTHING_IMPORTED = "no catalog was changed: nothing is imported while a file is refused"
IMPORTED_BEFORE = "the catalogs before it were imported, the rest were not"


def _catalog_path(project: Project, attrib: dict[str, str], path: Path, locale: str | None) -> Path:
    """The catalog a ``<file>`` of the document at ``path`` goes into (``locale``'s, if
    given, else its target-language's), refused if the project has none."""
    where = Location(path, int(attrib.get(LINE, "1")))  # the <file> element's line
    # Windows' path rules read "/" and "\\" alike: a CAT tool on Windows may give the
    # original as its own path (C:\\Jobs\\…\\infusion-safety.po), which was refused.
    domain = PureWindowsPath(attrib.get("original", "")).stem
    language = locale or attrib.get("target-language", "")
    if not domain or not language:
        raise LeafletError(
            where,
            "the XLIFF <file> names no original catalog or target-language",
            "import a file exported by `msc-leaflet i18n export`",
        )
    # Both become a path under locales/: checked as `-l` and leaflet ids are, before any
    # file is looked for (a name longer than a file system holds made Path.is_dir raise).
    language = language if locale else check_locale(language, where)
    if not re.fullmatch(SLUG, domain):
        raise LeafletError(
            where,
            f"the XLIFF <file>'s original {shown_value(attrib['original'])} names no "
            "catalog of this project (a leaflet id, or ui)",
            "import a file exported by `msc-leaflet i18n export`",
        )
    po = catalog_path(project, language, domain)  # th-TH's, else th's: as a build finds it
    if not po.is_file():
        raise LeafletError(
            where,
            f"no {language} catalog for '{domain}' in this project ({po.name})",
            "is the file for another project? `msc-leaflet i18n init` starts a language",
        )
    return po
