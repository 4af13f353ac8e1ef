"""LAYOUT007–008: `check` reports, in the build's own words and at its place, what
`build` refuses as too large for the page: the band's name or contacts, a `url:` no QR
code holds. A clean `check` before a print run means the build will not stop there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import leaflet_yaml
from i18n_support import invoke, set_msgstr
from msc_leaflet.checks import run_checks
from msc_leaflet.errors import CheckFinding
from msc_leaflet.project import Project

GOOD = leaflet_yaml("- paragraph: Hello.\n", references="")
PROFILE = "organisations/test-clinic.yaml"
#: Too wide for the band on any paper.
LONG_NAME = "Bangkok International Regenerative Medicine and Wellness Clinic Co., Ltd."
#: Fits the band on A4 (the theme's paper), not on A5.
A4_NAME = "Bangkok Regenerative Medicine Clinic Co., Ltd."


def fit(root: Path, locales: list[str] | None = None) -> list[CheckFinding]:
    found = run_checks(Project.at(root), [], locales or [])
    return [f for f in found if isinstance(f, CheckFinding) and f.code.startswith("LAYOUT")]


def rename(root: Path, old: str, new: str) -> None:
    profile = root / PROFILE
    text = profile.read_text("utf-8")
    assert old in text
    profile.write_text(text.replace(old, new), "utf-8")


def build(root: Path, *args: str) -> tuple[int, str]:
    return invoke("build", "--project", str(root), "-o", str(root / "out"), *args)


def test_a_name_too_wide_for_the_band_is_reported_as_build_refuses_it(
    make_project: Callable[..., Path],
) -> None:
    # `build` stopped at the profile's line; `check` said nothing, exit 0.
    root = make_project({"sample": GOOD})
    rename(root, "Test Clinic", LONG_NAME)
    (finding,) = fit(root)
    assert (finding.code, finding.severity) == ("LAYOUT007", "error")
    assert finding.location.path == root / PROFILE and finding.location.line == 1
    assert finding.message.startswith("the organisation's name is too wide for the band")
    assert finding.hint.startswith("shorten 'name'")
    code, output = build(root)
    assert code == 1 and f"{PROFILE}:1: error: {finding.message}" in output, output
    code, output = invoke("check", "--project", str(root))
    assert code == 1 and f"{PROFILE}:1: error: LAYOUT007: {finding.message}" in output


def test_contact_lines_too_wide_for_the_band_are_reported_as_build_refuses_them(
    make_project: Callable[..., Path],
) -> None:
    root = make_project({"sample": GOOD})
    rename(root, '"@testclinic"', '"@' + "testclinic" * 30 + '"')
    (finding,) = fit(root)
    assert finding.message.startswith("the organisation's contact lines are too wide")
    assert finding.hint.startswith("shorten 'line', 'whatsapp' or 'web'")
    code, output = build(root)
    assert code == 1 and finding.message in output, output


def test_a_name_that_fits_only_the_themes_paper_is_a_warning_naming_the_paper(
    make_project: Callable[..., Path],
) -> None:
    # The A4 build works; `build --paper a5` (and a booklet, on A5 pages) stops.
    root = make_project({"sample": GOOD})
    rename(root, "Test Clinic", A4_NAME)
    (finding,) = fit(root)
    assert finding.severity == "warning"
    assert "on a5:" in finding.message
    assert "`build --paper a5` refuses this" in finding.hint
    assert build(root)[0] == 0
    code, output = build(root, "--paper", "a5", "--force")
    assert code == 1 and finding.message in output, output


def test_a_thai_name_too_wide_is_reported_in_thai_only_at_its_line(i18n_project: Path) -> None:
    # The Thai leaflet's band prints the Thai name: the English build works.
    long_thai = "คลินิกเวชศาสตร์ฟื้นฟูนานาชาติกรุงเทพมหานครและศูนย์สุขภาพดีครบวงจร บริษัท จำกัด (มหาชน)"
    rename(i18n_project, "name: Test Clinic", f"name:\n  en: Test Clinic\n  th: {long_thai}")
    assert not fit(i18n_project, ["en"])
    (finding,) = fit(i18n_project, ["th"])
    assert finding.location.line == 3  # the th: line
    assert finding.message.startswith("[th] the organisation's name is too wide")
    code, output = build(i18n_project, "-l", "th")
    assert code == 1 and finding.message.removeprefix("[th] ") in output, output


def test_a_web_address_no_qr_code_holds_is_reported_at_its_line(
    make_project: Callable[..., Path],
) -> None:
    url = "https://example.org/" + "a" * 5000
    text = GOOD.replace("audience: Testers\n", f"audience: Testers\nurl: {url}\n")
    root = make_project({"sample": text})
    (finding,) = fit(root)
    assert (finding.code, finding.severity) == ("LAYOUT008", "error")
    assert finding.location.line == text[: text.index("url:")].count("\n") + 1
    assert "too long for a QR code a phone can read" in finding.message
    assert finding.hint.startswith("shorten the address to ")
    code, output = build(root)
    assert code == 1 and finding.message in output and finding.hint in output, output


def test_a_band_and_an_address_that_fit_are_not_reported(
    make_project: Callable[..., Path],
) -> None:
    text = GOOD.replace("audience: Testers\n", "audience: Testers\nurl: https://example.org/x\n")
    assert not fit(make_project({"sample": text}))


def test_a_name_with_a_character_no_font_has_is_left_to_text002(
    make_project: Callable[..., Path],
) -> None:
    # Measuring the band stopped `check` with the build's MissingGlyphError.
    root = make_project({"sample": GOOD})
    rename(root, "Test Clinic", "Test Clinic \U0001f33f")
    assert not fit(root)
    codes = [f.code for f in run_checks(Project.at(root)) if isinstance(f, CheckFinding)]
    assert "TEXT002" in codes


#: Fits the band on A4 beside the English "LINE @testclinic", not beside a long
#: translation of "LINE" (each under I18N023's 60 characters, so the build prints it).
CENTER_NAME = "Bangkok Regenerative Medicine Center Ltd."
#: "Contact us on LINE 24 hours a day, every day, holidays included."
THAI_LINE = "ติดต่อเราทางไลน์ได้ตลอดยี่สิบสี่ชั่วโมงทุกวันไม่เว้นวันหยุด"
#: "Message our clinic through the LINE app."
VIETNAMESE_LINE = "Nhắn tin cho phòng khám của chúng tôi qua ứng dụng LINE"


def _ui_only(root: Path, locale: str, line: str) -> Path:
    """``root`` with a ``locale`` ui catalog that translates "LINE" as ``line`` (its other
    labels untranslated) and no leaflet's catalog: a language a translator has started
    with the page's own words, which `build -l` prints every leaflet with."""
    th = (root / "locales" / "th" / "LC_MESSAGES" / "ui.po").read_text("utf-8")
    header = th.split("\n\n")[0].replace("Language: th", f"Language: {locale}")
    folder = root / "locales" / locale / "LC_MESSAGES"
    folder.mkdir(parents=True)
    entry = f'msgctxt "line"\nmsgid "LINE"\nmsgstr "{line}"\n'
    (folder / "ui.po").write_text(f"{header}\n\n{entry}", "utf-8")
    return folder / "ui.po"


