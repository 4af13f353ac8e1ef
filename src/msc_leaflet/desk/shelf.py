"""What the project holds, as the desk shows it: one card per leaflet, with its title in
every language, review date, topics and the languages it is ready to print in.

Read from the sources (YAML and ``.po``) through the library's own functions, and kept
until a file under ``leaflets/``, ``locales/`` or ``organisations/`` changes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..content.inline import plain_text
from ..content.loader import load_leaflet
from ..errors import Finding, LeafletError, Location
from ..files import file_stamp
from ..i18n import localize
from ..i18n.catalog import Catalog, leaflet_locales, locale_folders, po_path
from ..i18n.extract import leaflet_template
from ..i18n.localizer import leaflet_words_in_english
from ..i18n.pofile import read_po
from ..i18n.printed_labels import printed_labels
from ..i18n.signoff import ROLES, Review, SignOff, TextState, leaflet_review
from ..i18n.stats import CatalogStats, catalog_stats
from ..project import SETTINGS_FILE, Project, same_language
from ..theme.theme import load_theme

Signature = tuple[tuple[str, int, int, int, int], ...]  # path and `file_stamp` of each file


@dataclass(frozen=True)
class Signed:
    """A sign-off as the desk shows it: ``current`` while the text is the one approved."""

    record: SignOff
    current: bool


@dataclass(frozen=True)
class LeafletCard:
    id: str
    language: str  # the source language
    titles: dict[str, str]  # language → title as printed in it
    version: str
    review: dt.date
    topics: tuple[str, ...]
    organisation: str  # its name as the source language's leaflet prints it
    translations: dict[str, CatalogStats]  # locale → status of the leaflet's catalog
    # Locales whose text changed since a role the project requires signed it off.
    unapproved: tuple[str, ...] = ()
    # Locale → its sign-offs (`i18n review`) as `latest_signoffs` gives them: shown,
    # never written, by the desk.
    signoffs: Mapping[str, tuple[Signed, ...]] = field(default_factory=dict)
    # The words the page prints itself ("Page 1 of 4", "References") this leaflet
    # prints (`printed_labels`), and per language those its ui catalog leaves in English,
    # as the build warns of them (`EnglishWords`).
    printed_labels: frozenset[str] = frozenset()
    booklet_labels: frozenset[str] = frozenset()
    english_words: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    # The same for the leaflet as a booklet, whose padding page prints "Notes" too.
    booklet_english_words: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    # Locale → the organisation's name as a leaflet in it prints it (`in_locale`).
    organisations: Mapping[str, str] = field(default_factory=dict)
    # Locale → why its catalog of this leaflet cannot be read (a half-saved .po): that
    # language is not ready, the leaflet's others are.
    unreadable: Mapping[str, Finding] = field(default_factory=dict)

    def organisation_in(self, locale: str) -> str:
        """The organisation's name a ``locale`` reader reads on the leaflet: a pack's
        cover names the clinic as the leaflets inside it do."""
        return self.organisations.get(locale) or self.organisation

    def words_in_english(self, locale: str, booklet: bool = False) -> tuple[Finding, ...]:
        """The page words a ``locale`` leaflet (``booklet``: as a booklet) prints in English."""
        found = self.booklet_english_words if booklet else self.english_words
        return tuple(found.get(locale, ()))

    def ready_in(self, locale: str, booklet: bool = False) -> bool:
        """The translation into ``locale`` is complete and current, no approval of it
        has gone stale (`unapproved`), and the page (``booklet``: of the booklet)
        prints no word in English."""
        stats = self.translations.get(locale)
        return (
            stats is not None
            and stats.ready
            and locale not in self.unapproved
            and not self.words_in_english(locale, booklet)
        )

    def listed_in(self, locale: str) -> bool:
        """Whether Status gives the leaflet a row in ``locale``: its source language, or
        a language it is translated into, as `i18n stats` lists them. A language with
        only the interface's words (``ui.po``) has no row: its reference titles, which
        count as done, made it read "10 %" of a translation nobody had begun."""
        return locale in self.catalogs or same_language(locale, self.language)

    @property
    def catalogs(self) -> tuple[str, ...]:
        """The languages the leaflet is translated into, in the project's order: those
        whose catalog was read (`translations`) and those whose catalog cannot be read
        (`unreadable`). Left out, a half-saved Thai catalog emptied the leaflet's
        Translation list and dropped its Status row, as if no one had begun it."""
        return tuple(sorted({*self.translations, *self.unreadable}))

    def printable_on(self, booklet: bool = False) -> tuple[str, ...]:
        """The source language (unless the page would print English words on it), then
        every locale the leaflet is `ready_in`, on a sheet or as a ``booklet``."""
        source = () if self.words_in_english(self.language, booklet) else (self.language,)
        ready = (loc for loc in self.translations if self.ready_in(loc, booklet))
        return (*source, *sorted(ready))

    @property
    def printable(self) -> tuple[str, ...]:
        """The languages the leaflet is handed out in on a sheet (the library, the pack)."""
        return self.printable_on()

    def printable_in(self, locale: str, booklet: bool = False) -> bool:
        return any(same_language(locale, loc) for loc in self.printable_on(booklet))

    def title(self, locale: str) -> str:
        return self.titles.get(locale) or self.titles[self.language]

    def title_language(self, locale: str) -> str:
        """The language ``title(locale)`` is written in, for its ``lang`` and ``dir``: the
        source language when the title is not translated into ``locale`` (an English
        title on an Arabic page read with an Arabic voice, laid out right to left)."""
        return locale if self.titles.get(locale) else self.language

    def title_written_in(self, language: str) -> str | None:
        """The title in ``language`` itself, None when it has none. For a page's
        ``<title>``, which cannot be tagged with a language of its own: it is read in
        the page's language, so another language's title there is read with the wrong
        voice (Thai with an English one)."""
        return next(
            (title for code, title in self.titles.items() if same_language(code, language)), None
        )

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
    # Leaflets that do not load and locale folders not named after a language, as the
    # CLI reports them.
    problems: tuple[Finding, ...] = ()
    signature: Signature = field(default=(), compare=False)
    # Leaflet id → why it does not load: its page names the file and line, where it
    # said "no leaflet: renamed or withdrawn" of a leaflet one typo away from printing.
    broken: Mapping[str, Finding] = field(default_factory=dict)

    def card(self, leaflet_id: str) -> LeafletCard | None:
        return next((c for c in self.leaflets if c.id == leaflet_id), None)

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(sorted({t for card in self.leaflets for t in card.topics}, key=str.casefold))

    @property
    def printable_locales(self) -> tuple[str, ...]:
        """The `locales` some leaflet can be handed out in: a language with only the
        interface's words (a ui.po) offered in a filter lists no leaflet at all."""
        return tuple(
            loc for loc in self.locales if any(card.printable_in(loc) for card in self.leaflets)
        )

    @property
    def source_languages(self) -> tuple[str, ...]:
        """The languages the leaflets are written in, each once, in shelf order: what a
        pack adds after each leaflet in its `sequential` edition."""
        return tuple(dict.fromkeys(card.language for card in self.leaflets))

    def topic_language(self, name: str) -> str:
        """The language topic ``name`` is written in: its leaflets' source language
        (keywords are not translated), for its ``lang`` on a page in another."""
        return next((card.language for card in self.leaflets if name in card.topics), "en")

    def find(self, query: str = "", language: str = "", topic: str = "") -> list[LeafletCard]:
        return [
            card
            for card in self.leaflets
            if (not query or card.matches(query))
            and (not language or card.printable_in(language))
            and (not topic or topic in card.topics)
        ]


