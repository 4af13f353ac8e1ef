"""``msc-leaflet i18n …``: the translator workflow on the command line.

Each command parses its arguments, calls one function in `i18n.workflow` or `i18n.stats`, and
prints the result; user errors (`LeafletError`) are printed once and exit with 1.
"""

# Annotations are evaluated at import, not postponed: Typer would otherwise eval every
# string annotation twice per command on each start (17 ms of `--help`, issue #7).

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import display_path
from ..project import Project
from .errors import run
from .options import (
    FormatOption,
    JsonOption,
    LocalesOption,
    ProjectOption,
    QuietOption,
    json_wanted,
    locale_names,
    typed_text,
)

if TYPE_CHECKING:
    from ..i18n.selection import CatalogSelection
    from ..i18n.signoff import Pending
    from ..i18n.stats import CatalogStats
    from ..i18n.workflow import Written
    from ..i18n.xliff_merge import ImportReport

# `workflow` and `stats` pull in Babel and ReportLab: imported inside the commands so
# that `msc-leaflet --help` stays instant.

CatalogsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Leaflet ids, or ui for the interface words (default: all)."),
]

app = typer.Typer(
    help="Translation catalogs: extract, init, update, compile, stats, check, review, "
    "export (XLIFF), import."
)


def _report(written: "list[Written]", quiet: bool = False) -> None:
    """A line per catalog or template written, each with what became of it."""
    for item in [] if quiet else written:
        reason = f"  ({item.reason})" if item.reason else ""
        typer.echo(f"{item.status:9}  {display_path(item.path)}{reason}")


def _report_json(root: Project, locale: str, written: "list[Written]") -> str:
    """``--json``: what became of each file, paths from the project's root."""
    from .streams import json_text

    files = [
        {"path": item.path.relative_to(root.root).as_posix(), "status": item.status}
        | ({"reason": item.reason} if item.reason else {})
        for item in written
    ]
    return json_text({"locale": locale, "files": files})


@app.command()
def extract(project: ProjectOption = Path("."), quiet: QuietOption = False) -> None:
    """Write locales/<leaflet>.pot and locales/ui.pot from the leaflets.

    Example:

      msc-leaflet i18n extract
    """
    from ..i18n import workflow

    _report(run(lambda: workflow.extract(Project.at(project))[1]), quiet)


@app.command()
def init(
    lang: Annotated[str, typer.Argument(help="Language tag, e.g. th.", callback=locale_names)],
    project: ProjectOption = Path("."),
    quiet: QuietOption = False,
    json_output: JsonOption = False,
    format: FormatOption = None,
) -> None:
    """Start a new language: one .po per leaflet plus ui (existing files are kept; none
    for texts written in that language, which are reported skipped).

    Examples:

      msc-leaflet i18n init th

      msc-leaflet i18n init ar_EG   # starts from the Arabic translation, if there is one

      msc-leaflet i18n init th --json   # each file's path, status and reason, for scripts
    """
    from ..i18n import workflow
    from ..languages import describe
    from ..theme.theme import theme_fonts

    as_json = json_wanted(json_output, format)
    folder = run(lambda: Project.at(project))  # the wrong folder is one line, no traceback
    written = run(lambda: workflow.init_locale(folder, lang))
    started = any(item.status == "created" for item in written)
    if started and (second := run(lambda: workflow.second_locale(folder, lang))):
        typer.echo(str(second), err=True)  # said in --json and --quiet too: it builds twice
    if as_json:
        typer.echo(_report_json(folder, lang, written))
        return
    if quiet:
        return
    _report(written)
    made = [item for item in written if item.status != "skipped"]
    catalogs = [item.path for item in made if item.path.suffix == ".po"]
    if catalogs and all(item.status == "unchanged" for item in made if item.path in catalogs):
        # Said outright: `init zh_hans` in a project with zh_Hans used to start a second one.
        typer.echo(f"{lang} is started already, in {display_path(catalogs[0].parent.parent)}")
    typer.echo(describe(lang, theme_fonts(folder.theme_path)))


