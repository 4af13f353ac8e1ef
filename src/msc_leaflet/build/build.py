"""The Python API the CLI is a thin layer over: load → localise → lay out → write.

from pathlib import Path
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

project = Project.at(Path("."))
result = build_leaflet(project, "infusion-safety", "th", Path("build"))
print(result.path, result.pages, [str(w) for w in result.findings])

options = Options(strict=True, spec=PrintSpec(colour="cmyk"))  # how, for any output
build_leaflet(project, "infusion-safety", "th", Path("print"), edition="parallel", options=options)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import i18n
from ..clock import source_date_epoch
from ..content.loader import load_leaflet
from ..content.model import Leaflet, Text, texts
from ..errors import CheckFinding, Finding, LeafletError, Location, counted
from ..files import optional_file, output_path, write_atomic
from ..finishing.conformance import choose, conformance_step
from ..finishing.destinations import name_destinations
from ..finishing.final_pass import Step, final_pass
from ..finishing.font_subset import subset_fonts
from ..finishing.font_widths import match_font_widths
from ..finishing.tagged_pdf import tag_structure
from ..languages import bcp47, right_to_left
from ..layout import LayoutResult, Localised, layout_leaflet
from ..print_spec import (
    BOOKLET_SHEETS,
    EDITIONS,
    SINGLE,
    Edition,
    InkLimit,
    PrintSpec,
    edition_named,
    variant_suffix,
)
from ..project import Project, same_language
from ..theme.theme import PAPER, Theme, load_theme
from ..typeset import WordList, load_word_list
from ..typeset.font_files import config_files
from ..typeset.segmentation import EMPTY_WORD_LIST
from .options import Options

if TYPE_CHECKING:
    import pikepdf

    from ..i18n.signoff_changes import Beside


@dataclass(frozen=True)
class BuildResult:
    leaflet_id: str
    locale: str
    path: Path
    pages: int
    findings: list[Finding] = field(default_factory=list)
    # Files read beyond every output's (`fingerprint.input_files`): the press profile,
    # the fonts of a project theme (its own package, another file of a bundled one).
    inputs: tuple[Path, ...] = ()
    # sha256 and size of the bytes written, for the manifest: not read back from the
    # file, which another build of the same output may have replaced since.
    sha256: str = ""
    size: int = 0
    # A catalog it printed holds a fuzzy translation of one of its texts: --allow-fuzzy
    # changes this output (`i18n.reads_fuzzy`), and no other.
    fuzzy: bool = False


def project_words(project: Project, locale: str) -> WordList:
    """The project's ``locales/<lang>/words.txt``: terms a line must never split."""
    path = project.words_path(locale)
    return load_word_list(path) if optional_file(path) else EMPTY_WORD_LIST


def project_theme(project: Project, spec: PrintSpec) -> Theme:
    """The project's ``theme.yaml`` (or the bundled theme) on the paper and in the colour
    model of ``spec``."""
    path = project.theme_path if optional_file(project.theme_path) else None
    return load_theme(path, spec.page_paper, spec.colour)


def booklet_sheet(paper: str) -> tuple[float, float] | None:
    """The sheet (landscape, in points) a booklet of ``paper`` pages prints on, where
    two pages are not a paper of their own; None: the spread is the sheet."""
    if paper not in BOOKLET_SHEETS:
        return None
    width, height = PAPER[BOOKLET_SHEETS[paper]]
    return (height, width)


def source_edition(source: Leaflet, name: str) -> Edition:
    """The edition called ``name``, refused with the leaflet's location if unknown."""
    try:
        return edition_named(name)
    except ValueError:
        raise LeafletError(
            Location(source.path),
            f"unknown edition {name!r}",
            f"use one of: {', '.join(EDITIONS)}",
        ) from None


def edition_locales(source: Leaflet, locale: str, edition: Edition) -> list[str]:
    """The languages an edition prints, the translation first: the locale alone, or the
    locale and the source language for a bilingual edition."""
    if not edition.bilingual:
        return [locale]
    if not edition.exists_in(locale, source.language):
        raise LeafletError(
            Location(source.path),
            f"a {edition.name} edition pairs a translation with the source: {locale!r} is the "
            "source language",
            "build it with --locale set to a translation, e.g. -l th",
        )
    return [locale, source.language]


