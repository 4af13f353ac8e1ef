"""Adjacent Chinese and Japanese punctuation set closer: which marks take half an em.

A full-width bracket, comma or stop is an ideograph's em with the mark in one half
and space in the other (」 ink left, 「 ink right). Two of them side by side, as
"。」", "），", "、「" or "（「", leave a hole a whole em wide between the two marks.
JIS X 4051 and the W3C's jlreq (§3.1.4) and clreq set each such pair with half an
em between the marks: a closing mark before another closing or an opening one loses
the space after it, an opening mark after another opening one the space before it.
CSS calls it ``text-spacing-trim: trim-adjacent``. The font says how (its ``halt``
feature, which `shaping.shape` applies to the offsets named here), so a mark a font
draws otherwise (a centred Chinese stop) is halved as that font sets it.

A closing mark that ends a line may give up the same half em when the line fits only
so (JLREQ §3.8, CSS ``text-spacing-trim: normal``): 飲みます。 ends a measure half an em
short of it, rather than send ます。 down (`linebreak.end_squeeze`).

Only the spacing changes: every mark keeps its glyph and its text.
"""

from __future__ import annotations

import re
from functools import cache

from ..languages import language_subtag
from .scripts import CJK_NO_LINE_END

#: Closing marks: the ideographic comma and stop, the full-width comma and full stop,
#: the closing brackets (JIS X 4051 cl-02, cl-06, cl-07).
CLOSING = "、。，．」』）〕］｝〉》】〙〗〟"
#: Opening brackets (cl-01): the marks that never end a line.
OPENING = CJK_NO_LINE_END
#: Curly quotes are full-width in Chinese and Japanese text only (East Asian Width
#: ambiguous): elsewhere they are a Latin font's and never halved.
CLOSING_QUOTES = "”’"
OPENING_QUOTES = "“‘"
#: Languages whose curly quotes and colons are full-width marks of the CJK font.
CJK_LANGUAGES = ("ja", "zh")
#: Chinese sets its colon and semicolon as its comma (clreq: 点号 in the em's left
#: half, mainland style); Japanese centres them, as the middle dot, and keeps them whole.
CHINESE_CLOSING = "：；"


def closing_marks(lang: str) -> str:
    """The full-width closing marks of ``lang``'s text: halved before another mark, or
    at a line's end when the line fits only so."""
    return _marks(language_subtag(lang))[0]


def opening_marks(lang: str) -> str:
    """The full-width opening brackets of ``lang``'s text: halved after another, or at
    the start of a line after a paragraph's first."""
    return _marks(language_subtag(lang))[1]


def halved_punctuation(text: str, lang: str) -> list[int]:
    """Offsets in ``text`` of the full-width marks set on half an em: a closing mark
    followed by a closing or an opening one, and an opening mark after an opening one.
    Empty for a text without full-width punctuation (every English and Thai one)."""
    if text.isascii():
        return []
    pattern = _pattern(language_subtag(lang))
    return [match.start() for match in pattern.finditer(text)]


@cache
def _marks(lang: str) -> tuple[str, str]:
    """The closing and the opening full-width marks of ``lang`` (a language subtag)."""
    closing, opening = CLOSING, OPENING
    if lang in CJK_LANGUAGES:
        closing += CLOSING_QUOTES
        opening += OPENING_QUOTES
    if lang == "zh":
        closing += CHINESE_CLOSING
    return closing, opening


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    """The pairs ``lang`` halves: the mark a match starts at is the one halved."""
    closing, opening = _marks(lang)
    c, o = re.escape(closing), re.escape(opening)
    return re.compile(f"[{c}](?=[{c}{o}])|(?<=[{o}])[{o}]")
