"""The numbers of a text as its reader reads them, for check I18N007.

A number is kept as a value in ASCII digits with a decimal point and no thousands
separator (Thai ๑,๐๐๐ and Arabic ١٬٠٠٠ are 1000, ٢٫٥ is 2.5), counted as often as the
text gives it: "1 tablet, then 1 more" holds 1 twice, and a translation holding it once
has lost a dose. Numbers a language spells out (หนึ่ง, "twice", 一日) are counted apart,
from `data/numbers.yaml`, as they may stand in for digits but never change them, and a
number followed by a word of size (100万, 1 ล้าน, 1 million) is its value. The
unit written right after a number (10 mg, 10 มก., 10毫克) is read from `data/units.yaml`,
so that "10 mg" given as "10 g" is seen, as is one a language writes before it (Thai
ร้อยละ 50, Chinese 百分之五十: 50%); a number in words has its unit too (两天, two
days). Ordinals in words ("second", ที่สอง, 第二) are counted apart again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache

from ..alternation import longest_first
from ..content.text_policy import visible
from ..data import data_path
from ..han_numerals import han_numbers
from ..languages import profile

# A number's parts are joined by a point or a comma, the Arabic decimal and thousands
# separators (٫ ٬), a full-width point (１．５, as an input method types it) or comma
# before three digits (１，０００), which
# `_digits` reads as its language writes them. A space groups no thousands: "2 100 mg
# tablets" are two, and the page prints a no-break space as a plain one (inline markup
# folds every run of blanks). A vulgar fraction may follow the digits (1½) or stand
# alone (½).
_FRACTIONS = "\u00bc-\u00be\u2150-\u215e"
_NUMBER = re.compile(
    rf"\d+(?:[.,\u066b\u066c\uff0e]\d+|\uff0c\d{{3}}(?!\d))*(?:\^[-\u2212]?\d{{1,2}}|[{_FRACTIONS}])?"
    rf"|[{_FRACTIONS}]"
)
# A power written with superscripts (10⁶, a cell dose) is 10^6: the text the checks
# judge (`visible`) writes a superscript as its digit, and 10⁶ would read as 106.
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_POWER = re.compile("(?<=\\d)[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# One number, short enough to compute with (a thousand digits are compared as written).
_ONE_NUMBER = re.compile(r"\d{1,30}(?:\.\d{1,30})?")
MAX_EXPONENT = 30  # 10^30 cells is no dose; a larger one is read as written
# ٫ decimal, ٬ thousands; a full-width comma groups thousands only (１，０００, 1，000 as
# a Chinese or Japanese input method types them), as the regular expression above reads
# it only before three digits: 1，2 is a list of two.
_SEPARATORS = {"\u066b": ".", "\u066c": ",", "\uff0e": ".", "\uff0c": ","}
# Arabic-Indic digits (٠-٩, and the Persian and Urdu ۰-۹) take ٫ as their decimal sign,
# which a Latin keyboard lacks: a comma among them that groups no three digits (٢,٥)
# is that sign, as its writer meant, and ١,٠٠٠ is still a thousand.
_ARABIC_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# "1/2" is a half where a proper fraction stands alone: not in a date (1/2/2027), nor
# in the ranks of a trial, "Phase 1/2", 第1/2相, 1/2期 (phases 1 and 2: `_roman_rank`).
_SLASH_FRACTION = re.compile(
    r"(?<![\d/\u2044第])(?<!(?i:phase) )(?<!(?i:phase))"
    r"(\d{1,2})[/\u2044](\d{1,2})(?![\d/\u2044]|\s?[相期型])"
)
_MINUS = "-\u2212"
# A time of day is one number, its hour without a leading zero (08:00 is 8, 08:30 is
# 8:30), however its language writes it: 08:00, Thai 08.00 น. (นาฬิกา; in a range
# 08.00–17.00 น. the mark ends both), 8h00, and the letters a language writes between
# hour and minutes besides (`clock` under `hours` in `data/numbers.yaml`: Vietnamese
# 8g30, g for giờ). A full stop may end the sentence.
_THAI_TIME = r"\.(?=\d{2}(?:\s*(?:[–\-]|ถึง)\s*\d{1,2}\.\d{2})?\s*น\.)"


@cache
def _time_pattern(language: str) -> re.Pattern[str]:
    """A time of day in ``language``'s text: its hour and its minutes."""
    letters = "".join(re.escape(letter) for letter in ("h", *_hours(language).get("clock", {})))
    return re.compile(
        rf"(?<![\d.,:])(\d{{1,2}})(?::|{_THAI_TIME}|[{letters}](?=\d{{2}}(?!\d)))(\d{{2}})"
        r"(?![\d,:]|\.\d)"
    )


@dataclass(frozen=True)
class Measure:
    """A number, in digits or words, with the unit written after it: ``unit`` is its
    name in `data/units.yaml` (``mg``, ``day``), ``written`` the text as it stands
    ("10 มก.", "สองวัน")."""

    value: str
    unit: str
    written: str
    spelled: bool = False  # said in words ("a week", สองวัน), not in digits


@dataclass(frozen=True)
class Range:
    """Two numbers a text joins as a range ("2–3 hours", 两到三片, 3到4小时): ``low`` and
    ``high``, the unit written once after the last ("" for none), ``written`` as it
    stands, and ``ends`` the measures of its two ends (none without a unit). A range
    changed is one change: its finding names it whole, not each end apart."""

    low: str
    high: str
    unit: str
    written: str
    ends: tuple[Measure, ...] = ()


@dataclass(frozen=True)
class Bound:
    """A number the text bounds: ``kind`` "least" (at least 2) or "most" (at most 2),
    ``written`` as it stands ("at least 2 days")."""

    value: str
    kind: str
    written: str


@dataclass(frozen=True)
class Numbers:
    """The numbers of one text: ``digits`` as written in digits, ``words`` spelled out,
    and ``measures`` those of either followed by a unit."""

    digits: Counter[str]
    words: Counter[str]
    measures: tuple[Measure, ...] = ()
    per: tuple[str, ...] = ()  # units the text gives "per" (mg/kg, cells per kg): kg
    bounds: tuple[Bound, ...] = ()  # "at least 2 days", ไม่เกิน 2 เม็ด
    ordinals: Counter[str] = field(default_factory=Counter)  # "second", ที่สอง, 第二: 2
    # Each number in digits, in the order it stands: (its value, as written, ๔๘ for 48),
    # so a finding about one names where it is typed.
    written: tuple[tuple[str, str], ...] = ()
    articles: int = 0  # "a glass", "a tablet": a one another language may count
    counted_ones: int = 0  # コップ1杯, น้ำ 1 แก้ว: a 1 in digits before a counter, no unit
    # "each injection", "every patient": the one of a thing at a time another language
    # may count (`each_words`), and the 1s before a counter of times or people that say
    # it (1回の注射, 患者1人: `each_counters`)
    eaches: int = 0
    each_ones: int = 0
    ranges: tuple[Range, ...] = ()  # "2–3 hours", 3到4小时: two numbers, one unit
    # The months of its dates, in words or digits (May, พ.ค., 5月, tháng 5: 5), and its
    # weekdays (Monday, วันจันทร์: 1), compared as values: 12 May is no 12 June.
    months: tuple[Measure, ...] = ()
    weekdays: tuple[Measure, ...] = ()
    # Each number but a date's month or a rate's "a", with the unit or counter after it
    # ("" for none): "2 tablets, 3 times" is (2, tablet), (3, time), so numbers swapped
    # between them ("3 tablets, 2 times") are seen though the bag is the same.
    pairs: tuple[Measure, ...] = ()
    # The months named with no digit beside them ("Come back in May", เดือนมิถุนายน: 5, 6),
    # which stand in for a month the other side gives in digits (5月, tháng 5) and for
    # no other number: "you may" is no 5, and "May" alone excuses no dose of 5.
    named: Counter[str] = field(default_factory=Counter)
    # The other reading of each date in digits whose day could be its month (5/12/2026:
    # May 12 in American English, 5 December in British English, Thai, Vietnamese), as
    # `months` holds the reading of the text's own language (`date_order`).
    day_months: tuple[Measure, ...] = ()
    # Its times of day (8 a.m., 08.00 น., 8 โมง, 8点, lúc 8 giờ: unit "clock") and its
    # hours of time said as no time of day could be (8 hours, 8 ชั่วโมง, 8小时, trong 8
    # giờ: unit "hour"): the same 8 as either is another fact. A word that says both
    # (Vietnamese 8 giờ, Burmese ၈ နာရီ) with nothing to tell which is in neither.
    clocks: tuple[Measure, ...] = ()
    hours: tuple[Measure, ...] = ()
    # Its years in a named era (`eras` in data/numbers.yaml): (the Common Era year, the
    # number as written, "" for the era's first year, 元年): Japanese 令和元年 is 2019,
    # Taiwan's 民國108年 is 2019 too.
    era_years: tuple[tuple[str, str], ...] = ()
    # The values of its `counted` words read as no number, with nothing counted after
    # them (Vietnamese ba câu, "three sentences", but ba mẹ, "parents"): a number the
    # other side spells may be one of these, and is no number lost or added.
    maybe: Counter[str] = field(default_factory=Counter)


#: The numbers of a text that has none (most texts): one object, so that a comparison of
#: two such texts is told by identity (`translation_checks`), with no counting.
NO_NUMBERS = Numbers(Counter(), Counter())


# Between the ends of a range ("1–2 mg", 1〜2錠) in every language; the words that join
# them ("1 to 2 mg", 两到三片, ၁၀ မှ ၁၂ နာရီ) are each language's `ranges` in
# `data/numbers.yaml`.
_RANGE_MARKS = "–\\-~～〜"


@dataclass(frozen=True)
class _Found:
    """A number as `read` finds it: its value, where it stands, whether it is spelled
    out (words carry a unit but no bound), and a unit written before it, if any."""

    value: str
    start: int
    end: int
    spelled: bool = False
    ahead: tuple[str, int] | None = None  # ร้อยละ 50: (%, where ร้อยละ begins)
    halved: int | None = None  # 2 ชั่วโมงครึ่ง: where the 2 ends, its unit before the half
    unit: str = ""  # the unit a word says itself: Arabic يومين, two days
    rate: bool = False  # the 1 of 1日2回, 1回2錠: "a day", "each time", no count
    clock: bool = False  # a time of day (8:30, 8 giờ tối): no unit is its (8:30 ngày mai)


#: Texts whose numbers `read` keeps: a build reads each printed text twice (its
#: I18N007 verdict, then the I18N021 warning it repeats), a batch each source text once
#: per locale. Bounded, so a long batch's worker does not grow with its corpus.
READ_CACHE_SIZE = 2048


@lru_cache(maxsize=READ_CACHE_SIZE)
def read(text: str, language: str = "") -> Numbers:
    """The numbers of ``text``, read in ``language`` ("" reads as English does), as a
    reader sees it (`visible`: an invisible character hides no digit). Shared between
    callers: read its counters, never change them."""
    text = visible(_POWER.sub(lambda m: "^" + m.group(0).translate(_SUPERSCRIPTS), text))
    base = _base(language)
    spelled, ordinals, maybe = _words(text, language)
    ordinals += _roman_ordinals(text, base)
    named = _named_months(text, base)
    dated = [month for month, beside_digit in named if beside_digit]
    spelled = [word for word in spelled if not _in_name(word, named)]
    spelled = sorted(spelled + dated, key=lambda number: number.start)
    found = _halved(text, _found(text, language, spelled), base)
    measures: list[Measure] = []
    bounds: list[Bound] = []
    ranges: list[Range] = []
    months = [Measure(m.value, "month", text[m.start : m.end], True) for m, _ in named]
    dates = _digit_dates(text, language)
    months += [month for month, _ in dates]
    pairs: list[Measure] = []
    clocks: list[Measure] = []
    hours: list[Measure] = []
    ends: dict[int, Measure] = {}  # each number's measure, by its place in ``found``
    units = [None if number.rate else _unit(text, number, base) for number in found]
    kinds = [_count_after(text, number, base) for number in found]
    for index in range(len(found) - 1):  # ឆ្នាំ២០២៧ ម៉ោង ៩:៣០: 2027 at 9:30, no 2027 hours
        unit, after = units[index], index + 1
        if unit and _hour_word_ahead(text, unit, found[after], units[after], kinds[after], base):
            units[index] = None
    for index in reversed(range(len(found))):  # a range's first end takes its last's unit
        number = found[index]
        unit = units[index]
        ranged = (
            index + 1 < len(found)
            and _range(base).fullmatch(text[number.end : found[index + 1].start])
            and not _one_date(text, number.start, found[index + 1].end)
        )
        if unit is None and ranged:
            unit = units[index] = units[index + 1]
        if unit is not None and unit[0] == "day" and _in_date(text, number.start, base):
            unit = None  # 3月2日: the second of March, no two days
        if unit is not None and unit[0] == "year" and _month_of_date(text, unit[1], base):
            unit = None  # 2026年5月12日: the year of a date, no 2026 years
        if unit is not None and unit[0] == "year" and _calendar_year(number, text, unit[1], base):
            unit = None  # 2024年诊所开业: the year 2024, no 2024 years
        if unit is not None and _part_of_date(text, number.start, unit[1], base):
            unit = None  # ngày 12 tháng 5: the 12th of May, no 12 months
        if kinds[index] is None and ranged:
            kinds[index] = kinds[index + 1]  # 1–2 tablets: both ends count tablets
        month = None if unit or kinds[index] else _month_number(text, number, base)
        if month is not None:
            months.append(Measure(number.value, "month", text[month[0] : month[1]]))
        elif not number.rate and not any(m.start == number.start for m in dated):
            pairs.insert(0, _paired(text, number, unit, kinds[index]))
        bound = None if number.spelled else _bound(text, number, unit, base)
        if bound is not None:
            kind, bound_start, bound_end = bound
            bounds.insert(0, Bound(number.value, kind, text[bound_start:bound_end]))
        if unit is None and kinds[index] is None and _clock_said(text, number, base):
            end = _past_hour_word(text, number.end, base)
            clocks.insert(0, Measure(number.value, "clock", text[number.start : end]))
        if unit is not None:
            name, unit_end = unit
            written = text[number.start : max(unit_end, number.end)]
            measures.insert(0, Measure(number.value, name, written, number.spelled))
            ends[index] = measures[0]
            if name == "hour" and _hours_of_time(text, number, unit_end, base):
                hours.insert(0, measures[0])
        elif number.ahead is not None and kinds[index] is None:  # ร้อยละ 50, not ရက် ၃ ကြိမ်
            name, unit_start = number.ahead
            measures.insert(0, Measure(number.value, name, text[unit_start : number.end]))
        if ranged:
            ranges.insert(0, _range_of(text, found[index], found[index + 1], ends, index))
    numbers = Numbers(
        Counter(number.value for number in found if not number.spelled),
        Counter(number.value for number in found if number.spelled),
        tuple(measures),
        _per(text, base),
        tuple(bounds),
        Counter(ordinals),
        tuple((n.value, text[n.start : n.end]) for n in found if not n.spelled),
        _articles(text, base, spelled),
        sum(_counted_one(text, n, base) for n in found),
        _articles(text, base, spelled, "each_words"),
        sum(_counted_one(text, n, base, "each_counters") for n in found),
        tuple(ranges),
        tuple(months),
        _weekdays(text, base),
        tuple(pairs),
        Counter(month.value for month, beside_digit in named if not beside_digit),
        tuple(other for _, other in dates if other is not None),
        tuple(clocks),
        tuple(hours),
        _era_years(text, base),
        Counter(maybe),
    )
    return NO_NUMBERS if numbers == NO_NUMBERS else numbers


