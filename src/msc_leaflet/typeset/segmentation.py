"""Where a line may break: ICU line breaking, a project word list, and Thai line rules.

Thai is written without spaces between words; a space marks a phrase or sentence
end. ReportLab breaks only at spaces, so a Thai paragraph would never break (or break
anywhere when forced). Here break opportunities come from ICU's dictionary-based line
breaker (``icu4py`` bundles ICU), then

1. word lists remove breaks inside listed terms (ICU splits transliterated drug and
   cell names: มีเซนไคมอล → มี|เซน|ไค|มอ|ล): the project's ``locales/<lang>/words.txt``
   and the package's own ``data/words-<lang>.txt`` (`builtin_word_list`), the everyday
   words ICU's dictionary gets wrong in every project (it knows the rare word ยาค and
   breaks ยาค|รีม, ยาค|วาม). Where ICU broke after a listed term's first letter (it
   took that letter for the final of the word before) the break moves to the term's
   start: ยา|ครีม. A term is matched only where both its ends may be word boundaries
   (`listed_spans`: not ท่าน in ท่า|นอน), and where ICU and the list agree on its
   edge no syllable rule takes that break away (มี|พยาธิ);
2. line rules remove breaks before a combining mark, ะ, ๆ, ฯ or a closing quote and
   after a leading vowel (เ แ โ ใ ไ) or an opening quote (the ICU rules already mostly
   agree, but an author's space before ๆ — "ทุก ๆ" — is a break for ICU);
3. the caller removes breaks it forbids (before a citation superscript).

An author's zero-width space is a break whatever ICU, the word lists and the syllable
rules say (they guess; the author knows): only a line rule (`allowed_break`) keeps it
from parting a letter and its marks or starting a line with ๆ.

A line in a narrow measure (a table cell: ``keep-phrases-below``) breaks only where a
phrase ends (`phrase_ends`): Japanese and Chinese may break between any two
characters, and a cell three characters wide otherwise prints 胸の痛|み or 寒|気.

`line_breaks` adds what only a printed line needs (the claim checker reads
`break_opportunities` as word boundaries): a break between two Thai or two Lao
characters keeps every syllable whole (``syllables.py``, ``lao_syllables.py``: ICU
splits unknown loanwords and names inside syllables), and a number stays with the unit
or word after it ("8–12 ชั่วโมง",
"500 mg") and a range with its ends; a date and an abbreviation with its name or
number ("6 December 2027", "Dr. Somchai", "p. 12": ``kept_groups.py``) stay whole.

Offsets are Python string indices (ICU reports UTF-16 offsets; segments are re-measured).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from icu4py.breakers import LineBreaker, WordBreaker

from ..alternation import longest_first
from ..content.composition import composed
from ..content.text_policy import refusal
from ..data import word_list_path
from ..errors import LeafletError, Location
from ..files import Stamp, decode_utf8, file_stamp, read_input
from ..languages import language_subtag, profile, right_to_left
from .address_breaks import address_breaks
from .hyphenation import hyphenating
from .kept_groups import (
    bound_prefix_ends,
    inside,
    kept_groups,
    label_starts,
    number_units,
    unit_stops,
)
from .lao_syllables import is_lao_letter, lao_syllable_break
from .orthographic import parts_a_syllable
from .scripts import (
    NO_LINE_END,
    NO_LINE_START,
    UNBROKEN,
    UNBROKEN_CHARS,
    UNSPACED_SCRIPTS,
    script_of,
)
from .syllables import (
    is_myanmar,
    is_thai,
    joined_to_previous,
    khmer_glued_finals,
    khmer_lone_finals,
    listed_syllable_break,
    syllable_break,
)

ZERO_WIDTH_SPACE = "\u200b"
#: The spaces an author may write between a number and its unit or between its groups,
#: as U+0020 is: a no-break space (U+00A0), the fixed-width spaces (en, thin, hair:
#: ISO 80000 and the SI brochure put a thin space before a unit, "500 mg"), the
#: narrow no-break space (U+202F, French and Vietnamese digit groups), the medium
#: mathematical space and the ideographic space (U+3000, "30　分"): Unicode's Zs.
SPACES = frozenset(" \u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
#: Spaces that forbid a break on either side (Unicode's GL): a line never starts with
#: one, though ICU allows a break before it after a dash ("3 –| 5").
NO_BREAK_SPACES = "\u00a0\u2007\u202f"
_SPACE = "[" + "".join(sorted(SPACES)) + "]"
#: Spaces a line may end at, which then take no room there (`units.unit_of`): U+0020,
#: and as it the ideographic space of Japanese and Chinese (U+3000, a full em) and the
#: fixed-width spaces. A no-break space is never at a break.
BREAKING_SPACES = SPACES - frozenset(NO_BREAK_SPACES)


def holds_typed_space(text: str) -> bool:
    """Whether ``text`` holds a space of `SPACES` other than U+0020: one the text layer
    must take care to keep, for extractors read such a space back as U+0020, or drop
    it, where its glyph stands alone (`render._typed_space_spans` for a line written
    left to right, `reading_order` for one written in reading order). Asked of every
    line drawn: one search, not a loop over its characters."""
    return _TYPED_SPACE.search(text) is not None


_TYPED_SPACE = re.compile("[" + "".join(sorted(SPACES - {" "})) + "]")


@dataclass(frozen=True)
class WordList:
    """Terms a line must never split (one per line in ``locales/<lang>/words.txt``)."""

    words: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str] | None:
        return _pattern(self.words)

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every listed term found in ``text``."""
        pattern = self.pattern
        if pattern is None:
            return []
        spans = []
        # Overlapping matches: a lookahead finds a term at every position.
        for match in pattern.finditer(text):
            spans.append((match.start(), match.start() + len(match.group(1))))
        return spans


