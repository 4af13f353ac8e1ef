"""The desk as an ASGI application: its state (project, shelf, builds, templates) and
the factory that puts routes, static files and the `guard` together.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import Executor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ..build.workers import cpu_cores, most_workers
from ..errors import Finding
from ..files import resolved
from ..finishing.preview import page_name
from ..languages import bcp47, listed, profile
from ..project import Project
from .builds import Builds, new_pool
from .choices import theme_paper
from .cookies import first_usable
from .guard import Guard
from .interface import Interface, interface, interface_languages, negotiate, quotes_tagged
from .shelf import Shelf, ShelfReader, Signature, without_folders

HERE = Path(__file__).resolve().parent
UI_COOKIE = "desk_ui"


def run_checks_in_worker(root: Path, today: dt.date) -> list[Finding]:
    """`msc-leaflet check` on the whole project as of ``today`` (in a pool worker)."""
    from ..checks import load_config, run_checks

    project = Project(root)
    found = run_checks(project, config=load_config(project, today=today))
    return [_in_project_words(project, finding) for finding in found]


def _in_project_words(project: Project, finding: Finding) -> Finding:
    """``finding`` with the project's folder left out of its words: a check of a
    translation names the catalog line to change in its hint, by the path the desk
    was given, and a page must not show the server's own folders (`without_folders`)."""
    return replace(
        finding,
        message=without_folders(project, finding.message),
        hint=without_folders(project, finding.hint),
    )


@dataclass
class Desk:
    project: Project
    builds: Builds
    today: Callable[[], dt.date]
    shelf: ShelfReader
    templates: Environment
    _checks: dict[tuple[Signature, dt.date], asyncio.Task[list[Finding]]] = field(
        default_factory=dict
    )
    _previews: dict[tuple[str, str], asyncio.Task[int]] = field(default_factory=dict)

    @property
    def default_paper(self) -> str:
        """The theme's paper, as it is now (`theme_paper`)."""
        return theme_paper(self.project)

    def interface_for(self, request: Request) -> Interface:
        """The cookie set by the language switch (the first usable one of several,
        `first_usable`), else the browser's language."""
        languages = interface_languages(self.project)
        chosen = first_usable(request, UI_COOKIE, languages)
        if not chosen:
            chosen = negotiate(request.headers.get("accept-language", ""), languages)
        return interface(self.project, chosen)

    def refusal_lead(self, request: Request, key: str) -> str:
        """What heads the guard's refusals (`Guard`): the desk's sentence ``key`` (an
        address it does not serve, its token missing), in the reader's language."""
        return self.interface_for(request).line(key)

    async def findings(self, shelf: Shelf) -> list[Finding]:
        """Check results for the current sources, computed once per change and day."""
        key = (shelf.signature, self.today())
        known = self._checks.get(key)
        if known is None or (known.done() and not known.cancelled() and known.exception()):
            # A check that failed (its worker died) is run again, not shown until the
            # sources change.
            self._checks.clear()
            self._checks[key] = asyncio.ensure_future(
                self.builds.run(run_checks_in_worker, self.project.root, key[1])
            )
        return await asyncio.shield(self._checks[key])

    async def previews(self, pdf: Path, sha256: str, folder: Path, data: bytes) -> int:
        """Page pictures of ``pdf`` in ``folder`` (as `msc-leaflet preview` writes them),
        rendered again only when the PDF changed. Returns the page count. ``data``: the
        PDF's bytes, of sha256 ``sha256``, drawn rather than the file, which another
        build may have replaced since (the pictures are kept under that hash)."""
        from .pictures import render

        key = (str(folder), sha256)
        task = self._previews.get(key)
        if task is None or (task.done() and not _complete(folder, task)):
            self._previews = {k: t for k, t in self._previews.items() if k[0] != key[0]}
            task = asyncio.ensure_future(self.builds.run(render, pdf, folder, data))
            self._previews[key] = task
        return int(await asyncio.shield(task))


def _complete(folder: Path, rendered: asyncio.Future[int]) -> bool:
    """Whether every page picture a finished rendering wrote is still there: one removed
    meanwhile (`msc-leaflet preview` rewriting the folder, a cleanup) was a bare 500."""
    if rendered.cancelled() or rendered.exception() is not None:
        return False  # rendered again: its worker may have died, not the PDF be at fault
    return all((folder / page_name(n)).is_file() for n in range(1, rendered.result() + 1))


def create_app(
    project_root: Path,
    out_dir: Path | None = None,
    *,
    token: str | None = None,
    hosts: Iterable[str] | None = None,
    workers: int | None = None,
    pool: Executor | None = None,
    today: Callable[[], dt.date] = dt.date.today,
    warm: bool = True,
    renew_pool: Callable[[], Executor] | None = None,
) -> Starlette:
    """The desk over ``project_root``, building into ``out_dir`` (default: its build/desk/).

    ``hosts``: the Host names accepted (None: any, for a desk bound beyond localhost
    behind its token). ``pool``: an executor to build in (tests); by default a process
    pool of ``workers`` (default: CPU count; at most `most_workers`) started and warmed
    with the app, and started again if a worker dies. ``renew_pool``: what replaces
    ``pool`` then (tests).
    """
    from .routes import no_such_page, routes

    project = Project.at(project_root)
    target = resolved(out_dir or project.desk_dir)
    count = min(workers or cpu_cores(), most_workers())  # as build -j: 4 per core at most
    executor = pool or new_pool(count)
    renew = renew_pool if pool is not None else functools.partial(new_pool, count)
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # lang= and dir= attributes: a gettext tag (zh_Hans) is not valid HTML (zh-Hans).
    templates.filters["bcp47"] = bcp47
    templates.filters["direction"] = lambda tag: profile(tag).direction
    templates.filters["quotes_tagged"] = quotes_tagged
    # A list in the language it is written in (topics: the leaflet's), never a Latin ", ".
    templates.filters["listed"] = listed
    theme_paper(project)  # a theme no build can read stops the desk here, with its line
    builds = Builds(project, target, executor, renew)
    desk = Desk(project, builds, today, ShelfReader(project), templates)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if warm:
            await desk.builds.warm(count)
        try:
            yield
        finally:
            if pool is None:  # ours: the one started here, or the one that replaced it
                builds.pool.shutdown(wait=True, cancel_futures=True)

    app = Starlette(
        routes=[
            *routes(),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        lifespan=lifespan,
        exception_handlers={404: no_such_page},
    )
    app.state.desk = desk
    app.add_middleware(Guard, token=token, hosts=hosts, lead=desk.refusal_lead)
    return app