def refuse_unset_language(source: Leaflet, language: str, theme: Theme) -> None:
    """Refuse, before any work, a language whose script no family of the theme has (nor
    borrows letters for: `typeset.fonts.locale_font`). Its letters would stop the layout
    at the first one, but a catalog that is missing or empty has none: every text fell
    back to English, the date needed no font of the script (Dhivehi's digits are
    Latin), and an English PDF was written under the locale's name with exit 0."""
    from ..typeset.fonts import locale_font

    found = locale_font(theme.fonts, language)
    if found.family is None:
        raise LeafletError(Location(source.path), *found.unprintable(language))


def refuse_unless_printable(
    project: Project, source: Leaflet, locale: str, i18n_findings: list[Finding]
) -> list[Finding]:
    """--strict: refuse ``locale`` unless `check` finds no error in it and every text is
    printed translated. The checks' findings, none an error, for a proof to list."""
    from ..checks import load_config, run_checks

    problems = [f for f in i18n_findings if f.severity in ("error", "warning")]
    checks = run_checks(project, [source.id], [locale], load_config(project, strict=True))
    # I18N001 relays what `i18n_findings` already hold, as a build with --allow-fuzzy
    # judged them: `check` takes a fuzzy text for untranslated.
    relayed = [f for f in checks if isinstance(f, CheckFinding) and f.code == RELAYED]
    problems += [f for f in checks if f.severity == "error" and f not in relayed]
    if problems:
        listed = "\n".join(f"  {finding}" for finding in problems[:10])
        more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise LeafletError(
            Location(source.path),
            f"--strict: {counted(len(problems), 'problem', 'problems')} must be fixed "
            f"before printing:\n{listed}{more}",
            "fix them, or build without --strict for a draft",
        )
    return checks


def proof_findings(
    project: Project, source: Leaflet, locale: str, checked: list[Finding] | None
) -> tuple[str, ...]:
    """What `msc-leaflet check` finds in ``source`` read in ``locale``, one line each as
    the proof lists them (`checks.reading_order`): ``checked``, those --strict already
    ran, or the checks run as `check` runs them. A reviewer signs against the proof: a
    cure claim the checks know of must be on it. Not I18N001, which relays what the
    build's own translation found (a text printed untranslated, fuzzy or refused, a
    page word in English): the proof's first list has each of those once, as this
    build printed it (`proof.proof_page`); a fuzzy text was listed there and again
    here, and said "not used" in a proof --allow-fuzzy printed it in."""
    from ..checks import load_config, run_checks
    from ..checks.reading_order import in_reading_order

    if checked is None:
        checked = run_checks(project, [source.id], [locale], load_config(project))
    shown = [f for f in checked if not (isinstance(f, CheckFinding) and f.code == RELAYED)]
    return tuple(placed.line() for placed in in_reading_order(source, shown))


#: The code under which `check` relays the build's translation warnings (`checks.runner`).
RELAYED = "I18N001"


def refuse_wrong_catalog(source: Leaflet, i18n_findings: list[Finding]) -> None:
    """A catalog that is not this leaflet's (contexts lost, another leaflet's file) would
    print the whole leaflet in English under a translation's name: never a draft."""
    for finding in i18n_findings:
        if finding.severity == "error":
            raise LeafletError(finding.location, finding.message, finding.hint)


def refuse_silent_text(leaflet: Leaflet) -> None:
    """Refuse, even in a draft, a title or a figure description that says nothing once
    its markup and citations are left out (``"[@ref1]"``, ``"…"``, or such a
    translation): the PDF would claim PDF/UA with an empty /Title and dc:title (which
    also name the bookmark a reader opens on), or an empty /Alt, as silent as the text
    loading refuses when it is missing. `check` says the same (A11Y008, A11Y001).
    Either one too long for a PDF string is refused too, and keywords too long for
    their share of Info /Keywords (a translator's, too): `overlong_strings`, which
    `check` reports as TEXT003."""
    from ..checks.text import says_nothing
    from ..content.model import Figure
    from ..content.pdf_strings import overlong_strings

    title = leaflet.title
    for problem in overlong_strings(leaflet)[:1]:
        raise problem
    if says_nothing(title.value):
        fix = "say in words what the leaflet is about"
        raise LeafletError(
            Location(leaflet.path, title.line),
            "the title says nothing once its markup and citations are left out: the PDF's "
            "title, its first bookmark and its H1 would be empty",
            f"fix {title.catalog_entry}: {fix}" if title.catalog_entry else fix,
        )
    for block in leaflet.blocks:
        if not isinstance(block, Figure) or block.decorative or block.alt is None:
            continue
        if not says_nothing(block.alt.value):
            continue
        fix = "say in words what the image shows, or mark it 'decorative: true'"
        if block.alt.catalog_entry:  # a translation: the entry the translator edits
            fix = f"fix {block.alt.catalog_entry}: {fix}"
        raise LeafletError(
            Location(leaflet.path, block.line),
            f"the alt text of figure {block.path.name} says nothing once its markup and "
            "citations are left out: a screen reader would read nothing for it",
            fix,
        )


