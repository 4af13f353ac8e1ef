"""``msc-leaflet preflight``: argument parsing and rendering over `finishing.preflight`.

Register it on the main app with ``app.command("preflight")(preflight)``. One block per
file: a line naming it, then ``severity  category  message (pages)``; or one JSON
document. Exit 1 when any file has an error or cannot be read; an unreadable file is
one line naming it, and the others are still checked.
"""

# Annotations are evaluated at import, not postponed: Typer would otherwise eval every
# string annotation twice per command on each start (17 ms of `--help`, issue #7).

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import FormatOption, JsonOption, QuietOption, json_wanted
from .streams import json_text

if TYPE_CHECKING:
    from ..errors import LeafletError


def preflight(
    files: Annotated[
        list[Path],
        typer.Argument(help="PDF files to check, or folders: every PDF in them (a build's --out)."),
    ],
    bleed: Annotated[
        str,
        typer.Option(help="Bleed the print shop asks for on every side, e.g. 3mm (0: none)."),
    ] = "0mm",
    booklet: Annotated[
        bool,
        typer.Option(
            "--booklet",
            help="Saddle-stitched: the pages must be a multiple of 4 (an imposed file's "
            "sheet sides count two pages each).",
        ),
    ] = False,
    ink_limit: Annotated[
        float | None,
        typer.Option(
            help="Most total ink the press lays down, in percent (default: the limit the "
            "file records as the print shop's, else that of the printing condition its output "
            "intent names, e.g. 330 for FOGRA39, else 300)."
        ),
    ] = None,
    json_output: JsonOption = False,
    format: FormatOption = None,
    quiet: QuietOption = False,
) -> None:
    """Check finished PDFs as a print shop would: fonts, image resolution, ink, hairlines,
    small text, bleed, colour spaces, page count.

    Examples:

      msc-leaflet preflight build/th/infusion-safety.pdf

      msc-leaflet preflight print/th/*.pdf --bleed 3mm --json

      msc-leaflet preflight print                # every PDF under print/
    """
    from .errors import run

    json_output = json_wanted(json_output, format)

    def action() -> None:
        from ..errors import LeafletError, Location
        from ..finishing.preflight import Requirements
        from ..finishing.preflight import preflight as check_file
        from ..print_spec import INK_RANGE, parse_bleed

        try:
            asked = Requirements(parse_bleed(bleed), booklet, ink_limit)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--bleed") from None
        low, high = INK_RANGE
        if ink_limit is not None and not low <= ink_limit <= high:
            raise typer.BadParameter(
                f"{ink_limit:g} is no press's total ink: give a percent from {low:.0f} to "
                f"{high:.0f}, e.g. 300",
                param_hint="--ink-limit",
            )
        reports: list[dict[str, object]] = []
        failed = False
        for path in _pdf_files(files):
            try:
                if path.is_dir():  # a folder with no PDF in it
                    raise LeafletError(
                        Location(path),
                        "holds no PDF files to check",
                        "build into it first (msc-leaflet build --out FOLDER), or name the PDFs",
                    )
                report = check_file(path, asked)
            except LeafletError as error:
                failed = True
                if json_output:
                    reports.append(_unreadable(path, error))
                else:
                    typer.echo(str(error), err=True)  # with its hint
                continue
            failed = failed or not report.passed
            if json_output:
                reports.append({"path": str(path), "file": _named(path), **report.as_dict()})
                continue
            if quiet:  # the errors alone, one line each, named as every command names them
                for finding in report.findings:
                    if finding.severity == "error":
                        where = _pages_of(finding.pages)
                        typer.echo(f"{path}: error: {finding.category}: {finding.message}{where}")
                continue
            claims = "no standard" if report.standard == "none" else report.standard
            typer.echo(
                f"{path}: {report.pages} page(s), claims {claims}; "
                f"{report.count('error')} error(s), {report.count('warning')} warning(s)"
            )
            for finding in report.findings:
                where = _pages_of(finding.pages)
                typer.echo(f"  {finding.severity:<8}{finding.category:<9}{finding.message}{where}")
        if json_output:
            typer.echo(json_text({"files": reports}))
        if failed:
            raise typer.Exit(1)

    run(action)


def _pdf_files(paths: list[Path]) -> list[Path]:
    """``paths`` with each folder replaced by the PDFs below it, in name order (a
    folder holding none stays, to be named as such): a print shop is handed a build's
    output folder as often as its files."""
    found: list[Path] = []
    for path in paths:
        pdfs = sorted(path.rglob("*.pdf")) if path.is_dir() else []
        found += [pdf for pdf in pdfs if pdf.is_file()] or [path]
    return found


def _named(path: Path) -> str:
    """``path`` as ``--json``'s ``file`` names it: from the project holding it
    (``build/th/x.pdf``), else in full; the same from every working folder, where
    ``path`` is the argument as typed."""
    from ..errors import project_file
    from ..project import Project

    project = Project.holding(path)
    found = project_file(path, project.root) if project else None
    return found or os.path.abspath(path)


def _unreadable(path: Path, error: "LeafletError") -> dict[str, object]:
    """A file that cannot be checked, for ``--json``: ``unreadable`` (the message, as
    scripts read it) and ``problem``, keyed as ``check --json`` keys a finding."""
    file = _named(path)
    problem = {**error.finding().as_dict(path.absolute().parent), "file": file}
    return {"path": str(path), "file": file, "unreadable": error.message, "problem": problem}


def _pages_of(pages: tuple[int, ...]) -> str:
    """`` (page 2)``, `` (pages 1-3)``, or nothing: where a finding is, after its message."""
    from ..finishing.preflight import page_ranges

    if not pages:
        return ""
    return f" ({'pages' if len(pages) > 1 else 'page'} {page_ranges(pages)})"
