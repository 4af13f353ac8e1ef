"""Per-entry translation checks: small independent rules, each with a code in `RULES`.

Each rule looks at one (source, translation) pair and yields `Problem`s. Errors mean
the translation must not be printed (the build falls back to the source text);
warnings are worth a look but do not block. Markup rules compare *sets*, so a
translator may reorder emphasis and citations to suit the language's word order;
numbers are counted (a dose given twice must be given twice), as `numbers` reads them.

The codes (I18N002–I18N024, with the catalog-wide rules `workflow.check` applies)
belong to the one vocabulary of `msc-leaflet check`: `msc_leaflet.checks.translations`
declares every rule here in the check registry, so ``check --list`` shows them. They
are defined here, not there, because the i18n stage needs them to choose what to print
and must not import the later `checks` stage.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from ..content.inline import (
    InlineError,
    Span,
    has_words,
    links,
    parse_inline,
    plain_text,
    text_as_read,
)
from ..content.text_policy import invisible_names, prints_nothing, refusal, visible
from ..errors import Severity
from ..languages import profile, right_to_left
from . import grouping, identifiers, number_kinds, numbers
from .kept_terms import NO_KEPT_TERMS, KeptTerms
from .written_script import strays

BUDDHIST_ERA_OFFSET = 543  # Thai text may give a year as B.E. (1991 → 2534)
MIN_LENGTH_FOR_RATIO = 20  # short labels vary too much to judge
# A URL is ASCII (RFC 3986): it ends at the first character that is not, so one
# written against Chinese, Japanese or Arabic text ("…/info。", "…/infoをご覧", "…/info،")
# is read without the punctuation or word after it; a trailing ASCII full stop or comma
# is the sentence's.
# (The classes are spelled as positive ASCII ranges: the negated form, up to U+10FFFF,
# took 7 ms to compile at every start.)
_URL = re.compile(
    r"(?:https?://|mailto:|tel:)"
    r"[!-'*-;=?-Z\\^-~]*"  # printable ASCII but for < > ( ) [ ]
    r"[#-&*+\-/-9=@-Z\\^-~]"  # … nor a closing . , ; : ! ? " '
)
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def format_fields(text: str) -> frozenset[str] | None:
    """The ``{name}`` fields ``str.format`` fills in ``text`` (a page label, a desk
    word); None when one is more than a name (``{pages.x}``, ``{pages[0]}``,
    ``{pages:>99999}``, ``{pages!r}``) or a brace is unmatched. ``str.format`` runs
    such a field as code: an attribute that is not there stopped the build with a
    traceback (and was a bare 500 on every desk page with the word), a width of
    millions padded the line or ran the computer out of memory. A translation is
    usable where its fields are its source's."""
    import string

    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    names = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return None
        names.add(name)
    return frozenset(names)


def strange_field(text: str, names: frozenset[str]) -> int | None:
    """Where the first brace of ``text`` that is not one of the fields ``names`` is
    typed (a field not among them or more than a name, an unmatched or lone brace), so
    a label `format_fields` refuses is named at it; None when every field is one of
    them (a field was lost: nothing typed to point at)."""
    for match in _BRACES.finditer(text):
        if match.group() not in ("{{", "}}") and match.group()[1:-1] not in names:
            return match.start()
    return None


_BRACES = re.compile(r"\{\{|\}\}|\{[^{}]*\}?|\}")


@dataclass(frozen=True)
class Problem:
    code: str  # a rule's code, e.g. I18N005; `msc-leaflet check --list` explains it
    severity: Severity
    message: str
    # The index in the translation of the character the problem is at (a refused
    # character, a broken markup sign), None when it is about the whole text: a
    # message names the line and column where it is typed (`i18n.typed`).
    offset: int | None = None
    # The plural form (msgstr[n]) the problem is in, None for a msgstr or the whole entry.
    form: int | None = None


@dataclass(frozen=True)
class Rule:
    """A translation rule as the check registry lists it."""

    code: str
    severity: Severity
    rationale: str

    def problem(self, message: str, offset: int | None = None) -> Problem:
        return Problem(self.code, self.severity, message, offset)


EMPTY = Rule(
    "I18N002",
    "error",
    "A translation of only whitespace would print a blank; one in plural form "
    "(msgstr[0]) is never looked up.",
)
MARKUP = Rule(
    "I18N003", "error", "Emphasis must survive translation, and broken markup cannot be set."
)
LINKS = Rule("I18N004", "error", "A translated link must lead where the source's link leads.")
CITATIONS = Rule(
    "I18N005", "error", "A lost citation drops a reference number from the printed page."
)
URLS = Rule("I18N006", "error", "A URL a reader types must be the source's, unchanged.")
NUMBERS = Rule(
    "I18N007",
    "error",
    "A changed number (a dose, hours, a phone number, or a year or hotline written grouped, "
    "1.669) misinforms a patient.",
)
PLACEHOLDERS = Rule(
    "I18N008", "error", "A placeholder the layout fills in ({page}) must be kept as written."
)
WHITESPACE = Rule(
    "I18N009", "error", "Leading and trailing spaces join texts; a translation must keep them."
)
LENGTH = Rule(
    "I18N010", "warning", "A translation far shorter or longer than its source may be incomplete."
)
CHARACTERS = Rule(
    "I18N013",
    "error",
    "A control, bidi override or private-use character shows the reviewer another text.",
)
HEADER = Rule(
    "I18N011",
    "error",
    "A catalog needs a header, and its Language header must name the folder it is in.",
)
MSGFMT = Rule("I18N012", "error", "A catalog that GNU msgfmt --check rejects breaks gettext tools.")
COVERAGE = Rule(
    "I18N014",
    "error",
    "A catalog matching almost none of its leaflet's messages (contexts lost, another "
    "leaflet's file) prints the whole leaflet in the source language.",
)
PLURAL_FORMS = Rule(
    "I18N015",
    "warning",
    "A Plural-Forms header that is neither CLDR's nor GNU gettext's for the language "
    "leaves a form untranslated or unused; GNU msgfmt checks only that it is valid.",
)
HEADER_LINES = Rule(
    "I18N016",
    "warning",
    "A header line that is no 'Name: value' field, or a field given twice, is read by "
    "gettext otherwise than its writer meant (only the first of two counts).",
)
REPEATED = Rule(
    "I18N017",
    "error",
    "An obsolete entry with the context and text of another makes GNU tools refuse the "
    "whole catalog.",
)
FLAG_LINES = Rule(
    "I18N018",
    "warning",
    "GNU gettext reads only an entry's last '#,' line, so msgfmt, Poedit and Weblate miss "
    "a fuzzy on an earlier one; no tool reads a misspelt one (Fuzzy, fuzy).",
)
SOURCE_LANGUAGE = Rule(
    "I18N019",
    "warning",
    "An X-Source-Language header naming another language than the leaflet's tells "
    "CAT tools and other gettext tools the wrong language of the source texts.",
)
WRONG_SCRIPT = Rule(
    "I18N020",
    "warning",
    "A sentence in another language's letters (English pasted into Khmer, Thai left in "
    "Lao, Chinese in Japanese) passes every other rule and prints unread.",
)
CONVERTED_UNITS = Rule(
    "I18N021",
    "warning",
    "The same amount in another unit (24 hours as 1 day) is the translator's choice, "
    "printed; a clinician confirms the conversion is meant.",
)
FUZZY_NUMBERS = Rule(
    "I18N022",
    "warning",
    "A fuzzy translation carried over from an older source keeps its numbers (10 mg for a "
    "new 20 mg): fix them before removing the flag.",
)
LABEL_LENGTH = Rule(
    "I18N023",
    "error",
    "A page label is drawn on one line of the page furniture: one longer than the line "
    "holds is printed in English (`label_checks`).",
)
IDENTIFIERS = Rule(
    "I18N024",
    "error",
    "An identifier (CD45, IL-6, PMID 12345678) is searched as typed: a translation keeps "
    "its ASCII digits and Latin letters, as a quantity need not.",
)
RULES = (
    EMPTY, MARKUP, LINKS, CITATIONS, URLS, NUMBERS, PLACEHOLDERS, WHITESPACE, LENGTH, HEADER,
    MSGFMT, CHARACTERS, COVERAGE, PLURAL_FORMS, HEADER_LINES, REPEATED, FLAG_LINES,
    SOURCE_LANGUAGE, WRONG_SCRIPT, CONVERTED_UNITS, FUZZY_NUMBERS, LABEL_LENGTH, IDENTIFIERS,
)  # fmt: skip


