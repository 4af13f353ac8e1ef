"""Localisation: the leaflet model in a locale, the ui labels, dates and language names."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from i18n_support import msgstr_line, set_msgstr
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.content.model import Leaflet, texts
from msc_leaflet.errors import CheckFinding, LeafletError
from msc_leaflet.i18n import (
    catalog_locales,
    format_date,
    language_name,
    localize,
    ui_labels,
    workflow,
)
from msc_leaflet.i18n.pofile import read_po, write_po
from msc_leaflet.project import Project

FIXTURE = Path(__file__).parent / "fixtures" / "i18n"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURE, tmp_path / "p")
    return Project.at(tmp_path / "p")


def source(project: Project) -> Leaflet:
    return load_leaflet(project.leaflet_path("care-basics"), project)[0]


def edit(project: Project, context: str, msgstr: str, fuzzy: bool = False) -> int:
    """Set the th catalog's entry ``context``; its line in the file written."""
    return set_msgstr(
        project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po", context, msgstr, fuzzy
    )


def by_context(leaflet: Leaflet) -> dict[str, str]:
    return {t.context: t.value for t in texts(leaflet)}


def test_complete_catalog_translates_everything_but_optional_ref_titles(project: Project) -> None:
    leaflet, findings = localize(source(project), "th", project)
    assert findings == []
    assert leaflet.language == "th"
    values = by_context(leaflet)
    assert values["first-day"] == "วันแรก"
    assert values["ref/alpha2001/title"] == "A first study of cells"  # kept, no warning


def test_source_locale_is_returned_unchanged(project: Project) -> None:
    leaflet = source(project)
    assert localize(leaflet, "en", project) == (leaflet, [])


