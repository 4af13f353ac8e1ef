"""Kill ``msc-leaflet build`` and ``i18n update`` mid-run: no work is lost, nothing is
left half-written.

Each test starts from a built project (state A), edits an input so that every output
changes (state B, built once per module as the reference; builds are deterministic),
runs the command in its own process group and signals it at a given point:

* ``first-temp``: as soon as a ``.*.tmp`` file exists, i.e. during a `write_atomic`;
* ``first-built``: when the first "built" line is printed: with ``-j4`` and four jobs
  one pool worker is then idle, the case where Ctrl-C printed a worker traceback;
* a delay in seconds.

Ctrl-C goes to the whole process group (as a terminal sends it), SIGTERM to the main
process only (as ``kill PID`` or a CI runner does) or the group, SIGKILL to the group.
Afterwards every file is byte-identical to A or to B, and no temporary file is left;
after SIGKILL a temporary file may survive, and the next run must remove it. A plain
rerun then always ends in state B with a manifest that matches the files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest
from typer import Exit

from conftest import leaflet_yaml
from msc_leaflet import files as files_module
from msc_leaflet.build.manifest import FORMAT
from msc_leaflet.cli.errors import (
    Terminated,
    _on_signal,
    _swallows_exceptions,
    interrupts_as_exceptions,
    run,
)
from msc_leaflet.files import remove_stale_temp_files, write_atomic
from msc_leaflet.i18n.pofile import read_po

REPO = Path(__file__).resolve().parents[1]
BUILD_LEAFLETS = ("infusion-safety", "what-msc-can-do")  # 4 PDFs: en and th
ENV = {**os.environ, "PYTHONUNBUFFERED": "1", "SOURCE_DATE_EPOCH": "1767225600"}
MESSAGES = {
    130: "interrupted; no partial files were left behind",
    143: "terminated; no partial files were left behind",
}


def copy_project(dest: Path, leaflets: tuple[str, ...] | None = None) -> Path:
    """The bundled project (or some of its leaflets, with their catalogs) in ``dest``."""
    ids = leaflets or tuple(p.stem for p in (REPO / "leaflets").glob("*.yaml"))
    (dest / "leaflets").mkdir(parents=True)
    shutil.copytree(REPO / "organisations", dest / "organisations")
    shutil.copytree(
        REPO / "locales",
        dest / "locales",
        ignore=lambda folder, names: [
            n for n in names if n.endswith((".po", ".pot", ".mo")) and Path(n).stem not in ids
        ],
    )
    for leaflet_id in ids:
        shutil.copy(REPO / "leaflets" / f"{leaflet_id}.yaml", dest / "leaflets")
    (dest / "locales" / "ui.pot").write_bytes((REPO / "locales" / "ui.pot").read_bytes())
    ui = REPO / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    (dest / "locales" / "th" / "LC_MESSAGES" / "ui.po").write_bytes(ui.read_bytes())
    return dest


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "msc_leaflet", *args],
        cwd=root, env=ENV, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def rename_organisation(root: Path) -> None:
    """An edit that changes every PDF (the organisation prints on every page)."""
    path = root / "organisations" / "sample-clinic.yaml"
    path.write_text(re.sub(r"(?m)^name: .*$", "name: Renamed Clinic", path.read_text()))


def revise_leaflets(root: Path) -> None:
    """An edit that changes every leaflet's .pot and .po: a new first paragraph."""
    for path in (root / "leaflets").glob("*.yaml"):
        text = path.read_text().replace("\nblocks:\n", "\nblocks:\n  - paragraph: New.\n", 1)
        path.write_text(text)


def files(root: Path) -> dict[str, bytes]:
    """Every output and catalog (not temporary files), by path relative to the project."""
    found = {}
    for pattern in ("build/**/*.pdf", "build/manifest.json", "locales/**/*.po", "locales/*.pot"):
        for path in root.glob(pattern):
            if not path.name.startswith("."):
                found[str(path.relative_to(root))] = path.read_bytes()
    return found


def temp_files(root: Path) -> list[Path]:
    return sorted(root.rglob(".*.tmp"))


class States:
    def __init__(self, base: Path, before: dict[str, bytes], after: dict[str, bytes]) -> None:
        self.base = base
        self.before = before
        self.after = after


