"""The content checks' findings about a catalog's translations, placed at its msgstrs.

`msc-leaflet check -l th` reads each leaflet as its Thai catalog translates it and
finds, say, a promise of cure (CLAIM001) in a msgstr; it reports it at the leaflet's
line, where a block's waiver is. `i18n check` is the command the translator runs, so it
reports the same finding (the same code, severity, message and hint, the same project
settings and waivers: `checks.run_checks` itself, not a copy of its rules) at the place
the translator types it: the msgstr's line and column (`checks.registry.Issue.entry`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import CheckFinding, Finding, LeafletError
from ..project import Project
from .catalog import UI_DOMAIN, catalog_language


def content_findings(project: Project, catalogs: Sequence[Path]) -> list[Finding]:
    """The findings of the checks run per locale (`Check.scope` "locale") that stand in
    one of ``catalogs``, each at its entry. A leaflet's catalog is read with its
    leaflet; ``ui.po``, whose words every leaflet prints, with each leaflet of its
    language that has a catalog (as `check` reads it), or, in a language no leaflet is
    translated into yet, as `build -l` prints it with any leaflet
    (`checks.runner.check_page_words`). A settings file that cannot be read is one
    finding: the catalogs' own rules are still reported."""
    from ..checks import checks_by_code, load_config, run_checks
    from ..checks.runner import check_page_words

    try:
        config = load_config(project)
    except LeafletError as err:
        return [err.finding()]
    wanted = {path.resolve() for path in catalogs}
    scopes = {code: item.scope for code, item in checks_by_code().items()}
    found: list[Finding] = []
    for locale, leaflets in _leaflets_by_locale(project, catalogs).items():
        for leaflet in leaflets or [""]:  # "": the page's words alone
            try:
                findings = (
                    run_checks(project, [leaflet], [locale], config)
                    if leaflet
                    else check_page_words(project, [locale], config)
                )
            except LeafletError:
                continue  # a catalog that cannot be read: `i18n check` names it, once
            found += _at_entries(findings, wanted, scopes)
    return list(dict.fromkeys(found))


def _at_entries(
    findings: Sequence[Finding], wanted: set[Path], scopes: Mapping[str, str]
) -> list[Finding]:
    """Those of ``findings`` of a per-locale check whose entry is in one of the catalogs
    ``wanted``, each placed there."""
    found: list[Finding] = []
    for finding in findings:
        if not isinstance(finding, CheckFinding) or scopes.get(finding.code) != "locale":
            continue  # a leaflet's own problem, or a translation's (I18N: our own rules)
        entry = finding.entry
        if entry is not None and entry.path.resolve() in wanted:
            found.append(dataclasses.replace(finding, location=entry, entry=None))
    return found


def _leaflets_by_locale(project: Project, catalogs: Sequence[Path]) -> dict[str, list[str]]:
    """Each locale of ``catalogs`` with the leaflets it has a catalog of (none: a locale
    with only ``ui.po``, whose words a build prints with every leaflet untranslated)."""
    known = set(project.leaflet_ids())
    by_locale: dict[str, list[str]] = {}
    for path in catalogs:
        leaflets = by_locale.setdefault(catalog_language(path), [])
        if path.stem != UI_DOMAIN and path.stem in known:
            leaflets.append(path.stem)
    return by_locale
