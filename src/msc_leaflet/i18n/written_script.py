"""Sentences of a translation written in another language's letters than its catalog's.

A translator pastes the English source into a Khmer catalog ("Drink water before the
test."), leaves a Thai sentence in a Lao one (the two scripts look alike to a tired
eye), or a Chinese one in a Japanese catalog: every other rule passes it, and the page
prints it. Judged by the letters alone (`data/languages.yaml`: ``letters``,
``signature``, ``signed-sentences``), sentence by sentence, so an English gloss inside
a Khmer sentence, or an all-kanji Japanese heading, is no finding. A sentence in
another language of the catalog's own script (English in Vietnamese, Traditional
Chinese in Simplified) is told by that language's letters and words (`same_script`).

What may rightly stay as the source writes it is not read: URLs, e-mail addresses,
citations, link targets, ``{placeholders}``, numbers and abbreviations (MSC, CD34+), and
what the project declares is printed as written (`kept_terms`: the glossary's kept
terms, the organisation's names). The exact source text is left to the caller: it is
the source printed on purpose (a drug's, a product's or a cited work's name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..languages import LanguageProfile, profile, profiles
from .kept_terms import NO_KEPT_TERMS, KeptTerms
from .same_script import foreign_form, has_kin, kept_name, other_language, shows_own_forms

#: How long a sentence must be, in the cells its letters take on a terminal (a Han or
#: kana letter, one syllable, takes two), before its letters tell its language. In the
#: shipped and test catalogs (35 files, 2,754 written forms) no sentence lacks its
#: catalog's letters, while Latin glosses inside a sentence that has them reach 56 cells
#: (Thai "(autologous)", "msc-leaflet build"): the rule reads whole sentences, and the
#: bound keeps out a kept name ("EDNA Wellness", its abbreviation not read) and lets in a short
#: sentence ("Drink water first.", 15; Chinese 检查前请喝水, six characters, 12).
MIN_CELLS = 12
#: Words of a language that spaces its words: one or two words in Latin letters (a
#: drug's or a product's name, "Paracetamol", "Neupogen Pen") are a name kept, never a
#: sentence; so is a longer run of capitalised ones (`same_script.kept_name`).
MIN_WORDS = 3
#: Letters a text shorter than `MIN_CELLS` needs before its script is read alone: two,
#: so a stray mark or a single letter (an abbreviation) is never judged.
MIN_SHORT = 2

# What may stay as the source writes it, masked (same length, so offsets hold):
_KEPT = re.compile(
    r"(?:https?://|mailto:|tel:|www\.)\S+"  # URLs
    # e-mail addresses, tried only where a run of name characters starts: tried at
    # every letter of a long run (a Thai paragraph without '@'), the same run was
    # scanned again from each, and a 1 MB msgstr took hours to check
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\[@[^\]]*\]"  # citations
    r"|\]\([^)]*\)"  # a link's target
    r"|\{[^{}]*\}"  # placeholders
    # Abbreviations: two capitals, or a capital with digits (MSC, MSCs, ISCT, CD34+).
    r"|\b(?=\w*[A-Z]\w*[A-Z0-9])[A-Za-z0-9][\w+\-]*"
)
#: English ends a sentence so too: an English paragraph pasted into a Khmer one is split
#: at its own full stops as well as at the Khmer ones.
_LATIN_END = re.compile(r"(?<=[.!?])\s+")
#: A capital letter alone before a full stop, at the end of a text's head: an initial
#: (Galipeau J, Sensebé L.), not a sentence's end.
_INITIAL = re.compile(r"(?<![^\W\d_])[A-Z]\.\s*$")


@dataclass(frozen=True)
class Stray:
    """A sentence of a translation whose letters are another language's."""

    offset: int  # where the sentence starts in the translation
    sentence: str
    written_in: str  # what its letters are: "Latin letters", "Japanese letters"


