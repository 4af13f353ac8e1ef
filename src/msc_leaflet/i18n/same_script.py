"""Sentences in another language written in the catalog's own script.

English left in a Vietnamese catalog, Traditional Chinese in a Simplified one, Persian
or Urdu in an Arabic one: every letter is the catalog's script, so `written_script`
cannot tell them, and a tired translator or a CAT tool's memory prints them. Each such
language shows itself by a few letters or words the catalog's language never writes
(``data/same-script.yaml``); a sentence with two of them and none of the catalog's own
is named. The same data tells a name kept in Latin letters ("Siriraj Hospital") from
an English sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..data import data_path

#: Tells of the other language a sentence needs: one could be a name or a loanword.
MIN_TELLS = 2
#: Words a sentence needs before its tells are read, unless the data says more.
MIN_WORDS = 3

#: What a word is stripped of before it is compared: punctuation around it.
_EDGES = "\"'“”‘’«»()[]{}<>.,;:!?؟،؛۔。，：；！？、"


@dataclass(frozen=True)
class Tells:
    """Letters (a compiled class, None for none) and words that show a language."""

    letters: re.Pattern[str] | None
    words: frozenset[str]

    def count(self, sentence: str, words: list[str]) -> int:
        """How many times ``sentence`` (split into lower-case ``words``) shows them."""
        found = len(self.letters.findall(sentence)) if self.letters else 0
        return found + sum(1 for w in words if w in self.words)


@dataclass(frozen=True)
class Other:
    """A language a catalog's sentence may be written in by mistake."""

    language: str
    tells: Tells
    min_words: int
    needs: re.Pattern[str] | None = None  # one of these letters, where tells are shared
    name_case: bool = False  # capitalises only a sentence's first word and names

    def shown_in(self, text: str) -> bool:
        """Whether ``text`` (none of the catalog's own tells) is written in it."""
        if self.needs is not None and not self.needs.search(text):
            return False
        read = _without_names(text) if self.name_case else text
        words = _words(read)
        return len(words) >= self.min_words and self.tells.count(read, words) >= MIN_TELLS


@dataclass(frozen=True)
class Kin:
    """A catalog language's own tells and the languages of its script it may hold."""

    own: Tells
    others: tuple[Other, ...]


def other_language(sentence: str, language: str) -> str:
    """The language ``sentence`` (of a ``language`` catalog) is written in, when it is
    another one of the same script, else ""."""
    kin = _kin_of(language)
    if kin is None:
        return ""
    text = unicodedata.normalize("NFC", sentence)
    if kin.own.count(text, _words(text)) or kept_name(text.split()):
        return ""
    return next((other.language for other in kin.others if other.shown_in(text)), "")


def has_kin(language: str) -> bool:
    """Whether a ``language`` catalog is read for another language of its script."""
    return language in _data()["languages"]


def kept_name(words: list[str]) -> bool:
    """Whether Latin ``words`` are a name kept as written: every word capitalised, but
    for a link in lower case ("Hospital for Tropical Diseases"), no English function
    word, and a proper noun among them (no ordinary English word: "Siriraj",
    "Hospital"). Not an English heading ("What To Expect", "Take Two
    Tablets Daily": ordinary words in title case), nor an address ("12 Sukhumvit Road,
    Bangkok": parts a comma parts are no one name)."""
    function, links, ordinary = _name_words()
    if any(w.endswith((",", ";", "،")) for w in words[:-1]):
        return False
    proper = False
    for word in (w.strip(_EDGES) for w in words):
        if word in links:
            continue
        if not word[:1].isupper() or word.lower() in function:
            return False
        proper = proper or word.lower() not in ordinary
    return proper


def _without_names(text: str) -> str:
    """``text`` without its capitalised words but the first: in a language that
    capitalises only names, a name's ("Chợ Rẫy", "Nguyễn Văn An")."""
    kept = [w for i, w in enumerate(text.split()) if not i or not w.strip(_EDGES)[:1].isupper()]
    return " ".join(kept)


def _words(text: str) -> list[str]:
    stripped = (w.strip(_EDGES).lower() for w in text.split())
    return [w for w in stripped if any(c.isalpha() for c in w)]


@cache
def _data() -> dict[str, Any]:
    """``data/same-script.yaml`` as written (its letters compiled only when asked)."""
    from ..content.yaml_source import load_words  # content imports i18n: not at the top

    return dict(load_words(data_path("same-script.yaml").read_text("utf-8")))


@cache
def _kin_of(language: str) -> Kin | None:
    """The `Kin` of a ``language`` catalog, compiled on first use: a build reads one
    or two languages, and a Thai catalog none (its script is no other's)."""
    entry = _data()["languages"].get(language)
    return None if entry is None else _kin(entry)


@cache
def _name_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """English's function words, the links a name may hold in lower case ("for",
    "of"), and every ordinary English word listed (no proper noun)."""
    data = _data()
    function = frozenset(str(w) for w in data["english-words"])
    ordinary = _flat_words(data["common-english"]) | _flat_words(data["english-syllables"])
    return function, frozenset(str(w) for w in data["name-links"]), function | ordinary


def _kin(entry: dict[str, Any]) -> Kin:
    own = _tells(entry.get("own-letters"), entry.get("own-words"))
    others = tuple(
        Other(
            str(o["language"]),
            _tells(o.get("letters"), o.get("words")),
            int(o.get("min-words", MIN_WORDS)),
            _letters(o.get("needs")),
            bool(o.get("name-case", False)),
        )
        for o in entry.get("others") or []
    )
    return Kin(own, others)


def _tells(letters: object, words: object) -> Tells:
    return Tells(_letters(letters), _flat_words(words))


def _letters(classes: object) -> re.Pattern[str] | None:
    """One pattern for a character class, or a list of them (an anchor's parts)."""
    joined = "".join(str(c) for c in classes) if isinstance(classes, list) else classes
    return re.compile(f"[{joined}]") if joined else None


def _flat_words(words: object) -> frozenset[str]:
    """Words in lower case, from a list of them or of lists (anchors combined)."""
    if not isinstance(words, list):
        return frozenset()
    found: set[str] = set()
    for item in words:
        found |= _flat_words(item) if isinstance(item, list) else {str(item).lower()}
    return frozenset(found)