def test_untranslated_entries_fall_back_with_one_warning(project: Project) -> None:
    edit(project, "first-day", "")
    edit(project, "call-us/2", "")
    # Named at the msgstr, where the translation is typed (the msgctxt is 2 lines up).
    line = msgstr_line(project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po", "call-us/2")
    leaflet, findings = localize(source(project), "th", project)
    assert by_context(leaflet)["first-day"] == "The first day"
    [warning] = findings
    assert warning.severity == "warning"
    assert "2 untranslated" in warning.message
    assert "first-day (line " in warning.message and f"call-us/2 (line {line})" in warning.message


def test_texts_printed_untranslated_are_named_at_their_catalog_line(project: Project) -> None:
    """The warning names the .po file: each entry it lists is named at its msgstr's
    line there (a translator opened the catalog at "line 59" of the leaflet and found
    another entry). A text the catalog does not hold yet is named at its leaflet line."""
    edit(project, "first-day", "วันแรก", fuzzy=True)
    path = project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po"
    catalog = read_po(path)
    catalog.entries = [e for e in catalog.entries if e.msgctxt != "call-us/2"]
    write_po(path, catalog)
    leaflet = source(project)
    yaml_line = next(t.line for t in texts(leaflet) if t.context == "call-us/2")
    _, findings = localize(leaflet, "th", project)
    by_kind = {"fuzzy" if "fuzzy" in f.message else "untranslated": f for f in findings}
    assert by_kind["fuzzy"].location.path == path
    fuzzy = msgstr_line(path, "first-day")  # the msgstr: where the translator reviews it
    assert f"first-day (line {fuzzy})" in by_kind["fuzzy"].message
    assert f"call-us/2 (not in the catalog yet; leaflet line {yaml_line})" in (
        by_kind["untranslated"].message
    )


def test_fuzzy_is_used_only_when_allowed(project: Project) -> None:
    edit(project, "first-day", "วันแรก", fuzzy=True)
    leaflet, findings = localize(source(project), "th", project)
    assert by_context(leaflet)["first-day"] == "The first day"
    assert "fuzzy" in findings[0].message and "first-day" in findings[0].message
    leaflet, findings = localize(source(project), "th", project, allow_fuzzy=True)
    assert by_context(leaflet)["first-day"] == "วันแรก" and findings == []


def test_translation_failing_checks_is_not_printed(project: Project) -> None:
    edit(project, "short-answer", "พักผ่อน 24 ชั่วโมง")  # lost bold and citation
    leaflet, findings = localize(source(project), "th", project)
    assert by_context(leaflet)["short-answer"].startswith("Rest for **24 hours**")
    [warning] = findings
    assert "short-answer" in warning.message and "[I18N005] citation missing" in warning.message
    assert warning.location.line > 0


def test_refused_translation_is_placed_from_the_catalog_read_once(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warning names the column of the citation the source lacks, read from the
    parse the localisation made: the whole catalog is parsed once, not again to place
    the warning (a catalog more per translated output of a batch, #20)."""
    from msc_leaflet.i18n import pofile, typed

    edit(project, "first-day", "วันแรก [@alpha2001]")
    catalog = project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po"
    parsed: list[Path] = []
    parse = pofile.parse_po

    def counted(text: str, path: Path = Path("<string>"), sources: bool = False) -> object:
        parsed.append(path)
        return parse(text, path, sources)

    monkeypatch.setattr(pofile, "parse_po", counted)
    monkeypatch.setattr(typed, "parse_po", counted, raising=False)  # its own import, if any
    _, findings = localize(source(project), "th", project)
    [warning] = findings
    assert "[I18N005] citation not in the source" in warning.message
    assert warning.location.line == msgstr_line(catalog, "first-day")
    assert warning.location.column == len('msgstr "วันแรก [') + 1
    assert parsed.count(catalog) == 1


def test_check_and_build_agree_on_a_translation_in_plural_form(project: Project) -> None:
    """A hand-made plural entry for a text looked up as one msgstr is not printed: the
    build and `i18n check` say so alike, and `update` keeps msgstr[0] as a fuzzy msgstr."""
    path = project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po"
    catalog = read_po(path)
    [entry] = [e for e in catalog.active if e.msgctxt == "first-day"]
    entry.msgid_plural, entry.msgstr_plural, entry.msgstr = "The first days", {0: "วันแรก"}, ""
    write_po(path, catalog)
    leaflet, findings = localize(source(project), "th", project)
    assert by_context(leaflet)["first-day"] == "The first day"
    [built] = [f for f in findings if "first-day" in f.message]
    [checked] = [f for f in workflow.check_catalog(read_po(path)) if "first-day" in f.message]
    assert isinstance(checked, CheckFinding)
    assert checked.severity == "error" and checked.code == "I18N002"
    assert "[I18N002]" in built.message and built.location == checked.location
    workflow.update(project)
    [entry] = [e for e in read_po(path).active if e.msgctxt == "first-day"]
    assert (entry.msgstr, entry.fuzzy, entry.msgid_plural) == ("วันแรก", True, None)
    assert entry.previous_msgid_plural == "The first days"


def test_malformed_catalog_is_an_error_with_file_and_line(project: Project) -> None:
    path = project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po"
    path.write_text(
        path.read_text(encoding="utf-8") + '\nmsgid "x"\nmsgstr "broken\n', encoding="utf-8"
    )
    with pytest.raises(LeafletError) as caught:
        localize(source(project), "th", project)
    assert "care-basics.po:" in str(caught.value)


def test_missing_catalog_warns(project: Project) -> None:
    leaflet, [warning] = localize(source(project), "de", project)
    assert leaflet.language == "de" and "no de catalog" in warning.message


def test_ui_labels(project: Project) -> None:
    assert ui_labels("th", project)("page-of", page=1, pages=2) == "หน้า 1 จาก 2"
    assert ui_labels("de", project)("references") == "References"


def test_catalog_locales(project: Project) -> None:
    assert catalog_locales(project) == ["th"]


def test_format_date() -> None:
    assert format_date(dt.date(2026, 11, 22), "th") == "22 พฤศจิกายน 2569"
    assert format_date(dt.date(2026, 11, 22), "en") == "22 November 2026"
    assert format_date(dt.date(2026, 11, 22), "de") == "22. November 2026"


def test_language_name() -> None:
    assert language_name("th") == "ไทย"
    assert language_name("en") == "English"


@pytest.mark.parametrize(
    ("folder", "header", "same"),
    [
        ("th", "th_TH", True),  # Crowdin writes its locale, th_TH, into a Thai export
        ("th", "th-TH", True),
        ("ar", "ar_SA", True),
        ("zh_Hant", "zh_TW", True),
        ("zh_Hans", "zh_CN", True),
        ("zh_Hant", "zh_CN", False),  # never across scripts
        ("th", "lo", False),
        ("th", "lo_LA", False),
    ],
)
def test_a_language_header_naming_a_region_of_the_folder_s_language_is_that_language(
    project: Project, folder: str, header: str, same: bool
) -> None:
    # A catalog exported from Crowdin into locales/th says "Language: th_TH": i18n check
    # refused it (I18N011) and the build warned it might be the wrong file, though gettext
    # reads it as the Thai catalog it is and an XLIFF file for th-TH imports into th.
    if folder != "th":
        (project.locales_dir / "th").rename(project.locales_dir / folder)
    po = project.locales_dir / folder / "LC_MESSAGES" / "care-basics.po"
    po.write_text(po.read_text("utf-8").replace("Language: th\\n", f"Language: {header}\\n"))
    findings = [f for f in workflow.check(project) if "I18N011" in str(f)]
    assert [f.location.path for f in findings if f.location.path == po] == ([] if same else [po])
    _, built = localize(source(project), folder, project)
    warned = [f for f in built if f"says Language {header!r}" in f.message]
    assert bool(warned) != same


@pytest.mark.parametrize(
    ("locale", "parents"),
    [
        ("ar_EG", ["ar"]),
        ("th_TH", ["th"]),
        ("zh_CN", ["zh_Hans", "zh"]),  # CLDR: zh_Hans_CN
        ("zh_Hans", ["zh"]),
        ("zh_TW", ["zh_Hant"]),  # never Simplified: a bare zh is Simplified in CLDR
        ("sr_Latn_RS", ["sr_Latn"]),  # sr alone is Cyrillic
        ("th", []),
        ("xx", []),
    ],
)
def test_a_regional_locale_looks_for_its_language_catalog(locale: str, parents: list[str]) -> None:
    from msc_leaflet.project import parent_locales

    assert parent_locales(locale) == parents


def test_a_regional_build_uses_the_language_catalog(project: Project) -> None:
    # `build -l th_TH` (or ar_EG for Egyptian digits) with only locales/th: the Thai
    # translation, as gettext finds it, not the English source with a warning.
    leaflet, findings = localize(source(project), "th_TH", project)
    assert findings == [] and leaflet.language == "th_TH"
    assert by_context(leaflet)["first-day"] == "วันแรก"
    assert ui_labels("th_TH", project)("page-of", page=1, pages=2) == "หน้า 1 จาก 2"


def test_a_regional_catalog_of_its_own_comes_first(project: Project) -> None:
    regional = project.locales_dir / "th_TH" / "LC_MESSAGES"
    regional.mkdir(parents=True)
    catalog = read_po(project.locales_dir / "th" / "LC_MESSAGES" / "care-basics.po")
    for entry in catalog.active:
        if entry.msgctxt == "first-day":
            entry.msgstr = "วันที่หนึ่ง"
    catalog.header["Language"] = "th_TH"
    write_po(regional / "care-basics.po", catalog)
    leaflet, findings = localize(source(project), "th_TH", project)
    assert findings == [] and by_context(leaflet)["first-day"] == "วันที่หนึ่ง"


def test_a_catalog_folder_spelled_with_a_hyphen_is_that_locales(project: Project) -> None:
    # locales/th-TH (BCP 47 spelling) with the work in it: build -l th_TH printed
    # English ("no th_TH catalog", looking in locales/th_TH), stats called it missing,
    # and update wrote an empty locales/th_TH beside it, never merging the work.
    (project.locales_dir / "th").rename(project.locales_dir / "th-TH")
    for po in (project.locales_dir / "th-TH" / "LC_MESSAGES").glob("*.po"):
        po.write_text(po.read_text("utf-8").replace("Language: th\\n", "Language: th_TH\\n"))
    leaflet, findings = localize(source(project), "th_TH", project)
    assert findings == [] and by_context(leaflet)["first-day"] == "วันแรก"
    assert ui_labels(project.locale("th-th"), project)("references") != "References"
    workflow.update(project)
    assert sorted(p.name for p in project.locales_dir.iterdir() if p.is_dir()) == ["th-TH"]
    catalog = read_po(project.locales_dir / "th-TH" / "LC_MESSAGES" / "care-basics.po")
    assert any(e.msgstr == "วันแรก" for e in catalog.active)


@pytest.mark.parametrize("folder", ["th-TH", "th_th", "TH_TH"])
def test_i18n_check_reads_a_folder_in_another_spelling_as_its_locale(
    project: Project, folder: str
) -> None:
    # I18N011 compared the Language header with the folder's name as written: locales/
    # th-TH with Language th_TH, the header every tool writes, was an error, and the hint
    # asked for "Language: th-TH".
    (project.locales_dir / "th").rename(project.locales_dir / folder)
    catalogs = sorted((project.locales_dir / folder / "LC_MESSAGES").glob("*.po"))
    for po in catalogs:
        po.write_text(po.read_text("utf-8").replace("Language: th\\n", "Language: th_TH\\n"))
    assert not [f for f in workflow.check(project) if "I18N011" in str(f)]
    po = catalogs[0]
    po.write_text(po.read_text("utf-8").replace("Language: th_TH\\n", "Language: th\\n"))
    [finding] = [f for f in workflow.check(project) if "I18N011" in str(f)]
    assert f"but the catalog is in {folder}/ (th_TH)" in finding.message
    assert finding.hint == "set the Language header to th_TH"


@pytest.mark.parametrize(
    ("locale", "parents"),
    [
        ("zh", ["zh_Hans"]),  # CLDR: zh → zh_Hans_CN
        ("sr", ["sr_Cyrl"]),
        ("pa", ["pa_Guru"]),
        ("az", ["az_Latn"]),
        ("uz", ["uz_Latn"]),
        ("zh_Hant", []),  # never Simplified
        ("sr_Latn", []),  # never Cyrillic
        ("th", []),  # one script only: no th_Thai to look for
    ],
)
def test_a_bare_tag_looks_for_the_catalog_of_its_likely_script(
    locale: str, parents: list[str]
) -> None:
    """`init --language zh` wrote ``language: zh``, and every lookup looked for a zh
    catalog only: the bundled zh_Hans one, the same Simplified Chinese, was never read."""
    from msc_leaflet.project import parent_locales

    assert parent_locales(locale) == parents


def test_a_bare_zh_prints_the_bundled_simplified_ui_words(tmp_path: Path) -> None:
    """A build of ``language: zh`` printed "Page 1 of 1", "Version", "References" in
    English with a warning, beside a complete zh_Hans ui catalog."""
    from i18n_support import copy_bundled
    from msc_leaflet.i18n.labels import UI_MESSAGES

    project = Project.at(copy_bundled(tmp_path))
    chinese = ui_labels("zh", project)
    assert not any(chinese.falls_back(key) for key in UI_MESSAGES)
    simplified = ui_labels("zh_Hans", project)("page-of", page=1, pages=2)
    assert chinese("page-of", page=1, pages=2) == simplified != "Page 1 of 2"


def test_a_bare_zh_never_prints_traditional_words_nor_zh_hant_simplified(tmp_path: Path) -> None:
    from i18n_support import copy_bundled
    from msc_leaflet.i18n.labels import UI_MESSAGES

    project = Project.at(copy_bundled(tmp_path))
    # Only a Traditional catalog beside a bare zh build: English, never Hant for zh.
    shutil.move(project.locales_dir / "zh_Hans", project.locales_dir / "zh_Hant")
    assert all(ui_labels("zh", project).falls_back(key) for key in UI_MESSAGES)
    assert ui_labels("zh", project)("page-of", page=1, pages=2) == "Page 1 of 2"
    # And back: a zh_Hant build never reads Simplified (zh_Hans, or a bare zh).
    shutil.move(project.locales_dir / "zh_Hant", project.locales_dir / "zh")
    assert ui_labels("zh_Hant", project)("page-of", page=1, pages=2) == "Page 1 of 2"


def test_a_bare_tag_reads_the_leaflet_catalog_of_its_likely_script(project: Project) -> None:
    from msc_leaflet.i18n.catalog import catalog_path

    for folder in ("zh_Hans", "sr_Cyrl", "pa_Guru"):
        own = project.locales_dir / folder / "LC_MESSAGES"
        own.mkdir(parents=True)
        shutil.copy(project.locales_dir / "care-basics.pot", own / "care-basics.po")
    assert catalog_path(project, "zh", "care-basics").parent.parent.name == "zh_Hans"
    assert catalog_path(project, "sr", "care-basics").parent.parent.name == "sr_Cyrl"
    assert catalog_path(project, "pa", "care-basics").parent.parent.name == "pa_Guru"
    assert catalog_path(project, "zh_Hant", "care-basics").parent.parent.name == "zh_Hant"
    assert catalog_path(project, "sr_Latn", "care-basics").parent.parent.name == "sr_Latn"
