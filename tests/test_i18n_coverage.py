"""A catalog that is not its leaflet's is an error, not a silent English "translation".

translate-toolkit's po2xliff → xliff2po round trip drops every msgctxt; before issue #19
`build -l th` then wrote a Thai PDF entirely in English, with exit 0, and `i18n check`
reported nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke
from msc_leaflet.i18n.pofile import read_po, write_po


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


def catalog(root: Path, domain: str) -> Path:
    return root / "locales" / "th" / "LC_MESSAGES" / f"{domain}.po"


def strip_contexts(path: Path) -> None:
    """What po2xliff → xliff2po does: every msgctxt gone, the first of equal msgids kept."""
    po = read_po(path)
    seen: set[str] = set()
    kept = []
    for entry in po.entries:
        entry.msgctxt = None
        if entry.msgid not in seen:
            seen.add(entry.msgid)
            kept.append(entry)
    po.entries = kept
    write_po(path, po)


def test_bundled_catalogs_pass(bundled: Path) -> None:
    _, output = invoke("i18n", "check", "--project", str(bundled))
    assert "I18N014" not in output, output


def test_stripped_contexts_fail_check_and_build_naming_the_cause(
    bundled: Path, tmp_path: Path
) -> None:
    po = catalog(bundled, "infusion-safety")
    strip_contexts(po)
    code, output = invoke("i18n", "check", "--project", str(bundled))
    assert code == 1
    [line] = [line for line in output.splitlines() if "I18N014" in line]
    assert line.startswith(f"{po}:1: error: I18N014:")
    assert "have no msgctxt" in line and "drops contexts" in line

    out = tmp_path / "out"
    code, output = invoke(
        "build", "infusion-safety", "-l", "th", "--project", str(bundled), "-o", str(out)
    )
    assert code == 1
    assert "have no msgctxt" in output and "drops contexts" in output
    assert not (out / "th" / "infusion-safety.pdf").exists()
    # The other leaflets' catalogs are fine: their builds are not affected.
    code, output = invoke(
        "build", "stromal-or-stem", "-l", "th", "--project", str(bundled), "-o", str(out)
    )
    assert code == 0, output


def test_another_leaflets_catalog_is_named(bundled: Path) -> None:
    shutil.copy(catalog(bundled, "stromal-or-stem"), catalog(bundled, "infusion-safety"))
    code, output = invoke("i18n", "check", "--project", str(bundled))
    assert code == 1
    assert "probably that leaflet's catalog under the wrong name" in output
    assert "'stromal-or-stem'" in output


def test_check_relays_the_error(bundled: Path) -> None:
    strip_contexts(catalog(bundled, "infusion-safety"))
    code, output = invoke("check", "infusion-safety", "-l", "th", "--project", str(bundled))
    assert code == 1
    assert "error: I18N014:" in output
