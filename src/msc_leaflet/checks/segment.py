"""Thai words for the checks: the typesetter's segmentation when present, else ICU.

The typesetter's `break_opportunities` keeps terms from ``locales/th/words.txt`` whole
(ICU alone splits มีเซนไคม์ into syllables), so using it means a claim or glossary
term matches the same words the printed line breaks respect.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path

from icu4py.breakers import WordBreaker

from ..project import Project


def boundaries(text: str, project: Project | None = None, lang: str = "th") -> set[int]:
    """Offsets where a word may start or end, including 0, len(text) and around spaces."""
    found = set(_breaks(text, lang, _word_list_path(project)))
    found.update((0, len(text)))
    for i, ch in enumerate(text):
        if not ch.isalnum() and not _is_mark(ch):
            found.update((i, i + 1))
    return found


def thai_words(text: str, project: Project | None = None) -> list[str]:
    """The words of a Thai phrase (spaces and punctuation dropped)."""
    cuts = sorted(boundaries(text, project))
    pieces = (text[a:b] for a, b in itertools.pairwise(cuts))
    return [p for p in pieces if p.strip() and any(ch.isalnum() for ch in p)]


def _is_mark(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch).startswith("M")


def _word_list_path(project: Project | None) -> str:
    if project is None:
        return ""
    path = project.words_path("th")
    return str(path) if path.is_file() else ""


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
