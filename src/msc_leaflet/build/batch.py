"""Build many outputs: plan (what is out of date and why), run on a process pool, record.

Each output (leaflet × locale) is an independent job, so the pool needs no shared
state and the bytes of every PDF are the same whatever ``jobs`` is. Planning reads the
manifest and hashes recorded inputs only, so a no-op rebuild of a large library is
cheap. Failures are isolated per job: with ``keep_going`` everything else still builds.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .. import clock
from ..clock import iso_date, source_date_epoch
from ..content.model import Leaflet
from ..errors import Finding, LeafletError, Location, display_path, recorded_text, shown_text
from ..files import output_name, remove_stale_output_temp_files
from ..i18n.catalog import leaflet_locales, locale_folders
from ..print_spec import SINGLE, Edition, PrintSpec, edition_named, variant_suffix
from ..project import Project
from ..system_limits import system_failure
from .fingerprint import (
    ABSENT,
    changed_inputs,
    describe,
    file_sha256,
    fingerprint,
    hash_inputs,
    input_files,
    resolve,
    signoff_inputs,
)
from .forked import run_shared
from .manifest import (
    Changes,
    FailureEntry,
    Manifest,
    OutputEntry,
    SourceEntry,
    load_manifest,
    manifest_path,
    prepare_output_folder,
    record_changes,
)
from .options import Options
from .workers import (
    DEFAULT_JOB_SECONDS,
    SECONDS_PER_PAGE,
    end_with_parent,
    prepare_parent,
    shared_locales,
    shared_processes,
    worker_count,
)

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


@dataclass(frozen=True, order=True)
class Job:
    leaflet_id: str
    locale: str  # the translation a bilingual edition pairs with the source
    edition: str = SINGLE.name
    variant: str = ""  # file-name suffix naming the edition and print variant

    @property
    def output(self) -> str:
        return output_name(self.locale, self.leaflet_id, self.variant)


def jobs_for(
    leaflet_id: str,
    source_language: str,
    locales: Sequence[str],
    editions: Sequence[Edition],
    options: Options,
) -> list[Job]:
    """Single-language editions in every locale; bilingual ones pair each translation
    with the source, so they skip the source language."""
    return [
        Job(leaflet_id, locale, edition.name, variant_suffix(edition, options.spec))
        for edition in editions
        for locale in locales
        if edition.exists_in(locale, source_language)
    ]


@dataclass(frozen=True)
class PlannedJob:
    job: Job
    reason: str  # why it must be built; "" when up to date
    # What its build will warn of, known before it runs (`dry_run.foreseen`): said by a
    # dry run, which builds nothing to learn it from.
    warnings: tuple[str, ...] = ()


@dataclass
class Outcome:
    job: Job
    status: str  # built | skipped | failed
    pages: int = 0
    seconds: float = 0.0
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    entry: OutputEntry | None = None
    source: SourceEntry | None = None  # of a built job
    # The failure as found (its file and line), for a caller that names places its own
    # way: ``message`` names them from the working directory, as the command line does,
    # and the desk shows them as the project names them.
    problem: Finding | None = None
    failure: FailureEntry | None = None  # of a job that ran and failed: for the manifest


@dataclass
class BatchReport:
    outcomes: list[Outcome]
    seconds: float
    notes: list[Finding] = field(default_factory=list)  # about the run: a damaged manifest

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` → (2, 4), for --shard."""
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise ValueError(f"shard must look like K/N, e.g. 1/4, not {text!r}") from None
    if not 1 <= k <= n:
        raise ValueError(f"shard {text!r}: K must be between 1 and N")
    return k, n


def shard(jobs: Sequence[Job], k: int, n: int) -> list[Job]:
    """The K-th of N deterministic, balanced slices of the sorted job list."""
    return [job for i, job in enumerate(sorted(jobs)) if i % n == k - 1]


def in_shard(planned: list[PlannedJob], shard_of: tuple[int, int] | None) -> list[PlannedJob]:
    """The planned jobs of slice K of N (all of them without ``--shard``): what a build,
    and its dry run, of that shard covers."""
    if not shard_of:
        return planned
    wanted = set(shard([p.job for p in planned], *shard_of))
    return [p for p in planned if p.job in wanted]


