"""Where a project's files live, and the rules that keep every path inside it.

A project is a folder with ``leaflets/``, ``organisations/`` and ``locales/``. All
paths the content names (images, logos) resolve inside it; ids and locale tags are
validated before they become file names.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import Path, PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any

from .errors import LeafletError, Location, display_path, nearest, nearest_first, shown_value
from .files import (
    OUTSIDE_HINT,
    decode_utf8,
    leaves,
    optional_file,
    read_input,
    resolved,
    write_atomic,
)
from .languages import language_subtag

if TYPE_CHECKING:
    from babel import Locale

SLUG = r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?"
LOCALE = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*"  # any case: BCP 47 ignores it


# Names Windows keeps for devices, whatever the extension (con.yaml, nul.pdf): no file
# can be called so there, so a leaflet or organisation with such an id could never be
# copied to a clinic's PC, a shared drive or a print shop's folder. Source: Microsoft,
# "Naming Files, Paths, and Namespaces" (learn.microsoft.com, win32/fileio).
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)


def check_slug(value: str, what: str, location: Location) -> str:
    """``value`` if it is an id that can name a file on every system: the one rule for
    leaflet and organisation ids, which become leaflets/<id>.yaml, <id>.pdf and
    organisations/<id>.yaml."""
    if not re.fullmatch(SLUG, value):
        raise LeafletError(
            location,
            f"{what} {shown_value(value)} is not valid",
            "use lower-case letters, digits and '-' (for example: infusion-safety)",
        )
    if value in WINDOWS_DEVICE_NAMES:
        raise LeafletError(
            location,
            f"{what} {value!r} cannot be a file name on Windows "
            f"(it keeps {value.upper()} for a device)",
            f"choose another id, for example {value}-info",
        )
    return value


def check_leaflet_id(value: str, location: Location, what: str = "leaflet id") -> str:
    """``value`` if a leaflet may be called so: a slug, and not a name the project's own
    files already take. The one rule for `new`, for leaflet arguments and for the
    files under leaflets/: `ui` is the catalog domain of the layout's own words
    (locales/ui.pot), so a leaflet called so would share its catalogs."""
    check_slug(value, what, location)
    from .i18n.catalog import UI_DOMAIN  # the stage above; importing it at the top would cycle

    if value == UI_DOMAIN:
        raise LeafletError(
            location,
            f"a leaflet cannot be called '{value}'",
            f"'{UI_DOMAIN}' is the catalog for the layout's own words; choose another id",
        )
    return value


# YAML 1.1 reads these unquoted as true/false; `language: no` is far likelier to be a
# slip than Norwegian, whose written standards are nb and nn anyway.
YAML_BOOLEAN_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false"})


# Tags that BCP 47 and CLDR reserve for what is not one language: a leaflet printed
# "in" them is in no language a patient reads. CLDR even reads und as en_US, so
# `build -l und` wrote an English leaflet into build/und/.
NOT_LANGUAGES = {
    "und": "BCP 47's tag for an undetermined language",
    "mul": "BCP 47's tag for multiple languages",
    "zxx": "BCP 47's tag for no linguistic content",
    "mis": "BCP 47's tag for uncoded languages",
    "root": "CLDR's root locale, the data every language inherits",
}


def not_a_language(value: str) -> str | None:
    """What ``value`` stands for if it is a tag reserved for no particular language
    (``und``, ``mul``, ``zxx``, ``mis``, ``root``, with any region or script), else None."""
    return NOT_LANGUAGES.get(language_subtag(value))


def check_locale(value: str, location: Location) -> str:
    """``value`` in its one spelling (`locale_name`) if it is a language tag CLDR knows;
    a `LeafletError` saying what was probably meant otherwise."""
    if value.lower() in YAML_BOOLEAN_WORDS:
        raise LeafletError(
            location,
            f"locale {shown_value(value)} reads as a yes/no value in YAML 1.1 tools",
            "write the language code you mean: Norwegian is nb or nn, English en, Thai th",
        )
    if meaning := not_a_language(value):
        raise LeafletError(
            location,
            f"{shown_value(value)} is not a language: it is {meaning}",
            "name the language the leaflet is printed in: en, th, my, km, lo, vi, zh_Hans, "
            "ja or ar",
        )
    if not re.fullmatch(LOCALE, value):
        raise _not_a_tag(value, location)
    if cldr_locale(value) is None:
        raise LeafletError(
            location,
            f"unknown locale {shown_value(value)}: CLDR has no such language",
            "use a language code such as en, th, my, km, lo, vi, zh_Hans, ja or ar",
        )
    return locale_name(value)


def _not_a_tag(value: str, location: Location) -> LeafletError:
    """Why ``value`` is refused as a locale, and the tag to use instead when it is
    gettext's spelling of one (`gettext_tag`): a translator who knows ``sr@latin`` was
    told only "use a BCP 47 tag such as en or th"."""
    tag = gettext_tag(value)
    if "@" not in value:
        hint = f"use {tag}" if tag else "use a BCP 47 tag such as en or th"
        return LeafletError(location, f"locale {shown_value(value)} is not a language tag", hint)
    why = (
        f"locale {shown_value(value)} is gettext's @modifier form, which msc-leaflet does "
        "not read: it names a locale by its language tag, whose script or variant subtag every "
        "stage (fonts, dates, checks) reads"
    )
    hint = (
        f"use {tag}, the same locale as a tag"
        if tag
        else "use the language tag, with the modifier as its script or variant subtag "
        "(sr@latin is sr_Latn, ca@valencia ca_ES_VALENCIA)"
    )
    return LeafletError(location, why, hint)


# gettext's modifiers that name a script, as the script subtag CLDR writes for it.
MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva", "arabic": "Arab"}


def gettext_tag(value: str) -> str | None:
    """The language tag CLDR knows for a gettext-style locale name, or None.

    gettext writes ``ll_CC.charset@modifier``; a tag has no charset and writes the
    modifier as a script (``sr@latin`` → sr_Latn, ``sr_RS@latin`` → sr_Latn_RS) or a
    variant (``be@tarask`` → be_TARASK; ``ca@valencia`` → ca_ES_VALENCIA, as CLDR knows
    the variant only with its region)."""
    base, _, modifier = value.partition("@")
    language, _, region = base.split(".")[0].partition("_")
    modifier = modifier.split(".")[0]
    script = MODIFIER_SCRIPTS.get(modifier.lower())
    variant = modifier.upper() if modifier and not script else ""
    regions = [region] if region or not variant else ["", _likely_region(language)]
    for place in regions:
        tag = "_".join(filter(None, [language, script, place, variant]))
        found = cldr_locale(tag) if re.fullmatch(LOCALE, tag) and tag != value else None
        if found is not None and (found.variant or "") == variant:
            return locale_name(tag)
    return None


def _likely_region(language: str) -> str:
    """CLDR's likely region of a bare language code ("ca" → ES), or ""."""
    from babel.core import get_global

    parts = get_global("likely_subtags").get(language, "").split("_")
    return parts[-1] if len(parts) > 1 and parts[-1].isupper() else ""