def prepared(
    tmp: Path, leaflets: tuple[str, ...] | None, edit: Callable[[Path], None], command: list[str]
) -> States:
    base = copy_project(tmp / "base", leaflets)
    if command[0] == "build":
        assert cli(base, "build", "-j2").returncode == 0
    before = files(base)
    reference = tmp / "reference"
    shutil.copytree(base, reference)
    edit(reference)
    done = cli(reference, *command)
    assert done.returncode == 0, done.stderr
    return States(base, before, files(reference))


@pytest.fixture(scope="module")
def build_states(tmp_path_factory: pytest.TempPathFactory) -> States:
    return prepared(
        tmp_path_factory.mktemp("build"), BUILD_LEAFLETS, rename_organisation, ["build", "-j2"]
    )


@pytest.fixture(scope="module")
def i18n_states(tmp_path_factory: pytest.TempPathFactory) -> States:
    return prepared(tmp_path_factory.mktemp("i18n"), None, revise_leaflets, ["i18n", "update"])


def interrupt(
    root: Path, args: list[str], sig: signal.Signals, when: str | float, group: bool
) -> tuple[int, str]:
    """Run the command, signal it at ``when``; (exit status, stderr)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "msc_leaflet", *args], cwd=root, env=ENV, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        wait_for(process, root, when)
        with contextlib.suppress(ProcessLookupError):  # it may have finished first
            (os.killpg if group else os.kill)(process.pid, sig)
        _, stderr = process.communicate(timeout=120)
        time.sleep(0.2)
        assert not pool_workers_left(process.pid), "pool workers outlived the command"
        return process.returncode, stderr
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # only this test's processes


def wait_for(process: subprocess.Popen[str], root: Path, when: str | float) -> None:
    if isinstance(when, float):
        time.sleep(when)
    elif when == "first-built":
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("built"):
                return
    else:  # first-temp
        folders = [root / "build", root / "locales", root / "locales" / "th" / "LC_MESSAGES"]
        folders += [root / "build" / "en", root / "build" / "th"]
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            for folder in folders:
                try:
                    if any(name.endswith(".tmp") for name in os.listdir(folder)):
                        return
                except FileNotFoundError:
                    pass
            time.sleep(0.0005)


def pool_workers_left(pgid: int) -> list[str]:
    """Live processes of the command's group (zombies wait for init and do nothing)."""
    found = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True)
    alive = []
    for pid in found.stdout.split():
        with contextlib.suppress(OSError):
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                alive.append(pid)
    return alive


def assert_old_or_new(root: Path, states: States) -> None:
    now = files(root)
    assert set(now) <= set(states.before) | set(states.after)
    for name, data in now.items():
        if name.endswith("manifest.json"):
            assert json.loads(data)["format"] == FORMAT  # complete (build times vary)
            continue
        assert data in (states.before.get(name), states.after.get(name)), name


def assert_rerun_completes(root: Path, states: States, args: list[str]) -> None:
    done = cli(root, *args)
    assert done.returncode == 0, done.stderr
    assert temp_files(root) == []
    now = files(root)
    for name, data in states.after.items():
        if not name.endswith("manifest.json"):
            assert now[name] == data, name
    if args[0] == "build":
        manifest = json.loads(now["build/manifest.json"])
        for output, entry in manifest["outputs"].items():
            pdf = (root / "build" / output).read_bytes()
            assert hashlib.sha256(pdf).hexdigest() == entry["sha256"], output


def check_exit(status: int, stderr: str, sig: signal.Signals, strict: bool) -> None:
    assert "Traceback" not in stderr, stderr
    expected = {signal.SIGINT: 130, signal.SIGTERM: 143}[sig]
    if strict:
        assert status == expected, (status, stderr)
    else:  # a signal before the command starts or after it ends: nothing is being written
        assert status in (expected, 0, -sig), (status, stderr)
    if status == expected:
        assert stderr.strip().splitlines()[-1] == MESSAGES[expected]


