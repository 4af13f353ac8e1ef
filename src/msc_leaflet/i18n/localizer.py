"""Leaflet × catalog → localised leaflet: the i18n stage of the build.

Reads the ``.po`` itself rather than a compiled ``.mo`` so that it can tell the
reader *why* a text is still in the source language: untranslated, fuzzy (not used
unless asked for), or a translation that fails `checks` (e.g. a lost citation,
which would silently drop a reference number from the printed page).

A pool worker localises one leaflet after another, and every job reads the ``ui``
catalog and checks the same labels again; parsed catalogs (keyed by the file's inode,
size and mtime, so an edited .po is read again) and check verdicts (keyed by source and
translation) are kept in small bounded caches, read-only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from ..content.model import Leaflet, Text, map_texts, texts
from ..errors import CheckFinding, Finding, LeafletError, Location, counted
from ..files import Stamp, file_stamp
from ..languages import language_subtag
from ..project import Project, same_language, translates_into
from .catalog import (
    UI_DOMAIN,
    Catalog,
    Entry,
    Key,
    bundled_ui_catalog,
    catalog_language,
    catalog_path,
    catalog_to_start,
    msgstr_as_read,
    po_path,
    start_hint,
    variant_folders,
)
from .contacts import organisation_in
from .coverage import mismatch
from .extract import is_optional
from .kept_terms import NO_KEPT_TERMS, KeptTerms, kept_terms
from .label_checks import ui_entry_problems
from .labels import PROOF_WORDS, UI_LANGUAGE, UI_MESSAGES, Fallback, Labels
from .pofile import read_po_version
from .translation_checks import (
    CONVERTED_UNITS,
    COVERAGE,
    WRONG_SCRIPT,
    Problem,
    check_entry,
    errors,
    printed_problems,
)
from .typed import problem_place

MAX_LISTED = 12  # entries named in one warning before "and N more"
# The ui catalog plus recently built leaflets' catalogs (~0.15 MB each parsed): a job
# reads its leaflet's catalog and the ui one; 16 grew a batch's workers by 2 MB (#20).
CATALOG_CACHE_SIZE = 8
# Source/translation pairs (a leaflet has ~100; a verdict costs ~0.2 ms to recompute):
# the ui catalog's and a few leaflets', not a whole batch's (issue #20).
VERDICT_CACHE_SIZE = 1024
# The printed text of one localised leaflet, in UTF-8 bytes: what the largest leaflet
# file can hold (content.yaml_source.MAX_FILE_BYTES), so a translation can make a
# leaflet as long as the longest source allowed and no longer, and every build stays
# under a minute (docs/hardening.md, "Measured bounds").
MAX_TEXT_BYTES = 2_000_000


def _catalog_entries(path: Path) -> dict[Key, Entry]:
    """Active entries of the catalog at ``path`` by key; shared, never to be modified."""
    return _catalog(path)[0]


def _catalog(path: Path) -> tuple[dict[Key, Entry], str]:
    """The catalog's entries by key, and the language its header declares."""
    stat = path.stat()  # a rewrite (editor, `i18n update`) changes one of these
    return _parsed(path, file_stamp(stat))


@lru_cache(maxsize=CATALOG_CACHE_SIZE)
def _parsed(path: Path, stamp: Stamp) -> tuple[dict[Key, Entry], str]:
    catalog = read_po_version(path, stamp)
    return catalog.lookup(), catalog.header.get("Language", "")


def _header_finding(path: Path, declared: str, locale: str) -> list[Finding]:
    """A catalog whose header is missing or names another language may be the wrong
    file, or one a tool stripped: say so instead of building from it silently. A
    regional variant of ``locale`` is its language (Crowdin writes th_TH for th)."""
    if translates_into(declared, locale):
        return []
    said = f"says Language {declared!r}" if declared else "has no header (no Language)"
    return [
        Finding(
            Location(path, 1),
            "warning",
            f"catalog {said} but is used for {locale}",
            "check it is the right file; `msc-leaflet i18n check` reports it too",
        )
    ]


def _coverage_finding(path: Path, entries: dict[Key, Entry], leaflet: Leaflet) -> list[Finding]:
    """A catalog that matches almost none of the leaflet is an error: printed, it would be
    a "translation" entirely in the source language (issue #19)."""
    found = mismatch(Catalog(entries=list(entries.values())), _keys(leaflet), leaflet.id)
    if found is None:
        return []
    message, hint = found
    return [CheckFinding(Location(path, 1), COVERAGE.severity, message, hint, COVERAGE.code)]


