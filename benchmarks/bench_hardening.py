"""Time and peak memory of the largest inputs the hardening limits allow (issue #18).

Run:  python benchmarks/bench_hardening.py [--only NAME,...] [--list]

Each case runs in a process of its own, which generates the project and builds it by a
fresh ``msc-leaflet build`` (peak RSS is that build's, or the catalog tools' if
larger); the table printed at the end is the one in docs/hardening.md, "Measured
bounds".
Wall time on the shared machine is noisy: CPU time (user + sys of the build process)
is what to compare between commits. Never used as a pass/fail test.

Cases:

* ``en-paragraph-*``: one English paragraph of 200 kB, 800 kB and 1.9 MB in the leaflet
  (the file limit is 2 MB). This was quadratic: 200 kB took 10 s, 800 kB 39 s.
* ``th-msgstr-1.9MB``: a Thai catalog whose one msgstr is 1.9 MB (the limit on a
  leaflet's translated text is 2,000,000 bytes): the largest translation that builds.
* ``en-msgstr-3MB``: a 3 MB msgstr, which used to run for more than a minute: refused
  by the text limit, with the .po line of the entry.
* ``citations-500``: one paragraph citing 500 references: refused with its line.
* ``images-at-limit``: four 4,000 × 4,000 RGBA PNGs (64 MB each decoded, the per-image
  limit; 256 MB together, the per-leaflet limit), each used twice.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
sys.path.insert(0, str(SRC))
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
}

ORGANISATION = "name: Test Clinic\nweb: https://example.org\n"
HEAD = """\
id: sample
language: en
title: A long leaflet
document:
  code: T-001
  version: "1"
  published: 2026-01-01
  next_review: 2027-01-01
organisation: test-clinic
disclaimer: This is not medical advice.
"""
WORDS = "Cells and tests reading labels with care plain words here "
THAI = "ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ และอย่าให้เปียกน้ำ "


@dataclass(frozen=True)
class Outcome:
    name: str
    input: str
    result: str  # pages built, or the first line of the message
    wall: float
    cpu: float
    rss_mb: float


def project(root: Path, blocks: str, references: str = "") -> Path:
    (root / "leaflets").mkdir(parents=True)
    (root / "organisations").mkdir()
    (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION)
    text = HEAD + "blocks:\n" + textwrap.indent(blocks, "  ") + references
    (root / "leaflets" / "sample.yaml").write_text(text, encoding="utf-8")
    return root


def repeat(words: str, size: int) -> str:
    """``words`` repeated to ``size`` UTF-8 bytes."""
    return (words * (size // len(words.encode()) + 1)).encode()[:size].decode(errors="ignore")


def with_catalog(root: Path, locale: str, msgstr: str) -> None:
    """Translate the leaflet into ``locale`` with ``msgstr`` for its one paragraph."""
    from msc_leaflet.i18n.pofile import read_po, write_po

    run(root, "i18n", "extract")
    run(root, "i18n", "init", locale)
    path = root / "locales" / locale / "LC_MESSAGES" / "sample.po"
    catalog = read_po(path)
    for entry in catalog.active:
        entry.msgstr = msgstr if entry.msgctxt.startswith("paragraph") else entry.msgid
    write_po(path, catalog)


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "msc_leaflet", *args],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


def measure(name: str, described: str, root: Path, locale: str = "en") -> Outcome:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = run(root, "build", "sample", "-l", locale, "--force")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    output = done.stdout + done.stderr
    if done.returncode == 0:
        result = next(line for line in output.splitlines() if " built, " in line).split("·")[1]
    else:
        message = next(line for line in output.splitlines() if "error:" in line)
        result = "refused: " + message.split("error: ", 1)[1]
    return Outcome(name, described, result.strip(), wall, cpu, after.ru_maxrss / 1024)


def en_paragraph(size: int) -> Callable[[Path], Outcome]:
    def case(root: Path) -> Outcome:
        project(root, f"- paragraph: {repeat(WORDS, size).strip()}\n")
        return measure(f"en-paragraph-{size // 1000}kB", f"one {size:,}-byte paragraph", root)

    return case


def th_msgstr(root: Path) -> Outcome:
    project(root, "- paragraph: Keep the bandage on for a day.\n")
    with_catalog(root, "th", repeat(THAI, 1_900_000).strip())
    return measure("th-msgstr-1.9MB", "one 1,900,000-byte Thai msgstr", root, "th")


def en_msgstr(root: Path) -> Outcome:
    project(root, "- paragraph: Keep the bandage on for a day.\n")
    with_catalog(root, "fr", repeat(WORDS, 3_000_000).strip())
    return measure("en-msgstr-3MB", "one 3,000,000-byte msgstr", root, "fr")


def citations(root: Path) -> Outcome:
    keys = [f"ref{n:03d}" for n in range(500)]
    references = "references:\n" + "".join(
        f"  - key: {key}\n    authors: [Author A]\n    title: Study {key}\n"
        f"    journal: J Test\n    year: 2001\n"
        for key in keys
    )
    cites = "".join(f"[@{key}]" for key in keys)
    project(root, f"- paragraph: Many studies say so {cites}.\n", references)
    return measure("citations-500", "one paragraph citing 500 references", root)


def images(root: Path) -> Outcome:
    from PIL import Image

    figures = "".join(f"- figure: picture-{n % 4}.png\n  alt: Picture {n}.\n" for n in range(8))
    project(root, figures)
    for n in range(4):
        gradient = Image.linear_gradient("L").resize((4000, 4000))
        Image.merge("RGBA", [gradient.rotate(90 * n)] * 3 + [gradient]).save(
            root / f"picture-{n}.png"
        )
    return measure("images-at-limit", "8 uses of 4 images of 64 MB decoded", root)


CASES: dict[str, Callable[[Path], Outcome]] = {
    "en-paragraph-200kB": en_paragraph(200_000),
    "en-paragraph-800kB": en_paragraph(800_000),
    "en-paragraph-1900kB": en_paragraph(1_900_000),
    "th-msgstr-1.9MB": th_msgstr,
    "en-msgstr-3MB": en_msgstr,
    "citations-500": citations,
    "images-at-limit": images,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # one case, in a child process
    args = parser.parse_args()
    if args.list:
        print("\n".join(CASES))
        return
    if args.case:
        with tempfile.TemporaryDirectory() as folder:
            print(json.dumps(dataclasses.asdict(CASES[args.case](Path(folder) / "project"))))
        return
    chosen = [name for name in CASES if not args.only or name in args.only.split(",")]
    outcomes = []
    for name in chosen:
        child = subprocess.run(
            [sys.executable, __file__, "--case", name],
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        outcome = Outcome(**json.loads(child.stdout.splitlines()[-1]))
        outcomes.append(outcome)
        print(
            f"{outcome.name}: {outcome.result} · {outcome.wall:.1f} s wall, "
            f"{outcome.cpu:.1f} s CPU, {outcome.rss_mb:.0f} MB",
            flush=True,
        )
    print("\n| input | result | time (CPU) | peak RSS |\n|---|---|---|---|")
    for o in outcomes:
        print(f"| {o.input} | {o.result} | {o.wall:.1f} s ({o.cpu:.1f} s) | {o.rss_mb:.0f} MB |")


if __name__ == "__main__":
    main()
