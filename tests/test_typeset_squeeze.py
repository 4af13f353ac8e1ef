"""Adjacent Chinese and Japanese punctuation set on half an em (jlreq §3.1.4, clreq).

"。」", "），", "、「" and "（「" each took two full ems, a visible hole between the two
marks; a closing mark before another mark, and an opening one after an opening one,
now give up the half of their em that is space. The text layer still reads every
mark, in order, with no space between.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import typeset_support
from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset.placed import Placed
from msc_leaflet.typeset.render import draw_placed
from msc_leaflet.typeset.squeeze import halved_punctuation
from pdfjs_text import extract_pdfjs
from typeset_support import (
    EXTRACTORS,
    WORDS,
    BuiltDocument,
    body_style,
    build_document,
    mm,
    runs_for,
    split_lines,
)

SIZE = body_style().fontSize
JAPANESE = "「はい。」と言った（「注意」を読む）、「次」へ。"
CHINESE = "他说：“好的。”（见下文），然后休息。"


@pytest.mark.parametrize(
    ("text", "lang", "halved"),
    [
        (JAPANESE, "ja", "。「）、"),  # 。」 （「 ）、 、「; not 」を, a mark and a letter
        (CHINESE, "zh_Hans", "：。”）"),
    ],
)
def test_a_mark_beside_another_gives_up_its_half_em_of_space(
    text: str, lang: str, halved: str
) -> None:
    paragraph = make_paragraph(runs_for([(text, "")]), body_style(), lang, words=WORDS)
    clusters = [c for u in paragraph.units for p in u.pieces for c in p.clusters]
    assert "".join(c.text for c in clusters) == text
    half = [c.text for c in clusters if c.advance == pytest.approx(500)]
    assert "".join(half) == halved
    # Every other mark keeps its em: a mark beside a letter is never narrowed.
    for c in clusters:
        if c.text not in halved and not c.text.isalpha():
            assert c.advance == pytest.approx(1000), c.text


def test_the_pairs_halved() -> None:
    assert halved_punctuation("はい。」", "ja") == [2]  # the stop before the bracket
    assert halved_punctuation("（「注意」）", "ja") == [1, 4]  # the inner opening, 」
    assert halved_punctuation("前、「次」", "ja") == [1]
    assert halved_punctuation("他说：“好”", "zh_Hans") == [2]
    # Japanese centres its colon, as the middle dot: kept whole.
    assert halved_punctuation("注意：「次」", "ja") == []
    # Latin quotes in an English sentence are a Latin font's, never halved.
    assert halved_punctuation("He said “yes.”’", "en") == []
    assert halved_punctuation("Plain English text.", "en") == []


@pytest.mark.parametrize(("text", "lang"), [(JAPANESE, "ja"), (CHINESE, "zh_Hans")])
def test_every_reader_reads_the_marks_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, lang: str
) -> None:
    built = build_document(
        tmp_path / "doc.pdf", [[(text, "")]], column=120 * mm, lang=lang, monkeypatch=monkeypatch
    )
    assert len(built.lines) == 1
    readers = {**EXTRACTORS, "pdf.js": extract_pdfjs}
    for name, extract in readers.items():
        assert split_lines(extract(built.path)) == [text], name


# --- a line-end mark set on half an em to make the line fit (JLREQ 3.8, CSS
# ``text-spacing-trim: normal``) ---------------------------------------------------------

#: Twelve full-width characters, the last a stop: 12 em at their natural width.
JAPANESE_LINE = "患者は毎日必ず薬を飲みます。"
CHINESE_LINES = "患者每天必须按时服用药物，并且记录体温。"


#: The padding a `build_document` frame keeps on each side of its column.
PADDING = 6.0


def _natural(text: str, lang: str) -> float:
    """The column in which ``text`` just fits on one line, in points (the font kerns
    some kana before a stop: す。 is not two whole ems)."""
    paragraph = make_paragraph(runs_for([(text, "")]), body_style(), lang, words=WORDS)
    return sum(unit.width + unit.space_width for unit in paragraph.units) + 2 * PADDING


def _drawn(monkeypatch: pytest.MonkeyPatch) -> list[list[Placed]]:
    """Records every line `TextParagraph` draws, as placed (under `build_document`,
    which draws through the name it imported)."""
    lines: list[list[Placed]] = []

    def recording(canvas: object, y: float, placed: list[Placed], layer: float = 0.0) -> None:
        lines.append(list(placed))
        draw_placed(canvas, y, placed, layer)

    monkeypatch.setattr(typeset_support, "draw_placed", recording)
    return lines


@pytest.mark.parametrize(
    ("text", "lang", "first"),
    [
        (JAPANESE_LINE, "ja", JAPANESE_LINE),  # the paragraph's one line, 。 at its end
        (CHINESE_LINES, "zh_Hans", "患者每天必须按时服用药物，"),  # a comma ends line one
    ],
)
def test_a_line_end_stop_set_on_half_an_em_lets_its_line_fit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, lang: str, first: str
) -> None:
    # A measure half an em short of the first line's characters: the stop gives up the
    # half of its em that is space, rather than send itself and the character before it
    # to the next line (患者は毎日必ず薬を飲み / ます。).
    column = _natural(first, lang) - 0.5 * SIZE
    drawn = _drawn(monkeypatch)
    built = build_document(
        tmp_path / "doc.pdf", [[(text, "")]], column=column, lang=lang, monkeypatch=monkeypatch
    )
    assert built.lines[0] == first
    assert "".join(built.lines) == text
    line = drawn[0]
    stop = line[-1]
    margin = 20 * mm
    assert stop.cluster.text == first[-1]
    assert stop.cluster.advance == pytest.approx(500)  # half its em
    assert stop.x + stop.cluster.advance * SIZE / 1000 <= margin + column - PADDING + 1e-6
    # Every other mark keeps its em.
    marks = [p for p in line[:-1] if not p.cluster.text.isalpha()]
    assert all(p.cluster.advance == pytest.approx(1000) for p in marks)
    readers = {**EXTRACTORS, "pdf.js": extract_pdfjs}
    for name, extract in readers.items():
        assert split_lines(extract(built.path)) == built.lines, name


def _japanese_line_in(
    column: float, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> BuiltDocument:
    """`JAPANESE_LINE` as a paragraph of its own in a ``column`` points wide."""
    return build_document(
        tmp_path / "doc.pdf",
        [[(JAPANESE_LINE, "")]],
        column=column,
        lang="ja",
        monkeypatch=monkeypatch,
    )


def test_a_stop_keeps_its_em_where_the_line_fits_without_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    drawn = _drawn(monkeypatch)
    column = _natural(JAPANESE_LINE, "ja")
    built = _japanese_line_in(column, tmp_path, monkeypatch)
    assert built.lines == [JAPANESE_LINE]
    assert drawn[0][-1].cluster.advance == pytest.approx(1000)


def test_a_line_short_by_more_than_half_an_em_still_breaks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Half an em is all a stop gives: a line 0.6 em too wide breaks as before, the
    # stop with the character before it (kinsoku), each keeping its em.
    drawn = _drawn(monkeypatch)
    column = _natural(JAPANESE_LINE, "ja") - 0.6 * SIZE
    built = _japanese_line_in(column, tmp_path, monkeypatch)
    assert len(built.lines) == 2
    assert built.lines[1].endswith("す。")
    stops = [p for line in drawn for p in line if p.cluster.text == "。"]
    assert all(p.cluster.advance == pytest.approx(1000) for p in stops)


# --- an opening bracket that starts a line after the first sets its ink flush with the
# line's start (JLREQ §3.1.5 天付き, CSS ``text-spacing-trim: space-first``) ----------

BRACKETED = "患者は毎日必ず薬を飲み、「注意」をよく読んでください。"


def test_an_opening_bracket_starting_a_later_line_is_flush_with_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = _drawn(monkeypatch)
    column = _natural("患者は毎日必ず薬を飲み、", "ja") + 0.2 * SIZE
    built = build_document(
        tmp_path / "doc.pdf",
        [[(BRACKETED, "")]],
        column=column,
        lang="ja",
        monkeypatch=monkeypatch,
    )
    assert built.lines[0] == "患者は毎日必ず薬を飲み、"
    assert built.lines[1].startswith("「注意」")
    left = drawn[0][0].x  # where the first line's ink starts: the paragraph's edge
    second = drawn[1][0]
    assert second.x == pytest.approx(left)
    # The bracket gives up the half of its em before its ink: the ink starts where the
    # line does, as the first line's ideograph's does, not half an em in.
    assert second.cluster.text == "「"
    assert second.cluster.advance == pytest.approx(500)
    assert drawn[1][1].x == pytest.approx(left + 0.5 * SIZE)
    # The half em it gave up is the line's: the line holds what fits in it.
    assert sum(p.cluster.advance for p in drawn[1]) * SIZE / 1000 <= column - 2 * PADDING
    readers = {**EXTRACTORS, "pdf.js": extract_pdfjs}
    for name, extract in readers.items():
        assert split_lines(extract(built.path)) == built.lines, name


def test_an_opening_bracket_starting_a_paragraph_keeps_its_em(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first line of a paragraph is its start: the bracket's space stands where an
    # indent would (jlreq), and one-line labels and cells align as before.
    drawn = _drawn(monkeypatch)
    build_document(
        tmp_path / "doc.pdf",
        [[("「注意」をよく読んでください。", "")]],
        column=60 * mm,
        lang="ja",
        monkeypatch=monkeypatch,
    )
    assert drawn[0][0].cluster.text == "「"
    assert drawn[0][0].cluster.advance == pytest.approx(1000)


def test_the_rest_of_a_split_paragraph_sets_its_first_bracket_flush() -> None:
    # Continued in the next column or page, a paragraph's first line there is no
    # paragraph start: its bracket is set as on any later line, wherever it is broken.
    style = body_style()
    text = "患者は毎日必ず薬を飲み、" + BRACKETED
    paragraph = make_paragraph(runs_for([(text, "")]), style, "ja", words=WORDS)
    width = len("患者は毎日必ず薬を飲み、") * SIZE + 2
    lines = paragraph.lines_for(width)
    fit = next(
        n for n, line in enumerate(lines) if n > 1 and paragraph.units[line.start].text[0] == "「"
    )
    first, rest = paragraph.split(width, fit * style.leading)
    assert rest.text.startswith("「")
    assert rest.lines_for(width + 3 * SIZE)[0].lead == pytest.approx(0.5 * SIZE)
    assert first.lines_for(width)[0].lead == 0.0
