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

Memory: a worker keeps one cache for every document it builds, so the caches are
bounded. Most clusters recur (every "e" of a face, every ที่), so equal clusters are
shared (`_ClusterTable`): a cached word costs a tuple of references, not fresh glyph
objects, and a repeated cluster is not rebuilt (the cold cost of a first build).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

import uharfbuzz as hb

from ..languages import shaping_language
from .errors import MissingGlyphError
from .fonts import drawn_text, shaping_font
from .reportlab_overrides import RECODED_BY_REPORTLAB, ShapingTTFont
from .scripts import LATIN, script_runs


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
    # A mark carrier (`_mark_carrier`): the glyph it is shown as, invisibly, where it
    # would otherwise be a text object of its own (``render``); None for other glyphs.
    stand_in: int | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    """A grapheme cluster: the smallest unit of text the stage ever moves or splits."""

    text: str
    glyphs: tuple[Glyph, ...]  # in HarfBuzz order
    advance: float  # 1/1000 em
    plain: bool  # one character drawn by its own cmap glyph
    carriers: tuple[Glyph, ...]  # the glyphs with a key, kept apart for the renderer
    # Some glyph is drawn as an outline (it has no key). Not so for most Arabic letters:
    # a joining form is a glyph of its own, not the cmap's, so it is not plain, but it
    # carries its text; the renderer skips them (a fifth of an Arabic line's drawing).
    outlined: bool = False
    # Its font and how far its ink rises over and hangs under its baseline (1/1000 em,
    # glyph offsets included): filled by `ink.cluster_reach` the first time a paragraph
    # asks, and shared, like the cluster, by every text of its face. No part of its value.
    reach: tuple[str, float, float] | None = field(default=None, compare=False, repr=False)

    @property
    def is_space(self) -> bool:
        return self.text == " "


ZERO_WIDTH_NON_JOINER = "\u200c"

#: Width (1/1000 em) per mark of the box that carries a cluster's combining marks in
#: the text layer, taken from the end of its base's box. Poppler shares a glyph's box
#: among its characters and reads two characters starting less than 0.1 em apart as
#: an overprinted duplicate (it ends the word there, and a justified line gets a space).
MARK_CARRIER_WIDTH = 110.0

Raw = tuple[int, float, float, float]  # glyph id, x, y, advance (1/1000 em, in its cluster)

#: Shaped texts kept per process. Units are words, so a leaflet has ~1,000 distinct
#: ones, and a library's vocabulary levels off: 200 varied EN+TH leaflets shaped 4,700
#: distinct words. With clusters shared an entry is ~0.35 kB, so a full cache is ~6 MB
#: (50,000 entries let a long batch grow a worker by ~17 MB; it was ~190 MB when every
#: entry held its own glyphs).
SHAPE_CACHE_SIZE = 16_384
#: Distinct clusters kept per face for sharing (Latin letters with their kerned
#: advances, Thai syllables): a few thousand in practice; the table starts over if full.
CLUSTER_TABLE_SIZE = 20_000


class _ClusterTable:
    """Equal clusters of one face, made once and shared by every text that has them."""

    def __init__(self) -> None:
        self.clusters: dict[tuple[str, tuple[Raw, ...], bool], Cluster] = {}

    def add(self, key: tuple[str, tuple[Raw, ...], bool], cluster: Cluster) -> None:
        if len(self.clusters) >= CLUSTER_TABLE_SIZE:
            self.clusters.clear()  # shared clusters stay valid; only future sharing restarts
        self.clusters[key] = cluster


@dataclass(frozen=True)
class HarfBuzzFont:
    """HarfBuzz's view of one registered font (one per font and process)."""

    font: hb.Font
    scale: float  # font units → 1/1000 em
    ttf: ShapingTTFont
    table: _ClusterTable


@cache
def harfbuzz_font(name: str) -> HarfBuzzFont:
    """HarfBuzz font objects are built once per process (HarfBuzz objects are not picklable)."""
    ttf = shaping_font(name)
    with open(ttf.face.filename, "rb") as handle:
        face = hb.Face(hb.Blob(handle.read()))
    return HarfBuzzFont(hb.Font(face), 1000 / face.upem, ttf, _ClusterTable())


