"""The gettext catalog as plain data, and where each catalog lives in a project.

One `Catalog` is one ``.pot`` or ``.po`` file: header fields, header comments and
entries (active and obsolete) in file order. Reading and writing are in `pofile`,
merging in `merge`; keeping the data separate lets both be tested without files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..content.composition import composed
from ..data import library_root
from ..errors import LeafletError, Location
from ..project import (
    Project,
    check_locale,
    gettext_tag,
    locale_identity,
    locale_name,
    parent_locales,
    same_language,
)
from .labels import UI_LANGUAGE

UI_DOMAIN = "ui"
Key = tuple[str | None, str]  # (msgctxt, msgid): what gettext looks a message up by
HEADER_KEY: Key = (None, "")  # the header's: an empty msgid without msgctxt
_HEADER_FIELD = re.compile(r"([A-Za-z][A-Za-z0-9-]*):\s?(.*)\Z", re.DOTALL)
# The header fields gettext's tools know, and the ones msc-leaflet writes, as they spell
# them. Every reader takes a field's name in any case (msgmerge, msgfmt's charset=,
# Python's gettext, Babel): a ``language:`` line is the Language field, and an update
# that added a "Language:" line beside it wrote a header whose readers disagree.
_FIELD_SPELLINGS = {
    name.lower(): name
    for name in (
        "Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date",
        "PO-Revision-Date", "Last-Translator", "Language-Team", "Language",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms",
        "X-Source-Language", "X-Review-Required",
    )
}  # fmt: skip


@dataclass(frozen=True)
class StringSource:
    """Where one string of an entry is typed: its keyword's ``line``, and the (line,
    column) of each of its characters, through escapes (an octal-escaped ``©`` is
    where its first backslash is), joined strings and continuation lines. Read only
    on request (`pofile.read_po`), for a finding that points at a word."""

    line: int
    chars: tuple[tuple[int, int], ...] = ()


class StickyFlags(str):
    """The text after ``#=`` on a line of GNU gettext 0.22's sticky flags, kept among the
    translator comments (`Entry.comments`), in their order, and written back byte for
    byte. Read as a plain comment, ``#= no-wrap`` came back as ``# = no-wrap``: a flag the
    tool reads became a note it shows, and the translator's next save differed."""

    __slots__ = ()


