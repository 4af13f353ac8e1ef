"""Which complex scripts the stage knows, and how text splits into script runs.

HarfBuzz must be told the script of each buffer (a Thai buffer does not apply Latin
``liga``, a Latin buffer does not reorder sara am). Characters of no particular
script (spaces, digits, punctuation) join the run before them, so "ยา 2 เม็ด" is one
Thai run and "(MSC)" after Thai text is Latin.

To add a script (Lao, Khmer, Myanmar): add a `ComplexScript` row below with its block,
ISO 15924 tag and the characters that must not start or end a line, add a font that
covers it to ``fonts.py``, and list its words in ``locales/<lang>/words.txt``. ICU
already segments Lao, Khmer and Myanmar with dictionaries.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class ComplexScript:
    """A script that needs shaping and dictionary line breaking."""

    tag: str  # ISO 15924, as HarfBuzz expects it
    first: int
    last: int
    # Never at a line start: besides combining marks (always excluded), these spacing
    # characters belong to the syllable before them.
    no_line_start: str = ""
    # Never at a line end: leading vowels are written before the consonant they follow.
    no_line_end: str = ""


SCRIPTS = (
    ComplexScript(
        tag="Thai",
        first=0x0E00,
        last=0x0E7F,
        # ะ sara a, ๆ mai yamok (repeat), ฯ paiyannoi (abbreviation), ๅ lakkhangyao
        # (ฤๅ), ำ sara am: all close the syllable before them.
        no_line_start="\u0e30\u0e46\u0e2f\u0e45\u0e33\u0e32",
        # เ แ โ ใ ไ precede the consonant they are pronounced after.
        no_line_end="\u0e40\u0e41\u0e42\u0e43\u0e44",
    ),
)

LATIN = "Latn"


def script_of(char: str) -> str | None:
    """The complex script of ``char``, "Latn" for other letters, None if neutral."""
    code = ord(char)
    for script in SCRIPTS:
        if script.first <= code <= script.last:
            return script.tag
    return LATIN if unicodedata.category(char)[0] == "L" else None


def script_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, script) runs covering ``text``; neutral characters join the run before."""
    runs: list[tuple[int, int, str]] = []
    start = 0
    current: str | None = None
    for i, char in enumerate(text):
        script = script_of(char)
        if script is None or script == current:
            continue
        if current is None:
            current = script  # leading neutrals join the first real run
            continue
        runs.append((start, i, current))
        start, current = i, script
    runs.append((start, len(text), current or LATIN))
    return runs


NO_LINE_START = "".join(s.no_line_start for s in SCRIPTS) + "”’»)]}.,;:!?%、。"
NO_LINE_END = "".join(s.no_line_end for s in SCRIPTS) + "“‘«([{"
