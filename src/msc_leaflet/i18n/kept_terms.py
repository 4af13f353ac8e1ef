"""What a project declares a translation may print as written: kept terms and names.

A Thai catalog that keeps the glossary's "mesenchymal stromal cells" in English, or
prints the clinic's name as its profile writes it ("The Bangkok Cell Clinic", or its
Thai name in a Lao leaflet), holds no sentence left in another language; named as one
(I18N020), it taught translators to ignore the check. What the project declares:

- the terms the glossary agrees for the catalog's language (``preferred``, ``forms``,
  ``short``), whatever their script: a Thai entry listing an English form keeps it;
- every agreed term of a concept the glossary marks ``kept: true``, in every catalog;
- the names the organisation profiles write, in every language they write one.

A discouraged term is never among them. `written_script.strays` reads them as it reads
a URL, not at all: a sentence of only such terms, numbers and punctuation is no
finding, and an English sentence around one still is. `i18n check`, `i18n stats`, the
build and the desk ask `kept_terms` for the same project and get the same set; a caller
with no project (a catalog checked alone) passes `NO_KEPT_TERMS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..content.glossary import Concept, load_glossary
from ..content.wordings import written_names
from ..errors import LeafletError
from ..files import read_input
from ..project import Project, parent_locales, same_language

#: Projects' sets kept at once: a desk or a batch serves one project in a few languages.
KEPT_CACHE_SIZE = 32


@dataclass(frozen=True)
class KeptTerms:
    """Terms and names a catalog may print as the project writes them, longest first
    (so "Wharton's jelly tissue" is masked whole before "Wharton's jelly")."""

    terms: tuple[str, ...] = ()

    def mask(self, text: str) -> str:
        """``text`` with each kept term blanked, its length kept so offsets hold."""
        if not self.terms:
            return text
        return _pattern(self.terms).sub(lambda m: " " * len(m.group()), text)


NO_KEPT_TERMS = KeptTerms()


def kept_terms(project: Project | None, language: str) -> KeptTerms:
    """What ``project`` declares a ``language`` catalog may print as written, read
    again whenever the glossary's or a profile's bytes change (an edit keeps its time
    when a tool copies a file with it, `cp -p`)."""
    if project is None:
        return NO_KEPT_TERMS
    return _kept(project, tuple(_bytes(path) for path in sources(project)), language)


def sources(project: Project) -> list[Path]:
    """The files the set is read from: the glossary and every organisation profile (a
    leaflet's catalog may name another clinic of the group). A translated build's
    I18N020 warnings depend on them (`build.fingerprint`)."""
    return [project.glossary_path, *sorted(project.organisations_dir.glob("*.yaml"))]


def _bytes(path: Path) -> bytes:
    try:
        return read_input(path) if path.is_file() else b""
    except LeafletError:
        return b""  # unreadable: its own command names it


@lru_cache(maxsize=KEPT_CACHE_SIZE)
def _kept(project: Project, contents: tuple[bytes, ...], language: str) -> KeptTerms:
    """The set, computed once per project, language and content of its files."""
    del contents  # part of the cache key only
    own = [language, *parent_locales(language)]
    terms: list[str] = []
    for concept in _glossary(project):
        for tag, agreed in concept.terms.items():
            if concept.kept or any(same_language(tag, o) for o in own):
                terms += agreed.agreed
    for profile in sources(project)[1:]:
        terms += written_names(profile)
    unique = dict.fromkeys(t.strip() for t in terms if t.strip())
    return KeptTerms(tuple(sorted(unique, key=lambda t: (-len(t), t))))


def _glossary(project: Project) -> tuple[Concept, ...]:
    """The glossary, or none while it cannot be read: `msc-leaflet check` names its
    mistake at its line, and a translation is not refused for it."""
    try:
        return load_glossary(project)
    except LeafletError:
        return ()


#: An apostrophe as a keyboard or a word processor types it: "Wharton's", "Wharton’s".
_APOSTROPHES = "'\u2019\u02bc"


@lru_cache(maxsize=KEPT_CACHE_SIZE)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every term, whole words, any case, any space between words (a
    catalog wraps its lines), compiled once per set."""
    alternatives = "|".join(r"\s+".join(_word(w) for w in term.split()) for term in terms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _word(word: str) -> str:
    return "".join(f"[{_APOSTROPHES}]" if c in _APOSTROPHES else re.escape(c) for c in word)
