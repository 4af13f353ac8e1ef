"""Run the registered checks over leaflets and locales; apply severities and waivers.

This is the only place that knows about config and waivers: check functions report
`Issue`s, and here each becomes a `CheckFinding` with the severity the project chose,
unless a reasoned waiver in the block's note silences it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from ..content.loader import load_leaflet
from ..content.model import Leaflet, Text
from ..errors import Finding, LeafletError, Location
from ..project import Project
from ..theme.theme import theme_problem
from .config import CheckConfig
from .layout import LayoutReport
from .registry import (
    Check,
    CheckContext,
    CheckFinding,
    Issue,
    all_checks,
    check_named,
    checks_by_code,
    layout_checks,
)
from .source import SourceMap
from .waivers import Waiver, profile_waivers, waivers


def run_checks(
    project: Project,
    leaflet_ids: Sequence[str] = (),
    locales: Sequence[str] = (),
    config: CheckConfig | None = None,
    layouts: Mapping[tuple[str, str], LayoutReport] | None = None,
) -> list[Finding]:
    """Findings for ``leaflet_ids`` (default: all) in ``locales`` (default: the source
    language and every locale with a catalog for the leaflet), sorted by place."""
    config = config or CheckConfig()
    checks = all_checks()
    locales = list(dict.fromkeys(project.locale(locale) for locale in locales))
    findings: list[CheckFinding] = []
    if theme := theme_problem(project.theme_path):  # `build` would refuse every leaflet
        issue = _issue(theme)
        findings += _finalise([("LOAD004", issue)], config, [])
    if not locales:  # every locale: a folder not named after a language is named
        findings += _finalise(
            [("LOAD003", _issue(e)) for e in _folder_problems(project)],
            config,
            [],
        )
    if not leaflet_ids:  # every leaflet: a file that cannot be one is named, not skipped
        findings += _finalise(
            [("LOAD001", _issue(e)) for e in project.misnamed_leaflets()],
            config,
            [],
        )
    first: Leaflet | None = None  # a leaflet that loads, to read the other ui catalogs with
    read: set[Path] = set()  # the ui catalogs read with a leaflet in their language
    printed: dict[str, set[str]] = {}  # the page's words the leaflets print, per locale
    for leaflet_id in dict.fromkeys(leaflet_ids) or project.leaflet_ids():
        try:  # a leaflet file that is no file is one finding; the others are still checked
            leaflet, loaded = load_leaflet(project.leaflet_path(leaflet_id), project)
        except LeafletError as err:
            findings += _finalise([("LOAD001", _issue(err))], config, [])
            continue
        first = first or leaflet
        read.update(_ui_catalogs(project, locales or _leaflet_locales(project, leaflet)))
        words = _printed_words(project, leaflet)
        for locale in locales or _leaflet_locales(project, leaflet):
            printed.setdefault(locale, set()).update(words)
        findings += _check_leaflet(project, leaflet, loaded, locales, config, layouts or {}, checks)
    if not locales and first is not None:  # every locale: those with only a ui catalog too
        unread = [loc for loc in _ui_locales(project) if _ui_catalogs(project, [loc]) - read]
        findings += _page_word_findings(project, first, unread, config, checks)
    findings += _page_words_in_english(project, printed, config)
    # Once each: a claim in the page's own words (ui.po) is found with every leaflet.
    return sorted(dict.fromkeys(findings), key=_place)


def check_page_words(
    project: Project, locales: Sequence[str], config: CheckConfig | None = None
) -> list[Finding]:
    """The findings of the per-locale checks in the words the page prints itself in
    each of ``locales`` (its ui catalog), as `build -l` prints them with a leaflet that
    has no catalog there: the leaflet's text untranslated, the page's words from ui.po.
    For `i18n check`, whose translator may have started a language with ui.po alone;
    none in a project whose leaflets all fail to load (`check` names those)."""
    config = config or CheckConfig()
    for leaflet_id in project.leaflet_ids():
        try:
            leaflet = load_leaflet(project.leaflet_path(leaflet_id), project)[0]
        except LeafletError:
            continue
        return list(_page_word_findings(project, leaflet, locales, config, all_checks()))
    return []


def _page_word_findings(
    project: Project,
    leaflet: Leaflet,
    locales: Sequence[str],
    config: CheckConfig,
    checks: list[Check],
) -> list[CheckFinding]:
    """The findings `_check_leaflet` makes in each of ``locales``' ui catalogs and in
    the organisation profile, read with ``leaflet`` (any: the page prints the same
    words, and the same band of the profile's wordings in the language, with every
    leaflet of a language); its findings about the leaflet itself are left out, as no
    build of it in these locales is asked for. A Vietnamese name too wide for the band
    stops `build -l vi` with a ui.po alone as with a leaflet's catalog."""
    found: list[CheckFinding] = []
    for locale in locales:
        places = _ui_catalogs(project, [locale]) | {leaflet.organisation.path}
        found += [
            f
            for f in _check_leaflet(project, leaflet, [], [locale], config, {}, checks)
            if f.location.path in places
        ]
    words = _printed_words(project, leaflet)
    return found + _page_words_in_english(project, {loc: words for loc in locales}, config)