def plan(
    project: Project,
    leaflet_ids: Iterable[str],
    locales: Sequence[str],
    manifest: Manifest,
    out_dir: Path,
    options: Options,
    force: bool = False,
    editions: Sequence[str] = (SINGLE.name,),
    refuse_unpaired: bool = True,
) -> tuple[list[PlannedJob], list[Outcome]]:
    """Jobs (leaflet × locale × edition) with the reason each must be built; leaflets that
    cannot even be read fail here. An edition not in `EDITIONS` is a `ValueError`.
    ``refuse_unpaired``: a leaflet the asked locales give no job (a bilingual edition
    asked only in its source language) is a failure (`_nothing_to_pair`); the desk,
    which answers such a request as "no such edition", plans without it."""
    chosen = [edition_named(name) for name in editions]
    planned: list[PlannedJob] = []
    failures: list[Outcome] = []
    translating: list[str] | None = None
    unpaired: dict[str, str] = {}  # leaflet → its language, for which no job was planned
    fingerprinted = built_options(project, options)
    if not locales:  # every locale: a folder not named after a language fails, once
        found, problems = locale_folders(project)
        failures += [_failed(Job("*", folder), problem) for folder, problem in problems.items()]
        translating = leaflet_locales(project, found)
    else:
        locales, refused = _checked_locales(project, locales)
        failures += [_failed(Job("*", asked), problem) for asked, problem in refused.items()]
        if not locales:  # none left: not "every locale", which an empty list means
            return planned, failures
    named = list(dict.fromkeys(leaflet_ids))  # each once
    if not named:  # every leaflet: a file that cannot be one is named, not skipped
        failures += [
            _failed(Job(problem.location.path.stem, "*"), problem)
            for problem in project.misnamed_leaflets()
        ]
    for leaflet_id in named or project.leaflet_ids():
        try:
            language = source_facts(project, leaflet_id, manifest).language
            job_locales = job_locales_for(project, language, locales, translating)
        except LeafletError as err:
            failures.append(_failed(Job(leaflet_id, ",".join(locales) or "*"), err))
            continue
        jobs = jobs_for(leaflet_id, language, job_locales, chosen, options)
        if not jobs:
            unpaired[leaflet_id] = language
        for job in jobs:
            planned.append(
                PlannedJob(
                    job, _reason(project, job, manifest, out_dir, options, fingerprinted, force)
                )
            )
    if refuse_unpaired and (named or not planned):
        # Named leaflets, or a run with nothing at all to build: in a project with
        # leaflets written in several languages, `-l th --edition parallel` of the whole
        # library skips those written in Thai, as before.
        failures += [
            _nothing_to_pair(project, leaflet_id, language, chosen, options)
            for leaflet_id, language in unpaired.items()
        ]
    return planned, failures


def _nothing_to_pair(
    project: Project,
    leaflet_id: str,
    language: str,
    editions: Sequence[Edition],
    options: Options,
) -> Outcome:
    """The failure of a leaflet that the asked locales and editions give no output:
    ``-l en --edition parallel`` of a leaflet written in English printed "0 built,
    0 failed" and ended 0, and the print shop waited for a file never made."""
    named = list(dict.fromkeys(edition.name for edition in editions))
    what = (
        f"a {named[0]} edition pairs" if len(named) == 1 else f"{' and '.join(named)} editions pair"
    )
    problem = LeafletError(
        Location(project.leaflet_path(leaflet_id)),
        f"{what} a translation with the source, and {leaflet_id} is written in {language}: "
        "there is nothing to print beside it",
        "build it with --locale set to a language it is translated into, e.g. -l th "
        "(`msc-leaflet i18n init` starts a translation)",
    )
    first = editions[0]
    job = Job(leaflet_id, language, first.name, variant_suffix(first, options.spec))
    return _failed(job, problem)


def _checked_locales(
    project: Project, asked: Sequence[str]
) -> tuple[list[str], dict[str, LeafletError]]:
    """The requested locales as the project spells them, each once, and the problem of
    each asked value that is no locale: checked once for the run, so an unknown
    ``-l xx`` is one failure, not one per leaflet (``-l xx -l XX`` is one too)."""
    named: list[str] = []
    refused: dict[str, LeafletError] = {}
    said: set[str] = set()
    for value in dict.fromkeys(asked):
        try:
            named.append(project.locale(value))
        except LeafletError as problem:
            if problem.message not in said:
                said.add(problem.message)
                refused[value] = problem
    return list(dict.fromkeys(named)), refused


def _failed(job: Job, err: LeafletError, seconds: float = 0.0) -> Outcome:
    """``job`` failed with ``err``: its words, and where it is."""
    problem = err.finding()
    return Outcome(job, "failed", seconds=seconds, message=str(err), problem=problem)


