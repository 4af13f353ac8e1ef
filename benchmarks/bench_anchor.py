"""msc-leaflet beside Typst on the shared EN+TH anchor leaflet (/work/shared/anchors):
cold start and PDF sizes, as paired ratios. Never a test.

Run:  python benchmarks/bench_anchor.py [-n 15] [--typst-python /tmp/anchors/bin/python]

Needs a venv with ``typst fontpkg-sarabun`` (see the anchors README) and ``msc-leaflet``
on PATH. Prints pbench's medians, IQRs and paired ratios for the cold EN+TH build
(as typed, and -j1), then the size of each PDF and the targets of issue #20.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ANCHORS = Path("/work/shared/anchors")
REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=15)
    parser.add_argument("--typst-python", default="/tmp/anchors/bin/python")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-anchor-"))
    project = tmp / "project"
    subprocess.run(
        [sys.executable, ANCHORS / "msc/gen_project.py", project, "--clone", REPO], check=True
    )
    typst = f"{args.typst_python} {ANCHORS / 'build_typst.py'} {tmp / 'typst'}"
    msc = f"msc-leaflet build anchor -l en -l th --force -q --out {tmp / 'msc'} -p {project}"
    subprocess.run(
        [sys.executable, ANCHORS / "msc/pbench.py", "-n", str(args.n), "--warmup", "1",
         f"typst={typst}", f"msc={msc}", f"msc_j1={msc} -j1"],
        check=True,
    )  # fmt: skip
    sizes = {
        "typst en": tmp / "typst/leaflet_en.pdf",
        "typst th": tmp / "typst/leaflet_th.pdf",
        "msc en": tmp / "msc/en/anchor.pdf",
        "msc th": tmp / "msc/th/anchor.pdf",
    }
    kb = {name: path.stat().st_size / 1024 for name, path in sizes.items()}
    for name, size in kb.items():
        print(f"{name:9} {size:6.1f} KB")
    print(f"msc th / msc en = {kb['msc th'] / kb['msc en']:.2f} (target <= 1.3)")
    print(f"msc th / typst th = {kb['msc th'] / kb['typst th']:.2f} (target < 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
