"""Text in the one composed spelling a leaflet holds and prints (NFC), with the CJK
compatibility ideographs a writer typed kept as typed.

Composing (NFC) makes an editor's decomposed "ệ" (e ◌̣ ◌̂) the letter a search finds.
It also replaces each of the 1,002 CJK compatibility ideographs that have a canonical
equivalent by that unified ideograph: 神 (U+FA19, the 示 radical of a Japanese name's
old form) by 神 (U+795E), 塚 (U+FA10) by 塚, 海 (U+FA45) by 海. Noto Sans CJK draws
each pair differently, so a doctor's name typed in its registered form printed, and
read back from the PDF, in another (JIS X 0213 encodes such forms for names). They
are kept as typed here; a face without a glyph for one draws it with its unified
ideograph's, the text layer still the character typed (`typeset.fonts.stand_in`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_KEPT = re.compile("([\uf900-\ufaff\U0002f800-\U0002fa1f])")


def unified_ideograph(char: str) -> str | None:
    """The unified ideograph composing makes of ``char`` if it is a CJK compatibility
    ideograph (神 for 神), else None: the twelve unified ideographs of the
    compatibility block (﨑) compose to themselves. Asked of one character at a time,
    so no process builds a table of all 1,002 (13 ms at every start)."""
    if _KEPT.fullmatch(char) is None:
        return None
    unified = unicodedata.normalize("NFC", char)
    return unified if unified != char else None


def holds_compatibility_ideograph(text: str) -> bool:
    """Whether ``text`` holds a character of the CJK compatibility blocks."""
    return _KEPT.search(text) is not None


def composed(text: str) -> str:
    """``text`` composed (NFC), but for its CJK compatibility ideographs, which stay
    as typed (see the module docstring). Nothing composes with an ideograph, so the
    pieces between them are composed on their own; the split's odd pieces are the
    ideographs themselves."""
    if text.isascii() or _KEPT.search(text) is None:
        return unicodedata.normalize("NFC", text)
    return "".join(
        piece if odd else unicodedata.normalize("NFC", piece)
        for odd, piece in zip(itertools.cycle((False, True)), _KEPT.split(text))
    )
