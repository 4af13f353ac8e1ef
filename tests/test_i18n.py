"""The translator workflow end to end, on the small project in ``fixtures/i18n``.

The scenario test follows the issue's acceptance script: extract → init th →
translate → edit the English source → update → build, asserting on the catalog a
translator opens and the PDF a reader sees.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import leaflet_yaml
from i18n_support import UI_CATALOG_CLAIMS, copy_bundled, invoke, msgstr_line
from msc_leaflet.build import build_leaflet
from msc_leaflet.cli.i18n import app
from msc_leaflet.errors import Finding, read_finding
from msc_leaflet.i18n.catalog import Catalog, Entry
from msc_leaflet.i18n.pofile import read_po, write_po
from msc_leaflet.project import Project

FIXTURE = Path(__file__).parent / "fixtures" / "i18n"
PO = Path("locales/th/LC_MESSAGES/care-basics.po")
runner = CliRunner()

THAI = {
    "title": "การดูแลตัวเองหลังรับการให้เซลล์ทางหลอดเลือดดำ",
    "first-day": "วันแรก",
    "paragraph/3": "อาการปวดศีรษะเล็กน้อยหรืออ่อนเพลียพบได้บ่อยในวันแรก และมักหายไปภายใน 48 ชั่วโมง",
    "paragraph/4": "ปิดผ้าพันแผลบริเวณที่ให้เซลล์ไว้ 4 ชั่วโมง และอย่าให้เปียกน้ำ",
    "paragraph/5": "รับประทานอาหารได้ตามปกติ งดเครื่องดื่มแอลกอฮอล์หนึ่งวัน เพราะอาจทำให้รู้สึกแย่ลง",
    "call-us/3": "หายใจลำบาก",
    "disclaimer": "เอกสารนี้เป็นข้อมูลทั่วไป ไม่ใช่คำแนะนำทางการแพทย์",
}
PARAGRAPH_3 = "A mild headache or tiredness is common on the first day and usually\n"
CHANGED_OLD = PARAGRAPH_3 + "      passes within 48 hours."
CHANGED_NEW = PARAGRAPH_3 + "      passes within 48 hours. Rest helps."
# A header as msginit leaves it, with one field the translator filled in.
PLACEHOLDERS = r"""msgid ""
msgstr ""
"Project-Id-Version: PACKAGE VERSION\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
"Language-Team: Thai <th@example.org>\n"
"Language: \n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\n"
"X-Generator: Poedit 3.4\n"

"""
DELETED = (
    "  - paragraph: >-\n"
    "      Keep the bandage on the infusion site for 4 hours and keep it dry.\n\n"
)
ADDED = "  - paragraph: Take your usual medicines unless your doctor says otherwise.\n\n  - list:"


def copy_sources(tmp_path: Path) -> Path:
    """The fixture's leaflets and organisations, without its catalogs."""
    for folder in ("leaflets", "organisations"):
        shutil.copytree(FIXTURE / folder, tmp_path / folder)
    return tmp_path


def copy_project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "project")
    return tmp_path / "project"


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def translate(path: Path, table: dict[str, str]) -> None:
    """What a translator does in Poedit: fill msgstr, save."""
    catalog = read_po(path)
    for entry in catalog.active:
        if entry.msgctxt in table:
            entry.msgstr = table[entry.msgctxt]
    write_po(path, catalog)


def by_msgid(catalog: Catalog, msgid: str) -> Entry:
    [entry] = [e for e in catalog.entries if e.msgid == msgid]
    return entry


def test_scenario_extract_init_translate_edit_update_build(tmp_path: Path) -> None:
    root = copy_sources(tmp_path)
    cli("extract", "--project", str(root))
    cli("init", "th", "--project", str(root))
    translate(root / PO, THAI)
    before = read_po(root / PO)
    old = {e.msgctxt: e for e in before.active}

    source = root / "leaflets" / "care-basics.yaml"
    yaml_text = source.read_text()
    assert CHANGED_OLD in yaml_text and DELETED in yaml_text
    yaml_text = yaml_text.replace(CHANGED_OLD, CHANGED_NEW).replace(DELETED, "")
    source.write_text(yaml_text.replace("\n  - list:", "\n" + ADDED, 1))

    output = cli("update", "--project", str(root))
    assert "updated" in output and str(PO) in output
    after = read_po(root / PO)

    changed = by_msgid(after, old["paragraph/3"].msgid + " Rest helps.")
    assert changed.fuzzy and not changed.obsolete
    assert changed.msgstr == THAI["paragraph/3"]
    assert changed.previous_msgid == old["paragraph/3"].msgid

    deleted = by_msgid(after, old["paragraph/4"].msgid)
    assert deleted.obsolete and deleted.msgstr == THAI["paragraph/4"]

    added = by_msgid(after, "Take your usual medicines unless your doctor says otherwise.")
    assert added.msgstr == "" and not added.obsolete and added.msgctxt == "paragraph/5"

    untouched = {"title", "first-day", "call-us/3", "disclaimer"}
    for context in untouched:
        entry = by_msgid(after, old[context].msgid)
        assert (entry.msgstr, entry.fuzzy, entry.obsolete) == (THAI[context], False, False)
    moved = by_msgid(after, old["paragraph/5"].msgid)  # moved up: fuzzy, as with msgmerge
    assert (moved.msgctxt, moved.msgstr, moved.fuzzy) == ("paragraph/4", THAI["paragraph/5"], True)
    assert moved.previous_msgctxt == "paragraph/5"

    result = build_leaflet(Project.at(root), "care-basics", "th", root / "build")
    text = " ".join(page.extract_text() or "" for page in PdfReader(result.path).pages)
    assert "วันแรก" in text and "หายใจลำบาก" in text
    assert "Take your usual medicines" in text  # the untranslated one, in English
    assert "Rest helps" in text  # the fuzzy one is not used
    # The page's own words are named too (ui.po, started empty by init): not counted here.
    leaflet_findings = [f for f in result.findings if f.location.path.name != "ui.po"]
    untranslated = [f for f in leaflet_findings if "untranslated" in f.message]
    assert len(untranslated) == 1
    assert "paragraph/5 (line" in untranslated[0].message
    assert "paragraph/3" not in untranslated[0].message
    fuzzy = [f for f in leaflet_findings if "fuzzy" in f.message]
    # Each named at its msgstr's line in the catalog the warning names.
    lines = {e.msgctxt: e.msgstr_line for e in after.active}
    listed = f"paragraph/3 (line {lines['paragraph/3']}), paragraph/4 (line {lines['paragraph/4']})"
    assert len(fuzzy) == 1 and fuzzy[0].location.path.name == PO.name
    assert listed in fuzzy[0].message


