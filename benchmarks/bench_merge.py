"""Time of ``i18n update``'s merge on a 2,000-entry catalog (not a test: prints medians).

Run: ``python benchmarks/bench_merge.py``. The sentences are made from the words of the
bundled templates, ~100 characters like theirs. Two templates are merged into the same
fully translated catalog: a typical edit (10 % of the entries reworded, 2 % new, 2 %
deleted, so everything after a deletion moves to a new positional context), and the
worst case, a template where every text is new so every entry is searched against all
2,000 old translations. Measures the tree this file sits in.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from msc_leaflet.i18n.catalog import Catalog, Entry
from msc_leaflet.i18n.merge import merge
from msc_leaflet.i18n.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]

SIZE = 2000
ROUNDS = 5


def sentence(rng: random.Random, words: list[str]) -> str:
    text: list[str] = []
    while sum(len(w) + 1 for w in text) < rng.randint(40, 160):
        text.append(rng.choice(words))
    return " ".join(text).capitalize() + "."


def reworded(rng: random.Random, text: str, words: list[str]) -> str:
    parts = text.rstrip(".").split()
    parts[rng.randrange(len(parts))] = rng.choice(words)
    return " ".join(parts) + "."


def catalogs(rng: random.Random) -> tuple[Catalog, Catalog, Catalog]:
    words = sorted(
        {w.strip(".,;:()*").lower() for p in (ROOT / "locales").glob("*.pot")
         for e in read_po(p).active for w in e.msgid.split()} - {""}
    )  # fmt: skip
    texts = [sentence(rng, words) for _ in range(SIZE)]
    old = Catalog(entries=[
        Entry(msgid=t, msgctxt=f"paragraph/{i}", msgstr=f"แปล {i}") for i, t in enumerate(texts, 1)
    ])  # fmt: skip
    edited: list[str] = []
    for text in texts:
        roll = rng.random()
        if roll < 0.02:
            continue  # deleted
        if roll < 0.04:
            edited.append(sentence(rng, words))  # added
        edited.append(reworded(rng, text, words) if roll > 0.90 else text)
    typical = Catalog(entries=[
        Entry(msgid=t, msgctxt=f"paragraph/{i}") for i, t in enumerate(edited, 1)
    ])  # fmt: skip
    new = Catalog(entries=[
        Entry(msgid=sentence(rng, words), msgctxt=f"paragraph/{i}") for i in range(1, SIZE + 1)
    ])  # fmt: skip
    return old, typical, new


def median_seconds(template: Catalog, old: Catalog) -> tuple[float, float]:
    """Wall and CPU time; on a shared machine CPU time is the steadier one to compare."""
    wall, cpu = [], []
    for _ in range(ROUNDS):
        start, start_cpu = time.perf_counter(), time.process_time()
        merge(template, old, {})
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    old, typical, new = catalogs(random.Random(19))
    for name, template in (("typical edit", typical), ("every text new", new)):
        merged = merge(template, old, {})
        fuzzy = sum(e.fuzzy for e in merged.active)
        wall, cpu = median_seconds(template, old)
        size = len(template.active)
        print(f"{name:15} {size} entries {fuzzy:5} fuzzy {wall:6.2f} s ({cpu:.2f} s CPU)")


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__).parse_args()  # only --help
    main()