@dataclass(frozen=True)
class Pair:
    """A source and its translation, with spans parsed once (None if markup is broken)."""

    source: str
    translation: str
    source_spans: list[Span] | None
    translation_spans: list[Span] | None
    language: str = ""  # the translation's, for rules that depend on it
    source_language: str = "en"  # the leaflet's (X-Source-Language), for its numbers
    # The source may print as written here (a reference's title: `extract.is_optional`).
    kept: bool = False
    # What the project declares may print as written in any catalog (I18N020).
    kept_terms: KeptTerms = NO_KEPT_TERMS


def check_characters(pair: Pair) -> Iterator[Problem]:
    """The text policy (`content.text_policy`) applied to the msgstr, as the loader applies
    it to every YAML text: a translator's NUL or bidi override never reaches the PDF."""
    problem = refusal(pair.translation, right_to_left(pair.language), pair.language)
    if problem:
        yield CHARACTERS.problem(f"{problem.message}; {problem.hint}", problem.offset)


PairCheck = Callable[[Pair], Iterator[Problem]]


def spans_or_none(text: str) -> list[Span] | None:
    """``text``'s spans, None if its markup is broken (`check_markup_valid` says how)."""
    return _spans(text)


def _spans(text: str) -> list[Span] | None:
    try:
        return parse_inline(text)
    except InlineError:
        return None


def _plain(spans: list[Span] | None, raw: str) -> str:
    return "".join(s.text for s in spans) if spans is not None else raw


def _describe(items: set[str]) -> str:
    return ", ".join(sorted(items))


def check_markup_valid(pair: Pair) -> Iterator[Problem]:
    try:
        parse_inline(pair.translation)
    except InlineError as exc:
        yield MARKUP.problem(f"invalid inline markup: {exc.message}", exc.offset)


def _emphasis(spans: list[Span]) -> set[str]:
    found = set()
    if any(s.bold for s in spans):
        found.add("**bold**")
    if any(s.italic for s in spans):
        found.add("*italic*")
    return found


def check_markup_same(pair: Pair) -> Iterator[Problem]:
    if pair.source_spans is None or pair.translation_spans is None:
        return
    source, translation = _emphasis(pair.source_spans), _emphasis(pair.translation_spans)
    if source - translation:
        yield MARKUP.problem(f"markup missing: {_describe(source - translation)}")
    if translation - source:
        yield MARKUP.problem(f"markup not in the source: {_describe(translation - source)}")
    links = {s.link for s in pair.source_spans if s.link}
    translated_links = {s.link for s in pair.translation_spans if s.link}
    if links != translated_links:
        yield LINKS.problem(
            f"links differ: source {_describe(links) or 'none'}, "
            f"translation {_describe(translated_links) or 'none'}",
            _first_typed(pair.translation, map(re.escape, translated_links - links)),
        )


def check_words(pair: Pair) -> Iterator[Problem]:
    """A translation that prints no word where its source does, as the loader refuses
    a leaflet's text (`inline.wordless`): markup around nothing ("** **" for
    "**Stop**"), only punctuation or a citation for words, a link label with no word to
    press. The reviewer sees an entry filled in; the page would print a blank."""
    if pair.source_spans is None or pair.translation_spans is None:
        return
    printed = visible(plain_text(pair.translation)).strip()
    if not printed and not any(span.cites for span in pair.translation_spans):
        yield EMPTY.problem("translation prints nothing: its markup holds no word")
    elif has_words(visible(plain_text(pair.source))) and not has_words(printed):
        shown = f"“{printed}”" if printed else "a citation"
        yield EMPTY.problem(f"translation has no words, only {shown}, where the source has words")
    for link in links(pair.translation):
        if not has_words(visible(link.text)):
            yield MARKUP.problem(
                f"the link to {link.url} has no words to press or hear: "
                "write inside [ ] where it goes"
            )


def check_citations(pair: Pair) -> Iterator[Problem]:
    if pair.source_spans is None or pair.translation_spans is None:
        return
    source = {k for s in pair.source_spans for k in s.cites}
    translation = {k for s in pair.translation_spans for k in s.cites}
    if source - translation:
        missing = _describe({f"[@{k}]" for k in source - translation})
        yield CITATIONS.problem(f"citation missing: {missing}")
    if translation - source:
        extra = _describe({f"[@{k}]" for k in translation - source})
        at = _first_typed(pair.translation, [_cite_key(k) for k in translation - source])
        yield CITATIONS.problem(f"citation not in the source: {extra}", at)


def check_urls(pair: Pair) -> Iterator[Problem]:
    source = set(_URL.findall(_plain(pair.source_spans, pair.source)))
    translation = set(_URL.findall(_plain(pair.translation_spans, pair.translation)))
    if source - translation:
        yield URLS.problem(f"URL missing or changed: {_describe(source - translation)}")
    if translation - source:
        at = _first_typed(pair.translation, map(re.escape, translation - source))
        yield URLS.problem(f"URL not in the source: {_describe(translation - source)}", at)


def check_numbers(pair: Pair) -> Iterator[Problem]:
    """Numbers (doses, phone numbers, counts, years) match as often as the source gives
    them, in both directions: a translation may not drop, change or add one, nor turn
    "1 tablet, then 1 more" into "1 tablet, then 2 more". Script digits count as their
    value (Thai ๕๐๐ = 500), a year may be given in the Buddhist Era, and a number may
    be spelled out on either side in the words `numbers` knows (หนึ่ง, "twice")."""
    return iter(_number_problems(*_number_texts(pair)))


@lru_cache(maxsize=numbers.READ_CACHE_SIZE)
def _number_problems(*texts: str) -> tuple[Problem, ...]:
    """`_numbers_differ`'s findings, kept per process: a build asks twice for those of
    every translation it prints, with the same texts (its I18N007 errors, then the
    I18N021 warnings it repeats: `check_unit_conversions`), and comparing them was as
    long as reading their numbers (#20). Bounded as `numbers.read` is."""
    return tuple(_numbers_differ(*texts))


