"""What the project holds, as the desk shows it: one card per leaflet, with its title in
every language, review date, topics and the languages it is ready to print in.

Read from the sources (YAML and ``.po``) through the library's own functions, and kept
until a file under ``leaflets/``, ``locales/`` or ``organisations/`` changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..content.inline import plain_text
from ..content.loader import load_leaflet
from ..errors import LeafletError
from ..files import file_stamp
from ..i18n import localize
from ..i18n.catalog import Catalog, locale_folders, po_path
from ..i18n.extract import leaflet_template
from ..i18n.pofile import read_po
from ..i18n.stats import CatalogStats, catalog_stats
from ..project import Project, same_language

Signature = tuple[tuple[str, int, int, int, int], ...]  # path and `file_stamp` of each file


@dataclass(frozen=True)
class LeafletCard:
    id: str
    language: str  # the source language
    titles: dict[str, str]  # language → title as printed in it
    version: str
    review: dt.date
    topics: tuple[str, ...]
    organisation: str
    translations: dict[str, CatalogStats]  # locale → status of the leaflet's catalog

    @property
    def printable(self) -> tuple[str, ...]:
        """The source language, then every locale whose catalog is complete and current."""
        ready = sorted(loc for loc, stats in self.translations.items() if stats.ready)
        return (self.language, *ready)

    def printable_in(self, locale: str) -> bool:
        return any(same_language(locale, loc) for loc in self.printable)

    def title(self, locale: str) -> str:
        return self.titles.get(locale) or self.titles[self.language]

    def overdue(self, today: dt.date) -> bool:
        return self.review < today

    def matches(self, query: str) -> bool:
        """``query`` in the title in any language, case and spacing aside."""
        wanted = " ".join(query.casefold().split())
        return any(wanted in " ".join(t.casefold().split()) for t in self.titles.values())


@dataclass(frozen=True)
class Shelf:
    leaflets: tuple[LeafletCard, ...]
    locales: tuple[str, ...]  # every language a leaflet can be printed or previewed in
    problems: tuple[str, ...] = ()  # leaflets that do not load, as the CLI words it
    signature: Signature = field(default=(), compare=False)

    def card(self, leaflet_id: str) -> LeafletCard | None:
        return next((c for c in self.leaflets if c.id == leaflet_id), None)

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(sorted({t for card in self.leaflets for t in card.topics}, key=str.casefold))

    def find(self, query: str = "", language: str = "", topic: str = "") -> list[LeafletCard]:
        return [
            card
            for card in self.leaflets
            if (not query or card.matches(query))
            and (not language or card.printable_in(language))
            and (not topic or topic in card.topics)
        ]


def signature(project: Project) -> Signature:
    """Every source file's path and `file_stamp`: a change to any of them is a new shelf."""
    found = []
    for folder in (project.leaflets_dir, project.locales_dir, project.organisations_dir):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            try:
                stat = path.stat()
            except OSError:
                # An editor's lock (Emacs' .#name.yaml, a link to nowhere), a file
                # deleted while the folder is read: no source of the shelf, and no
                # reason for every page of the desk to fail.
                continue
            found.append((str(path), *file_stamp(stat)))
    return tuple(found)


def read_card(project: Project, leaflet_id: str, locales: list[str]) -> LeafletCard:
    leaflet, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
    template = leaflet_template(leaflet, project)
    titles = {leaflet.language: plain_text(leaflet.title.value)}
    translations = {}
    for locale in locales:
        if same_language(locale, leaflet.language):
            continue
        path = po_path(project, locale, leaflet.id)
        catalog = read_po(path) if path.is_file() else Catalog(entries=template.active)
        translations[locale] = catalog_stats(leaflet.id, locale, catalog, template)
        localized, _ = localize(leaflet, locale, project)
        if localized.title.value != leaflet.title.value:
            titles[locale] = plain_text(localized.title.value)
    return LeafletCard(
        id=leaflet.id,
        language=leaflet.language,
        titles=titles,
        version=leaflet.document.version,
        review=leaflet.document.next_review,
        topics=leaflet.keywords,
        organisation=leaflet.organisation.name,
        translations=translations,
    )


def read_shelf(project: Project) -> Shelf:
    locales, folders = locale_folders(project)  # a misnamed folder is named, not offered
    cards, problems = [], [str(problem) for problem in folders.values()]
    for leaflet_id in project.leaflet_ids():
        try:
            cards.append(read_card(project, leaflet_id, locales))
        except LeafletError as err:
            problems.append(str(err))
    languages = dict.fromkeys([*(c.language for c in cards), *locales])
    return Shelf(tuple(cards), tuple(languages), tuple(problems), signature(project))


class ShelfReader:
    """The current shelf of one project, read again only when a source file changed."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._shelf: Shelf | None = None

    def __call__(self) -> Shelf:
        now = signature(self.project)
        if self._shelf is None or self._shelf.signature != now:
            self._shelf = read_shelf(self.project)
        return self._shelf
