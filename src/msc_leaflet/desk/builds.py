"""PDFs for the desk from the incremental build: the same plan, jobs and manifest as
``msc-leaflet build``, run in a process pool that stays warm for the server's life.

An output that is up to date is answered from the plan alone (the manifest and a few
``stat`` calls). One that is not is built once however many requests want it at the same
moment: the first request starts the job, the others wait for the same task. Outputs
land in the desk's own folder (`Project.desk_dir`, ``build/desk/``) with its own
manifest: sharing ``build/`` with the command line, a nurse's screen PDF replaced the
print shop's CMYK file of the same name, which says nothing of paper or colour.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import multiprocessing
import os
import signal
import tempfile
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TypeVar

from ..build.batch import Job, Outcome, build_job, plan, record_outcome
from ..build.manifest import Changes, load_manifest, manifest_path, record_changes
from ..build.options import Options
from ..build.workers import end_with_parent
from ..errors import Finding
from ..print_spec import PrintSpec
from ..project import Project

T = TypeVar("T")
#: Times `Builds.pdf_bytes` plans an output again when another build replaced its file.
REREADS = 3


class BuildFailed(Exception):
    """The output cannot be built; ``message`` is what ``msc-leaflet build`` would print,
    ``problem`` the error it names, when it is one in a file (for `shelf.described`).
    ``key`` and ``values``: for a failure of the desk's own (its pool, its file), the
    same in the desk's words (a `DESK_MESSAGES` key), shown in the reader's language."""

    def __init__(
        self, message: str, problem: Finding | None = None, key: str = "", **values: object
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem
        self.key = key
        self.values = values


class NotBuilt(Exception):
    """The output is not up to date (or is being built), and the request asked for it
    only if it was: a ``HEAD`` builds nothing (`Builds.pdf`, ``build=False``)."""


class NoSuchEdition(Exception):
    """A bilingual edition asked for in the leaflet's own language."""


@dataclass(frozen=True)
class Built:
    path: Path
    job: Job
    pages: int
    sha256: str
    built: bool  # False when it was up to date
    # What the build warned of, as its manifest records it (files named from the
    # project): `msc-leaflet build` prints them, and the desk shows them.
    warnings: tuple[str, ...] = ()


def _worker_start() -> None:
    # Ctrl-C reaches the whole process group; the server stops the pool itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent()  # the fork server (or the desk): a killed desk leaves none behind


def warm_up(root: Path) -> int:
    """Build one leaflet in every locale into a scratch folder: fonts, shaping, line
    breaking and locale data are loaded before the first real request. Returns the pid."""
    project = Project(root)
    with tempfile.TemporaryDirectory(prefix="msc-desk-warm-") as scratch:
        for leaflet_id in project.leaflet_ids()[:1]:
            planned, _ = plan(project, [leaflet_id], [], load_manifest(Path(scratch) / "m"),
                              Path(scratch), Options())  # fmt: skip
            for item in planned:
                build_job(root, item.job, Path(scratch), Options())
    return os.getpid()


def new_pool(workers: int) -> ProcessPoolExecutor:
    """Workers started by a fork server: a clean process (no server threads or sockets
    to inherit) that has already imported the build stage."""
    context: BaseContext
    if "forkserver" in multiprocessing.get_all_start_methods():
        forkserver = multiprocessing.get_context("forkserver")
        # The guard first: it ends the fork server with the desk.
        preload = ["msc_leaflet.desk.pool_guard", "msc_leaflet.build.build"]
        forkserver.set_forkserver_preload([*preload, "msc_leaflet.desk.pack"])
        context = forkserver
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start)