def _leaflet_locales(project: Project, leaflet: Leaflet) -> list[str]:
    """The locales `check` reads ``leaflet`` in when none is asked for: its own
    language and each that has a catalog of it."""
    return [leaflet.language, *_catalog_locales(project, leaflet)]


def _ui_locales(project: Project) -> list[str]:
    """The locales with a ui catalog of their own: each is printed by `build -l`, with
    any leaflet, whether or not a leaflet is translated into it yet."""
    found = _locale_folders(project)[0]
    if not found:
        return []
    from ..i18n.catalog import UI_DOMAIN, po_path

    return [loc for loc in found if po_path(project, loc, UI_DOMAIN).is_file()]


def _ui_catalogs(project: Project, locales: Iterable[str]) -> set[Path]:
    """The ui catalogs a build of ``locales`` prints the page's words from (a variant
    reads its language's: ar_EG reads ar's), those that exist."""
    try:
        from ..i18n.catalog import UI_DOMAIN, catalog_path
    except ImportError:  # no i18n stage: the page prints its English words
        return set()
    paths = (catalog_path(project, locale, UI_DOMAIN) for locale in locales)
    return {path for path in paths if path.is_file()}


def run_layout_checks(
    project: Project,
    source: Leaflet,
    localized: Leaflet,
    locale: str,
    report: LayoutReport,
    config: CheckConfig | None = None,
) -> list[Finding]:
    """The layout-derived checks on one output, which only a build can run: `build`
    calls this after laying out a PDF. Waivers of layout checks apply as in `run_checks`."""
    config = config or CheckConfig()
    sources = SourceMap.read(source.path)
    ctx = CheckContext(localized, source, locale, project, config, sources, report)
    issues: list[tuple[str, Issue]] = []
    registry = layout_checks()  # a build imports no family of the content checks
    for item in registry.values():
        if item.function is None:
            continue
        if config.severity_of(item.code, item.severity) != "off":
            issues += [(item.code, issue) for issue in item.function(ctx)]
    # Others belong to `run_checks`, which reports them once.
    layout_waivers = [w for w in waivers(sources) if w.has_reason and w.code in registry]
    return sorted(_finalise(issues, config, layout_waivers, registry=registry), key=_place)


def _place(f: Finding) -> tuple[str, int, int, str]:
    return (str(f.location.path), f.location.line, f.location.column, getattr(f, "code", ""))