def signature(project: Project) -> Signature:
    """Every source file's path and `file_stamp`: a change to any of them is a new shelf,
    and new check findings (kept per shelf). The settings and the theme are sources
    too: a check turned off in msc-leaflet.toml still showed until a leaflet changed."""
    found = []
    files = [project.file(SETTINGS_FILE), project.theme_path]
    for folder in (project.leaflets_dir, project.locales_dir, project.organisations_dir):
        files += sorted(folder.rglob("*")) if folder.is_dir() else []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            # An editor's lock (Emacs' .#name.yaml, a link to nowhere), a file deleted
            # while the folder is read, no settings file: no source of the shelf, and
            # no reason for every page of the desk to fail.
            continue
        found.append((str(path), *file_stamp(stat)))
    return tuple(found)


class EnglishWords:
    """Per locale and set of `printed_labels`, those its ``ui`` catalog leaves in English
    (missing, fuzzy, rejected). The catalogs of every leaflet complete, the desk called
    Thai ready while each page said "Page 1 of 4" and "References"; the build only
    warns (`build --strict` refuses). Only the words a leaflet prints count: with
    every word of ui.po counted, an untranslated callout label held back leaflets
    that title each callout. Kept per shelf, as leaflets share their words."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._found: dict[tuple[str, frozenset[str]], tuple[Finding, ...]] = {}

    def __call__(self, locale: str, words: frozenset[str]) -> tuple[Finding, ...]:
        key = (locale, words)
        if key not in self._found:
            try:
                found = tuple(leaflet_words_in_english(locale, self.project, words))
            except LeafletError as err:  # a ui.po that cannot be read: named, not ready
                found = (err.finding(),)
            self._found[key] = found
        return self._found[key]


def read_card(
    project: Project, leaflet_id: str, locales: list[str], footer_approval: bool = False
) -> LeafletCard:
    """``locales``: those the project translates leaflets into (`leaflet_locales`).
    ``footer_approval``: the theme's, which prints a word of its own in the footer."""
    leaflet, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
    template = leaflet_template(leaflet, project)
    titles = {leaflet.language: plain_text(leaflet.title.value)}
    translations, unapproved, signoffs = {}, [], {}
    unreadable: dict[str, Finding] = {}
    for locale in locales:
        if same_language(locale, leaflet.language):
            continue
        try:
            state, found = leaflet_review(project, leaflet, locale)
        except LeafletError:
            # Its ui.po (`EnglishWords` names it) or its signoff.yaml cannot be read: not
            # ready, as `build --strict` refuses it; its sign-off page says why. Passed
            # over, a record edited to garbage handed out a text no one knew approved.
            unapproved.append(locale)
        else:
            signoffs[locale] = latest_signoffs(found, state)
            if approval_gone_stale(found):
                unapproved.append(locale)
        path = po_path(project, locale, leaflet.id)
        try:
            catalog = read_po(path) if path.is_file() else Catalog(entries=template.active)
            localized, _ = localize(leaflet, locale, project)
            # Counts what prints translated, as the build decides it: a translation the
            # build refuses (unclosed markup, a citation the source lacks) is "rejected".
            translations[locale] = catalog_stats(leaflet.id, locale, catalog, template, project)
        except LeafletError as err:
            # One half-saved catalog withdrew the whole leaflet from the desk, its source
            # language too ("no leaflet: renamed or withdrawn"): only this language is
            # not ready, and its page and Status say which line to correct.
            unreadable[locale] = err.finding()
            continue
        if localized.title.value != leaflet.title.value:
            titles[locale] = plain_text(localized.title.value)
    return LeafletCard(
        id=leaflet.id,
        language=leaflet.language,
        titles=titles,
        version=leaflet.document.version,
        review=leaflet.document.next_review,
        # As the PDF's keywords read them (`layout.document`): "**stem** cells" showed
        # its marks on the shelf and in its topic list.
        topics=tuple(plain_text(keyword.value) for keyword in leaflet.keywords),
        organisation=leaflet.organisation.name,
        organisations={loc: leaflet.organisation.in_locale(loc).name for loc in locales},
        translations=translations,
        unapproved=tuple(unapproved),
        signoffs=signoffs,
        printed_labels=printed_labels(leaflet, footer_approval=footer_approval),
        booklet_labels=printed_labels(leaflet, footer_approval=footer_approval, booklet=True),
        unreadable=unreadable,
    )