def test_update_and_extract_are_byte_stable(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    files = sorted(p for p in root.joinpath("locales").rglob("*") if p.is_file())
    original = {p: p.read_bytes() for p in files}
    cli("extract", "--project", str(root))
    output = cli("update", "--project", str(root))
    assert "updated" not in output and "created" not in output
    assert {p: p.read_bytes() for p in files} == original
    # the checked-in fixture is exactly what the tool writes
    for path, data in original.items():
        assert (FIXTURE / path.relative_to(root)).read_bytes() == data


def test_update_writes_nothing_when_one_catalog_cannot_be_read(tmp_path: Path) -> None:
    # A broken catalog in one language (here the last one read) stops `update` before
    # any file is written: the other languages' catalogs are not half the way through.
    root = copy_project(tmp_path)
    cli("init", "vi", "--project", str(root))
    leaflet = root / "leaflets" / "care-basics.yaml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(text.replace("The first 48 hours", "The first two days"), encoding="utf-8")
    broken = root / "locales" / "vi" / "LC_MESSAGES" / "ui.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "unterminated\n')
    files = sorted(p for p in root.joinpath("locales").rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}
    result = runner.invoke(app, ["update", "--project", str(root)])
    assert result.exit_code != 0 and "ui.po" in result.output
    assert {p: p.read_bytes() for p in files} == before


def test_init_of_a_regional_variant_starts_from_its_language(tmp_path: Path) -> None:
    # `init th_TH` where Thai is translated: the variant's own catalog replaces Thai's in
    # its builds, so it starts with Thai's translations, not empty (English in print).
    root = copy_project(tmp_path)
    cli("init", "th_TH", "--project", str(root))
    thai = read_po(root / PO)
    regional = read_po(root / "locales" / "th_TH" / "LC_MESSAGES" / "care-basics.po")
    assert regional.header["Language"] == "th_TH"
    assert regional.header_comments[0].startswith("th_TH translation, started from the th one")
    translated = {e.msgctxt: e.msgstr for e in thai.active}
    assert {e.msgctxt: e.msgstr for e in regional.active} == translated
    # A language with no translation of its own to start from starts empty, as before.
    cli("init", "de_AT", "--project", str(root))
    austrian = read_po(root / "locales" / "de_AT" / "LC_MESSAGES" / "care-basics.po")
    assert not any(e.msgstr for e in austrian.active)


def test_init_starts_the_page_words_from_the_translation_the_package_carries(
    tmp_path: Path,
) -> None:
    # `init ja` in a project with no Japanese ui.po (made before the package carried
    # one, or by hand) wrote an empty one: a Japanese leaflet then printed "References",
    # "Page 1 of 4" and "Please note" in English, though the package has them in
    # Japanese. It starts from the package's translation, its review note kept; a
    # regional variant from its language's (ja_JP from ja).
    from msc_leaflet.data import library_root

    root = copy_project(tmp_path)
    cli("init", "ja", "--project", str(root))
    cli("init", "ar_EG", "--project", str(root))
    for locale, language in (("ja", "ja"), ("ar_EG", "ar")):
        started = read_po(root / "locales" / locale / "LC_MESSAGES" / "ui.po")
        carried = read_po(library_root("msc") / "locales" / language / "LC_MESSAGES" / "ui.po")
        translated = {e.msgctxt: e.msgstr for e in carried.active if e.msgstr}
        assert translated and {e.msgctxt: e.msgstr for e in started.active} == translated
        assert started.header["Language"] == locale
        assert any("professional medical translator" in c for c in started.header_comments)
    opening = read_po(root / "locales" / "ja" / "LC_MESSAGES" / "ui.po").header_comments[0]
    assert "started from" not in opening


def test_update_keeps_translator_header_fields(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    catalog = read_po(root / PO)
    catalog.header["PO-Revision-Date"] = "2027-01-05 10:00+0700"
    catalog.header["X-Generator"] = "Poedit 3.4"
    catalog.header_comments.append("Reviewed by the clinic team.")
    write_po(root / PO, catalog)
    cli("update", "--project", str(root))
    after = read_po(root / PO)
    assert after.header["PO-Revision-Date"] == "2027-01-05 10:00+0700"
    assert after.header["X-Generator"] == "Poedit 3.4"
    assert after.header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert after.header["Language"] == "th"
    assert "Reviewed by the clinic team." in after.header_comments


def test_update_reads_a_header_field_in_any_case(tmp_path: Path) -> None:
    """A field name in another case (``last-translator:``, as some tools and hands write
    it) is that field to every gettext reader. `update` kept the line and added a
    blank "Last-Translator:" beside it (Python's gettext reads the last one, so the
    translator's name was gone) and a second Language, Plural-Forms, PO-Revision-Date."""
    root = copy_project(tmp_path)
    text = (root / PO).read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1]
    lowered = ["language: th", "plural-forms: nplurals=1; plural=0;", "po-revision-date: "
               "2027-01-05 10:00+0700", "last-translator: Somchai <s@example.org>"]  # fmt: skip
    fields = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    fields += "".join(f'"{field}\\n"\n' for field in lowered)
    (root / PO).write_text(fields + "\n" + body, encoding="utf-8")
    cli("update", "--project", str(root))
    after = read_po(root / PO)
    names = [line.split(":")[0].lower() for line in after.header_msgstr().splitlines()]
    assert len(names) == len(set(names)), names
    assert after.header["Last-Translator"] == "Somchai <s@example.org>"
    assert after.header["PO-Revision-Date"] == "2027-01-05 10:00+0700"
    written = "".join(f"{field}\n" for field in lowered)
    assert written in after.header_msgstr()  # the translator's lines stay as written


def header_warnings(path: Path) -> str:
    """What GNU msgfmt --check-header says of the catalog at ``path`` ("" when silent)."""
    run = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    return run.stderr


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext msgfmt is not on PATH")
@pytest.mark.parametrize("header", ["", PLACEHOLDERS], ids=["none", "placeholders"])
def test_update_completes_the_header_for_msgfmt(tmp_path: Path, header: str) -> None:
    """A header missing, or left as msginit wrote it, gets every field msgfmt asks for,
    while a value the translator set stays."""
    root = copy_project(tmp_path)
    text = (root / PO).read_text(encoding="utf-8")
    (root / PO).write_text(header + text[text.index("\n\n") + 2 :], encoding="utf-8")
    cli("update", "--project", str(root))
    assert header_warnings(root / PO) == ""
    after = read_po(root / PO).header
    assert after["Language"] == "th" and after["PO-Revision-Date"] == "2026-11-01 00:00+0000"
    if header:
        assert after["Language-Team"] == "Thai <th@example.org>"
        assert after["X-Generator"] == "Poedit 3.4"


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext msgfmt is not on PATH")
def test_init_writes_a_header_msgfmt_accepts(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    cli("init", "vi", "--project", str(root))
    for path in (root / "locales" / "vi" / "LC_MESSAGES").glob("*.po"):
        assert header_warnings(path) == ""


def test_init_keeps_existing_catalogs(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    before = (root / PO).read_bytes()
    output = cli("init", "th", "--project", str(root))
    assert "unchanged" in output
    assert (root / PO).read_bytes() == before


@pytest.mark.parametrize("spelling", ["TH", "Th"])
def test_init_of_a_started_language_in_another_spelling_says_so(
    tmp_path: Path, spelling: str
) -> None:
    root = copy_project(tmp_path)
    output = cli("init", spelling, "--project", str(root))
    assert "th is started already, in locales/th" in output.replace(str(root) + "/", "")
    assert sorted(p.name for p in (root / "locales").iterdir() if p.is_dir()) == ["th"]


def test_init_finds_a_language_folder_the_project_spells_its_own_way(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    cli("init", "pt-BR", "--project", str(root))
    assert (root / "locales" / "pt_BR").is_dir()  # the one spelling: Babel's
    (root / "locales" / "pt_BR").rename(root / "locales" / "pt_br")  # made by hand
    output = cli("init", "PT-br", "--project", str(root))
    assert "is started already, in" in output and "locales/pt_br" in output
    assert not (root / "locales" / "pt_BR").exists()


def test_init_rejects_unknown_language(tmp_path: Path) -> None:
    root = copy_sources(tmp_path)
    result = runner.invoke(app, ["init", "xx", "--project", str(root)])
    assert result.exit_code == 1
    assert "unknown locale 'xx'" in result.output
    assert "i18n init xx: error: unknown locale 'xx'" in result.output  # not locales/


def test_stats_table_and_json(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    table = cli("stats", "--project", str(root))
    assert table.splitlines()[0].split() == [
        "leaflet", "locale", "translated", "fuzzy", "rejected", "untranslated", "obsolete",
        "words", "done", "status", "review",
    ]  # fmt: skip
    assert "care-basics  th" in table and "100%  ready" in table
    import json

    rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
    care = next(r for r in rows if r["domain"] == "care-basics")
    assert care["ready"] and care["untranslated"] == 0 and care["words"] > 100


def test_stats_counts_untranslated_and_outdated(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    translate(root / PO, {"title": "", "first-day": ""})
    source = root / "leaflets" / "care-basics.yaml"
    source.write_text(source.read_text().replace("Shortness of breath.", "Chest pain."))
    import json

    rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
    care = next(r for r in rows if r["domain"] == "care-basics")
    assert care["untranslated"] == 2 and not care["current"] and not care["ready"]
    assert "outdated: run update" in cli("stats", "--project", str(root))


def test_check_command_reports_broken_translation(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert "0 error(s)" in cli("check", "--project", str(root))
    translate(root / PO, {"short-answer": "พักผ่อน 24 ชั่วโมง และดื่มน้ำ"})
    result = runner.invoke(app, ["check", "--project", str(root)])
    assert result.exit_code == 1
    assert "error: I18N005: short-answer: citation missing: [@alpha2001]" in result.output
    assert "error: I18N003: short-answer: markup missing" in result.output
    assert "care-basics.po:" in result.output


def test_stats_and_check_look_at_the_leaflets_and_locales_asked_for(tmp_path: Path) -> None:
    # With ten languages of six catalogs each, a translator read sixty rows for her one.
    root = copy_project(tmp_path)
    cli("init", "vi", "--project", str(root))
    translate(root / PO, {"short-answer": "พักผ่อน 24 ชั่วโมง และดื่มน้ำ"})  # citation lost

    def rows(*args: str) -> list[tuple[str, str]]:
        table = cli("stats", *args, "--project", str(root)).split("\n\n")[0]
        return [(line.split()[0], line.split()[1]) for line in table.splitlines()[2:]]

    assert rows("-l", "vi") == [("care-basics", "vi"), ("ui", "vi")]
    assert rows("care-basics", "-l", "TH") == [("care-basics", "th")]
    assert {domain for domain, _ in rows("ui")} == {"ui"}
    assert len(rows()) == len(rows("-l", "th")) + len(rows("-l", "vi"))
    assert "I18N005" not in cli("check", "-l", "vi", "--project", str(root))
    assert "I18N005" not in cli("check", "ui", "--project", str(root))
    result = runner.invoke(app, ["check", "care-basics", "-l", "th", "--project", str(root)])
    assert result.exit_code == 1 and "care-basics.po:" in result.output


@pytest.mark.parametrize("command", ["stats", "check"])
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-l", "fr"], "--locale fr: error: no fr catalogs in this project"),
        (["care-basic"], "no leaflet 'care-basic'"),
    ],
    ids=["no-catalogs", "misspelt-leaflet"],
)
def test_a_selection_the_project_lacks_is_refused_not_shown_as_empty(
    tmp_path: Path, command: str, args: list[str], message: str
) -> None:
    # An empty table, exit 0, read as "nothing left to translate".
    root = copy_project(tmp_path)
    result = runner.invoke(app, [command, *args, "--project", str(root)])
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output


def test_every_code_i18n_check_prints_is_listed_by_check_list(tmp_path: Path) -> None:
    from msc_leaflet.cli.app import app as main_app

    root = copy_project(tmp_path)
    translate(root / PO, {"short-answer": "พักผ่อน 24 ชั่วโมง และดื่มน้ำ", "first-day": " วันแรก"})
    output = runner.invoke(app, ["check", "--project", str(root)]).output
    printed = set(re.findall(r": (?:error|warning): ([A-Z][A-Z0-9]*): ", output))
    assert len(printed) >= 3, output  # citations, markup, whitespace
    listing = runner.invoke(main_app, ["check", "--list"]).output
    assert printed <= {line.split()[0] for line in listing.splitlines()}


def test_compile_writes_mo_that_gettext_reads(tmp_path: Path) -> None:
    import gettext

    root = copy_project(tmp_path)
    cli("compile", "--project", str(root))
    mo = root / "locales" / "th" / "LC_MESSAGES" / "ui.mo"
    with mo.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.pgettext("page-of", "Page {page} of {pages}") == "หน้า {page} จาก {pages}"
    first = mo.read_bytes()
    assert "unchanged" in cli("compile", "--project", str(root))
    assert mo.read_bytes() == first


@pytest.mark.parametrize("command", ["extract", "update", "stats", "check", "compile"])
def test_commands_outside_a_project_fail_cleanly(tmp_path: Path, command: str) -> None:
    result = runner.invoke(app, [command, "--project", str(tmp_path)])
    assert result.exit_code == 1
    assert "no leaflets/ directory" in result.output


def test_extract_gives_alt_text_to_translators_as_a_screen_reader_description(
    tmp_path: Path,
) -> None:
    from PIL import Image

    root = copy_sources(tmp_path)
    Image.new("RGB", (40, 30), "teal").save(root / "cells.png")
    Image.new("RGB", (40, 30), "white").save(root / "border.png")
    source = root / "leaflets" / "care-basics.yaml"
    figures = (
        "  - figure: cells.png\n    alt: Cells seen under a microscope.\n    id: cells\n\n"
        "  - figure: border.png\n    decorative: true\n\n  - list:"
    )
    source.write_text(source.read_text("utf-8").replace("  - list:", figures, 1), "utf-8")
    cli("extract", "--project", str(root))
    template = read_po(root / "locales" / "care-basics.pot")
    [alt] = [e for e in template.active if e.msgctxt == "cells/alt"]
    assert alt.msgid == "Cells seen under a microscope."
    assert any("Image description for screen readers" in c for c in alt.extracted)
    assert not [e for e in template.active if (e.msgctxt or "").startswith("figure/")]


def test_init_of_a_variant_does_not_claim_to_start_from_an_empty_catalog(tmp_path: Path) -> None:
    # `init zh_TW` after `init zh_Hant` wrote "started from the zh_Hant one" over a
    # catalog with nothing in it: the translator went looking for work that was not there.
    root = copy_project(tmp_path)
    cli("init", "zh_Hant", "--project", str(root))
    cli("init", "zh_TW", "--project", str(root))
    # The ui words are the bundled Traditional catalog's, as `init zh_Hant` starts them.
    for domain, translated in (("care-basics", False), ("ui", True)):
        taiwan = read_po(root / "locales" / "zh_TW" / "LC_MESSAGES" / f"{domain}.po")
        assert any(e.msgstr for e in taiwan.active) is translated, domain
        assert "started from" not in "\n".join(taiwan.header_comments), domain
        assert taiwan.header["Language"] == "zh_TW"


@pytest.mark.parametrize(
    ("locale", "parent"), [("zh_Hans_CN", "zh_Hans"), ("zh_TW", "zh_Hant"), ("ar_EG", "ar")]
)
def test_no_catalog_hint_points_to_the_folder_the_variant_reads(
    tmp_path: Path, locale: str, parent: str
) -> None:
    # "no zh_Hans_CN catalog … run `i18n init zh_Hans_CN`": a catalog only zh_Hans_CN
    # reads, where `init zh_Hans` starts the one zh_CN, zh_SG and zh_Hans all print.
    root = copy_project(tmp_path)
    result = build_leaflet(Project.at(root), "care-basics", locale, tmp_path / "out")
    hints = [f.hint for f in result.findings if "catalog" in f.message]
    assert len(hints) == 2, [str(f) for f in result.findings]  # the leaflet's and ui's
    assert all(f"msc-leaflet i18n init {parent}`" in hint for hint in hints), hints
    located = [f.location.path for f in result.findings if "catalog" in f.message]
    assert all(parent in path.parts for path in located), located


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("xx", "unknown locale 'xx': CLDR has no such language"),
        ("", "locale '' is not a language tag"),
        ("no", "locale 'no' reads as a yes/no value"),
    ],
    ids=["unknown", "empty", "yaml-boolean"],
)
@pytest.mark.parametrize("command", ["review", "export", "import", "stats", "check"])
def test_a_locale_that_is_no_language_is_refused_by_every_i18n_command(
    i18n_project: Path, tmp_path: Path, command: str, locale: str, message: str
) -> None:
    # `review -l xx` said "cannot sign off care-basics in xx: 40 entries are untranslated";
    # `export -l ''` "no  catalogs to export" with the hint `msc-leaflet i18n init `;
    # `import -l ''` imported into whatever language the file named, unchecked.
    xliff = tmp_path / "xliff"
    assert (
        runner.invoke(
            app, ["export", "-l", "th", "-o", str(xliff), "--project", str(i18n_project)]
        ).exit_code
        == 0
    )
    before = {p: p.read_bytes() for p in i18n_project.rglob("*") if p.is_file()}
    args = {
        "review": ["review", "care-basics", "--by", "Dr. A", "--role", "clinical"],
        "export": ["export", "-o", str(tmp_path / "again")],
        "import": ["import", str(xliff / "care-basics.th.xlf")],
        "stats": ["stats"],
        "check": ["check"],
    }[command]
    result = runner.invoke(app, [*args, "-l", locale, "--project", str(i18n_project)])
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output
    assert f"--locale {locale}: error: {message}" in output, output  # not the folder
    assert {p: p.read_bytes() for p in i18n_project.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "again").exists()


MOVED = """\
  - paragraph: >-
      An **infusion** means giving a liquid slowly into a vein through a thin
      tube. People often call it a drip or an IV. When doctors give cells into a
      blood vessel, they call it *intravascular delivery*.
    id: infusion-meaning
    note: '"IV" is short for intravenous (into a vein). Use the usual local term for a drip.'

"""


def test_a_text_moved_to_another_leaflet_takes_its_translation_along(tmp_path: Path) -> None:
    """The author moved a paragraph from one leaflet to another: update left its Thai
    as an obsolete entry in the first leaflet's catalog and the paragraph untranslated
    in the second, so the translator wrote it again or dug it out of the other file.
    Now the second catalog gets that translation, fuzzy (as a text moved inside a
    leaflet is) with its old context as ``#|``; the first keeps it as obsolete."""
    root = copy_bundled(tmp_path)
    source, target = (
        root / "leaflets" / f"{n}.yaml" for n in ("infusion-safety", "what-msc-can-do")
    )
    folder = root / "locales" / "th" / "LC_MESSAGES"
    [thai] = [e.msgstr for e in read_po(folder / "infusion-safety.po").active
              if e.msgctxt == "infusion-meaning"]  # fmt: skip
    text = source.read_text(encoding="utf-8")
    assert MOVED in text
    source.write_text(text.replace(MOVED, ""), encoding="utf-8")
    text = target.read_text(encoding="utf-8")
    at = text.index("  - heading: Signals, not spare parts")
    target.write_text(text[:at] + MOVED + text[at:], encoding="utf-8")
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0, output
    [moved] = [e for e in read_po(folder / "what-msc-can-do.po").active
               if e.msgctxt == "infusion-meaning"]  # fmt: skip
    assert (moved.msgstr, moved.fuzzy, moved.previous_msgctxt) == (thai, True, "infusion-meaning")
    left = read_po(folder / "infusion-safety.po")
    assert [(e.msgctxt, e.msgstr) for e in left.obsolete] == [("infusion-meaning", thai)]
    if shutil.which("msgfmt"):
        for po in folder.glob("*.po"):
            run = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], check=False)
            assert run.returncode == 0, po
    # A second update changes nothing.
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0 and "updated" not in output, output


def test_a_catalog_behind_its_leaflet_is_not_done(tmp_path: Path) -> None:
    """An empty .po (a save cut short) read "100% done": no entry was untranslated,
    because there was no entry. What is done is what prints translated: the texts the
    leaflet prints now that the catalog translates. A text edited since translation
    prints in the source language until the translator has seen it."""
    import json

    root = copy_project(tmp_path)

    def care() -> dict[str, Any]:
        rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
        return dict(next(r for r in rows if r["domain"] == "care-basics"))

    whole = care()
    assert whole["percent"] == 100 and whole["printed_translated"] == whole["printed"]
    source = root / "leaflets" / "care-basics.yaml"
    source.write_text(source.read_text().replace("Shortness of breath.", "Chest pain."))
    edited = care()
    assert edited["printed"] == whole["printed"]
    assert edited["printed_translated"] == edited["printed"] - 1 and edited["percent"] < 100
    from msc_leaflet.i18n.extract import is_optional

    titles = sum(1 for e in read_po(root / PO).active if is_optional(e.msgctxt))
    (root / PO).write_text("")
    empty = care()
    assert empty["printed_translated"] == titles and not empty["ready"]  # they print as cited
    assert empty["percent"] < 100
    line = next(r for r in cli("stats", "--project", str(root)).splitlines() if "care" in r)
    assert f"  {empty['percent']}%  outdated: run update" in line


# A clinic that writes its leaflets in Thai and translates them into English: its
# source words are Thai, and its English catalog is a translation like any other.
THAI_LEAFLET = """\
id: ask-your-doctor
language: th
title: ถามแพทย์ของคุณ
document:
  code: T-TH-001
  version: "1.0"
  published: 2026-01-01
  next_review: 2027-01-01
organisation: test-clinic
disclaimer: โปรดโทรหาเรา ทันที
blocks:
  - paragraph: ถามแพทย์ของคุณ
    id: ask
"""


def thai_source_project(make_project: Callable[..., Path]) -> Path:
    """A project whose one leaflet is written in Thai, with an English catalog."""
    root = make_project({"ask-your-doctor": THAI_LEAFLET})
    cli("init", "en", "--project", str(root))
    return root


def test_stats_counts_a_thai_source_in_thai_words(make_project: Callable[..., Path]) -> None:
    # The words column is what a translator quotes a price on. It split Thai at every
    # vowel sign above or below a letter (ถามแพทย์ของคุณ was 3 "words": ถามแพทย, ของค,
    # ณ), so a Thai leaflet's count was noise. It counts the segmenter's words:
    # ถาม แพทย์ ของ คุณ (4) twice, โปรด โทร หา เรา ทันที (5).
    import json

    root = thai_source_project(make_project)
    rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
    [row] = [r for r in rows if r["domain"] == "ask-your-doctor"]
    assert (row["locale"], row["words"]) == ("en", 4 + 4 + 5)


def test_init_of_the_source_language_starts_no_catalog_that_translates_nothing(
    make_project: Callable[..., Path],
) -> None:
    # `init en` in a Thai clinic's project wrote an English ui.po (the page's words,
    # written in English, "translated" into English) and `init th` a Thai catalog of
    # the Thai leaflet: stats then listed both as "not ready" for ever (ui en 0 %,
    # ask-your-doctor th 0 %), and `update` wrote the English ui.po back. Each starts
    # only the catalogs that translate: en the leaflet's, th the page's words.
    import json

    root = thai_source_project(make_project)
    cli("init", "th", "--project", str(root))
    cli("update", "--project", str(root))
    folder = root / "locales"
    assert (folder / "en" / "LC_MESSAGES" / "ask-your-doctor.po").is_file()
    assert not (folder / "en" / "LC_MESSAGES" / "ui.po").exists()
    assert (folder / "th" / "LC_MESSAGES" / "ui.po").is_file()
    assert not (folder / "th" / "LC_MESSAGES" / "ask-your-doctor.po").exists()
    rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
    listed = {(r["domain"], r["locale"]) for r in rows}
    assert ("ask-your-doctor", "en") in listed and ("ui", "th") in listed
    assert ("ui", "en") not in listed and ("ask-your-doctor", "th") not in listed


def test_review_of_the_source_language_says_there_is_no_translation(
    make_project: Callable[..., Path],
) -> None:
    # `i18n review ask-your-doctor -l th` of a Thai leaflet said "3 entries are
    # untranslated or fuzzy": the reviewer went looking for a Thai catalog to fill.
    root = thai_source_project(make_project)
    code, output = invoke(
        "i18n", "review", "ask-your-doctor", "-l", "th", "--by", "Somchai Jaidee",
        "--role", "reviewer", "--project", str(root),
    )  # fmt: skip
    assert code == 1 and "Traceback" not in output
    assert "untranslated" not in output
    assert "leaflets/ask-your-doctor.yaml" in output and "written in th" in output
    assert "-l en" in output  # the translation there is to sign off
    assert not (root / "locales" / "th" / "signoff.yaml").exists()


def test_init_says_which_catalogs_it_skips_and_why(make_project: Callable[..., Path]) -> None:
    # `i18n init th` in a Thai clinic's project made ui.po and said nothing of its
    # leaflets: the clinic went looking for the Thai catalogs it expected. Each one left
    # out is a line (and a JSON entry) saying it is skipped, and why.
    import json

    root = thai_source_project(make_project)
    output = cli("init", "th", "--project", str(root))
    skipped = [line for line in output.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1 and skipped[0].endswith(
        "ask-your-doctor.po  (the leaflet is written in th: there is nothing to translate)"
    ), output
    assert "th is started already" not in output  # ui.po is new
    assert not (root / "locales" / "th" / "LC_MESSAGES" / "ask-your-doctor.po").exists()
    report = json.loads(cli("init", "th", "--json", "--project", str(root)))
    by_path = {item["path"]: item for item in report["files"]}
    assert report["locale"] == "th"
    assert by_path["locales/th/LC_MESSAGES/ask-your-doctor.po"] == {
        "path": "locales/th/LC_MESSAGES/ask-your-doctor.po",
        "status": "skipped",
        "reason": "the leaflet is written in th: there is nothing to translate",
    }
    assert by_path["locales/th/LC_MESSAGES/ui.po"]["status"] == "unchanged"
    # The other way round: English translates the leaflet, not the page's English words.
    report = json.loads(cli("init", "en", "--json", "--project", str(root)))
    statuses = {item["path"]: item["status"] for item in report["files"]}
    assert statuses["locales/en/LC_MESSAGES/ask-your-doctor.po"] == "unchanged"
    assert statuses["locales/en/LC_MESSAGES/ui.po"] == "skipped"
    assert "th is started already" in cli("init", "th", "--project", str(root))


# A Thai leaflet with a dose and a year in the Buddhist Era: read as Thai, 10 มก. is
# 10 mg and พ.ศ. 2534 is 1991; read as English, มก. is no unit and 2534 is 2534.
THAI_DOSE_LEAFLET = THAI_LEAFLET.replace(
    "  - paragraph: ถามแพทย์ของคุณ\n    id: ask\n",
    "  - paragraph: รับประทาน 10 มก.\n    id: dose\n"
    "  - paragraph: ตั้งชื่อในปี พ.ศ. 2534\n    id: named\n",
)
ENGLISH_OF_THAI = {"dose": "Take 10 g.", "named": "Named in 1991."}  # the dose is wrong


def thai_catalog_without_source_language(make_project: Callable[..., Path], how: str) -> Path:
    """A Thai-source project whose English catalog's header lost X-Source-Language, as a
    translator's tool (or an older msc-leaflet) leaves it: ``how`` is "removed",
    "emptied" or "wrong" (a tool that wrote its own default, en)."""
    root = make_project({"ask-your-doctor": THAI_DOSE_LEAFLET})
    cli("init", "en", "--project", str(root))
    po = root / "locales" / "en" / "LC_MESSAGES" / "ask-your-doctor.po"
    catalog = read_po(po)
    contexts = {e.msgctxt: e for e in catalog.active}
    for key, english in ENGLISH_OF_THAI.items():
        [entry] = [e for c, e in contexts.items() if c and c.endswith(key)]
        entry.msgstr = english
    write_po(po, catalog)
    field = {"removed": "", "emptied": '"X-Source-Language: \\n"\n',
             "wrong": '"X-Source-Language: en\\n"\n'}[how]  # fmt: skip
    text = po.read_text("utf-8")
    assert '"X-Source-Language: th\\n"\n' in text
    po.write_text(text.replace('"X-Source-Language: th\\n"\n', field), "utf-8")
    return root


@pytest.mark.parametrize("how", ["removed", "emptied", "wrong"])
def test_a_catalog_without_its_source_language_is_read_in_its_leaflets(
    make_project: Callable[..., Path], how: str
) -> None:
    # A Thai clinic's English catalog whose header lost X-Source-Language was read as
    # English by `i18n check`: the correct "Named in 1991." for พ.ศ. 2534 was refused
    # (I18N007) and "Take 10 g." for 10 มก. (milligrams) passed. The leaflet says Thai.
    root = thai_catalog_without_source_language(make_project, how)
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 1, output
    numbers = [line for line in output.splitlines() if "I18N007" in line]
    assert len(numbers) == 1 and "dose" in numbers[0] and "unit changed" in numbers[0], output
    assert "Traceback" not in output


@pytest.mark.parametrize("how", ["removed", "emptied", "wrong"])
def test_a_catalog_without_its_source_language_exports_its_leaflets(
    make_project: Callable[..., Path], how: str, tmp_path: Path
) -> None:
    # The XLIFF file said source-language="en" over Thai sources: a CAT tool then
    # offered English matches and an English spell-checker for the Thai text.
    root = thai_catalog_without_source_language(make_project, how)
    code, output = invoke("i18n", "export", "-l", "en", "-o", str(tmp_path / "x"),
                          "--project", str(root))  # fmt: skip
    assert code == 0, output
    xlf = tmp_path / "x" / "ask-your-doctor.en.xlf"
    text = xlf.read_text("utf-8")
    assert 'source-language="th"' in text and 'target-language="en"' in text, text
    text = text.replace("Take 10 g.", "Take 10 mg.")
    xlf.write_text(text, "utf-8")
    code, output = invoke("i18n", "import", str(xlf), "-l", "en", "--project", str(root))
    assert code == 0 and "1 changed" in output, output
    code, output = invoke("i18n", "check", "--project", str(root))
    assert "I18N007" not in output, output


@pytest.mark.parametrize("how", ["removed", "wrong"])
def test_a_catalog_without_its_source_language_counts_and_builds_in_its_leaflets(
    make_project: Callable[..., Path], how: str, tmp_path: Path
) -> None:
    # stats counts a Thai source in Thai words, and the build prints the correct year
    # and keeps the changed dose off the page, whatever the header says.
    import json

    root = thai_catalog_without_source_language(make_project, how)
    rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
    [row] = [r for r in rows if r["domain"] == "ask-your-doctor"]
    assert row["words"] == 4 + 5 + 4 + 6, row  # in English, 1 + 2 + 3 + 4 (รับประทาน 10 มก)
    result = build_leaflet(Project.at(root), "ask-your-doctor", "en", tmp_path / "out")
    text = " ".join(page.extract_text() or "" for page in PdfReader(result.path).pages)
    assert "Named in 1991." in text and "Take 10 g." not in text
    rejected = [f.message for f in result.findings if "not used" in f.message]
    assert len(rejected) == 1 and "dose" in rejected[0], rejected


def test_a_source_language_header_that_disagrees_with_the_leaflet_is_named(
    make_project: Callable[..., Path],
) -> None:
    # A header saying en over a Thai leaflet's msgids is a cache gone stale: `i18n
    # check` names its line and the fix, and `i18n update` writes the leaflet's back.
    root = thai_catalog_without_source_language(make_project, "wrong")
    po = root / "locales" / "en" / "LC_MESSAGES" / "ask-your-doctor.po"
    line = po.read_text("utf-8").splitlines().index('"X-Source-Language: en\\n"') + 1
    _, output = invoke("i18n", "check", "--project", str(root))
    [said] = [text for text in output.splitlines() if "X-Source-Language" in text]
    assert f"ask-your-doctor.po:{line}:" in said and "warning" in said, output
    assert "'en'" in said and "th" in said and "i18n update" in output, output
    cli("update", "--project", str(root))
    assert '"X-Source-Language: th\\n"' in po.read_text("utf-8")
    assert "Named in 1991." in po.read_text("utf-8")  # the translator's work is kept
    _, output = invoke("i18n", "check", "--project", str(root))
    assert "X-Source-Language" not in output, output


@pytest.mark.parametrize("how", ["removed", "emptied"])
def test_update_writes_a_lost_source_language_back(
    make_project: Callable[..., Path], how: str
) -> None:
    root = thai_catalog_without_source_language(make_project, how)
    po = root / "locales" / "en" / "LC_MESSAGES" / "ask-your-doctor.po"
    _, output = invoke("i18n", "check", "--project", str(root))
    assert "X-Source-Language" not in output, output  # a missing hint is no finding
    cli("update", "--project", str(root))
    assert '"X-Source-Language: th\\n"' in po.read_text("utf-8")


def test_the_page_words_are_english_and_a_gone_leaflets_catalog_keeps_its_header(
    make_project: Callable[..., Path],
) -> None:
    # ui.po's msgids are msc-leaflet's English whatever the clinic writes in, so a
    # header saying th there is named; a catalog whose leaflet was removed has only
    # its header to say what it translates from, and is read so.
    root = thai_catalog_without_source_language(make_project, "removed")
    cli("init", "th", "--project", str(root))
    ui = root / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    ui.write_text(ui.read_text("utf-8").replace("X-Source-Language: en", "X-Source-Language: th"))
    po = root / "locales" / "en" / "LC_MESSAGES" / "ask-your-doctor.po"
    gone = po.with_name("old-leaflet.po")
    text = po.read_text("utf-8").replace("Take 10 g.", "Take 10 mg.")
    gone.write_text(
        text.replace('"Language: en\\n"', '"Language: en\\n"\n"X-Source-Language: th\\n"')
    )
    _, output = invoke("i18n", "check", "--project", str(root))
    [said] = [line for line in output.splitlines() if "X-Source-Language" in line]
    assert "ui.po:" in said and "'th'" in said and "written in en" in said, output
    assert not [
        line for line in output.splitlines() if "old-leaflet.po" in line and "I18N007" in line
    ]


# Translations of short-answer the build refuses (`localize` prints the English
# instead): a citation lost, markup opened and never closed, a number the English
# lacks, a bidi control that reverses the line.
REJECTED_SHORT_ANSWER = {
    "citation lost": "พักผ่อน **24 ชั่วโมง** และดื่มน้ำให้เพียงพอ โทรหาเราหากมีไข้",
    "markup unclosed": "พักผ่อน **24 ชั่วโมง และดื่มน้ำให้เพียงพอ โทรหาเราหากมีไข้ [@alpha2001]",
    "number added": "พักผ่อน **48 ชั่วโมง** และดื่มน้ำให้เพียงพอ โทรหาเราหากมีไข้ [@alpha2001]",
    "bidi control": "พักผ่อน **24 ชั่วโมง** และดื่มน้ำ\u202eให้เพียงพอ โทรหาเราหากมีไข้ [@alpha2001]",
}


@pytest.mark.parametrize("why", sorted(REJECTED_SHORT_ANSWER))
def test_stats_counts_a_translation_the_build_refuses_as_not_printed(
    tmp_path: Path, why: str
) -> None:
    """stats counted a msgstr the build refuses as translated: the translator read
    100 % and "ready" while patients read the English paragraph. stats, the sign-off
    and the build now share one verdict: the build's own checks."""
    import json

    from msc_leaflet.content.loader import load_leaflet
    from msc_leaflet.i18n.localizer import localize_with_fallbacks

    root = copy_project(tmp_path)
    translate(root / PO, {"short-answer": REJECTED_SHORT_ANSWER[why]})
    rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
    care = next(r for r in rows if r["domain"] == "care-basics")
    assert care["rejected"] == 1 and not care["ready"], care
    assert care["printed_translated"] == care["printed"] - 1 and care["percent"] < 100
    assert (
        care["translated"] + care["fuzzy"] + care["rejected"] + care["untranslated"]
        == (care["printed"])
    )
    project = Project.at(root)
    leaflet = load_leaflet(project.leaflet_path("care-basics"), project)[0]
    _, findings, fallbacks = localize_with_fallbacks(leaflet, "th", project)
    assert [text.context for text in fallbacks] == ["short-answer"]
    [refused] = [f for f in findings if "short-answer" in f.message]
    [rejection] = care["rejections"]
    assert rejection["context"] == "short-answer" and rejection["line"] == refused.location.line
    assert rejection["reason"] in refused.message

    table = cli("stats", "--project", str(root))
    row = next(line for line in table.splitlines() if line.startswith("care-basics"))
    assert row.split()[2:5] == [str(care["translated"]), "0", "1"] and "not ready" in row
    said = next(line for line in table.splitlines() if "short-answer" in line)
    assert f"care-basics.po:{refused.location.line}" in said and rejection["reason"] in said

    code, output = invoke(
        "i18n", "review", "care-basics", "-l", "th", "--by", "Somchai Jaidee",
        "--role", "reviewer", "--project", str(root),
    )  # fmt: skip
    assert code == 1 and "short-answer" in output and "Traceback" not in output, output
    assert "signoff.yaml" not in "".join(p.name for p in (root / "locales" / "th").iterdir())


def _locale_files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted((root / "locales").rglob("*.po*"))
    }


@pytest.mark.parametrize("command", ["update", "extract"])
def test_a_no_op_update_under_source_date_epoch_changes_no_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """With SOURCE_DATE_EPOCH set (a CI job, a reproducible build), `i18n update`
    rewrote every .pot and ui.po only to put that day in POT-Creation-Date: git showed
    twenty changed catalogs no one had touched. A template whose messages did not change
    keeps its date; one whose leaflet changed takes the epoch's, and its catalogs too."""
    root = copy_bundled(tmp_path)
    before = _locale_files(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796169600")  # 2026-12-02
    code, output = invoke("i18n", command, "--project", str(root))
    assert code == 0 and "updated" not in output, output
    assert _locale_files(root) == before

    leaflet = root / "leaflets" / "infusion-safety.yaml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(text.replace("watch for", "look out for"), encoding="utf-8")
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0, output
    changed = {name for name, data in _locale_files(root).items() if before[name] != data}
    assert changed == {
        "locales/infusion-safety.pot",
        "locales/th/LC_MESSAGES/infusion-safety.po",
    }, output
    pot = (root / "locales" / "infusion-safety.pot").read_text(encoding="utf-8")
    assert '"POT-Creation-Date: 2026-12-02 00:00+0000\\n"' in pot
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0 and "updated" not in output, output


# The entry `first-day` as a tool that writes plural form leaves it: msgstr[n], and
# whether the translator's work is fuzzy. The column stats counts it in, and whether
# the build (which looks every text up as one msgstr) says it refused a written one.
PLURAL_FIRST_DAY = {
    "translated": ({0: "วันแรก"}, False, "rejected"),
    "partly": ({0: "วันแรก", 1: ""}, False, "rejected"),
    "a form the checks refuse": ({0: "วันแรก", 1: "วันแรก\u202e"}, False, "rejected"),
    "fuzzy": ({0: "วันแรก"}, True, "fuzzy"),
    "nothing written": ({0: ""}, False, "untranslated"),
}


@pytest.mark.parametrize("case", sorted(PLURAL_FIRST_DAY))
def test_stats_counts_a_plural_entry_as_the_build_prints_it(tmp_path: Path, case: str) -> None:
    """A translation written in plural form (msgid_plural, msgstr[0]) is refused by the
    build, which warns that it printed the English; stats counted it untranslated, so
    the translator looked for an empty msgstr and found a complete one, and the
    sign-off called it "untranslated or fuzzy". Every column now follows the build."""
    import json

    from msc_leaflet.content.loader import load_leaflet
    from msc_leaflet.i18n.localizer import localize_with_fallbacks

    forms, fuzzy, column = PLURAL_FIRST_DAY[case]
    root = copy_project(tmp_path)
    catalog = read_po(root / PO)
    [entry] = [e for e in catalog.active if e.msgctxt == "first-day"]
    entry.msgstr, entry.msgid_plural, entry.msgstr_plural = "", "The first days", forms
    entry.set_fuzzy(fuzzy)
    write_po(root / PO, catalog)

    rows = json.loads(cli("stats", "--format", "json", "--project", str(root)))
    care = next(r for r in rows if r["domain"] == "care-basics")
    counts = {name: care[name] for name in ("fuzzy", "rejected", "untranslated")}
    assert counts == {name: int(name == column) for name in counts}, care
    assert care["translated"] + 1 == care["printed"] and not care["ready"]
    assert [r["context"] for r in care["rejections"]] == (["first-day"] * (column == "rejected"))

    project = Project.at(root)
    leaflet = load_leaflet(project.leaflet_path("care-basics"), project)[0]
    _, findings, fallbacks = localize_with_fallbacks(leaflet, "th", project)
    assert [text.context for text in fallbacks] == ["first-day"]
    refused = [f for f in findings if "translation of 'first-day' not used" in f.message]
    assert bool(refused) == (column == "rejected")
    if refused:
        [rejection] = care["rejections"]
        assert rejection["line"] == refused[0].location.line
        assert rejection["reason"] in refused[0].message

    code, output = invoke(
        "i18n", "review", "care-basics", "-l", "th", "--by", "Somchai Jaidee",
        "--role", "reviewer", "--project", str(root),
    )  # fmt: skip
    assert code == 1 and "first-day" in output and "Traceback" not in output, output
    said = "refused by the build's checks" if column == "rejected" else "untranslated or fuzzy"
    assert said in output, output


ADDRESSES = "address:\n  en: 12 Sukhumvit Road, Bangkok\n  th: 12 ถนนสุขุมวิท กรุงเทพฯ\n"


def _with_profile(root: Path, extra: str) -> Path:
    path = root / "organisations" / "test-clinic.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_each_translation_prints_the_clinic_address_written_for_its_readers(
    i18n_project: Path, tmp_path: Path
) -> None:
    """The profile had one address: the Thai leaflet printed the English one (or an
    English leaflet a Thai one). Each now prints its own language's, and neither warns."""
    from pdfread import pdfium_find

    _with_profile(i18n_project, ADDRESSES)
    project = Project.at(i18n_project)
    th = build_leaflet(project, "care-basics", "th", tmp_path / "th")
    en = build_leaflet(project, "care-basics", None, tmp_path / "en")
    found_th = pdfium_find(th.path, ["ถนนสุขุมวิท", "Sukhumvit"])
    found_en = pdfium_find(en.path, ["ถนนสุขุมวิท", "Sukhumvit"])
    assert found_th["ถนนสุขุมวิท"] > 0 and found_th["Sukhumvit"] == 0, found_th
    assert found_en["Sukhumvit"] > 0 and found_en["ถนนสุขุมวิท"] == 0, found_en
    assert not [f for f in th.findings + en.findings if "organisation's" in f.message]


@pytest.mark.parametrize(
    ("extra", "locale", "written_in", "line"),
    [
        ("address: 12 Sukhumvit Road, Bangkok\n", "th", "Latin", 4),
        (
            "address:\n  en: 12 Sukhumvit Road, Bangkok\n  vi: 12 đường Sukhumvit\n",
            "th",
            "Latin",
            5,
        ),
        ("address: 12 ถนนสุขุมวิท กรุงเทพฯ\n", None, "Thai", 4),
    ],
    ids=["plain-latin-on-thai", "english-default-on-thai", "plain-thai-on-english"],
)
def test_a_clinic_address_the_reader_cannot_read_is_a_warning_at_its_line(
    i18n_project: Path,
    tmp_path: Path,
    extra: str,
    locale: str | None,
    written_in: str,
    line: int,
) -> None:
    """A Thai leaflet printing an English-only address, or the English leaflet for
    foreign patients a Thai-only one: the build said nothing. It warns at the line of
    the profile that the reader cannot read, and says which key to add."""
    path = _with_profile(i18n_project, extra)
    result = build_leaflet(Project.at(i18n_project), "care-basics", locale, tmp_path / "o")
    [warning] = [f for f in result.findings if f.location.path == path]
    assert warning.severity == "warning"
    assert warning.location.line == line, warning  # the text printed
    assert "address" in warning.message and f"{written_in} letters" in warning.message
    assert f"'{locale or 'en'}: ...' under 'address'" in warning.hint, warning.hint


def test_a_kept_latin_clinic_name_on_a_thai_leaflet_is_no_warning(
    i18n_project: Path, tmp_path: Path
) -> None:
    """A clinic's name is often its brand in Latin letters on every page ("EDNA
    Wellness", "Test Clinic"): no reader is told it cannot read it."""
    result = build_leaflet(Project.at(i18n_project), "care-basics", "th", tmp_path / "o")
    assert not [f for f in result.findings if "organisation's" in f.message], result.findings


def test_a_letter_no_font_draws_in_a_clinic_address_names_its_language_line(
    i18n_project: Path, tmp_path: Path
) -> None:
    """The refusal named the profile, not the line: with an address per language the
    editor must know which of them holds the letter."""
    from msc_leaflet.errors import LeafletError

    path = _with_profile(i18n_project, "address:\n  en: 12 Sukhumvit Road\n  th: 12 ถนน ႠႡ\n")
    with pytest.raises(LeafletError) as caught:
        build_leaflet(Project.at(i18n_project), "care-basics", "th", tmp_path / "o")
    assert caught.value.location.path == path and caught.value.location.line == 6, caught.value
    assert not list((tmp_path / "o").rglob("*.pdf"))


def test_a_leaflet_saved_decomposed_keeps_its_translations(tmp_path: Path) -> None:
    """A Vietnamese leaflet re-saved by an editor in NFD ("ế" as e ◌̂ ◌́) looks the same,
    but its msgids were no longer the catalog's: the build refused the translation
    (I18N014, 0 of N messages) and `i18n update` turned every translation fuzzy, a
    translator's finished work lost until re-approved. The text is read composed (NFC),
    as the page prints it: nothing changes for the catalog."""
    import unicodedata

    from i18n_support import set_msgstr

    root = tmp_path / "clinic"
    assert invoke("init", str(root), "--language", "vi")[0] == 0
    assert invoke("i18n", "init", "en", "--project", str(root))[0] == 0
    po = root / "locales" / "en" / "LC_MESSAGES" / "first-leaflet.po"
    for entry in read_po(po).active:
        set_msgstr(po, entry.msgctxt or "", f"English text number {len(entry.msgid)}.")
    leaflet = root / "leaflets" / "first-leaflet.yaml"
    composed = leaflet.read_text("utf-8")
    leaflet.write_text(unicodedata.normalize("NFD", composed), "utf-8")
    assert unicodedata.normalize("NFD", composed) != composed
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0, output
    entries = read_po(po).active
    assert entries and not [e.msgctxt for e in entries if e.fuzzy or not e.msgstr]
    template = (root / "locales" / "first-leaflet.pot").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", template)
    code, output = invoke("i18n", "check", "--project", str(root), "--json")
    assert "I18N014" not in output, output


def test_keywords_reach_the_translator_and_update_keeps_every_translation(
    tmp_path: Path,
) -> None:
    """``keywords:`` never reached a .pot, so a Thai PDF's metadata kept the English
    ones. Each is an entry of its own (``keywords/<n>``) with a comment saying where
    it goes; updating the shipped catalogs loses no translator's msgstr, and a second
    update changes nothing."""
    root = copy_bundled(tmp_path)
    folder = root / "locales" / "th" / "LC_MESSAGES"

    def translations() -> dict[str, dict[tuple[str | None, str], list[str]]]:
        return {
            po.name: {e.key: list(e.forms) for e in read_po(po).active if e.has_translation}
            for po in sorted(folder.glob("*.po"))
        }

    before = translations()
    code, output = invoke("i18n", "update", "--project", str(root))
    assert code == 0 and "updated" not in output, output
    assert translations() == before
    template = read_po(root / "locales" / "infusion-safety.pot")
    keywords = [e for e in template.active if (e.msgctxt or "").startswith("keywords/")]
    assert [(e.msgctxt, e.msgid) for e in keywords] == [
        ("keywords/1", "safety"),
        ("keywords/2", "infusions"),
    ]
    assert all("search engines" in " ".join(e.extracted) for e in keywords)
    # A keyword added by the author arrives untranslated; the others keep theirs.
    leaflet = root / "leaflets" / "infusion-safety.yaml"
    text = leaflet.read_text("utf-8")
    leaflet.write_text(text.replace("[safety, infusions]", "[safety, infusions, drip]"), "utf-8")
    assert invoke("i18n", "update", "--project", str(root))[0] == 0
    after = {e.msgctxt: e for e in read_po(folder / "infusion-safety.po").active}
    assert after["keywords/1"].msgstr == "ความปลอดภัย" and not after["keywords/1"].fuzzy
    assert after["keywords/3"].msgid == "drip"


#: The keys of docs/format.md whose values are not text a reader reads: identifiers,
#: dates, numbers, switches, paths, notes to translators and a reference's locators.
NOT_TEXT_KEYS = {
    "id", "language", "organisation", "numbered_sections", "url", "code", "version",
    "published", "next_review", "kind", "style", "level", "note", "figure", "decorative",
    "key", "authors", "journal", "year", "volume", "issue", "pages", "doi", "pmid",
}  # fmt: skip
EVERYTHING = Path(__file__).parent / "fixtures" / "everything"


def _written_texts(node: Any, key: str = "") -> list[str]:
    """Every string the leaflet YAML ``node`` writes under a key that holds text."""
    if key in NOT_TEXT_KEYS:
        return []
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in _written_texts(v, str(k))]
    if isinstance(node, list):
        return [t for item in node for t in _written_texts(item, key)]
    return [node.strip()] if isinstance(node, str) else []