def check_identifiers(pair: Pair) -> Iterator[Problem]:
    """An identifier of the source (CD45, COVID-19, PMID 12345678: `identifiers`) the
    translation writes in its own or full-width digits or letters (CD٤٥, ＣＤ４５): the
    same value to I18N007, but a doctor or a lab searching it as printed finds nothing.
    URLs are I18N006's, so one is read by neither side."""
    source = _URL.sub(_blank, _plain(pair.source_spans, pair.source))
    translated = _URL.sub(_blank, _plain(pair.translation_spans, pair.translation))
    for found in identifiers.retyped(source, translated):
        yield IDENTIFIERS.problem(
            f"identifier “{found.written}” written in {found.kind}: write {found.meant} as "
            "in the source; a doctor or a lab searches it as typed",
            _first_typed(pair.translation, [re.escape(found.written)]),
        )


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def check_unit_conversions(pair: Pair) -> Iterator[Problem]:
    """The I18N021 warnings of `check_numbers` alone (a unit converted, the same
    amount), which the build repeats for a translation it prints: the same findings of
    the same function, so `i18n check` and the build cannot tell two stories. Read
    once per text a process prints (`localizer` keeps the verdicts)."""
    return (p for p in check_numbers(pair) if p.code == CONVERTED_UNITS.code)


def fuzzy_number_problems(
    source: str,
    translation: str,
    language: str,
    source_language: str = "en",
    kept_terms: KeptTerms = NO_KEPT_TERMS,
) -> list[Problem]:
    """`check_numbers`' I18N007 findings on a fuzzy translation, as I18N022 warnings: it
    is not printed, so nothing is refused, but its numbers are the older source's."""
    pair = _pair(source, translation, language, source_language, False, kept_terms)
    return [
        FUZZY_NUMBERS.problem(
            f"{problem.message} (the translation is fuzzy: correct the number before "
            "removing the flag)",
            problem.offset,
        )
        for problem in check_numbers(pair)
        if problem.code == NUMBERS.code
    ]


def _number_texts(pair: Pair) -> tuple[str, str, str, str, str]:
    """What `_numbers_differ` reads of ``pair``: its texts as printed, the msgstr as
    typed (for the column of a finding) and both languages."""
    return (
        _plain(pair.source_spans, pair.source),
        _plain(pair.translation_spans, pair.translation),
        pair.translation,
        pair.language,
        pair.source_language,
    )


