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
from types import SimpleNamespace
from typing import Any

import pypdfium2
import pytest
from pypdf import PdfReader
from reportlab.lib.colors import black
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table

from conftest import REPO
from fasting import EDITIONS, FIXTURE, LEAFLET, edition_id
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.content import model as m
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.i18n.labels import Labels
from msc_leaflet.layout.blocks import EMPTY_SHARE, BlockBuilder, Box
from msc_leaflet.layout.editions import COLUMN_GAP, side_by_side
from msc_leaflet.layout.last_lines import with_last_lines
from msc_leaflet.layout.story import TightenedToFit, closing_box
from msc_leaflet.layout.styles import build_styles
from msc_leaflet.layout.text import Writer
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.theme.theme import load_theme
from msc_leaflet.typeset import default_family
from msc_leaflet.typeset.paragraph import default_word_list
from page_fill import MM, body_rows, ink_at_box_tops, page_fill, table_parts, text_outside_boxes
from qr_read import find_code
from scripts_samples import SAMPLES

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
    # A table is split two rows and two at least, else moved whole with its heading.
    ("what-msc-can-do", "th-single-a5", 4): "heading with a 4-row table, moved whole",
    ("choosing-a-clinic", "th-parallel-a5", 5): "heading row with a 3-row table, moved whole",
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