def test_every_text_field_of_the_format_has_a_msgid() -> None:
    """Read from the YAML itself, not the model the extractor walks: a field the loader
    keeps as a plain string (as ``keywords`` was) never reached a translator. The
    fixture writes every metadata key docs/format.md types as text."""
    import yaml

    source = EVERYTHING / "leaflets" / "every-construct.yaml"
    data = yaml.safe_load(source.read_text("utf-8"))
    table = (Path(__file__).parents[1] / "docs" / "format.md").read_text("utf-8")
    text_keys = re.findall(r"^\| `(\w+)` \| \w+ \| [^|]*\btext\b", table, re.MULTILINE)
    assert "keywords" in text_keys and "audience" in text_keys
    assert [k for k in text_keys if k not in data] == []
    entries = leaflet_template_of(source)
    msgids = {entry.msgid for entry in entries}
    assert [t for t in _written_texts(data) if t not in msgids] == []
    shipped = read_po(EVERYTHING / "locales" / "every-construct.pot")  # kept current
    assert {e.key for e in shipped.active} == {e.key for e in entries}


def leaflet_template_of(path: Path) -> list[Entry]:
    """The entries `i18n extract` writes for the leaflet at ``path``."""
    from msc_leaflet.content.loader import load_leaflet
    from msc_leaflet.i18n.extract import leaflet_entries

    project = Project.at(path.parents[1])
    leaflet, _ = load_leaflet(path, project)
    return leaflet_entries(leaflet, path.name)


