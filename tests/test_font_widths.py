"""Font programs made to agree with a shaped text layer's /Widths (PDF/A-2 §6.2.11.5)
without changing what a page shows or what extractors read (finishing/font_widths.py).
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont

from conftest import REPO
from msc_leaflet import i18n
from msc_leaflet.build.build import project_theme
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.finishing.final_pass import final_pass
from msc_leaflet.finishing.font_program import widths_agree
from msc_leaflet.finishing.font_widths import match_font_widths, with_advances
from msc_leaflet.layout import Localised, layout_leaflet
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from pdfread import embedded_fonts, render_hashes
from typeset_support import EXTRACTORS


@pytest.fixture(scope="module")
def thai_unmatched(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Thai leaflet as the layout writes it, before the font programs are matched."""
    out = tmp_path_factory.mktemp("widths")
    project = Project.at(REPO)
    source, _ = load_leaflet(project.leaflet_path("infusion-safety"), project)
    leaflet = i18n.localize_with_fallbacks(source, "th", project)[0]
    version = Localised(leaflet, i18n.ui_labels("th", project), source_language="en")
    result = layout_leaflet([version], project_theme(project, PrintSpec()), i18n.format_date)
    path = out / "unmatched.pdf"
    path.write_bytes(final_pass(result.pdf))
    return path


def test_every_code_gets_its_advance_and_nothing_else_changes(
    thai_unmatched: Path, tmp_path: Path
) -> None:
    with pikepdf.open(thai_unmatched) as pdf:
        assert False in {widths_agree(font) for font in embedded_fonts(pdf)}
        match_font_widths(pdf)
        matched = tmp_path / "matched.pdf"
        pdf.save(matched)
    with pikepdf.open(matched) as pdf:
        for font in embedded_fonts(pdf):
            assert widths_agree(font) is True, font.BaseFont
            program = font.FontDescriptor.FontFile2
            data = program.read_bytes()
            assert int(program.Length1) == len(data)
            parsed = TTFont(io.BytesIO(data))  # a well-formed font for another reader
            cmap = parsed["cmap"].getcmap(1, 0).cmap
            units = parsed["head"].unitsPerEm
            glyf = parsed["glyf"]
            for index, width in enumerate(font.Widths):
                name = cmap.get(int(font.FirstChar) + index)
                if name is not None:
                    assert abs(parsed["hmtx"][name][0] * 1000 / units - float(width)) <= 0.5
            copies = [n for n in parsed.getGlyphOrder() if glyf[n].numberOfContours]
            assert copies
    # What the pages show and what every extractor reads are unchanged.
    assert render_hashes(matched) == render_hashes(thai_unmatched)
    for name, extract in EXTRACTORS.items():
        assert extract(matched) == extract(thai_unmatched), name


def test_matching_twice_changes_nothing(thai_unmatched: Path) -> None:
    with pikepdf.open(thai_unmatched) as pdf:
        match_font_widths(pdf)
        for font in embedded_fonts(pdf):
            data = font.FontDescriptor.FontFile2.read_bytes()
            wanted = {int(font.FirstChar) + i: float(w) for i, w in enumerate(font.Widths)}
            assert with_advances(data, wanted) is data