@pytest.mark.parametrize("edition", [edition_id(e) for e in SURVEYED])
def test_no_boxs_text_rises_to_its_top_edge(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    """infusion-safety, Thai parallel A4, page 4, and stromal-or-stem, Thai parallel A5,
    page 3: the continued part of a callout split across pages drew its first line 1
    point under its shading's top (the padding between the box's rows, not its top
    padding), and the Thai ไ and โ rose above the shading."""
    touching = [
        f"{name} {line}"
        for (name, ed), path in built.items()
        if ed == edition
        for line in ink_at_box_tops(path)
    ]
    assert touching == []


#: The scripts whose marks rise above their line (Thai ไ โ, Lao ໄ, Khmer, Burmese
#: vowels above, Vietnamese stacked marks), and Latin.
TALL_SCRIPTS = ["th", "lo", "km", "my", "vi", "en"]


def _writer(lang: str) -> Writer:
    theme, family = load_theme(), default_family()
    return Writer(family, build_styles(theme, family, lang), {}, lang, black, default_word_list())


def _split_callout(lang: str, width: float = 60 * MM) -> Box:
    """A callout of ``lang``'s `SAMPLES` (its last sentence as its title, ten
    paragraphs: taller than the test's pages) set ``width`` wide, as the layout builds
    it: a box around a table of a row each."""
    builder = BlockBuilder(_writer(lang), load_theme(), Labels(), False, width)
    text = SAMPLES[lang]
    block: Any = SimpleNamespace(
        kind="warning",
        title=SimpleNamespace(value=text[-1]),
        paragraphs=[SimpleNamespace(value=text[n % len(text)]) for n in range(10)],
    )
    box = builder.callout(block)
    assert isinstance(box, Box)
    return box


@pytest.mark.parametrize("lang", TALL_SCRIPTS)
def test_every_part_of_a_split_box_keeps_its_edges(lang: str) -> None:
    """ReportLab splits a table between rows and gives each part the padding its rows
    had: the first part ended with the 1 point kept between two paragraphs, the rest
    started with it. Each part opens with the box's top padding and closes with its
    bottom padding, as the whole box does, and the first part still fits the room it
    was offered."""
    table = next(f for f in _split_callout(lang)._content if isinstance(f, Table))
    width = 60 * MM
    height = table.wrap(width, 10_000)[1]
    opening = [style.topPadding for style in table._cellStyles[0]]
    closing = [style.bottomPadding for style in table._cellStyles[-1]]
    splits = 0
    for room in range(20, int(height), 5):
        parts = table.split(width, room)
        if len(parts) != 2 or not isinstance(parts[1], Table):
            continue
        splits += 1
        first, rest = parts
        assert [s.bottomPadding for s in first._cellStyles[-1]] == closing, room
        assert [s.topPadding for s in rest._cellStyles[0]] == opening, room
        assert first.wrap(width, room)[1] <= room + 1e-6, room
        whole = sum(part.wrap(width, 10_000)[1] for part in parts)
        assert whole >= height, room  # the parts gained their edges, lost nothing
    assert splits >= 3
    # The whole box kept its own paddings: its rows are split, not restyled.
    assert [style.topPadding for style in table._cellStyles[0]] == opening
    assert table._cellStyles[1][0].bottomPadding < closing[0]


@pytest.mark.parametrize("edition", ["single", "parallel"])
@pytest.mark.parametrize("lang", TALL_SCRIPTS)
def test_the_first_line_of_every_part_of_a_split_box_is_inside_it(
    tmp_path: Path, lang: str, edition: str
) -> None:
    """A callout split across pages, in the single edition (a `Box` in the frame) and in
    the parallel one (a `Whole` in a row, beside its English source): the ink of every
    part's first line stays `INK_INSET` below the top of its shading."""
    page = (80 * MM if edition == "single" else 150 * MM, 120 * MM)
    column = (page[0] - 20 - COLUMN_GAP) / 2
    frame_height = page[1] - 20
    for above in range(0, 60, 12):
        story: list[Flowable] = [Spacer(1, above)]
        if edition == "single":
            story.append(_split_callout(lang))
        else:
            room = EMPTY_SHARE * frame_height
            translation, source = ([_split_callout(side, column)] for side in (lang, "en"))
            story.append(side_by_side(translation, source, column, _writer(lang), room=room))
        path = tmp_path / f"{edition}-{above}.pdf"
        margins = {f"{side}Margin": 10 for side in ("left", "right", "top", "bottom")}
        SimpleDocTemplate(str(path), pagesize=page, **margins).build(story)
        assert ink_at_box_tops(path) == [], (lang, edition, above)
        assert len(pypdfium2.PdfDocument(path)) > 1  # the box split across pages


#: A closing box's organisation, for the split tests below (no real clinic's details).
_ORGANISATION = m.Organisation(
    id="example", name="Example Clinic", path=Path("organisations/example.yaml"),
    address="1 Example Road", phone="+95 1 000 0000", web="https://example.org",
)  # fmt: skip


def _closing_box(lang: str) -> Flowable:
    """The closing box as the layout builds it, its notice in ``lang`` (`SAMPLES`), its
    labels in English (Contact us, Phone, Web, This leaflet online)."""
    leaflet: Any = SimpleNamespace(
        organisation=_ORGANISATION,
        disclaimer=SimpleNamespace(value=" ".join(SAMPLES[lang])),
        url="https://example.org/leaflet",
    )
    return closing_box(leaflet, _writer(lang), load_theme(), Labels())


#: Every contact row's label: a page has all of them or none.
CONTACT_ROWS = ("Contact us", "Phone", "Web", "This leaflet online")


@pytest.mark.parametrize("edition", ["single", "parallel"])
@pytest.mark.parametrize("lang", ["my", "en", "km"])
def test_the_closing_boxs_contacts_stay_together_wherever_the_box_starts(
    tmp_path: Path, lang: str, edition: str
) -> None:
    """Burmese single A5 (journey10b): the closing box split between its notice and its
    contacts, and the rest, its `sections` lost in the split, split again between its
    phone and its web rows: "Web" and "This leaflet online" stood alone at the top of
    the last page, the other contacts on the page before. The box starts at every
    height of a page, so each possible split is met."""
    page = (100 * MM if edition == "single" else 200 * MM, 160 * MM)
    column = (page[0] - 20 - COLUMN_GAP) / 2
    apart = []
    for above in range(0, int(page[1]) - 40, 6):
        story: list[Flowable] = [Spacer(1, above)]
        if edition == "single":
            story.append(_closing_box(lang))
        else:
            room = EMPTY_SHARE * (page[1] - 20)
            translation, source = ([_closing_box(side)] for side in (lang, "en"))
            story.append(side_by_side(translation, source, column, _writer(lang), room=room))
        path = tmp_path / f"{edition}-{above}.pdf"
        margins = {f"{side}Margin": 10 for side in ("left", "right", "top", "bottom")}
        SimpleDocTemplate(str(path), pagesize=page, **margins).build(story)
        texts = [p.extract_text() for p in PdfReader(path).pages]
        pages = {label: {n for n, text in enumerate(texts) if label in text}
                 for label in CONTACT_ROWS}  # fmt: skip
        if len({frozenset(found) for found in pages.values()}) > 1:
            apart.append((above, pages))
    assert apart == []


def _closing_with_last_lines(lang: str, paragraphs: int) -> list[Flowable]:
    """``paragraphs`` of ``lang``'s `SAMPLES`, then the closing box as `single_part`
    ends a leaflet: `TightenedToFit`, the last flowables kept with it (`WithLastLines`)."""
    w = _writer(lang)
    samples = SAMPLES[lang]
    heading = w.paragraph(samples[-1], "heading")  # kept with what follows it
    text = [heading, *(w.paragraph(" ".join(samples[n % len(samples)] for n in range(k + 1)),
                                   "body") for k in range(paragraphs))]  # fmt: skip
    leaflet: Any = SimpleNamespace(
        organisation=_ORGANISATION,
        disclaimer=SimpleNamespace(value=" ".join(samples)),
        url="",
    )
    tight = (closing_box(leaflet, w, load_theme(), Labels(), tight=t) for t in (False, True))
    return with_last_lines(text, TightenedToFit(*tight))


@pytest.mark.parametrize("lang", ["en", "th", "ar", "zh_Hans"])
def test_the_closing_box_takes_the_last_lines_before_it_to_its_page(
    tmp_path: Path, lang: str
) -> None:
    """what-msc-can-do, English single A5: page 6 held only the closing box, 92 pt short
    of fitting under the reference list on page 5. Where the box does not fit under
    the text before it, that text's last two lines (at least) go on with it: no page
    opens with the box. The text starts at every height of a page, so each way the
    box meets a page's foot is met; every page but the last stays three quarters full.
    A heading before them, kept with them, never moves them all to the next page."""
    page = (100 * MM, 250 * MM)  # tall enough that the box and two lines take no quarter
    frame = page[1] - 20
    alone, emptied, pages = [], [], []
    for above in range(0, int(frame) - 40, 12):
        story: list[Flowable] = [Spacer(1, above), *_closing_with_last_lines(lang, 4)]
        path = tmp_path / f"{above}.pdf"
        margins = {f"{side}Margin": 10 for side in ("left", "right", "top", "bottom")}
        SimpleDocTemplate(str(path), pagesize=page, **margins).build(story)
        texts = [p.extract_text() for p in PdfReader(path).pages]
        pages.append(len(texts))
        boxed = next(n for n, text in enumerate(texts) if NOTICE[0] in text)
        if boxed and texts[boxed].lstrip().startswith(NOTICE[0]):
            alone.append(above)
        lowest = _lowest_text(path, boxed - 1) if boxed else 0.0
        # A line's ink stands above its foot: a Thai line's, by up to 12 points.
        if lowest != float("inf") and lowest - 10 - 12 > QUARTER * frame:
            emptied.append((above, round(lowest)))
    # All of it fits the first page: the heading, kept with the paragraphs the box
    # holds, moved them and the box to a page of their own (choosing-a-clinic, English
    # single A4: four pages for three).
    assert pages[:2] == [1, 1]
    assert (alone, emptied) == ([], [])


def _lowest_text(path: Path, page: int) -> float:
    """The height above the page's foot of the lowest character on page ``page`` (from 0)."""
    text = pypdfium2.PdfDocument(path)[page].get_textpage()
    boxes = (text.get_charbox(i) for i in range(text.count_chars()))
    return min((box[1] for box in boxes if box[3] > box[1]), default=float("inf"))


#: The closing box's notice label, in the languages built: with `CONTACTS`, what a page
#: holding only the closing box starts with (the box ends its part).
NOTICE = ("Please note", "โปรดทราบ")

#: (leaflet, edition, page): why the page may hold only the closing box (or its
#: contacts): the page before is full, short of it by more than the box's least padding
#: (``closing-tight``) saves, and nothing before it can move on without a lone line.
CLOSING_ALONE = {
    # Two lines carried with the box (`last_lines.WithLastLines`) would leave the page
    # before more than a quarter empty: the box is taller than a quarter of an A5 page.
    ("what-msc-can-do", "th-single-a5", 7): "84 pt short: the contacts",
    ("what-msc-can-do", "th-sequential-a5", 7): "84 pt short: the Thai part's contacts",
    ("fasting-blood-test", "th-parallel-a4", 3): "26 pt short: the row of both boxes",
    ("fasting-blood-test", "th-parallel-a5", 5): "147 pt short: the row of both boxes",
    # 10 pages until a split FAQ answer went on under its question and "(ต่อ)": the
    # two labels take four lines of the Thai column, and the contacts' row no longer
    # fits; the row of both boxes (167 pt) and the last entry would leave 30 % empty.
    ("what-msc-can-do", "th-parallel-a5", 11): "66 pt short: the row of both contacts",
}


@pytest.mark.parametrize("edition", [edition_id(e) for e in SURVEYED])
def test_no_page_holds_only_the_closing_box(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    """what-msc-can-do, Thai parallel A4: page 6 held only the two columns' contacts,
    5 points short of fitting under the notices on page 5: a sheet printed for them.
    The closing box takes the theme's least padding where that keeps it whole on the
    page before (`story.TightenedToFit`)."""
    paper = edition.rsplit("-", 1)[1]
    alone = [
        f"{name} page {number}: {rows[0]!r}"
        for (name, ed), path in built.items()
        if ed == edition
        for number, rows in enumerate(body_rows(path, paper), 1)
        if rows
        and rows[0].startswith(NOTICE + CONTACTS)
        and (name, ed, number) not in CLOSING_ALONE
    ]
    assert alone == []


def test_the_listed_closing_pages_still_hold_only_the_closing_box(
    built: dict[tuple[str, str], Path],
) -> None:
    for name, edition, page in CLOSING_ALONE:
        rows = body_rows(built[name, edition], edition.rsplit("-", 1)[1])
        assert rows[page - 1][0].startswith(NOTICE + CONTACTS), (name, edition, page)


def _table_rows(root: Path, name: str) -> list[int]:
    """The body rows of each table of leaflet ``name``, in the order it prints them."""
    project = Project.at(root)
    leaflet, _ = load_leaflet(project.leaflet_path(name), project)
    return [len(block.rows) for block in leaflet.blocks if isinstance(block, m.Table)]


@pytest.mark.parametrize("edition", [edition_id(e) for e in SURVEYED])
def test_every_bundled_table_keeps_two_rows_on_each_side_of_a_split(
    built: dict[tuple[str, str], Path], edition: str
) -> None:
    """what-msc-can-do, Thai single and sequential A5: the table's header and ONE row
    stood at the foot of page 4, its three other rows on page 5; Thai parallel A5: its
    last row alone under the repeated header at the top of page 8. A table moves whole
    unless that leaves much of its page empty (as any box), and split it keeps two rows
    at least on each side. Counted from the drawn tables: every row drawn once."""
    languages = 1 if "single" in edition else 2
    wrong = {}
    for root, name in LEAFLETS:
        expected = sum(_table_rows(root, name)) * languages
        drawn = [part.rows for part in table_parts(built[name, edition])]
        if sum(drawn) != expected or min(drawn, default=2) < 2:
            wrong[name] = (drawn, expected)
    assert wrong == {}


def _table(lang: str, rows: int) -> m.Table:
    """A table of ``rows`` rows of ``lang``'s `SAMPLES`, with a heading's worth of header."""

    def text(value: str) -> m.Text:
        return m.Text(value, "t", 1)

    samples = SAMPLES[lang]
    body = tuple((text(f"{n + 1}"), text(samples[n % len(samples)])) for n in range(rows))
    return m.Table((text("#"), text(samples[-1])), body, text(samples[0]), "t", 1)


@pytest.mark.parametrize("rows", [3, 4, 5, 7, 14])
@pytest.mark.parametrize("lang", ["en", "th", "ar"])
def test_a_table_splits_as_a_typesetter_would(tmp_path: Path, lang: str, rows: int) -> None:
    """A split table keeps two rows at least on each side, under its header repeated
    on the next page, so a table of three rows or fewer that fits a page moves whole:
    never a header and one row at a page's foot (what-msc-can-do, Thai single A5), nor
    a last row alone at the top of the next. The table starts at every height of a
    page, so each possible split is met; its rows are counted from the drawn table."""
    page = (100 * MM, 160 * MM)
    margins = {f"{side}Margin": 10 for side in ("left", "right", "top", "bottom")}
    builder = BlockBuilder(_writer(lang), load_theme(), Labels(), False, page[0] - 20)
    wrong = []
    for above in range(0, int(page[1]) - 40, 12):
        story: list[Flowable] = [Spacer(1, above), *builder.build(_table(lang, rows))]
        path = tmp_path / f"{above}.pdf"
        SimpleDocTemplate(str(path), pagesize=page, **margins).build(story)
        drawn = [part.rows for part in table_parts(path)]
        if sum(drawn) != rows or min(drawn) < min(rows, 2) or (rows <= 3 and len(drawn) > 1):
            wrong.append((above, drawn))
    assert wrong == []
