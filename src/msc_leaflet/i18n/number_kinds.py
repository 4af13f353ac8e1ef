"""Which four-digit numbers of a source are counts a translation may group, for
check I18N007 (`grouping`).

A year (1991, พ.ศ. 2567), a number to call (1669) or a code keeps its four digits
together: "năm 1.991" is no year a reader recognises, "gọi 1.669" no number a patient
dials. A count of things said with its noun ("1000 people", ผู้ป่วย 1200 คน, 1000人) is
an amount, and its reader groups it as they group a dose (1.000 người, ١٬٠٠٠ شخص,
1,000 लोग). So a number of four digits is a count where a word follows it (its noun or
counter) and nothing before or after it says otherwise: a word of `calls` tied to it
(right before it or before a colon: "call 1669", โทร 1669, "Hotline: 1669"; or before
a bracket the number opens: "emergency services (1669 in Thailand)"; further back in
its clause, unless a word of `counted` after the number says what it counts: "Call us
any time on 1669 for help" is held, "Phone us if you are one of 1000 people" counts
people), or, for a number
a year could be (1900 to 2100, or the same years in the era its language counts, 2443
to 2643), a month beside it (May 2024), a word of `years` after it (2024年), or one
right before it (in, ปี, năm) unless a word of `counted` follows the number and says
what it counts ("In 2000 patients", năm 2000 người: a count). A number with no word
after it ("since 1991.", "Hotline: 1669") is no count. The words are `number_kinds` in
`data/numbers.yaml`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..alternation import longest_first
from ..languages import profile
from . import numbers

# Four digits standing alone: not part of a longer number, a decimal or a grouping.
_FOUR = re.compile(r"(?<![\d.,\u066b\u066c\uff0c\uff0e])\d{4}(?!\d|[.,\u066b\u066c\uff0c\uff0e]\d)")
_SPACES = " \u00a0\u202f\u2009\t\n"
#: How far before a number its cue word is looked for, in characters, and in words
#: where words are spaced, where a bracket opens before the number: "call emergency
#: services (1669 in Thailand)" is a number to call, its cue before the bracket.
_CUE_SPAN = 40
_CUE_WORDS = 3
_UNSPACED_CUE_SPAN = 12
# What ends the clause a cue must be in, and what may stand between a cue and its
# number: an opening bracket or quotation mark, a colon.
_CLAUSE_END = re.compile(r"[.!?;。！？；\n]")
_OPENING = "(（[「『\"'“‘:："
_BRACKETS = tuple("(（[")


def counts(text: str, language: str) -> frozenset[str]:
    """The values of the four-digit numbers ``text`` (in ``language``) gives as counts of
    a thing: those a translation may write as its reader groups an amount."""
    found = [match for match in _FOUR.finditer(text) if _ascii(match.group())[0] != "0"]
    if not found:
        return frozenset()
    months = [month.written for month in numbers.read(text, language).months]
    counted = set()
    for match in found:
        value = _ascii(match.group())
        said = _before_list(text[max(0, match.start() - _CUE_SPAN) : match.start()], language)
        before = _clause_before(said, language)
        after = text[match.end() :].lstrip(_SPACES)
        if not after[:1] or not _is_letter(after[0]) or _called(said, language):
            continue
        if _cue(language, "calls").search(_CLAUSE_END.split(said)[-1]) and not _noun_after(
            language
        ).match(after):
            continue  # "Call us any time on 1669 for help": no noun says it counts a thing
        right_before = said.rstrip(_SPACES + _OPENING)  # พ.ศ. 2567: its stop ends no clause
        if numbers.may_be_year(int(value), language) and (
            any(before.endswith(month) or after.startswith(month) for month in months)
            or _cue_after(language).match(after)
            or (
                _cue(language, "years", right_before=True).search(right_before)
                and not _noun_after(language).match(after)
            )
        ):
            continue
        counted.add(value)
    return frozenset(counted)


def _before_list(said: str, language: str) -> str:
    """``said``, the text before a number, without the numbers of a list it ends
    ("Call 1669 or 1554", โทร 1669 หรือ 1554, "In 2000 or 2001"): the cue before the
    list's first number names every number of it."""
    while True:
        listed = _list_before(language).search(said)
        if listed is None:
            return said
        said = said[: listed.start()]


@cache
def _list_before(language: str) -> re.Pattern[str]:
    """A number and what joins it to the next in a list, at the end of a text: a comma,
    a slash or a word of `or` (or, and, หรือ, hoặc, 或)."""
    words = _alternatives(_words(language, "or"), language)
    joins = rf"[,，、/]|(?:{words})(?!\w)" if words else "[,，、/]"
    return re.compile(rf"(?<![\d.,])\d+[{_SPACES}]*(?:{joins})[{_SPACES}]*$", re.IGNORECASE)


def _called(said: str, language: str) -> bool:
    """Whether a word of `calls` says the number after ``said`` is one to call or a
    code: tied to it, the number right after the word or after a colon ("Call 1669",
    "Hotline: 1669", 请拨打1669), or opening a bracket after the words it names ("call
    emergency services (1669 in Thailand)"). A word of calls further back names
    another thing: "Phone us if you are one of 1000 people" counts people."""
    clause = _CLAUSE_END.split(said)[-1].rstrip(_SPACES)
    if _cue(language, "calls", right_before=True).search(clause.rstrip(_SPACES + _OPENING)):
        return True
    if not clause.endswith(_BRACKETS):
        return False
    return bool(_cue(language, "calls").search(_clause_before(clause, language)))


def _clause_before(before: str, language: str) -> str:
    """The words right before a number that may say what it is: in its clause, the last
    `_CUE_WORDS` where words are spaced, else the last `_UNSPACED_CUE_SPAN` characters,
    an opening bracket or a colon before the number left out."""
    clause = _CLAUSE_END.split(before)[-1].rstrip(_SPACES + _OPENING)
    if profile(language or "en").word_spaces:
        return " ".join(clause.split()[-_CUE_WORDS:])
    return clause[-_UNSPACED_CUE_SPAN:]


def _ascii(digits: str) -> str:
    return "".join(str(unicodedata.digit(char)) for char in digits)


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] == "L"


def _words(language: str, key: str) -> tuple[str, ...]:
    """The words of ``key`` (`years`, `calls`) for ``language`` and English, whose words a
    text in any language may carry (Hotline 1669 in a Thai leaflet), longest first."""
    section = numbers.shared_section("number_kinds")
    words: list[str] = []
    for tag in dict.fromkeys((profile(language or "en").tag, "en")):
        entry = section.get(tag) or {}
        assert isinstance(entry, dict)
        words += [str(word) for word in entry.get(key) or []]
    return tuple(longest_first(dict.fromkeys(words)))


def _alternatives(words: tuple[str, ...], language: str) -> str:
    """``words`` as alternatives, each whole where its language spaces words or it is
    written in Latin letters (no "in" in "within"), glued where it is not (ปี2567)."""
    spaced = profile(language or "en").word_spaces
    return "|".join(
        (r"(?<!\w)" if spaced or word[0].isascii() else "") + re.escape(word) for word in words
    )


@cache
def _cue(language: str, key: str, right_before: bool = False) -> re.Pattern[str]:
    """A word of ``key`` in the words before a number (`_clause_before`), whole where
    words are spaced; ``right_before``: the last of them ("in 2024", not "in Bangkok,
    2000 patients", where "in" says nothing of the number)."""
    words = _alternatives(_words(language, key), language)
    after = "$" if right_before else r"(?!\w)" if profile(language or "en").word_spaces else ""
    return re.compile(rf"(?:{words}){after}", re.IGNORECASE)


@cache
def _cue_after(language: str) -> re.Pattern[str]:
    """A word of `years` right after a number: 2024年, ၂၀၂၄ ခုနှစ်."""
    words = "|".join(re.escape(word) for word in _words(language, "years"))
    return re.compile(
        rf"(?:{words})(?!\w)" if profile(language or "en").word_spaces else rf"(?:{words})",
        re.IGNORECASE,
    )


@cache
def _noun_after(language: str) -> re.Pattern[str]:
    """A word of `counted` right after a number: the thing it counts (2000 patients,
    2000 người, 2000 คน), which makes it a count though a word of years is before it
    ("In 2000 patients", năm 2000 người)."""
    words = "|".join(re.escape(word) for word in _words(language, "counted"))
    if not words:
        return re.compile(r"(?!)")
    others = "|".join(re.escape(word) for word in _words(language, "not_counted"))
    not_other = rf"(?!{others})" if others else ""
    spaced = profile(language or "en").word_spaces
    whole = r"(?!\w)" if spaced else ""
    return re.compile(rf"{not_other}(?:{words}){whole}", re.IGNORECASE)
