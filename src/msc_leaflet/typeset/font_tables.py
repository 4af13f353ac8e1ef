"""Whether the bytes of a project's own font are a font a PDF can carry: its table
directory, the tables the build reads, its licence, its PostScript name and the letters
of the scripts the theme sets in it. Read with fontTools, no ReportLab, when the theme
is loaded: a damaged or unusable font is named at its theme.yaml line by `check` and
`build` alike, not as ReportLab's `TTFError` when the first text in it is drawn.

Only a project's fonts are read so: a font package's and the fonts msc-leaflet carries
are tested by the test suite, and reading the 17 MB CJK font would cost every load.
"""

from __future__ import annotations

import io
import string
import struct
from collections.abc import Iterable

from fontTools.ttLib import TTFont, TTLibError

from .font_files import OTHER_FONT_TAGS
from .scripts import LATIN, script_of

#: The tables ReportLab and HarfBuzz read to set and embed a TrueType font; ``OS/2``
#: too when a font has one (ReportLab reads its licence and weight, and does without).
NEEDED_TABLES = ("head", "hhea", "maxp", "hmtx", "cmap", "name", "post", "loca", "glyf")
OPTIONAL_TABLES = ("OS/2",)

#: What fontTools raises on a table whose bytes it cannot make sense of.
_UNREADABLE = (TTLibError, AssertionError, struct.error, ValueError, IndexError, KeyError,
               TypeError, OverflowError, EOFError)  # fmt: skip

#: The head table's magic number: anything else is not a font's head table.
HEAD_MAGIC = 0x5F0F3CF5

#: OS/2 fsType bits that forbid what a PDF does with a font (OpenType spec, OS/2):
#: usage permissions (bits 0-3) of exactly 2, "restricted licence embedding"; bit 8,
#: no subsetting (a PDF embeds a subset); bit 9, bitmap embedding only.
RESTRICTED = 0x0002
FORBIDDING_FLAGS = {0x0100: "no subsetting", 0x0200: "bitmap embedding only"}

#: Characters the OpenType spec keeps out of a PostScript name (name ID 6), beside
#: anything outside printable ASCII: PDF delimiters, which ReportLab refuses in the
#: font name it writes. A space it writes as "-", so a name with spaces is set.
PS_NAME_FORBIDDEN = frozenset("[](){}<>/%")

#: The Latin letters every face of the family text is named in must have: runs of any
#: language fall back on it for a drug name or an abbreviation.
LATIN_LETTERS = string.ascii_letters


class UnusableFont(ValueError):
    """A font file the build cannot embed: what is wrong (after the file's name) and
    what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


DAMAGED_HINT = "copy the font file again from where it came, or name another font in theme.yaml"


def check_font_data(data: bytes, scripts: Iterable[str]) -> None:
    """Refuse, as `UnusableFont`, the TrueType font ``data`` when a PDF cannot carry it
    or it cannot set ``scripts`` (the script tags the theme gives its family)."""
    font = _opened(data)
    _check_directory(font, len(data))
    for tag in (*NEEDED_TABLES, *(t for t in OPTIONAL_TABLES if t in font)):
        _check_table(font, tag)
    _check_licence(font)
    _check_postscript_name(font)
    cmap = frozenset(font["cmap"].getBestCmap() or ())
    for script in scripts:
        _check_letters(cmap, script)


def _damaged(what: str) -> UnusableFont:
    return UnusableFont(f"cannot be read as a font: {what} is damaged or cut short", DAMAGED_HINT)


def _opened(data: bytes) -> TTFont:
    try:
        return TTFont(io.BytesIO(data), lazy=True)
    except _UNREADABLE:
        raise _damaged("its table directory") from None


def _check_directory(font: TTFont, size: int) -> None:
    """Every table the directory lists lies inside the file: fontTools reads a table
    past the end as the bytes there are, and decompiles what it gets."""
    for tag, entry in font.reader.tables.items():
        if entry.offset + entry.length > size:
            raise _damaged(f"its {tag} table")
    missing = [tag for tag in NEEDED_TABLES if tag not in font]
    if "glyf" in missing and ("CFF " in font or "CFF2" in font):
        raise UnusableFont(*OTHER_FONT_TAGS[b"OTTO"])  # the tables of one, after its header
    if missing:
        raise UnusableFont(
            f"cannot be read as a font: it has no {', '.join(missing)} table",
            DAMAGED_HINT,
        )


def _check_table(font: TTFont, tag: str) -> None:
    """``tag`` decompiles, and holds what ReportLab insists on."""
    try:
        table = font[tag]
        sound = _sound(font, tag, table)
    except _UNREADABLE:
        sound = False
    if not sound:
        raise _damaged(f"its {tag} table")


def _sound(font: TTFont, tag: str, table: object) -> bool:
    """The checks ReportLab makes of a table's values, which fontTools does not."""
    if tag == "head":
        return getattr(table, "magicNumber", None) == HEAD_MAGIC
    if tag == "hhea":
        return getattr(table, "numberOfHMetrics", 0) > 0
    if tag == "maxp":
        return getattr(table, "numGlyphs", 0) > 0
    if tag == "post":
        return getattr(table, "formatType", None) in (1.0, 2.0, 2.5, 3.0, 4.0)
    if tag == "cmap":
        return font["cmap"].getBestCmap() is not None
    if tag == "glyf":  # loca's offsets must fall inside glyf
        offsets = list(font["loca"])
        inside = not offsets or offsets[-1] <= len(font.reader["glyf"])
        return offsets == sorted(offsets) and inside
    return True


