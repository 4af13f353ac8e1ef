"""What tagging (#17) costs: time and size of the bundled library, tagged and untagged.

Run:  python benchmarks/bench_tagging.py [-n 9]

For every bundled leaflet in English and Thai, lays out and finishes the PDF both ways
in one process (warm: fonts and shaping caches loaded by a first untimed round; CPU
time of the process, not wall time, so a busy machine skews it less), in
alternating order, and prints per-output medians and IQRs of each, the paired ratio,
and the file sizes. The issue's budget: at most +10 % time and +15 % size. Never a test.

On a busy machine, count instructions instead (callgrind's counts repeat exactly):
    for m in none untagged tagged; do valgrind --tool=callgrind \
      --callgrind-out-file=/tmp/cg.$m python benchmarks/bench_tagging.py --once $m; done
``--once MODE`` warms both paths, then builds every output once tagged or untagged
(``none``: not at all, the baseline to subtract from the other two totals).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from msc_leaflet import i18n
from msc_leaflet.build.build import project_theme
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.finishing.final_pass import final_pass
from msc_leaflet.finishing.tagged_pdf import tag_structure
from msc_leaflet.layout import Localised, layout_leaflet
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

REPO = Path(__file__).resolve().parents[1]


def _versions(project: Project) -> list[tuple[str, Localised]]:
    out = []
    for leaflet_id in project.leaflet_ids():
        source, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
        for locale in ("en", "th"):
            leaflet, _, fallbacks = i18n.localize_with_fallbacks(source, locale, project)
            labels = i18n.ui_labels(locale, project)
            version = Localised(
                leaflet, labels, fallbacks=tuple(fallbacks), source_language=source.language
            )
            out.append((f"{locale}/{leaflet_id}", version))
    return out


def _one(version: Localised, theme: object, tagged: bool) -> tuple[float, int]:
    start = time.process_time()  # CPU time: other processes on a shared machine do not count
    result = layout_leaflet([version], theme, i18n.format_date, tagged=tagged)  # type: ignore[arg-type]
    steps = [tag_structure(result.tagger)] if result.tagger else []
    pdf = final_pass(result.pdf, steps)
    return time.process_time() - start, len(pdf)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=9)
    parser.add_argument("--once", choices=("none", "untagged", "tagged"))
    args = parser.parse_args()
    project = Project.at(REPO)
    theme = project_theme(project, PrintSpec())
    versions = _versions(project)
    for _, version in versions:  # warm-up
        _one(version, theme, True)
        _one(version, theme, False)
    if args.once:
        for _, version in versions if args.once != "none" else []:
            _one(version, theme, args.once == "tagged")
        return 0
    times: dict[bool, list[float]] = {True: [], False: []}
    sizes: dict[bool, int] = {True: 0, False: 0}
    ratios: list[float] = []
    for round_ in range(args.n):
        total = {True: 0.0, False: 0.0}
        for _, version in versions:
            order = (True, False) if round_ % 2 else (False, True)
            for tagged in order:
                seconds, size = _one(version, theme, tagged)
                total[tagged] += seconds
                sizes[tagged] = sizes[tagged] + size if round_ == 0 else sizes[tagged]
        for tagged in (True, False):
            times[tagged].append(total[tagged] / len(versions))
        ratios.append(total[True] / total[False])

    def describe(values: list[float]) -> str:
        low, _, high = (v * 1000 for v in statistics.quantiles(values, n=4))
        return f"median {statistics.median(values) * 1000:.1f} ms (IQR {low:.1f}–{high:.1f})"

    print(f"{len(versions)} outputs per round, n = {args.n} rounds")
    print(f"untagged per output: {describe(times[False])}")
    print(f"tagged per output:   {describe(times[True])}")
    q = statistics.quantiles(ratios, n=4)
    print(
        f"time tagged/untagged: median {statistics.median(ratios):.3f} (IQR {q[0]:.3f}–{q[2]:.3f})"
    )
    print(
        f"size: untagged {sizes[False] / 1024:.0f} KB, tagged {sizes[True] / 1024:.0f} KB "
        f"in all: {sizes[True] / sizes[False]:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
