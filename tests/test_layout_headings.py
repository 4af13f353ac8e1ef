"""Heading levels on the page: a part of a section is set smaller, is not numbered, and
its bookmark nests under its section's (#17)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine
from pypdf import PdfReader
from pypdf.generic import Destination

from conftest import leaflet_yaml
from msc_leaflet.build import build_leaflet
from msc_leaflet.project import Project

BLOCKS = """\
- heading: Before the visit
- paragraph: Bring your list of medicines.
- heading: What to bring
  level: 3
- paragraph: Your ID card and your last test results.
- heading: Forms to sign
  level: 4
- paragraph: The clinic gives you a consent form to read at home.
- heading: After the visit
- paragraph: Rest for a day.
"""


def outline_tree(reader: PdfReader, items: list[object] | None = None) -> list[object]:
    """The bookmarks as nested lists of titles, as a viewer's sidebar shows them."""
    tree: list[object] = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            tree.append(outline_tree(reader, item))
        else:
            assert isinstance(item, Destination)
            tree.append(item.title)
    return tree


def line_sizes(path: Path) -> dict[str, float]:
    """Each text line of the PDF → the largest character size on it."""
    sizes: dict[str, float] = {}
    for page in extract_pages(str(path)):
        stack = list(page)
        while stack:
            item = stack.pop()
            if isinstance(item, LTTextLine):
                chars = [c.size for c in item if isinstance(c, LTChar)]
                sizes[item.get_text().strip()] = max(chars, default=0.0)
            elif isinstance(item, LTTextContainer):
                stack.extend(item)
    return sizes


