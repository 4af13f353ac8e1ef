"""A padded booklet's back cover is the page with the references and the contacts, or
blank: never a ruled *Notes* page (`layout/back_cover.py`).

A saddle-stitched booklet is padded to a multiple of four pages. The padding pages were
appended after the text, so the back cover, the page a reader turns the booklet over
to and looks for the clinic's contacts on, was a page of ruled lines, and the contacts
stood on an inside page before it. Read from the imposed sheets as a reader holds
them: sheet 1's outer side shows the back cover beside the front one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from conftest import REPO
from msc_leaflet.build import Options, build_leaflet
from msc_leaflet.layout.back_cover import padded_order
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from pdfread import normalise

PAGE_OF = re.compile(r"Page (\d+) of (\d+)")


def booklet_pages(pdf: Path) -> dict[int, str]:
    """The text of each page of an English booklet, by the number its footer prints,
    read from the halves of the imposed sheets."""
    document = pdfium.PdfDocument(pdf)
    pages = {}
    for sheet in document:
        width, height = sheet.get_size()
        text = sheet.get_textpage()
        for left in (0.0, width / 2):
            half = normalise(text.get_text_bounded(left, 0, left + width / 2, height))
            found = PAGE_OF.search(half)
            assert found, half
            pages[int(found.group(1))] = half
    document.close()
    return pages


def build_booklet(name: str, tmp_path: Path) -> dict[int, str]:
    options = Options(spec=PrintSpec(paper="a5", imposition="booklet"))
    result = build_leaflet(Project.at(REPO), name, "en", tmp_path, options=options)
    return booklet_pages(result.path)


def test_the_back_cover_holds_the_references_and_contacts(tmp_path: Path) -> None:
    # stromal-or-stem in English is 7 A5 pages; its 7th opens with the reference list.
    pages = build_booklet("stromal-or-stem", tmp_path)
    assert sorted(pages) == list(range(1, 9))
    back = pages[8]
    assert "References" in back and "Contact us" in back and "Notes" not in back
    # The text before keeps its order; the Notes page is between it and the back cover.
    assert "Notes" in pages[7] and "References" not in pages[6] and "Notes" not in pages[6]


def test_an_ending_that_runs_over_two_pages_stays_in_order_before_a_blank_back(
    tmp_path: Path,
) -> None:
    # what-research-says in English is 6 A5 pages; its references start on the 5th and
    # end on the 6th, which moved alone would cut the list in two.
    pages = build_booklet("what-research-says", tmp_path)
    assert sorted(pages) == list(range(1, 9))
    assert "Contact us" in pages[6] and "Notes" in pages[7]
    back = pages[8].replace("Page 8 of 8", "")
    assert "Notes" not in back and "Contact us" not in back
    lines = [line for line in back.split("\n") if line.strip()]
    assert len(lines) <= 2, lines  # its footer alone: the document control line


@pytest.mark.parametrize(
    ("laid_out", "padding", "ending_last", "expected"),
    [
        (8, 0, True, list(range(8))),
        (7, 1, True, [0, 1, 2, 3, 4, 5, "notes", 6]),
        (6, 2, True, [0, 1, 2, 3, 4, "notes", "notes", 5]),
        (6, 2, False, [0, 1, 2, 3, 4, 5, "notes", "blank"]),
        (5, 3, False, [0, 1, 2, 3, 4, "notes", "notes", "blank"]),
        (7, 1, False, [0, 1, 2, 3, 4, 5, 6, "blank"]),
        # A one-page leaflet: its only page is the front cover and stays first.
        (1, 3, True, [0, "notes", "notes", "blank"]),
    ],
)
def test_padded_order(
    laid_out: int, padding: int, ending_last: bool, expected: list[int | str]
) -> None:
    assert padded_order(laid_out, padding, ending_last) == expected
