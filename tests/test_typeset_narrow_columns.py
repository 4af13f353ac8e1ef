"""A written syllable wider than its column runs past it whole, never cut inside.

A conjunct is one shape the font draws from several letters: a Devanagari consonant
with a virama joined to the next (स्व, स्ट्रो, र्द्ध), a Khmer consonant with its
subscripts (ស្ត្រី), a Burmese stack or kinzi (သင်္ချိုင်း, အင်္ဂလိပ်), a vowel sign or a
tone mark on its letter (Lao ປ່, Thai ผู้). In a column narrower than one of them, an
emergency cut fell after the virama: the line ended "स्", a letter with a halant the
word does not have, the next started "वा"; Burmese "အ" / "င်္ဂ" put the kinzi over
nothing. The line runs past its end instead, the emergency reported.
"""

from __future__ import annotations

import unicodedata

import pytest
from reportlab.lib.enums import TA_LEFT

from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset.syllables import STACKERS
from typeset_support import body_style, runs_for

#: Words on MSC topics, each with conjuncts, stacks or marks: health, transplant,
#: mesenchymal stromal cells, safety, woman, stem cells, English, we, cemetery (a kinzi),
#: patient, safety.
WORDS = [
    ("hi", "स्वास्थ्य"),
    ("hi", "प्रत्यारोपण"),
    ("hi", "मेसेनकाइमल स्ट्रोमल कोशिकाएँ"),
    ("hi", "अर्द्ध"),
    ("km", "សុវត្ថិភាព"),
    ("km", "ស្ត្រី"),
    ("km", "កោសិកាស្ទែម"),
    ("my", "အင်္ဂလိပ်"),
    ("my", "ကျွန်ုပ်တို့"),
    ("my", "သင်္ချိုင်း"),
    ("lo", "ຜູ້ປ່ວຍ"),
    ("th", "ความปลอดภัย"),
]
KINZI = "\u1004\u103a\u1039"


def lines(text: str, lang: str, width: float) -> list[str]:
    paragraph = make_paragraph(runs_for([(text, "")], 10), body_style(TA_LEFT, 10), lang)
    paragraph.wrap(width, 10_000)
    return [line.strip() for line in paragraph.line_texts()]


@pytest.mark.parametrize(("lang", "text"), WORDS)
def test_no_line_cuts_a_conjunct_however_narrow_the_column(lang: str, text: str) -> None:
    for width in range(3, 41, 2):
        set_lines = lines(text, lang, width)
        assert "".join(set_lines).replace(" ", "") == text.replace(" ", ""), set_lines
        for line in set_lines:
            assert line[-1] not in STACKERS, (width, set_lines)  # स्| ស្| a stacker
            assert unicodedata.category(line[0]) not in ("Mn", "Mc"), (width, set_lines)
            assert not line.startswith(KINZI), (width, set_lines)  # its syllable before
