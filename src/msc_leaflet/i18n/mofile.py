"""Catalog → GNU ``.mo`` bytes, for tools and runtimes that want compiled catalogs.

The build itself reads ``.po`` files (it needs to see fuzzy entries and check
translations), so ``.mo`` files are a courtesy output. Only translated, non-fuzzy
entries go in, as ``msgfmt`` does (a plural one only with its msgstr[0]), and the
header as msgfmt compiles it. Keys are sorted, so the bytes are reproducible.
"""

from __future__ import annotations

import re
import struct

from .catalog import Catalog

MAGIC = 0x950412DE
# Joins a message's context to its msgid in a key. In a string of a catalog it would
# make two messages one key (context "a\x04b" and text "c", context "a" and text
# "b\x04c"), one translation given for the other: GNU refuses it in any string of a
# .po, and so does `pofile`.
CONTEXT_SEPARATOR = "\x04"


def _header(catalog: Catalog) -> str:
    """The header as msgfmt compiles it: as written, less its first POT-Creation-Date
    line, so the .mo of an unchanged translation stays the same when only the template
    was extracted again."""
    lines = re.split(r"(?<=\n)", catalog.header_msgstr())
    dated = next((i for i, line in enumerate(lines) if line.startswith("POT-Creation-Date:")), None)
    if dated is not None:
        del lines[dated]
    return "".join(lines)


def mo_bytes(catalog: Catalog) -> bytes:
    pairs: dict[bytes, bytes] = {b"": _header(catalog).encode("utf-8")}
    for entry in catalog.active:
        # msgfmt's rule: an empty msgstr[0] is untranslated, whatever the other forms
        # hold; compiled, gettext would return "" for it instead of the source text.
        if not entry.translated or not entry.forms[0]:
            continue
        key = (
            entry.msgid
            if entry.msgctxt is None
            else f"{entry.msgctxt}{CONTEXT_SEPARATOR}{entry.msgid}"
        )
        if entry.msgid_plural is not None:
            key += "\x00" + entry.msgid_plural
            value = "\x00".join(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
        else:
            value = entry.msgstr
        pairs[key.encode("utf-8")] = value.encode("utf-8")
    keys = sorted(pairs)
    count = len(keys)
    start = 7 * 4 + 16 * count  # header, then both offset tables, then the strings
    ids = b"".join(k + b"\x00" for k in keys)
    strs = b"".join(pairs[k] + b"\x00" for k in keys)
    id_table, str_table = [], []
    offset = start
    for k in keys:
        id_table += [len(k), offset]
        offset += len(k) + 1
    for k in keys:
        str_table += [len(pairs[k]), offset]
        offset += len(pairs[k]) + 1
    head = struct.pack("<7I", MAGIC, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    tables = struct.pack(f"<{4 * count}I", *id_table, *str_table)
    return head + tables + ids + strs
