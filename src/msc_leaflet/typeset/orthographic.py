"""Where a cut would part an orthographic syllable, read from the script's signs alone.

Every break, an emergency cut included, keeps a written syllable whole: the letters a
reader of Thai, Lao, Burmese, Khmer or an Indic script takes in as one. A grapheme
cluster is not enough: Burmese "သောက်ပါ" cut between clusters printed "သော" / "က်ပါ",
a line starting with a consonant its asat makes the final of the syllable before; Thai
"ไม่" printed "ไ" / "ม่", a leading vowel alone at a line's end. The signs below are
never in doubt, so no rule and no emergency overrides them; where a syllable's end is
a matter of reading (a Thai final, `syllables.syllable_break`) the dictionary decides,
and an emergency may cut there.

- a combining mark (a vowel sign, a tone mark, a Burmese medial, a nukta, the Khmer
  signs U+17C6-17D1, ์) stays with its letter;
- a stacker (the Myanmar stacker, the Khmer coeng, an Indic virama) stays with the
  consonant it writes under or into the one before (ကမ္ဘာ, ស្ត្រី, स्व), and so does
  the joiner or non-joiner typed after a virama to choose the conjunct's form (क्‍ष);
  nothing parts a zero-width joiner from either side;
- a Burmese or Khmer consonant killed by asat, toandakhiat or bantoc, or a Burmese one
  stacked over the next (kinzi included), is the final of the syllable before
  (`syllables.final_consonant`: သောက်, ကမ္ဘာ, အင်္ဂ);
- a Thai or Lao leading vowel (เ แ โ ใ ไ, ເ ແ ໂ ໃ ໄ) starts its syllable, and a vowel
  written after its consonant (ะ า ำ ๅ, ະ າ ຳ ຽ), the repeat and abbreviation marks
  (ๆ ฯ ໆ ຯ ៗ) end the one before: the letters of the scripts' `no_line_end` and
  `no_line_start` (`scripts.SCRIPTS`);
- a Thai or Lao consonant silenced by thanthakhat (ล์ of เซลล์, ธุ์ of พันธุ์, Lao ໌)
  is read with the syllable before it;
- a Japanese small kana (ゃ ゅ ょ っ ァ ィ ゥ ェ ォ), the prolonged sound mark ー and an
  iteration mark (ゝ ヽ 々) are read with the kana or kanji before them (JIS X 4051
  §3.1.7, the strict rule): ち|ょっと and ジェ|ット start a line with half a sound.
"""

from __future__ import annotations

import unicodedata

from .scripts import CJK_NO_LINE_START, SCRIPTS
from .syllables import STACKERS, final_consonant

#: The scripts whose line rules hold letters as well as punctuation.
_SYLLABIC = ("Thai", "Laoo", "Mymr", "Khmr")
#: Letters that start a syllable, written before the consonant they follow: เ ไ ເ ໄ.
SYLLABLE_OPENERS = "".join(
    char
    for script in SCRIPTS
    if script.tag in _SYLLABIC
    for char in script.no_line_end
    if unicodedata.category(char).startswith("L")
)
#: Letters that end the syllable before them: ะ า ำ ๅ ๆ ฯ, ະ າ ຳ ຽ ໆ ຯ, ៗ.
SYLLABLE_CLOSERS = "".join(
    char
    for script in SCRIPTS
    if script.tag in _SYLLABIC
    for char in script.no_line_start
    if unicodedata.category(char).startswith("L")
)
#: Kana and marks read with the letter before them: the small kana, the prolonged sound
#: mark and the iteration marks of `scripts.CJK_NO_LINE_START` (ゃ っ ァ ー ｰ ゝ ヽ 々).
KANA_TAILS = "".join(
    char
    for char in CJK_NO_LINE_START
    if any(
        word in unicodedata.name(char, "")
        for word in ("SMALL", "PROLONGED SOUND MARK", "ITERATION MARK")
    )
)
#: Thai thanthakhat and Lao cancellation mark: the consonant under them is silent.
SILENCERS = "\u0e4c\u0ecc"
#: Vowel signs written between a silenced consonant and its thanthakhat (พันธุ์, ทิ์).
_BEFORE_SILENCER = "\u0e34\u0e38\u0eb4\u0eb8"
_MARKS = ("Mn", "Mc", "Me")
#: The zero-width joiner: it joins what stands on either side into one shape (a
#: Devanagari half form, an emoji sequence).
ZWJ = "\u200d"
#: The joiner and non-joiner an author types after a virama to choose a conjunct's
#: form (क्‍ष, क्‌ष): they belong to it, as the virama does.
_JOINER_CONTROLS = "\u200c\u200d"
#: What may follow a consonant that `final_consonant` takes for a final: a killer, the
#: Burmese dot below before one, or the Burmese stacker.
_FINAL_SIGNS = frozenset("\u1039\u103a\u1037\u17cb\u17cd")


def parts_a_syllable(text: str, i: int) -> bool:
    """Whether a cut between ``text[i - 1]`` and ``text[i]`` falls inside a written
    syllable, by the signs alone (the module's list)."""
    before, after = text[i - 1], text[i]
    if unicodedata.category(after) in _MARKS or after in SYLLABLE_CLOSERS:
        return True
    if after in KANA_TAILS and before.isalpha():
        return True  # ちょ, ジェッ, ケーキ: no line starts with half a sound
    if before in STACKERS or before in SYLLABLE_OPENERS or ZWJ in (before, after):
        return True
    if before in _JOINER_CONTROLS and i >= 2 and text[i - 2] in STACKERS:
        return True  # क्<ZWJ>ष: the half form of a conjunct the author asked for
    if text[i + 1 : i + 2] in _FINAL_SIGNS and final_consonant(text, i):
        return True
    return "\u0e01" <= after <= "\u0eae" and _silenced(text, i)  # Thai and Lao letters


def _silenced(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a consonant its thanthakhat (or Lao ໌) silences, perhaps
    across one vowel sign: ล์, ธุ์."""
    j = i + 1
    if text[j : j + 1] and text[j] in _BEFORE_SILENCER:
        j += 1
    return text[j : j + 1] != "" and text[j] in SILENCERS and unicodedata.category(text[i]) == "Lo"
