"""Command-line options shared by several commands, declared once so that they read
and behave the same everywhere (`build`, `check`, `i18n …`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ProjectOption = Annotated[
    Path,
    typer.Option(
        "--project", "-p", help="Project folder (with leaflets/ and locales/).", file_okay=False
    ),
]
LeafletIdsArgument = Annotated[list[str] | None, typer.Argument(help="Leaflet ids (default: all).")]