@pytest.mark.parametrize(
    "sig, when, jobs, group, rerun",
    [
        (signal.SIGINT, "first-built", 4, True, True),
        (signal.SIGINT, "first-temp", 2, True, False),
        (signal.SIGTERM, "first-built", 4, False, False),
    ],
)
def test_interrupted_build_leaves_old_or_complete_outputs(
    build_states: States, tmp_path: Path, sig: signal.Signals, when: str | float, jobs: int,
    group: bool, rerun: bool,
) -> None:  # fmt: skip
    root = shutil.copytree(build_states.base, tmp_path / "project")
    rename_organisation(root)
    args = ["build", "-j", str(jobs)]
    status, stderr = interrupt(root, args, sig, when, group)
    check_exit(status, stderr, sig, strict=isinstance(when, str))
    assert temp_files(root) == []
    assert_old_or_new(root, build_states)
    if rerun:  # the SIGKILL tests rerun too; one interrupted case is enough here
        assert_rerun_completes(root, build_states, args)


@pytest.mark.parametrize("when", ["first-temp", 1.0])
def test_killed_build_is_completed_by_the_next_run(
    build_states: States, tmp_path: Path, when: str | float
) -> None:
    root = shutil.copytree(build_states.base, tmp_path / "project")
    rename_organisation(root)
    status, _ = interrupt(root, ["build", "-j2"], signal.SIGKILL, when, group=True)
    assert status in (-signal.SIGKILL, 0)
    assert_old_or_new(root, build_states)  # a temporary file may survive SIGKILL …
    assert_rerun_completes(root, build_states, ["build", "-j2"])  # … but not the next run


@pytest.mark.parametrize(
    "sig, when",
    [
        (signal.SIGINT, "first-temp"),
        (signal.SIGTERM, "first-temp"),
        (signal.SIGTERM, 0.5),
        (signal.SIGKILL, "first-temp"),
    ],
)
def test_interrupted_i18n_update_keeps_every_catalog_whole(
    i18n_states: States, tmp_path: Path, sig: signal.Signals, when: str | float
) -> None:
    root = shutil.copytree(i18n_states.base, tmp_path / "project")
    revise_leaflets(root)
    status, stderr = interrupt(root, ["i18n", "update"], sig, when, group=True)
    if sig == signal.SIGKILL:
        assert status in (-signal.SIGKILL, 0)
    else:
        check_exit(status, stderr, sig, strict=False)
        assert temp_files(root) == []
    assert_old_or_new(root, i18n_states)
    for name in files(root):
        read_po(root / name)  # every catalog parses
    assert_rerun_completes(root, i18n_states, ["i18n", "update"])


