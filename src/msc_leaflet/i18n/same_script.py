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
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..data import data_path
from ..languages import LATIN_WORD, language_subtag

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
    alike: re.Pattern[str] | None = None  # the catalog's own letters it writes too

    def owned(self, own: Tells, text: str) -> bool:
        """Whether ``text`` shows the catalog's own tells, those this language writes
        alike set aside: 国 医 体 are Simplified Chinese and Japanese, so a Japanese
        heading of them and kana (国の医療体制について) is no Chinese."""
        read = self.alike.sub("", text) if self.alike else text
        return own.count(read, _words(read)) > 0

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
    if kept_name(text.split()):
        return ""
    named = (o for o in kin.others if not o.owned(kin.own, text) and o.shown_in(text))
    return next((other.language for other in named), "")


def has_kin(language: str) -> bool:
    """Whether a ``language`` catalog is read for another language of its script."""
    return language in _data()["languages"]


def shows_own_forms(sentence: str, language: str) -> bool:
    """Whether ``sentence`` has a letter only ``language`` writes among the languages
    of its script (``own-forms``: a kanji Japanese writes and neither Chinese does, 発
    where Chinese writes 发 or 發), which tells it as the language's own as its
    signature would."""
    forms = _own_forms(language)
    return forms is not None and forms.search(sentence) is not None


@cache
def _own_forms(language: str) -> re.Pattern[str] | None:
    letters = (_data().get("own-forms") or {}).get(language)
    return re.compile(f"[{letters}]") if letters else None


def foreign_form(sentence: str, language: str) -> str | None:
    """The first letter of ``sentence`` that another language of ``language``'s script
    writes and ``language`` never does (``foreign-forms``: Chinese 疗 or 醫 in a
    Japanese text, where Japanese writes 療 and 医); "" where it shows none, and None
    where the profile lists no such letters (any sentence without a signature may then
    be another language's)."""
    forms = _foreign_forms(language)
    if forms is None:
        return None
    found = forms.search(sentence)
    return found.group() if found else ""


@cache
def _foreign_forms(language: str) -> re.Pattern[str] | None:
    entry = (_data().get("foreign-forms") or {}).get(language)
    if not entry:
        return None
    alike = set(entry.get("alike", ""))
    runs = [entry["letters"]]
    while any(isinstance(run, list) for run in runs):  # anchors of lists, as written
        runs = [r for run in runs for r in (run if isinstance(run, list) else [run])]
    letters = "".join(c for run in runs for c in str(run) if c not in alike)
    return re.compile(f"[{letters}]")


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


#: What may join two words of one name: a space (a no-break one too) or a hyphen
#: ("Bà Rịa-Vũng Tàu").
_NAME_JOINS = (" ", "\u00a0", "-")


@dataclass(frozen=True)
class NamedLanguage:
    """A Latin-script language whose names a text in another language may hold
    (``latin-names`` in ``data/same-script.yaml``)."""

    language: str  # a profile's tag (data/languages.yaml)
    letters: re.Pattern[str]  # letters only it writes: one makes a stretch its own
    syllable: re.Pattern[str]  # a word of it, marks set aside (Vietnamese: one syllable)

    def may_join(self, word: str, first: bool) -> bool:
        """Whether ``word`` may be one of a name's words in this language: a syllable
        of it that shows a mark ("Chí") or a capital ("Minh"), and no English word.
        An English word this language writes as a syllable ("An", "Long") may end a
        name ("Nguyễn Văn An") but not start one (the "In" of "In Hồ Chí Minh")."""
        bare = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
        bare = "".join(c for c in bare if not unicodedata.combining(c))
        if not self.syllable.fullmatch(bare.lower()):
            return False
        if bare != word:
            return True
        function, syllables, ordinary = _english_words()
        lower = word.lower()
        return (
            word[:1].isupper()
            and lower not in function
            and lower not in ordinary
            and not (first and lower in syllables)
        )


def latin_names(text: str, language: str) -> dict[str, str]:
    """The Latin words of ``text`` (a text in ``language``) that name something in
    another Latin-script language, by language: "Chợ Rẫy" and "Hồ Chí Minh" in a
    Khmer or an English sentence are Vietnamese, and a screen reader told they are
    English reads them with English rules. A stretch of words that may be a name's
    (`NamedLanguage.may_join`) is the language's when one of them holds a letter only
    it writes; the words around it ("Hospital", "City") are not its. A word is
    answered once for the whole text, so one written outside such a stretch too (the
    "An" of "An infusion …" beside "Nguyễn Văn An") is left in the text's language."""
    found: dict[str, str] = {}
    text = unicodedata.normalize("NFC", text)
    for named in _named_languages():
        if named.language == language_subtag(language) or not named.letters.search(text):
            continue  # most texts: no letter only that language writes, so no name of it
        inside = Counter(w for s in _stretches(text, named) if _shows(named, s) for w in s)
        written = Counter(LATIN_WORD.findall(text))
        for word, count in inside.items():
            if written[word] == count:
                found.setdefault(word, named.language)
    return found


def _shows(named: NamedLanguage, words: list[str]) -> bool:
    """Whether one of ``words`` has a letter only ``named``'s language writes."""
    return any(named.letters.search(word) for word in words)


def _stretches(text: str, named: NamedLanguage) -> list[list[str]]:
    """The runs of words of ``text`` that may be one name in ``named``'s language:
    each may join it, and only a space or a hyphen stands between two."""
    stretches: list[list[str]] = []
    end = -1
    text = unicodedata.normalize("NFC", text)
    for match in LATIN_WORD.finditer(text):
        word = match.group()
        joined = end >= 0 and text[end : match.start()] in _NAME_JOINS
        if not named.may_join(word, first=not joined):
            end = -1
            continue
        if not joined:
            stretches.append([])
        stretches[-1].append(word)
        end = match.end()
    return stretches


@cache
def _named_languages() -> tuple[NamedLanguage, ...]:
    """``latin-names`` of ``data/same-script.yaml``, compiled on first use."""
    return tuple(
        NamedLanguage(
            str(entry["language"]),
            re.compile(f"[{entry['letters']}]"),
            re.compile(str(entry["syllable"])),
        )
        for entry in _data().get("latin-names") or []
    )


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
    function, syllables, ordinary = _english_words()
    links = frozenset(str(w) for w in _data()["name-links"])
    return function, links, function | ordinary | syllables


@cache
def _english_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """English's function words, its words Vietnamese writes as syllables, and its
    other ordinary words (``same-script.yaml``)."""
    data = _data()
    function = frozenset(str(w) for w in data["english-words"])
    return function, _flat_words(data["english-syllables"]), _flat_words(data["common-english"])


def _kin(entry: dict[str, Any]) -> Kin:
    own = _tells(entry.get("own-letters"), entry.get("own-words"))
    others = tuple(
        Other(
            str(o["language"]),
            _tells(o.get("letters"), o.get("words")),
            int(o.get("min-words", MIN_WORDS)),
            _letters(o.get("needs")),
            bool(o.get("name-case", False)),
            _letters(o.get("alike")),
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