def job_locales_for(
    project: Project,
    language: str,
    requested: Sequence[str],
    translating: Sequence[str] | None = None,
) -> list[str]:
    """The requested locales, or the source language plus every locale that translates
    leaflets (``translating``, default `leaflet_locales`: one with only the ui catalog
    has nothing to print)."""
    if requested:  # each once, however it was spelled: -l zh-Hans -l zh_hans is one output
        return list(dict.fromkeys(project.locale(loc) for loc in requested))
    found = leaflet_locales(project) if translating is None else translating
    others = set(found) - {language}
    return [language, *sorted(others)]


def source_facts(
    project: Project,
    leaflet_id: str,
    manifest: Manifest,
    loaded: dict[str, Leaflet] | None = None,
) -> SourceEntry:
    """The manifest's facts about a leaflet file if it has not changed since, else the
    file's own (recorded in ``manifest``, which the caller may save). A leaflet loaded
    for them goes into ``loaded``, for a caller that lays it out next."""
    path = project.leaflet_path(leaflet_id)
    cached = manifest.sources.get(leaflet_id)
    for attempt in range(1, ATTEMPTS + 1):
        sha256 = file_sha256(path)  # before loading, as a job hashes it (`source_entry`)
        if cached and cached.sha256 == sha256:
            return cached
        from ..content import loader  # only when a leaflet changed since the last build

        try:
            leaflet, _ = loader.load_leaflet(path, project)
            break
        except LeafletError:
            # Read while an editor saved it in place (emptied, then written): half a
            # leaflet. Saved since, it is read again; unchanged, the error is its own.
            if attempt == ATTEMPTS or file_sha256(path) == sha256:
                raise
    if loaded is not None:
        loaded[leaflet_id] = leaflet
    manifest.sources[leaflet_id] = source_entry(leaflet, sha256)
    return manifest.sources[leaflet_id]


def source_entry(leaflet: Leaflet, sha256: str) -> SourceEntry:
    """The facts of ``leaflet`` as loaded, under ``sha256``: the hash of its file taken
    before it was loaded. Hashed after, a file the author saved meanwhile would be
    recorded with the facts (title, version, review date) of the version before it, and
    `list` would show those for it until the leaflet was loaded again."""
    from ..content.inline import plain_text

    document = leaflet.document
    return SourceEntry(
        sha256, leaflet.language, plain_text(leaflet.title.value),
        document.version, document.next_review.isoformat(),
    )  # fmt: skip


def built_options(project: Project, options: Options) -> dict[str, object]:
    """``options`` as an output's fingerprint holds them (`Options.as_dict`): a paper
    named is compared with the paper of the project's theme, and --pdfx with whether
    it names the press, read only then (a theme that cannot be read keeps the options
    as given: its build fails anyway)."""
    spec = options.spec
    if (spec.paper is None or spec.imposition != "none") and not spec.pdfx:
        return options.as_dict()
    from ..theme.theme import load_theme  # YAML: only for a build that names them

    path = project.theme_path if project.theme_path.is_file() else None
    try:
        theme = load_theme(path, None, spec.colour)
    except (LeafletError, ValueError):
        return options.as_dict()
    return options.as_dict(theme.paper, theme.output_intent is not None)


#: Why an output whose files are unchanged is built again: made by another msc-leaflet,
#: with other options or under another date.
OTHER_BUILD = "tool version, options or SOURCE_DATE_EPOCH changed"


def fingerprinted_for(built: dict[str, object], fuzzy: bool) -> dict[str, object]:
    """``built`` (`built_options`) as the fingerprint of an output holds them, whose
    catalogs hold a fuzzy translation of its texts or not (``fuzzy``): without one,
    --allow-fuzzy changes no byte, and counts as left out, or a print shop's batch built
    with it for one language's sake was made again into the same PDFs."""
    return built if fuzzy or not built["allow_fuzzy"] else {**built, "allow_fuzzy": False}


