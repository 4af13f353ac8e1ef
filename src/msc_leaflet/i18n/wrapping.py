"""GNU gettext's line wrapping of a .po string, for a new text in a file a tool wrapped.

Our own form does not wrap (one changed sentence, one changed line), but a catalog
saved by msgmerge, Poedit or Weblate is wrapped, and `pofile` keeps each unchanged
text on its lines. A new or changed text written unwrapped in such a file made the
next save in Poedit rewrap it: a second diff for the same entries. So, in a wrapped
file, a text `pofile` lays out itself is wrapped as GNU's ``write-po.c`` wraps it:

- each line of the text (up to and including a ``\\n``) is wrapped on its own; a text
  of several lines, or one that would be broken after its keyword, starts with ``""``;
- a written line, quotes and prefix (``#~ ``, ``#| ``) included, takes at most 79
  columns; a wide (East Asian) character counts two, a combining mark none;
- breaks fall where Unicode's line-breaking rules allow one (after a blank, a hyphen,
  a slash, between ideographs), but never inside an escape (``\\"``, ``\\n``) nor a
  character, never before the ``\\n`` that ends a line, and never inside a run of
  Thai, Lao, Khmer or Myanmar letters: GNU's libunistring breaks those only at blanks.

ICU gives the break opportunities (as for the page); the rest follows libunistring's
``ulc_width_linebreaks``: greedy, a break placed before the piece that overflows.
"""

from __future__ import annotations

import itertools
import sys
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from icu4py.breakers import LineBreaker

PAGE_WIDTH = 79  # GNU's default --width, which msgmerge, msgcat and Poedit use
# The widths tools wrap .po files at by default: GNU's, Weblate's (translate-toolkit's)
# 77, and 76, which some editors use. `file_width` picks the one a file's lines show,
# or the width a translator set (Poedit's "Wrap at", msgcat --width) when none fits.
TOOL_WIDTHS = (PAGE_WIDTH, 77, 76)
# A width no tool uses by default is never taken below the narrowest a translator sets
# (a string split by hand after a short word is no wrapping at 10 columns).
_NARROWEST = 60
# The lines `file_width` reads: the width shows in a few hundred, and a catalog's lines
# are each read at ~10 µs (line breaking included). Every line of a 17 MB catalog whose
# one msgstr was 2.5 million lines of two letters took `i18n update` 3 minutes and
# 900 MB, and `i18n check` longer: it was read at every parse, by every command. The
# largest bundled catalog (ui.po) has under 1,000 lines, each read.
_WIDTH_SAMPLE = 10_000

# Scripts whose words libunistring does not split (line-break class SA, read as AL):
# Thai, Lao, Myanmar and its extensions, Khmer and its symbols, the Tai scripts.
_NO_BREAK_SCRIPTS = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x1950, 0x19FF),
    (0x1A20, 0x1AAF),
    (0xA9E0, 0xA9FF),
    (0xAA60, 0xAADF),
)


# Line-break class IS (infix separators). Unicode's rule LB29 keeps "ClinicalTrials.gov"
# whole, and ICU follows it; libunistring (gettext 0.21) breaks after the separator
# when a letter follows, so a break is allowed there too.
_INFIX = frozenset(".,:;\u037e\u0589\u060c\u060d\u07f8\u2044\ufe10\ufe13\ufe14")


# Their sentence and phrase marks (class BA: ။ ។ ๚) allow a break after them all the same.
_SCRIPT_STOPS = frozenset("\u104a\u104b\u17d4\u17d5\u17d8\u17da\u0e5a\u0e5b")
# Where ICU's newer rules allow a break and libunistring's do not: "/" before a digit
# (a date, a URL's "/2024"), "%", "$" or "+" before an opening bracket, a closing mark
# (")", "。", "、") before a backslash (of an escape: \\" after a Chinese full stop).
_CLOSING = "、。，．｡､)]}）」』】〕〉》｝］"
_KEPT_PAIRS = (("/", "0123456789"), ("%$+", "([{"), (_CLOSING, "\\"))


def _unsplit(char: str) -> bool:
    code = ord(char)
    if char in _SCRIPT_STOPS:
        return False
    return any(low <= code <= high for low, high in _NO_BREAK_SCRIPTS)


def _kept(before: str, after: str) -> bool:
    return any(before in left and after in right for left, right in _KEPT_PAIRS)


