"""The theme as data: a `Theme` free of ReportLab."""

from __future__ import annotations

import subprocess
import sys

from msc_leaflet.theme.colours import CMYK, RGB
from msc_leaflet.theme.theme import PAPER, load_theme


def test_loading_a_theme_needs_no_reportlab() -> None:
    code = (
        "import sys; from msc_leaflet.theme import load_theme; load_theme(); "
        "print(' '.join(sorted(sys.modules)))"
    )
    loaded = subprocess.check_output([sys.executable, "-c", code], text=True).split()
    assert not [m for m in loaded if m.split(".")[0] == "reportlab"]


def test_colours_and_page_sizes_are_plain_data_that_match_reportlab() -> None:
    from reportlab.lib.pagesizes import A4, A5, LETTER
    from reportlab.lib.units import mm

    assert PAPER == {"a4": A4, "a5": A5, "letter": LETTER}  # exactly, not approximately
    theme = load_theme(paper="a5")
    assert theme.page_size == A5
    assert theme.margins["left"] == 13 * mm
    assert theme.colour("accent") == RGB(0x0B / 255, 0x6E / 255, 0x74 / 255)
    assert isinstance(load_theme(colour_mode="cmyk").colour("accent"), CMYK)