#: Translations whose strays are kept: a build asks for each twice, for its errors and
#: for the warnings it prints (`translation_checks.PRINTED_CHECKS`); bounded, so a
#: worker's memory stays flat (#20).
STRAY_CACHE_SIZE = 256


def strays(translation: str, language: str, kept: KeptTerms = NO_KEPT_TERMS) -> Iterator[Stray]:
    """The sentences of ``translation`` (into ``language``) written in another language's
    letters, long enough to tell (`MIN_CELLS`), those terms and names the project
    declares (``kept``) not read."""
    if kept.terms and kept.mask(translation) == translation:
        kept = NO_KEPT_TERMS  # none in it: the verdict `check_entry` already keeps
    return iter(_kept_strays(translation, language, kept))


@lru_cache(maxsize=STRAY_CACHE_SIZE)
def _kept_strays(translation: str, language: str, kept: KeptTerms) -> tuple[Stray, ...]:
    return tuple(_strays(translation, language, kept))


def _strays(translation: str, language: str, kept: KeptTerms) -> Iterator[Stray]:
    own = profile(language)
    kin = has_kin(own.tag)
    if not (own.signed_sentences or kin) and not _may_stray(translation, own):
        return
    # The project's terms first: an abbreviation blanked inside a name ("EDNA Wellness
    # Centre at Bangkok") would leave the rest of the name unmatched.
    masked = _KEPT.sub(lambda m: " " * len(m.group()), kept.mask(translation))
    for start, end in _sentences(masked, own):
        sentence = masked[start:end]
        if start and _gloss(sentence):
            continue
        written_in = _foreign(sentence, own) or (other_language(sentence, own.tag) if kin else "")
        if written_in:
            at = start + len(sentence) - len(sentence.lstrip())
            yield Stray(at, translation[start:end].strip(), written_in)


def _gloss(sentence: str) -> bool:
    """Whether ``sentence``, after another, is wholly in parentheses: the term of the
    one before it in the source's words ("ផឹកទឹក។ (mesenchymal stromal cells)"), where
    the language ends its sentence before the gloss rather than after."""
    kept = sentence.strip()
    return kept[:1] in "(（" and kept[-1:] in ")）" and len(kept) > 1


def _sentences(text: str, own: LanguageProfile) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, ended by the language's marks or an English one,
    but not by an author's initial: "المرجع: Galipeau J, Sensebé L. Cell Stem Cell
    2018." is one sentence, whose journal's name was warned of as English."""
    ends = {m.end() for m in own.sentence_end.finditer(text)} | _latin_gaps(text)
    # Read in a short window before each gap: a 1 MB text's gaps each read from its
    # start would take minutes.
    gaps = sorted(gap for gap in ends if not _INITIAL.search(text, max(0, gap - 16), gap))
    starts = [0, *gaps]
    yield from zip(starts, [*gaps, len(text)], strict=True)


def _latin_gaps(text: str) -> set[int]:
    return {m.end() for m in _LATIN_END.finditer(text)}


def _foreign(sentence: str, own: LanguageProfile) -> str:
    """What the letters of ``sentence`` are when they are another language's, else ""."""
    alien = _alien(sentence, own)
    if (
        len(alien) >= MIN_SHORT
        and _cells(alien) < MIN_CELLS
        and _short_in_other_script(sentence, alien, own)
    ):
        return f"{script_name(alien[0])} letters"
    if _cells(alien) >= MIN_CELLS:
        if not _has_own(sentence, own):
            return _unspaced_or_words(sentence, alien)
        reader = _reader(sentence, own)
        if reader is not None:
            return f"{reader.name} letters"
    if own.signed_sentences:
        letters = _letters_of(sentence)
        if _unsigned(sentence, letters, own):
            script = script_name(next(c for c in letters if _is_own(c, own)))
            form = foreign_form(sentence, own.tag)
            if form:
                return f"{script} letters alone, with {form}, a form {own.name} does not write"
            return f"{script} letters alone, none that only {own.name} writes"
    return ""


