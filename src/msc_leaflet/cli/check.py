"""``msc-leaflet check``: argument parsing and rendering over `run_checks`.

Register it on the main app with ``app.command("check")(check)``. Findings print as
``file:line:col: severity: CODE: message`` (+ a hint line), or as one JSON document;
the exit code is 1 when any finding is an error.
"""

# Annotations are evaluated at import, not postponed: Typer would otherwise eval every
# string annotation twice per command on each start (17 ms of `--help`, issue #7).

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    FormatOption,
    JsonOption,
    LeafletIdsArgument,
    LocalesOption,
    ProjectOption,
    QuietOption,
    json_wanted,
)
from .streams import json_text

if TYPE_CHECKING:
    from ..errors import Finding


def check(
    leaflet_ids: LeafletIdsArgument = None,
    locale: LocalesOption = None,
    format: FormatOption = None,
    json_output: JsonOption = False,
    list_checks: Annotated[
        bool, typer.Option("--list", help="List every check with its code and rationale.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Judge as for printing: overdue review and text printed untranslated are errors.",
        ),
    ] = False,
    today: Annotated[
        str | None, typer.Option(help="Check as of this date (YYYY-MM-DD), e.g. a print date.")
    ] = None,
    quiet: QuietOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Check leaflets for unsafe claims, references, terminology, readability and dates.

    Examples:

      msc-leaflet check                       # every leaflet, every locale

      msc-leaflet check infusion-safety -l th --format json

      msc-leaflet check --list
    """
    from .errors import run

    as_json = json_wanted(json_output, format)

    def action() -> None:
        from ..checks import all_checks, load_config, run_checks
        from ..clock import iso_date
        from ..clock import today as real_today
        from ..eras import YEARS_AHEAD, another_era, common_era_date
        from ..project import Project

        if list_checks:
            for item in all_checks():
                typer.echo(f"{item.code:<10} {item.severity:<8} {item.rationale}")
            return
        try:
            as_of = iso_date(today) if today is not None else None
        except ValueError:
            leap_day = common_era_date(today or "", real_today())
            if leap_day:
                raise typer.BadParameter(
                    f"{today} is no date of the Common Era: a date of the {leap_day[0]}"
                    f" calendar? Dates are read in the Common Era: use --today"
                    f" {leap_day[1].isoformat()}",
                    param_hint="--today",
                ) from None
            raise typer.BadParameter(
                f"{today!r} is not a date: use YYYY-MM-DD", param_hint="--today"
            ) from None
        era = another_era(as_of.year, real_today()) if as_of else None
        if as_of and era and as_of.year > real_today().year + YEARS_AHEAD:
            name, common = era
            raise typer.BadParameter(
                f"{today} is {as_of.year - common} years ahead: a date of the {name}"
                " calendar? Dates are read in the Common Era: use --today"
                f" {as_of.replace(year=common).isoformat()}",
                param_hint="--today",
            )
        root = Project.at(project)
        config = load_config(root, today=as_of, strict=strict)
        findings = run_checks(root, leaflet_ids or [], locale or [], config)
        report_findings(findings, root.root, as_json=as_json, quiet=quiet)

    run(action)


def report_findings(
    findings: "Sequence[Finding]", root: Path, *, as_json: bool, quiet: bool
) -> None:
    """Print ``findings`` as every checking command does (``check``, ``i18n check``):
    one line each (and its hint) on stdout and the count on stderr, or one JSON
    document (`findings_document`) and nothing else; exit 1 when any is an error,
    whichever form was asked for."""
    errors, warnings, infos = tally(findings)
    if as_json:
        typer.echo(json_text(findings_document(findings, root)))
    else:
        for finding in findings:
            if not quiet or finding.severity == "error":
                typer.echo(str(finding))
        suggestions = f", {infos} info" if infos else ""
        if not quiet:
            typer.echo(f"{errors} error(s), {warnings} warning(s){suggestions}", err=True)
    if errors:
        raise typer.Exit(1)


def tally(findings: "Sequence[Finding]") -> tuple[int, int, int]:
    """Errors, warnings and infos (suggestions only) among ``findings``."""
    errors = sum(1 for f in findings if f.severity == "error")
    infos = sum(1 for f in findings if f.severity == "info")
    return errors, len(findings) - errors - infos, infos


def findings_document(findings: "Sequence[Finding]", root: Path) -> dict[str, object]:
    """The ``--json`` document of a checking command: each finding keyed by
    `Finding.as_dict` (file named from the project at ``root``), then the counts."""
    errors, warnings, infos = tally(findings)
    return {
        "findings": [finding.as_dict(root) for finding in findings],
        "errors": errors,
        "warnings": warnings,
        "infos": infos,
    }