def approval_gone_stale(found: Review) -> bool:
    """Whether a role the project requires (`[i18n] signoff_required`) signed off an
    earlier text but not the current one: a translator edited what a clinician
    approved. `build --strict` refuses it; handed out by the desk, the patient read a
    text the clinic believes approved. A translation no one has signed off yet is the
    project's choice, and is not held back."""
    return any(record.role in found.missing_roles for record in found.history)


def latest_signoffs(found: Review, state: TextState) -> tuple[Signed, ...]:
    """One sign-off per role, in the order of the workflow (reviewer, back-translation,
    clinical): the latest that approved the current text, else the latest, changed
    since. A clinic hands out what a clinician approved: the desk shows by whom and
    when, and that a translator edited it since."""
    shown = []
    for role in ROLES:
        records = [record for record in found.history if record.role == role]
        current = [record for record in records if record.current(state)]
        if current:
            shown.append(Signed(current[-1], current=True))
        elif records:
            shown.append(Signed(records[-1], current=False))
    return tuple(shown)


def in_project(project: Project, location: Location) -> str:
    """``location`` as the project names it (``locales/th/…/ui.po:12``), wherever the
    desk was started: a page never shows the server's own folders."""
    try:
        shown = str(location.path.resolve().relative_to(project.root))
    except (OSError, RuntimeError, ValueError):  # outside the project, a loop of links
        shown = location.path.name
    return shown + (f":{location.line}" if location.line else "")


