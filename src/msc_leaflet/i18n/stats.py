"""How far each leaflet is translated, per locale: the table clinic staff read.

A catalog is *ready* when every entry is translated and not fuzzy and the catalog
matches the current template (``update`` has been run). Reference titles are
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
from .pofile import read_po
from .signoff import leaflet_state, review


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

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> int:
        """Of the texts the leaflet prints, rounded down, so a catalog reads 100 % only
        when every one of them prints translated."""
        return 100 * self.printed_translated // self.printed if self.printed else 100

    @property
    def ready(self) -> bool:
        return self.exists and self.current and self.translated == self.total


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
    project: Project | None = None,
) -> CatalogStats:
    """``project``: whose word lists (``locales/<lang>/words.txt``) keep its terms whole
    when the source's words are counted."""
    translated = fuzzy = untranslated = 0
    done: set[Key] = set()
    for entry in catalog.active:
        if entry.printed or (is_optional(entry.msgctxt) and not entry.has_translation):
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
    )


def project_stats(project: Project) -> list[CatalogStats]:
    """One row per domain × locale, against templates built fresh from the leaflets."""
    rows = []
    for domain, template in project_templates(project).items():
        locales = catalog_locales(project) if domain == UI_DOMAIN else leaflet_locales(project)
        for locale in filter(lambda locale: translates(template, locale), locales):
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
    cells = [
        [r.domain, r.locale, str(r.translated), str(r.fuzzy), str(r.untranslated),
         str(r.obsolete), str(r.words), f"{r.percent}%", _status(r), _review(r)]
        for r in rows
    ]  # fmt: skip
    widths = [max(len(c) for c in column) for column in zip(COLUMNS, *cells, strict=False)]
    numeric = set(range(2, 8))

    def line(values: list[str] | tuple[str, ...]) -> str:
        return "  ".join(
            v.rjust(w) if i in numeric else v.ljust(w)
            for i, (v, w) in enumerate(zip(values, widths, strict=True))
        ).rstrip()

    return "\n".join([line(COLUMNS), line(["-" * w for w in widths]), *map(line, cells)])


def format_json(rows: list[CatalogStats]) -> str:
    return json.dumps(
        [asdict(r) | {"percent": r.percent, "ready": r.ready} for r in rows],
        ensure_ascii=False,
        indent=2,
    )