#: A Roman numeral (I to X, and the letter of a subtype: IIa) that names a rank, where
#: no reader takes it for a word: after "type", "phase", "stage", "grade" or "class"
#: ("Phase I/II", "stage IIIb") or a word of the language's `ranks` in
#: `data/numbers.yaml` (Thai ระยะที่ II, Vietnamese týp II, giai đoạn III), or before or
#: after the Chinese and Japanese words for them (II型, 第II相, III期). Chinese, Japanese,
#: Thai and Vietnamese write the rank in digits as often (2型糖尿病, 第2相試験, ระยะที่
#: 2): "number not in the source: 2" refused the usual term for "Type II diabetes" and
#: printed the English; and a translation that kept the Roman numeral was not read, so
#: "Phase II" as ระยะที่ III passed. Bare, "I" is a pronoun and "IV" a drip into a vein,
#: so neither is read.
_ROMAN = r"(?:VIII|VII|VI|IV|IX|III|II|I|V|X)(?:[a-d](?![a-z]))?"
_RANK_WORDS = ("type", "phase", "stage", "grade", "class")
_ROMAN_NUMERAL = re.compile(_ROMAN)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


@cache
def _roman_rank(language: str) -> re.Pattern[str]:
    """A rank in Roman numerals (`_ROMAN`) after a rank word of English or of
    ``language`` (`ranks`), or before 型, 期, 相, 级, 級, 度. After the language's own
    words only capitals are numerals: Vietnamese đội (team) is no độ (grade) and I."""
    english = "|".join(re.escape(word) for word in _RANK_WORDS)
    ranks = rf"(?:{_ROMAN})(?:\s*(?:/|,|-|–|and|or|to)\s*(?:{_ROMAN}))*"
    own = _listed(language, "ranks")
    said = ""
    if own:
        spaced = profile(language).word_spaces
        edge, gap = (r"(?<![^\W\d_])", r"\s+") if spaced else ("", r"\s*")
        words = "|".join(re.escape(word) for word in own)
        said = rf"|{edge}(?:{words}){gap}(?-i:({ranks}))(?![^\W\d_])"
    return re.compile(
        rf"(?:(?<![^\W\d_])(?:{english})s?\s+|第\s*)({ranks})(?![A-Za-z])"
        rf"|(?<![A-Za-z])({_ROMAN})\s*(?=[型期相级級度]){said}",
        re.IGNORECASE,
    )


def _roman_ordinals(text: str, language: str) -> list[str]:
    """The values of the Roman numerals of ``text`` that name a rank (`_roman_rank`):
    ordinals, as "second" and 第二 are, which a translation may give in digits."""
    if not any(char in text for char in "IVX"):
        return []
    found = []
    for match in _roman_rank(language).finditer(text):
        ranked = match.group(1) or match.group(2) or match.group(3)
        for numeral in _ROMAN_NUMERAL.findall(ranked):
            found.append(str(_roman_value(numeral.rstrip("abcd"))))
    return found


def _roman_value(numeral: str) -> int:
    """The value of a Roman numeral of I to X."""
    values = [_ROMAN_VALUES[char] for char in numeral]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def _era_years(text: str, language: str) -> tuple[tuple[str, str], ...]:
    """(Common Era year, number as written or "") of each year ``text`` gives in a named
    era of ``language`` (`eras` in data/numbers.yaml: an era's name and its first year,
    its 元年): 令和6年 is 2024, 令和元年 2019, 民國113年 2024."""
    pattern = _era_pattern(language)
    if pattern is None:
        return ()
    years = []
    for match in pattern.finditer(text):
        first = _mapped(language, "eras")[match.group("era")]
        number = match.group("year")
        year = int(first) if number == "元" else int(first) + int(number) - 1
        years.append((str(year), "" if number == "元" else str(int(number))))
    return tuple(years)


@cache
def _era_pattern(language: str) -> re.Pattern[str] | None:
    eras = _mapped(language, "eras")
    if not eras:
        return None
    names = "|".join(re.escape(name) for name in longest_first(eras))
    return re.compile(rf"(?P<era>{names})[ \u00a0]?(?P<year>\d{{1,3}}|元)(?=[ \u00a0]?年)")


#: The years a leaflet may date something in: a number of four digits from 1900 to 2100
#: (or the same years in its language's era, 2443 to 2643 in the Buddhist Era) with a
#: word of years after it is that year (2024年, 2024 ခုနှစ်), never so many years.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def may_be_year(value: int, language: str) -> bool:
    """Whether ``value`` is a year a leaflet may give, in the Gregorian era or in the
    era its ``language`` counts (Thai: the Buddhist Era, 543 years on)."""
    offsets = {0, profile(language or "en").era_year_offset}
    return any(FIRST_YEAR + offset <= value <= LAST_YEAR + offset for offset in offsets)


def _calendar_year(number: _Found, text: str, unit_end: int, language: str) -> bool:
    """Whether ``number``, with a word of years after it ending at ``unit_end``, is a
    calendar year: four digits as typed that `may_be_year`, before a word that also
    names a year of the calendar (`years` under `number_kinds` in `data/numbers.yaml`:
    年, not 年間, which only counts years)."""
    typed = text[number.start : number.end]
    word = text[_past_spaces(text, number.end) : unit_end].casefold()
    return (
        not number.spelled
        and len(typed) == 4
        and number.value.isdigit()
        and may_be_year(int(number.value), language)
        and word in _calendar_words(language)
    )


@cache
def _calendar_words(language: str) -> frozenset[str]:
    """The words ``language`` writes beside a calendar year (`number_kinds`)."""
    entry = shared_section("number_kinds").get(language) or {}
    assert isinstance(entry, dict)
    return frozenset(str(word).casefold() for word in entry.get("years") or [])


def _clock_said(text: str, number: _Found, language: str) -> bool:
    """Whether ``number``, with no unit or counter after it, is a time of day: read as
    one (8:30, 8 a.m., lúc 8 giờ, 8 โมงเช้า), said before a word of `hour` in `hours`
    (8 โมง, 8点, 8時) or after one of `alone` (ตี 2, ម៉ោង ៩)."""
    if number.clock or ":" in number.value:
        return True
    words = tuple(_hours(language).get("hour", {}))
    return _said_after(text, number.end, words, language) or _hour_before(
        text, number.start, language
    )


def _hours_of_time(text: str, number: _Found, unit_end: int, language: str) -> bool:
    """Whether ``number``, with its unit of hours ending at ``unit_end``, can only be
    hours of time: its word names no hour of the clock too (8 hours, 8 ชั่วโมง, 8小时,
    8時間), or one of `during` in `hours` stands before it (Vietnamese trong 8 giờ,
    within 8 hours, where 8 giờ alone may be 8 o'clock)."""
    words = _hours(language)
    said = text[_past_spaces(text, number.end) : unit_end].casefold()
    if said not in words.get("hour", {}):
        return True
    before = text[max(0, number.start - _UNIT_SPAN) : number.start].rstrip(_SPACES).casefold()
    return _ends_with_word(before, words.get("during", {})) is not None


def _in_name(word: _Found, named: list[tuple[_Found, bool]]) -> bool:
    """Whether the number word ``word`` is part of a month's name (the Hai of
    Vietnamese tháng Hai, February): the month's number, no 2 of its own."""
    return any(month.start <= word.start < month.end for month, _ in named)


def _paired(
    text: str, number: _Found, unit: tuple[str, int] | None, kind: tuple[str, int] | None
) -> Measure:
    """``number`` with the unit or else the counter after it, as written ("2 tablets",
    "3 ครั้ง"), or with "" where it has neither ("8 a.m.", a phone number)."""
    name, end = unit or kind or ("", number.end)
    return Measure(number.value, name, text[number.start : max(end, number.end)], number.spelled)


def _count_after(text: str, number: _Found, language: str) -> tuple[str, int] | None:
    """What ``number`` counts and where its word ends: a word of `counts` in
    `data/numbers.yaml` right after it (2 เม็ด, 3次, 2 lần), or the number word itself
    where it says it ("twice", Arabic قرصين, two tablets); None for neither."""
    if number.spelled:
        said = text[number.start : number.end].casefold()
        kind = dict(_count_words(language)).get(said)
        if kind is not None:
            return kind, number.end
    at = _past_spaces(text, number.end)
    for word, kind in _count_words(language):
        if text[at : at + len(word)].casefold() == word and _ends_word(
            text, at + len(word), word, language
        ):
            return kind, at + len(word)
    return None


@cache
def _count_words(language: str) -> tuple[tuple[str, str], ...]:
    """(word, what it counts) of ``language``'s `counts` in `data/numbers.yaml`, longest
    first: เม็ด → tablet, ครั้ง → time."""
    entry = _table().get(language) or {}
    counts = entry.get("counts") or {}
    assert isinstance(counts, dict)
    pairs = {str(word).casefold(): str(kind) for kind, words in counts.items() for word in words}
    return tuple(sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True))


def _month_number(text: str, number: _Found, language: str) -> tuple[int, int] | None:
    """Where the month ``number`` is, with its word, if it is the month of a date, in
    digits or Han numerals: 1 to 12 before a word of `dates` in `data/units.yaml` (5月,
    五月) or after one of `month-words` (tháng 5, ខែ ៥). The caller has found no unit or
    counter after it (mỗi tháng 2 lần, twice a month, is no February)."""
    if not (number.value.isdigit() and len(number.value) <= 2 and 1 <= int(number.value) <= 12):
        return None
    at = _past_spaces(text, number.end)
    for word in _listed_units("dates", language):
        if text.startswith(word, at):
            return number.start, at + len(word)
    back = _before_spaces(text, number.start)
    for word in _listed_units("month-words", language):
        if text[:back].casefold().endswith(word):
            return back - len(word), number.end
    return None


def _weekdays(text: str, language: str) -> tuple[Measure, ...]:
    """The weekdays ``text`` names (`weekdays` in `data/numbers.yaml`: Monday,
    วันจันทร์, 月曜日 are 1), each a whole word."""
    pattern = _name_pattern(language, "weekdays")
    if pattern is None:
        return ()
    days = _mapped(language, "weekdays")
    return tuple(
        Measure(days[match.group(0).casefold()], "weekday", match.group(0))
        for match in pattern.finditer(text)
        if _whole_name(text, match, language)
    )


def _whole_name(text: str, match: re.Match[str], language: str) -> bool:
    """Whether the name ``match`` found is a whole word: not the "mar" of "summary",
    nor, where words are spaced, the end of another word."""
    start, name = match.start(), match.group(0)
    if start and (_latin(name[0]) or profile(language).word_spaces) and text[start - 1].isalpha():
        return False
    return _ends_word(text, match.end(), name, language)


def _range_of(text: str, low: _Found, high: _Found, ends: dict[int, Measure], index: int) -> Range:
    """The range from ``low`` (the ``index``-th number) to ``high``, the next, with the
    unit of its last end's measure, if it has one."""
    measures = tuple(ends[at] for at in (index, index + 1) if at in ends)
    last = ends.get(index + 1)
    written = measures[0].written if measures else text[low.start : high.end]
    return Range(low.value, high.value, last.unit if last else "", written, measures)


def _articles(text: str, language: str, spelled: list[_Found], key: str = "articles") -> int:
    """How often ``text`` says one of a thing with an article ("a glass", "a tablet";
    `articles` in `data/numbers.yaml`, or "each", ``key`` `each_words`), but for a
    phrase that counts nothing ("a few", `not_articles`) and an article inside a number
    word ("a day" is a 1 already)."""
    articles = _listed(language, key)
    if not articles:
        return 0
    vague = _listed(language, "not_articles")
    said = _article_pattern(language, key).finditer(text)
    return sum(
        1
        for match in said
        if not any(word.start <= match.start() < word.end for word in spelled)
        and not any(_says(text, match.start(), phrase) for phrase in vague)
    )


@cache
def _article_pattern(language: str, key: str) -> re.Pattern[str]:
    """A whole word of ``language``'s `articles` (or other ``key``), compiled once:
    escaped and joined again for every text, as the month names were (`_name_pattern`)."""
    words = "|".join(map(re.escape, _listed(language, key)))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w|\.\w)", re.IGNORECASE)


