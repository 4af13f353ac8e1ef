"""How far each leaflet is translated, per locale: the table clinic staff read.

A catalog is *ready* when every entry prints translated and the catalog matches the
current template (``update`` has been run). An entry prints translated when the build
uses it (`localizer.prints_translation`): a msgstr the build refuses (a lost citation,
unclosed markup, a bidi control) is counted *rejected*, with the build's reason, not
translated, as the desk and the sign-off count it. Reference titles are
optional (an untranslated one prints the cited work's original title), so they
count as translated whether or not a translator touched them. The review column is
the sign-off state (`signoff`): approved, reviewed, stale, translated or incomplete.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, replace

from ..checks.segment import words_of
from ..content.inline import InlineError, plain_text
from ..content.loader import load_leaflet
from ..errors import display_path
from ..project import Project
from .catalog import (
    UI_DOMAIN,
    Catalog,
    Key,
    catalog_locales,
    leaflet_locales,
    po_path,
    translates,
)
from .extract import is_optional, project_templates
from .labels import Fallback
from .localizer import refusals, wrong_language
from .pofile import read_po
from .selection import EVERY_CATALOG, CatalogSelection
from .signoff import leaflet_state, review


@dataclass(frozen=True)
class Rejection:
    """A translation the build refuses, where and why, as the build's warning says it."""

    context: str
    path: str  # the catalog, as the project names it
    line: int
    column: int
    reason: str


@dataclass(frozen=True)
class CatalogStats:
    domain: str
    locale: str
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    words: int  # source words in the catalog's active entries
    current: bool  # the catalog has exactly the template's messages
    exists: bool
    # Sign-off (`signoff`): approved | reviewed | stale | translated | incomplete; "" for ui.
    review: str = ""
    signed_off: tuple[str, ...] = ()  # roles with a sign-off of the current text
    changed_since_approval: int = 0  # entries whose source or translation changed since
    # The texts the leaflet prints now (the template's messages), and how many of them
    # the catalog translates: what `percent` is of. The counts above describe the file;
    # a catalog behind its leaflet (an empty file, a text edited since) prints the
    # texts it lacks in the source language, however complete the file looks.
    printed: int = 0
    printed_translated: int = 0
    # Written, not fuzzy, but refused by the build's checks: printed in the source language.
    rejected: int = 0
    rejections: tuple[Rejection, ...] = ()
    # Printed, and counted translated, but a sentence is in another language's letters
    # (I18N020): the build warns and --strict refuses, so the catalog is not ready.
    other_language: tuple[Rejection, ...] = ()

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.rejected + self.untranslated

    @property
    def percent(self) -> int:
        """Of the texts the leaflet prints, rounded down, so a catalog reads 100 % only
        when every one of them prints translated."""
        return 100 * self.printed_translated // self.printed if self.printed else 100

    @property
    def ready(self) -> bool:
        complete = self.translated == self.total and not self.other_language
        return self.exists and self.current and complete


def _words(text: str, language: str, project: Project | None) -> int:
    """The words of a source text as its language has them: a regular expression cut
    a Thai or Burmese word at each vowel sign above or below a letter (ถามแพทย์ของคุณ,
    four words, was three pieces), so the count a translator quotes a price on was
    noise for every leaflet not written in English."""
    with contextlib.suppress(InlineError):
        text = plain_text(text)
    return len(words_of(text, language, project))


def catalog_stats(
    domain: str,
    locale: str,
    catalog: Catalog,
    template: Catalog | None,
    project: Project | None,
) -> CatalogStats:
    """``project``: whose word lists (``locales/<lang>/words.txt``) keep its terms whole
    when the source's words are counted, and whose declared terms and names are no
    other language (`kept_terms`). Asked of every caller, None only for a catalog read
    alone: the desk's interface row, left to a default, read the clinic's name in a
    Thai ``ui`` string as English that `i18n check` did not."""
    translated = fuzzy = untranslated = 0
    done: set[Key] = set()
    refused = _refused(domain, catalog, template, project)
    for entry in catalog.active:
        if entry.key in refused:
            continue
        if entry.translated or (is_optional(entry.msgctxt) and not entry.has_translation):
            translated += 1
            done.add(entry.key)
        elif entry.fuzzy and entry.has_translation:
            fuzzy += 1
        else:
            untranslated += 1
    printed = set((template or catalog).lookup())
    done |= {key for key in printed if is_optional(key[0])}  # printed as cited if missing
    current = template is None or set(catalog.lookup()) == printed
    language = (template or catalog).source_language
    return CatalogStats(
        domain=domain,
        locale=locale,
        translated=translated,
        fuzzy=fuzzy,
        untranslated=untranslated,
        obsolete=len(catalog.obsolete),
        words=sum(_words(e.msgid, language, project) for e in catalog.active),
        current=current,
        exists=catalog.path is not None,
        printed=len(printed),
        printed_translated=len(printed & done),
        rejected=len(refused),
        rejections=_listed(refused, catalog, project),
        other_language=_listed(wrong_language(catalog, catalog.path, project), catalog, project)
        if catalog.path is not None
        else (),
    )


