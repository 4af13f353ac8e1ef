"""A catalog a translator's editor saves while `i18n update` or `i18n import` works on it.

Both commands read every catalog, merge in memory, then replace the files. An editor
(Poedit, a text editor's autosave, a Weblate commit pulled in) that saved a catalog in
between used to have its work replaced by the merge of the older text: the
translations saved in those seconds were gone without a word. Now the command refuses,
naming the file, and leaves it as the editor saved it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from i18n_support import copy_bundled, invoke
from msc_leaflet import project as project_files
from msc_leaflet.errors import LeafletError
from msc_leaflet.files import write_atomic
from msc_leaflet.i18n import pofile, workflow, xliff_import
from msc_leaflet.i18n.catalog import Catalog
from msc_leaflet.i18n.pofile import format_po
from msc_leaflet.project import Project

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

    def save_meanwhile(
        template: Catalog, locale: str, old: Catalog | None, **options: bool
    ) -> Catalog:
        if old is not None and old.path == po and not saved:
            saved.append(_editor_saves(po))
        return merge(template, locale, old, **options)

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
    merge = xliff_import.import_into
    saved: list[bytes] = []

    def save_meanwhile(catalog: Catalog, *args: object) -> object:
        saved.append(_editor_saves(po))
        return merge(catalog, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(xliff_import, "import_into", save_meanwhile)
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

    def other_run_writes(
        template: Catalog, locale: str, old: Catalog | None, **options: bool
    ) -> Catalog:
        merged = merge(template, locale, old, **options)
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

    def saved_meanwhile(path: Path, data: bytes, **how: Any) -> bool:
        if path == po and not saved:  # the translator's copy lands just before the write
            po.write_bytes(data)
            saved.append(_editor_saves(po))
        return write(path, data, **how)

    monkeypatch.setattr(project_files, "write_atomic", saved_meanwhile)  # `Project.write`
    code, output = invoke("i18n", "init", "vi", "--project", str(bundled))
    assert code == 0, output
    assert saved and po.read_bytes() == saved[0]  # the translator's file, whole
    assert f"unchanged  {po}" in output


def _waiting_on_a_lock(pid: int) -> bool:
    """Whether process ``pid`` waits for a lock another holds (Linux: /proc/locks lists
    each waiter with '->')."""
    locks = Path("/proc/locks").read_text(encoding="ascii")
    return any(
        line.split()[1] == "->" and line.split()[5] == str(pid) for line in locks.splitlines()
    )


@pytest.mark.skipif(not Path("/proc/locks").is_file(), reason="needs Linux's /proc/locks")
def test_two_sign_offs_at_once_keep_both_records(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviewer and the clinician sign off the Thai text at the same minute: each
    run read signoff.yaml, added its record and wrote the file back, so the later write
    dropped the other's record (and the approval the strict build asks for with it)."""
    from msc_leaflet.i18n import signoff

    write = write_atomic
    other: list[subprocess.Popen[bytes]] = []

    def other_signs_off_meanwhile(path: Path, data: bytes, **how: Any) -> bool:
        if not other:  # the clinician's run starts while this one is about to write
            command = [sys.executable, "-m", "msc_leaflet", "i18n", "review", "infusion-safety",
                       "-l", "th", "--by", "Dr. Malee Srisuk", "--role", "clinical",
                       "--project", str(bundled)]  # fmt: skip
            env = {**os.environ, "PYTHONPATH": str(Path(signoff.__file__).parents[2])}
            other.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                          stderr=subprocess.STDOUT))  # fmt: skip
            # Either it finished (it wrote over) or it waits for this one: no sleeping.
            while other[0].poll() is None and not _waiting_on_a_lock(other[0].pid):
                time.sleep(0.01)
        return write(path, data, **how)

    monkeypatch.setattr(project_files, "write_atomic", other_signs_off_meanwhile)
    code, output = invoke("i18n", "review", "infusion-safety", "-l", "th",
                          "--by", "Somchai Jaidee", "--role", "reviewer",
                          "--project", str(bundled))  # fmt: skip
    assert code == 0, output
    out, _ = other[0].communicate(timeout=120)
    assert other[0].returncode == 0, out.decode()
    roles = {(r.role, r.by) for r in signoff.read_signoffs(Project(bundled), "th")}
    assert {("reviewer", "Somchai Jaidee"), ("clinical", "Dr. Malee Srisuk")} <= roles


def _saves_while_written(
    monkeypatch: pytest.MonkeyPatch, written: Path, saved_po: Path
) -> list[bytes]:
    """The translator's editor saves ``saved_po`` while the command writes ``written``:
    once the new text is in a temporary file beside it and flushed to disk (the slow
    part: a disk's fsync takes milliseconds), before it is renamed into place. What
    it saved, once it has."""
    fsync = os.fsync
    saved: list[bytes] = []

    def save_meanwhile(fd: int) -> None:
        fsync(fd)
        if not saved and any(written.parent.glob(f".{written.name}.*.tmp")):
            saved.append(_editor_saves(saved_po))

    monkeypatch.setattr(os, "fsync", save_meanwhile)
    return saved