EMPTY_WORD_LIST = WordList(())


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = longest_first(words)  # the longest term wins at a position
    return re.compile("(?=(" + "|".join(map(re.escape, ordered)) + "))")


def load_word_list(path: Path | str) -> WordList:
    """Read a word list (UTF-8, one term per line, ``#`` comments); cached per file."""
    resolved = Path(path).resolve()
    return _load(resolved, file_stamp(resolved.stat()))


MAX_WORD_LIST_BYTES = 2_000_000


@lru_cache(maxsize=32)
def _load(path: Path, stamp: Stamp) -> WordList:
    """Read as strictly as a leaflet: decoded with errors replaced, a list saved in Thai
    Windows' own encoding became U+FFFD strings that match nothing, and a NUL or a bidi
    control was kept in a term, every listed term split again without a word."""
    text = decode_utf8(path, read_input(path, MAX_WORD_LIST_BYTES))
    language = path.parent.name  # locales/<lang>/words.txt
    rtl = right_to_left(language)
    words = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        term = composed(line.strip())
        if not term or term.startswith("#"):
            continue
        problem = refusal(line.rstrip(), rtl, language)
        if problem:
            column = problem.offset + 1
            raise LeafletError(Location(path, number, column), problem.message, problem.hint)
        words.append(term)
    return WordList(tuple(words))


@lru_cache(maxsize=16)
def builtin_word_list(lang: str) -> WordList:
    """The package's word list for ``lang`` (``data/words-<lang>.txt``, empty if none):
    everyday words ICU's dictionary splits in any leaflet, so that every project keeps
    them whole without listing them in its own ``words.txt``."""
    path = word_list_path(lang)
    return load_word_list(path) if path.is_file() else EMPTY_WORD_LIST


@lru_cache(maxsize=64)
def _with_builtin(words: WordList, lang: str) -> WordList:
    builtin = builtin_word_list(lang)
    return WordList(builtin.words + words.words) if builtin.words else words


def icu_breaks(text: str, lang: str) -> list[int]:
    """Positions (0 < i < len) where ICU allows a line break."""
    return list(_icu_breaks(text, _icu_locale(lang)))


@lru_cache(maxsize=64)
def _icu_locale(lang: str) -> str:
    """The locale ICU breaks ``lang``'s lines in: with ``lw=phrase`` for a language
    whose lines break only at spaces (`LanguageProfile.keep_all`: Korean, which ICU
    otherwise breaks between any two syllables)."""
    base = language_subtag(lang)
    return f"{base}@lw=phrase" if profile(lang).keep_all else base


#: Paragraphs whose ICU breaks are kept: a paragraph is segmented again while the same
#: document is laid out (splits, furniture), not for the next leaflet. 4,096 held a
#: batch's last ~60 leaflets and grew a worker by ~5 MB (issue #20).
ICU_CACHE_SIZE = 512


@lru_cache(maxsize=ICU_CACHE_SIZE)
def _icu_breaks(text: str, lang: str) -> tuple[int, ...]:
    breaks = []
    position = 0
    for segment in LineBreaker(text, lang):
        position += len(segment)
        if position < len(text):
            breaks.append(position)
    return tuple(breaks)


#: A Khmer word ICU's dictionary knows that ends in a final consonant (ដែល, "which"):
#: set before some letters, it lets ICU say whether a word of its dictionary starts
#: with them (`_starts_a_khmer_word`). Alone, ICU glues letters it cannot read to the
#: word after them (នដែល is one piece), so their own segmentation says nothing.
KHMER_PROBE_WORD = "ដែល"
_KHMER = re.compile("[\u1780-\u17ff]")


def khmer_breaks(text: str, lang: str, icu: set[int]) -> set[int]:
    """ICU's ``icu`` breaks of ``text`` with each one before a Khmer syllable's final
    that ICU glued to the next word (`syllables.khmer_glued_finals`: ហ្សែ|នដែល,
    លី|នវេ|ជ្ជ) moved after that final, and the text after it broken again as ICU
    breaks it from there: ហ្សែន|ដែល, លីន|វេជ្ជ (ICU's misfit had also torn វេជ្ជ).
    A break before such a consonant that starts a word ICU's dictionary knows
    (ជា|ទទួល, ជា|មនុស្ស) stays: the consonant is that word's first syllable."""
    if _KHMER.search(text) is None:
        return icu
    breaks, start = icu, 0
    while True:
        glued = sorted(i for i in khmer_glued_finals(text, breaks) if i >= start)
        at = next((i for i in glued if not _starts_a_khmer_word(text, i, breaks, lang)), None)
        if at is None:
            return breaks
        rest = {at + 1 + i for i in icu_breaks(text[at + 1 :], lang)}
        breaks = {i for i in breaks if i < at} | {at + 1} | rest
        start = at + 1


def _starts_a_khmer_word(text: str, i: int, breaks: Collection[int], lang: str) -> bool:
    """Whether a word of ICU's dictionary starts at ``text[i]`` and runs to the next of
    ``breaks`` a line may end at (not before ៗ: ICU's ពភ្លាម|ៗ is read as ពភ្លាមៗ):
    after `KHMER_PROBE_WORD`, ICU breaks before its first letter and not after it
    (ដែល|ទទួល, not ដែ|លន|ដែល)."""
    end = min((b for b in breaks if b > i and allowed_break(text, b)), default=len(text))
    probe = icu_breaks(KHMER_PROBE_WORD + text[i:end], lang)
    return len(KHMER_PROBE_WORD) in probe and len(KHMER_PROBE_WORD) + 1 not in probe


