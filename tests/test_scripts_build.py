"""Whole leaflets in every script the clinic prints, built as a user builds them (#16)."""

from __future__ import annotations

import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from msc_leaflet.build import build_leaflet
from msc_leaflet.cli.app import app
from msc_leaflet.project import Project
from pdfread import font_problems, items_of
from scripts_samples import SAMPLES
from test_languages_editions import notdef_glyphs, text_boxes
from typeset_support import EXTRACTORS

TITLES = {
    "my": "လူနာများအတွက် အချက်အလက်",
    "km": "ព័ត៌មានសម្រាប់អ្នកជំងឺ",
    "lo": "ຂໍ້ມູນສຳລັບຄົນເຈັບ",
    "vi": "Thông tin cho bệnh nhân",
    "zh_Hans": "患者须知",
    "ja": "患者さんへのお知らせ",
    "ar": "معلومات للمريض",
    "hi": "रोगियों के लिए जानकारी",
}


def leaflet(lang: str, title: str, paragraphs: list[str]) -> str:
    blocks = "".join(f"  - paragraph: {text}\n" for text in paragraphs)
    head = textwrap.dedent(
        f"""\
        id: sample
        language: {lang}
        kicker: {title}
        title: {title}
        subtitle: {title}
        lede: {paragraphs[0]}
        document:
          code: T-001
          version: "2.1"
          published: 2026-01-01
          next_review: 2027-01-01
        audience: {title}
        organisation: test-clinic
        disclaimer: {paragraphs[-1]}
        blocks:
          - heading: {title}
        """
    )
    return head + blocks


