"""Burmese typed in the Zawgyi encoding, found by the order of its signs and its forms.

Zawgyi, still the default of many Burmese phones and fonts, reuses Unicode's Myanmar code
points but stores a syllable as it is drawn: ေ and the medial ra (Zawgyi's ျ) before
their consonant, and the stacker U+1039 as the asat that kills a final. A Zawgyi font
shows the reviewer good Burmese; the PDF, set in a Unicode font, prints broken syllables
(a visible virama, dotted circles, signs on the wrong letter).

Burmese writes no space between words, so most of a Zawgyi text's reordered signs sit
inside a word, after a letter: `text_policy` refuses the one that opens a word (a mark
with no letter), and this module the two orders Unicode never stores (Unicode Technical
Note #11, "Representing Myanmar in Unicode", gives a syllable's order: consonant,
stacked consonant, medials, ေ, the other vowels, then anusvara, dot below, visarga):

* ေ or a medial (ျ ြ ွ ှ) after a vowel sign, anusvara, dot below or visarga, which end
  what comes before them: Zawgyi's လူနာေတြ (Unicode လူနာတွေ), its ေ stored before တ;
* the stacker U+1039 not followed by the consonant it stacks: Zawgyi's final in
  ရွိသည္ (Unicode ရှိသည်).

Zawgyi also draws Burmese's stacked consonants, kinzi, medial and vowel variants with
code points Unicode gives Mon, Karen and Shan (`ZAWGYI_FORMS`: ၤ U+1064 for the kinzi of
အင်္ဂလိပ်, ႏ U+108F for န, ႈ U+1088 for ှု, ႔ U+1094 for ့, the Shan digit four). Burmese
never writes them, so in a text whose language is Burmese they are refused too: a
short phrase with neither order above (ကုသမႈ, "treatment") is still Zawgyi. In a text of
another or no language they pass, as they are a Shan or Karen phrase's own letters.

A Zawgyi phrase with none of these (အျမဲ, ကေလး) reads as well-ordered Unicode, if not as
Burmese: telling it from Unicode needs a dictionary or a statistical model.
"""

from __future__ import annotations

import re
import unicodedata

#: A sign that ends what it follows (vowel signs but ေ, anusvara, dot below, visarga)
#: before one Unicode stores right after a consonant (ေ, the medials): Zawgyi's order.
_SIGN_AFTER_ITS_SYLLABLE = re.compile("[\u102b-\u1030\u1032-\u1038][\u1031\u103b-\u103e]")
_STACKER = "\u1039"
#: Code points of Mon (ဳ ဴ ၚ), Karen and Shan (U+1060-U+1097, with the Shan digits) that
#: Zawgyi uses for Burmese's stacked consonants, kinzi and variant medials and vowels
#: (Rabbit converter's uni2zg table): Burmese typed in Unicode never holds one.
ZAWGYI_FORMS = re.compile("[\u1033\u1034\u105a\u1060-\u1097]")
#: The language Zawgyi encodes, whose text never holds a `ZAWGYI_FORMS` code point.
ZAWGYI_LANGUAGE = "my"
_BORROWED = "Mon, Karen or Shan sign"


def zawgyi_sign(text: str, burmese: bool = False) -> tuple[int, str] | None:
    """The offset of the first sign of ``text`` stored in Zawgyi's order, or, if the text
    is ``burmese``, the first of Zawgyi's own forms, and what is wrong with it; None when
    there is none."""
    found: list[tuple[int, str]] = []
    form = ZAWGYI_FORMS.search(text) if burmese else None
    if form is not None:
        found.append((form.start(), f"in Burmese text, which never writes this {_BORROWED}"))
    order = _SIGN_AFTER_ITS_SYLLABLE.search(text)
    if order is not None:
        before = unicodedata.name(order.group()[0])
        found.append((order.start() + 1, f"after {before}, which ends a syllable"))
    start = 0
    while (at := text.find(_STACKER, start)) >= 0:
        start = at + 1
        after = text[at + 1 : at + 2]
        if not after or unicodedata.category(after) != "Lo":
            found.append((at, "with no consonant after it to stack"))
            break
    return min(found) if found else None
