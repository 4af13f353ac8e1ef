"""The project's glossary (``locales/glossary.yaml``) as data: concepts and their terms.

Read by the terminology checks (TERM001, TERM002: `checks.terminology`) and by the
translation stage, which takes a term the glossary keeps as written for no sentence in
another language (I18N020: `i18n.kept_terms`). It lives here, before both, because the
i18n stage may not import the later checks stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import LeafletError
from ..files import Stamp, file_stamp, optional_file
from ..project import GLOSSARY_FILE, LOCALE, Project, cldr_locale, not_a_language
from .yaml_source import Fields, YamlFile, load_yaml, suggest, where

GLOSSARY = GLOSSARY_FILE
GLOSSARY_YAML = YamlFile(
    "glossary",
    'why: "Stem: a word that promises too much"',
    "keep one entry per concept, with its terms: remove what else the file holds",
)


@dataclass(frozen=True)
class Terms:
    preferred: str
    forms: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    discouraged: tuple[str, ...] = ()

    @property
    def agreed(self) -> tuple[str, ...]:
        """Every term a text may print for the concept: never a discouraged one."""
        return (self.preferred, *self.forms, *self.short)


@dataclass(frozen=True)
class Concept:
    id: str
    why: str
    terms: dict[str, Terms]  # language → terms
    # Printed as written in every language (a tissue's or a product's name the
    # reviewers keep in English, "Wharton's jelly"): ``kept: true`` in the file.
    kept: bool = False


def load_glossary(project: Project) -> tuple[Concept, ...]:
    """The project's glossary, or nothing when ``locales/glossary.yaml`` does not exist."""
    path = project.glossary_path
    if not optional_file(path):
        return ()
    return _read(path, file_stamp(path.stat()))


@lru_cache(maxsize=8)
def _read(path: Path, stamp: Stamp) -> tuple[Concept, ...]:
    """Read as strictly as a leaflet, every mistake at its line: read as plain data, a
    misspelt 'discouragd' was ignored (its terms never flagged), a duplicate key kept
    the last, 'forms' written as one text was taken letter by letter, and every other
    mistake was one message for the whole file."""
    del stamp  # part of the cache key only
    top = Fields(path, load_yaml(path, GLOSSARY_YAML), "glossary", ("concepts",))
    if not top.has("concepts"):
        top.node_of("concepts")
    node = top.values["concepts"]
    if not isinstance(node, SequenceNode):
        top.fail(node, "'concepts' must be a list (lines starting with '- ')")
    concepts = tuple(_concept(path, item) for item in node.value)
    first: dict[str, int] = {}
    for concept, item in zip(concepts, node.value, strict=True):
        line = item.start_mark.line + 1
        if concept.id in first:  # the checks name a concept by its id: two are one to them
            raise LeafletError(
                where(path, item),
                f"concept '{concept.id}' is written twice (first on line {first[concept.id]})",
                "merge the two into one concept, or give this one an id of its own",
            )
        first[concept.id] = line
    return concepts


CONCEPT_KEYS = ("id", "why", "kept")
TERM_KEYS = ("preferred", "forms", "short", "discouraged")


def _concept(path: Path, node: Node) -> Concept:
    if not isinstance(node, MappingNode):
        raise LeafletError(where(path, node), "a concept must be a mapping such as 'id: msc'")
    languages: list[str] = []
    for key, _ in node.value:
        name = str(key.value) if isinstance(key, ScalarNode) else ""
        if name in CONCEPT_KEYS:
            continue
        if _is_language(name):  # most keys: asked first, no "did you mean" worked out
            code = _language_code(name)
            if name != code:  # EN, en_US, zh_Hans: never looked up (`language_subtag`)
                raise LeafletError(
                    where(path, key),
                    f"'{name}' is never looked up: the terminology checks read a text's "
                    f"terms by its language's code, {code}",
                    f"write {code}: the terms of every {code} text, whatever its region or script",
                )
            languages.append(name)
            continue
        hint = suggest(name, CONCEPT_KEYS)
        if hint.startswith("did you mean"):
            raise LeafletError(where(path, key), f"unknown key '{name}' in glossary concept", hint)
        raise LeafletError(
            where(path, key),
            f"'{name}' is not a language code",
            "a concept holds id, why and one entry per language: en, th, my, …",
        )
    f = Fields(path, node, "glossary concept", (*CONCEPT_KEYS, *languages))
    terms = {lang: _terms(f, lang) for lang in languages}
    return Concept(f.text("id"), f.text("why", ""), terms, f.boolean("kept", False))


def _terms(concept: Fields, lang: str) -> Terms:
    f = Fields(concept.path, concept.node_of(lang), f"glossary terms for '{lang}'", TERM_KEYS)
    return Terms(f.text("preferred"), *(_term_list(f, key) for key in TERM_KEYS[1:]))


def _term_list(f: Fields, key: str) -> tuple[str, ...]:
    """A list of terms; ``forms: a term`` written as one text would be read letter by
    letter, so it is refused."""
    if not f.has(key):
        return ()
    node = f.values[key]
    if not isinstance(node, SequenceNode) or any(
        not isinstance(item, ScalarNode) or not str(item.value).strip() for item in node.value
    ):
        f.fail(node, f"'{key}' must be a list of terms", f"write it as {key}: [term, other term]")
    return tuple(str(item.value).strip() for item in node.value)


def _language_code(name: str) -> str:
    """The code of the language ``name`` tags (EN → en, zh_Hans → zh, tha → th), by
    which the terminology checks look a text's terms up."""
    found = cldr_locale(name)
    return found.language if found is not None else name


def _is_language(name: str) -> bool:
    return bool(
        re.fullmatch(LOCALE, name) and not not_a_language(name) and cldr_locale(name) is not None
    )
