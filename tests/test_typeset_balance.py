"""A heading never ends on a lone short line (``balance`` in a style of the theme).

Greedy filling sets as much as fits on each line, and a heading whose last word did
not fit ends on that word alone: "Dấu hiệu cảnh báo và câu hỏi thường / gặp", the
Burmese plural "များ" or question particle "သလဲ" under a full line (the languages
fixture, A5 parallel edition). A style with ``balanceLines`` sets such a paragraph in
as many lines, each as long as the others, as a typesetter does by hand.

Nor does any paragraph set ragged end on a runt, a scrap of one short word ("ลง",
"out.", 院。) under a full line: the line before gives it a word where it can spare one.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from msc_leaflet.layout.styles import build_styles
from msc_leaflet.theme.theme import default_theme_path, load_theme
from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset.linebreak import Line, break_lines
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
    width = next(  # where greedy filling, with no care for the last line, ends on "gặp"
        w
        for w in range(150, 400)
        if line_text(p := heading(text, "vi", balance=False), greedy(p, w)[-1]) == "gặp"
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


# --- A paragraph's last line is never a runt ------------------------------------------
#
# Greedy filling ended paragraphs on a scrap of one short word under a full line: the
# Thai parallel edition's "…จำนวนเซลล์ก็ลด" / "ลง", "Take some" / "out.". Such a runt
# reads as a mistake and wastes a line; in ragged text the line before gives it a word.

BODY = 10.0
#: A last line of fewer letters than this (Chinese and Japanese: one character, as
#: jlreq and clreq count it) or narrower than `RUNT_SHARE` of the measure is a runt.
RUNT_LETTERS = 4
RUNT_SHARE = 0.08
#: The line before stays at least this share of its measure when it gives a word.
KEPT_SHARE = 0.6
#: Measures every shipped paragraph is set at: a narrow table column to an A4 page's.
RUNT_WIDTHS = range(64, 421, 26)
RUNT_LANGS = ("en", "th", "lo", "km", "my", "vi", "zh_Hans", "ja", "ar", "hi")
ROOT = Path(__file__).resolve().parents[1]
# what-msc-can-do, Thai: the paragraph the parallel edition ended on "ลง" alone.
THAI_CELLS_GO_DOWN = (
    "ในการศึกษาในสัตว์ เซลล์มีชีวิตอยู่ได้ไม่นาน และมีเพียงไม่กี่เซลล์ที่เดินทางไปได้ไกลกว่าปอด จากนั้นจำนวนเซลล์ก็ลดลง"
)
ENGLISH_CELLS_GO_DOWN = (
    "After an infusion, most cells first stay in the small blood vessels of the lungs."
    " Only a few travel further, and the body clears them soon after. Ask your doctor about it."
)


def body(text: str, lang: str, alignment: int = TA_LEFT) -> TextParagraph:
    family = default_family()
    return make_paragraph(
        [Run(text, family.regular, BODY, black)], body_style(alignment, BODY), lang
    )


def letters(text: str) -> int:
    """Characters that take a place on the line: letters, digits, and vowel signs
    written beside their letter (Devanagari ी, Burmese ါ), not over or under it."""
    return sum(
        unicodedata.category(char)[0] in "LN" or unicodedata.category(char) == "Mc" for char in text
    )


def ideographic(text: str) -> bool:
    first = next((char for char in text if unicodedata.category(char)[0] == "L"), "")
    return bool(first) and unicodedata.name(first, "").startswith(("CJK", "HIRAGANA", "KATAKANA"))


def runt(text: str, width: float, measure: float) -> bool:
    """What a reader sees as a runt: a scrap of a word or two letters, or a sliver."""
    fewest = 2 if ideographic(text) else RUNT_LETTERS
    return letters(text) < fewest or width < RUNT_SHARE * measure


def greedy(paragraph: TextParagraph, width: float) -> list[Line]:
    """The lines greedy filling gives, with no care for the last one."""
    paragraph.wrap(width, 100_000)
    return break_lines(paragraph.units, width, width, avoid_runts=False, lang=paragraph.lang)


def line_text(paragraph: TextParagraph, line: Line) -> str:
    units = paragraph.units[line.start : line.end]
    return "".join(piece.text for unit in units for piece in unit.pieces if not piece.rise)


def line_width(paragraph: TextParagraph, start: int, end: int) -> float:
    units = paragraph.units[start:end]
    return sum(unit.width for unit in units) + sum(unit.space_width for unit in units[:-1])


def word_ends(text: str, lang: str) -> set[int]:
    """The text offsets a line may end at without cutting a word: between the units of
    ``text`` set on a line no word is wider than."""
    paragraph = body(text, lang)
    paragraph.wrap(100_000, 100_000)
    ends, at = set(), 0
    for unit in paragraph.units:
        at += len(unit.text)
        ends.add(at)
    return ends


def could_carry_one_down(paragraph: TextParagraph, width: float, ends: set[int]) -> bool:
    """Whether the line before the last could give it its last unit and the runt go:
    the last line then fits and is no runt, and the line before keeps two units, ends
    at the end of a word (``ends``), and stays long (`KEPT_SHARE`) and longer than the
    last."""
    lines = paragraph.lines_for(width)
    before, last = lines[-2], lines[-1]
    start = before.end - 1
    offset = sum(len(unit.text) for unit in paragraph.units[:start])
    if start - before.start < 2 or offset not in ends:
        return False
    moved = line_width(paragraph, start, last.end)
    kept = line_width(paragraph, before.start, start)
    text = line_text(paragraph, Line(start, last.end, moved))
    return (
        moved <= width and kept >= max(KEPT_SHARE * width, moved) and not runt(text, moved, width)
    )


def shipped_paragraphs(lang: str) -> list[str]:
    """Every paragraph of ``lang`` the project ships or tests with, as printed: each
    line of each source (English) or translation of the bundled and fixture catalogs."""
    from babel.messages.pofile import read_po

    from msc_leaflet.content.inline import parse_inline

    if lang == "en":
        catalogs = sorted(ROOT.glob("locales/*.pot"))
    else:
        catalogs = sorted(ROOT.glob(f"locales/{lang}/LC_MESSAGES/*.po"))
        catalogs += sorted(ROOT.glob(f"tests/fixtures/**/locales/{lang}/LC_MESSAGES/*.po"))
    found: set[str] = set()
    for path in catalogs:
        with path.open("rb") as file:
            catalog = read_po(file)
        for message in catalog:
            said = message.id if lang == "en" else message.string
            strings = said if isinstance(said, tuple) else (said,)
            for line in "\n".join(str(s) for s in strings if s and message.id).split("\n"):
                text = "".join(span.text for span in parse_inline(line)).strip()
                if len(text) > 12:
                    found.add(text)
    return sorted(found)


@pytest.mark.parametrize(
    ("text", "lang", "scrap"),
    [(THAI_CELLS_GO_DOWN, "th", "ลง"), (ENGLISH_CELLS_GO_DOWN, "en", "it.")],
)
def test_a_paragraph_never_ends_on_a_runt_the_line_before_can_spare(
    text: str, lang: str, scrap: str
) -> None:
    found = []
    for width in range(64, 421, 2):
        paragraph = body(text, lang)
        before = greedy(paragraph, width)
        paragraph.wrap(width, 100_000)
        lines = paragraph.lines_for(width)
        texts = paragraph.line_texts()
        assert len(lines) == len(before)  # never a line more: the page does not change
        assert "".join(texts).replace(" ", "") == text.replace(" ", "")
        assert max(line.width for line in lines) <= width + 1e-6  # never past the margin
        assert lines[:-2] == before[:-2]  # only the last two lines change
        if texts[-1].strip() == scrap:
            found.append((width, texts[-2:]))
    assert not found, found


def test_the_thai_scrap_of_the_parallel_edition_has_company() -> None:
    # The width where greedy filling leaves "ลง" alone: it goes down with "ลด".
    width = next(
        w
        for w in range(150, 420)
        if line_text(p := body(THAI_CELLS_GO_DOWN, "th"), greedy(p, w)[-1]) == "ลง"
    )
    paragraph = body(THAI_CELLS_GO_DOWN, "th")
    paragraph.wrap(width, 100_000)
    assert paragraph.line_texts()[-1].endswith("ลดลง")


@pytest.mark.parametrize("lang", RUNT_LANGS)
def test_no_shipped_paragraph_ends_on_a_runt_where_a_word_could_come_down(lang: str) -> None:
    """Every paragraph of every shipped catalog, set ragged at every measure of
    `RUNT_WIDTHS`: a last line that is a runt is left only where the line before could
    not give it its last word (the runt's line would overflow, the line before grow
    short, or a word be cut). Runts before and after are counted: fewer, never more."""
    before = after = 0
    left = []
    for text in shipped_paragraphs(lang):
        paragraph = body(text, lang)
        ends = word_ends(text, lang)
        for width in RUNT_WIDTHS:
            greedy_lines = greedy(paragraph, width)
            if len(greedy_lines) > 1:
                greedy_last = greedy_lines[-1]
                before += runt(line_text(paragraph, greedy_last), greedy_last.width, width)
            paragraph.wrap(width, 100_000)
            lines = paragraph.lines_for(width)
            assert len(lines) == len(greedy_lines)
            if len(lines) < 2:
                continue
            if runt(line_text(paragraph, lines[-1]), lines[-1].width, width):
                after += 1
                if could_carry_one_down(paragraph, width, ends):
                    left.append((width, paragraph.line_texts()[-2:]))
    assert after <= before
    assert not left, left[:10]
    assert before == 0 or after < before, (before, after)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ask about haematopoietic transplantation or about it.", "en"),
        ("ถามแพทย์เรื่องการปลูกถ่ายไขกระดูกและผลข้างเคียงของการรักษานี้ได้", "th"),
    ],
)
def test_a_runt_never_takes_part_of_a_word_cut_to_fit(text: str, lang: str) -> None:
    # A word wider than the narrower first line (its indent) is cut to fit it, and two
    # of its parts may share a later, wider line: carrying down ends no line between
    # them that greedy filling did not end there (a hyphen or a cut mid-word).
    ends = word_ends(text, lang)
    style = ParagraphStyle("indented", parent=body_style(size=BODY), firstLineIndent=40)
    family = default_family()
    carried = 0
    for width in range(60, 160, 2):
        paragraph = make_paragraph([Run(text, family.regular, BODY, black)], style, lang)
        paragraph.wrap(width, 100_000)
        greedy_lines = break_lines(paragraph.units, width - 40, width, avoid_runts=False, lang=lang)
        lines = paragraph.lines_for(width)
        carried += lines[-1] != greedy_lines[-1]
        at_greedy = {line.end for line in greedy_lines}
        for line in lines[:-1]:
            offset = sum(len(unit.text) for unit in paragraph.units[: line.end])
            assert offset in ends or line.end in at_greedy, (width, paragraph.line_texts())
    assert carried  # runts were given company at some widths


def test_a_justified_paragraph_keeps_its_runt() -> None:
    # Its line before would be stretched back to the full measure, its gaps grown.
    for width in range(150, 420, 5):
        paragraph = body(ENGLISH_CELLS_GO_DOWN, "en", TA_JUSTIFY)
        assert list(paragraph.lines_for(width)) == greedy(paragraph, width)
