"""Make the bundled CJK font: Noto Sans CJK SC Regular with TrueType outlines.

ReportLab embeds only TrueType (``glyf``) outlines, and every OFL-licensed CJK
sans-serif reachable here (Debian's ``fonts-noto-cjk``, PyPI's ``cvttf-notosanscjk-*``)
is CFF-based. This converts the outlines (cubic → quadratic, 1 unit tolerance, as
fontTools' ``otf2ttf``) after dropping Hangul (no Korean locale): ideographs, kana,
bopomofo, CJK punctuation and every OpenType layout feature stay, so the one face sets
Chinese and Japanese (HarfBuzz's ``locl`` picks the Japanese glyph forms for ``ja``).

Usage: python tools/cjk_font.py NotoSansCJK-Regular.ttc OUT.ttf
"""

from __future__ import annotations

import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SC_FACE = 2  # index of "Noto Sans CJK SC" in the Regular .ttc
HANGUL = [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)]
MAX_ERR = 1.0  # font units


def keep(code: int) -> bool:
    return not any(a <= code <= b for a, b in HANGUL)


def convert(font: TTFont) -> None:
    """CFF outlines → glyf/loca, in place (fontTools Snippets/otf2ttf.py)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in [
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ]:
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: 40k names would double the file
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def main(src: str, out: str) -> None:
    font = TTFont(src, fontNumber=SC_FACE, lazy=False)
    codes = [c for c in font.getBestCmap() if keep(c)]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    convert(font)
    font.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
