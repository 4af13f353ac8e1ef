"""A proof page with more block contexts than its left margin holds: every context is
still printed on the sheet, none over another, and the build says where they went.

A page of one-line paragraphs on A5 (each context longer than its block) pushed its
last contexts below the foot of the sheet, where a reviewer could not see which block
a comment on paper was about.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from pdfminer.high_level import extract_text

from conftest import REPO, leaflet_yaml
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.layout.proof import MARGIN_NOTE_FLOOR, SAFE_ZONE, fit_margin_notes
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.theme.theme import load_theme
from pdfjs_text import run_pdfjs
from tagged_read import page_objects, structure

#: One-line paragraphs, each named by a context longer than the paragraph is tall.
COUNT = 60


def _contexts(count: int) -> list[str]:
    return [f"short-paragraph-number-{n:02d}" for n in range(count)]


def _leaflet(count: int) -> str:
    blocks = "".join(f"- paragraph: Line {n}.\n  id: {c}\n" for n, c in enumerate(_contexts(count)))
    return leaflet_yaml(blocks, references="")


def _notes(path: Path, body: tuple[float, float]) -> list[list[tuple[str, tuple[float, ...]]]]:
    """Per page, each text object drawn outside the body's width (the turned contexts)
    with its box, as pdfium reads it."""
    pages = []
    for page in pdfium.PdfDocument(path):
        text = page.get_textpage()
        found = []
        for obj in page.get_objects():
            if obj.type != pdfium.raw.FPDF_PAGEOBJ_TEXT:
                continue
            box = obj.get_bounds()
            if box[2] < body[0] or box[0] > body[1]:
                found.append((text.get_text_bounded(*box).strip(), box))
        pages.append(found)
    return pages


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_every_margin_note_of_a_crowded_page_is_printed_on_the_sheet(
    make_project: Callable[..., Path], tmp_path: Path, paper: str
) -> None:
    root = make_project({"sample": _leaflet(COUNT)})
    options = Options(spec=PrintSpec(paper=paper, proof=True))
    result = build_leaflet(Project.at(root), "sample", "en", tmp_path, options=options)
    theme = load_theme(paper=paper)
    width, height = theme.page_size
    body = (theme.margins["left"], width - theme.margins["right"])
    pages = _notes(result.path, body)
    printed = [context for page in pages for context, _ in page]
    assert sorted(c for c in printed if c.startswith("short-")) == _contexts(COUNT)
    for number, page in enumerate(pages, 1):
        for i, (context, a) in enumerate(page):
            inside = a[0] >= SAFE_ZONE - 1 and a[2] <= width - SAFE_ZONE + 1
            assert inside and a[1] >= SAFE_ZONE - 1 and a[3] <= height - SAFE_ZONE + 1, (
                f"page {number}: {context} leaves the sheet's safe zone: {a}"
            )
            for other, b in page[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, f"page {number}: {context} and {other} overlap"
    # The reviewer is told where to look: the right margin, of the pages that use it.
    crowded = {n for n, page in enumerate(pages, 1) if any(box[0] > body[1] for _, box in page)}
    assert crowded, "the crowded page used no right margin"
    told = [f.message for f in result.findings if "LAYOUT009" in str(f)]
    for number in crowded:
        assert any(f"proof page {number}:" in message for message in told), told
    assert not any("below" in f.message and "pt" in f.message for f in result.findings)


def test_notes_the_left_margin_holds_stay_there_at_their_size() -> None:
    """A page whose left margin holds its contexts (every page of the bundled leaflets)
    is drawn as before: no right margin, 9 pt, nothing reported."""
    notes = [(500.0 - 60 * n, f"block-{n}") for n in range(5)]
    fitted = fit_margin_notes(notes, lambda c, size: 5 * size, (51.0, 370.0), (420.0, 595.0))
    assert fitted.moved is None and fitted.size == 9.0
    assert all(x < 51.0 for x, _, _ in fitted.placed)


def test_notes_no_margin_holds_are_named_not_drawn_off_the_sheet() -> None:
    notes = [(580.0 - n, f"block-{n}") for n in range(400)]
    fitted = fit_margin_notes(notes, lambda c, size: 10 * size, (51.0, 370.0), (420.0, 595.0), 3)
    assert fitted.moved is not None and fitted.moved.page == 3
    assert fitted.size == MARGIN_NOTE_FLOOR and fitted.moved.lost
    drawn = {context for _, _, context in fitted.placed}
    assert drawn.isdisjoint(fitted.moved.lost) and len(drawn) + len(fitted.moved.lost) == 400
    assert all(top - 10 * MARGIN_NOTE_FLOOR >= SAFE_ZONE - 0.01 for _, top, _ in fitted.placed)


def test_turned_notes_are_no_part_of_the_text_a_reader_gets(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """A crowded A5 proof, notes in both margins: every body line comes back whole and
    in order from pypdf, pdfminer.six and PDFium (no context read inside a line or
    between two), and a screen reader meets no note: they are artifacts, outside the
    structure tree, with no text left untagged."""
    root = make_project({"sample": _leaflet(COUNT)})
    options = Options(spec=PrintSpec(paper="a5", proof=True))
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path, options=options).path
    # Thai lines, whose height put a right-margin column's last note on the footer's
    # baseline (page 2), where pdf.js glued the two.
    thai = "".join(
        f"- paragraph: ดื่มน้ำให้เพียงพอก่อนตรวจเลือด {n}\n  id: {c}\n"
        for n, c in enumerate(_contexts(40))
    )
    thai_root = make_project({"thai": leaflet_yaml(thai, "thai", references="")})
    thai_yaml = thai_root / "leaflets" / "thai.yaml"
    thai_yaml.write_text(thai_yaml.read_text("utf-8").replace("language: en", "language: th"))
    thai_path = build_leaflet(
        Project.at(thai_root), "thai", "th", tmp_path / "th", options=options
    ).path
    texts = {
        "pypdf": "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages),
        "pdfminer": extract_text(path),
        "pdfium": "\n".join(
            page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path)
        ),
    }
    for reader, text in texts.items():
        lines = re.findall(r"Line (\d+)\.", " ".join(text.split()))
        assert [int(n) for n in lines] == list(range(COUNT)), f"{reader}: {lines}"
    # pdf.js (Firefox's find bar): no context glued to the footer's line, as the
    # last note of a right-margin column ends on the footer's baseline.
    if shutil.which("node") and (REPO / "tests" / "pdfjs" / "node_modules").exists():
        for page in run_pdfjs("text.mjs", path) + run_pdfjs("text.mjs", thai_path):
            read = "".join(item["str"] + ("\n" * item["hasEOL"]) for item in page)
            assert not re.search(r"number-\d\d\S", read), read
    tree, _ = structure(path)
    assert "short-paragraph" not in tree.text() and "Line 0." in tree.text()
    assert all(not page.untagged_text for page in page_objects(path))


def _arabic_leaflet(count: int) -> str:
    """A leaflet written in Arabic: one short paragraph per context."""
    blocks = "".join(
        f"- paragraph: اشرب كمية كافية من الماء قبل فحص الدم {n}.\n  id: {c}\n"
        for n, c in enumerate(_contexts(count))
    )
    text = leaflet_yaml(blocks, "arabic", references="")
    return text.replace("language: en", "language: ar")


@pytest.mark.parametrize(("count", "crowded"), [(6, False), (COUNT, True)])
def test_an_arabic_proof_starts_its_notes_in_the_right_margin(
    make_project: Callable[..., Path], tmp_path: Path, count: int, crowded: bool
) -> None:
    """An Arabic page's lines start at the right margin, where a reviewer's eye meets
    each block's first words: its block contexts stood in the left margin, across the
    page from them. They start in the right margin and continue in the left only when
    the right cannot hold them, and the warning says so."""
    root = make_project({"arabic": _arabic_leaflet(count)})
    options = Options(spec=PrintSpec(paper="a5", proof=True))
    result = build_leaflet(Project.at(root), "arabic", "ar", tmp_path, options=options)
    theme = load_theme(paper="a5")
    width, _ = theme.page_size
    body = (theme.margins["left"], width - theme.margins["right"])
    pages = _notes(result.path, body)
    notes = [(context, box) for page in pages for context, box in page if context]
    printed = sorted(c for c, _ in notes if c.startswith("short-"))
    assert printed == _contexts(count)
    right = [c for c, box in notes if box[0] > body[1]]
    left = [c for c, box in notes if box[2] < body[0]]
    told = [f.message for f in result.findings if "LAYOUT009" in str(f)]
    if not crowded:
        assert not left and not told, (left, told)
        return
    # Crowded: the right margin is full before the left takes any.
    assert left and len(right) > len(left), (len(right), len(left))
    assert told and all("right margin holds too few" in m for m in told), told
    assert all("continue in the left margin" in m for m in told), told


def test_right_to_left_notes_fill_the_right_margin_first() -> None:
    notes = [(500.0 - 60 * n, f"block-{n}") for n in range(5)]
    body, sheet = (51.0, 370.0), (420.0, 595.0)
    fitted = fit_margin_notes(notes, lambda c, size: 5 * size, body, sheet, right_to_left=True)
    assert fitted.moved is None and fitted.size == 9.0
    assert all(body[1] < x < sheet[0] - SAFE_ZONE for x, _, _ in fitted.placed)
    crowded = [(580.0 - n, f"block-{n}") for n in range(60)]
    fitted = fit_margin_notes(crowded, lambda c, size: 10 * size, body, sheet, right_to_left=True)
    assert fitted.moved is not None and fitted.moved.margins == ("right", "left")
    moved = [x for x, _, _ in fitted.placed if x < body[0]]
    assert fitted.moved.facing == len(moved) > 0