def _reason(
    project: Project,
    job: Job,
    manifest: Manifest,
    out_dir: Path,
    options: Options,
    fingerprinted: dict[str, object],
    force: bool,
) -> str:
    """Why ``job`` must be built, "" if its output is up to date; ``fingerprinted``:
    `built_options` of ``options``."""
    if force:
        return "forced"
    entry = manifest.outputs.get(job.output)
    if entry is None:
        return "not in the manifest, which cannot be used" if manifest.problem else "never built"
    output = out_dir / job.output
    if not output.is_file():
        return "output missing"
    if file_sha256(output) != entry.sha256:
        return "output changed since it was built"
    changed = changed_inputs(project, entry.inputs)
    if changed:
        return "changed: " + ", ".join(changed[:3]) + (" …" if len(changed) > 3 else "")
    built = fingerprinted_for(fingerprinted, entry.fuzzy)
    if fingerprint(entry.inputs, built) != entry.fingerprint:
        return _other_options(project, entry, built) or OTHER_BUILD
    if options.strict:
        return _fell_due(manifest.sources.get(job.leaflet_id))
    return ""


def _fell_due(facts: SourceEntry | None) -> str:
    """Why a --strict output that passed must be checked again although none of its
    files changed: the leaflet's review date has passed since (the checks refuse it)."""
    if facts is None:
        return ""
    try:
        due = iso_date(facts.review)
    except ValueError:  # a manifest edited by hand: check the leaflet again
        return "its review date is not known"
    return f"its review was due on {facts.review}" if due < clock.today() else ""


def current_entry(
    project: Project, job: Job, manifest: Manifest, out_dir: Path, options: Options
) -> OutputEntry | None:
    """The manifest's record of ``job``'s output if that file is up to date, else None."""
    if _reason(project, job, manifest, out_dir, options, built_options(project, options), False):
        return None
    return manifest.outputs[job.output]


def _other_options(project: Project, entry: OutputEntry, wanted: dict[str, object]) -> str:
    """Which options the file recorded by ``entry`` was built with and which it will be
    (``wanted``, as fingerprinted), as `build` is told them; "" when they shape the same
    bytes, or the record does not say (an older msc-leaflet wrote it). Said only
    "options … changed", a print shop's A5 CMYK file was replaced by an A4 screen build
    without a word of which was which."""
    try:
        before = Options.from_dict(entry.options)
    except ValueError:
        return ""
    was = fingerprinted_for(built_options(project, before), entry.fuzzy)
    if was == wanted:
        return ""
    flags = [" ".join(Options.from_dict(o).flags()) or "the default options" for o in (was, wanted)]
    return f"built with {flags[0]}, now {flags[1]}"


def as_built(
    project: Project, out_dir: Path, leaflet_id: str, locale: str, edition: str
) -> Options:
    """The options the output of ``leaflet_id`` in ``locale`` and ``edition`` (its
    reading file, not a booklet or proof) was built with, as the manifest in ``out_dir``
    records them: `preview` draws it as built, and builds it again so when it is out of
    date. A screen build replaced a print shop's CMYK file with bleed, that it was
    about to send. The default options where there is no such file; a `LeafletError`
    for one whose options are not known (no record, or one an older msc-leaflet wrote)
    that they would replace."""
    chosen = edition_named(edition)
    job = Job(leaflet_id, project.locale(locale), chosen.name, variant_suffix(chosen, PrintSpec()))
    out_dir = out_dir.resolve()
    output = out_dir / job.output
    if not output.is_file():
        return Options()
    manifest = load_manifest(manifest_path(out_dir))
    entry = manifest.outputs.get(job.output)
    if entry is None:
        unknown = "is not in the manifest: the options it was built with are not known"
    else:
        with contextlib.suppress(ValueError):
            return Options.from_dict(entry.options)
        default = Options()
        fingerprinted = built_options(project, default)
        if _reason(project, job, manifest, out_dir, default, fingerprinted, False) != OTHER_BUILD:
            return default
        unknown = "was built with options this msc-leaflet does not know (an older one built it)"
    raise LeafletError(
        Location(output),
        f"{unknown}: previewing it would replace it with a screen build",
        f"build it again as you built it (e.g. msc-leaflet build {leaflet_id} -l {job.locale} "
        "--colour cmyk --bleed 3mm), then preview it; or delete it for a screen build",
    )


#: How many times a job starts again when one of its files changes while it runs: the
#: author's next save, a sign-off, a `git checkout`. An editor saving every second would
#: otherwise keep the job from ever finishing.
ATTEMPTS = 3


class InputChanged(LeafletError):
    """A file an output is made from changed between the job's reading it and writing
    the PDF: the layout may hold one version and the checks another."""


