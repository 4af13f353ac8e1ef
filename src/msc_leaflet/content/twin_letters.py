"""Letters printed like another letter of their own writing system.

`text_policy.visible` reads a look-alike of *another* script (Cyrillic с in "сure") as
the Latin letter it imitates. These are look-alikes inside one writing system, which
that rule never met, so a promise printed in them passed every check while the page
showed it to the patient and the reviewer alike:

* **Twins** (`twin_of`): a character no word of a leaflet's languages is spelt with,
  drawn as a letter that is: a Kangxi radical or a CJK radical for the ideograph it is
  drawn as (再⽣ with U+2F63 for 再生, "regenerate"), Khmer's deprecated independent
  vowels ឣ and ឤ for អ and អា (Unicode: "use 17A2"), Thai's obsolete ฃ and ฅ for ข and
  ค, and the capital eth Ð (and African Ɖ) for Vietnamese Đ.
* **Pairs** (`read_pairs`): two characters printed as one letter: Thai แ typed as
  เ + เ, as many Thai typists do, and Lao ແ as ເ + ເ (ได้ผลเเน่นอน, "results for
  certain", matched no claim), and Vietnamese đ as d and a stroke (U+0335).
* **Bars** (`read_bars`): a capital I and a small l are one vertical stroke in the
  sans-serif faces leaflets are set in, so "MlRACLE" prints as MIRACLE and "heaI" as
  heal. A bar among capitals is read as I, one after a small letter among small
  letters as l; a word of mixed case (McIntyre, AlphaFold) is read as typed.
* **Zeros** (`read_zeros`): a letter O among the digits of a share ("1OO% safe") is
  the zero it is printed as, and a zero between capitals ("REGR0W", "N0 RISK" is not
  one: a letter each side) the O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Twins no table of Unicode's derives: a deprecated or obsolete letter, and a letter of
#: another alphabet drawn as a Vietnamese one.
_TWINS = {
    "\u17a3": "\u17a2",  # KHMER INDEPENDENT VOWEL QAQ (deprecated): អ
    "\u17a4": "\u17a2\u17b6",  # KHMER INDEPENDENT VOWEL QAA (deprecated): អា
    "\u0e03": "\u0e02",  # THAI CHARACTER KHO KHUAT (obsolete): ข
    "\u0e05": "\u0e04",  # THAI CHARACTER KHO KHON (obsolete): ค
    "\u00d0": "\u0110",  # LATIN CAPITAL LETTER ETH: Vietnamese Đ
    "\u0189": "\u0110",  # LATIN CAPITAL LETTER AFRICAN D: Vietnamese Đ
}
#: The CJK Radicals Supplement and Kangxi Radicals blocks: forms of a radical, most
#: drawn exactly as the ideograph that is the radical.
_RADICALS = re.compile("[\u2e80-\u2fdf]")


@lru_cache(maxsize=1024)
def twin_of(char: str) -> str:
    """The letter(s) ``char`` is drawn as, where it is a twin no word is spelt with;
    else ``char``."""
    twin = _TWINS.get(char)
    if twin is not None:
        return twin
    if not _RADICALS.match(char):
        return char
    folded = unicodedata.normalize("NFKC", char)  # every Kangxi radical, two others
    if folded != char:
        return folded
    from confusable_homoglyphs import confusables  # only for a radical, rarely met

    for entry in confusables.is_confusable(char, greedy=True) or []:
        for glyph in entry["homoglyphs"]:
            if len(glyph["c"]) == 1 and unicodedata.name(glyph["c"], "").startswith("CJK UNI"):
                return str(glyph["c"])
    return char  # a stroke or a component (⺀), which no ideograph is drawn as


#: Two characters printed as the one letter a word is spelt with.
PAIRS = {
    "\u0e40\u0e40": "\u0e41",  # Thai เ + เ: แ
    "\u0ec0\u0ec0": "\u0ec1",  # Lao ເ + ເ: ແ
    "d\u0335": "\u0111",  # d and COMBINING SHORT STROKE OVERLAY: đ
    "D\u0335": "\u0110",
}
_PAIR = re.compile("|".join(PAIRS))


def read_pairs(text: str) -> str:
    """``text`` with each of `PAIRS` as the letter it prints (ได้ผลเเน่นอน is ได้ผลแน่นอน)."""
    return _PAIR.sub(lambda m: PAIRS[m.group()], text)


def pairs_in(text: str) -> list[re.Match[str]]:
    """Where ``text`` holds one of `PAIRS`."""
    return list(_PAIR.finditer(text))


def has_twin(text: str) -> bool:
    """Whether ``text`` holds a twin: most texts hold none, and are read no further."""
    return bool(_ANY_TWIN.search(text))


_ANY_TWIN = re.compile("[" + "".join(_TWINS) + "\u2e80-\u2fdf]")

#: Where a bar may be misread: a small l beside a capital, a capital I after a small
#: letter. Most texts have none, and are read no further.
_BAR_SUSPECT = re.compile("[A-Z]l|l[A-Z]|[a-z]I")
_ASCII_WORD = re.compile("[A-Za-z]+")


def read_bars(text: str) -> str:
    """``text`` with each bar (I, l) in a word read as the letter the word's case makes
    it (`read_bar_word`); the same length, so offsets hold."""
    if not _BAR_SUSPECT.search(text):
        return text
    return _ASCII_WORD.sub(lambda m: read_bar_word(m.group()), text)


#: Words of small letters spelt with a capital I: a Roman numeral and the letter of its
#: subtype (Phase IIa, stage IIIb, factor XIIa) and a small letter before one I (pI, the
#: isoelectric point). Read as "Ila" or "pl", they were named to the reviewer as
#: hidden, and no claim is spelt in two letters or in a numeral.
_WITH_CAPITAL_I = re.compile("I+[a-z]|[a-z]I")


def read_bar_word(word: str) -> str:
    """``word`` as printed: a small l among capitals is an I ("MlRACLE"), a capital I
    after a small letter among small letters an l ("heaI"). A word of one letter and
    its bars ("Il"), or of mixed case, is read as typed, and so is one a reader of
    science reads with a capital I (`_WITH_CAPITAL_I`: Phase IIa, stage IIIb, pI)."""
    others = [char for char in word if char not in "Il"]
    if len(others) >= 2 and all(char.isupper() for char in others):
        return word.replace("l", "I")
    if _WITH_CAPITAL_I.fullmatch(word):
        return word
    if others and all(char.islower() for char in others):
        return word[0] + word[1:].replace("I", "l")
    return word


def typed_for(letter: str) -> tuple[str, ...]:
    """What ``letter``, as the checks read it, may be typed as and printed alike: the
    other bar for I and l, a pair (เเ for แ) and each twin of `twin_of` (⽣ for 生).
    A finding then names the column where its words are typed."""
    if letter in "IiLl":
        return ("l", "I")
    pairs = tuple(pair for pair, one in PAIRS.items() if one == letter)
    return pairs + _twins_by_letter().get(letter, ())


@lru_cache(maxsize=1)
def _twins_by_letter() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for char in [*_TWINS, *map(chr, range(0x2E80, 0x2FE0))]:
        twin = twin_of(char)
        if twin != char and len(twin) == 1:
            found.setdefault(twin, []).append(char)
    return {letter: tuple(chars) for letter, chars in found.items()}


#: A number of digits and the letter O (at least one of each) before a per cent sign.
_O_FOR_ZERO = re.compile(r"(?<![^\W\d_])(?=[0-9Oo]*[0-9])[0-9Oo]*[Oo][0-9Oo]*(?=\s?[%％٪])")
_PER_CENT_SIGNS = ("%", "％", "٪")


#: A word of capitals with a zero between two of them, and three capitals at least.
_ZERO_FOR_O = re.compile(r"\b(?=(?:[A-Z0]*[A-Z]){3})[A-Z0]*[A-Z]0+[A-Z][A-Z0]*\b")


def read_zeros(text: str) -> str:
    """``text`` with a letter O in a share's digits read as 0 ("1OO%" is 100%), and a
    zero between capitals as O ("REGR0W" is REGROW); the same length, so offsets hold."""
    if "0" in text:
        text = _ZERO_FOR_O.sub(lambda m: m.group().replace("0", "O"), text)
    if not any(sign in text for sign in _PER_CENT_SIGNS):
        return text
    return _O_FOR_ZERO.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), text)


def zeros_in(text: str) -> list[re.Match[str]]:
    """Where ``text`` holds a share with a letter O for a zero, or a word of capitals
    with a zero for an O."""
    found = list(_ZERO_FOR_O.finditer(text)) if "0" in text else []
    if any(sign in text for sign in _PER_CENT_SIGNS):
        found += _O_FOR_ZERO.finditer(text)
    return sorted(found, key=lambda match: match.start())