def _check_leaflet(
    project: Project,
    leaflet: Leaflet,
    loaded: list[Finding],
    locales: Sequence[str],
    config: CheckConfig,
    layouts: Mapping[tuple[str, str], LayoutReport],
    checks: list[Check],
) -> list[CheckFinding]:
    sources = SourceMap.read(leaflet.path)
    issues: list[tuple[str, Issue]] = [
        ("LOAD002", _issue(f))
        for f in loaded
        if not f.message.endswith("is never cited")  # REF002 reports these, with a code
    ]
    every = _leaflet_locales(project, leaflet)
    from .segment import read_word_list  # ICU: only where content checks run

    for locale in locales or every:
        read_word_list(project, locale)
        localized, i18n_issues, refused = _localize(leaflet, locale, project)
        issues += i18n_issues
        if localized is None:
            continue
        layout = layouts.get((leaflet.id, locale))
        ctx = CheckContext(localized, leaflet, locale, project, config, sources, layout, refused)
        try:
            issues += _locale_issues(ctx, checks)
        except LeafletError as err:
            # A file a check reads cannot be (a ui.po saved as UTF-16): this language's
            # finding, once; raised, it stopped `check` and the desk's Status whole.
            issues.append(("LOAD001", _issue(err)))
    # A waiver may be used only in a language this run does not check (the English
    # myth list's CLAIM002 under `check -l th`), or by a layout check, which runs only
    # where a build laid the pages out: it is stale only if none of them uses it.
    checked = locales or every
    complete = set(every) <= set(checked)
    laid_out = all((leaflet.id, locale) in layouts for locale in checked)
    registry = checks_by_code()

    def judged(code: str) -> bool:
        return complete and (laid_out or registry[code].scope != "layout")

    return _finalise(
        issues,
        config,
        waivers(sources) + profile_waivers(leaflet.organisation.path),
        judged,
        _SourceCounts(project, leaflet, config, sources),
        leaflet.path,
    )


class _SourceCounts:
    """How many findings of a code the source language has about each subject (a claim's
    text and what it promises, `Issue.subject`) in the sentences a waiver names (its
    pins): as many as the waiver may silence about it in a translation. Run on demand,
    for the source language may not be among the locales checked."""

    def __init__(
        self, project: Project, leaflet: Leaflet, config: CheckConfig, sources: SourceMap
    ) -> None:
        self.language = leaflet.language
        self.ctx = CheckContext(leaflet, leaflet, leaflet.language, project, config, sources)
        self.counts: dict[str, Counter[tuple[tuple[str, ...], str]]] = {}

    def count(self, code: str, subject: tuple[str, ...], pins: tuple[str, ...] | None) -> int:
        """Findings about ``subject`` in the sentences of ``pins`` (None: in any)."""
        if code not in self.counts:
            function = checks_by_code()[code].function
            found = function(self.ctx) if function else ()
            self.counts[code] = Counter((issue.subject, issue.pin) for issue in found)
        return sum(
            n
            for (about, pin), n in self.counts[code].items()
            if about == subject and (pins is None or pin in pins)
        )


def _catalog_locales(project: Project, leaflet: Leaflet) -> list[str]:
    """The locales with a catalog of ``leaflet``; a folder not named after a language is
    left to `_folder_problems` (LOAD003)."""
    found = _locale_folders(project)[0]
    if not found:
        return []
    from ..i18n.catalog import po_path

    return [loc for loc in found if po_path(project, loc, leaflet.id).is_file()]


def _folder_problems(project: Project) -> list[LeafletError]:
    return list(_locale_folders(project)[1].values())


def _locale_folders(project: Project) -> tuple[list[str], dict[str, LeafletError]]:
    """`i18n.catalog.locale_folders`, or none where the i18n stage is not installed."""
    try:
        from ..i18n.catalog import locale_folders
    except ImportError:
        return [], {}
    return locale_folders(project)


def _locale_issues(ctx: CheckContext, checks: list[Check]) -> list[tuple[str, Issue]]:
    """The issues ``checks`` find in ``ctx``'s language, each as its check's code."""
    leaflet, locale, config = ctx.source, ctx.locale, ctx.config
    issues: list[tuple[str, Issue]] = []
    for item in checks:
        if item.function is None or config.severity_of(item.code, item.severity) == "off":
            continue
        runs = (
            item.scope == "locale"
            or (item.scope == "leaflet" and locale == leaflet.language)
            or (item.scope == "layout" and ctx.layout is not None)
        )
        if runs:
            issues += [
                (item.code, dataclasses.replace(issue, locale=locale))
                for issue in item.function(ctx)
            ]
    return issues