def phrase_ends(text: str, lang: str) -> frozenset[int] | None:
    """Positions (0 < i < len) where a phrase ends, by the language's ``phrases``
    profile: ICU's Japanese phrase breaker (``lw=phrase``, bunsetsu: 胸の|痛み) or its
    dictionary word boundaries (Chinese: 发烧|或|发冷). None: the language has no
    phrases finer than its line-break opportunities (every ICU break ends a word)."""
    kind = profile(lang).phrases
    if not kind:
        return None
    return _phrase_ends(text, lang.replace("_", "-").split("-")[0].lower(), kind)


def word_ends(text: str, lang: str) -> frozenset[int]:
    """Positions (0 < i < len) where ICU's dictionary ends a word of ``lang``: 痛み|が,
    受け付け whole. A phrase cut between its characters asks it where a kanji's kana
    ending belongs to the kanji (`linebreak._cut`)."""
    return _phrase_ends(text, lang.replace("_", "-").split("-")[0].lower(), "icu-words")


@lru_cache(maxsize=ICU_CACHE_SIZE)
def _phrase_ends(text: str, lang: str, kind: str) -> frozenset[int]:
    segments = (
        LineBreaker(text, f"{lang}@lw=phrase") if kind == "icu-phrase" else WordBreaker(text, lang)
    )
    ends = set()
    position = 0
    for segment in segments:
        position += len(segment)
        if position < len(text):
            ends.add(position)
    return frozenset(ends)


def break_opportunities(
    text: str,
    lang: str,
    words: WordList = EMPTY_WORD_LIST,
    forbidden: Iterable[int] = (),
    forced: Iterable[int] = (),
) -> list[int]:
    """Sorted positions where a line may break in ``text``.

    ``forbidden`` positions never break (a citation superscript must stay on the line
    of the word it follows); ``forced`` positions (where the author put a zero-width
    space) are opportunities whatever ICU and the word lists say, unless a line rule
    forbids them (`allowed_break`: never inside a letter, before ๆ or a closing
    mark).
    """
    return sorted(_opportunities(text, lang, words, forbidden, forced)[0])


def _opportunities(
    text: str,
    lang: str,
    words: WordList,
    forbidden: Iterable[int],
    forced: Iterable[int],
) -> tuple[set[int], set[int], list[tuple[int, int]]]:
    """`break_opportunities`, and those of them no syllable rule may take away: the
    author's own breaks (a zero-width space: the author's fix for a break ICU or the
    spelling rules got wrong wins over both, and over the word lists); and the
    `listed_spans` of ``text``, found on the way."""
    text = ascii_forms(text)
    icu = khmer_breaks(text, lang, set(icu_breaks(text, lang)))
    icu -= khmer_lone_finals(text, icu)  # ICU's ក្លី|និ|ក: no line starts with its ក
    author = {i for i in forced if 0 < i < len(text)}
    breaks = icu | author
    spans = _listed_spans(text, lang, words, icu)
    breaks -= _fitted_to_a_term(text, lang, icu, spans)
    for start, end in spans:
        breaks.difference_update(range(start + 1, end))
    ordered = sorted(icu)
    for start, end in spans:
        glued = start > 0 and _glued_at(text, start, icu, (ordered, end))
        if glued and not any(a < start < b for a, b in spans):
            breaks.add(start)  # ICU took the term's first letter: ยาค|รีม is ยา|ครีม
        glued = end < len(text) and _glued_at(text, end, icu, (ordered, start))
        if glued and not any(a < end < b for a, b in spans):
            breaks.add(end)  # ICU gave the term the next word's: តម្រងនោមទ|ទួល
    breaks |= unit_stops(text, lang)  # 500 ມກ.|ຕໍ່ມື້, "5 mg.|Take"
    breaks |= author
    breaks.difference_update(forbidden)
    kept = {i for i in breaks if allowed_break(text, i)}
    edges = {i for span in spans for i in span}  # ICU's and the list's word boundary
    return kept, (author | edges) & kept, spans


def _glued_at(text: str, i: int, icu: Collection[int], term: tuple[Sequence[int], int]) -> bool:
    """Whether ICU glued the letters on either side of a listed term's edge ``i`` into
    one piece: it broke one letter past the edge (ยาค|รีม, the term's first letter
    taken for the final of the word before; តម្រងនោមទ|ទួល), or its piece there ends
    inside the term (`_crossed_into`; ``term``: ICU's breaks sorted, and the term's
    other edge: ส่งตัว|อย่าง is ส่ง|ตัวอย่าง), or, between two Burmese
    characters, anywhere (ဒီပါ|ရာစီတမော, အင်ဆူလင်ပါ: ICU fits whole syllables of the
    words around a word it does not know to its letters). Burmese spelling marks where
    every syllable ends (a final is killed or stacked), so there the term's edge is a
    syllable boundary ICU did not see, and the words around the term stay breakable.
    A space at the edge glues nothing: ICU's break after it is the word's own end, and a
    break before it would start the next line with the space."""
    if text[i].isspace():
        return False
    if i + 1 in icu or _crossed_into(*term, i):
        return True
    return i not in icu and is_myanmar(text[i - 1]) and is_myanmar(text[i])


