"""Plain text, sentences and word-boundary matching shared by the text checks.

Checks look at what a reader sees: markup and citations are removed with the same
parser the layout uses, so a claim split by ``**bold**`` is still found and a
citation key never counts as a word; characters a reader cannot see are removed and
look-alike letters read as the Latin ones they imitate (`content.text_policy`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..alternation import as_trie, longest_first
from ..content.inline import InlineError, parse_inline
from ..content.model import Callout, Faq, Heading, Leaflet, ListBlock, Paragraph, Quote, Text, texts
from ..content.text_policy import visible
from ..languages import LanguageProfile, profile

#: Opening quotation marks and the mark that closes each. Arabic opens with ” and closes
#: with “ (CLDR; the marks a pull quote is set in, `LanguageProfile.quotes`).
QUOTES = {"“": "”", "‘": "’", '"': '"', "«": "»", "「": "」", "『": "』", "”": "“"}


@dataclass(frozen=True)
class Plain:
    """A text as read, plus ranges that are *mentioned* rather than used (italic or quoted)."""

    text: str
    italic: tuple[tuple[int, int], ...]
    quoted: tuple[tuple[int, int], ...]

    def in_ranges(self, start: int, end: int, ranges: tuple[tuple[int, int], ...]) -> bool:
        return any(a <= start and end <= b for a, b in ranges)

    def is_quoted(self, start: int, end: int) -> bool:
        return self.in_ranges(start, end, self.quoted)

    def is_mention(self, start: int, end: int) -> bool:
        return self.in_ranges(start, end, self.italic) or self.is_quoted(start, end)


def plain(value: str) -> Plain:
    """The text as a reader sees it (`text_policy.visible`: no invisible characters,
    look-alike letters read as Latin), so "cu\u200bre" and "сure" are still claims."""
    try:
        spans = parse_inline(value)
    except InlineError:  # the loader reports broken markup; judge the raw text meanwhile
        seen = visible(value)
        return Plain(seen, (), quoted_ranges(seen))
    parts, italic, position = [], [], 0
    for span in spans:
        seen = visible(span.text)
        if span.italic and seen:
            italic.append((position, position + len(seen)))
        parts.append(seen)
        position += len(seen)
    text = "".join(parts)
    return Plain(text, tuple(italic), quoted_ranges(text))


def says_nothing(text: str) -> bool:
    """Whether a text (an image description, a heading), as printed (markup and
    citations left out), has no letter or digit for a screen reader to read: empty,
    or only punctuation. Here, not with the accessibility checks that ask it: a
    build refuses such a title or description too, and runs none of those checks."""
    return not any(unicodedata.category(c)[0] in "LN" for c in plain(text).text)


def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) inside each pair of quotation marks; an apostrophe in "don't" is no quote."""
    ranges = []
    i = 0
    while i < len(text):
        close = QUOTES.get(text[i])
        opening = text[i] not in "\"'" or i == 0 or not text[i - 1].isalnum()
        if close and opening:
            j = text.find(close, i + 1)
            if j > i:
                ranges.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return tuple(ranges)


def sentences(text: str, lang: str = "en") -> list[tuple[int, str]]:
    """(offset, sentence) pairs, split where the language's profile says a sentence
    ends: after . ! ? and a space before a capital in English, after 。 in Chinese."""
    result, start = [], 0
    for match in profile(lang).sentence_end.finditer(text):
        result.append((start, text[start : match.start()]))
        start = match.end()
    if text[start:].strip():
        result.append((start, text[start:]))
    return result


#: What joins the parts of one word: a hyphen and an apostrophe, as typed and as a word
#: processor writes them (U+2010, the non-breaking U+2011; ’, and ʼ after autocorrect):
#: "side‑effects" and "donʼt" are one word each, as "side-effects" and "don't" are.
WORD_JOINERS = "-'\u2010\u2011\u2019\u02bc"
WORD = re.compile(rf"[A-Za-z0-9]+(?:[{WORD_JOINERS}][A-Za-z0-9]+)*")


