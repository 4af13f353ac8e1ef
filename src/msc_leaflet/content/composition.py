"""Text in the one composed spelling a leaflet holds and prints (NFC), with the CJK
compatibility ideographs a writer typed kept as typed.

Composing (NFC) makes an editor's decomposed "ệ" (e ◌̣ ◌̂) the letter a search finds.
It also replaces each of the 1,002 CJK compatibility ideographs that have a canonical
equivalent by that unified ideograph: 神 (U+FA19, the 示 radical of a Japanese name's
old form) by 神 (U+795E), 塚 (U+FA10) by 塚, 海 (U+FA45) by 海. Noto Sans CJK draws
each pair differently, so a doctor's name typed in its registered form printed, and
read back from the PDF, in another (JIS X 0213 encodes such forms for names). They
are kept as typed here; a face without a glyph for one draws it with its unified
ideograph's, the text layer still the character typed (`typeset.fonts.STAND_INS`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache


@cache
def compatibility_ideographs() -> dict[str, str]:
    """Each CJK compatibility ideograph that composing changes → the unified ideograph
    it becomes (always one character)."""
    found = {}
    for code in [*range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)]:
        char = chr(code)
        unified = unicodedata.normalize("NFC", char)
        if unified != char and unicodedata.name(char, "").startswith("CJK COMPATIBILITY"):
            found[char] = unified
    return found


_KEPT = re.compile("([\uf900-\ufaff\U0002f800-\U0002fa1f])")


def composed(text: str) -> str:
    """``text`` composed (NFC), but for its CJK compatibility ideographs, which stay
    as typed (see the module docstring). Nothing composes with an ideograph, so the
    pieces between them are composed on their own."""
    if text.isascii() or _KEPT.search(text) is None:
        return unicodedata.normalize("NFC", text)
    return "".join(
        piece if piece in compatibility_ideographs() else unicodedata.normalize("NFC", piece)
        for piece in _KEPT.split(text)
    )