def _keys(leaflet: Leaflet) -> set[Key]:
    return {(text.context, text.value) for text in texts(leaflet)}


def _entry_errors(entry: Entry, language: str, source_language: str = "en") -> tuple[Problem, ...]:
    """The errors that keep ``entry``'s translation off the page (`check_entry`)."""
    return _translation_errors(
        entry.msgid, tuple(entry.forms), language, entry.msgid_plural, source_language
    )


def prints_translation(entry: Entry | None, language: str, source_language: str) -> bool:
    """Whether a leaflet prints ``entry``'s translation into ``language`` (a draft built
    with --allow-fuzzy aside): written, not fuzzy, and passing the checks `localize`
    runs, which refuse one written in plural form (`Entry.printed`). The one definition
    stats, the sign-off, the desk and the build share: stats counted a msgstr the build
    refuses (a lost citation, unclosed markup) as translated, and a translator read
    "ready" over an English paragraph."""
    return (
        entry is not None
        and entry.translated
        and not refusal_reasons(entry, language, source_language)
    )


def refusal_reasons(entry: Entry, language: str, source_language: str) -> tuple[Problem, ...]:
    """Why the build refuses ``entry``'s translation, written and not fuzzy, and prints
    its source text with a warning (`_Translator`): a lost citation, unclosed markup, or
    the plural form (msgid_plural, msgstr[0]) a leaflet never looks up. Nothing for an
    entry not written or fuzzy: those are untranslated or fuzzy, not refused. Stats
    counted a plural entry the build refused as untranslated, though it was written."""
    if not entry.translated:
        return ()
    return _entry_errors(entry, language, source_language)


def printed_warnings(
    entry: Entry,
    language: str,
    source_language: str = "en",
    declared: KeptTerms = NO_KEPT_TERMS,
) -> tuple[Problem, ...]:
    """The warnings the build repeats for ``entry``'s translation, which it prints
    (`translation_checks.printed_problems`: a sentence in another language's letters, a
    unit converted), as `i18n check` reports them; --strict refuses a build with one.
    ``declared``: what the project declares may print as written (`kept_terms`)."""
    if not entry.has_translation or entry.msgid_plural is not None:
        return ()
    kept = is_optional(entry.msgctxt)
    return _printed_warnings(entry.msgid, entry.msgstr, language, kept, source_language, declared)


@lru_cache(maxsize=VERDICT_CACHE_SIZE)
def _printed_warnings(
    source: str,
    translation: str,
    language: str,
    kept: bool,
    source_language: str,
    declared: KeptTerms,
) -> tuple[Problem, ...]:
    return tuple(printed_problems(source, translation, language, kept, source_language, declared))


def wrong_language(catalog: Catalog, path: Path, project: Project | None) -> dict[Key, Fallback]:
    """The entries of the catalog (read from ``path``) the build prints with a warning
    (`printed_warnings`) for a sentence in another language's letters (I18N020), each
    with the place and reason the warning gives: stats lists them in the same words.
    Fuzzy and refused ones are not among them: not printed. A unit converted (I18N021)
    is no other language: a clinician's to confirm, which `i18n check` lists. What
    ``project`` declares may print as written (`kept_terms`) is none."""
    language = catalog_language(path)
    declared = kept_terms(project, language)
    found = {}
    for entry in catalog.active:
        if not entry.translated or refusal_reasons(entry, language, catalog.source_language):
            continue
        warned = printed_warnings(entry, language, catalog.source_language, declared)
        if problems := [p for p in warned if p.code == WRONG_SCRIPT.code]:
            found[entry.key] = _rejected(path, entry, problems_said(problems), problems)
    return found


