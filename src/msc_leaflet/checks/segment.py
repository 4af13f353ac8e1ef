"""Words for the checks: spaces where the language spaces its words, else the
typesetter's segmentation (ICU when the typesetter is absent).

The typesetter's `break_opportunities` keeps terms from ``locales/<lang>/words.txt``
whole (ICU alone splits มีเซนไคม์ into syllables), so using it means a claim or
glossary term matches the same words the printed line breaks respect. Whether a
language spaces its words is its profile's ``word-spaces`` (`msc_leaflet.languages`).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from icu4py.breakers import WordBreaker

from ..files import optional_file
from ..languages import profile
from ..project import Project
from .text import WORD_JOINERS

_SPACED_WORD = re.compile(rf"\w+(?:[{WORD_JOINERS}]\w+)*")


def boundaries(text: str, project: Project | None = None, lang: str = "th") -> set[int]:
    """Offsets where a word may start or end, including 0, len(text) and around spaces."""
    found = set(_breaks(text, lang, _word_list_path(project, lang)))
    found.update((0, len(text)))
    for i, ch in enumerate(text):
        if not ch.isalnum() and not _is_mark(ch):
            found.update((i, i + 1))
    return found


def words_of(text: str, lang: str, project: Project | None = None) -> list[str]:
    """The words of ``text`` in ``lang`` (spaces and punctuation dropped): split at
    spaces for English or Vietnamese, by the segmenter for Thai, Burmese or Chinese."""
    if profile(lang).word_spaces:
        return _spaced_words(text)
    cuts = sorted(boundaries(text, project, lang))
    pieces = (text[a:b] for a, b in itertools.pairwise(cuts))
    return [p for p in pieces if p.strip() and any(ch.isalnum() for ch in p)]


def _spaced_words(text: str) -> list[str]:
    """The words of a text whose spaces separate words, each with its combining marks.

    Python's ``\\w`` matches no combining mark, so a Hindi vowel sign or virama
    (कोशिकाएँ), an Arabic haraka (يَشْفِي) or a decomposed Vietnamese tone cut a word
    into letters; here each mark counts as a letter of the word it is written on."""
    if text.isascii():
        return _SPACED_WORD.findall(text)
    lettered = "".join("a" if _is_mark(ch) else ch for ch in text)
    return [text[m.start() : m.end()] for m in _SPACED_WORD.finditer(lettered)]


def _is_mark(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch).startswith("M")


def read_word_list(project: Project, lang: str) -> None:
    """Read the project's word list for ``lang``, if it has one, so that a broken list
    is refused (file, line) by every `check`: the checks segment only the texts that
    hold a claim's form, and a list no text needed would otherwise go unread."""
    path = _word_list_path(project, lang)
    if path:
        from ..typeset.segmentation import load_word_list

        load_word_list(Path(path))


def _word_list_path(project: Project | None, lang: str) -> str:
    if project is None:
        return ""
    path = project.words_path(lang)
    # A folder or a named pipe there is refused (`optional_file`): `is_file` took it for
    # no list, and `check` passed what `build` refused.
    return str(path) if optional_file(path) else ""


@lru_cache(maxsize=4096)
def _breaks(text: str, lang: str, word_list: str) -> tuple[int, ...]:
    try:
        from ..typeset.segmentation import EMPTY_WORD_LIST, break_opportunities, load_word_list
    except ImportError:  # typesetter not available: plain ICU word boundaries
        return tuple(_icu_words(text, lang))
    words = load_word_list(Path(word_list)) if word_list else EMPTY_WORD_LIST
    return tuple(break_opportunities(text, lang, words))


def _icu_words(text: str, lang: str) -> list[int]:
    position, cuts = 0, []
    for word in WordBreaker(text, lang):
        position += len(word)
        cuts.append(position)
    return cuts