def _listed(
    found: dict[Key, Fallback], catalog: Catalog, project: Project | None
) -> tuple[Rejection, ...]:
    """``found`` as the lines stats prints: context, catalog, line, column, reason."""
    return tuple(
        Rejection(context or msgid, _shown(catalog, project), why.line, why.column, why.reason)
        for (context, msgid), why in found.items()
    )


def _refused(
    domain: str, catalog: Catalog, template: Catalog | None, project: Project | None
) -> dict[Key, Fallback]:
    """The catalog's translations the build refuses (`localizer.refusals`), judged as
    the build judges them: in the catalog's language, the source read as its leaflet
    writes it. None in a catalog not yet written."""
    if catalog.path is None:
        return {}
    return refusals(catalog, catalog.path, domain, (template or catalog).source_language)


def _shown(catalog: Catalog, project: Project | None) -> str:
    """The catalog's path from the project's root (as `i18n init --json` names files),
    the same wherever the command runs; else as a finding names it."""
    path = catalog.path
    assert path is not None  # a catalog with refusals was read from a file
    if project is not None and path.is_relative_to(project.root):
        return path.relative_to(project.root).as_posix()
    return display_path(path)


def project_stats(
    project: Project, selection: CatalogSelection = EVERY_CATALOG
) -> list[CatalogStats]:
    """One row per domain × locale (of ``selection``), against templates built fresh
    from the leaflets."""
    rows = []
    for domain, template in project_templates(project).items():
        if not selection.has_domain(domain):
            continue
        locales = catalog_locales(project) if domain == UI_DOMAIN else leaflet_locales(project)
        for locale in selection.of_locales(loc for loc in locales if translates(template, loc)):
            path = po_path(project, locale, domain)
            catalog = read_po(path) if path.is_file() else Catalog(entries=template.active)
            row = catalog_stats(domain, locale, catalog, template, project)
            if domain != UI_DOMAIN:
                leaflet = load_leaflet(project.leaflet_path(domain), project)[0]
                state = leaflet_state(project, leaflet, locale, catalog if row.exists else None)
                found = review(project, domain, locale, state, complete=row.ready)
                row = replace(
                    row, review=found.state, signed_off=found.current_roles,
                    changed_since_approval=len(found.changed) if found.history else 0,
                )  # fmt: skip
            rows.append(row)
    return rows


COLUMNS = (
    "leaflet",
    "locale",
    "translated",
    "fuzzy",
    "rejected",
    "untranslated",
    "obsolete",
    "words",
    "done",
    "status",
    "review",
)


def _status(row: CatalogStats) -> str:
    if not row.exists:
        return "missing: run update"
    if not row.current:
        return "outdated: run update"
    return "ready" if row.ready else "not ready"


def _review(row: CatalogStats) -> str:
    if not row.review:
        return "-"
    if row.review == "stale":
        return f"stale: {row.changed_since_approval} changed"
    if row.review == "reviewed":
        return "reviewed: " + "+".join(row.signed_off)
    return row.review


def format_table(rows: list[CatalogStats]) -> str:
    """The table, then a line per rejected translation saying where and why, as the
    build's warning does: the count alone sent the translator looking for it."""
    cells = [
        [r.domain, r.locale, str(r.translated), str(r.fuzzy), str(r.rejected),
         str(r.untranslated), str(r.obsolete), str(r.words), f"{r.percent}%", _status(r),
         _review(r)]
        for r in rows
    ]  # fmt: skip
    widths = [max(len(c) for c in column) for column in zip(COLUMNS, *cells, strict=False)]
    numeric = set(range(2, 9))

    def line(values: list[str] | tuple[str, ...]) -> str:
        return "  ".join(
            v.rjust(w) if i in numeric else v.ljust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ).rstrip()

    table = [line(COLUMNS), line(["-" * w for w in widths]), *map(line, cells)]
    rejected = [(row, why) for row in rows for why in row.rejections]
    other = [(row, why) for row in rows for why in row.other_language]
    return "\n".join(
        table
        + _listing(
            rejected,
            "rejected, printed in the source language (fix the msgstr; `i18n check` lists all):",
        )
        + _listing(
            other,
            "printed, but in another language's letters (translate it; `build --strict` "
            "refuses it):",
        )
    )


def _listing(found: list[tuple[CatalogStats, Rejection]], title: str) -> list[str]:
    """``title`` and a line per translation, at its msgstr (and column, when the finding
    names a character or a sentence)."""
    if not found:
        return []
    lines = ["", title]
    for row, why in found:
        column = f":{why.column}" if why.column else ""
        lines.append(f"  {why.path}:{why.line}{column}: {row.locale} '{why.context}': {why.reason}")
    return lines


def format_json(rows: list[CatalogStats]) -> str:
    return json.dumps(
        [asdict(r) | {"percent": r.percent, "ready": r.ready} for r in rows],
        ensure_ascii=False,
        indent=2,
    )
