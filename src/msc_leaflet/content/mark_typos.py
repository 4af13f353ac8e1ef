"""Marks typed twice or out of order on one letter: a word that looks right but is not.

A font draws every combining mark of a letter in the place its kind takes, so a mark
typed twice, or two marks of one place, land on top of each other or stack: the page
shows ย้อนวัย (the "reverse ageing" claim) with its tone mark typed twice, a reviewer reads
the claim, and the text, a search, a screen reader and the claim checks read another
word. No word of any language is spelt so, and the keyboard made it: `text_policy`
refuses it where it is typed, and `visible` reads what is drawn.

* **Typed twice**: the same mark twice on one letter (ย้้, Khmer ៉៉, Burmese ့့, Arabic
  ُُ, Vietnamese ỏ̉), in any script.
* **Two of one place** (`ONE_PER_LETTER`): a Thai or Lao letter takes one tone mark,
  one vowel above and one below; an Arabic letter one short vowel (with or without a
  shadda). ย่้ prints one mark over the other, and which one the reader sees depends on
  the font.
* **Out of order** (`TONE_BEFORE_VOWEL`): Thai and Lao type a vowel above before the
  tone mark on it (ที่ is ท ี ่). Unicode gives these vowels combining class 0, so NFC
  does not reorder a tone mark typed first (ท ่ ี), and the font draws it under the
  vowel; the vowels below have a class and NFC reorders them, so ผ ้ ู is ผู้. So in
  the other scripts whose signs NFC leaves where they are typed (class 0): a Khmer
  register shifter goes before the vowel (ប៉ុ is ប ៉ ុ), and Burmese signs in the order
  of Unicode Technical Note #11 (medials ျ ြ ွ ှ, then ေ, the vowels above, below, ါ ာ,
  then ံ ့ ် း): typed otherwise, the font draws a dotted circle or the search misses.

A Khmer coeng writes the consonant after it under its letter: with none after it (a
vowel sign, a space, the end) the page draws it alone on a dotted circle.

Text typed decomposed (NFD: e, ◌̣, ◌̂ for ệ) is not refused: it is canonically the same
text, prints the same, and the build sets every run in NFC (`typeset.units`) and the
checks read NFC (`text_policy.visible`), so a patient's search for "bệnh" finds it; a
refusal would only make the translator retype what is right.

A letter typed with its marks as one character (Vietnamese ố is o, ◌̂ and ◌́) has them
all: another tone typed after it (ố + ◌̀) is a second tone mark, which no syllable
takes. Vietnamese is the one language whose tones (`languages.yaml`) are these marks,
and no spelling puts two of those drawn above on a letter; the dot below is left out,
as other tone languages (Yoruba ẹ́) write a tone above it, unless the text is known to
be Vietnamese: there the dot below is the nặng tone, and with another a second tone.

* **On the wrong letter**: a Thai or Lao mark sits on a consonant; typed after a vowel
  letter (นำ้ for น้ำ, กา่, เ่ก) it prints beside the vowel or on a dotted circle, and a
  search for the word finds nothing (`MARK_AFTER_VOWEL_LETTER`). A Vietnamese tone or
  vowel mark sits on a vowel; on a consonant (ḿ, d́, n̂) it is the input method's slip
  (`mark_off_its_letters`, given the language's `marked-letters`).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..typeset.syllables import TONE_MARKS
from .sara_am import joined

#: Marks of which one letter takes one at most, with what they are, for a message.
ONE_PER_LETTER = (
    (frozenset(TONE_MARKS), "Thai tone mark"),
    (frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"), "Thai vowel above"),
    (frozenset("\u0e38\u0e39\u0e3a"), "Thai vowel below"),
    (frozenset("\u0ec8\u0ec9\u0eca\u0ecb"), "Lao tone mark"),
    (frozenset("\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0ebb"), "Lao vowel above"),
    (frozenset("\u0eb8\u0eb9"), "Lao vowel below"),
    # fathatan, dammatan, kasratan, fatha, damma, kasra, sukun (a shadda takes one)
    (frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0652"), "Arabic short vowel"),
    # Khmer writes one dependent vowel a syllable: េ + ា draws like ោ, and reads as two.
    (frozenset(map(chr, range(0x17B6, 0x17C6))), "Khmer vowel sign"),
    (frozenset("\u102d\u102e\u1032"), "Burmese vowel above"),
    (frozenset("\u102f\u1030"), "Burmese vowel below"),
    (frozenset("\u102b\u102c"), "Burmese vowel aa"),
)
#: A tone mark typed before the vowel above it, which Thai and Lao type first.
TONE_BEFORE_VOWEL = re.compile(
    "[\u0e48-\u0e4b](?=[\u0e31\u0e34-\u0e37\u0e47])|[\u0ec8-\u0ecb](?=[\u0eb1\u0eb4-\u0eb7\u0ebb])"
)
#: A Khmer vowel sign typed before the register shifter (៉ ៊) that goes before it.
VOWEL_BEFORE_SHIFTER = re.compile("[\u17b6-\u17c5](?=[\u17c9\u17ca])")
#: A Thai or Lao mark (tone, vowel above or below, nikhahit, thanthakhat) typed after a
#: vowel letter (ะ า ำ, or the leading เ แ โ ใ ไ), with invisible characters between:
#: the mark belongs on the consonant. Lao ຽ is left out: it is written as a consonant.
MARK_AFTER_VOWEL_LETTER = re.compile(
    "([\u0e30\u0e32\u0e33\u0e40-\u0e44\u0eb0\u0eb2\u0eb3\u0ec0-\u0ec4])"
    "[\u200b-\u200d\u2060]*"
    "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd]"
)
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")
_CONSONANTS = re.compile("[\u0e01-\u0e2e\u0e81-\u0eae\u0edc-\u0edf]")
#: Each Burmese sign's place in a syllable (Unicode Technical Note #11): medials,
#: ေ, vowels above, below, ါ ာ, anusvara, dot below, asat, visarga.
BURMESE_ORDER = {
    **dict.fromkeys("\u103b", 5),
    **dict.fromkeys("\u103c", 6),
    **dict.fromkeys("\u103d", 7),
    **dict.fromkeys("\u103e", 8),
    **dict.fromkeys("\u1031", 9),
    **dict.fromkeys("\u102d\u102e\u1032", 10),
    **dict.fromkeys("\u102f\u1030", 11),
    **dict.fromkeys("\u102b\u102c", 12),
    **dict.fromkeys("\u1036", 13),
    **dict.fromkeys("\u1037", 15),
    **dict.fromkeys("\u103a", 14),
    **dict.fromkeys("\u1038", 16),
}
#: An asat right after its consonant kills it before the syllable's vowel (the
#: contraction ကျွန်ုပ်, န ် ု): the first of the signs, not one of the last.
_CONTRACTING_ASAT = 3


@dataclass(frozen=True)
class MarkTypo:
    """``text[offset]`` is a mark typed twice (``kind`` "twice"), a second mark of one
    place ("place", ``what`` names it), or a mark typed before one that goes before it
    ("order", ``what`` says which rule); ``other`` is the offset of the character it
    clashes with (a letter typed with its marks, ố, when the clash is one of them), and
    ``clash`` the mark it clashes with."""

    offset: int
    other: int
    kind: str
    what: str = ""
    clash: str = ""


#: `MarkTypo.what` of each order rule.
THAI_TONE_ORDER, KHMER_SHIFTER_ORDER, BURMESE_SIGN_ORDER = "tone", "shifter", "burmese"


def mark_typos(
    text: str, runs: Iterable[tuple[int, int]], language: str = ""
) -> Iterator[MarkTypo]:
    """Each mark of ``text`` typed twice, of an occupied place, or out of order, in
    ``runs``, the (start, end) of each run of two marks or more on one letter, or of a
    letter typed with its marks and a mark after it (`text_policy.mark_runs`).
    ``language``, where known, adds its tone marks as one place (Vietnamese ạ + ◌́)."""
    for start, end in runs:
        for typo in _run_typos(text[start:end], language):
            yield dataclasses.replace(typo, offset=typo.offset + start, other=typo.other + start)


#: Distinct runs of marks `_run_typos` remembers: a Thai or Lao text repeats a few
#: dozen (ที่, ้ำ, ั้); a worker's memory stays flat (#20).
RUN_CACHE_SIZE = 1024


@lru_cache(maxsize=RUN_CACHE_SIZE)
def _run_typos(run: str, language: str) -> tuple[MarkTypo, ...]:
    """The typos of one run of marks (`mark_typos`), at offsets in ``run``: they depend
    on its characters alone, and a Thai paragraph has a run on every other syllable, so
    each distinct run is read once: read at each, they were 1.4 % of a warm batch."""
    return tuple(_typos_in(run, _places(language)))


def _typos_in(run: str, places: tuple[tuple[frozenset[str], str], ...]) -> Iterator[MarkTypo]:
    yield from _out_of_order(run, 0, len(run))
    on_letter: dict[str, int] = {}  # the letter's marks, at their offsets
    for offset, char in enumerate(run):
        if unicodedata.category(char)[0] != "M":
            if offset == 0:  # ố: the marks it is typed with are on the letter
                on_letter |= dict.fromkeys(unicodedata.normalize("NFD", char)[1:], offset)
            continue  # a joiner or zero-width space draws nothing: the marks stay
        if char in on_letter:
            yield MarkTypo(offset, on_letter[char], "twice", clash=char)
            continue
        yield from _second_of_a_place(char, offset, on_letter, places)
        on_letter[char] = offset


@cache
def _places(language: str = "") -> tuple[tuple[frozenset[str], str], ...]:
    """`ONE_PER_LETTER` and the Vietnamese tone marks drawn above the letter (grave,
    acute, tilde, hook above), and, in a text of a language with tone marks, all of
    them (Vietnamese: the dot below too), read from the language profile when first
    asked: the profiles are loaded through the YAML reader, which reads text through
    this module (with no language)."""
    from ..languages import profile

    above = frozenset(c for c in profile("vi").tone_marks if unicodedata.combining(c) == 230)
    places = (*ONE_PER_LETTER, (above, "Vietnamese tone mark"))
    own = profile(language) if language else None
    if own is None or not own.tone_marks:
        return places
    return (*places, (frozenset(own.tone_marks), f"{own.name} tone mark"))


def _second_of_a_place(
    char: str,
    offset: int,
    on_letter: dict[str, int],
    places: tuple[tuple[frozenset[str], str], ...],
) -> Iterator[MarkTypo]:
    for kind, what in places:
        if char in kind:
            clash = next((c for c in on_letter if c in kind), None)
            if clash is not None:
                yield MarkTypo(offset, on_letter[clash], "place", what, clash)


def _out_of_order(text: str, start: int, end: int) -> Iterator[MarkTypo]:
    """Each mark in ``text[start:end]`` typed before the mark right after it, which its
    script stores first: Thai and Lao vowels above before the tone mark, a Khmer
    register shifter before the vowel, Burmese signs in `BURMESE_ORDER`."""
    for match in TONE_BEFORE_VOWEL.finditer(text, start, end):
        yield MarkTypo(match.start(), match.start() + 1, "order", THAI_TONE_ORDER)
    for match in VOWEL_BEFORE_SHIFTER.finditer(text, start, end):
        yield MarkTypo(match.start(), match.start() + 1, "order", KHMER_SHIFTER_ORDER)
    for offset in range(start, end - 1):
        first, second = text[offset], text[offset + 1]
        if first not in BURMESE_ORDER or second not in BURMESE_ORDER:
            continue
        if unicodedata.combining(first) and unicodedata.combining(second):
            continue  # ့ and ် : NFC stores them in one order, and the build prints NFC
        rank = _CONTRACTING_ASAT if offset == start and first == "\u103a" else BURMESE_ORDER[first]
        if rank > BURMESE_ORDER[second]:
            yield MarkTypo(offset, offset + 1, "order", BURMESE_SIGN_ORDER)


def mark_after_vowel_letter(text: str) -> tuple[int, str] | None:
    """The offset of the first Thai or Lao mark typed after a vowel letter
    (`MARK_AFTER_VOWEL_LETTER`), and its syllable with the mark on its consonant (น้ำ
    for นำ้, เก่ for เ่ก), or "" when no consonant is there to take it."""
    match = MARK_AFTER_VOWEL_LETTER.search(text)
    if match is None:
        return None
    at, vowel = match.end() - 1, match.start()
    return at, _on_its_consonant(text, vowel, text[at])


def _on_its_consonant(text: str, vowel: int, mark: str) -> str:
    """The syllable of the vowel letter at ``vowel``, with ``mark`` on its consonant:
    the one after a leading vowel, else the one before (and the marks it has)."""
    if text[vowel] in _LEADING_VOWELS:
        after = text[vowel + 1 :].lstrip("\u200b\u200c\u200d\u2060" + mark)[:1]
        return text[vowel] + after + mark if _CONSONANTS.fullmatch(after or "-") else ""
    start = vowel
    while start and unicodedata.category(text[start - 1]) == "Mn":
        start -= 1
    if not start or not _CONSONANTS.fullmatch(text[start - 1]):
        return ""
    spelt = text[start - 1 : vowel] + mark + text[vowel]
    return joined(spelt)  # นํา้ is น้ำ, not นํ้า


def mark_off_its_letters(text: str, letters: str, marks: str) -> tuple[int, str] | None:
    """The offset of the first of ``marks`` typed on a Latin letter not of ``letters``
    (a language's `marked-letters`: a Vietnamese tone on a consonant, m + ◌́, d + ◌́,
    n + ◌̂), and the letter, or None. A letter typed with its mark as one character
    (ñ, ń) is another language's letter, a name's (Ñandú), and passes; marks on letters
    of other scripts are left to their own rules."""
    base = ""
    for offset, char in enumerate(text):
        if unicodedata.category(char) in ("Mn", "Me"):
            if char in marks and _off_letters(base, letters):
                return offset, base
            continue
        if unicodedata.category(char) == "Cf":
            continue  # a joiner draws nothing: the mark after it is still on the letter
        base = unicodedata.normalize("NFD", char)[0]
    return None


def _off_letters(base: str, letters: str) -> bool:
    return base.isalpha() and base not in letters and unicodedata.name(base, "").startswith("LATIN")


def as_drawn(text: str, runs: Iterable[tuple[int, int]]) -> str:
    """``text`` as its page reads: a mark typed twice once, and two marks typed out of
    order in their order. Two marks of one place are left as typed: which one a reader
    sees depends on the font."""
    typos = [t for t in mark_typos(text, runs) if t.kind != "place"]
    if not typos:
        return text
    chars = list(text)
    for typo in typos:
        if typo.kind == "order":
            at, other = typo.offset, typo.other
            chars[at], chars[other] = chars[other], chars[at]
    for typo in typos:
        if typo.kind == "twice":
            chars[typo.offset] = ""
    return "".join(chars)


def dangling_coeng(text: str) -> int | None:
    """The offset of the first Khmer coeng (U+17D2) with no letter after it to write
    below, or None. A coeng writes the next consonant (or independent vowel) as a
    subscript; before a vowel sign, a space or the text's end it draws alone over a
    dotted circle, as a reviewer's editor hides. A joiner may stand between."""
    start = 0
    while (at := text.find(COENG, start)) >= 0:
        start = at + 1
        after = text[at + 1 : at + 3].lstrip("\u200c\u200d")[:1]
        if not after or not "\u1780" <= after <= "\u17b3":
            return at
    return None


COENG = "\u17d2"