Approval = tuple[str, dt.date]  # (language name in that language, date approved)


def signoff_record(
    project: Project, source: Leaflet, language: str, options: Options, footer: bool
) -> tuple[tuple[str, ...], tuple[str | Beside, ...], Approval | None]:
    """--strict: refuse a translation without a current sign-off in every required role
    (``msc-leaflet.toml`` [i18n] signoff_required). A proof: the history and the entries
    changed since the last approval, for its last page. ``footer`` (the theme's
    footer-approval): the approval date of the current text, for the footer."""
    if same_language(language, source.language) or not reads_signoffs(options, footer):
        return (), (), None
    from ..i18n.signoff import first_to_do, leaflet_review, proof_lines

    state, review = leaflet_review(project, source, language)
    if options.strict and review.missing_roles:
        why = {
            "stale": f"stale: {counted(len(review.changed), 'entry', 'entries')} changed since the "
            "last approval",
            "reviewed": "signed off so far by: " + ", ".join(review.current_roles),
        }.get(review.state, "no sign-off yet")
        sign = (
            f"msc-leaflet i18n review {source.id} -l {language} --by NAME "
            f"--role {review.missing_roles[0]}"
        )
        # A text not printed translated (a fuzzy one --allow-fuzzy prints) first: the
        # sign-off refuses until it is done, so the hint starts there.
        if state.missing:
            sign = f"{first_to_do(project, source.id, language, state)}, then sign off: {sign}"
        raise LeafletError(
            Location(source.path),
            f"--strict: the {language} text of '{source.id}' has no current sign-off by "
            f"{' and '.join(review.missing_roles)} ({why})",
            sign,
        )
    languages = (source.language, language)
    history, changed = proof_lines(review, state, *languages) if options.spec.proof else ([], [])
    approval = (i18n.language_name(language), review.approved_on) if review.approved_on else None
    return tuple(history), tuple(changed), approval


def reads_signoffs(options: Options, footer: bool) -> bool:
    """Whether a build reads its translation's sign-offs (`signoff_record`): --strict
    refuses without them, a proof lists them, and a theme with ``footer`` approval
    prints the date. Other builds do not, and do not depend on them."""
    return options.strict or options.spec.proof or footer


def build_leaflet(
    project: Project,
    leaflet_id: str,
    locale: str | None,
    out_dir: Path,
    *,
    edition: str = SINGLE.name,
    options: Options | None = None,
) -> BuildResult:
    """Build one PDF of ``leaflet_id`` in ``locale`` (``None``: its source language) and
    ``edition`` into ``out_dir/<locale>/``, as ``options`` say (default: a draft)."""
    source_date_epoch()  # a bad value is refused here, not as ReportLab's int() error
    source, findings = load_leaflet(project.leaflet_path(leaflet_id), project)
    return build_loaded(
        project, source, findings, locale or source.language, out_dir, edition, options
    )