def refusals(
    catalog: Catalog, path: Path, domain: str, source_language: str
) -> dict[Key, Fallback]:
    """The entries of ``domain``'s catalog (read from ``path``) whose translation the
    build refuses, printing the source text instead, each with the reason and the place
    the build's warning gives: stats counts and lists them with the same words. Those
    not printed for another reason (nothing written, fuzzy) are not among them."""
    language = catalog_language(path)
    if domain == UI_DOMAIN:
        found = _ui_fallbacks(catalog.lookup(), language, path)
        return {
            (key, UI_MESSAGES[key]): why for key, why in found.items() if why.kind == "rejected"
        }
    refused = {}
    for entry in catalog.active:
        if problems := refusal_reasons(entry, language, source_language):
            refused[entry.key] = _rejected(path, entry, problems_said(problems), problems)
    return refused


def problems_said(problems: Sequence[Problem]) -> str:
    """ "[I18N005] citation missing: [@alpha2001]; [I18N003] markup missing"."""
    return "; ".join(f"[{p.code}] {p.message}" for p in problems)


@lru_cache(maxsize=VERDICT_CACHE_SIZE)
def _translation_errors(
    source: str,
    forms: tuple[str, ...],
    language: str,
    plural: str | None = None,
    source_language: str = "en",
) -> tuple[Problem, ...]:
    """The errors of the translation ``forms`` (the checks are pure functions)."""
    found = check_entry(source, forms, language, source_language, plural, errors_only=True)
    return tuple(errors(found))


def _entries(number: int, kind: str) -> str:
    """ "1 untranslated th entry", "3 untranslated th entries"."""
    return counted(number, f"{kind} entry", f"{kind} entries")


def _listing(texts: list[Text]) -> str:
    """The contexts of ``texts``, each with the line of its entry in the catalog the
    warning names (a translator opens the .po there), or of the leaflet for a text the
    catalog does not hold yet."""
    shown = ", ".join(
        f"{t.context} (line {t.origin.line})"
        if t.origin is not None
        else f"{t.context} (not in the catalog yet; leaflet line {t.line})"
        for t in texts[:MAX_LISTED]
    )
    more = len(texts) - MAX_LISTED
    return shown + (f" and {more} more" if more > 0 else "")


def _typed_at(path: Path, entry: Entry) -> Location:
    """Where the translator types ``entry``'s translation: its msgstr's line, which a
    message names (the entry's first line, a ``#:`` or msgctxt, is lines above it).
    `i18n.typed` reads the character's own place from it when one is named."""
    return Location(path, entry.msgstr_line or entry.line)


@dataclasses.dataclass(frozen=True)
class Unprinted:
    """A text a translation prints in its source language, for the proof's list of them:
    ``why`` ("untranslated", "fuzzy", or "refused: " and the build's reasons) and
    ``reported``, the build's warning that names it (None: one the list does not say,
    such as a missing catalog). The proof listed a fuzzy text three times: as printed
    in English, in that warning, and as `check`'s I18N001 relaying it; it now lists it
    once, with why and its catalog line (``text.origin``)."""

    text: Text
    why: str
    reported: Finding | None = None
    # The msgstr the build refused, as it would read (`msgstr_as_read`); "" for a text
    # not refused. Not printed, yet the claim checks read it (`refused_texts`): a
    # promise in it was reported only once its hidden character was removed.
    written: str = ""

    @property
    def context(self) -> str:
        return self.text.context

    @property
    def value(self) -> str:
        return self.text.value

    @property
    def line(self) -> int:
        return self.text.line


