"""Did a change to how PDFs are written change what they show? Renders and text layers.

Run:  python benchmarks/compare_renders.py snapshot DIR OUT.json   (before the change)
      python benchmarks/compare_renders.py compare DIR BEFORE.json (after it)

``DIR`` is a build folder (``<locale>/<id>.pdf``). ``snapshot`` records, per PDF, a hash
of every page rendered by pypdfium2 at scale 2 and the text of every page from the four
extractors the tests read (pypdf, pdfminer, pdfium, pdftotext when installed);
``compare`` lists each PDF whose pixels or text differ and exits 1 when any does. The
bytes of the files may differ freely: how content is written is not what a reader sees.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
from pdfminer.high_level import extract_text
from pypdf import PdfReader


def _pages(path: Path) -> tuple[list[str], list[str]]:
    pdf = pdfium.PdfDocument(path)
    pixels, texts = [], []
    for page in pdf:
        bitmap = page.render(scale=2)
        pixels.append(hashlib.sha256(bytes(bitmap.buffer)).hexdigest())
        texts.append(page.get_textpage().get_text_range())
    return pixels, texts


def _record(path: Path) -> dict[str, object]:
    pixels, pdfium_text = _pages(path)
    record: dict[str, object] = {
        "pixels": pixels,
        "pdfium": pdfium_text,
        "pypdf": [page.extract_text() or "" for page in PdfReader(path).pages],
        "pdfminer": extract_text(str(path)),
        "bytes": path.stat().st_size,
    }
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
        record["pdftotext"] = run.stdout.decode()
    return record


def snapshot(folder: Path) -> dict[str, dict[str, object]]:
    return {str(p.relative_to(folder)): _record(p) for p in sorted(folder.rglob("*.pdf"))}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("snapshot", "compare"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)  # the "Run:" lines
        return 2
    command, folder, state = argv[0], Path(argv[1]), Path(argv[2])
    now = snapshot(folder)
    if command == "snapshot":
        state.write_text(json.dumps(now, ensure_ascii=False, indent=1))
        print(f"{len(now)} PDFs recorded in {state}")
        return 0
    before = json.loads(state.read_text())
    bad = 0
    for name, old in before.items():
        new = now.get(name)
        if new is None:
            print(f"{name}: missing")
            bad += 1
            continue
        diffs = [key for key in old if key != "bytes" and old[key] != new.get(key)]
        size = f"{old['bytes'] / 1024:.0f} → {new['bytes'] / 1024:.0f} KB"
        print(f"{name}: {'differs in ' + ', '.join(diffs) if diffs else 'identical'} ({size})")
        bad += bool(diffs)
    print(f"{len(before) - bad} of {len(before)} PDFs pixel- and text-identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
