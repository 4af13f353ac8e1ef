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

In Burmese text two more signs are read:

* a stack Burmese never writes: Zawgyi's asat is the stacker, so a final before the next
  syllable reads as that syllable's consonant stacked under it (ပရင္တာ for ပရင်တာ,
  "printer"). Burmese stacks only Pali and Sanskrit clusters, a consonant under one of
  its own row of the alphabet (ကမ္ဘာ, လက္ခဏာ, ဗုဒ္ဓ), a doubled လ or သ, or ဟ္မ (ဗြဟ္မာ),
  and the kinzi င်္ (`_BURMESE_STACKS`). Mon stacks across rows, so other languages'
  text is not asked;
* a text in Unicode's order that Google's Zawgyi detector (``myanmartools``, a model of
  which character follows which in each encoding) scores at least `ZAWGYI_PROBABILITY`:
  a Zawgyi phrase with no sign above (ကေလးမ်ား, "children"; အျမဲ, "always", its
  medial ra typed before မ reading as a medial ya on အ). The whole text is scored, as
  the model is made to be: a single Zawgyi word inside a Unicode sentence passes. A
  text with none of the signs the encodings store differently (`_READ_DIFFERENTLY`) is
  not asked: it prints the same whichever encoding it was typed in, and the model
  scored such correct text Zawgyi (ဘာယူလာရမလဲ၊ ဘာကို သတိထားရမလဲ, "what to bring,
  what to watch for", 0.9993).
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from myanmartools import ZawgyiDetector

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
#: The rows of the Burmese alphabet (vargas): Pali stacks a consonant under one of its row.
_ROWS = ("ကခဂဃင", "စဆဇဈဉည", "ဋဌဍဎဏ", "တထဒဓန", "ပဖဗဘမ")
#: Every stack (upper consonant, stacked consonant) Burmese writes: its rows', a doubled
#: လ or သ (ပလ္လင်, "throne"), and ဟ္မ (ဗြဟ္မာ, "Brahma").
_BURMESE_STACKS = frozenset(
    {upper + lower for row in _ROWS for upper in row for lower in row} | {"လလ", "သသ", "ဟမ"}
)
_KINZI = "\u1004\u103a"
#: The signs Zawgyi stores otherwise than Unicode: ေ (typed before its consonant), the
#: stacker, asat and medials (U+1039-U+103F, each a different sign in Zawgyi), ၎ and the
#: Mon, Karen and Shan range Zawgyi borrows. The consonants, the other vowel signs,
#: anusvara, dot below, visarga, digits and ၊ ။ are one sign in both: a text of them
#: alone reads the same in either, and is correct as it is.
_READ_DIFFERENTLY = re.compile("[\u1031\u1039-\u103f\u104e\u1050-\u109f]")
#: Google's detector's score from which a Burmese text is refused as Zawgyi. Over every
#: Burmese catalog, word list, claim, leaflet and test string of the project (1,200
#: texts), Unicode text scores at most 0.988 (သိပါသလား, "do you know", claims-my.yaml),
#: most below 0.01; the Zawgyi phrases with no sign of the rules above score 0.9998 or
#: more (အျမဲ). Short real words score high (ဘာသာစကား 0.955): hence the margin.
ZAWGYI_PROBABILITY = 0.999


def zawgyi_sign(text: str, burmese: bool = False) -> tuple[int, str] | None:
    """The offset of the first sign of ``text`` stored in Zawgyi's order, or, if the text
    is ``burmese``, the first of Zawgyi's own forms or of a stack Burmese never writes, or
    else the word Google's detector finds likeliest Zawgyi, and what is wrong with it;
    None when there is none."""
    found: list[tuple[int, str]] = []
    form = ZAWGYI_FORMS.search(text) if burmese else None
    if form is not None:
        found.append((form.start(), f"in Burmese text, which never writes this {_BORROWED}"))
    order = _SIGN_AFTER_ITS_SYLLABLE.search(text)
    if order is not None:
        before = unicodedata.name(order.group()[0])
        found.append((order.start() + 1, f"after {before}, which ends a syllable"))
    if burmese:
        found += _foreign_stack(text)
    start = 0
    while (at := text.find(_STACKER, start)) >= 0:
        start = at + 1
        after = text[at + 1 : at + 2]
        if not after or unicodedata.category(after) != "Lo":
            found.append((at, "with no consonant after it to stack"))
            break
    if not found and burmese:
        found = _detected(text)  # only where no rule names the sign itself
    return min(found) if found else None


def _foreign_stack(text: str) -> list[tuple[int, str]]:
    """The first stacker of ``text`` between consonants Burmese never stacks, with what is
    wrong with it (see the module docstring), or nothing."""
    start = 0
    while (at := text.find(_STACKER, start)) >= 0:
        start = at + 1
        upper, lower = text[at - 1 : at], text[at + 1 : at + 2]
        if text[max(at - 2, 0) : at] == _KINZI or not lower or upper + lower in _BURMESE_STACKS:
            continue
        if unicodedata.category(lower) == "Lo" and unicodedata.category(upper or " ") == "Lo":
            return [(at, f"between {upper} and {lower}, which Burmese never stacks")]
    return []


def _detected(text: str) -> list[tuple[int, str]]:
    """The start of the word of ``text`` likeliest to be Zawgyi, if the whole text is
    Zawgyi to Google's detector (`ZAWGYI_PROBABILITY`), or nothing."""
    if _READ_DIFFERENTLY.search(text) is None:
        return []  # no Myanmar text, or one that prints the same in either encoding
    detector = _detector()
    if detector.get_zawgyi_probability(text) < ZAWGYI_PROBABILITY:
        return []
    words = list(re.finditer(r"\S+", text))
    word = max(words, key=lambda w: detector.get_zawgyi_probability(w.group()))
    return [(word.start(), "begins a word that Google's Zawgyi detector reads as Zawgyi")]


@lru_cache(maxsize=1)
def _detector() -> ZawgyiDetector:
    """The detector, its model read on first use only: a build with no Burmese never
    imports it (cold start, #20)."""
    from myanmartools import ZawgyiDetector

    with warnings.catch_warnings():
        # It reads its model with importlib.resources.open_binary, deprecated in
        # Python 3.11 and 3.12 (restored in 3.13): nothing for a user to act on.
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()
