"""Text → the stretches a line must not part: a date, an abbreviation with the name
or number it belongs to, a product of numbers, a number in Han numerals ("6 December
2027", "Dr. Somchai", "p. 12", "2.5 × 10⁶", 一千五百).

UAX #14 allows a break at every space of them, and ICU gives one: a patient read
"6 December" at a column's end and "2027" on the next line (an Arabic parallel
column), "2027年|12月6日", "Dr." and "Somchai". `segmentation.line_breaks` takes the
breaks inside a group away, as a no-break space would, but the text stays as typed (a
copy gives back the space written). A group wider than its line is cut where ICU would
have broken it (`kept_breaks`, read by `linebreak._cut_points`), without an emergency.

Dates are found by the month names CLDR writes for the language, the names
`i18n.format_date` prints (one source for both); the abbreviations are data
(`data/keep-together.yaml`); the labels the closing box prints before a value are the
ones the leaflet being laid out prints (`keeping_labels`), else the bundled catalog's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import Any

from ..alternation import longest_first
from ..content.composition import composed
from ..content.yaml_source import load_words
from ..data import data_path
from ..errors import LeafletError
from ..han_numerals import kept_numbers
from ..languages import language_subtag, profile
from .hyphenation import hyphenating
from .scripts import NO_LINE_END, UNSPACED_SCRIPTS, script_of

#: Groups looked up per paragraph text: a paragraph is broken once per width, and the
#: same text is asked again by the emergency cut of a too-wide piece.
GROUPS_CACHE_SIZE = 512

_SPACE = r"[ \u00a0\u2000-\u200a\u202f\u3000]"
#: A date's separator: spaces, perhaps after a comma ("December 6, 2027", Arabic ،).
_SEPARATOR = rf"[,،]?{_SPACE}+"
_DIGIT = re.compile(r"\d")
#: Where a labelled number starts: its first digit, perhaps after the plus of a phone
#: number's country code or the bracket of its area code ("+66 2…", "(02) 123 4567").
_NUMBER_START = r"[+(\uff08]?\d"
#: What opens a phrase without being part of its first word: the brackets and curly
#: quotes a line never ends with (`scripts.NO_LINE_END`, its Thai and Lao leading vowels
#: aside: they are a word's own letters) and the straight quotes, which open as often.
_OPENERS = (
    "".join(mark for mark in NO_LINE_END if unicodedata.category(mark) in ("Ps", "Pi")) + "\"'"
)
#: Where a word of `before-number-as-word` starts: after a space, an author's zero-width
#: space, an opening bracket or quote, or the text's start, never inside a longer word
#: (Thai ห้อง ที่ 5 and "(ที่ 3)", not วันที่ 6).
_WORD_START = rf"(?<![^\s\u200b{re.escape(_OPENERS)}])"
#: A product of numbers written with spaces, as ISO 80000 writes it: "2.5 × 10⁶",
#: "1 x 2" (the letter typed for the sign).
_PRODUCT = re.compile(rf"\d{_SPACE}*[×x]{_SPACE}*\d")


#: A hyphen between two runs of letters or digits of a script written with hyphens,
#: each run whole: the pair of parts around one hyphen of HLA-DR, SARS-CoV-2, T-cell,
#: well-known (`_identifier_pairs` keeps the identifiers' pairs).
_HYPHENED_PAIR = re.compile(
    r"(?<![0-9A-Za-z\u00c0-\u024f\u0370-\u03ff])([0-9A-Za-z\u00c0-\u024f\u0370-\u03ff]+)"
    r"[-\u2010](?=([0-9A-Za-z\u00c0-\u024f\u0370-\u03ff]+))"
)


#: The labels printed before a value by the leaflets being laid out, by language
#: (`keeping_labels`): a project's own ui.po may word them otherwise than the bundled one.
_printed_labels: dict[str, tuple[str, ...]] = {}


@contextmanager
def keeping_labels(labels: Mapping[str, Iterable[str]]) -> Iterator[None]:
    """While laying out, keep ``labels`` (by language: the words the leaflet prints
    before a value, "เว็บ", "ที่อยู่") with their value, in place of the bundled ui
    catalog's. A project's own ui.po translated "Web" otherwise and its label ended a
    line; reading the bundled catalog beside it also cost a second parse. Restored on
    leaving, so text set outside a layout does not depend on the one set before it."""
    saved = dict(_printed_labels)
    _printed_labels.update((lang, _composed(words)) for lang, words in labels.items())
    try:
        yield
    finally:
        _printed_labels.clear()
        _printed_labels.update(saved)


def kept_groups(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each date and each abbreviation with its name or number in
    ``text``, and in Chinese and Japanese each web or e-mail address and DOI
    (`LanguageProfile.whole_addresses`), in text order; a line may break before and
    after one, not inside."""
    return _kept_groups(text, lang, _labels_before_a_value(lang))


