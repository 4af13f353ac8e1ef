"""Benchmarks for the batch-build speed targets (issues "Batch builds for print runs" and
"make builds faster").

Run:  python benchmarks/bench_build.py [--quick] [--only cold,warm,...] [--repeat N]

Prints, for every target, the median of n runs (wall clock and CPU time) and ends with a
pass/miss table; never used as a pass/fail test. The machine is usually shared, so wall
time is noisy: CPU time (user + sys of the process that did the work) moves much less
when other programs compete for the cores, and is what to compare between commits.
Measures, on the bundled leaflets and on a synthetic corpus generated here:

1. ``help``: ``msc-leaflet --help``;
2. ``cold``: one 3-page leaflet in English and Thai, built by a fresh process;
3. ``warm``: layout cost per A4 page in a process that has built before, en vs th;
4. ``memory``: peak RSS of a worker, and whether it grows with the documents it builds;
5. ``corpus``: 50 leaflets × 2 locales with -j1 and -j2, a no-op rebuild, and what
   touching one .po rebuilds.

The code measured is the tree this file sits in (``../src``), not whatever copy of
msc_leaflet happens to be installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
sys.path.insert(0, str(SRC))
# Byte-code caches on, as for anyone who installed the tool: a setting of
# PYTHONDONTWRITEBYTECODE (this sandbox has one) makes every process compile all ~85
# modules of the package again, +0.1 s on each start. `warm_bytecode` fills the cache.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
}
CLI = [sys.executable, "-m", "msc_leaflet"]
LEAFLET = "infusion-safety"  # 3 pages in English


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # seconds of user + sys time of the process(es) doing the work


@dataclass(frozen=True)
class Result:
    """One line of the final table."""

    target: str
    value: str  # median (and CPU) as printed
    goal: str
    ok: bool
    runs: int


RESULTS: list[Result] = []


def median(samples: Sequence[Sample]) -> Sample:
    return Sample(
        statistics.median(s.wall for s in samples), statistics.median(s.cpu for s in samples)
    )


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], cwd: Path) -> Sample:
    """Wall and CPU time of one command; its stderr is shown if it fails."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return Sample(wall, children_cpu() - cpu)


def timed(command: list[str], cwd: Path, repeat: int) -> list[Sample]:
    return [run(command, cwd) for _ in range(repeat)]


def record(target: str, samples: Sequence[Sample], limit: float, unit: str = "s") -> Sample:
    m = median(samples)
    scale = 1000 if unit == "ms" else 1
    value = f"{m.wall * scale:.3g} {unit} (CPU {m.cpu * scale:.3g})"
    RESULTS.append(
        Result(target, value, f"≤ {limit:g} {unit}", m.wall * scale <= limit, len(samples))
    )
    print(f"{target}: median {value}, n={len(samples)} (target ≤ {limit:g} {unit})")
    return m


def warm_bytecode() -> None:
    """Compile the package's byte-code cache once, untimed (see ``ENV``)."""
    command = [sys.executable, "-m", "compileall", "-q", str(SRC / "msc_leaflet")]
    subprocess.run(command, env=ENV, check=True)


def help_time(repeat: int) -> None:
    exe = shutil.which("msc-leaflet") or "msc-leaflet"
    record("msc-leaflet --help", timed([exe, "--help"], REPO, repeat), 0.15)


def cold_build(repeat: int) -> None:
    """The command as a user types it (one job per core), and on one core."""
    with tempfile.TemporaryDirectory() as out:
        command = [*CLI, "build", LEAFLET, "-l", "en", "-l", "th", "--force", "-q", "-o", out]
        default = timed(command, REPO, repeat)
        one_core = timed([*command, "-j1"], REPO, repeat)
    record(f"cold build {LEAFLET} en+th", default, 0.45)
    record(f"cold build {LEAFLET} en+th, -j1", one_core, 0.45)


def warm_per_page(repeat: int) -> None:
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    project = Project.at(REPO)
    per_locale: dict[str, Sample] = {}
    with tempfile.TemporaryDirectory() as out:
        for locale in ("en", "th"):
            per_page = []
            for leaflet_id in project.leaflet_ids():
                build_leaflet(project, leaflet_id, locale, Path(out))  # warm caches
                for _ in range(repeat):
                    cpu, start = time.process_time(), time.perf_counter()
                    pages = build_leaflet(project, leaflet_id, locale, Path(out)).pages
                    wall = time.perf_counter() - start
                    per_page.append(Sample(wall / pages, (time.process_time() - cpu) / pages))
            limit = 30 if locale == "en" else 60
            per_locale[locale] = record(f"warm per A4 page, {locale}", per_page, limit, "ms")
    ratio = per_locale["th"].wall / per_locale["en"].wall
    print(f"warm th/en: {ratio:.2f}× wall, {per_locale['th'].cpu / per_locale['en'].cpu:.2f}× CPU")


WORKER = """
import resource, sys, tempfile
from pathlib import Path
from msc_leaflet.build.batch import Job, Options, build_job
root = Path(sys.argv[1]); ids = sorted(p.stem for p in (root / 'leaflets').glob('*.yaml'))
out = Path(tempfile.mkdtemp())
marks = []
for n in range(int(sys.argv[2])):
    job = Job(ids[n % len(ids)], 'th' if n % 2 else 'en')
    outcome = build_job(root, job, out, Options())
    assert outcome.status == 'built', outcome.message
    marks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(marks[0], marks[len(marks) // 2], marks[-1])
"""


