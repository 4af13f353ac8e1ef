"""``msc-leaflet serve``: argument parsing over `desk.server.serve`.

Only Typer is imported here; the web stack loads when the command runs, so ``--help``
stays instant.
"""

# Annotations are evaluated at import, not postponed: Typer would otherwise eval every
# string annotation twice per command on each start (17 ms of `--help`, issue #7).

from pathlib import Path
from typing import Annotated

import typer

from .options import ProjectOption


def serve(
    ctx: typer.Context,
    project: ProjectOption = Path("."),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="MSC_DESK_TOKEN",
            help="Password every request needs; required for any --host but 127.0.0.1. "
            "Set it in the MSC_DESK_TOKEN environment variable rather than here: every "
            "user of this computer can read a command line (ps).",
            show_envvar=True,
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Build workers (default: CPU count).")
    ] = None,
) -> None:
    """Start the clinic desk: a local web app to find, preview and print leaflets.

    Example:

      msc-leaflet serve --project .      # then open http://127.0.0.1:8000/
    """
    from ..desk.server import serve as run_desk
    from .errors import run

    # Only a token typed on the command line shows in the process list, not one from
    # the environment (click says where each value came from; by name: Typer brings a
    # click of its own, whose enum is not the installed click's).
    source = ctx.get_parameter_source("token")
    typed = getattr(source, "name", "") == "COMMANDLINE"
    run(lambda: run_desk(project, host, port, token, workers, token_typed=typed))
