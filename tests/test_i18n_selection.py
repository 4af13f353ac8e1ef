"""Which catalogs ``i18n update`` and ``i18n compile`` touch: the leaflet ids and ``-l``
locales typed, read as ``i18n stats`` and ``check`` read theirs (`select_catalogs`);
and a catalog of no leaflet, which compile skips with a warning and never deletes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from i18n_support import copy_bundled, invoke
from msc_leaflet.i18n.pofile import read_po

MSGFMT = shutil.which("msgfmt")


def _snapshot(root: Path) -> dict[Path, bytes]:
    """Every file under locales/, by its path inside the project."""
    locales = root / "locales"
    return {p.relative_to(root): p.read_bytes() for p in locales.rglob("*") if p.is_file()}


def _retitle(root: Path, leaflet: str, old: str, new: str) -> None:
    path = root / "leaflets" / f"{leaflet}.yaml"
    text = path.read_text("utf-8")
    assert f"title: {old}\n" in text
    path.write_text(text.replace(f"title: {old}\n", f"title: {new}\n", 1), "utf-8")


def _changed(before: dict[Path, bytes], root: Path) -> set[str]:
    after = _snapshot(root)
    return {p.as_posix() for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def test_update_writes_only_the_selected_catalogs_and_their_templates(tmp_path: Path) -> None:
    """Two leaflets edited; ``update infusion-safety -l th`` merges that one Thai catalog
    and its template, and leaves every other file as it was, to the byte: the
    translator of one leaflet gets no diff in the others'."""
    root = copy_bundled(tmp_path)
    _retitle(root, "infusion-safety", "Safety of MSC infusions", "Safety of MSC drips")
    _retitle(root, "choosing-a-clinic", "Choosing a clinic", "Choosing a good clinic")
    before = _snapshot(root)
    code, output = invoke("i18n", "update", "infusion-safety", "-l", "th", "-p", str(root))
    assert code == 0 and "Traceback" not in output, output
    assert _changed(before, root) == {
        "locales/infusion-safety.pot",
        "locales/th/LC_MESSAGES/infusion-safety.po",
    }
    [title] = [
        e
        for e in read_po(root / "locales/th/LC_MESSAGES/infusion-safety.po").active
        if e.msgid == "Safety of MSC drips"
    ]
    assert title.fuzzy and title.previous_msgid == "Safety of MSC infusions" and title.msgstr
    # The whole update afterwards finds the other one, as it always did.
    code, output = invoke("i18n", "update", "-p", str(root))
    assert code == 0 and "choosing-a-clinic.po" in output
    if MSGFMT:
        for po in (root / "locales/th/LC_MESSAGES").glob("*.po"):
            subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(po)], check=True)


def test_update_of_one_locale_leaves_the_other_languages_alone(tmp_path: Path) -> None:
    """``update ui -l vi``: the Vietnamese interface catalog only, however many
    languages the project has; with ``-l`` alone, every catalog of that locale."""
    root = copy_bundled(tmp_path)
    po = root / "locales/vi/LC_MESSAGES/ui.po"
    po.write_bytes(po.read_bytes().replace(b"\n\n", b"\n\n\n", 1))  # a blank line more
    th = root / "locales/th/LC_MESSAGES/ui.po"
    th.write_bytes(th.read_bytes().replace(b"\n\n", b"\n\n\n", 1))
    before = _snapshot(root)
    code, output = invoke("i18n", "update", "ui", "-l", "vi", "-p", str(root))
    assert code == 0, output
    assert _changed(before, root) == {"locales/vi/LC_MESSAGES/ui.po"}
    code, output = invoke("i18n", "update", "-l", "th", "-p", str(root))
    assert code == 0, output
    changed = {"locales/vi/LC_MESSAGES/ui.po", "locales/th/LC_MESSAGES/ui.po"}
    assert _changed(before, root) == changed


