"""A catalog a translator's editor saves while `i18n update` or `i18n import` works on it.

Both commands read every catalog, merge in memory, then replace the files. An editor
(Poedit, a text editor's autosave, a Weblate commit pulled in) that saved a catalog in
between used to have its work replaced by the merge of the older text: the
translations saved in those seconds were gone without a word. Now the command refuses,
naming the file, and leaves it as the editor saved it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke
from msc_leaflet.files import write_atomic
from msc_leaflet.i18n import workflow, xliff
from msc_leaflet.i18n.catalog import Catalog
from msc_leaflet.i18n.pofile import format_po

SAVED = "ข้อความที่ผู้แปลเพิ่งบันทึก"  # "text the translator has just saved"


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return copy_bundled(tmp_path)


def _editor_saves(po: Path) -> bytes:
    """What a translator's editor writes: the kicker translated anew."""
    text = po.read_text(encoding="utf-8")
    line = next(line for line in text.split("\n\n") if 'msgctxt "kicker"' in line)
    msgstr = line[line.index("msgstr") :]
    saved = text.replace(line, line.replace(msgstr, f'msgstr "{SAVED}"'))
    po.write_text(saved, encoding="utf-8")
    return saved.encode("utf-8")


def test_update_refuses_a_catalog_saved_while_it_merged(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    leaflet = bundled / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(source.replace("Safety of MSC infusions", "Safety of MSC drips", 1))
    merge = workflow.translation
    saved: list[bytes] = []

    def save_meanwhile(template: Catalog, locale: str, old: Catalog | None) -> Catalog:
        if old is not None and old.path == po and not saved:
            saved.append(_editor_saves(po))
        return merge(template, locale, old)

    monkeypatch.setattr(workflow, "translation", save_meanwhile)
    others = {p: p.read_bytes() for p in po.parent.glob("*.po") if p != po}
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 1, output
    assert "infusion-safety.po" in output and "Traceback" not in output
    assert po.read_bytes() == saved[0]  # the translator's save, whole
    assert {p: p.read_bytes() for p in others} == others  # nothing half updated
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert SAVED in po.read_text(encoding="utf-8")


def test_import_refuses_a_catalog_saved_while_it_merged(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, output = invoke("i18n", "export", "-l", "th", "--format", "xliff", "-o",
                          str(tmp_path / "x"), "--project", str(bundled))  # fmt: skip
    assert code == 0, output
    xlf = tmp_path / "x" / "infusion-safety.th.xlf"
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    merge = xliff.import_into
    saved: list[bytes] = []

    def save_meanwhile(catalog: Catalog, *args: object) -> object:
        saved.append(_editor_saves(po))
        return merge(catalog, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(xliff, "import_into", save_meanwhile)
    code, output = invoke("i18n", "import", str(xlf), "--project", str(bundled))
    assert code == 1, output
    assert "infusion-safety.po" in output and "Traceback" not in output
    assert po.read_bytes() == saved[0]


def test_two_updates_at_once_both_succeed(bundled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second `update` (a colleague's, a pre-commit hook's) that writes the catalog
    while this one merges it writes what this one would: no conflict, no error."""
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    leaflet = bundled / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(source.replace("Safety of MSC infusions", "Safety of MSC drips", 1))
    merge = workflow.translation

    def other_run_writes(template: Catalog, locale: str, old: Catalog | None) -> Catalog:
        merged = merge(template, locale, old)
        if old is not None and old.path == po:
            po.write_bytes(format_po(merged).encode("utf-8"))
        return merged

    monkeypatch.setattr(workflow, "translation", other_run_writes)
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert "Safety of MSC drips" in po.read_text(encoding="utf-8")


def test_init_keeps_a_catalog_saved_while_it_started_the_language(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`i18n init vi` looks for each catalog, then makes and writes a fresh one: a
    catalog saved in between (a translator's file copied in, a second `init vi` in
    another terminal that got there first) was replaced by the empty one."""
    folder = bundled / "locales" / "vi" / "LC_MESSAGES"
    shutil.rmtree(bundled / "locales" / "vi")
    po = folder / "infusion-safety.po"
    write = write_atomic
    saved: list[bytes] = []

    def saved_meanwhile(path: Path, data: bytes, **how: bool) -> bool:
        if path == po and not saved:  # the translator's copy lands just before the write
            po.write_bytes(data)
            saved.append(_editor_saves(po))
        return write(path, data, **how)

    monkeypatch.setattr(workflow, "write_atomic", saved_meanwhile)
    code, output = invoke("i18n", "init", "vi", "--project", str(bundled))
    assert code == 0, output
    assert saved and po.read_bytes() == saved[0]  # the translator's file, whole
    assert f"unchanged  {po}" in output
