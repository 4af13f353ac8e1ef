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
    words = _words(text)
    if kin.own.count(text, words):
        return ""
    for other in kin.others:
        if len(words) >= other.min_words and other.tells.count(text, words) >= MIN_TELLS:
            return other.language
    return ""


def has_kin(language: str) -> bool:
    """Whether a ``language`` catalog is read for another language of its script."""
    return language in _data()["languages"]


def kept_name(words: list[str]) -> bool:
    """Whether Latin ``words`` are a name kept as written (every word capitalised and
    no English word, but for a link in lower case: "Hospital for Tropical Diseases"),
    not an English sentence or heading ("What To Expect"), nor an address ("12
    Sukhumvit Road, Bangkok": parts a comma parts are no one name)."""
    english, links = _name_words()
    if any(w.endswith((",", ";", "،")) for w in words[:-1]):
        return False
    for word in (w.strip(_EDGES) for w in words):
        if word in links:
            continue
        if not word[:1].isupper() or word.lower() in english:
            return False
    return True


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
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    """English's words, and the links a name may hold in lower case ("for", "of")."""
    data = _data()
    english = frozenset(str(w) for w in data["english-words"])
    return english, frozenset(str(w) for w in data["name-links"])


def _kin(entry: dict[str, object]) -> Kin:
    own = _tells(entry.get("own-letters"), entry.get("own-words"))
    others = tuple(
        Other(
            str(o["language"]),
            _tells(o.get("letters"), o.get("words")),
            int(o.get("min-words", MIN_WORDS)),
        )
        for o in entry.get("others") or []  # type: ignore[attr-defined]
    )
    return Kin(own, others)


def _tells(letters: object, words: object) -> Tells:
    pattern = re.compile(f"[{letters}]") if letters else None
    return Tells(pattern, frozenset(str(w).lower() for w in words or []))  # type: ignore[attr-defined]
