"""Embed only what the pages draw: each TrueType program keeps the outlines of the
glyphs its codes show, and names only the font; each ToUnicode CMap keeps those codes.

ReportLab's subsets carry more than a page shows. Subset 0 of every font holds all of
printable ASCII whether it is used or not (``rl_config.ttfAsciiReadable``, so that a
space is code 32): the italic of an English leaflet showed 27 of its 128 codes, and
every Thai subset carries the Latin alphabet. And each program keeps the font's whole
'name' table, 1.7 KB of copyright, licence and URLs in two encodings, which no PDF
renderer reads (the PDF's own /FontName names the font). This step, run before
`font_widths.py` so no glyph is copied only to be emptied:

- empties the outline of every glyph that no code shown on a page or in a form maps to
  (and that no shown composite glyph is built of), keeping .notdef. The glyph stays in
  the program with its advance, so codes, /Widths, cmap and PDF/A's agreement between
  /Widths and the program (§6.2.11.5) are untouched; nothing shown changes;
- keeps of 'name' the Windows English copyright, family, style, full and PostScript
  names. The SIL Open Font License does not ask a font embedded in a document to carry
  the licence's text (OFL FAQ, "Does the full OFL license text always need to accompany
  the font?"); the copyright stays;
- drops from the ToUnicode CMap the codes nothing shows (`typeset/to_unicode.py`).

Which codes are shown is read from the content streams: pages, and the forms they draw,
each scanned for ``Tf`` and strings by one regular expression (a quarter of the time of
qpdf's tokenizer); a stream the expression cannot read with certainty (nested
parentheses, comments, inline images) is tokenized by qpdf instead. A string counts as
shown in the font selected before it, whatever operator takes it: counting a string
that is not shown keeps a glyph too many, never one too few. A font that anything else
could draw (an annotation's appearance, a pattern, a Type 3 glyph) is left whole, and
every font is when a form shows text in the font of whoever draws it.
"""

from __future__ import annotations

import re
import struct
from binascii import unhexlify

import pikepdf
from pikepdf import Array, Dictionary, Name

from ..typeset.to_unicode import read_cmap, write_cmap
from .truetype import (
    assemble,
    byte_cmap,
    components,
    glyph_count,
    long_loca,
    read_loca,
    table_offsets,
    write_loca,
)

FontId = tuple[int, int]  # a font dictionary's object and generation numbers
MAX_FORM_DEPTH = 12  # forms in forms: ours nest one deep

# name IDs kept (OpenType 'name'): copyright, family, subfamily, full name, PostScript name
NAMES_KEPT = frozenset({0, 1, 2, 4, 6})
WINDOWS_ENGLISH = (3, 1, 0x409)  # platform, encoding (Unicode BMP), language

# A font chosen: the name is kept when a stream is split at each one. Possessive
# (``++``, ``*+``): a match never backtracks, which halves the time of splitting an
# Arabic page (a ``Tf`` per glyph). It matches what the plain pattern matched: each
# part is followed by a character it cannot take (white space after a name, a number).
_TF = re.compile(rb"/([^\s/<>\[\]()%{}]++)\s++[-+]?+(?:\d++\.?+\d*+|\.\d++)\s++Tf")
_HEX = re.compile(rb"<((?:[0-9A-Fa-f]{2})*+)>")  # an even number of digits, no space
_STRING = re.compile(rb"\(((?:[^()\\]|\\.)*)\)")  # no unescaped parenthesis inside
_LITERAL = re.compile(rb"\\([0-7]{1,3}|\r\n|.)|\r\n?", re.S)  # escapes; line ends
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_ESCAPED |= {b"\r": b"", b"\n": b"", b"\r\n": b""}  # a backslash before a line end joins lines
_SHOWS = "Tf Tj TJ ' \""
_FORM = Name.Form  # made once: pikepdf makes a new Name at each attribute access


class _Unsure(Exception):
    """A content stream shows text whose font this step cannot tell: trim nothing."""


def subset_fonts(pdf: pikepdf.Pdf) -> None:
    """A `final_pass` step: every simple TrueType font keeps only what its codes show."""
    try:
        fonts, shown, forms = _codes_shown(pdf)
    except _Unsure:
        return
    for font_id in fonts.keys() - _drawn_elsewhere(pdf, forms):
        _trim(fonts[font_id], shown.get(font_id, set()))


