"""Layout time per page for every script the clinic prints, against English (#16).

Run:  python benchmarks/bench_scripts.py [--repeat N] [--paragraphs N] [--locales en,lo]
                                          [--same-paragraphs]

For each locale, a leaflet of sample sentences (``tests/scripts_samples.py``, each
paragraph numbered and its sentences rotated, so the shaping cache sees realistic
reuse, not one repeated line) is built once to warm the process (font registration,
dictionaries). Then it is built ``--repeat`` times, each time right after English and
each time with new paragraph numbers, as a batch meets new paragraphs in the same
words (``--same-paragraphs``: rebuild one leaflet, as this script did before), and
its CPU time per filled page is divided by English's of that round. Printed: the
median time, the median ratio with its interquartile range, and n. Target: at most
2x English. A report, never a pass/fail test.

Pages are counted as filled, the last one by how far down its text reaches: 40
paragraphs fill 2.5 of English's 3 pages and 3.9 of Lao's 4, and dividing by whole
pages moved a locale's ratio by up to a fifth depending on where its text ended.

On a busy machine, count instructions instead (callgrind's counts repeat exactly):
    for k in 0 3; do valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.lo.$k \\
      python benchmarks/bench_scripts.py --once lo --repeat $k; done
``--once LOCALE`` warms up, then builds ``--repeat`` more times and prints nothing;
(count with 3 - count with 0) / 3 is one build.
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

import pypdfium2 as pdfium  # noqa: E402

from conftest import ORGANISATION  # noqa: E402
from msc_leaflet.build import build_leaflet  # noqa: E402
from msc_leaflet.project import Project  # noqa: E402
from scripts_samples import SAMPLES  # noqa: E402
from test_scripts_build import TITLES, leaflet  # noqa: E402

LOCALES = ["en", "th", "vi", "my", "km", "lo", "zh_Hans", "ja", "hi", "ar"]
TITLE = {**TITLES, "en": "Information for patients", "th": "ข้อมูลสำหรับผู้ป่วย"}
#: Text this close above a page's lowest text is its running footer, not the body.
FOOTER_BAND = 12.0


def project(root: Path, lang: str, paragraphs: int, first: int = 0) -> Project:
    """A project whose leaflet has ``paragraphs`` numbered from ``first``."""
    sentences = SAMPLES[lang] * 2
    texts = [
        f"{first + n}. "
        + " ".join(sentences[n % len(sentences) :] + sentences[: n % len(sentences)])
        for n in range(paragraphs)
    ]
    (root / "leaflets").mkdir(parents=True, exist_ok=True)
    (root / "organisations").mkdir(exist_ok=True)
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION, encoding="utf-8")
    text = leaflet(lang, TITLE[lang], texts)
    (root / "leaflets" / "sample.yaml").write_text(text, encoding="utf-8")
    return Project.at(root)


def body_extent(page: pdfium.PdfPage) -> tuple[float, float]:
    """(top, bottom) of the text on ``page`` above its running footer."""
    text = page.get_textpage()
    boxes = [text.get_charbox(i) for i in range(text.count_chars())]
    lowest = min(box[1] for box in boxes)
    body = [box for box in boxes if box[1] > lowest + FOOTER_BAND]
    return max(box[3] for box in body), min(box[1] for box in body)


def filled_pages(path: Path) -> float:
    """Pages of text: the last one counts as far as its text reaches down the page
    before it (a full one)."""
    document = pdfium.PdfDocument(str(path))
    pages = len(document)
    if pages < 2:
        return float(pages)
    _, full_bottom = body_extent(document[pages - 2])
    top, bottom = body_extent(document[pages - 1])
    return pages - 1 + min(1.0, (top - bottom) / (top - full_bottom))


class Sample:
    """One locale's leaflet, built once to warm up. Each `build` is of new paragraphs
    (numbered on from the last build's), unless ``same``: a batch builds every
    paragraph once, and a rebuild of the same paragraphs finds their ICU breaks and
    bidi levels cached (Arabic levels took 0.45 ms a paragraph, and never showed)."""

    def __init__(self, root: Path, lang: str, paragraphs: int, same: bool = False) -> None:
        self.root, self.lang, self.paragraphs, self.same = root / lang, lang, paragraphs, same
        self.first = 0
        self.project = project(self.root / "p", lang, paragraphs)
        path = build_leaflet(self.project, "sample", None, self.root / "out").path
        self.pages = filled_pages(path)

    def build(self) -> float:
        """CPU seconds to build the next leaflet (writing its source is not timed)."""
        if not self.same:
            self.first += 1000
            self.project = project(self.root / "p", self.lang, self.paragraphs, self.first)
        start = time.process_time()
        build_leaflet(self.project, "sample", None, self.root / "out")
        return time.process_time() - start


def quartiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    low, _, high = statistics.quantiles(values, n=4)
    return low, high


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--paragraphs", type=int, default=40)
    parser.add_argument("--locales", default=",".join(LOCALES), help="English comes first")
    parser.add_argument("--same-paragraphs", action="store_true", help="rebuild one leaflet")
    parser.add_argument("--once", metavar="LOCALE", help="for callgrind: no timing, no output")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.once:
            sample = Sample(Path(folder), args.once, args.paragraphs, args.same_paragraphs)
            for _ in range(args.repeat):
                sample.build()
            return
        # Each locale alternates with English, round by round, and is compared with the
        # English build just before it: a machine that gets busier slows both.
        english = Sample(Path(folder), "en", args.paragraphs, args.same_paragraphs)
        print(f"{'locale':8} {'pages':>5} {'ms/page':>8} {'× en':>6} {'IQR':>11}  n={args.repeat}")
        rows = []
        english_times: list[float] = []
        for lang in [x for x in args.locales.split(",") if x != "en"]:
            sample = Sample(Path(folder), lang, args.paragraphs, args.same_paragraphs)
            times, ratios = [], []
            for _ in range(args.repeat):
                before = english.build() / english.pages
                times.append(sample.build() / sample.pages)
                english_times.append(before)
                ratios.append(times[-1] / before)
            rows.append((lang, sample.pages, statistics.median(times), ratios))
        if english_times:  # its spread: each build against the median
            median = statistics.median(english_times)
            spread = [t / median for t in english_times]
            rows.insert(0, ("en", english.pages, median, spread))
        for lang, pages, median, ratios in rows:
            ratio = statistics.median(ratios)
            low, high = quartiles(ratios)
            verdict = "ok" if ratio <= 2.0 else "MISS"
            print(
                f"{lang:8} {pages:5.2f} {median * 1000:8.1f} {ratio:6.2f}"
                f" {low:5.2f}–{high:<5.2f}  {verdict}"
            )


if __name__ == "__main__":
    main()