def locale_name(value: str) -> str:
    """The one spelling of a locale tag, however it was typed: Babel's, which is also the
    name of its folder under locales/ (EN → en, zh-hans → zh_Hans, pt-br → pt_BR).
    BCP 47 tags ignore case and gettext writes '_' for '-', so every spelling must find
    the same catalogs and build into the same folder. A value that is no tag is
    returned as it is, for `check_locale` to refuse."""
    from babel.core import get_locale_identifier, parse_locale

    try:
        return get_locale_identifier(parse_locale(value.replace("-", "_")))
    except ValueError:
        return value


def locale_identity(value: str) -> str:
    """The locale ``value`` names, with the script its region implies (CLDR's likely
    subtags): zh_TW and zh_Hant_TW, zh-hk and zh_Hant_HK, zh_CN and zh_Hans_CN are one
    locale each, as th-TH and th_TH are (`locale_name`). Two folders for one locale built
    every leaflet twice; `i18n init zh_Hant_TW` beside locales/zh_TW made the second.
    A bare tag is its language in its likely script where CLDR has that locale (zh is
    zh_Hans, sr is sr_Cyrl, as CLDR's "default content" says): locales/zh beside
    locales/zh_Hans built the same Chinese twice. One with no such locale stays bare
    (th, not th_Thai); a tag CLDR does not know is its `locale_name`."""
    from babel import localedata

    name = locale_name(value)
    found = cldr_locale(name)
    if found is None:
        return name
    if found.script is None and found.territory is None and (script := likely_script(name)):
        scripted = f"{found.language}_{script}"
        if localedata.exists(scripted):
            return scripted
    return str(found)