def _localize(
    leaflet: Leaflet, locale: str, project: Project
) -> tuple[Leaflet | None, list[tuple[str, Issue]], tuple[Text, ...]]:
    """``leaflet`` in ``locale``, the findings of its translation, and the msgstrs
    the build refused (`i18n.refused_texts`), which the claim checks read too."""
    if locale == leaflet.language:
        return leaflet, [], ()
    try:
        from ..i18n import localize_with_fallbacks, refused_texts
    except ImportError:
        message = f"cannot check {locale}: the i18n stage (msc_leaflet.i18n) is not available"
        return None, [("I18N001", Issue(Location(leaflet.path), message))], ()
    try:
        localized, found, fallbacks = localize_with_fallbacks(leaflet, locale, project)
    except LeafletError as err:
        # A catalog that cannot be read (a half-saved .po) is this language's finding:
        # raised, it stopped `check` and the desk's Status with the leaflets' other
        # languages and every other leaflet unchecked.
        return None, [("LOAD001", _issue(err))], ()
    # A finding with its own code (I18N014: a catalog that is not this leaflet's) keeps it.
    issues = [(f.code if isinstance(f, CheckFinding) else "I18N001", _issue(f)) for f in found]
    return localized, issues, refused_texts(fallbacks)


def _printed_words(project: Project, leaflet: Leaflet) -> frozenset[str]:
    """The page's own words (`printed_labels`) ``leaflet`` prints in any edition, a
    booklet's too, as the project's theme sets its footer; none without the i18n stage
    (the page prints its English words)."""
    try:
        from ..i18n.printed_labels import printed_labels
    except ImportError:
        return frozenset()
    return printed_labels(leaflet, footer_approval=_footer_approval(project), booklet=True)


def _page_words_in_english(
    project: Project, printed: Mapping[str, Iterable[str]], config: CheckConfig
) -> list[CheckFinding]:
    """The build's warnings (`i18n.ui_findings`, I18N001) for the page's words
    ``printed`` in each locale that it would print in English: no ui catalog, an entry
    untranslated or fuzzy, a translation refused (at its msgstr). One finding per
    locale and kind over every leaflet checked, in the build's words: `check -l th`
    said nothing of an untranslated "Contact us" that `build -l th` warned about and
    `build --strict` refused."""
    try:
        from ..i18n.localizer import leaflet_words_in_english
    except ImportError:  # no i18n stage: the page prints its English words
        return []
    issues = []
    for locale, words in printed.items():
        try:
            found = leaflet_words_in_english(locale, project, words)
        except LeafletError as err:  # a ui.po that cannot be read: named, as `_check_leaflet`
            issues.append(("LOAD001", _issue(err)))
            continue
        issues += [("I18N001", _issue(f)) for f in found]
    return _finalise(issues, config, [])


def _footer_approval(project: Project) -> bool:
    """Whether the project's theme prints "Thai translation approved …" in the footer
    (a theme that does not load is LOAD004, and prints nothing)."""
    from ..theme.theme import load_theme

    path = project.theme_path
    try:
        return load_theme(path if path.is_file() else None).footer_approval
    except LeafletError:
        return False


def _issue(found: Finding | LeafletError) -> Issue:
    """A finding of another stage (a file that cannot be loaded, a translation's
    verdict) as a check's issue: where it is, what is wrong and what to do."""
    return Issue(found.location, found.message, found.hint)