@pytest.mark.parametrize(
    "retyped",
    [
        # two blanks typed between words: the page prints one
        "A mild headache or tiredness is common on the first day and  usually\n",
        # the line folded elsewhere, blanks left at its end
        "A mild headache or tiredness is common on\n      the first day and usually   \n",
    ],
)
def test_a_change_of_blanks_the_page_does_not_print_keeps_every_translation(
    tmp_path: Path, retyped: str
) -> None:
    """The page prints each run of blanks as one space (`inline.parse_inline`), so an
    author who retypes the blanks of a sentence changed nothing a reader sees. The
    msgid kept the runs as typed: every language's translation turned fuzzy, printed
    in English, and its sign-off went stale, for an edit no reader could see."""
    root = copy_sources(tmp_path)
    cli("extract", "--project", str(root))
    cli("init", "th", "--project", str(root))
    translate(root / PO, THAI)
    before = _translations(read_po(root / PO))

    source = root / "leaflets" / "care-basics.yaml"
    yaml_text = source.read_text()
    assert PARAGRAPH_3 in yaml_text
    source.write_text(yaml_text.replace(PARAGRAPH_3, retyped))
    cli("update", "--project", str(root))

    after = read_po(root / PO)
    assert _translations(after) == before
    entry = {e.msgctxt: e for e in after.active}["paragraph/3"]
    assert (entry.msgstr, entry.fuzzy) == (THAI["paragraph/3"], False)


