"""Which catalogs a translator's command looks at: ``i18n stats what-msc-can-do -l vi``.

A project with ten languages and six catalogs each lists sixty rows; the translator of
one language wants hers. `select_catalogs` reads the leaflet ids and locales typed on
the command line as `build` and `check` read theirs (a misspelt id or locale is refused
with the nearest one named), so a typo never shows an empty table that reads as "all
done". ``ui`` names the interface catalog, the page's and the desk's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import LeafletError, Location
from ..project import Project
from .catalog import UI_DOMAIN, locale_folders


@dataclass(frozen=True)
class CatalogSelection:
    """The domains (leaflet ids, ``ui``) and locales asked for; None: all of them."""

    domains: frozenset[str] | None = None
    locales: tuple[str, ...] | None = None

    def has_domain(self, domain: str) -> bool:
        return self.domains is None or domain in self.domains

    def of_locales(self, locales: Iterable[str]) -> list[str]:
        """``locales`` (the project's, in its order) that were asked for."""
        return [loc for loc in locales if self.locales is None or loc in self.locales]


EVERY_CATALOG = CatalogSelection()


def select_catalogs(
    project: Project, leaflet_ids: Sequence[str], locales: Sequence[str]
) -> CatalogSelection:
    """The selection typed: each id a leaflet of the project or ``ui``, each locale one
    the project has catalogs for (spelled as its folder is). Nothing typed: everything."""
    domains = None
    if leaflet_ids:
        for leaflet_id in leaflet_ids:
            if leaflet_id != UI_DOMAIN:
                project.leaflet_path(leaflet_id)  # refuses an unknown id, naming the nearest
        domains = frozenset(leaflet_ids)
    if not locales:
        return CatalogSelection(domains)
    known = locale_folders(project)[0]
    chosen = []
    for value in locales:
        locale = project.locale(value)
        if locale not in known:
            raise LeafletError(
                Location(project.locales_dir, option=f"--locale {value}"),
                f"no {locale} catalogs in this project",
                f"start them with `msc-leaflet i18n init {locale}`; "
                f"this project translates into: {', '.join(known) or 'nothing yet'}",
            )
        chosen.append(locale)
    return CatalogSelection(domains, tuple(dict.fromkeys(chosen)))