def _trim(font: Dictionary, codes: set[int]) -> None:
    if font.get("/Subtype") != Name.TrueType:
        return
    descriptor = font.get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if isinstance(descriptor, Dictionary) else None
    if isinstance(program, pikepdf.Stream):
        data = program.read_bytes()
        trimmed = only_codes(data, codes)
        if trimmed is not data:
            program.write(trimmed)  # compressed when the file is saved
            program.Length1 = len(trimmed)
    to_unicode = font.get("/ToUnicode")
    if isinstance(to_unicode, pikepdf.Stream):
        read = read_cmap(to_unicode.read_bytes().decode("latin-1"))
        if read is not None:
            name, last, values = read
            kept = {code: text for code, text in values.items() if code in codes}
            if len(kept) < len(values):
                to_unicode.write(write_cmap(name, last, kept).encode("latin-1"))


def only_codes(data: bytes, codes: set[int]) -> bytes:
    """``data`` (a subset TrueType program with a byte cmap) with the outline of each
    glyph none of ``codes`` needs emptied and a short 'name' table; the same bytes
    object when there is nothing to take out."""
    tables = table_offsets(data)
    count = glyph_count(data, tables)
    long = long_loca(data, tables)
    glyf = tables[b"glyf"][0]
    loca = read_loca(data, tables[b"loca"][0], count, long)
    code_to_glyph = byte_cmap(data, tables[b"cmap"][0])
    keep = {0} | {code_to_glyph[c] for c in codes if code_to_glyph.get(c, count) < count}
    pending = list(keep)
    while pending:  # a composite glyph needs the glyphs it is built of
        glyph = pending.pop()
        for part in components(data[glyf + loca[glyph] : glyf + loca[glyph + 1]]):
            if part < count and part not in keep:
                keep.add(part)
                pending.append(part)
    out = {tag: data[offset : offset + length] for tag, (offset, length) in tables.items()}
    if any(loca[g] != loca[g + 1] for g in range(count) if g not in keep):
        outlines = bytearray()
        offsets = []
        for g in range(count):
            offsets.append(len(outlines))
            if g in keep:  # each slice ends where the next glyph starts: alignment kept
                outlines += data[glyf + loca[g] : glyf + loca[g + 1]]
        offsets.append(len(outlines))
        out[b"glyf"] = bytes(outlines)
        out[b"loca"] = write_loca(offsets, long)
    if b"name" in out:
        out[b"name"] = _names(out[b"name"])
    if all(out[tag] == data[o : o + n] for tag, (o, n) in tables.items()):
        return data
    return assemble(data, out)


def _names(table: bytes) -> bytes:
    """A 'name' table of the records in `NAMES_KEPT` (Windows, English); the table as
    it is when it has none of them or is of a format this does not read."""
    fmt, count, strings = struct.unpack_from(">HHH", table, 0)
    if fmt != 0:
        return table
    records = [struct.unpack_from(">6H", table, 6 + 12 * i) for i in range(count)]
    kept = [r for r in records if tuple(r[:3]) == WINDOWS_ENGLISH and r[3] in NAMES_KEPT]
    if not kept or len(kept) == count:
        return table
    head = struct.pack(">HHH", 0, len(kept), 6 + 12 * len(kept))
    directory, text = bytearray(), bytearray()
    for platform, encoding, language, name_id, length, offset in kept:
        directory += struct.pack(">6H", platform, encoding, language, name_id, length, len(text))
        text += table[strings + offset : strings + offset + length]
    return head + bytes(directory) + bytes(text)


def _codes_shown(
    pdf: pikepdf.Pdf,
) -> tuple[dict[FontId, Dictionary], dict[FontId, set[int]], set[FontId]]:
    """The fonts of the pages and the forms they draw, the codes each is shown with,
    and the forms read."""
    fonts: dict[FontId, Dictionary] = {}
    shown: dict[FontId, set[int]] = {}
    scanned: set[FontId] = set()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        if not isinstance(resources, Dictionary):
            raise _Unsure  # inherited from the page tree: not read here
        contents = page.obj.get("/Contents")
        streams = contents if isinstance(contents, Array) else [contents]
        data = b"\n".join(s.read_bytes() for s in streams if isinstance(s, pikepdf.Stream))
        _scan(data, page.obj, resources, False, fonts, shown)
        _forms(resources, fonts, shown, scanned, 0)
    return fonts, shown, scanned


