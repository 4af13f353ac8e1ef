"""Right-to-left text → the stretches drawn left to right as typed: numbers with their
separators, unit symbols, codes and addresses.

The bidi algorithm alone orders the pieces of such a stretch by the Arabic around it:
after an Arabic letter a European number is an Arabic one (UAX #9 rule W2), which a
hyphen or a slash does not join to the next, and a sign between takes the sentence's
direction. "°C" was drawn "C°", "02-123-4567" "4567-123-02", "10-12" "12-10",
"2026-05-12" "12-05-2026", "120/min" "min/120" and "CD34+" "+CD34": a reader of the
number read a wrong temperature, telephone number, dose or date. Each stretch typed
without a space is ordered here as the text policy tells a translator to write it,
inside a left-to-right isolate (LRI … PDI), one neutral to the sentence around it, so
it stands where the sentence puts it. The isolates order the line and are taken out
before shaping (`units.build_units`): the text layer keeps the text exactly as typed.

Pieces parted by a space follow the sentence, right to left, as an Arabic unit after a
number does ("5 ملغ"): "38 °C" is drawn "°C 38", the number at the right, read first;
a telephone number's groups too (docs/scripts.md; the layout isolates an organisation's
own). A percent sign is left to the algorithm: after the digits in reading order, at
their left (%50), as Arabic sets ٪ after its own digits (٥٠٪); Arabic-Indic digits
and their separators (٢٫٥) keep the order Arabic gives them too.
"""

from __future__ import annotations

import re

LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"

# European digits, with the superscript and subscript ones of "10⁶" and "m²" (bidi
# class EN), and the letters of units and codes: Latin, and Greek (µ, Ω).
_DIGITS = "0-9\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089"
_LETTERS = "A-Za-z\u00b5\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0391-\u03a9\u03b1-\u03c9"
# Unit symbols that are a piece of their own: ℃ ℉ Ω (the ohm and kelvin signs).
_SYMBOLS = "\u2103\u2109\u2126\u212a"
_WORD = f"[{_DIGITS}{_LETTERS}{_SYMBOLS}]+"
# Marks that join two words with no space: separators of numbers, dates, times,
# ranges (hyphen, dashes, minus sign, tilde), ratios, powers typed with a caret (10^6),
# codes and addresses ("://", "@", "_").
_JOINERS = r"\-\u2010-\u2015\u2212/:.,+\u00d7\u00b7~=_@#&?'^"
# A sign that opens a stretch where one starts (after a space, a bracket or a quotation
# mark, or at the text's start): a negative number's minus, typed as U+2212 or a hyphen
# (−196 °C, -20°C), a decimal point with no zero before it (.5 ml), a unit written per
# something (/µL, /min), a power's times sign (×10⁹/L), an estimate's tilde (~5), a
# tolerance (±2), a LINE or social-media account (@clinic) and a number sign (#12). The
# algorithm alone took the sign for a neutral that takes the sentence's direction and
# drew it at the other end: "196−", "20°C-", "5." (five), "µL/", "10⁹/L×", "5~", "2±",
# "clinic@", "12#". After a letter it joins a word ("ص-12"), and stays the sentence's.
_OPENING_SIGN = (
    f"(?<![^\\s([{{\u00ab\u201c\"'])[\\-\u2212./\u00d7~\u00b1@#](?=[{_DIGITS}{_LETTERS}])"
)
#: One stretch typed without a space: a number, a unit symbol, a code or an address,
#: perhaps after a "+" (a country code), a degree sign (°C) or an `_OPENING_SIGN`,
#: perhaps ending in a degree, prime or plus sign (38°, CD34+) or a minus (CD34−);
#: never in the full stop or comma after it.
_STRETCH = re.compile(
    f"(?:[+\u00b0]|{_OPENING_SIGN})?{_WORD}(?:[{_JOINERS}]+\u00b0?{_WORD})*[\u00b0\u2032\u2033+]*"
    f"(?P<minus>[\\-\u2212](?![{_DIGITS}{_LETTERS}]))?"
)
#: A Latin or Greek letter: a stretch with one may end in a minus (CD34−, O-, HIV−), as
#: it may in a plus (CD34+, AB+); a number's trailing hyphen ("18-") is left alone.
_LETTER = re.compile(f"[{_LETTERS}]")


def left_to_right_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of ``text`` drawn left to right as one unit inside
    right-to-left text (see the module's docstring), in text order."""
    spans = []
    for match in _STRETCH.finditer(text):
        start, end = match.span()
        if match["minus"] and not _LETTER.search(match[0]):
            end -= 1
        if _needs_isolating(text[start:end]):
            spans.append((start, end))
    return spans


def _needs_isolating(stretch: str) -> bool:
    """Whether the algorithm alone could order ``stretch`` otherwise than as typed: one
    with a sign or separator in it, but for one that opens with a letter and ends with
    a letter or digit. Letters and digits alone (MSC, 1669, SpO2) are one stretch for it
    already: digits after a Latin letter run left to right (rule W7), and so do signs
    between two of them ("CHANGE-ME", COVID-19, info@example.org: rule N1). Such a
    stretch must stay open to the Latin around it: isolated, it was a neutral that took
    the line's direction, and "CHANGE-ME: Art" was drawn "Art :CHANGE-ME"."""
    if stretch.isalnum():
        return False
    return not (stretch[0].isalpha() and stretch[-1].isalnum())


def isolate_left_to_right(text: str) -> str:
    """``text`` with each stretch of `left_to_right_spans` inside a left-to-right
    isolate: for ordering a right-to-left paragraph's levels only, never for printing."""
    spans = left_to_right_spans(text)
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, end in spans:
        out += [text[last:start], LEFT_TO_RIGHT_ISOLATE, text[start:end], POP_DIRECTIONAL_ISOLATE]
        last = end
    out.append(text[last:])
    return "".join(out)


def isolated(text: str) -> str:
    """``text`` as one left-to-right isolate: a piece of English (a label printed
    untranslated, a document code) in a right-to-left line, which the bidi algorithm
    would otherwise join to the digits after it ("Review date 1" then "يناير 2027")."""
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
