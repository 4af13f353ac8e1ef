"""What an output depends on, and a fingerprint of it, so unchanged outputs are skipped.

An output's inputs are files (the leaflet, its organisation and images, the catalogs of
its locale, the theme, the fonts, the project's and the package's word lists, what the
checks judge it by: the layout checks' severities, and for --strict all the checks'
settings and the glossary; for a translation, what the project declares may print as
written, the glossary and every organisation profile; the sign-offs and the roles
required where the build prints or checks them) plus the tool's version and the build
options. Of the settings and the ui catalog, only the part a build reads (`parts`).
Missing files count too (as "absent"): a catalog created later must trigger a rebuild.
The list is recorded in the manifest at build time, so checking whether an output is up
to date needs no YAML parsing, only hashing of the recorded files (and of a part, kept
between processes, when its file changed).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from .. import __version__
from ..clock import source_date_epoch
from ..content.model import Figure, Leaflet
from ..data import data_path, hyphenation_lists, word_list_path
from ..files import Stamp, file_stamp, read_input
from ..i18n.catalog import UI_DOMAIN, catalog_lookup
from ..project import Project, same_language
from ..typeset.font_files import font_files
from .hash_cache import keep_hash, stored_hash
from .parts import SEPARATOR, Part, part_sha256, split

ABSENT = "absent"
#: Hashes kept per process: a batch reads each leaflet, catalog and font; the bound
#: only matters to a process that lives long (the desk) over a changing project.
HASH_CACHE_SIZE = 20_000
_cache: dict[tuple[str, Stamp], str] = {}


def file_sha256(path: Path) -> str:
    """Content hash, cached per process so a no-op check is cheap, and between processes
    for large files (`hash_cache`); both by `file_stamp`, which tells a file replaced
    under the same size and modification time from the one hashed: the desk's process
    lives for hours."""
    try:
        stat = path.stat()
    except OSError:
        return ABSENT
    key = (str(path), file_stamp(stat))
    if key not in _cache:
        if len(_cache) >= HASH_CACHE_SIZE:
            _cache.clear()  # a long desk session sees every file again and again
        digest = stored_hash(path, stat)
        if digest is None:
            digest = hashlib.sha256(read_input(path)).hexdigest()
            keep_hash(path, stat, digest)
        _cache[key] = digest
    return _cache[key]


Input = Path | Part  # a file, or the part of it a build reads


def input_files(project: Project, leaflet: Leaflet, locale: str, *, checks: bool) -> list[Input]:
    """Every file whose content can change the PDF of ``leaflet`` in ``locale``, and
    only those: a file some builds read is an input of those builds alone, or editing
    it rebuilds outputs whose bytes cannot change; of a file a build reads in part,
    that part (`parts`). ``checks``: the build runs the content checks (--strict, and a
    proof, which lists their findings). The
    sign-offs, which some builds read, are `signoff_inputs`."""
    files: list[Input] = [*source_files(leaflet)]
    # Every catalog looked for, not only the one read: a regional one (th_TH's) made
    # later replaces the language's (th's) that the build printed.
    files += catalog_lookup(project, locale, leaflet.id)
    # Of the ui catalog, the words a page prints: not the desk's.
    files += [Part(path, "printed") for path in catalog_lookup(project, locale, UI_DOMAIN)]
    files += [project.words_path(locale), word_list_path(locale)]
    files += [data_path("theme.yaml"), project.theme_path, *hyphenation_lists()]
    files.append(data_path("keep-together.yaml"))  # moves line ends, as the word lists do
    # The checks' findings are recorded with the output, and --strict refuses on them:
    # a rule made an error must not let an output built before it count as printable.
    # The layout checks, which every build runs, read the settings' [checks] for their
    # severities; the content checks (--strict, a proof) all of [checks], and the glossary.
    if checks:
        files += [Part(project.settings_path, "checks"), project.glossary_path]
    else:
        files.append(Part(project.settings_path, "layout-checks"))
    if not same_language(locale, leaflet.language):
        # A translation's warnings (I18N020) read the glossary's kept terms and every
        # profile's names: what the project declares may print as written.
        from ..i18n.kept_terms import sources  # YAML: not for `list`, which imports this

        files += [path for path in sources(project) if path not in files]
    files += font_files()
    return files


def signoff_inputs(project: Project, leaflet: Leaflet, locale: str) -> list[Input]:
    """The sign-offs of the catalog a build of ``leaflet`` in ``locale`` prints, and the
    roles the settings require ([i18n]): inputs of the builds that read them
    (`build.reads_signoffs`)."""
    from ..i18n.signoff import signoff_locale, signoff_path  # YAML: not for `list`

    language = signoff_locale(project, leaflet.id, locale)
    return [signoff_path(project, language), Part(project.settings_path, "i18n")]


def source_files(leaflet: Leaflet) -> list[Path]:
    """The files ``leaflet`` is loaded from: its own, then what it names (its
    organisation's profile and logo, its figures)."""
    files = [leaflet.path, leaflet.organisation.path]
    if leaflet.organisation.logo:
        files.append(leaflet.organisation.logo)
    return files + [block.path for block in leaflet.blocks if isinstance(block, Figure)]


#: How the manifest names a file of an installed package (a font, the bundled theme):
#: ``python:<package>/<path inside it>``, found again wherever that package is installed.
PACKAGE = "python:"


#: `describe` of an installed package's files, named as they are (no link on the way):
#: a package does not move while the tool runs (`_package_folder` is asked once per
#: name), and every output hashes the same fonts and data files, 26 of its 36 inputs,
#: each resolved link by link (#20). Project files are described afresh every time.
PACKAGED_CACHE_SIZE = 512
_packaged: dict[Path, str] = {}


def describe(project: Project, path: Path) -> str:
    """Project files by relative path, package files by package (`PACKAGE`), so the
    manifest holds no machine's paths (a home folder, a virtual environment) and a
    manifest made by another checkout or machine (a shard) finds the same files. Only
    a file in neither is named absolutely."""
    known = _packaged.get(path)
    if known is not None:
        return known
    resolved = path.resolve()
    # Packages first: a virtual environment inside the project (.venv) is no part of it.
    for folder in resolved.parents:
        if _package_folder(folder.name) == folder:
            name = PACKAGE + resolved.relative_to(folder.parent).as_posix()
            if resolved == path and len(_packaged) < PACKAGED_CACHE_SIZE:
                _packaged[path] = name
            return name
    path = resolved
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return str(path)


def resolve(project: Project, recorded: str) -> Path:
    """The file a manifest names (`describe`), or whose part it names (`parts`); a
    package no longer installed names a file that is not there, as its own files are."""
    recorded = split(recorded)[0]
    if recorded.startswith(PACKAGE):
        package, _, inside = recorded.removeprefix(PACKAGE).partition("/")
        folder = _package_folder(package)
        return folder / inside if folder else project.root / recorded  # never a file
    path = Path(recorded)
    return path if path.is_absolute() else project.root / path


@cache
def _package_folder(name: str) -> Path | None:
    """Where the top-level package ``name`` is installed, found without importing it;
    None for a name that is no installed package. A folder without an ``__init__`` is
    none, though Python would import it as a namespace package: with ``python -m`` the
    current folder is on the path, and a project folder (``clinic``) or any folder
    above a file would be taken for one (its spec has no origin)."""
    if not name.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    places = spec.submodule_search_locations
    return Path(places[0]).resolve() if places else None


def hash_inputs(project: Project, files: Iterable[Input]) -> dict[str, str]:
    """Each input by its names in the manifest (`describe`, and `link_name` when a link
    leads elsewhere), with its hash. A part is named so too: ``ui.po#printed`` linked
    from a shared folder was recorded by its target alone."""
    hashed = {}
    for item in files:
        path, part = (item.path, item.name) if isinstance(item, Part) else (item, None)
        whole = file_sha256(path)
        sha = whole if part is None else part_sha256(project, path, part, whole)
        link = link_name(project, path)
        for name in (describe(project, path), *([link] if link is not None else [])):
            hashed[name if part is None else name + SEPARATOR + part] = sha
    return hashed


def link_name(project: Project, path: Path) -> str | None:
    """The name of ``path`` in the project when a link on its way leads to another file
    (a figure the leaflet names, pointed at a shared photo), else None. `describe` names
    the file it leads to; this name is recorded too, and its hash taken through the link
    as it is when the output is checked: a link pointed at another file, or replaced by
    a file of its own, rebuilds. With only the file it led to at build time recorded,
    nothing recorded changed: the old photo stayed in a PDF skipped as up to date."""
    if path in _packaged or not path.is_absolute() or ".." in path.parts:
        return None
    if not path.is_relative_to(project.root) or path.resolve() == path:
        return None
    return path.relative_to(project.root).as_posix()


def input_sha256(project: Project, recorded: str) -> str:
    """The hash now of the input a manifest names: a file's, or a part's of it."""
    path = resolve(project, recorded)
    part = split(recorded)[1]
    whole = file_sha256(path)
    return whole if part is None else part_sha256(project, path, part, whole)


@cache
def _reportlab_version() -> str:
    # Not importlib.metadata: importing it takes 15 ms, and reading the metadata 0.5 ms
    # for each of the outputs a no-op plan fingerprints. The package root is small.
    import reportlab

    return str(reportlab.Version)


#: The libraries that set an output's bytes besides ReportLab (pinned exactly), by the
#: module found without importing it and its distribution's name as wheels write it:
#: shaping, line and cluster breaking, bidi, hyphens, CLDR's dates and digits, font
#: subsets and instances, the final pass, imposition and pictures.
LIBRARIES = {
    "uharfbuzz": "uharfbuzz", "icu4py": "icu4py", "pythainlp": "pythainlp",
    "bidi": "python_bidi", "pyphen": "pyphen", "babel": "babel", "fontTools": "fonttools",
    "pikepdf": "pikepdf", "pypdf": "pypdf", "PIL": "pillow",
}  # fmt: skip


@cache
def library_versions() -> dict[str, str]:
    """The installed version of each of `LIBRARIES`, read from the name of its
    ``.dist-info`` folder: importing them (or `importlib.metadata`) would cost a no-op
    rebuild more than all its hashing. "unknown" where no such folder is found."""
    versions = {}
    for module, distribution in LIBRARIES.items():
        spec = _spec(module)
        place = Path(spec.origin) if spec and spec.origin else None
        found = "unknown" if place else ABSENT
        if place:
            prefix = distribution + "-"
            # Beside the package's folder, or beside the module's file.
            site = place.parent.parent if spec and spec.submodule_search_locations else place.parent
            for name in _names_in(site):
                stem, _, kind = name.rpartition(".")
                if kind in ("dist-info", "egg-info") and stem.lower().startswith(prefix):
                    found = stem[len(prefix) :].split("-")[0]
                    break
        versions[distribution] = found
    return versions


def _spec(module: str) -> importlib.machinery.ModuleSpec | None:
    # Looked for on the path, not with `importlib.util.find_spec`: that reads an
    # imported module's ``__spec__``, which runs a module `deferred_modules` left
    # waiting (Pyphen listing its dictionaries in every build), and asks the finders
    # on ``sys.meta_path``, where one that waits for the module would take its turn.
    try:
        return importlib.machinery.PathFinder.find_spec(module)
    except (ImportError, ValueError):
        return None


@cache
def _names_in(folder: Path) -> tuple[str, ...]:
    try:
        return tuple(sorted(os.listdir(folder)))
    except OSError:
        return ()


def fingerprint(inputs: Mapping[str, str], options: Mapping[str, object]) -> str:
    """One hash of what an output was made from. The date it carries is one of those
    (`SOURCE_DATE_EPOCH`, None when unset): kept under another date, an output would
    differ from a clean build's of the same inputs."""
    payload = {
        "tool": __version__,
        "reportlab": _reportlab_version(),
        "libraries": library_versions(),
        "date": source_date_epoch(),
        "options": dict(options),
        "inputs": dict(sorted(inputs.items())),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def changed_inputs(project: Project, recorded: Mapping[str, str]) -> list[str]:
    """The recorded inputs whose content differs now (in recorded order)."""
    return [name for name, sha in recorded.items() if input_sha256(project, name) != sha]
