"""Sara am typed as two characters: a word that prints right and that search misses.

Thai ำ (U+0E33) and Lao ຳ (U+0EB3) are drawn as a nikhahit over the consonant and an aa
after it, and print exactly so when typed as the two (ํ + า, ໍ + າ), with the tone mark
before or between them (น ้ ํ า, น ํ ้ า for น้ำ). Unicode keeps them apart: ำ decomposes
only under NFKC, so a patient's search for น้ำ in the PDF, or a screen reader, finds
nothing. A Thai PDF's text layer gives ทำ back so, and a clinic pastes it from one.

* **Thai** writes ำ: Unicode's CLDR data for Thai has no split one, every Thai keyboard
  types it with one key, and Pali written in Thai letters puts its nikhahit (สํ, อรหํ)
  before a consonant, never before า. So `text_policy` refuses it where it is typed.
* **Lao** writes ໍ + າ too: CLDR's Lao data spells ໂຄລໍາເບຍ and ກໍາລັງ so (4 of 41), as
  old fonts drew ຳ under a tone mark badly, and ໍ has a key of its own (ບໍ່, ຂໍ). It is
  shown to the reviewer (TEXT001) with the one key to type, not refused.

Either way the checks read the vowel the reader sees (`text_policy.visible`).
"""

from __future__ import annotations

import re

#: Sara am as two characters, a tone mark before or between them: groups (Thai tone
#: before, between; Lao tone before, between).
SPLIT_SARA_AM = re.compile(
    "([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32|([\u0ec8-\u0ecb]?)\u0ecd([\u0ec8-\u0ecb]?)\u0eb2"
)
THAI_SARA_AM, LAO_SARA_AM = "\u0e33", "\u0eb3"


def joined(text: str) -> str:
    """``text`` with each sara am typed as two characters as the one vowel, its tone
    mark before it: the spelling a hint offers and the checks read."""
    if "\u0e4d" not in text and "\u0ecd" not in text:
        return text
    return SPLIT_SARA_AM.sub(_one_vowel, text)


def _one_vowel(match: re.Match[str]) -> str:
    thai_tone, thai_between, lao_tone, lao_between = match.groups()
    if lao_tone is None:
        return f"{thai_tone}{thai_between}{THAI_SARA_AM}"
    return f"{lao_tone}{lao_between}{LAO_SARA_AM}"


def split_sara_am(text: str, script: str) -> re.Match[str] | None:
    """The first sara am of ``script`` ("Thai" or "Lao") typed as two characters."""
    for match in SPLIT_SARA_AM.finditer(text):
        if (match.group(3) is None) == (script == "Thai"):
            return match
    return None


def syllable(text: str, match: re.Match[str]) -> str:
    """The syllable a split sara am (`split_sara_am`) ends, as it should be typed: its
    consonant, when one stands before it, and the tone mark and the one vowel."""
    start = match.start()
    consonant = text[start - 1] if start and text[start - 1].isalpha() else ""
    return consonant + joined(match.group())