def _crossed_into(icu: Sequence[int], other: int, edge: int) -> bool:
    """Whether ICU's piece holding a listed term's ``edge`` (the term running from
    there to its ``other`` edge) reaches across that edge into the term and ends inside
    it: ICU read the letters before the term's start and its first syllables as one
    word (ส่งตัว|อย่าง: "refer a patient" and "manner"), or the term's last syllables
    and the letters after it. Where the term is a word, its edge is a word's edge and
    ICU's is none: ส่ง|ตัวอย่าง ("send|samples"). A piece that holds the whole term
    (ข้อความ, "message", holds the listed ความ) crosses nothing: ICU's word stays.
    ``icu``: ICU's breaks, sorted."""
    if other > edge:  # a term's start: ICU's next break falls inside the term
        k = bisect_right(icu, edge)
        return k < len(icu) and icu[k] < other and (k == 0 or icu[k - 1] != edge)
    k = bisect_left(icu, edge)  # a term's end: ICU's break before it falls inside
    return k > 0 and icu[k - 1] > other and (k == len(icu) or icu[k] != edge)


def _fitted_to_a_term(
    text: str, lang: str, icu: Collection[int], spans: list[tuple[int, int]]
) -> set[int]:
    """Those of ICU's ``icu`` breaks in the text between listed terms that ICU does not
    give that text on its own. ICU's dictionary fits the words next to one it does not
    know (a loanword the list keeps whole) to that word's letters and parts words it
    knows: ผู้ป่วยมะ|เร็งฟลูออโรสโคปี ("cancer" before "fluoroscopy"), มะเร็ง whole in
    ผู้ป่วยมะเร็ง. Only breaks are taken away: none is added where ICU saw no word end.
    A piece ICU gives no break on its own is letters it reads as no words without their
    context (ยากด before ภูมิ, ยา|กด in ยากดภูมิ): the full text's breaks stay there."""
    if not spans:
        return set()
    merged = _merged((start, end) for start, end in spans)
    starts = [0] + [end for _, end in merged]
    ends = [start for start, _ in merged] + [len(text)]
    wrong: set[int] = set()
    # Each gap's breaks by bisection: a text of thousands of terms (a Thai paragraph of
    # 4,000 questions the claims check segments) made the scan of every break per gap
    # quadratic, 4.6 s of 6.
    ordered = sorted(icu)
    for start, end in zip(starts, ends, strict=True):
        inside = set(ordered[bisect_right(ordered, start) : bisect_left(ordered, end)])
        alone = {start + i for i in icu_breaks(text[start:end], lang)} if inside else set()
        if alone:
            wrong |= inside - alone
    return wrong


def listed_spans(text: str, lang: str, words: WordList = EMPTY_WORD_LIST) -> list[tuple[int, int]]:
    """(start, end) of each term of the word lists (the project's ``words`` and the
    package's) that is a word where it stands in ``text`` (`_listed_spans`)."""
    return _listed_spans(text, lang, words, set(icu_breaks(text, lang)))


def _listed_spans(
    text: str, lang: str, words: WordList, icu: Collection[int]
) -> list[tuple[int, int]]:
    """The listed terms found in ``text`` whose both ends may be word boundaries: the
    text's ends, ICU's breaks, or places the syllable rules do not put inside a
    syllable. Matched as letters alone, a term glued another word that holds them:
    ท่าน glued ท่า|นอน ("lying position"), ตาก ("to dry") ตา|ก่อน; there the term would
    end inside the syllable นอน or ก่อน, so those letters are some other words."""
    spans = _with_builtin(words, lang).protected_spans(text)
    if not spans:
        return spans

    def edge(i: int) -> bool:
        return i in (0, len(text)) or i in icu or keeps_syllable(text, i, dictionary=True)

    return [(start, end) for start, end in spans if edge(start) and edge(end)]


def phrase_breaks(text: str, lang: str, breaks: Iterable[int]) -> list[int]:
    """Those of ``breaks`` (`line_breaks`) that end a phrase (`phrase_ends`) or follow
    a space: where a line that keeps its phrases whole may break."""
    ends = phrase_ends(text, lang)
    if ends is None:
        return list(breaks)
    return [i for i in breaks if i in ends or text[i - 1] == " "]


def line_breaks(
    text: str,
    lang: str,
    words: WordList = EMPTY_WORD_LIST,
    superscripts: Collection[int] = (),
    forced: Iterable[int] = (),
) -> list[int]:
    """`break_opportunities` where a printed line may end. ``superscripts``: positions
    of citation numbers, which never start a line and are no quantity for
    `keeps_number` ("cells¹ move": the word after a citation is no unit of it).
    An author's zero-width space (``forced``) passes no syllable check: it is how an
    author fixes a break by hand (มี<U+200B>พยาธิ where the spelling reads มีพ|ยา).
    """
    return line_breaks_and_terms(text, lang, words, superscripts, forced)[0]


def line_breaks_and_terms(
    text: str,
    lang: str,
    words: WordList = EMPTY_WORD_LIST,
    superscripts: Collection[int] = (),
    forced: Iterable[int] = (),
) -> tuple[list[int], list[tuple[int, int]]]:
    """`line_breaks`, and the terms of the word lists found in ``text``
    (`listed_spans`): a paragraph's units need both, and finding the breaks finds the
    terms (looking for them again was a tenth of the time spent breaking)."""
    text = ascii_forms(text)
    author = frozenset(forced)
    breaks, sure, spans = _opportunities(text, lang, words, superscripts, author)
    breaks = address_breaks(text, breaks, author) - set(superscripts)  # a citation stays
    breaks -= bound_prefix_ends(text, lang) - author  # ผู้|หญิง: the author's ZWSP wins
    # Most paragraphs are written in scripts without syllable rules, or hold no number
    # or slash: there every break keeps both, and the checks (two calls per break, the
    # costliest loop of line breaking) would only say so.
    syllables = holds_syllable_letters(text)
    numbers = holds_number_signs(text)
    groups = kept_groups(text, lang)  # "6 December 2027", "Dr. Somchai": one on a line
    kept = [
        i
        for i in sorted(breaks)
        if (not syllables or i in sure or keeps_syllable(text, i, dictionary=True))
        and (not numbers or keeps_number(text, i, superscripts))
        and not (groups and inside(groups, i))
    ]
    return kept, spans


