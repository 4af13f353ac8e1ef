"""What a PDF font dictionary says of its program: is it embedded, and do its /Widths
agree with it? PDF/A-2 asks both (§6.2.11.4, §6.2.11.5); preflight asks the first.

Our text layer sets each shaped glyph with HarfBuzz's advance as its /Widths entry
(`typeset/reportlab_overrides.py`), so a Thai vowel mark or a kerned pair is placed
where shaping put it. The embedded TrueType program holds the glyph's own advance, and
one glyph is often used at several advances: `font_widths.py` gives each such code a
copy of its glyph with the right advance. Should a program still disagree, the file is
not PDF/A and must not say so (`conformance.py` withholds the claim).

Read with `struct` from the few tables needed (head, hhea, hmtx, cmap) instead of
fontTools, which takes 20 ms to parse a font; this takes well under one.
"""

from __future__ import annotations

import struct
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name

from .truetype import byte_cmap, table_offsets

TOLERANCE = 1.0  # 1/1000 em, as validators allow for rounding


def embedded(font: Dictionary) -> bool:
    """Whether ``font``'s glyphs travel with the file (a Type 3 font's always do)."""
    if font.get("/Subtype") == Name.Type3:
        return True
    if font.get("/Subtype") == Name.Type0:
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, Array) or len(descendants) == 0:
            return False
        descendant = descendants[0]
        if not isinstance(descendant, Dictionary):
            return False
        font = descendant
    descriptor = font.get("/FontDescriptor")
    return isinstance(descriptor, Dictionary) and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def widths_agree(font: object) -> bool | None:
    """Whether every /Widths entry of a simple TrueType ``font`` equals its program's
    advance for that code; None when the font is of a kind this does not read (not
    TrueType, or a cmap other than the byte maps ReportLab writes)."""
    if not isinstance(font, Dictionary) or font.get("/Subtype") != Name.TrueType:
        return None
    descriptor = font.get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if isinstance(descriptor, Dictionary) else None
    widths = font.get("/Widths")
    if not isinstance(program, pikepdf.Stream) or not isinstance(widths, Array):
        return None
    try:
        advances = _advances_by_code(program.read_bytes())
        first = int(font.get("/FirstChar", 0))
        for index, width in enumerate(widths):
            advance = advances.get(first + index)
            if advance is not None and abs(advance - float(width)) > TOLERANCE:
                return False
    except (struct.error, ValueError, IndexError, zlib.error, pikepdf.PdfError):
        return None
    return True


def _advances_by_code(data: bytes) -> dict[int, float]:
    """Code → advance in 1/1000 em, from a TrueType program's cmap (1,0) or (3,0)."""
    tables = _tables(data)
    units_per_em = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
    metrics = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]
    hmtx = tables[b"hmtx"]
    code_to_glyph = byte_cmap(data, tables[b"cmap"])
    scale = 1000 / units_per_em
    advances = {}
    for code, glyph in code_to_glyph.items():
        row = min(glyph, metrics - 1)  # glyphs past numberOfHMetrics share the last advance
        advances[code] = struct.unpack_from(">H", data, hmtx + 4 * row)[0] * scale
    return advances


def _tables(data: bytes) -> dict[bytes, int]:
    return {tag: offset for tag, (offset, _) in table_offsets(data).items()}