def _says(text: str, at: int, phrase: str) -> bool:
    """Whether ``text`` says the whole word or phrase ``phrase`` at ``at``."""
    end = at + len(phrase)
    return text[at:end].casefold() == phrase and not (end < len(text) and text[end].isalnum())


def _counted_one(text: str, number: _Found, language: str, key: str = "") -> bool:
    """Whether ``number`` is a 1 in digits that counts one thing, as its language says
    "a glass" or "a patient" (コップ1杯, 1 แก้ว, 1 viên, 患者1人): a counter of
    `data/numbers.yaml` or a noun of `counted` under `number_kinds` after it (or only a
    word of its ``key``, `each_counters`: 1回, 1人 for "each"), and no unit (1日 is a
    day, which English says "a day")."""
    if number.value != "1" or number.spelled:
        return False
    if _unit_after(text, number.end, language) is not None:
        return False
    counted = _listed(language, key) if key else (*_counters(language), *_counted_nouns(language))
    return _said_after(text, number.end, counted, language)


@cache
def _counted_nouns(language: str) -> tuple[str, ...]:
    """The nouns ``language`` counts people and cases with (`counted` under
    `number_kinds` in data/numbers.yaml: 人, 名, คน, people), which stand after a
    number as a counter does."""
    entry = shared_section("number_kinds").get(language) or {}
    assert isinstance(entry, dict)
    return tuple(str(word) for word in entry.get("counted") or [])


def _said_after(text: str, end: int, words: tuple[str, ...], language: str) -> bool:
    """Whether one of ``words`` is said whole right after ``end`` (a space between or
    not): the counter of 1 แก้ว, the unit of สามวัน."""
    at = _past_spaces(text, end)
    return any(
        text.startswith(word, at) and _ends_word(text, at + len(word), word, language)
        for word in words
    )


def _unit(text: str, number: _Found, language: str) -> tuple[str, int] | None:
    """The unit written after ``number`` and where it ends; for one with a half said
    after the thing it counts, the unit before the half (2 ชั่วโมงครึ่ง) or after it
    (两个半小时, two and a half hours)."""
    if number.unit:
        return number.unit, number.end
    if number.clock:  # 8 giờ sáng ngày mai: tomorrow at 8 am, no 8 days
        return None
    if number.halved is not None and (unit := _unit_after(text, number.halved, language)):
        return unit
    return _unit_after(text, number.end, language) or _unit_around_half(text, number, language)


def _unit_around_half(text: str, number: _Found, language: str) -> tuple[str, int] | None:
    """The unit a half is said inside of, and where it ends: Chinese 一个半月 (a month
    and a half) puts its 半 between the 个 and 月 of 个月, the month."""
    if number.halved is None:
        return None
    for half in _listed(language, "halves"):
        if text.startswith(half, number.end - len(half)):
            counter = text[number.halved : number.end - len(half)]
            unit = _unit_after(counter + text[number.end : number.end + _UNIT_SPAN], 0, language)
            if unit is not None and unit[1] > len(counter):
                return unit[0], number.end + unit[1] - len(counter)
    return None


def _found(text: str, language: str, spelled: list[_Found]) -> list[_Found]:
    """The numbers of ``text`` in digits, in Han numerals after their unit (百分之五十)
    and in words, in the order they stand; a word inside a number read otherwise (the
    ครึ่ง of 1 เม็ดครึ่ง, read with its 1) is not read again."""
    base = _base(language)
    found = [
        _Found(value, start, end, ahead=_unit_before(text, start, base), clock=clock)
        for value, start, end, clock in _digits(text, language)
    ]
    found += [
        _Found(value, start, end, ahead=(name, start))
        for start, end, value, name in _han_shares(text, base)
    ]
    kept: list[_Found] = []
    for number in sorted(found + spelled, key=lambda number: number.start):
        if kept and number.start < kept[-1].end:
            continue
        kept.append(_as_rate(text, number, base) if number.value == "1" else number)
    return kept


def _as_rate(text: str, number: _Found, language: str) -> _Found:
    """``number``, a 1, as the "a" of a rate where a word of `rates` in
    `data/numbers.yaml` and another number follow it (Japanese 1日2回、1回2錠, "twice a
    day, 2 tablets each time"; Chinese 1天3次): a word, as English "a day" is, with no
    unit or bound, for it counts no day or dose. 1日休む (rest 1 day) is a count."""
    for word in _listed(language, "rates"):
        after = _past_spaces(text, number.end)
        if text.startswith(word, after):
            following = _past_spaces(text, after + len(word))
            if following < len(text) and _numeral(text[following]):
                return _Found(number.value, number.start, number.end, spelled=True, rate=True)
    return number


def _in_date(text: str, start: int, language: str) -> bool:
    """Whether the day at ``start`` is one of a month (3月2日, 三月二日): right after a
    word of `dates` in `data/units.yaml`, itself after a number."""
    for word in _listed_units("dates", language):
        begin = start - len(word)
        if begin > 0 and text.startswith(word, begin) and _numeral(text[begin - 1]):
            return True
    return _after_month_name(text, start, language)


def _after_month_name(text: str, start: int, language: str) -> bool:
    """Whether the number at ``start`` follows a month's name (`months` in
    `data/numbers.yaml`): Burmese writes a date's day with ရက်, its word for days
    (ဇန်နဝါရီ ၁၅ ရက်, 15 January), and so is no duration there."""
    before = text[: _before_spaces(text, start)].casefold()
    return any(before.endswith(name) for name in _mapped(language, "months"))


def _month_name_at(text: str, at: int, language: str) -> bool:
    """Whether a month's name of ``language`` (`months` in `data/numbers.yaml`) starts at
    ``at``: Khmer writes it where Vietnamese writes the month's number (ខែមករា, tháng 1)."""
    ahead = text[at:].casefold()
    return any(ahead.startswith(name) for name in _mapped(language, "months"))


def _month_of_date(text: str, end: int, language: str) -> bool:
    """Whether a month of a date follows the year word ending at ``end`` (the 5月 after
    2026年): a number, then a word of `dates` in `data/units.yaml`."""
    at = _past_spaces(text, end)
    numeral = at
    while numeral < len(text) and _numeral(text[numeral]):
        numeral += 1
    if numeral == at:
        return False
    return any(text.startswith(word, numeral) for word in _listed_units("dates", language))


def _part_of_date(text: str, start: int, unit_end: int, language: str) -> bool:
    """Whether the number at ``start`` is a day or a month of a date its language names
    each part of before its number (`date-parts` in `data/units.yaml`: Vietnamese ngày
    12 tháng 5 năm 2026): such a word before it, and the word read as its unit (ending
    at ``unit_end``) is the next part's, before a number of its own."""
    parts = _listed_units("date-parts", language)
    if not parts:
        return False
    before = text[: _before_spaces(text, start)].casefold()
    if not any(before.endswith(word) for word in parts):
        return False
    unit_word = text[:unit_end].casefold()
    after = _past_spaces(text, unit_end)
    return (
        any(unit_word.endswith(word) for word in parts)
        and after < len(text)
        and (text[after].isdigit() or _month_name_at(text, after, language))
    )


def _named_months(text: str, language: str) -> list[tuple[_Found, bool]]:
    """The months ``language`` names (`months` in `data/numbers.yaml`: May, พฤษภาคม) as
    the number another language dates them with (5月, tháng 5), each with whether a day
    or a year in digits stands beside it ("12 May 2026", "May 12"): only such a month
    counts as a number, as "you may" counts no 5. A name right after a word of
    `month-words` in `data/units.yaml` (ខែមករា, the 1 of tháng 1 and 1月, with a day or
    without), or one of `alone_months` said as a month (`_said_alone`: "Come back in
    May"), is a month, though it counts no number: it stands in for the other side's
    month in digits (`Numbers.named`) and for no other number."""
    found = _dated_months(text, language)
    taken = {month.start for month, _ in found}
    pattern = _alone_pattern(_base(language))
    if pattern is not None:
        names = _mapped(_base(language), "months")
        for match in pattern.finditer(text):
            if match.start() not in taken and _said_alone(text, match, language):
                value = names[match.group(0).casefold()]
                found.append((_Found(value, match.start(), match.end(), spelled=True), False))
    return sorted(found, key=lambda month: month[0].start)


def _dated_months(text: str, language: str) -> list[tuple[_Found, bool]]:
    """The months of `_named_months` beside a digit or after a word of `month-words`."""
    month_words = _listed_units("month-words", language)
    # Only in a text with a digit (`str.isdigit`, as below) or a month word (សូមមកវិញនៅ
    # ខែមករា, come back in January): most texts have neither, told at C speed before
    # the names are sought.
    if not any(map(str.isdigit, text)) and not any(map(text.__contains__, month_words)):
        return []
    pattern = _name_pattern(language, "months")
    if pattern is None:
        return []
    names = _mapped(language, "months")
    found: list[tuple[_Found, bool]] = []
    for match in pattern.finditer(text):
        if not _whole_name(text, match, language):
            continue
        start, end = match.span()
        before = _before_spaces(text, start)
        after = _past_spaces(text, end)
        beside = (before and text[before - 1].isdigit()) or (
            after < len(text) and text[after].isdigit()
        )
        if beside or text[:before].casefold().endswith(month_words):
            month = _Found(names[match.group(0).casefold()], start, end, spelled=True)
            found.append((month, bool(beside)))
    return found


def _said_alone(text: str, match: re.Match[str], language: str) -> bool:
    """Whether the name of `alone_months` ``match`` found is a month with no digit
    beside it: a whole word and, for one of `verb_months` (English May, also "may"),
    inside a sentence and after no word its verb follows ("You May Need…")."""
    if not _whole_name(text, match, language):
        return False
    verbs = _verb_months(_base(language))
    if match.group(0) not in verbs:
        return True
    before = text[: match.start()].rstrip()
    if not before or before[-1] in '.!?:;\n"“(':
        return False  # "May I…?", a heading's first word
    word = _WORD.findall(before[-_UNIT_SPAN:])
    return not word or word[-1].casefold() not in verbs[match.group(0)]


@cache
def _alone_pattern(language: str) -> re.Pattern[str] | None:
    """``language``'s `alone_months` as written, longest first (case counts: "march" and
    "august" are words), or None for a language that lists none."""
    entry = _table().get(language) or {}
    listed = entry.get("alone_months") or []
    assert isinstance(listed, list)
    names = longest_first(map(str, listed))
    if not names:
        return None
    return re.compile("|".join(map(re.escape, names)))


@cache
def _verb_months(language: str) -> dict[str, frozenset[str]]:
    """Each name of ``language``'s `verb_months` with the words after which it is a verb."""
    entry = _table().get(language) or {}
    verbs = entry.get("verb_months") or {}
    assert isinstance(verbs, dict)
    return {
        str(name): frozenset(str(word).casefold() for word in words)
        for name, words in verbs.items()
    }


# A date in digits, its day and month in either order and its year last (12/05/2026,
# 5/12/26, 12.05.2026, 12-05-2026), or its year first (2026/05/12, ISO 2026-05-12): one
# mark between its parts, not a fraction, nor a part of a longer run (a version, a phone
# number). With a point or a hyphen its year has four digits: 1.5.10 is a section.
_DIGIT_DATE = re.compile(
    r"(?<![\d/\u2044])(?<!\d[.\-])"
    r"(?:(?P<first>\d{1,2})(?P<mark>[/.\-])(?P<second>\d{1,2})(?P=mark)"
    r"(?:\d{4}|(?<=/)\d{2})"
    r"|\d{4}(?P<ymark>[/.\-])(?P<month>\d{1,2})(?P=ymark)\d{1,2})"
    r"(?![\d/\u2044])(?![.\-]\d)"
)


# Two digits joined by a date's mark: without one (most texts) no date is sought.
_DATE_MARK = re.compile(r"\d[/.\-]\d")


@lru_cache(maxsize=256)
def _digit_date_matches(text: str) -> tuple[re.Match[str], ...]:
    """The dates in digits ``text`` writes, found once for the three readers of a text
    (its numbers, its months and its ranges) and only where a date's mark joins two
    digits: `_DIGIT_DATE`'s look-arounds at every place of every text cost more than
    the rest of reading a text with no date."""
    return tuple(_DIGIT_DATE.finditer(text)) if _DATE_MARK.search(text) else ()


def _one_date(text: str, start: int, end: int) -> bool:
    """Whether ``start`` to ``end`` lies in one date in digits: the hyphens of
    12-05-2026 join its parts, no range's ends."""
    return any(m.start() <= start and end <= m.end() for m in _digit_date_matches(text))


# Each part of a date in digits, which `_digits` reads as a number of its own.
_DATE_PART = re.compile(r"\d+")


def _date_parts(match: re.Match[str]) -> list[tuple[str, int, int, bool]]:
    """The day, month and year of the date ``match`` holds, as `_digits` gives numbers:
    12.05.2026 is 12, 5 and 2026, as 12/05/2026 is, for its points are no decimal sign
    and its hyphens no minus."""
    at = match.start()
    return [
        (str(int(part.group(0))), at + part.start(), at + part.end(), False)
        for part in _DATE_PART.finditer(match.group(0))
    ]


def _digit_dates(text: str, language: str) -> list[tuple[Measure, Measure | None]]:
    """The month of each date ``text`` writes in digits, in the order its language
    writes a date (`date_order`: 12/05/2026 is May in Vietnamese), and its other reading
    where its day could be the month too and the two orders read it otherwise; a part
    above 12 is the day whatever the order (5/13/2026, 13/5/2026 are both May)."""
    found: list[tuple[Measure, Measure | None]] = []
    for match in _digit_date_matches(text):
        written = match.group(0)
        if match.group("month") is not None:  # 2026-05-12: the month is in the middle
            month = int(match.group("month"))
            if 1 <= month <= 12:
                found.append((Measure(str(month), "month", written), None))
            continue
        first, second = int(match.group("first")), int(match.group("second"))
        if not (1 <= first <= 31 and 1 <= second <= 31) or min(first, second) > 12:
            continue
        day_first = date_order(language) != "md"
        if max(first, second) > 12:
            month, other = min(first, second), None
        else:
            month, other = (second, first) if day_first else (first, second)
        found.append(
            (
                Measure(str(month), "month", written),
                None if other in (None, month) else Measure(str(other), "month", written),
            )
        )
    return found


