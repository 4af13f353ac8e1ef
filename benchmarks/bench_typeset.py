"""Layout time per A4 page, Thai vs English of similar length (not a test: prints medians).

Run: ``python benchmarks/bench_typeset.py``. Each round builds a fresh process-warm
document (fonts registered, caches warm as in a real multi-leaflet build) and divides
the build time by the page count. Targets: English ≤ 30 ms/page, Thai ≤ 60 ms/page and
≤ 2× English. CPU time is printed beside wall time: on a shared machine it is the
steadier number to compare between commits. Measures the tree this file sits in.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from msc_leaflet.typeset import Run, default_family, make_paragraph
from typeset_support import THAI_PARAGRAPHS, WORDS, runs_for

ENGLISH = (
    "Mesenchymal stromal cells are cells found in bone marrow, fat tissue and the umbilical "
    "cord. In the laboratory they can divide and multiply, and they release substances such "
    "as cytokines and exosomes that may reduce inflammation and help tissue repair itself. "
    "Before treatment your doctor will explain each step, the possible benefits and the risks "
    "in detail; you may ask questions at any time and you may refuse or withdraw without any "
    "effect on your usual care. After treatment drink plenty of water, rest and watch for a "
    "fever above 38 degrees, difficulty breathing or a rash, and call the hospital at once."
)


ROUNDS = 7
TARGETS = {"en": 30, "th": 60}


def build(lang: str, repeat: int) -> tuple[float, float, int]:
    """Wall and CPU seconds to build ``repeat`` rounds of text, and the page count."""
    family = default_family()
    style = ParagraphStyle(
        "b", fontName=family.regular, fontSize=11, leading=17.6, alignment=TA_JUSTIFY, spaceAfter=6
    )
    start, cpu = time.perf_counter(), time.process_time()
    if lang == "th":
        story = [
            make_paragraph(runs_for(p), style, "th", words=WORDS)
            for _ in range(repeat)
            for p in THAI_PARAGRAPHS
        ]
    else:
        story = [
            make_paragraph([Run(ENGLISH, family.regular, 11, black)], style, "en")
            for _ in range(repeat * 3)
        ]
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    doc.build(story)
    return time.perf_counter() - start, time.process_time() - cpu, doc.page


def main() -> None:
    characters = {
        "th": sum(len("".join(t for t, _ in p)) for p in THAI_PARAGRAPHS),
        "en": len(ENGLISH) * 3,
    }
    print(f"characters per repeat: Thai {characters['th']}, English {characters['en']}")
    build("th", 1)  # warm up: font registration, HarfBuzz objects
    build("en", 1)
    medians = {}
    for lang in ("th", "en"):
        per_page, cpu_per_page = [], []
        for _ in range(ROUNDS):
            seconds, cpu, pages = build(lang, 8)
            per_page.append(1000 * seconds / pages)
            cpu_per_page.append(1000 * cpu / pages)
        medians[lang] = statistics.median(per_page)
        print(
            f"{lang}: median {medians[lang]:.1f} ms/page (min {min(per_page):.1f}, "
            f"CPU median {statistics.median(cpu_per_page):.1f}), {pages} pages, n={ROUNDS} "
            f"(target ≤ {TARGETS[lang]} ms/page)"
        )
    print(f"th/en: {medians['th'] / medians['en']:.2f}× (target ≤ 2×)")


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__).parse_args()  # only --help
    main()
