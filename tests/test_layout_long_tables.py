"""A long table (more than 12 rows) after any block: it starts below that block and
continues on the next pages with its header repeated.

It was placed as a group (`_Sequence`) whose split gave back its table whole, and
ReportLab takes the first part of a split to fit where it stands: when the table did
not fit whole below the block before it (a figure, two figures, a paragraph), the
build failed with "this table cell (31 characters) makes its row taller than a page".
And a heading before a table with a row truly taller than a page took the blame for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from conftest import leaflet_yaml
from fasting import TextLine, text_lines
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.layout import blocks
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from test_hardening_layout import WORDS, assert_refused_at, invoke, line_of

ROWS = 30  # more than a page's room below a figure, on A4 as on A5


def figure(caption: str) -> str:
    return f"- figure: picture.png\n  alt: A nurse checks a drip line.\n  caption: {caption}\n"


def table(rows: int, code: str = "", tall: int | None = None) -> str:
    """``rows`` rows, the second column of row ``tall`` taller than an A5 page."""
    lines = [
        f"      - [Check {n}{code}, "
        + (f"'{(WORDS * 150).strip()}'" if n == tall else f"Reason {n:02d} for this check")
        + "]\n"
        for n in range(rows)
    ]
    return "- table:\n    header: [Test, Why]\n    rows:\n" + "".join(lines)


def long_list(items: int) -> str:
    items_yaml = "".join(f"    - Item {n:02d} of the list, in plain words\n" for n in range(items))
    return "- list:\n" + items_yaml


PARAGRAPH = f"- paragraph: {WORDS * 6}\n"


def project(make_project: Callable[..., Path], blocks_yaml: str) -> tuple[Path, str]:
    text = leaflet_yaml(blocks_yaml, references="")
    root = make_project({"sample": text})
    Image.new("RGB", (300, 200), (200, 220, 240)).save(root / "picture.png")
    return root, text


def build(
    root: Path, paper: str, locale: str = "en", edition: str = "single", out: str = "out"
) -> Path:
    options = Options(spec=PrintSpec(paper=paper))
    return build_leaflet(
        Project.at(root), "sample", locale, root / out, edition=edition, options=options
    ).path


def assert_rows_continue_under_their_header(lines: tuple[TextLine, ...]) -> None:
    """Every row printed once, in order, on more than one page; on each page, the
    header above the page's first row."""
    rows = [line for line in lines if line.text.startswith("Reason ")]
    assert [int(line.text.split()[1]) for line in rows] == list(range(ROWS))
    pages = sorted({line.page for line in rows})
    assert len(pages) > 1
    for page in pages:
        first = max(line.baseline for line in rows if line.page == page)
        headers = [line for line in lines if line.page == page and line.text.strip() == "Why"]
        assert len(headers) == 1 and headers[0].baseline > first, (page, headers)


def assert_figures_whole(pdf: Path, lines: tuple[TextLine, ...], captions: list[str]) -> None:
    """Each figure drawn once, whole on its page, its caption on that page below it."""
    document = pypdfium2.PdfDocument(pdf)
    images = []
    for number, page in enumerate(document, 1):
        height = page.get_height()
        for obj in page.get_objects():
            if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE:
                _, bottom, _, top = obj.get_bounds()
                assert 0 <= bottom < top <= height
                images.append((number, bottom))
    assert len(images) == len(captions)
    for (page, bottom), caption in zip(images, captions, strict=True):
        line = next(line for line in lines if line.text.strip() == caption)
        assert line.page == page and line.baseline < bottom, (caption, line, page)