def _forms(
    resources: Dictionary,
    fonts: dict[FontId, Dictionary],
    shown: dict[FontId, set[int]],
    scanned: set[FontId],
    depth: int,
) -> None:
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, Dictionary):
        return
    for form in xobjects.values():
        if not isinstance(form, pikepdf.Stream) or form.objgen in scanned:
            continue
        if form.get("/Subtype") != _FORM:
            continue
        if depth >= MAX_FORM_DEPTH:
            raise _Unsure
        scanned.add(form.objgen)
        inner = form.get("/Resources")
        data = form.read_bytes()
        if b"Tf" in data or b"<" in data or b"(" in data:  # not a mark's outline
            _scan(
                data,
                form,
                inner if isinstance(inner, Dictionary) else Dictionary(),
                True,
                fonts,
                shown,
            )
        if isinstance(inner, Dictionary):
            _forms(inner, fonts, shown, scanned, depth + 1)


def _scan(
    data: bytes,
    owner: pikepdf.Object,
    resources: Dictionary,
    in_form: bool,
    fonts: dict[FontId, Dictionary],
    shown: dict[FontId, set[int]],
) -> None:
    """Note the codes of every string in ``data`` under the font selected before it."""
    font_resources = resources.get("/Font")
    names = font_resources if isinstance(font_resources, Dictionary) else Dictionary()
    for font in names.values():
        if isinstance(font, Dictionary) and font.is_indirect:  # a direct one: left whole
            fonts[font.objgen] = font
    runs = _runs(data, owner)
    before = runs[0][1]  # what comes before the first Tf
    if in_form and before:
        raise _Unsure  # text in the font of whoever draws the form
    # On a page, a string before the first Tf is no text: a marked-content property.
    for name, codes in runs[1:]:
        chosen = names.get("/" + (name or ""))
        if not isinstance(chosen, Dictionary):
            raise _Unsure
        if chosen.is_indirect:
            shown.setdefault(chosen.objgen, set()).update(codes)


Runs = list[tuple[str | None, bytes]]


def _runs(data: bytes, owner: pikepdf.Object) -> Runs:
    """The bytes of every string in ``data``, font by font: first those before any
    ``Tf`` (under None), then, for each font name in the order of its first ``Tf``,
    those after each of its ``Tf`` up to the next.

    Font by font, not ``Tf`` by ``Tf``: an Arabic page selects its font again before
    each right-to-left glyph (`typeset/reading_order.py`), 2,700 times, and the strings
    of a font are read at once (a newline between two ``Tf``'s strings: no hex string
    spans one)."""
    parts = _TF.split(data)
    names, segments = parts[1::2], parts[2::2]
    if b"(" in data:  # literal strings (ReportLab's own bullets): Tf by Tf
        return _grouped(_runs_by_tf(data, owner, parts))
    found = _HEX.findall(parts[0])
    hex_strings = len(found)
    runs: Runs = [(None, unhexlify(b"".join(found)))]
    by_name: dict[bytes, list[bytes]] = {}
    for name, segment in zip(names, segments, strict=True):
        by_name.setdefault(name, []).append(segment)
    for name, selected in by_name.items():
        found = _HEX.findall(b"\n".join(selected))
        hex_strings += len(found)
        runs.append((name.decode("latin-1"), unhexlify(b"".join(found))))
    if _unread(data, len(names), hex_strings, 0, 0):
        return _grouped(_qpdf_runs(owner))
    return runs


