"""TEXT004: bold or italic the theme's font for a script cannot show is reported, at
the leaflet's line for `check` and at the msgstr's words for `i18n check`."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import REPO, leaflet_yaml
from i18n_support import invoke
from msc_leaflet.checks import run_checks
from msc_leaflet.errors import CheckFinding
from msc_leaflet.i18n.pofile import read_po, write_po
from msc_leaflet.project import Project

LEAFLET = "leaflets/after-your-infusion.yaml"
OLD = (
    "After any infusion, get urgent help for chest pain, trouble breathing or other "
    "serious signs. In Thailand, call **1669**."
)
SOURCE = (
    "After any infusion, get urgent help for chest pain, trouble breathing or other "
    "serious signs. **Do not** wait for your next visit, and keep *this leaflet* with "
    "you. In Thailand, call **1669**."
)
#: The callout translated with the source's emphasis, as a translator keeps it.
TRANSLATED = {
    "zh_Hans": (
        "任何输注之后，如果出现胸痛、呼吸困难或其他严重症状，请立即求助。**不要**等到下次"
        "复诊，并随身携带*本手册*。在泰国，请拨打 **1669**。"
    ),
    "km": (
        "បន្ទាប់ពីការបញ្ចូលណាមួយ សូមស្វែងរកជំនួយបន្ទាន់ ប្រសិនបើអ្នកឈឺទ្រូង ពិបាកដកដង្ហើម "
        "ឬមានសញ្ញាធ្ងន់ធ្ងរផ្សេងទៀត។ **កុំ**រង់ចាំដល់ការណាត់ជួបលើកក្រោយ ហើយយក*ខិត្តប័ណ្ណនេះ*"
        "ជាប់ជាមួយអ្នក។ នៅប្រទេសថៃ សូមហៅលេខ **1669**។"
    ),
    "vi": (
        "Sau bất kỳ lần truyền nào, hãy tìm trợ giúp khẩn cấp nếu bị đau ngực, khó thở hoặc "
        "có dấu hiệu nghiêm trọng khác. **Đừng** chờ đến lần khám sau, và mang theo *tờ "
        "thông tin này*. Tại Thái Lan, hãy gọi **1669**."
    ),
}


def emphasis_project(tmp_path: Path, theme: str = "") -> Path:
    """The languages fixture, its warning callout with a bold "Do not" and an italic
    phrase, translated into Chinese, Khmer and Vietnamese with the same markup."""
    root = tmp_path / "languages"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", root)
    leaflet = root / LEAFLET
    text = leaflet.read_text("utf-8")
    folded = "After any infusion, get urgent help for chest pain, trouble breathing or\n"
    assert folded in text
    leaflet.write_text(
        text.replace(
            folded + "      other serious signs. In Thailand, call **1669**.",
            folded + "      other serious signs. **Do not** wait for your next visit, and keep\n"
            "      *this leaflet* with you. In Thailand, call **1669**.",
        ),
        "utf-8",
    )
    for locale, msgstr in TRANSLATED.items():
        path = catalog(root, locale)
        po = read_po(path)
        (entry,) = (e for e in po.active if e.msgctxt == "urgent-help")
        assert entry.msgid == OLD
        entry.msgid, entry.msgstr = SOURCE, msgstr
        write_po(path, po)
    if theme:
        (root / "theme.yaml").write_text(theme, "utf-8")
    return root


def catalog(root: Path, locale: str) -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / "after-your-infusion.po"


def unshown(root: Path, locales: list[str] | None = None) -> list[CheckFinding]:
    found = run_checks(Project.at(root), [], locales or [])
    return [f for f in found if isinstance(f, CheckFinding) and f.code == "TEXT004"]


def test_chinese_bold_and_italic_and_khmer_italic_are_reported_where_they_are_typed(
    tmp_path: Path,
) -> None:
    root = emphasis_project(tmp_path)
    found = {(f.message.split("]")[0][1:], f.message.split("'")[1]): f for f in unshown(root)}
    # Khmer has a bold (its bold "do not" shows) and no italic; the CJK font has neither;
    # English and Vietnamese (Sarabun) and the digits of **1669** (Sarabun's bold) show.
    assert sorted(found) == [("km", "ខិត្តប័ណ្ណនេះ"), ("zh_Hans", "不要"), ("zh_Hans", "本手册")]
    bold = found["zh_Hans", "不要"]
    assert bold.severity == "warning"
    assert bold.message == (
        "[zh_Hans] '不要' is marked bold and prints in the regular face: the Han font "
        "(NotoSansCJKsc) has no bold face in the theme"
    )
    assert "add a bold face under `fonts: families: NotoSansCJKsc`" in bold.hint
    leaflet_line = REPO.joinpath("tests/fixtures/languages", LEAFLET).read_text().splitlines()
    assert bold.location.path.as_posix().endswith(LEAFLET)
    assert leaflet_line[bold.location.line - 1].strip().startswith("- callout:")
    italic = found["km", "ខិត្តប័ណ្ណនេះ"]
    assert italic.message == (
        "[km] 'ខិត្តប័ណ្ណនេះ' is marked italic and prints in the regular face: the Khmer font "
        "(NotoSansKhmer) has no italic face in the theme"
    )
    assert italic.hint.startswith("use bold (**…**), which it has, or add an italic face")
    assert "change the msgstr of 'urgent-help' (" in italic.hint


def test_i18n_check_reports_it_at_the_msgstr_words(tmp_path: Path) -> None:
    root = emphasis_project(tmp_path)
    path = catalog(root, "zh_Hans")
    lines = path.read_text("utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if "**不要**" in line)
    column = lines[row].index("不要") + 1
    code, output = invoke("i18n", "check", "--project", str(root))
    where = f"{path.relative_to(root).as_posix()}:{row + 1}:{column}: warning: TEXT004: "
    assert where + "[zh_Hans] '不要' is marked bold" in output.replace(str(root) + "/", ""), output
    assert code == 0, output  # a warning


def test_a_theme_with_a_bold_cjk_face_is_not_warned_of_its_bold(tmp_path: Path) -> None:
    """The rule reads the project's theme: a clinic that adds a bold CJK file hears no
    more of Chinese bold (the file here is the regular one, named as the bold)."""
    bundled = REPO.joinpath("src/msc_leaflet/data/theme.yaml").read_text("utf-8")
    one_weight = (
        "      regular: NotoSansCJKsc-Regular.ttf\n      bold: regular\n"
        "      italic: regular\n      bold-italic: regular\n"
    )
    assert one_weight in bundled
    theme = bundled.replace(
        one_weight,
        "      regular: NotoSansCJKsc-Regular.ttf\n      bold: NotoSansCJKsc-Regular.ttf\n"
        "      italic: regular\n      bold-italic: bold\n",
    )
    root = emphasis_project(tmp_path, theme)
    words = sorted(f.message.split("'")[1] for f in unshown(root, ["zh_Hans"]))
    assert words == ["本手册"]


def test_a_theme_that_sets_khmer_italic_in_its_bold_is_not_warned_of_it(tmp_path: Path) -> None:
    """``italic: bold``: the italic term prints bold, the emphasis these scripts use."""
    bundled = REPO.joinpath("src/msc_leaflet/data/theme.yaml").read_text("utf-8")
    at = bundled.index("    NotoSansKhmer:\n")
    italic = bundled.index("      italic: regular\n", at)
    assert bundled.index("    NotoSansArabic:\n") > italic  # Khmer's own italic
    theme = bundled[:italic] + bundled[italic:].replace("italic: regular", "italic: bold", 1)
    root = emphasis_project(tmp_path, theme)
    assert unshown(root, ["km"]) == []


def test_english_bold_and_thai_italic_are_not_reported(
    make_project: Callable[..., Path],
) -> None:
    """Sarabun has a bold and an italic for Latin and Thai; a Latin word inside Chinese
    bold is set in Sarabun's bold, so it shows."""
    blocks = (
        "- paragraph: '**Do not** stop your medicine. *Viability* is the share alive.'\n"
        "- paragraph: 'In Thai: **ห้าม**หยุดยาเอง และ *ความมีชีวิต* ของเซลล์'\n"
        "- paragraph: 'Ask for the **MSC 说明书** and *CoA*.'\n"
        "- paragraph: 'In Japanese: **やめないで**'\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    text = leaflet_yaml(blocks, references="")
    found = unshown(root)
    assert [f.message for f in found] == [
        "'说明书' is marked bold and prints in the regular face: the Han font (NotoSansCJKsc) "
        "has no bold face in the theme",
        "'やめないで' is marked bold and prints in the regular face: the Hiragana font "
        "(NotoSansCJKsc) has no bold face in the theme",
    ]
    # In the source, at the line and column where the words are typed.
    row = next(n for n, line in enumerate(text.splitlines()) if "说明书" in line)
    column = text.splitlines()[row].index("说明书") + 1
    assert (found[0].location.line, found[0].location.column) == (row + 1, column)
    assert found[0].hint.startswith("say it in the words themselves, or add a bold face")


def test_italic_inside_khmer_bold_is_reported_as_it_prints_as_the_bold_around_it(
    make_project: Callable[..., Path],
) -> None:
    """Khmer's bold-italic is its bold: ``**កុំ*ឈប់*ប្រើថ្នាំ**`` prints ឈប់ as bold
    as the words around it; its bold alone shows."""
    blocks = "- paragraph: '**កុំ*ឈប់*ប្រើថ្នាំ**ដោយខ្លួនឯង។'\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    (finding,) = unshown(root)
    assert finding.message == (
        "'ឈប់' is marked italic and prints in the bold face: the Khmer font (NotoSansKhmer) "
        "has no bold-italic face in the theme"
    )
    assert finding.hint.startswith("say it in the words themselves, or add a bold-italic face")


def test_every_substitute_of_the_bundled_theme_is_known_from_its_data() -> None:
    """Which emphasis each family cannot show is read from the theme's substitutes, not
    a list: every family but Sarabun lacks italic, and the CJK one bold too."""
    from msc_leaflet.typeset.font_files import bundled_config

    unshown_by_family = {
        family.name: {role: family.unshown(role) for role in ("bold", "italic", "bold-italic")}
        for family in bundled_config().families
    }
    no_italic = {"bold": (), "italic": ("italic",), "bold-italic": ("italic",)}
    assert unshown_by_family == {
        "Sarabun": {"bold": (), "italic": (), "bold-italic": ()},
        "NotoSansKhmer": no_italic,
        "NotoSansArabic": no_italic,
        "NotoSansDevanagari": no_italic,
        "NotoSansMyanmar": no_italic,
        "NotoSansLao": no_italic,
        "NotoSansCJKsc": {
            "bold": ("bold",),
            "italic": ("italic",),
            "bold-italic": ("bold", "italic"),
        },
    }


def test_the_bundled_library_has_no_unshown_emphasis() -> None:
    assert unshown(REPO) == []
    assert unshown(REPO / "tests" / "fixtures" / "languages") == []


def test_bold_in_a_figures_alt_text_is_not_reported_as_it_is_never_printed(
    make_project: Callable[..., Path],
) -> None:
    """A figure's alt text is spoken by a screen reader, its markup dropped: a bold
    there loses nothing on the page, and TEXT004 warned of it as if it printed plain
    (a Japanese alt text, "**このアドレス**は…", found by a random leaflet)."""
    from PIL import Image

    blocks = (
        "- figure: images/desk.png\n"
        "  caption: The desk.\n"
        "  alt: '**このアドレス**は窓口にありません。'\n"
        "- paragraph: 'In Japanese: **やめないで**'\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    (root / "images").mkdir()
    Image.new("RGB", (600, 400), "white").save(root / "images" / "desk.png")
    assert [f.message.split("'")[1] for f in unshown(root)] == ["やめないで"]