def _check_licence(font: TTFont) -> None:
    """A font whose licence forbids embedding it, or a subset of it, is not embedded:
    a PDF carries the fonts it is printed in, and ReportLab refused it as damaged."""
    if "OS/2" not in font:
        return
    fs_type = int(font["OS/2"].fsType)
    why = "restricted licence" if fs_type & 0x000F == RESTRICTED else ""
    why = why or next((w for flag, w in FORBIDDING_FLAGS.items() if fs_type & flag), "")
    if why:
        raise UnusableFont(
            "has a licence that forbids embedding it in a PDF "
            f"(OS/2 fsType 0x{fs_type:04X}: {why})",
            "a PDF carries the fonts it is printed in: name a font whose licence allows "
            "embedding (SIL OFL fonts do), or ask the font's maker for one",
        )


def postscript_name(font: TTFont) -> str | None:
    """The name ReportLab writes in the PDF for the font: name ID 6, else 4, else 1, in
    Windows US English or Mac Roman English (as ReportLab's ``extractInfo`` reads it)."""
    names = font["name"]
    for name_id in (6, 4, 1):
        record = names.getName(name_id, 3, 1, 0x409) or names.getName(name_id, 1, 0, 0)
        if record is not None and (text := str(record.toUnicode())):
            return text
    return None


def _check_postscript_name(font: TTFont) -> None:
    name = postscript_name(font)
    fix = (
        "ask the font's maker for a corrected file, or give it a PostScript name of "
        "ASCII letters, digits and '-' (name ID 6) with a font editor"
    )
    if name is None:
        raise UnusableFont(
            "has no PostScript name in its name table, which a PDF names a font by", fix
        )
    written = name.replace(" ", "-")
    if any(not "!" <= char <= "~" or char in PS_NAME_FORBIDDEN for char in written):
        raise UnusableFont(
            f"has the PostScript name {name!r}, with characters a PDF font name cannot hold "
            "(only ASCII, without ( ) [ ] { } < > / %)",
            fix,
        )


def _check_letters(cmap: frozenset[int], script: str) -> None:
    """A face of a family the theme names for ``script`` has its letters: the Latin
    family every basic Latin letter, another at least one letter of its script. A Thai
    font named as the Latin family set Latin words in whatever other family had them."""
    if script == LATIN:
        lacking = next((c for c in LATIN_LETTERS if ord(c) not in cmap), None)
        if lacking is None:
            return
        what = f"no glyph for {lacking!r}, a Latin letter"
    elif any(script_of(chr(code)) == script for code in cmap):
        return
    else:
        what = "no letter of the script"
    raise UnusableFont(
        f"has {what}: the theme sets the {script} script in it (fonts: scripts:)",
        f"name a font that has the {script} script's letters, or set {script} in another "
        "family under fonts: scripts: (docs/scripts.md)",
    )