def _selected(
    project: Path, leaflet_ids: list[str] | None, locale: list[str] | None
) -> "tuple[Project, CatalogSelection]":
    """The project and the catalogs typed on the command line (`select_catalogs`): the
    one reading of leaflet ids and ``-l`` for update, compile, stats and check."""
    from ..i18n.selection import select_catalogs

    root = run(lambda: Project.at(project))
    return root, run(lambda: select_catalogs(root, leaflet_ids or [], locale or []))


@app.command()
def update(
    leaflet_ids: CatalogsArgument = None,
    locale: LocalesOption = None,
    project: ProjectOption = Path("."),
    quiet: QuietOption = False,
) -> None:
    """Re-extract and merge into every .po: edits become fuzzy, removals obsolete.

    Examples (after editing a leaflet):

      msc-leaflet i18n update

      msc-leaflet i18n update infusion-safety -l th   # one leaflet's Thai catalog
    """
    from ..i18n import workflow

    root, selection = _selected(project, leaflet_ids, locale)
    _report(run(lambda: workflow.update(root, selection)), quiet)


@app.command("compile")
def compile_(
    leaflet_ids: CatalogsArgument = None,
    locale: LocalesOption = None,
    project: ProjectOption = Path("."),
    quiet: QuietOption = False,
) -> None:
    """Write a .mo next to every .po (translated, non-fuzzy entries); a .po of no
    leaflet (renamed or withdrawn) is skipped with a warning, and kept.

    Examples:

      msc-leaflet i18n compile

      msc-leaflet i18n compile ui -l vi   # the Vietnamese interface words only
    """
    from ..i18n import workflow

    root, selection = _selected(project, leaflet_ids, locale)
    written = run(lambda: workflow.compile_catalogs(root, selection))
    _report([item for item in written if item.status != "skipped"], quiet)
    for item in written:  # said in --quiet too: a file the translator must act on
        if item.status == "skipped":
            typer.echo(f"warning: {display_path(item.path)}: {item.reason}", err=True)


class StatsFormat(StrEnum):
    table = "table"
    text = "text"  # what every other command calls its text output
    json = "json"


