"""The letters pdftotext counts when it gives a page its direction (#16).

poppler reads a whole page in one direction: right to left only if the page's strong
right-to-left letters outnumber its left-to-right ones (``TextPage::coalesce`` in
TextOutputDev.cc: ``primaryLR = lrCount >= 0``, one up for each character its table
types "L", one down for each it types "R"). `page_direction` writes enough
right-to-left marks to tip that count, so it must count as poppler does. poppler's
table (UnicodeTypeTable.cc, the same in poppler 22.12, which the tests run, and in its
2025 sources) is older than Python's unicodedata and covers the BMP only; compared
character by character with Unicode 14, it types:

* as left to right, where Unicode has no strong class: the combining marks Unicode
  added or reclassed in scripts written left to right, the Burmese asat and the medials
  wa and ha (U+103A, U+103D, U+103E: in most Burmese words) and Khmer U+17B4/U+17B5
  among them, the
  embedding controls LRE and LRO, and every code point its blocks left unassigned
  (`POPPLER_LEFT_TO_RIGHT`). Counted as Unicode does, a page of Burmese beside Arabic
  (a Burmese leaflet's parallel edition) had 231 more of them than were counted, and
  pdftotext read it left to right: its Arabic lines "B. A" for "A. B";
* as neither, where Unicode has a right-to-left letter: U+0608, U+060B, U+070F, the
  letters from N'Ko (U+07C0) to Arabic Extended-A (U+08FF) (`NOT_RIGHT_TO_LEFT`), and
  every character above U+FFFF.

`letters` counts so, and never fewer left-to-right letters or more right-to-left ones
than poppler: a character Unicode classes L that poppler does not (archaic Greek,
Glagolitic, a few Devanagari letters), or one poppler types R that Unicode does not
(U+0600, U+FD40), is counted as Unicode has it, and at worst adds a mark.
"""

from __future__ import annotations

import re
import unicodedata

#: The code points poppler's table types "L" though Unicode (14) gives them no class L,
#: as ranges; a range may run over characters Unicode classes L, which are counted so
#: anyway, so that it stays short.
POPPLER_LEFT_TO_RIGHT = (
    "\u0378-\u0379\u038b-\u03a2\u0530-\u0558\u0955-\u0957\u0984-\u09b5\u09c5-\u09ca"
    "\u09cf-\u09de\u09e4-\u09e5\u0a04-\u0a37\u0a3d\u0a4e-\u0a65\u0a84-\u0ab4\u0aca"
    "\u0ace-\u0adf\u0ae4-\u0ae5\u0b04-\u0b34\u0b44-\u0b4a\u0b58-\u0b65\u0b84-\u0bbd"
    "\u0bc3-\u0bc9\u0bce-\u0be5\u0bfb-\u0c29\u0c57-\u0cb4\u0cc5-\u0cc9\u0cce-\u0d3c"
    "\u0d44-\u0d49\u0d50-\u0dbf\u0dcb-\u0dce\u0dd7-\u0e00\u0e5c-\u0ea6\u0ebe-\u0ec5"
    "\u0ece-\u0eff\u0f48\u0fbd\u0fcd-\u0fff\u103a-\u103e\u105e-\u1400\u169d-\u16ff"
    "\u1716-\u171e\u1737-\u173f\u1754-\u176d\u1774-\u17b5\u17de-\u17df\u180f-\u1886"
    "\u18ab-\u18ff\u192c-\u192f\u196e-\u196f\u1a17-\u1fb5\u1fc5\u1fd4-\u1fd5"
    "\u1ff0-\u1ff5\u202a\u202d\u3040\u3100-\u31ef\u321f\u327e\ua4c7-\ufb12"
    "\uffbf-\uffd9\ufffe-\uffff"
)
#: The right-to-left letters of Unicode that poppler's table does not type "R".
NOT_RIGHT_TO_LEFT = "\u0608-\u060b\u070f\u07c0-\u08ff"

_LEFT = re.compile(f"[{POPPLER_LEFT_TO_RIGHT}]")
_NOT_RIGHT = re.compile(f"[{NOT_RIGHT_TO_LEFT}]")
_LAST_TYPED = 0xFFFF  # poppler types nothing above the BMP


class _LetterTable(dict[int, str]):
    """``str.translate`` table: each character to "L" or "R" as poppler counts it, or
    to nothing. Filled on first use of a character (a page's text is translated once,
    in C)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        bidi_class = unicodedata.bidirectional(char)
        if bidi_class == "L" or _LEFT.match(char):
            letter = "L"
        elif bidi_class in ("R", "AL") and code <= _LAST_TYPED and not _NOT_RIGHT.match(char):
            letter = "R"
        else:
            letter = ""
        self[code] = letter
        return letter


_LETTERS = _LetterTable()


def letters(text: str) -> tuple[int, int]:
    """How many characters of ``text`` pdftotext counts as left-to-right letters, and
    as right-to-left ones, at most and at least (see the module docstring)."""
    typed = text.translate(_LETTERS)
    return typed.count("L"), typed.count("R")
