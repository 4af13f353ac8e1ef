"""What the conformance step (XMP, PDF/A or PDF/X) and the font subset step add to the
final pass, per PDF, and what preflight costs.

Run:  python benchmarks/bench_conformance.py [--repeat N]

On the laid-out PDFs of one bundled leaflet in English and Thai (captured just before
the final pass), prints medians over N runs (default 15) of:

- ``final_pass`` alone, and with the step as a screen build (PDF/A-2u), a plain CMYK
  build (metadata only) and a PDF/X-4 build (a 13 KB test profile, `tests/icc_support`),
  and with the font subset step (`finishing/font_subset.py`);
- writing the same XMP through pikepdf's ``open_metadata()`` instead of the template;
- the bytes each adds, and ``preflight`` of the finished file.

Times are CPU time of this process (``time.process_time``), which moves less than wall
time on a shared machine. Never a pass/fail test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

import pikepdf  # noqa: E402

from icc_support import cmyk_profile  # noqa: E402
from msc_leaflet.build import build as build_module  # noqa: E402
from msc_leaflet.build import build_leaflet  # noqa: E402
from msc_leaflet.finishing import final_pass as final_pass_module  # noqa: E402
from msc_leaflet.finishing.conformance import Conformance, conformance_step  # noqa: E402
from msc_leaflet.finishing.font_subset import subset_fonts  # noqa: E402
from msc_leaflet.finishing.preflight import preflight  # noqa: E402
from msc_leaflet.layout import LayoutResult  # noqa: E402
from msc_leaflet.project import Project  # noqa: E402
from msc_leaflet.theme.output_intent import OutputIntent  # noqa: E402

LEAFLET = "infusion-safety"


def laid_out(locale: str, out: Path) -> LayoutResult:
    """What the layout wrote, before the final pass."""
    captured: list[LayoutResult] = []
    original = build_module.layout_leaflet

    def capture(*args: Any, **kwargs: Any) -> LayoutResult:
        captured.append(original(*args, **kwargs))
        return captured[-1]

    build_module.layout_leaflet = capture  # type: ignore[assignment]
    try:
        build_leaflet(Project.at(REPO), LEAFLET, locale, out)
    finally:
        build_module.layout_leaflet = original
    return captured[0]


def cpu_ms(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return (time.process_time() - start) * 1000


def added_ms(
    base: Callable[[], object], runs: dict[str, Callable[[], object]], repeat: int
) -> dict[str, float]:
    """Median over ``repeat`` rounds of (variant − base), each round running the base and
    every variant in turn, so a busy moment of the machine hits them alike."""
    for run in [base, *runs.values()]:
        run()  # warm: caches (sRGB profile, compressed press profile) filled once per process
    added: dict[str, list[float]] = {name: [] for name in runs}
    bases = []
    for _ in range(repeat):
        bases.append(cpu_ms(base))
        for name, run in runs.items():
            added[name].append(cpu_ms(run) - bases[-1])
    return {"base": statistics.median(bases)} | {k: statistics.median(v) for k, v in added.items()}


def open_metadata_step(pdf: pikepdf.Pdf) -> None:
    """The same facts through pikepdf's XMP editor, for comparison."""
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo, raise_failure=False)
        meta["dc:language"] = ["en"]
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "U"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "press.icc"
        profile.write_bytes(cmyk_profile())
        intent = OutputIntent(profile, "FOGRA39")
        steps: dict[str, Callable[[pikepdf.Pdf], None]] = {
            "PDF/A-2u": conformance_step(Conformance("PDF/A-2u", ("en",))),
            "none (CMYK)": conformance_step(Conformance("none", ("en",))),
            "PDF/X-4": conformance_step(
                Conformance("PDF/X-4", ("en",), intent, Path(folder) / "theme.yaml")
            ),
        }
        print(f"medians of {repeat} runs, CPU ms; sizes in bytes")
        for locale in ("en", "th"):
            report(locale, steps, Path(folder), repeat)


def report(
    locale: str, steps: dict[str, Callable[[pikepdf.Pdf], None]], folder: Path, repeat: int
) -> None:
    final_pass = final_pass_module.final_pass
    result = laid_out(locale, folder / "out")
    pdf = result.pdf
    steps = {**steps, "font subset": subset_fonts(result.codes_shown)}
    bare = final_pass(pdf)
    runs: dict[str, Callable[[], object]] = {
        name: (lambda step=step: final_pass(pdf, [step])) for name, step in steps.items()
    }
    runs["open_metadata() XMP"] = lambda: final_pass(pdf, [open_metadata_step])
    ms = added_ms(lambda: final_pass(pdf), runs, repeat)
    print(f"\n{locale}: final pass alone {ms['base']:.2f} ms, {len(bare):,} bytes")
    for name, step in steps.items():
        size = len(final_pass(pdf, [step])) - len(bare)
        print(f"  + {name:<20} {ms[name]:+6.2f} ms  {size:+6,} bytes")
    print(f"  + {'open_metadata() XMP':<20} {ms['open_metadata() XMP']:+6.2f} ms (instead)")
    finished = folder / f"{locale}.pdf"
    finished.write_bytes(final_pass(pdf, [steps["font subset"], steps["PDF/A-2u"]]))
    check = statistics.median(cpu_ms(lambda: preflight(finished)) for _ in range(repeat))
    with pikepdf.open(finished) as document:
        pages = len(document.pages)
    print(f"  preflight of the finished file: {check:.1f} ms ({pages} pages)")


if __name__ == "__main__":
    main()