def build_job(root: Path, job: Job, out_dir: Path, options: Options) -> Outcome:
    """One output, start to finish; runs in a pool worker. Never raises.

    The PDF is written only if every file it is made from is still as the job hashed
    it before reading it: a leaflet, catalog or sign-off saved meanwhile (the leaflet
    is loaded, and read again by --strict's checks; a catalog by the localizer, the
    checks and the sign-off) could make a PDF of one version pass the checks of
    another. The job then starts again from the files as they are now."""
    start = time.perf_counter()
    try:
        project = Project(root)
        for _ in range(ATTEMPTS - 1):
            with contextlib.suppress(InputChanged):
                return _build_once(project, job, out_dir, options, start)
        try:
            return _build_once(project, job, out_dir, options, start)
        except InputChanged as changed:
            raise LeafletError(
                changed.location,
                f"changed while the PDF was being made, {ATTEMPTS} times in a row: "
                "no PDF was written",
                "build again once it is saved (an editor saving on its own every few "
                "seconds can be paused meanwhile)",
            ) from None
    except LeafletError as err:
        failed = _failed(job, err, time.perf_counter() - start)
    except (MemoryError, ImportError) as exc:  # the machine's lack, not a bug: one line
        lack = system_failure(exc, out_dir / job.output)
        failed = (
            _failed(job, lack, time.perf_counter() - start) if lack else _internal(job, exc, start)
        )
    except Exception as exc:  # an internal error in one job must not stop the others
        failed = _internal(job, exc, start)
    finally:
        # A laid-out document is a web of cycles (ReportLab's flowables, frames and canvas
        # point at each other), still in the young generations when its job ends. Collected
        # now, for about 1 ms, every job starts from the same heap: a 100-job -j1 build
        # peaked at 83 MiB instead of 92, and the peak no longer climbs with the corpus
        # while full collections grow rarer (#20).
        gc.collect(1)
    return with_failure(root, out_dir, options, failed)


def _serially(root: Path, todo: list[Job], out_dir: Path, options: Options) -> Iterator[Outcome]:
    """The outcome of each of ``todo``, built one after the other in this process.

    After the first job, what is alive (the modules it imported, the fonts, the caches:
    what every later job keeps) is frozen out of the collector's full passes
    (``gc.freeze``). They walked it all for nothing: the three of a 40-output -j1 batch
    took 2.3 % of its CPU, over the fonts' large tables, and found 528 objects (#20).
    Each job's own garbage is collected as it ends (`build_job`), and a frozen object is
    still freed once nothing refers to it. Thawed when the batch ends, so a program
    that calls `run_batch` again and again keeps nothing frozen that may become
    garbage later."""
    frozen = False
    try:
        for job in todo:
            yield build_job(root, job, out_dir, options)
            if not frozen and len(todo) > 1:
                gc.freeze()
                frozen = True
    finally:
        if frozen:
            gc.unfreeze()


def _internal(job: Job, exc: BaseException, start: float) -> Outcome:
    """A job's internal error (a bug): one line, and how to see its traceback."""
    message = f"internal error: {type(exc).__name__}: {exc} (rerun this job with --debug -j1)"
    return Outcome(job, "failed", seconds=time.perf_counter() - start, message=message)


def with_failure(root: Path, out_dir: Path, options: Options, outcome: Outcome) -> Outcome:
    """``outcome``, of a job that failed, with its record for the manifest, and a note
    when a PDF stands at its path: a failed job writes nothing, so that file is an
    earlier build's, left untouched. A `build --strict` refused for print left the
    draft before it there, named like the print file, and neither the output nor the
    manifest said so: it was sent to the press as the checked build."""
    path = out_dir / outcome.job.output
    earlier = ""
    with contextlib.suppress(OSError):  # one it may not read is noted all the same
        earlier = file_sha256(path) if path.is_file() else ""
    recorded = recorded_text(outcome.message, root)
    outcome.failure = FailureEntry(recorded, options.as_dict(), earlier)
    if path.is_file():
        outcome.message += (
            f"\nnote: {display_path(path)} is an earlier build's, left as it was: this build "
            "wrote nothing (do not send that file as this build's)"
        )
    return outcome


