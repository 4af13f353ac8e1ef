"""A table with one tall row (a cell of many sentences) splits where the pages fill.

A data table keeps two rows under its header on each side of a split, so that no short
row is left alone at the foot of a page or the top of the next (a scrap). A row that
takes a good part of a page is no scrap: the rule moved a short row away from the page
before it to keep the tall row company, then split the two again on the next page
since they did not fit together, and that page held the one short row and nothing
else (A5: heading and two rows on page 2, the third row alone on page 3, the tall row
on page 4: five pages where four hold it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest

from conftest import leaflet_yaml
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

PARAGRAPH = (
    "Mesenchymal stromal cells mostly send signals to other cells. They calm inflammation "
    "and help the body's own repair, but they do not turn into new tissue in people."
)
CELL = (
    "Ask the clinic how many living cells each dose holds and how they checked it before "
    "the dose was given to you."
)
SHORT = ["First", "Second", "Third"]


def _leaflet(paragraphs: int, long_cell: int) -> str:
    rows = [f"      - [{name}, {CELL}]\n" for name in SHORT]
    rows.append(f"      - [Longest, {' '.join([CELL] * long_cell)}]\n")
    blocks = (
        "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(paragraphs))
        + "- heading: Questions for the clinic\n"
        + "- table:\n    header: [Topic, What to ask]\n    rows:\n"
        + "".join(rows)
        + "  caption: Questions to ask before a treatment.\n"
        + "- paragraph: Take this list with you.\n"
    )
    return leaflet_yaml(blocks, references="")


def _pages_of(path: Path, words: list[str]) -> dict[str, int]:
    """The page (from 1) each word is first read on."""
    document = pypdfium2.PdfDocument(path)
    texts = [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    document.close()
    return {w: next(n for n, t in enumerate(texts, 1) if w in t) for w in words}


@pytest.mark.parametrize(
    ("paper", "paragraphs", "long_cell"), [("a5", 4, 20), ("a5", 0, 20), ("a4", 8, 30)]
)
def test_a_tall_last_row_goes_on_alone_not_with_a_short_row_taken_from_the_page_before(
    make_project: Callable[..., Path], tmp_path: Path, paper: str, paragraphs: int, long_cell: int
) -> None:
    root = make_project({"sample": _leaflet(paragraphs, long_cell)})
    options = Options(spec=PrintSpec(paper=paper))
    result = build_leaflet(Project.at(root), "sample", "en", tmp_path, options=options)
    pages = _pages_of(result.path, [*SHORT, "Longest", "Questions to ask before"])
    # The short rows stay together, under their heading, on one page.
    assert pages["First"] == pages["Second"] == pages["Third"], pages
    # The tall row goes on with its caption, and no page holds a short row alone.
    assert pages["Longest"] == pages["Questions to ask before"] == pages["Third"] + 1, pages


NAMES = ["Alpha", "Bravo", "Charlie", "Delta"]


@pytest.mark.parametrize("paragraphs", range(8, 14))
def test_a_short_row_alone_is_still_kept_from_the_top_of_a_page(
    make_project: Callable[..., Path], tmp_path: Path, paragraphs: int
) -> None:
    """The rule still holds for short rows: a table of four short rows that does not
    fit below the text splits two and two, never three and one."""
    rows = "".join(f"      - [{name}, {CELL}]\n" for name in NAMES)
    blocks = "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(paragraphs))
    blocks += "- table:\n    header: [Topic, What to ask]\n    rows:\n" + rows
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    options = Options(spec=PrintSpec(paper="a5"))
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path, options=options).path
    document = pypdfium2.PdfDocument(path)
    texts = [page.get_textpage().get_text_range() for page in document]
    document.close()
    counts = [sum(name in t for name in NAMES) for t in texts]
    assert sum(counts) == len(NAMES) and all(c in (0, 2, 4) for c in counts), counts


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_a_long_table_under_its_heading_starts_on_the_page_with_room_for_it(
    make_project: Callable[..., Path], tmp_path: Path, paper: str
) -> None:
    """A table of more than twelve rows after a heading: the heading, the header and
    the first rows stand below the text before them, the rest follows on the next
    pages. Kept together as a group, heading and table went whole to the next page
    and left the page before half empty (a Burmese A5 leaflet: half of page 2)."""
    rows = "".join(f"      - [Q{n:02d}, {CELL}]\n" for n in range(1, 41))
    blocks = "".join(f"- paragraph: {PARAGRAPH}\n" for _ in range(3))
    blocks += "- heading: Forty questions\n"
    blocks += "- table:\n    header: [Topic, What to ask]\n    rows:\n" + rows
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    options = Options(spec=PrintSpec(paper=paper))
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path, options=options).path
    pages = _pages_of(path, ["Forty questions", "Q01", "Q02", "Q40", "Please note"])
    assert pages["Forty questions"] == pages["Q01"] == pages["Q02"] == 1, pages
    assert pages["Q40"] > 1, pages


def test_the_parallel_editions_full_width_table_starts_under_its_heading_where_it_fits(
    tmp_path: Path,
) -> None:
    """The parallel edition sets a table with a row too tall for half a page at the full
    width, each language's in turn, the heading row kept with the first: kept together
    whole, heading and a table as tall as a page went to the next page and left the
    FAQ's page half empty (the Arabic edition on A5)."""
    import shutil

    from conftest import REPO

    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "languages", project)
    leaflet = project / "leaflets" / "after-your-infusion.yaml"
    rows = "".join(f"        - [{name}, {CELL}]\n" for name in SHORT)
    rows += f"        - [Longest, {' '.join([CELL] * 14)}]\n"
    added = (
        "  - heading: Questions for the clinic\n    id: questions\n"
        "  - table:\n      header: [Topic, What to ask]\n      rows:\n"
        f"{rows}    caption: Questions to ask before a treatment.\n    id: questions-table\n"
    )
    text = leaflet.read_text("utf-8").replace("\nreferences:", "\n" + added + "\nreferences:", 1)
    leaflet.write_text(text, "utf-8")
    options = Options(spec=PrintSpec(paper="a5"))
    path = build_leaflet(
        Project.at(project), "after-your-infusion", "ar", tmp_path / "out",
        edition="parallel", options=options,
    ).path  # fmt: skip
    pages = _pages_of(path, ["Ask your treating doctor", "Questions for the clinic", "First"])
    assert pages["Questions for the clinic"] == pages["Ask your treating doctor"], pages
    assert pages["First"] == pages["Questions for the clinic"], pages