@cache
def date_order(language: str) -> str | None:
    """ "dm" or "md": whether ``language`` writes a date's day or its month first in
    digits, as CLDR's short date pattern does (dd/MM/y, M/d/yy; y/MM/dd puts the month
    first); None where that is not known: a language CLDR lacks, and a bare language the
    project prints in another variety than CLDR's (`DEFAULT_REGION`: a bare "en" is
    British, day first, where CLDR's en is American)."""
    from babel.dates import get_date_format

    from ..project import cldr_locale
    from .formatting import DEFAULT_REGION

    tag = language or "en"
    where = cldr_locale(tag)
    if where is None or tag in DEFAULT_REGION:
        return None
    pattern = str(get_date_format("short", locale=where).pattern)
    day, month = pattern.find("d"), pattern.find("M")
    return None if min(day, month) < 0 else ("dm" if day < month else "md")


@cache
def _name_pattern(language: str, key: str) -> re.Pattern[str] | None:
    """The names ``language`` lists under ``key`` (`months`, `weekdays`) as one pattern,
    longest first; None without any. Built once: every number a catalog holds is read
    more than once."""
    names = _mapped(language, key)
    if not names:
        return None
    latin: list[str] = []
    other: list[str] = []
    for name in longest_first(names):
        (latin if _latin(name[0]) else other).append(re.escape(name))
    # A Latin name starts a word (no "mar" in "summary", `_whole_name`): tried at word
    # starts only, the pattern reads an English text in a third of the time.
    alternatives = [rf"\b(?:{'|'.join(latin)})"] if latin else []
    alternatives += other
    return re.compile("|".join(alternatives), re.IGNORECASE)


@cache
def _listed_units(section: str, language: str) -> tuple[str, ...]:
    """The words ``language`` lists under ``section`` in `data/units.yaml`."""
    words: list[object] = list(_units(section).get(language) or [])
    return tuple(str(word) for word in words)


def _numeral(character: str) -> bool:
    """Whether ``character`` is a digit or a Han numeral (the 3 or 三 of 3月)."""
    return character.isdigit() or character in _HAN_DIGITS or character == "十"


def _halved(text: str, found: list[_Found], language: str) -> list[_Found]:
    """``found``, each number followed by "and a half" said after the thing it counts
    (หนึ่งเม็ดครึ่ง, 2 ชั่วโมงครึ่ง, 1片半: 1.5, 2.5) taking that half, and the word for
    the half no number of its own."""
    halves = _listed(language, "halves")
    if not any(half in text for half in halves):  # most texts: no unit read twice
        return found
    kept: list[_Found] = []
    for number in found:
        if kept and kept[-1].end > number.start:
            continue  # the half just taken
        end = _half_after(text, number.end, language, halves)
        if end is not None and _ONE_NUMBER.fullmatch(number.value):
            value = _decimal(Fraction(number.value) + Fraction(1, 2))
            number = _Found(value, number.start, end, number.spelled, number.ahead, number.end)
        kept.append(number)
    return kept


def _half_after(text: str, end: int, language: str, halves: tuple[str, ...]) -> int | None:
    """Where the word for a half ends, said after the unit or counter that follows the
    number ending at ``end`` (เม็ดครึ่ง, 片半, 个半), or None."""
    unit = _unit_after(text, end, language)
    at = _past_spaces(text, end)
    counted = unit[1] if unit else _past_counter(text, at, language)
    if counted == at:
        return None
    for word in halves:
        if text.startswith(word, counted):
            return counted + len(word)
    return None


def _bound(
    text: str, number: _Found, unit: tuple[str, int] | None, language: str
) -> tuple[str, int, int] | None:
    """The bound said right before ``number`` (or before a word of estimate before it)
    or right after it and its ``unit`` (or after the thing counted): its kind, as the
    clause turns it, and where its words begin and end."""
    words = _bound_words(language)
    start, end = number.start, unit[1] if unit else number.end
    gap = _past_spaces(text, end)
    for ahead in dict.fromkeys((gap, _past_counter(text, gap, language))):
        after = text[ahead : ahead + _UNIT_SPAN].casefold()
        for word, kind in words.get("after", ()):
            if after.startswith(word) and _ends_word(text, ahead + len(word), word, language):
                return _negated(text, start, kind, language, start, ahead + len(word))
    back = _before_estimate(text, _before_spaces(text, start), language)
    before = text[max(0, back - _UNIT_SPAN) : back].casefold()
    spaced = profile(language).word_spaces
    for place in ("before", "compared"):  # "no more than" is a bound, not "more than"
        for word, kind in words.get(place, ()):
            begin = back - len(word)
            if before.endswith(word) and not (spaced and begin and text[begin - 1].isalnum()):
                return _negated(text, begin, kind, language, begin, end)
    return None


def _negated(
    text: str, begin: int, kind: str, language: str, start: int, end: int
) -> tuple[str, int, int] | None:
    """A bound of ``kind`` said from ``start`` to ``end``, as the clause before it at
    ``begin`` turns it: a prohibition that opens the clause makes a least a most ("Do not
    take more than 2", ห้ามรับประทานเกิน 2, 请勿服用超过2片: at most 2; "Do not take 3
    tablets or more": fewer than 3) and a most a least
    (ห้ามใช้ภายใน 2 ชั่วโมง: not within 2 hours, so at least 2); a negation of another
    word in the clause ("if it does not heal in more than 2 days", หากไม่หายภายใน 2 วัน)
    leaves the bound unknown, so it is not compared."""
    clause = _clause(text, begin, language)
    negations = _negations(language)
    if negations is None:
        return kind, start, end
    found = list(negations.finditer(text, clause, begin))
    if not found:
        return kind, start, end
    opening = found[-1].start()
    if opening == clause or (not profile(language).word_spaces and text[opening - 1].isspace()):
        return ("most" if kind == "least" else "least"), opening, end
    return None


_CLAUSE_ENDS = re.compile(r"[.,;:!?\n、。，；：！？،؛]")


def _clause(text: str, begin: int, language: str) -> int:
    """Where the clause holding ``begin`` starts: after the last punctuation before it,
    and its spaces."""
    start = 0
    for match in _CLAUSE_ENDS.finditer(text, 0, begin):
        start = match.end()
    while start < begin and text[start].isspace():
        start += 1
    return start


@cache
def _negations(language: str) -> re.Pattern[str] | None:
    """The language's words that forbid or deny (`negations` in `data/numbers.yaml`),
    longest first, whole words where words are spaced; where they are not, none that
    begins a word of `not_negations` (Thai อย่า, "don't", begins อย่าง of อย่างไรก็ตาม,
    "however", and อย่างน้อย, "at least")."""
    words = _listed(language, "negations")
    if not words:
        return None
    pattern = "|".join(re.escape(word) + _not_followed(word, language) for word in words)
    if profile(language).word_spaces:
        pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
    return re.compile(pattern, re.IGNORECASE)


def _not_followed(word: str, language: str) -> str:
    """A look-ahead refusing ``word`` where it begins one of the language's
    `not_negations`, or "" if it begins none."""
    others = _listed(language, "not_negations")
    tails = [other[len(word) :] for other in others if other.startswith(word) and other != word]
    return f"(?!{'|'.join(re.escape(tail) for tail in tails)})" if tails else ""


def _past_spaces(text: str, end: int) -> int:
    """Where the text goes on after the one or two spaces at ``end`` (between a number
    and its unit, or none)."""
    ahead = end
    while ahead < min(len(text), end + 2) and text[ahead] in _SPACES:
        ahead += 1
    return ahead


def _before_spaces(text: str, start: int) -> int:
    """Where the one or two spaces before ``start`` begin."""
    back = start
    while back > max(0, start - 2) and text[back - 1] in _SPACES:
        back -= 1
    return back


_WORD = re.compile(r"[^\W\d_]+")


def _past_counter(text: str, at: int, language: str) -> int:
    """Where a limit said after a number may begin: past the thing counted (3 tablets or
    more, 3 เม็ดขึ้นไป, 3回まで), which stands between them as often as not. A language
    that spaces its words counts one word; another, the counters `data/numbers.yaml`
    lists for it, as no word ends there otherwise."""
    if profile(language).word_spaces:
        word = _WORD.match(text, at)
        if word is None:
            return at
        return _past_spaces(text, word.end())
    for counter in _counters(language):
        if text.startswith(counter, at):
            return _past_spaces(text, at + len(counter))
    return at


def _before_estimate(text: str, back: int, language: str) -> int:
    """Where a limit said before a number may end: before a word of estimate ("no more
    than about 3", ไม่เกินประมาณ 3, 最多约3), which leaves the limit what it was."""
    before = text[max(0, back - _UNIT_SPAN) : back].casefold()
    spaced = profile(language).word_spaces
    for word in _listed(language, "estimates"):
        begin = back - len(word)
        if before.endswith(word) and not (spaced and begin and text[begin - 1].isalnum()):
            return _before_spaces(text, begin)
    return back


@cache
def _counters(language: str) -> tuple[str, ...]:
    """The words for the thing a number counts (回, 錠, เม็ด), longest first: the
    counters its numerals stand before (`before`), its other `counters` and the words
    of its `counts`."""
    words = {*_listed(language, "before"), *_listed(language, "counters")}
    words |= {word for word, _ in _count_words(language)}  # เม็ด, ครั้ง: `counts`
    return tuple(sorted(words, key=len)[::-1])


@cache
def _listed(language: str, key: str) -> tuple[str, ...]:
    """The words ``language`` lists under ``key`` in `data/numbers.yaml`, longest first."""
    entry = _table().get(language) or {}
    words = entry.get(key) or []
    assert isinstance(words, list)
    return tuple(longest_first(str(word).casefold() for word in words))


@cache
def _bound_words(language: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """(word, kind) said ``before`` and ``after`` a bounded number, longest first, and
    the comparisons (``compared``: "more than", a least unless forbidden), read only
    where no bound is: "no more than" (most) is a bound, "more than" a comparison."""
    entry = _table().get(language) or {}
    bounds = entry.get("bounds") or {}
    compared = entry.get("comparisons") or {}
    assert isinstance(bounds, dict) and isinstance(compared, dict)
    found: dict[str, dict[str, str]] = {"before": {}, "after": {}, "compared": {}}
    for kind, places in bounds.items():
        for place, words in places.items():
            found[place].update({str(word).casefold(): str(kind) for word in words})
    for kind, words in compared.items():
        found["compared"].update({str(word).casefold(): str(kind) for word in words})
    return {
        place: tuple(sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True))
        for place, pairs in found.items()
    }


def _per(text: str, language: str) -> tuple[str, ...]:
    """The units ``text`` gives another "per" ("mg/kg", "per kg", Thai ต่อ กก.)."""
    per = _unit_data().get("per")
    assert isinstance(per, dict)
    marks = ["/"] + [str(word) for word in per.get(language) or []]
    spaced = profile(language).word_spaces  # Thai writes เซลล์ต่อกิโลกรัม, no space
    found = []
    for mark in marks:
        for match in re.finditer(re.escape(mark), text, re.IGNORECASE):
            start = match.end()
            if mark != "/" and spaced:
                if match.start() and text[match.start() - 1].isalnum():
                    continue  # "upper" holds no "per"
                if not text[start : start + 1].isspace():
                    continue  # "persist"
            unit = _unit_after(text, start, language)
            if unit is not None:
                found.append(unit[0])
    return tuple(found)


def writes(text: str, unit: str, language: str) -> bool:
    """Whether ``text`` names ``unit`` anywhere, in any form (1kgあたり, 每公斤, วันละ): a
    word of the language or a symbol, a symbol standing apart from other Latin letters."""
    folded = text.casefold()
    for word, name in _unit_words(_base(language)):
        if name != unit:
            continue
        if not word.isascii():
            if word in folded:
                return True
        elif re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", folded):
            return True
    return False


def lists(unit: str, language: str) -> bool:
    """Whether ``language`` has its own words for ``unit`` in `data/units.yaml`: only then
    can a translation be said to have left it out (a language without a word for a unit
    is not judged for it). A text of no known language ("") is not judged."""
    base = _base(language) if language else ""
    before = _units("before").get(base) or {}
    return bool(language) and (unit in (_units().get(base) or {}) or unit in before)