def _translations(catalog: Catalog) -> list[tuple[object, ...]]:
    """What a translator's work is, entry by entry (not where the leaflet has it)."""
    return [(e.key, e.msgstr, e.fuzzy, e.obsolete) for e in catalog.entries]


def test_a_no_break_space_the_page_prints_stays_in_the_msgid(make_project: Any) -> None:
    """Only the blanks the page folds are folded: a no-break space (10\u00a0mg, kept
    together on a line) is part of the text the translator sees."""
    from msc_leaflet.content.loader import load_leaflet
    from msc_leaflet.i18n.extract import leaflet_entries

    blocks = '- paragraph: "Take 10\\u00a0mg  once,\\tthen\\nrest."\n'
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    path = root / "leaflets" / "sample.yaml"
    leaflet, _ = load_leaflet(path, Project.at(root))
    msgids = {e.msgctxt: e.msgid for e in leaflet_entries(leaflet, path.name)}
    assert msgids["paragraph/1"] == "Take 10\u00a0mg once, then rest."


@pytest.mark.parametrize("blanks", ["  ", " \t", "\u2028", " \u0085 "])
def test_a_catalog_extracted_before_blanks_were_folded_keeps_its_translations(
    tmp_path: Path, blanks: str
) -> None:
    """A catalog written when the msgid kept a sentence's blanks as typed ("and  usually")
    holds the same text the page prints ("and usually"): `update` keeps its translation
    as it was, not fuzzy (printed in English, its sign-off stale) for blanks no reader
    ever saw."""
    root = copy_sources(tmp_path)
    cli("extract", "--project", str(root))
    cli("init", "th", "--project", str(root))
    translate(root / PO, THAI)
    before = _translations(read_po(root / PO))
    catalog = read_po(root / PO)
    entry = {e.msgctxt: e for e in catalog.active}["paragraph/3"]
    entry.msgid = entry.msgid.replace("first day and usually", f"first day and{blanks}usually")
    write_po(root / PO, catalog)

    cli("update", "--project", str(root))

    after = read_po(root / PO)
    assert _translations(after) == before
    entry = {e.msgctxt: e for e in after.active}["paragraph/3"]
    assert "and usually" in entry.msgid
    assert (entry.msgstr, entry.fuzzy) == (THAI["paragraph/3"], False)
    assert not after.obsolete