def kept_breaks(text: str, lang: str) -> frozenset[int]:
    """The line breaks `line_breaks` took away inside a date or an abbreviation's
    group (`kept_groups.kept_groups`) that every other rule allows: where a line too
    narrow for the whole group breaks it, as it would have without the group."""
    text = ascii_forms(text)
    groups = kept_groups(text, lang)
    if not groups:
        return frozenset()
    breaks, sure, _ = _opportunities(text, lang, EMPTY_WORD_LIST, (), ())
    breaks = address_breaks(text, breaks)  # a Chinese 网址 too narrow for it: at a "/"
    syllables = holds_syllable_letters(text)
    # A number and its unit stay whole ("500毫|克" is none of these): a line too narrow
    # for them ends where the unit ends and a glued word goes on (`unit_ends`), or, in an
    # emergency, where the unit starts (`linebreak._emergency_cut`).
    inner = tuple((start, end) for start, _, end in number_units(text, lang))
    # A date's parts (ngày 12 | tháng 5 | năm 2027) part before a part's word, which
    # `keeps_number` refuses after a number as if the word were its unit; never between
    # a part's word and its number (tháng | 5), which parts May from its name.
    starts = label_starts(text, lang)
    labels = tuple((start, _number_after(text, start)) for start in starts)
    return unit_ends(text, lang) | frozenset(
        i
        for i in breaks
        if inside(groups, i)
        and not inside(inner, i)
        and not inside(labels, i)
        and (not syllables or i in sure or keeps_syllable(text, i, dictionary=True))
        and (i in starts or keeps_number(text, i))
    )


def _number_after(text: str, start: int) -> int:
    """Where the first digit after ``start`` is (the number a label at ``start``
    labels), one past it: a break before it parts the label from its number."""
    at = start
    while at < len(text) and not text[at].isdigit():
        at += 1
    return at + 1


def unit_ends(text: str, lang: str) -> frozenset[int]:
    """Where the unit after a number ends (`kept_groups.number_units`) and a word of a
    script written without spaces goes on, glued to it, at a syllable's edge: Burmese
    ၂ ရက်|ကြာ ("for 2 days"), Thai ๕๐๐มิลลิกรัม|วันละ. ICU reads the unit and the word
    after it as one, and a line too narrow for the three ended on the bare number
    (၂ | ရက်ကြာ); the unit's end is a word's, where the line ends instead."""
    return frozenset(
        end
        for _, _, end in number_units(text, lang)
        if end < len(text)
        and not text[end].isdigit()
        and script_of(text[end]) in UNSPACED_SCRIPTS
        and allowed_break(text, end)
        and keeps_syllable(text, end, dictionary=True)
    )


#: The scripts whose letters `keeps_syllable` reads: Thai, Lao, Burmese, Khmer and the
#: Indic viramas all lie here.
_SYLLABLE_SCRIPTS = re.compile("[\u0900-\u17ff]")


def holds_syllable_letters(text: str) -> bool:
    """Whether `keeps_syllable` could refuse a break in ``text``."""
    return _SYLLABLE_SCRIPTS.search(text) is not None


def holds_number_signs(text: str) -> bool:
    """Whether `keeps_number` could refuse a break in ``text``: it holds a digit of any
    script (``isdigit``: "²" too) or a slash."""
    return any(char.isdigit() or char in "/／" for char in set(text))


def keeps_syllable(
    text: str, i: int, dictionary: bool = False, *, syllable_list: bool = False
) -> bool:
    """A break falls between syllables: between two Thai characters by Thai's rules
    (`syllable_break`), between two Lao letters by Lao's (`lao_syllable_break`),
    elsewhere not before a killed or after a stacked Burmese or Khmer consonant
    (`joined_to_previous`). ``dictionary``: ICU's dictionary (or the author) put a
    word boundary at ``i``, which settles a Thai spelling read two ways (มี|ความ);
    inside a word such a place is no syllable boundary anyone is sure of, unless
    ``syllable_list``: a Thai syllable list says it is one (`listed_syllable_break`:
    สอด|คล้อง, not สอดค|ล้อง), for a cut inside a word wider than its line."""
    if is_thai(text[i - 1]) and is_thai(text[i]):
        if syllable_list and not dictionary:
            return listed_syllable_break(text, i)
        return syllable_break(text, i, dictionary)
    if is_lao_letter(text[i - 1]) and is_lao_letter(text[i]):
        return lao_syllable_break(text, i)
    return not joined_to_previous(text, i)


def between_known_syllables(text: str, i: int) -> bool:
    """Whether ``i`` lies between two characters of a script whose syllables
    `keeps_syllable` knows (Thai, Lao): a break there that it allows falls between
    syllables, a cut a reader accepts even inside a word."""
    before, after = text[i - 1], text[i]
    return (is_thai(before) and is_thai(after)) or (is_lao_letter(before) and is_lao_letter(after))


#: Marks that join two numbers into a range: "8–12", Japanese "3〜5" (and the full-width
#: tilde its input methods type for 〜), Chinese "3～5" and "3—5" (GB/T 15834).
RANGE_MARKS = "–-~〜～—"
#: Separators inside one number: "37.5", "1,000", "１０.５", and a time's or a ratio's
#: colon, "12:30", "1:1000" (an emergency cut printed "12:" and "30から"). ICU keeps
#: them between ASCII digits, not between full-width ones, which it takes for
#: ideographs.
NUMBER_SEPARATORS = ".,．:"
#: Signs a number may start with: a minus sign, a hyphen-minus typed for one, a plus.
NUMBER_SIGNS = "\u2212-+"
#: Symbols a number is a quantity of, as a unit's letters are: "5 %", "37 °C", "38.5 ℃",
#: and the Arabic percent and per mille signs "50 ٪", "٥ ؉".
UNIT_SYMBOLS = "%°µ℃℉％‰‱′″٪؉؊"


