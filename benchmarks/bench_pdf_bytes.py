"""Where the bytes of a PDF go: every byte of the file attributed to one kind of object,
as stored (compressed), and each embedded TrueType program split by table. Never a test.

Run:  python benchmarks/bench_pdf_bytes.py FILE.pdf [FILE.pdf ...]

Objects outside object streams are counted at their size in the file (from the offsets
of the cross-reference stream). An object stream's bytes are shared among the objects it
holds: each kind of object in it gets a share in proportion to what it adds to the
compressed stream (zlib level 9, with and without it); the stream's index of object
numbers and offsets is one such kind. Inside a font dictionary a direct /Widths array is
counted apart from the rest. Font tables are shown decoded and as each compresses alone,
with their share of the programs' stored bytes. Shares are estimates (compression mixes
what it compresses); the total is exact.
"""

from __future__ import annotations

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
                _share(pdf, obj, members[number], kinds, objects, stored, totals)
            else:
                kind = kinds.get(number, "other")
                totals[kind] += stored
                if kind == "font programs" and isinstance(obj, pikepdf.Stream):
                    _font_tables(obj, stored, tables)
        totals["xref stream, header, trailer"] += size - counted
    return totals, tables


def _pieces(obj: pikepdf.Object, kind: str) -> list[tuple[str, bytes]]:
    """A font dictionary's direct /Widths apart from the rest of it."""
    if kind == "font dictionaries" and isinstance(obj, Dictionary):
        widths = obj.get("/Widths")
        if isinstance(widths, Array) and not _indirect(widths):
            rest = Dictionary({k: obj.get(k) for k in obj if k != "/Widths"})
            return [("Widths arrays", widths.unparse()), (kind, rest.unparse(resolved=False))]
    return [(kind, _unparse(obj))]


def _share(
    pdf: pikepdf.Pdf,
    container: pikepdf.Object,
    numbers: list[int],
    kinds: dict[int, str],
    objects: dict[int, pikepdf.Object],
    stored: int,
    totals: Counter[str],
) -> None:
    text: dict[str, bytes] = defaultdict(bytes)
    for number in numbers:
        obj = objects[number]
        for kind, piece in _pieces(obj, kinds.get(number, "other")):
            text[kind] += piece + b"\n"
    decoded = container.read_bytes() if isinstance(container, pikepdf.Stream) else b""
    text["object-stream index"] = decoded[: int(container.get("/First", 0))]
    everything = len(zlib.compress(b"".join(text.values()), 9))
    # What each kind adds to the compressed whole: the bytes it would save, were it gone.
    marginal = {
        kind: everything - len(zlib.compress(b"".join(t for k, t in text.items() if k != kind), 9))
        for kind in text
    }
    whole = sum(marginal.values()) or 1
    for kind, part in marginal.items():
        totals[kind] += stored * part / whole


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
    for name in argv:
        path = Path(name)
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
