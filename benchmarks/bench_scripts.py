"""Layout time per page for every script the clinic prints, against English (#16).

Run:  python benchmarks/bench_scripts.py [--repeat N] [--paragraphs N]

For each locale, a leaflet of sample sentences (``tests/scripts_samples.py``, each
paragraph numbered and its sentences rotated, so the shaping cache sees realistic
reuse, not one repeated line) is built once to warm the process (font registration,
dictionaries), then ``--repeat`` times; the median CPU time per page is compared with
English. Target: at most 2x English. A report, never a pass/fail test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

from pypdf import PdfReader  # noqa: E402

from conftest import ORGANISATION  # noqa: E402
from msc_leaflet.build import build_leaflet  # noqa: E402
from msc_leaflet.project import Project  # noqa: E402
from scripts_samples import SAMPLES  # noqa: E402
from test_scripts_build import TITLES, leaflet  # noqa: E402

LOCALES = ["en", "th", "vi", "my", "km", "lo", "zh_Hans", "ja", "hi", "ar"]
TITLE = {**TITLES, "en": "Information for patients", "th": "ข้อมูลสำหรับผู้ป่วย"}


def project(root: Path, lang: str, paragraphs: int) -> Project:
    sentences = SAMPLES[lang] * 2
    texts = [
        f"{n}. " + " ".join(sentences[n % len(sentences) :] + sentences[: n % len(sentences)])
        for n in range(paragraphs)
    ]
    (root / "leaflets").mkdir(parents=True)
    (root / "organisations").mkdir()
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
    text = leaflet(lang, TITLE[lang], texts)
    (root / "leaflets" / "sample.yaml").write_text(text, encoding="utf-8")
    return Project.at(root)


def per_page(lang: str, repeat: int, paragraphs: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        built = project(Path(folder) / "p", lang, paragraphs)
        out = Path(folder) / "out"
        path = build_leaflet(built, "sample", None, out).path  # warm-up
        pages = len(PdfReader(path).pages)
        times = []
        for _ in range(repeat):
            start = time.process_time()
            build_leaflet(built, "sample", None, out)
            times.append(time.process_time() - start)
    return statistics.median(times) / pages, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--paragraphs", type=int, default=40)
    args = parser.parse_args()
    english = 0.0
    print(f"{'locale':8} {'pages':>5} {'ms/page':>8} {'× en':>6}  target ≤ 2.0")
    for lang in LOCALES:
        seconds, pages = per_page(lang, args.repeat, args.paragraphs)
        english = english or seconds
        ratio = seconds / english
        verdict = "ok" if ratio <= 2.0 else "MISS"
        print(f"{lang:8} {pages:5d} {seconds * 1000:8.1f} {ratio:6.2f}  {verdict}")


if __name__ == "__main__":
    main()