class _Translator:
    """Looks each Text up once, remembering what could not be used and why."""

    def __init__(
        self,
        entries: dict[Key, Entry],
        path: Path,
        allow_fuzzy: bool,
        source_language: str,
        declared: KeptTerms = NO_KEPT_TERMS,
    ) -> None:
        self.entries = entries
        self.declared = declared  # what the project keeps as written (`kept_terms`)
        self.source_language = source_language  # the leaflet's, read as it writes numbers
        self.allow_fuzzy = allow_fuzzy
        self.untranslated: list[Text] = []
        self.fuzzy: list[Text] = []
        self.rejected: list[Finding] = []
        self.rejected_texts: list[Unprinted] = []
        self.warned: list[Finding] = []
        self.path = path

    def __call__(self, text: Text) -> Text:
        entry = self.entries.get((text.context, text.value))
        optional = is_optional(text.context)
        # A text printed untranslated is listed with its catalog entry, when it has one.
        listed = (
            text if entry is None else dataclasses.replace(text, origin=_typed_at(self.path, entry))
        )
        if entry is None or not entry.has_translation:
            if not optional:
                self.untranslated.append(listed)
            return text
        if entry.fuzzy and not self.allow_fuzzy:
            if not optional:
                self.fuzzy.append(listed)
            return text
        problems = _entry_errors(entry, catalog_language(self.path), self.source_language)
        self._warn(text, entry, problems)
        if problems:
            reasons = problems_said(problems)
            self.rejected.append(
                Finding(
                    problem_place(_typed_at(self.path, entry), problems),
                    "warning",
                    f"translation of '{text.context}' not used, source text printed: {reasons}",
                    "fix the msgstr; `msc-leaflet i18n check` lists every such problem",
                )
            )
            self.rejected_texts.append(
                Unprinted(
                    listed,
                    f"refused: {reasons}",
                    self.rejected[-1],
                    written=msgstr_as_read(entry.msgstr),
                )
            )
            return text
        return dataclasses.replace(
            text, value=msgstr_as_read(entry.msgstr), origin=_typed_at(self.path, entry)
        )

    def _warn(self, text: Text, entry: Entry, problems: tuple[Problem, ...]) -> None:
        """A warning for a translation the page prints in another language's letters or
        with a unit converted (`printed_warnings`); none for one refused, whose errors
        say why it is not."""
        if problems:
            return
        language = catalog_language(self.path)
        found = printed_warnings(entry, language, self.source_language, self.declared)
        if found:
            hints = dict.fromkeys(_PRINTED_HINTS[p.code] for p in found)
            self.warned.append(
                Finding(
                    problem_place(_typed_at(self.path, entry), found),
                    "warning",
                    f"translation of '{text.context}' printed as written: {problems_said(found)}",
                    "; ".join(hints) + "; `msc-leaflet i18n check` lists every such problem",
                )
            )


#: What to do about each warning the build repeats for a translation it prints.
_PRINTED_HINTS = {
    WRONG_SCRIPT.code: "translate it in the catalog's language",
    CONVERTED_UNITS.code: "have a clinician confirm the amount in the other unit is meant",
}


def reads_fuzzy(leaflet: Leaflet, locale: str, project: Project) -> bool:
    """Whether ``leaflet``'s catalog in ``locale`` holds a fuzzy translation of one of its
    texts: the only outputs --allow-fuzzy changes. Without one the option changes no
    byte, and a build with it counts as one without (`build.batch`)."""
    if same_language(locale, leaflet.language):
        return False
    path = catalog_path(project, locale, leaflet.id)
    if not path.is_file():
        return False
    entries = _catalog_entries(path)
    for text in texts(leaflet):
        entry = entries.get((text.context, text.value))
        if entry is not None and entry.fuzzy and entry.has_translation:
            return True
    return False


def localize(
    leaflet: Leaflet, locale: str, project: Project, *, allow_fuzzy: bool = False
) -> tuple[Leaflet, list[Finding]]:
    """``leaflet`` in ``locale``; texts that cannot be translated stay as written, with warnings."""
    localized, findings, _ = localize_with_fallbacks(
        leaflet, locale, project, allow_fuzzy=allow_fuzzy
    )
    return localized, findings


def localize_with_fallbacks(
    leaflet: Leaflet, locale: str, project: Project, *, allow_fuzzy: bool = False
) -> tuple[Leaflet, list[Finding], list[Unprinted]]:
    """`localize`, plus every text still printed in the source language (for proofs)."""
    organisation, unreadable = organisation_in(leaflet.organisation, locale)
    if same_language(locale, leaflet.language):
        return leaflet, unreadable, []
    localized, findings, fallbacks = _translated(leaflet, locale, project, allow_fuzzy)
    return (
        dataclasses.replace(localized, organisation=organisation),
        findings + unreadable,
        fallbacks,
    )


