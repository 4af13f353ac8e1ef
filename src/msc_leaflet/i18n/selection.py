"""Which catalogs a translator's command looks at: ``i18n stats what-msc-can-do -l th``.

A project with ten languages and six catalogs each lists sixty rows; the translator of
one language wants hers. `select_catalogs` reads the leaflet ids and locales typed on
the command line as `build` and `check` read theirs (a misspelt id or locale is refused
with the nearest one named), so a typo never shows an empty table that reads as "all
done". ``ui`` names the interface catalog, the page's and the desk's words. The one
reading for ``i18n stats``, ``check``, ``update`` and ``compile``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import LeafletError, Location
from ..project import Project
from .catalog import UI_DOMAIN, leaflet_locales, locale_folders, po_path


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
        if domains is not None:  # the folders are listed only when a leaflet is named
            known = locale_folders(project)[0]
            _refuse_nothing(project, domains, known, known)
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
    _refuse_nothing(project, domains, chosen, known)
    return CatalogSelection(domains, tuple(dict.fromkeys(chosen)))


def _refuse_nothing(
    project: Project, domains: frozenset[str] | None, locales: list[str], known: list[str]
) -> None:
    """Refuse leaflet ids that name no catalog of the locales chosen, and that `i18n
    update` would make none of: ``compile what-msc-can-do -l vi``, where Vietnamese has
    only the page's words, printed an empty table (stats) or nothing at all (compile,
    check, update), exit 0, which reads as "all done". A leaflet new since the last
    update, in a language that translates leaflets, is no such case: update makes its
    catalog."""
    if domains is None or not locales:
        return
    if any(po_path(project, locale, d).is_file() for locale in locales for d in domains):
        return
    if UI_DOMAIN in domains or leaflet_locales(project, locales):
        return  # update makes every catalog locale's ui.po, and a new leaflet's .po
    ids, where = ", ".join(sorted(domains)), ", ".join(locales)
    translating = ", ".join(leaflet_locales(project, known)) or "none yet"
    raise LeafletError(
        Location(project.locales_dir),
        f"no catalog of {ids} in {where}: {where} translates none of the leaflets yet",
        f"`msc-leaflet i18n init {locales[0]}` starts the leaflets' catalogs of "
        f"{locales[0]}; the leaflets are translated into: {translating}",
    )
