"""Japanese and Chinese phrases kept whole on a narrow line (``keep-phrases-below``, #16).

ICU lets a Japanese or Chinese line break between any two characters; a table cell
three characters wide then prints 胸の痛|み and 発熱ま|たは寒|気. A style with
``keepPhrasesBelow`` makes each phrase (ICU's ``lw=phrase`` for Japanese, its word
boundaries for Chinese) one unit on a line narrower than that, cut between its
characters only when the phrase alone is wider than the line.
"""

from __future__ import annotations

import pytest
from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle

from msc_leaflet.layout.table_widths import column_widths
from msc_leaflet.theme.styles import text_style
from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset.paragraph import TextParagraph
from msc_leaflet.typeset.segmentation import phrase_breaks, phrase_ends
from typeset_support import body_style

SIZE = 10.0


def cell(text: str, lang: str, below: float = 8 * SIZE) -> TextParagraph:
    style = ParagraphStyle("cell", parent=body_style(size=SIZE), keepPhrasesBelow=below)
    return make_paragraph([Run(text, default_family().regular, SIZE, black)], style, lang)


def lines(paragraph: TextParagraph, ems: float) -> list[str]:
    paragraph.wrap(ems * SIZE, 10_000)
    return paragraph.line_texts()


def test_japanese_phrases_and_chinese_words_end_where_icu_says() -> None:
    text = "発熱または寒気"
    assert phrase_ends(text, "ja") == frozenset({2, 5})  # 発熱|または|寒気
    assert phrase_ends("呼吸困难", "zh_Hans") == frozenset({2})  # 呼吸|困难
    assert phrase_ends("ไข้หรือหนาวสั่น", "th") is None  # its ICU breaks end words already
    assert phrase_breaks(text, "ja", range(1, len(text))) == [2, 5]


@pytest.mark.parametrize(
    ("text", "lang", "ems", "expected"),
    [
        ("胸の痛み", "ja", 3.5, ["胸の", "痛み"]),  # was 胸の痛|み
        ("発熱または寒気", "ja", 3.5, ["発熱", "または", "寒気"]),  # was 発熱ま|たは寒|気
        ("新しい発疹", "ja", 3.5, ["新しい", "発疹"]),
        ("新出现的皮疹", "zh_Hans", 4.5, ["新出现的", "皮疹"]),  # was 新出现的皮|疹
    ],
)
def test_a_narrow_line_keeps_phrases_whole(
    text: str, lang: str, ems: float, expected: list[str]
) -> None:
    assert lines(cell(text, lang), ems) == expected


def test_a_wide_line_breaks_between_any_two_characters_as_before() -> None:
    # 11 characters a line, a Japanese newspaper's measure: set as JIS X 4051 sets it,
    # exactly as a paragraph without phrases (a phrase-kept cell took an extra line,
    # and the A5 parallel table went to the next page).
    text = "その日のうちにクリニックに連絡してください。"
    plain = make_paragraph(
        [Run(text, default_family().regular, SIZE, black)], body_style(size=SIZE), "ja"
    )
    assert (
        lines(cell(text, "ja"), 11.2)
        == lines(plain, 11.2)
        == [
            "その日のうちにクリニッ",
            "クに連絡してください。",
        ]
    )


def test_a_phrase_wider_than_the_line_is_cut_between_its_characters() -> None:
    cut: list[str] = []
    paragraph = cell("クリニックに", "ja")
    paragraph.on_emergency_break = cut.append
    # Never before the small ッ (JIS X 4051): クリ|ニック, not クリニ|ック.
    assert lines(paragraph, 3.5) == ["クリ", "ニック", "に"]
    assert cut == []  # a break ICU allows: no emergency, nothing reported
    assert lines(paragraph, 2.5) == ["クリ", "ニッ", "クに"]  # cut again, still no emergency
    assert cut == []


def test_the_theme_gives_the_measure_in_ems_of_the_style() -> None:
    entry = {"font": "regular", "size": 9.5, "leading": 12, "colour": "ink"}
    style = text_style("cell", {**entry, "keep-phrases-below": "8em"}, {}, {}, {"ink": 0})
    assert style.keep_phrases_below == 76.0
    assert text_style("cell", entry, {}, {}, {"ink": 0}).keep_phrases_below == 0


def test_a_label_column_is_given_its_widest_phrase_when_the_others_can_spare_it() -> None:
    labels = ["胸の痛み", "発熱または寒気", "新しい発疹"]
    answers = ["その日のうちにクリニックに連絡してください。" * 2] * 3
    cells = [[cell(a, "ja"), cell(b, "ja")] for a, b in zip(labels, answers, strict=True)]
    widest_phrase = cells[0][0].minWidth()  # または: three characters
    widths = column_widths(cells, 14 * SIZE, 0)
    assert widths is not None
    label = widths[0]
    assert label >= widest_phrase - 1e-6
    assert label < 4 * SIZE  # only what the phrase needs: the answers keep the rest


