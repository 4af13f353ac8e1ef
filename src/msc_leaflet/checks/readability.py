"""Readability per section: Flesch–Kincaid grade, SMOG, sentence length, hard words, passive.

Figures are computed per section (the text under one heading) so an author knows
*where* to simplify; a single leaflet-wide number hides one dense section among easy
ones. The syllable counter is a heuristic (vowel groups, silent final e, a few
suffix rules): on common English it is within one syllable for almost every word,
which is well inside the noise of the formulas themselves.

The English formulas grade English wherever a patient reads it: an English source,
and an English translation of a leaflet written in another language (a Bangkok
clinic's Thai leaflet in English for foreign patients), with the same thresholds and
codes; a translation's finding names the catalog entry to simplify first. An English
translation of an English leaflet (en_GB of en) is not graded again: it respells the
source's sentences, whose findings already stand at the same lines.

Thai has no spaces between words and no validated grade formula, so Thai text is
judged relative to itself: a phrase (text between spaces) far longer than the
leaflet's average phrase, counted in words from the segmenter, is flagged. The same
holds for every language whose profile (``data/languages.yaml``) says spaces mark
phrases, not words: Lao, Khmer and Burmese.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..content.model import Leaflet, Text, texts
from ..languages import language_of, language_subtag, profile
from ..project import Project
from .registry import CheckContext, Issue, check
from .segment import words_of
from .text import Section, in_language, plain, sections, sentences, words

# Past participles that do not end in -ed, for the passive-voice heuristic.
IRREGULAR_PARTICIPLES = frozenset(
    [
        "been",
        "begun",
        "bitten",
        "blown",
        "broken",
        "brought",
        "built",
        "bought",
        "caught",
        "chosen",
        "done",
        "drawn",
        "driven",
        "eaten",
        "fallen",
        "felt",
        "found",
        "forgotten",
        "frozen",
        "given",
        "gone",
        "grown",
        "heard",
        "held",
        "hidden",
        "hit",
        "hurt",
        "kept",
        "known",
        "laid",
        "led",
        "left",
        "lent",
        "let",
        "lost",
        "made",
        "meant",
        "met",
        "paid",
        "put",
        "read",
        "run",
        "said",
        "seen",
        "sent",
        "set",
        "shown",
        "shut",
        "sold",
        "spent",
        "spoken",
        "spread",
        "stolen",
        "stuck",
        "taken",
        "taught",
        "thought",
        "thrown",
        "told",
        "understood",
        "won",
        "worn",
        "written",
    ]
)
BE_FORMS = frozenset(
    ["am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten"]
)
NOT_PARTICIPLES = frozenset(
    ["need", "indeed", "seed", "feed", "bed", "red", "shed", "speed", "breed", "bleed"]
)


def syllables(word: str) -> int:
    """Syllables in an English word (heuristic: vowel groups, adjusted for common endings)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and len(w) > 3:
        w = w[:-1]
    elif w.endswith(("es", "ed")) and not w.endswith(
        ("ted", "ded", "ses", "zes", "ches", "shes", "ges", "ces", "xes")
    ):
        w = w[:-2]
    count = len(re.findall(r"[aeiouy]+", w))
    # "-ia", "-io", "-ium" and "-eo" are two syllables ("bacteria", "radio", "video").
    count += len(re.findall(r"(?<![tcsgx])i[ao]|ium|eo", w))
    return max(1, count)


@dataclass(frozen=True)
class Figures:
    """Readability figures of one piece of English text."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of three or more syllables ("hard words")
    passive: int  # sentences that look passive

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade level (Kincaid et al., 1975)."""
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def smog(self) -> float:
        """SMOG grade (McLaughlin, 1969), scaled to 30 sentences as the formula defines."""
        if not self.sentences:
            return 0.0
        return 1.043 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291

    @property
    def sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def hard_word_share(self) -> float:
        return self.polysyllables / self.words if self.words else 0.0

    @property
    def passive_share(self) -> float:
        return self.passive / self.sentences if self.sentences else 0.0

    def summary(self) -> str:
        return (
            f"FK grade {self.grade:.1f}, SMOG {self.smog:.1f}, "
            f"{self.sentence_length:.1f} words/sentence, "
            f"{self.hard_word_share:.0%} words of 3+ syllables, "
            f"{self.passive_share:.0%} passive sentences"
        )


