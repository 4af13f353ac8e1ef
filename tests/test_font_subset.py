"""Font programs and ToUnicode CMaps cut to what the pages show, without changing what a
page shows or what extractors read (finishing/font_subset.py)."""

from __future__ import annotations

import io
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

from conftest import REPO
from msc_leaflet import i18n
from msc_leaflet.build.build import project_theme
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.finishing.final_pass import final_pass
from msc_leaflet.finishing.font_program import widths_agree
from msc_leaflet.finishing.font_subset import only_codes, subset_fonts
from msc_leaflet.finishing.font_widths import match_font_widths
from msc_leaflet.layout import Localised, layout_leaflet
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.typeset.to_unicode import read_cmap
from pdfread import embedded_fonts, render_hashes
from typeset_support import EXTRACTORS


@dataclass(frozen=True)
class LaidOut:
    """A leaflet as the layout writes it, its fonts as ReportLab subsets them, and the
    codes its fonts gave out (`LayoutResult.codes_shown`)."""

    path: Path
    noted: Mapping[str, frozenset[int]]


@pytest.fixture(scope="module", params=["th", "en"])
def laid_out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> LaidOut:
    out = tmp_path_factory.mktemp("subset")
    project = Project.at(REPO)
    source, _ = load_leaflet(project.leaflet_path("infusion-safety"), project)
    leaflet = i18n.localize_with_fallbacks(source, request.param, project)[0]
    labels = i18n.ui_labels(request.param, project)
    version = Localised(leaflet, labels, source_language="en")
    result = layout_leaflet([version], project_theme(project, PrintSpec()), i18n.format_date)
    path = out / f"{request.param}.pdf"
    path.write_bytes(final_pass(result.pdf))
    return LaidOut(path, result.codes_shown)


def _shown(pdf: pikepdf.Pdf) -> dict[tuple[int, int], set[int]]:
    """Codes shown per font, as qpdf's tokenizer reads the pages."""
    shown: dict[tuple[int, int], set[int]] = {}
    for page in pdf.pages:
        fonts = page.Resources.Font
        codes: set[int] = set()
        for instruction in pikepdf.parse_content_stream(page, "Tf Tj TJ ' \""):
            assert isinstance(instruction, pikepdf.ContentStreamInstruction)
            operands, operator = list(instruction.operands), str(instruction.operator)
            if operator == "Tf":
                codes = shown.setdefault(fonts[str(operands[0])].objgen, set())
            elif operator == "TJ":
                strings = [s for s in operands[0] if isinstance(s, pikepdf.String)]
                codes.update(b for s in strings for b in bytes(s))
            else:
                codes.update(bytes(operands[-1]))
    return shown


def _subset(source: LaidOut, out: Path) -> Path:
    with pikepdf.open(source.path) as pdf:
        subset_fonts(source.noted)(pdf)
        match_font_widths(pdf)
        pdf.save(out)
    return out


def _outlines(font: Any) -> dict[int, object]:
    """Code → its glyph's outline (coordinates, contour ends, flags), components resolved."""
    parsed = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
    glyf = parsed["glyf"]
    cmap = parsed["cmap"].tables[0].cmap
    out: dict[int, object] = {}
    for code, name in cmap.items():
        coordinates, ends, flags = glyf[name].getCoordinates(glyf)
        out[code] = (list(coordinates), list(ends), list(flags))
    return out


def test_only_shown_glyphs_keep_outlines_and_nothing_shown_changes(
    laid_out: LaidOut, tmp_path: Path
) -> None:
    before = laid_out.path
    after = _subset(laid_out, tmp_path / "after.pdf")
    assert after.stat().st_size < before.stat().st_size * 0.95
    with pikepdf.open(before) as old, pikepdf.open(after) as new:
        shown = _shown(new)
        old_fonts = {f.objgen: f for f in embedded_fonts(old)}
        for font in embedded_fonts(new):
            codes = shown.get(font.objgen, set())
            old_outlines, new_outlines = _outlines(old_fonts[font.objgen]), _outlines(font)
            for code in codes:  # every glyph shown is drawn as before
                assert new_outlines[code] == old_outlines[code], code
            hidden = [
                c for c in new_outlines if c not in codes and new_outlines[c] != old_outlines[c]
            ]
            assert hidden  # …and what nothing shows is gone
            assert all(new_outlines[c] == ([], [], []) for c in hidden)
            parsed = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
            names = {(r.platformID, r.nameID) for r in parsed["name"].names}
            assert names == {(3, 0), (3, 1), (3, 2), (3, 4), (3, 6)}
            assert widths_agree(font) is True
            read = read_cmap(font.ToUnicode.read_bytes().decode("latin-1"))
            assert read is not None and set(read[2]) == codes
    assert render_hashes(after) == render_hashes(before)
    for name, extract in EXTRACTORS.items():
        assert extract(after) == extract(before), name