#: A promise of cure as a translator may write it in a subtitle, and the words the claim
#: rules name in it: "stem cells cure diabetes for good".
CLAIMS_IN_TRANSLATION = [
    ("th", "เซลล์ต้นกำเนิดรักษาเบาหวานให้หายขาดได้", "หายขาด"),
    ("vi", "Tế bào gốc chữa khỏi hoàn toàn bệnh tiểu đường.", "chữa khỏi hoàn toàn"),
    ("ar", "الخلايا الجذعية تشفي مرض السكري تماماً.", "تشفي"),
    ("ja", "幹細胞は糖尿病を完治させます。", "完治"),
]


def _with_catalog(tmp_path: Path, locale: str) -> tuple[Path, Path]:
    """A copy of the bundled project with a catalog of what-msc-can-do in ``locale``."""
    root = copy_bundled(tmp_path)
    po = root / "locales" / locale / "LC_MESSAGES" / "what-msc-can-do.po"
    if not po.is_file():
        assert invoke("i18n", "init", locale, "-q", "--project", str(root))[0] == 0
    return root, po


@pytest.mark.parametrize(("locale", "msgstr", "claim"), CLAIMS_IN_TRANSLATION)
def test_i18n_check_names_a_claim_in_a_translation_at_its_msgstr(
    tmp_path: Path, locale: str, msgstr: str, claim: str
) -> None:
    """A cure claim written in a translation was reported by `check -l th` and refused
    by `build --strict`, but `i18n check`, the command the translator runs on the
    catalog, said "0 error(s)". It names it now, at the msgstr's line and column, with
    the code, severity, message and hint `check` gives (one implementation: the checks
    stage's rules), in its JSON too."""
    import json

    from i18n_support import set_msgstr

    root, po = _with_catalog(tmp_path, locale)
    set_msgstr(po, "subtitle", msgstr)
    line = msgstr_line(po, "subtitle")

    code, output = invoke("i18n", "check", "--project", str(root))

    assert code == 1, output
    found = _one_claim_at(output, po, line, claim)
    column = found.location.column
    assert claim in found.message and "Traceback" not in output
    _, checked = invoke("check", "-l", locale, "what-msc-can-do", "--project", str(root))
    [told] = [x for x in checked.splitlines() if ": CLAIM001: " in x]
    assert told.split(": error: ", 1)[1] in output  # the same code, message and hint
    _, document = invoke("i18n", "check", "--json", "--project", str(root))
    [as_json] = [f for f in json.loads(document)["findings"] if f["code"] == "CLAIM001"]
    assert (as_json["line"], as_json["column"], as_json["severity"]) == (line, column, "error")


