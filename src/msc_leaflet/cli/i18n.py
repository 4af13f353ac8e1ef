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
from .options import ProjectOption

if TYPE_CHECKING:
    from ..i18n.workflow import Written

# `workflow` and `stats` pull in Babel and ReportLab: imported inside the commands so
# that `msc-leaflet --help` stays instant.

app = typer.Typer(help="Translation catalogs: extract, init, update, compile, stats, check.")


def _report(written: "list[Written]") -> None:
    for item in written:
        typer.echo(f"{item.status:9}  {display_path(item.path)}")


@app.command()
def extract(project: ProjectOption = Path(".")) -> None:
    """Write locales/<leaflet>.pot and locales/ui.pot from the leaflets."""
    from ..i18n import workflow

    _report(run(lambda: workflow.extract(Project.at(project))[1]))


@app.command()
def init(
    lang: Annotated[str, typer.Argument(help="Language tag, e.g. th.")],
    project: ProjectOption = Path("."),
) -> None:
    """Start a new language: one .po per leaflet plus ui (existing files are kept)."""
    from ..i18n import workflow
    from ..languages import describe

    folder = Project.at(project)
    _report(run(lambda: workflow.init_locale(folder, lang)))
    typer.echo(describe(lang, _theme_fonts(folder)))


def _theme_fonts(project: Project) -> dict[str, object] | None:
    """The ``fonts:`` mapping of the project's theme, if it has one (the font hook)."""
    import yaml

    from ..content.yaml_source import load_data
    from ..data import data_path

    path = project.theme_path if project.theme_path.is_file() else data_path("theme.yaml")
    try:
        data = load_data(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # `build` reports a broken theme with its position; here it is a hint
    fonts = data.get("fonts") if isinstance(data, dict) else None
    return fonts if isinstance(fonts, dict) else None


@app.command()
def update(project: ProjectOption = Path(".")) -> None:
    """Re-extract and merge into every .po: edits become fuzzy, removals obsolete."""
    from ..i18n import workflow

    _report(run(lambda: workflow.update(Project.at(project))))


@app.command("compile")
def compile_(project: ProjectOption = Path(".")) -> None:
    """Write a .mo next to every .po (translated, non-fuzzy entries)."""
    from ..i18n import workflow

    _report(run(lambda: workflow.compile_catalogs(Project.at(project))))


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def stats(
    project: ProjectOption = Path("."),
    format: Annotated[
        StatsFormat, typer.Option("--format", help="table or json")
    ] = StatsFormat.table,
) -> None:
    """Translated, fuzzy, untranslated and obsolete entries per leaflet and locale."""
    from ..i18n import stats as stats_module

    rows = run(lambda: stats_module.project_stats(Project.at(project)))
    if format is StatsFormat.json:
        typer.echo(stats_module.format_json(rows))
    else:
        typer.echo(stats_module.format_table(rows))


@app.command()
def check(project: ProjectOption = Path(".")) -> None:
    """Check every translation (markup, citations, numbers, URLs, whitespace, length)."""
    from ..i18n import workflow

    findings = run(lambda: workflow.check(Project.at(project)))
    for finding in findings:
        typer.echo(str(finding), err=finding.severity == "error")
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    typer.echo(f"{errors} error(s), {warnings} warning(s)")
    if errors:
        raise typer.Exit(1)