@lru_cache(maxsize=4096)
def column_width(char: str) -> int:
    """Columns ``char`` takes in a terminal, as libunistring's ``uc_width`` counts them."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf") or 0x1160 <= ord(char) <= 0x11FF:
        return 0
    if unicodedata.category(char) == "Cc":
        return 0  # GNU ignores a control character's width
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrapped_pieces(
    value: str, escape: Callable[[str], str], prefix: str, keyword: str, width: int = PAGE_WIDTH
) -> list[str]:
    """``value`` in the pieces GNU writes it in, one a line, after ``prefix`` and
    ``keyword`` (``msgstr``, ``msgstr[1]``…): a leading ``""`` when GNU writes one.
    ``escape`` gives a piece as it is written between the quotes."""
    lines = value.split("\n")
    portions = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if not portions:
        return [value]
    room = _width_after(prefix, width)
    first = len(keyword) + 1  # the keyword and a blank, before the opening quote
    head = _breaks(portions[0], escape, room, first)
    if len(portions) == 1 and len(head) == 1:
        return head
    return [
        "",
        *(piece for portion in portions for piece in line_pieces(portion, escape, prefix, width)),
    ]


def line_pieces(
    portion: str, escape: Callable[[str], str], prefix: str, width: int = PAGE_WIDTH
) -> list[str]:
    """One line of a text (up to and including its ``\\n``) as GNU wraps it on lines of
    its own after ``prefix``: a changed line of a text whose other lines are kept."""
    return _breaks(portion, escape, _width_after(prefix, width), 0)


def _width_after(prefix: str | int, width: int = PAGE_WIDTH) -> int:
    """Columns for a string's text on a line that starts with ``prefix`` (or that many
    columns of it) and a quote, leaving room for the closing quote."""
    return width - 1 - ((prefix if isinstance(prefix, int) else len(prefix)) + 1)


def file_width(
    strings: Iterable[tuple[int, tuple[str, ...]]],
    escape: Callable[[str], str],
    references: Iterable[tuple[tuple[str, ...], ...]] = (),
) -> int:
    """The width a tool wrapped a file at, read from its ``strings``: each the width of
    its mark (``#~ ``, ``#| ``) and the pieces it was written in, one a line; where no
    string shows it (every line short, or wrapped only in ``no-wrap`` entries), from its
    ``#:`` lines (`reference_bounds`).

    A tool fills each line as far as its width allows: no line it could have broken is
    wider, and each line it broke inside a text would have overflowed with the next
    piece's first word. That brackets the width; of `TOOL_WIDTHS` the widest inside the
    bracket is taken (GNU's 79 whenever the file allows it). Without it a new text in a
    file Weblate wrapped at 77 was written at 79 and rewrapped by the translator's next
    save: a second diff. A file whose lines fit none of them was wrapped at a width
    someone chose (Poedit's "Wrap at 100", ``msgcat --width=60``): the roundest width
    inside the bracket is taken; it breaks every text of the file where the file
    breaks it. Lines that disagree (a hand edit in a wrapped file) give GNU's 79."""
    bounds = _string_bounds(strings, escape)
    return chosen_width(*(bounds if bounds != NO_EVIDENCE else reference_bounds(references)))


#: The bracket of a file whose lines show no width: any width fits it.
NO_EVIDENCE = (0, sys.maxsize)


def _string_bounds(
    strings: Iterable[tuple[int, tuple[str, ...]]], escape: Callable[[str], str]
) -> tuple[int, int]:
    """(widest line, narrowest overflow) of the ``strings`` a tool wrapped: its width is
    at least the first and under the second (`file_width`)."""
    widest, overflow = NO_EVIDENCE
    read = 0
    for indent, pieces in strings:
        if read > _WIDTH_SAMPLE:
            break
        read += len(pieces)
        for index, piece in enumerate(pieces[1:_WIDTH_SAMPLE], start=1):  # [0]: after the keyword
            line = indent + 2 + _text_width(piece, escape)  # 2: the quotes
            if line <= PAGE_WIDTH or _breakable(piece, escape):  # else: one word, unbroken
                widest = max(widest, line)
            if index + 1 < len(pieces) and piece and not piece.endswith("\n"):
                overflow = min(overflow, line + _next_word_width(piece, pieces[index + 1], escape))
    return widest, overflow


def reference_bounds(runs: Iterable[tuple[tuple[str, ...], ...]]) -> tuple[int, int]:
    """(widest line, narrowest overflow) of ``#:`` lines, each entry's a run of lines
    given as the references on each: GNU fills them to the width (`pofile._reference_lines`),
    so a line of several references fits it, and a line that went on to the next
    would have overflowed with the next one's first reference. A catalog Poedit saved at
    100 columns whose every text is short shows its width only there: read at 79, its
    references were refilled on every update and back on every save in Poedit."""
    widest, overflow = NO_EVIDENCE
    for lines in itertools.islice(runs, _WIDTH_SAMPLE):
        for index, references in enumerate(lines):
            line = len("#:") + sum(1 + len(reference) for reference in references)
            if len(references) > 1:  # one alone may be wider than any width
                widest = max(widest, line)
            if index + 1 < len(lines) and lines[index + 1]:
                overflow = min(overflow, line + 1 + len(lines[index + 1][0]))
    return widest, overflow


def chosen_width(widest: int, overflow: int) -> int:
    """The width a file whose lines are ``widest`` at most, and would have overflowed
    at ``overflow``, was wrapped at: GNU's 79 when that fits (as when nothing shows a
    width), else another tool's, else the roundest that fits (`file_width`)."""
    fitting = [width for width in TOOL_WIDTHS if widest <= width < overflow]
    if fitting:
        return max(fitting)
    for step in (10, 5, 1):  # 100 or 60 rather than 97 or 58, when the lines allow it
        width = -(-max(widest, _NARROWEST) // step) * step
        if width < overflow:
            return width
    return PAGE_WIDTH


def _breakable(piece: str, escape: Callable[[str], str]) -> bool:
    """Whether a tool could have broken the line ``piece`` inside: if it could, the line
    fit the tool's width; if not, it is one word wider than any width."""
    return bool(_allowed(piece, [escape(char) for char in piece]))


def _text_width(text: str, escape: Callable[[str], str]) -> int:
    return sum(_width(char, escape(char)) for char in text)


def _next_word_width(before: str, after: str, escape: Callable[[str], str]) -> int:
    """Columns of ``after`` up to its first break opportunity: what did not fit after
    ``before`` on its line."""
    portion = before + after
    allowed = _allowed(portion, [escape(char) for char in portion])
    end = min((i for i in allowed if i > len(before)), default=len(portion))
    return _text_width(portion[len(before) : end], escape)


def _breaks(portion: str, escape: Callable[[str], str], width: int, start: int) -> list[str]:
    """``portion`` (one line of the text) cut where libunistring would cut it."""
    written = [escape(char) for char in portion]
    allowed = _allowed(portion, written)
    pieces: list[str] = []
    begin, column, piece_start, piece_width = 0, start, None, 0
    for index, char in enumerate(portion):
        if index in allowed:
            if piece_start is not None and column + piece_width > width:
                pieces.append(portion[begin:piece_start])
                begin, column = piece_start, 0
            piece_start = index
            column += piece_width
            piece_width = 0
        piece_width += _width(char, written[index])
    if piece_start is not None and column + piece_width > width:
        pieces.append(portion[begin:piece_start])
        begin = piece_start
    pieces.append(portion[begin:])
    return pieces


def _allowed(portion: str, written: list[str]) -> set[int]:
    """Indices of ``portion`` (one line of a text; ``written``: each character escaped)
    before which GNU may break the line."""
    text = "".join(written)
    allowed: set[int] = set()
    offset, position = 0, 0
    opportunities = set()
    for segment in LineBreaker(text, "en"):
        offset += len(segment)
        opportunities.add(offset)
    for index, piece in enumerate(written[:-1]):
        position += len(piece)
        infix = portion[index] in _INFIX and portion[index + 1].isalpha()
        if position not in opportunities and not infix:
            continue
        if _kept(portion[index], written[index + 1][0]):
            continue
        if _unsplit(portion[index]) and _unsplit(portion[index + 1]) and not infix:
            continue
        if index + 1 == len(portion) - 1 and portion.endswith("\n"):
            continue  # never before the \n that ends the line
        allowed.add(index + 1)
    return allowed


def _width(char: str, written: str) -> int:
    """Columns of one character as written: an escape's own characters, one each."""
    return len(written) if written != char else column_width(char)
