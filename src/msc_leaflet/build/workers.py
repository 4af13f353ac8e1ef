"""How many processes a batch uses, and the setup they share.

A worker forked from the parent starts with the parent's memory. Whatever the parent
set up before the fork (the pipeline's modules, pikepdf, the registered fonts and their
HarfBuzz faces, ICU's break iterators, PyThaiNLP's clusters, Babel's locale data, the
``ui`` catalogs) every worker inherits instead of paying it again: 100-150 ms per worker
and locale, which made a two-output build on two workers cost more CPU than one
process, and on a busy machine more time as well (issue #20). A locale is set up there
only when several jobs need it (`shared_locales`): a locale of one job is set up by
its worker, in parallel with the others, not by the parent while every worker waits.

A pool only pays when there is work enough to share: forking and feeding it costs the
parent ~0.1 s. Without ``-j`` the batch picks the count from the jobs and the pages
each had last time (the manifest records them; not times, which differ on every run),
so a small build runs in the command's own process, exactly as ``-j1`` does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from importlib import import_module

from ..errors import LeafletError
from ..project import Project
from .options import Options

#: What one output is assumed to cost when the manifest has no record of it: a 3-4 page
#: leaflet in a process that has built one before, on a 2020s laptop core.
DEFAULT_JOB_SECONDS = 0.25
#: What one page of an output built before is assumed to cost: `DEFAULT_JOB_SECONDS`
#: over the 3-4 pages of such a leaflet.
SECONDS_PER_PAGE = 0.07
#: The least work (estimated seconds) for which one more worker pays: it costs the
#: parent a fork, the pool's imports and the pickling of results (~0.1 s together),
#: and a second core that is not always free.
SECONDS_PER_WORKER = 0.6

#: How often a pool worker looks whether the build that started it is still there, and
#: how long it then gives the job it stops to clean up (remove its temporary file).
PARENT_CHECK_SECONDS = 0.5
CLEANUP_SECONDS = 5.0

#: UI words typeset once per locale before forking: real text in the locale's script,
#: so its fonts, shaping, break iterators and cluster rules are ready in every worker.
SAMPLE_LABELS = ("references", "faq", "callout.key-answer", "review-date", "contact")


#: Workers per core that ``-j`` may ask for: layout is CPU-bound, so more only wait for
#: a core while each holds a process's memory (~150 MB for a leaflet).
WORKERS_PER_CORE = 4


def cpu_cores() -> int:
    """The cores this process may run on."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores or 1


def most_workers() -> int:
    """The most workers ``-j`` gets (`WORKERS_PER_CORE` per core)."""
    return WORKERS_PER_CORE * cpu_cores()


def shared_processes(estimates: Sequence[float], jobs: int | None) -> int:
    """Processes for jobs costing ``estimates`` seconds each that no pool pays for
    (`worker_count` is 1), shared between the build and forked children
    (`forked.run_shared`): one per core, up to one per job, when ``-j`` was not given
    and the platform forks as Linux does; else 1 (all in this process).

    A child costs a fork (a few ms: it shares this process's memory until it writes)
    and the setup of its own locale, which it does beside the build's; a cold EN+TH
    build then takes about its longer job instead of both (issue #20). macOS can fork,
    but its system libraries may not work in a forked child, so it builds in one."""
    if jobs is not None or len(estimates) < 2 or not hasattr(os, "fork"):
        return 1
    if sys.platform == "darwin":
        return 1
    return min(cpu_cores(), len(estimates))


def worker_count(estimates: Sequence[float], jobs: int | None) -> int:
    """Processes for jobs costing ``estimates`` seconds each: ``jobs`` when given (never
    more than there are jobs, nor than `most_workers`), else as many as the work pays
    for, up to the CPU count."""
    if jobs is not None:
        return max(1, min(jobs, len(estimates), most_workers()))
    paid_for = int(sum(estimates) // SECONDS_PER_WORKER)
    return max(1, min(cpu_cores(), len(estimates), paid_for))


def shared_locales(job_locales: Sequence[str]) -> list[str]:
    """The locales worth setting up before forking: those with two jobs or more. A
    locale's setup done in the parent is done once instead of in each worker its jobs
    reach, but while the parent does it no worker runs: a locale with one job (a cold
    EN+TH build on two workers) is set up in its worker, beside the other's."""
    counts = Counter(job_locales)
    return sorted(locale for locale, count in counts.items() if count > 1)


def prepare_parent(project: Project, locales: Sequence[str], options: Options) -> None:
    """Do in this process, before forking, the setup every job needs, and that of the
    jobs of ``locales`` (`shared_locales`)."""
    from reportlab.lib.colors import black
    from reportlab.lib.styles import ParagraphStyle

    from .. import i18n
    from ..checks import load_config
    from ..checks.registry import layout_checks
    from ..data import data_path
    from ..layout.story import labels_before_values
    from ..typeset import Run, make_paragraph, register_fonts
    from ..typeset.font_files import font_files
    from ..typeset.kept_groups import keeping_labels
    from .build import project_theme, project_words
    from .fingerprint import file_sha256

    import_module("msc_leaflet.finishing.final_pass")  # pikepdf: 45-110 ms to import
    import_module("msc_leaflet.layout.document")  # the rest of the pipeline
    import_module("msc_leaflet.checks.runner")
    layout_checks()  # their families: the layout checks run after each job
    load_config(project, strict=options.strict)
    for path in [*font_files(), data_path("theme.yaml"), project.theme_path]:
        file_sha256(path)  # every output records these: the CJK font alone is 17 MB

    family = register_fonts(project_theme(project, options.spec).fonts)
    style = ParagraphStyle("warm-up", fontName=family.regular, fontSize=10, leading=12)
    for locale in locales:
        # Only a head start: a locale that cannot be set (no font has its script, a
        # ui.po that does not parse) is its jobs' error, reported with each of them by
        # `build_job`. Raised here, it stopped the whole batch as an internal error.
        with contextlib.suppress(LeafletError, ValueError):  # MissingGlyphError too
            labels = i18n.ui_labels(locale, project)
            words = [labels(key) for key in SAMPLE_LABELS]
            words.append(i18n.format_date(dt.date(2000, 1, 31), locale))
            # Set as the layout sets it: with the project's labels, not the bundled ones.
            with keeping_labels({locale: labels_before_values(labels)}):
                for font in (family.regular, family.bold):
                    runs = [Run(" ".join(words), font, 10, black)]
                    paragraph = make_paragraph(
                        runs, style, locale, words=project_words(project, locale)
                    )
                    paragraph.wrap(300, 10_000)


def end_with_parent() -> None:
    """Pool initializer: end this worker when the build that started it is gone.

    A build killed with SIGKILL (``kill -9``, the kernel's out-of-memory killer) cannot
    tell its workers; they waited for work for ever, each holding its memory. A thread
    watches the parent: once it is gone, SIGTERM stops a running job as `cli.errors`
    stops it for an interrupt (its temporary file removed), and the worker exits.

    Ctrl-C while the pool starts reaches this code (`cli.errors` raises it in this
    package's frames): it is no job's to stop, and the build, interrupted too, ends the
    pool. Raised out of here, the pool printed "Exception in initializer:" and a
    traceback under "interrupted; no partial files were left behind"."""
    with contextlib.suppress(KeyboardInterrupt):  # SIGTERM's `Terminated` too
        parent = os.getppid()  # the build, or the forkserver that stands for it

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(PARENT_CHECK_SECONDS)
            with contextlib.suppress(OSError):
                os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(CLEANUP_SECONDS)
            os._exit(1)

        threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