def keeps_number(text: str, i: int, superscripts: Collection[int] = ()) -> bool:
    """No break between a number and the unit or word after it, inside a number
    ("３７.|５", "02 123 |4567"), inside a range ("３〜|５", "１０|～２０", "3 |– 5",
    "120 / |80") nor inside a unit (`keeps_unit`: "mg/|kg"); a number in
    ``superscripts`` (a citation) is none."""
    if _inside_spaced_number(text, i, superscripts) or not keeps_unit(text, i):
        return False
    j = i
    while j > 0 and text[j - 1] in SPACES:
        j -= 1
    if j == 0 or i >= len(text) or j - 1 in superscripts:
        return True
    before, after = text[j - 1], text[i]
    if j == i and inside_number(text, i):
        return False
    if before.isdigit() and (after.isalpha() or after in UNIT_SYMBOLS):
        return j < i and ends_an_identifier(text, j)
    if j == i and before.isdigit() and after in RANGE_MARKS and text[i + 1 : i + 2].isdigit():
        return False
    if not (after.isdigit() and j > 1 and text[j - 2].isdigit()):
        return True
    # "8–12", "๓–๕", "3〜5": the mark of a range; "１０.５": a separator inside a number
    return before not in RANGE_MARKS and not (j == i and before in NUMBER_SEPARATORS)


def parts_number_and_word(text: str, i: int) -> bool:
    """Whether a break at ``i`` parts a number from the word after the breaking spaces
    between them ("๒๕๔๙ |บทความ", "1669 |at", "500 |mg"), or, with no space, a number
    from a word of a script written without spaces between words, either side of it
    ("๒๕๔๙|บทความ", "ปี|๒๕๔๙"): the one break `keeps_number` and ICU refuse that
    leaves both whole, taken when the word alone fits a line and the two do not
    (`whole_words`). Never after a no-break space, which an author typed to keep them,
    inside a number written with spaces (+66 2 000 |0000), nor inside "5mg" or "CD34"."""
    j = i
    while j > 0 and text[j - 1] in BREAKING_SPACES:
        j -= 1
    if j == 0 or i >= len(text) or _inside_spaced_number(text, i, ()):
        return False
    before, after = text[j - 1], text[i]
    if j < i:
        return before.isdigit() and after.isalpha()
    if before.isdigit() and after.isalpha():
        return script_of(after) in UNSPACED_SCRIPTS
    return after.isdigit() and _letter_or_mark(before) and script_of(before) in UNSPACED_SCRIPTS


#: Hyphens that join the parts of an identifier: HLA-DR, COVID-19 (and U+2010).
IDENTIFIER_HYPHENS = "-\u2010"


def ends_an_identifier(text: str, j: int) -> bool:
    """Whether the digits ending at ``j`` end an identifier, not a quantity: they
    follow a letter of a script written with hyphens, perhaps across a hyphen (CD105,
    IL-6, COVID-19, SARS-CoV-2, Type-2). Its number counts nothing, and the word after
    a space is no unit of it: "CD14 หรือ CD11b", "IL-6 levels" may break at the space,
    where a quantity ("3-5 days", "take 3 tablets") keeps its word."""
    k = j
    while k > 0 and text[k - 1].isdigit():
        k -= 1
    if k > 1 and text[k - 1] in IDENTIFIER_HYPHENS:
        k -= 1
    return k > 0 and hyphenating(text[k - 1])


def inside_number(text: str, i: int) -> bool:
    """Whether a break between text[i-1] and text[i] falls inside one number: between
    two of its digits ("3|8.5", "๓|๘"), at its decimal point or separator ("38.|5"),
    or at the mark of a range written without spaces ("30～|60", "8|–12"). ICU never
    breaks there; an emergency cut asks, and a line ending "30～6" reads "30 to 6". Nor
    after the sign that starts a number ("−|20 ℃", －２０℃ read in `ascii_forms`): a
    line ending "－" left "２０℃" on the next, twenty degrees above zero."""
    before, after = text[i - 1], text[i]
    inner = NUMBER_SEPARATORS + RANGE_MARKS
    if before.isdigit() and after.isdigit():
        return True
    if before in NUMBER_SIGNS and after.isdigit():
        return i < 2 or not text[i - 2].isalnum()  # not COVID-19's hyphen, nor 3-5's dash
    if before.isdigit() and after in inner:
        return text[i + 1 : i + 2].isdigit()
    return before in inner and after.isdigit() and i > 1 and text[i - 2].isdigit()


def allowed_break(text: str, i: int) -> bool:
    """The Thai (and general) line rules for a break between text[i-1] and text[i]:
    rules no break overrides, an author's zero-width space and an emergency cut included
    (but a cut with nowhere else to fall)."""
    after = text[i]
    before = text[i - 1]
    if after in NO_LINE_START or after in NO_BREAK_SPACES or before in NO_LINE_END:
        return False
    if parts_a_syllable(text, i):
        # A letter and its marks, a stacker and the consonant it writes under the one
        # before (ကမ္ဘာ, ស្រី, स्ट), a killed final (ဆဲလ်), a leading vowel (ไม่).
        return False
    if is_fullwidth_alphanumeric(before) and is_fullwidth_alphanumeric(after):
        return False
    if (
        before in UNBROKEN_CHARS
        and after in UNBROKEN_CHARS
        and any(
            text.startswith(sign, i - k) for sign in UNBROKEN for k in range(1, len(sign)) if k <= i
        )
    ):
        return False  # inside ។ល។, ฯลฯ
    # An author's space before a closing character: "ทุก ๆ", "( MSC )"; and after an
    # opening one: "( MSC )", the Thai verse mark ๏ before the verse's first word.
    if before == " ":
        j = i
        while j < len(text) and text[j] == " ":
            j += 1
        if j < len(text) and text[j] in NO_LINE_START:
            return False
        k = i - 1
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if k > 0 and text[k - 1] in NO_LINE_END:
            return False
    return True


