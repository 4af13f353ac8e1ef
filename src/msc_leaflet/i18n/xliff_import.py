"""XLIFF → catalogs: a CAT tool's work back into the project, all or nothing.

Each ``<file>`` of a document (parsed by `xliff_parse`, read into units by `xliff_units`,
or `xliff2_units` for XLIFF 2.0) goes into its catalog, refused if
it is another locale's or another project's, or if a unit's target would not print as
the translator meant (`xliff_checks`); then merged (`xliff_merge`). Several files are
imported all or nothing (`import_files`). An unchanged file gives the catalog back
byte for byte.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path, PureWindowsPath

from ..errors import LeafletError, Location, shown_value
from ..files import read_input
from ..project import SLUG, Project, check_locale, language_tag, translates_into
from .catalog import Catalog, Entry, catalog_language, catalog_path
from .coverage import mismatch
from .headers import translation_header
from .pofile import format_po, read_po, refuse_changed
from .signoff import required_roles
from .xliff2_units import is_xliff_2, xliff2_files
from .xliff_checks import refuse_against_catalog
from .xliff_merge import ImportReport, merge_units
from .xliff_parse import FILE_LANGUAGE_AT, LANGUAGE_AT, LINE, parse_xliff
from .xliff_states import signed_off_in
from .xliff_units import Seen, Unit, refuse_disagreements, xliff_files

MAX_XLIFF_BYTES = 20_000_000


def import_into(
    catalog: Catalog, attrib: dict[str, str], units: list[Unit], xliff_path: Path
) -> ImportReport:
    """Merge one ``<file>`` into ``catalog``, in memory; refused, before anything is
    merged, if it is not this catalog's (another locale, another leaflet or project)."""
    assert catalog.path is not None
    where = Location(xliff_path, int(attrib.get(LINE, "1")))  # the <file> element's line
    locale = catalog_language(catalog.path)
    target = attrib.get("target-language", "")
    if not target.strip():  # optional in XLIFF 1.2: the file cannot say it is this one's
        raise LeafletError(
            where,
            "the XLIFF file names no target language: nothing says its translations "
            f"are {locale}, not another language's",
            f"if it is the {locale} translation, add "
            + attrib.get(LANGUAGE_AT, FILE_LANGUAGE_AT).format(tag=locale.replace("_", "-"))
            + " (or export it again from the CAT tool with its target language set)",
        )
    if not translates_into(target, locale):
        raise LeafletError(
            where,
            f"the XLIFF file is for {shown_value(target)}, the catalog for {locale}",
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
    refuse_against_catalog(catalog, units, locale, xliff_path)
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


def document_files(root: ET.Element, path: Path) -> list[tuple[dict[str, str], list[Unit]]]:
    """Each ``<file>`` of the document and its units, read as its XLIFF version says."""
    return xliff2_files(root, path) if is_xliff_2(root) else xliff_files(root, path)


def read_xliff(path: Path) -> ET.Element:
    data = read_input(path, MAX_XLIFF_BYTES, "is this really an XLIFF file?")
    return parse_xliff(data, path)


def import_files(
    project: Project, paths: Sequence[Path], locale: str | None = None
) -> list[ImportReport]:
    """Merge every ``<file>`` of the XLIFF documents at ``paths`` into its catalog, all
    or nothing: every document is read, checked and merged in memory before any catalog
    is written, so a refused one (the second file, or the second ``<file>`` of one)
    leaves every catalog as it was. Files for the same catalog apply in order; two that
    translate one entry otherwise are refused, naming both (`refuse_disagreements`).
    Each catalog is then written atomically, once."""
    if locale is not None:  # checked as every command checks one: `-l ''` filtered nothing
        locale = project.locale(locale)
    catalogs: dict[Path, Catalog] = {}
    signed: dict[Path, frozenset[str]] = {}  # the texts a sign-off approved, before
    merged: list[tuple[ImportReport, Catalog]] = []
    seen: dict[Path, Seen] = {}  # each catalog's units so far, for `refuse_disagreements`
    try:
        for path in paths:
            for attrib, units in document_files(read_xliff(path), path):
                po = _catalog_path(project, attrib, path, locale)
                if po not in catalogs:
                    catalogs[po] = read_po(po)  # checked by `catalog_path`
                    signed[po] = signed_off_in(project, catalogs[po])
                refuse_disagreements(units, path, seen.setdefault(po, {}))
                catalog = catalogs[po]
                merged.append((import_into(catalog, attrib, units, path), catalog))
    except LeafletError as err:
        hint = f"{err.hint}; " if err.hint else ""
        raise LeafletError(err.location, err.message, hint + NOTHING_IMPORTED) from None
    by_catalog = {id(catalog): po for po, catalog in catalogs.items()}
    # A text the import changed is no longer the one a sign-off approved: said so.
    lost = {po: signed[po] - signed_off_in(project, catalog) for po, catalog in catalogs.items()}
    roles = _roles(project)
    for report, catalog in merged:
        report.unsigned = [c for c in report.changed if c in lost[by_catalog[id(catalog)]]]
        report.marked_signed = [c for c in report.marked_signed if c in report.unsigned]
        report.roles = roles
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


NOTHING_IMPORTED = "no catalog was changed: nothing is imported while a file is refused"
IMPORTED_BEFORE = "the catalogs before it were imported, the rest were not"


def _roles(project: Project) -> tuple[str, ...]:
    """The roles a sign-off needs, for the hint; none when the settings are in error
    (`check` and `build` say so), as an import does not wait on them."""
    try:
        return required_roles(project)
    except LeafletError:
        return ()


def _catalog_path(project: Project, attrib: dict[str, str], path: Path, locale: str | None) -> Path:
    """The catalog a ``<file>`` of the document at ``path`` goes into (``locale``'s, if
    given, else its target-language's), refused if the project has none."""
    where = Location(path, int(attrib.get(LINE, "1")))  # the <file> element's line
    # Windows' path rules read "/" and "\\" alike: a CAT tool on Windows may give the
    # original as its own path (C:\\Jobs\\…\\infusion-safety.po), which was refused.
    domain = PureWindowsPath(attrib.get("original", "")).stem
    # th-TH-u-nu-thai is th_TH's: its extension would fail `check_locale` below.
    language = locale or language_tag(attrib.get("target-language", ""))
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
