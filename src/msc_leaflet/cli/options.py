"""Command-line options shared by several commands, declared once so that they read
and behave the same everywhere (`build`, `check`, `i18n …`)."""

from __future__ import annotations

import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from ..print_spec import EDITIONS, SINGLE, edition_named
from ..project import Project, locale_name

EditionNames = TypeVar("EditionNames", str, list[str] | None)
Locales = TypeVar("Locales", str, str | None, list[str] | None)


def locale_names(value: Locales) -> Locales:
    """Each locale in its one spelling (`project.locale_name`), each once: ``-l EN`` is
    en, and ``-l zh-Hans -l zh_hans`` one locale. The library checks them."""
    if value is None or isinstance(value, str):
        return locale_name(value) if value else value
    return list(dict.fromkeys(locale_name(item) for item in value))


def typed_text(value: str | None) -> str | None:
    """A text typed on the command line (a name, a note) as the terminal sent it.

    Python reads the arguments in the locale's encoding: under one that is not UTF-8
    (``LC_ALL=C`` with ``PYTHONUTF8=0``: a container without locales) each byte of
    คลินิกทดสอบ became a surrogate, refused as ``invalid character U+DCE0``. The bytes
    are read as the UTF-8 a terminal sends; bytes that are not UTF-8 either (a terminal
    set to Latin-1 or TIS-620) are refused, naming the first. Not for paths: those
    Python must get back as read."""
    if value is None or not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate of another kind: the text policy's
        return value
    except UnicodeDecodeError as exc:
        raise typer.BadParameter(
            f"byte 0x{exc.object[exc.start]:02X} is not UTF-8 text: the terminal that"
            " typed it is set to another encoding; set it to UTF-8 and type it again"
        ) from None


ProjectOption = Annotated[
    Path,
    typer.Option(
        "--project", "-p", help="Project folder (with leaflets/ and locales/).", file_okay=False
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Output folder (default: build/ in the project)."),
]
# A leaflet named twice is built (or checked) once: `batch.plan` and `run_checks` say so.
LeafletIdsArgument = Annotated[list[str] | None, typer.Argument(help="Leaflet ids (default: all).")]
LocalesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--locale",
        "-l",
        help="Locale; repeatable (default: the source language and every locale with catalogs).",
        callback=locale_names,
    ),
]
LocaleOption = Annotated[
    str | None,
    typer.Option(
        "--locale", "-l", help="Locale (default: the source language).", callback=locale_names
    ),
]


def _known_editions(value: EditionNames) -> EditionNames:
    """Each edition in its one spelling (``Parallel`` is parallel); one not in `EDITIONS`
    is a usage error (exit 2)."""
    try:
        if isinstance(value, str):
            return edition_named(value).name
        return None if value is None else [edition_named(name).name for name in value]
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


_described = [f"{e.name} ({e.description})" for e in EDITIONS.values()]
_EDITIONS_HELP = ", ".join(_described[:-1]) + " or " + _described[-1]
EditionsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--edition", help=f"{_EDITIONS_HELP}; repeatable (default: {SINGLE.name}).",
        callback=_known_editions,
    ),
]  # fmt: skip
EditionOption = Annotated[
    str, typer.Option("--edition", help=f"{_EDITIONS_HELP}.", callback=_known_editions)
]


# Every command that prints progress, notes or a summary takes it: a CI script that
# wants the errors alone need not filter each command's chatter. It never changes the
# exit status, nor the --json document (a script's own request).
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Print failures and errors only (same exit status and --json)."
    ),
]


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


# Machine-readable output is asked for the same way of every command that has it:
# `--json`, or `--format json` (`-f json`). Scripts used `check --format json` and
# `build --json`; each spelling was refused by the other command.
JsonOption = Annotated[
    bool, typer.Option("--json", help="One JSON document on stdout (the same as --format json).")
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format", "-f", help="text (default) or json (the same as --json).",
        case_sensitive=False,
    ),
]  # fmt: skip


def json_wanted(json_flag: bool, chosen: str | None) -> bool:
    """Whether ``--json`` or ``--format json`` asked for JSON; both, contradicting each
    other (``--json --format text``), is a usage error."""
    if json_flag and chosen is not None and chosen != "json":
        raise typer.BadParameter(
            f"--json asks for JSON and --format for {chosen}: give one of them",
            param_hint="--format",
        )
    return json_flag or chosen == "json"


def a_number(value: float) -> float:
    """``value`` if it is a number: NaN passes Click's range checks (every comparison
    with it is false), and reached the layout as an internal error."""
    if math.isnan(value):
        raise typer.BadParameter(f"{value} is not a number")
    return value


def out_folder(project: Project, out: Path | None) -> Path:
    """Where outputs go: ``--out`` as given (relative to the current folder; refused
    among the sources, `Project.output_folder`), else the project's own ``build/``, so
    ``--project DIR`` never writes into the caller's folder."""
    from ..files import resolved

    if out is not None:
        return project.output_folder(out)
    folder = project.build_dir
    resolved(folder)  # a build/ link that loops is one line, not an internal error
    return folder
