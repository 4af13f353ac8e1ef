"""The fonts the desk gives browsers: the very files the build embeds, as CSS.

A clinic tablet is often offline and may lack Burmese, Lao, Khmer or CJK fonts (empty
boxes), or have a Zawgyi-era Android system font that draws Unicode Burmese wrongly.
So every family of the theme's font table (`theme.fonts`, the project's theme when it
has one) is declared with ``@font-face`` from the desk's own address, and each
language's text names its family first (``:lang(my)``): a page is drawn with the
letters its PDF prints. Each family but the Latin one says which letters it is for
(``unicode-range``, `script_ranges`), so a browser fetches Noto Sans CJK (17 MB) only
for a page that shows Chinese or Japanese. A font's address carries its content hash:
it is cached for good, and a changed file is a new address.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from ..build.fingerprint import file_sha256
from ..languages import bcp47, profiles
from ..project import Project
from ..theme.fonts import ROLES, FontConfig, FontFamilySpec
from ..theme.theme import theme_fonts
from ..typeset.font_files import bundled_config, face_path
from ..typeset.scripts import LATIN, locale_script, script_ranges

FONTS_PATH = "/fonts"
#: The device's own fonts, last: only for a character no served family has.
DEVICE_FONTS = ("system-ui", "sans-serif")
#: Per role: CSS font-weight and font-style. Bold covers 600 (the desk's labels) and 700.
ROLE_CSS = {
    "regular": ("400", "normal"),
    "bold": ("600 700", "normal"),
    "italic": ("400", "italic"),
    "bold-italic": ("600 700", "italic"),
}
DIGEST_LENGTH = 16  # hex digits of the file's sha256 in its address


@dataclass(frozen=True)
class WebFace:
    """One ``@font-face``: a face file of a family, and the letters it is used for."""

    family: str
    path: Path
    digest: str
    weight: str
    style: str
    ranges: tuple[tuple[int, int], ...]  # empty: every letter (the Latin family)

    @property
    def url(self) -> str:
        return f"{FONTS_PATH}/{self.digest}/{quote(self.path.name)}"

    def rule(self) -> str:
        lines = [
            f"font-family: {css_string(self.family)};",
            f'src: url("{self.url}") format("truetype");',
            f"font-weight: {self.weight}; font-style: {self.style}; font-display: swap;",
        ]
        if self.ranges:
            lines.append(f"unicode-range: {unicode_range(self.ranges)};")
        return "@font-face { " + " ".join(lines) + " }"


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: a project theme's family name is its own choice."""
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def unicode_range(ranges: Iterable[tuple[int, int]]) -> str:
    return ", ".join(
        f"U+{first:X}" if first == last else f"U+{first:X}-{last:X}" for first, last in ranges
    )


def served_config(project: Project) -> FontConfig:
    """The font table the project's builds use: its theme's, read again when theme.yaml
    changes (the desk runs all day); the bundled one when it has none or a broken one
    (which `build` refuses, naming its line)."""
    path = project.theme_path
    try:
        stat = path.stat()
    except OSError:
        return bundled_config()
    return _theme_config(path, stat.st_mtime_ns, stat.st_size) or bundled_config()


@lru_cache(maxsize=4)
def _theme_config(path: Path, _mtime_ns: int, _size: int) -> FontConfig | None:
    return theme_fonts(path)


def used_families(config: FontConfig) -> list[FontFamilySpec]:
    """The families the font table sets some script in, the Latin one first: the fallback
    order of every language's list."""
    names = dict.fromkeys([dict(config.scripts)[LATIN], *(name for _, name in config.scripts)])
    return [config.family(name) for name in names]


def web_faces(config: FontConfig) -> list[WebFace]:
    """Every face file a browser may need, once per face a family has a file or a weight
    for (a face the theme declares a substitute of another, ``bold: regular``, is left to
    the browser's nearest match, as it is to the build's)."""
    latin = dict(config.scripts)[LATIN]
    faces = []
    for family in used_families(config):
        scripts = [tag for tag, name in config.scripts if name == family.name]
        ranges = () if family.name == latin else _merged(scripts)
        for role in ROLES:
            if family.own_role(role) != role:
                continue
            weight, style = ROLE_CSS[role]
            axes = dict(family.axes(role))
            if "wght" in axes:  # a weight made from a variable file: the browser sets it
                weight = f"{axes['wght']:g}"
            path = face_path(family, role)
            digest = file_sha256(path)[:DIGEST_LENGTH]
            faces.append(WebFace(family.name, path, digest, weight, style, ranges))
    return faces


def _merged(scripts: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """The code points of ``scripts``, as sorted ranges without overlaps."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(r for tag in scripts for r in script_ranges(tag)):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return tuple(merged)


def font_file(config: FontConfig, digest: str, name: str) -> Path | None:
    """The face file at ``/fonts/<digest>/<name>``; None for anything else: only the
    files the table names, at their current hash, are ever read."""
    for face in web_faces(config):
        if face.digest == digest and face.path.name == name:
            return face.path
    return None


def stylesheet(config: FontConfig, languages: Iterable[str]) -> str:
    """The CSS of the served fonts: their ``@font-face`` rules, the page's family list,
    and per language whose script another family sets, that family first."""
    stack = [css_string(family.name) for family in used_families(config)]
    rules = [face.rule() for face in web_faces(config)]
    rules.append(f":root {{ font-family: {', '.join([*stack, *DEVICE_FONTS])}; }}")
    latin = dict(config.scripts)[LATIN]
    for language in sorted(set(languages)):
        family = config.family_for(locale_script(language))
        if family is None or family.name == latin:
            continue
        own = css_string(family.name)
        names = [own, *(name for name in stack if name != own), *DEVICE_FONTS]
        rules.append(f":lang({bcp47(language)}) {{ font-family: {', '.join(names)}; }}")
    return "\n".join(rules) + "\n"


def desk_languages(locales: Iterable[str]) -> list[str]:
    """The languages the desk may show text in: every described one (`profiles`) and the
    project's own locales (its interface, titles and catalogs)."""
    return sorted({*(p.tag for p in profiles()), *locales})