def wait_for_workers(pid: int, count: int, limit: float = 120) -> None:
    """Until process ``pid`` has ``count`` children (Linux: /proc lists them)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.parent.exists():
        time.sleep(2.0)  # no /proc: the old fixed delay is all there is
        return
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if len(children.read_text().split()) >= count:
                return
        time.sleep(0.05)
    raise AssertionError(f"the build never started {count} workers")


def two_long_leaflets(make_project: Callable[..., Path]) -> Path:
    """A project of two leaflets that each take seconds to lay out, so that a signal
    finds both jobs running. Distinct paragraphs: identical ones would hit the parse
    and shaping caches and the build could finish before the signal."""
    body = "".join(
        f"- paragraph: Words ({n}) that fill lines and lines of the page in the body style.\n"
        for n in range(2500)
    )
    return make_project(
        {name: leaflet_yaml(body, leaflet_id=name, references="") for name in ("long-a", "long-b")}
    )


@pytest.mark.parametrize(
    "sig, whole_group",
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["ctrl-c-to-the-group", "sigterm-to-the-parent-alone"],
)
def test_an_interrupt_stops_running_jobs_instead_of_waiting_for_them(
    make_project: Callable[..., Path], sig: signal.Signals, whole_group: bool
) -> None:
    # Ctrl-C reaches every process of the group; `kill PID` (a CI runner cancelling)
    # reaches the parent alone, which passes it on to the workers (`batch._stop_workers`).
    root = two_long_leaflets(make_project)
    process = subprocess.Popen(
        [sys.executable, "-m", "msc_leaflet", "build", "-j2"], cwd=root, env=ENV, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        # Not a fixed delay: on a loaded machine the parent may still be importing after
        # 2 s, when a signal gets Python's default action. Wait for the pool's workers.
        wait_for_workers(process.pid, 2)
        time.sleep(0.5)  # both jobs are laying out (each takes several seconds)
        if whole_group:
            os.killpg(process.pid, sig)
        else:
            os.kill(process.pid, sig)
        _, stderr = process.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    code = 130 if sig == signal.SIGINT else 143
    assert process.returncode == code, stderr
    assert stderr.strip() == MESSAGES[code]
    # Jobs left to finish would have written their PDFs: none means they were stopped.
    assert not list(root.rglob("*.pdf")) and temp_files(root) == []


def test_workers_end_when_their_build_is_killed_alone(
    make_project: Callable[..., Path],
) -> None:
    """SIGKILL to the build alone (``kill -9 PID``, the kernel's out-of-memory killer)
    cannot be handled by it: its pool workers, orphaned, used to wait for work for ever,
    each holding its memory. They notice the build is gone and end, removing the
    temporary file of the job they were running."""
    root = two_long_leaflets(make_project)
    process = subprocess.Popen(
        [sys.executable, "-m", "msc_leaflet", "build", "-j2"], cwd=root, env=ENV, text=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        wait_for_workers(process.pid, 2)
        time.sleep(0.5)  # both jobs are laying out (each takes several seconds)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        deadline = time.monotonic() + 60
        while pool_workers_left(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pool_workers_left(process.pid) == [], "orphaned pool workers kept running"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # only this test's processes
    assert temp_files(root) == []


DESK_POOL = """
import sys
from msc_leaflet.desk.builds import new_pool
pool = new_pool(2)
print(sorted(pool.map(abs, range(-8, 0))), flush=True)  # both workers started
sys.stdin.read()  # until the test kills it
"""


def test_the_desk_pool_ends_when_the_desk_is_killed() -> None:
    """The desk's workers come from a fork server. Killed with SIGKILL, the desk left
    the fork server, its workers (with the build stage loaded) and the resource
    tracker running for ever; they now end with it."""
    process = subprocess.Popen(
        [sys.executable, "-c", DESK_POOL], env=ENV, text=True, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None and process.stdout.readline().strip()
        wait_for_workers(process.pid, 2)  # the fork server and the resource tracker
        assert len(pool_workers_left(process.pid)) >= 4
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        deadline = time.monotonic() + 60
        while pool_workers_left(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pool_workers_left(process.pid) == [], "the desk's pool outlived it"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # only this test's processes


# --- the pieces, in process ---------------------------------------------------------------


def test_sigterm_becomes_exit_143_and_runs_finally_blocks() -> None:
    cleaned = []
    previous = signal.getsignal(signal.SIGTERM)

    def action() -> None:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler raises before this ends
        finally:
            cleaned.append(True)

    with pytest.raises(Exit) as exit_info:
        run(action)
    assert exit_info.value.exit_code == 143
    assert cleaned == [True]
    assert signal.getsignal(signal.SIGTERM) == previous  # handler restored


def pen_frame() -> FrameType:
    """A real frame of the glyph-outline pen, as HarfBuzz calls it."""
    from msc_leaflet.typeset import default_family
    from msc_leaflet.typeset.outlines import glyph_path

    found: list[FrameType] = []

    def spy(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code.co_qualname == "_PathPen.lineTo" and not found:
            found.append(frame)

    glyph_path.cache_clear()
    sys.setprofile(spy)
    try:
        glyph_path(default_family().regular, 50)
    finally:
        sys.setprofile(None)
    return found[0]


def test_a_signal_inside_a_harfbuzz_callback_is_raised_after_it() -> None:
    # uharfbuzz swallows exceptions raised in pen callbacks (and drops the segment).
    frame = pen_frame()
    assert _swallows_exceptions(frame)
    assert not _swallows_exceptions(sys._getframe())
    with pytest.raises(KeyboardInterrupt), interrupts_as_exceptions():
        _on_signal(signal.SIGINT, frame)  # deferred: returns
        time.sleep(1)  # the retry raises here, outside HarfBuzz


def test_a_signal_inside_a_weakref_callback_is_raised_after_it() -> None:
    # A SIGTERM that landed while a WeakKeyDictionary dropped a collected document's
    # entry was printed as "Exception ignored in: …remove" with a traceback, then lost.
    import weakref

    class Document:
        pass

    frames: list[FrameType] = []
    table: weakref.WeakKeyDictionary[Document, int] = weakref.WeakKeyDictionary()

    def spy(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_globals.get("__name__") == "weakref" and not frames:
            frames.append(frame)

    document = Document()
    table[document] = 1
    sys.setprofile(spy)
    try:
        del document  # the callback runs: its frame is where a signal would land
    finally:
        sys.setprofile(None)
    assert frames and _swallows_exceptions(frames[0])
    with pytest.raises(Terminated), interrupts_as_exceptions():
        _on_signal(signal.SIGTERM, frames[0])  # deferred: returns
        time.sleep(1)  # the retry raises here, outside the callback


def test_terminated_is_a_keyboard_interrupt() -> None:
    # Code that already cleans up on Ctrl-C (`except KeyboardInterrupt`) covers SIGTERM.
    assert issubclass(Terminated, KeyboardInterrupt)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid  # reaped: no process has this pid now (until it is reused)


def test_stale_temp_files_of_killed_writers_are_removed(folder: Path) -> None:
    old = time.time() - 3600
    killed = folder / f".a.pdf.{dead_pid()}.abcd1234.tmp"
    legacy = folder / ".manifest.json.x1y2z3w4.tmp"  # older versions wrote no pid
    live = folder / f".b.pdf.{os.getpid()}.abcd1234.tmp"  # a run still writing
    fresh = folder / f".c.pdf.{dead_pid()}.abcd1234.tmp"  # written after this run started
    unrelated = folder / "notes.tmp"
    for path in (killed, legacy, live, fresh, unrelated):
        path.write_bytes(b"partial")
    for path in (killed, legacy, unrelated):
        os.utime(path, (old, old))
    # Written before this run started (as the others) but after its writer did.
    os.utime(live, (files_module._STARTED - 1,) * 2)
    assert sorted(remove_stale_temp_files(folder)) == sorted([killed, legacy])
    assert live.exists() and fresh.exists() and unrelated.exists()


def test_a_killed_writer_that_is_still_a_zombie_counts_as_gone(folder: Path) -> None:
    # SIGKILLed pool workers stay zombies until someone reaps them (in a container
    # whose init does not reap, for good).
    zombie = subprocess.Popen(["true"])
    try:
        time.sleep(0.3)  # it has exited; not waited for, so it is a zombie
        stale = folder / f".a.pdf.{zombie.pid}.abcd1234.tmp"
        stale.write_bytes(b"partial")
        os.utime(stale, (time.time() - 3600,) * 2)
        assert remove_stale_temp_files(folder) == [stale]
    finally:
        zombie.wait()


def test_write_atomic_removes_stale_temp_files_first(folder: Path) -> None:
    stale = folder / f".a.pdf.{dead_pid()}.abcd1234.tmp"
    stale.write_bytes(b"partial")
    os.utime(stale, (time.time() - 3600,) * 2)
    write_atomic(folder / "a.pdf", b"%PDF-complete")
    assert sorted(p.name for p in folder.iterdir()) == ["a.pdf"]


def test_temp_file_names_carry_the_writer_pid(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(folder / "a.pdf", b"data")
    assert re.fullmatch(rf"\.a\.pdf\.{os.getpid()}\.[a-z0-9_]{{8}}\.tmp", seen[0])


def test_write_without_overwrite_never_replaces_a_file_that_appeared(folder: Path) -> None:
    # `msc-leaflet new`: the leaflet file may appear between its check and its write.
    target = folder / "a.yaml"
    target.write_bytes(b"the author's work")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"template", overwrite=False)
    assert target.read_bytes() == b"the author's work"
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml"]  # no temp file left
    fresh = folder / "b.yaml"
    assert write_atomic(fresh, b"template", overwrite=False)
    assert fresh.read_bytes() == b"template" and fresh.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml", "b.yaml"]


def test_ctrl_c_before_a_command_starts_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # While Typer parses the arguments, no command's `run` guards the process yet.
    from msc_leaflet.cli import app as cli

    def parse_interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", parse_interrupted)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err.strip() == MESSAGES[130]


def test_an_interrupt_while_the_pool_starts_stops_the_jobs_already_submitted(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Submitting forks the workers. Under load, Ctrl-C landed there, outside the block
    # that stops workers: the pool's exit then waited for the submitted jobs, which
    # wrote their PDFs after the command had said it was interrupted.
    from concurrent.futures import ProcessPoolExecutor

    from msc_leaflet.build.batch import run_batch
    from msc_leaflet.project import Project

    body = "".join(f"- paragraph: Words ({n}) that fill lines of the page.\n" for n in range(1500))
    root = make_project(
        {name: leaflet_yaml(body, leaflet_id=name, references="") for name in ("long-a", "long-b")}
    )
    real_submit = ProcessPoolExecutor.submit
    submitted = 0

    def submit_then_interrupt(self: ProcessPoolExecutor, *args: object) -> object:
        nonlocal submitted
        submitted += 1
        if submitted == 2:
            raise KeyboardInterrupt
        return real_submit(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        run_batch(Project.at(root), out_dir=root / "build", jobs=2)
    assert submitted == 2
    assert not list(root.rglob("*.pdf")) and temp_files(root) == []


def test_outputs_finished_when_the_interrupt_lands_are_in_the_manifest(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # With -j2, a job that had written its PDF while the build waited for the other one
    # was left out of the manifest when Ctrl-C landed then: the PDF was complete and
    # current, yet the next build rebuilt it (not only what was missing).
    import concurrent.futures

    from msc_leaflet.build.batch import run_batch
    from msc_leaflet.build.manifest import load_manifest
    from msc_leaflet.cli.errors import interrupts_as_exceptions
    from msc_leaflet.project import Project

    body = "".join(f"- paragraph: Words ({n}) that fill lines of the page.\n" for n in range(1500))
    root = make_project(
        {
            "long-a": leaflet_yaml(body, leaflet_id="long-a", references=""),
            "short": leaflet_yaml("- paragraph: One line.\n", leaflet_id="short", references=""),
        }
    )

    def interrupted_once_one_is_done(
        futures: list[concurrent.futures.Future[object]], timeout: float | None = None
    ) -> Iterator[concurrent.futures.Future[object]]:
        concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)
        raise KeyboardInterrupt  # the signal, landing while the parent waits
        yield  # a generator, as as_completed is

    monkeypatch.setattr(concurrent.futures, "as_completed", interrupted_once_one_is_done)
    out = root / "build"
    with interrupts_as_exceptions(), pytest.raises(KeyboardInterrupt):
        run_batch(Project.at(root), out_dir=out, jobs=2)
    pdfs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert pdfs == ["en/short.pdf"]
    assert sorted(load_manifest(out / "manifest.json").outputs) == pdfs


def test_an_interrupt_keeps_the_outcomes_a_forked_child_sent(tmp_path: Path) -> None:
    # A build too small for a pool shares its jobs with a forked child
    # (`build.forked`): interrupted after the child sent what it built, the build
    # records it (``unreported``), as it records what a pool's worker finished.
    import time

    from msc_leaflet.build.forked import run_shared

    sent = tmp_path / "sent"

    def build(job: str) -> str:
        if job == "theirs":
            sent.touch()
            return "theirs built"
        while not sent.exists():
            time.sleep(0.01)
        time.sleep(1.0)  # the child pickles its outcome, sends it and exits meanwhile
        raise KeyboardInterrupt

    unreported: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        list(run_shared(["mine", "theirs"], [2.0, 1.0], 2, build, unreported))
    assert unreported == ["theirs built"]


SIGNAL_ON_IMPORT = """\
import os, signal, sys

class SignalOnImport:
    '''Sends the signal to this process as the module named is first imported.'''
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["MSC_TEST_MODULE"]:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), getattr(signal, os.environ["MSC_TEST_SIGNAL"]))
        return None

