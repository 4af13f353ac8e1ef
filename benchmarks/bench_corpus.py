"""Batch CPU per output beside Typst's loop, the -j2 speed-up, and worker memory over
corpus size, on a generated varied corpus of the shared anchor leaflet. Never a test.

Run:  python benchmarks/bench_corpus.py [--leaflets 200] [-n 3] [--sizes 10,50,200]
                                         [--typst-python /tmp/anchors/bin/python]

Needs ``msc-leaflet`` of this tree on PATH and a venv with ``typst fontpkg-sarabun`` (see
/work/shared/anchors/README.md). ``gen_project.py --copies N`` writes N leaflets whose
paragraphs are reshuffled per copy (caches keyed by text mostly miss, as with real
content), in msc-leaflet's format with Thai catalogs and as Typst sources.

1. ``cpu``: ``msc-leaflet build -l en -l th --force -j1`` over the whole corpus beside
   ``typst_loop.py`` (one process, one compiler) over the same 2N sources, round-robin;
   CPU per output (user + sys of the process tree / 2N) and the paired ratio.
2. ``jobs``: the same build with -j1 and -j2, paired: wall speed-up (target ≥ 1.8× on
   an idle machine; the CPU sums say how much of the gap is a busy machine).
3. ``memory``: a worker's memory over corpus size: one process runs the jobs of the
   first 200 leaflets × 2 locales as a pool worker does (``build_job``) and prints its
   resident and peak RSS after 10 / 50 / 200 leaflets (flat: every cache is bounded;
   target ≤ 100 MiB); then the peak of whole -j1 builds of 10 / 50 / 200 leaflets, which
   add what the batch keeps per output for the manifest (a few kB each) and its writing.

Medians, IQR (q1-q3) and n are printed, with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ANCHORS = Path("/work/shared/anchors")
REPO = Path(__file__).resolve().parents[1]


def run(argv: Sequence[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + sys of the process and the workers it reaped)
    and peak RSS in MiB (the largest process of the tree)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"{' '.join(argv)} failed:\n{errors.decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def quartiles(values: Sequence[float]) -> str:
    if len(values) < 4:
        return f"{statistics.median(values):.3f} (min-max {min(values):.3f}-{max(values):.3f})"
    q1, _, q3 = statistics.quantiles(values, n=4)
    return f"{statistics.median(values):.3f} (q1-q3 {q1:.3f}-{q3:.3f})"


WORKER = """
import os, resource, sys, tempfile
from pathlib import Path
from msc_leaflet.build.batch import Job, Options, build_job
root, marks = Path(sys.argv[1]), {int(n) for n in sys.argv[2].split(",")}
ids = sorted(p.stem for p in (root / "leaflets").glob("*.yaml"))
out = Path(tempfile.mkdtemp())
page = os.sysconf("SC_PAGE_SIZE")
for n, leaflet_id in enumerate(ids[: max(marks)], 1):
    for locale in ("en", "th"):
        outcome = build_job(root, Job(leaflet_id, locale), out, Options())
        assert outcome.status == "built", outcome.message
    if n in marks:
        resident = int(open("/proc/self/statm").read().split()[1]) * page / 2**20
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"worker after {n} leaflets × 2: resident {resident:.1f} MiB, peak {peak:.1f} MiB")
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leaflets", type=int, default=200)
    parser.add_argument("-n", type=int, default=3)
    parser.add_argument("--sizes", default="10,50,200")
    parser.add_argument("--only", default="cpu,jobs,memory")
    parser.add_argument("--typst-python", default="/tmp/anchors/bin/python")
    parser.add_argument("--corpus", type=Path, help="keep the corpus here (reused if there)")
    args = parser.parse_args()
    msc = shutil.which("msc-leaflet")
    if not msc:
        sys.exit("msc-leaflet is not on PATH")
    tmp = args.corpus or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    project, typst_src = tmp / "project", tmp / "typst-src"
    if len(list(project.glob("leaflets/*.yaml"))) != args.leaflets:
        subprocess.run(
            [sys.executable, ANCHORS / "msc/gen_project.py", project, "--clone", REPO,
             "--copies", str(args.leaflets), "--typst", typst_src, "--msc", msc],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    outputs = 2 * args.leaflets
    build = [msc, "build", "-q", "-l", "en", "-l", "th", "--force", "-p", str(project)]
    typst = [args.typst_python, str(ANCHORS / "msc/typst_loop.py"), str(typst_src)]
    print(f"corpus: {args.leaflets} leaflets × en, th = {outputs} outputs; {os.getloadavg()}")
    parts = args.only.split(",")
    if "cpu" in parts:
        ours, theirs, ratios = [], [], []
        for _ in range(args.n):
            _, cpu_t, _ = run([*typst, str(tmp / "typst-out")])
            _, cpu_m, _ = run([*build, "-j1", "-o", str(tmp / "out-cpu")])
            ours.append(1000 * cpu_m / outputs)
            theirs.append(1000 * cpu_t / outputs)
            ratios.append(cpu_m / cpu_t)
        print(f"batch CPU per output, ms, n={args.n}: msc -j1 {quartiles(ours)}, "
              f"typst loop {quartiles(theirs)}; paired ratio {quartiles(ratios)} "
              "(target ≤ 1.5)")  # fmt: skip
    if "jobs" in parts:
        one, two, cpu1, cpu2 = [], [], [], []
        for _ in range(args.n):
            wall, cpu, _ = run([*build, "-j1", "-o", str(tmp / "out-j1")])
            one.append(wall)
            cpu1.append(cpu)
            wall, cpu, _ = run([*build, "-j2", "-o", str(tmp / "out-j2")])
            two.append(wall)
            cpu2.append(cpu)
        speedups = [a / b for a, b in zip(one, two, strict=True)]
        print(f"-j1 wall {quartiles(one)} s (CPU {quartiles(cpu1)}); -j2 wall {quartiles(two)} "
              f"s (CPU {quartiles(cpu2)}); speed-up {quartiles(speedups)}, n={args.n} "
              "(target ≥ 1.8 on an idle machine)")  # fmt: skip
    if "memory" in parts:
        done = subprocess.run(
            [sys.executable, "-c", WORKER, str(project), args.sizes],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        print(done.stdout.strip(), "(target ≤ 100, flat)")
        ids = sorted(p.stem for p in (project / "leaflets").glob("*.yaml"))
        for size in (int(s) for s in args.sizes.split(",")):
            chosen = ids[:size]
            peaks = [
                run([*build, *chosen, "-j1", "-o", str(tmp / f"out-mem{size}")])[2]
                for _ in range(max(1, args.n // 2))
            ]
            print(f"peak RSS of a whole -j1 build of {len(chosen)} leaflets × 2: "
                  f"{max(peaks):.1f} MiB")  # fmt: skip
    print(f"load after: {os.getloadavg()}")
    if not args.corpus:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