class Builds:
    """The desk's builds of one project into one output folder."""

    def __init__(
        self,
        project: Project,
        out_dir: Path,
        pool: Executor,
        renew: Callable[[], Executor] | None = None,
    ) -> None:
        self.project = project
        self.out_dir = out_dir.resolve()
        self.pool = pool
        self.renew = renew  # a new pool for one whose worker died
        self._running: dict[str, tuple[Options, asyncio.Task[Built]]] = {}
        self.builds_started = 0  # for tests: how many jobs went to the pool

    async def run(self, fn: Any, *args: Any) -> Any:
        """``fn(*args)`` in a pool worker.

        A worker the system killed (out of memory, a crash in a native library) breaks
        a process pool for good: every later build, picture and check failed, a bare
        500, until the desk was restarted. The first job to find the pool broken starts
        a new one; the job runs once more, and a second death is a `BuildFailed`.

        The fork server the workers are forked from can die too (killed with the desk's
        process group by ``timeout``, or by the system): starting a worker then fails
        with `EOFError` or `ConnectionError` instead, and is handled the same way."""
        for _ in range(2):
            pool = self.pool
            try:
                return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
            except (BrokenExecutor, EOFError, ConnectionError):
                if self.renew is None:
                    raise
                if self.pool is pool:  # not yet replaced by another job that found it
                    pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = self.renew()
        raise BuildFailed(
            "a build process stopped unexpectedly (the computer may be short of memory): "
            "try again in a minute, or restart the desk",
            key="desk.build-process-died",
        )

    async def warm(self, workers: int) -> None:
        """One warm-up per worker (they run at the same time, so each lands on its own).

        Only a head start: a pool that cannot start now (its fork server killed while
        the desk starts, as Ctrl-C or ``timeout`` kills the whole process group) is
        started again by the first build. It stopped the desk with uvicorn's
        ``ERROR: Traceback … EOFError: unexpected EOF`` and "Application startup
        failed"."""
        with contextlib.suppress(BuildFailed):
            await asyncio.gather(*(self.run(warm_up, self.project.root) for _ in range(workers)))

    async def pdf(
        self, leaflet_id: str, locale: str, edition: str, spec: PrintSpec, build: bool = True
    ) -> Built:
        """The output for these choices, built first if it is not up to date; without
        ``build``, `NotBuilt` instead (a ``HEAD`` asks what a ``GET`` would get, and a
        link checker or a preloading browser sending one started a build)."""
        options = Options(spec=spec)
        while True:
            planned, failures = plan(
                self.project, [leaflet_id], [locale], load_manifest(self._manifest), self.out_dir,
                options, editions=(edition,), refuse_unpaired=False,
            )  # fmt: skip
            if failures:
                raise BuildFailed(failures[0].message, failures[0].problem)
            if not planned:
                raise NoSuchEdition(edition)
            job, reason = planned[0].job, planned[0].reason
            running = self._running.get(job.output)
            if running is None and not reason:
                entry = load_manifest(self._manifest).outputs[job.output]
                return Built(self.out_dir / job.output, job, entry.pages, entry.sha256, False,
                             tuple(entry.warnings))  # fmt: skip
            if not build:
                raise NotBuilt(job.output)
            if running is None:
                task = asyncio.create_task(self._build(job, options))
                self._running[job.output] = (options, task)
                task.add_done_callback(functools.partial(self._finished, job.output))
                return await asyncio.shield(task)
            if running[0] == options:
                return await asyncio.shield(running[1])
            # The same file with other paper or colour is being written: wait, then plan again.
            await asyncio.wait([running[1]])

    async def pdf_bytes(
        self, leaflet_id: str, locale: str, edition: str, spec: PrintSpec, build: bool = True
    ) -> tuple[Built, bytes]:
        """`pdf`, and the bytes of the file as it was built (or found up to date).

        The file is the command line's too, and its name does not tell paper, colour
        or fuzzy translations apart: a `msc-leaflet build --paper a5` renaming its PDF
        in between would be handed out for the desk's A4 one. Bytes that are not what
        the desk built or planned on are not sent: the output is planned (and built)
        again, a few times if another build keeps replacing it."""
        for _ in range(REREADS):
            built = await self.pdf(leaflet_id, locale, edition, spec, build)
            data = built.path.read_bytes()
            if hashlib.sha256(data).hexdigest() == built.sha256:
                return built, data
        raise BuildFailed(
            f"{built.job.output} was replaced by another build each time it was made here: "
            "try again once the other build (msc-leaflet build, in a terminal?) has finished",
            key="desk.build-replaced",
            file=built.job.output,
        )

    def _finished(self, output: str, _task: asyncio.Task[Built]) -> None:
        self._running.pop(output, None)

    @property
    def _manifest(self) -> Path:
        return manifest_path(self.out_dir)

    async def _build(self, job: Job, options: Options) -> Built:
        self.builds_started += 1
        outcome: Outcome = await self.run(build_job, self.project.root, job, self.out_dir, options)
        changes = Changes()
        record_outcome(changes, outcome)
        record_changes(self._manifest, changes)  # merged with what the CLI recorded meanwhile
        if outcome.status != "built" or outcome.entry is None:
            raise BuildFailed(outcome.message, outcome.problem)
        entry = outcome.entry
        return Built(self.out_dir / job.output, job, outcome.pages, entry.sha256, True,
                     tuple(entry.warnings))  # fmt: skip
