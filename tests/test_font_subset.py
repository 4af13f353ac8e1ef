"""Font programs and ToUnicode CMaps cut to what the pages show, without changing what a
page shows or what extractors read (finishing/font_subset.py)."""

from __future__ import annotations

import io
import struct
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
from msc_leaflet.finishing import font_subset
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


@pytest.fixture(scope="module", params=["th", "en"])
def laid_out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A leaflet as the layout writes it, its fonts as ReportLab subsets them."""
    out = tmp_path_factory.mktemp("subset")
    project = Project.at(REPO)
    source, _ = load_leaflet(project.leaflet_path("infusion-safety"), project)
    leaflet = i18n.localize_with_fallbacks(source, request.param, project)[0]
    labels = i18n.ui_labels(request.param, project)
    version = Localised(leaflet, labels, source_language="en")
    result = layout_leaflet([version], project_theme(project, PrintSpec()), i18n.format_date)
    path = out / f"{request.param}.pdf"
    path.write_bytes(final_pass(result.pdf))
    return path


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


def _subset(source: Path, out: Path) -> Path:
    with pikepdf.open(source) as pdf:
        subset_fonts(pdf)
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
    laid_out: Path, tmp_path: Path
) -> None:
    before = laid_out
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


def test_subsetting_twice_changes_nothing(laid_out: Path) -> None:
    with pikepdf.open(laid_out) as pdf:
        subset_fonts(pdf)
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


def test_a_shown_composite_keeps_the_glyphs_it_is_built_of(laid_out: Path) -> None:
    with pikepdf.open(laid_out) as pdf:
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


Runs = list[tuple[str | None, bytes]]
CONTENT: list[tuple[bytes, Runs]] = [  # (a content stream, its strings font by font)
    (b"BT /F1 9 Tf [<0102> 3 <03>] TJ ET", [(None, b""), ("F1", b"\1\2\3")]),
    (b"/P <</MCID 0>> BDC BT /F1 9 Tf <0 4 0> Tj ET EMC", [(None, b""), ("F1", b"\4\0")]),
    (b"BT /F1 9 Tf (a\\(b\\)\\101\\\nc\r\nd) Tj ET", [(None, b""), ("F1", b"a(b)Ac\nd")]),
    (b"BT /F1 9 Tf (a(b)c) Tj ET", [(None, b""), ("F1", b"a(b)c")]),  # nested
    (b"BT /F1 9 Tf % (x) Tj\n(y) Tj ET", [(None, b""), ("F1", b"y")]),  # a comment
    (b"BT /F1 9 Tf (a\\\\) Tj /F2 8 Tf [(b)] TJ ET", [(None, b""), ("F1", b"a\\"), ("F2", b"b")]),
]


@pytest.mark.parametrize(("stream", "expected"), CONTENT)
def test_strings_are_read_as_qpdf_reads_them(stream: bytes, expected: Runs) -> None:
    pdf = pikepdf.new()
    owner = pikepdf.Stream(pdf, stream)
    assert font_subset._runs(stream, owner) == expected
    assert font_subset._grouped(font_subset._qpdf_runs(owner)) == expected


def test_a_string_outside_text_counts_as_shown_before_any_font() -> None:
    """A marked-content property's string is no text: on a page it comes before any Tf
    and is ignored; reading it as shown would only ever keep a glyph too many."""
    stream = b"/Span <</ActualText <FEFF0041>>> BDC BT /F1 9 Tf <01> Tj ET EMC"
    owner = pikepdf.Stream(pikepdf.new(), stream)
    assert font_subset._runs(stream, owner) == [(None, b"\xfe\xff\0A"), ("F1", b"\1")]


def test_the_bundled_pages_are_read_as_qpdf_reads_them(laid_out: Path) -> None:
    literal = False  # ReportLab's own list bullets are literal strings
    with pikepdf.open(laid_out) as pdf:
        for page in pdf.pages:
            data = page.obj.Contents.read_bytes()
            literal = literal or b"(" in data
            qpdf = font_subset._grouped(font_subset._qpdf_runs(page.obj))
            assert font_subset._runs(data, page.obj) == qpdf
    assert literal


def test_a_font_an_annotation_appearance_shows_is_left_whole(laid_out: Path) -> None:
    with pikepdf.open(laid_out) as pdf:
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
        subset_fonts(pdf)
        after = [f.FontDescriptor.FontFile2.read_bytes() for f in fonts]
    assert after[0] == before[0]
    assert len(fonts) > 1 and after[1:] != before[1:]  # the others were subset