@dataclass
class Entry:
    """One message; ``line`` is where it was read from (0 for entries built in memory)."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    extracted: list[str] = field(default_factory=list)  # "#." lines, written by the tool
    references: list[str] = field(default_factory=list)  # "#:" file:line items
    # "# " lines, written by translators, and "#=" lines (`StickyFlags`) where they stood
    comments: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # "#," e.g. fuzzy
    previous_msgctxt: str | None = None  # "#|": the source the fuzzy msgstr was made for
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    # Leaflets look every text up as one message; plural entries come from hand edits
    # or other tools, and are kept so a catalog round-trips unchanged.
    msgid_plural: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    obsolete: bool = False
    line: int = 0
    # The msgstr's (or msgstr[0]'s) line: what the translator edits, and so where a
    # finding about the translation stands (``line`` is two or more lines above it).
    msgstr_line: int = field(default=0, compare=False)
    # Each string as the file broke it into lines ("msgstr", "msgstr[1]", "#| msgid"…),
    # so that update writes an unchanged text back on the lines a translator's tool
    # (Poedit, Weblate, msgmerge) wrapped it on; a changed text gets our own form.
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    # The width of the mark each of ``lines`` was read after ("#~ ", "#| ", "#~| " or
    # none): a tool wraps a string to fit after its mark, so in a wrapped file a string
    # that moves under another (an obsolete text back, an old msgid as "#| msgid") is
    # wrapped again for the new one, as GNU tools wrap it. -1: read in a no-wrap entry.
    indents: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Where each of ``lines`` is typed, when the reader was asked (`StringSource`).
    sources: dict[str, StringSource] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> Key:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def forms(self) -> list[str]:
        """The translation as written: the msgstr, or msgstr[0], msgstr[1]… of a plural."""
        if self.msgid_plural is None:
            return [self.msgstr]
        return [self.msgstr_plural[index] for index in sorted(self.msgstr_plural)]

    @property
    def has_translation(self) -> bool:
        """True when a translator wrote something here (used or not)."""
        return any(self.forms)

    @property
    def translated(self) -> bool:
        """Usable as is: a translation that is not marked fuzzy."""
        return self.has_translation and not self.fuzzy

    @property
    def printed(self) -> bool:
        """Printed as translated in a leaflet: usable, and one msgstr. A leaflet looks
        each text up as one msgstr, so the forms of an entry a tool wrote in plural form
        (msgid_plural, msgstr[0]) are never printed, however complete they look."""
        return self.translated and self.msgid_plural is None

    def set_fuzzy(self, fuzzy: bool) -> None:
        self.flags = [f for f in self.flags if f != "fuzzy"]
        if fuzzy:
            self.flags.insert(0, "fuzzy")


@dataclass
class Catalog:
    """A whole ``.po``/``.pot`` file; ``header`` keeps the field order it was read in."""

    # The fields by name; of a field given twice the first, the one gettext reads.
    header: dict[str, str] = field(default_factory=dict)
    # The header's msgstr as written, a (file line, text) pair per line of it (each with
    # its "\n"): what `header_msgstr` writes back, with the fields changed in ``header``.
    header_written: list[tuple[int, str]] = field(default_factory=list)
    header_comments: list[str] = field(default_factory=list)
    # The header's msgstr as the file broke it into lines (a tool wraps a long
    # Plural-Forms), written so while the header's text is unchanged (see Entry.lines).
    header_lines: tuple[str, ...] = ()
    header_flags: list[str] = field(default_factory=list)
    header_line: int | None = None  # where the header entry starts; None: no header read
    entries: list[Entry] = field(default_factory=list)
    # Comment lines after the last entry, as written ("# …", "#. …"): GNU tools drop
    # them, but they are a translator's words, so they are kept at the end of the file.
    trailing_comments: list[str] = field(default_factory=list)
    # The line of each "#," that GNU reads as an entry's only one although an earlier
    # "#," of the entry says fuzzy (`pofile`): GNU tools do not see that mark.
    unseen_fuzzy: list[int] = field(default_factory=list)
    # The line and flag of each misspelt fuzzy mark ("#, Fuzzy", "#, fuzy") on an entry
    # not fuzzy (`flags.looks_fuzzy`): its translation is printed all the same.
    misspelt_fuzzy: list[tuple[int, str]] = field(default_factory=list)
    # The line and text of each translator's comment meant as a fuzzy mark ("# , fuzzy",
    # "#; fuzzy") on an entry not fuzzy (`pofile._meant_as_flags`): printed all the same.
    commented_fuzzy: list[tuple[int, str]] = field(default_factory=list)
    path: Path | None = None
    # "\r\n" for a file every line of which ends so (saved on Windows): written back
    # with the same line ends, so an update does not change every line of it.
    newline: str = "\n"
    # Whether a tool wrapped the file's long lines (msgmerge, Poedit, Weblate): a new
    # text is then wrapped as GNU wraps it (`wrapping`), so the next save changes nothing.
    wrapped: bool = False
    # The width it was wrapped at (`wrapping.file_width`: GNU's 79, Weblate's 77…), so a
    # new text is wrapped as the tool that saves the file next would wrap it.
    wrap_width: int | None = None
    # The width a file no tool wrapped fills its "#:" lines to, read from them
    # (`wrapping.reference_bounds`; GNU's 79 when they show none): Poedit at 100
    # columns, a catalog of short texts whose references are long.
    reference_width: int | None = None
    # Each entry's "#:" lines as read, the references on each: where the width shows
    # in a catalog whose every text is short.
    reference_lines: list[tuple[tuple[str, ...], ...]] = field(
        default_factory=list, compare=False, repr=False
    )
    # sha256 of the file's bytes as read: a command that writes the catalog back first
    # makes sure no editor saved it meanwhile (`pofile.refuse_changed`).
    digest: str | None = None

    @property
    def active(self) -> list[Entry]:
        return [e for e in self.entries if not e.obsolete]

    @property
    def obsolete(self) -> list[Entry]:
        return [e for e in self.entries if e.obsolete]

    @property
    def source_language(self) -> str:
        """The language its header says its msgids are written in (X-Source-Language,
        which `i18n extract` writes from the leaflet), English where it says none. True
        of a template, made from the leaflet just now; of a translator's catalog only a
        hint, which a tool may have dropped: with the project at hand, ask
        `extract.msgid_language`, which asks the leaflet."""
        return self.header.get("X-Source-Language") or UI_LANGUAGE

    def header_msgstr(self) -> str:
        """The header's msgstr to write (in the .po and the .mo): as written, a field
        changed in ``header`` changed in its own line, one added at the end.

        GNU tools keep the header's text as written, and so does this: a line that is
        no field, a second Language line, "X-Foo:bar" without a blank, a translator's
        order. Only the first line of a field is ``header``'s (the one gettext reads);
        a field deleted from ``header`` loses that line."""
        out: list[str] = []
        done: set[str] = set()
        for _, text in self.header_written:
            found = header_field(text)
            if found is None or found[0] in done:
                out.append(text)
                continue
            name, value = found
            done.add(name)
            if name not in self.header:
                continue
            if self.header[name] != value:
                text = f"{name}: {self.header[name]}" + ("\n" if text.endswith("\n") else "")
            out.append(text)
        added = [f"{name}: {value}\n" for name, value in self.header.items() if name not in done]
        if added and out and not out[-1].endswith("\n"):
            out[-1] += "\n"
        return "".join(out + added)

    def lookup(self) -> dict[Key, Entry]:
        """Active entries by key (the first one wins; `pofile` refuses duplicates)."""
        found: dict[Key, Entry] = {}
        for entry in self.active:
            found.setdefault(entry.key, entry)
        return found


def translates(template: Catalog, locale: str) -> bool:
    """Whether a catalog of ``locale`` translates ``template``: not when its texts are
    written in that language (a Thai leaflet's th, the page's English words' en). The
    build prints such texts as written and never reads that catalog, which would list
    every one of them as untranslated for ever."""
    return not same_language(locale, template.source_language)


def header_field(text: str) -> tuple[str, str] | None:
    """(name, value) of one line of a header (``text`` with or without its "\n"), or
    None for a line that is no "Name: value" field. A known field's name is given as
    gettext spells it, however the line spells it (`_FIELD_SPELLINGS`)."""
    match = _HEADER_FIELD.match(text.removesuffix("\n"))
    if match is None:
        return None
    name = match.group(1)
    return _FIELD_SPELLINGS.get(name.lower(), name), match.group(2)


MAX_PLURALS = 6  # Arabic's, the most CLDR gives any language


def declared_plurals(header: dict[str, str]) -> int | None:
    """How many plural forms the header's Plural-Forms gives (``nplurals=N``), if it
    gives a number; a count no language has (0, 1000000) is read as none."""
    found = re.search(r"nplurals\s*=\s*(\d{1,3})\b", header.get("Plural-Forms", ""))
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= MAX_PLURALS else None


def msgstr_as_read(msgstr: str) -> str:
    """``msgstr`` as the localised leaflet holds it: composed (NFC), as the loader holds
    the source (`content.inline.as_printed`). A translator's editor that saved the
    catalog decomposed (NFD: "ệ" as e ◌̣ ◌̂) or with Windows-1258's separate tone marks
    ("ệ" as ê ◌̣) typed the same words; the page's glyphs were composed already
    (`typeset.units`), but the PDF's title, bookmarks, keywords and figure alt text
    are written from the model and kept the decomposed letters a search for "bệnh"
    does not find. Columns of findings are still the file's: `checks.source.po_locate`
    finds a phrase in the msgstr as typed."""
    return composed(msgstr)


def earlier_translation(msgstr: str) -> str:
    """A translation displaced by another for the same text, as a translator comment:
    one line (line breaks written ``\\n``) that says what it was."""
    return "earlier translation: " + msgstr.replace("\n", "\\n")


def locale_dir_name(locale: str) -> str:
    """gettext directories use ``pt_BR`` where BCP 47 writes ``pt-BR``."""
    return locale.replace("-", "_")


def locale_folder(project: Project, locale: str) -> str:
    """The folder under locales/ that holds ``locale``'s catalogs, however either is
    spelled: the project's own folder for the locale if it has one (``th-TH`` or
    ``zh_hans``, made by hand or by another tool), else the gettext spelling a new one
    gets (`locale_dir_name`). Turning ``th-TH`` into ``th_TH`` before looking made the
    work in locales/th-TH invisible: builds printed English, and `i18n update` started
    an empty locales/th_TH beside it."""
    for name in dict.fromkeys([locale, locale_dir_name(locale)]):
        if (project.locales_dir / name).is_dir():
            return name
    for folder in project.folders_spelling(locale_name(locale)):
        if folder_problem(project, folder) is None:  # not th.utf8 for th
            return folder
    return locale_dir_name(locale)


def template_path(project: Project, domain: str) -> Path:
    return project.file("locales", f"{domain}.pot")


def po_path(project: Project, locale: str, domain: str) -> Path:
    folder = locale_folder(project, locale)
    return project.file("locales", folder, "LC_MESSAGES", f"{domain}.po")


def catalog_path(project: Project, locale: str, domain: str) -> Path:
    """The catalog that translates ``domain`` into ``locale`` for a build, as gettext
    finds it: the locale's own, else that of the language it is a variant of
    (`parent_locales`: ar_EG → ar, zh_CN → zh_Hans), so ``build -l ar_EG`` (Egyptian
    digits) prints the Arabic translation rather than English. The locale's own path,
    which need not exist, when neither does. Not for writing: `i18n init ar_EG` makes
    ar_EG's own catalog."""
    looked_at = catalog_lookup(project, locale, domain)
    return looked_at[-1] if looked_at[-1].is_file() else looked_at[0]


