"""Pages are filled, and boxes hold their text, in every edition (#21, item 7 and the
parallel boxes found with it), measured from the PDFs of the bundled leaflets and the
fasting fixture: A4 and A5, single and parallel.

A page other than the last may be more than a quarter empty only when the next block
could not start on it without splitting where a reader loses something: the listed
pages, each checked by eye, start with a box whose label and first paragraph are
taller than the space left, or with a heading row that would leave a heading alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from fasting import EDITIONS, FIXTURE, LEAFLET, edition_id
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from page_fill import MM, body_rows, page_fill, text_outside_boxes
from qr_read import find_code

BUNDLED = ["choosing-a-clinic", "infusion-safety", "stromal-or-stem", "what-msc-can-do",
           "what-research-says"]  # fmt: skip
LEAFLETS = [(REPO, name) for name in BUNDLED] + [(FIXTURE, LEAFLET)]
QUARTER = 0.25
#: The editions built for the survey of sparse pages: those above, and the sequential.
SURVEYED = [*EDITIONS, ("th", "sequential", "a4"), ("th", "sequential", "a5")]
#: Fewer lines than this on a page is a page spent on a scrap (a box's last line).
FEW_LINES = 3

#: (leaflet, edition, page): why the page may be more than a quarter empty.
UNSPLITTABLE = {
    ("choosing-a-clinic", "th-parallel-a5", 1): "the key-answer box: one 10-line paragraph",
    ("stromal-or-stem", "th-parallel-a5", 1): "the key-answer box: one long paragraph",
    ("infusion-safety", "th-parallel-a5", 6): "heading row with a box (label + 7 lines)",
    ("what-research-says", "th-parallel-a5", 3): "heading row: the heading would stand alone",
    # Its control line's dates, now kept whole ("1 พฤศจิกายน 2569"), take a line more.
    ("fasting-blood-test", "th-parallel-a5", 1): "the key-answer box: one long paragraph",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("fill")
    pdfs = {}
    for root, name in LEAFLETS:
        for locale, edition, paper in SURVEYED:
            result = build_leaflet(
                Project.at(root),
                name,
                locale,
                out / name / f"{edition}-{paper}",
                edition=edition,
                options=Options(spec=PrintSpec(paper=paper)),
            )
            pdfs[name, edition_id((locale, edition, paper))] = result.path
    return pdfs


@pytest.mark.parametrize("edition", [edition_id(e) for e in EDITIONS])
def test_no_page_but_the_last_is_more_than_a_quarter_empty(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    paper = edition.rsplit("-", 1)[1]
    empty = [
        f"{name} page {fill.page}: {fill.share:.0%} empty, next page starts {nxt.first_line!r}"
        for (name, ed), path in built.items()
        if ed == edition
        for fill, nxt in zip(page_fill(path, paper), page_fill(path, paper)[1:], strict=False)
        if fill.share > QUARTER and (name, ed, fill.page) not in UNSPLITTABLE
    ]
    assert empty == []


def test_the_listed_exceptions_are_still_needed(built: dict[tuple[str, str], Path]) -> None:
    """An exception no longer needed is removed, so the list cannot hide a new gap."""
    for name, edition, page in UNSPLITTABLE:
        fills = page_fill(built[name, edition], edition.rsplit("-", 1)[1])
        assert fills[page - 1].share > QUARTER, (name, edition, page)


@pytest.mark.parametrize("edition", [edition_id(e) for e in EDITIONS])
def test_every_line_of_a_box_is_inside_its_shading(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    outside = [
        f"{name}: {line}"
        for (name, ed), path in built.items()
        if ed == edition
        for line in text_outside_boxes(path)
    ]
    assert outside == []


#: (leaflet, edition, page): why the page may hold fewer than `FEW_LINES` lines.
SPARSE: dict[tuple[str, str, int], str] = {}


@pytest.mark.parametrize("edition", [edition_id(e) for e in SURVEYED])
def test_no_page_holds_only_a_scrap_of_a_box(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    """No page is spent on a line or two: the closing box split with its "Web: https://…"
    line alone on the last page of the Thai parallel edition (#21). A box splits only
    where each part keeps two lines, and the closing box only between its notice and
    its contacts."""
    paper = edition.rsplit("-", 1)[1]
    sparse = [
        f"{name} page {number}: {rows}"
        for (name, ed), path in built.items()
        if ed == edition
        for number, rows in enumerate(body_rows(path, paper), 1)
        if len(rows) < FEW_LINES and (name, ed, number) not in SPARSE
    ]
    assert sparse == []


def test_the_listed_sparse_pages_are_still_sparse(built: dict[tuple[str, str], Path]) -> None:
    for name, edition, page in SPARSE:
        rows = body_rows(built[name, edition], edition.rsplit("-", 1)[1])
        assert len(rows[page - 1]) < FEW_LINES, (name, edition, page)


#: The closing box's contacts label and its last contact line, in the languages built.
CONTACTS, WEB = ("Contact us", "ติดต่อเรา"), ("Web:", "เว็บไซต์:")


@pytest.mark.parametrize("edition", [edition_id(e) for e in SURVEYED])
def test_the_closing_box_splits_only_between_its_sections(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    """what-msc-can-do, Thai parallel A5: the closing row split between the notice and
    the contacts, then its rest split again on the same page, where the contacts had no
    sections left to respect: "Web: https://…" alone on the last page, its label and
    the other contacts on the page before. The contacts stay on one page."""
    paper = edition.rsplit("-", 1)[1]
    apart = []
    for (name, ed), path in built.items():
        if ed != edition:
            continue
        pages = body_rows(path, paper)

        def last_page(labels: tuple[str, ...], rows: tuple[tuple[str, ...], ...] = pages) -> int:
            found = [n for n, page in enumerate(rows, 1) for row in page
                     if any(label in row for label in labels)]  # fmt: skip
            return max(found, default=0)

        if last_page(CONTACTS) != last_page(WEB):
            apart.append(f"{name}: contacts on page {last_page(CONTACTS)}, web {last_page(WEB)}")
    assert apart == []


#: The bundled leaflets' `url:` (printed as a QR code): choosing-a-clinic's only.
URLS = {"choosing-a-clinic": "https://www.ednawellness.com"}
CODE_SIDE = 20 * MM  # the code's printed side (`layout/qr.py`): it scans at arm's length


@pytest.mark.parametrize("edition", [edition_id(e) for e in SURVEYED])
def test_the_qr_code_is_on_the_page_of_the_contacts_and_scans(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    """choosing-a-clinic, English single A5 and Thai sequential A5: the QR code and its
    two lines stood alone on a last page, printed for them (68 pt needed, 34 left below
    the closing box). The code is on every page that has the closing box's contacts, at
    its full size, with its quiet zone, and its rendered modules are the address's."""
    paper = edition.rsplit("-", 1)[1]
    wrong = []
    for name, url in URLS.items():
        path = built[name, edition]
        pages = body_rows(path, paper)
        for number, rows in enumerate(pages, 1):
            if not any(label in row for row in rows for label in CONTACTS):
                continue
            code = find_code(path, number - 1, url)
            if code is None or not (code.matches and code.quiet):
                wrong.append(f"{name} page {number}: {code}")
            elif code.size < CODE_SIDE - 0.5:
                wrong.append(f"{name} page {number}: {code.size:.1f} pt wide")
    assert wrong == []
