"""The ``msc-leaflet`` command: argument parsing and rendering only.

Every command calls one library function; `LeafletError` is rendered here, once, as
``file:line:col: error: message`` + hint, exit code 1. Heavy modules (ReportLab,
HarfBuzz, ICU) are imported inside commands so ``--help`` stays instant.
"""

# Annotations are evaluated at import, not postponed: Typer would otherwise eval every
# string annotation twice per command on each start (17 ms of `--help`, issue #7).

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..print_spec import SINGLE
from .errors import output_failed, run, set_debug
from .options import (
    EditionOption,
    EditionsOption,
    FormatOption,
    JsonOption,
    LeafletIdsArgument,
    LocaleOption,
    LocalesOption,
    OutOption,
    ProjectOption,
    QuietOption,
    a_number,
    json_wanted,
    out_folder,
    typed_text,
)
from .startup import INTERRUPTED
from .streams import tolerant_streams

if TYPE_CHECKING:
    from ..print_spec import PrintSpec

app = typer.Typer(
    help="Build multilingual, print-ready patient leaflets from YAML and gettext catalogs.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"msc-leaflet {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    set_debug(debug)


@app.command()
def build(
    leaflet_ids: LeafletIdsArgument = None,
    locale: LocalesOption = None,
    out: OutOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Parallel workers (default: as many as the work pays for, up to the CPU count).",
        ),
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
    json_output: JsonOption = False,
    format: FormatOption = None,
    quiet: QuietOption = False,
    allow_fuzzy: Annotated[bool, typer.Option(help="Use fuzzy translations.")] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="For printing: refuse outputs with check errors or incomplete translations.",
        ),
    ] = False,
    paper: Annotated[
        str | None, typer.Option(help="Paper size: a4, a5 or letter (default: the theme's).")
    ] = None,
    bleed: Annotated[
        str, typer.Option(help="Bleed beyond the trim on every side, e.g. 3mm or 0.125in.")
    ] = "0mm",
    crop_marks: Annotated[
        bool, typer.Option("--crop-marks", help="Draw trim marks outside the bleed.")
    ] = False,
    colour: Annotated[
        str, typer.Option(help="Colour model: rgb (screen) or cmyk (print).")
    ] = "rgb",
    pdfx: Annotated[
        bool,
        typer.Option(
            "--pdfx",
            help="With --colour cmyk: require PDF/X-4, refusing to build unless the theme "
            "names the print shop's output-intent profile.",
        ),
    ] = False,
    edition: EditionsOption = None,
    imposition: Annotated[
        str,
        typer.Option(
            help="none, or booklet: A5 pages on A4 sheets for saddle stitching (print "
            "sheets, not tagged for screen readers: give readers the unimposed PDF)."
        ),
    ] = "none",
    duplex: Annotated[
        str | None,
        typer.Option(
            help="With --imposition booklet: how your printer turns a booklet sheet, "
            "short-edge (the default) or long-edge."
        ),
    ] = None,
    proof: Annotated[
        bool,
        typer.Option(
            "--proof",
            help="Reviewer's proof: watermark, block contexts in the margin, list of "
            "untranslated text.",
        ),
    ] = False,
    project: ProjectOption = Path("."),
) -> None:
    """Build PDFs into OUT/<locale>/<id>[.variant].pdf, skipping outputs that are up to date.

    Examples:

      msc-leaflet build                       # every leaflet, every locale

      msc-leaflet build infusion-safety -l th

      msc-leaflet build -j 4 --shard 1/2 --json > shard1.json

      msc-leaflet build -l th --edition parallel --bleed 3mm --crop-marks --colour cmyk

      msc-leaflet build -l th --imposition booklet     # OUT/th/<id>.booklet.pdf

      msc-leaflet build -l th --colour cmyk --bleed 3mm --pdfx   # PDF/X-4 (theme output-intent)
    """

    json_output = json_wanted(json_output, format)

    def action() -> None:
        from ..build.batch import in_shard, left_behind, parse_shard, plan, run_batch
        from ..build.dry_run import foreseen
        from ..build.manifest import load_manifest, manifest_path, prepare_output_folder
        from ..build.options import Options
        from ..build.workers import WORKERS_PER_CORE, most_workers
        from ..clock import source_date_epoch
        from ..project import Project
        from .progress import LiveProgress, as_json, dry_run_json, dry_run_lines, summary

        try:
            shard_of = parse_shard(shard) if shard is not None else None  # '' is no shard
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--shard") from None
        spec = print_spec(paper, bleed, crop_marks, colour, imposition, duplex, proof, pdfx)
        editions = tuple(dict.fromkeys(edition or [SINGLE.name]))
        root = Project.at(project)
        out_dir = out_folder(root, out)
        options = Options(allow_fuzzy=allow_fuzzy, strict=strict, spec=spec)
        if dry_run:
            source_date_epoch()  # as the build would: a bad value is no "would rebuild"
            prepare_output_folder(out_dir, create=False)
            manifest = load_manifest(manifest_path(out_dir))
            note = manifest.note(manifest_path(out_dir))
            if note and not json_output:  # there, each output's reason says it
                typer.echo(str(note), err=True)
            for leftover in [] if json_output else left_behind(root, manifest, out_dir):
                typer.echo(str(leftover), err=True)
            planned, failures = plan(
                root, leaflet_ids or [], locale or [], manifest, out_dir, options, force, editions
            )
            planned, refused = foreseen(root, in_shard(planned, shard_of), manifest, options)
            failures += refused
            if json_output:
                typer.echo(dry_run_json(planned, failures, root.root))
            else:
                for line in dry_run_lines(planned):
                    typer.echo(line)
                # Each once, as build says them: a ui.po missing for a language was
                # said again for every leaflet the dry run would build in it.
                for warning in dict.fromkeys(w for p in planned for w in p.warnings):
                    typer.echo(warning, err=True)
                for failure in failures:
                    typer.echo(failure.message, err=True)
            raise typer.Exit(1 if failures else 0)
        if jobs is not None and jobs > most_workers() and not (json_output or quiet):
            typer.echo(
                f"note: -j {jobs}: {most_workers()} workers at most "
                f"({WORKERS_PER_CORE} per CPU core; more would only wait for a core)",
                err=True,
            )
        progress = LiveProgress(quiet or json_output)
        try:
            report = run_batch(
                root, leaflet_ids or [], locale or [], out_dir, editions=editions, options=options,
                jobs=jobs, force=force, fail_fast=fail_fast,
                shard_of=shard_of, on_planned=progress.start, on_outcome=progress.update,
            )  # fmt: skip
        finally:
            progress.stop()
        for note in [] if json_output else report.notes:  # even --quiet: it is news
            typer.echo(str(note), err=True)
        if json_output:
            typer.echo(as_json(report, root.root))
        elif not quiet:
            # Each once: a ui.po missing for a language is the same warning for every
            # leaflet built in it, and said again for each it only buried the others.
            built = [o.warnings for o in report.outcomes if o.status == "built"]
            for warning in dict.fromkeys(w for warnings in built for w in warnings):
                typer.echo(warning, err=True)
            if spec.imposition != "none" and report.count("built"):
                from ..finishing.imposition import UNTAGGED_NOTE

                typer.echo(UNTAGGED_NOTE, err=True)
            typer.echo(summary(report))
        if report.failed:
            raise typer.Exit(1)

    run(action)


