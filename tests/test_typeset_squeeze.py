"""Adjacent Chinese and Japanese punctuation set on half an em (jlreq §3.1.4, clreq).

"。」", "），", "、「" and "（「" each took two full ems, a visible hole between the two
marks; a closing mark before another mark, and an opening one after an opening one,
now give up the half of their em that is space. The text layer still reads every
mark, in order, with no space between.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset.squeeze import halved_punctuation
from pdfjs_text import extract_pdfjs
from typeset_support import (
    EXTRACTORS,
    WORDS,
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