def _build_once(
    project: Project, job: Job, out_dir: Path, options: Options, start: float
) -> Outcome:
    """`build_job`'s one attempt; raises `InputChanged` (nothing written) when a file
    it read changed before its PDF could be written."""
    from .build import build_loaded, edition_locales, project_theme, reads_signoffs
    from .job_source import job_leaflet

    # Inputs are hashed before they are read (the leaflet before it is loaded), and
    # again just before the PDF is written (`_refuse_changed`).
    path = project.leaflet_path(job.leaflet_id)
    leaflet_sha = file_sha256(path)
    inputs = {describe(project, path): leaflet_sha}
    try:
        source, findings = job_leaflet(path, project, leaflet_sha)
        languages = edition_locales(source, job.locale, edition_named(job.edition))
        # --strict runs the content checks, and a proof lists their findings.
        checks = options.strict or options.spec.proof
        files = [f for lang in languages for f in input_files(project, source, lang, checks=checks)]
        # The sign-offs are an input of the builds that read them, as the theme (hashed
        # here, before it is read) says for its footer.
        if reads_signoffs(options, project_theme(project, options.spec).footer_approval):
            files += [f for lang in languages for f in signoff_inputs(project, source, lang)]
        inputs = {**hash_inputs(project, dict.fromkeys(files)), **inputs}
        result = build_loaded(
            project, source, findings, job.locale, out_dir, job.edition, options,
            before_write=lambda: _refuse_changed(project, inputs),
        )  # fmt: skip
    except InputChanged:
        raise
    except LeafletError:
        # A file read while an editor saved it in place (emptied, then written) is half
        # a file: an error at a line that is fine. Saved since, the job starts again.
        _refuse_changed(project, inputs)
        raise
    # Then what only the build knew it would read: the press profile, a project
    # theme's fonts (hashed now; theirs are not files anyone edits during a build).
    inputs = {**hash_inputs(project, result.inputs), **inputs}
    warnings = [str(finding) for finding in result.findings]
    seconds = round(time.perf_counter() - start, 3)
    built = built_options(project, options)
    entry = OutputEntry(
        leaflet=job.leaflet_id, locale=job.locale,
        fingerprint=fingerprint(inputs, fingerprinted_for(built, result.fuzzy)),
        inputs=inputs, pages=result.pages, size=result.size, sha256=result.sha256,
        warnings=[recorded_text(warning, project.root) for warning in warnings],
        fuzzy=result.fuzzy, options=options.as_dict(),
    )  # fmt: skip
    facts = source_entry(source, leaflet_sha)
    return Outcome(job, "built", result.pages, seconds, "", warnings, entry, facts)


def _refuse_changed(project: Project, inputs: dict[str, str]) -> None:
    changed = changed_inputs(project, inputs)
    if changed:
        path = resolve(project, changed[0])
        raise InputChanged(Location(path), "changed while the PDF was being made")


Progress = Callable[[Outcome], None]


def run_batch(
    project: Project,
    leaflet_ids: Iterable[str] = (),
    locales: Sequence[str] = (),
    out_dir: Path = Path("build"),
    *,
    editions: Sequence[str] = (SINGLE.name,),
    options: Options | None = None,
    jobs: int | None = 1,
    force: bool = False,
    fail_fast: bool = False,
    shard_of: tuple[int, int] | None = None,
    on_planned: Callable[[list[PlannedJob]], None] | None = None,
    on_outcome: Progress | None = None,
) -> BatchReport:
    """Build every requested output that is out of date, as ``options`` say, and record
    it in the manifest: each leaflet (default: all) in each locale (default: the source
    language and every locale with catalogs) and each of ``editions``. ``jobs``: worker
    processes; None picks them from the work (`workers.worker_count`)."""
    source_date_epoch()  # once, before any job: every job would fail the same way
    start = time.perf_counter()
    options = options or Options()
    out_dir = project.output_folder(out_dir)
    manifest_file = manifest_path(out_dir)
    remove_stale_output_temp_files(out_dir)  # a killed build's, wherever no job writes now
    planned, outcomes, estimates, notes, changes = _plan_run(
        project, leaflet_ids, locales, manifest_file, out_dir, options, force, editions, shard_of
    )
    if on_planned:
        on_planned(planned)
    notify = on_outcome or (lambda _outcome: None)
    for outcome in outcomes:
        notify(outcome)
    todo = [p.job for p in planned if p.reason]
    if fail_fast and any(outcome.status == "failed" for outcome in outcomes):
        todo = []
    if todo:
        prepare_output_folder(out_dir)
    unreported: list[Outcome] = []  # finished by a worker as an interrupt landed
    try:
        estimated = [estimates[job] for job in todo]
        for outcome in _execute(project, todo, estimated, out_dir, options, jobs, unreported):
            outcomes.append(outcome)
            record_outcome(changes, outcome)
            notify(outcome)
            if fail_fast and outcome.status == "failed":
                break
    finally:
        for outcome in unreported:
            record_outcome(changes, outcome)
        if todo or changes:
            record_changes(manifest_file, changes)
    return BatchReport(outcomes, time.perf_counter() - start, notes)


