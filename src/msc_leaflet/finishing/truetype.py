"""Reading and rewriting the tables of an embedded TrueType program, with `struct`.

The final pass changes ReportLab's font subsets in place (`font_widths.py` adds glyphs
with other advances, `font_subset.py` empties what no page draws), and reads them
(`font_program.py`). Those subsets hold only glyf, loca, hmtx, hhea, maxp, head, name,
OS/2, cmap (format 6, or 0) and post (format 3), so a few offsets suffice where
fontTools would take 20–70 ms to read and write one font (OpenType spec, 'glyf',
'loca', 'name').
"""

from __future__ import annotations

import struct

HEAD_CHECKSUM = 8  # head.checkSumAdjustment
HEAD_UNITS = 18  # head.unitsPerEm
HEAD_LOCA_FORMAT = 50  # head.indexToLocFormat
HHEA_METRICS = 34  # hhea.numberOfHMetrics
MAXP_GLYPHS = 4  # maxp.numGlyphs

# Composite glyph flags: how long each component's record is, and whether one follows.
_WORD_ARGS, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x8, 0x20, 0x40, 0x80


def table_offsets(data: bytes) -> dict[bytes, tuple[int, int]]:
    """Tag → (offset, length) of each table of a TrueType program."""
    count = struct.unpack_from(">H", data, 4)[0]
    return {
        data[12 + 16 * i : 16 + 16 * i]: struct.unpack_from(">II", data, 20 + 16 * i)
        for i in range(count)
    }


def byte_cmap(data: bytes, cmap: int) -> dict[int, int]:
    """The first subtable of format 0 or 6 (what ReportLab's subsets hold)."""
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    for i in range(count):
        offset = cmap + struct.unpack_from(">I", data, cmap + 4 + 8 * i + 4)[0]
        fmt = struct.unpack_from(">H", data, offset)[0]
        if fmt == 0:
            return dict(enumerate(data[offset + 6 : offset + 262]))
        if fmt == 6:
            first, entries = struct.unpack_from(">HH", data, offset + 6)
            glyphs = struct.unpack_from(f">{entries}H", data, offset + 10)
            return {first + i: glyph for i, glyph in enumerate(glyphs)}
    raise ValueError("no byte-encoding cmap")


def glyph_count(data: bytes, tables: dict[bytes, tuple[int, int]]) -> int:
    return int(struct.unpack_from(">H", data, tables[b"maxp"][0] + MAXP_GLYPHS)[0])


def long_loca(data: bytes, tables: dict[bytes, tuple[int, int]]) -> bool:
    return bool(struct.unpack_from(">h", data, tables[b"head"][0] + HEAD_LOCA_FORMAT)[0] == 1)


def read_loca(data: bytes, offset: int, glyph_count: int, long_loca: bool) -> list[int]:
    """The glyph offsets into 'glyf' (one more than there are glyphs), in bytes."""
    if long_loca:
        return list(struct.unpack_from(f">{glyph_count + 1}I", data, offset))
    return [2 * v for v in struct.unpack_from(f">{glyph_count + 1}H", data, offset)]


def write_loca(offsets: list[int], long_loca: bool) -> bytes:
    if long_loca:
        return struct.pack(f">{len(offsets)}I", *offsets)
    return struct.pack(f">{len(offsets)}H", *(o // 2 for o in offsets))


def components(glyph: bytes) -> list[int]:
    """The glyphs a composite glyph is made of; [] for a simple or empty glyph."""
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return []
    found, at = [], 10
    while True:
        flags, index = struct.unpack_from(">HH", glyph, at)
        found.append(index)
        at += 4 + (4 if flags & _WORD_ARGS else 2)
        at += 2 if flags & _SCALE else 4 if flags & _XY_SCALE else 8 if flags & _TWO_BY_TWO else 0
        if not flags & _MORE:
            return found


def set_field(table: bytes, at: int, fmt: str, value: int) -> bytes:
    out = bytearray(table)
    struct.pack_into(fmt, out, at, value)
    return bytes(out)


def _checksum(table: bytes) -> int:
    padded = table + b"\0" * (-len(table) % 4)
    total: int = sum(struct.unpack(f">{len(padded) // 4}I", padded))
    return total & 0xFFFFFFFF


def assemble(original: bytes, tables: dict[bytes, bytes]) -> bytes:
    """A TrueType file of ``tables`` (the directory header kept from ``original``), with
    table checksums and head.checkSumAdjustment recomputed."""
    tags = sorted(tables)
    header = bytearray(original[:12])  # the same tables as ``original``: same counts
    directory = bytearray()
    body = bytearray()
    start = 12 + 16 * len(tags)
    head_at = 0
    for tag in tags:
        table = tables[tag]
        if tag == b"head":
            table = set_field(table, HEAD_CHECKSUM, ">I", 0)
            head_at = start + len(body)
        directory += struct.pack(">4sIII", tag, _checksum(table), start + len(body), len(table))
        body += table + b"\0" * (-len(table) % 4)
    font = bytearray(header + directory + body)
    adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    struct.pack_into(">I", font, head_at + HEAD_CHECKSUM, adjustment)
    return bytes(font)