def is_passive(sentence: str) -> bool:
    """A form of *be*/*get*, up to two adverbs or "not", then a past participle."""
    tokens = [t.lower() for t in words(sentence)]
    for i, token in enumerate(tokens):
        if token not in BE_FORMS:
            continue
        for nxt in tokens[i + 1 : i + 4]:
            if nxt in IRREGULAR_PARTICIPLES or (
                nxt.endswith("ed") and nxt not in NOT_PARTICIPLES and len(nxt) > 3
            ):
                return True
            if not (nxt.endswith("ly") or nxt in ("not", "also", "often", "still", "then")):
                break
    return False


def measure(text: str) -> Figures:
    """Figures for plain English text (markup already removed)."""
    parts = [s for _, s in sentences(text) if words(s)]
    all_words = [w for s in parts for w in words(s) if re.search("[A-Za-z]", w)]
    counts = [syllables(w) for w in all_words]
    return Figures(
        words=len(all_words),
        sentences=len(parts),
        syllables=sum(counts),
        polysyllables=sum(1 for c in counts if c >= 3),
        passive=sum(1 for s in parts if is_passive(s)),
    )


@dataclass(frozen=True)
class GradedSection:
    """One section and the figures of each of its texts, measured on its own."""

    section: Section
    parts: tuple[tuple[Text, Figures], ...]

    @property
    def figures(self) -> Figures:
        """The section's figures: its texts' counts added."""
        return Figures(*(sum(getattr(f, name) for _, f in self.parts) for name in FIELDS))


def section_figures(
    leaflet: Leaflet, graded: Callable[[Text], bool] = lambda _text: True
) -> list[GradedSection]:
    """Figures for each section of an English leaflet, in reading order, of the texts
    ``graded`` accepts (in a translation, those it gives in English).

    Each text is measured on its own and the counts added: a list item ("chest pain")
    is a sentence of its own even without a capital or a full stop.
    """
    return [
        GradedSection(
            section, tuple((t, measure(plain(t.value).text)) for t in section.texts if graded(t))
        )
        for section in sections(leaflet)
    ]


FIELDS = ("words", "sentences", "syllables", "polysyllables", "passive")


def is_english(language: str) -> bool:
    """Whether a leaflet or locale tag (en, en_GB, en-US) is English."""
    return language_subtag(language) == "en"


def graded_in_english(ctx: CheckContext) -> bool:
    """Whether READ001–005 grade ``ctx``'s text: English, and not a translation of an
    English source (whose grading of the same sentences would double every finding)."""
    if not is_english(ctx.leaflet.language):
        return False
    return not (ctx.is_translation and is_english(ctx.source.language))


def _graded(ctx: CheckContext) -> Iterator[tuple[GradedSection, Figures]]:
    """The sections with enough English words to grade. In a translation, a text the
    catalog leaves in the source language is not read: printed as a fallback (I18N001
    reports it), its Thai would be a sentence of no English words."""
    if not graded_in_english(ctx):
        return
    source = {t.context: t.value for t in texts(ctx.source)}

    def graded(text: Text) -> bool:
        return not ctx.is_translation or in_language(text, ctx.locale, source)

    for section in section_figures(ctx.leaflet, graded):
        figures = section.figures
        if figures.words >= ctx.config.readability.min_words:
            yield section, figures


def _issue(
    ctx: CheckContext,
    graded: GradedSection,
    message: str,
    hint: str,
    worst: Callable[[Figures], float],
) -> Issue:
    """A finding about a section, at its heading's line (where the block's waivers
    are). In a translation the message names the locale, and the hint the catalog
    entry whose text scores ``worst``: the msgstr the translator simplifies first."""
    if not ctx.is_translation:
        return Issue(ctx.sources.locate(graded.section.line, ""), message, hint)
    named = [(worst(f), t) for t, f in graded.parts if f.words and ctx.msgstr_of(t)]
    first = max(named, key=lambda item: item[0])[1] if named else None
    start = ctx.msgstr_of(first) if first else ""
    return Issue(
        ctx.sources.locate(graded.section.line, ""),
        f"[{ctx.locale}] {message}",
        f"{hint}; start with {start}" if start else hint,
        entry=ctx.entry_of(first) if first else None,
    )


def _where(section: GradedSection) -> str:
    return f"section “{section.section.name}”"


@check(
    "READ001",
    "error",
    "Above grade 10 most patients cannot read the leaflet on their own; do not print it.",
    scope="locale",
)
def grade_too_high(ctx: CheckContext) -> Iterator[Issue]:
    limit = ctx.config.readability.grade_error
    for section, f in _graded(ctx):
        if f.grade > limit:
            yield _issue(
                ctx,
                section,
                f"{_where(section)} reads at grade {f.grade:.1f} (limit {limit:g}): " + f.summary(),
                "shorten sentences and use shorter words; explain each medical term once",
                lambda part: part.grade,
            )


