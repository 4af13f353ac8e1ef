"""The acceptance leaflet of #21 (tests/fixtures/fasting): build it once per edition.

"Preparing for a fasting blood test", in English with a Thai catalog: loanwords
(แอลดีแอล, ครีเอตินีน, เมตฟอร์มิน), a Thai name, numbers with units (8–12 ชั่วโมง,
500 mg), a three-column table, a list and an FAQ. No tests live here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

from msc_leaflet.build import build_leaflet
from msc_leaflet.build.options import Options
from msc_leaflet.print_spec import PrintSpec
from msc_leaflet.project import Project

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fasting"
LEAFLET = "fasting-blood-test"

#: (locale, edition, paper) of every PDF the acceptance tests read.
EDITIONS = [
    ("en", "single", "a4"),
    ("th", "single", "a4"),
    ("en", "single", "a5"),
    ("th", "single", "a5"),
    ("th", "parallel", "a4"),
    ("th", "parallel", "a5"),
]


def edition_id(edition: tuple[str, str, str]) -> str:
    return "-".join(edition)


def build_fasting(out: Path, locale: str, edition: str, paper: str) -> Path:
    result = build_leaflet(
        Project.at(FIXTURE),
        LEAFLET,
        locale,
        out / f"{edition}-{paper}",
        edition=edition,
        options=Options(spec=PrintSpec(paper=paper)),
    )
    return result.path


@dataclass(frozen=True)
class TextLine:
    page: int  # from 1
    x: float  # left edge of the first character
    baseline: float  # y of the first character's baseline, from the page bottom
    text: str


@cache
def text_lines(path: Path) -> tuple[TextLine, ...]:
    """Every text line pdfminer finds, page by page, top to bottom; not a line of
    whitespace only, which pdfminer groups into no text box (the invisible space before
    each table cell: `typeset/cell_edges.py`)."""
    out: list[TextLine] = []
    for number, layout in enumerate(extract_pages(str(path)), 1):
        lines: list[TextLine] = []
        stack = list(layout)
        while stack:
            item = stack.pop()
            if isinstance(item, LTTextLine):
                chars = [c for c in item if isinstance(c, LTChar)]
                text = item.get_text().rstrip("\n")
                if chars and not text.isspace():
                    lines.append(TextLine(number, chars[0].x0, chars[0].matrix[5], text))
            elif isinstance(item, LTTextContainer):
                stack.extend(item)
        out += sorted(lines, key=lambda line: (-line.baseline, line.x))
    return tuple(out)