def test_always_keeps_phrases_whatever_the_measure() -> None:
    entry = {"font": "regular", "size": 9.5, "leading": 12, "colour": "ink"}
    style = text_style("heading", {**entry, "keep-phrases-below": "always"}, {}, {}, {"ink": 0})
    assert style.keep_phrases_below > 1e9


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("01 · 細胞はどこへ行くのか", "ja"),  # was 01 · 細胞はど|こへ行くのか
        ("細胞の点滴を受けた後に", "ja"),  # was 細胞の点滴を受|けた後に
        ("注意すべきサインとよくある質問", "ja"),  # was サインとよ|くある質問
        ("警示症状和常见问题", "zh_Hans"),
    ],
)
def test_a_heading_breaks_japanese_and_chinese_between_phrases(text: str, lang: str) -> None:
    # A heading is read at a glance: 受|けた ("received") or ど|こ ("where") cut in two
    # is read as two words, whatever the measure (CSS word-break: auto-phrase).
    from msc_leaflet.layout.styles import build_styles
    from msc_leaflet.theme.theme import default_theme_path, load_theme

    styles = build_styles(load_theme(default_theme_path()), default_family(), lang)
    ends = phrase_ends(text, lang) or frozenset()
    for name in ("title", "subtitle", "heading"):
        style = styles[name]
        for width in range(5 * int(style.fontSize), 30 * int(style.fontSize), 7):
            paragraph = make_paragraph(
                [Run(text, default_family().bold, style.fontSize, black)], style, lang
            )
            paragraph.wrap(width, 10_000)
            found = paragraph.line_texts()
            at = 0
            for line in found[:-1]:
                at = text.index(line, at) + len(line)
                assert at in ends or text[at : at + 1] == " ", (name, width, found)


# A drug table of five columns, two of them addresses (A5, Japanese): the name column
# cannot be given its whole name, and was left at two characters (アセ|トア|ミノ|フェ|ン).
DRUGS = [
    [
        "アセトアミノフェン",
        "1回500mg",
        "1日3回まで",
        "https://www.pmda.go.jp/safety/info-services/drugs/",
        "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/",
    ],
    [
        "イブプロフェン",
        "1回200mg",
        "食後に",
        "https://www.pmda.go.jp/review-services/",
        "https://www.mhlw.go.jp/stf/newpage_12345.html",
    ],
]


@pytest.mark.parametrize("ems", [30, 33, 36])
def test_a_column_too_narrow_for_its_phrase_gets_what_the_others_can_spare(ems: int) -> None:
    """The name column takes what the address columns can give above their own longest
    parts, though not the whole name: no katakana name is cut down to a lone ン."""
    cells = [[cell(text, "ja") for text in row] for row in DRUGS]
    cut: list[object] = []
    for row in cells:
        for paragraph in row:
            paragraph.on_emergency_break = cut.append
    widths = column_widths(cells, ems * SIZE, 6)
    assert widths is not None
    for row in cells:
        for paragraph, width in zip(row, widths, strict=True):
            assert paragraph.wrap(width - 6, 10_000)[0] <= width - 6 + 1e-6
    names = [row[0].line_texts() for row in cells]
    assert all(len(line) > 1 for lines in names for line in lines), names
    assert all(len(lines) <= 3 for lines in names), names  # not 5 lines of two
    assert cut == []  # the addresses keep their parts whole: nothing cut by force


def test_a_phrase_cut_between_its_characters_leaves_no_lone_last_character() -> None:
    # 8 characters of アセトアミノフェン's 9 fit: the cut leaves フェン together (never
    # before the small ェ), not ン alone on the next line.
    assert lines(cell("アセトアミノフェン", "ja"), 8.5) == ["アセトアミノ", "フェン"]
    assert lines(cell("イブプロフェン", "ja"), 6.5) == ["イブプロ", "フェン"]
    # Three a line: each cut moves back, not ロ alone instead (イブプ|ロフェ|ン).
    assert lines(cell("イブプロフェン", "ja"), 3.5) == ["イブ", "プロ", "フェン"]
    # A particle after a word is a word of its own: クリ|ニック|に, not ニッ|クに (above).


@pytest.mark.parametrize(
    ("text", "ems", "expected"),
    [
        # A verb or adjective's kana ending (okurigana) stays with its kanji where ICU
        # reads them as one word: 受け|付け, not 受け付|け; 痛み|が, not 痛|みが.
        ("受け付け", 3.5, ["受け", "付け"]),
        ("申し込み", 3.5, ["申し", "込み"]),
        ("お支払い", 3.5, ["お支", "払い"]),
        ("激しい痛みが続く", 2.5, ["激し", "い", "痛み", "が", "続く"]),
        ("受けて", 2.5, ["受け", "て"]),
        # A particle after a word still ends a phrase alone (胸|の, クリニック|に).
        ("胸の痛み", 1.5, ["胸", "の", "痛", "み"]),
    ],
)
def test_a_cut_phrase_keeps_a_kanji_with_its_kana_ending(
    text: str, ems: float, expected: list[str]
) -> None:
    assert lines(cell(text, "ja"), ems) == expected
