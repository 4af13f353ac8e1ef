"""TEXT002, TEXT003: `check` reports what `build` refuses to print, as `build` refuses it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import REPO, leaflet_yaml
from i18n_support import invoke, msgstr_line, set_msgstr
from msc_leaflet.checks import run_checks
from msc_leaflet.errors import CheckFinding
from msc_leaflet.project import Project
from test_checks_accessibility import line_of

PO = "locales/th/LC_MESSAGES/care-basics.po"


def printable(root: Path, locales: list[str] | None = None) -> list[CheckFinding]:
    found = run_checks(Project.at(root), [], locales or [])
    return [f for f in found if isinstance(f, CheckFinding) and f.code == "TEXT002"]


def test_an_emoji_is_reported_at_its_line_as_build_refuses_it(
    make_project: Callable[..., Path],
) -> None:
    blocks = "- paragraph: Keep the bandage on.\n- paragraph: Smile \U0001f600 today.\n"
    text = leaflet_yaml(blocks, references="")
    root = make_project({"sample": text})
    (finding,) = printable(root)
    assert finding.severity == "error"
    assert finding.location.line == line_of(text, "Smile")
    assert finding.message == (
        "U+1F600 GRINNING FACE cannot be printed: no font in the theme has this symbol, "
        "so it would show as an empty box"
    )
    assert finding.hint.startswith("remove it, or write it in words")
    # The same fact, from the same place, stops the build.
    code, output = invoke("build", "--project", str(root), "-o", str(root / "out"))
    assert code == 1 and finding.message in output


def test_a_korean_word_in_a_thai_translation_names_the_script_and_the_po_entry(
    i18n_project: Path,
) -> None:
    entry_line = set_msgstr(
        i18n_project / PO, "paragraph/4", "ปิดผ้าพันแผลไว้ 4 ชั่วโมง (붕대) และอย่าให้เปียกน้ำ"
    )
    (finding,) = printable(i18n_project, ["th"])
    assert finding.location.line == 33  # the paragraph's leaflet line, where waivers are
    assert finding.message.startswith("[th] U+BD95 HANGUL SYLLABLE BUNG cannot be printed")
    assert "no font in the theme covers the Hangul script" in finding.message
    assert finding.hint.startswith("write the text without '붕', or add a font family")
    assert "`fonts: scripts: Hang`" in finding.hint
    assert "change the msgstr of 'paragraph/4' (" in finding.hint
    # The msgstr's line (below its msgctxt) and the column of the character.
    line = msgstr_line(i18n_project / PO, "paragraph/4")
    assert line > entry_line
    column = len('msgstr "') + len("ปิดผ้าพันแผลไว้ 4 ชั่วโมง (") + 1
    assert f"{PO}:{line}:{column})" in finding.hint


def test_what_the_fonts_draw_is_not_reported(make_project: Callable[..., Path]) -> None:
    """Neutral characters take the face around them, a zero-width space and a no-break
    space need no glyph of their own, other scripts take their own family."""
    blocks = (
        '- paragraph: "Take 1\u00a0tablet \u2013 or 2 \u2265 38.5 \u2103, “quoted” '
        'เซลล์\u200bต้นกำเนิด 患者（MSC） ខ្មែរ Tiếng Việt"\n'
    )
    assert printable(make_project({"sample": leaflet_yaml(blocks, references="")})) == []


def test_the_bundled_library_and_the_languages_fixture_are_printable() -> None:
    assert printable(REPO) == []
    assert printable(REPO / "tests" / "fixtures" / "languages") == []


def test_a_new_language_no_font_covers_is_an_error_before_a_word_is_translated(
    tmp_path: Path,
) -> None:
    """A clinic starts Korean (`i18n init ko`) with a theme that has no Hangul font.
    `build -l ko` refuses it, before a word is translated; `check` must say so too,
    at the catalog, with the same words and the theme key to add, not pass it with
    "untranslated" warnings only and leave the refusal for the print run."""
    import shutil

    from msc_leaflet.i18n.workflow import init_locale

    root = tmp_path / "languages"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", root)
    init_locale(Project.at(root), "ko")
    (finding,) = printable(root, ["ko"])
    assert finding.severity == "error"
    assert finding.location.path.as_posix().endswith(
        "locales/ko/LC_MESSAGES/after-your-infusion.po"
    )
    assert "no font in the theme covers the Hangul script" in finding.message
    assert "ko (Korean)" in finding.message
    assert "`fonts: scripts: Hang`" in finding.hint
    assert finding.message.startswith("[ko] ")
    refusal = finding.message.removeprefix("[ko] ")
    code, output = invoke("build", "-l", "ko", "--project", str(root), "-o", str(root / "out"))
    assert code == 1 and refusal in output
    code, output = invoke("check", "-l", "ko", "--project", str(root))
    assert code == 1 and finding.message in output


def test_a_symbol_in_the_page_words_of_a_ui_catalog_is_reported_at_its_msgstr(
    tmp_path: Path,
) -> None:
    # `build -l th` stopped at "ติดต่อเรา 📞" in ui.po's "Contact us", naming the leaflet's
    # file; `check` and `i18n check` said nothing. In a language no leaflet is in yet
    # (vi) too, as `build -l vi` prints the same words.
    from i18n_support import copy_bundled

    root = copy_bundled(tmp_path)
    for locale, label in (("th", "ติดต่อเรา 📞"), ("vi", "Liên hệ 📞")):
        ui = root / "locales" / locale / "LC_MESSAGES" / "ui.po"
        set_msgstr(ui, "contact", label)
    found = [(f.location.path.parent.parent.name, f.location.line, f) for f in printable(root)]
    assert [(locale, line) for locale, line, _ in found] == [
        ("th", msgstr_line(root / "locales/th/LC_MESSAGES/ui.po", "contact")),
        ("vi", msgstr_line(root / "locales/vi/LC_MESSAGES/ui.po", "contact")),
    ], found
    finding = found[0][2]
    assert finding.message == (
        "[th] U+1F4DE TELEPHONE RECEIVER cannot be printed: no font in the theme has this "
        "symbol, so it would show as an empty box, in a word the page prints itself ('contact')"
    )
    assert "change the msgstr of 'contact' (" in finding.hint
    code, output = invoke("i18n", "check", "--project", str(root))
    assert code == 1 and ": TEXT002: [vi] U+1F4DE" in output, output


def test_a_symbol_in_the_organisation_profile_is_reported_once_at_its_line(
    make_project: Callable[..., Path],
) -> None:
    # The band on every page prints the clinic's name and address: `build` refused
    # "Test Clinic 🌿" at the profile's line, and `check` said nothing.
    root = make_project()
    profile = root / "organisations" / "test-clinic.yaml"
    profile.write_text(
        "name: Test Clinic \U0001f33f\n"
        "address:\n  en: 1 Example Road\n  th: 1 ถนนตัวอย่าง \U0001f3e5\n",
        "utf-8",
    )
    found = [(f.location.path.name, f.location.line, f.message) for f in printable(root)]
    assert found == [
        (
            "test-clinic.yaml",
            1,
            "U+1F33F HERB cannot be printed: no font in the theme has this symbol, so it "
            "would show as an empty box, in the organisation's name, printed on every leaflet",
        ),
        (
            "test-clinic.yaml",
            4,
            "U+1F3E5 HOSPITAL cannot be printed: no font in the theme has this symbol, "
            "so it would show as an empty box, in the organisation's address, printed on "
            "every leaflet",
        ),
    ], found


def test_a_translated_title_too_long_for_a_pdf_is_reported_as_build_refuses_it(
    i18n_project: Path,
) -> None:
    """TEXT003: `build -l th` refused a Thai title longer than a PDF string may hold
    (even a draft); `check -l th` said nothing and exited 0."""
    set_msgstr(i18n_project / PO, "title", ("การดูแลตัวเองหลังรับการให้เซลล์ " * 600).strip())
    found = run_checks(Project.at(i18n_project), [], ["th"])
    (finding,) = [f for f in found if isinstance(f, CheckFinding) and f.code == "TEXT003"]
    assert finding.severity == "error"
    assert finding.message.startswith("[th] the title is too long for a PDF to hold (")
    assert "fix the msgstr of 'title' (" in finding.hint
    code, output = invoke(
        "build", "care-basics", "-l", "th", "--project", str(i18n_project),
        "-o", str(i18n_project / "out"),
    )  # fmt: skip
    refused = finding.message.removeprefix("[th] ")
    assert code == 1 and f"{finding.location.path.name}:{finding.location.line}" in output
    assert refused in output