def _digits(text: str, language: str) -> list[tuple[str, int, int, bool]]:
    """Each number's value, start and end, and whether it is a time of day. In a
    language that writes a decimal comma (CLDR: Vietnamese, Lao) 0,5 is 0.5 and 1.000
    is 1000, so 1,000 there is 1: the value its reader takes it for. A fraction is its
    value (½, 1/2 and 0.5 are 0.5; 1½ and 1 1/2 are 1.5), and a minus sign is kept
    (−80 °C is not 80 °C)."""
    found: list[tuple[str, int, int, bool]] = []
    matches = list(_NUMBER.finditer(text))
    if not matches:  # most texts: the scans for fractions, times and dates find nothing
        return found
    fractions = {m.start(): m for m in _SLASH_FRACTION.finditer(text)}
    times = {m.start(): m for m in _time_pattern(_base(language)).finditer(text)}
    dates = {m.start(): m for m in _digit_date_matches(text)}
    skip_to = 0
    clock_end = -1  # where the last time of day ends: a range from it ends at a time
    for match in matches:
        start, end = match.start(), match.end()
        if start < skip_to:
            continue
        if start in dates:  # 12.05.2026, 2026-05-12: a day, a month and a year
            found += _date_parts(dates[start])
            skip_to = dates[start].end()
            continue
        ranged = clock_end >= 0 and bool(_range(_base(language)).fullmatch(text[clock_end:start]))
        if start in times and (time := _time(times[start])):
            time, time_end = _meridiem(text, time, start, times[start].end(), language, ranged)
            found.append((time, start, time_end, True))
            skip_to = clock_end = time_end
            continue
        if start in fractions and int(fractions[start].group(2)):  # a fraction, 1/2
            fraction = fractions[start]
            part = Fraction(int(fraction.group(1)), int(fraction.group(2)))
            if part < 1 and found and _mixed(text, found[-1], start):
                whole, whole_start, _, _ = found.pop()  # 1 1/2
                found.append((_decimal(Fraction(whole) + part), whole_start, fraction.end(), False))
                skip_to = fraction.end()
                continue
            if 0 < part < 1:
                found.append((_decimal(part), _signed(text, start), fraction.end(), False))
                skip_to = fraction.end()
                continue
        written, power = match.group(0), ""
        if "^" in written:  # 10^6
            written, power = written.split("^")
        vulgar = (
            written[-1] if unicodedata.decomposition(written[-1]).startswith("<fraction>") else ""
        )
        digits = "".join(
            str(unicodedata.digit(c)) if c.isdigit() else _SEPARATORS.get(c, c)
            for c in written.removesuffix(vulgar)
        )
        # CLDR's symbols are looked up only for a number that has a separator: the first
        # look-up of a language loads its Babel data, milliseconds of every translated build.
        if ("," in digits or "." in digits) and _decimal_comma(language):
            # a point before three digits groups them; a comma is the decimal
            digits = re.sub(r"\.(?=\d{3}\b)", "", digits).replace(",", ".")
        if _ARABIC_DIGITS.match(written):  # ٢,٥: the decimal sign typed on a Latin keyboard
            digits = re.sub(r",(?!\d{3}(?!\d))", ".", digits)
        if _LAKHS.match(digits) and _grouped_by_two(language):  # Hindi 1,00,000
            digits = digits.replace(",", "", digits.count(",") - 1)
        value = re.sub(r",(?=\d{3}\b)", "", digits)  # 1,000 → 1000
        # 1½, 10⁶, where the digits are one number (1.2.3½ is a version and a half)
        one = _ONE_NUMBER.fullmatch(value)
        if vulgar and (one or not value):
            value = _decimal(Fraction(value or "0") + _vulgar(vulgar))
        exponent = int(power.replace("\u2212", "-") or 0)
        if power and one and abs(exponent) <= MAX_EXPONENT and (exponent >= 0 or float(value)):
            value = _decimal(Fraction(value) ** exponent)
        elif one and (size := _size_after(text, end, _base(language))):  # 100万, 1 ล้าน
            value, end = _decimal(Fraction(value) * size[0]), size[1]
        if value.isdigit():  # 05 of 15/05/2026 is the 5 of 5月, of 15 May
            value = value.lstrip("0") or "0"
        begin = _signed(text, start)
        if value.isdigit() and begin == start:
            digits_end = end
            value, end = _meridiem(text, value, start, end, language, ranged)
            skip_to = end  # the 30 of 2点30分 is the time's minutes
            clock_end = end if end > digits_end else clock_end
        clock = begin == start and clock_end == end
        found.append((("-" + value) if begin < start else value, begin, end, clock))
    return found


# "8 pm", "8:30 p.m.", "8am": a time in twelve hours, as English writes it.
_MERIDIEM = re.compile(r"[ \u00a0\u202f]?([ap])\.?m\b\.?", re.IGNORECASE)


def _meridiem(
    text: str, time: str, start: int, end: int, language: str, ranged: bool = False
) -> tuple[str, int]:
    """``time`` ("8", "8:30"), from ``start`` to ``end``, in twenty-four hours if its
    language says it is in the morning or afternoon (8 pm, 晚上8点, 8 giờ tối, Thai
    2 ทุ่ม: 20), and where the number and its word end: 12 am is midnight (0), 12 pm
    noon. An hour past 12 (17 giờ, 14点30分) is in twenty-four hours already. ``ranged``:
    the number ends a range from a time of day (từ 8 giờ 30 đến 17 giờ), so is one."""
    hour, _, minute = time.partition(":")
    if len(hour) > 2 or not 1 <= int(hour) <= 24:
        return time, end
    digits_end = end
    past = None if minute else _half_past(text, start, end, language)
    if past is not None:  # สองทุ่มครึ่ง, 8点半: half past
        minute = "30"
    late = None
    if not minute and (clock := _minutes_after(text, start, end, language, ranged)):
        minute, end, late = clock  # 2点30分, 2 giờ 30
    half, words = None, _hours(_base(language))
    if match := _MERIDIEM.match(text, end):
        half, end = ("pm" if match.group(1).casefold() == "p" else "am"), match.end()
    else:
        gap = end + (end < len(text) and text[end] in _SPACES)
        after = text[gap : gap + _UNIT_SPAN].casefold()
        before = text[max(0, start - _UNIT_SPAN) : start].rstrip(_SPACES)
        for word, said in words.get("after", {}).items():
            if after.startswith(word) and _ends_word(text, gap + len(word), word, language):
                half, end = said, gap + len(word)  # 8 giờ tối: the hour's, no hours of time
        hour_said = after.startswith(tuple(words.get("hour", {})))  # 8点
        if minute or hour_said or _hour_before(text, start, language):  # 8:00, ตี 2
            for word, said in words.get("before", {}).items():
                if before.endswith(word):
                    half = said
            if period := _said(text, gap, words.get("after_hour", {}), language):
                half, end = period  # ម៉ោង ២ រសៀល: 2 pm; ៣ ល្ងាច alone is three evenings
    half = late or half
    if end == digits_end and (ranged or _clock_cue(text, start, language, int(hour))):
        end = _past_hour_word(text, end, language)  # lúc 9 giờ: at 9 o'clock
    if half is None or int(hour) > 12:
        return (f"{hour}:{minute}" if minute else hour), max(end, past or 0)
    hours = _in_day(int(hour), half)
    return (f"{hours}:{minute}" if minute else f"{hours}"), max(end, past or 0)


def _in_day(hour: int, half: str) -> int:
    """``hour`` (1 to 12) said with ``half``, a word's part of the day, in twenty-four
    hours: "am", "pm", a number of hours it counts from (Thai ทุ่ม, 18), or "night"
    (Khmer យប់, Burmese ည): night runs from the evening through midnight to the small
    hours, so 10 at night is 22:00, 12 at night midnight and 2 at night 2 am."""
    if half == "night":
        return hour + 12 if _EVENING <= hour < 12 else hour % 12
    return (hour % 12 + _HALVES.get(half, int(half) if half.isdigit() else 0)) % 24


def _clock_cue(text: str, start: int, language: str, hour: int) -> bool:
    """Whether a word before the number at ``start`` makes the hour word after it name
    the time of day, though it also names hours of time (nhịn ăn 12 giờ, fast for 12
    hours): a word of `at` in `hours` before any ``hour`` (Vietnamese lúc 9 giờ, at 9
    o'clock), or one of `past_noon` before an hour from 13 to 23, which a clock in 24
    hours gives and a duration after it seldom is (sau 22 giờ, after 22:00; sau 24 giờ
    and sau 2 giờ stay "after 24 hours", "after 2 hours"). A word of `past_noon` right
    after a number joins a range (10 đến 14 giờ, 10 to 14 hours) and cues nothing."""
    before = text[max(0, start - _UNIT_SPAN) : start].rstrip(_SPACES).casefold()
    words = _hours(_base(language))
    if _ends_with_word(before, words.get("at", {})):
        return True
    cue = _ends_with_word(before, words.get("past_noon", {})) if 12 < hour < 24 else None
    return cue is not None and not before[: -len(cue)].rstrip(_SPACES)[-1:].isdigit()


def _ends_with_word(text: str, words: dict[str, str]) -> str | None:
    """The word of ``words`` ``text`` ends with as a whole word, or None."""
    return next(
        (
            word
            for word in words
            if text.endswith(word)
            and (len(text) == len(word) or not text[-len(word) - 1].isalnum())
        ),
        None,
    )


def _past_hour_word(text: str, end: int, language: str) -> int:
    """Where a word of `hour` right after ``end`` ends (17 giờ), else ``end``."""
    at = _past_spaces(text, end)
    said = _said(text, at, dict.fromkeys(_hours(_base(language)).get("hour", {}), ""), language)
    return said[1] if said else end


_MINUTES = re.compile(r"\d{1,2}(?!\d)")


def _minutes_after(
    text: str, start: int, end: int, language: str, ranged: bool = False
) -> tuple[str, int, str | None] | None:
    """The minutes said after the hour word that follows the number from ``start`` to
    ``end`` (Chinese 2点30分, Japanese 2時30分, Vietnamese 2 giờ 30 chiều: 2:30), where
    they end, and am or pm if a word of `later` in `hours` follows them (chiều,
    afternoon); or None. Where the hour word also names hours of time (Vietnamese giờ:
    2 giờ 30 phút is two and a half hours) minutes with their word (phút) make a time
    only with a word of `later` after, a word of `at` before (lúc 8 giờ 30 phút), or
    after a time of day they range from (``ranged``); said bare (8 giờ 30) they are the
    time's, as Vietnamese tells a time."""
    words = _hours(_base(language))
    at = _past_spaces(text, end)
    ahead = text[at : at + _UNIT_SPAN].casefold()
    hour = next((w for w in words.get("hour", {}) if ahead.startswith(w)), None)
    if hour is None:
        return None
    minutes = _MINUTES.match(text, _past_spaces(text, at + len(hour)))
    if minutes is None or int(minutes.group(0)) > 59:
        return None
    stop = minutes.end()
    named = _said(text, _past_spaces(text, stop), words.get("minute", {}), language)
    stop = named[1] if named else stop
    late = _said(text, _past_spaces(text, stop), words.get("later", {}), language)
    cued = ranged or _clock_cue(text, start, language, int(text[start:end]))
    if late is None and named and not cued and _unit_after(text, end, language) is not None:
        return None  # 2 giờ 30 phút: hours and minutes of time, no time of day
    return f"{int(minutes.group(0)):02d}", late[1] if late else stop, late[0] if late else None


def _said(text: str, at: int, words: dict[str, str], language: str) -> tuple[str, int] | None:
    """What the whole word of ``words`` said at ``at`` maps to, and where it ends."""
    for word, said in words.items():
        end = at + len(word)
        if text[at:end].casefold() == word and _ends_word(text, end, word, language):
            return said, end
    return None


def _half_past(text: str, start: int, end: int, language: str) -> int | None:
    """Where "half past" ends, said after the hour word that follows the number from
    ``start`` to ``end`` (Thai สองทุ่มครึ่ง and บ่ายสองโมงครึ่ง, 8:30 pm and 2:30 pm; Chinese
    8点半, Japanese 8時半), or right after the number where a word before it says the
    hour (Thai ตีสองครึ่ง, 2:30 am), or None: a word of `halves` after a word of `hours`."""
    halves = _listed(_base(language), "halves")
    if not halves:
        return None
    at = _past_spaces(text, end)
    if _hour_before(text, start, language):
        return next((at + len(h) for h in halves if text.startswith(h, at)), None)
    words = _hours(_base(language))
    for word in longest_first({*words.get("after", {}), *words.get("hour", {})}):
        if text.startswith(word, at):
            after = at + len(word)
            return next((after + len(h) for h in halves if text.startswith(h, after)), None)
    return None


def _hour_word_ahead(
    text: str,
    unit: tuple[str, int],
    following: _Found,
    its_unit: tuple[str, int] | None,
    its_kind: tuple[str, int] | None,
    language: str,
) -> bool:
    """Whether the hour word read as a number's ``unit`` (its name, where it ends) is
    the word its language writes before the hour of a time of day (`alone` of `hours`:
    Khmer ឆ្នាំ២០២៧ ម៉ោង ៩:៣០ is the year 2027 at 9:30, no 2027 hours): the number
    ``following`` stands right after it, an hour (a time, or 0 to 24) with no unit or
    counter of its own (``its_unit``, ``its_kind``: ២ ម៉ោង ៣០ នាទី is two hours and a
    half)."""
    name, end = unit
    if name != "hour" or its_unit or its_kind or _past_spaces(text, end) != following.start:
        return False
    hour = following.value.partition(":")[0]
    return hour.isdigit() and int(hour) <= 24 and _hour_before(text, following.start, language)


def _hour_before(text: str, start: int, language: str) -> bool:
    """Whether a word that makes the number at ``start`` an hour on its own stands
    before it (`alone` of `hours`: Thai ตี, as in ตี 2, 2 am)."""
    before = text[max(0, start - _UNIT_SPAN) : start].rstrip(_SPACES).casefold()
    return before.endswith(tuple(_hours(_base(language)).get("alone", {})))


@cache
def words_before_a_number(language: str) -> tuple[str, ...]:
    """The words ``language`` writes right before a number that is theirs: a word that
    makes it an hour (`hours` ``before`` and ``alone``: Khmer ម៉ោង ៩:៣០, Thai ตี 2 and
    บ่าย 2, Chinese 下午2点), a month (`month-words` of `data/units.yaml`: Vietnamese
    tháng 5, Khmer ខែ ៥) or another part of a date (`date-parts`: ngày 12, năm 2027,
    ឆ្នាំ ២០២៧). The typesetter keeps each on one line with its number
    (`typeset.kept_groups`): the words these checks read a time and a date by are the
    ones a reader must not find parted from them."""
    base = _base(language)
    hours = _hours(base)
    words = [*hours.get("before", {}), *hours.get("alone", {})]
    words += _listed_units("month-words", base)
    words += _listed_units("date-parts", base)
    return tuple(dict.fromkeys(words))