def bundled_ui_catalog(locale: str) -> Path:
    """The ui catalog of the bundled library (`data.library_root`) a build of ``locale``
    reads, as `catalog_path` finds it (zh_Hans's for zh_CN); it need not exist."""
    return catalog_path(Project(library_root("msc")), locale, UI_DOMAIN)


def catalog_lookup(project: Project, locale: str, domain: str) -> list[Path]:
    """The catalogs a build of ``locale`` looks for, in order, up to the one it reads
    (`catalog_path`): each one before it is absent, and a build must be redone the day
    one appears (ar_EG's own, where ar's was printed)."""
    looked_at = []
    for name in [locale, *parent_locales(locale)]:
        path = po_path(project, name, domain)
        looked_at.append(path)
        if path.is_file():
            break
    return looked_at


def catalog_to_start(locale: str, source_language: str) -> str:
    """The locale whose catalog to start when ``locale`` has none to print: the nearest
    language it is a variant of (`parent_locales`: zh_Hans for zh_Hans_CN, ar for
    ar_EG), which `catalog_path` reads for every variant, unless that is the source
    language (en_GB of an English leaflet is its own); else ``locale`` itself."""
    for parent in parent_locales(locale):
        if not same_language(parent, source_language):
            return parent
    return locale


def variant_folders(project: Project, locale: str, name: str) -> list[str]:
    """The folders under locales/ that hold the catalog ``name`` for a regional or
    script variant of ``locale`` (``th-TH`` for th): a build of ``-l th`` with only
    ``locales/th-TH`` printed English, its warning saying to start th from nothing."""
    try:
        with os.scandir(project.locales_dir) as entries:
            folders = sorted(entry.name for entry in entries if entry.is_dir())
    except OSError:  # no locales/ (yet): the warning's other hint holds
        return []
    wanted = locale_name(locale)
    return [
        folder
        for folder in folders
        if (project.locales_dir / folder / "LC_MESSAGES" / name).is_file()
        and wanted in map(locale_name, parent_locales(folder))
    ]