def test_update_keeps_a_catalog_saved_while_its_merge_is_written(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check that no editor saved the catalog ran before its new text was written
    and flushed to disk: a save in those milliseconds was replaced by the merge."""
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    leaflet = bundled / "leaflets" / "infusion-safety.yaml"
    source = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(source.replace("Safety of MSC infusions", "Safety of MSC drips", 1))
    saved = _saves_while_written(monkeypatch, po, po)
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 1, output
    assert "infusion-safety.po" in output and "Traceback" not in output
    assert saved and po.read_bytes() == saved[0]  # the translator's save, whole
    assert not list(po.parent.glob(".*.tmp"))
    monkeypatch.undo()
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert SAVED in po.read_text(encoding="utf-8")


def test_import_keeps_a_catalog_saved_while_an_earlier_one_is_written(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`i18n import` of an agency's files checked every catalog, then wrote them one
    by one: a catalog saved in Poedit while the ones before it were written was
    replaced by the import, and the translator's save was gone."""
    code, output = invoke("i18n", "export", "-l", "th", "--format", "xliff", "-o",
                          str(tmp_path / "x"), "--project", str(bundled))  # fmt: skip
    assert code == 0, output
    folder = bundled / "locales" / "th" / "LC_MESSAGES"
    first, second = folder / "choosing-a-clinic.po", folder / "infusion-safety.po"
    xlfs = [tmp_path / "x" / f"{po.stem}.th.xlf" for po in (first, second)]
    for xlf in xlfs:  # the agency translated the kicker of each
        text = xlf.read_text(encoding="utf-8")
        xlf.write_text(text.replace("</target>", " (แก้ไข)</target>", 1), encoding="utf-8")
    saved = _saves_while_written(monkeypatch, first, second)
    code, output = invoke("i18n", "import", *map(str, xlfs), "--project", str(bundled))
    assert code == 1, output
    assert "infusion-safety.po" in output and "Traceback" not in output
    assert "no catalog was changed" not in output  # one was: it says which were
    assert saved and second.read_bytes() == saved[0]  # the translator's save, whole
    assert not list(folder.glob(".*.tmp"))


def _caught_halfway(monkeypatch: pytest.MonkeyPatch, po: Path, halves: int = 1) -> list[float]:
    """Make the first ``halves`` reads of ``po`` end inside a msgstr halfway down the
    file, as a read meets an editor's in-place save (truncate, then write); the waits
    between reads are recorded, not slept."""
    read_bytes = pofile._read_catalog_bytes
    waits: list[float] = []

    def read(path: Path) -> bytes:
        data = read_bytes(path)
        if path == po and len(waits) < halves:
            return data[: data.index(b'msgstr "', len(data) // 2) + len(b'msgstr "')]
        return data

    monkeypatch.setattr(pofile, "_read_catalog_bytes", read)
    monkeypatch.setattr(time, "sleep", waits.append)
    return waits


def test_update_reads_again_a_catalog_caught_halfway_through_a_save(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that saves in place was caught half written: `update` said the catalog
    was broken at a line that is fine. It reads the file again once it has settled."""
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    translated = sum(entry.has_translation for entry in pofile.read_po(po).active)
    waits = _caught_halfway(monkeypatch, po)
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 0, output
    assert len(waits) == 1
    assert sum(entry.has_translation for entry in pofile.read_po(po).active) == translated


def test_a_catalog_that_never_settles_is_named_as_being_saved(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = bundled / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    before = po.read_bytes()
    waits = _caught_halfway(monkeypatch, po, halves=100)
    code, output = invoke("i18n", "update", "--project", str(bundled))
    assert code == 1 and "Traceback" not in output
    assert "infusion-safety.po" in output and "kept changing" in output
    assert sum(waits) < 1.5  # a second or so, not forever
    assert po.read_bytes() == before


@pytest.mark.parametrize(
    "broken",
    [b'msgid "kicker"\nmsgstr "no end\n', b'msgid "a"\nmsgstr "\xe0\xb8"\n'],
    ids=["unterminated", "not-utf8"],
)
def test_a_broken_catalog_that_stays_broken_is_reported_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: bytes
) -> None:
    po = tmp_path / "th.po"
    po.write_bytes(broken)
    waits: list[float] = []
    monkeypatch.setattr(time, "sleep", waits.append)
    with pytest.raises(LeafletError) as error:
        pofile.read_po(po)
    assert waits == []  # no retries for bytes that did not change
    assert error.value.location.line == 2
