"""The page's own words (the ui catalog) printed in English in a translated leaflet.

A leaflet text left in English is named in a warning, and ``--strict`` refuses it; the
layout's own words ("Page 1 of 4", "References", the callout labels) fell back to
English without a word, even under ``--strict``: an untranslated, fuzzy or broken ui.po
entry gave a "Thai" leaflet English page furniture with exit 0.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from i18n_support import set_msgstr
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.project import Project

FIXTURE = Path(__file__).parent / "fixtures" / "i18n"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURE, tmp_path / "p")
    return Project.at(tmp_path / "p")


def edit_ui(project: Project, context: str, msgstr: str, fuzzy: bool = False) -> int:
    """Set the th ui.po entry ``context``; its line in the file written."""
    return set_msgstr(project.locales_dir / "th" / "LC_MESSAGES" / "ui.po", context, msgstr, fuzzy)


def ui_warnings(project: Project, tmp_path: Path, locale: str = "th") -> list[str]:
    result = build_leaflet(project, "care-basics", locale, tmp_path / "out")
    return [str(f) for f in result.findings if "ui.po" in str(f.location)]


def test_a_complete_ui_catalog_gives_no_warning(project: Project, tmp_path: Path) -> None:
    assert ui_warnings(project, tmp_path) == []


def test_an_untranslated_label_on_the_page_is_named(project: Project, tmp_path: Path) -> None:
    line = edit_ui(project, "page-of", "")
    [warning] = ui_warnings(project, tmp_path)
    assert "ui.po" in warning and "warning" in warning
    assert f"page-of (line {line})" in warning and "English" in warning


def test_a_fuzzy_label_is_named(project: Project, tmp_path: Path) -> None:
    edit_ui(project, "references", "บรรณานุกรม", fuzzy=True)
    [warning] = ui_warnings(project, tmp_path)
    assert "fuzzy" in warning and "references" in warning


def test_a_broken_label_is_named_with_its_problem(project: Project, tmp_path: Path) -> None:
    line = edit_ui(project, "page-of", "หน้า {page}")  # {pages} lost
    [warning] = ui_warnings(project, tmp_path)
    assert f"ui.po:{line}:" in warning and "page-of" in warning and "{pages}" in warning


def test_a_label_the_leaflet_does_not_print_is_not_reported(
    project: Project, tmp_path: Path
) -> None:
    edit_ui(project, "proof-watermark", "")  # only a proof prints it
    assert ui_warnings(project, tmp_path) == []


def test_a_locale_without_a_ui_catalog_is_named(project: Project, tmp_path: Path) -> None:
    (project.locales_dir / "th" / "LC_MESSAGES" / "ui.po").unlink()
    [warning] = ui_warnings(project, tmp_path)
    assert "no th catalog" in warning and "i18n init th" in warning


def test_english_needs_no_ui_catalog(project: Project, tmp_path: Path) -> None:
    assert ui_warnings(project, tmp_path, "en") == []
    assert ui_warnings(project, tmp_path, "en_GB") == []


def test_strict_refuses_page_words_in_english(project: Project, tmp_path: Path) -> None:
    edit_ui(project, "page-of", "")
    (project.root / "msc-leaflet.toml").write_text("[i18n]\nsignoff_required = []\n")
    out = tmp_path / "strict"
    with pytest.raises(LeafletError) as caught:
        build_leaflet(project, "care-basics", "th", out, options=Options(strict=True))
    assert "page-of" in str(caught.value) and "ui.po" in str(caught.value)
    assert not (out / "th" / "care-basics.pdf").exists()
