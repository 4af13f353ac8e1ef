"""Build real PDFs and check what a reader sees in them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from conftest import LONG_BLOCKS, leaflet_yaml
from msc_leaflet.build import build_leaflet
from msc_leaflet.content.inline import plain_text
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.project import Project
from pdfread import citations_by_page, font_problems, normalise, notes_missing, page_texts


@pytest.fixture
def built(make_project: Callable[..., Path], tmp_path: Path) -> Path:
    project = Project.at(make_project())
    return build_leaflet(project, "sample", None, tmp_path / "out").path


def test_output_path_and_page_count(built: Path, tmp_path: Path) -> None:
    assert built == (tmp_path / "out" / "en" / "sample.pdf").resolve()
    assert len(PdfReader(built).pages) >= 3


def test_text_layer_contains_every_paragraph(built: Path) -> None:
    text = normalise(" ".join(page_texts(built)))
    for n in (1, 15, 30):
        source = (
            f"Paragraph {n} says something plain about cells and tests and reading labels "
            "with care, "
            "then cites a study"
        )
        assert source in text
    assert "Is this a question?" in text and "Yes, and this is its answer." in text


def test_citation_numbers_match_footer_entries_on_each_page(built: Path) -> None:
    cited, _ = citations_by_page(built)
    assert any(cited), "no superscript citations found"
    assert notes_missing(built) == []


def test_citations_numbered_in_order_of_first_use(built: Path) -> None:
    text = normalise(" ".join(page_texts(built)))
    # Reference list at the end, in citation order: alpha (1), gamma (2), delta (3).
    assert re.search(
        r"1\. Alpha A, Beta B\. A first study of cells\. J Test\. 2001;1\(2\):3-4\.", text
    )
    assert "2. Gamma G. A second study. J Test. 2002. doi:10.1000/xyz123" in text
    assert "3. Delta D, Epsilon E, Zeta Z, Eta E, Theta T, Iota I, et al." in text


def test_page_x_of_y_on_every_page(built: Path) -> None:
    texts = page_texts(built)
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text
        assert "T-001 · Version 2.1 · Review date" in text


def test_fonts_are_embedded_subsets(built: Path) -> None:
    assert font_problems(built) == []


def test_metadata_language_and_outline(built: Path) -> None:
    reader = PdfReader(built)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "A sample leaflet"
    assert meta.author == "Test Clinic"
    assert meta.subject == "Testers"
    assert str(reader.root_object["/Lang"]) == "en"
    outline = cast(list[Destination], reader.outline)  # flat: no nested entries
    titles = [(item.title, reader.get_destination_page_number(item)) for item in outline]
    assert titles[0] == ("A sample leaflet", 0)
    assert titles[1][0] == "01 · First part"
    assert titles[-1][0] == "References"
    references_page = titles[-1][1]
    assert references_page is not None
    assert "References" in page_texts(built)[references_page]


def test_two_builds_are_byte_identical(make_project: Callable[..., Path], tmp_path: Path) -> None:
    project = Project.at(make_project())
    first = build_leaflet(project, "sample", None, tmp_path / "a").path.read_bytes()
    second = build_leaflet(project, "sample", None, tmp_path / "b").path.read_bytes()
    assert first == second


def test_source_date_epoch_sets_the_creation_date(
    make_project: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    project = Project.at(make_project())
    path = build_leaflet(project, "sample", None, tmp_path / "out").path
    metadata = PdfReader(path).metadata
    assert metadata is not None
    assert str(metadata["/CreationDate"]).startswith("D:20260101")


def test_markup_in_content_prints_literally(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    canary = tmp_path / "project" / "canary.png"
    blocks = (
        '- paragraph: \'<img src="canary.png" width="400"/> <font size="40">big</font> &amp;\'\n'
        "- paragraph: '<para autoLeading=\"max\">x</para> [ok](https://example.org)'\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(canary)
    path = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    text = normalise(" ".join(page_texts(path)))
    assert '<img src="canary.png" width="400"/> <font size="40">big</font> &amp;' in text
    assert '<para autoLeading="max">x</para>' in text
    raw = path.read_bytes()
    assert b"/Subtype /Image" not in raw


def test_bundled_leaflets_build_to_two_to_four_pages(tmp_path: Path) -> None:
    from conftest import REPO

    project = Project.at(REPO)
    for leaflet_id in project.leaflet_ids():
        result = build_leaflet(project, leaflet_id, "en", tmp_path)
        assert 2 <= result.pages <= 4, (leaflet_id, result.pages)
        assert notes_missing(result.path) == [], leaflet_id
        leaflet, _ = load_leaflet(project.leaflet_path(leaflet_id), project)
        title = PdfReader(result.path).metadata.title  # type: ignore[union-attr]
        assert title == plain_text(leaflet.title.value) != leaflet_id


def test_long_leaflet_blocks_fixture_is_multi_page(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """Other tests (print marks, footers on every page) rely on LONG_BLOCKS filling pages."""
    project = Project.at(make_project({"sample": leaflet_yaml(LONG_BLOCKS)}))
    pdf = build_leaflet(project, "sample", None, tmp_path / "out").path
    assert len(PdfReader(pdf).pages) >= 2


@pytest.mark.parametrize(
    "cited",
    ["[@alpha2001][@gamma2002][@delta2003]", "[@alpha2001] [@gamma2002]  [@delta2003]"],
    ids=["tight", "spaced"],
)
def test_adjacent_citations_read_as_one_list(
    make_project: Callable[..., Path], tmp_path: Path, cited: str
) -> None:
    """`[@a][@b][@c]` must print 1–3, not the misleading 123; so must `[@a] [@b] [@c]`,
    whose spaces the superscript drops (it printed 123, a citation of reference 123)."""
    blocks = f"- paragraph: Three studies {cited}.\n  id: three\n"
    project = Project.at(make_project({"sample": leaflet_yaml(blocks)}))
    pdf = build_leaflet(project, "sample", None, tmp_path / "out").path
    text = normalise(page_texts(pdf)[0])
    assert "Three studies1–3." in text


def test_bytes_do_not_depend_on_what_the_process_built_before(tmp_path: Path) -> None:
    """An English PDF built first in a fresh process equals one built after a Thai one
    (a worker of -j2 builds in a different order than -j1)."""
    import subprocess
    import sys

    from conftest import REPO

    script = (
        "import sys; from pathlib import Path; from msc_leaflet.build import build_leaflet;"
        "from msc_leaflet.project import Project; p = Project.at(Path(sys.argv[1]));"
        "[build_leaflet(p, 'what-msc-can-do', loc, Path(sys.argv[2])) for loc in sys.argv[3:]]"
    )
    for out, order in (("fresh", ["en"]), ("after-thai", ["th", "en"])):
        subprocess.run(
            [sys.executable, "-c", script, str(REPO), str(tmp_path / out), *order], check=True
        )
    fresh = (tmp_path / "fresh" / "en" / "what-msc-can-do.pdf").read_bytes()
    assert fresh == (tmp_path / "after-thai" / "en" / "what-msc-can-do.pdf").read_bytes()


def test_a_block_without_a_layout_branch_is_not_laid_out_as_a_figure() -> None:
    # mypy reports the missing branch (`assert_never`); were it ignored, the layout must
    # stop at the block instead of handing it to the figure code as it once did.
    from dataclasses import dataclass

    from msc_leaflet.layout.blocks import BlockBuilder

    @dataclass(frozen=True)
    class Steps:
        id: str = "steps"

    builder = object.__new__(BlockBuilder)  # the dispatch needs none of its state
    with pytest.raises(AssertionError, match="Steps"):
        builder.build(Steps())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tag", "meaning"),
    [
        ("und", "undetermined"),
        ("mul", "multiple languages"),
        ("zxx", "no linguistic content"),
        ("mis", "uncoded"),
        ("root", "root"),
        ("und-TH", "undetermined"),
        ("UND", "undetermined"),
    ],
)
def test_a_tag_that_names_no_language_is_refused(
    make_project: Callable[..., Path], tmp_path: Path, tag: str, meaning: str
) -> None:
    # `build -l und` printed an English leaflet into build/und/ (CLDR reads und as en_US),
    # and `root` passed as a locale; mul and zxx were "unknown", as if misspelt.
    from typer.testing import CliRunner

    from msc_leaflet.cli.app import app

    root = make_project({"sample": leaflet_yaml("- paragraph: Short text [@alpha2001].\n")})
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", "-l", tag, "--project", str(root), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "is not a language: it is" in result.stderr and meaning in result.stderr
    assert "hint: " in result.stderr and "Traceback" not in result.stderr
    assert not list(out.rglob("*.pdf"))


def test_the_organisation_logo_is_printed_in_the_band(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """docs/format.md and the project template list `logo:` as printed; it was never
    drawn. It is drawn in the band on page 1, before the organisation's name."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTFigure, LTImage, LTTextContainer, LTTextLine
    from PIL import Image

    root = make_project({"sample": leaflet_yaml("- paragraph: One.\n")})
    org = root / "organisations" / "test-clinic.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    Image.new("RGB", (300, 120), (255, 255, 255)).save(root / "logo.png")
    pdf = build_leaflet(Project.at(root), "sample", None, tmp_path / "out").path
    pages = list(extract_pages(str(pdf)))
    height = pages[0].height
    images: list[tuple[int, LTImage | LTFigure]] = []
    names: list[LTTextLine] = []
    for number, page in enumerate(pages, 1):
        stack = list(page)
        while stack:
            item = stack.pop()
            if isinstance(item, LTFigure | LTImage):
                images.append((number, item))
            elif isinstance(item, LTTextLine) and "Test Clinic" in item.get_text() and number == 1:
                names.append(item)
            if isinstance(item, LTTextContainer | LTFigure):
                stack.extend(item)
    assert {number for number, _ in images} == {1}, images  # page 1 only
    logo = images[0][1]
    band = 24 * 72 / 25.4  # spacing: band-height, 24 mm
    assert logo.y0 >= height - band - 0.01 and logo.y1 <= height + 0.01
    assert logo.width / logo.height == pytest.approx(300 / 120, rel=0.01)
    (name,) = [line for line in names if line.y0 >= height - band]  # the band's
    assert name.x0 > logo.x1  # the name follows the logo, not under it
