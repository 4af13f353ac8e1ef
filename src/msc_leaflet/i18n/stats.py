"""How far each leaflet is translated, per locale: the table clinic staff read.

A catalog is *ready* when every entry is translated and not fuzzy and the catalog
matches the current template (``update`` has been run). Reference titles are
optional (an untranslated one prints the cited work's original title), so they
count as translated whether or not a translator touched them.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import asdict, dataclass

from ..content.inline import InlineError, plain_text
from ..project import Project
from .catalog import UI_DOMAIN, Catalog, catalog_locales, leaflet_locales, po_path
from .extract import is_optional, project_templates
from .pofile import read_po

_WORD = re.compile(r"\w+")


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

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> int:
        """Rounded down, so a catalog reads 100 % only when it really is complete."""
        return 100 * self.translated // self.total if self.total else 100

    @property
    def ready(self) -> bool:
        return self.exists and self.current and self.translated == self.total


def _words(text: str) -> int:
    with contextlib.suppress(InlineError):
        text = plain_text(text)
    return len(_WORD.findall(text))


def catalog_stats(
    domain: str, locale: str, catalog: Catalog, template: Catalog | None
) -> CatalogStats:
    translated = fuzzy = untranslated = 0
    for entry in catalog.active:
        if entry.translated or (is_optional(entry.msgctxt) and not entry.has_translation):
            translated += 1
        elif entry.fuzzy and entry.has_translation:
            fuzzy += 1
        else:
            untranslated += 1
    current = template is None or set(catalog.lookup()) == set(template.lookup())
    return CatalogStats(
        domain=domain,
        locale=locale,
        translated=translated,
        fuzzy=fuzzy,
        untranslated=untranslated,
        obsolete=len(catalog.obsolete),
        words=sum(_words(e.msgid) for e in catalog.active),
        current=current,
        exists=catalog.path is not None,
    )


def project_stats(project: Project) -> list[CatalogStats]:
    """One row per domain × locale, against templates built fresh from the leaflets."""
    rows = []
    for domain, template in project_templates(project).items():
        locales = catalog_locales(project) if domain == UI_DOMAIN else leaflet_locales(project)
        for locale in locales:
            path = po_path(project, locale, domain)
            catalog = read_po(path) if path.is_file() else Catalog(entries=template.active)
            rows.append(catalog_stats(domain, locale, catalog, template))
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
)


def _status(row: CatalogStats) -> str:
    if not row.exists:
        return "missing: run update"
    if not row.current:
        return "outdated: run update"
    return "ready" if row.ready else "not ready"


def format_table(rows: list[CatalogStats]) -> str:
    cells = [
        [r.domain, r.locale, str(r.translated), str(r.fuzzy), str(r.untranslated),
         str(r.obsolete), str(r.words), f"{r.percent}%", _status(r)]
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