def _finalise(
    issues: Iterable[tuple[str, Issue]],
    config: CheckConfig,
    block_waivers: list[Waiver],
    judged: Callable[[str], bool] = lambda _code: True,
    source: _SourceCounts | None = None,
    leaflet: Path | None = None,
    registry: Mapping[str, Check] | None = None,
) -> list[CheckFinding]:
    """``issues`` as findings, less those a reasoned waiver silences, with the waivers'
    own problems. ``judged(code)``: whether ``issues`` hold every finding of that code
    (every language, every layout), so that a waiver for it which silenced none of
    them is stale (WAIVE003). A waiver of a `Check.pinned` code silences only the
    sentences it names (`Issue.pin`); in a translation, where sentences differ, no more
    findings about a subject (`Issue.subject`: a claim's text and what it promises)
    than the source has in them (``source``): it was written for those, not for a
    claim a translator adds. ``leaflet``: the leaflet's file, whose blocks' notes hold
    its waivers (an organisation profile holds its own). ``registry``: every check a
    waiver of ``block_waivers`` may name (default: every check)."""
    registry = checks_by_code() if registry is None else registry
    valid = [w for w in block_waivers if w.has_reason and w.code in registry]
    used: set[int] = set()
    pins_used: set[tuple[int, str]] = set()
    unpinned: set[int] = set()  # a waiver that names no pin, with a finding to silence
    silenced: Counter[tuple[int, str, tuple[str, ...]]] = Counter()  # waiver, locale, subject
    kept: list[tuple[str, Issue, int | None]] = []  # unwaived, with the block's waiver
    for code, issue in issues:
        waiver = next((n for n, w in enumerate(valid) if w.covers(code, issue.location)), None)
        if waiver is None:
            kept.append((code, issue, None))
            continue
        pinned = registry[code].pinned
        pins = valid[waiver].pins if pinned else None
        if pinned and not pins:
            unpinned.add(waiver)
            kept.append((code, issue, waiver))
            continue
        translated = source is not None and issue.locale != source.language
        if issue.subject and source is not None and translated:
            key = (waiver, issue.locale, issue.subject)
            if silenced[key] >= source.count(code, issue.subject, pins):
                hint = f"{issue.hint}; the block's waiver covers only what its source text says"
                kept.append((code, dataclasses.replace(issue, hint=hint), None))
                continue
            silenced[key] += 1
        elif pins is not None:
            if issue.pin not in pins:
                kept.append((code, issue, waiver))
                continue
            pins_used.add((waiver, issue.pin))
        used.add(waiver)
    stale = {
        n: [pin for pin in w.pins if (n, pin) not in pins_used]
        for n, w in enumerate(valid)
        if registry[w.code].pinned and judged(w.code)
    }
    result: list[CheckFinding] = []
    for code, issue, waiver in kept:
        result += _finding(code, _pin_hint(code, issue, waiver, stale, leaflet), config)
    for w in block_waivers:
        if w.code not in registry:
            issue = Issue(
                w.location,
                f"waiver for unknown check {w.code}",
                "`msc-leaflet check --list` shows every code",
            )
            result += _finding("WAIVE002", issue, config)
        elif not w.has_reason:
            issue = Issue(
                w.location,
                f"waiver for {w.code} gives no reason",
                f"write: waive: {w.code} — <why the check does not apply here>",
            )
            result += _finding("WAIVE001", issue, config)
        elif valid.index(w) in unpinned:
            issue = Issue(
                w.location,
                f"waiver for {w.code} names no text it is for, so it silences nothing",
                f"read each {w.code} finding in the block; for each that the reason is true "
                f"of, add the pin its hint gives: waive: {w.code} @… — {w.reason}",
            )
            result += _finding("WAIVE004", issue, config)
        elif stale.get(valid.index(w)):
            old = " ".join(stale[valid.index(w)])
            issue = Issue(
                w.location,
                f"waiver for {w.code} {old}: the sentence it was written for has changed or "
                "is gone",
                "read the block again: if a reported sentence is still one the reason is true "
                f"of, put the pin its finding gives in place of {old}; otherwise remove {old}",
            )
            result += _finding("WAIVE003", issue, config)
        elif judged(w.code) and valid.index(w) not in used:
            issue = Issue(
                w.location, f"waiver for {w.code} silences nothing in this block", "remove it"
            )
            result += _finding("WAIVE003", issue, config)
    return result


def _pin_hint(
    code: str, issue: Issue, waiver: int | None, stale: dict[int, list[str]], leaflet: Path | None
) -> Issue:
    """``issue``, whose hint says how to waive it by its pin (`Issue.pin`), once read:
    a renewal where its block's waiver names a sentence no longer there."""
    if not issue.pin:
        return issue
    waive = f"waive: {code} {issue.pin} — <why>"
    note = "the block's note"
    if leaflet is not None and issue.location.path != leaflet:
        note = f"a note: in {issue.location.path.name}"  # the organisation profile
    if waiver is not None and stale.get(waiver):
        how = (
            f"the waiver for {code} was written for a text that has changed: "
            f"if the reason is true of this one, renew it in {note}: {waive}"
        )
    else:
        how = f"once read and found no promise here, waive it in {note}: {waive}"
    return dataclasses.replace(issue, hint=f"{issue.hint}; {how}" if issue.hint else how)


def _finding(code: str, issue: Issue, config: CheckConfig) -> list[CheckFinding]:
    entry = check_named(code)
    configured = config.severities.get(code)
    severity = configured or issue.severity or entry.severity
    if severity == "off":
        return []
    if config.strict and entry.refused_for_print:
        severity = "error"  # as `build --strict` judges it: no output
    return [CheckFinding(issue.location, severity, issue.message, issue.hint, code, issue.entry)]