@cache
def _word_patterns() -> dict[str, str]:
    """`WORD_MARKS`, `WORD_CHAR` and `WORD_RUN`, made at their first use: listing the
    marks reads the category of 64,000 characters (100 M instructions, 3 % of a cold
    build), and a build imports this module for `plain` and `says_nothing` alone."""
    marks = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c))[0] == "M"]
    runs: list[list[int]] = []
    for code in marks:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    body = "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)
    return {"WORD_MARKS": body, "WORD_CHAR": rf"[\w{body}]", "WORD_RUN": rf"[\w'’{body}]+"}


if TYPE_CHECKING:
    #: Every combining mark of the Basic Multilingual Plane (Unicode category M), as
    #: the body of a regular-expression class: marks inside a word that Python's ``\w``
    #: does not match, a Devanagari vowel sign, virama, nasal mark or nukta (करतीं,
    #: नहीं), an Arabic haraka left in, a decomposed tone. Read as word edges, they cut
    #: "नहीं" to "नह", so a Hindi negation after a claim denied nothing, and let a claim
    #: match the start of a longer word (as `segment._spaced_words` counts words, each
    #: mark is a letter of its word).
    WORD_MARKS: str
    #: A letter, digit or such mark: what a word is made of, as ``\w`` is in ASCII text.
    WORD_CHAR: str
    #: A word, and an apostrophe inside it ("don't"): what the checks count words in.
    WORD_RUN: str
