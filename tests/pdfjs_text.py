"""pdf.js's text layer (what Firefox's viewer selects and its find bar searches).

Runs ``tests/pdfjs/text.mjs`` under Node with the pdfjs-dist version pinned in
``tests/pdfjs/package-lock.json`` (``.ci/run`` installs both: ``npm ci --prefix
tests/pdfjs``). Without Node or the package the caller's test skips, saying which.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent / "pdfjs"


def require_pdfjs() -> str:
    """The node executable; skips the test when Node or pdfjs-dist is missing."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (apt-get install -y nodejs): pdf.js cannot run")
    if not (HERE / "node_modules" / "pdfjs-dist" / "package.json").exists():
        pytest.skip("pdfjs-dist is not installed: run `npm ci --prefix tests/pdfjs`")
    return node


def run_pdfjs(script: str, path: Path, stdin: str = "", *flags: str) -> Any:
    """The JSON a script of tests/pdfjs prints for ``path`` (skips without pdf.js)."""
    node = require_pdfjs()
    result = subprocess.run(
        [node, str(HERE / script), str(path), *flags],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE,
    )
    return json.loads(result.stdout)


def pdfjs_items(path: Path) -> list[list[dict[str, object]]]:
    """getTextContent items per page: str, hasEOL, x, y, w, font."""
    pages: list[list[dict[str, object]]] = run_pdfjs("text.mjs", path)
    return pages


def extract_pdfjs(path: Path) -> str:
    """The text as pdf.js gives it: items joined, a newline at each end of line, pages
    separated by newlines (as Firefox's find bar joins them)."""
    pages = pdfjs_items(path)
    return "\n".join(
        "".join(str(item["str"]) + ("\n" if item["hasEOL"] else "") for item in page)
        for page in pages
    )


def pdfjs_find(path: Path, queries: list[str], *, match_diacritics: bool = False) -> dict[str, int]:
    """How many matches Firefox's find bar (pdf.js's PDFFindController, its default
    options) counts for each query in the whole document. Its normalisation is not
    `extract_pdfjs`'s text: it decomposes, ignores marks, joins a CJK line to the next
    and reads any other line end as a space. ``match_diacritics`` ticks the bar's
    "Match Diacritics" box (marks then count as typed)."""
    flags = ["--match-diacritics"] if match_diacritics else []
    found: dict[str, dict[str, int]] = run_pdfjs("find.mjs", path, json.dumps(queries), *flags)
    return found["counts"]