@pytest.mark.parametrize(
    ("locale", "msgstr"),
    [
        ("th", "เซลล์ต้นกำเนิดยังรักษาโรคเบาหวานให้หายขาดไม่ได้"),  # cannot cure: a denial
        ("vi", "Tế bào có thể giúp giảm triệu chứng."),  # may ease symptoms
        ("ja", "症状をやわらげる可能性があります。"),  # may ease symptoms
    ],
)
def test_i18n_check_leaves_an_honest_translation_alone(
    tmp_path: Path, locale: str, msgstr: str
) -> None:
    """A denial or a modest claim, which `check` lets pass, is no finding of `i18n check`."""
    from i18n_support import set_msgstr

    root, po = _with_catalog(tmp_path, locale)
    set_msgstr(po, "subtitle", msgstr)
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 0 and "CLAIM" not in output, output


def test_i18n_check_on_the_bundled_project_finds_no_claim(tmp_path: Path) -> None:
    """The bundled translations make no promise: `i18n check` exits 0 on them, and any
    finding of the checks stage it gives is one `check` gives of the same msgstr."""
    root = copy_bundled(tmp_path)
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 0 and "CLAIM" not in output and "error:" not in output, output


def test_i18n_check_reads_the_content_checks_as_the_project_sets_them(tmp_path: Path) -> None:
    """`i18n check` judges a translation's text with the project's severities, as
    `check` does (READ006 turned off is no finding), and a settings file it cannot
    read is one error naming its line, not a traceback nor a silent default."""
    root = copy_bundled(tmp_path)
    settings = root / "msc-leaflet.toml"
    assert "READ006" in invoke("i18n", "check", "--project", str(root))[1]
    settings.write_text('[checks.READ006]\nseverity = "off"\n', encoding="utf-8")
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 0 and "READ006" not in output, output
    settings.write_text('[checks.CLAIM01]\nseverity = "off"\n', encoding="utf-8")
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 1 and "msc-leaflet.toml:1: error:" in output, output
    assert "Traceback" not in output