def test_update_of_one_leaflet_keeps_a_text_moved_from_another(tmp_path: Path) -> None:
    """A heading moved from infusion-safety to choosing-a-clinic: updating only
    choosing-a-clinic still gives it its Thai translation (fuzzy, from the other
    leaflet's catalog, which is read but not written)."""
    root = copy_bundled(tmp_path)
    moved = "  - heading: What an infusion is\n    id: infusion\n"
    source = root / "leaflets/infusion-safety.yaml"
    text = source.read_text("utf-8")
    block = moved + "    note: Keep headings short; they are also PDF bookmarks.\n\n"
    assert block in text
    source.write_text(text.replace(block, "", 1), "utf-8")
    target = root / "leaflets/choosing-a-clinic.yaml"
    written = target.read_text("utf-8")
    target.write_text(written.replace("blocks:\n", f"blocks:\n{moved}\n", 1), "utf-8")
    th = {
        e.msgid: e.msgstr
        for e in read_po(root / "locales/th/LC_MESSAGES/infusion-safety.po").active
    }
    before = _snapshot(root)
    code, output = invoke("i18n", "update", "choosing-a-clinic", "-l", "th", "-p", str(root))
    assert code == 0, output
    assert "locales/th/LC_MESSAGES/infusion-safety.po" not in _changed(before, root)
    catalog = read_po(root / "locales/th/LC_MESSAGES/choosing-a-clinic.po")
    [entry] = [e for e in catalog.active if e.msgid == "What an infusion is"]
    assert entry.fuzzy and entry.msgstr == th["What an infusion is"] != ""


def test_compile_writes_the_selected_catalogs_only(tmp_path: Path) -> None:
    root = copy_bundled(tmp_path)
    code, output = invoke("i18n", "compile", "ui", "infusion-safety", "-l", "th", "-p", str(root))
    assert code == 0, output
    made = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.mo"))
    assert made == [
        "locales/th/LC_MESSAGES/infusion-safety.mo",
        "locales/th/LC_MESSAGES/ui.mo",
    ]


@pytest.mark.parametrize("quiet", [False, True])
def test_compile_skips_a_catalog_of_no_leaflet_and_keeps_it(tmp_path: Path, quiet: bool) -> None:
    """A leaflet renamed: its old .po has no template. compile writes no .mo for it
    (another program would find a withdrawn leaflet's words), says so on stderr, in
    --quiet too, naming the file and what to do, and leaves the .po as it was."""
    root = copy_bundled(tmp_path)
    source = root / "leaflets/infusion-safety.yaml"
    text = source.read_text("utf-8").replace("id: infusion-safety", "id: infusion-risks", 1)
    (root / "leaflets/infusion-risks.yaml").write_text(text, "utf-8")
    source.unlink()
    old = root / "locales/th/LC_MESSAGES/infusion-safety.po"
    stale = old.with_suffix(".mo")
    stale.write_bytes(b"")  # written by an earlier compile
    kept = old.read_bytes()
    code, output = invoke("i18n", "compile", "-p", str(root), *(["-q"] if quiet else []))
    assert code == 0 and "Traceback" not in output, output
    warning = [line for line in output.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1, output
    assert "locales/th/LC_MESSAGES/infusion-safety.po" in warning[0]
    assert "no leaflet 'infusion-safety'" in warning[0] and "i18n update" in warning[0]
    assert "infusion-safety.mo" in warning[0] and "delete it" in warning[0]
    assert old.read_bytes() == kept and stale.read_bytes() == b""
    assert (root / "locales/th/LC_MESSAGES/what-msc-can-do.mo").stat().st_size > 0
    assert ("created" in output) != quiet


@pytest.mark.parametrize("command", ["update", "compile"])
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-l", "fr"], "--locale fr: error: no fr catalogs in this project"),
        (["infusion-safty"], "no leaflet 'infusion-safty'"),
    ],
    ids=["no-catalogs", "misspelt-leaflet"],
)
def test_a_selection_the_project_lacks_is_refused_before_any_write(
    tmp_path: Path, command: str, args: list[str], message: str
) -> None:
    root = copy_bundled(tmp_path)
    before = _snapshot(root)
    code, output = invoke("i18n", command, *args, "-p", str(root))
    assert code == 1 and message in output and "Traceback" not in output, output
    assert not _changed(before, root)