def test_subsetting_twice_changes_nothing(laid_out: LaidOut) -> None:
    with pikepdf.open(laid_out.path) as pdf:
        subset_fonts(laid_out.noted)(pdf)
        programs = [f.FontDescriptor.FontFile2.read_bytes() for f in embedded_fonts(pdf)]
        shown = _shown(pdf)
        for font, program in zip(embedded_fonts(pdf), programs, strict=True):
            assert only_codes(program, shown.get(font.objgen, set())) is program


def _composite(parts: list[int]) -> bytes:
    more, xy_values = 0x20, 0x2
    records = b"".join(
        struct.pack(">HHbb", (more if i < len(parts) - 1 else 0) | xy_values, part, 0, 0)
        for i, part in enumerate(parts)
    )
    return struct.pack(">hhhhh", -1, 0, 0, 100, 100) + records


def test_a_shown_composite_keeps_the_glyphs_it_is_built_of(laid_out: LaidOut) -> None:
    with pikepdf.open(laid_out.path) as pdf:
        program = embedded_fonts(pdf)[0].FontDescriptor.FontFile2.read_bytes()
    font = TTFont(io.BytesIO(program))
    order = font.getGlyphOrder()
    cmap = font["cmap"].tables[0].cmap
    code, target = next((c, g) for c, g in sorted(cmap.items()) if c > 0)
    part = next(g for g in order[1:] if g != target and font["glyf"][g].numberOfContours > 0)
    font["glyf"][target] = Glyph(_composite([order.index(part)]))
    out = io.BytesIO()
    font.save(out)
    trimmed = TTFont(io.BytesIO(only_codes(out.getvalue(), {code})))
    assert trimmed["glyf"][target].isComposite()
    assert trimmed["glyf"][part].numberOfContours > 0  # kept: the composite draws it
    others = [g for g in order[1:] if g not in (target, part)]
    assert all(trimmed["glyf"][g].numberOfContours == 0 for g in others)


def test_the_codes_noted_are_the_codes_the_pages_show(laid_out: LaidOut) -> None:
    """What the fonts gave out is what qpdf's tokenizer reads in the pages (ReportLab's
    literal-string list bullets among them): no glyph is emptied that a page shows, and
    none kept that no page does."""
    with pikepdf.open(laid_out.path) as pdf:
        shown = _shown(pdf)
        names = {f.objgen: str(name)[1:] for name, f in pdf.pages[0].Resources.Font.items()}
        literal = any(b"(" in page.obj.Contents.read_bytes() for page in pdf.pages)
    assert literal
    assert shown and all(laid_out.noted[names[font]] == codes for font, codes in shown.items())


def test_a_font_the_layout_did_not_note_is_left_whole(laid_out: LaidOut) -> None:
    """Another tool's font, or a document laid out without the record: trimmed by a
    guess, a glyph a page shows could go blank."""
    with pikepdf.open(laid_out.path) as pdf:
        before = [f.FontDescriptor.FontFile2.read_bytes() for f in embedded_fonts(pdf)]
        subset_fonts({})(pdf)
        after = [f.FontDescriptor.FontFile2.read_bytes() for f in embedded_fonts(pdf)]
    assert after == before


def test_a_font_an_annotation_appearance_shows_is_left_whole(laid_out: LaidOut) -> None:
    with pikepdf.open(laid_out.path) as pdf:
        fonts = embedded_fonts(pdf)
        before = [f.FontDescriptor.FontFile2.read_bytes() for f in fonts]
        appearance = pikepdf.Stream(pdf, b"BT /F 9 Tf <41> Tj ET")
        appearance.Subtype = pikepdf.Name.Form
        appearance.BBox = [0, 0, 10, 10]
        appearance.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F=fonts[0]))
        annotation = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Square,
            Rect=[0, 0, 10, 10],
            AP=pikepdf.Dictionary(N=pdf.make_indirect(appearance)),
        )
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(annotation)]))
        subset_fonts(laid_out.noted)(pdf)
        after = [f.FontDescriptor.FontFile2.read_bytes() for f in fonts]
    assert after[0] == before[0]
    assert len(fonts) > 1 and after[1:] != before[1:]  # the others were subset