def _plan_run(
    project: Project,
    leaflet_ids: Iterable[str],
    locales: Sequence[str],
    manifest_file: Path,
    out_dir: Path,
    options: Options,
    force: bool,
    editions: Sequence[str],
    shard_of: tuple[int, int] | None,
) -> tuple[list[PlannedJob], list[Outcome], dict[Job, float], list[Finding], Changes]:
    """The jobs of a run, the outcomes known before any job runs (failures to plan, and
    outputs up to date), each job's estimated seconds, warnings about a manifest
    that could not be used and outputs left behind (`left_behind`), and the changes the
    run starts from: records to drop (`forgotten`). The manifest as it was when the
    run began is not needed after this, and is let go before the jobs run: on a large
    library it is megabytes (issue #20), and the run ends by re-reading it anyway."""
    manifest = load_manifest(manifest_file)
    planned, outcomes = plan(
        project, leaflet_ids, locales, manifest, out_dir, options, force, editions
    )
    planned = in_shard(planned, shard_of)
    for p in planned:
        if not p.reason:
            entry = manifest.outputs[p.job.output]
            warnings = [shown_text(warning, project.root) for warning in entry.warnings]
            outcomes.append(
                Outcome(p.job, "skipped", entry.pages, 0.0, "up to date", warnings, entry)
            )
    estimates = {p.job: _estimate(manifest, p.job) for p in planned if p.reason}
    note = manifest.note(manifest_file)
    notes = ([note] if note else []) + left_behind(project, manifest, out_dir)
    return planned, outcomes, estimates, notes, forgotten(project, manifest, out_dir)


def left_behind(project: Project, manifest: Manifest, out_dir: Path) -> list[Finding]:
    """A warning for each output the manifest records that a clean build would not make
    (`_Gone`): a withdrawn leaflet's PDF, or one in a language the project no
    longer translates it into, stayed in the folder a print shop copies. Not removed:
    it is the user's to delete."""
    found = []
    gone = _Gone(project)
    for key, entry in sorted(manifest.outputs.items()):
        missing = gone.file(entry)
        if missing and (out_dir / key).is_file():
            what = "leaflet" if missing == gone.leaflet(entry) else "translation"
            found.append(
                Finding(
                    Location(out_dir / key),
                    "warning",
                    f"left from an earlier build: {missing} is no longer in the project",
                    f"delete this PDF (a clean build would not make it), or put the {what} back",
                )
            )
    return found


def forgotten(project: Project, manifest: Manifest, out_dir: Path) -> Changes:
    """The records of outputs that a clean build would not make (`left_behind`) whose
    PDF is gone too, and the facts of a leaflet withdrawn once none of its PDFs is left:
    a clean build's manifest has none of them."""
    gone = _Gone(project)
    stale = {key: entry.leaflet for key, entry in manifest.outputs.items() if gone.file(entry)}
    forget = {key for key in stale if not (out_dir / key).exists()}
    kept = {stale[key] for key in stale.keys() - forget}
    withdrawn = {i for i in manifest.sources if _leaflet_gone(project, i) and i not in kept}
    return Changes(failed=forget, withdrawn=withdrawn)