@pytest.mark.parametrize("paper", ["a4", "a5"])
@pytest.mark.parametrize(
    ("before", "captions"),
    [
        (figure("Checking the line."), ["Checking the line."]),
        (figure("The first picture.") + figure("The second picture."),
         ["The first picture.", "The second picture."]),
        (PARAGRAPH * 3, []),
    ],
    ids=["figure", "two figures", "paragraphs"],
)  # fmt: skip
def test_a_long_table_after_a_block_continues_with_its_header(
    make_project: Callable[..., Path], paper: str, before: str, captions: list[str]
) -> None:
    # Where a table of two rows stands after the same blocks: where the header and two
    # rows fit, the least a page keeps of a split table (`blocks.TABLE_ROWS_APART`).
    root, _ = project(make_project, before + table(2))
    short = build(root, paper, out="two-rows")
    two_rows = next(line for line in text_lines(short) if "Reason 01" in line.text)
    root, _ = project(make_project, before + table(ROWS))
    pdf = build(root, paper)
    lines = text_lines(pdf)
    assert_rows_continue_under_their_header(lines)
    assert_figures_whole(pdf, lines, captions)
    first_row = next(line for line in lines if line.text.startswith("Reason 00"))
    # The table starts below the figure, not on a new page, wherever two of its rows fit
    # there: not a header and one row at the page's foot (two figures, A5).
    assert first_row.page == two_rows.page


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_a_long_list_after_a_figure_continues_on_the_next_page(
    make_project: Callable[..., Path], paper: str
) -> None:
    """A list was never a group, and never failed here: this keeps it so."""
    root, _ = project(make_project, figure("Checking the line.") + long_list(60))
    pdf = build(root, paper)
    lines = text_lines(pdf)
    items = [int(line.text.split()[1]) for line in lines if line.text.startswith("Item ")]
    assert items == list(range(60))
    pages = {line.page for line in lines if line.text.startswith("Item ")}
    assert min(pages) == 1 and len(pages) > 1
    assert_figures_whole(pdf, lines, ["Checking the line."])


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_the_parallel_edition_sets_a_long_wide_table_after_a_figure(
    make_project: Callable[..., Path], paper: str
) -> None:
    """A table too wide for half a page is set at full width, the translation's first
    (`_tables_one_after_the_other`): each is the same group as in one language."""
    number = " " + "0123456789" * 5  # no line can break it, nor half an A4 page hold it
    root, _ = project(make_project, figure("Checking the line.") + table(ROWS, number))
    for command in (("extract",), ("init", "th")):
        code, output = invoke("i18n", *command, "--project", str(root))
        assert code == 0, output
    pdf = build(root, paper, "th", "parallel")  # untranslated: both tables in English
    lines = text_lines(pdf)
    rows = [line for line in lines if re.match(r"Check \d+", line.text)]
    assert max(line.x for line in rows) - min(line.x for line in rows) < 1  # full width
    assert [int(line.text.split()[1]) for line in rows] == list(range(ROWS)) * 2
    assert rows[0].page == 1  # below the figure
    for page in {line.page for line in rows}:
        first = max(line.baseline for line in rows if line.page == page)
        header = [line for line in lines if line.page == page and line.text.strip() == "Test"]
        assert header and max(line.baseline for line in header) > first, page
    assert_figures_whole(pdf, lines, ["Checking the line."] * 2)


@pytest.mark.parametrize("rows", [5, 20], ids=["a box", "a long table"])
def test_a_row_taller_than_a_page_after_a_heading_names_its_cell_not_the_heading(
    make_project: Callable[..., Path], rows: int
) -> None:
    root, text = project(
        make_project, figure("Checking the line.") + "- heading: The checks\n" + table(rows, tall=2)
    )
    code, output = invoke("build", "--project", str(root), "-o", str(root / "o"), "--paper", "a5")
    where = f"sample.yaml:{line_of(text, '- [Check 2,')}"
    assert_refused_at(code, output, where, "this table cell (")
    assert "makes its row taller than a page" in output


def test_a_split_that_breaks_reportlabs_rule_is_reported_as_our_fault(
    make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old `_Sequence.split`: its first part did not fit. Not the author's to fix:
    the message names the table, and no cell of it."""
    monkeypatch.setattr(blocks._Sequence, "split", lambda self, aW, aH: list(self._content))
    root, text = project(make_project, figure("Checking the line.") + table(ROWS))
    code, output = invoke("build", "--project", str(root), "-o", str(root / "o"))
    message = "the layout failed to split this table between pages: a fault in msc-leaflet"
    assert_refused_at(code, output, f"sample.yaml:{line_of(text, '- table:')}", message)
    assert "cell" not in output