def start_hint(locale: str, start: str, name: str, variants: Sequence[str] = ()) -> str:
    """What to run when ``locale`` has no catalog ``name``: `i18n init` of ``start``
    (`catalog_to_start`), saying why when that is another locale's; or, when a variant
    of ``locale`` has one (`variant_folders`), how to build that or make it ``locale``'s."""
    if variants:
        folder = variants[0]
        return (
            f"locales/{folder} holds {name} for {locale_name(folder)}, a variant of {locale}:"
            f" build it with `-l {locale_name(folder)}`, or, if it is the {locale}"
            f" translation, rename the folder to locales/{locale}"
        )
    hint = f"run `msc-leaflet i18n init {start}` and translate {name}"
    if start != locale:
        hint += f": {locale} prints the {start} catalog while it has none of its own"
    return hint


def catalog_language(path: Path) -> str:
    """The locale of a catalog at ``locales/<locale>/LC_MESSAGES/<domain>.po``."""
    return path.parent.parent.name


def locale_folders(project: Project) -> tuple[list[str], dict[str, LeafletError]]:
    """The folders under locales/ that hold catalogs (a ``.po`` in ``LC_MESSAGES/``):
    those named after a language, and an error for each other one (`folder_problem`).
    The one listing of locale folders: a command that goes on past such a folder (a
    build, `i18n check`) reports the errors; the others call `catalog_locales`."""
    if not project.locales_dir.is_dir():
        return [], {}
    found = sorted(
        d.name
        for d in project.locales_dir.iterdir()
        if d.is_dir() and any((d / "LC_MESSAGES").glob("*.po"))
    )
    problems = {name: problem for name in found if (problem := folder_problem(project, name))}
    problems |= _second_folders(project, [name for name in found if name not in problems])
    problems |= _broken_links(project)
    return [name for name in found if name not in problems], problems


