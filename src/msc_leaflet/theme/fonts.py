"""The theme's font table: which font family sets which script, as plain data.

Each family names where its files are (a PyPI font package's ``files/`` folder, or a
folder: of the project's own ``fonts/`` beside its theme.yaml, where a clinic puts the
font of a script the package has none for, or else of the OFL fonts carried in
``msc_leaflet/data/fonts/``) and the file of each face.
A face a family does not have (Khmer has no italic; the bundled CJK font has one
weight) is declared as a substitute: ``bold: regular`` sets bold text in the regular
face, on purpose and visibly in the theme, instead of failing or faking a weight.

``scripts:`` maps ISO 15924 script tags (``typeset.scripts``) to families; ``Latn`` is
the family runs are named in, and every other family is its per-character fallback:
a Thai run with a Latin drug name or a Chinese run with a citation number picks the
face per character (``typeset.fonts.font_spans``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import isfinite
from pathlib import Path
from typing import Any

from ..errors import NAME_MAX, shown_value
from .entries import ThemeError, mapping, refuse_unknown, shown_entry, suggestion

ROLES = ("regular", "bold", "italic", "bold-italic")
STYLES = ("bold", "italic")  # what a role other than regular asks of its face


@dataclass(frozen=True)
class FontFamilySpec:
    """One family: a PostScript-style name, where its files are, and a file per face."""

    name: str  # the face names in the PDF start with it ("Sarabun-bold")
    package: str  # an importable font package whose ROOT/files holds the files, or ""
    folder: str  # else a folder of ``root``
    faces: tuple[tuple[str, str], ...]  # (role, file)
    substitutes: tuple[tuple[str, str], ...] = ()  # (role, the role whose face it uses)
    # (role, axis values): a static instance of the regular (variable) file
    instances: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = ()
    # Where ``folder`` is: a project's fonts/ folder, or "" for msc_leaflet/data/fonts.
    root: str = ""

    def axes(self, role: str) -> tuple[tuple[str, float], ...]:
        return dict(self.instances).get(self.own_role(role), ())

    def face_file(self, role: str) -> str:
        """The file of ``role``: its own, its original's, or the variable regular file."""
        own = self.own_role(role)
        return dict(self.faces).get(own) or dict(self.faces)["regular"]

    def own_role(self, role: str) -> str:
        """The role whose file sets ``role`` (itself unless declared a substitute)."""
        return dict(self.substitutes).get(role, role)

    def unshown(self, role: str) -> tuple[str, ...]:
        """The styles of ``role`` ("bold", "italic") a reader cannot see: those whose
        face is the one the text would have without them. A declared substitute prints
        bold text regular (the CJK family's ``bold: regular``), and bold-italic text in
        bold text as the bold around it (Khmer's ``bold-italic: bold``); a family whose
        ``italic: bold`` sets italic in its bold shows it. `checks.emphasis` warns of
        such emphasis."""
        own = self.own_role(role)
        return tuple(
            style
            for style in STYLES
            if style in role and own == self.own_role(_without(role, style))
        )


def role_of(bold: bool, italic: bool) -> str:
    """The role of a run's face: "regular", "bold", "italic" or "bold-italic"."""
    return ROLES[bold + 2 * italic]


def _without(role: str, style: str) -> str:
    """``role`` less ``style``: bold-italic without italic is bold, bold without bold regular."""
    rest = [other for other in STYLES if other in role and other != style]
    return "-".join(rest) or "regular"


@dataclass(frozen=True)
class FontConfig:
    families: tuple[FontFamilySpec, ...]
    scripts: tuple[tuple[str, str], ...]  # (script tag, family name)

    def family(self, name: str) -> FontFamilySpec:
        for family in self.families:
            if family.name == name:
                return family
        raise KeyError(name)

    def family_for(self, script: str) -> FontFamilySpec | None:
        name = dict(self.scripts).get(script)
        return self.family(name) if name is not None else None


#: The folder of a project, beside its theme.yaml, that holds the fonts it adds.
PROJECT_FONTS = "fonts"


def font_config(
    data: object, defaults: dict[str, Any] | None = None, project_fonts: Path | None = None
) -> FontConfig:
    """The ``fonts:`` entry of a theme, laid over the bundled one's (``defaults``). A
    family's ``folder:`` is read from ``project_fonts`` (a project theme's `PROJECT_FONTS`)
    when that folder is there, else from the fonts msc-leaflet carries: a clinic adds the
    font of a new language's script to its own project, not to the installed package."""
    base = defaults or {}
    data = mapping(data, ("fonts",), "a mapping with families: and scripts:")
    refuse_unknown(data, ("families", "scripts"), ("fonts",), "key")
    own_families = mapping(data.get("families", {}), ("fonts", "families"), "a mapping of families")
    own_scripts = mapping(data.get("scripts", {}), ("fonts", "scripts"), "a mapping of scripts")
    families_data = {**base.get("families", {}), **own_families}
    scripts_data = {**base.get("scripts", {}), **own_scripts}
    families = tuple(_family(name, entry, project_fonts) for name, entry in families_data.items())
    for script in own_scripts:
        _check_script_tag(str(script))
    known = tuple(family.name for family in families)
    for script, family in scripts_data.items():
        if family not in known:
            raise ThemeError(
                ("fonts", "scripts", script),
                f"fonts: script {script} names unknown family {str(family)!r}",
                suggestion(str(family), known),
            )
    if "Latn" not in scripts_data:
        raise ThemeError(
            ("fonts", "scripts"),
            "fonts: scripts: needs a Latn family (the family text is named in)",
        )
    return FontConfig(families, tuple((str(k), str(v)) for k, v in scripts_data.items()))