else:

    def __getattr__(name: str) -> str:
        """The word patterns (`_word_patterns`), made when first imported or read. Any
        other name is refused before they are made: ``from text import plain`` asks for
        ``__path__`` first."""
        if name not in ("WORD_MARKS", "WORD_CHAR", "WORD_RUN"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return _word_patterns()[name]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def phrase_pattern(
    phrase: str, prefixes: tuple[str, ...] = (), *, in_compounds: bool = False
) -> re.Pattern[str]:
    """``phrase`` on word boundaries; a space in it also matches a hyphen ("FDA-approved"),
    and a hyphen a space.
    With ``prefixes`` (the language's `word_prefixes`), the phrase may also end a word
    that starts with one of them (Arabic ويشفي, "and cures"). ``in_compounds``: a
    hyphen ends a word too, so the phrase is found as a part of a hyphenated compound
    ("miracle-cure", "cure-all"); without it "non-" and "not-for-profit" hold no cue."""
    return _on_word_edges("".join(_phrase_atoms(phrase)), prefixes, in_compounds)


def phrases_pattern(
    phrases: Iterable[str], prefixes: tuple[str, ...] = (), *, in_compounds: bool = False
) -> re.Pattern[str]:
    """Any of ``phrases``, each as `phrase_pattern` reads it: it matches at a place
    where one of theirs does, and nowhere else (their common start and word edges are
    written once, `as_trie`), so one scan tells whether a text holds any of them. For
    whether and where, not which: at a place it may take another than the longest."""
    body = as_trie(_phrase_atoms(phrase) for phrase in phrases)
    return _on_word_edges(body, prefixes, in_compounds)


def _phrase_atoms(phrase: str) -> list[str]:
    """``phrase`` as regular-expression atoms: its characters, escaped, and what
    stands between its words."""
    # A space and a hyphen are one ("risk-free" is "risk free"), and a per cent sign
    # may stand after a space ("100 % safe").
    # A hyphen, and the line fold after it, between two letters of an English word
    # ("guaran-\n teed", as a word broken at a line end is pasted from a PDF) prints
    # as a broken word its reader reads whole: "Results are guaran- teed" passed.
    words = [p for p in re.split(r"[\s\-]+", phrase) if p]
    atoms: list[str] = []
    for i, word in enumerate(words):
        if i:
            atoms.append(r"[\s\-]+")
        for k, c in enumerate(word):
            atom = re.escape(c).replace("%", r"\s?%")
            inside = k + 1 < len(word) and _TWO_LATIN_LETTERS.match(c + word[k + 1])
            atoms.append(atom + _BROKEN_AT if inside else atom)
    return atoms


_TWO_LATIN_LETTERS = re.compile("[A-Za-z]{2}")
#: What may part two letters of a word broken at a line end: a hyphen, then the fold.
_BROKEN_AT = r"(?:-\s*)?"


def _on_word_edges(body: str, prefixes: tuple[str, ...], in_compounds: bool) -> re.Pattern[str]:
    """``body`` on word boundaries, after one of ``prefixes`` or none (`phrase_pattern`)."""
    if prefixes:
        body = "(?:" + "|".join(map(re.escape, prefixes)) + ")?" + body
    marks = _word_patterns()["WORD_MARKS"]
    edge = rf"[\w{marks}]" if in_compounds else rf"[\w{marks}-]"
    return re.compile(rf"(?<!{edge}){body}(?!{edge})", re.IGNORECASE)


def one_spelling(text: str, lang: str) -> tuple[str, tuple[int, ...]]:
    """``text`` with every spelling its language's profile takes for the same word made
    one (`LanguageProfile.same_letters`, ``optional_marks``, ``tone_pairs``), and for
    each of its characters, and its end, the offset in ``text`` it comes from.

    A claim, a cue and the text are all read through it, so يَشْفِي, يشـفي and یشفی are
    the claim يشفي, and Vietnamese "trẻ hoá" is "trẻ hóa". In every language a number
    is read in ASCII digits and a per cent sign as ``%`` (`_same_sign`): a list
    holds "100%", and a writer prints ๑๐๐%, ١٠٠٪ or 100％; and a hyphen as ``-``: a word
    processor writes "side‑effects" and "non‑curative" with U+2011, which prints as one,
    and an apostrophe as ``'`` ("don’t" is "don't"; quotations are found in the text as
    written, `quoted_ranges`).
    "Per cent" written as a word after a number is ``%``, and "a hundred per cent" in
    words is ``100%`` (`_per_cent_words`): "100 เปอร์เซ็นต์", 百分之百, "100 phần trăm"."""
    spelled, origin = _one_letters(text, lang)
    words = _per_cent_words(lang)
    if not words.search(spelled):
        return spelled, origin
    out: list[str] = []
    where: list[int] = []
    done = 0
    for match in words.finditer(spelled):
        out.append(spelled[done : match.start()])
        where += origin[done : match.start()]
        sign = "100%" if match.group("hundred") else "%"
        # The sign's last character stands for the word's last: a claim that ends on
        # it ends where the word does.
        where += [origin[match.start()]] * (len(sign) - 1) + [origin[match.end() - 1]]
        out.append(sign)
        done = match.end()
    out.append(spelled[done:])
    where += origin[done:]  # and the text's end
    return "".join(out), tuple(where)


#: "Per cent" as a word after a number, in the languages msc-leaflet has a claim
#: list for: read as ``%``.
_PER_CENT = (
    "percent", "per cent", "per-cent", "เปอร์เซ็นต์", "เปอร์เซนต์", "phần trăm", "パーセント",
    "بالمئة", "بالمائة", "في المئة", "في المائة", "ເປີເຊັນ", "ភាគរយ", "प्रतिशत", "फ़ीसदी",
    "फीसदी",
)  # fmt: skip
#: "A hundred per cent" in words: read as ``100%``.
_HUNDRED_PER_CENT = (
    "one hundred percent", "one hundred per cent", "a hundred percent", "a hundred per cent",
    "hundred percent", "hundred per cent", "百分之百", "百分百", "百パーセント",
    "ร้อยเปอร์เซ็นต์", "ร้อยเปอร์เซนต์", "مئة بالمئة", "مائة بالمائة", "مئة في المئة",
    "مائة في المائة", "một trăm phần trăm", "trăm phần trăm", "सौ प्रतिशत", "सौ फ़ीसदी",
    "सौ फीसदी",
)  # fmt: skip


@cache
def _per_cent_words(lang: str) -> re.Pattern[str]:
    """`_PER_CENT` after a number, or `_HUNDRED_PER_CENT` (group ``hundred``), in
    ``lang``'s one spelling; a word of Latin letters on word boundaries."""

    def body(word: str) -> str:
        spelled = _one_letters(word, lang)[0]
        pattern = r"\s+".join(map(re.escape, spelled.split()))
        start = r"(?<!\w)" if spelled[0].isascii() else ""
        end = r"(?!\w)" if spelled[-1].isascii() else ""
        return f"{start}{pattern}{end}"

    hundred = "|".join(body(w) for w in longest_first(_HUNDRED_PER_CENT))
    sign = "|".join(body(w) for w in longest_first(_PER_CENT))
    return re.compile(rf"(?P<hundred>{hundred})|(?<=\d)\s*(?:{sign})", re.IGNORECASE)


def _one_letters(text: str, lang: str) -> tuple[str, tuple[int, ...]]:
    """`one_spelling` but for the words of per cent: letters, marks, digits and signs.

    A mark of no one script (U+0300–U+036F and the like) on a letter of a script that
    never takes one (Thai หา́ยขาด, Lao), or a mark of another script (a Khmer sign or
    an Arabic fatha on a Thai letter), is a slip the page prints over the letter and a
    reader reads past: it is left out, in every language. A letter and the optional
    marks on it are read as the bare letter, typed as one character or several (English
    "cúre" and "cu̇re" are "cure")."""
    language = profile(lang)
    stray = False
    if not text.isascii():
        text = _SAME_SIGNS.sub(_same_sign, text)
        stray = _may_hold_stray_marks(text)
    if text.isascii() and not language.same_letters:
        return text, tuple(range(len(text) + 1))  # no mark, no letter to make another
    if not (language.same_letters or language.optional_marks or language.tone_pairs or stray):
        return text, tuple(range(len(text) + 1))
    if language.tone_pairs:
        text = _tone_on_one_vowel(text, language)
    letters = dict(language.same_letters)
    optional = _optional(language.optional_marks)
    kept: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        if optional is not None and optional.match(char):
            continue
        if stray and kept and _stray(char, kept[-1]):
            continue
        if optional is not None and not char.isascii():
            char = _bare(char, language.optional_marks)
        kept.append(letters.get(char, char))
        origin.append(i)
    origin.append(len(text))
    return "".join(kept), tuple(origin)


#: Digits of every script (Thai ๑, Arabic-Indic ١, Persian ۱, Lao ໑, Burmese ၁,
#: Khmer ១ …), the per cent signs of other scripts and widths (٪ ％ ﹪), and the
#: hyphens and apostrophes a word processor writes (U+2010, U+2011 non-breaking; ’ and
#: ʼ in "don’t").
_SAME_SIGNS = re.compile(r"[^\x00-\x7f](?<=\d)|[\u066a\uff05\ufe6a\u2010\u2011\u2019\u02bc]")


def _same_sign(match: re.Match[str]) -> str:
    """The ASCII digit, ``%``, ``-`` or ``'`` a digit, per cent sign, hyphen or
    apostrophe of another script stands for, one character for one (the text's offsets
    stay its own)."""
    char = match.group()
    if char in "\u2010\u2011":
        return "-"
    if char in "\u2019\u02bc":
        return "'"
    return "%" if not char.isdigit() else str(unicodedata.digit(char, char))


#: Combining marks of no one script (diacritics, their supplements, marks for symbols,
#: half marks): Latin, Greek and Cyrillic letters take them, no other script's do.
_GENERAL_MARK = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@cache
def _takes_marks(char: str) -> bool:
    """Whether a general combining mark after ``char`` belongs to it (see `_GENERAL_MARK`)."""
    return _script_word(char) in ("LATIN", "GREEK", "CYRILLIC")


@cache
def _script_word(char: str) -> str:
    """The first word of ``char``'s name: its script (THAI, KHMER, ARABIC …), or
    COMBINING for a mark of no one script."""
    return unicodedata.name(char, "").split(" ", 1)[0]


@cache
def _mark_script(char: str) -> str:
    """The script of a combining mark that belongs to one script, else ""."""
    if unicodedata.category(char) not in ("Mn", "Mc", "Me") or _GENERAL_MARK.match(char):
        return ""
    script = _script_word(char)
    return "" if script == "COMBINING" else script  # the kana voicing marks: any kana


def _may_hold_stray_marks(text: str) -> bool:
    """A cheap look before `_stray` reads each mark: a general mark, or a mark of a
    script none of the text's letters is in."""
    chars = set(text)
    if any(_GENERAL_MARK.match(char) for char in chars):
        return True
    marks = {_mark_script(char) for char in chars} - {""}
    return bool(marks) and not marks <= {_script_word(c) for c in chars if c.isalpha()}


def _stray(char: str, base: str) -> bool:
    """Whether mark ``char`` after ``base`` (a letter, or a mark on one) is not of its
    script: a general mark on a letter that takes none, or another script's mark."""
    if _GENERAL_MARK.match(char):
        return not _takes_marks(base)
    script = _mark_script(char)
    return bool(script) and script != _script_word(base)


@cache
def _bare(char: str, optional: str) -> str:
    """A Latin letter typed as one character with optional marks (ú) as the bare
    letter (u), as the marks typed after it are left out; any other ``char`` as it is."""
    decomposed = unicodedata.normalize("NFD", char)
    marks = _optional(optional)
    latin = unicodedata.name(decomposed[0], "").startswith("LATIN")
    if latin and len(decomposed) > 1 and marks and all(marks.match(c) for c in decomposed[1:]):
        return decomposed[0]
    return char


@cache
def _optional(body: str) -> re.Pattern[str] | None:
    return re.compile(f"[{body}]") if body else None


def _tone_on_one_vowel(text: str, language: LanguageProfile) -> str:
    """The tone of each of the profile's vowel pairs moved to the pair's second vowel, one
    character for one (NFC): "hóa", "thủy" read as "hoá", "thuỷ"."""
    chars = list(text)
    for i in range(len(chars) - 1):
        first = unicodedata.normalize("NFD", chars[i])
        second = unicodedata.normalize("NFD", chars[i + 1])
        if (first[0] + second[0]).lower() not in language.tone_pairs:
            continue
        tones = [c for c in first[1:] if c in language.tone_marks]
        if not tones or any(c in language.tone_marks for c in second[1:]):
            continue
        rest = unicodedata.normalize("NFC", "".join(c for c in first if c not in tones))
        toned = unicodedata.normalize("NFC", second + "".join(tones))
        if len(rest) == len(toned) == 1:  # offsets stay those of the text
            chars[i], chars[i + 1] = rest, toned
    return "".join(chars)


def typed_spellings(text: str, lang: str) -> tuple[str, ...]:
    """How ``text`` is typed without its language's keyboard (`LanguageProfile.typed_letters`,
    ``typed_tones``): with no marks ("chua khoi" for "chữa khỏi"), and in the keys a
    switched-off input method leaves (Telex "chuwax khoir": a letter's keys, then the
    tone's key at the syllable's end). Empty for a language typed as it is written.

    Bare, "chua khoi" is also "chưa khỏi" (not yet healed): a text typed so cannot tell
    them apart, so the claims read it as a warning to write the tones
    (`claims._typed_apart`)."""
    language = profile(lang)
    if not language.typed_letters:
        return ()
    letters = dict(language.typed_letters)
    tones = dict(language.typed_tones)
    bare: list[str] = []
    keys: list[str] = []
    for part in re.split(r"(\w+)", unicodedata.normalize("NFC", text)):
        tone = ""
        for char in part:
            parts = unicodedata.normalize("NFD", char)
            tone += "".join(tones.get(mark, "") for mark in parts[1:])
            letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            typed = letters.get(letter.lower(), letter)
            typed = typed.upper() if letter.isupper() else typed
            keys.append(typed)
            bare.append(typed[0] if letter.lower() in letters else parts[0])
        keys.append(tone)
    return tuple(dict.fromkeys(t for t in ("".join(bare), "".join(keys)) if t != text))


def in_language(text: Text, lang: str, source: dict[str, str]) -> bool:
    """Whether a text of a leaflet translated into ``lang`` is in that language, not the
    source text printed as a fallback (which the source's own checks already judged).
    ``source`` maps each context to the source's text. A text with the language's own
    letters is in it; any other is a fallback only when it is the source's very text.
    Judged by the script alone, an English sentence a translator left in a Khmer
    catalog of a Thai leaflet ("Our stem cells cure arthritis.") was taken for the
    fallback and printed unread."""
    if profile(lang).has_letters(text.value):
        return True
    return source.get(text.context) != text.value


@dataclass(frozen=True)
class Section:
    """Body text under one heading; ``heading`` is None before the first heading."""

    heading: Text | None
    texts: tuple[Text, ...]

    @property
    def name(self) -> str:
        return plain(self.heading.value).text if self.heading else "introduction"

    @property
    def line(self) -> int:
        if self.heading:
            return self.heading.line
        return self.texts[0].line if self.texts else 0


BODY_BLOCKS = (Paragraph, ListBlock, Callout, Quote, Faq)


def sections(leaflet: Leaflet) -> list[Section]:
    """Running text grouped by heading; tables, figures and titles are not prose."""
    result: list[Section] = []
    heading: Text | None = None
    body: list[Text] = [t for t in (leaflet.lede,) if t is not None]
    for block in leaflet.blocks:
        if isinstance(block, Heading):
            if body:
                result.append(Section(heading, tuple(body)))
            heading, body = block.text, []
        elif isinstance(block, BODY_BLOCKS):
            body.extend(t for t in texts(block) if not t.context.endswith("/title"))
    if body:
        result.append(Section(heading, tuple(body)))
    return result


def reader_texts(leaflet: Leaflet) -> Iterator[Text]:
    """Every text a reader sees except reference titles (quoted from the literature)."""
    for text in texts(leaflet):
        if not text.is_reference_title:
            yield text


def look_alikes(value: str) -> list[str]:
    """The characters of an identifier (a DOI, a PMID, a document code or version)
    that print like ASCII ones but are not, so a link, a look-up or a search fails:
    invisible ones (a soft hyphen or a zero-width space left by a copy from a PDF),
    typographic hyphens and minus signs, digits of other scripts, and full-width forms
    (as a Chinese or Japanese input method types them). A DOI's suffix may hold other
    letters (DataCite registers them), so only these are refused."""
    return [
        char
        for char in dict.fromkeys(value)
        if not char.isascii()
        and (
            visible(char) != char
            or char.isdigit()
            or unicodedata.category(char) == "Pd"
            or char == "\u2212"
            or unicodedata.normalize("NFKC", char) != char
        )
    ]


def as_ascii(value: str) -> str:
    """``value`` with each of its `look_alikes` as the ASCII character it prints as."""

    def one(char: str) -> str:
        if char not in look_alikes(char):
            return char
        if char.isdigit():
            return str(unicodedata.digit(char, char))
        if unicodedata.category(char) == "Pd" or char == "\u2212":
            return "-"
        return visible(unicodedata.normalize("NFKC", char))

    return "".join(map(one, value))
