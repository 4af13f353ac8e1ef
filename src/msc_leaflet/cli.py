"""The ``msc-leaflet`` command: argument parsing and rendering only.

Every command calls one library function; `LeafletError` is rendered here, once, as
``file:line:col: error: message`` + hint, exit code 1. Heavy modules (ReportLab,
HarfBuzz, ICU) are imported inside commands so ``--help`` stays instant.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .cli_errors import run, set_debug
from .cli_options import LeafletIdsArgument, ProjectOption

app = typer.Typer(
    help="Build multilingual, print-ready patient leaflets from YAML and gettext catalogs.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    set_debug(debug)


@app.command()
def build(
    leaflet_ids: LeafletIdsArgument = None,
    locale: Annotated[
        list[str] | None, typer.Option("--locale", "-l", help="Locale to build; repeatable.")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("build"),
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Parallel workers (default: CPU count)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if up to date.")] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast/--keep-going", help="Stop at the first failure.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be rebuilt and why.")
    ] = False,
    shard: Annotated[
        str | None, typer.Option(help="Build only slice K of N of the job list, e.g. 2/4.")
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="One JSON document on stdout.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print failures only.")] = False,
    allow_fuzzy: Annotated[bool, typer.Option(help="Use fuzzy translations.")] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="For printing: refuse outputs with check errors or incomplete translations.",
        ),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Build PDFs into OUT/<locale>/<id>.pdf, skipping outputs that are up to date.

    Examples:

      msc-leaflet build                       # every leaflet, every locale

      msc-leaflet build infusion-safety -l th

      msc-leaflet build -j 4 --shard 1/2 --json > shard1.json
    """

    def action() -> None:
        import os

        from .batch import Options, parse_shard, plan, run_batch
        from .manifest import load_manifest, manifest_path
        from .project import Project
        from .report import LiveProgress, as_json, dry_run_lines, summary

        try:
            shard_of = parse_shard(shard) if shard else None
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--shard") from None
        root = Project.at(project)
        options = Options(allow_fuzzy=allow_fuzzy, strict=strict)
        if dry_run:
            manifest = load_manifest(manifest_path(out.resolve()))
            planned, failures = plan(
                root, leaflet_ids or [], locale or [], manifest, out.resolve(), options, force
            )
            for line in dry_run_lines(planned):
                typer.echo(line)
            for failure in failures:
                typer.echo(failure.message, err=True)
            raise typer.Exit(1 if failures else 0)
        progress = LiveProgress(quiet or json_output)
        try:
            report = run_batch(
                root, leaflet_ids or [], locale or [], out, options=options,
                jobs=jobs or os.cpu_count() or 1, force=force, fail_fast=fail_fast,
                shard_of=shard_of, on_planned=progress.start, on_outcome=progress.update,
            )  # fmt: skip
        finally:
            progress.stop()
        if json_output:
            typer.echo(as_json(report))
        elif not quiet:
            for outcome in report.outcomes:
                for warning in outcome.warnings if outcome.status == "built" else []:
                    typer.echo(warning, err=True)
            typer.echo(summary(report))
        if report.failed:
            raise typer.Exit(1)

    run(action)


manifest_app = typer.Typer(help="Build manifests (merge the manifests of sharded builds).")
app.add_typer(manifest_app, name="manifest")


@manifest_app.command("merge")
def manifest_merge(
    manifests: Annotated[list[Path], typer.Argument(help="Manifests to merge.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Merged manifest.")] = Path(
        "build/manifest.json"
    ),
) -> None:
    """Merge shard manifests into one, e.g. after a CI matrix build.

    Example:

      msc-leaflet manifest merge shard1/manifest.json shard2/manifest.json -o build/manifest.json
    """

    def action() -> None:
        from .manifest import merge, save_manifest

        merged = merge(manifests)
        save_manifest(out, merged)
        typer.echo(f"merged {len(merged.outputs)} outputs into {out}")

    run(action)


@app.command("list")
def list_leaflets(project: ProjectOption = Path(".")) -> None:
    """List leaflets with title, version, review date and page count (English layout)."""

    def action() -> None:
        from .catalogue import summarise

        rows = summarise(project)
        typer.echo(f"{'id':<22} {'version':<8} {'review':<11} {'pages':>5}  title")
        for row in rows:
            typer.echo(
                f"{row.id:<22} {row.version:<8} {row.review:<11} {row.pages:>5}  {row.title}"
            )

    run(action)


@app.command()
def new(
    leaflet_id: Annotated[str, typer.Argument(help="Id of the new leaflet (a-z, 0-9, '-').")],
    project: ProjectOption = Path("."),
) -> None:
    """Create leaflets/<ID>.yaml from a template (never overwrites).

    Example:

      msc-leaflet new hand-hygiene
    """

    def action() -> None:
        from .project import Project
        from .scaffold import new_leaflet

        path = new_leaflet(Project.at(project), leaflet_id)
        typer.echo(f"created {path}; edit it, then run: msc-leaflet build {leaflet_id}")

    run(action)


def _register_check() -> None:
    from .checks.cli import check as check_command

    app.command("check")(check_command)


_register_check()


def _mount_i18n() -> None:
    try:
        from .i18n.cli import app as i18n_app
    except ImportError:
        return
    app.add_typer(i18n_app, name="i18n", help="Translator workflow: gettext catalogs.")


_mount_i18n()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
