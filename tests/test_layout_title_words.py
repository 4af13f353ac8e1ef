"""A title, a heading or a table's header is never cut inside a word: it is set
smaller, down to its style's ``shrink-words-to`` floor, until its widest word fits the
line whole (`typeset.shrink`).

In the A5 parallel edition's half column a Burmese title at 24 pt printed သွေး|ကြော
("blood vessel") across two lines, with a LAYOUT004 warning; a Khmer, Lao or Thai word
and a long English compound met the same cut in any narrow title.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.lib.colors import black

from conftest import REPO
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.layout.editions import COLUMN_GAP
from msc_leaflet.layout.styles import build_styles
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.theme.theme import load_theme
from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset.hyphenation import hyphenation_points
from msc_leaflet.typeset.segmentation import line_breaks
from pdfread import page_texts

#: Titles written without spaces, so a line must end at a word edge inside them.
TITLES = [
    ("my", "ဆဲလ်များကိုသွေးကြောထဲသွင်းပြီးနောက်"),  # after the cells are put into a vein
    ("km", "ការថែទាំបន្ទាប់ពីការចាក់កោសិកា"),  # care after the cell injection
    ("lo", "ການດູແລຫຼັງການສັກເຊວເຂົ້າເສັ້ນເລືອດ"),  # care after the cell injection into a vein
    ("th", "การดูแลตนเองหลังการให้เซลล์ทางหลอดเลือดดำ"),  # self-care after the cells by vein
    ("en", "Immunosuppression after haematopoietic transplantation"),
]
STYLES = ["title", "heading", "subheading", "table-head"]


def half_column(paper: str) -> float:
    theme = load_theme(paper=paper)
    margins = theme.margins
    return float(theme.page_size[0] - margins["left"] - margins["right"] - COLUMN_GAP) / 2


@pytest.mark.parametrize("style_name", STYLES)
@pytest.mark.parametrize(("lang", "text"), TITLES)
@pytest.mark.parametrize("fraction", [1.0, 0.75, 0.6])
def test_a_narrow_title_is_never_cut_inside_a_word(
    lang: str, text: str, style_name: str, fraction: float
) -> None:
    theme = load_theme(paper="a5")
    family = default_family()
    style = build_styles(theme, family, lang)[style_name]
    width = half_column("a5") * fraction
    cut: list[str] = []
    paragraph = make_paragraph(
        [Run(text, family.face(True, False), style.fontSize, black)],
        style,
        lang,
        on_emergency_break=cut.append,
    )
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    floor = theme.styles[style_name].shrink_words_to
    assert paragraph.style.fontSize >= floor - 1e-6
    assert paragraph.style.fontSize >= 9  # never below the print floor (LAYOUT001)
    assert not cut or paragraph.style.fontSize == pytest.approx(floor), (lines, cut)
    if cut:
        return  # a word wider than the line even at the floor: cut and reported
    allowed = set(line_breaks(text, lang)) | hyphenation_points(text, lang)
    at = 0
    for line in lines[:-1]:
        at = text.index(line.strip(), at) + len(line.strip())
        while text[at] == " ":
            at += 1
        assert at in allowed, f"{style_name} at {width:.0f} pt: cut at {at}: {lines}"
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_title_that_fits_keeps_its_size() -> None:
    """Only a word too wide shrinks a title: the English and Thai titles of the bundled
    leaflets keep 24 pt in the half column of A5."""
    theme = load_theme(paper="a5")
    family = default_family()
    for lang, text in [("en", "What MSC therapy can and cannot do"), ("th", "ความปลอดภัย")]:
        style = build_styles(theme, family, lang)["title"]
        paragraph = make_paragraph(
            [Run(text, family.face(True, False), style.fontSize, black)], style, lang
        )
        paragraph.wrap(half_column("a5"), 10_000)
        assert paragraph.style.fontSize == style.fontSize == 24


def test_the_burmese_title_of_a_parallel_a5_leaflet_prints_whole_words(tmp_path: Path) -> None:
    """The defect as the build met it: a Burmese title of one long run in the A5
    parallel edition. No LAYOUT004, and the PDF's text gives the title back whole."""
    root = tmp_path / "languages"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", root)
    catalog = root / "locales" / "my" / "LC_MESSAGES" / "after-your-infusion.po"
    po = catalog.read_text(encoding="utf-8")
    title = TITLES[0][1]
    po = po.replace('msgstr "ဆဲလ်များကို သွေးကြောထဲ သွင်းပြီးနောက်"', f'msgstr "{title}"')
    assert title in po
    catalog.write_text(po, encoding="utf-8")
    options = Options(spec=PrintSpec(paper="a5"))
    result = build_leaflet(
        Project.at(root), "after-your-infusion", "my", tmp_path / "out", edition="parallel",
        options=options,
    )  # fmt: skip
    assert not [f for f in result.findings if "LAYOUT004" in str(f)], result.findings
    first = page_texts(result.path)[0]
    assert title in "".join(first.split()), first