def _labels_before_a_value(lang: str) -> tuple[str, ...]:
    """The labels printed before a value in ``lang``: the leaflet's being laid out
    (`keeping_labels`), else the bundled ui catalog's."""
    printed = _printed_labels.get(lang)
    return printed if printed is not None else _bundled_labels(lang)


@cache
def _bundled_labels(lang: str) -> tuple[str, ...]:
    from ..i18n.localizer import bundled_ui_translations  # i18n reads the typesetter's fonts
    from ..i18n.printed_labels import BEFORE_A_VALUE

    return _composed(bundled_ui_translations(BEFORE_A_VALUE, lang))


def _composed(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` as a paragraph holds them (NFC), each once, in a fixed order: a key of
    the caches, however a catalog typed them."""
    return tuple(sorted({composed(word) for word in words if word}))


@lru_cache(maxsize=GROUPS_CACHE_SIZE)
def _kept_groups(text: str, lang: str, labels: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    spans, labelled = _labelled_groups(text, lang, labels)
    spans = [*spans, *labelled]
    spans += [(start, end) for start, _, end in number_units(text, lang)]
    if profile(lang).whole_addresses and ("/" in text or "@" in text or "." in text):
        spans += _found(_ADDRESS, text)  # a label keeps it still: 网站：https://…
    if language_subtag(lang) in _HAN_NUMERAL_LANGUAGES:
        spans += kept_numbers(text)  # 一千五百, never 一|千五百
    return tuple(sorted(spans))


@lru_cache(maxsize=GROUPS_CACHE_SIZE)
def _labelled_groups(
    text: str, lang: str, labels: tuple[str, ...]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The dates, products and identifiers of ``text``, and apart from them each label,
    symbol or unit with the name, address or number after it (`_labels`,
    `_units_before`): `labelled_number_ends` reads the second alone."""
    # A date holds a number: most paragraphs hold none and skip its long alternation.
    numbers = _DIGIT.search(text) is not None
    dates = _date_pattern(lang) if numbers and _names_a_month(text, lang) else None
    spans = _found(dates, text) + (_found(_PRODUCT, text) if numbers else [])
    spans += _identifier_pairs(text)
    labelled = _labels(text, lang, labels, tuple(spans))
    if numbers or language_subtag(lang) in _HAN_NUMERAL_LANGUAGES:  # 百分之五十
        labelled += _units_before(text, lang, number_units(text, lang))
    return spans, labelled


#: A number in digits from its first digit, its decimal, grouping or time marks inside.
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def labelled_number_ends(text: str, lang: str) -> frozenset[int]:
    """Where the word after a labelled number starts, past its space ("No. 5 |before",
    "US$ 20 |for", "ร้อยละ 50 |ของ"): a line as narrow as the label and its number ends
    there, as it would at the label's own space (`kept_breaks`), and, the later of the
    two, is chosen: the number keeps the word after it (`segmentation.keeps_number`),
    and the one cut it left was between the label and its number ("No." / "5 be-",
    "¥" / "500 元，"), a line ending with the label while its number followed."""
    if _DIGIT.search(text) is None:
        return frozenset()
    ends = set()
    for _, end in _labelled_groups(text, lang, _labels_before_a_value(lang))[1]:
        number = _NUMBER.match(text, end - 1)
        if number is None:
            continue
        at = number.end()
        while at < len(text) and re.match(_SPACE, text[at]):
            at += 1
        if number.end() < at < len(text) and text[at].isalpha():
            ends.add(at)
    return frozenset(ends)


@lru_cache(maxsize=GROUPS_CACHE_SIZE)
def number_units(text: str, lang: str) -> tuple[tuple[int, int, int], ...]:
    """(start, unit's start, end) of each number with its unit after it ("500 mg", ៥០០
    មីលីក្រាម, 500毫克: `i18n.numbers.unit_spans`, the units the translation checks read),
    or its counter (2 เม็ด, ២គ្រាប់, 2カプセル: `counter_spans`, the `counts` and `counters`
    of `data/numbers.yaml`), the number in digits or, where no space parts words, in
    words (สองครั้ง, 两片: `spelled_spans`). The number keeps the unit's first letter
    (`segmentation.keeps_number`), but ICU broke inside a unit borrowed into a script it
    reads by syllables or characters ("៥០០ មី|លីក្រាម", "500毫|克", "500ミ|リグラム", "50 phần|
    trăm"): a reader saw half a unit. Kept whole; a line too narrow for the two ends
    where the unit ends and a glued word goes on (`segmentation.unit_ends`), or, in an
    emergency, where the unit starts (`linebreak._emergency_cut`: 500 / 毫克). A one-word
    unit of a script written with hyphens is left to them: "500 mil-" / "ligrams" reads
    on."""
    from ..i18n.numbers import counter_spans, spelled_spans, unit_spans  # i18n reads fonts

    # A number in words keeps its unit or counter where no space parts words (สองครั้ง,
    # 两片): ICU breaks between the two there, and "two" ended the line; and where a space
    # does, in a script no hyphen is written in (Hindi सौ मिलीग्राम, a hundred mg, as
    # 100 मिलीग्राम is kept), as a reader of a Latin script reads "two" / "tablets" on.
    lettered = profile(lang).word_spaces and profile(lang).script in _HYPHENATED_LETTERS
    spelled = () if lettered else spelled_spans(text, lang)
    if _DIGIT.search(text) is None and not spelled:
        return ()
    # A word that labels the number after it is no unit of the one before: ខែ and tháng
    # of ថ្ងៃទី ១៥ ខែ ៥, ngày 12 tháng 5 are the month's (`_labels`, `_not_a_unit`).
    labels = {start for start, _ in _labels(text, lang, _labels_before_a_value(lang), ())}
    units = unit_spans(text, lang)
    starts = {start for start, _, _ in units}
    counters = [
        span
        for span in (*counter_spans(text, lang), *spelled)
        if span[0] not in starts and _ends_a_word(text, span[2], lang)
    ]
    stops = _glued_stops(text)
    return tuple(
        (start, at, end + 1 if end in stops else end)
        for start, at, end in sorted((*units, *counters))
        if at not in labels and not all(hyphenating(char) for char in text[at:end])
    )


def _units_before(
    text: str, lang: str, units: tuple[tuple[int, int, int], ...]
) -> list[tuple[int, int]]:
    """(start, end) of each unit written before its number (`before` of
    `data/units.yaml`: Thai ร้อยละ 50, Lao ຮ້ອຍລະ 50, Burmese မိနစ် ၃၀, ရက် ၉၀, Chinese
    百分之50), up to the number's first character: ICU ended a line after the word
    ("ผู้ป่วยร้อย" / "ละ 50", "မိနစ်" / "၃၀"). The one list the translation checks read
    such a unit from (`i18n.numbers.unit_before_spans`), with their rule: a number that
    has a unit or a counter after it (``units``, `number_units`: ရက် ၃ ကြိမ်, three
    times a day) is counted by that, and a word that is the unit of the number before
    it (၇ ရက် ၉၀) is that number's, so neither is kept with the number after it."""
    from ..i18n.numbers import unit_before_spans  # i18n reads the typesetter's fonts

    counted = {start for start, _, _ in units}
    theirs = {at for _, at, _ in units}
    return [
        (start, number + 1)
        for start, number in unit_before_spans(text, lang)
        if number not in counted and start not in theirs
    ]


def _glued_stops(text: str) -> frozenset[int]:
    """Where a full stop stands with a letter right after it, no space between: the
    stop a unit is abbreviated with (Lao 500 ມກ.ຕໍ່ມື້, "500 mg per day"), or a
    sentence's typed without its space ("5 mg.Take"). A unit that ends there keeps its
    stop (`number_units`), and the line may end after it (`unit_stops`)."""
    if "." not in text:
        return frozenset()
    return frozenset(
        at for at in range(len(text) - 1) if text[at] == "." and text[at + 1].isalpha()
    )


def unit_stops(text: str, lang: str) -> frozenset[int]:
    """Where a line may end right after the full stop that ends a number's unit or
    counter glued to the word after it (Lao 500 ມກ.|ຕໍ່ມື້, Thai 500 มก.|ต่อวัน, "5
    mg.|Take"): UAX #14 and ICU see no break before a letter after a stop, so the
    number, its unit and the next word were one piece, and a column too narrow for it
    parted the number from its unit ("500" / "ມກ.ຕໍ່ມື້", "take 5" / "mg.Take"). The
    unit's stop is its own, never the next line's first character."""
    stops = _glued_stops(text)
    if not stops or _DIGIT.search(text) is None:
        return frozenset()
    from ..i18n.numbers import counter_spans, unit_spans  # i18n reads the typesetter's fonts

    ends = {end for _, _, end in (*unit_spans(text, lang), *counter_spans(text, lang))}
    return frozenset(end + 1 for end in ends if end in stops) | frozenset(
        end for end in ends if end - 1 in stops
    )


#: The scripts (ISO 15924) whose words are hyphenated (`hyphenation.hyphenating`): a
#: number in words there may end a line before what it counts.
_HYPHENATED_LETTERS = frozenset({"Latn", "Cyrl", "Grek"})


def _ends_a_word(text: str, end: int, lang: str) -> bool:
    """Whether a counter ending at ``end`` ends its word: where a letter of a script
    written without spaces follows, only where ICU ends a word there too (Thai 2
    ครั้ง|หลัง, but คน is no counter in 2 คนไข้, "2 patients"), so no line is ever
    offered a break inside the longer word (`segmentation.unit_ends`)."""
    if end >= len(text) or not text[end].isalpha() or script_of(text[end]) not in UNSPACED_SCRIPTS:
        return True
    from .segmentation import icu_breaks  # segmentation reads the groups made here

    return end in icu_breaks(text, lang)


def _labels(
    text: str, lang: str, labels: tuple[str, ...], dates: tuple[tuple[int, int], ...]
) -> list[tuple[int, int]]:
    """(start, end) of each title, label or date's part with the name, number or address
    it stays with ("Dr. Somchai", "p. 12", "tháng 5", "năm 2027"), but a unit of time
    after a number (`_not_a_unit`) and a label whose number starts a whole date of
    ``dates`` (`_not_before_a_date`)."""
    found = _found(_abbreviation_pattern(lang, labels), text)
    if _DIGIT.search(text):
        found = _not_counted(_not_a_unit(found, text, lang), text, lang)
    return _not_before_a_date(found, list(dates))


def _not_counted(labels: list[tuple[int, int]], text: str, lang: str) -> list[tuple[int, int]]:
    """``labels`` but those of a date's part or an hour (`_unit_labels`: Vietnamese
    ngày, tháng; Khmer ខែ) whose number a counter follows (`i18n.numbers.counter_spans`:
    tablets, times): the number counts that thing, and the word before it is no label
    of it. Vietnamese "mỗi ngày 2 viên" is "2 tablets every day", not "day 2": kept with
    ngày, the number was parted from its viên ("mỗi ngày 2" / "viên"). A label that
    makes its number what it is stays (第2次, the second time; ครั้งที่ 2)."""
    units = _unit_labels(lang)
    if not labels or not units:
        return labels
    from ..i18n.numbers import counter_spans  # i18n reads the typesetter's fonts

    counted = {start for start, _, _ in counter_spans(text, lang)}
    return [
        (start, end)
        for start, end in labels
        if end - 1 not in counted or _label_word(text[start:end]) not in units  # its digit
    ]


def label_starts(text: str, lang: str) -> frozenset[int]:
    """Where each word of a whole date that labels the number after it starts, inside
    the date (tháng 5, năm 2027: `before-number` and `date-eras` of
    `data/keep-together.yaml`, and the words of `_before_number`): a date too wide for
    its line parts between its parts, "12 tháng 5 | năm 2027", never between a part's
    word and its number ("12 tháng | 5", May parted from its name; "năm | 2027")."""
    if _DIGIT.search(text) is None or not _names_a_month(text, lang):
        return frozenset()
    dates = _found(_date_pattern(lang), text)
    pattern = _part_label_pattern(lang)
    if not dates or pattern is None:
        return frozenset()
    return frozenset(
        match.start()
        for start, end in dates
        for match in pattern.finditer(text, start, end)
        if start < match.start()
    )


@cache
def _part_label_pattern(lang: str) -> re.Pattern[str] | None:
    """A word that labels a date's part (tháng, năm, ឆ្នាំ) after a space, before its
    number."""
    words = tuple(longest_first({*_before_number(lang), *_listed(lang, "date-eras")}))
    if not words:
        return None
    return re.compile(rf"(?<={_SPACE})(?:{_alternation(words)}){_SPACE}*(?=\d)")


#: The languages that write numbers in Han numerals (Chinese, Japanese).
_HAN_NUMERAL_LANGUAGES = frozenset({"zh", "ja"})


#: A web or e-mail address or a DOI, in ASCII, up to the first character none holds (a
#: Chinese or Japanese character or mark, a space) and without the . , ; : ! ? ) that
#: end the sentence after it: https://example.org/leaflets, www.example.org,
#: doi:10.1016/j.stem.2018.05.004, info@example.org.
_ADDRESS = re.compile(
    r"(?:https?://|www\.)[!-'*-;=?-Z\\^-~]*[#-&*+\-/-9=@-Z\\^-~]"
    r"|(?<![0-9A-Za-z.])(?:[Dd][Oo][Ii]:\s?)?10\.\d{4,9}/[-._;()/:A-Za-z0-9]*[A-Za-z0-9]"
    r"|(?<![0-9A-Za-z.+_-])[0-9A-Za-z.+_-]+@[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)+"
)


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each web or e-mail address and DOI in ``text``: where no hyphen
    may be added, since a reader types it as printed."""
    if "@" not in text and "/" not in text and "www." not in text:
        return []
    return [match.span() for match in _ADDRESS.finditer(text)]


def _identifier_pairs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the two parts around each hyphen of a short identifier in
    ``text``: HLA-DR, SARS-CoV-2, T-cell, MSC-PI-004 (cell markers, viruses, document
    codes). ICU breaks after such a hyphen, and a narrow table cell printed HLA- at a
    line's end and DR on the next, two strings that name nothing. Ordinary hyphenated
    English keeps its break: a pair of two words of two or more letters, lowercase
    but perhaps the first (well-known, Long-term); and two numbers are a range,
    `segmentation.keeps_number`'s."""
    if "-" not in text and "\u2010" not in text:
        return []
    spans = []
    for match in _HYPHENED_PAIR.finditer(text):
        before, after = match.group(1), match.group(2)
        if before.isdigit() and after.isdigit():
            continue
        if not (_plain_word(before) and _plain_word(after)):
            spans.append((match.start(), match.end() + len(after)))
    return spans


def _plain_word(part: str) -> bool:
    """Whether ``part`` of a hyphenated compound is a word of prose: two or more
    letters, all lowercase but perhaps the first (known, Long), not a name's letters
    or digits (HLA, CoV, T, 19)."""
    return len(part) > 1 and part.isalpha() and part[1:].islower()


def _found(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [] if pattern is None else [match.span() for match in pattern.finditer(text)]


def _not_before_a_date(
    labels: list[tuple[int, int]], dates: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``labels`` but those whose number starts a whole date: the date is kept in one
    piece and says what it is, so a line may end before it, as after Thai วันที่
    (Vietnamese ngày | 6 tháng 12, 2027; Khmer ថ្ងៃទី | 6 ធ្នូ 2027). A day's number
    that no month name follows (ngày 12 tháng 5 năm 2027) stays with its word."""
    return [(start, end) for start, end in labels if not any(start < d < end for d, _ in dates)]


def _not_a_unit(labels: list[tuple[int, int]], text: str, lang: str) -> list[tuple[int, int]]:
    """``labels`` but those whose word is a unit of time (`_unit_labels`: Vietnamese
    tháng, ngày, năm; Khmer ខែ, ឆ្នាំ, ម៉ោង) written right after a number that is no
    labelled part itself: there the word is that number's unit, a duration (mỗi 6 tháng,
    every 6 months), and the number after it is a count of its own (6 tháng | 2 lần,
    twice every 6 months; ២ ម៉ោង | ៣០ នាទី, two hours thirty minutes), not the
    word's month, day or year. Kept together, "6 tháng 2 lần" was one piece a narrow
    column could only cut in an emergency. A date's parts still chain: ngày 12 tháng 5
    năm 2027, where 12 is ngày's."""
    units = _unit_labels(lang)
    if not units:
        return labels
    kept: list[tuple[int, int]] = []
    for start, end in sorted(labels):
        number = _number_before(text, start)
        if (
            number is not None
            and _label_word(text[start:end]) in units
            and not any(s < number < e for s, e in kept)
        ):
            continue
        kept.append((start, end))
    return kept


def _number_before(text: str, start: int) -> int | None:
    """Where the number starts that stands right before ``start``, across spaces (the
    6 of "6 tháng", the 12 of "ngày 12 tháng"), or None when a letter or nothing does."""
    j = start
    while j > 0 and re.match(_SPACE, text[j - 1]):
        j -= 1
    if not (0 < j < start and text[j - 1].isdigit()):
        return None
    while j > 0 and (text[j - 1].isdigit() or text[j - 1] in ".,:"):
        j -= 1
    return j


def _label_word(found: str) -> str:
    """The word of a label found before a number ("tháng 5" → "tháng"): the match runs
    to the number's first character, across the label's mark and spaces."""
    return re.sub(rf"(?:{_SPACE}|[:\uff1a+(\uff08]|\d)+$", "", found)


@cache
def _unit_labels(lang: str) -> tuple[str, ...]:
    """The words kept with the number after them that are also a unit written after
    a number (`i18n.numbers.words_before_a_number`, read from `data/units.yaml` and
    `data/numbers.yaml`: tháng 5 is May, 6 tháng six months), as a paragraph holds
    them, capitalised too where a sentence may start with one."""
    from ..i18n.numbers import words_before_a_number  # i18n reads the typesetter's fonts

    read = [composed(word) for word in words_before_a_number(lang)]
    if profile(lang).word_spaces:
        read += [word[:1].upper() + word[1:] for word in read]
    return tuple(longest_first(set(read)))


def bound_prefix_ends(text: str, lang: str) -> frozenset[int]:
    """Offsets right after each of ``lang``'s bound prefixes in ``text``
    (`data/keep-together.yaml` bound-prefixes: Thai ผู้ "one who") where a letter
    follows: ICU ends a word there (ผู้|หญิง, ผู้|บริจาค), but the prefix is no word on
    its own, and a line ending on it leaves "one who" at the margin and a bare verb
    on the next line. A line breaks before the prefix instead."""
    prefixes = _listed(lang, "bound-prefixes")
    if not prefixes or not any(prefix in text for prefix in prefixes):
        return frozenset()
    return _prefix_ends(text, prefixes)


@lru_cache(maxsize=GROUPS_CACHE_SIZE)
def _prefix_ends(text: str, prefixes: tuple[str, ...]) -> frozenset[int]:
    pattern = re.compile(f"(?:{_alternation(prefixes)})(?=[^\\W\\d_])")
    return frozenset(match.end() for match in pattern.finditer(text))


def inside(groups: tuple[tuple[int, int], ...], i: int) -> bool:
    """Whether a break before the character at ``i`` would part one of ``groups``
    (`kept_groups` of the text)."""
    return any(start < i < end for start, end in groups)


def _names_a_month(text: str, lang: str) -> bool:
    """Whether ``text`` holds one of the month names a date of ``lang`` is written with:
    a date has one, and most texts with a number have none (a dose, a year), so the
    date pattern, slow to compile, is made only for a language that prints one."""
    return any(name in text for name in _month_names(lang))


@cache
def _month_names(lang: str) -> tuple[str, ...]:
    from ..i18n.formatting import date_words  # i18n reads the typesetter's fonts

    try:
        return date_words(lang)[0]
    except LeafletError:  # a tag Babel does not know: no dates to keep
        return ()


@cache
def _date_pattern(lang: str) -> re.Pattern[str] | None:
    """A date as the language writes it: a month name with a number after it, perhaps a
    day or year before it and a year after ("6 December 2027", "December 6, 2027",
    "6 ธันวาคม พ.ศ. 2570", "၂၀၂၇ ဒီဇင်ဘာ ၆", "2027年12月6日"). "6 December" alone
    needs none: a number keeps the word after it (`segmentation.keeps_number`)."""
    from ..i18n.formatting import date_words  # i18n reads the typesetter's fonts

    try:
        months, marks = date_words(lang)
    except LeafletError:  # a tag Babel does not know: no dates to keep
        return None
    if not months:
        return None
    eras = _listed(lang, "date-eras")
    mark = f"(?:{'|'.join(map(re.escape, marks))})?" if marks else ""
    number = rf"\d{{1,4}}{mark}"
    era = rf"(?:(?:{'|'.join(map(re.escape, eras))}){_SPACE}*)?" if eras else ""
    month = "|".join(map(re.escape, months))
    # Spaced words: a month's name only as a whole word ("Mar" is not in "Marine").
    word = profile(lang).word_spaces
    edge_before, edge_after = (r"(?<![^\W\d_])", r"(?![^\W\d_])") if word else ("", "")
    # A CJK date's parts touch: 2027年12月6日.
    separator = _SEPARATOR if word or not marks else rf"(?:{_SEPARATOR})?"
    first = re.escape("".join(sorted({name[0] for name in months})))
    after = rf"{separator}{era}{number}(?:{separator}{era}{number})?"
    # A year and its month with no day, as Chinese and Japanese write one (2024年3月):
    # the year's mark says it is one, where a number before "December" is a day's.
    year_month = (
        rf"|\d{{1,4}}(?:{'|'.join(map(re.escape, marks))}){separator}(?:{month})" if marks else ""
    )
    return re.compile(
        rf"(?=[\d{first}])(?<!\d)(?:(?:{number}{separator})?{edge_before}(?:{month}){edge_after}"
        rf"{after}{year_month})(?!\d)"
    )


def _label_end(lang: str, *, required: bool = False) -> str:
    """What may stand between a word and the number it labels: the colon, or the mark
    the language ends a label with (`languages.yaml` label-end: "Phone: ", "电话：",
    Khmer "ទូរស័ព្ទ៖ ", Burmese "ဖုန်း- "), and spaces, or none where a script sets
    none ("图2", "电话：+86"): ICU breaks between a Han character and a digit.
    ``required``: the mark must be there ("Email: x" is a label, "email x" a verb)."""
    marks = "".join(sorted({":", "\uff1a", *profile(lang).label_end.strip()}))
    mark = rf"{_SPACE}*[{re.escape(marks)}]"
    return rf"{mark}{_SPACE}*" if required else rf"(?:{mark})?{_SPACE}*"


#: The key of `data/keep-together.yaml` whose words every language writes before a
#: number: a currency's symbol or code and pH (฿ 500, US$ 20, Rs. 500, pH 7).
EVERY_LANGUAGE = "all"

#: Before a label the layout prints in English in any language (`ui_labels`' fallback,
#: and "LINE", "WhatsApp" every catalog keeps as written): no Latin letter, so
#: "Hotel: 12" holds no "Tel:", while "ติดต่อPhone:" in Thai text still is a label.
_LATIN_EDGE = r"(?<![A-Za-z\u00c0-\u024f])"


@lru_cache(maxsize=64)
def _abbreviation_pattern(lang: str, labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """A title and the name after it ("Dr. Somchai", "นพ. สมชาย"), a reference word or
    a label and the number after it ("p. 12", "Fig. 2", "หน้า 12", "Tel. +66 2…",
    "โทร. 02…", "电话：+86…", "ម៉ោង ៩:៣០"), a label and the address after its colon
    ("Email: clinic@…"), a currency's symbol or pH and the number after it in every
    language ("฿ 500", "US$ 20", "pH 7": `EVERY_LANGUAGE`): up to that name's, number's
    or address's first character, the place a line must not break before. The English
    labels are read in every language: the layout prints them where a catalog has no
    translation. ``labels``:
    the ui labels printed before a value in ``lang`` (`_labels_before_a_value`)."""
    from ..i18n.labels import UI_LANGUAGE  # i18n reads the typesetter's fonts

    edge = r"(?<![^\W\d_])" if profile(lang).word_spaces else ""
    parts = _label_parts(lang, lang, edge, labels)
    if language_subtag(lang) != UI_LANGUAGE:
        parts += _label_parts(UI_LANGUAGE, lang, _LATIN_EDGE)
    symbols = _listed(EVERY_LANGUAGE, "before-number")  # ฿ 500, US$ 20, pH 7
    if symbols:
        label = rf"(?:{_alternation(symbols)}){_label_end(lang)}{_NUMBER_START}"
        parts.append((symbols, rf"{_LATIN_EDGE}{label}"))
    if not parts:
        return None
    # A look at the first character first: most places start no listed word, and a
    # failed lookahead is far cheaper than trying every word there.
    first = re.escape("".join(sorted({word[0] for words, _ in parts for word in words})))
    alternatives = "|".join(pattern for _, pattern in parts)
    return re.compile(rf"(?=[{first}])(?:{alternatives})")


def _label_parts(
    source: str, lang: str, edge: str, printed: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], str]]:
    """(words, pattern) of ``source``'s titles, number labels and address labels (and
    the ``printed`` ui labels), as a paragraph in ``lang`` (whose mark ends a label)
    holds them, each after ``edge``."""
    names = _listed(source, "before-name")
    numbers = _before_number(source)
    words = _listed(source, "before-number-as-word")
    values = tuple(longest_first({*_before_value(source), *printed}))
    parts = []
    if names:
        parts.append((names, rf"{edge}(?:{_alternation(names)}){_SPACE}+[^\W\d_]"))
    for listed, start in ((numbers, edge), (words, _WORD_START)):
        if listed:
            label = _label_end(lang)
            parts.append((listed, rf"{start}(?:{_alternation(listed)}){label}{_NUMBER_START}"))
    if values:
        label = _label_end(lang, required=True)
        parts.append((values, rf"{edge}(?:{_alternation(values)}){label}\S"))
    return parts


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, words))


@cache
def _before_number(lang: str) -> tuple[str, ...]:
    """The words a number after them stays with: `before-number` of
    `data/keep-together.yaml`, and the words the translation checks read an hour or a
    date's part by (`i18n.numbers.words_before_a_number`: ម៉ោង ៩:៣០, ngày 12), also
    capitalised where a sentence may start with one (Ngày 12), longest first."""
    from ..i18n.numbers import words_before_a_number  # i18n reads the typesetter's fonts

    read = [composed(word) for word in words_before_a_number(lang)]
    if profile(lang).word_spaces:
        read += [word[:1].upper() + word[1:] for word in read]
    words = {*_listed(lang, "before-number"), *read}
    return tuple(longest_first(words))


@cache
def _before_value(lang: str) -> tuple[str, ...]:
    """The labels an address after their colon stays with: `before-value` of
    `data/keep-together.yaml`, and in English the labels the closing box prints before
    a value (`printed_labels.BEFORE_A_VALUE`: "Web", "This leaflet online"), kept in
    every language, which prints them where its catalog has no translation. Another
    language's are its catalog's, read from there (`_labels_before_a_value`)."""
    from ..i18n.labels import UI_LANGUAGE, UI_MESSAGES  # i18n reads the typesetter's fonts
    from ..i18n.printed_labels import BEFORE_A_VALUE

    words = set(_listed(lang, "before-value"))
    if language_subtag(lang) == UI_LANGUAGE:
        words.update(UI_MESSAGES[key] for key in BEFORE_A_VALUE)
    return tuple(longest_first(words))


def _listed(lang: str, key: str) -> tuple[str, ...]:
    """The words ``lang`` lists under ``key`` in `data/keep-together.yaml`, longest
    first (so "pp." is tried before "p."), as a paragraph holds them: composed (NFC),
    however the list was typed (फ़ोन typed with the one code point फ़, U+095E)."""
    words = _data().get(language_subtag(lang), {}).get(key) or []
    return tuple(longest_first(_composed(str(word) for word in words)))


@cache
def _data() -> dict[str, Any]:
    loaded = load_words(data_path("keep-together.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded
