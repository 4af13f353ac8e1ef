"""A web or e-mail address too wide for its line breaks with no hyphen added.

The hyphenator took an e-mail address for English words: in the half column of an A5
parallel edition "verylongmailboxnamefortheclinicreception@…" printed as
"…theclini-" / "creception@…", and a reader types the hyphen into another mailbox.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from conftest import leaflet_yaml
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project
from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset import paragraph as paragraph_module
from msc_leaflet.typeset.hyphenation import hyphenation_points
from msc_leaflet.typeset.placed import Placed
from msc_leaflet.typeset.render import draw_placed

MAIL = "verylongmailboxnamefortheclinicreception@averyveryverylongclinicdomainname.example.org"
WEB = "https://www.example.org/leaflets/understanding/mesenchymal/questionnaire"


@pytest.mark.parametrize("address", [MAIL, WEB])
def test_no_hyphenation_point_falls_inside_an_address(address: str) -> None:
    text = f"Write to {address} for the questionnaire."
    start = text.index(address)
    points = hyphenation_points(text, "en")
    assert not [p for p in points if start < p < start + len(address)], sorted(points)
    assert any(p > start + len(address) for p in points)  # "questionnaire" still is


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_an_address_wider_than_its_line_reads_back_as_written(
    make_project: Callable[..., Path], tmp_path: Path, paper: str
) -> None:
    blocks = (
        f"- paragraph: Write to {MAIL} any day of the week.\n"
        "- table:\n    header: [Contact, Where, Notes]\n    rows:\n"
        f"      - [E-mail, {MAIL}, Write any day of the week.]\n"
        f"      - [Web, '{WEB}', The questionnaire is online.]\n"
    )
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    options = Options(spec=PrintSpec(paper=paper))
    path = build_leaflet(Project.at(root), "sample", "en", tmp_path, options=options).path
    document = pypdfium2.PdfDocument(path)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    joined = re.sub(r"[\s\u200b]+", "", text)  # the lines of each cell, put together
    assert MAIL in joined and WEB in joined, joined


@pytest.mark.parametrize("column", [110.0, 150.0, 190.0, 230.0])
@pytest.mark.parametrize("address", [MAIL, WEB])
def test_an_address_set_in_a_narrow_column_is_drawn_with_no_hyphen_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: float, address: str
) -> None:
    """The lines as drawn, a hyphen a cut adds included (drawn as an outline with no
    text, so the extractors never see it): put together, they are the address as
    written. Cut in an emergency, "…clinicr-" / "eception@…" had a hyphen too."""
    drawn: list[str] = []

    def recording(canvas: object, y: float, placed: list[Placed], layer: float = 0.0) -> None:
        drawn.append("".join(p.cluster.text or ("-" if p.cluster.outlined else "") for p in placed))
        draw_placed(canvas, y, placed, layer)

    monkeypatch.setattr(paragraph_module, "draw_placed", recording)
    doc = SimpleDocTemplate(str(tmp_path / "address.pdf"), pagesize=(column + 40, 800))
    doc.leftMargin = doc.rightMargin = 20
    style = ParagraphStyle("body", fontName=default_family().regular, fontSize=10, leading=14)
    text = f"Write to {address} any day."
    doc.build([make_paragraph([Run(text, default_family().regular, 10, black)], style, "en")])
    assert address in "".join(drawn).replace(" ", ""), drawn
