"""Where the font files of the theme's families are: plain paths, no ReportLab, so build
fingerprints can hash them without loading the layout machinery.

Fonts come from PyPI font packages (``fontpkg-*``, their ``files/`` folder), from a
project's own ``fonts/`` folder, or from the OFL fonts carried in
``msc_leaflet/data/fonts/``; never from the machine's own fonts.
"""

from __future__ import annotations

import importlib
import os
import struct
from functools import cache
from pathlib import Path

from ..data import data_path
from ..errors import LeafletError
from ..files import OUTSIDE_HINT, leaves, open_input
from ..theme.fonts import PROJECT_FONTS, ROLES, FontConfig, FontFamilySpec


def family_dir(family: FontFamilySpec) -> Path:
    if family.package:
        module = importlib.import_module(family.package)
        return Path(module.ROOT) / "files"
    return (Path(family.root) if family.root else data_path("fonts")) / family.folder


# The first four bytes of a TrueType font: what ReportLab embeds.
TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")

#: The first four bytes of font files that are no single TrueType font: what each is,
#: and what to name instead.
OTHER_FONT_TAGS = {
    b"OTTO": (
        "is an OpenType font with PostScript (CFF) outlines, which cannot be embedded",
        "name the TrueType (.ttf, glyf outlines) version of the font instead (docs/scripts.md)",
    ),
    b"wOFF": (
        "is a WOFF web font, not a TrueType file",
        "a web font is a packed copy of a font: name the .ttf file of the same font instead",
    ),
    b"wOF2": (
        "is a WOFF2 web font, not a TrueType file",
        "a web font is a packed copy of a font: name the .ttf file of the same font instead",
    ),
    b"ttcf": (
        "is a font collection (.ttc), several fonts in one file: which one is meant is not said",
        "take the font you mean out of the collection into a .ttf file of its own (a "
        "font editor, or fontTools' TTCollection) and name that file",
    ),
}

#: The largest font file a theme may name: the build reads a font whole into memory
#: (ReportLab, HarfBuzz and the weight instancer each hold a copy), in every worker.
#: The largest fonts in real use are CJK ones: Noto Sans CJK as TrueType is 17 MB, a
#: variable CJK font 30-60 MB, a whole CJK collection ~100 MB (refused as a collection).
#: Above this a file is no font a leaflet needs, and reading it could exhaust memory.
MAX_FONT_BYTES = 128 * 1024 * 1024


class FamilyFileError(ValueError):
    """A family's files cannot give what the theme asks; ``role`` is the face whose
    entry is wrong, when it is one face's (None: the family's package or folder)."""

    def __init__(self, message: str, role: str | None = None, hint: str = "") -> None:
        super().__init__(message)
        self.role = role
        self.hint = hint


def check_family_files(family: FontFamilySpec, scripts: tuple[str, ...] = ()) -> None:
    """Refuse, as `FamilyFileError`, a family whose package is not installed, whose face
    file is missing, too large or no TrueType font, a project's own font a PDF cannot
    carry or that lacks the letters of ``scripts`` (the script tags the theme sets in
    it: `font_tables`), or whose ``{instance: …}`` weight its variable font cannot make:
    found while the theme is loaded, not as ReportLab's TTFError or fontTools' KeyError
    when the first text in that script is drawn."""
    try:
        folder = family_dir(family)
    except (ImportError, AttributeError):
        raise FamilyFileError(
            f"fonts: family {family.name}: font package {family.package!r} is not "
            f"installed (pip install {family.package.replace('_', '-')})"
        ) from None
    if family.folder and not folder.is_dir():
        raise FamilyFileError(
            f"fonts: family {family.name}: no folder {family.folder!r} in the project's "
            f"{PROJECT_FONTS}/ (beside theme.yaml) nor among the fonts msc-leaflet carries; "
            f"put the font files in {PROJECT_FONTS}/{family.folder}/ (docs/scripts.md)"
        )
    _refuse_outside(family, folder, None)
    for role in ROLES:
        path = folder / family.face_file(role)
        _refuse_outside(family, path, role)
        _check_face_file(family, role, path, scripts)
    for role, axes in family.instances:
        _check_axes(family, role, axes, folder / family.face_file(role))