def build_loaded(
    project: Project,
    source: Leaflet,
    findings: list[Finding],
    locale: str,
    out_dir: Path,
    edition: str = SINGLE.name,
    options: Options | None = None,
    *,
    before_write: Callable[[], None] | None = None,
) -> BuildResult:
    """Localise, lay out and write one PDF. ``options.strict`` (for printing) refuses to
    build when `msc-leaflet check` finds an error, or when any text is untranslated,
    fuzzy or failed the translation checks; nothing is written then. ``before_write``
    is called just before the PDF is written, and may refuse it by raising."""
    options = options or Options()
    spec = options.spec
    chosen = source_edition(source, edition)
    theme = project_theme(project, spec)
    languages = edition_locales(source, locale, chosen)
    # Chosen (and the press profile read and checked) before the layout's work is spent.
    claim = choose(spec, theme.output_intent, project.theme_path, [bcp47(x) for x in languages])
    conform = conformance_step(claim)
    versions: list[Localised] = []
    all_findings = list(findings)
    for language in languages:
        refuse_unset_language(source, language, theme)
    for index, language in enumerate(languages):
        leaflet, i18n_findings, fallbacks = i18n.localize_with_fallbacks(
            source, language, project, allow_fuzzy=options.allow_fuzzy
        )
        checked = None
        if options.strict:
            checked = refuse_unless_printable(project, source, language, i18n_findings)
        # A two-language edition prints the proof pages of its first language only (the
        # translation, `editions._ending`): the source's checks ran for nothing.
        shown = spec.proof and index == 0
        found = proof_findings(project, source, language, checked) if shown else ()
        refuse_wrong_catalog(source, i18n_findings)
        refuse_silent_text(leaflet)
        record = signoff_record(project, source, language, options, theme.footer_approval)
        labels = i18n.ui_labels(language, project)
        words = project_words(project, language)
        versions.append(
            Localised(
                leaflet,
                labels,
                words,
                tuple(fallbacks),
                tuple(i18n_findings),
                *record,
                source_language=source.language,
                checked=found,
            )
        )
        all_findings += i18n_findings
    try:
        booklet = spec.imposition == "booklet"  # sheets to print, not a file to read: untagged
        result = layout_leaflet(
            versions, theme, i18n.format_date, edition=chosen, spec=spec, tagged=not booklet
        )
        # The structure tree and the font programs first, then the claims made of them.
        tagging = tag_structure(result.tagger) if result.tagger else None
        steps: list[Step] = [tagging] if tagging else []
        steps.append(name_destinations(result.destinations))
        steps += [subset_fonts(result.codes_shown), match_font_widths]

        def claimed(pdf: pikepdf.Pdf) -> None:
            # What the metadata says in each language is known once laid out; the
            # languages the tree tags, once ``tagging`` wrote it (not the booklet's).
            conform(
                pdf,
                titles=result.titles,
                descriptions=result.subjects,
                keywords=result.keywords,
                tagged=tagging.languages if tagging else None,
            )

        pdf = final_pass(result.pdf, steps if booklet else [*steps, claimed])
        if booklet:  # the claim is the imposed sheets' own, so it is made on them
            from ..finishing.imposition import impose_booklet

            imposed = impose_booklet(
                pdf,
                flip=spec.duplex_flip,
                right_to_left=right_to_left(languages[0]),
                sheet=booklet_sheet(theme.paper),
            )
            pdf = final_pass(imposed, [claimed])
    except ValueError as exc:  # our own words (a booklet's pages): ReportLab's are the layout's
        raise LeafletError(Location(source.path), str(exc)) from None
    path = output_path(out_dir, locale, source.id, variant_suffix(chosen, spec))
    intent = theme.output_intent
    limit = (intent.ink_limit if intent else InkLimit()) if spec.colour == "cmyk" else None
    all_findings += check_layout(
        project, source, versions[0].leaflet, locale, result, options.strict, spec.for_paper,
        limit, theme, [t for v in versions for t in v.labels.translated],
    )  # fmt: skip
    all_findings += page_words_in_english(project, versions, options.strict)
    if before_write is not None:
        before_write()
    write_atomic(path, pdf)
    profile = (claim.intent.profile,) if claim.intent else ()
    inputs = (*profile, *config_files(theme.fonts))
    digest = hashlib.sha256(pdf).hexdigest()
    fuzzy = any(i18n.reads_fuzzy(source, language, project) for language in languages)
    return BuildResult(
        source.id,
        locale,
        path,
        result.pages,
        as_draft(all_findings),
        inputs,
        digest,
        len(pdf),
        fuzzy,
    )


#: What a draft build adds to the hint of a finding `--strict` would have stopped for.
STRICT_REFUSES = "for printing, `build --strict` refuses this"


