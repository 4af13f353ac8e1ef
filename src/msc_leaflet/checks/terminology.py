"""Terminology: one concept, one term per language (``locales/glossary.yaml``).

A leaflet series loses trust when the same cells are "stromal" on one page and
"stem" on the next, or when a Thai reader meets three words for one thing. TERM001
flags a discouraged variant in the source or a translation; TERM002 flags a
translation that does not use the agreed term where its English source uses the
concept. Terms in italics or quotation marks are *mentioned* (a leaflet explaining
the old name "mesenchymal stem cell"), not used, and are not flagged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..content.glossary import GLOSSARY, Concept, load_glossary
from ..content.model import texts
from ..languages import language_of, language_subtag, profile
from ..project import Project
from .registry import CheckContext, Issue, check
from .segment import boundaries
from .text import in_language, one_spelling, plain, reader_texts


@dataclass(frozen=True)
class TermMatch:
    concept: Concept
    kind: str  # preferred | form | short | discouraged
    start: int
    end: int
    mention: bool


def _pattern(term: str) -> re.Pattern[str]:
    # Exact spelling (hyphens matter: "graft versus host" is the discouraged form of
    # "graft-versus-host"), any whitespace between words, whole words only.
    body = r"\s+".join(re.escape(p) for p in term.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def find_terms(
    value: str, lang: str, glossary: tuple[Concept, ...], project: Project | None = None
) -> list[TermMatch]:
    """Glossary terms in a text, longest first where two overlap ("mesenchymal stem cell"
    is one discouraged MSC term, not also a use of "stem cell").

    The text and the terms are read in the language's one spelling (`one_spelling`), as
    the claims are: "graft‑vs‑host" typed with a word processor's hyphen is the listed
    "graft-vs-host", Arabic الخَلايا with a short vowel is الخلايا. Offsets are the
    visible text's (`plain`)."""
    p = plain(value)
    spelled, origin = one_spelling(p.text, lang)
    own = profile(lang)
    cuts = boundaries(spelled, project, lang) if not own.word_spaces else set()
    hits: list[tuple[int, int, Concept, str]] = []
    for concept in glossary:
        terms = concept.terms.get(lang)
        if terms is None:
            continue
        groups = [
            ("preferred", (terms.preferred,)),
            ("form", terms.forms),
            ("short", terms.short),
            ("discouraged", terms.discouraged),
        ]
        for kind, group in groups:
            for term in group:
                term = _spelled(term, lang)
                if not own.word_spaces and own.has_letters(term):
                    spans = _segmented_spans(spelled, term, cuts)
                else:
                    spans = [(m.start(), m.end()) for m in _pattern(term).finditer(spelled)]
                hits.extend(
                    (origin[s], _marked_end(p.text, origin[e - 1] + 1), concept, kind)
                    for s, e in spans
                )
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    result: list[TermMatch] = []
    for s, e, concept, kind in hits:
        if not result or s >= result[-1].end:
            result.append(TermMatch(concept, kind, s, e, p.is_mention(s, e)))
    return result


def _marked_end(text: str, end: int) -> int:
    """``end`` past the marks on the term's last letter, which its one spelling leaves
    out (the shadda of Arabic الأُمّ): the term is quoted as written."""
    while end < len(text) and unicodedata.category(text[end]).startswith("M"):
        end += 1
    return end


@lru_cache(maxsize=4096)
def _spelled(term: str, lang: str) -> str:
    """A glossary term as the text is read: visible, in its language's one spelling."""
    return one_spelling(plain(term).text, lang)[0]


def _segmented_spans(text: str, term: str, cuts: set[int]) -> list[tuple[int, int]]:
    spans, i = [], text.find(term)
    while i >= 0:
        if i in cuts and i + len(term) in cuts:
            spans.append((i, i + len(term)))
        i = text.find(term, i + 1)
    return spans


def _lang(ctx: CheckContext, value: str) -> str:
    return language_of(value, language_subtag(ctx.leaflet.language))


@check(
    "TERM001",
    "warning",
    "A discouraged term (e.g. 'mesenchymal stem cells') "
    "contradicts the glossary the series agreed on.",
    scope="locale",
)
def discouraged_term(ctx: CheckContext) -> Iterator[Issue]:
    glossary = load_glossary(ctx.project)
    source = {t.context: t.value for t in texts(ctx.source)}
    for text in reader_texts(ctx.leaflet):
        if ctx.is_translation and not in_language(text, ctx.leaflet.language, source):
            continue
        lang = _lang(ctx, text.value)
        p = plain(text.value)
        for match in find_terms(text.value, lang, glossary, ctx.project):
            if match.kind != "discouraged" or match.mention:
                continue
            used = p.text[match.start : match.end]
            preferred = match.concept.terms[lang].preferred
            where = (
                ctx.sources.locate(text.line, "")
                if ctx.is_translation
                else ctx.sources.locate(text.line, used)
            )
            prefix = f"[{ctx.locale}] " if ctx.is_translation else ""
            hint = match.concept.why or f"see '{match.concept.id}' in locales/{GLOSSARY}"
            entry = ctx.msgstr_of(text, used)
            yield Issue(
                where,
                f"{prefix}discouraged term “{used}”; the glossary term is “{preferred}”",
                f"{hint}; change {entry}" if entry else hint,
                entry=ctx.entry_of(text, used),
            )


@check(
    "TERM002",
    "warning",
    "A translation must use the agreed term wherever the "
    "source uses the concept, or readers meet several names for one thing.",
    scope="locale",
)
def translation_term(ctx: CheckContext) -> Iterator[Issue]:
    if not ctx.is_translation:
        return
    glossary = load_glossary(ctx.project)
    lang = language_subtag(ctx.locale)
    source_lang = language_subtag(ctx.source.language)
    for source, target in zip(texts(ctx.source), texts(ctx.leaflet), strict=False):
        if source.is_reference_title or target.value == source.value:
            continue  # reference titles stay in English; untranslated is i18n's business
        needed: dict[str, set[str]] = {}  # concept id → accepted target terms
        for match in find_terms(source.value, source_lang, glossary, ctx.project):
            target_terms = match.concept.terms.get(lang)
            if match.mention or match.kind == "discouraged" or target_terms is None:
                continue
            accepted = {target_terms.preferred, *target_terms.forms}
            if match.kind == "short":
                accepted |= set(target_terms.short)
            previous = needed.get(match.concept.id)
            needed[match.concept.id] = accepted if previous is None else previous & accepted
        written = one_spelling(plain(target.value).text, lang)[0]
        for concept in glossary:
            accepted_terms = needed.get(concept.id)
            if accepted_terms and not any(_spelled(t, lang) in written for t in accepted_terms):
                yield Issue(
                    ctx.sources.locate(source.line, ""),
                    f"[{ctx.locale}] translation of '{source.context}' does not use the agreed "
                    f"term “{concept.terms[lang].preferred}” for "
                    f"“{concept.terms[source_lang].preferred}”",
                    f"use the glossary term (locales/{GLOSSARY}, concept '{concept.id}') in "
                    + (ctx.msgstr_of(target) or f"the {ctx.locale} catalog"),
                    entry=ctx.entry_of(target),
                )