class _Gone:
    """What a clean build of ``project`` lacks to make a recorded output."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._translating: set[str] | None = None
        self._catalogs = describe(project, project.locales_dir) + "/"

    def leaflet(self, entry: OutputEntry) -> str:
        return f"leaflets/{entry.leaflet}.yaml"

    def file(self, entry: OutputEntry) -> str:
        """The file named for it: its leaflet's, or its translation's catalog when the
        build read one and no catalog of the leaflet's in that language is left (locales/lo
        deleted), so a build of every language no longer makes it; "" when one would."""
        if _leaflet_gone(self.project, entry.leaflet):
            return self.leaflet(entry)
        catalogs = [
            name
            for name, sha in entry.inputs.items()
            if sha != ABSENT
            and name.startswith(self._catalogs)
            and name.endswith(f"/LC_MESSAGES/{entry.leaflet}.po")
        ]
        if not catalogs or any(resolve(self.project, name).is_file() for name in catalogs):
            return ""  # built without a translation (-l on request), or still translated
        if self._translating is None:
            self._translating = set(leaflet_locales(self.project, locale_folders(self.project)[0]))
        return "" if entry.locale in self._translating else catalogs[0]


def _leaflet_gone(project: Project, leaflet_id: str) -> bool:
    return not (project.leaflets_dir / f"{leaflet_id}.yaml").is_file()


def record_outcome(changes: Changes, outcome: Outcome) -> None:
    """What ``outcome`` means for the manifest: a new record, or a stale one dropped."""
    if outcome.status == "built" and outcome.entry:
        changes.outputs[outcome.job.output] = outcome.entry
        if outcome.source:
            changes.sources[outcome.job.leaflet_id] = outcome.source
    elif outcome.status == "failed":
        changes.failed.add(outcome.job.output)  # the old PDF (if any) is stale
        if outcome.failure:
            changes.failures[outcome.job.output] = outcome.failure


def _estimate(manifest: Manifest, job: Job) -> float:
    """Seconds ``job`` will take: its pages last time, or a typical leaflet's when never
    built (the manifest records no times: they differ on every run)."""
    entry = manifest.outputs.get(job.output)
    return entry.pages * SECONDS_PER_PAGE if entry and entry.pages > 0 else DEFAULT_JOB_SECONDS


def _execute(
    project: Project,
    todo: list[Job],
    estimated: list[float],
    out_dir: Path,
    options: Options,
    jobs: int | None,
    unreported: list[Outcome] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in completion order, of ``todo`` estimated to take ``estimated`` seconds
    each, on ``jobs`` workers (None: as the work pays, `workers`). Closing the iterator
    early (fail-fast) cancels the jobs not yet started; the pool's exit then waits only
    for the ones running.

    An interrupt stops the workers and is raised on; the outcomes of jobs that had
    finished by then but were not yet yielded (their PDF written while this waited for
    another) go to ``unreported``, so that the manifest records them: left out, the next
    build rebuilt outputs that were complete and current."""
    root = project.root
    workers = worker_count(estimated, jobs)
    processes = shared_processes(estimated, jobs) if workers <= 1 else 1
    if processes > 1:  # too little work for a pool, enough for a forked child or two
        prepare_parent(project, shared_locales([job.locale for job in todo]), options)
        build = partial(build_job, root, out_dir=out_dir, options=options)
        yield from run_shared(todo, estimated, processes, build, unreported)
        return
    if workers <= 1 or len(todo) <= 1:
        yield from _serially(root, todo, out_dir, options)
        return
    # Imported here: 45 ms that a no-op rebuild or a single job does not need.
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor, as_completed

    # Workers are forked where the platform can: they start with the parent's modules,
    # fonts and interrupt handling (`cli.errors`) instead of importing everything again
    # (0.4 s per worker). Python 3.14 makes forkserver the Linux default, so say so.
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if fork else None
    if fork:
        prepare_parent(project, shared_locales([job.locale for job in todo]), options)
    futures: list[Future[Outcome]] = []
    yielded: set[Future[Outcome]] = set()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=end_with_parent
        ) as pool:
            try:
                # Submitting forks the workers: an interrupt that lands meanwhile must stop
                # them too, or the pool's exit waits for (and writes) every job submitted.
                # Frozen while they are forked (the first submit forks every one), the
                # objects this process made are left out of the workers' collections.
                gc.freeze()
                try:
                    futures = [pool.submit(build_job, root, job, out_dir, options) for job in todo]
                finally:
                    gc.unfreeze()
                for future in as_completed(futures):
                    yielded.add(future)
                    yield future.result()
            except KeyboardInterrupt:  # and SIGTERM (`cli.errors.Terminated`)
                _stop_workers(pool)
                raise
            finally:
                for future in futures:
                    future.cancel()
    except KeyboardInterrupt:
        # The pool has shut down: every result a worker sent is in its future by now.
        if unreported is not None:
            unreported += [
                future.result()
                for future in futures
                if future not in yielded
                and future.done()
                and not future.cancelled()
                and future.exception() is None
            ]
        raise


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Pass an interrupt on to the workers, which stop their job and clean up.

    Ctrl-C in a terminal reaches the whole process group, but a SIGTERM sent to this
    process alone (``kill``, a CI runner cancelling) did not: the pool's exit waited
    for every running job to finish. A worker already stopping ignores the second
    signal (`cli.errors`). ``_processes`` is private; Python 3.14 has
    ``terminate_workers()``, which sends the same SIGTERM.
    """
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list(getattr(pool, "_processes", {}).values()):
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
