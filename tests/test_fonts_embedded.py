"""No PDF of a bundled leaflet references a font it does not embed (#21, item 6).

A font named in a page's resources but not embedded is drawn by whatever the reader's
machine substitutes (Helvetica → Arial, or nothing on a print RIP). The QR code of a
leaflet with `url:` once left an empty Helvetica text object in every such PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from conftest import REPO
from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

LEAFLETS = sorted(p.stem for p in (REPO / "leaflets").glob("*.yaml"))
URL_LEAFLETS = [
    stem
    for stem in LEAFLETS
    if re.search(r"^url:", (REPO / "leaflets" / f"{stem}.yaml").read_text(), re.M)
]


def unembedded_fonts(path: Path) -> list[str]:
    """Every font in any resource dictionary (pages and their form XObjects) that has no
    embedded font program."""
    problems: list[str] = []
    seen: set[int] = set()

    def visit(resources: DictionaryObject, where: str) -> None:
        for name, ref in resources.get("/Font", {}).items():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/DescendantFonts"):
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            if not embedded:
                problems.append(f"{where}: {name} {font.get('/BaseFont')}")
        for ref in resources.get("/XObject", {}).values():
            xobject = ref.get_object()
            if id(xobject) in seen or "/Resources" not in xobject:
                continue
            seen.add(id(xobject))
            visit(xobject["/Resources"].get_object(), where + " (form)")

    for number, page in enumerate(PdfReader(path).pages, 1):
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        visit(resources, f"page {number}")
    return problems


def test_a_bundled_leaflet_has_a_url() -> None:
    # Without one the QR code path is never built, and nothing catches its fonts.
    assert URL_LEAFLETS


@pytest.mark.parametrize("leaflet_id", LEAFLETS)
@pytest.mark.parametrize(
    ("locale", "edition", "paper"),
    [("en", "single", None), ("th", "single", None), ("th", "parallel", "a5")],
)
def test_every_font_is_embedded(
    leaflet_id: str, locale: str, edition: str, paper: str | None, tmp_path: Path
) -> None:
    project = Project.at(REPO)
    built = build_leaflet(
        project,
        leaflet_id,
        locale,
        tmp_path,
        edition=edition,
        options=Options(spec=PrintSpec(paper=paper)),
    ).path
    assert unembedded_fonts(built) == []
