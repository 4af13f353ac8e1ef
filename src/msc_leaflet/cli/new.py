"""Starting points, never written over existing files: `msc-leaflet new` (one leaflet)
and `msc-leaflet init` (a whole project, optionally from a bundled library)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.text_policy import refusal
from ..data import DATA_DIR, LIBRARIES, library_root
from ..errors import LeafletError, Location, display_path
from ..files import file_error, resolved, write_atomic
from ..languages import profile
from ..print_spec import fixed_word
from ..project import (
    WINDOWS_DEVICE_NAMES,
    Project,
    check_leaflet_id,
    check_locale,
    check_slug,
)

#: The language a project's leaflets are written in when nothing says otherwise.
DEFAULT_LANGUAGE = "en"


def new_leaflet(
    project: Project,
    leaflet_id: str,
    today: dt.date | None = None,
    language: str | None = None,
) -> Path:
    """``leaflets/<id>.yaml`` from the starter of ``language``, by default the language
    the project's leaflets are written in (`project_language`): a Thai clinic's second
    leaflet starts in Thai, as its first did."""
    path = project.leaflets_dir / f"{leaflet_id}.yaml"
    check_leaflet_id(leaflet_id, Location(path))
    if language is None:
        language = project_language(project)
    else:
        language = check_locale(language, Location(path, option=f"--language {language}"))
    template = starter_template(language, Location(path, option=f"--language {language}"))
    if path.exists():
        raise LeafletError(
            Location(path), f"leaflet '{leaflet_id}' already exists", "choose another id"
        )
    organisations = sorted(p.stem for p in project.organisations_dir.glob("*.yaml"))
    organisation = organisations[0] if organisations else "my-organisation"
    text = _leaflet_text(template, leaflet_id, language, organisation, today)
    try:
        write_atomic(path, text.encode("utf-8"), overwrite=False)
    except FileExistsError:  # appeared since the check above (another `new`, an editor)
        raise LeafletError(Location(path), f"leaflet '{leaflet_id}' already exists") from None
    return path


def project_language(project: Project) -> str:
    """The language most of the project's leaflets are written in, read from each
    file's top-level ``language:`` line; `DEFAULT_LANGUAGE` for a project with none.
    Read as a line, not as YAML: a leaflet half written in an editor must not stop
    another from being started."""
    counts: dict[str, int] = {}
    for path in sorted(project.leaflets_dir.glob("*.yaml")):
        try:
            found = _LANGUAGE_LINE.search(path.read_text("utf-8"))
            language = check_locale(found.group(1), Location(path)) if found else None
        except (OSError, UnicodeDecodeError, LeafletError):
            continue  # its own command names what is wrong with it
        if language is not None:
            counts[language] = counts.get(language, 0) + 1
    return max(counts, key=lambda lang: counts[lang]) if counts else DEFAULT_LANGUAGE


_LANGUAGE_LINE = re.compile(r"""(?m)^language:[ \t]*["']?([A-Za-z0-9_-]+)["']?[ \t]*(?:#.*)?$""")


def starter_templates() -> dict[str, Path]:
    """The starter leaflets the package carries, by the language they are written in
    (``data/leaflet-template-<lang>.yaml``): a starter's text is real text in its
    language, so only a language someone wrote one for has one."""
    prefix = "leaflet-template-"
    found = sorted(DATA_DIR.glob(f"{prefix}*.yaml"))
    return {path.stem.removeprefix(prefix): path for path in found}


def starter_template(language: str, location: Location) -> Path:
    """The starter written in ``language``, or a `LeafletError` that names the languages
    there are. A tag is read as `profile` reads it, the one reading of which described
    language a tag is: th_TH is Thai and zh-Hans, zh or zh_CN the Chinese starter (by
    language subtag, zh_Hans was no tag of its own starter), while zh_TW (Traditional
    Chinese) or th_Latn, another script, is no tag of the starter a clinic would print."""
    templates = starter_templates()
    found = templates.get(profile(language).tag)
    if found is not None:
        return found
    raise LeafletError(
        location,
        f"no starter leaflet is written in {language}",
        f"starters are written in {', '.join(templates)}: pass --language with one of "
        f"them, then write your text in place of its own and set its `language:` to "
        f"{language}",
    )


# --- msc-leaflet init: a whole project -------------------------------------------------

STARTER_LEAFLET = "first-leaflet"


@dataclass(frozen=True)
class NewProject:
    root: Path
    organisation: str
    files: tuple[Path, ...]


def init_project(
    folder: Path,
    *,
    organisation: str | None = None,
    name: str | None = None,
    library: str | None = None,
    into_existing: bool = False,
    today: dt.date | None = None,
    language: str | None = None,
) -> NewProject:
    """Create a complete, buildable project in ``folder``; all of it or nothing.

    Every file is planned first, so a refusal (bad id, an existing file, a non-empty
    folder) touches nothing; a failure while writing (disk full, permissions) removes
    what this call wrote, so a half-made project is never left behind.
    """
    folder = folder.absolute()
    resolved(folder)  # a link that loops: named so, not "appeared while writing"
    _refuse_inside_sources(folder)
    slug = organisation or folder.name
    try:
        check_slug(slug, "organisation id", Location(folder))
    except LeafletError as problem:
        if organisation is not None:
            raise
        raise LeafletError(
            problem.location,
            problem.message,
            "the id comes from the folder's name: pass "
            f"--organisation {_id_like(folder.name)} (lower-case letters, "
            "digits and '-')",
        ) from None
    if name is not None and (refused := refusal(name)) is not None:
        # Written into the profile as given, it made a project whose first build was
        # refused (a bidi control, a control character): the promise is a buildable project.
        raise LeafletError(
            Location(folder), f"the organisation's name (--name): {refused.message}", refused.hint
        )
    starter = _starter(folder, language, library)
    library = fixed_word(library, LIBRARIES) if library is not None else None
    if library is not None and library not in LIBRARIES:
        raise LeafletError(
            Location(folder),
            f"no bundled library '{library}'",
            f"known libraries: {', '.join(LIBRARIES)}",
        )
    if folder.exists() and not folder.is_dir():
        raise LeafletError(Location(folder), "exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not into_existing:
        raise LeafletError(
            Location(folder),
            "folder is not empty",
            "choose a new folder, or pass --into-existing to add the files that are missing",
        )
    plan = _project_files(slug, name or slug.replace("-", " ").title(), library, starter, today)
    for relative in plan:
        if (folder / relative).exists() or (folder / relative).is_symlink():
            raise LeafletError(
                Location(folder / relative),
                "already exists; nothing was written",
                "move it away, or start the project in a new folder",
            )
    _write_all(folder, plan)
    return NewProject(folder, slug, tuple(folder / relative for relative in plan))


def _refuse_inside_sources(folder: Path) -> None:
    """A project started inside another's leaflets/, locales/ or organisations/ folder
    (``init clinic/leaflets/sub``) was made, and no command of either project reads it:
    the outer one skips a folder among its leaflets, the inner one is a stray that a
    copy of the outer project carries along. Refused before anything is written."""
    outer = Project.holding(folder)
    if outer is None or not outer.organisations_dir.is_dir():
        return  # a folder named leaflets/ holding projects (~/leaflets/clinic) is no project's
    inside = next((d for d in outer.source_dirs if d.resolve() in resolved(folder).parents), None)
    if inside is None:
        return
    raise LeafletError(
        Location(folder),
        f"is inside {display_path(inside)}/, the {inside.name} folder of a project: no "
        "command reads a project there",
        f"start it beside that project instead: msc-leaflet init "
        f"{display_path(outer.root.parent / folder.name)}",
    )


def _starter(folder: Path, language: str | None, library: str | None) -> tuple[Path, str] | None:
    """The template and language of a new project's first leaflet; None when a
    library brings its own leaflets, whose language is theirs: ``--language th`` with
    them would be ignored, and the clinic would find English leaflets it did not ask for."""
    if language is None:
        return (
            None
            if library is not None
            else (starter_template(DEFAULT_LANGUAGE, Location(folder)), DEFAULT_LANGUAGE)
        )
    where = Location(folder, option=f"--language {language}")
    if library is not None:
        raise LeafletError(
            where,
            "--language chooses the starter leaflet's language, and a library brings its "
            "own leaflets, in their own language",
            "leave out --language (translate the library's leaflets with `msc-leaflet i18n "
            "init`), or leave out --library to start from one leaflet in your language",
        )
    language = check_locale(language, where)
    return starter_template(language, where), language


def _id_like(name: str) -> str:
    """An id to offer for a folder called ``name``: its `_slug_like` spelling when that
    is an id (``My Clinic`` → my-clinic), else ID for the user to choose."""
    slug = _slug_like(name)
    return slug if slug and slug not in WINDOWS_DEVICE_NAMES else "ID"


def _slug_like(name: str) -> str:
    """``name`` as an id would spell it ("My Clinic" → my-clinic), "" when nothing of it
    is a letter or digit an id may hold (a Thai name)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].strip("-")


def _project_files(
    slug: str,
    name: str,
    library: str | None,
    starter: tuple[Path, str] | None,
    today: dt.date | None,
) -> dict[Path, bytes]:
    """Every file of a new project, by path relative to its root; ``starter``: the
    template and language of its first leaflet, when no library gives its leaflets."""
    template = DATA_DIR / "project-template"
    source = library_root("msc")  # the ui catalogs ship with the library's locales
    languages = sorted(p.parent.parent.name for p in source.glob("locales/*/LC_MESSAGES/ui.po"))
    words = (template / "words.txt").read_bytes()
    files: dict[Path, bytes] = {
        Path("README.md"): _fill(template / "README.md", name=name, slug=slug),
        Path(".gitignore"): (template / "gitignore.txt").read_bytes(),
        Path("organisations", f"{slug}.yaml"): _fill(
            template / "organisation.yaml", name=_inside_double_quotes(name)
        ),
        Path("locales", "glossary.yaml"): (template / "glossary.yaml").read_bytes(),
        Path("locales", "ui.pot"): (source / "locales" / "ui.pot").read_bytes(),
    }
    for language in languages:
        catalog = Path("locales", language, "LC_MESSAGES", "ui.po")
        files[catalog] = (source / catalog).read_bytes()
        files[Path("locales", language, "words.txt")] = words
    if starter is not None:
        template, language = starter
        text = _leaflet_text(template, STARTER_LEAFLET, language, slug, today)
        files[Path("leaflets", f"{STARTER_LEAFLET}.yaml")] = text.encode("utf-8")
    if library is None:
        return files
    # The library's leaflets, catalogs, glossary and word lists, printed for this
    # organisation: a clinic edits its own copy, and never hands out another's contacts.
    root = library_root(library)
    for path in sorted(root.glob("leaflets/*.yaml")):
        text = path.read_text("utf-8")
        text = re.sub(r"(?m)^organisation: *\S+ *$", f"organisation: {slug}", text, count=1)
        files[path.relative_to(root)] = text.encode("utf-8")
    leaflet_ids = {path.stem for path in root.glob("leaflets/*.yaml")}
    for path in sorted(root.glob("locales/**/*")):
        relative = path.relative_to(root)
        if path.is_file() and (path.stem in leaflet_ids or path.name in _LIBRARY_LOCALE_FILES):
            files[relative] = path.read_bytes()
    return files


_LIBRARY_LOCALE_FILES = ("glossary.yaml", "words.txt")


def _leaflet_text(
    template: Path, leaflet_id: str, language: str, organisation: str, today: dt.date | None
) -> str:
    """The starter leaflet: valid, buildable, every value a prompt for the author."""
    today = today or dt.date.today()
    return template.read_text("utf-8").format(
        id=leaflet_id,
        language=language,
        today=today.isoformat(),
        next_year=today.replace(year=today.year + 1).isoformat(),
        organisation=organisation,
    )


def _inside_double_quotes(value: str) -> str:
    """``value`` escaped to stand inside a YAML double-quoted string: a clinic called
    Dr. "Smile" (or A\\B) made an organisation file no command could read. A JSON
    string's escapes are YAML's."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _fill(path: Path, **values: str) -> bytes:
    text = path.read_text("utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.encode("utf-8")


def _write_all(folder: Path, files: dict[Path, bytes]) -> None:
    """Write every file, or (on any failure, Ctrl-C and SIGTERM included) remove what
    this call made. Each file and folder is recorded *before* it is made: an interrupt
    landing between a rename and its record left that one file behind, and a rerun of
    ``init`` refused the folder as not empty. A recorded file is removed only if it holds
    the bytes this call meant for it; a recorded folder only if it is empty."""
    made_dirs: list[Path] = []
    written: dict[Path, bytes] = {}
    try:
        for directory in [folder, *(folder / p.parent for p in files)]:
            for parent in reversed([directory, *directory.parents]):
                if not parent.exists():
                    made_dirs.append(parent)
                    try:
                        parent.mkdir()
                    except FileExistsError:  # another run made it just now: not ours
                        made_dirs.remove(parent)
                        if not parent.is_dir():
                            raise
        for relative, data in files.items():
            written[folder / relative] = data
            write_atomic(folder / relative, data, overwrite=False)
    except BaseException as exc:
        # os.link names the temporary file first and the target second
        target = Path(getattr(exc, "filename2", None) or getattr(exc, "filename", None) or folder)
        if isinstance(exc, FileExistsError):  # another's file, not the one we wrote
            written.pop(target, None)
        for path, data in reversed(written.items()):
            with contextlib.suppress(OSError):
                if path.read_bytes() == data:
                    path.unlink()
        for directory in reversed(made_dirs):
            with contextlib.suppress(OSError):
                directory.rmdir()
        if isinstance(exc, FileExistsError):
            message = "appeared while writing; nothing was kept"
            raise LeafletError(Location(target), message) from None
        if isinstance(exc, OSError):
            raise file_error(target, exc, "write") from None
        raise
