"""Register the theme's font families with ReportLab, and pick a face per character.

Runs are named in the Latin family's faces (``Sarabun-bold``); `font_spans` then sets
each character in the family the theme gives its script (Khmer in Noto Sans Khmer,
kanji in Noto Sans CJK), and neutral characters (digits, spaces, punctuation) in the
face of the text around them, if it has them. A Latin drug name, a number or a
citation inside any script so finds its glyphs, and a Thai or English leaflet, all
of whose characters Sarabun has, is set exactly as before.

Registering is global ReportLab state, per process: each table is worked out once
(pool workers inherit it), and the first file registered under a face name keeps it.
Fonts are `ShapingTTFont` objects, the one font class that can embed HarfBuzz output
with an exact text layer (see ``reportlab_overrides``).
"""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, groupby, repeat
from operator import is_
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from ..content.composition import holds_compatibility_ideograph, unified_ideograph
from ..errors import LeafletError, Location
from ..theme.fonts import ROLES, FontConfig, FontFamilySpec, role_of
from .font_files import bundled_config, face_path
from .instances import instance_path
from .reportlab_overrides import ShapingTTFont
from .scripts import LATIN, is_cjk_symbol, locale_script, script_of


@dataclass(frozen=True)
class FontFamily:
    """Registered ReportLab font names for the four faces a paragraph may use."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    files: tuple[Path, ...]

    def face(self, bold: bool, italic: bool) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular

    @property
    def names(self) -> tuple[str, str, str, str]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


@dataclass(frozen=True)
class FaceStack:
    """For one face of the Latin family: the face to use for each script."""

    by_script: dict[str, str]  # script tag → registered face name
    order: tuple[str, ...]  # every face, Latin first: the fallback order
    # Per locale face (`font_spans`'s ``home``): character → its face, None if neutral.
    _strong: dict[str, dict[str, str | None]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # (face, neutral character) → whether the character stays in the face before it.
    joins: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)

    def for_script(self, script: str) -> str:
        return self.by_script.get(script, self.order[0])

    def strong_faces(self, home: str) -> dict[str, str | None]:
        """The characters whose face is known, for text of the locale whose face is
        ``home``. Bounded: CJK text brings thousands of characters, and a worker's
        memory must stay flat over a batch (#20)."""
        table = self._strong.setdefault(home, {})
        if len(table) > STRONG_FACES_SIZE:
            table.clear()
        if len(self.joins) > STRONG_FACES_SIZE:
            self.joins.clear()
        return table


#: Characters whose face a stack remembers per locale: a Chinese or Japanese leaflet
#: uses 1,000-3,000 distinct characters, every other script a few hundred.
STRONG_FACES_SIZE = 8192


# Registered face name (the Latin family's) → its stack. Per process, like ReportLab's
# own font registry.
_stacks: dict[str, FaceStack] = {}


def face_name(family: FontFamilySpec, role: str) -> str:
    """The PDF name of a face; a substitute face is its original's name."""
    return f"{family.name}-{family.own_role(role).replace('-', '')}"


#: What a face is made of: its file, the Latin family's vertical metrics (None for the
#: Latin family's own faces), the axis values of a variable font's weight.
FaceSource = tuple[Path, tuple[int, int] | None, tuple[tuple[str, float], ...]]

# Face name → what it is made of, for faces registered on first use: parsing the 17 MB
# CJK font takes most of a second, which a Thai or English build never needs to spend.
_pending: dict[str, FaceSource] = {}
# Face names registered so far. ReportLab keeps the first font registered under a name,
# and so does every cache keyed by it (shapes, outlines, widths): a table that gives a
# name other files later in the process (a project theme's own "Sarabun", in the desk)
# gets the first ones, until the process restarts.
_active: set[str] = set()


@cache
def _load(
    name: str,
    path: Path,
    metrics: tuple[int, int] | None,
    axes: tuple[tuple[str, float], ...],
) -> ShapingTTFont:
    if axes:
        path = instance_path(path, axes)  # a static weight of a variable font
    font = _parsed(name, path)
    if metrics is not None:
        # A FontDescriptor's Ascent and Descent only size the boxes text extractors
        # give glyphs. Noto Sans Myanmar's descent is 0.86 em (Sarabun's 0.23): its
        # boxes would hang below a Latin word's on the same baseline, and pdfminer and
        # poppler would read "(MSC)" inside a Burmese line as a line of its own. The
        # Latin family's metrics on every other face keep a line one line.
        font.face.ascent, font.face.descent = metrics
    return font


# What ReportLab's TrueType reader raises on a file whose first bytes are a font's but
# whose tables are cut short or garbled (a download interrupted, a disk error): it
# reads the tables with struct and dict lookups, and checks only some of what it reads.
DAMAGED_FONT = (TTFError, struct.error, KeyError, IndexError, ValueError, AttributeError)


def _parsed(name: str, path: Path) -> ShapingTTFont:
    """The font file at ``path`` as ReportLab reads it, as a `LeafletError` naming the
    file when its tables cannot be read (the theme's check reads only its first bytes)."""
    try:
        return ShapingTTFont(name, str(path))
    except DAMAGED_FONT:
        raise LeafletError(
            Location(path),
            "cannot be read as a font: its data is damaged or cut short",
            "copy the font file again from where it came, or name another font in theme.yaml",
        ) from None


def _register(name: str, source: FaceSource) -> None:
    if name not in _active:
        pdfmetrics.registerFont(_load(name, *source))
        _active.add(name)
        _shaping.pop(name, None)


@dataclass(frozen=True)
class _Plan:
    """What registering a font table sets up, worked out once per table."""

    latin: tuple[tuple[str, FaceSource], ...]  # registered at once
    others: tuple[tuple[str, FaceSource], ...]  # registered on first use
    stacks: tuple[tuple[str, FaceStack], ...]
    family: FontFamily
    mappings: tuple[tuple[str, int, int, str], ...]  # ReportLab's family → face


@cache
def _plan(config: FontConfig) -> _Plan:
    latin = config.family(dict(config.scripts)[LATIN])
    scripts = dict(config.scripts)
    names: dict[str, str] = {}  # role → the Latin face name its runs carry
    by_role: dict[str, dict[str, str]] = {}
    for role in ROLES:
        by_script = {tag: face_name(config.family(fam), role) for tag, fam in scripts.items()}
        name = by_script[LATIN]
        # A substitute Latin face (bold: regular) shares its original's name, and runs
        # find their scripts' faces by it: where the scripts' faces differ (Khmer has a
        # bold), the role gets a name of its own, for the same file.
        if any(by_role[other] != by_script for other, seen in names.items() if seen == name):
            name = f"{name}-{role.replace('-', '')}"  # Sarabun-regular-bold
        by_script[LATIN] = names[role] = name
        by_role[role] = by_script
    latin_faces = {names[role]: (face_path(latin, role), None, latin.axes(role)) for role in ROLES}
    regular = _load(names["regular"], *latin_faces[names["regular"]]).face
    metrics = (regular.ascent, regular.descent)
    others = {
        face_name(family, role): (face_path(family, role), metrics, family.axes(role))
        for family in config.families
        if family is not latin
        for role in ROLES
    }
    stacks = {
        names[role]: FaceStack(by_role[role], tuple(dict.fromkeys([names[role], *faces.values()])))
        for role, faces in by_role.items()
    }
    family = FontFamily(
        **{role.replace("-", "_"): names[role] for role in ROLES},
        files=tuple(dict.fromkeys(face_path(latin, role) for role in ROLES)),
    )
    mappings = tuple(
        (latin.name, bold, italic, family.face(bool(bold), bool(italic)))
        for bold in (0, 1)
        for italic in (0, 1)
    )
    return _Plan(
        tuple(latin_faces.items()), tuple(others.items()), tuple(stacks.items()), family, mappings
    )


def register_fonts(config: FontConfig) -> FontFamily:
    """Register every family of ``config``; the Latin family's face names come back.
    Asked before every layout: cheap once the table is known, and it sets this table's
    script faces for the Latin names again, which another table may have set otherwise
    (a bold substituted by the regular, or another script's family)."""
    plan = _plan(config)
    for name, source in plan.latin:
        _register(name, source)
    for name, source in plan.others:
        _pending.setdefault(name, source)
    _stacks.update(plan.stacks)  # runs find their scripts' faces by these names
    for mapping in plan.mappings:
        addMapping(*mapping)
    return plan.family


def default_family() -> FontFamily:
    """The bundled theme's families, registered under stable names (they end up in the PDF)."""
    return register_fonts(bundled_config())


def shaping_font(name: str) -> ShapingTTFont:
    """The registered font ``name``; only fonts registered here can carry shaped text."""
    font = _shaping.get(name)  # asked once per font change in every line drawn
    if font is not None:
        return font
    if not _pending:
        default_family()  # the bundled families, when nothing registered any yet
    if name in _pending:
        _register(name, _pending[name])
    font = pdfmetrics.getFont(name)
    if not isinstance(font, ShapingTTFont):
        raise ValueError(f"font {name!r} was not registered by msc_leaflet.typeset.fonts")
    _shaping[name] = font
    return font


# Name → font, for the fonts `shaping_font` found registered (`_register` forgets a
# name it registers again).
_shaping: dict[str, ShapingTTFont] = {}


@cache
def _cmap(name: str) -> frozenset[int]:
    return frozenset(shaping_font(name).face.charToGlyph)


def covers(name: str, char: str) -> bool:
    return ord(char) in _cmap(name)


#: The spaces HarfBuzz sets with a font's own space glyph when the font has no glyph of
#: their own, at the width Unicode gives them: an em or a fraction of one (U+2009 thin
#: 1/5, U+200A hair 1/16, U+3000 ideographic 1), the font's digit (U+2007 figure) or
#: full stop (U+2008 punctuation), half its space (U+202F narrow no-break, as Noto
#: draws its own). The text layer keeps the character typed (`shaping`). Not U+1680,
#: the Ogham space mark, which is a visible stroke.
FALLBACK_SPACES = frozenset(
    "\u00a0\u2007\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)


#: Characters Unicode defines as another one that does not break (their decomposition
#: is <noBreak> that one), drawn with its glyph by a face without their own; the text
#: layer keeps the character typed (`shaping`). The spaces among them are
#: `FALLBACK_SPACES`, narrower than U+0020 or as wide as a digit. So is a CJK
#: compatibility ideograph (神, a name's old form, kept as typed by
#: `content.composition`) drawn by a face without it with its unified ideograph's
#: glyph (神), which composing would have printed: Noto Sans CJK has 409 of the 1,002
#: (`stand_in`).
STAND_INS = {"\u2011": "\u2010", "\u0f0c": "\u0f0b"}  # hyphen; Tibetan tsheg


def stand_in(char: str) -> str | None:
    """The character whose glyph sets ``char`` in a face without its own
    (`STAND_INS`), else None."""
    return STAND_INS.get(char) or unified_ideograph(char)


def sets(name: str, char: str) -> bool:
    """Whether face ``name`` can set ``char``: it has a glyph for it, or ``char`` is a
    space it sets with its own space glyph (`FALLBACK_SPACES`), or a non-breaking form
    it sets with the glyph of the breaking one (`STAND_INS`). A space is invisible, so
    any face's space of the right width is right: Sarabun has no U+202F, and taking it
    from Noto Sans Arabic embedded a second font for "2 000 000" in an English leaflet
    and set the digits after it in that font's; the same went for U+2011 in
    "COVID‑19", which is Sarabun's U+2010 that does not break."""
    cmap = _cmap(name)
    if ord(char) in cmap:
        return True
    if char in FALLBACK_SPACES:
        return 0x20 in cmap
    other = stand_in(char)
    return other is not None and ord(other) in cmap


def drawn_text(name: str, text: str) -> str:
    """``text`` as face ``name`` draws it: each non-breaking form it has no glyph for
    replaced by the breaking one (`STAND_INS`), one character for one, so HarfBuzz's
    clusters still index ``text``."""
    if text.isascii() or (
        _STAND_IN_KEYS.isdisjoint(text) and not holds_compatibility_ideograph(text)
    ):
        return text
    return "".join(
        other if (other := stand_in(char)) is not None and not covers(name, char) else char
        for char in text
    )


_STAND_IN_KEYS = frozenset(STAND_INS)


_JOINERS = "\u200c\u200d\ufe0e\ufe0f"
#: Between two spaces, a Western separator ("TEST-ZH-001 · 版本 1.0 · 审核日期", the
#: layout's footer and heading numbers), set in the run's own (Latin) face: in the
#: face of the text before it, one line's separators were Sarabun's after Latin and
#: the CJK font's after 本, a full em in Chinese and a heavy dot in Japanese. Without
#: spaces it is the interpunct of a transcribed name (约翰·史密斯), the CJK font's.
MIDDLE_DOT = "\u00b7"


def _inherits(char: str) -> bool:
    """Characters that belong to the glyph before them (marks, joiners, selectors)."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or char in _JOINERS


def font_spans(text: str, font: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, face) spans of ``text``, a run named in ``font``: each character in
    the face of its script, neutral ones in the face around them if it has them."""
    stack = _stacks.get(font)
    if stack is None:
        return [(0, len(text), font)]
    first = stack.order[0]
    if text.isascii() and all(covers(first, char) for char in set(text)):
        return [(0, len(text), font)]
    home = stack.for_script(locale_script(lang))
    # Every character of a non-Latin paragraph is looked at, so each one's face is
    # decided once per face stack and locale, and the paragraph is mapped in one pass
    # (two fifths of the time to make a Lao or Hindi paragraph went into asking each
    # character its script and each face for the character).
    table = stack.strong_faces(home)
    try:
        faces: list[str | None] = list(map(table.__getitem__, text))
    except KeyError:
        for char in set(text).difference(table):
            table[char] = _strong_face(stack, home, char)
        faces = list(map(table.__getitem__, text))
    joins = stack.joins
    after_at = -1  # where the face after the current stretch of neutrals is
    # Neutrals taken from any family that has them (℃, which only the CJK font has) →
    # the face of the text before them: what the neutrals after them join.
    borrowed: dict[int, str | None] = {}
    for i in compress(range(len(text)), map(is_, faces, repeat(None))):
        char = text[i]
        if char == MIDDLE_DOT and text[i - 1 : i + 2] == " · " and covers(font, char):
            faces[i] = font  # a Western separator, the same wherever it stands
            continue
        before = faces[i - 1] if i else None
        if i - 1 in borrowed and not _inherits(char):
            # "37℃ for 2 days": the space and digits after a borrowed symbol are the
            # line's, not the CJK font's.
            before = borrowed[i - 1]
        if before is not None:
            joined = joins.get((before, char))
            if joined is None:
                joined = joins[before, char] = _inherits(char) or sets(before, char)
            if joined:
                faces[i] = before
                continue
        if after_at <= i:
            after_at = i + 1
            while after_at < len(faces) and faces[after_at] is None:
                after_at += 1
        after = faces[after_at] if after_at < len(faces) else None
        if after is not None and sets(after, char) and not is_cjk_symbol(char):
            faces[i] = after
        elif is_cjk_symbol(char) and covers(stack.for_script("Hani"), char):
            faces[i] = stack.for_script("Hani")
        else:
            faces[i] = _any_face(stack, home, char)
            borrowed[i] = before
    if home != first and _CURLY_QUOTES.intersection(text):
        _quotes_in_home_face(text, faces, home)
    spans: list[tuple[int, int, str]] = []
    start = 0
    for face, same in groupby(faces):
        end = start + len(list(same))
        spans.append((start, end, face or font))
        start = end
    return spans


#: Curly quotation marks: in Chinese and Japanese text the script's own full-width
#: quotes (GB/T 15834, clreq), in Arabic, Burmese, Khmer or Hindi text the design of
#: the script's face; a pair is one face either way (`_quotes_in_home_face`).
_CURLY_QUOTES = frozenset("\u2018\u2019\u201c\u201d")


def _quotes_in_home_face(text: str, faces: list[str | None], home: str) -> None:
    """Set in ``home`` (the face of the run's own script, when it is not the Latin
    face) each curly quotation mark that stands beside the run's text in that script or
    beside a Latin term written inside it. A neutral mark otherwise follows the face
    before it, so in ，“MSC”这个简称 the opening mark followed the comma into Noto Sans
    CJK and the closing one followed the C into Sarabun: a full-width “ and a narrow ”
    jammed against 这, one pair in two faces and two widths; in تسمى “MSC” أحيانًا a
    wedge-shaped “ of Noto Sans Arabic and a round ” of Sarabun. A mark in an English
    phrase (a space beside the Latin word: the “stem cell” label) and an apostrophe
    (MSC’s) stay Latin."""
    for i, char in enumerate(text):
        if char not in _CURLY_QUOTES or faces[i] == home or not sets(home, char):
            continue
        if (
            char == "\u2019"
            and 0 < i < len(text) - 1
            and text[i - 1].isalnum()
            and text[i + 1].isalnum()
        ):
            continue  # an apostrophe inside a word
        if _beside_home(text, faces, i, -1, home) or _beside_home(text, faces, i, 1, home):
            faces[i] = home


def _beside_home(text: str, faces: list[str | None], i: int, step: int, home: str) -> bool:
    """Whether the mark at ``i`` touches, on the side ``step`` points to, text in the
    ``home`` face, or a Latin term (no space in it: MSC, CD105) that such text or a mark
    already in that face closes: “MSC是…, …MSC”这."""
    j = i + step
    while 0 <= j < len(text) and faces[j] != home and not text[j].isspace():
        if text[j] in _CURLY_QUOTES:
            return False
        j += step
    return 0 <= j < len(text) and faces[j] == home


def first_missing(text: str, font: str, lang: str) -> str | None:
    """The first character of ``text`` (a run named in ``font``, in ``lang``) that the
    face `font_spans` sets it in has no glyph for, or None: it would print as an empty
    box, and shaping refuses it (`MissingGlyphError`). So `msc-leaflet check` finds what
    `build` would stop at, from the same choice of faces. Characters that draw nothing
    (format characters, variation selectors) need no glyph of their own, nor does a
    space the face sets with its own space glyph (`sets`)."""
    for start, end, face in font_spans(text, font, lang):
        for char in text[start:end]:
            if not sets(face, char) and not _needs_no_glyph(char):
                return char
    return None


def _needs_no_glyph(char: str) -> bool:
    """HarfBuzz hides a default-ignorable character the font lacks (format characters,
    variation selectors, the grapheme joiner); the text policy refuses controls before
    any of this."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or code == 0x034F
    )


def _strong_face(stack: FaceStack, home: str, char: str) -> str | None:
    """The face of a character of a script (None: a neutral one, decided by the text
    around it)."""
    script = script_of(char)
    if script is None or (script == LATIN and is_cjk_symbol(char)):
        return None
    face = stack.for_script(script)
    return face if covers(face, char) else _any_face(stack, home, char)


@dataclass(frozen=True)
class LocaleFont:
    """Which family of a theme sets a locale's letters, as `i18n init` tells it and
    `build` checks it before laying anything out."""

    script: str  # the key of `fonts: scripts:` for the locale's script (Hang for ko)
    script_name: str  # Unicode's name of it, for people (Hangul)
    family: str | None  # the family that sets it, None: no family has its letters
    borrowed: bool = False  # the family is another script's that happens to have them

    def unprintable(self, language: str) -> tuple[str, str]:
        """Why nothing can be printed in ``language`` when no family sets it, and what
        to add: `build` refuses the language with these words and `check` reports them
        (TEXT002), so a check does not pass what the print run then refuses."""
        from ..project import cldr_locale
        from .errors import add_font_hint

        cldr = cldr_locale(language)
        name = (cldr.get_language_name("en") if cldr else None) or language
        return (
            f"no font in the theme covers the {self.script_name} script, in which "
            f"{language} ({name}) is written: nothing can be printed in it",
            add_font_hint(self.script_name, self.script),
        )


def locale_font(config: FontConfig, language: str) -> LocaleFont:
    """The family that sets ``language``: the theme's for its script (CLDR's likely
    script, keyed as the font table keys scripts: `locale_script`), else the one it
    borrows its letters from (`borrowed_family`), else none."""
    from .errors import script_tag_name

    script = locale_script(language)
    name = script_tag_name(script) or script
    own = config.family_for(script)
    if own is not None:
        return LocaleFont(script, name, own.name)
    borrowed = borrowed_family(config, language, script)
    return LocaleFont(script, name, borrowed, borrowed is not None)


def borrowed_family(config: FontConfig, language: str, script: str) -> str | None:
    """The family a build takes ``language``'s letters from when the theme names none for
    its ``script``: the first, in fallback order (`_any_face`), whose regular face has
    every letter of that script in the language's name and month names (CLDR). None if
    no family has them all, or CLDR writes none of them in the script (mn_Mong's data
    is Latin "M01": no evidence that any family can set Mongolian), and the build
    refuses the language."""
    from babel import Locale

    register_fonts(config)
    locale = Locale.parse(language)
    words = [locale.get_display_name(locale) or "", *locale.months["format"]["wide"].values()]
    letters = {char for word in words for char in word if script_of(char) == script}
    latin = dict(config.scripts)[LATIN]
    names = dict.fromkeys([latin, *(family for _, family in config.scripts)])
    for name in names:
        face = face_name(config.family(name), "regular")
        if letters and all(covers(face, char) for char in letters):
            return name
    return None


@dataclass(frozen=True)
class UnshownEmphasis:
    """A stretch of an emphasised run whose face does not show the emphasis."""

    start: int
    end: int
    family: FontFamilySpec  # the family whose declared substitute sets it
    styles: tuple[str, ...]  # what the reader does not see: ("bold",), ("italic",)
    script: str  # Unicode's script tag of its first letter (Hani, Hira, Khmr)


def unshown_emphasis(
    text: str, config: FontConfig, lang: str, bold: bool, italic: bool
) -> list[UnshownEmphasis]:
    """The stretches of ``text``, a run set ``bold`` and/or ``italic`` in ``lang``, that
    print without that emphasis: their letters or digits stand in a face the theme
    declares a substitute (``bold: regular`` for the CJK font, ``italic: regular`` for
    Khmer). Read from the faces `font_spans` gives each character, as the build sets
    them, so an English word inside Chinese bold (set in Sarabun's bold) is not one,
    and a project whose theme adds a bold CJK face has none."""
    role = role_of(bold, italic)
    family = register_fonts(config)
    families = _families_by_face(config)
    found: list[UnshownEmphasis] = []
    for start, end, face in font_spans(text, family.face(bold, italic), lang):
        spec = families.get(face)
        styles = spec.unshown(role) if spec is not None else ()
        letters = [c for c in text[start:end] if unicodedata.category(c)[0] in "LN"]
        if spec is not None and styles and letters:
            found.append(UnshownEmphasis(start, end, spec, styles, _letters_script(letters)))
    return found


def _letters_script(letters: Sequence[str]) -> str:
    """Unicode's script of the first of ``letters`` that has one (Hira for な, where
    `script_of` gives the font table's key, Kana); Zyyy for digits alone."""
    from fontTools.unicodedata import script as unicode_script

    scripts = (str(unicode_script(char)) for char in letters)
    return next((tag for tag in scripts if tag not in ("Zyyy", "Zinh", "Zzzz")), "Zyyy")


@cache
def _families_by_face(config: FontConfig) -> dict[str, FontFamilySpec]:
    """Every face name `register_fonts` gives ``config``'s faces → its family."""
    latin = config.family(dict(config.scripts)[LATIN])
    families = {face_name(f, role): f for f in config.families for role in ROLES}
    families.update(dict.fromkeys(_plan(config).family.names, latin))
    return families


def _any_face(stack: FaceStack, home: str, char: str) -> str:
    """The first face that sets ``char``: the run's own, the locale's, then any."""
    for face in (stack.order[0], home, *stack.order):
        if sets(face, char):
            return face
    return home  # none has it: shaping reports the character (MissingGlyphError)