def _translated(
    leaflet: Leaflet, locale: str, project: Project, allow_fuzzy: bool
) -> tuple[Leaflet, list[Finding], list[Unprinted]]:
    """The texts of ``leaflet`` in ``locale`` as its catalog gives them."""
    path = catalog_path(project, locale, leaflet.id)
    if finding := missing_catalog(project, locale, leaflet.id, leaflet.language):
        fallbacks = [
            Unprinted(t, "untranslated") for t in texts(leaflet) if not is_optional(t.context)
        ]
        return dataclasses.replace(leaflet, language=locale), [finding], fallbacks
    entries, declared = _catalog(path)
    declared_terms = kept_terms(project, catalog_language(path))
    translator = _Translator(entries, path, allow_fuzzy, leaflet.language, declared_terms)
    localized = map_texts(leaflet, translator)
    _check_size(localized, leaflet.path, locale)
    findings: list[Finding] = _header_finding(path, declared, catalog_language(path))
    findings += _coverage_finding(path, entries, leaflet)
    fallbacks = list(translator.rejected_texts)
    if translator.untranslated:
        findings.append(
            Finding(
                Location(path),
                "warning",
                _entries(len(translator.untranslated), f"untranslated {locale}")
                + f", printed in the source language: {_listing(translator.untranslated)}",
                f"translate them in {path.name}, then rebuild",
            )
        )
        fallbacks += [Unprinted(t, "untranslated", findings[-1]) for t in translator.untranslated]
    if translator.fuzzy:
        findings.append(
            Finding(
                Location(path),
                "warning",
                _entries(len(translator.fuzzy), f"fuzzy {locale}")
                + f" not used, printed in the source language: {_listing(translator.fuzzy)}",
                "review them and remove the fuzzy flag, or build with --allow-fuzzy",
            )
        )
        fallbacks += [Unprinted(t, "fuzzy", findings[-1]) for t in translator.fuzzy]
    findings += translator.rejected
    findings += translator.warned
    fallbacks.sort(key=lambda unprinted: unprinted.line)
    return dataclasses.replace(localized, language=locale), findings, fallbacks


def missing_catalog(
    project: Project, locale: str, leaflet_id: str, language: str
) -> Finding | None:
    """The warning of a ``locale`` build of a leaflet written in ``language`` that has
    no catalog in ``locale`` (every text printed untranslated), else None. Known from
    the files alone, before the leaflet is read: a dry run says it as the build does."""
    if same_language(locale, language):
        return None
    path = catalog_path(project, locale, leaflet_id)
    if path.is_file():
        return None
    start = catalog_to_start(locale, language)
    return Finding(
        Location(po_path(project, start, leaflet_id)),
        "warning",
        f"no {locale} catalog for leaflet '{leaflet_id}': every text is printed untranslated",
        start_hint(locale, start, path.name, variant_folders(project, locale, path.name)),
    )


def _check_size(localized: Leaflet, source: Path, locale: str) -> None:
    """Refuse a translation whose text exceeds `MAX_TEXT_BYTES`, naming its longest entry
    (a pasted document, a msgstr repeated by a tool): beyond it a build takes minutes."""
    all_texts = list(texts(localized))
    size = sum(len(text.value.encode()) for text in all_texts)
    if size <= MAX_TEXT_BYTES:
        return
    longest = max(all_texts, key=lambda text: len(text.value))
    raise LeafletError(
        longest.location(source),
        f"the {locale} text of leaflet '{localized.id}' is {size:,} bytes; the limit is "
        f"{MAX_TEXT_BYTES:,} (the longest entry, '{longest.context}', is "
        f"{len(longest.value.encode()):,} bytes)",
        "a translation may be as long as the largest leaflet file, no longer: check this "
        "entry for pasted or repeated text, or split the leaflet",
    )


def ui_labels(locale: str, project: Project) -> Labels:
    """The layout's words in ``locale``; anything missing or broken falls back to English,
    and the labels say which and why (`Fallback`, reported by `ui_findings`)."""
    path = catalog_path(project, locale, UI_DOMAIN)
    english = _writes_english(locale)
    if not path.is_file():
        return Labels(None, {} if english else dict.fromkeys(UI_MESSAGES, Fallback("untranslated")))
    entries = _catalog_entries(path)
    fallbacks = _ui_fallbacks(entries, locale, path)

    def lookup(context: str, message: str) -> str:
        entry = entries.get((context, message))
        if context in fallbacks or entry is None:
            return message
        return msgstr_as_read(entry.msgstr)

    words = _translated_words(entries, fallbacks, path)
    return Labels(lookup, {} if english else fallbacks, words)