@app.command()
def stats(
    leaflet_ids: CatalogsArgument = None,
    locale: LocalesOption = None,
    project: ProjectOption = Path("."),
    format: Annotated[
        StatsFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default) or json (the same as --json).",
            case_sensitive=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Translated, fuzzy, untranslated and obsolete entries per leaflet and locale.

    Examples:

      msc-leaflet i18n stats

      msc-leaflet i18n stats -l vi           # one language's catalogs

      msc-leaflet i18n stats --format json   # with the sign-off state, for scripts
    """
    from ..i18n import stats as stats_module

    as_json = json_wanted(json_output, format)
    root, selection = _selected(project, leaflet_ids, locale)
    rows: list[CatalogStats] = run(lambda: stats_module.project_stats(root, selection))
    if as_json:
        typer.echo(stats_module.format_json(rows))
    else:
        typer.echo(stats_module.format_table(rows))


@app.command()
def check(
    leaflet_ids: CatalogsArgument = None,
    locale: LocalesOption = None,
    project: ProjectOption = Path("."),
    quiet: QuietOption = False,
    format: FormatOption = None,
    json_output: JsonOption = False,
) -> None:
    """Check every translation (markup, citations, numbers, URLs, whitespace, length),
    and report what `msc-leaflet check` finds in it (a cure claim) at its msgstr.

    Examples:

      msc-leaflet i18n check --project my-clinic

      msc-leaflet i18n check infusion-safety ui -l th   # two Thai catalogs

      msc-leaflet i18n check --json   # keyed as msc-leaflet check --json, for scripts
    """
    from ..i18n import workflow
    from .check import report_findings

    as_json = json_wanted(json_output, format)
    root, selection = _selected(project, leaflet_ids, locale)
    findings = run(lambda: workflow.check(root, selection))
    # One stream and one shape, as `msc-leaflet check`: `> report.txt` has every finding.
    report_findings(findings, root.root, as_json=as_json, quiet=quiet)


class Role(StrEnum):
    reviewer = "reviewer"
    back_translation = "back-translation"
    clinical = "clinical"


# The docstring's \b line asks click to print the examples as written: rewrapped, each
# long command was cut in the middle of a quoted name.
@app.command()
def review(
    leaflet_id: Annotated[str, typer.Argument(help="The leaflet, e.g. infusion-safety.")],
    locale: Annotated[
        str, typer.Option("--locale", "-l", help="The translation, e.g. th.", callback=locale_names)
    ],
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Who signs off: a full name (without it, nothing is signed).",
            callback=typed_text,
        ),
    ] = None,
    role: Annotated[
        Role | None,
        typer.Option(
            "--role", help="reviewer, back-translation or clinical.", case_sensitive=False
        ),
    ] = None,
    note: Annotated[
        str, typer.Option("--note", help="A remark kept with the record.", callback=typed_text)
    ] = "",
    project: ProjectOption = Path("."),
) -> None:
    """Show what changed since the last approval; with --by and --role, record a sign-off
    of the current text in locales/<lang>/signoff.yaml.

    Examples:

    \b
      msc-leaflet i18n review infusion-safety -l th   # what a sign-off would approve
      msc-leaflet i18n review infusion-safety -l th --by "Somchai Jaidee" --role reviewer
      msc-leaflet i18n review infusion-safety -l th --by "Dr. Malee Srisuk" --role clinical
    """
    from ..i18n.signoff import pending, sign_off, signoff_locale, signoff_path

    if (by is None) != (role is None):
        raise typer.BadParameter(
            "a sign-off needs both a name and a role; without either, review only shows "
            "what changed",
            param_hint="'--by' and '--role'",
        )
    if note and by is None:  # it was dropped without a word: the remark was lost
        raise typer.BadParameter(
            "a note is kept with a sign-off: give it with --by and --role", param_hint="--note"
        )
    root = run(lambda: Project.at(project))
    if by is None or role is None:
        _show_pending(run(lambda: pending(root, leaflet_id, locale)))
        return
    name, chosen = by, role.value
    record, before, state = run(
        lambda: sign_off(root, leaflet_id, locale, role=chosen, by=name, note=note)
    )
    written = signoff_path(root, signoff_locale(root, record.leaflet, before.locale))
    typer.echo(
        f"signed off  {record.leaflet} {locale}: {record.role} by {record.by} on "
        f"{record.date.isoformat()}  ({display_path(written)})"
    )
    _show_changes(before, signing=True)
    missing = f", still needed: {', '.join(state.missing_roles)}" if state.missing_roles else ""
    typer.echo(f"state       {state.state}{missing}")


def _show_pending(found: "Pending") -> None:
    """`i18n review` without a name: the state, what changed, and how to sign."""
    from ..i18n.signoff import NOT_READY_HINT, not_ready

    result = found.review
    missing = f", still needed: {', '.join(result.missing_roles)}" if result.missing_roles else ""
    typer.echo(f"state       {result.state}{missing}")
    _show_changes(found, signing=False)
    if found.state.missing:
        typer.echo(f"not ready   {not_ready(found.state.missing, 'text', found.state.refused)}")
        typer.echo(f"hint: {NOT_READY_HINT}")
        return
    command = f"{found.leaflet.id} -l {found.locale}"
    typer.echo(
        f"hint: read the proof (msc-leaflet build {command} --proof), then sign off: "
        f"msc-leaflet i18n review {command} --by NAME --role ROLE"
    )


def _show_changes(found: "Pending", *, signing: bool) -> None:
    """The changes since the last approval, in the languages' names, one per line:
    what the signer re-reads (before signing) or has just approved (when signing)."""
    from ..errors import counted
    from ..i18n.signoff import changes_in_words

    since = found.review.since
    if since is None:
        typer.echo(
            "approves    the whole text (the first sign-off)"
            if signing
            else "changed     no sign-off yet: a sign-off approves the whole text"
        )
        return
    lines = changes_in_words(found)
    who = f"{since.role} by {since.by} on {since.date.isoformat()}"
    if signing:
        changes = len(found.review.changes)  # a split's texts are lines of one change
        count = counted(changes, "change", "changes") if changes else "no change"
        typer.echo(f"approves    {count} since {who}")
    elif lines:
        typer.echo(f"changed     since the last approval: {who}")
    else:
        typer.echo(f"changed     no change since the last approval: {who}")
    for line in lines:
        typer.echo(f"  {line}")


class ExportFormat(StrEnum):
    xliff = "xliff"


@app.command("export")
def export(
    locale: Annotated[
        str, typer.Option("--locale", "-l", help="The language, e.g. th.", callback=locale_names)
    ],
    format: Annotated[
        ExportFormat,
        typer.Option("--format", help="xliff (XLIFF 1.2, for CAT tools)", case_sensitive=False),
    ] = ExportFormat.xliff,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Folder for the files (default: xliff/ in the project)."),
    ] = None,
    project: ProjectOption = Path("."),
    quiet: QuietOption = False,
) -> None:
    """Write OUT/<leaflet>.<lang>.xlf for every catalog of a language, for an agency.

    Example:

      msc-leaflet i18n export -l th --format xliff   # into xliff/
    """
    from ..i18n.xliff_export import export_locale

    def action() -> list[tuple[Path, bool]]:
        root = Project.at(project)
        # As build's -o: as given, else the project's own folder, never the caller's.
        return export_locale(root, locale, out if out is not None else root.root / "xliff")

    written = run(action)
    for path, changed in [] if quiet else written:
        typer.echo(f"{'written' if changed else 'unchanged':9}  {display_path(path)}")


def _sign_off_said(report: "ImportReport", context: str) -> str:
    """What a changed entry's line says of its sign-off (`xliff_merge.claims_sign_off`)."""
    if context in report.marked_signed:
        return (
            "  (signed off before; the file still marks it signed-off, but no one signed "
            "off these words: imported as translated, sign it off again)"
        )
    return "  (signed off before: sign it off again)" if context in report.unsigned else ""


def _sign_again(report: "ImportReport") -> str:
    """The line that says who must sign again, and how, after an import changed signed
    off texts: `build --strict` refuses the locale until then."""
    from ..i18n.catalog import catalog_language

    leaflet, locale = report.path.stem, catalog_language(report.path)
    roles = " ".join(f"--role {role}" for role in report.roles) or "--role ROLE"
    return (
        f"  sign off  {len(report.unsigned)} text(s) a sign-off of {leaflet} ({locale}) "
        "approved changed; `build --strict` refuses them until the reviewer reads them "
        f'and runs: msc-leaflet i18n review {leaflet} -l {locale} --by "NAME" {roles}'
    )


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="XLIFF files back from the agency.")],
    locale: Annotated[
        str | None,
        typer.Option(
            "--locale", "-l", help="Refuse files for any other language.", callback=locale_names
        ),
    ] = None,
    project: ProjectOption = Path("."),
    quiet: QuietOption = False,
) -> None:
    """Merge translations from XLIFF files into the catalogs, by context; nothing is lost.

    Example:

      msc-leaflet i18n import xliff/*.xlf -l th
    """
    from ..i18n.xliff_import import import_files

    reports = run(lambda: import_files(Project.at(project), files, locale))
    for report in [] if quiet else reports:
        status = "updated" if report.written else "unchanged"
        typer.echo(
            f"{status:9}  {display_path(report.path)}: {len(report.changed)} changed, "
            f"{report.unchanged} unchanged, {len(report.kept_obsolete)} kept as obsolete "
            "(source changed since the export)"
        )
        for context in report.changed:
            typer.echo(f"  changed   {context}{_sign_off_said(report, context)}")
        if report.unsigned:
            typer.echo(_sign_again(report))
        for context in report.kept_obsolete:
            typer.echo(f"  obsolete  {context}")
        for context in report.not_translated:
            typer.echo(f'  left out  {context} (translate="no")')