def _short_in_other_script(sentence: str, alien: list[str], own: LanguageProfile) -> bool:
    """Whether a text too short for `MIN_CELLS` is still plainly another language's: it
    has no letter of its own catalog's and all of its letters are of one script that is
    no Latin and no Han (a word or two in Lao in a Thai catalog, ດື່ມນ້ຳ; Thai in a Khmer
    one). A short Latin text is a name kept ("Paracetamol"), and Han is written by
    Chinese and Japanese alike; a text of another script's letters the project writes
    as a name is masked before (`kept_terms`)."""
    if _has_own(sentence, own):
        return False
    script = script_name(alien[0])
    if script in ("Latin", "Han"):
        return False
    return all(script_name(char) == script for char in alien)


def _unspaced_or_words(sentence: str, alien: list[str]) -> str:
    """The script's name, if the sentence is words enough in it: a language that spaces
    its words needs `MIN_WORDS` of them that are no name kept ("Siriraj Hospital")."""
    script = script_name(alien[0])
    written = profile(_language_of_script(alien))
    words = [w for w in sentence.split() if any(c.isalpha() for c in w)]
    if written.word_spaces and (len(words) < MIN_WORDS or kept_name(words)):
        return ""
    return f"{script} letters"


def _reader(sentence: str, own: LanguageProfile) -> LanguageProfile | None:
    """Another described language that writes every letter of ``sentence`` and whose
    own letters (its signature) it shows: Japanese for a sentence of Han and kana in a
    Chinese catalog. None for a Khmer sentence with an English gloss: English writes
    no Khmer letter."""
    for other in profiles():
        if other.tag == own.tag or other.signature == other.letters or not other.letters:
            continue
        if other.signed(sentence) and all(other.has_letters(c) for c in _letters_of(sentence)):
            return other
    return None


def _unsigned(sentence: str, letters: list[str], own: LanguageProfile) -> bool:
    """A sentence of a language whose every sentence shows its signature (Japanese: kana)
    that ends as a sentence does and shows none: Chinese. A heading of kanji alone
    (注意事項, 間葉系間質細胞) ends with no mark and is Japanese; so is a sentence of
    kanji alone with a form only Japanese writes (副作用：発熱、頭痛、倦怠感。, 発: Chinese
    发 or 發), as a list or a notice is often written, and one of the kanji Japanese and
    Chinese share (治療費用：自由診療。): it is Chinese only when it shows a form only
    Chinese writes (疗, 醫: `same_script.foreign_form`)."""
    ended = sentence.rstrip()[-1:] in own.sentence_ends
    owned = [c for c in letters if _is_own(c, own)]  # not a kept Latin name's
    signed = (
        own.signed(sentence)
        or shows_own_forms(sentence, own.tag)
        or foreign_form(sentence, own.tag) == ""
    )
    return ended and _cells(owned) >= MIN_CELLS and not signed


#: Letters of the Latin script by block (every one named LATIN …): removed at C speed
#: before a Latin catalog's sentence is read letter by letter.
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")


def _alien(sentence: str, own: LanguageProfile) -> list[str]:
    """The letters of ``sentence`` that are not ``own``'s. Its own letters are taken out
    by their pattern first: read one by one in Python, a Thai catalog's took 3 % of a
    cold build."""
    rest = (_runs_of(own.letters) if own.letters else _LATIN).sub("", sentence)
    return [c for c in rest if _is_letter(c) and not _is_own(c, own)]


#: A letter of any script (a word character that is no digit and no underscore).
_ANY_LETTER = re.compile(r"[^\W\d_]")


def _may_stray(translation: str, own: LanguageProfile) -> bool:
    """Whether ``translation`` has letters enough outside its own script to hold a
    stray sentence (`MIN_CELLS`, two to a wide letter): most have none, told at C speed."""
    rest = (_runs_of(own.letters) if own.letters else _LATIN).sub("", translation)
    found = len(_ANY_LETTER.findall(rest))
    # A short text with none of its own letters may still be another script's alone.
    return found * 2 >= MIN_CELLS or (found >= MIN_SHORT and not _has_own(translation, own))


