"""Make each embedded TrueType program agree with its font's /Widths, so that a shaped
text layer (Thai, Khmer, Arabic, justified lines) can be PDF/A (§6.2.11.5).

Our text layer gives each shaped glyph its own code with HarfBuzz's advance as the
/Widths entry (`typeset/reportlab_overrides.py`): a Thai vowel mark, a kerned pair and
a justified space are placed where shaping put them, and one glyph is often used at
several advances. Viewers place glyphs by /Widths, so the file renders right, but the
program's own advance disagrees (`font_program.widths_agree`).

This step gives every code whose width disagrees a copy of its glyph, with the width as
its advance, and points the code at the copy. Outlines are unchanged, /Widths are
unchanged, ToUnicode is unchanged: what a page shows and what extractors read stay
exactly the same. Written with `struct` on the few tables involved (`truetype.py`).
"""

from __future__ import annotations

import struct

import pikepdf
from pikepdf import Dictionary, Name

from .font_program import TOLERANCE
from .truetype import (
    HEAD_LOCA_FORMAT,
    HEAD_UNITS,
    HHEA_METRICS,
    MAXP_GLYPHS,
    assemble,
    byte_cmap,
    glyph_count,
    long_loca,
    read_loca,
    set_field,
    table_offsets,
    write_loca,
)


def match_font_widths(pdf: pikepdf.Pdf) -> None:
    """A `final_pass` step: every simple TrueType program agrees with its /Widths."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
        for font in fonts.values():
            if not isinstance(font, Dictionary) or font.objgen in seen:
                continue
            seen.add(font.objgen)
            _match(font)


def _match(font: Dictionary) -> None:
    if font.get("/Subtype") != Name.TrueType:
        return
    descriptor = font.get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if isinstance(descriptor, Dictionary) else None
    widths = font.get("/Widths")
    if not isinstance(program, pikepdf.Stream) or not isinstance(widths, pikepdf.Array):
        return
    first = int(font.get("/FirstChar", 0))
    wanted = {first + i: float(w) for i, w in enumerate(widths)}
    data = program.read_bytes()
    patched = with_advances(data, wanted)
    if patched is not data:
        program.write(patched)  # compressed again when the file is saved
        program.Length1 = len(patched)


def with_advances(data: bytes, wanted: dict[int, float]) -> bytes:
    """``data`` (a subset TrueType program) with each code of ``wanted`` whose glyph's
    advance differs mapped to a copy of the glyph with that advance (1/1000 em); the
    same bytes object when nothing differs."""
    tables = table_offsets(data)
    offsets = {tag: offset for tag, (offset, _) in tables.items()}
    units = struct.unpack_from(">H", data, offsets[b"head"] + HEAD_UNITS)[0]
    long = long_loca(data, tables)
    count = glyph_count(data, tables)
    metric_count = struct.unpack_from(">H", data, offsets[b"hhea"] + HHEA_METRICS)[0]
    metrics = [
        struct.unpack_from(">Hh", data, offsets[b"hmtx"] + 4 * min(g, metric_count - 1))
        for g in range(count)
    ]
    if metric_count < count:  # the rest share the last advance, with their own lsb
        tail = offsets[b"hmtx"] + 4 * metric_count
        for g in range(metric_count, count):
            lsb = struct.unpack_from(">h", data, tail + 2 * (g - metric_count))[0]
            metrics[g] = (metrics[metric_count - 1][0], lsb)
    code_to_glyph = byte_cmap(data, offsets[b"cmap"])
    changes: dict[int, int] = {}  # code → its advance in font units, where it differs
    for code, width in wanted.items():
        glyph = code_to_glyph.get(code)
        if glyph is None or glyph >= count:
            continue
        if abs(metrics[glyph][0] * 1000 / units - width) > TOLERANCE / 2:
            changes[code] = round(width * units / 1000)
    if not changes:
        return data
    original = read_loca(data, offsets[b"loca"], count, long)
    loca = original[:count]
    glyf = bytearray(data[offsets[b"glyf"] : offsets[b"glyf"] + tables[b"glyf"][1]])
    glyf += b"\0" * (-len(glyf) % 4)  # the last glyph's padding: copies start aligned
    new_glyph: dict[int, int] = {}
    for code, advance in changes.items():
        glyph = code_to_glyph[code]
        start, end = original[glyph], original[glyph + 1]
        outline = data[offsets[b"glyf"] + start : offsets[b"glyf"] + end]
        loca.append(len(glyf))
        glyf += outline + b"\0" * (-len(outline) % 4)
        metrics.append((advance, metrics[glyph][1]))
        new_glyph[code] = len(metrics) - 1
    loca.append(len(glyf))
    total = len(metrics)
    long = long or len(glyf) > 0x1FFFE
    out = {tag: data[offset : offset + length] for tag, (offset, length) in tables.items()}
    out[b"glyf"] = bytes(glyf)
    out[b"loca"] = write_loca(loca, long)
    out[b"hmtx"] = b"".join(struct.pack(">Hh", a, lsb) for a, lsb in metrics)
    out[b"hhea"] = set_field(out[b"hhea"], HHEA_METRICS, ">H", total)
    out[b"maxp"] = set_field(out[b"maxp"], MAXP_GLYPHS, ">H", total)
    out[b"head"] = set_field(out[b"head"], HEAD_LOCA_FORMAT, ">h", int(long))
    out[b"cmap"] = _remap(out[b"cmap"], new_glyph)
    return assemble(data, out)


def _remap(cmap: bytes, new_glyph: dict[int, int]) -> bytes:
    """The cmap with each code of ``new_glyph`` pointing at its copy (formats 0 and 6,
    the byte encodings ReportLab writes)."""
    out = bytearray(cmap)
    count = struct.unpack_from(">H", cmap, 2)[0]
    for i in range(count):
        offset = struct.unpack_from(">I", cmap, 4 + 8 * i + 4)[0]
        fmt = struct.unpack_from(">H", cmap, offset)[0]
        for code, glyph in new_glyph.items():
            if fmt == 6:
                first, entries = struct.unpack_from(">HH", cmap, offset + 6)
                if first <= code < first + entries:
                    struct.pack_into(">H", out, offset + 10 + 2 * (code - first), glyph)
            elif fmt == 0 and code < 256:
                if glyph > 255:
                    raise ValueError("a format 0 cmap cannot point past glyph 255")
                out[offset + 6 + code] = glyph
    return bytes(out)


__all__ = ["match_font_widths", "with_advances"]
