"""Catalogs saved by Weblate or Poedit: same build, and `i18n update` restores our form (#19).

Weblate (translate-toolkit) wraps msgid/msgstr lines at 77 columns by default, Poedit
(libgettextpo) at 79; our canonical form does not wrap. docs/translating.md shows the
settings that keep diffs quiet; this test makes sure a wrapped file is harmless anyway.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke

_STRING = re.compile(r'^((?:#~ )?(?:msgctxt|msgid|msgstr|msgid_plural)(?:\[\d+\])?) "(.*)"$')


def wrap(text: str, width: int) -> str:
    """gettext-style wrapping: `keyword ""`, then quoted pieces broken after spaces."""
    out = []
    for line in text.split("\n"):
        match = _STRING.match(line)
        if not match or len(line) <= width:
            out.append(line)
            continue
        keyword, value = match.groups()
        out.append(f'{keyword} ""')
        piece = ""
        for word in re.split(r"(?<= )", value):
            if piece and len(piece) + len(word) + 2 > width:
                out.append(f'"{piece}"')
                piece = ""
            piece += word
        out.append(f'"{piece}"')
    return "\n".join(out)


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")
    return copy_bundled(tmp_path)


def build(root: Path, out: Path) -> bytes:
    code, output = invoke(
        "build", "infusion-safety", "-l", "th", "--force", "--project", str(root), "-o", str(out)
    )
    assert code == 0, output
    return (out / "th" / "infusion-safety.pdf").read_bytes()


@pytest.mark.parametrize(("tool", "width"), [("weblate", 77), ("poedit", 79)])
def test_wrapped_catalog_builds_identically_and_update_restores_it(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tool: str, width: int
) -> None:
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    canonical = po.read_text(encoding="utf-8")
    expected = build(bundled, tmp_path / "before")
    wrapped = wrap(canonical, width)
    assert wrapped != canonical and wrapped.count("\n") > canonical.count("\n") + 50
    po.write_text(wrapped, encoding="utf-8")
    assert build(bundled, tmp_path / "after") == expected
    monkeypatch.delenv("SOURCE_DATE_EPOCH")  # it would date the templates
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert po.read_text(encoding="utf-8") == canonical