def _numbers_differ(
    source_text: str, translated: str, typed: str, language: str, source_language: str
) -> Iterator[Problem]:
    """`check_numbers`' findings: ``source_text`` and ``translated`` as printed, ``typed``
    the msgstr as written, where a finding's column is counted."""
    source = numbers.read(source_text, source_language)
    translation = numbers.read(translated, language)
    if source is translation is numbers.NO_NUMBERS:  # most texts: nothing to compare
        return
    missing = source.digits - translation.digits
    added = translation.digits - source.digits
    # The same year in the other era: a Thai text may give it in the Buddhist Era.
    direction = -1 if profile(source_language or "en").era_year_offset else +1
    for number in list(missing):
        year = _era_year(number, direction)
        if year is not None and added[year]:
            paired = min(missing[number], added[year])
            missing[number] -= paired
            added[year] -= paired
    # A year in a named era is the Common Era year it names: 令和元年 and 民國108年 for
    # 2019, either side.
    for gone, extra, eras in (
        (missing, added, translation.era_years),
        (added, missing, source.era_years),
    ):
        for year, number in eras:
            if gone[year] > 0 and (not number or extra[number] > 0):
                gone[year] -= 1
                if number:
                    extra[number] -= 1
    missing -= translation.words + translation.ordinals  # spelled out in the translation
    added -= source.words + source.ordinals  # spelled out in the source ("twice" → 2)
    # A month named alone ("Come back in May") is the other side's month in digits (5月).
    added -= source.named & _digit_months(translation.months)
    missing -= translation.named & _digit_months(source.months)
    # English says "a glass of water" where Japanese counts it, コップ1杯 (Thai 1 แก้ว).
    added -= Counter({"1": min(source.articles, translation.counted_ones)})
    missing -= Counter({"1": min(translation.articles, source.counted_ones)})
    # "Each injection" is 1回の注射, "each patient" 患者1人 (but "with each meal" no コップ1杯).
    added -= Counter({"1": min(source.eaches, translation.each_ones)})
    missing -= Counter({"1": min(translation.eaches, source.each_ones)})
    # A number in words changed into another in words ("two tablets" as หนึ่งเม็ด, one
    # tablet): a word of the source for 2 or more the translation could spell and does
    # not, where the translation spells another. Either alone is no finding: Thai and
    # Vietnamese say "a" with the word for one (คนหนึ่ง, một), "both" and "second" with
    # the word for two (ทั้งสอง, thứ hai), and a language may leave a number unsaid; nor
    # is a lost "one" (English says it for "the newer one", and "daily" is 1).
    given = source.digits + source.words
    printed = translation.digits + translation.words
    # A month's name is no number word: a changed one is told as a month (below).
    source_words = source.words - _spelled_names(source.months)
    # A word for one may be the source's "a": Burmese ဆေးခန်းတစ်ခု, Thai คลินิกแห่งหนึ่ง
    # ("a clinic") count nothing new, however the source's other numbers were said.
    translation_words = (
        translation.words - _spelled_names(translation.months) - Counter({"1": source.articles})
    )
    lost = Counter(
        {
            value: min(count, (given - printed)[value] - missing[value])
            for value, count in source_words.items()
            if _many(value) and numbers.spells(value, language)
        }
    )
    new = Counter(
        {
            value: min(count, (printed - given)[value] - added[value])
            for value, count in translation_words.items()
        }
    )
    # A word of the other side that may be that number (Vietnamese "hai hoặc ba câu",
    # two or three sentences, beside Arabic "جملتين أو ثلاث جمل", where the dual says
    # two): the Arabic translation of the Vietnamese starter was refused and the
    # Vietnamese printed in the Arabic leaflet.
    lost -= translation.maybe
    new -= source.maybe
    if +lost and +new:
        missing += lost
        added += new
    converted = list(_conversions(source, translation, missing, added))
    for before, after in converted:
        if not before.spelled:  # a word ("a week") was never counted among the digits
            missing[before.value] -= 1
        added[after.value] -= min(1, added[after.value])
        yield CONVERTED_UNITS.problem(
            f"unit converted: {_reading(before)} in the source written as "
            f"{_reading(after)} in the translation, the same amount; check this is meant",
            _first_typed(typed, [re.escape(after.written)]),
        )
    yield from _changed_ordinals(source, translation)
    # Asked only of a date in digits that reads two ways: CLDR's date patterns load late.
    either = bool(source.day_months or translation.day_months) and _either_order(
        source_language, language
    )
    for kind, dated, redated in _changed_names(source, translation, either):
        for month in dated:
            missing[month.value] -= 0 if month.spelled else min(1, missing[month.value])
        for month in redated:
            added[month.value] -= 0 if month.spelled else min(1, added[month.value])
        yield NUMBERS.problem(
            f"{kind} changed: {_listed_written(dated)} in the source, "
            f"{_listed_written(redated)} in the translation",
            _first_typed(typed, [re.escape(redated[0].written)]),
        )
    settled = [before for before, _ in converted]
    swapped = _swapped(source.pairs, translation.pairs)
    if swapped is not None:
        moved, moved_to = swapped
        settled += moved  # "10 mg" as 8 mg with 10 a.m.: one finding, not a unit missing too
        yield NUMBERS.problem(
            f"numbers swapped: {_listed_written(moved)} in the source, "
            f"{_listed_written(moved_to)} in the translation",
            _first_typed(typed, [re.escape(moved_to[0].written)]),
        )
    for time, turned in _times_turned(source, translation):
        settled.append(time)  # "8 hours" as 8 โมง: one finding, not a unit missing too
        yield NUMBERS.problem(
            f"{_TIME_KINDS[time.unit]} given as {_TIME_KINDS[turned.unit]}: “{time.written}” "
            f"in the source, “{turned.written}” in the translation",
            _first_typed(typed, [re.escape(turned.written)]),
        )
    identified = identifiers.named_numbers(source_text)
    counted = number_kinds.counts(source_text, source_language)
    for split in grouping.spaced(translated):
        parts = Counter(split.parts)
        if missing[split.value] <= 0 or any(added[v] < n for v, n in parts.items()):
            continue
        missing[split.value] -= 1
        added -= parts
        ways = grouping.ways_to_write(
            split.value, source, source_language, language, identified, counted
        )
        yield NUMBERS.problem(
            f"number split by a space: “{split.written}” reads as the numbers "
            f"{' and '.join(split.groups)}, but is {numbers.as_read(split.value)} in the "
            f"source: write {' or '.join(_in_digits_of(way, split.written) for way in ways)}",
            _first_typed(typed, [re.escape(split.written)]),
        )
    for typed_wa, shown, digits_read in _wa_for_zero(translated):
        if missing[shown] <= 0:
            continue
        missing[shown] -= 1
        for value in digits_read:
            added[value] -= min(1, added[value])
        yield NUMBERS.problem(
            f"number typed with a letter: “{typed_wa}” holds the Burmese letter ဝ (wa) for "
            f"the digit ၀ (zero), so a search or a screen reader finds "
            f"{' and '.join(digits_read) or 'no number'}, but is {shown} in the source: write "
            f"{typed_wa.replace(_MYANMAR_WA, _MYANMAR_ZERO)}",
            _first_typed(typed, [re.escape(typed_wa)]),
        )
    otherwise = _read_otherwise(source, translation, missing, added, source_language, language)
    for meant, read_as, typed_as in otherwise:
        missing[meant] -= 1
        added[read_as] -= 1
        # A hotline or a year is suggested unbroken, as `grouping` holds it.
        ways = grouping.ways_to_write(meant, source, source_language, language, identified, counted)
        suggested = [_in_digits_of(w, typed_as) for w in ways]
        reads = (
            f"reads as {numbers.as_read(read_as)}"
            if numbers.amount(read_as) is not None
            else "is no number"
        )
        yield NUMBERS.problem(
            f"number changed by its separator: “{typed_as}” {reads} in "
            f"{_language_name(language)}, where "
            f"“{_separator(typed_as)}” {numbers.separator_role(_separator(typed_as), language)}"
            f", but is {numbers.as_read(meant)} in the source: write "
            f"{' or '.join(suggested)}",
            _first_typed(typed, [_number(typed_as)]),
        )
    for was, changed in _changed_amounts(source, translation, missing, added, converted):
        for value in was.values:
            missing[value] -= min(1, missing[value])
        for value in changed.values:
            added[value] -= min(1, added[value])
        settled += was.ends
        yield NUMBERS.problem(
            f"number changed: {_reading(was)} in the source, {_reading(changed)} in the "
            "translation",
            _first_typed(typed, [re.escape(changed.written)]),
        )
    if +missing:
        yield NUMBERS.problem(f"number missing or changed: {_counted(missing)}")
    if +added:
        written = [typed for value, typed in translation.written if added[value] > 0]
        at = _first_typed(typed, [_number(typed) for typed in written])
        yield NUMBERS.problem(f"number not in the source: {_counted(added)}", at)
    for before, other in _changed_units(source, translation, language, settled):
        if other is None:
            yield NUMBERS.problem(
                f"unit missing: {_reading(before)} in the source, {before.value} with no "
                "unit in the translation"
            )
        else:
            yield NUMBERS.problem(
                f"unit changed: {_reading(before)} in the source, {_reading(other)} in the "
                "translation",
                _first_typed(typed, [re.escape(other.written)]),
            )
    for said, bounded in _reversed_bounds(source.bounds, translation.bounds):
        yield NUMBERS.problem(
            f"limit reversed: “{said.written}” in the source, “{bounded.written}” in the "
            "translation",
            _first_typed(typed, [re.escape(bounded.written)]),
        )
    for found in grouping.regrouped(
        source, source_language, translation, language, identified, counted
    ):
        yield NUMBERS.problem(
            f"number grouped: “{found.written}” in the translation, {found.source} in the "
            "source: a year, a number to call or a code is written unbroken; write "
            f"{found.meant}",
            _first_typed(typed, [_number(found.written)]),
        )
    text = translated
    for unit in dict.fromkeys(source.per):
        if numbers.lists(unit, language) and not numbers.writes(text, unit, language):
            yield NUMBERS.problem(f"unit missing: the source gives a dose per {unit}")


_Item = TypeVar("_Item")


def _read_otherwise(
    source: numbers.Numbers,
    translation: numbers.Numbers,
    missing: Counter[str],
    added: Counter[str],
    source_language: str,
    language: str,
) -> Iterator[tuple[str, str, str]]:
    """(the source's value, the translation's, the number as the translation types it)
    for each number the translation writes as the source's language does, which its own
    reader reads otherwise: a Vietnamese 1.000 (a thousand) kept in English reads as 1,
    an English 0.500 in Vietnamese as 500, and a Vietnamese 0,5 typed in a Thai
    translation (its separators swapped, the translation's reader reads the source's
    number) is no number to a Thai reader. Told apart, as "“1.000 ml” in the source,
    “1.000 ml” in the translation" says nothing of what changed."""
    lost, new = Counter(missing), Counter(added)
    for value, typed in translation.written:
        if new[value] <= 0 or _separator(typed) == "":
            continue
        meant = [numbers.amount(v) for v in numbers.read(typed, source_language).digits]
        if meant == [numbers.amount(value)] or None in meant:
            # Read as the source's language reads it, the same: the separators swapped
            # may still be the source's number (Thai 0,5 typed as Vietnamese writes it).
            swapped = typed.translate(_SWAP_SEPARATORS)
            meant = [numbers.amount(v) for v in numbers.read(swapped, language).digits]
        was = next(
            (
                v
                for v in lost
                if lost[v] > 0 and meant == [numbers.amount(v)] != [numbers.amount(value)]
            ),
            None,
        )
        if was is not None:
            lost[was] -= 1
            new[value] -= 1
            yield was, value, typed


_SWAP_SEPARATORS = str.maketrans(".,", ",.")


