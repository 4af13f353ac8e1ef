"""Where the bytes of a PDF go: every byte of the file attributed to one kind of object,
as stored (compressed), and each embedded TrueType program split by table. Never a test.

Run:  python benchmarks/bench_pdf_bytes.py FILE.pdf [FILE.pdf ...]

Objects outside object streams are counted at their size in the file (from the offsets
of the cross-reference stream). An object stream's bytes are shared among the objects it
holds: the stream's index of object numbers and offsets gets what the stream compresses
to with it less without it (zlib level 9), and each kind of object a share of the rest
in proportion to what that kind's objects compress to on their own. Inside a font
dictionary a direct /Widths array is counted apart from the rest. Font tables are shown
decoded and as each compresses alone, with their share of the programs' stored bytes.
Shares are estimates (compression mixes what it compresses); the total is exact.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
import zlib
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

# A stream or dictionary named by one of these keys is of that kind (the first key that
# names an object wins; a /Type below overrides it).
BY_KEY = {
    "/Contents": "page content streams",
    "/FontFile2": "font programs",
    "/FontFile": "font programs",
    "/FontFile3": "font programs",
    "/ToUnicode": "ToUnicode CMaps",
    "/Widths": "Widths arrays",
    "/DestOutputProfile": "ICC profile",
    "/Metadata": "XMP metadata",
    "/ParentTree": "ParentTree",
    "/A": "annotations",
    "/Outlines": "catalog, info, outlines",
    "/Info": "catalog, info, outlines",
    "/Font": "font dictionaries",
}
BY_TYPE = {
    "/StructElem": "structure elements",
    "/StructTreeRoot": "structure tree root",
    "/MCR": "structure elements",
    "/OBJR": "structure elements",
    "/Font": "font dictionaries",
    "/FontDescriptor": "font dictionaries",
    "/Annot": "annotations",
    "/Page": "page tree",
    "/Pages": "page tree",
    "/Catalog": "catalog, info, outlines",
    "/Outlines": "catalog, info, outlines",
    "/OutputIntent": "ICC profile",
    "/Metadata": "XMP metadata",
    "/XRef": "xref stream, header, trailer",
}


def _indirect(item: object) -> bool:
    return isinstance(item, pikepdf.Object) and item.is_indirect


def _objects(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    return {obj.objgen[0]: obj for obj in pdf.objects if obj.objgen[0]}


def _kinds(pdf: pikepdf.Pdf, objects: dict[int, pikepdf.Object]) -> dict[int, str]:
    """Object number → kind, from its /Type, /Subtype or the key that refers to it."""
    named: dict[int, str] = {}
    if "/Info" in pdf.trailer:
        named[pdf.trailer.Info.objgen[0]] = BY_KEY["/Info"]

    def visit(value: object) -> None:
        if isinstance(value, Dictionary | pikepdf.Stream):
            for key in value:
                item = value.get(key)
                if _indirect(item) and key in BY_KEY:
                    named.setdefault(item.objgen[0], BY_KEY[key])
                if not _indirect(item):
                    visit(item)
        elif isinstance(value, Array):
            for item in value:
                if not _indirect(item):
                    visit(item)

    for obj in objects.values():
        visit(obj)
    kinds = {}
    for number, obj in objects.items():
        kind = named.get(number, "other")
        if isinstance(obj, Dictionary | pikepdf.Stream):
            type_ = str(obj.get("/Type", ""))
            if type_ in BY_TYPE:
                kind = BY_TYPE[type_]
            elif str(obj.get("/Subtype", "")) == "/Form":
                kind = "form XObjects"
            elif str(obj.get("/Subtype", "")) == "/Image":
                kind = "images"
            elif "/Title" in obj and ("/Parent" in obj or "/Dest" in obj):
                kind = "catalog, info, outlines"  # a bookmark
        if isinstance(obj, Array) and kind == "other":
            kind = "ParentTree" if _in_parent_tree(pdf, number) else "other"
        kinds[number] = kind
    return kinds


def _in_parent_tree(pdf: pikepdf.Pdf, number: int) -> bool:
    tree = pdf.Root.get("/StructTreeRoot")
    parents = tree.get("/ParentTree") if isinstance(tree, Dictionary) else None
    stack = [parents] if parents is not None else []
    while stack:
        node = stack.pop()
        for key in ("/Nums", "/Kids"):
            for item in node.get(key, Array()):
                if _indirect(item) and item.objgen[0] == number:
                    return True
                if isinstance(item, Dictionary):
                    stack.append(item)
    return False


def _xref(path: Path) -> tuple[dict[int, int], dict[int, int], int]:
    """(object → offset in the file, object → its object stream, offset of the xref)."""
    data = path.read_bytes()
    startxref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    with pikepdf.open(path) as pdf:
        xref = next(
            o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Type") == Name.XRef
        )
        widths = [int(w) for w in xref.W]
        index = [int(i) for i in xref.get("/Index", Array([0, int(xref.Size)]))]
        table = xref.read_bytes()
    numbers = [
        n
        for start, count in zip(index[::2], index[1::2], strict=True)
        for n in range(start, start + count)
    ]
    offsets, in_stream = {}, {}
    row = sum(widths)
    for i, number in enumerate(numbers):
        fields, at = [], i * row
        for width in widths:
            fields.append(int.from_bytes(table[at : at + width], "big") if width else 1)
            at += width
        if fields[0] == 1:
            offsets[number] = fields[1]
        elif fields[0] == 2:
            in_stream[number] = fields[1]
    return offsets, in_stream, startxref


def _unparse(obj: pikepdf.Object) -> bytes:
    return obj.unparse(resolved=False) if not isinstance(obj, pikepdf.Stream) else b""


def breakdown(path: Path) -> tuple[Counter[str], dict[bytes, list[int]]]:
    """Stored bytes per kind, and per font table [decoded, alone compressed, stored share]."""
    size = path.stat().st_size
    offsets, in_stream, startxref = _xref(path)
    totals: Counter[str] = Counter()
    tables: dict[bytes, list[int]] = defaultdict(lambda: [0, 0, 0])
    with pikepdf.open(path) as pdf:
        objects = _objects(pdf)
        kinds = _kinds(pdf, objects)
        ends = sorted([*offsets.values(), startxref])
        end_of = dict(pairwise(ends))
        members: dict[int, list[int]] = defaultdict(list)
        for number, container in in_stream.items():
            members[container].append(number)
        counted = 0
        for number, offset in offsets.items():
            stored = end_of[offset] - offset
            counted += stored
            obj = objects.get(number)
            if number in members:
                _share(obj, kinds, stored, totals)
            else:
                kind = kinds.get(number, "other")
                if kind == "form XObjects" and isinstance(obj, pikepdf.Stream):
                    data = len(obj.read_raw_bytes())  # a form's own dictionary is the rest
                    totals["form XObject dictionaries"] += stored - data
                    stored = data
                totals[kind] += stored
                if kind == "font programs" and isinstance(obj, pikepdf.Stream):
                    _font_tables(obj, stored, tables)
        totals["xref stream, header, trailer"] += size - counted
    return totals, tables


_WIDTHS = re.compile(rb"/Widths\s*\[[^\]]*\]")


def _pieces(text: bytes, kind: str) -> list[tuple[str, bytes]]:
    """An object's text as the file holds it, a font dictionary's direct /Widths apart."""
    if kind == "font dictionaries":
        widths = b"".join(_WIDTHS.findall(text))
        return [("Widths arrays", widths), (kind, _WIDTHS.sub(b"", text))]
    return [(kind, text)]


def _share(
    container: pikepdf.Object, kinds: dict[int, str], stored: int, totals: Counter[str]
) -> None:
    decoded = container.read_bytes() if isinstance(container, pikepdf.Stream) else b""
    first = int(container.get("/First", 0))
    pairs = [int(n) for n in decoded[:first].split()]
    numbers, starts = pairs[::2], [first + o for o in pairs[1::2]]
    text: dict[str, bytes] = defaultdict(bytes)
    for number, start, end in zip(numbers, starts, [*starts[1:], len(decoded)], strict=True):
        for kind, piece in _pieces(decoded[start:end], kinds.get(number, "other")):
            text[kind] += piece
    # The index (object numbers and offsets) costs what the stream would save without it;
    # the rest is shared by what each kind's objects compress to on their own.
    everything = len(zlib.compress(decoded, 9))
    without = len(zlib.compress(decoded[first:], 9))
    totals["object-stream index"] += stored * (everything - without) / everything
    alone = {kind: len(zlib.compress(t, 9)) for kind, t in text.items()}
    rest = stored * without / everything
    for kind, part in alone.items():
        totals[kind] += rest * part / (sum(alone.values()) or 1)


def _font_tables(program: pikepdf.Stream, stored: int, tables: dict[bytes, list[int]]) -> None:
    data = program.read_bytes()
    count = struct.unpack_from(">H", data, 4)[0]
    entries = [struct.unpack_from(">4sIII", data, 12 + 16 * i) for i in range(count)]
    alone = {tag: len(zlib.compress(data[o : o + n], 9)) for tag, _, o, n in entries}
    alone[b"(dir)"] = len(zlib.compress(data[: 12 + 16 * count], 9))
    whole = sum(alone.values())
    tables[b"(dir)"][1] += alone[b"(dir)"]
    for tag, _, _, length in entries:
        tables[tag][0] += length
        tables[tag][1] += alone[tag]
        tables[tag][2] += round(stored * alone[tag] / whole)
    tables[b"(dir)"][0] += 12 + 16 * count
    tables[b"(dir)"][2] += round(stored * alone[b"(dir)"] / whole)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="+", type=Path, help="PDF files to break down")
    paths = parser.parse_args(argv).pdf
    for path in paths:
        if not path.is_file():
            parser.error(f"{path}: no such file")
    for path in paths:
        size = path.stat().st_size
        totals, tables = breakdown(path)
        print(f"{path}: {size} bytes ({size / 1024:.1f} KB)")
        for kind, stored in totals.most_common():
            print(f"  {kind:30} {stored:9.0f}  {100 * stored / size:5.1f} %")
        if tables:
            print("  font tables (all programs)    decoded   alone-z9   stored share")
            for tag, (decoded, alone, share) in sorted(tables.items(), key=lambda t: -t[1][2]):
                print(f"    {tag.decode('latin-1'):6}  {decoded:22} {alone:10} {share:12}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