@cache
def _runs_of(letters: str) -> re.Pattern[str]:
    return re.compile(f"[{letters}]+")


def _has_own(sentence: str, own: LanguageProfile) -> bool:
    """Whether ``sentence`` has a letter of ``own``'s script, found at C speed where
    its pattern can tell."""
    if own.has_letters(sentence) or (not own.letters and _LATIN.search(sentence)):
        return True
    return not own.letters and any(_is_own(c, own) for c in _letters_of(sentence))


def _letters_of(sentence: str) -> list[str]:
    return [c for c in sentence if _is_letter(c)]


def _is_letter(char: str) -> bool:
    """A letter or a script's own sign (Thai ่, Khmer ្); not a combining accent, which
    any script's letter may carry (U+0300-U+036F)."""
    return unicodedata.category(char)[0] in "LM" and not "\u0300" <= char <= "\u036f"


def _is_own(char: str, own: LanguageProfile) -> bool:
    """Whether ``char`` is a letter of ``own``'s script (Latin for ``letters`` empty)."""
    return own.has_letters(char) if own.letters else script_name(char) == "Latin"


def _cells(letters: Iterable[str]) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in letters)


def script_name(char: str) -> str:
    """The script of ``char`` as Unicode names it (LATIN SMALL LETTER A: Latin)."""
    name = unicodedata.name(char, "")
    if name.startswith("CJK"):
        return "Han"
    return name.split(" ")[0].capitalize() if name else "unknown"


def _language_of_script(letters: list[str]) -> str:
    """A described language writing ``letters`` (English for Latin), for its spacing."""
    if _LATIN.fullmatch("".join(letters)):  # the common case, without compiling every
        return "en"  # language's letters
    for other in profiles():
        if other.letters and all(other.has_letters(c) for c in letters):
            return other.tag
    return "en"


@dataclass(frozen=True)
class Letters:
    """How much of a text is written in its language's letters, in terminal cells (a Han
    or kana letter takes two): ``own`` in them, ``other`` in another language's (a
    sentence of `strays`, or a letter of another script), ``scripts`` the names of what
    the others are written in ("Latin letters", "English"), by cells."""

    own: int = 0
    other: int = 0
    scripts: tuple[tuple[str, int], ...] = ()


def letters(text: str, language: str, kept: KeptTerms = NO_KEPT_TERMS) -> Letters:
    """The letters of ``text`` by whose they are, read as `strays` reads a text: what may
    rightly stay as written (a URL, an abbreviation such as MSC, a term ``kept``) is not
    counted. A stray sentence counts whole as another language's, so English in a
    Vietnamese text (one script) is told too; a shorter run of other letters (a drug's
    name in a Thai sentence) counts as its script's."""
    own = profile(language)
    masked = _KEPT.sub(lambda m: " " * len(m.group()), kept.mask(text))
    found = list(strays(text, language, kept))
    scripts: dict[str, int] = {}
    outside = list(masked)
    for stray in found:
        # The offset is where its letters start: a masked abbreviation may begin it.
        start = text.rfind(stray.sentence, 0, stray.offset + len(stray.sentence))
        cells = _cells(_letters_of(masked[start : start + len(stray.sentence)]))
        scripts[stray.written_in] = scripts.get(stray.written_in, 0) + cells
        outside[start : start + len(stray.sentence)] = " " * len(stray.sentence)
    rest = "".join(outside)
    alien = _alien(rest, own)
    for char in alien:
        name = f"{script_name(char)} letters"
        scripts[name] = scripts.get(name, 0) + _cells(char)
    other = sum(scripts.values())
    ordered = tuple(sorted(scripts.items(), key=lambda item: -item[1]))
    return Letters(_cells(_letters_of(rest)) - _cells(alien), other, ordered)