#: A number in digits of any script, its decimal or grouping marks inside it.
_DIGITS_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def unit_spans(text: str, language: str) -> tuple[tuple[int, int, int], ...]:
    """(start, unit's start, end) of each number in digits of ``text`` with the unit
    written after it
    that `data/units.yaml` lists for ``language`` (500 mg, ៥០០ មីលីក្រាម, ၅၀၀ မီလီဂရမ်,
    500毫克, 500ミリグラム). The typesetter keeps each on one line
    (`typeset.kept_groups`): ICU reads a unit borrowed into a script without spaces as
    syllables (មី|លីក្រាម, 毫|克), and a line ending "៥០០ មី" gave the reader half a
    unit, the number's meaning cut with it. The units these checks compare are the ones
    a reader must not find cut."""
    if not any(char.isdigit() for char in text):
        return ()
    base = _base(language)
    spans = []
    for match in _DIGITS_RUN.finditer(text):
        unit = _unit_after(text, match.end(), base)
        if unit is not None:
            spans.append((match.start(), _past_spaces(text, match.end()), unit[1]))
    return tuple(spans)


def counter_spans(text: str, language: str) -> tuple[tuple[int, int, int], ...]:
    """(start, counter's start, end) of each number in digits of ``text`` with a counter
    written after it, a word of `counts` or `counters` in `data/numbers.yaml` (2 เม็ด,
    3 ครั้ง, ២គ្រាប់, ၃ ကြိမ်, 2カプセル, 1 ช้อนชา): the words these checks pair a number
    with, kept with it on a line as a unit is (`typeset.kept_groups.number_units`). "2
    ครั้ง" read as "2" at a line's end and "ครั้ง" on the next is a dose cut in two."""
    if not any(char.isdigit() for char in text):
        return ()
    words = _kept_counters(_base(language))
    if not words:
        return ()
    spans = []
    for match in _DIGITS_RUN.finditer(text):
        at = _past_spaces(text, match.end())
        for word in words:
            end = at + len(word)
            if text[at:end].casefold() == word and _ends_word(text, end, word, language):
                spans.append((match.start(), at, end))
                break
    return tuple(spans)


def unit_before_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """(unit's start, number's start) of each number written after its unit, a word of
    `before` in `data/units.yaml` (Thai ร้อยละ 50, Lao ຮ້ອຍລະ 50, Burmese မိနစ် ၃၀ and
    ရက် ၉၀, Chinese 百分之50 and 百分之五十): the words these checks read as the number's
    unit, kept with it on a line (`typeset.kept_groups`). ICU ends a line after them
    ("ผู้ป่วยร้อย" / "ละ 50", "မိနစ်" / "၃၀"), and the reader was left with a share or a
    span of time whose number was on the next line."""
    base = _base(language)
    if not _before_words(base):
        return ()
    spans = [
        (ahead[1], match.start())
        for match in _DIGITS_RUN.finditer(text)
        if (ahead := _unit_before(text, match.start(), base)) is not None
    ]
    spans += [(start, _past_word(text, start, base)) for start, _, _, _ in _han_shares(text, base)]
    return tuple(sorted(spans))


def _past_word(text: str, start: int, language: str) -> int:
    """Where the number starts after the unit word of `before` at ``start`` (百分之|五十)."""
    for word, _ in _before_words(language):
        if text[start : start + len(word)].casefold() == word:
            return start + len(word)
    return start


def spelled_spans(text: str, language: str) -> tuple[tuple[int, int, int], ...]:
    """(start, word's start, end) of each number in words of ``text`` that these checks
    read with the unit or counter right after it (สองครั้ง, หนึ่งเม็ด, ສາມຄັ້ງ,
    ពីរគ្រាប់, သုံးကြိမ်, 两片, 二錠): kept on one line as the same number in digits is
    (`counter_spans`, `unit_spans`). ICU parts a number word from the word after it,
    and "วันละสอง" / "ครั้ง" left "twice" as "two" at a line's end."""
    base = _base(language)
    kept = _kept_counters(base)
    spans = []
    for number in _words(text, language)[0]:
        at = _past_spaces(text, number.end)
        unit = _unit_after(text, number.end, base)
        end = unit[1] if unit is not None else None
        for word in kept if end is None else ():
            if text[at : at + len(word)].casefold() == word and _ends_word(
                text, at + len(word), word, language
            ):
                end = at + len(word)
                break
        if end is not None:
            spans.append((number.start, at, end))
    return tuple(spans)


@cache
def _kept_counters(language: str) -> tuple[str, ...]:
    """``language``'s counters (`counts` and `counters` in `data/numbers.yaml`), longest
    first: the one list the checks read them from, so a counter added for I18N007 is
    kept with its number on a line too."""
    words = {word for word, _ in _count_words(language)} | set(_listed(language, "counters"))
    return tuple(longest_first(words))


# The hours a word of `hours` adds to the hour it is said with: am and pm, or as many
# as it names (Thai ทุ่ม counts from 6 pm: สองทุ่ม is 18 + 2, 8 pm).
_HALVES = {"am": 0, "pm": 12}
_EVENING = 6  # the first hour "at night" that is after noon: 6 at night is 18:00


@cache
def _hours(language: str) -> dict[str, dict[str, str]]:
    """The language's words for a morning or afternoon hour, ``before`` and ``after``
    (word → am or pm), and ``hour``: the words that make a number an hour (8点)."""
    entry = _table().get(language) or {}
    hours = entry.get("hours") or {}
    assert isinstance(hours, dict)
    return {  # hour: a list of words, each its own
        place: {
            str(word).casefold(): str(words[word]) if isinstance(words, dict) else str(word)
            for word in words
        }
        for place, words in hours.items()
    }


def _time(match: re.Match[str]) -> str:
    """The time ``match`` holds ("8", "8:30"), or "" if it is no time of day (1:75)."""
    hour, minute = (int("".join(str(unicodedata.digit(c)) for c in g)) for g in match.groups())
    if hour > 24 or minute > 59:
        return ""
    return f"{hour}" if minute == 0 else f"{hour}:{minute:02d}"


def _vulgar(character: str) -> Fraction:
    """½ as Unicode decomposes it: <fraction> 0031 2044 0032."""
    numerator, denominator = unicodedata.decomposition(character).split()[1:4:2]
    return Fraction(int(chr(int(numerator, 16))), int(chr(int(denominator, 16))))


def _decimal(value: Fraction) -> str:
    """``value`` as digits with a point where it has an end (3/2 → 1.5), else n/d."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format(exact.normalize(), "f")


def _mixed(text: str, whole: tuple[str, int, int, bool], start: int) -> bool:
    """Whether the number ``whole`` ends one space before ``start`` (1 1/2)."""
    value, _, end, _ = whole
    return value.isdigit() and end + 1 == start and text[end] in _SPACES


def _signed(text: str, start: int) -> int:
    """Where the number at ``start`` begins: at its minus sign, if it has one. A dash
    after a number (1-2, 1 - 2) joins a range's ends and is no sign."""
    if start == 0 or text[start - 1] not in _MINUS:
        return start
    before = text[max(0, start - 4) : start - 1].rstrip()  # "1 - 2": two spaces at most
    if not before:
        return start - 1
    glued = unicodedata.category(before[-1])[0] == "L" and not text[start - 2].isspace()
    if before[-1].isdigit() or glued:  # 1-2, 1 - 2, COVID-19
        return start
    return start - 1


_SPACES = " \u00a0\u202f\u2009"  # between a number and its unit, or none
_UNIT_SPAN = 32  # characters read for a unit: longer than any word of data/units.yaml


def _unit_before(text: str, start: int, language: str) -> tuple[str, int] | None:
    """The unit written before the number at ``start`` (Thai ร้อยละ 50) and where it
    begins, or None."""
    end = _before_spaces(text, start)
    rest = text[max(0, end - _UNIT_SPAN) : end].casefold()
    for word, name in _before_words(language):
        begin = end - len(word)
        if rest.endswith(word) and not (
            profile(language).word_spaces and begin and text[begin - 1].isalnum()
        ):
            return name, begin
    return None


# Han numerals up to a hundred, as Chinese writes a share after 百分之 (五十, 九十五, 百).
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_HAN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_HAN_NUMBER = re.compile(
    "(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[零〇一二两三四五六七八九]|一?百)"
)


def _han_shares(text: str, language: str) -> list[tuple[int, int, str, str]]:
    """(start, end, value, unit) of each share written in Han numerals after its unit
    word (百分之五十 is 50%): a number the digits do not hold."""
    found = []
    for word, name in _before_words(language):
        for match in re.finditer(re.escape(word), text):
            numeral = _HAN_NUMBER.match(text, match.end())
            if numeral:
                found.append((match.start(), numeral.end(), _han_value(numeral.group(0)), name))
    return found


def _han_value(numeral: str) -> str:
    """五十 → 50, 十五 → 15, 十 → 10, 百 → 100, 五 → 5."""
    if numeral.endswith("百"):
        return "100"
    if "十" not in numeral:
        return str(_HAN_DIGITS[numeral])
    tens, _, ones = numeral.partition("十")
    return str(_HAN_DIGITS.get(tens, 1) * 10 + _HAN_DIGITS.get(ones, 0))


@cache
def _before_words(language: str) -> tuple[tuple[str, str], ...]:
    """(word, unit) that ``language`` writes before a number, longest first."""
    table = _units("before").get(language) or {}
    pairs = {str(word).casefold(): str(name) for name, words in table.items() for word in words}
    return tuple(sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True))


def _unit_after(text: str, end: int, language: str) -> tuple[str, int] | None:
    """The unit written at ``end`` (after a number) and where it ends, or None. A unit
    must end where its word ends: "g" is no unit in "5 giờ", nor ก. in ก.ค. (July)."""
    start = _past_spaces(text, end)
    rest = text[start : start + _UNIT_SPAN].casefold()  # not the whole text per number
    for word, name in _unit_words(language):
        if rest.startswith(word) and _ends_word(text, start + len(word), word, language):
            return name, start + len(word)
    return None


def _ends_word(text: str, end: int, word: str, language: str) -> bool:
    if end >= len(text):
        return True
    kind = unicodedata.category(text[end])[0]
    if kind == "M":  # a vowel sign or tone mark: the word goes on (Burmese, Thai)
        return False
    latin = word[-1].isascii() or word[-1] == "."
    spaced = profile(language).word_spaces
    if word.isascii() and not spaced and not _latin(text[end]):  # 1kgあたり, 2mgを
        return True
    if kind in "LN" and word in _units("alone").get(language, ()):
        return False  # มก (มก. without its stop) also starts มกราคม, January
    if kind == "L" and word.endswith(".") and not spaced and not word.isascii():
        # มล.ต่อวัน, ชม.ต่อมา: the stop ends the unit, glued to the next word; but ก. of
        # ก.ค. (July) starts an abbreviation that goes on
        return _ABBREVIATION_GOES_ON.match(text, end) is None
    return not ((latin or spaced) and kind in "LN")


#: A letter (perhaps with a vowel or tone mark) and a stop: the next part of an
#: abbreviation written with stops (ก.ค., มิ.ย.), after which a unit's stop is none.
_ABBREVIATION_GOES_ON = re.compile(
    r"[^\W\d_][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd]?\."
)


def _latin(character: str) -> bool:
    """Whether ``character`` may go on a word in Latin letters (ASCII, "kgs", "mgé")."""
    return character.isascii() or unicodedata.name(character, "").startswith("LATIN")


@cache
def _unit_words(language: str) -> tuple[tuple[str, str], ...]:
    """(word, unit) for ``language`` and every language's symbols, longest first."""
    units = _units()
    pairs = {
        str(word).casefold(): str(name)
        for table in (units.get("all") or {}, units.get(language) or {})
        for name, words in table.items()
        for word in words
    }
    return tuple(sorted(pairs.items(), key=lambda pair: len(pair[0]), reverse=True))


@cache
def _units(section: str = "") -> dict[str, dict[str, list[object]]]:
    """Each language's words per unit: written after a number, or in ``section``
    ("before": before it; "alone": the words read only when no letter follows)."""
    data = _unit_data().get(section) if section else _unit_data()
    assert isinstance(data, dict)
    return data


@cache
def _unit_data() -> dict[str, object]:
    from ..content.yaml_source import load_data

    return dict(load_data(data_path("units.yaml").read_text("utf-8")))


def amount(value: str) -> Fraction | None:
    """``value`` as `read` keeps it ("24", "0.5") as an exact amount; None for one that
    is none (a time of day, 8:30) or too long to compute with."""
    return Fraction(value) if _ONE_NUMBER.fullmatch(value) else None


def as_read(value: str) -> str:
    """``value`` as `read` keeps it, written as its amount ("1.000" is "1", "0500"
    "500"), for a message; as it stands where it is no amount."""
    said = amount(value)
    return value if said is None else _decimal(said)


def in_unit(value: str, unit: str, other: str) -> Fraction | None:
    """``value`` of ``unit`` said in ``other`` ("24" hours is 1 day, "500" mg 0.5 g), or
    None where the two are no exact multiples of each other (`conversions` in
    `data/units.yaml`: a month is no fixed number of days) or ``value`` is no amount."""
    factor = _factors(unit).get(other)
    said = amount(value)
    return None if factor is None or said is None else said * factor


@cache
def _factors(unit: str) -> dict[str, Fraction]:
    """How many of each unit one ``unit`` makes, following the chains of `conversions`
    (a week is 7 days and 168 hours); ``unit`` itself is not among them."""
    edges: dict[str, dict[str, Fraction]] = {}
    for small, large, count in _conversions():
        edges.setdefault(large, {})[small] = Fraction(count)
        edges.setdefault(small, {})[large] = 1 / Fraction(count)
    factors = {unit: Fraction(1)}
    waiting = [unit]
    while waiting:
        current = waiting.pop()
        for neighbour, factor in edges.get(current, {}).items():
            if neighbour not in factors:
                factors[neighbour] = factors[current] * factor
                waiting.append(neighbour)
    del factors[unit]
    return factors


