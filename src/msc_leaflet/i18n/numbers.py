"""The numbers of a text as its reader reads them, for check I18N007.

A number is kept as a value in ASCII digits with a decimal point and no thousands
separator (Thai ๑,๐๐๐ and Arabic ١٬٠٠٠ are 1000, ٢٫٥ is 2.5), counted as often as the
text gives it: "1 tablet, then 1 more" holds 1 twice, and a translation holding it once
has lost a dose. Numbers a language spells out (หนึ่ง, "twice", 一日) are counted apart,
from `data/numbers.yaml`, as they may stand in for digits but never change them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..data import data_path

# A number's parts are joined by a point or a comma, or the Arabic decimal and
# thousands separators (٫ ٬), which `read` reads as its language writes them.
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_ARABIC_SEPARATORS = {"\u066b": ".", "\u066c": ","}  # ٫ decimal, ٬ thousands


@dataclass(frozen=True)
class Numbers:
    """The numbers of one text: ``digits`` as written in digits, ``words`` spelled out."""

    digits: Counter[str]
    words: Counter[str]


def read(text: str, language: str = "") -> Numbers:
    """The numbers of ``text``, read in ``language`` ("" reads as English does)."""
    return Numbers(Counter(_digits(text, language)), Counter(_words(text, language)))


def _digits(text: str, language: str) -> list[str]:
    """In a language that writes a decimal comma (CLDR: Vietnamese, Lao) 0,5 is 0.5 and
    1.000 is 1000, so 1,000 there is 1: the value its reader takes it for."""
    comma = _decimal_comma(language)
    found = []
    for match in _NUMBER.findall(text):
        digits = "".join(
            str(unicodedata.digit(c)) if c.isdigit() else _ARABIC_SEPARATORS.get(c, c)
            for c in match
        )
        if comma:  # a point before three digits groups them; a comma is the decimal
            digits = re.sub(r"\.(?=\d{3}\b)", "", digits).replace(",", ".")
        found.append(re.sub(r",(?=\d{3}\b)", "", digits))  # 1,000 → 1000
    return found


def _words(text: str, language: str) -> list[str]:
    pattern = _word_pattern(_base(language))
    if pattern is None:
        return []
    values = _spelled(_base(language))
    return [values[m.group(0).casefold()] for m in pattern.finditer(text)]


def _base(language: str) -> str:
    """The key of ``language`` in the data files: zh_Hans stays, th_TH is th."""
    tag = language.replace("-", "_")
    return tag if tag in _table() else tag.split("_")[0]


@cache
def _table() -> dict[str, dict[str, object]]:
    from ..content.yaml_source import load_data

    return dict(load_data(data_path("numbers.yaml").read_text("utf-8")))


@cache
def _spelled(language: str) -> dict[str, str]:
    entry = _table().get(language) or {}
    words = entry.get("words") or {}
    assert isinstance(words, dict)
    return {str(word).casefold(): str(value) for word, value in words.items()}


@cache
def _word_pattern(language: str) -> re.Pattern[str] | None:
    """The language's number words, longest first (二十四 before 二十 before 二)."""
    entry = _table().get(language) or {}
    words = sorted(_spelled(language), key=len, reverse=True)
    if not words:
        return None
    pattern = "|".join(re.escape(w) for w in words)
    if entry.get("whole-word"):
        pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
    before = entry.get("before") or []
    assert isinstance(before, list)
    if before:
        pattern = rf"(?:{pattern})(?={'|'.join(re.escape(str(b)) for b in before)})"
    return re.compile(pattern, re.IGNORECASE)


@cache
def _decimal_comma(language: str) -> bool:
    """Whether ``language`` writes its decimals after a comma (CLDR, through Babel)."""
    if not language:
        return False
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        return get_decimal_symbol(Locale.parse(language.replace("-", "_"))) == ","
    except (UnknownLocaleError, ValueError):  # a language CLDR lacks: the source's way
        return False
