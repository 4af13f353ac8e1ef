"""Command-line options shared by several commands, declared once so that they read
and behave the same everywhere (`build`, `check`, `i18n …`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..project import Project

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
LeafletIdsArgument = Annotated[list[str] | None, typer.Argument(help="Leaflet ids (default: all).")]
LocalesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--locale",
        "-l",
        help="Locale; repeatable (default: the source language and every locale with catalogs).",
    ),
]
LocaleOption = Annotated[
    str | None, typer.Option("--locale", "-l", help="Locale (default: the source language).")
]


def out_folder(project: Project, out: Path | None) -> Path:
    """Where outputs go: ``--out`` as given (relative to the current folder), else the
    project's own ``build/``, so ``--project DIR`` never writes into the caller's folder."""
    return out.resolve() if out is not None else project.root / "build"