@check(
    "READ002",
    "warning",
    "Patient material should read at school grade 8 or below (NIH, AMA, CDC guidance).",
    scope="locale",
)
def grade_high(ctx: CheckContext) -> Iterator[Issue]:
    r = ctx.config.readability
    for section, f in _graded(ctx):
        if r.grade_warning < f.grade <= r.grade_error:
            yield _issue(
                ctx,
                section,
                f"{_where(section)} reads at grade {f.grade:.1f} (aim for "
                f"{r.grade_warning:g} or below): " + f.summary(),
                "split long sentences; prefer everyday words to words of 3+ syllables",
                lambda part: part.grade,
            )


@check(
    "READ003",
    "warning",
    "Long sentences are the main reason a text is hard; plain-language guides aim at 15–20 words.",
    scope="locale",
)
def long_sentences(ctx: CheckContext) -> Iterator[Issue]:
    limit = ctx.config.readability.sentence_words
    for section, f in _graded(ctx):
        if f.sentence_length > limit:
            yield _issue(
                ctx,
                section,
                f"{_where(section)} averages {f.sentence_length:.1f} words per sentence "
                f"(aim for {limit:g} or fewer)",
                "split sentences at 'and', 'but', 'which'; one idea per sentence",
                lambda part: part.sentence_length,
            )


@check(
    "READ004",
    "warning",
    "Many long words (3+ syllables) make a text hard even when sentences are short.",
    scope="locale",
)
def hard_words(ctx: CheckContext) -> Iterator[Issue]:
    limit = ctx.config.readability.hard_word_share
    for section, f in _graded(ctx):
        if f.hard_word_share > limit:
            yield _issue(
                ctx,
                section,
                f"{_where(section)}: {f.hard_word_share:.0%} of words have 3+ syllables "
                f"(aim for {limit:.0%} or fewer)",
                "replace long words with everyday ones where a shorter word says the same",
                lambda part: part.polysyllables,
            )


@check(
    "READ005",
    "warning",
    "Passive sentences hide who does what (the clinic, the doctor, you); patients need to know.",
    scope="locale",
)
def passive_voice(ctx: CheckContext) -> Iterator[Issue]:
    limit = ctx.config.readability.passive_share
    for section, f in _graded(ctx):
        if f.passive_share > limit:
            yield _issue(
                ctx,
                section,
                f"{_where(section)}: {f.passive_share:.0%} of sentences look passive "
                f"(aim for {limit:.0%} or fewer)",
                "name who acts: 'your doctor checks…' rather than 'it is checked…'",
                lambda part: part.passive,
            )


def spaced_phrases(leaflet: Leaflet, project: Project | None) -> list[tuple[Text, str, int]]:
    """(text, phrase, words) for every space-separated phrase of the body in a
    language whose spaces mark phrases (Thai, Lao, Khmer, Burmese)."""
    found = []
    for section in sections(leaflet):
        for text in section.texts:
            value = plain(text.value).text
            lang = language_of(value, leaflet.language)
            own = profile(lang)
            if not own.phrase_spaces or not own.has_letters(value):
                continue
            for phrase in value.split():
                if own.has_letters(phrase):
                    found.append((text, phrase, len(words_of(phrase, lang, project))))
    return found


@check(
    "READ006",
    "warning",
    "Thai (like Lao, Khmer, Burmese) has no grade formula; a phrase far longer than "
    "the leaflet's average is where a reader stalls.",
    scope="locale",
)
def long_phrase(ctx: CheckContext) -> Iterator[Issue]:
    phrases = spaced_phrases(ctx.leaflet, ctx.project)
    if not phrases:
        return
    r = ctx.config.readability
    average = sum(n for _, _, n in phrases) / len(phrases)
    reader = profile(ctx.leaflet.language).name
    limit = max(r.thai_phrase_min_words, r.thai_phrase_factor * average)
    for text, phrase, count in phrases:
        if count > limit:
            shown = phrase if len(phrase) <= 40 else phrase[:40] + "…"
            entry = ctx.msgstr_of(text, phrase)
            yield Issue(
                ctx.sources.locate(text.line, ""),
                f"[{ctx.locale}] phrase of {count} words (leaflet average {average:.1f}): "
                f"“{shown}”",
                f"split it with a space where a {reader} reader would pause, or into two sentences"
                + (f", in {entry}" if entry else ""),
                entry=ctx.entry_of(text, phrase),
            )
