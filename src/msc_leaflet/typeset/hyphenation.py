"""Words → hyphenation points: where a word of a script written with hyphens (Latin,
Greek, Cyrillic) may be cut at a line end, a hyphen drawn after its first part.

The package's list of medical hyphenations (``data/hyphenation-<lang>.txt``) comes
first: Pyphen's patterns, made from everyday words, find no point at all in
"chloroquine" and wrong ones in others ("thrombocyt-openia"). Every cut keeps
`LEFT_MIN` letters before it and `RIGHT_MIN` after (TeX's English \\lefthyphenmin and
\\righthyphenmin): a line starting "ne" or "ly" reads as a word of its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..data import hyphenation_list_path
from ..errors import LeafletError, Location
from .scripts import LATIN, script_of

if TYPE_CHECKING:
    from pyphen import Pyphen

LEFT_MIN = 2
RIGHT_MIN = 3
#: Scripts whose words take a hyphen where a line end cuts them.
HYPHENATED_SCRIPTS = (LATIN, "Grek", "Cyrl")
#: Words shorter than this are never hyphenated at a dictionary's point: a Vietnamese
#: syllable (at most 7 letters, "nghiêng") or a short English word stays whole.
SHORTEST_HYPHENATED = 5

_LETTERS = re.compile(r"[^\W\d_]+")
_LISTED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


def hyphenating(char: str) -> bool:
    """Whether ``char`` belongs inside a word of a script written with hyphens (a letter
    of Latin, Greek or Cyrillic, Vietnamese's included, or an accent combined with
    one): a cut between two of them needs a hyphen. Thai has its syllable rules, and
    other scripts are cut without one."""
    if char.isascii():
        return char.isalpha()
    if unicodedata.category(char) == "Mn":
        return "\u0300" <= char <= "\u036f"  # the combining accents of these scripts
    return char.isalpha() and script_of(char) in HYPHENATED_SCRIPTS


def hyphenation_points(text: str, lang: str) -> set[int]:
    """Offsets inside the hyphenating words of ``text`` where a hyphen may go: the
    package list's points for a word it has, else Pyphen's.

    Words are hyphenated by the paragraph's language when Pyphen has it, otherwise as
    English: the Latin words of a Thai or Vietnamese leaflet are English terms and
    drug names. No word of a web or e-mail address or a DOI is hyphenated: a reader
    types the hyphen ("clini-creception@…" is another mailbox); an address breaks
    after its / . @ instead, with no hyphen (`kept_groups`)."""
    from .kept_groups import address_spans

    found = _dictionary_language(lang)
    listed = listed_hyphenations(found)
    addresses = address_spans(text)
    points: set[int] = set()
    for match in _LETTERS.finditer(text):
        word = match.group()
        if len(word) < SHORTEST_HYPHENATED or not all(map(hyphenating, word)):
            continue
        if any(start <= match.start() < end for start, end in addresses):
            continue
        inner = listed.get(word.lower())
        if inner is None:
            inner = tuple(_dictionary(found).positions(word))
        points.update(match.start() + p for p in inner if _keeps_minimums(p, len(word)))
    return points


def emergency_points(text: str) -> set[int]:
    """Offsets inside the hyphenating words of ``text`` where a cut keeps `LEFT_MIN`
    letters before it and `RIGHT_MIN` after: where a word no hyphenation point fits is
    cut in an emergency, a hyphen drawn there too."""
    points: set[int] = set()
    start = None
    for at, char in enumerate(text + " "):
        if at < len(text) and hyphenating(char):
            start = at if start is None else start
            continue
        if start is not None:
            points.update(_inner_offsets(text, start, at))
        start = None
    return points


def _inner_offsets(text: str, start: int, end: int) -> set[int]:
    """The offsets in the word ``text[start:end]`` between two of its characters that
    keep the minimums, counted in letters (an accent is part of its letter)."""
    letters = [at for at in range(start, end) if unicodedata.category(text[at]) != "Mn"]
    return {
        at
        for n, at in enumerate(letters)
        if n and _keeps_minimums(n, len(letters))  # before letter n
    }


def _keeps_minimums(at: int, length: int) -> bool:
    return LEFT_MIN <= at <= length - RIGHT_MIN


def _dictionary_language(lang: str) -> str:
    """Pyphen's language for ``lang``, English for one it lacks or whose patterns are
    not hyphenation (Pyphen's Thai is not our syllable rules)."""
    import pyphen

    found = pyphen.language_fallback(lang.replace("-", "_"))
    if found is None or found.split("_")[0] in ("th", "lo", "km", "my"):
        return "en"
    return str(found)


@lru_cache(maxsize=16)
def _dictionary(lang: str) -> Pyphen:
    import pyphen

    return pyphen.Pyphen(lang=lang, left=LEFT_MIN, right=RIGHT_MIN)


@lru_cache(maxsize=16)
def listed_hyphenations(lang: str) -> dict[str, tuple[int, ...]]:
    """The package list's words for Pyphen's language ``lang``, lower case, each with
    the offsets of its hyphens (``mes-en-chy-mal``: 3, 5, 8); empty if it has none."""
    path = hyphenation_list_path(lang)
    if not path.is_file():
        return {}
    words: dict[str, tuple[int, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if not _LISTED.fullmatch(entry):
            raise LeafletError(
                Location(path, number, 1),
                f"{entry!r} is not a word with its hyphenation points",
                "write one word a line, its parts joined by '-' (mes-en-chy-mal)",
            )
        parts = entry.lower().split("-")
        offsets = [len("".join(parts[:n])) for n in range(1, len(parts))]
        words["".join(parts)] = tuple(offsets)
    return words
