"""Chinese and Japanese in table cells two to six ems wide: an emergency cut keeps the
line rules (kinsoku, JIS X 4051 §3.1.7; clreq §3.1.7): no closing mark (。、）」) starts
a line and no opening mark (（「) ends one.

A number with its unit in brackets, wider than its cell, was cut after the bracket, as
a Latin word in brackets is kept whole: a line ended "発熱（" and the next began "３８℃",
"（" stood alone on a line above "24小时". It parts at its unit now (３８|℃, 24|小时), and
the last resort of an emergency moves off a boundary the rules forbid.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from reportlab.lib.enums import TA_LEFT

from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset.scripts import CJK_NO_LINE_END
from msc_leaflet.typeset.squeeze import CLOSING
from typeset_support import body_style, runs_for

SIZE = 10
#: What a nurse writes in a table of after-care: rest for 24 hours, call at a fever of
#: 38 ℃ or more, ask the doctor the amount of cells (MSC) — in Japanese and Chinese.
SAMPLES = [
    ("ja", "注射のあと（２４時間）は、「安静」にしてください。"),
    ("ja", "発熱（３８℃以上）があれば、すぐに「電話」をください。"),
    ("ja", "「細胞」の量は、医師に聞きましょう。"),
    ("zh_Hans", "输注后（24小时内）请「休息」。如有发烧，请立即致电。"),
    ("zh_Hant", "輸注後（24小時內）請「休息」。如有發燒，請立即致電。"),
    ("zh_Hans", "体温（38℃以上）时，请联系医生。"),
]


def _lines(text: str, lang: str, width: float) -> list[str]:
    paragraph = make_paragraph(runs_for([(text, "")], SIZE), body_style(TA_LEFT, SIZE), lang)
    paragraph.wrap(width, 10_000)
    return [line.strip() for line in paragraph.line_texts()]


@pytest.mark.parametrize(("lang", "text"), SAMPLES)
def test_no_cut_in_a_narrow_cell_breaks_the_line_rules(lang: str, text: str) -> None:
    for width in range(2 * SIZE, 6 * SIZE + 1):
        lines = _lines(text, lang, width)
        assert "".join(lines) == text, (width, lines)
        for line, after in pairwise(lines):
            assert line[-1] not in CJK_NO_LINE_END, (width, lines)
            assert after[0] not in CLOSING, (width, lines)


@pytest.mark.parametrize(
    ("lang", "text", "unit"),
    [("ja", "発熱（３８℃以上）", "３８"), ("zh_Hans", "输注后（24小时内）", "24")],
)
def test_a_bracketed_number_too_wide_for_its_cell_keeps_its_bracket(
    lang: str, text: str, unit: str
) -> None:
    """The bracket starts the line of its number where the two fit: "（３８" / "℃以上）",
    never "発熱（" / "３８℃"."""
    for width in range(3 * SIZE, 4 * SIZE + 1):
        lines = _lines(text, lang, width)
        assert any(line.startswith("（" + unit) for line in lines), (width, lines)