def print_spec(
    paper: str | None,
    bleed: str,
    crop_marks: bool,
    colour: str,
    imposition: str,
    duplex: str | None,
    proof: bool,
    pdfx: bool = False,
) -> "PrintSpec":
    """The print options of the command line, each checked with the flag it came from."""
    # Not the theme module: it loads ReportLab, which a no-op rebuild never needs.
    from ..print_spec import (
        COLOUR_MODES,
        DUPLEX_FLIPS,
        IMPOSITIONS,
        PAPERS,
        PrintSpec,
        fixed_word,
        paper_name,
        parse_bleed,
    )

    paper = paper_name(paper) if paper is not None else None
    colour = fixed_word(colour, COLOUR_MODES)
    imposition = fixed_word(imposition, IMPOSITIONS)
    if duplex is not None and imposition != "booklet":
        # Without a booklet every page is printed as it comes: how the printer turns
        # the sheet changes nothing, and a print shop believed it had been applied.
        raise typer.BadParameter(
            "the duplex flip says how a booklet's sheets are turned: build it with "
            "--imposition booklet",
            param_hint="--duplex",
        )
    duplex = fixed_word(duplex, DUPLEX_FLIPS) if duplex is not None else PrintSpec.duplex_flip
    if paper is not None and paper not in PAPERS:
        raise typer.BadParameter(
            f"{paper!r} is not one of {', '.join(PAPERS)}", param_hint="--paper"
        )
    try:
        points = parse_bleed(bleed)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--bleed") from None
    try:
        return PrintSpec(paper, points, crop_marks, colour, proof, imposition, duplex, pdfx)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


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
        from ..build.manifest import refuse_replacing_other, write_merged
        from ..files import refuse_special_target

        hint = "-o names the merged manifest file, e.g. -o build/manifest.json"
        refuse_special_target(out, hint)  # before reading shards: the cheaper mistake first
        refuse_replacing_other(out, hint)
        merged = write_merged(out, manifests)  # under the lock builds record under
        typer.echo(f"merged {len(merged.outputs)} outputs into {out}")

    run(action)