def _check_face_file(
    family: FontFamilySpec, role: str, path: Path, scripts: tuple[str, ...]
) -> None:
    """One face file: there, a regular file, within `MAX_FONT_BYTES`, a TrueType font;
    a project's own read whole and checked as a PDF's font (`font_tables`)."""
    from .font_tables import UnusableFont, check_font_data

    name = f"fonts: family {family.name}: {path.name}"
    try:
        with open_input(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FONT_BYTES:
                raise FamilyFileError(
                    f"{name} is {size:,} bytes; the limit for a font is {MAX_FONT_BYTES:,} "
                    f"({MAX_FONT_BYTES // 2**20} MB)",
                    role,
                    "name the font file itself: a font a leaflet needs is far smaller",
                )
            data = handle.read() if family.root else handle.read(4)
    except LeafletError as problem:
        if not path.exists():
            raise FamilyFileError(
                f"fonts: family {family.name}: no font file {path.name} in {path.parent}"
            ) from None
        raise FamilyFileError(f"{name} {problem.message}", role, problem.hint) from None
    except OSError:  # a read refused after the open (an I/O error on the disk)
        raise FamilyFileError(f"{name} cannot be read", role) from None
    tag = data[:4]
    if tag in OTHER_FONT_TAGS:
        message, hint = OTHER_FONT_TAGS[tag]
        raise FamilyFileError(f"{name} {message}", role, hint)
    if tag not in TRUETYPE_TAGS:
        raise FamilyFileError(
            f"{name} is not a TrueType font (.ttf)",
            role,
            "name the font's .ttf file, or copy it again from where it came",
        )
    if family.root:
        try:
            check_font_data(data, scripts)
        except UnusableFont as problem:
            raise FamilyFileError(f"{name} {problem}", role, problem.hint) from None


def _refuse_outside(family: FontFamilySpec, path: Path, role: str | None) -> None:
    """A project's own font (its folder, or a face file in it) that a link takes out of
    the project, as every other file a project names is refused: only the fonts the
    project holds, a font package's or msc-leaflet's own are embedded, never a file
    found elsewhere on the machine."""
    if not family.root:  # a font package's, or one msc-leaflet carries
        return
    project = Path(family.root).parent
    _, out = leaves(project, path)
    if out:
        raise FamilyFileError(
            f"fonts: family {family.name}: {path.relative_to(project)} points outside the project",
            role,
            OUTSIDE_HINT,
        )


def _check_axes(
    family: FontFamilySpec, role: str, axes: tuple[tuple[str, float], ...], path: Path
) -> None:
    """Each axis of an instance must be one the variable font has, within its range: the
    instancer raises KeyError for an unknown one and quietly clamps a value outside."""
    from fontTools.ttLib import TTFont, TTLibError

    name = f"fonts: family {family.name}: {role}"
    try:
        with TTFont(path, lazy=True) as font:
            ranges = (
                {a.axisTag: (a.minValue, a.maxValue) for a in font["fvar"].axes}
                if "fvar" in font
                else {}
            )
    except (OSError, TTLibError, AssertionError, struct.error):
        raise FamilyFileError(f"{name}: {path.name} cannot be read as a font", role) from None
    if not ranges:
        raise FamilyFileError(
            f"{name}: {path.name} is not a variable font: it has no axes to set an instance "
            "on; name a file of that weight instead",
            role,
        )
    for axis, value in axes:
        if axis not in ranges:
            raise FamilyFileError(
                f"{name}: {path.name} has no axis {axis!r}; its axes: {', '.join(ranges)}",
                role,
            )
        low, high = ranges[axis]
        if not low <= value <= high:
            raise FamilyFileError(
                f"{name}: {axis} {value:g} is outside the font's range, {low:g} to {high:g}",
                role,
            )


def face_path(family: FontFamilySpec, role: str) -> Path:
    return family_dir(family) / family.face_file(role)


def config_files(config: FontConfig) -> list[Path]:
    """Every font file of ``config``, once each, in family and face order."""
    files: dict[Path, None] = {}
    for family in config.families:
        for role in ROLES:
            files[face_path(family, role)] = None
    return list(files)


@cache
def bundled_config() -> FontConfig:
    """The font table of the bundled theme."""
    from ..content.yaml_source import load_data
    from ..theme.fonts import font_config

    data = load_data(data_path("theme.yaml").read_text(encoding="utf-8"))
    return font_config(data["fonts"])


def font_files() -> list[Path]:
    """The font files every PDF may embed from, in family and face order."""
    return config_files(bundled_config())
