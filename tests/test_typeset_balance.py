"""A heading never ends on a lone short line (``balance`` in a style of the theme).

Greedy filling sets as much as fits on each line, and a heading whose last word did
not fit ends on that word alone: "Dấu hiệu cảnh báo và câu hỏi thường / gặp", the
Burmese plural "များ" or question particle "သလဲ" under a full line (the languages
fixture, A5 parallel edition). A style with ``balanceLines`` sets such a paragraph in
as many lines, each as long as the others, as a typesetter does by hand.
"""

from __future__ import annotations

import pytest
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle

from msc_leaflet.layout.styles import build_styles
from msc_leaflet.theme.theme import default_theme_path, load_theme
from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset.paragraph import TextParagraph
from typeset_support import body_style

SIZE = 16.0
#: A last line shorter than this share of the measure ends a heading on a lone word.
SHORT_LAST_LINE = 1 / 3
HEADINGS = {
    "vi": "Dấu hiệu cảnh báo và câu hỏi thường gặp",
    "my": "၀၂ · သတိပေး လက္ခဏာများ",
    "km": "សញ្ញាព្រមាន និងសំណួរដែលសួរញឹកញាប់",
    "lo": "ອາການເຕືອນ ແລະ ຄຳຖາມທີ່ພົບເລື້ອຍ",
    "en": "Warning signs and common questions",
}


def heading(text: str, lang: str, balance: bool = True, **style: object) -> TextParagraph:
    base = ParagraphStyle("heading", parent=body_style(size=SIZE), **style)
    base.balanceLines = balance
    return make_paragraph([Run(text, default_family().bold, SIZE, black)], base, lang)


def set_in(paragraph: TextParagraph, width: float) -> tuple[list[str], list[float]]:
    paragraph.wrap(width, 10_000)
    lines = paragraph.lines_for(width)
    return paragraph.line_texts(), [line.width for line in lines]


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_a_heading_never_ends_on_a_lone_short_line(lang: str) -> None:
    text = HEADINGS[lang]
    short = []
    for width in range(60, 400, 4):
        greedy, _ = set_in(heading(text, lang, balance=False), width)
        texts, widths = set_in(heading(text, lang), width)
        assert len(texts) == len(greedy)  # as many lines: the page is not changed
        assert "".join(texts).replace(" ", "") == text.replace(" ", "")
        assert max(widths) <= width + 1e-6  # never past the margin
        # In a measure of a word or two a line (five lines here), the word before
        # the last may have no room to spare: there is nothing to even out.
        if len(texts) in (2, 3) and widths[-1] < SHORT_LAST_LINE * width:
            short.append((width, texts))
    assert not short, short


def test_the_vietnamese_subtitle_of_the_fixture_is_evened_out() -> None:
    text = HEADINGS["vi"]
    width = next(
        w
        for w in range(150, 400)
        if set_in(heading(text, "vi", balance=False), w)[0][-1:] == ["gặp"]
    )
    texts, _ = set_in(heading(text, "vi"), width)
    assert len(texts) == 2 and texts[-1] != "gặp", texts


def test_a_justified_paragraph_is_not_balanced() -> None:
    # Its lines would be stretched back to the full measure, the gaps grown.
    text = HEADINGS["vi"]
    for width in range(150, 400, 4):
        greedy = set_in(heading(text, "vi", balance=False, alignment=TA_JUSTIFY), width)
        assert set_in(heading(text, "vi", alignment=TA_JUSTIFY), width) == greedy


def test_the_theme_balances_titles_subtitles_and_headings_not_body_text() -> None:
    styles = build_styles(load_theme(default_theme_path()), default_family(), "vi")
    balanced = {name for name, style in styles.items() if getattr(style, "balanceLines", False)}
    assert {"title", "subtitle", "heading", "subheading"} <= balanced
    assert not balanced & {"body", "lede", "table-cell", "list-item", "callout"}
