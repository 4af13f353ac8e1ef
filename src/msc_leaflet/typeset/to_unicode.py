"""The ToUnicode CMap of a simple (one-byte) font: each code → the text it stands for.

Written for each font subset (`reportlab_overrides.ShapingTTFont.addObjects`) and read
back and written again, with only the codes the pages show, by the final pass
(`finishing/font_subset.py`): one format, kept here. A run of consecutive codes that
stand for consecutive characters (a subset's ASCII, mostly) is one ``bfrange`` line
instead of one ``bfchar`` line a code (PDF 32000-1 §9.10.3); pdfium, poppler, pdf.js,
pypdf and pdfminer.six all read both.
"""

from __future__ import annotations

import re

BLOCK = 100  # entries in one bfchar or bfrange block, at most (PDF 32000-1 §9.10.3)

_CHAR = re.compile(r"<([0-9A-F]{2})> <((?:[0-9A-F]{4})+)>")
_RANGE = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{2})> <([0-9A-F]{4})>")
_BLOCKS = re.compile(r"(\d+) begin(bfchar|bfrange)\n(.*?)\nend\2", re.S)
_NAME = re.compile(r"/CMapName /(\S+) def")
_BEGIN = re.compile(r"\bbegin[a-z]+")  # begincmap, begincodespacerange, beginbfchar, …
_SPACE = re.compile(r"1 begincodespacerange\n<00> <([0-9A-F]{2})>\nendcodespacerange")


def utf16_hex(text: str) -> str:
    """Hex of ``text`` in UTF-16BE: what a ToUnicode CMap value and /ActualText hold."""
    return text.encode("utf-16-be").hex().upper()


def _runs(values: dict[int, str]) -> tuple[list[str], list[str]]:
    """(bfchar lines, bfrange lines) for ``values`` (code → UTF-16BE hex)."""
    chars: list[str] = []
    ranges: list[str] = []
    codes = sorted(values)
    i = 0
    while i < len(codes):
        j = i
        # A range steps the value's last byte only (§9.10.3): one BMP unit, no surrogate,
        # no carry into the byte before it.
        while (
            j + 1 < len(codes)
            and codes[j + 1] == codes[j] + 1
            and _follows(values[codes[j]], values[codes[j + 1]])
        ):
            j += 1
        if j > i:
            ranges.append(f"<{codes[i]:02X}> <{codes[j]:02X}> <{values[codes[i]]}>")
        else:
            chars.append(f"<{codes[i]:02X}> <{values[codes[i]]}>")
        i = j + 1
    return chars, ranges


def _follows(value: str, following: str) -> bool:
    if len(value) != 4 or len(following) != 4:
        return False
    unit, next_unit = int(value, 16), int(following, 16)
    return next_unit == unit + 1 and unit >> 8 == next_unit >> 8 and not 0xD800 <= unit < 0xE000


def write_cmap(name: str, last_code: int, values: dict[int, str]) -> str:
    """The CMap ``name`` for codes 0..``last_code``, mapping each code of ``values`` to
    its UTF-16BE hex (several characters, surrogate pairs allowed)."""
    chars, ranges = _runs(values)
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({name})",
        f"/Ordering ({name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{last_code:02X}>",
        "endcodespacerange",
    ]
    for kind, lines in (("bfchar", chars), ("bfrange", ranges)):
        for start in range(0, len(lines), BLOCK):
            block = lines[start : start + BLOCK]
            cmap += [f"{len(block)} begin{kind}", *block, f"end{kind}"]
    cmap += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(cmap)


def read_cmap(text: str) -> tuple[str, int, dict[int, str]] | None:
    """(name, last code, code → UTF-16BE hex) of a CMap `write_cmap` wrote (or
    ReportLab's, which has the same form); None for any other."""
    name, space = _NAME.search(text), _SPACE.search(text)
    if name is None or space is None:
        return None
    blocks = _BLOCKS.findall(text)
    if len(_BEGIN.findall(text)) != 2 + len(blocks):  # a kind of block not read here
        return None
    values: dict[int, str] = {}
    for count, kind, body in blocks:
        lines = body.split("\n")
        if len(lines) != int(count):
            return None
        for line in lines:
            if kind == "bfchar":
                match = _CHAR.fullmatch(line)
                if match is None:
                    return None
                values[int(match[1], 16)] = match[2]
                continue
            found = _RANGE.fullmatch(line)
            if found is None:
                return None
            first, last, unit = int(found[1], 16), int(found[2], 16), int(found[3], 16)
            for offset in range(last - first + 1):
                values[first + offset] = f"{unit + offset:04X}"
    return name[1], int(space[1], 16), values
