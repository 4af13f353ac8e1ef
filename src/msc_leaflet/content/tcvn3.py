"""Vietnamese typed in the TCVN3 (ABC) font encoding, read back as its writer meant it.

Before Unicode, Vietnamese was typed in fonts (.VnTime, .VnArial) that drew Latin-1
codes as its letters: TCVN 5712:1993 "VN3". A document so typed and pasted gives valid
UTF-8 that every other font draws as Latin-1 ("bÖnh nh©n", "Th«ng tin"): what the
patient would read. `text_policy` refuses it; this module says which Vietnamese word
a run of such characters was (bệnh nhân, Thông tin), so the refusal names what to
type, and whether it is one at all: "Müller", "façade" or "Åström" decode to no
Vietnamese syllable, so a name with accents is never taken for one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..alternation import longest_first

# TCVN3's lower-case letters by the Latin-1 code the font draws them at. Its capitals
# with a tone were set in a separate upper-case font (.VnTimeH) at these same codes;
# only Ă Â Ê Ô Ơ Ư Đ have codes of their own (A1 to A7).
_TCVN3 = {
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư",
    "\u00a7": "Đ", "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ",
    "\u00ad": "ư", "\u00ae": "đ",
    "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
    "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
    "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
    "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
    "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
    "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
    "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
    "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
    "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
    "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
    "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
    "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
}  # fmt: skip
_DECODE = str.maketrans(_TCVN3)
CODES = frozenset(_TCVN3)


def _spaced(words: str) -> list[str]:
    """The spellings ``words`` lists, a space between each."""
    return words.split()


# A Vietnamese syllable as it is spelt, its tone left out: an initial consonant or
# none, a vowel nucleus with its glides, a final consonant or none. Loose (it admits
# some spellings no word has), strict where it counts: no f, j, w, z, no "ll", "rs",
# no two vowel groups, which every German, French or Nordic name has.
_INITIALS = _spaced("ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x")
# Nuclei that end in a glide (ai, ao, iêu) take no final consonant ("beọnh" is none);
# the others may (an, oan, uyên), and most have a word without one too.
_OPEN = _spaced(
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oao oay oeo uây uôi "
    "ươi ươu uya uyu"
)
_CLOSABLE = _spaced("a ă â e ê i o ô ơ u ư y oa oă oe oo uâ uê uô uơ ươ uy iê yê uyê")
_FINALS = _spaced("ch ng nh c m n p t")
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


@cache
def _syllable() -> re.Pattern[str]:
    def either(words: list[str]) -> str:
        return "|".join(map(re.escape, longest_first(words)))

    return re.compile(
        rf"(?:{either(_INITIALS)})?"
        rf"(?:(?:{either(_OPEN)})|(?:{either(_CLOSABLE)})(?:{either(_FINALS)})?)"
    )


def decoded(word: str) -> str:
    """``word`` as the TCVN3 font drew it: each Latin-1 code as its Vietnamese letter
    (bÖnh → bệnh, nh©n → nhân), other characters as they are."""
    return word.translate(_DECODE)


def is_syllable(word: str) -> bool:
    """Whether ``word`` is spelt as one Vietnamese syllable (bệnh, người, Thông), its
    tone and case aside: "Mỹller", "faỗade" are none."""
    plain = "".join(
        char for char in unicodedata.normalize("NFD", word.casefold()) if char not in _TONES
    )
    return _syllable().fullmatch(unicodedata.normalize("NFC", plain)) is not None