def described(project: Project, error: LeafletError | Finding) -> str:
    """An error for a page: where in the project, what, and what to do."""
    return f"{in_project(project, error.location)}: {error.message}" + (
        f"\n{error.hint}" if error.hint else ""
    )


def without_folders(project: Project, text: str) -> str:
    """``text`` (an internal error's, which may quote a path) with the project's folder
    left out of every path in it: a page never shows the server's own folders."""
    root = str(project.root)
    return text.replace(root + os.sep, "").replace(root, ".")


def read_shelf(project: Project, stamp: Signature | None = None) -> Shelf:
    """The shelf as the sources are now. ``stamp``: their `signature`, taken before
    anything is read, so a file saved while the shelf is read differs from it."""
    stamp = signature(project) if stamp is None else stamp
    locales, folders = locale_folders(project)  # a misnamed folder is named, not offered
    cards, problems = [], [_problem(error) for error in folders.values()]
    translated = leaflet_locales(project, locales)  # as `i18n stats` and `build` list them
    theme = project.theme_path if project.theme_path.is_file() else None
    footer_approval = load_theme(theme).footer_approval
    broken = {}
    for leaflet_id in project.leaflet_ids():
        try:
            cards.append(read_card(project, leaflet_id, translated, footer_approval))
        except LeafletError as err:
            broken[leaflet_id] = _problem(err)
            problems.append(broken[leaflet_id])
    problems += [found for card in cards for found in card.unreadable.values()]
    languages = dict.fromkeys([*(c.language for c in cards), *locales])
    english = EnglishWords(project)
    cards = [
        replace(
            card,
            english_words={loc: english(loc, card.printed_labels) for loc in languages},
            booklet_english_words={loc: english(loc, card.booklet_labels) for loc in languages},
        )
        for card in cards
    ]
    return Shelf(tuple(cards), tuple(languages), tuple(problems), stamp, broken)


def _problem(error: LeafletError) -> Finding:
    return error.finding()


class ShelfReader:
    """The current shelf of one project, read again only when a source file changed."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._shelf: Shelf | None = None

    def __call__(self) -> Shelf:
        now = signature(self.project)
        if self._shelf is None or self._shelf.signature != now:
            # Stamped with the files as they were before reading: one saved meanwhile
            # (the translator's last entry) makes the next request read it again.
            self._shelf = read_shelf(self.project, now)
        return self._shelf
