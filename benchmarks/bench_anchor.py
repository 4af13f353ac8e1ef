"""msc-leaflet beside Typst on the shared EN+TH anchor leaflet (/work/shared/anchors):
cold start and PDF sizes, as paired ratios. Never a test.

Run:  python benchmarks/bench_anchor.py [-n 15] [--typst-python /tmp/anchors/bin/python]

Needs a venv with ``typst fontpkg-sarabun`` (see the anchors README) and ``msc-leaflet``
on PATH. Prints pbench's medians, IQRs and paired ratios for the cold EN+TH build
(as typed, -j1 and -j2), then the size of each PDF and the targets of issue #20.

The commands run as on a user's machine after ``pip install``: with
PYTHONDONTWRITEBYTECODE unset (a sandbox may set it), so the warm-up run leaves the
bytecode and the kept dataclass code (`msc_leaflet.cli.dataclass_code`) a cold start
reads; "cold" is a new process, not a machine that never ran the tool.
"""

from __future__ import annotations

import argparse
import os
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
    as_installed = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, ANCHORS / "msc/pbench.py", "-n", str(args.n), "--warmup", "1",
         f"typst={typst}", f"msc={msc}", f"msc_j1={msc} -j1", f"msc_j2={msc} -j2"],
        check=True, env=as_installed,
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
