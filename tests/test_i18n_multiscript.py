"""Languages written in more than one script: Serbian (Cyrillic, Latin), Uzbek (Latin,
Cyrillic, Arabic), Punjabi (Gurmukhi, Arabic), Azerbaijani, Cantonese, as Chinese
(Simplified, Traditional). A bare tag is its language in CLDR's likely script (sr is
sr_Cyrl, as zh is zh_Hans); a catalog is never read, started from or accepted across
scripts; gettext's ``@modifier`` spelling in a Language header (Poedit's
``sr@latin``) names its script."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i18n_support import invoke
from msc_leaflet.i18n import workflow
from msc_leaflet.i18n.catalog import catalog_path
from msc_leaflet.i18n.pofile import read_po
from msc_leaflet.project import Project, locale_identity, translates_into

FIXTURE = Path(__file__).parent / "fixtures" / "i18n"
MSGFMT = shutil.which("msgfmt")


@pytest.mark.parametrize(
    ("tag", "identity"),
    [
        ("sr", "sr_Cyrl"),
        ("sr-RS", "sr_Cyrl_RS"),
        ("sr_ME", "sr_Latn_ME"),  # Montenegro writes Serbian in Latin letters
        ("uz", "uz_Latn"),
        ("uz_AF", "uz_Arab_AF"),
        ("pa", "pa_Guru"),
        ("pa_PK", "pa_Arab_PK"),
        ("az_IR", "az_Arab_IR"),
        ("yue", "yue_Hant"),
        ("yue_CN", "yue_Hans_CN"),
        ("zh", "zh_Hans"),
        ("zh_TW", "zh_Hant_TW"),
        ("th", "th"),  # one script: no th_Thai
    ],
)
def test_a_tag_is_its_language_in_its_likely_script(tag: str, identity: str) -> None:
    assert locale_identity(tag) == identity


@pytest.mark.parametrize(
    ("header", "folder", "belongs"),
    [
        ("sr", "sr_Cyrl", True),
        ("sr_Cyrl", "sr", True),
        ("sr-RS", "sr", True),
        ("sr_Latn", "sr", False),
        ("sr_ME", "sr", False),
        ("sr_ME", "sr_Latn", True),
        ("sr@latin", "sr_Latn", True),  # msginit's and Poedit's spelling
        ("sr_RS@latin", "sr_Latn", True),
        ("sr@latin", "sr", False),
        ("uz", "uz_Latn", True),
        ("uz_Cyrl", "uz", False),
        ("uz@cyrillic", "uz_Cyrl", True),
        ("uz@cyrillic", "uz", False),
        ("uz_AF", "uz", False),
        ("pa_IN", "pa", True),
        ("pa_PK", "pa", False),
        ("pa@arabic", "pa_Arab", True),
        ("az_IR", "az", False),
        ("yue_CN", "yue", False),
        ("zh_SG", "zh", True),
        ("zh_Hant", "zh", False),
    ],
)
def test_a_language_header_belongs_in_a_folder_of_its_own_script_only(
    header: str, folder: str, belongs: bool
) -> None:
    assert translates_into(header, folder) == belongs


@pytest.fixture
def bare(tmp_path: Path) -> Project:
    """The fixture project with its Thai catalogs copied to bare sr, uz and pa folders,
    each saying its language (the texts stand for that script's translation)."""
    shutil.copytree(FIXTURE, tmp_path / "p")
    locales = tmp_path / "p" / "locales"
    for language in ("sr", "uz", "pa"):
        shutil.copytree(locales / "th", locales / language)
        for po in (locales / language / "LC_MESSAGES").glob("*.po"):
            text = po.read_text("utf-8").replace('"Language: th\\n"', f'"Language: {language}\\n"')
            po.write_text(text, "utf-8")
    return Project.at(tmp_path / "p")


@pytest.mark.parametrize(
    ("locale", "folder"),
    [
        ("sr_Cyrl", "sr"),
        ("sr_RS", "sr"),
        ("sr_Latn", "sr_Latn"),  # its own, absent: never the Cyrillic one
        ("sr_ME", "sr_ME"),
        ("uz_Latn", "uz"),
        ("uz_UZ", "uz"),
        ("uz_Cyrl", "uz_Cyrl"),
        ("uz_AF", "uz_AF"),
        ("pa_Guru", "pa"),
        ("pa_IN", "pa"),
        ("pa_PK", "pa_PK"),
        ("pa_Arab", "pa_Arab"),
    ],
)
def test_a_build_reads_the_bare_folder_for_its_likely_script_only(
    bare: Project, locale: str, folder: str
) -> None:
    assert catalog_path(bare, locale, "care-basics").parent.parent.name == folder


def test_init_of_the_likely_script_is_the_bare_folder_and_another_script_starts_empty(
    bare: Project,
) -> None:
    """``init sr_Cyrl`` beside locales/sr is that locale, started already: no second
    folder, no leaflet built twice. ``init sr_Latn`` (or uz_Cyrl, pa_Arab) starts a
    locale of its own, empty: nothing of the Cyrillic (Latin, Gurmukhi) catalog is
    copied into it, so no text in the other script could print as if translated."""
    root = str(bare.root)
    for same, folder in (("sr_Cyrl", "sr"), ("uz_Latn", "uz"), ("pa_Guru", "pa")):
        code, output = invoke("i18n", "init", same, "-p", root)
        said = f"{same} is started already, in {bare.locales_dir / folder}\n"
        assert code == 0 and said in output, output
        assert not (bare.locales_dir / same).exists()
    for other in ("sr_Latn", "uz_Cyrl", "pa_Arab"):
        code, output = invoke("i18n", "init", other, "-p", root)
        assert code == 0 and "warning" not in output, output
        catalog = read_po(bare.locales_dir / other / "LC_MESSAGES" / "care-basics.po")
        assert catalog.header["Language"] == other
        assert not any(entry.has_translation for entry in catalog.active)
        assert "started from" not in " ".join(catalog.header_comments)


POEDIT_HEADER = """msgid ""
msgstr ""
"Project-Id-Version: care-basics 1.0\\n"
"POT-Creation-Date: 2026-01-01 00:00+0000\\n"
"PO-Revision-Date: 2026-02-03 10:00+0100\\n"
"Last-Translator: Jelena Petrović <jelena@example.org>\\n"
"Language-Team: Serbian (Latin)\\n"
"Language: sr@latin\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
"n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"
"X-Generator: Poedit 3.4.2\\n"
"""


@pytest.mark.parametrize(("folder", "refused"), [("sr_Latn", False), ("sr", True)])
def test_a_poedit_serbian_latin_catalog_is_checked_by_its_script(
    tmp_path: Path, folder: str, refused: bool
) -> None:
    """Poedit writes ``Language: sr@latin`` for Serbian in Latin letters: in
    locales/sr_Latn it was refused (I18N011) as another language's file. In locales/sr
    (Serbian in Cyrillic) it is refused, and the hint says why, in the scripts' names,
    and where the file belongs."""
    shutil.copytree(FIXTURE, tmp_path / "p")
    project = Project.at(tmp_path / "p")
    code, output = invoke("i18n", "init", "sr_Latn", "-q", "-p", str(project.root))
    assert code == 0, output
    po = project.locales_dir / "sr_Latn" / "LC_MESSAGES" / "ui.po"
    text = po.read_text("utf-8")
    po.write_text(POEDIT_HEADER + text[text.index("\n\n") :], "utf-8")
    if folder != "sr_Latn":
        (project.locales_dir / "sr_Latn").rename(project.locales_dir / folder)
        po = project.locales_dir / folder / "LC_MESSAGES" / "ui.po"
    findings = [
        f
        for f in workflow.check(project)
        if getattr(f, "code", "") == "I18N011" and f.location.path == po
    ]
    assert bool(findings) == refused, findings
    if refused:
        [finding] = findings
        assert finding.location.line == 8
        assert "Latin letters, sr in Cyrillic" in finding.hint
        assert "locales/sr_Latn/LC_MESSAGES/" in finding.hint
    code, output = invoke("i18n", "update", "ui", "-l", folder, "-p", str(project.root))
    assert code == 0, output
    assert '"Language: sr@latin\\n"' in po.read_text("utf-8")  # the translator's, kept
    if MSGFMT:
        import subprocess

        subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(po)], check=True)