def _conversions() -> list[tuple[str, str, int]]:
    """(smaller unit, larger unit, how many of the smaller make one larger), as
    `conversions` in `data/units.yaml` lists them: 24 hours make a day."""
    table = _unit_data().get("conversions") or {}
    assert isinstance(table, dict)
    found = []
    for small, larger in table.items():
        assert isinstance(larger, dict)
        found += [(str(small), str(large), int(count)) for large, count in larger.items()]
    return found


def _size_after(text: str, end: int, language: str) -> tuple[int, int] | None:
    """The size word after a number (万, ล้าน, million) and where it ends, or None. A
    size word that starts the unit written there is none: the 千 of 5千克 (5 kg) is no
    thousand."""
    start = end + (end < len(text) and text[end] in _SPACES)
    rest = text[start : start + _UNIT_SPAN].casefold()
    for word, size in _sizes(language):
        if rest.startswith(word) and _ends_word(text, start + len(word), word, language):
            if any(
                len(unit) > len(word) and unit.startswith(word) and rest.startswith(unit)
                for unit, _ in _unit_words(language)
            ):
                return None
            return size, start + len(word)
    return None


@cache
def _sizes(language: str) -> tuple[tuple[str, int], ...]:
    """The language's words for a power of ten after a number, longest first."""
    entry = _table().get(language) or {}
    sizes = entry.get("sizes") or {}
    assert isinstance(sizes, dict)
    found = {str(word).casefold(): int(size) for word, size in sizes.items()}
    return tuple(sorted(found.items(), key=lambda pair: len(pair[0]), reverse=True))


def _words(text: str, language: str) -> tuple[list[_Found], list[str], list[str]]:
    """The number words of ``text``, but for those that are part of a larger number
    (Thai สิบสอง, 12, and สองร้อย, 200, hold no 2 of their own), the values of its
    ordinals in words ("second", ที่สอง, 第二), read in the same pass, and those of the
    `counted` words it reads as no number (`Numbers.maybe`)."""
    pattern = _word_pattern(_base(language))
    if pattern is None:
        return [], [], []
    values = _spelled(_base(language))
    ordinals = _mapped(_base(language), "ordinals")
    joined = _joined(_base(language))
    counted = _mapped(_base(language), "counted")
    found = _han_compounds(text, _base(language)) + _place_numbers(text, language)
    found += [
        number
        for number in _compounds(text, language) + _bare_sizes(text, _base(language))
        if not any(larger.start <= number.start < larger.end for larger in found)
    ]
    ordinal: list[str] = []
    maybe: list[str] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(number.start <= start < number.end for number in found):
            continue  # the 四 of 十四天, the hai of mười hai ngày: read with its number
        if match.lastgroup == "ordinal":
            ordinal.append(ordinals[match.group(0).casefold()])
            continue
        before = text[max(0, start - _UNIT_SPAN) : start].casefold()
        after = text[end : end + _UNIT_SPAN].casefold()
        if before.endswith(joined + tuple(values)) or (
            after.startswith(joined) and _unit_after(text, end, _base(language)) is None
        ):
            continue  # ငါးရာခိုင်နှုန်း, 5%, is ငါး and a unit that begins as ရာ does
        word = match.group(0).casefold()
        size = _size_after(text, end, _base(language))  # hai triệu, สามล้าน: 2 million
        if word in counted and size is None and not _counts_something(text, end, language):
            maybe.append(values[word])
            continue  # ห้าม, "do not", is no ห้า (5); ba mẹ, "parents", no ba (3)
        value = values[word]
        added = _added_before(text, start, _base(language))  # साढ़े तीन: 3½
        if added is not None and _ONE_NUMBER.fullmatch(value):
            value, start = _decimal(Fraction(value) + added[0]), added[1]
        if size is not None and _ONE_NUMBER.fullmatch(value):
            value, end = _decimal(Fraction(value) * size[0]), size[1]
            rest = _rest_of_number(text, end, _base(language), size[0])
            if rest is not None:  # दो सौ पचास: 200 and 50, one number, 250
                value, end = _decimal(Fraction(value) + rest[0]), rest[1]
        elif value.isdigit():  # บ่ายสองโมง, สองทุ่ม: an hour said in words
            value, end = _meridiem(text, value, start, end, language)
        elif (clock := _as_clock(value)) and _clock_word_after(text, end, language):
            value, end = _meridiem(text, clock, start, end, language)  # ढाई बजे: 2:30
        unit = _mapped(_base(language), "units").get(word, "")
        found.append(_Found(value, start, end, spelled=True, unit=unit))
    return sorted(found, key=lambda number: number.start), ordinal, maybe


def _added_before(text: str, start: int, language: str) -> tuple[Fraction, int] | None:
    """What a word said right before a number word adds to it (`adds` in
    `data/numbers.yaml`: Hindi साढ़े तीन is 3½, सवा दो 2¼, पौने तीन 2¾) and where that
    word starts, or None."""
    adds = _mapped(language, "adds")
    if not adds:
        return None
    before = text[max(0, start - _UNIT_SPAN) : start].rstrip(_SPACES)
    gone = start - max(0, start - _UNIT_SPAN) - len(before)  # the spaces between
    for word, added in adds.items():
        begin = len(before) - len(word)
        if before.casefold().endswith(word) and (begin == 0 or not before[begin - 1].isalnum()):
            return Fraction(added), start - gone - len(word)
    return None


def _rest_of_number(text: str, end: int, language: str, size: int) -> tuple[Fraction, int] | None:
    """The smaller part said after a number and its size word, and where it ends (Hindi
    दो सौ पचास, 250: पचास after दो सौ; एक हज़ार पाँच सौ, 1500), in a language that
    spaces its words and says each part as a word of its own (`words`), or None."""
    if not profile(language).word_spaces:
        return None
    at = _past_spaces(text, end)
    values = _spelled(language)
    for word in longest_first(values):
        said = values[word]
        if not (_ONE_NUMBER.fullmatch(said) and text[at : at + len(word)].casefold() == word):
            continue
        if at + len(word) < len(text) and text[at + len(word)].isalnum():
            continue
        part, part_end = Fraction(said), at + len(word)
        smaller = _size_after(text, part_end, language)
        if smaller is not None and smaller[0] < size:
            part, part_end = part * smaller[0], smaller[1]
            rest = _rest_of_number(text, part_end, language, smaller[0])
            if rest is not None:
                part, part_end = part + rest[0], rest[1]
        return (part, part_end) if part < size else None
    return None


def _as_clock(value: str) -> str:
    """``value``, a number of hours with a half or a quarter (2.5, 3.25), as the time
    it says before an hour word ("2:30", "3:15"), or "" for none."""
    said = amount(value)
    if said is None or said.denominator not in (2, 4) or not 0 < said < 25:
        return ""
    return f"{int(said)}:{int(said % 1 * 60):02d}"


def _clock_word_after(text: str, end: int, language: str) -> bool:
    """Whether a word of `hour` in `hours` (बजे, โมง, 点) is said right after ``end``."""
    return _said_after(text, end, tuple(_hours(_base(language)).get("hour", {})), language)


def _han_compounds(text: str, language: str) -> list[_Found]:
    """The Han numerals of ``text`` with a hundred or a thousand among more parts
    (一千五百 is 1500, `han_numerals`), in a language whose `sizes` hold 千 and 百
    (Chinese, Japanese), with a size word after it (一千五百万, 15,000,000)."""
    sizes = dict(_sizes(language))
    if "千" not in sizes or "百" not in sizes:
        return []
    bare = "".join(_mapped(language, "alone_sizes"))
    found = []
    for number in han_numbers(text, bare):
        size = _size_after(text, number.end, language)
        value, end = (number.value * size[0], size[1]) if size else (number.value, number.end)
        found.append(_Found(str(value), number.start, end, spelled=True))
    return found


def _bare_sizes(text: str, language: str) -> list[_Found]:
    """A size word said alone, its one unsaid (`alone_sizes` in data/numbers.yaml:
    Japanese 千人, a thousand people, 百回; Hindi सौ मिलीग्राम, a hundred milligrams),
    right before a thing counted (a counter, a unit or a `counted` noun of
    `number_kinds`), and after no numeral or word of quantity (数千人 is "thousands",
    一千人 and दो सौ are read with their 一 and दो). Where words are spaced the size is a
    whole word (सौदा, a deal, holds no सौ), a word of `adds` before it adds to its one
    (सवा सौ, 125), and the smaller parts said after it are its own (हज़ार पाँच सौ, 1500)."""
    sizes = _mapped(language, "alone_sizes")
    if not sizes or not any(word in text.casefold() for word in sizes):
        return []
    nouns = _counted_nouns(language)
    not_sizes = _listed(language, "not_sizes")  # 百日咳, whooping cough: no 100 days
    quantities = "数何幾几上成" + "".join(_HAN_DIGITS) + "十百千万萬億亿"
    spaced = profile(language).word_spaces
    found = []
    for word, value in sizes.items():
        for match in re.finditer(re.escape(word), text, re.IGNORECASE):
            start, end = match.span()
            before = text[start - 1 : start]
            if spaced and (_in_word(text, start - 1) or _in_word(text, end)):
                continue  # सौदा, a deal; सौंफ, fennel
            if before and (before.isdigit() or before in quantities or before in ".,"):
                continue
            if spaced and _number_before_word(text, start, language):
                continue
            if any(text.startswith(other, start) for other in not_sizes):
                continue
            said = Fraction(value)
            added = _added_before(text, start, language) if spaced else None
            if added is not None:  # सवा सौ: a hundred and a quarter of one
                said, start = said * (1 + added[0]), added[1]
            rest = _rest_of_number(text, end, language, int(value)) if spaced else None
            if rest is not None:  # हज़ार पाँच सौ: 1000 and 500
                said, end = said + rest[0], rest[1]
            if _said_after(text, end, (*_counters(language), *nouns), language) or (
                _unit_after(text, end, language) is not None
            ):
                found.append(_Found(_decimal(said), start, end, spelled=True))
    return found


def _number_before_word(text: str, start: int, language: str) -> bool:
    """Whether the word before ``start``, past its spaces, is a number, in digits or in
    words (the दो of दो सौ, the 2 of 2 हज़ार): a size word after it multiplies it and is
    read with it, never alone."""
    back = _before_spaces(text, start)
    if back == start or back == 0:
        return False
    if text[back - 1].isdigit():
        return True
    begin = back
    while begin > 0 and _in_word(text, begin - 1):
        begin -= 1
    return text[begin:back].casefold() in _spelled(language)


def _in_word(text: str, at: int) -> bool:
    """Whether the character at ``at`` is part of a word: a letter, a digit or a mark
    written on a letter (a Devanagari vowel sign or nasal mark: सौंफ goes on past सौ)."""
    if not 0 <= at < len(text):
        return False
    return text[at].isalnum() or unicodedata.category(text[at])[0] == "M"


def _place_numbers(text: str, language: str) -> list[_Found]:
    """The numbers of ``text`` said in words with a hundred or more in them, where a
    language writes the count of each place before its word (`places` in
    `data/numbers.yaml`: Lao ສອງຮ້ອຍຫ້າສິບ, Khmer ពីររយហាសិប, Burmese နှစ်ရာ့ငါးဆယ်,
    all 250; ໜຶ່ງພັນຫ້າຮ້ອຍ, មួយពាន់ប្រាំរយ, တစ်ထောင့်ငါးရာ, 1500), each one number,
    read as the language's 1 to 99 are: right before a counter, a unit or an hour word,
    or before a word of `ranges` or `or` (ສອງຮ້ອຍຫາສາມຮ້ອຍມກ, 200 to 300 mg). Its parts
    are no numbers of their own (the ສອງ of ສອງຮ້ອຍ is no 2: `joined`)."""
    base = _base(language)
    places = _places(base)
    if not places or not any(word in text for word in places):
        return []
    found: list[_Found] = []
    for match in _place_start(base).finditer(text):
        if found and match.start() < found[-1].end:
            continue
        read = _place_value(text, match.start(), base)
        if read is None:
            continue
        value, end = read
        joins = _range(base).match(text, end) or any(
            text.startswith(word, _past_spaces(text, end)) for word in _or_words(base)
        )
        if joins or _counts_something(text, end, language):
            found.append(_Found(str(value), match.start(), end, spelled=True))
    return found


@cache
def _place_start(language: str) -> re.Pattern[str]:
    """Where a number said with a place word may begin: a number word (1 to 99) right
    before one of `places`, a space between or not."""
    words = longest_first(word for word, value in _spelled(language).items() if value.isdigit())
    parts = "|".join(map(re.escape, words))
    places = "|".join(map(re.escape, _places(language)))
    return re.compile(rf"(?:{parts})[ \u00a0]?(?:{places})", re.IGNORECASE)


def _place_value(text: str, at: int, language: str) -> tuple[int, int] | None:
    """The value of the number said in words at ``at`` with its place words (ສອງຮ້ອຍ
    ຫ້າສິບ, 250; ໜຶ່ງພັນຫ້າຮ້ອຍ, 1500; ສິບພັນ, 10,000) and where it ends, or None where
    no place word counts a number: each place word multiplies the number said before
    it, a hundred one of 1 to 9, a larger place any smaller number, each larger place
    before the smaller ones; a part that breaks that order ends the number."""
    total, current, last = 0, 0, 0  # ``last``: the last place above a hundred read
    hundred = placed = False  # ``current`` holds its hundreds; a place word was read
    end = where = at
    previous = ""  # "number" or "place": what the last part read was
    while (token := _place_token(text, where, language)) is not None:
        kind, value, token_end = token
        if kind == "number":
            if previous == "number":
                break
            current += value
        elif value == 100:
            if previous != "number" or hundred or not 1 <= current <= 9:
                break
            current, hundred = current * 100, True
        else:  # ສອງຮ້ອຍພັນ, 200,000: a larger place after a hundred counts it too
            if not current or (last and value >= last) or (previous != "number" and not hundred):
                break
            total, current, last, hundred = total + current * value, 0, value, False
        placed = placed or kind == "place"
        previous, end = kind, token_end
        where = token_end + (token_end < len(text) and text[token_end] in " \u00a0")
    return (total + current, end) if placed else None