#: Unicode's tags for characters of no one script: no font is chosen for them.
NO_SCRIPT = ("Zyyy", "Zinh", "Zzzz")


def _check_script_tag(tag: str) -> None:
    """Refuse a ``scripts:`` key that is no script tag Unicode knows (ISO 15924, as
    ``Thai``, ``Hang``): ``Thia`` or ``thai`` was kept and never looked up, and Thai
    was set in the font of another script without a word."""
    from fontTools.unicodedata import Scripts  # only for a theme that names scripts

    tags = tuple(t for t in Scripts.NAMES if t not in NO_SCRIPT)
    if tag in tags:
        return
    hint = (
        f"write it {tag.title()}: a script tag has one capital letter"
        if tag.title() in tags
        else suggestion(tag, tags)
    )
    raise ThemeError(
        ("fonts", "scripts", tag),
        f"fonts: scripts: {shown_value(tag)} is not a script tag",
        hint,
        at_key=True,
    )


# What a family may name. `package:` is imported to find its files, so it must be a font
# package (any other installed module would run its import-time code: `antigravity`
# opens a web browser); a folder and a face file are single names, read where the
# package or msc_leaflet/data/fonts keeps them and nowhere else (no "..", no "/").
FONT_PACKAGE = re.compile(r"fontpkg_[a-z0-9_]+")
#: A folder's or a font file's name: one name a file system holds (255 bytes at most:
#: a longer one is no file, and asking for it fails with ENAMETOOLONG, not "missing").
FONT_FOLDER = re.compile(rf"[A-Za-z0-9][A-Za-z0-9_.-]{{0,{NAME_MAX - 1}}}")
FONT_FILE = re.compile(
    rf"[A-Za-z0-9][A-Za-z0-9_.,+\[\]-]{{0,{NAME_MAX - 5}}}\.(?:ttf|otf)", re.IGNORECASE
)


def _family(name: str, entry: object, project_fonts: Path | None = None) -> FontFamilySpec:
    keys = ("fonts", "families", name)
    entry = mapping(entry, keys, "a mapping of package or folder and faces")
    refuse_unknown(entry, ("package", "folder", *ROLES), keys, "key")
    package = str(entry.get("package") or "")
    folder = str(entry.get("folder") or "")
    if bool(package) == bool(folder):
        raise ThemeError(keys, f"fonts: family {name} needs exactly one of package, folder")
    if package and not FONT_PACKAGE.fullmatch(package):
        raise ThemeError(
            (*keys, "package"),
            f"fonts: family {name}: package {package!r} is not a font package (fontpkg_…)",
        )
    if folder and (not FONT_FOLDER.fullmatch(folder) or ".." in folder):
        raise ThemeError(
            (*keys, "folder"),
            f"fonts: family {name}: folder {shown_value(folder)} is not a folder of the project's "
            f"{PROJECT_FONTS}/ or of msc_leaflet/data/fonts (one name of at most 255 "
            "letters, no / or ..)",
        )
    faces = []
    substitutes = []
    instances = []
    for role in ROLES:
        value = entry.get(role)
        if value is None:
            raise ThemeError(
                keys, f"fonts: family {name} has no {role} (a file, or a role: regular)"
            )
        if isinstance(value, dict):
            # {instance: {wght: 700}}: the regular (variable) file at these axis values
            instances.append((role, _axes(value, (*keys, role))))
        elif value in ROLES:
            substitutes.append((role, str(value)))
        elif not FONT_FILE.fullmatch(str(value)) or ".." in str(value):
            raise ThemeError(
                (*keys, role),
                f"fonts: family {name}: {role} {shown_entry(value)} is not a font file name "
                "(a .ttf or .otf file in the family's package or folder) or a role",
                f"write one file name, e.g. {role}: {name}-Regular.ttf, or the role whose "
                f"face it takes, e.g. {role}: regular",
            )
        else:
            faces.append((role, str(value)))
    if "regular" not in dict(faces):
        raise ThemeError((*keys, "regular"), f"fonts: family {name} needs a regular file")
    own = folder and project_fonts is not None and (project_fonts / folder).is_dir()
    family = FontFamilySpec(
        name,
        package,
        folder,
        tuple(faces),
        tuple(substitutes),
        tuple(instances),
        str(project_fonts) if own else "",
    )
    for role, other in substitutes:
        if other in dict(substitutes):
            raise ThemeError(
                (*keys, role), f"fonts: family {name}: {role} borrows {other}, itself a substitute"
            )
    return family


def _axes(value: dict[str, Any], keys: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """``{instance: {wght: 600}}``: the axis values of a static instance, sorted."""
    example = "write it as {instance: {wght: 600}}"
    name = " → ".join(keys)
    refuse_unknown(value, ("instance",), keys, "key")
    axes = mapping(value.get("instance"), (*keys, "instance"), "a mapping of axes to values")
    if not axes:
        raise ThemeError((*keys, "instance"), f"{name}: instance names no axis", example)
    for axis, number in axes.items():
        if not isinstance(number, int | float) or isinstance(number, bool) or not isfinite(number):
            raise ThemeError(
                (*keys, "instance", axis),
                f"{name}: axis {axis} must be a number",
                example,
            )
    return tuple(sorted((str(k), float(v)) for k, v in axes.items()))
