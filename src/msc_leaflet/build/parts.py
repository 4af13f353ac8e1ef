"""The part of a file an output reads, hashed instead of the whole file.

Two files are read in part by every build: the settings file, of which a draft reads
the layout checks' severities, --strict all of [checks] (and [i18n] where a build
reads sign-offs), and a language's ``ui.po``, of which a PDF prints the page's own
words (`labels.UI_MESSAGES`) and never the desk's (msgctxt ``desk.*``). Hashed whole,
a translator's work on the desk's words, a comment in the settings or a content rule
made an error rebuilt every PDF of a print shop's batch into the same bytes.

A part's hash covers all the build takes from the file: of a ``ui.po`` entry its
translation, flags and the lines it is written on (warnings name them); and whether
the file can be read at all. A file the build would refuse (a section nothing reads, a
catalog entry written twice) is hashed whole, so every edit to it is built, and
refused, as a clean build is.

A manifest names a part as its file, ``#`` and the part (``msc-leaflet.toml#checks``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from ..errors import LeafletError
from ..project import Project, project_settings
from .hash_cache import keep_part, stored_part

SEPARATOR = "#"


@dataclass(frozen=True)
class Part:
    """The part ``name`` (one of `PARTS`) of the file at ``path``."""

    path: Path
    name: str


def _section(name: str) -> Callable[[Project, Path], str]:
    """How the settings' [name] is hashed: every build reads the whole file (a section
    or setting nothing reads is refused), and takes [name] from it; no file is no
    settings, as an empty one is."""

    def digest(project: Project, path: Path) -> str:
        try:
            settings = project_settings(project)
        except LeafletError:
            return ""  # refused: the file is hashed whole
        return _sha({name: settings.get(name)})

    return digest


def _printed_words(project: Project, path: Path) -> str:
    """The ``ui.po`` entries of the words the page prints (`labels.UI_MESSAGES`), as the
    build reads them (`localizer.ui_labels`, `page_words`), and the header fields it
    reads."""
    from ..i18n.labels import UI_MESSAGES
    from ..i18n.pofile import read_po
    from .fingerprint import ABSENT  # which imports this

    if not path.is_file():
        return ABSENT  # a catalog made later is read: its words printed, or refused
    try:
        catalog = read_po(path)
    except LeafletError:
        return ""
    entries = catalog.lookup()
    # The header's language too: a catalog declaring another is a warning of every PDF
    # it prints (`localizer`); and its plural rule, which picks a plural's form.
    header = {name: catalog.header.get(name) for name in ("Language", "Plural-Forms")}
    printed = {}
    for key, source in UI_MESSAGES.items():
        entry = entries.get((key, source))
        if entry is not None:
            printed[key] = [
                entry.line, entry.msgstr, entry.msgid_plural, entry.msgstr_plural,
                entry.flags, entry.lines,
            ]  # fmt: skip
    return _sha({"messages": UI_MESSAGES, "printed": printed, "header": header})


def _layout_checks(project: Project, path: Path) -> str:
    """The severities of the layout checks, the only checks a draft runs (whose
    findings it records): a content rule made an error changes no draft. The whole
    [checks] is read, and a rule it does not know refused, by every build."""
    from ..checks import load_config
    from ..checks.registry import layout_checks

    try:
        config = load_config(project)
    except LeafletError:
        return ""
    layout = layout_checks().values()
    return _sha({check.code: config.severity_of(check.code, check.severity) for check in layout})


#: Each part, by name, and how its file's part is hashed ("" for a file the build
#: refuses). A part in `KEPT` is kept between processes (`hash_cache.keep_part`): a
#: no-op rebuild must not parse every catalog, nor import every check.
PARTS: dict[str, Callable[[Project, Path], str]] = {
    "checks": _section("checks"),
    "layout-checks": _layout_checks,
    "i18n": _section("i18n"),
    "printed": _printed_words,
}
#: Parts whose hash takes more than reading a few lines (a catalog parsed, the checks'
#: registry imported).
KEPT = frozenset({"printed", "layout-checks"})


def _sha(data: object) -> str:
    encoded = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@cache
def _rules_sha() -> str:
    """A hash of this module's own text, by which a kept part is found too: a part
    hashed by other rules (a header field added to `_printed_words`) is worked out
    again, without waiting for a new version of msc-leaflet."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _words_sha() -> str:
    """A hash of the words a page prints, by which a kept part is found: a tool that
    prints another word reads every catalog again."""
    from ..i18n.labels import UI_MESSAGES

    return _sha(UI_MESSAGES)[:16]


def split(recorded: str) -> tuple[str, str | None]:
    """A recorded input's file and part (None: the whole file)."""
    name, separator, part = recorded.rpartition(SEPARATOR)
    return (name, part) if separator and part in PARTS else (recorded, None)


_cache: dict[tuple[str, str, str], str] = {}
CACHE_SIZE = 1024


def part_sha256(project: Project, path: Path, part: str, whole: str) -> str:
    """The hash of ``part`` of the file at ``path``, whose content hash is ``whole``
    (a file the build refuses: ``whole`` itself, marked). Cached by ``whole``, so a
    part is worked out once per content."""
    from .fingerprint import file_sha256  # which imports this

    key = (part, str(path), whole)
    found = _cache.get(key)
    if found is None:
        rules = f"{__version__}:{_rules_sha()}:{_words_sha()}"
        kept = f"{rules}:{part}:{whole}" if part in KEPT else ""
        found = stored_part(kept) if kept else None
        if found is None:
            found = PARTS[part](project, path) or f"refused:{whole}"
            if file_sha256(path) != whole:
                return found  # saved while it was read: not the part of ``whole``
            if kept:
                keep_part(kept, found)
        if len(_cache) >= CACHE_SIZE:
            _cache.clear()
        _cache[key] = found
    return found