#: The Thai of the table's words (the source's sentences above), for a parallel edition.
THAI = {
    "Questions for the clinic": "คำถามสำหรับคลินิก",
    "Topic": "หัวข้อ",
    "What to ask": "สิ่งที่ควรถาม",
    "First": "ข้อที่หนึ่ง",
    "Second": "ข้อที่สอง",
    "Third": "ข้อที่สาม",
    "Longest": "ข้อที่ยาวที่สุด",
    CELL: "ถามคลินิกว่าแต่ละครั้งมีเซลล์ที่มีชีวิตกี่เซลล์ และตรวจสอบอย่างไรก่อนให้คุณ",
    PARAGRAPH: "เซลล์สโตรมอลส่วนใหญ่ส่งสัญญาณไปยังเซลล์อื่น ช่วยลดการอักเสบและช่วยให้ร่างกาย"
    "ซ่อมแซมตัวเอง แต่ไม่ได้กลายเป็นเนื้อเยื่อใหม่ในคน",
    "Questions to ask before a treatment.": "คำถามที่ควรถามก่อนรับการรักษา",
    "Take this list with you.": "นำรายการนี้ไปด้วย",
}


def _translate_to_thai(root: Path) -> None:
    """A Thai catalog of the leaflet, its table and text translated (`THAI`)."""
    from i18n_support import invoke
    from msc_leaflet.i18n.pofile import read_po, write_po

    for command in (("extract",), ("init", "th")):
        code, output = invoke("i18n", *command, "--project", str(root))
        assert code == 0, output
    path = root / "locales" / "th" / "LC_MESSAGES" / "sample.po"
    catalog = read_po(path)
    for entry in catalog.active:
        times = entry.msgid.count(CELL)  # the long cell: the sentence many times
        if entry.msgid in THAI or (times and entry.msgid == " ".join([CELL] * times)):
            entry.msgstr = THAI.get(entry.msgid) or " ".join([THAI[CELL]] * times)
    write_po(path, catalog)