sys.meta_path.insert(0, SignalOnImport())
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
@pytest.mark.parametrize("module", ["typer", "msc_leaflet.cli.app"])
@pytest.mark.parametrize("how", ["script", "-m"])
def test_a_signal_while_the_command_loads_is_one_line(
    tmp_path: Path, sig: signal.Signals, module: str, how: str
) -> None:
    # The first ~0.2 s, while the modules load, no handler of ours was installed:
    # Ctrl-C printed a 15-line KeyboardInterrupt traceback, SIGTERM ended the process
    # without a word.
    (tmp_path / "sitecustomize.py").write_text(SIGNAL_ON_IMPORT)
    src = Path(__file__).resolve().parents[1] / "src"
    env = {
        **ENV,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(src)]),
        "MSC_TEST_MODULE": module,
        "MSC_TEST_SIGNAL": sig.name,
    }
    script = tmp_path / "msc-leaflet"  # as pip writes the console script
    script.write_text(
        "import sys\nfrom msc_leaflet.cli.app import main\nif __name__ == '__main__':\n"
        "    sys.exit(main())\n"
    )
    command = [str(script)] if how == "script" else ["-m", "msc_leaflet"]
    done = subprocess.run(
        [sys.executable, *command, "list", "--project", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 128 + sig, (done.returncode, done.stderr)
    assert done.stderr.strip() == MESSAGES[128 + sig], done.stderr


def test_a_temp_file_whose_pid_a_later_process_took_is_removed(folder: Path) -> None:
    # A build run as a container's first process is pid 1 on every run, and its pool
    # workers get the same few pids too: the temporary file a killed run left was
    # named for a pid that is alive again, in a process started after the file was
    # last written, and was kept for ever in the folder the print shop copies.
    later = subprocess.Popen(["sleep", "60"])  # took the pid after the file was written
    try:
        reused = folder / f".a.pdf.{later.pid}.abcd1234.tmp"
        reused.write_bytes(b"partial")
        os.utime(reused, (time.time() - 3600,) * 2)
        writing = folder / f".b.pdf.{later.pid}.abcd1234.tmp"  # it writes this one now
        writing.write_bytes(b"partial")
        assert remove_stale_temp_files(folder) == [reused]
        assert writing.exists()
    finally:
        later.kill()
        later.wait()


def test_a_build_with_nothing_to_do_removes_a_killed_builds_temp_files(
    build_states: States, tmp_path: Path
) -> None:
    # A build killed while writing th/x.pdf, then builds of other languages, or none
    # out of date: no PDF was written into th/ again, so its half-written temporary
    # file stayed there for good, in the folder a print shop zips and sends.
    root = shutil.copytree(build_states.base, tmp_path / "project")
    old = time.time() - 3600
    left = [
        root / "build" / "th" / f".infusion-safety.pdf.{dead_pid()}.abcd1234.tmp",
        root / "build" / f".manifest.json.{dead_pid()}.abcd1234.tmp",
    ]
    for path in left:
        path.write_bytes(b"%PDF-1.4 partial")
        os.utime(path, (old, old))
    done = cli(root, "build", "-l", "en")
    assert done.returncode == 0, done.stderr
    assert "built" not in done.stdout.replace("0 built", "")  # nothing was out of date
    assert temp_files(root) == []


@pytest.mark.parametrize("raised", [KeyboardInterrupt, "Terminated"])
def test_an_interrupt_while_a_worker_starts_is_no_traceback(
    monkeypatch: pytest.MonkeyPatch, raised: type[BaseException] | str
) -> None:
    """Ctrl-C (or SIGTERM) as the pool starts its workers reached the pool's initializer,
    which `cli.errors` took for a job (this package's frames): the pool printed
    "Exception in initializer:" and a traceback (a fresh clone's CI met it). The
    initializer lets the build, interrupted too, end the pool."""
    import threading

    from msc_leaflet.build import workers
    from msc_leaflet.cli.errors import Terminated

    error = Terminated if raised == "Terminated" else raised
    assert isinstance(error, type)

    def interrupted(self: threading.Thread) -> None:
        raise error()

    monkeypatch.setattr(threading.Thread, "start", interrupted)
    try:
        workers.end_with_parent()
    except BaseException as escaped:  # an interrupt let through would stop pytest itself
        pytest.fail(f"the pool's initializer raised {escaped!r}, which the pool prints")
