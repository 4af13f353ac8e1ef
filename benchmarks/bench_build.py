"""Benchmarks for the batch-build targets (issue "Batch builds for print runs").

Run:  python benchmarks/bench_build.py [--quick]

Prints medians and ratios; never used as a pass/fail test (machines are shared and
noisy). Measures, on the bundled leaflets and on a synthetic corpus generated here:

1. cold build of one 3-page leaflet in English and Thai, in a fresh process;
2. warm layout cost per page in one process, English vs Thai;
3. a 50-leaflet × 2-locale corpus: full build with -j1 and -j2, a no-op rebuild, and
   what touching one .po rebuilds;
4. peak memory of a worker, and whether it grows with the number of documents built;
5. `msc-leaflet --help`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "msc_leaflet"]
LEAFLET = "infusion-safety"  # 3 pages in English


def timed(command: list[str], cwd: Path, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cold_build(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as out:
        seconds = timed(
            [*CLI, "build", LEAFLET, "-l", "en", "-l", "th", "--force", "-j1", "-q", "-o", out],
            REPO,
            repeat,
        )
    print(f"cold build, {LEAFLET} en+th, fresh process: median {seconds:.3f} s (target ≤ 0.45 s)")


def warm_per_page(repeat: int) -> None:
    from msc_leaflet.build import build_leaflet
    from msc_leaflet.project import Project

    project = Project.at(REPO)
    results = {}
    with tempfile.TemporaryDirectory() as out:
        for locale in ("en", "th"):
            per_page = []
            for leaflet_id in project.leaflet_ids():
                build_leaflet(project, leaflet_id, locale, Path(out))  # warm caches
                for _ in range(repeat):
                    start = time.perf_counter()
                    result = build_leaflet(project, leaflet_id, locale, Path(out))
                    per_page.append((time.perf_counter() - start) / result.pages)
            results[locale] = statistics.median(per_page)
    en, th = results["en"] * 1000, results["th"] * 1000
    print(
        f"warm build per A4 page: en {en:.1f} ms (target ≤ 30), "
        f"th {th:.1f} ms (target ≤ 60), th/en {th / en:.2f}×"
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


def corpus(copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        leaflets = make_corpus(root, copies)
        base = [*CLI, "build", "-q", "-l", "en", "-l", "th", "-o", str(root / "build")]
        j1 = timed([*base, "--force", "-j1"], root, 1)
        j2 = timed([*base, "--force", "-j2"], root, 1)
        noop = timed(base, root, 3)
        po = root / "locales" / "th" / "LC_MESSAGES" / f"{LEAFLET}-00.po"
        po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        done = subprocess.run(
            [*base[:-2], "--json", "-o", str(root / "build")],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        )
        rebuilt = [
            o["output"] for o in json.loads(done.stdout)["outputs"] if o["status"] == "built"
        ]
    print(
        f"corpus {leaflets} leaflets × 2 locales: -j1 {j1:.2f} s, -j2 {j2:.2f} s, "
        f"speed-up {j1 / j2:.2f}× (target ≥ 1.7×)"
    )
    print(f"no-op rebuild: median {noop:.3f} s (target ≤ 0.5 s)")
    print(f"touching {po.name} rebuilt: {rebuilt} (expected only th/{LEAFLET}-00.pdf)")


WORKER = """
import resource, sys, tempfile
from pathlib import Path
from msc_leaflet.batch import Job, Options, build_job
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
        check=True,
        capture_output=True,
        text=True,
    )
    first, middle, last = (float(x) for x in done.stdout.split())
    print(
        f"worker peak RSS after 1 / {documents // 2} / {documents} documents: "
        f"{first:.0f} / {middle:.0f} / {last:.0f} MB (target ≤ 150 MB, flat)"
    )


def help_time(repeat: int) -> None:
    exe = shutil.which("msc-leaflet") or "msc-leaflet"
    seconds = timed([exe, "--help"], REPO, repeat)
    print(f"msc-leaflet --help: median {seconds:.3f} s (target ≤ 0.15 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer repeats and a 10-leaflet corpus"
    )
    quick = parser.parse_args().quick
    repeat = 3 if quick else 7
    help_time(repeat * 2)
    cold_build(repeat)
    warm_per_page(2 if quick else 3)
    memory(10 if quick else 40)
    corpus(2 if quick else 10)


if __name__ == "__main__":
    main()