#: Full-width forms that join the full-width letters or digits on either side into one
#: word or number, as their ASCII forms do: Ｑ＆Ａ, ＣＯＶＩＤ－１９, ｍｇ／ｋｇ,
#: ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｏｒｇ; and between two digits only, where Chinese and
#: Japanese text uses them as its comma and colon (ＭＳＣ，ＨＳＣ): １，０００, １２：３０.
_FULLWIDTH_JOINERS = "＆＋－＿＠／＃＝＊．＇"
_FULLWIDTH_NUMBER_JOINERS = "，："
#: Full-width signs that end the word before them, whatever follows: the blood group
#: ＡＢ－型 and Ｒｈ＋ (ICU took "－" for an ideograph and started a line "－型"); before
#: a number they are its sign, read as the minus sign and plus ICU keeps with it
#: (－２０℃ printed "－" at a line's end and "２０℃", twenty degrees, below it).
_FULLWIDTH_WORD_ENDS = "－＋"
_FULLWIDTH_SIGNS = str.maketrans("－＋", "\u2212+")
_FULLWIDTH_FORMS = re.compile("[\uff01-\uff5e]")
_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


@lru_cache(maxsize=ICU_CACHE_SIZE)
def ascii_forms(text: str) -> str:
    """``text`` with its full-width Latin letters and digits, and the full-width marks
    joining two of them into one word or number, read as their ASCII forms; every
    other character as it is, each at its place. ICU takes full-width forms for
    ideographs and breaks between any two, and the line rules read ASCII: a line
    ended "Ｑ＆" or "ＣＯＶＩＤ" before "－１９" (minus nineteen), "約１，" before
    "０００人" (1,000 people) and "１２：" before "３０から". Read so, each is the
    word, identifier, number or address its ASCII form is (`kept_groups`,
    `keeps_number`, `keeps_unit`). A full-width hyphen-minus or plus after such a word
    ends it whatever follows (the blood groups ＡＢ－型, Ｒｈ＋: a line started "－型").
    Full-width brackets and a full-width comma or colon between words keep their own
    rules: they are the text's punctuation."""
    if _FULLWIDTH_FORMS.search(text) is None:
        return text
    chars = list(text)
    for i, char in enumerate(text):
        if is_fullwidth_alphanumeric(char):
            chars[i] = char.translate(_TO_ASCII)
    for i, char in enumerate(text):
        if char in _FULLWIDTH_WORD_ENDS:
            if i > 0 and chars[i - 1].isascii() and chars[i - 1].isalnum():
                chars[i] = char.translate(_TO_ASCII)  # ＡＢ－型, Ｒｈ＋, １０－２０
                continue
            if chars[i + 1 : i + 2] and chars[i + 1].translate(_TO_ASCII).isdigit():
                chars[i] = char.translate(_FULLWIDTH_SIGNS)  # －２０℃: its sign
                continue
        if 0 < i < len(text) - 1 and char in _FULLWIDTH_JOINERS + _FULLWIDTH_NUMBER_JOINERS:
            before, after = chars[i - 1], chars[i + 1].translate(_TO_ASCII)
            if char in _FULLWIDTH_JOINERS:
                joined = (
                    before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
                )
            else:
                joined = (
                    before.isascii() and before.isdigit() and after.isascii() and after.isdigit()
                )
            if joined:
                chars[i] = char.translate(_TO_ASCII)
    return "".join(chars)


def is_fullwidth_alphanumeric(char: str) -> bool:
    """A full-width Latin letter or digit (Ａ, ｍ, １). ICU takes them for ideographs and
    breaks between any two, but ＭＳＣ, ｍｌ and １０ are one word and one number, as
    their ASCII forms are to ICU: "１|０ｍｌ" at a line end reads as two numbers."""
    # The range test first: it answers for nearly every character of every break.
    return "\uff10" <= char <= "\uff5a" and any(
        first <= char <= last for first, last in FULLWIDTH_ALPHANUMERICS
    )


#: Full-width digits, capital and small Latin letters (U+FF10–FF5A, less the symbols).
FULLWIDTH_ALPHANUMERICS = (("\uff10", "\uff19"), ("\uff21", "\uff3a"), ("\uff41", "\uff5a"))


