"""Refuse, at its line, a unit whose target would not print as the translator meant
against its catalog: a context no export wrote, whitespace at its ends the English
lacks, formatting the English lacks or a label cannot print, a text the build would
replace with the English, a line break that would print as a space, a plural.

Checks that need only the XLIFF document are `xliff_units`'.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import LeafletError, Location, shown_value
from ..languages import profile
from .catalog import UI_DOMAIN, Catalog, Entry
from .localizer import problems_said, refusal_reasons
from .translation_checks import (
    Pair,
    check_markup_same,
    check_markup_valid,
    spans_or_none,
    whitespace_edges,
)
from .xliff_merge import imported_fuzzy
from .xliff_units import Unit


def refuse_against_catalog(catalog: Catalog, units: list[Unit], locale: str, path: Path) -> None:
    """Refuse the first of ``units`` that would not print as its translator meant in
    ``catalog`` (the module docstring says which), before anything is merged."""
    entries = catalog.lookup()
    contexts = {e.msgctxt for e in catalog.entries}
    for unit in units:
        entry = entries.get((unit.context, unit.source))
        _refuse_foreign_context(unit, contexts, path)
        _refuse_edge_mismatch(unit, path)
        _refuse_markup_in_labels(catalog, unit, path)
        _refuse_formatting_unlike_source(unit, path)
        _refuse_unprinted(catalog, unit, entry, locale, path)
        _refuse_inner_line_break(unit, locale, path)
        _refuse_plural(unit, entry, path)


# Longer than any context export writes (a block's path, ``faq/7/2/answer``, a ui key):
# a unit whose context is not the catalog's would be kept as an obsolete entry under it.
MAX_CONTEXT = 200
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _refuse_foreign_context(unit: Unit, contexts: set[str | None], path: Path) -> None:
    """Refuse a unit whose context (its ``resname``, else its ``id``) names no entry of
    the catalog and cannot be one export wrote: one holding a line break or another
    control character, or longer than `MAX_CONTEXT`. An unknown context is otherwise
    a block renamed since the export, and its translation is kept as an obsolete entry
    under it (`xliff_merge._keep_obsolete`); such a one wrote a tool's garbage, or a hostile
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
