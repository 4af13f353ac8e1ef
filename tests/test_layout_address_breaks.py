"""A web address or a DOI wider than its line breaks where the Chicago rule allows.

ICU breaks an address after "/", "?" and "-" only: "https://doi.org/10.1016/" stood as
a short line with the rest of the DOI, one piece wider than what was left, on the next
(a ragged hole, or a line past the margin in a table cell), and a line ending
"supplementary-" looked hyphenated and carried a zero-width mark into every copy. Now
an address breaks after ":", "/", "//", "=" and "&", before ".", "-", "_", "?", "#",
"%", "~" and "@", never adds a hyphen, and reads back whole in every extractor, with
nothing but the line end between its parts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader
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
from msc_leaflet.typeset.placed import Placed
from msc_leaflet.typeset.render import draw_placed
from msc_leaflet.typeset.segmentation import line_breaks

TRIAL = (
    "https://clinicaltrials.gov/study/NCT01234567?term=mesenchymal"
    "&cond=knee_osteoarthritis&rank=1#eligibility"
)
DOI = "https://doi.org/10.1016/j.jcyt.2019.08.003.supplementary-material_appendix-table"
BARE_DOI = "10.1016/j.jcyt.2019.08.003.supplementary-material_appendix-table-and-figures"
MAIL = "verylongmailboxnamefortheclinicreception@averyveryverylongclinicdomainname.example.org"

SENTENCES = {
    "en": "Read about this study at {} before you see the doctor.",
    "th": "ดูรายละเอียดของการศึกษานี้ได้ที่ {} ก่อนมาพบแพทย์ที่คลินิก",
    "ar": "اقرأ تفاصيل هذه الدراسة على {} قبل زيارة الطبيب في العيادة",
}


def _inner_breaks(address: str, lang: str) -> list[str]:
    """The address cut at each line break found inside it, in a sentence of ``lang``."""
    text = SENTENCES[lang].format(address)
    start = text.index(address)
    cuts = [i - start for i in line_breaks(text, lang) if start < i < start + len(address)]
    return [address[a:b] for a, b in zip([0, *cuts], [*cuts, len(address)], strict=True)]


@pytest.mark.parametrize("lang", ["en", "th", "ar"])
def test_an_address_breaks_at_the_chicago_points_only(lang: str) -> None:
    assert _inner_breaks(TRIAL, lang) == [
        "https://", "clinicaltrials.gov/", "study/", "NCT01234567", "?term=",
        "mesenchymal&", "cond=", "knee", "_osteoarthritis&", "rank=", "1", "#eligibility",
    ]  # fmt: skip
    # A host name that fits a line stays whole (doi.org), so does a number inside it
    # (2019.08.003); a hyphen starts a line, never ends it.
    assert _inner_breaks(DOI, lang) == [
        "https://", "doi.org/", "10.1016/", "j", ".jcyt", ".2019.08.003",
        ".supplementary", "-material", "_appendix", "-table",
    ]  # fmt: skip
    assert _inner_breaks(MAIL, lang) == [
        "verylongmailboxnamefortheclinicreception", "@averyveryverylongclinicdomainname",
        ".example", ".org",
    ]  # fmt: skip
    assert _inner_breaks("https://www.ednawellness.com/contact", lang) == [
        "https://", "www.ednawellness.com/", "contact",
    ]  # fmt: skip
    # An address that fits a third of a line takes no break ICU does not offer.
    assert _inner_breaks("clinic@example.org", lang) == ["clinic@example.org"]


def _drawn_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, lang: str, column: float
) -> list[tuple[str, float]]:
    """The lines of ``text`` set ``column`` points wide, as drawn (an added hyphen,
    drawn with no text, as "-"), each with its width."""
    drawn: list[tuple[str, float]] = []

    def recording(canvas: object, y: float, placed: list[Placed], layer: float = 0.0) -> None:
        text = "".join(p.cluster.text or ("-" if p.cluster.outlined else "") for p in placed)
        ends = [p.x + p.cluster.advance * p.piece.size / 1000 for p in placed]
        drawn.append((text, max(ends) - min(p.x for p in placed)))
        draw_placed(canvas, y, placed, layer)

    monkeypatch.setattr(paragraph_module, "draw_placed", recording)
    doc = SimpleDocTemplate(str(tmp_path / "address.pdf"), pagesize=(column + 40, 800))
    doc.leftMargin = doc.rightMargin = 20
    family = default_family()
    style = ParagraphStyle("body", fontName=family.regular, fontSize=10, leading=16)
    doc.build([make_paragraph([Run(text, family.regular, 10, black)], style, lang)])
    return drawn


@pytest.mark.parametrize("column", [120.0, 170.0, 240.0, 300.0])
@pytest.mark.parametrize("address", [TRIAL, DOI, MAIL])
@pytest.mark.parametrize("lang", ["en", "th"])
def test_a_long_address_fills_its_lines_with_no_hyphen_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: float, address: str, lang: str
) -> None:
    """Put together, the lines are the address as written; none runs past the column;
    and every line but the paragraph's last is more than a third full: "https://doi.org/
    10.1016/" alone, the rest of the DOI on the next line, is what the rule prevents.
    (A mailbox name wider than what a line has left moves whole: the line before it
    may be short.)"""
    lines = _drawn_lines(tmp_path, monkeypatch, SENTENCES[lang].format(address), lang, column)
    assert address in "".join(text for text, _ in lines).replace(" ", ""), lines
    assert all(width <= column + 0.5 for _, width in lines), lines
    if address != MAIL:
        assert all(width > column / 3 for _, width in lines[:-1]), lines


def _four_extractors(path: Path) -> dict[str, str]:
    document = pypdfium2.PdfDocument(path)
    texts = {
        "pypdfium2": "\n".join(page.get_textpage().get_text_range() for page in document),
        "pypdf": "\n".join(page.extract_text() or "" for page in PdfReader(path).pages),
        "pdfminer": extract_text(str(path)),
    }
    document.close()
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        texts["pdftotext"] = run.stdout.decode("utf-8")
    return texts


@pytest.mark.parametrize("lang", ["en", "th"])
def test_an_address_in_a_cell_and_a_reference_reads_back_whole_at_a5(
    make_project: Callable[..., Path], tmp_path: Path, lang: str
) -> None:
    """A paragraph, a table cell and a page's reference footer: in pdftotext, pypdf,
    pdfminer.six and pypdfium2 the address is whole once the line ends are taken out,
    with no zero-width mark or hyphen in it (a line ending "supplementary-" got one)."""
    sentence = SENTENCES[lang].format(TRIAL)
    blocks = (
        f"- paragraph: {sentence} [@long2020]\n"
        f"- table:\n    header: [Study, Where]\n    rows:\n      - [Trial, '{TRIAL}']\n"
        f"      - [Guide, '{DOI}']\n"
    )
    references = (
        "references:\n  - key: long2020\n    authors: [Alpha A]\n"
        "    title: A long study of cells\n    journal: J Test\n    year: 2020\n"
        f"    doi: {BARE_DOI}\n"
    )
    text = leaflet_yaml(blocks, references=references).replace("language: en", f"language: {lang}")
    root = make_project({"sample": text})
    options = Options(spec=PrintSpec(paper="a5"))
    path = build_leaflet(Project.at(root), "sample", lang, tmp_path, options=options).path
    for name, extracted in _four_extractors(path).items():
        joined = re.sub(r"[\r\n]+", "", extracted)
        for address in (TRIAL, DOI, BARE_DOI):
            assert address in joined, (name, address, extracted)
        assert "\u200b" not in extracted, name
