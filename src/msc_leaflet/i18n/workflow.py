"""The translator workflow as library calls: extract, init, update, compile, check.

`msc_leaflet.cli.i18n` is a thin layer over these. Each returns what it did (files written or left
unchanged, findings) and prints nothing. Templates are always rebuilt from the
leaflets first, so ``update`` after editing a leaflet needs no separate ``extract``.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from ..data import library_root
from ..errors import CheckFinding, Finding, LeafletError, Location
from ..files import read_input, standing_there
from ..project import (
    Project,
    cldr_locale,
    locale_name,
    parent_locales,
    same_language,
    tag_script,
    translates_into,
    written_tag,
)
from .catalog import (
    HEADER_KEY,
    UI_DOMAIN,
    Catalog,
    Entry,
    Key,
    catalog_language,
    catalog_locales,
    catalog_path,
    declared_plurals,
    header_field,
    leaflet_locales,
    locale_dir_name,
    locale_folders,
    po_path,
    template_path,
    translates,
)
from .content_checks import content_findings
from .coverage import MIN_SHARE, mismatch
from .extract import GENERATED, is_optional, msgid_language, project_templates
from .format_strings import entry_format_problems, hint
from .headers import translation_header
from .kept_terms import NO_KEPT_TERMS, KeptTerms, kept_terms
from .label_checks import ui_entry_problems, ui_source
from .merge import adopt_moved, merge
from .mofile import mo_bytes
from .msgfmt import msgfmt_findings
from .plural_forms import often_forms, plural_problems
from .plural_standards import standard_problem
from .pofile import as_written, format_po, read_po, refuse_changed
from .selection import EVERY_CATALOG, CatalogSelection
from .translation_checks import (
    COVERAGE,
    FLAG_LINES,
    HEADER,
    HEADER_LINES,
    MSGFMT,
    PLURAL_FORMS,
    REPEATED,
    SOURCE_LANGUAGE,
    Problem,
    check_entry,
    fuzzy_number_problems,
)
from .typed import problem_place


@dataclass(frozen=True)
class Written:
    path: Path
    # "created" | "updated" | "unchanged" | "skipped" (not made: ``reason``) | "removed"
    status: str
    reason: str = ""


def _write(project: Project, path: Path, catalog: Catalog) -> Written:
    return _write_bytes(project, path, format_po(catalog).encode("utf-8"))


def _write_bytes(
    project: Project, path: Path, data: bytes, before_replace: Callable[[], None] | None = None
) -> Written:
    """Write a catalog or template through its name (`Project.write`: a link stays);
    ``before_replace`` as `write_atomic` runs it."""
    existed = path.is_file()
    changed = project.write(path, data, before_replace=before_replace)
    return Written(path, "unchanged" if not changed else "updated" if existed else "created")


def extract(project: Project) -> tuple[dict[str, Catalog], list[Written]]:
    """Write ``locales/<domain>.pot`` for every leaflet and ``ui``."""
    templates = _dated_templates(project)
    written = [_write(project, template_path(project, d), t) for d, t in templates.items()]
    return templates, written + stale_templates(project, templates)


def stale_templates(project: Project, templates: dict[str, Catalog]) -> list[Written]:
    """The ``locales/*.pot`` of no leaflet (one renamed or withdrawn): a template
    `extract` made (`GENERATED`) is removed, since it is ours and says nothing the
    leaflets do not; another is named and left. Kept, the old template of a renamed
    leaflet stayed beside the new one for good, and a translator's tool offered it as a
    file to translate. A translator's ``.po`` is never removed (`_left_behind`)."""
    said: list[Written] = []
    for path in sorted(project.locales_dir.glob("*.pot")):
        if path.stem in templates or not path.is_file():
            continue
        if path.is_symlink():  # a link is someone's arrangement: named, never followed
            head: list[str] = []
        else:
            head = read_input(path)[:4096].decode("utf-8", errors="replace").splitlines()
        ours = any(line.startswith("#") and line.endswith(GENERATED) for line in head[:5])
        if ours:
            path.unlink()
            reason = f"no leaflet '{path.stem}' any more: its template, made by extract"
            said.append(Written(path, "removed", reason))
        else:
            reason = (
                f"no leaflet '{path.stem}' any more, and msc-leaflet did not make this "
                "template: delete it if no other tool uses it"
            )
            said.append(Written(path, "unchanged", reason))
    return said


_CREATION_DATE = re.compile(r'^"POT-Creation-Date: ([^"\\]*)\\n"\r?$', re.MULTILINE)


def _dated_templates(project: Project) -> dict[str, Catalog]:
    """`project_templates`, each keeping the POT-Creation-Date of its file on disk when
    nothing else in it changed: the date says when its messages were extracted. With
    SOURCE_DATE_EPOCH set (a CI job), a no-op `update` rewrote every .pot and every
    catalog's copy of the date, and git showed files no one had changed."""
    templates = project_templates(project)
    for domain, template in templates.items():
        path = template_path(project, domain)
        old = read_input(path) if path.is_file() else b""
        dated = _CREATION_DATE.search(old.decode("utf-8", errors="replace"))
        if dated is None or dated[1] == template.header.get("POT-Creation-Date"):
            continue
        kept = replace(template, header={**template.header, "POT-Creation-Date": dated[1]})
        if format_po(kept).encode("utf-8") == old:  # the same messages, to the byte
            templates[domain] = kept
    return templates


def translation(
    template: Catalog, locale: str, old: Catalog | None, *, printed_sources: bool = False
) -> Catalog:
    """The catalog for ``locale``: a fresh one from ``template``, or ``old`` merged with it
    (`merge`'s ``printed_sources`` for a leaflet's, whose msgids are its texts as printed)."""
    header = translation_header(template.header, locale, old.header if old else None)
    if old is None:
        old = Catalog(header_comments=[_opening(locale)])
    return merge(template, old, header, printed_sources=printed_sources)


def _opening(locale: str, started_from: str = "") -> str:
    """The first comment line of a new catalog."""
    start = f", started from the {started_from} one" if started_from else ""
    return f"{locale} translation{start}. Edit msgstr lines only."


def init_locale(project: Project, locale: str) -> list[Written]:
    """Create ``locales/<locale>/LC_MESSAGES/*.po``; existing catalogs are left alone,
    and so is one saved while this runs: each is created only where none stands.

    A regional variant starts from its language's translation where there is one
    (`catalog_path`: ``init ar_EG`` copies ``ar``'s work): its own catalog replaces the
    language's in its builds, and an empty one would print them in English. A
    language's catalog with nothing translated in it is no start: the new one is a
    fresh catalog, not one "started from" it."""
    locale = project.locale(locale, "i18n init")  # another spelling of one is found
    templates, written = extract(project)
    name = locale_dir_name(locale)
    for domain, template in templates.items():
        path = po_path(project, locale, domain)
        if not translates(template, locale):
            written.append(Written(path, "skipped", written_in(domain, template.source_language)))
            continue
        if path.exists():
            written.append(Written(path, "unchanged"))
            continue
        base = _start(project, locale, domain)
        started = read_po(base) if base else None  # the language's (ar for ar_EG)
        if base and started:
            catalog = translation(template, name, started, printed_sources=domain != UI_DOMAIN)
            catalog.header["Language"] = name
            parent = catalog_language(base)
            catalog.header_comments = [
                _opening(name, parent) if line == _opening(parent) and parent != name else line
                for line in catalog.header_comments
            ]
        else:
            catalog = translation(template, name, None, printed_sources=domain != UI_DOMAIN)
        try:  # a catalog saved since the check above (a translator's copy, another init)
            project.write(path, format_po(catalog).encode("utf-8"), overwrite=False)
        except FileExistsError:  # is kept as an existing one is
            written.append(Written(path, "unchanged"))
            continue
        written.append(Written(path, "created"))
    return written


def second_locale(project: Project, locale: str) -> Finding | None:
    """A warning when ``locale`` (just started) is a regional or script variant of a
    locale the project translates into already: ``i18n init th-TH`` beside ``th``
    started a second Thai locale without a word, and every leaflet was then built
    twice, once from each. Said, not refused: ``ar_EG`` beside ``ar`` is a real choice
    (it starts from ``ar``'s translations, for words that differ in Egypt)."""
    mine = project.locale(locale, "i18n init")
    for parent in parent_locales(locale):
        folder = next(project.folders_spelling(locale_name(parent)), None)
        if folder == mine:  # zh started in locales/zh_Hans: the same locale, one folder
            continue
        if folder and leaflet_locales(project, [folder]):  # built: not ui.po alone
            return Finding(
                Location(project.locales_dir / mine),
                "warning",
                f"{locale} is a second locale beside {parent} (locales/{folder}): every "
                f"leaflet translated into both is now built twice, into build/{mine}/ and "
                f"build/{folder}/",
                f"if you meant {parent}, delete locales/{mine} and translate in "
                f"locales/{folder}; keep {locale} only for what {parent} says otherwise there",
            )
    return None


def written_in(domain: str, language: str) -> str:
    """Why a catalog of ``language`` is not made for ``domain``: its texts are written in
    that language. Said, not silently left out: a Thai clinic that ran `i18n init th`
    saw only ui.po made and went looking for the catalogs of its leaflets."""
    what = "the page's own words are" if domain == UI_DOMAIN else "the leaflet is"
    return f"{what} written in {language}: there is nothing to translate"


def _start(project: Project, locale: str, domain: str) -> Path | None:
    """The catalog a new one of ``locale`` for ``domain`` starts from: the project's
    translation of the language it is a variant of (`catalog_path`: ar for ar_EG), else,
    for the page's own words, the translation the package carries (the one
    ``msc-leaflet init`` copies): without it a new language's leaflets printed their
    page furniture ("References", "Page 1 of 4") in English. None: start empty."""
    candidates = [catalog_path(project, locale, domain)]
    if domain == UI_DOMAIN:
        carried = library_root("msc")
        candidates += [po_path(Project.at(carried), name, domain) for name in (
            locale_dir_name(locale), *parent_locales(locale)
        )]  # fmt: skip
    for path in candidates:
        if path.is_file() and any(entry.has_translation for entry in read_po(path).active):
            return path
    return None


def update(project: Project, selection: CatalogSelection = EVERY_CATALOG) -> list[Written]:
    """Re-extract, then merge every template into every locale's catalog (those of
    ``selection``: `select_catalogs`, as `i18n stats` and `check` read theirs).

    A locale that translates no leaflet yet (only ``ui.po``: the page furniture and the
    desk) gets no leaflet catalogs: they would make every leaflet build in it, printed
    in English. `msc-leaflet i18n init <lang>` starts a language's leaflets.

    Every catalog is read and merged before any file is written: one that cannot be
    read stops the command with the project as it was, not half updated. One that an
    editor saved meanwhile stops it too (`refuse_changed`): the save is the
    translator's newest work, which the merge of the older file would replace.

    With leaflets selected, the language's other catalogs are still read (a text moved
    from one of them keeps its translation: `adopt_moved`), but only the selected ones
    and their templates are written; one of them that cannot be read is passed over,
    as it is not this command's to write."""
    templates = _dated_templates(project)
    translating = set(leaflet_locales(project))
    merged: list[tuple[Path, Catalog, str | None]] = []
    kept: list[Written] = []
    for locale in selection.of_locales(catalog_locales(project)):  # a misnamed folder: refused
        language: list[tuple[Path, Catalog, str | None]] = []
        shadows: list[Catalog] = []
        for domain, template in templates.items():
            path = po_path(project, locale, domain)
            starts = translates(template, locale) and (domain == UI_DOMAIN or locale in translating)
            if not starts and not path.is_file():
                continue
            chosen = selection.has_domain(domain)
            # A folder or a named pipe there is refused now, by the reader, before any
            # file is written (it was taken for no catalog, and the write failed late).
            try:
                old = read_po(path) if path.is_file() or standing_there(path) else None
            except LeafletError:
                if chosen:
                    raise
                continue  # not selected: `i18n check` names what is wrong with it
            digest = old.digest if old else None
            catalog = translation(template, locale, old, printed_sources=domain != UI_DOMAIN)
            if chosen:
                language.append((path, catalog, digest))
            else:
                shadows.append(catalog)  # its obsolete texts, for a text moved from it
        present = {e.msgid for _, c, _ in language for e in c.active if e.key != HEADER_KEY}
        left, gone = _left_behind(project, locale, templates, present)
        # Texts moved between leaflets, and those of a leaflet renamed or withdrawn.
        adopt_moved([catalog for _, catalog, _ in language] + shadows + gone)
        merged += language
        kept += left if selection.domains is None else []
    contents = [
        (path, format_po(catalog).encode("utf-8"), digest) for path, catalog, digest in merged
    ]
    for path, data, digest in contents:
        refuse_changed(path, digest, "no catalog or template was written", data)
    written = [
        _write(project, template_path(project, d), t)
        for d, t in templates.items()
        if selection.has_domain(d)
    ]
    for path, data, digest in contents:  # again, the instant before its rename
        unchanged = partial(refuse_changed, path, digest, UPDATED_BEFORE, data)
        written.append(_write_bytes(project, path, data, unchanged))
    stale = stale_templates(project, templates) if selection.domains is None else []
    return written + stale + kept


def _left_behind(
    project: Project, locale: str, templates: dict[str, Catalog], present: set[str]
) -> tuple[list[Written], list[Catalog]]:
    """The catalogs of ``locale`` that belong to no leaflet (one renamed, or withdrawn),
    each said once, and their translations as obsolete entries for `adopt_moved`.

    A leaflet renamed from infusion-safety to infusion-risks got a new, empty
    infusion-risks.po, while its 63 translations stayed in infusion-safety.po, which no
    command read or named again: the leaflet printed in English, and `i18n check` and
    `stats` said nothing. Now each text that is the same is offered to the new catalog
    as fuzzy (the translator confirms it), and the old file is named, never deleted."""
    said: list[Written] = []
    shadows: list[Catalog] = []
    for path in sorted((project.locales_dir / locale / "LC_MESSAGES").glob("*.po")):
        if path.stem in templates or not path.is_file():
            continue
        try:
            old = read_po(path)
        except LeafletError:
            continue  # `i18n check` names what is wrong with it; nothing is read from it
        texts = [replace(e, obsolete=True) for e in old.entries if e.has_translation]
        shadows.append(Catalog(entries=texts))
        moved = len({e.msgid for e in texts} & present)  # in another leaflet now
        if moved:
            reason = (
                f"no leaflet '{path.stem}' any more: {moved} of its translated texts are "
                "in another leaflet now, which was offered each translation it lacked, as "
                "fuzzy; once they are checked there, delete this file (update never "
                "deletes a catalog)"
            )
        else:
            reason = (
                f"no leaflet '{path.stem}' any more, and none of its translated texts is "
                "in a leaflet now: delete this file once its translations are of no more "
                "use (update never deletes a catalog)"
            )
        said.append(Written(path, "unchanged", reason))
    return said, shadows


#: What `update` has written when a catalog after the first is refused.
UPDATED_BEFORE = "the catalogs before it were updated, the rest were not"


def compile_catalogs(
    project: Project, selection: CatalogSelection = EVERY_CATALOG
) -> list[Written]:
    """``.mo`` next to every ``.po`` (of ``selection``; translated, non-fuzzy entries).

    Every catalog is read and checked before any is written: one GNU msgfmt refuses
    for its plural formula (`plural_problems`, checked here since msgfmt may not be
    installed) or for a translation's format directives (`format_strings`) stops the
    command with no .mo changed: the program that fills the directives in would fail.

    A catalog of no leaflet (one renamed or withdrawn: `_left_behind`) is skipped and
    said: its .mo would offer another gettext program the texts of a leaflet that is no
    more. It is never deleted: its translations are the translator's."""
    compiled: list[tuple[Path, bytes]] = []
    skipped: list[Written] = []
    domains = {*project.leaflet_ids(), UI_DOMAIN}
    for po in catalog_paths(project, selection.of_locales(catalog_locales(project))):
        if not selection.has_domain(po.stem):
            continue
        if po.stem not in domains:
            skipped.append(Written(po, "skipped", _no_leaflet(po)))
            continue
        catalog = read_po(po)
        for problem in plural_problems(catalog, locale_name(catalog_language(po)))[:1]:
            raise LeafletError(Location(po, problem.line), problem.message, problem.hint)
        for finding in _format_findings(catalog)[:1]:
            raise LeafletError(finding.location, finding.message, finding.hint)
        # Beside the name, where gettext looks for it: a .po linked from a shared
        # folder of the project put its .mo there, and LC_MESSAGES had none.
        compiled.append((po.with_suffix(".mo"), mo_bytes(catalog)))
    return [_write_bytes(project, mo, data) for mo, data in compiled] + skipped


def _no_leaflet(po: Path) -> str:
    """Why `compile_catalogs` writes no .mo for ``po``, and what the translator does."""
    made = po.with_suffix(".mo")
    old = f"; its old {made.name}, written before, is stale: delete it" if made.exists() else ""
    return (
        f"no leaflet '{po.stem}' any more, so no .mo is written for it{old}. If the "
        "leaflet was renamed, `msc-leaflet i18n update` offers its translations to the new "
        "one; delete this .po once they are of no more use (compile never deletes it)"
    )


def catalog_paths(project: Project, locales: Sequence[str] | None = None) -> list[Path]:
    """Every ``.po`` of the project (of ``locales``, default: `catalog_locales`, which
    refuses a folder not named after a language), by its name (`Project.file`: its
    folder is its language), each refused if a link takes it outside."""
    return [
        project.file(*po.relative_to(project.root).parts) for po in catalog_names(project, locales)
    ]


def catalog_names(project: Project, locales: Sequence[str] | None = None) -> list[Path]:
    """Every ``.po`` of the project as gettext names it, ``LC_MESSAGES/<domain>.po``,
    links not followed: what `catalog_paths` checks."""
    return [
        po
        for locale in (catalog_locales(project) if locales is None else locales)
        for po in sorted((project.locales_dir / locale / "LC_MESSAGES").glob("*.po"))
    ]


def _label(entry: Entry) -> str:
    """The entry as a finding names it: its context, or the start of its text, as the
    .po writes it (`as_written`)."""
    return as_written(entry.msgctxt or entry.msgid[:30])


def check_catalog(
    catalog: Catalog, source_language: str | None = None, declared: KeptTerms = NO_KEPT_TERMS
) -> list[Finding]:
    """`checks` on every translated entry (fuzzy ones are reviewed anyway, and unused).

    ``source_language``: the language of its msgids as the project knows it
    (`msgid_language`), and its header is checked against it; without a project, the
    header's word for it (`Catalog.source_language`). ``declared``: what the project
    declares may print as written in it (`kept_terms`), none without a project."""
    assert catalog.path is not None
    findings: list[Finding] = []
    if source_language is None:
        source_language = catalog.source_language
    else:
        findings += _source_language_findings(catalog, source_language)
    for entry in catalog.active:
        if entry.fuzzy:
            findings += _fuzzy_findings(catalog, entry, source_language, declared)
        if not entry.has_translation or entry.fuzzy:
            continue
        msgstr = Location(catalog.path, entry.msgstr_line or entry.line)
        for problem in _entry_problems(catalog, entry, source_language, declared):
            findings.append(
                CheckFinding(
                    problem_place(msgstr, [problem]),
                    problem.severity,
                    f"{_label(entry)}: {problem.message}",
                    code=problem.code,
                )
            )
    language = catalog.header.get("Language", "")
    # The folder may spell its locale otherwise (th-TH, zh_hans): the same locale.
    folder = catalog_language(catalog.path)
    expected = locale_name(folder)
    if not catalog.header:
        findings.append(
            CheckFinding(
                Location(catalog.path, 1),
                HEADER.severity,
                'the catalog has no header (the first entry, msgid "", with Language, '
                "Plural-Forms and the charset); gettext tools refuse it",
                "run `msc-leaflet i18n update`: it writes the header and keeps every translation",
                HEADER.code,
            )
        )
    elif not translates_into(language, expected):  # th_TH in th/ is a Thai catalog
        spelled = f" ({expected})" if folder != expected else ""
        findings.append(
            CheckFinding(
                _field_location(catalog, "Language"),
                HEADER.severity,
                f"Language is {language!r} but the catalog is in {folder}/{spelled}",
                _language_hint(language, expected),
                HEADER.code,
            )
        )
    findings += _plural_forms_findings(catalog, expected)
    findings += [
        CheckFinding(
            Location(catalog.path, p.line), MSGFMT.severity, p.message, p.hint, MSGFMT.code
        )
        for p in plural_problems(catalog, expected)
    ]
    findings += _format_findings(catalog)
    findings += _header_line_findings(catalog)
    findings += _repeated_findings(catalog)
    findings += _flag_line_findings(catalog)
    return findings


def _language_hint(language: str, expected: str) -> str:
    """What to do about a Language header that is not the folder's locale. Another
    script of the language (sr@latin in sr/, which is Serbian in Cyrillic; pa_PK in pa/,
    Gurmukhi) is more often a file in the wrong folder than a wrong header: the build
    of that folder's locale would print Latin letters for Cyrillic readers."""
    theirs, ours = tag_script(language), tag_script(expected)
    fix = f"set the Language header to {expected}"
    if not theirs or not ours or theirs == ours:
        return fix
    tag = written_tag(language)
    names = cldr_locale("en")
    theirs, ours = (names.scripts.get(s, s) if names else s for s in (theirs, ours))
    return (
        f"{language} is written in {theirs} letters, {expected} in {ours}: if the "
        f"translations are in {theirs}, move the file to locales/{tag}/LC_MESSAGES/ "
        f"(`msc-leaflet i18n init {tag}` starts the others); if they are in {ours}, {fix}"
    )


def _entry_problems(
    catalog: Catalog, entry: Entry, source_language: str, declared: KeptTerms
) -> list[Problem]:
    """`check_entry`'s problems of ``entry``, and in the ``ui`` catalog a page label's or
    desk word's own (`label_checks`): every reason the build or the desk prints the
    source instead, as each gives it."""
    assert catalog.path is not None
    path = catalog.path

    def judged() -> list[Problem]:
        return check_entry(
            entry.msgid,
            entry.forms,
            catalog_language(path),
            source_language,
            entry.msgid_plural,
            declared_plurals(catalog.header),
            is_optional(entry.msgctxt),
            declared,
        )

    source = ui_source(entry.msgctxt, entry.msgid) if path.stem == UI_DOMAIN else None
    if source is None or entry.msgctxt is None:
        return judged()
    return ui_entry_problems(entry.msgctxt, source, entry.msgstr, judged)


def _fuzzy_findings(
    catalog: Catalog, entry: Entry, source_language: str, declared: KeptTerms
) -> list[Finding]:
    """I18N022: the numbers of a fuzzy translation that are not its new source's, at its
    msgstr: not printed, so the other checks skip it, but the translator who removes the
    flag must see that 10 มก. is now 20 mg."""
    assert catalog.path is not None
    if not entry.has_translation or entry.msgid_plural is not None:
        return []
    msgstr = Location(catalog.path, entry.msgstr_line or entry.line)
    language = catalog_language(catalog.path)
    problems = fuzzy_number_problems(
        entry.msgid, entry.forms[0], language, source_language, declared
    )
    return [
        CheckFinding(
            problem_place(msgstr, [problem]),
            problem.severity,
            f"{_label(entry)}: {problem.message}",
            code=problem.code,
        )
        for problem in problems
    ]


def _format_findings(catalog: Catalog) -> list[Finding]:
    """I18N012 for each translation whose format directives (python-format, c-format,
    python-brace-format) GNU msgfmt --check refuses, at its msgstr line, as msgfmt
    names it: checked here, since a Windows laptop has no msgfmt."""
    assert catalog.path is not None
    often = often_forms(catalog)
    return [
        CheckFinding(
            Location(catalog.path, entry.msgstr_line or entry.line),
            MSGFMT.severity,
            f"{_label(entry)}: {problem.message} ({problem.flag}): GNU msgfmt refuses the catalog",
            hint(problem),
            MSGFMT.code,
        )
        for entry in catalog.active
        for problem in entry_format_problems(entry, often)
    ]


def _source_language_findings(catalog: Catalog, language: str) -> list[Finding]:
    """I18N019: an X-Source-Language header that names another language than the one
    the catalog's msgids are in (a tool that wrote its own default, a leaflet whose
    ``language:`` changed). msc-leaflet reads the leaflet, but an exported XLIFF made by
    another tool, or Weblate, reads the header. A missing or empty one is no finding:
    nothing there misleads, and `i18n update` writes it."""
    assert catalog.path is not None
    declared = catalog.header.get("X-Source-Language", "").strip()
    if not declared or same_language(declared, language):
        return []
    what = "the page's own words are" if catalog.path.stem == UI_DOMAIN else "its leaflet is"
    return [
        CheckFinding(
            _field_location(catalog, "X-Source-Language"),
            SOURCE_LANGUAGE.severity,
            f"X-Source-Language is {declared!r}, but {what} written in {language}: "
            f"msc-leaflet reads its msgids as {language}, other gettext tools as {declared}",
            f"run `msc-leaflet i18n update`: it writes {language} there and keeps every "
            "translation",
            SOURCE_LANGUAGE.code,
        )
    ]


def _flag_line_findings(catalog: Catalog) -> list[Finding]:
    """I18N018: a fuzzy mark on an earlier ``#,`` line of an entry, which GNU gettext
    does not see (it reads only the last): msgfmt compiles the translation, Poedit and
    Weblate show it as done, while msc-leaflet holds it back as the translator asked.
    And a misspelt one (``#, Fuzzy``, ``#, fuzy``), which no tool reads as fuzzy: the
    translation someone asked to have reviewed is printed."""
    assert catalog.path is not None
    path = catalog.path
    starts = sorted(e.line for e in catalog.active)
    labels = {e.line: _label(e) for e in catalog.active}

    def finding(line: int, message: str, hint: str) -> Finding:
        """I18N018 at ``line``, named by the entry the flag line stands above."""
        label = labels.get(next((s for s in starts if s > line), 0), "")
        return CheckFinding(
            Location(path, line), FLAG_LINES.severity, f"{label}: {message}", hint, FLAG_LINES.code
        )

    return [
        *(
            finding(
                line,
                "GNU gettext reads only this '#,' line of the entry, so msgfmt, Poedit and "
                "Weblate take the translation as not fuzzy (msc-leaflet, reading the fuzzy "
                "above, does not print it)",
                "write the entry's flags on one line (#, fuzzy, …); `msc-leaflet i18n update` does",
            )
            for line in catalog.unseen_fuzzy
        ),
        *(
            finding(
                line,
                f"the flag {flag!r} is no fuzzy mark: gettext knows only 'fuzzy', so the "
                "translation is printed as done",
                "write '#, fuzzy' to have it reviewed before it is printed, or delete the flag",
            )
            for line, flag in catalog.misspelt_fuzzy
        ),
        *(
            finding(
                line,
                f"the comment {text!r} is no flag line: gettext reads flags only from a "
                "line starting '#,', so the translation is printed as done",
                "write '#, fuzzy' (no space between # and the comma) to have it reviewed "
                "before it is printed, or delete the line",
            )
            for line, text in catalog.commented_fuzzy
        ),
    ]


def _header_line_findings(catalog: Catalog) -> list[Finding]:
    """I18N016: header lines kept as written that gettext reads otherwise than meant: one
    that is no field ("Plural-Forms nplurals=1", the colon forgotten), and a field given
    twice, of which gettext reads only the first."""
    assert catalog.path is not None
    findings: list[Finding] = []
    first: dict[str, int] = {}
    for line, text in catalog.header_written:
        found = header_field(text)
        if found is None and text.strip():
            message = f"the header line {text.strip()[:60]!r} is no field: gettext ignores it"
            hint = 'a header line is "Name: value\\n"; a note belongs in a "# " comment'
        elif found is not None and found[0] in first:
            name = found[0]
            message = (
                f"{name} is given twice: gettext reads the first (line {first[name]}): "
                f"{catalog.header[name]!r}"
            )
            hint = f"keep one {name} line"
        else:
            if found is not None:
                first[found[0]] = line
            continue
        location = Location(catalog.path, line)
        findings.append(
            CheckFinding(location, HEADER_LINES.severity, message, hint, HEADER_LINES.code)
        )
    return findings


def _repeated_findings(catalog: Catalog) -> list[Finding]:
    """I18N017: an obsolete entry with the key of an earlier one, active or obsolete.

    The reader takes it (it refuses two active ones), since `update` is the way out and
    must be able to read the file: it keeps one entry, with the other's translation and
    comments as translator comments (`merge._obsolete`). GNU tools refuse the file.
    An obsolete header (``#~ msgid ""``) beside the header is one too; `update` drops it,
    as it holds no translation."""
    assert catalog.path is not None
    findings: list[Finding] = []
    first: dict[Key, int] = {}
    if catalog.header_line is not None:
        first[HEADER_KEY] = catalog.header_line
    for entry in sorted(catalog.entries, key=lambda e: e.line):
        earlier = first.setdefault(entry.key, entry.line)
        if earlier == entry.line:
            continue
        if entry.key == HEADER_KEY:
            message = f'an obsolete header (#~ msgid "") repeats the header on line {earlier}'
            hint = "`msc-leaflet i18n update` drops it: it holds no translation; or delete it"
        else:
            message = f"{_label(entry)}: an obsolete entry repeats the one on line {earlier}"
            hint = (
                "`msc-leaflet i18n update` keeps one entry, with the other's translation as "
                "a comment (earlier translation: …); or delete the one not to keep"
            )
        findings.append(
            CheckFinding(
                Location(catalog.path, entry.line),
                REPEATED.severity,
                f"{message}: GNU tools (msgfmt, msgmerge, Poedit) refuse the file",
                hint,
                REPEATED.code,
            )
        )
    return findings


def _entry_spans(catalog: Catalog, starts: set[int]) -> list[range]:
    """The lines of the entries that begin on ``starts``, each up to the next entry's
    first line: a complaint about one may name its msgctxt, msgid or msgstr line."""
    beginnings = [*sorted(e.line for e in catalog.entries), sys.maxsize]
    return [range(a, b) for a, b in itertools.pairwise(beginnings) if a in starts]


def _plural_forms_findings(catalog: Catalog, language: str) -> list[Finding]:
    """I18N015: a Plural-Forms that is no standard one for the catalog's language
    (`plural_standards`: CLDR's or GNU gettext's, as msginit and Poedit write it):
    nplurals=2 in Japanese, which has one; 2 in Arabic, which has six; a formula that
    never chooses a form it declares, or chooses otherwise than the language does."""
    found = standard_problem(catalog.header.get("Plural-Forms", ""), language)
    if found is None:
        return []  # standard, or refused by msgfmt's own check (`plural_problems`)
    message, hint = found
    location = _field_location(catalog, "Plural-Forms")
    return [CheckFinding(location, PLURAL_FORMS.severity, message, hint, PLURAL_FORMS.code)]


def _field_location(catalog: Catalog, field: str) -> Location:
    """The line of the header's ``field`` (the first of two, which gettext reads),
    wherever the header stands; the first line when it has none."""
    assert catalog.path is not None
    for line, text in catalog.header_written:
        found = header_field(text)
        if found is not None and found[0] == field:
            return Location(catalog.path, line)
    return Location(catalog.path, 1)


def coverage_findings(catalog: Catalog, templates: dict[str, Catalog]) -> list[Finding]:
    """I18N014: a catalog matching almost none of its template (see `coverage`)."""
    assert catalog.path is not None
    domain = catalog.path.stem
    if domain not in templates:
        return _left_behind_findings(catalog, templates)
    keys = {d: set(t.lookup()) for d, t in templates.items()}
    found = mismatch(catalog, keys[domain], domain, keys)
    if found is None:
        return []
    message, hint = found
    location = Location(catalog.path, 1)
    return [CheckFinding(location, COVERAGE.severity, message, hint, COVERAGE.code)]


def _left_behind_findings(catalog: Catalog, templates: dict[str, Catalog]) -> list[Finding]:
    """I18N014 for a catalog that belongs to no leaflet (one renamed or withdrawn) and
    holds translations: they print nowhere. `i18n check` passed such a file in silence
    while the renamed leaflet printed in English."""
    assert catalog.path is not None
    written = sum(1 for entry in catalog.active if entry.has_translation)
    if not written:
        return []
    domain = catalog.path.stem
    shared = {d: len(set(t.lookup()) & set(catalog.lookup())) for d, t in templates.items()}
    best = max(shared, key=lambda d: shared[d], default="")
    moved = f" (its texts are {best}'s)" if best and shared[best] >= MIN_SHARE * written else ""
    message = (
        f"catalog of no leaflet: there is no leaflets/{domain}.yaml, so its {written} "
        f"translations print nowhere{moved}"
    )
    hint = (
        "`msc-leaflet i18n update` offers them, as fuzzy, to the leaflet that has their "
        "texts (a renamed one); once they are checked there, delete this file"
    )
    location = Location(catalog.path, 1)
    return [CheckFinding(location, COVERAGE.severity, message, hint, COVERAGE.code)]


def project_checked(project: Project, catalog: Catalog) -> list[Finding]:
    """`check_catalog` on ``catalog`` as this project reads it (its msgids' language,
    the terms it keeps as written): what `i18n check` says of each entry, and the desk
    says beside it, in the same words."""
    assert catalog.path is not None
    declared = catalog.header.get("X-Source-Language", "")
    language = msgid_language(project, catalog.path, declared)
    return check_catalog(catalog, language, kept_terms(project, catalog_language(catalog.path)))


def leaflet_catalog_checked(project: Project, catalog: Catalog) -> list[Finding]:
    """What `i18n check` says of the entries of one leaflet's ``catalog``: its own
    rules' findings (`project_checked`) and the content checks' at its msgstrs (a cure
    claim in a translation: `content_findings`). The desk's sign-off page showed the
    first alone, and a clinician read a promise of cure with no word of it."""
    assert catalog.path is not None
    return [*project_checked(project, catalog), *content_findings(project, [catalog.path])]


def check(project: Project, selection: CatalogSelection = EVERY_CATALOG) -> list[Finding]:
    """Every problem in every catalog (of ``selection``), the content checks' among
    them (a promise of cure in a msgstr: `content_findings`); a malformed file is one
    error, not a crash. A folder not named after a language is named whatever was
    selected: its catalogs may be the very ones the translator asked for."""
    findings: list[Finding] = []
    templates = project_templates(project)
    locales, problems = locale_folders(project)
    for problem in problems.values():
        findings.append(problem.finding())
    paths = [
        path
        for path in catalog_paths(project, selection.of_locales(locales))
        if selection.has_domain(path.stem)
    ]
    content = content_findings(project, paths)
    findings += [f for f in content if f.location.path.resolve() not in _resolved(paths)]
    for path in paths:
        try:
            catalog = read_po(path)
        except LeafletError as err:
            findings.append(err.finding())
            continue
        own = project_checked(project, catalog)
        findings += own
        findings += [f for f in content if f.location.path.resolve() in _resolved([path])]
        findings += coverage_findings(catalog, templates)
        # An entry named as repeated, or a header line named as msgfmt would refuse it,
        # is not named again in msgfmt's words.
        repeated = {f.location.line for f in own if getattr(f, "code", "") == REPEATED.code}
        told = _entry_spans(catalog, {line for line in repeated if line is not None})
        refused = {f.location.line for f in own if getattr(f, "code", "") == MSGFMT.code}
        findings += [
            f
            for f in msgfmt_findings(path, has_header=bool(catalog.header))
            if not any(f.location.line in span for span in told) and f.location.line not in refused
        ]
    return findings


def _resolved(paths: Sequence[Path]) -> set[Path]:
    """``paths`` as compared: a finding's file may be named relative or through a link."""
    return {path.resolve() for path in paths}


__all__ = [
    "Written",
    "check",
    "compile_catalogs",
    "extract",
    "format_po",
    "init_locale",
    "update",
]