@lru_cache(maxsize=256)
def cldr_locale(value: str) -> Locale | None:
    """CLDR's data for a language tag (``th``, ``zh-Hans``, ``pt_BR``), or None if CLDR
    does not know it. The one place a tag is looked up; Babel loads on first use."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(value.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def likely_script(language: str) -> str:
    """CLDR's likely script (ISO 15924) of a bare language code ("ar" → Arab, "zh" →
    Hans), or "" when CLDR has none."""
    from babel.core import get_global

    parts = get_global("likely_subtags").get(language, "").split("_")
    return parts[1] if len(parts) > 2 else ""


def parent_locales(value: str) -> list[str]:
    """The locales ``value`` is a regional or script variant of, nearest first, never
    across scripts: ar_EG → [ar]; zh_CN (CLDR: zh_Hans_CN) → [zh_Hans, zh]; zh_TW →
    [zh_Hant] (a bare zh is Simplified in CLDR). gettext looks a catalog up the same way.
    A bare tag reads its spelling in its likely script (`likely_script_tag`: zh →
    [zh_Hans]), the same locale: `init --language zh` wrote ``language: zh``, and every
    build printed its page words in English beside the bundled zh_Hans catalog."""
    if "_" not in value.replace("-", "_"):  # CLDR's locale tables stay unread for th, en
        return [spelled] if (spelled := likely_script_tag(value)) else []
    found = cldr_locale(value)
    if found is None:
        return []
    own_script = likely_script(found.language)
    script = found.script or own_script
    parents = []
    if script and (found.script or likely_script_tag(found.language)):
        parents.append(f"{found.language}_{script}")
    if script == own_script:
        parents.append(found.language)
    return [p for p in dict.fromkeys(parents) if not same_language(p, value)]


def translates_into(target: str, locale: str) -> bool:
    """Whether a translation for ``target`` belongs in ``locale``'s catalog: the same
    locale, or one ``target`` is a regional variant of (th-TH, which CAT tools write for
    th, and Crowdin in a .po's Language header; zh-CN for zh_Hans), as `catalog_path`
    finds a build's catalog. Never across scripts: zh_CN is no zh_Hant. Each side is
    read as the locale it names (`locale_identity`: zh-Hant-TW is zh_TW) and without
    the subtags that say nothing of the language (`language_tag`: th-TH-u-nu-thai is
    th-TH); both were refused as another language's file. A gettext ``@modifier``
    names its script (`gettext_tag`: sr@latin is sr_Latn, uz@cyrillic uz_Cyrl): a
    Serbian catalog Poedit saved with "Language: sr@latin" in locales/sr_Latn was
    refused as another language's file."""
    target = written_tag(target)  # sr@latin: sr_Latn, never the Cyrillic sr
    if not target:
        return False
    mine = locale_identity(locale)
    return any(
        same_language(locale_identity(own), mine) for own in [target, *parent_locales(target)]
    )


def written_tag(tag: str) -> str:
    """A Language header's tag as the locale it names: without the subtags that say
    nothing of the language (`language_tag`) and with gettext's ``@modifier`` read as
    its script (`gettext_tag`: sr@latin is sr_Latn), as `locale_name` spells it."""
    tag = language_tag(tag)
    if "@" in tag:  # gettext's spelling, which msginit, Poedit and Launchpad write
        tag = gettext_tag(tag) or tag
    return locale_name(tag) if tag else ""


def tag_script(tag: str) -> str:
    """The script (ISO 15924) a tag names or implies: sr@latin → Latn, sr and sr_RS →
    Cyrl, uz → Latn, pa_PK → Arab, th → Thai; "" for a tag CLDR does not know."""
    found = cldr_locale(locale_identity(written_tag(tag) or tag))
    if found is None:
        return ""
    return found.script or likely_script(found.language)


def language_tag(tag: str) -> str:
    """``tag`` up to its first BCP 47 extension or private-use part: the subtags from a
    one-letter one on (``-u-nu-thai``, Thai digits; ``-t-en``, translated from English;
    ``-x-clinic``, a CAT tool's own) refine a text but never change its language. ""
    for a tag that is private use from its start (``x-clinic``) or a grandfathered
    ``i-…`` one: no language a catalog is for."""
    subtags = re.split(r"[-_]", tag.strip())
    ends = [i for i, subtag in enumerate(subtags) if len(subtag) == 1]
    return "-".join(subtags[: ends[0]]) if ends else tag.strip()


def likely_script_tag(language: str) -> str:
    """A bare language code spelled with its likely script when CLDR writes the language
    in several (zh → zh_Hans, sr → sr_Cyrl, pa → pa_Guru): the same locale, whose
    catalogs the bundled library files under that spelling. "" for any other tag: th is
    only ever Thai (no th_Thai catalog to look for), and th_TH or zh_Hant are no bare
    code."""
    from babel import localedata

    language = language.lower()
    script = likely_script(language)
    if not script or not localedata.exists(f"{language}_{script}"):
        return ""
    return f"{language}_{script}"


def same_language(a: str, b: str) -> bool:
    """``th_TH`` and ``th-th`` name the same locale."""
    return a.replace("_", "-").lower() == b.replace("_", "-").lower()


@dataclass(frozen=True)
class OutputKind:
    """What a command writes into an output folder, for `Project.output_folder`'s
    refusal: one rule for every command that takes ``-o``, in its own words."""

    writes: str  # "the build would write its PDFs and manifest"
    sent: str  # "the PDFs": what whoever is sent the folder gets
    hint: str


BUILD_OUTPUT = OutputKind(
    "the build would write its PDFs and manifest",
    "the PDFs",
    "build into a folder of its own: leave out -o for the project's build/",
)


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        root = resolved(root)
        if not resolved(root / "leaflets").is_dir():
            raise LeafletError(
                Location(root),
                "this folder has no leaflets/ directory",
                "run the command in a project folder, or pass --project",
            )
        return cls(root)

    @classmethod
    def holding(cls, path: Path) -> Project | None:
        """The project whose folder holds ``path`` (the nearest folder above it with a
        leaflets/ directory, as `at` requires), or None: how a command given files
        rather than a project (``preflight build/th/x.pdf``) names them from it."""
        try:
            folders = resolved(path).parents
        except LeafletError:  # a name the file system cannot resolve: no project's file
            return None
        return next((cls(f) for f in folders if (f / "leaflets").is_dir()), None)

    @property
    def leaflets_dir(self) -> Path:
        return self.root / "leaflets"

    @property
    def organisations_dir(self) -> Path:
        return self.root / "organisations"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def build_dir(self) -> Path:
        """Where `msc-leaflet build` (and `preview`) write without ``-o``: the folder a
        print shop is sent."""
        return self.root / "build"

    @property
    def desk_dir(self) -> Path:
        """Where the desk (`msc-leaflet serve`) builds: a folder of its own, so a screen
        PDF made for a nurse never replaces a print file of the same leaflet and language
        in `build_dir` (file names do not tell paper, colour or --strict apart)."""
        return self.build_dir / "desk"

    @property
    def source_dirs(self) -> tuple[Path, ...]:
        """The folders of what the project's authors and translators write."""
        return (self.leaflets_dir, self.organisations_dir, self.locales_dir)

    def output_folder(self, folder: Path, output: OutputKind = BUILD_OUTPUT) -> Path:
        """``folder`` resolved, if a build may write its PDFs and manifest there (or
        another command its ``output``: `i18n export -o locales/th` wrote .xlf files
        among the catalogs); a
        `LeafletError` if it is the project folder, holds it, or is inside one of its
        `source_dirs`. ``build -o locales`` wrote locales/en/, which then looked like a
        language with catalogs, and a manifest among the catalogs; ``-o .`` put the
        sources in the folder a print shop is sent. Compared as the file system does
        (`os.path.samefile`), so ``-o Leaflets`` on macOS or Windows is leaflets/."""
        folder = resolved(folder)
        hint = output.hint
        for source in self.source_dirs:
            if any(_same_folder(above, source) for above in (folder, *folder.parents)):
                raise LeafletError(
                    Location(folder),
                    f"the output folder is in {source.name}/, which holds the project's "
                    f"sources: {output.writes} among them",
                    hint,
                )
        if any(_same_folder(folder, above) for above in (self.root, *self.root.parents)):
            raise LeafletError(
                Location(folder),
                "the output folder holds the project itself: whoever is sent "
                f"{output.sent} would get its sources with them",
                hint,
            )
        return folder

    def leaflet_ids(self) -> list[str]:
        return sorted(
            p.stem for p in self.leaflets_dir.glob("*.yaml") if re.fullmatch(SLUG, p.stem)
        )

    def misnamed_leaflets(self) -> list[LeafletError]:
        """An error for each file in leaflets/ that looks like a leaflet but whose name
        is no leaflet id (Hand-Hygiene.yaml, hand_hygiene.yaml, hand-hygiene.yml):
        `leaflet_ids` leaves it out, so build, check and list would skip it without a
        word. Hidden files (an editor's lock, macOS's ._ companions) are not leaflets."""
        problems = []
        for path in sorted(self.leaflets_dir.iterdir()):
            stem, suffix = path.stem, path.suffix
            if path.name.startswith(".") or suffix.lower() not in (".yaml", ".yml"):
                continue
            if suffix == ".yaml" and re.fullmatch(SLUG, stem):
                continue
            meant = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "my-leaflet"
            problems.append(
                LeafletError(
                    Location(path),
                    "not a leaflet file name: it is never built or checked",
                    f"rename it {meant}.yaml (lower-case letters, digits and '-', "
                    "ending .yaml), and make its id: the same",
                )
            )
        return problems

    def leaflet_path(self, leaflet_id: str) -> Path:
        try:
            check_leaflet_id(leaflet_id, Location(self.leaflets_dir))
        except LeafletError as problem:
            meant = self._id_written_as_file(leaflet_id)
            if meant is None:
                raise
            raise LeafletError(
                problem.location,
                problem.message,
                f"did you mean '{meant}'? A leaflet is named by its id: its file name "
                "without the folder and .yaml",
            ) from None
        path = self.leaflets_dir / f"{leaflet_id}.yaml"
        target = self.inside(path, Location(path))  # first: a link that loops is no "no leaflet"
        if target.is_file():
            return path  # by its name, as `file` gives one
        # Something stands at the name (the id is listed among the known ones): say what,
        # rather than "no leaflet" with a hint naming that very leaflet.
        if path.is_symlink() and not target.exists():
            raise LeafletError(
                Location(path),
                f"{path.name} is a link to {display_path(target)}, which does not exist",
                "point the link at the leaflet file, or remove it",
            )
        if target.exists():
            raise LeafletError(
                Location(path),
                "is not a regular file",
                "a folder or special file stands where this leaflet should be; remove or rename it",
            )
        known = self.leaflet_ids()
        meant = nearest(leaflet_id, known)
        hint = (
            f"did you mean '{meant}'?" if meant else f"known leaflets: {', '.join(known) or 'none'}"
        )
        raise LeafletError(Location(path), f"no leaflet '{leaflet_id}'", hint)

    def _id_written_as_file(self, written: str) -> str | None:
        """The id of the leaflet ``written`` names as a file (``infusion-safety.yaml``,
        ``leaflets/infusion-safety.yaml``, as a shell completes it, or in capitals), or
        None: `build leaflets/x.yaml` was told only "use lower-case letters"."""
        meant = PurePath(written.replace("\\", "/")).stem.lower()
        return meant if meant != written and meant in self.leaflet_ids() else None

    def locale(self, value: str, given_as: str = "--locale") -> str:
        """``value`` checked (`check_locale`) and spelled as this project spells it: the
        name of its folder under locales/ for the same locale (one made before spellings
        were unified may read zh_hans), else the one spelling (`locale_name`). A value
        that is no language is refused naming where it was typed (``given_as``: the
        option, or the command of a positional tag) and the project's own locales."""
        try:
            name = check_locale(value, Location(self.locales_dir, option=f"{given_as} {value}"))
        except LeafletError as refused:
            raise self._with_known_locales(refused, value) from None
        if not (self.locales_dir / name).is_dir():
            for folder in self.folders_spelling(name):
                # Babel drops a charset (th.utf8 reads as th): such a folder is named,
                # not read, as every command that lists the folders names it.
                from .i18n.catalog import folder_problem  # the stage above: a cycle

                if problem := folder_problem(self, folder):
                    raise problem
                return folder
        return name

    def _with_known_locales(self, problem: LeafletError, value: str) -> LeafletError:
        """``problem`` with a hint naming the locales this project translates into,
        nearest to ``value`` first: the one meant (``thx`` for th) is rarely in the
        fixed list of examples, and a project's own list is short."""
        from .i18n.catalog import locale_folders  # the stage above: a cycle

        known = locale_folders(self)[0]
        if not known:
            return problem
        listed = nearest_first(value, known)
        hint = f"this project's locales, nearest first: {listed}; otherwise {problem.hint}"
        return LeafletError(problem.location, problem.message, hint)

    def folders_spelling(self, name: str) -> Iterator[str]:
        """The folders under locales/, in name order, whose name is the locale ``name``
        in another spelling (`locale_name`: zh_hans, th-TH for zh_Hans, th_TH; or
        `locale_identity`: zh_TW for zh_Hant_TW)."""
        # Asked for every build of a locale with no folder of its own (en): locales/
        # also holds a template per leaflet, so the folders are picked out by their
        # directory entries (no stat each) before any name is parsed.
        try:
            with os.scandir(self.locales_dir) as entries:
                folders = sorted(entry.name for entry in entries if entry.is_dir())
        except (FileNotFoundError, NotADirectoryError):  # no locales/ (yet)
            return
        wanted = locale_identity(name)
        for folder in folders:
            if locale_name(folder) == name or locale_identity(folder) == wanted:
                yield folder

    @property
    def theme_path(self) -> Path:
        """``theme.yaml`` at the root: the project's own look, replacing the bundled one."""
        return self.file("theme.yaml")

    @property
    def settings_path(self) -> Path:
        """``msc-leaflet.toml`` at the root: how the checks judge (and --strict refuses)."""
        return self.file(SETTINGS_FILE)

    @property
    def glossary_path(self) -> Path:
        """``locales/glossary.yaml``: the agreed terms the terminology checks hold texts to."""
        return self.file("locales", GLOSSARY_FILE)

    def words_path(self, locale: str) -> Path:
        """``locales/<language>/words.txt``: terms a line break must never split."""
        return self.file("locales", language_subtag(locale), "words.txt")

    def file(self, *parts: str) -> Path:
        """The project file at ``parts`` (which need not exist yet), refused if a link
        takes it outside the project. Every file the tool reads is named through here or
        `inside`, so a catalog linked to /etc/passwd is never opened, let alone quoted.

        The file is given by its name in the project, not where a link leads, as
        `written_file` gives a figure: a catalog's folder says its language
        (`catalog_language`), and a build records the name (`build.fingerprint.link_name`),
        so a link the clinic points at the next version of a shared catalog, word list,
        theme or profile (or a whole locales/th) is seen by the next build. Named by its
        target, the old translation stayed in a PDF skipped as up to date. Writers go
        through `write`, which keeps the link."""
        path = self.root.joinpath(*parts)
        self.inside(path, Location(path))
        return path

    def write(
        self,
        path: Path,
        data: bytes,
        *,
        overwrite: bool = True,
        before_replace: Callable[[], None] | None = None,
    ) -> bool:
        """`write_atomic` of the project file named ``path`` (a catalog, a template, the
        sign-offs) to where its name leads: a catalog shared through a link is updated
        in the shared folder, for every project that links it, and stays a link.
        Written by its name, the atomic rename replaced the link with a file of its own,
        and the project silently stopped sharing its translations."""
        target = self.inside(path, Location(path))
        return write_atomic(target, data, overwrite=overwrite, before_replace=before_replace)

    def written_file(self, written: str, location: Location) -> Path:
        """The project file a leaflet or profile names as ``written`` (a figure, a
        logo), refused if a link takes it outside the project. A name the disk spells in
        the other Unicode normalization form is the same name: macOS stores café.png
        decomposed (NFD), and a zip or rsync from a Mac brings it so to Linux, while the
        text typed says café.png composed (NFC), or the other way round. Either way the
        author sees one name, and no rename they could see would fix it.

        The file is given by the name the project gives it, not where a link leads: a
        build records that name too (`build.fingerprint.link_name`), so a link the
        clinic points at another photo, or replaces with a file, is seen by the next
        build. Recorded by its target alone, the old photo stayed in a PDF skipped as
        up to date."""
        path = self.inside(Path(written), location)
        if path.is_file():
            return self.root / written
        folder = self.root
        for part in PurePosixPath(written).parts:
            if (folder / part).exists() or part in (".", ".."):
                folder = folder / part
                continue
            wanted = unicodedata.normalize("NFC", part)
            try:
                names = [e.name for e in os.scandir(folder)]
            except OSError:
                return path
            same = [name for name in names if unicodedata.normalize("NFC", name) == wanted]
            if len(same) != 1:
                return path
            folder = folder / same[0]
        self.inside(folder.relative_to(self.root), location)  # refused if it leaves
        return folder

    def missing_file_hint(self, written: str) -> str:
        """What to do about a file named ``written`` (relative to the project) that is not
        there: the file meant, when only the letter case differs (Windows and macOS
        ignore it, Linux, where the print shop or CI builds, does not) or when folders
        are written with Windows' backslash."""
        if "\\" in written:
            return f"write folders with '/', not '\\': {written.replace(chr(92), '/')}"
        folder = self.root
        found = []
        for part in PurePosixPath(written).parts:
            try:
                names = [entry.name for entry in os.scandir(folder)]
            except OSError:
                break
            same = [name for name in names if name.lower() == part.lower()]
            if len(same) != 1:
                break
            found.append(same[0])
            folder = folder / same[0]
        else:
            meant = "/".join(found)
            if meant != written:
                return f"did you mean {meant}? letter case counts"
        return "paths are relative to the project folder"

    def inside(self, path: Path, location: Location) -> Path:
        """``path`` resolved (symlinks followed), refused if it leaves the project."""
        target, out = leaves(self.root, path, location)
        if out:
            raise LeafletError(
                location, f"path {str(path)!r} points outside the project", OUTSIDE_HINT
            )
        return target


def _same_folder(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one existing folder, however each is spelt."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # either is not there (yet): not the same folder
        return False


SETTINGS_FILE = "msc-leaflet.toml"
GLOSSARY_FILE = "glossary.yaml"
#: The sections of the settings file, each with the function that checks it whole
#: (``module:name``, imported only when a file has the section, as an entry point is):
#: the stage that reads the section owns its rules, and every command that reads the
#: file applies them all. Each command checked only the section it read, so `check`
#: passed ``i18n = [1]`` that `build --strict` refused.
SETTINGS_SECTIONS: dict[str, str] = {
    "checks": "msc_leaflet.checks.config:check_section",
    "i18n": "msc_leaflet.i18n.signoff:check_section",
}


def project_settings(project: Project) -> dict[str, Any]:
    """``<project>/msc-leaflet.toml`` as parsed TOML ({} when there is none), every
    section checked by the stage that reads it (`SETTINGS_SECTIONS`); each stage then
    reads its own section ([checks], [i18n]) with `settings_section`. A section or a
    setting nothing reads is refused: a misspelt one would make a team believe a rule
    is configured when it is not."""
    path = project.settings_path
    if not optional_file(path):
        return {}
    settings = _parsed_settings(path)
    for name, value in settings.items():
        if name not in SETTINGS_SECTIONS:
            raise LeafletError(
                settings_location(path, name),
                f"unknown section [{shown_setting(name)}]",
                _suggest(name, tuple(SETTINGS_SECTIONS)),
            )
        if not isinstance(value, dict):
            raise not_a_section(settings_location(path, name), name)
        module, _, function = SETTINGS_SECTIONS[name].partition(":")
        getattr(import_module(module), function)(value, path)
    return settings


def unknown_setting(path: Path, section: str, key: str, known: Sequence[str]) -> LeafletError:
    """The error for a setting ``key`` nothing reads in ``[section]``, with the closest
    known one."""
    return LeafletError(
        settings_location(path, section, key),
        f"unknown setting {shown_value(key)} in [{section}]",
        _suggest(key, tuple(known)),
    )


def _suggest(name: str, known: tuple[str, ...]) -> str:
    from .content.yaml_source import suggest  # loads PyYAML, which starting a command need not

    return suggest(name, known)


#: A settings file is a few lines; this bounds what a pasted file costs to read.
MAX_SETTINGS_BYTES = 1_000_000


def _parsed_settings(path: Path) -> dict[str, Any]:
    hint = "a settings file holds a few lines: is this the right file?"
    text = decode_utf8(path, read_input(path, MAX_SETTINGS_BYTES, hint))
    try:
        return tomllib.loads(text)
    except RecursionError:  # Python's TOML reader recurses into nested arrays and tables
        raise LeafletError(
            Location(path),
            "values nested deeper than Python can read",
            "write each setting as  name = value, with at most a list of values",
        ) from None
    except tomllib.TOMLDecodeError as exc:
        location = _toml_error_location(path, exc, text)
        if twice := _written_twice(text, location.line):
            name, first = twice
            raise LeafletError(
                Location(path, location.line),
                f"{name} is written twice (first on line {first})",
                "keep one of the two: TOML allows each section and setting once",
            ) from None
        raise LeafletError(
            location,
            "this line is not valid TOML",
            "write each setting as  name = value  under its [section] line, with text in "
            'quotes (severity = "off"); see https://toml.io',
        ) from None


def _written_twice(text: str, line: int) -> tuple[str, int] | None:
    """The section or setting that ``line`` of a settings file writes a second time
    (``[checks.CLAIM001]``, or ``severity`` under it), and the line of the first, or
    None: TOML refuses it as any other mistake, "this line is not valid TOML", which
    does not say that the line itself is well written."""
    seen: dict[str, int] = {}
    table = ""
    for number, written in enumerate(text.split("\n")[:line], 1):
        if header := _TOML_TABLE.match(written):
            table = _dotted(header[1])
            name, shown = table, f"[{shown_setting(table)}]"
            if written.lstrip().startswith("[["):
                continue  # an array of tables is written once per item
        elif key := _TOML_KEY.match(written):
            name = ".".join(filter(None, (table, _dotted(key[1]))))
            shown = shown_value(_dotted(key[1])) + (
                f" in [{shown_setting(table)}]" if table else ""
            )
        else:
            continue
        if number == line:
            return (shown, seen[name]) if name in seen else None
        seen.setdefault(name, number)
    return None


def shown_setting(name: str) -> str:
    """A section or setting name as written in the settings file, for a message: its
    start only when it is longer than any setting's name (a pasted 100 kB name made a
    message as long, as `shown_value` says of other values)."""
    return name if len(name) <= 60 else f"{name[:60]}… ({len(name):,} characters)"


def toml_kind(value: object) -> str:
    """A TOML value's kind in the words of the TOML spec, for "must be …, not …"."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text in quotes"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return "a number"
    return "a section" if isinstance(value, dict) else "a date or time"


def _toml_error_location(path: Path, exc: tomllib.TOMLDecodeError, text: str) -> Location:
    """Where tomllib stopped: Python 3.14 has attributes for it, earlier versions say
    it only at the end of the message ("at end of document" is the last line)."""
    line, column = getattr(exc, "lineno", 0), getattr(exc, "colno", 0)
    if not line:
        found = re.search(r"at line (\d+), column (\d+)\)\Z", str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (text.count("\n") + 1, 0)
    return Location(path, line, column)


def settings_section(project: Project, name: str) -> dict[str, Any]:
    """The ``[name]`` table of the settings file ({} when absent), after the whole file
    has been checked (`project_settings`)."""
    section: dict[str, Any] = project_settings(project).get(name, {})
    return section


def not_a_section(location: Location, name: str) -> LeafletError:
    """The error for a settings name (``checks``, ``checks.dates``) given a value where
    its section of settings belongs."""
    shown = shown_setting(name)
    return LeafletError(
        location,
        f"{shown} must be a section, not a value",
        f"write [{shown}] on a line of its own, and its settings on the lines below it",
    )


def settings_location(path: Path, *names: str) -> Location:
    """The line of the setting ``names`` (e.g. "checks", "readability", "grade_warning")
    in the settings file, for a message about its value. tomllib gives values without
    their place, so the file is read again: the line of ``name =`` under its [section],
    or of the section's header, else the file alone."""
    wanted, table, header_line, inner_line = ".".join(names), "", 0, 0
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return Location(path)
    for number, line in enumerate(lines, 1):
        if header := _TOML_TABLE.match(line):
            table = _dotted(header[1])
            if table == wanted:
                header_line = number
            elif table.startswith(wanted + ".") and not inner_line:
                inner_line = number  # [chekcs.CLAIM001] is where [chekcs] is written
        elif key := _TOML_KEY.match(line):
            dotted = ".".join(filter(None, (table, _dotted(key[1]))))
            if dotted == wanted:
                return Location(path, number)
            if dotted.startswith(wanted + ".") and not inner_line:
                inner_line = number
    return Location(path, header_line or inner_line)


_TOML_TABLE = re.compile(r"\s*\[\[?([^\]]+)\]")
_TOML_KEY = re.compile(r"\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")


def _dotted(key: str) -> str:
    """A TOML key as one dotted name: quotes and blanks around the dots removed."""
    return ".".join(part.strip().strip("\"'") for part in key.split("."))