def _runs_by_tf(data: bytes, owner: pikepdf.Object, parts: list[bytes]) -> Runs:
    """`_runs` of a stream with literal strings, ``Tf`` by ``Tf``; ``parts``: the
    stream split at each ``Tf``."""
    segments = parts[0::2]  # the text before the first Tf, then after each
    found = list(map(_HEX.findall, segments))
    hex_strings = sum(map(len, found))
    codes = [unhexlify(b"".join(hexes)) for hexes in found]
    strings = escaped = 0
    for index, part in enumerate(segments):
        if b"(" in part:
            literals = _STRING.findall(part)
            strings += len(literals)
            escaped += sum(s.count(b"\\(") + s.count(b"\\)") for s in literals)
            codes[index] += b"".join(_LITERAL.sub(_unescape, s) for s in literals)
    names = [None, *(name.decode("latin-1") for name in parts[1::2])]
    if _unread(data, len(names) - 1, hex_strings, strings, escaped):
        return _qpdf_runs(owner)
    return list(zip(names, codes, strict=True))


def _unread(data: bytes, fonts: int, hex_strings: int, strings: int, escaped: int) -> bool:
    """Whether ``data`` holds a ``Tf``, '<' or parenthesis the expressions did not read
    (``fonts`` selections, ``hex_strings`` and ``strings`` read, with ``escaped``
    parentheses in them): a comment, an inline image, a nested or empty literal
    string, an odd or spaced hex string, a name with "Tf" in it. qpdf reads those."""
    return bool(
        data.count(b"Tf") != fonts
        or data.count(b"<") - 2 * data.count(b"<<") != hex_strings
        or data.count(b"(") + data.count(b")") != 2 * strings + escaped
        or b"%" in data
        or (b"BI" in data and re.search(rb"(?<![^\s])BI(?![^\s])", data))
    )


def _grouped(runs: Runs) -> Runs:
    """``runs`` read ``Tf`` by ``Tf``, font by font (see `_runs`)."""
    by_name: dict[str | None, list[bytes]] = {}
    for name, codes in runs[1:]:
        by_name.setdefault(name, []).append(codes)
    return [runs[0], *((name, b"".join(codes)) for name, codes in by_name.items())]


def _unescape(match: re.Match[bytes]) -> bytes:
    escaped = match[1]
    if escaped is None:  # an unescaped line end in a string is a line feed
        return b"\n"
    if escaped[:1].isdigit():
        return bytes([int(escaped, 8) & 0xFF])
    return _ESCAPED.get(escaped, escaped)


def _qpdf_runs(owner: pikepdf.Object) -> Runs:
    """The strings of the stream, ``Tf`` by ``Tf``, as qpdf's tokenizer reads it."""
    runs: list[tuple[str | None, bytearray]] = [(None, bytearray())]
    for instruction in pikepdf.parse_content_stream(owner, _SHOWS):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue  # an inline image: no text
        operands, operator = list(instruction.operands), str(instruction.operator)
        if operator == "Tf":
            font = operands[0] if operands else None
            runs.append((str(font)[1:] if isinstance(font, Name) else "", bytearray()))
            continue
        shown = operands[-1:]  # Tj, ' and " show their last operand
        if operator == "TJ" and shown and isinstance(shown[0], Array):
            shown = list(shown[0])
        for item in shown:
            if isinstance(item, pikepdf.String):
                runs[-1][1].extend(bytes(item))
    return [(name, bytes(codes)) for name, codes in runs]


def _drawn_elsewhere(pdf: pikepdf.Pdf, forms: set[FontId]) -> set[FontId]:
    """Fonts that something other than a page or a form it draws can show: those of any
    other resource dictionary (an annotation's appearance, a pattern, a Type 3 font, the
    page tree) and of an interactive form's defaults."""
    read = forms | {page.obj.objgen for page in pdf.pages}
    holders = [pdf.Root.get("/AcroForm")]
    holders += [
        obj
        for obj in pdf.objects
        if isinstance(obj, Dictionary | pikepdf.Stream)
        and ("/Resources" in obj or "/DR" in obj)
        and obj.objgen not in read
    ]
    found: set[FontId] = set()
    for holder in holders:
        for key in ("/Resources", "/DR"):
            resources = holder.get(key) if isinstance(holder, Dictionary | pikepdf.Stream) else None
            fonts = resources.get("/Font") if isinstance(resources, Dictionary) else None
            if isinstance(fonts, Dictionary):
                found |= {f.objgen for f in fonts.values() if isinstance(f, Dictionary)}
    return found