def squash(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


@pytest.mark.parametrize("lang", sorted(TITLES))
def test_a_leaflet_in_each_script_builds_with_its_text_in_the_pdf(
    make_project: Callable[..., Path], tmp_path: Path, lang: str
) -> None:
    root = make_project({"sample": leaflet(lang, TITLES[lang], SAMPLES[lang])})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    # Right-to-left text: the extractors that reorder by position (see test_scripts_rtl).
    names = ["pdftotext", "pypdfium2"] if lang == "ar" else sorted(EXTRACTORS)
    for name in names:
        text = squash(EXTRACTORS[name](pdf))
        for paragraph in [TITLES[lang], *SAMPLES[lang]]:
            assert squash(paragraph) in text, (name, paragraph)
    assert font_problems(pdf) == []


def test_a_script_no_font_covers_is_refused_in_one_line(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    armenian = "Հիվանդը պետք է գա վաղը։"  # "The patient must come tomorrow."
    root = make_project({"sample": leaflet("hy", "Տեղեկություն", [armenian])})
    result = CliRunner().invoke(
        app, ["build", "--project", str(root), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stderr
    assert "sample.yaml" in errors[0] and "Armenian script" in errors[0]
    assert "fonts: scripts:" in result.stderr  # the hint: what to add
    assert "Traceback" not in result.stderr + result.stdout


def test_digits_printed_in_a_script_no_font_covers_name_that_script(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # A Bengali leaflet's dates are printed in Bengali digits and month names (CLDR):
    # text msc-leaflet writes, not the author (here, every text the author wrote is
    # still in English). The error named the digit as a symbol "in no font", blamed
    # the leaflet, and told the author to write it in words.
    root = make_project({"sample": leaflet("bn", "Information", ["Come back tomorrow."])})
    result = CliRunner().invoke(
        app, ["build", "--project", str(root), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stderr
    assert "Bengali script" in errors[0], errors[0]
    assert "in words" not in result.stderr
    assert "fonts: scripts:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def _line_box(pdf: Path, text: str) -> tuple[float, float, float]:
    """(x0, x1) of the lowest line holding ``text`` on page 1, and the page width."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextLine

    page = next(iter(extract_pages(str(pdf), maxpages=1)))
    found = [line for line in items_of(page, LTTextLine) if text in line.get_text()]
    assert found, f"{text!r} not found"
    line = min(found, key=lambda line: line.y0)
    return line.x0, line.x1, page.width


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("km", False)])
def test_the_page_band_and_footer_are_mirrored_for_right_to_left(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, rtl: bool
) -> None:
    root = make_project({"sample": leaflet(lang, TITLES[lang], SAMPLES[lang])})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    # The organisation opens the band; the document-control line (T-001) the footer.
    for text in ("Test Clinic", "T-001"):
        x0, x1, width = _line_box(pdf, text)
        if rtl:
            assert x1 > width * 0.8, (text, x0, x1)
        else:
            assert x0 < width * 0.2, (text, x0, x1)


# Languages the profiles do not describe: CLDR says how they are written.
# (title, a sentence, an early word of it, its last word)
UNDESCRIBED = {
    "fa": (
        "اطلاعات برای بیماران",
        "این برگه به شما می‌گوید که پیش از درمان چه بپرسید.",
        "برگه",
        "بپرسید",
    ),
    "ur": (
        "مریضوں کے لیے معلومات",
        "یہ پرچہ بتاتا ہے کہ علاج سے پہلے کیا پوچھنا ہے۔",
        "پرچہ",
        "پوچھنا",
    ),
}


@pytest.mark.parametrize("lang", sorted(UNDESCRIBED))
def test_a_right_to_left_language_without_a_profile_runs_right_to_left(
    make_project: Callable[..., Path], tmp_path: Path, lang: str
) -> None:
    # Persian and Urdu are written in Arabic script, right to left: nothing in the
    # languages table says so, CLDR does (a hard-coded table set them left to right).
    title, sentence, early, last = UNDESCRIBED[lang]
    root = make_project({"sample": leaflet(lang, title, [sentence, sentence])})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    for text in ("Test Clinic", "T-001"):
        x0, x1, width = _line_box(pdf, text)
        assert x1 > width * 0.8, (text, x0, x1)
    # The lede, one short line: read from the right, so it ends at the left, flush right.
    (_, early_x, _), *_ = text_boxes(pdf, early)
    (_, last_x, _), *_ = text_boxes(pdf, last)
    assert width * 0.2 < last_x < early_x, (last_x, early_x)
    assert squash(sentence) in squash(EXTRACTORS["pypdfium2"](pdf))


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("vi", False)])
def test_a_callout_bar_stands_where_lines_start(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, rtl: bool
) -> None:
    import pypdfium2

    warning = f"  - callout: {SAMPLES[lang][0]}\n    kind: warning\n"
    root = make_project({"sample": leaflet(lang, TITLES[lang], SAMPLES[lang]) + warning})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=1).to_pil().convert("RGB")
    document.close()
    edge = (0xB3, 0x26, 0x1E)  # theme: the warning edge, and its label's colour
    data = image.tobytes()  # RGB, row by row
    xs = Counter(
        (i // 3) % image.width
        for i in range(0, len(data), 3)
        if all(abs(data[i + k] - edge[k]) < 30 for k in range(3))
    )
    assert xs, "no callout bar drawn"
    # The bar is the column drawn the whole height of the box; the label's letters (in
    # English at the left when ui.po has no translation for it) are short strokes.
    [(bar, _)] = xs.most_common(1)
    assert (bar > image.width / 2) == rtl


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("lo", False)])
def test_list_bullets_hang_where_lines_start(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, rtl: bool
) -> None:
    items = "".join(f"      - {text}\n" for text in SAMPLES[lang])
    root = make_project(
        {"sample": leaflet(lang, TITLES[lang], SAMPLES[lang]) + "  - list:\n" + items}
    )
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    # The bullet's text, which a right-to-left item's line is read with (list_numbers).
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer

    page = next(iter(extract_pages(str(pdf), maxpages=1)))
    bullets = [c for c in items_of(page, LTChar, through=LTContainer) if c.get_text() == "•"]
    assert bullets and all((c.x0 > page.width / 2) == rtl for c in bullets)


@pytest.mark.parametrize(("lang", "first"), [("my", "၁။"), ("ar", "1."), ("lo", "1.")])
def test_list_numbers_are_written_as_the_language_writes_them(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, first: str
) -> None:
    # The locale's digits (CLDR: Myanmar digits in my, Latin in ar) and stop (Burmese
    # fonts have no "."; `languages.yaml` list-stop). The number hangs where the lines
    # start, and its text reads the number, then its stop. In Arabic the stop is drawn
    # at its left, where the reader meets it: the number is drawn as outlines beside
    # its text (`list_numbers`), a narrow stop left of the digit.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer, LTFigure

    items = "".join(f"      - {text}\n" for text in SAMPLES[lang])
    block = "  - list:\n" + items + "    style: numbered\n"
    root = make_project({"sample": leaflet(lang, TITLES[lang], SAMPLES[lang]) + block})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    page = next(iter(extract_pages(str(pdf), maxpages=1)))
    chars = items_of(page, LTChar, through=LTContainer)
    number, stop = first[0], first[1]
    for digit in [c for c in chars if c.get_text() == number]:
        after = [c for c in chars if c.get_text() == stop and abs(c.y0 - digit.y0) < 0.5]
        beside = [c for c in after if min(abs(c.x0 - digit.x1), abs(c.x1 - digit.x0)) < 0.5]
        if beside and "bold" in digit.fontname.lower():
            rtl = lang == "ar"
            assert beside[0].x0 >= digit.x1 - 0.5  # the stop read after the number
            assert (digit.x0 > page.width / 2) == rtl  # hanging where the lines start
            if rtl:
                drawn = sorted(
                    (
                        f
                        for f in items_of(page, LTFigure, through=LTContainer)
                        if f.x0 >= digit.x0 - 0.5 and digit.y0 - 1 <= f.y0 <= f.y1 <= digit.y1 + 1
                    ),
                    key=lambda f: f.x0,
                )
                assert len(drawn) == 2 and drawn[0].width < drawn[1].width  # ".1"
            break
    else:
        raise AssertionError(f"no list number {first!r}")
    assert notdef_glyphs(pdf) == []


UNCOVERED = [  # (locale, its script by Unicode's name, the theme's key for it)
    ("dv", "Thaana", "Thaa"),
    ("mn_Mong", "Mongolian", "Mong"),
    ("ko", "Hangul", "Hang"),
    ("he", "Hebrew", "Hebr"),
    ("ka", "Georgian", "Geor"),
    ("am", "Ethiopic", "Ethi"),
    ("si", "Sinhala", "Sinh"),
    ("ta", "Tamil", "Taml"),
    ("bo", "Tibetan", "Tibt"),
]


@pytest.mark.parametrize("catalog", ["missing", "empty"])
@pytest.mark.parametrize(("locale", "script", "key"), UNCOVERED)
def test_a_locale_no_font_covers_is_refused_before_any_layout(
    make_project: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    script: str,
    key: str,
    catalog: str,
) -> None:
    # With no catalog, or an empty one, every text fell back to English and the date
    # (CLDR: Latin digits for dv, mn_Mong) needed no font of the script: an English PDF
    # under the locale's name, exit 0, "untranslated" warnings only.
    from msc_leaflet.build import build as build_module

    root = make_project({"sample": leaflet("en", "Information", ["Come back tomorrow."])})
    if catalog == "empty":
        from msc_leaflet.i18n import workflow

        workflow.init_locale(Project.at(root), locale)

    def no_layout(*args: object, **kwargs: object) -> object:
        raise AssertionError("laid out a locale no font covers")

    monkeypatch.setattr(build_module, "layout_leaflet", no_layout)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["build", "-l", locale, "--project", str(root), "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors and f"{script} script" in errors[0] and locale in errors[0], result.stderr
    assert f"`fonts: scripts: {key}`" in result.stderr  # the key to add, as the theme keys it
    assert "Traceback" not in result.stderr + result.stdout
    assert not list(out.rglob("*.pdf"))


@pytest.mark.parametrize(
    "locale",
    ["th", "my", "km", "lo", "vi", "zh_Hans", "zh_Hant", "zh_TW", "ja", "ar", "fa", "ur", "hi",
     "en", "en_GB", "ru"],
)  # fmt: skip
def test_a_locale_a_font_covers_is_not_refused(locale: str) -> None:
    # ru: no Cyrillic family, but the CJK one has its letters (docs/scripts.md).
    from msc_leaflet.theme.theme import load_theme
    from msc_leaflet.typeset.fonts import locale_font

    assert locale_font(load_theme().fonts, locale).family is not None


@pytest.mark.parametrize("locale", ["zh_TW", "fa", "hi", "en_GB"])
def test_a_covered_locale_without_a_catalog_still_builds(
    make_project: Callable[..., Path], tmp_path: Path, locale: str
) -> None:
    root = make_project({"sample": leaflet("en", "Information", ["Come back tomorrow."])})
    result = build_leaflet(Project.at(root), "sample", locale, tmp_path / "out")
    assert result.pages == 1


@pytest.mark.parametrize(
    ("lang", "marks"),
    [("ja", "「」"), ("zh_Hans", "“”"), ("ar", "”“"), ("en", "“”")],
)
def test_a_quote_is_set_in_the_quotation_marks_of_its_language(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, marks: str
) -> None:
    # The layout wrapped every pull quote in English marks: “患者さん…” in a Japanese
    # leaflet, which quotes in 「」. Each language's marks are CLDR's (languages.yaml
    # quotes): Chinese “”, Arabic ”…“ (the marks turned for right to left).
    from pdfminer.high_level import extract_text

    text = SAMPLES[lang][0] if lang != "en" else "Cells that signal, not cells that replace."
    block = f"  - quote: {text}\n    attribution: {TITLES.get(lang, 'A summary')}\n"
    title = TITLES.get(lang, "Information")
    root = make_project({"sample": leaflet(lang, title, [text]) + block})
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    read = squash(extract_text(str(pdf)))
    assert squash(f"{marks[0]}{text}{marks[1]}") in read


@pytest.mark.parametrize(("lang", "rtl"), [("ar", True), ("lo", False)])
def test_a_figure_stands_where_lines_start(
    make_project: Callable[..., Path], tmp_path: Path, lang: str, rtl: bool
) -> None:
    """An Arabic figure stood at the left while its caption ended at the right (#journey4)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTContainer, LTImage
    from PIL import Image

    figure = (
        f"  - figure: images/dot.png\n    caption: {SAMPLES[lang][0]}\n"
        f"    alt: {SAMPLES[lang][-1]}\n"
    )
    root = make_project({"sample": leaflet(lang, TITLES[lang], SAMPLES[lang]) + figure})
    (root / "images").mkdir()
    Image.new("RGB", (300, 150), (200, 40, 40)).save(root / "images" / "dot.png")
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    pages = list(extract_pages(str(pdf)))
    [image] = [i for page in pages for i in items_of(page, LTImage, through=LTContainer)]
    width = pages[0].width
    # The image is narrower than half the text: it stands on the side its lines start on.
    assert image.x1 - image.x0 < width / 3
    assert (image.x0 > width / 2) == rtl