#: Fewest digits of a number written in spaced groups: a Thai landline "02 123 4567"
#: has 9, a mobile 10, "1 000 000" 7; "in 2 3-hour sessions", "days 1 15" and "(2) 3
#: tablets" have far fewer and stay two numbers.
SPACED_NUMBER_DIGITS = 7
#: Most digits of such a number: a telephone number has at most 15 (ITU-T E.164), and
#: a group longer than 8 digits is no group of one (an account number, a code in a
#: table cell): it stays a word of its own that a line may end before.
SPACED_NUMBER_MOST_DIGITS = 15
_GROUP = r"\d{1,8}(?!\d)"
_BRACKETED = r"[(（]\d{1,5}[)）]"
#: A telephone number or a number in thousands: digit groups parted by single spaces,
#: the first after a "+", in brackets, or bare ("02 123 4567"). Any script's digits
#: (\d: ๐๒, ٠٢, ０２). Not inside a longer number ("1.5 2").
#: A full-width bracket takes no space after it: "（02）123 4567"; a trunk prefix may
#: stand in brackets after the country code: "+66 (0) 2 000 0000".
_SPACED_NUMBER = re.compile(
    rf"(?<![\d.,])(\+{_GROUP}|{_BRACKETED}|{_GROUP})"
    rf"((?:(?<=[)）]){_SPACE}?{_GROUP})?(?:{_SPACE}(?:{_GROUP}|{_BRACKETED}))*)(?![.,]?\d)"
)
#: Two numbers a mark joins, spaced on either side: a range "3 – 5", "8 - 12", "3 〜 5"
#: and a ratio or reading "120 / 80" (blood pressure). Unspaced, ICU keeps them whole
#: already, or `keeps_number` does.
_JOINING_MARK = "[" + re.escape(RANGE_MARKS) + "/／]"
_SPACED_PAIR = re.compile(
    rf"\d(?:{_SPACE}?{_JOINING_MARK}{_SPACE}|{_SPACE}{_JOINING_MARK}{_SPACE}?)\d"
)


def _inside_spaced_number(text: str, i: int, superscripts: Collection[int]) -> bool:
    """Whether ``i`` falls inside a number written with spaces (`spaced_numbers`) that
    holds no citation: a telephone number a patient must read on one line."""
    for start, end in spaced_numbers(text):
        if start < i < end:
            return not any(k in superscripts for k in range(start, end))
        if start >= i:
            break
    return False


@lru_cache(maxsize=ICU_CACHE_SIZE)
def spaced_numbers(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each number of ``text`` written with spaces that a line must not
    part (docs/scripts.md, "Numbers written with spaces"), in text order:

    * digit groups of at most 8 digits parted by single spaces, the first perhaps
      after "+" or in brackets, `SPACED_NUMBER_DIGITS` to `SPACED_NUMBER_MOST_DIGITS`
      digits in all: "+66 2 000 0000", "(02) 123 4567", "02 123 4567", "1 000 000";
    * two numbers joined by a range mark or a slash with a space beside it: "3 – 5",
      "120 / 80".
    """
    if SPACES.isdisjoint(text):
        return ()
    spans = []
    for match in _SPACED_NUMBER.finditer(text):
        groups = match.group(2)
        digits = sum(char.isdigit() for char in match.group())
        if groups and SPACED_NUMBER_DIGITS <= digits <= SPACED_NUMBER_MOST_DIGITS:
            spans.append(match.span())
    spans += [(m.start(), m.end()) for m in _SPACED_PAIR.finditer(text)]
    return tuple(sorted(_merged(spans)))


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one: "+66 2 000 0000 – 5" is one stretch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


#: Letters a word on either side of a slash may have for the pair to be one unit
#: without a number before it: mg/kg, km/h, mL/min, mmol/L, ملغ/كغ (and/or, he/she).
SHORT_UNIT_LETTERS = 4
#: Characters that make the word beside a slash part of a path or an address
#: (example.org/clinic, /leaflets/infusion, user@host/x): ICU's break stays.
_PATH_CHARACTERS = "/\\.:@_-~=&?#%"


def keeps_unit(text: str, i: int) -> bool:
    """No break after a slash inside a unit: between two words of at most
    `SHORT_UNIT_LETTERS` letters ("mg/|kg", "ملغ/|كغ", "มก./|กก."), or after the unit
    of a number however long ("120 breaths/|min", "30 mL/|min/1.73 m²"). "mg/" at a
    line's end and "kg" at the next line's start read as two words. A slash in a path
    or an address (example.org/|clinic) or between longer words of prose
    (information/|counselling) may still end a line, as ICU allows."""
    if not 1 < i < len(text) or text[i - 1] not in "/／":
        return True
    end = i - 2 if text[i - 2] == "." else i - 1  # an abbreviation's stop: มก./กก.
    start = end
    while start > 0 and _letter_or_mark(text[start - 1]):
        start -= 1
    stop = i
    while stop < len(text) and _letter_or_mark(text[stop]):
        stop += 1
    if start == end or stop == i:
        return True
    number = start - 1 - (text[start - 1 : start] in SPACES)
    if number >= 0 and text[number].isdigit():
        return False  # 5 mg/kg, 120 breaths/min, 5mg/kg
    if start > 0 and text[start - 1] in _PATH_CHARACTERS:
        return True
    if text[stop : stop + 1] == "/" or (
        text[stop : stop + 1] in _PATH_CHARACTERS and text[stop + 1 : stop + 2].isalnum()
    ):
        return True
    letters = sum(char.isalpha() for char in text[start:end])
    return not (
        letters <= SHORT_UNIT_LETTERS and sum(map(str.isalpha, text[i:stop])) <= SHORT_UNIT_LETTERS
    )


def _letter_or_mark(char: str) -> bool:
    """A letter, or a mark on one (Arabic harakat, Thai vowels above and below)."""
    return char.isalpha() or unicodedata.category(char) in ("Mn", "Mc")


_default_words: WordList = EMPTY_WORD_LIST  # `set_default_word_list`


def set_default_word_list(path: Path | str | None) -> WordList:
    """Use the word list at ``path`` (a project's ``locales/<lang>/words.txt``) for
    paragraphs made without an explicit one; None means no word list. Per process:
    call it in each worker."""
    global _default_words
    _default_words = load_word_list(path) if path is not None else EMPTY_WORD_LIST
    return _default_words


def default_word_list() -> WordList:
    """The word list set by `set_default_word_list` in this process (empty by default)."""
    return _default_words
