"""Shape text with HarfBuzz into grapheme clusters that know their source text.

Input: a font name and a piece of text in one font (never wider than one line-break
unit, so results repeat and cache well). Output: `Cluster` values, one per grapheme
cluster, each holding the glyphs HarfBuzz chose (stacked Thai marks, sara am split into
nikhahit + sara aa, ``.small``/``.narrow`` variants, Latin ligatures) and the exact
text they stand for. The spacing glyphs on the baseline carry the text: their *glyph
keys* (see ``reportlab_overrides``) have ToUnicode values that concatenate to the
cluster's text. Marks are drawn as outlines and carry none (see `_text_carriers`).

Shaping happens in font units, so results do not depend on the point size (HarfBuzz
applies no hinting or tracking here); the cache key is (font, text, lang).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz as hb

from .errors import MissingGlyphError
from .fonts import shaping_font
from .reportlab_overrides import ShapingTTFont
from .scripts import script_runs


@dataclass(frozen=True, slots=True)
class Glyph:
    """One glyph, positioned relative to the start of its cluster (1/1000 em)."""

    gid: int
    x: float
    y: float
    # Text-layer key (a code point, or a glyph key whose ToUnicode value is this glyph's
    # share of the cluster text); None: an outline-only glyph, drawn as a path.
    key: int | None
    width: float  # the key's /Widths entry


@dataclass(frozen=True, slots=True)
class Cluster:
    """A grapheme cluster: the smallest unit of text the stage ever moves or splits."""

    text: str
    glyphs: tuple[Glyph, ...]  # in HarfBuzz order
    advance: float  # 1/1000 em
    plain: bool  # one character drawn by its own cmap glyph

    @property
    def is_space(self) -> bool:
        return self.text == " "


@dataclass(frozen=True)
class HarfBuzzFont:
    """HarfBuzz's view of one registered font (one per font and process)."""

    font: hb.Font
    scale: float  # font units → 1/1000 em


@cache
def harfbuzz_font(name: str) -> HarfBuzzFont:
    """HarfBuzz font objects are built once per process (HarfBuzz objects are not picklable)."""
    ttf = shaping_font(name)
    with open(ttf.face.filename, "rb") as handle:
        face = hb.Face(hb.Blob(handle.read()))
    return HarfBuzzFont(hb.Font(face), 1000 / face.upem)


def shape(font_name: str, text: str, lang: str) -> tuple[Cluster, ...]:
    """Clusters for ``text`` in ``font_name``; raises `MissingGlyphError` for .notdef."""
    return _shape(font_name, text, lang.split("-")[0].lower())


@lru_cache(maxsize=50_000)
def _shape(font_name: str, text: str, lang: str) -> tuple[Cluster, ...]:
    clusters: list[Cluster] = []
    for start, end, script in script_runs(text):
        clusters.extend(_shape_script_run(font_name, text[start:end], script, lang))
    return tuple(clusters)


def _shape_script_run(font_name: str, text: str, script: str, lang: str) -> list[Cluster]:
    hbf = harfbuzz_font(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.script = script
    buf.direction = "ltr"
    buf.language = lang
    # Grapheme clusters: marks stay with their base, so a cluster is also the unit the
    # justifier and the line breaker may never split (Thai: never inside a syllable).
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
    # A dotted circle is a placeholder glyph with no source text; never print one.
    buf.flags = hb.BufferFlags.DO_NOT_INSERT_DOTTED_CIRCLE
    hb.shape(hbf.font, buf, {})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    ttf = shaping_font(font_name)
    out: list[Cluster] = []
    i = 0
    while i < len(infos):
        cluster_start = infos[i].cluster
        j = i
        pen = 0.0
        raw: list[tuple[int, float, float, float]] = []
        while j < len(infos) and infos[j].cluster == cluster_start:
            pos = positions[j]
            raw.append(
                (
                    infos[j].codepoint,
                    pen + pos.x_offset * hbf.scale,
                    pos.y_offset * hbf.scale,
                    pos.x_advance * hbf.scale,
                )
            )
            pen += pos.x_advance * hbf.scale
            j += 1
        cluster_text = text[cluster_start : ends[cluster_start]]
        out.append(_cluster(ttf, hbf, cluster_text, raw, pen))
        i = j
    return out


def _cluster(
    ttf: ShapingTTFont,
    hbf: HarfBuzzFont,
    text: str,
    raw: list[tuple[int, float, float, float]],
    advance: float,
) -> Cluster:
    if any(gid == 0 for gid, _, _, _ in raw):
        _raise_missing(ttf, hbf, text)
    if len(text) == 1 and len(raw) == 1 and hbf.font.get_nominal_glyph(ord(text)) == raw[0][0]:
        gid, x, y, _ = raw[0]
        width = hbf.font.get_glyph_h_advance(gid) * hbf.scale
        return Cluster(text, (Glyph(gid, x, y, ord(text), width),), advance, plain=True)
    carriers = _text_carriers(raw, len(text))
    shares = dict(zip(carriers, _text_shares(text, len(carriers)), strict=True))
    glyphs = []
    for index, (gid, x, y, _) in enumerate(raw):
        if index not in shares:
            glyphs.append(Glyph(gid, x, y, None, 0.0))
            continue
        # Carrier boxes tile the cluster: each reaches the next carrier (the last, the
        # cluster end), so extractors see neither gaps nor overlaps inside a word.
        later = [raw[c][1] for c in carriers if c > index]
        width = round((later[0] if later else advance) - x, 1)
        glyphs.append(Glyph(gid, x, y, ttf.glyph_key(gid, shares[index], width), width))
    return Cluster(text, tuple(glyphs), advance, plain=False)


def _text_carriers(raw: list[tuple[int, float, float, float]], chars: int) -> list[int]:
    """Which glyphs of a cluster carry its text in the PDF text layer.

    Spacing glyphs on the baseline do (consonants, vowels with advance, ligatures);
    zero-advance marks and raised or lowered glyphs do not: they are drawn as outlines
    (see ``outlines.py``). Every extractor then sees a row of ordinary, abutting glyph
    boxes. Extractors disagree about marks as text: poppler and pdfium sort by x and
    pdfium starts a new line at a raised glyph, pdfminer starts one between two
    zero-width glyphs, and pdfium prints the glyph code of a glyph mapped to no text
    (the second glyph of a decomposed sara am).
    """
    carriers = [i for i, (_, _, y, adv) in enumerate(raw) if adv > 0 and y == 0]
    return carriers[:chars] or [0]


def _text_shares(text: str, n: int) -> list[str]:
    """Split a cluster's text over its ``n`` text-carrying glyphs, in order.

    Each carrier after the first gets one character from the end (sara am's ำ goes to
    the sara aa glyph); the first carries the rest (ผ carries "ผู้"; the "fi" ligature
    carries both letters).
    """
    if n == 1:
        return [text]
    head = len(text) - (n - 1)
    return [text[:head], *text[head:]]


def _raise_missing(ttf: ShapingTTFont, hbf: HarfBuzzFont, text: str) -> None:
    for char in text:
        if hbf.font.get_nominal_glyph(ord(char)) is None:
            raise MissingGlyphError(char, ttf.fontName, text)
    raise MissingGlyphError(text[0], ttf.fontName, text)