@pytest.mark.parametrize("command", ["stats", "check", "update", "compile"])
def test_a_leaflet_a_language_does_not_translate_yet_is_refused_not_shown_as_done(
    tmp_path: Path, command: str
) -> None:
    """Vietnamese has only the page's words (ui.po): ``compile what-msc-can-do -l vi``
    printed nothing, stats an empty table, exit 0, which reads as "all done"."""
    root = copy_bundled(tmp_path)
    before = _snapshot(root)
    code, output = invoke("i18n", command, "what-msc-can-do", "-l", "vi", "-p", str(root))
    assert code == 1 and "Traceback" not in output, output
    assert "no catalog of what-msc-can-do in vi: vi translates none of the leaflets yet" in output
    assert "msc-leaflet i18n init vi" in output and "translated into: th" in output
    assert not _changed(before, root)


def test_update_of_a_catalog_not_made_yet_makes_it(tmp_path: Path) -> None:
    """What update would make is no empty selection: the ui.po of a locale that lost
    it, and the catalog of a leaflet new since the last update, in a language that
    translates leaflets."""
    root = copy_bundled(tmp_path)
    ui = root / "locales/th/LC_MESSAGES/ui.po"
    ui.unlink()
    source = (root / "leaflets/what-msc-can-do.yaml").read_text("utf-8")
    new = source.replace("id: what-msc-can-do", "id: what-msc-cannot-do", 1)
    (root / "leaflets/what-msc-cannot-do.yaml").write_text(new, "utf-8")
    for domain in ("ui", "what-msc-cannot-do"):
        code, output = invoke("i18n", "update", domain, "-l", "th", "-p", str(root))
        assert code == 0 and "created" in output, output
    assert ui.is_file() and (root / "locales/th/LC_MESSAGES/what-msc-cannot-do.po").is_file()


def test_one_leaflet_s_update_and_compile_keep_all_a_lokalize_catalog_holds(
    tmp_path: Path,
) -> None:
    """A catalog Lokalize saved on Windows (CRLF, a byte-order mark, its generator in the
    header), with a translator's comment, a ``#=`` line and an obsolete entry that keeps
    its earlier text (``#~|``), through ``update infusion-safety -l th`` after the title
    changed, then ``compile``: every translation, comment and line of it is still in
    the file, its line ends are CRLF, msgfmt accepts it, and the .mo gives gettext what
    msgfmt's gives it."""
    import gettext
    import io

    root = copy_bundled(tmp_path)
    po = root / "locales/th/LC_MESSAGES/infusion-safety.po"
    text = po.read_text("utf-8")
    text = text.replace(
        '"Content-Transfer-Encoding: 8bit\\n"\n',
        '"Content-Transfer-Encoding: 8bit\\n"\n"X-Generator: Lokalize 23.08.5\\n"\n',
        1,
    )
    first = text.index("\n\n") + 2
    kept = ["# ตรวจแล้ว: คุณมาลี", "#= no-wrap"]
    text = text[:first] + "\n".join(kept) + "\n" + text[first:]
    obsolete = (
        '\n#, fuzzy\n#~| msgid "A sentence the author removed."\n#~ msgctxt "removed"\n'
        '#~ msgid "A sentence the author removed, edited."\n#~ msgstr "ประโยคที่ผู้เขียนนำออก"\n'
    )
    text = text.rstrip("\n") + "\n" + obsolete
    po.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    old = read_po(po)
    _retitle(root, "infusion-safety", "Safety of MSC infusions", "Safety of MSC drips")
    code, output = invoke("i18n", "update", "infusion-safety", "-l", "th", "-p", str(root))
    assert code == 0, output
    data = po.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and data.count(b"\n") == data.count(b"\r\n")
    written = data.decode("utf-8")
    for line in [
        *kept,
        "X-Generator: Lokalize 23.08.5",
        '#~| msgid "A sentence the author removed."',
    ]:
        assert line in written
    new = read_po(po)
    translations = {form for entry in new.entries for form in entry.forms if form}
    assert {form for entry in old.entries for form in entry.forms if form} <= translations
    if not MSGFMT:
        return
    subprocess.run([MSGFMT, "--check", "-o", str(tmp_path / "gnu.mo"), str(po)], check=True)
    code, output = invoke("i18n", "compile", "infusion-safety", "-l", "th", "-p", str(root))
    assert code == 0, output
    ours = gettext.GNUTranslations(io.BytesIO(po.with_suffix(".mo").read_bytes()))
    gnu = gettext.GNUTranslations(io.BytesIO((tmp_path / "gnu.mo").read_bytes()))
    assert ours._catalog == gnu._catalog  # type: ignore[attr-defined]