def page_words(locale: str, project: Project) -> tuple[Text, ...]:
    """The words the layout prints in ``locale`` from its ``ui`` catalog ("Please note",
    a callout's label), each a `Text` whose ``origin`` is its catalog entry: printed on
    every page of every leaflet in the language, so the checks read them like the
    leaflets' own texts. Those printed in English (`ui_labels`' fallbacks) are not
    among them: they are msc-leaflet's own words."""
    path = catalog_path(project, locale, UI_DOMAIN)
    if not path.is_file():
        return ()
    entries = _catalog_entries(path)
    return _translated_words(entries, _ui_fallbacks(entries, locale, path), path)


def refused_texts(fallbacks: Sequence[Unprinted]) -> tuple[Text, ...]:
    """The translations among ``fallbacks`` (`localize_with_fallbacks`) the build
    refused, each as its msgstr reads, at its entry: the page prints the source text
    instead, but the translator fixes the msgstr, and a promise in it must be named
    with what refuses it (a bidi control, a lost citation), not only once that is
    fixed."""
    return tuple(
        dataclasses.replace(unprinted.text, value=unprinted.written)
        for unprinted in fallbacks
        if unprinted.written
    )


def refused_page_words(locale: str, project: Project) -> tuple[Text, ...]:
    """The words of ``locale``'s ``ui`` catalog the build refuses and prints in English
    (`_ui_fallbacks`), each as its msgstr reads, at its entry: as `refused_texts`, for
    the claim checks."""
    path = catalog_path(project, locale, UI_DOMAIN)
    if not path.is_file():
        return ()
    entries = _catalog_entries(path)
    refused = {
        key for key, why in _ui_fallbacks(entries, locale, path).items() if why.kind == "rejected"
    }
    return tuple(
        Text(msgstr_as_read(entry.msgstr), key, 0, origin=Location(path, entry.msgstr_line))
        for key, source in UI_MESSAGES.items()
        if key in refused and (entry := entries.get((key, source))) is not None
    )


def _translated_words(
    entries: dict[Key, Entry], fallbacks: Mapping[str, Fallback], path: Path
) -> tuple[Text, ...]:
    """The labels the ``ui`` catalog at ``path`` gives (all but its ``fallbacks``), each
    a `Text` whose ``origin`` is its msgstr: the one list the checks read and a build's
    refusal searches (`layout.unprintable.missing_glyph`), so both name ui.po."""
    return tuple(
        Text(msgstr_as_read(entry.msgstr), key, 0, origin=Location(path, entry.msgstr_line))
        for key, source in UI_MESSAGES.items()
        if key not in fallbacks and (entry := entries.get((key, source))) is not None
    )


def _ui_fallbacks(entries: dict[Key, Entry], locale: str, path: Path) -> dict[str, Fallback]:
    """The labels the ``ui`` catalog's ``entries`` (at ``path``) cannot give, and why:
    untranslated, fuzzy, or refused by `label_checks.ui_entry_problems`' errors, as
    `i18n check` names them."""
    fallbacks: dict[str, Fallback] = {}
    for key, source in UI_MESSAGES.items():
        entry = entries.get((key, source))
        if entry is None or not entry.has_translation:
            fallbacks[key] = Fallback("untranslated", entry.line if entry else 0)
        elif entry.fuzzy:
            fallbacks[key] = Fallback("fuzzy", entry.line)
        elif problems := label_errors(key, source, entry, locale):
            fallbacks[key] = _rejected(path, entry, problems_said(problems), problems)
    return fallbacks


def label_errors(key: str, source: str, entry: Entry, locale: str) -> tuple[Problem, ...]:
    """The errors that keep the ui entry ``key``'s translation (English ``source``), into
    ``locale``, off the page and the desk: `i18n check` names each at its place."""
    found = ui_entry_problems(key, source, entry.msgstr, lambda: _entry_errors(entry, locale))
    return tuple(errors(found))


def _rejected(path: Path, entry: Entry, reason: str, problems: Sequence[Problem] = ()) -> Fallback:
    """A label refused for ``reason``, at the place of ``problems`` (`problem_place`):
    its msgstr line, and the column of the mistake where one names a character."""
    place = problem_place(_typed_at(path, entry), problems)
    return Fallback("rejected", place.line, reason, place.column)


def _writes_english(locale: str) -> bool:
    """Whether ``locale`` is a variety of the language the labels are written in (en,
    en_GB, en_US): it prints them as they are, with or without a catalog."""
    return language_subtag(locale) == UI_LANGUAGE