def _in_digits_of(suggested: str, typed: str) -> str:
    """``suggested`` (ASCII digits) in the digits the translator typed ``typed`` in:
    "write ๑.๕" for a Thai ๑,๕, so the fix is what they would type."""
    first = next((char for char in typed if char.isdigit()), "0")
    zero = ord(first) - unicodedata.digit(first)
    return suggested.translate({code: zero + code - ord("0") for code in range(48, 58)})


def _separator(typed: str) -> str:
    """The first point or comma in the number ``typed``, or ""."""
    return next((mark for mark in typed if mark in ".,"), "")


def _language_name(language: str) -> str:
    """ "English", "Vietnamese": ``language`` as a translator reads its name (CLDR), or
    the tag itself where CLDR does not know it."""
    from ..project import cldr_locale
    from .formatting import english_language_name

    tag = language or "en"
    return english_language_name(tag) if cldr_locale(tag) else tag


def _spelled_names(months: tuple[numbers.Measure, ...]) -> Counter[str]:
    """The values of the months ``months`` names in words (May, พ.ค.: 5)."""
    return Counter(month.value for month in months if month.spelled)


def _digit_months(months: tuple[numbers.Measure, ...]) -> Counter[str]:
    """The values of the months ``months`` gives in digits (5月, tháng 5, 12/05/2026: 5)."""
    return Counter(month.value for month in months if not month.spelled)


def _either_order(source_language: str, language: str) -> bool:
    """Whether a date in digits whose day could be its month may be read either way:
    the two languages write a date's day and month in another order, or one's order is
    not known (`numbers.date_order`). Its reader may be either's, so no guess is made."""
    orders = (numbers.date_order(source_language), numbers.date_order(language))
    return None in orders or orders[0] != orders[1]


def _read_either_way(
    months: tuple[numbers.Measure, ...],
    others: tuple[numbers.Measure, ...],
    against: list[numbers.Measure],
) -> list[numbers.Measure]:
    """``months``, each date in digits among them read in its other order (``others``,
    `numbers.Numbers.day_months`) where only that reading is ``against``'s month: a
    Thai writer's English 5/12/2026 as 5 ธันวาคม (December) is not refused."""
    held = Counter(month.value for month in against)
    read = list(months)
    for other in others:
        at = next(
            (i for i, m in enumerate(read) if m.written == other.written and not m.spelled), None
        )
        if at is not None and held[read[at].value] <= 0 < held[other.value]:
            read[at] = other
            held[other.value] -= 1
    return read


def _changed_names(
    source: numbers.Numbers, translation: numbers.Numbers, either: bool = False
) -> Iterator[tuple[str, list[numbers.Measure], list[numbers.Measure]]]:
    """("month" or "weekday", the source's, the translation's) where both sides date a
    month or name a weekday and the translation has another: "12 May" as 12 มิถุนายน
    (June), 2026年5月12日 as "12 June 2026", 12/05/2026 (Vietnamese) as "12 June 2026",
    "Monday" as วันอังคาร. A month one side leaves unsaid is no finding here (a lost
    digit is the number check's); where ``either`` order of a date in digits may be
    meant (`_either_order`), a month that is its other reading is none either."""
    given_months, found_months = list(source.months), list(translation.months)
    if either:
        given_months = _read_either_way(source.months, source.day_months, found_months)
        found_months = _read_either_way(translation.months, translation.day_months, given_months)
    for kind, given, found in (
        ("month", given_months, found_months),
        ("weekday", list(source.weekdays), list(translation.weekdays)),
    ):
        was, changed = _unpaired(given, found, lambda m: m.value)
        if was and changed:
            yield kind, was, changed


_TIME_KINDS = {"clock": "a time of day", "hour": "hours of time"}


def _times_turned(
    source: numbers.Numbers, translation: numbers.Numbers
) -> Iterator[tuple[numbers.Measure, numbers.Measure]]:
    """Pairs of a time of day the source gives and the translation gives only as
    hours of time of the same number ("Come at 8 a.m." as มา 8 ชั่วโมง, in 8 hours), or
    hours of time given only as a time ("Fast for 8 hours" as งดอาหารตอน 8 โมง): the same
    digit, another fact. A number either side says both ways, or in a word that may mean
    either (Vietnamese 8 giờ), is no finding (`numbers.Numbers.clocks`)."""
    for given, kept, found, other in (
        (source.clocks, translation.clocks, translation.hours, source.hours),
        (source.hours, translation.hours, translation.clocks, source.clocks),
    ):
        if not given or not found:  # most texts: no time and no hours
            continue
        value = lambda measure: measure.value  # noqa: E731
        new = _left_over(list(found), list(other), value)
        for was in _left_over(list(given), list(kept), value):
            said = next((m for m in new if m.value == was.value), None)
            if said is not None:
                new.remove(said)
                yield was, said


def _swapped(
    given: tuple[numbers.Measure, ...], found: tuple[numbers.Measure, ...]
) -> tuple[list[numbers.Measure], list[numbers.Measure]] | None:
    """The source's and the translation's pairs of a number and the unit or counter
    after it (`numbers.Numbers.pairs`) where the same numbers moved between them: "2
    tablets, 3 times" as 3 เม็ด วันละ 2 ครั้ง, "10 mg at 8 a.m." as "8 mg at 10 a.m.".
    Only units and counters both sides name are compared, so a counter said otherwise
    or left unsaid ("twice" as 2 ครั้ง, "capsules" as เม็ด) and the same pairs in another
    order pass; a changed number is the bag's finding, not a swap."""
    kinds = {pair.unit for pair in given} & {pair.unit for pair in found}
    was, changed = _unpaired(
        [p for p in given if p.unit in kinds],
        [p for p in found if p.unit in kinds],
        lambda pair: (pair.value, pair.unit),
    )
    if not was or Counter(p.value for p in was) != Counter(p.value for p in changed):
        return None
    return was, changed


def _unpaired(
    given: list[_Item], found: list[_Item], key: Callable[[_Item], object]
) -> tuple[list[_Item], list[_Item]]:
    """The items of ``given`` and of ``found`` the other side does not hold by ``key``,
    as often as it does not, each in the order it stands."""
    if not given or not found:  # most texts: no month, no weekday, no pair on a side
        return list(given), list(found)
    return _left_over(given, found, key), _left_over(found, given, key)


def _left_over(
    items: list[_Item], other: list[_Item], key: Callable[[_Item], object]
) -> list[_Item]:
    """The items of ``items`` that ``other`` does not hold by ``key``, as often as not."""
    held = Counter(map(key, other))
    left = []
    for item in items:
        if held[key(item)] > 0:
            held[key(item)] -= 1
        else:
            left.append(item)
    return left


def _listed_written(items: list[numbers.Measure]) -> str:
    """“2 tablets”, “3 times”: each as written."""
    return ", ".join(f"“{item.written}”" for item in items)


_MYANMAR_WA = "\u101d"
_MYANMAR_ZERO = "\u1040"
#: Burmese digits with the letter ဝ (wa) among them or after them, drawn as the digit ၀
#: and typed for it (၁ဝဝ for ၁၀၀, 100), the last wa bearing no vowel sign or medial (a
#: wa that does starts a word: ၁ ဝင်).
_WA_AMONG_DIGITS = re.compile(
    "[\u1040-\u1049][\u1040-\u1049\u101d]*\u101d[\u1040-\u1049\u101d]*(?![\u102b-\u103e])"
)


