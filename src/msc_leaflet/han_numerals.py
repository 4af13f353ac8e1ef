"""Han numerals of more than one part (一千五百, 三百五十, 两千零五十, Japanese 千五百) as
their value, for check I18N007 (`i18n.numbers`), and where a line keeps them whole
(`typeset.kept_groups`).

Chinese and Japanese say 1,500 as a thousand and five hundreds, 一千五百: read a part at
a time, 一千 was 1000 and 五百 500, and neither the source's 1500. A whole run of digits
and the words for ten, a hundred and a thousand is read here as one number, each size
smaller than the one before it (千百万, "millions", is no number of this kind). 零 (〇)
marks a skipped place (一千零五十, 1050); a digit after 千 or 百 with no size of its own
is the next place down, as speakers shorten it (一千五 is 1500, 三百五 350); a size with
no digit before it is one of it only at the number's start and only where the language
says a thousand or a hundred so (`alone_sizes` in data/numbers.yaml: Japanese 千五百人).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Han digits 1–9 as Chinese (simplified and traditional) and Japanese write them, 两 and
#: 兩 being the 2 Chinese counts with; 零 and 〇 hold a skipped place.
DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
DIGITS |= {"八": 8, "九": 9}
ZEROS = "零〇"
SIZES = {"十": 10, "百": 100, "千": 1000}
_RUN = re.compile(f"[{''.join(DIGITS)}{ZEROS}{''.join(SIZES)}]+")
# Before a run, a mark that makes it no amount: an ordinal (第一千五百) or a vague
# quantity (数千五百 is no number a reader would read).
_NOT_AFTER = "第数數何幾几"


@dataclass(frozen=True)
class HanNumber:
    """A number of more than one part in Han numerals: its value and where it stands."""

    value: int
    start: int
    end: int


def han_numbers(text: str, bare_sizes: str = "") -> list[HanNumber]:
    """The numbers of two parts or more ``text`` writes in Han numerals with a hundred or
    a thousand among them (一千五百, 三百五十, 一千五), ``bare_sizes`` the size words that
    may start one without a digit (Japanese 千, 百: 千五百)."""
    found = []
    for run in _RUN.finditer(text):
        if run.start() and text[run.start() - 1] in _NOT_AFTER:
            continue
        value = _value(run.group(0), bare_sizes)
        if value is not None:
            found.append(HanNumber(value, run.start(), run.end()))
    return found


def _value(run: str, bare_sizes: str) -> int | None:
    """The value of ``run`` read as one number, or None where it is none of two parts or
    more with a hundred or a thousand (一千, 三百, 十四 are read elsewhere; 一二 is a
    list; 千百 counts no thousand and a hundred)."""
    value, digit, last, parts, zero = 0, None, 10_000, 0, False
    for char in run:
        if char in DIGITS:
            if digit is not None:
                return None
            digit = DIGITS[char]
        elif char in ZEROS:
            if digit is not None or parts == 0:
                return None
            zero = True
        else:
            size = SIZES[char]
            if size >= last:
                return None
            if digit is None and not (size == 10 or (parts == 0 and char in bare_sizes)):
                return None
            value += (digit or 1) * size
            digit, last, parts = None, size, parts + 1
    if digit is not None:
        # 一千五, 三百五: a digit right after 千 or 百 is the next place down
        shortened = last in (100, 1000) and not zero
        value += digit * (last // 10) if shortened else digit
        parts += 1
    if parts < 2 or not any(size in run for size in "百千"):
        return None
    return value


#: A number in Han numerals as a line must keep it: digits with the words for ten, a
#: hundred, a thousand, ten thousand and a hundred million among them (一千五百,
#: 两百万, 三十, 一萬).
_KEPT = re.compile(f"[{''.join(DIGITS)}{ZEROS}{''.join(SIZES)}万萬亿億]{{2,}}")
_KEPT_SIZES = frozenset("十百千万萬亿億")


def kept_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each number ``text`` writes in Han numerals of two characters or
    more with a size among them (一千五百, 两百万): ICU breaks between any two Han
    characters, and a line ended "约有一" above "千五百人"."""
    return [
        match.span()
        for match in _KEPT.finditer(text)
        if not _KEPT_SIZES.isdisjoint(match.group(0))
        and any(char in DIGITS for char in match.group(0))
    ]