def _place_token(text: str, at: int, language: str) -> tuple[str, int, int] | None:
    """The part of a number in words at ``at``: ("place", its value, end) for a word of
    `places`, ("number", its value, end) for 1 to 99 (a compound, ສິບສີ່, or a word of
    `words`), or None."""
    for word, value in _places(language).items():
        end = at + len(word)
        if text[at:end].casefold() == word and not (
            end < len(text) and unicodedata.category(text[end])[0] == "M"
        ):
            return "place", value, end
    pattern = _compound_pattern(language)
    compound = pattern.match(text, at) if pattern is not None else None
    tens = _compound_value(compound, language) if compound is not None else None
    if compound is not None and tens is not None:
        return "number", tens, compound.end()
    for word, said in _below_a_hundred(language):
        end = at + len(word)
        if text[at:end].casefold() == word and not (
            end < len(text) and unicodedata.category(text[end])[0] == "M"
        ):
            return "number", said, end
    return None


@cache
def _below_a_hundred(language: str) -> tuple[tuple[str, int], ...]:
    """(word, value) of ``language``'s number words for 1 to 99, longest first: the
    counts a place word multiplies and the parts said after it."""
    spelled = _spelled(language)
    return tuple(
        (word, int(spelled[word]))
        for word in longest_first(spelled)
        if spelled[word].isdigit() and 1 <= int(spelled[word]) <= 99
    )


def _compounds(text: str, language: str) -> list[_Found]:
    """The numbers 11 to 99 ``text`` says in words (十四天, สิบสี่วัน, mười hai ngày:
    `compounds` in `data/numbers.yaml`), each right before a counter, a unit or an hour
    word, as a `counted` word must be: ten and a digit also start or are other words."""
    pattern = _compound_pattern(_base(language))
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        value = _compound_value(match, _base(language))
        size = _size_after(text, match.end(), _base(language))  # mười hai nghìn: 12,000
        if value is not None and size is not None:
            found.append(_Found(str(value * size[0]), match.start(), size[1], spelled=True))
            continue
        if value is None or not _counts_something(text, match.end(), language):
            continue
        said, end = _meridiem(text, str(value), match.start(), match.end(), language)
        found.append(_Found(said, match.start(), end, spelled=True))
    return found


def _compound_value(match: re.Match[str], language: str) -> int | None:
    """The value of a compound number ``match`` holds, or None where it is no compound:
    ten alone (a word of its own), a digit before a ten that says its tens itself (Lao
    ຊາວ, 20), or none before one that needs it (Vietnamese mươi)."""
    table = _compound_table(language)
    lead, ten, trail = (match.group(name) for name in ("lead", "ten", "trail"))
    tens = table["tens"][ten.casefold()]
    alone = lead is None and trail is None
    if alone or (tens == 0 and lead is None) or (tens > 1 and lead is not None):
        return None
    leads = table["digits"] | table["leads"]
    before = leads[lead.casefold()] if lead else tens
    after = (table["digits"] | table["trails"])[trail.casefold()] if trail else 0
    return before * 10 + after


@cache
def _compound_table(language: str) -> dict[str, dict[str, int]]:
    """``language``'s `compounds` (``tens``, ``leads``, ``trails``: word → value) and its
    number words for 1 to 9 (``digits``), or {} where it lists no compounds."""
    entry = _table().get(language) or {}
    compounds = entry.get("compounds") or {}
    assert isinstance(compounds, dict)
    if not compounds:
        return {}
    table = {
        part: {
            str(word).casefold(): int(value) for word, value in (compounds.get(part) or {}).items()
        }
        for part in ("tens", "leads", "trails")
    }
    table["digits"] = {
        word: int(value)
        for word, value in _spelled(language).items()
        if value.isdigit() and 1 <= int(value) <= 9
    }
    return table


@cache
def _compound_pattern(language: str) -> re.Pattern[str] | None:
    """A digit, a ten and a digit, each but the ten optional, a space between or not
    (Vietnamese spaces them: hai mươi tư), longest words first."""
    table = _compound_table(language)
    if not table:
        return None

    def either(*parts: str) -> str:
        words = longest_first(w for part in parts for w in table[part])
        return "|".join(map(re.escape, words))

    pattern = (
        rf"(?:(?P<lead>{either('digits', 'leads')})[ \u00a0]?)?(?P<ten>{either('tens')})"
        rf"(?:[ \u00a0]?(?P<trail>{either('digits', 'trails')}))?"
    )
    if profile(language).word_spaces:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return re.compile(pattern, re.IGNORECASE)


@cache
def _joined(language: str) -> tuple[str, ...]:
    """The words that join a number word into a larger number (สิบ, ร้อย)."""
    entry = _table().get(language) or {}
    words = entry.get("joined") or []
    assert isinstance(words, list)
    return tuple(str(word).casefold() for word in words) + tuple(_places(language))


@cache
def _places(language: str) -> dict[str, int]:
    """``language``'s words for a hundred, a thousand and more said after the number
    of them, written onto it (`places` in `data/numbers.yaml`: Lao ສອງຮ້ອຍ, Khmer
    ពីររយ, Burmese နှစ်ရာ, Thai สองร้อย, 200), longest first."""
    places = _mapped(language, "places")
    return {word: int(places[word]) for word in longest_first(places)}


def spells(value: str, language: str) -> bool:
    """Whether ``language`` has a word `data/numbers.yaml` lists for ``value`` that is
    read wherever it stands (Thai has none for 3: its สาม is `counted`, read only before
    a listed counter, and สามข้อ, "three items", is a 3 the check does not see)."""
    return bool(language) and value in _mapped(_base(language), "words").values()


def _base(language: str) -> str:
    """The key of ``language`` in the data files, its profile's: th_TH is th."""
    return profile(language or "en").tag


@cache
def _table() -> dict[str, dict[str, object]]:
    from ..content.yaml_source import load_data

    return dict(load_data(data_path("numbers.yaml").read_text("utf-8")))


def shared_section(key: str) -> dict[str, object]:
    """A section of `data/numbers.yaml` that is no language's (``identifiers``: the
    words and letters `identifiers` reads in every language)."""
    return dict(_table().get(key) or {})


@cache
def _mapped(language: str, key: str) -> dict[str, str]:
    """The words ``language`` maps under ``key`` in `data/numbers.yaml` (``words``: a
    number word → its value, ``ordinals``: an ordinal → its value, ``units``: a word →
    the unit it says itself, as Arabic يومين, two days, is 2 days). Shared, read only:
    every text a catalog holds asks for them more than once."""
    entry = _table().get(language) or {}
    words = entry.get(key) or {}
    assert isinstance(words, dict)
    return {str(word).casefold(): str(value) for word, value in words.items()}


def _range_words(language: str) -> str:
    """A pattern for what joins the two ends of a range in ``language``: a dash or a
    tilde, or one of its `ranges` words (to, ถึง, မှ), so that the first end takes the
    unit written once after the last ("10 to 12 hours" is two numbers of hours)."""
    words = "|".join(re.escape(word) for word in _listed(_base(language), "ranges"))
    return rf"(?:[{_RANGE_MARKS}]" + (f"|{words})" if words else ")")


def _or_words(language: str) -> tuple[str, ...]:
    """The words that offer one number or another in ``language`` (ឬ, ຫຼື, या: `or`
    under `number_kinds` in `data/numbers.yaml`, which lists them once for both)."""
    entry = shared_section("number_kinds").get(language) or {}
    assert isinstance(entry, dict)
    return tuple(str(word) for word in entry.get("or") or [])


@cache
def _range(language: str) -> re.Pattern[str]:
    """What may stand between a range's two ends, spaces included, in ``language``."""
    return re.compile(rf"\s*{_range_words(language)}\s*", re.IGNORECASE)


@cache
def _spelled(language: str) -> dict[str, str]:
    """Every number word of ``language``: its `words` and its `counted` words."""
    return _mapped(language, "words") | _mapped(language, "counted")


def _counts_something(text: str, end: int, language: str) -> bool:
    """Whether the number word ending at ``end`` counts a thing: a counter, a unit or
    an hour word follows it (สามวัน, ห้าเม็ด, ba ngày, สามทุ่ม), as a `counted` word of
    `data/numbers.yaml` must, for it also begins or is another word (ห้าม, ba mẹ)."""
    if _unit_after(text, end, language) is not None:
        return True
    hours = _hours(_base(language))
    words = (*_counters(language), *hours.get("after", {}), *hours.get("hour", {}))
    return _said_after(text, end, words, language)


@cache
def _word_pattern(language: str) -> re.Pattern[str] | None:
    """The language's number words, longest first (二十四 before 二十 before 二), and its
    ordinals (group ``ordinal``), but for one that begins a larger number (第二十, the
    twentieth, holds no 第二) or a word of `not_numbers` (ที่สามารถ, "that can"). One
    pattern, so that a text is scanned once."""
    entry = _table().get(language) or {}
    words = longest_first(_spelled(language))
    if not words:
        return None
    pattern = "|".join(re.escape(w) for w in words)
    before = entry.get("before") or []
    assert isinstance(before, list)
    if before:  # 三片, ពីរ គ្រាប់, and a range's first end: 两到三片; an hour: 八点, 八時
        hour_words = _hours(language).get("hour", {})
        # and a size: 一千人, 两万, 三百 (`_size_after` multiplies the word by it)
        sizes = (word for word, _ in _sizes(language))
        counters = "|".join(re.escape(str(b)) for b in (*before, *hour_words, *sizes))
        # and a unit of `data/units.yaml` (ពីរមីលីក្រាម, ငါး မီလီဂရမ်, ສອງມິລລີກຣາມ),
        # whole: no mark after it, nor a letter after a word of `alone` (Lao ຫ້າມກິນ,
        # "do not eat", holds no ຫ້າ ມກ, 5 mg)
        counters += "|" + _unit_alternation(language) if _unit_alternation(language) else ""
        counted = rf"[ \u00a0]?(?:{counters})"
        # and the first of two a list offers: Khmer ពីរ ឬបីថ្ងៃ, Hindi दो या तीन दिन (two
        # or three days), its counter said once after the last
        joins = "|".join((_range_words(language), *map(re.escape, _or_words(language))))
        pattern = rf"(?:{pattern})(?={counted}|\s*(?:{joins})\s*(?:{pattern}){counted})"
    ordinals = longest_first(_mapped(language, "ordinals"))
    if ordinals:
        tails = [
            other[len(ordinal) :]
            for other in _listed(language, "not_numbers")
            for ordinal in ordinals
            if other.startswith(ordinal)
        ]
        after = "|".join(re.escape(w) for w in (*_joined(language), *words, *tails))
        ordinal = "|".join(re.escape(w) for w in ordinals)
        pattern = rf"(?P<ordinal>{ordinal})(?!{after})|{pattern}"
    if profile(language).word_spaces:
        pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
    return re.compile(pattern, re.IGNORECASE)


@cache
def _unit_alternation(language: str) -> str:
    """A pattern for ``language``'s own unit words (`data/units.yaml`, not the symbols
    every language writes), each ending its word: no combining mark after it (Burmese
    ရာခိုင်နှုန်း goes on past ရာ), and no letter after a word of `alone`. Not a unit
    written in Han characters: a Han numeral also ends other words before one (同一单位,
    "the same unit", holds no 一), so Chinese and Japanese list theirs in `before`."""
    alone = {str(word).casefold() for word in _units("alone").get(language, ())}
    table = _units().get(language) or {}
    words = {
        str(word).casefold()
        for spelled in table.values()
        for word in spelled
        if not ("\u3400" <= str(word)[:1] <= "\u9fff")
    }
    marks = _combining_marks()
    ends = {False: rf"(?![{marks}])", True: rf"(?![\w{marks}])"}
    return "|".join(re.escape(word) + ends[word in alone] for word in longest_first(words))


@cache
def _combining_marks() -> str:
    """The combining marks of the scripts that write number words onto the word after
    them (Devanagari, Thai, Lao, Burmese, Khmer): a vowel sign or tone mark after a word
    says the word goes on. Listed at the first use, not at import."""
    blocks = ((0x0900, 0x097F), (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))
    return "".join(
        chr(code)
        for low, high in blocks
        for code in range(low, high + 1)
        if unicodedata.category(chr(code))[0] == "M"
    )


# 1,00,000 and 10,00,000: two digits between the commas before the last three.
_LAKHS = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])")


@cache
def _grouped_by_two(language: str) -> bool:
    """Whether ``language`` groups the digits before the last three in twos (CLDR
    #,##,##0: Hindi writes 100,000 as 1,00,000)."""
    if not language:
        return False
    from babel import Locale, UnknownLocaleError

    try:
        grouping = Locale.parse(language.replace("-", "_")).decimal_formats[None].grouping
    except (UnknownLocaleError, ValueError):
        return False
    return tuple(grouping)[1:] == (2,)


def separator_role(mark: str, language: str) -> str:
    """What the point or comma ``mark`` does in a number ``language`` writes, as `read`
    takes it: "marks decimals" or "groups thousands" (CLDR's decimal sign)."""
    decimal = "," if _decimal_comma(language) else "."
    return "marks decimals" if mark == decimal else "groups thousands"


def written_as(value: str, language: str) -> tuple[str, ...]:
    """How ``language`` writes ``value`` ("1000", "0.5") so that its reader reads it:
    grouped as CLDR groups it (1,000 in English, 1.000 in Vietnamese; 0,5), and a whole
    number of four digits or more also ungrouped (1000), which every language reads."""
    from babel.numbers import format_decimal

    from ..project import cldr_locale

    where = cldr_locale(language or "en")
    if where is None or not _ONE_NUMBER.fullmatch(value):
        return (value,)
    grouped = str(format_decimal(Decimal(value), locale=where, numbering_system="latn"))
    return tuple(dict.fromkeys((grouped, value) if value.isdigit() else (grouped,)))


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