def _wa_for_zero(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(as written, the number it shows, the numbers its digits alone read as) of each
    Burmese number in ``text`` typed with the letter ဝ for the digit ၀ (၁ဝဝ shows 100
    and reads as 1): the page shows the source's number, but a search, a copy or a
    screen reader finds another."""
    if _MYANMAR_WA not in text:
        return []
    found = []
    for match in _WA_AMONG_DIGITS.finditer(text):
        written = match.group(0)
        shown = str(int(written.replace(_MYANMAR_WA, _MYANMAR_ZERO)))
        read_as = tuple(str(int(part)) for part in written.split(_MYANMAR_WA) if part)
        found.append((written, shown, read_as))
    return found


def _first_typed(translation: str, patterns: Iterable[str]) -> int | None:
    """Where the first of ``patterns`` (a number, citation key or URL the translation has
    and its source has not) is typed in ``translation``, so the finding names its column;
    None when none is found as the check read it (an invisible character inside it)."""
    found = [m.start() for p in patterns if (m := re.search(p, translation)) is not None]
    return min(found, default=None)


def _number(written: str) -> str:
    """``written`` (a number as `numbers` read it) alone, not the 48 of 148 or 48.5."""
    return rf"(?<![\d.,]){re.escape(written)}(?![\d]|[.,]\d)"


def _cite_key(key: str) -> str:
    """The citation of ``key`` as typed, not the start of a longer key (@a of @ab)."""
    return rf"@{re.escape(key)}(?![A-Za-z0-9_:.-])"


def _changed_ordinals(source: numbers.Numbers, translation: numbers.Numbers) -> Iterator[Problem]:
    """An ordinal in words changed into another ("the second day" as วันที่สาม, the
    third). Either alone is no finding: "every second day" is วันเว้นวัน (every other
    day), with no ordinal, and วันที่ 2 gives the second day in digits."""
    lost = source.ordinals - translation.ordinals - translation.digits
    new = translation.ordinals - source.ordinals - source.digits
    if +lost and +new:
        yield NUMBERS.problem(
            f"ordinal changed: {_counted(lost)} in the source, {_counted(new)} in the translation"
        )


def _reversed_bounds(
    source: tuple[numbers.Bound, ...], translation: tuple[numbers.Bound, ...]
) -> Iterator[tuple[numbers.Bound, numbers.Bound]]:
    """Pairs of a number the source bounds one way ("at least 2 days") and the
    translation only the other (ไม่เกิน 2 วัน, at most). A bound one side leaves unsaid
    is no finding: only a bound said on both sides can be compared."""
    for value in dict.fromkeys(b.value for b in source):
        given = {b.kind: b for b in source if b.value == value}
        found = {b.kind: b for b in translation if b.value == value}
        if len(given) == 1 and len(found) == 1 and given.keys() != found.keys():
            yield next(iter(given.values())), next(iter(found.values()))


@dataclass(frozen=True)
class _Amount:
    """A number or a range with its unit, as `_changed_amounts` pairs them: its
    ``values`` (one, or a range's two ends), ``unit`` ("" for none), ``written`` as it
    stands, and the source ``ends`` the unit check then leaves alone."""

    values: tuple[str, ...]
    unit: str
    written: str
    ends: tuple[numbers.Measure, ...] = ()


def _changed_amounts(
    source: numbers.Numbers,
    translation: numbers.Numbers,
    missing: Counter[str],
    added: Counter[str],
    converted: list[tuple[numbers.Measure, numbers.Measure]],
) -> Iterator[tuple[_Amount, _Amount]]:
    """Pairs of a source amount and the translation's that changed it, so that one
    change is one finding naming both: a range the translation gives otherwise ("2–3
    hours" as 3–4 ชั่วโมง or 2–3 วัน: once, not once per end), and a number with a unit
    given as another number in that unit ("2 hours" as 3 ชั่วโมง: not a lost 2 and an
    added 3). Ranges pair in the order they stand; one converted into another unit
    ("1–2 weeks" as 7–14 วัน) is the I18N021 warning's, not paired here."""
    done = {measure for pair in converted for measure in pair}
    given = [_ranged(r) for r in source.ranges if not done & set(r.ends)]
    found = [_ranged(r) for r in translation.ranges if not done & set(r.ends)]
    left, right = _unmatched(given, found)
    relabelled = {a.values for a in left} & {a.values for a in right}  # 2–3 hours as 2–3 วัน
    left = [a for a in left if a.values in relabelled or any(missing[v] > 0 for v in a.values)]
    right = [a for a in right if a.values in relabelled or any(added[v] > 0 for v in a.values)]
    yield from zip(left, right, strict=False)
    ends = {m for r in (*source.ranges, *translation.ranges) for m in r.ends} | done
    lost, new = Counter(missing), Counter(added)
    for before in source.measures:
        if before in ends or lost[before.value] <= 0:
            continue
        for after in translation.measures:
            if after not in ends and after.unit == before.unit and new[after.value] > 0:
                lost[before.value] -= 1
                new[after.value] -= 1
                ends.add(after)
                yield _single(before), _single(after)
                break


def _ranged(found: numbers.Range) -> _Amount:
    return _Amount((found.low, found.high), found.unit, found.written, found.ends)


def _single(measure: numbers.Measure) -> _Amount:
    return _Amount((measure.value,), measure.unit, measure.written, (measure,))


def _unmatched(given: list[_Amount], found: list[_Amount]) -> tuple[list[_Amount], list[_Amount]]:
    """The amounts of ``given`` and ``found`` the other side does not hold as they are
    (the same values in the same unit), each in the order it stands."""
    return _unpaired(given, found, lambda amount: (amount.values, amount.unit))


def _many(value: str) -> bool:
    """Whether ``value`` is a whole number above one: a word for it says a number."""
    return value.isdigit() and int(value) >= 2


def _reading(measure: numbers.Measure | _Amount) -> str:
    """ "10 mg", or "10 ก. (g)" where the word is not the unit's name."""
    named = measure.written.casefold().endswith(measure.unit.casefold())
    return f"“{measure.written}”" + ("" if named else f" ({measure.unit})")


def _conversions(
    source: numbers.Numbers,
    translation: numbers.Numbers,
    missing: Counter[str],
    added: Counter[str],
) -> Iterator[tuple[numbers.Measure, numbers.Measure]]:
    """Pairs of a source measure the translation lacks and a translation measure in
    another unit that says the same amount ("24 hours" and 1 วัน, "14 days" and
    สองสัปดาห์), each measure in one pair at most. Only exact conversions count
    (`numbers.in_unit`): 24 hours as 2 วัน, or 30 days as 1 เดือน, is no pair and stays
    a changed number. A source's number in words the translation does not say ("a
    week" as 7 วัน) is lacked as a digit is."""
    wanted = Counter(missing) + (source.words - translation.words - translation.digits)
    spare = Counter(added) + translation.words
    taken: list[numbers.Measure] = []
    for before in source.measures:
        if wanted[before.value] <= 0:
            continue
        for after in translation.measures:
            if after in taken or spare[after.value] <= 0 or after.unit == before.unit:
                continue
            amount = numbers.in_unit(before.value, before.unit, after.unit)
            if amount is not None and amount == numbers.amount(after.value):
                taken.append(after)
                wanted[before.value] -= 1
                spare[after.value] -= 1
                yield before, after
                break


def _changed_units(
    source: numbers.Numbers,
    translation: numbers.Numbers,
    language: str,
    converted: list[numbers.Measure],
) -> Iterator[tuple[numbers.Measure, numbers.Measure | None]]:
    """Pairs of a source measure and the translation's measure of the same number in
    another unit ("10 mg" and "10 ก.", grams; "2 weeks" and 两天, two days), when the
    unit the source gives it is nowhere after that number in the translation; or None
    for the translation's, when it gives the number with no unit ("10 mg" as "10", "2 mg"
    as สองเม็ด, two tablets) though its language has words for the unit. A number
    written with no known unit in the source ("10 tablets") is left to the number check,
    as is one the translation lacks, and one ``converted`` into another unit."""
    measures = list(source.measures)
    for measure in converted:
        if measure in measures:
            measures.remove(measure)
    for value in dict.fromkeys(m.value for m in measures):
        given = Counter(m.unit for m in measures if m.value == value)
        found = Counter(m.unit for m in translation.measures if m.value == value)
        lost = [m for m in measures if m.value == value and (given - found)[m.unit]]
        new = [m for m in translation.measures if m.value == value and (found - given)[m.unit]]
        lost, new = _one_each(lost), _one_each(new)
        yield from zip(lost, new, strict=False)
        written = translation.digits[value] + translation.words[value]
        bare = written - sum(found.values())  # written with no unit, in digits or words
        for measure in lost[len(new) :]:
            if measure.spelled and measure.value == "1":
                continue  # "a day" is as often a rate: วันละ 1 เม็ด gives its 1 to the tablet
            if bare > 0 and numbers.lists(measure.unit, language):
                bare -= 1
                yield measure, None


def _one_each(measures: list[numbers.Measure]) -> list[numbers.Measure]:
    """The first measure of each unit: one finding per change, however often it is made."""
    return list({m.unit: m for m in reversed(measures)}.values())[::-1]


def _counted(found: Counter[str]) -> str:
    """ "1, 2", or "1 (2 times), 2" for a number given that much more or less often."""
    return ", ".join(
        f"{n} ({count} times)" if count > 1 else n for n, count in sorted((+found).items())
    )


def _era_year(number: str, direction: int) -> str | None:
    """The same year in the other era (CE 2026 ↔ BE 2569), if ``number`` can be a year."""
    if not number.isdigit():
        return None
    year = int(number) + direction * BUDDHIST_ERA_OFFSET
    return str(year) if min(year, int(number)) >= 1000 and max(year, int(number)) < 3600 else None


def check_placeholders(pair: Pair) -> Iterator[Problem]:
    source = set(_PLACEHOLDER.findall(pair.source))
    translation = set(_PLACEHOLDER.findall(pair.translation))
    if source != translation:
        yield PLACEHOLDERS.problem(
            _placeholders_differ(source, translation, pair.translation),
            strange_field(pair.translation, frozenset(field[1:-1] for field in source)),
        )


#: Braces around a word that is no placeholder name the layout knows: most often a
#: placeholder's name the translator translated ({ទំព័រ} for {pages}).
_BRACED_WORD = re.compile(r"\{[^{}\s]+\}")


def _placeholders_differ(source: set[str], translation: set[str], text: str) -> str:
    """What a translator must change, in their terms: the placeholders lost, those the
    source does not have, and braced words that look like a placeholder renamed."""
    missing, added = source - translation, translation - source
    parts = []
    if missing:
        parts.append(f"missing {_describe(missing)}")
    if added:
        parts.append(f"not in the source: {_describe(added)}")
    renamed = sorted(set(_BRACED_WORD.findall(text)) - translation)
    if renamed and missing:
        parts.append(
            f"{', '.join(renamed)} is no placeholder: keep the source's names "
            f"({_describe(missing)}) as written, in English; the layout fills them in"
        )
    return "placeholders differ: " + "; ".join(parts)


def whitespace_edges(text: str) -> tuple[str, str]:
    """The whitespace ``text`` begins and ends with (I18N009; XLIFF import refuses a
    target whose edges differ from its source's, one rule)."""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def check_whitespace(pair: Pair) -> Iterator[Problem]:
    (lead, trail), (t_lead, t_trail) = (
        whitespace_edges(pair.source),
        whitespace_edges(pair.translation),
    )
    if lead != t_lead:
        yield WHITESPACE.problem("leading whitespace differs from the source")
    if trail != t_trail:
        yield WHITESPACE.problem("trailing whitespace differs from the source")


def check_length(pair: Pair) -> Iterator[Problem]:
    """Outside the language's ``length-ratio`` (``data/languages.yaml``) a translation is
    probably incomplete or padded: Chinese is legitimately a third of the English
    characters, Burmese two or three times as many. The ratio is English's; from a
    Chinese source an English translation is three or four times as long
    (`LanguageProfile.length_bounds`). Counted in the characters a reader sees
    (`visible`: composed): a Vietnamese catalog saved decomposed (NFD) has a third more
    code points, and its complete translations were called padded."""
    source = visible(_plain(pair.source_spans, pair.source)).strip()
    translation = visible(_plain(pair.translation_spans, pair.translation)).strip()
    if len(source) < MIN_LENGTH_FOR_RATIO:
        return
    ratio = len(translation) / len(source)
    low, high = profile(pair.language or "en").length_bounds(profile(pair.source_language))
    if not low <= ratio <= high:
        yield LENGTH.problem(
            f"translation is {ratio:.1f}× the length of the source; is it complete?",
        )


def check_script(pair: Pair) -> Iterator[Problem]:
    """Each sentence written in another language's letters than the catalog's
    (`written_script`), the source copied in whole too (a CAT tool's "copy source"
    printed an English paragraph in a Khmer leaflet as translated). Not a reference's
    title, which may stay as the cited work has it (``kept``), nor a translation with no
    language; a kept name (a drug's) is too short to judge, and the terms and names the
    project declares (``kept_terms``: the glossary's, the organisation's) are not read."""
    if not pair.language or pair.kept:
        return
    name = profile(pair.language).name
    for stray in strays(pair.translation, pair.language, pair.kept_terms):
        # Quoted as read: "**Drink water** …" quoted the marks the page never prints.
        said = text_as_read(stray.sentence)
        shown = said if len(said) <= 60 else said[:57] + "…"
        yield WRONG_SCRIPT.problem(
            f"“{shown}” is written in {stray.written_in}, not in {name}: a text left "
            f"in another language? Translate it into {name}",
            stray.offset,
        )


CHECKS: list[PairCheck] = [
    check_characters,
    check_markup_valid,
    check_markup_same,
    check_words,
    check_citations,
    check_urls,
    check_numbers,
    check_identifiers,
    check_placeholders,
    check_whitespace,
    check_length,
    check_script,
]


#: The checks whose every finding is a warning (I18N010's length, I18N020's letters): a
#: build deciding whether it may print a translation asks only for errors, and ran them
#: for nothing on every translated text (#20). `test_error_checks_find_every_error`
#: keeps this list true.
WARNING_ONLY_CHECKS: frozenset[PairCheck] = frozenset({check_length, check_script})
ERROR_CHECKS: list[PairCheck] = [check for check in CHECKS if check not in WARNING_ONLY_CHECKS]


#: The warning rules the build repeats for a translation it prints (and --strict
#: refuses): the page shows what they find. The others (I18N010's length) are a
#: translator's to weigh in `i18n check`.
PRINTED_CHECKS: list[PairCheck] = [check_script, check_unit_conversions]


def printed_problems(
    source: str,
    translation: str,
    language: str,
    kept: bool = False,
    source_language: str = "en",
    kept_terms: KeptTerms = NO_KEPT_TERMS,
) -> list[Problem]:
    """The `PRINTED_CHECKS` findings of a msgstr the build prints, as `check_translation`
    finds them (the same functions, on the same parsed texts): `localizer` repeats them
    as warnings."""
    pair = _pair(source, translation, language, source_language, kept, kept_terms)
    return [problem for check in PRINTED_CHECKS for problem in check(pair)]


def _pair(
    source: str,
    translation: str,
    language: str,
    source_language: str,
    kept: bool,
    kept_terms: KeptTerms,
) -> Pair:
    """The texts checked together, each parsed once for every check."""
    spans = _spans(source), _spans(translation)
    return Pair(source, translation, *spans, language, source_language, kept, kept_terms)


def check_translation(
    source: str,
    translation: str,
    language: str = "",
    plural: bool = False,
    source_language: str = "en",
    forms: int = 0,
    nplurals: int | None = None,
    kept: bool = False,
    kept_terms: KeptTerms = NO_KEPT_TERMS,
    *,
    errors_only: bool = False,
) -> list[Problem]:
    """All problems with ``translation`` (into ``language``) of ``source`` (written in
    ``source_language``: a Thai leaflet's 0.5 มก. is read as Thai writes it), the terms
    and names the project declares (``kept_terms``) read as no other language.

    ``plural``: the entry is in plural form (msgid_plural, msgstr[0]…), with ``forms``
    forms where the header says ``nplurals``. A leaflet and the layout look every text
    up as one msgstr, so such a translation is never used; saying so here gives
    `i18n check` and the build one verdict."""
    if plural:
        return [EMPTY.problem(plural_message(forms, nplurals))]
    if not translation.strip():
        return [EMPTY.problem("translation is empty or only whitespace")]
    if prints_nothing(translation):
        return [
            EMPTY.problem(
                f"translation prints nothing: it holds only invisible characters "
                f"({invisible_names(translation)})"
            )
        ]
    pair = _pair(source, translation, language, source_language, kept, kept_terms)
    checks = ERROR_CHECKS if errors_only else CHECKS  # errors_only: some warnings are not run
    problems = [problem for check in checks for problem in check(pair)]
    typed = _keyboard_markup(translation)
    if typed:
        problems = [_with_note(p, typed) if p.code in _MARKUP_CODES else p for p in problems]
    return problems


def check_entry(
    msgid: str,
    forms: Sequence[str],
    language: str = "",
    source_language: str = "en",
    msgid_plural: str | None = None,
    nplurals: int | None = None,
    kept: bool = False,
    kept_terms: KeptTerms = NO_KEPT_TERMS,
    *,
    errors_only: bool = False,
) -> list[Problem]:
    """All problems with an entry's translation: its msgstr (``forms``' only one), or,
    with ``msgid_plural``, each written msgstr[n] checked as a msgstr is, after the
    finding that the entry is never printed. A plural entry is a translator's work
    `i18n update` keeps (msgstr[0] as the msgstr, the others as comments): a bidi
    override or U+FFFD in msgstr[1] hid behind the one finding about its shape. As
    gettext pairs them, msgstr[0] translates ``msgid`` and the others ``msgid_plural``."""
    if msgid_plural is None:
        return check_translation(
            msgid,
            forms[0],
            language,
            source_language=source_language,
            kept=kept,
            kept_terms=kept_terms,
            errors_only=errors_only,
        )
    problems = check_translation(
        msgid, "", language, True, source_language, forms=len(forms), nplurals=nplurals
    )
    for form, text in enumerate(forms):
        if text:  # an empty form is the forms' count, which the first finding tells
            source = msgid if form == 0 else msgid_plural
            problems += [
                dataclasses.replace(p, message=f"msgstr[{form}]: {p.message}", form=form)
                for p in check_translation(
                    source,
                    text,
                    language,
                    source_language=source_language,
                    kept_terms=kept_terms,
                    errors_only=errors_only,
                )
            ]
    return problems


def plural_message(forms: int, nplurals: int | None) -> str:
    """Why a plural entry's translation is not printed: msc-leaflet looks the text up as
    one msgstr; and, said first as GNU msgfmt says it, a number of forms that is not the
    header's (msgid_plural with only msgstr[0] in a language of two forms). Told only the
    lookup, a translator added forms or removed msgid_plural by guess."""
    lookup = (
        "msc-leaflet looks this text up as one msgstr (no msgid_plural), so the translation "
        "is never printed; run `msc-leaflet i18n update`, which keeps msgstr[0] as a fuzzy "
        "msgstr to review"
    )
    if not forms or nplurals is None or forms == nplurals:
        return f"the entry is in plural form (msgid_plural, msgstr[0]…): {lookup}"
    have = "only one plural form" if forms == 1 else f"{forms} plural forms"
    have = have if forms < nplurals else have.replace("only ", "")
    return (
        f"the entry has msgid_plural with {forms} form{'s' if forms != 1 else ''} "
        f"(msgstr[0]{f' to msgstr[{forms - 1}]' if forms > 1 else ''}), but the header's "
        f'Plural-Forms says nplurals={nplurals} (GNU msgfmt says "nplurals = {nplurals}, but '
        f'some messages have {have}"); and {lookup}'
    )


# Markup characters as a Chinese, Japanese or Korean input method types them by default
# (full-width forms, or the lenticular brackets some use for [ ]). The markup is then
# lost and "citation missing" points at a citation the translator can plainly see, so
# the message names what was typed and what to type.
_LOOKALIKES = {"［": "[", "］": "]", "【": "[", "】": "]", "＊": "*", "＠": "@", "＼": "\\"}
# （ ） are everyday punctuation in these languages: markup only where they hold a link
# target, right after a label's closing bracket or around a URL.
_LINK_TARGET = re.compile(r"[\]］】]\s*（|（\s*(?:https?://|mailto:|tel:)")
_MARKUP_CODES = (MARKUP.code, LINKS.code, CITATIONS.code)


def _keyboard_markup(translation: str) -> str:
    """A note on the look-alikes of markup characters in ``translation``, or ""."""
    pairs = [(typed, plain) for typed, plain in _LOOKALIKES.items() if typed in translation]
    if _LINK_TARGET.search(translation):
        pairs += [("（", "("), ("）", ")")]
    if not pairs:
        return ""
    typed = " ".join(t for t, _ in pairs)
    plain = " ".join(dict.fromkeys(a for _, a in pairs))
    return f"{typed} typed as an input method types them: markup is written in ASCII, {plain}"


def _with_note(problem: Problem, note: str) -> Problem:
    return dataclasses.replace(problem, message=f"{problem.message} ({note})")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