def _one_claim_at(output: str, po: Path, line: int, claim: str) -> Finding:
    """The one CLAIM001 ``output`` names, checked to stand at the column of ``claim`` on
    ``po``'s ``line``."""
    [found] = [read_finding(x) for x in output.splitlines() if ": CLAIM001: " in x]
    assert found.location.path.resolve() == po.resolve(), output
    column = po.read_text("utf-8").splitlines()[line - 1].index(claim) + 1
    assert (found.location.line, found.location.column) == (line, column), output
    return found


@pytest.mark.parametrize(
    ("locale", "msgstr", "claim"),
    UI_CATALOG_CLAIMS,
)
def test_i18n_check_names_a_claim_in_the_ui_catalog_of_a_language_no_leaflet_is_in(
    tmp_path: Path, locale: str, msgstr: str, claim: str
) -> None:
    """A translator starts a language with ui.po (the closing box's "Contact us", the
    callouts' labels): `build -l vi` prints those words with every leaflet, yet
    `i18n check` read ui.po only with a leaflet's catalog in its language, and a cure
    promised there passed. It names it at the msgstr, as `check -l` does."""
    from i18n_support import set_msgstr

    root = copy_bundled(tmp_path)
    folder = root / "locales" / locale / "LC_MESSAGES"
    for po in folder.glob("*.po"):
        if po.stem != "ui":
            po.unlink()
    ui = folder / "ui.po"
    set_msgstr(ui, "contact", msgstr)
    line = msgstr_line(ui, "contact")

    code, output = invoke("i18n", "check", "--project", str(root))

    assert code == 1, output
    _one_claim_at(output, ui, line, claim)
    _, checked = invoke("check", "-l", locale, "--project", str(root))
    [told] = [x for x in checked.splitlines() if ": CLAIM001: " in x]
    assert told.split(": error: ", 1)[1] in output  # the same code, message and hint


def _windows_1258(text: str) -> str:
    """``text`` as a Windows-1258 editor stores it: each vowel letter composed (ê, ơ),
    its tone mark a combining character after it ("ệ" as ê ◌̣)."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        marks = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in marks if c not in tones))
        out.append(letter + "".join(c for c in marks if c in tones))
    return "".join(out)


def _outline_titles(outline: list[Any]) -> list[str]:
    """The titles of every bookmark of ``outline``, nested ones too."""
    found: list[str] = []
    for item in outline:
        found += _outline_titles(item) if isinstance(item, list) else [str(item.title)]
    return found


@pytest.mark.parametrize("spelling", ["NFD", "windows-1258"])
def test_a_catalog_saved_decomposed_gives_a_composed_title_and_bookmarks(
    tmp_path: Path, spelling: str
) -> None:
    """A Vietnamese catalog saved decomposed by the translator's editor (NFD: "ệ" as
    e ◌̣ ◌̂, or Windows-1258's tone marks apart: ê ◌̣) printed composed glyphs, but the
    PDF's title, subject, keywords, XMP and bookmarks kept the decomposed letters: a
    viewer's bookmark search or a file search for "Sau khi truyền tế bào" found nothing;
    so did the /Author of a clinic profile saved so. Every text a reader gets from the
    PDF is now composed (NFC), whatever the file's."""
    import shutil
    import unicodedata

    project = tmp_path / "p"
    shutil.copytree(Path(__file__).parent / "fixtures" / "languages", project)
    po = project / "locales" / "vi" / "LC_MESSAGES" / "after-your-infusion.po"
    catalog = read_po(po)
    for entry in catalog.active:
        if entry.msgstr:
            decomposed = unicodedata.normalize("NFD", entry.msgstr)
            entry.msgstr = decomposed if spelling == "NFD" else _windows_1258(entry.msgstr)
    write_po(po, catalog)
    assert not unicodedata.is_normalized("NFC", po.read_text("utf-8"))
    profile = project / "organisations" / "test-clinic.yaml"
    name = unicodedata.normalize("NFD", "Phòng khám Việt")  # every PDF's /Author
    profile.write_text(profile.read_text("utf-8").replace("Test Clinic", name), "utf-8")
    out = tmp_path / "out"
    build_leaflet(Project.at(project), "after-your-infusion", "vi", out)
    reader = PdfReader(out / "vi" / "after-your-infusion.pdf")
    info = reader.metadata
    assert info is not None and info.title == "Sau khi truyền tế bào"
    assert info.author == "Phòng khám Việt"
    said = [str(info.title), str(info.subject), str(info.get("/Keywords", ""))]
    said += _outline_titles(reader.outline)
    xmp = reader.xmp_metadata
    assert xmp is not None
    said.append(xmp.stream.get_data().decode("utf-8"))
    assert [text for text in said if not unicodedata.is_normalized("NFC", text)] == []
    page = "".join(page.extract_text() for page in reader.pages)
    assert unicodedata.is_normalized("NFC", page) and "Sau khi truyền tế bào" in page
