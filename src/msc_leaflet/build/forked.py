"""A few jobs shared between this process and children forked for them.

A build of a few outputs (one leaflet in English and Thai, as a clinic builds after an
edit) pays no pool: starting one, feeding it and waiting on it costs ~0.1 s, more than
half of what the second output saves, so such a build ran in one process and took the
sum of its jobs (issue #20). A forked child costs a few milliseconds: it starts with
this process's modules, fonts and caches, builds its share, sends back its outcomes and
exits, while this process builds its own share. The command then takes about its
longest share.

Each child writes its PDFs as every job does (a temporary file renamed into place), and
sends its outcomes through a pipe when its share is done; this process records them
as a pool's. An interrupt stops the children too (SIGINT reaches the whole terminal's
process group; SIGTERM, sent to this process alone, is passed on): each removes the
temporary file of the job it was writing, as `cli.errors` does for any interrupted job,
and the outcomes of the shares already sent go to ``unreported`` so that the manifest
records them. A child whose build is gone (killed with SIGKILL) finishes its share and
exits: nothing waits for it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Job = TypeVar("Job")
Outcome = TypeVar("Outcome")


def shares(estimates: Sequence[float], processes: int) -> list[list[int]]:
    """The indexes of the jobs each process builds: the longest first, each to the
    least loaded process (LPT), so the longest share is as short as a static split
    makes it. Share 0 is this process's; none is empty."""
    loads = [0.0] * processes
    split: list[list[int]] = [[] for _ in range(processes)]
    for index in sorted(range(len(estimates)), key=lambda i: -estimates[i]):
        least = min(range(processes), key=loads.__getitem__)
        split[least].append(index)
        loads[least] += estimates[index]
    return [share for share in split if share]


@dataclass
class _Child(Generic[Outcome]):
    pid: int
    reader: int  # the pipe its outcomes come through
    received: list[Outcome] | None = None


def run_shared(
    jobs: Sequence[Job],
    estimates: Sequence[float],
    processes: int,
    build: Callable[[Job], Outcome],
    unreported: list[Outcome] | None = None,
) -> Iterator[Outcome]:
    """The outcomes of ``build`` over ``jobs``, built by this process and
    ``processes - 1`` forked children (`shares`): this process's first, then each
    child's share as it is received."""
    split = shares(estimates, processes)
    children: list[_Child[Outcome]] = []
    try:
        for share in split[1:]:
            children.append(_fork([jobs[i] for i in share], build))
        for index in split[0]:
            yield build(jobs[index])
        for child in children:
            yield from _received(child)
    except GeneratorExit:  # the batch stopped early (--fail-fast): the shares running end
        for child in children:
            if child.received is None:
                with contextlib.suppress(Exception):
                    _read(child)
        raise
    except BaseException:  # an interrupt, or a bug raised in this process
        _stop(children)
        if unreported is not None:
            for child in children:
                if child.received is None:
                    with contextlib.suppress(Exception):
                        child.received = _read(child)
                unreported += child.received or []
        raise
    finally:
        for child in children:
            _close(child)


def _fork(share: list[Job], build: Callable[[Job], Outcome]) -> _Child[Outcome]:
    reader, writer = os.pipe()
    # Frozen, the objects made so far (modules, fonts, caches) are left out of the
    # child's collections, which would otherwise write to every page they lie on and so
    # copy it: the child keeps them frozen, this process thaws them at once.
    gc.freeze()
    try:
        pid = os.fork()
    except BaseException:
        gc.unfreeze()
        raise
    if pid:
        gc.unfreeze()
        os.close(writer)
        return _Child(pid, reader)
    os.close(reader)  # the child: build, send, and leave without the parent's exit code
    status = 1
    try:
        try:
            message: tuple[str, object] = ("done", [build(job) for job in share])
        except Exception as error:  # a bug: raised in the build, as the pool raises it
            message = ("raised", error)
        # Sent whole: an interrupt now would lose outcomes whose PDFs are written.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        with os.fdopen(writer, "wb") as pipe:
            try:
                pipe.write(pickle.dumps(message))
            except (pickle.PicklingError, TypeError, AttributeError):
                pipe.write(pickle.dumps(("raised", RuntimeError(repr(message[1])))))
        status = 0
    finally:  # an interrupt too: its job removed its temporary file on the way out
        os._exit(status)


def _read(child: _Child[Outcome]) -> list[Outcome] | None:
    """The child's outcomes, once it has sent them (None: it died without)."""
    chunks = []
    while chunk := os.read(child.reader, 1 << 16):
        chunks.append(chunk)
    os.waitpid(child.pid, 0)
    child.pid = 0
    if not chunks:
        return None
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "raised":
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[no-any-return]


def _received(child: _Child[Outcome]) -> list[Outcome]:
    outcomes = _read(child)
    if outcomes is None:
        raise RuntimeError("a build process ended without reporting its outputs")
    child.received = outcomes
    return outcomes


def _stop(children: list[_Child[Outcome]]) -> None:
    for child in children:
        if child.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGTERM)


def _close(child: _Child[Outcome]) -> None:
    with contextlib.suppress(OSError):
        os.close(child.reader)
    if child.pid:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(child.pid, 0)