def shape(
    font_name: str,
    text: str,
    lang: str,
    rtl: bool = False,
    context: tuple[str, str] = ("", ""),
    halved: tuple[int, ...] = (),
) -> tuple[Cluster, ...]:
    """Clusters for ``text`` in ``font_name``, in logical order; ``rtl``: the text is
    at an odd bidi level (``bidi.levels``) and is shaped right to left; ``context``:
    the text just before and after it in its paragraph (`joining_context`);
    ``halved``: offsets of full-width punctuation set on half an em, by the font's
    `halt` feature (`segmentation.squeezed_punctuation`). Raises `MissingGlyphError`
    for .notdef."""
    return _shape(font_name, text, shaping_language(lang), rtl, context, halved)


#: Characters of context HarfBuzz reads on each side of the text it shapes
#: (HB_BUFFER_CONTEXT_LENGTH).
CONTEXT_LENGTH = 5
ZERO_WIDTH_JOINER = "\u200d"
NO_CONTEXT = ("", "")  # nothing around a piece joins its letters


def joining_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The text HarfBuzz must see around ``text[start:end]`` to join its first and last
    letters to their neighbours, or "" on a side where no neighbour joins.

    A paragraph is shaped in pieces (between break opportunities, and wherever a run
    of another style starts), and a piece shaped alone ends as a word does: inside
    الطبيب, with **الطب** bold, ب took its final form and ي its initial, and the one
    word was drawn as two. Only a letter that joins (Arabic's, or a zero-width joiner)
    is context; after a space, a digit or a Latin letter there is none, so most pieces
    are shaped, and cached, exactly as alone.
    """
    before = text[max(0, start - CONTEXT_LENGTH) : start]
    after = text[end : end + CONTEXT_LENGTH]
    return (before if _joins(before[::-1]) else "", after if _joins(after) else "")


def _joins(chars: str) -> bool:
    """Whether the first character of ``chars`` that is not a mark joins letters."""
    for char in chars:
        if unicodedata.category(char) != "Mn":
            return unicodedata.bidirectional(char) == "AL" or char == ZERO_WIDTH_JOINER
    return False


@lru_cache(maxsize=SHAPE_CACHE_SIZE)
def _shape(
    font_name: str,
    text: str,
    lang: str,
    rtl: bool,
    context: tuple[str, str] = ("", ""),
    halved: tuple[int, ...] = (),
) -> tuple[Cluster, ...]:
    # ASCII is one Latin run whatever it holds (neutral characters join their run).
    runs = [(0, len(text), LATIN)] if text.isascii() else script_runs(text)
    if len(runs) == 1:
        return tuple(_shape_script_run(font_name, text, runs[0][2], lang, rtl, context, halved))
    clusters: list[Cluster] = []
    for start, end, script in runs:
        # Script runs meet where no letters join: only the outer ends have context.
        around = (context[0] if start == 0 else "", context[1] if end == len(text) else "")
        own = tuple(i - start for i in halved if start <= i < end)
        clusters.extend(
            _shape_script_run(font_name, text[start:end], script, lang, rtl, around, own)
        )
    return tuple(clusters)


def _shape_script_run(
    font_name: str,
    text: str,
    script: str,
    lang: str,
    rtl: bool,
    context: tuple[str, str] = ("", ""),
    halved: tuple[int, ...] = (),
) -> list[Cluster]:
    hbf = harfbuzz_font(font_name)
    buf = hb.Buffer()
    before, after = context
    # The context is read, not shaped: the buffer holds ``text`` alone, and its
    # clusters count from the start of the context.
    buf.add_str(drawn_text(font_name, before + text + after), len(before), len(text))
    buf.script = script
    # The bidi level decides the direction, not the script: a bracket or digit in an
    # Arabic sentence is shaped (and mirrored) right to left; a mirrored bracket's
    # glyph still carries the bracket's own character ("(" drawn with the ")" glyph
    # reads "("). Right-to-left runs come back in visual order; clusters are reversed
    # below, so every run's clusters are in logical (reading) order and each line
    # places them (``render``) and writes them (``reading_order``).
    buf.direction = "rtl" if rtl else "ltr"
    buf.language = lang
    # Grapheme clusters: marks stay with their base, so a cluster is also the unit the
    # justifier and the line breaker may never split (Thai: never inside a syllable).
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
    # A dotted circle is a placeholder glyph with no source text; never print one.
    buf.flags = hb.BufferFlags.DO_NOT_INSERT_DOTTED_CIRCLE
    features = _full_width_kept(font_name, text, len(before), script, lang)
    if halved:
        at = len(before)
        features = {**features, "halt": [(at + i, at + i + 1, True) for i in halved]}
    hb.shape(hbf.font, buf, features)
    scale = hbf.scale
    infos = buf.glyph_infos  # each read of these builds new Python objects
    starts = [info.cluster - len(before) for info in infos]
    if rtl and ZERO_WIDTH_NON_JOINER in text:
        starts = _joined_to_letter_before(text, starts)
    glyphs = [
        (info.codepoint, pos.x_offset * scale, pos.y_offset * scale, pos.x_advance * scale)
        for info, pos in zip(infos, buf.glyph_positions, strict=True)
    ]
    ordered = sorted(set(starts))
    ends = dict(zip(ordered, [*ordered[1:], len(text)], strict=True))
    shared = hbf.table.clusters
    out: list[Cluster] = []
    i = 0
    count = len(glyphs)
    while i < count:
        cluster_start = starts[i]
        j = i
        pen = 0.0
        raw: list[Raw] = []
        while j < count and starts[j] == cluster_start:
            gid, x_offset, y_offset, x_advance = glyphs[j]
            raw.append((gid, pen + x_offset, y_offset, x_advance))
            pen += x_advance
            j += 1
        key = (text[cluster_start : ends[cluster_start]], tuple(raw), rtl)
        cluster = shared.get(key)
        if cluster is None:
            cluster = _cluster(hbf, key[0], raw, pen, rtl)
            hbf.table.add(key, cluster)
        out.append(cluster)
        i = j
    if rtl:
        out.reverse()
    return out


def _full_width_kept(
    font_name: str, text: str, offset: int, script: str, lang: str
) -> dict[str, list[tuple[int, int, bool]]]:
    """HarfBuzz features for ``text`` (at ``offset`` in its buffer): `locl` off for each
    full-width mark the language's forms would narrow (`_locl_narrows`)."""
    if text.isascii():
        return {}
    narrowed = [
        (offset + i, offset + i + 1, False)
        for i, char in enumerate(text)
        if char >= WIDE_FROM and _locl_narrows(font_name, script, lang, char)
    ]
    return {"locl": narrowed} if narrowed else {}


WIDE_FROM = "\u1100"  # the first character Unicode gives East Asian Width W


@lru_cache(maxsize=4096)
def _locl_narrows(font_name: str, script: str, lang: str, char: str) -> bool:
    """Whether ``lang``'s `locl` forms set the full-width mark ``char`` narrower than
    the font's own glyph for it. Chinese and Japanese set a full-width mark on the em
    of an ideograph (JIS X 4051, clreq); Noto Sans CJK SC's Japanese forms swap ・
    (ショック・けいれん) for the proportional Western middle dot, a third of an em
    (adobe-fonts/source-han-sans#295). A letter keeps its language's forms (直, 骨)."""
    if unicodedata.east_asian_width(char) not in ("W", "F"):
        return False
    if unicodedata.category(char)[0] in "LM":
        return False
    font = harfbuzz_font(font_name).font
    advances: list[int] = []
    for locl in (True, False):
        buf = hb.Buffer()
        buf.add_str(char)
        buf.script, buf.direction, buf.language = script, "ltr", lang
        hb.shape(font, buf, {"locl": locl})
        advances.append(int(sum(position.x_advance for position in buf.glyph_positions)))
    return advances[0] < advances[1]


def _joined_to_letter_before(text: str, starts: list[int]) -> list[int]:
    """``starts`` with each zero-width non-joiner in the cluster before it, as a mark is.

    HarfBuzz gives the non-joiner of Persian and Urdu words (سلول‌ها) a cluster of its
    own. Right to left, a cluster is written as a glyph of its own (`reading_order`),
    and pdftotext ended the line at a zero-width glyph: "سلو" on one line, "لهای" on
    the next. Within the letter's cluster it rides on a carrier of its own, as a mark
    does (`_rtl_marked`), and every extractor reads it after the letter.
    """
    resolved: dict[int, int] = {}
    previous = -1
    for start in sorted(set(starts)):
        joins = previous >= 0 and text[start] == ZERO_WIDTH_NON_JOINER
        # Only after a letter (or a non-joiner already with one): not into a space.
        if joins and unicodedata.category(text[resolved[previous]])[0] in "LM":
            resolved[start] = resolved[previous]
        else:
            resolved[start] = start
        previous = start
    return [resolved[start] for start in starts]


def _cluster(
    hbf: HarfBuzzFont, text: str, raw: list[Raw], advance: float, rtl: bool = False
) -> Cluster:
    ttf = hbf.ttf
    if any(gid == 0 for gid, _, _, _ in raw):
        _raise_missing(ttf, hbf, text)
    if len(text) == 1 and len(raw) == 1 and hbf.font.get_nominal_glyph(ord(text)) == raw[0][0]:
        gid, x, y, _ = raw[0]
        width = hbf.font.get_glyph_h_advance(gid) * hbf.scale
        # A code point is its own key, unless ReportLab would write it as another one.
        key = ttf.glyph_key(gid, text, width) if text in RECODED_BY_REPORTLAB else ord(text)
        glyph = (Glyph(gid, x, y, key, width),)
        return Cluster(text, glyph, advance, plain=True, carriers=glyph)
    carriers = _text_carriers(raw, len(text))
    marks = _mark_span(text, len(carriers), rtl)
    if rtl and marks is not None and len(carriers) == 1:
        return _rtl_marked(hbf, text, raw, advance, carriers[0], marks)
    base_text = text if marks is None else text[: marks[0]] + text[marks[1] :]
    shares = dict(zip(carriers, _text_shares(base_text, len(carriers)), strict=True))
    if marks is not None and not any(_shared_length(shares, c) == marks[0] for c in carriers):
        # The marks sit inside a carrier's share (Khmer coeng: អ្ន is អ + ្ + ន, one
        # carrier): no carrier ends where they start, so its share keeps them.
        marks = None
        shares = dict(zip(carriers, _text_shares(text, len(carriers)), strict=True))
    glyphs = []
    keyed = []
    for index, (gid, x, y, _) in enumerate(raw):
        if index not in shares:
            glyphs.append(Glyph(gid, x, y, None, 0.0))
            continue
        # Carrier boxes tile the cluster: each reaches the next carrier (the last, the
        # cluster end), so extractors see neither gaps nor overlaps inside a word.
        later = [raw[c][1] for c in carriers if c > index]
        end = later[0] if later else advance
        own, riding = shares[index], ""
        if marks is not None and _shared_length(shares, index) == marks[0]:
            riding = text[marks[0] : marks[1]]
            marks = None
        elif not rtl:
            own, riding = _split_at_inner_mark(own)
        mark_width = min(MARK_CARRIER_WIDTH * len(riding), (end - x) / 2) if riding else 0.0
        width = round(end - mark_width - x, 1)
        glyphs.append(Glyph(gid, x, y, ttf.glyph_key(gid, own, width), width))
        keyed.append(glyphs[-1])
        if riding:
            # Not one of HarfBuzz's glyphs: a text carrier only (see `_mark_span`).
            keyed.append(_mark_carrier(hbf, gid, riding, x + width, end))
    outlined = any(glyph.key is None for glyph in glyphs)
    return Cluster(text, tuple(glyphs), advance, False, tuple(keyed), outlined)


def _rtl_marked(
    hbf: HarfBuzzFont,
    text: str,
    raw: list[Raw],
    advance: float,
    carrier: int,
    marks: tuple[int, int],
) -> Cluster:
    """A right-to-left cluster with marks (Arabic دً, سّ): the marks' carrier is the
    left part of the base's box, the base text's the right part.

    Readers of right-to-left text read a box from its right end, so the base comes
    first, as in the source; a carrier after the base (as left to right) would put
    the marks before it.
    """
    gid, x, y, _ = raw[carrier]
    mark_text = text[marks[0] : marks[1]]
    base_text = text[: marks[0]] + text[marks[1] :]
    mark_width = round(min(MARK_CARRIER_WIDTH * len(mark_text), (advance - x) / 2), 1)
    glyphs = [
        Glyph(g, gx, gy, None, 0.0)
        if i != carrier
        else Glyph(gid, x, y, hbf.ttf.glyph_key(gid, mark_text, mark_width), mark_width)
        for i, (g, gx, gy, _) in enumerate(raw)
    ]
    keyed = (glyphs[carrier], _mark_carrier(hbf, gid, base_text, x + mark_width, advance))
    return Cluster(text, tuple(glyphs), advance, False, keyed, outlined=len(glyphs) > 1)


def _mark_span(text: str, carriers: int, rtl: bool = False) -> tuple[int, int] | None:
    """(start, end) of the combining marks of a cluster, when they can ride on a carrier
    of their own: the cluster has other text for its spacing glyphs, and the marks are
    one stretch (ที่ → ี่, น้ำ → ้).

    pdf.js (Firefox's viewer and find bar) treats a glyph whose text contains any
    nonspacing mark (\\p{Mn}) as a zero-width diacritic: it drops the glyph's advance,
    so the next glyph looks one consonant further away and gets a space ("ชั่ วโมง").
    A carrier holding only the marks, with zero width, is exactly what pdf.js expects,
    and the base consonant keeps its advance with its own text.

    ``rtl``: a zero-width non-joiner after the letter counts as one of its marks (see
    `_joined_to_letter_before`).
    """
    positions = [
        i
        for i, char in enumerate(text)
        if unicodedata.category(char) == "Mn" or (rtl and char == ZERO_WIDTH_NON_JOINER)
    ]
    if not positions:
        return None
    start, end = positions[0], positions[-1] + 1
    if end - start != len(positions) or len(text) - (end - start) < carriers:
        return None
    return start, end


def _split_at_inner_mark(share: str) -> tuple[str, str]:
    """(letters before its first nonspacing mark, the rest) of a carrier's share whose
    marks sit inside it, else (share, "").

    A conjunct drawn as one glyph carries its virama or coeng inside its text (प्र is
    प + ् + र, Khmer ស្រ is ស + ្ + រ), where no carrier of `_mark_span` can take it.
    pdf.js calls any glyph whose text holds a nonspacing mark a zero-width diacritic
    and does not count it as the word's first glyph: after a space it measured the
    space again at the next glyph and read one there ("प्र काशित", "ड्र िप", "ស្រី ក").
    The letters before the mark stay on the glyph and the rest rides on a carrier of
    its own at the end of the glyph's box, so the glyph a word starts with is a letter.
    """
    if not share or unicodedata.category(share[0]) == "Mn":
        return share, ""
    for i, char in enumerate(share):
        if unicodedata.category(char) == "Mn":
            return share[:i], share[i:]
    return share, ""


def _shared_length(shares: dict[int, str], upto: int) -> int:
    """Characters carried by the carriers up to and including glyph ``upto``."""
    return sum(len(share) for index, share in shares.items() if index <= upto)


def _mark_carrier(hbf: HarfBuzzFont, base: int, marks: str, x: float, end: float) -> Glyph:
    """An invisible glyph (the space glyph) carrying ``marks``, from ``x`` to ``end``.

    It takes the last `MARK_CARRIER_WIDTH` of its base's box on the baseline, so every
    extractor reads the marks in place; the marks themselves are drawn as outlines.
    The base glyph is its stand-in (see `Glyph.stand_in`).
    """
    space = hbf.font.get_nominal_glyph(ord(" "))
    gid = space if space is not None else 0
    width = round(end - x, 1)
    return Glyph(gid, x, 0.0, hbf.ttf.glyph_key(gid, marks, width), width, base)


def _text_carriers(raw: list[Raw], chars: int) -> list[int]:
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