def as_draft(findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` as a build that wrote its PDF reports them: an error is what stops
    a build (`--strict` stops for every check error), so one it did not stop for is
    called a warning, its hint saying printing refuses it. A draft that printed
    "error: LAYOUT003" and exited 0 left a writer and a script unsure which was true."""
    return [
        dataclasses.replace(
            finding,
            severity="warning",
            hint=f"{finding.hint}; {STRICT_REFUSES}" if finding.hint else STRICT_REFUSES,
        )
        if finding.severity == "error"
        else finding
        for finding in findings
    ]


def page_words_in_english(
    project: Project, versions: Sequence[Localised], strict: bool
) -> list[Finding]:
    """Warnings naming the words the layout printed in English ("Page 1 of 4", a callout
    label) because the ``ui`` catalog lacks them; known only once the pages are laid
    out, since each edition prints other words. ``strict`` refuses them, as it refuses
    a leaflet text in English, before anything is written."""
    findings = [
        finding
        for version in versions
        for finding in i18n.ui_findings(version.labels, version.leaflet.language, project)
    ]
    if strict and findings:
        raise LeafletError(
            findings[0].location,
            "--strict: words the page prints itself would be in English:\n"
            + "\n".join(f"  {finding}" for finding in findings),
            "translate them in ui.po, or build without --strict for a draft",
        )
    return findings


def check_layout(
    project: Project,
    source: Leaflet,
    localized: Leaflet,
    locale: str,
    result: LayoutResult,
    strict: bool,
    for_paper: bool = False,
    ink_limit: InkLimit | None = None,
    theme: Theme | None = None,
    page_words: Sequence[Text] = (),
) -> list[Finding]:
    """The checks only a laid-out page can answer (text size, lonely headings, crowded
    footers, and in a build ``for_paper`` coarse pictures). Their errors stop a --strict
    build before anything is written. ``page_words``: the ui.po words printed, so a cut
    in one is named at its msgstr (`written_outside`)."""
    from ..checks import load_config, run_layout_checks
    from ..checks.layout import (
        LayoutReport,
        LineBreakViolation,
        PageSummary,
        PlacedPicture,
        TextSize,
    )
    from ..layout.images import printed_as_filed
    from ..layout.unprintable import written_outside

    starts = zip(result.page_kinds, result.page_lines, strict=True)
    report = LayoutReport(
        pages=tuple(
            PageSummary(n, kinds, n in result.footer_overflows, line)
            for n, (kinds, line) in enumerate(starts, 1)
        ),
        text_sizes=tuple(TextSize(size, 0) for size in result.text_sizes),
        line_breaks=tuple(
            LineBreakViolation(
                written.line if written else 0,
                _excerpt(text),
                "inside a run with no break opportunity",
                written,
                None if written else written_outside(text, (localized, source), page_words),
            )
            for text, markup in result.emergency_breaks
            for written in [_text_cut(text, markup, (localized, source))]
        ),
        pictures=tuple(
            PlacedPicture(*picture, as_filed=theme is None or printed_as_filed(picture[0], theme))
            for picture in result.pictures
        ),
        for_paper=for_paper,
        ink_limit=ink_limit,
        margin_notes=result.margin_notes_moved,
    )
    config = load_config(project, strict=strict)
    findings = run_layout_checks(project, source, localized, locale, report, config)
    errors = [f for f in findings if f.severity == "error"]
    if strict and errors:
        raise LeafletError(
            Location(source.path),
            "--strict: the laid-out pages fail a check:\n"
            + "\n".join(f"  {finding}" for finding in errors),
            "fix them, or build without --strict for a draft",
        )
    return findings


def _text_cut(cut: str, markup: str, leaflets: Sequence[Leaflet]) -> Text | None:
    """The leaflet text an emergency cut fell in: the one whose markup the layout set
    (the translation's first, then the source's: a parallel edition prints both), else
    the first that holds the cut unit (a reference, set from its parts). Looked up only
    for a cut, so the layout pays nothing per line for it."""
    written = [text for leaflet in leaflets for text in texts(leaflet)]
    exact = next((text for text in written if markup and text.value == markup), None)
    return exact or next((text for text in written if cut.strip() in text.value), None)


def _excerpt(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