@app.command()
def preview(
    leaflet_id: Annotated[str, typer.Argument(help="Leaflet to look at.")],
    locale: LocaleOption = None,
    edition: EditionOption = SINGLE.name,
    out: OutOption = None,
    dpi: Annotated[
        float,
        typer.Option(min=30, max=600, callback=a_number, help="Resolution of the pages."),
    ] = 120,
    quiet: QuietOption = False,
    project: ProjectOption = Path("."),
) -> None:
    """Write PNG pictures of each page and a contact sheet of all pages, for people who
    would rather look than open a PDF. Builds the PDF first if it is out of date.

    Example:

      msc-leaflet preview infusion-safety -l th   # build/preview/th/infusion-safety/
    """

    def action() -> None:
        import hashlib

        from ..build.batch import as_built, run_batch
        from ..content.loader import load_leaflet
        from ..errors import LeafletError, Location
        from ..files import read_input
        from ..finishing.preview import write_previews
        from ..project import Project

        root = Project.at(project)
        out_dir = out_folder(root, out)
        path = root.leaflet_path(leaflet_id)
        chosen = locale if locale is not None else load_leaflet(path, root)[0].language
        # The PDF is read once, and drawn only if it is the one built (or found up to
        # date): another build of the same output (`build --paper a5`: the paper is not
        # in the file's name) may rename its PDF in meanwhile. Then it is planned again.
        # As it was built: a print file (CMYK, bleed, another paper) stays one.
        for _ in range(3):
            options = as_built(root, out_dir, leaflet_id, chosen, edition)
            report = run_batch(
                root, [leaflet_id], [chosen], out_dir, editions=[edition], options=options
            )
            if not report.outcomes:
                raise LeafletError(
                    Location(path),
                    f"a {edition} edition pairs a translation with the source language",
                    "choose the translation with --locale, e.g. -l th",
                )
            outcome = report.outcomes[0]
            if outcome.status == "failed":
                typer.echo(outcome.message, err=True)
                raise typer.Exit(1)
            pdf = out_dir / outcome.job.output
            data = read_input(pdf)
            if outcome.entry is None or hashlib.sha256(data).hexdigest() == outcome.entry.sha256:
                break
        else:
            raise LeafletError(
                Location(pdf),
                "was replaced by another build each time it was made for the preview",
                "preview again once the other build has finished",
            )
        for warning in [] if quiet else outcome.warnings:  # as build prints them
            typer.echo(warning, err=True)
        if options.flags() and not quiet:
            named = pdf.relative_to(Path.cwd()) if pdf.is_relative_to(Path.cwd()) else pdf
            typer.echo(f"note: {named} as built, with {' '.join(options.flags())}", err=True)
        job = outcome.job  # its locale as the project spells it
        folder = out_dir / "preview" / job.locale / f"{leaflet_id}{job.variant}"
        result = write_previews(pdf, folder, dpi=dpi, data=data)
        shown = folder.relative_to(Path.cwd()) if folder.is_relative_to(Path.cwd()) else folder
        if not quiet:
            typer.echo(f"{len(result.pages)} page(s) and {result.contact_sheet.name} in {shown}/")

    run(action)


@app.command("list")
def list_leaflets(
    project: ProjectOption = Path("."),
    json_output: JsonOption = False,
    format: FormatOption = None,
) -> None:
    """List leaflets with title, version, review date and page count (of the last build).

    Examples:

      msc-leaflet list

      msc-leaflet list --project my-clinic --json
    """
    as_json = json_wanted(json_output, format)

    def action() -> None:
        import dataclasses

        from ..errors import Finding, LeafletError, shown_text
        from .list import UNKNOWN_PAGES, Summary, as_json_document, summarise

        problems: list[LeafletError] = []
        failed: list[Finding] = []  # warnings: the listing itself is whole
        if as_json:  # the problems in the document, as build --json gives its failures
            rows = summarise(project, problems, failed)
            typer.echo(as_json_document(rows, problems, failed, project))
            if problems:
                raise typer.Exit(1)
            return

        def show(row: Summary) -> None:  # as soon as it is read: a long listing starts at once
            pages = UNKNOWN_PAGES if row.pages is None else str(row.pages)
            typer.echo(f"{row.id:<22} {row.version:<8} {row.review:<11} {pages:>5}  {row.title}")

        typer.echo(f"{'id':<22} {'version':<8} {'review':<11} {'pages':>5}  title")
        rows = summarise(project, problems, failed, each=show)
        if any(row.pages is None for row in rows):
            typer.echo(
                f"pages: {UNKNOWN_PAGES} for a leaflet not built since it last changed; "
                "`msc-leaflet build` counts them",
                err=True,
            )
        # Each problem once: a broken organisation profile fails every leaflet using it.
        for text in dict.fromkeys(map(str, problems)):
            typer.echo(text, err=True)
        for warning in failed:  # its cause names files as the manifest does: from here
            shown = dataclasses.replace(warning, message=shown_text(warning.message, project))
            typer.echo(str(shown), err=True)
        if problems:
            raise typer.Exit(1)

    run(action)