def test_a_part_of_a_section_is_smaller_unnumbered_and_nested_in_the_bookmarks(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_project({"sample": leaflet_yaml(BLOCKS, references="")})
    path = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    sizes = line_sizes(path)
    section = sizes["01 · Before the visit"]
    assert sizes["What to bring"] < section  # not "02 · What to bring": not a section
    assert sizes["Forms to sign"] == sizes["What to bring"]
    assert sizes["02 · After the visit"] == section  # sections count level 2 only
    assert sizes["Bring your list of medicines."] < sizes["What to bring"]
    assert outline_tree(PdfReader(path)) == [
        "A sample leaflet",
        "01 · Before the visit",
        ["What to bring", ["Forms to sign"]],
        "02 · After the visit",
    ]


def test_a_skipped_level_still_builds_its_bookmark_one_level_down(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    # `check` reports the skip (A11Y003); a draft build must not fail on it.
    blocks = "- heading: Section\n- heading: Too deep\n  level: 4\n- paragraph: Text.\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    path = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    assert outline_tree(PdfReader(path)) == ["A sample leaflet", "01 · Section", ["Too deep"]]


def test_the_parallel_edition_nests_a_part_under_its_section(
    i18n_project: Path, tmp_path: Path
) -> None:
    path = i18n_project / "leaflets" / "care-basics.yaml"
    text = path.read_text("utf-8")
    part = "  - heading: When to call us\n    level: 3\n\n  - list:\n"
    path.write_text(text.replace("  - list:\n", part, 1), "utf-8")
    built = build_leaflet(
        Project.at(i18n_project), "care-basics", "th", tmp_path / "out", edition="parallel"
    ).path
    tree = outline_tree(PdfReader(built))
    assert tree[2] == ["When to call us"]  # under the first section, whatever its title
    assert isinstance(tree[1], str) and tree[1].startswith("01 · ")


def test_a_parallel_row_split_over_two_pages_keeps_its_bookmark(
    i18n_project: Path, tmp_path: Path
) -> None:
    """The title's row and a section's row each split over pages (a long lede, a long
    paragraph under the heading): the bookmarks are those of the same leaflet whose rows
    fit a page. ReportLab's parts of a split row are new tables, and the part printed
    first had lost the row's bookmark: the title's, or a section's (Thai parallel
    what-research-says had none for "06 · คำถามที่พบบ่อย")."""
    project = Project.at(i18n_project)
    fitting = build_leaflet(project, "care-basics", "th", tmp_path / "a", edition="parallel")
    path = i18n_project / "leaflets" / "care-basics.yaml"
    text = path.read_text("utf-8")
    long = " ".join(["A mild headache or tiredness is common and usually passes."] * 150)
    text = text.replace("what is normal\n  and when to call us.", f"what is normal. {long}")
    text = text.replace("usually\n      passes within 48 hours.", f"usually passes. {long}")
    path.write_text(text, "utf-8")
    split = build_leaflet(project, "care-basics", "th", tmp_path / "b", edition="parallel")
    assert split.pages >= fitting.pages + 4  # both rows now run over pages
    assert outline_tree(PdfReader(split.path)) == outline_tree(PdfReader(fitting.path))


def _heading_pairs_blocks(groups: int) -> str:
    """Groups of a filler paragraph (its length varying, so that the groups fall at
    every height of a page), a section heading, a subheading and a block under both:
    a paragraph, a list, a callout, a table, or a table too wide for half a page (which
    the parallel edition sets at the full width, one language's after the other's)."""
    wide = "Thrombocytopenia-and-haemorrhage-monitoring"
    followers = [
        "- paragraph: Words under group {g}. " + "Rest at home for a day. " * 8,
        "- list:\n    - Item under group {g}.\n    - A second item.\n    - A third item.",
        "- callout: Box under group {g}. " + "Call us at once. " * 4 + "\n  kind: warning",
        "- table:\n    header: [Room, Step]\n    rows:\n      - [Under group {g}., Check-in]"
        "\n      - [Room 2, Infusion]\n      - [Room 3, Rest]",
        "- table:\n    header: [A, B, C, D]\n    rows:\n      - [Under group {g}., "
        + ", ".join([wide] * 3)
        + "]\n      - [a, b, c, d]",
    ]
    blocks = []
    for g in range(groups):
        filler = "Bring your list of medicines and your card. " * (2 + (g * 5) % 11)
        blocks += [
            f"- paragraph: Filler {g}. {filler}",
            f"- heading: Section {g} heading",
            f"- heading: Part {g} heading\n  level: 3",
            followers[g % len(followers)].format(g=g),
        ]
    return "\n".join(blocks) + "\n"


@pytest.mark.parametrize("edition", ["single", "parallel"])
def test_a_section_heading_stays_with_its_subheading_and_their_block(
    make_project: Callable[..., Path], tmp_path: Path, edition: str
) -> None:
    """A level-2 heading straight above a level-3 one was boxed (single edition) or set
    in a row (parallel) with it alone: at the foot of a page the pair, or the section's
    heading alone, ended the page with nothing of its section under it, the block on the
    next. Every group reads on one page, in each column."""
    root = make_project({"sample": leaflet_yaml(_heading_pairs_blocks(25), references="")})
    locale = None
    if edition == "parallel":  # a catalog with nothing translated: the source twice
        po = root / "locales" / "th" / "LC_MESSAGES"
        po.mkdir(parents=True)
        (po / "sample.po").write_text('msgid ""\nmsgstr ""\n"Language: th\\n"\n', "utf-8")
        locale = "th"
    out = tmp_path / "out"
    path = build_leaflet(Project.at(root), "sample", locale, out, edition=edition).path
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    assert len(pages) >= 6
    for g in range(25):
        texts = (f"Section {g} heading", f"Part {g} heading", f"nder group {g}.")
        where = [{i for i, page in enumerate(pages) if text in page} for text in texts]
        assert all(len(found) == 1 for found in where), (g, where)
        assert where[0] == where[1] == where[2], f"group {g} is split over pages {where}"


@pytest.mark.parametrize("paper", ["a4", "a5"])
def test_a_heading_the_leaflet_ends_with_stays_on_the_page_with_room_for_it(
    make_project: Callable[..., Path], tmp_path: Path, paper: str
) -> None:
    """A heading with nothing under it (`check` warns of it: A11Y012) was kept with the
    closing box, which reports no height that fits: both went to a page of their own,
    page 1 half empty. It prints where it stands."""
    from msc_leaflet.build.options import Options
    from msc_leaflet.print_spec import PrintSpec

    blocks = "- heading: First\n- paragraph: Some text.\n- heading: Last\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    options = Options(spec=PrintSpec(paper=paper))
    result = build_leaflet(Project.at(root), "sample", "en", tmp_path, options=options)
    texts = [page.extract_text() for page in PdfReader(result.path).pages]
    assert len(texts) == 1, texts
    assert texts[0].index("Last") < texts[0].index("Please note")