def _po_place(catalog: Path, msgstr: str) -> tuple[int, int]:
    """(line, column) of ``msgstr``'s first character in ``catalog``."""
    lines = catalog.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text == f'msgstr "{msgstr}"')
    return line, len('msgstr "') + 1


def test_a_long_contact_label_is_reported_at_its_msgstr_by_check_and_build(
    i18n_project: Path,
) -> None:
    # Both named the profile's `name:` line and said to shorten the profile's
    # contacts: the clinic's admin could not fix the translator's "LINE".
    rename(i18n_project, "Test Clinic", CENTER_NAME)
    catalog = i18n_project / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    set_msgstr(catalog, "line", THAI_LINE)
    assert not fit(i18n_project, ["en"])
    (finding,) = fit(i18n_project, ["th"])
    assert (finding.code, finding.severity) == ("LAYOUT007", "error")
    line, column = _po_place(catalog, THAI_LINE)
    assert (finding.location.path, finding.location.line) == (catalog, line)
    assert finding.location.column == column
    assert finding.message.startswith("[th] the organisation's contact lines are too wide")
    assert "('line')" in finding.message
    assert finding.hint.startswith("shorten this translation of 'line'")
    code, output = build(i18n_project, "-l", "th")
    place = f"ui.po:{line}:{column}: error: {finding.message.removeprefix('[th] ')}"
    assert code == 1 and place in output and finding.hint in output, output


def test_a_long_contact_value_is_still_the_profiles(i18n_project: Path) -> None:
    # A translated "LINE" beside an over-long LINE id: the id is the longer part and
    # is fixed in the profile, where the finding stays.
    rename(i18n_project, '"@testclinic"', '"@' + "testclinic" * 30 + '"')
    catalog = i18n_project / "locales" / "th" / "LC_MESSAGES" / "ui.po"
    set_msgstr(catalog, "line", "ไลน์")
    (finding,) = fit(i18n_project, ["th"])
    assert finding.location.path == i18n_project / PROFILE
    assert finding.hint.startswith("shorten 'line', 'whatsapp' or 'web'")


def test_a_band_too_wide_in_a_language_with_only_ui_po_is_reported(i18n_project: Path) -> None:
    # `build -l vi` prints every leaflet with ui.po's words and stops at the band;
    # `check` (every locale, or `-l vi`) said nothing.
    rename(i18n_project, "Test Clinic", CENTER_NAME)
    catalog = _ui_only(i18n_project, "vi", VIETNAMESE_LINE)
    line, column = _po_place(catalog, VIETNAMESE_LINE)
    for locales in ([], ["vi"]):
        (finding,) = fit(i18n_project, locales)
        assert finding.code == "LAYOUT007" and finding.message.startswith("[vi] ")
        place = (finding.location.path, finding.location.line, finding.location.column)
        assert place == (catalog, line, column)
    code, output = build(i18n_project, "-l", "vi")
    assert code == 1 and f"ui.po:{line}:{column}: error: " in output, output


def test_a_name_too_wide_in_a_language_with_only_ui_po_is_reported(i18n_project: Path) -> None:
    # The profile's Vietnamese name is printed with ui.po's words in a `build -l vi`;
    # `check` kept only the findings in ui.po, and said nothing of it.
    # "Bangkok International Regenerative Medicine Clinic and Comprehensive Health Care
    # Centre".
    long_name = "Phòng khám Y học Tái tạo Quốc tế Bangkok và Trung tâm Chăm sóc Sức khỏe Toàn diện"
    rename(i18n_project, "name: Test Clinic", f"name:\n  en: Test Clinic\n  vi: {long_name}")
    _ui_only(i18n_project, "vi", "LINE")
    (finding,) = fit(i18n_project)
    assert (finding.location.path, finding.location.line) == (i18n_project / PROFILE, 3)
    assert finding.message.startswith("[vi] the organisation's name is too wide")
    code, output = build(i18n_project, "-l", "vi")
    assert code == 1 and finding.message.removeprefix("[vi] ") in output, output
