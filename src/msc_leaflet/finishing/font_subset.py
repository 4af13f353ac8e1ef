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

Which codes are shown is what the fonts gave out while the pages were written
(`typeset/reportlab_overrides.codes_shown`), by the resource name of each subset:
every string ReportLab or the text stage writes in a shaping font takes its codes from
``ShapingTTFont.splitString``, on a page or in a form. A code given out and not shown
would keep a glyph too many, never one too few. Scanning the content streams for them
instead took a fifteenth of an Arabic build (a font selection before each glyph). A
font the record does not name (another tool's) is left whole, and so is one that
anything else could draw (an annotation's appearance, a pattern, a Type 3 glyph).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

import pikepdf
from pikepdf import Dictionary, Name

from ..typeset.to_unicode import read_cmap, write_cmap
from .final_pass import Step
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

# name IDs kept (OpenType 'name'): copyright, family, subfamily, full name, PostScript name
NAMES_KEPT = frozenset({0, 1, 2, 4, 6})
WINDOWS_ENGLISH = (3, 1, 0x409)  # platform, encoding (Unicode BMP), language

_FORM = Name.Form  # made once: pikepdf makes a new Name at each attribute access


def subset_fonts(noted: Mapping[str, frozenset[int]]) -> Step:
    """A `final_pass` step: every simple TrueType font keeps only what its codes show;
    ``noted``: the codes each font subset was given out for, by resource name
    (`LayoutResult.codes_shown`)."""

    def subset(pdf: pikepdf.Pdf) -> None:
        fonts, shown, forms = _codes_shown(pdf, noted)
        for font_id in fonts.keys() - _drawn_elsewhere(pdf, forms):
            _trim(fonts[font_id], shown[font_id])

    return subset


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
    pdf: pikepdf.Pdf, noted: Mapping[str, frozenset[int]]
) -> tuple[dict[FontId, Dictionary], dict[FontId, set[int]], set[FontId]]:
    """The noted fonts of the pages and the forms they draw, the codes each shows, and
    the forms read."""
    fonts: dict[FontId, Dictionary] = {}
    shown: dict[FontId, set[int]] = {}
    forms: set[FontId] = set()
    for page in pdf.pages:
        _fonts(page.obj.get("/Resources"), noted, fonts, shown, forms)
    return fonts, shown, forms


def _fonts(
    resources: object,
    noted: Mapping[str, frozenset[int]],
    fonts: dict[FontId, Dictionary],
    shown: dict[FontId, set[int]],
    forms: set[FontId],
) -> None:
    """Note the fonts of ``resources`` that ``noted`` names, then those of its forms."""
    if not isinstance(resources, Dictionary):
        return  # a page's inherited from the page tree: `_drawn_elsewhere` finds them
    named = resources.get("/Font")
    for name, font in named.items() if isinstance(named, Dictionary) else ():
        codes = noted.get(name[1:])
        # A direct font, or one the layout did not write (another tool's): left whole.
        if codes is not None and isinstance(font, Dictionary) and font.is_indirect:
            fonts[font.objgen] = font
            shown.setdefault(font.objgen, set()).update(codes)
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, Dictionary):
        return
    for form in xobjects.values():
        stream = isinstance(form, pikepdf.Stream) and form.objgen not in forms
        if stream and form.get("/Subtype") == _FORM:
            forms.add(form.objgen)
            _fonts(form.get("/Resources"), noted, fonts, shown, forms)


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