@app.command()
def new(
    leaflet_id: Annotated[str, typer.Argument(help="Id of the new leaflet (a-z, 0-9, '-').")],
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="Language to write it in, one a starter is written in: en, th, my, km, lo, "
            "vi, zh_Hans, zh_Hant, ja, ar or hi (default: that of the project's leaflets).",
        ),
    ] = None,
    project: ProjectOption = Path("."),
) -> None:
    """Create leaflets/<ID>.yaml from a template (never overwrites).

    Examples:

      msc-leaflet new hand-hygiene

      msc-leaflet new hand-hygiene --language th   # a starter written in Thai
    """

    def action() -> None:
        from ..errors import display_path
        from ..project import Project
        from .new import new_leaflet

        path = new_leaflet(Project.at(project), leaflet_id, language=language)
        # Named from where the command ran, as every other command names its files.
        typer.echo(
            f"created {display_path(path)}; edit it, then run: msc-leaflet build {leaflet_id}"
        )

    run(action)


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="New project folder; its name is the organisation id.")
    ],
    library: Annotated[
        str | None,
        typer.Option(help="Start from a bundled library of leaflets and catalogs: msc."),
    ] = None,
    organisation: Annotated[
        str | None, typer.Option(help="Organisation id (default: the folder's name).")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            help="Organisation name to print (default: from the id).", callback=typed_text
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="Language the clinic writes its leaflets in: en (default), th, my, km, lo, "
            "vi, zh_Hans, zh_Hant, ja, ar or hi. The starter leaflet is written in it; `new` then "
            "starts leaflets in it too.",
        ),
    ] = None,
    into_existing: Annotated[
        bool,
        typer.Option(
            "--into-existing", help="Allow a non-empty folder (existing files are never replaced)."
        ),
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Start a clinic's own project: organisation, a starter leaflet, catalogs, README.

    Examples:

      msc-leaflet init my-clinic

      msc-leaflet init my-clinic --library msc --name "My Clinic"   # the MSC leaflets too

      msc-leaflet init my-clinic --language th   # leaflets written in Thai

      msc-leaflet init my-clinic --language my   # ... or in Burmese
    """

    def action() -> None:
        from .new import init_project

        made = init_project(
            folder, organisation=organisation, name=name, library=library,
            into_existing=into_existing, language=language,
        )  # fmt: skip
        if quiet:
            return
        typer.echo(f"created {len(made.files)} files in {folder}")
        typer.echo(f"next: edit {folder}/organisations/{made.organisation}.yaml, then run:")
        typer.echo(f"  cd {folder} && msc-leaflet build")

    run(action)


def _register_check() -> None:
    from .check import check as check_command

    app.command("check")(check_command)


_register_check()


def _register_preflight() -> None:
    from .preflight import preflight

    app.command("preflight")(preflight)


_register_preflight()


def _register_serve() -> None:
    from .serve import serve

    app.command("serve")(serve)


_register_serve()


def _mount_i18n() -> None:
    try:
        from .i18n import app as i18n_app
    except ImportError:
        return
    app.add_typer(i18n_app, name="i18n", help="Translator workflow: gettext catalogs.")


_mount_i18n()


#: The collector's thresholds for a command: young objects are collected every 3,000
#: allocations rather than 700. A command is one short process that makes many small
#: objects and few cycles (imports, the layout's boxes), and each collection walks them:
#: 3 % of a 200-leaflet batch's CPU. 10,000 saved 1 % more of a cold build but let the
#: garbage of laid-out documents pile up: +10 MiB at the peak of a 60-leaflet batch.
GC_THRESHOLD = (3_000, 10, 10)


def main() -> None:
    """The console script. At exit, what is still alive is left to the operating system
    (``gc.freeze``) instead of walked once more by the interpreter's last collection:
    3 % of the instructions of a cold EN+TH build (issue #20)."""
    gc.set_threshold(*GC_THRESHOLD)
    tolerant_streams()
    try:
        app()
    except KeyboardInterrupt:  # before a command's `run` took over: nothing written yet
        typer.echo(INTERRUPTED, err=True)
        sys.exit(130)
    except OSError as exc:  # printing a command's result, after its `run`
        if not output_failed(exc):
            raise
        sys.exit(1)
    finally:
        gc.freeze()