@pytest.mark.parametrize("paragraphs", [2, 4])
def test_a_parallel_columns_tall_last_row_goes_on_alone_as_in_the_single_edition(
    make_project: Callable[..., Path], tmp_path: Path, paragraphs: int
) -> None:
    """A table set in the parallel edition's half-page columns follows the same rule:
    its tall last row goes on alone, the short rows stay on the page before. The table
    in a column was never told the page's height, so every row was a scrap there: a
    short row moved to the next page with the tall one and left half a page empty."""
    root = make_project({"sample": _leaflet(paragraphs, 4)})
    _translate_to_thai(root)
    options = Options(spec=PrintSpec(paper="a5"))
    result = build_leaflet(
        Project.at(root), "sample", "th", tmp_path, edition="parallel", options=options
    )
    words = [*SHORT, "Longest", *(THAI[word] for word in [*SHORT, "Longest"])]
    document = pypdfium2.PdfDocument(result.path)
    # A narrow column wraps a Thai topic between its words: read each page unwrapped.
    texts = ["".join(page.get_textpage().get_text_range().split()) for page in document]
    document.close()
    pages = {w: next(n for n, t in enumerate(texts, 1) if w in t) for w in words}
    # The short rows together, in both columns; the tall one on the next page in the
    # taller column (the English: the Thai is shorter and may fit beside the short).
    assert len({pages[word] for word in SHORT + [THAI[word] for word in SHORT]}) == 1, pages
    assert pages["Longest"] == pages["Third"] + 1, pages
    assert pages["Third"] <= pages[THAI["Longest"]] <= pages["Longest"], pages
    assert result.pages == pages["Longest"], result.pages  # nothing but it after


@pytest.mark.parametrize("paragraphs", [1, 7])
def test_a_parallel_full_width_tables_short_row_is_not_left_alone_before_its_tall_row(
    make_project: Callable[..., Path], tmp_path: Path, paragraphs: int
) -> None:
    """A row too tall for half a page sets the table at the full width, each language's
    in turn. Two short rows fitted below the Thai table, the third and the tall row
    did not fit one page together, and the third stood alone on a page of its own
    between them (A5: "Third" alone on page 3). The split is judged as the next page
    will split its rest, as in the single edition: the short rows go on together."""
    root = make_project({"sample": _leaflet(paragraphs, 20)})
    _translate_to_thai(root)
    options = Options(spec=PrintSpec(paper="a5"))
    result = build_leaflet(
        Project.at(root), "sample", "th", tmp_path, edition="parallel", options=options
    )
    document = pypdfium2.PdfDocument(result.path)
    texts = ["".join(page.get_textpage().get_text_range().split()) for page in document]
    document.close()
    for names, tall in ((SHORT, "Longest"), ([THAI[word] for word in SHORT], THAI["Longest"])):
        for page, text in enumerate(texts, 1):  # one short row with its tall row is company
            alone = sum(name in text for name in names) == 1 and tall not in text
            assert not alone, (page, names)
    pages = {w: next(n for n, t in enumerate(texts, 1) if w in t) for w in [*SHORT, "Longest"]}
    assert pages["First"] == pages["Third"] and pages["Longest"] == pages["Third"] + 1, pages