def memory(documents: int) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(REPO), str(documents)],
        env=ENV,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"memory worker failed:\n{done.stderr}")
    first, middle, last = (float(x) for x in done.stdout.split())
    # The caches fill during the first documents; the second half must not grow them.
    flat = last <= middle * 1.05
    value = f"{first:.0f} / {middle:.0f} / {last:.0f} MB"
    RESULTS.append(
        Result(
            "worker peak RSS (1 / half / all docs)",
            value,
            "≤ 150 MB, flat",
            last <= 150 and flat,
            documents,
        )
    )
    print(
        f"worker peak RSS after 1 / {documents // 2} / {documents} documents: {value} "
        f"(target ≤ 150 MB, flat)"
    )


def make_corpus(root: Path, copies: int) -> int:
    """The bundled leaflets copied ``copies`` times under new ids, with their catalogs."""
    shutil.copytree(REPO / "organisations", root / "organisations")
    (root / "leaflets").mkdir()
    shutil.copytree(REPO / "locales", root / "locales")
    source_ids = sorted(p.stem for p in (REPO / "leaflets").glob("*.yaml"))
    count = 0
    for n in range(copies):
        for leaflet_id in source_ids:
            new_id = f"{leaflet_id}-{n:02d}"
            text = (REPO / "leaflets" / f"{leaflet_id}.yaml").read_text(encoding="utf-8")
            (root / "leaflets" / f"{new_id}.yaml").write_text(
                text.replace(f"id: {leaflet_id}\n", f"id: {new_id}\n", 1), encoding="utf-8"
            )
            po = REPO / "locales" / "th" / "LC_MESSAGES" / f"{leaflet_id}.po"
            if po.is_file():
                shutil.copy(po, root / "locales" / "th" / "LC_MESSAGES" / f"{new_id}.po")
            count += 1
    return count


def corpus(copies: int, repeat: int, noop_repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        leaflets = make_corpus(root, copies)
        base = [*CLI, "build", "-q", "-l", "en", "-l", "th", "-o", str(root / "build")]
        # Alternate -j1 and -j2 so a burst of load from elsewhere hits both alike.
        j1: list[Sample] = []
        j2: list[Sample] = []
        for _ in range(repeat):
            j1.append(run([*base, "--force", "-j1"], root))
            j2.append(run([*base, "--force", "-j2"], root))
        noop = timed(base, root, noop_repeat)
        po = root / "locales" / "th" / "LC_MESSAGES" / f"{LEAFLET}-00.po"
        po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        done = subprocess.run(
            [*base[:-2], "--json", "-o", str(root / "build")],
            cwd=root,
            env=ENV,
            check=True,
            capture_output=True,
            text=True,
        )
        rebuilt = [
            o["output"] for o in json.loads(done.stdout)["outputs"] if o["status"] == "built"
        ]
    m1, m2 = median(j1), median(j2)
    speedup = m1.wall / m2.wall
    # With both cores free, -j2 could at best run its CPU time in half the wall time:
    # this bound tells a parallel overhead from a machine busy with other work.
    idle = 2 * m1.cpu / m2.cpu
    print(
        f"corpus {leaflets} leaflets × 2 locales: -j1 {m1.wall:.2f} s (CPU {m1.cpu:.2f}), "
        f"-j2 {m2.wall:.2f} s (CPU {m2.cpu:.2f}), n={repeat}; speed-up {speedup:.2f}× "
        f"(target ≥ 1.7×); with two idle cores at most {idle:.2f}×"
    )
    RESULTS.append(
        Result(
            f"corpus {leaflets}×2 -j2 speed-up", f"{speedup:.2f}×", "≥ 1.7×", speedup >= 1.7, repeat
        )
    )
    record("no-op rebuild", noop, 0.5)
    expected = [f"th/{LEAFLET}-00.pdf"]
    print(f"touching {po.name} rebuilt: {rebuilt} (expected {expected})")
    RESULTS.append(
        Result(f"touch {po.name}", ", ".join(rebuilt), "only that PDF", rebuilt == expected, 1)
    )


def table() -> None:
    rows = [("target", "median (CPU)", "goal", "n", "")]
    rows += [(r.target, r.value, r.goal, str(r.runs), "pass" if r.ok else "MISS") for r in RESULTS]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    print()
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 10-leaflet corpus")
    parser.add_argument(
        "--only", default="help,cold,warm,memory,corpus", help="comma-separated parts to run"
    )
    parser.add_argument("--repeat", type=int, help="runs per measurement (default 7, quick 3)")
    args = parser.parse_args()
    repeat = args.repeat or (3 if args.quick else 7)
    parts: dict[str, Callable[[], None]] = {
        "help": lambda: help_time(repeat * 3),
        "cold": lambda: cold_build(repeat),
        "warm": lambda: warm_per_page(max(2, repeat // 2)),
        "memory": lambda: memory(10 if args.quick else 40),
        "corpus": lambda: corpus(2 if args.quick else 10, 1 if args.quick else 3, repeat),
    }
    warm_bytecode()
    for name in args.only.split(","):
        parts[name]()
    table()


if __name__ == "__main__":
    main()