def _broken_links(project: Project) -> dict[str, LeafletError]:
    """An error for each locale folder whose ``LC_MESSAGES`` is a link that leads
    nowhere (a loop, a target gone): its catalogs were simply not found, so `i18n
    stats`, `update` and `check` left the whole language out, exit 0, while a build of
    it failed."""
    problems = {}
    for folder in sorted(project.locales_dir.iterdir()):
        messages = folder / "LC_MESSAGES"
        if messages.is_symlink() and not messages.exists():
            problems[folder.name] = LeafletError(
                Location(messages),
                "is a link that leads nowhere (a loop of links, or a folder that is gone): "
                "the catalogs of this language cannot be read",
                "point the link at the folder of catalogs, or remove it",
            )
    return problems


def _second_folders(project: Project, folders: list[str]) -> dict[str, LeafletError]:
    """An error for each folder that spells a locale another folder holds too (TH beside
    th, zh-hans beside zh_Hans): a command given the locale reads one of them
    (`locale_folder`), but a build of every locale built both, into two output folders
    and from two different catalogs, and stats counted the language twice."""
    spellings: dict[str, list[str]] = {}
    for folder in folders:
        spellings.setdefault(locale_identity(folder), []).append(folder)
    problems = {}
    for locale, named in spellings.items():
        if len(named) < 2:
            continue
        kept = locale_folder(project, locale)
        kept = kept if kept in named else named[0]
        for folder in named:
            if folder != kept:
                problems[folder] = LeafletError(
                    Location(project.locales_dir / folder),
                    f"the folder locales/{folder}/ holds {locale} catalogs, as locales/{kept}/ "
                    "does: one locale in two folders is built twice, from different files",
                    f"move the translations to keep into locales/{kept}/ (`msgcat --use-first` "
                    f"joins two catalogs) and remove locales/{folder}/",
                )
    return problems


def catalog_locales(project: Project) -> list[str]:
    """Locales that have at least one ``.po`` under ``locales/<lang>/LC_MESSAGES/``. A
    folder not named after a language is refused (`folder_problem`), naming it and what
    to rename it to: stats, compile and builds read sr@latin as Serbian in Cyrillic."""
    locales, problems = locale_folders(project)
    if problems:
        raise next(iter(problems.values()))
    return locales


def folder_problem(project: Project, folder: str) -> LeafletError | None:
    """Why ``locales/<folder>`` is not a locale's catalogs, or None when it is: its name
    must be a language tag (`project.check_locale`: ``th``, ``zh_Hant``, ``pt_BR``). A
    gettext modifier (``sr@latin``) or a charset (``pt_BR.UTF-8``) names no script or
    language this tool can set, ``x`` no language at all and ``und`` an undetermined
    one: merged or built, the first stopped with an error naming no file, the second
    printed Serbian dates in Cyrillic."""
    try:
        check_locale(folder, Location(project.locales_dir / folder))
    except LeafletError as err:
        why = err.message
    else:
        return None
    rename = gettext_tag(folder)
    to = (
        f"rename it to {rename}"
        if rename
        else "rename it to the language's code (th, zh_Hant, pt_BR; Serbian in Latin "
        "letters is sr_Latn)"
    )
    return LeafletError(
        Location(project.locales_dir / folder),
        f"the folder locales/{folder}/ is not named after a language: {why}",
        f"{to}, or move it out of locales/",
    )


def leaflet_locales(project: Project, locales: Sequence[str] | None = None) -> list[str]:
    """Locales that translate at least one leaflet (of ``locales``, default: every
    `catalog_locales`). A locale with only ``ui.po`` speaks the clinic's page furniture
    and desk, but no leaflet is translated into it yet: it is not built, and its
    leaflets are not reported missing."""
    return [
        locale
        for locale in (catalog_locales(project) if locales is None else locales)
        if any(p.stem != UI_DOMAIN for p in po_path(project, locale, UI_DOMAIN).parent.glob("*.po"))
    ]


def template_domains(project: Project) -> list[str]:
    """Domains that have a template, leaflets first (sorted), then ``ui``."""
    found = sorted(p.stem for p in project.locales_dir.glob("*.pot"))
    return [d for d in found if d != UI_DOMAIN] + ([UI_DOMAIN] if UI_DOMAIN in found else [])