def leaflet_words_in_english(locale: str, project: Project, words: Iterable[str]) -> list[Finding]:
    """`ui_findings` for ``words``, those a leaflet handed out in ``locale`` prints
    (`printed_labels`), before any is laid out: what the desk must know to call the
    language ready. The build names those its pages print, once laid out."""
    return ui_findings(_printing(locale, project, words), locale, project)


def _printing(locale: str, project: Project, words: Iterable[str]) -> Labels:
    """The ``locale`` labels, with ``words`` (a proof's own aside) recorded as printed,
    in the catalog's order: ``words`` is a set (`printed_labels`), whose order changes
    from run to run, and a warning listing them must read the same each time."""
    labels = ui_labels(locale, project)
    wanted = set(words) - set(PROOF_WORDS)
    labels.will_print(*(key for key in UI_MESSAGES if key in wanted))
    return labels


def _placed(key: str, why: Fallback, file_name: str) -> str:
    """``key`` with where its entry is, for a warning listing several."""
    return f"{key} (line {why.line})" if why.line else f"{key} (not in {file_name})"


def ui_findings(labels: Labels, locale: str, project: Project) -> list[Finding]:
    """Warnings naming the page words ``labels`` printed in English in a ``locale``
    leaflet, as the leaflet's own untranslated texts are named: one for a missing
    catalog, one listing the untranslated, one the fuzzy, and one per translation that
    failed a check, at its line."""
    printed = labels.printed_in_source
    if not printed:
        return []
    path = catalog_path(project, locale, UI_DOMAIN)
    if not path.is_file():
        start = catalog_to_start(locale, UI_LANGUAGE)
        return [
            Finding(
                Location(po_path(project, start, UI_DOMAIN)),
                "warning",
                f"no {locale} catalog for the words the page prints itself ({path.name}): "
                f"{', '.join(printed)} printed in English",
                start_hint(locale, start, path.name, variant_folders(project, locale, path.name)),
            )
        ]
    findings: list[Finding] = []
    for kind, hint in (
        ("untranslated", f"translate them in {path.name}, then rebuild"),
        ("fuzzy", "review them and remove the fuzzy flag"),
    ):
        keys = [key for key, why in printed.items() if why.kind == kind]
        if keys:
            listed = ", ".join(_placed(key, printed[key], path.name) for key in keys)
            if not all(printed[key].line for key in keys):
                # A catalog older than a page word has no entry to translate yet.
                hint = f"run `msc-leaflet i18n update` to add the missing ones, then {hint}"
            findings.append(
                Finding(
                    Location(path),
                    "warning",
                    f"{len(keys)} {kind} {locale} page words, printed in English: {listed}",
                    hint,
                )
            )
    return findings + _refusals(printed, path)


def _refusals(printed: Mapping[str, Fallback], path: Path) -> list[Finding]:
    """A warning for each of the ``printed`` labels whose translation in the ui catalog
    at ``path`` is refused, at the place of its mistake."""
    return [
        Finding(
            Location(path, why.line, why.column),
            "warning",
            f"translation of '{key}' not used, English printed: {why.reason}",
            "fix the msgstr; `msc-leaflet i18n check` lists every such problem",
        )
        for key, why in printed.items()
        if why.kind == "rejected"
    ]


def bundled_ui_translations(keys: Sequence[str], locale: str) -> tuple[str, ...]:
    """The translations of the ui entries ``keys`` (msgctxt) in ``locale``'s bundled
    catalog (`bundled_ui_catalog`), the source's (`UI_MESSAGES`) in `UI_LANGUAGE`: the
    labels the layout prints, for a stage that must know them (`typeset.kept_groups`
    keeps "เว็บไซต์:" with its address) to read them from the catalogs, not a second list.
    Not an input of a build's fingerprint: the bundled library is released with the
    tool, whose version the fingerprint holds (`build.fingerprint`)."""
    if same_language(locale, UI_LANGUAGE):
        return tuple(sorted({UI_MESSAGES[key] for key in keys}))
    path = bundled_ui_catalog(locale)
    if not path.is_file():
        return ()
    entries = _catalog_entries(path)
    found = {
        msgstr_as_read(entry.msgstr)
        for key in keys
        if (entry := entries.get((key, UI_MESSAGES[key]))) is not None and entry.printed
    }
    return tuple(sorted(found))
