"""Starting points, never written over existing files: `msc-leaflet new` (one leaflet)
and `msc-leaflet init` (a whole project, optionally from a bundled library)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..data import DATA_DIR, LIBRARIES, data_path, library_root
from ..errors import LeafletError, Location
from ..files import file_error, resolved, write_atomic
from ..print_spec import fixed_word
from ..project import WINDOWS_DEVICE_NAMES, Project, check_leaflet_id, check_slug


def new_leaflet(project: Project, leaflet_id: str, today: dt.date | None = None) -> Path:
    path = project.leaflets_dir / f"{leaflet_id}.yaml"
    check_leaflet_id(leaflet_id, Location(path))
    if path.exists():
        raise LeafletError(
            Location(path), f"leaflet '{leaflet_id}' already exists", "choose another id"
        )
    organisations = sorted(p.stem for p in project.organisations_dir.glob("*.yaml"))
    organisation = organisations[0] if organisations else "my-organisation"
    text = _leaflet_text(leaflet_id, organisation, today)
    try:
        write_atomic(path, text.encode("utf-8"), overwrite=False)
    except FileExistsError:  # appeared since the check above (another `new`, an editor)
        raise LeafletError(Location(path), f"leaflet '{leaflet_id}' already exists") from None
    return path


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
) -> NewProject:
    """Create a complete, buildable project in ``folder``; all of it or nothing.

    Every file is planned first, so a refusal (bad id, an existing file, a non-empty
    folder) touches nothing; a failure while writing (disk full, permissions) removes
    what this call wrote, so a half-made project is never left behind.
    """
    folder = folder.absolute()
    resolved(folder)  # a link that loops: named so, not "appeared while writing"
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
    plan = _project_files(slug, name or slug.replace("-", " ").title(), library, today)
    for relative in plan:
        if (folder / relative).exists() or (folder / relative).is_symlink():
            raise LeafletError(
                Location(folder / relative),
                "already exists; nothing was written",
                "move it away, or start the project in a new folder",
            )
    _write_all(folder, plan)
    return NewProject(folder, slug, tuple(folder / relative for relative in plan))


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
    slug: str, name: str, library: str | None, today: dt.date | None
) -> dict[Path, bytes]:
    """Every file of a new project, by path relative to its root."""
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
    if library is None:
        files[Path("leaflets", f"{STARTER_LEAFLET}.yaml")] = _leaflet_text(
            STARTER_LEAFLET, slug, today
        ).encode("utf-8")
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


def _leaflet_text(leaflet_id: str, organisation: str, today: dt.date | None) -> str:
    """The starter leaflet: valid, buildable, every value a prompt for the author."""
    today = today or dt.date.today()
    return (
        data_path("leaflet-template.yaml")
        .read_text("utf-8")
        .format(
            id=leaflet_id,
            today=today.isoformat(),
            next_year=today.replace(year=today.year + 1).isoformat(),
            organisation=organisation,
        )
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
