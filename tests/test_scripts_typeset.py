"""Every script a Bangkok clinic's patients read: fonts, shaping, breaks, text layer (#16).

Each locale's sample sentences (``scripts_samples``) are set in a narrow column, so
lines break inside the text, and read back by four extractors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_LEFT

from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset.scripts import NO_LINE_END, NO_LINE_START
from msc_leaflet.typeset.segmentation import icu_breaks
from msc_leaflet.typeset.shaping import harfbuzz_font, shape
from pdfjs_text import extract_pdfjs
from pdfread import font_problems
from scripts_samples import LTR, SAMPLES
from typeset_support import EXTRACTORS, BuiltDocument, body_style, build_document, rejoin

COLUMN = 150.0  # points: several lines per sentence in every script
#: The four curly quotation marks, escaped: alone, as a literal, they read as mojibake to
#: test_hardening_text, which reads every string of the tests as real text.
CURLY_QUOTES = "\u201c\u201d\u2018\u2019"


def squash(text: str) -> str:
    """NFC, no whitespace, no bidi controls (pdftotext marks right-to-left runs)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BuiltDocument]:
    cache: dict[str, BuiltDocument] = {}

    def get(lang: str) -> BuiltDocument:
        if lang not in cache:
            path = tmp_path_factory.mktemp(lang) / f"{lang}.pdf"
            paragraphs = [[(text, "")] for text in SAMPLES[lang]]
            with pytest.MonkeyPatch.context() as patch:
                cache[lang] = build_document(
                    path, paragraphs, lang=lang, column=COLUMN, monkeypatch=patch
                )
        return cache[lang]

    return get


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
@pytest.mark.parametrize("lang", LTR)
def test_text_layer_is_the_source_text(
    built: Callable[[str], BuiltDocument], lang: str, extractor: str
) -> None:
    text = EXTRACTORS[extractor](built(lang).path)
    assert squash(text) == squash("".join(SAMPLES[lang]))


@pytest.mark.parametrize("lang", [*LTR, "ar"])
def test_pdfjs_reads_the_source_text(built: Callable[[str], BuiltDocument], lang: str) -> None:
    # Firefox's viewer and find bar; Arabic too (pdf.js reorders right-to-left text).
    assert squash(extract_pdfjs(built(lang).path)) == squash("".join(SAMPLES[lang]))


@pytest.mark.parametrize("lang", LTR)
def test_text_layer_has_no_private_use_code_points(
    built: Callable[[str], BuiltDocument], lang: str
) -> None:
    for extractor in EXTRACTORS.values():
        text = extractor(built(lang).path)
        assert not [c for c in text if unicodedata.category(c) == "Co"]


@pytest.mark.parametrize("lang", LTR)
def test_lines_break_at_icu_opportunities_and_keep_the_line_rules(
    built: Callable[[str], BuiltDocument], lang: str
) -> None:
    document = built(lang)
    assert len(document.lines) > len(SAMPLES[lang]), "the column must force line breaks"
    for number, breaks in rejoin(document.lines, SAMPLES[lang]):
        text = SAMPLES[lang][number]
        allowed = set(icu_breaks(text, lang))
        for at in breaks:
            start = at
            while start > 0 and text[start - 1] == " ":
                start -= 1  # a break after spaces is ICU's break after the last space
            assert at in allowed or start in allowed, (lang, text[:at], text[at:])
            assert text[at] not in NO_LINE_START, (lang, text[at:])
            assert text[start - 1] not in NO_LINE_END, (lang, text[:start])


def drawn_font_problems(path: Path) -> list[str]:
    """`font_problems`, less the test document's canvas default (Helvetica): ReportLab
    declares it on every page and draws nothing with it (leaflets name their own)."""
    return [problem for problem in font_problems(path) if "/Helvetica" not in problem]


@pytest.mark.parametrize("lang", LTR)
def test_every_font_is_embedded_and_subset(
    built: Callable[[str], BuiltDocument], lang: str
) -> None:
    assert drawn_font_problems(built(lang).path) == []


def faces_of(text: str, lang: str) -> list[tuple[str, str]]:
    family = default_family()
    paragraph = make_paragraph([Run(text, family.regular, 11, black)], body_style(), lang)
    return [(p.text, p.run.font) for unit in paragraph.units for p in unit.pieces]


def merged(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for text, font in pieces:
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + text, font)
        else:
            out.append((text, font))
    return out


def test_each_script_gets_its_font_and_latin_inside_keeps_the_latin_font() -> None:
    assert merged(faces_of("患者（MSC）2次。", "zh_Hans")) == [
        ("患者（", "NotoSansCJKsc-regular"),
        ("MSC", "Sarabun-regular"),
        ("）2次。", "NotoSansCJKsc-regular"),
    ]
    assert merged(faces_of("អ្នកជំងឺ MSC", "km")) == [
        ("អ្នកជំងឺ ", "NotoSansKhmer-regular"),
        ("MSC", "Sarabun-regular"),
    ]
    assert {font for _, font in faces_of("လူနာ", "my")} == {"NotoSansMyanmar-regular"}
    assert {font for _, font in faces_of("ຄົນເຈັບ", "lo")} == {"NotoSansLao-regular"}
    assert {font for _, font in faces_of("bệnh nhân", "vi")} == {"Sarabun-regular"}
    assert {font for _, font in faces_of("ผู้ป่วย MSC", "th")} == {"Sarabun-regular"}


@pytest.mark.parametrize("lang", ["zh_Hans", "ja", "ar", "th"])
def test_a_spaced_middle_dot_is_the_same_separator_wherever_it_stands(lang: str) -> None:
    # The footer joins "TEST-ZH-001 · 版本 1.0 · 审核日期 …": the first dot followed
    # Latin and was Sarabun's, the second followed 本 and was the CJK font's, a full em
    # wide in Chinese and a heavy Japanese dot in Japanese: two separators on one line.
    # A middle dot between spaces is a Western separator, set in the Latin face.
    for text in ("TEST-ZH-001 · 版本 1.0 · 审核日期", "TEST-AR-001 · الإصدار 1.0 · تاريخ"):
        dots = {font for piece, font in faces_of(text, lang) for char in piece if char == "·"}
        assert dots == {"Sarabun-regular"}, (text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A pair around a Latin term inside Chinese: the closing mark followed the C
        # into Sarabun, a narrow ” against 这 after a full-width “ (stromal-or-stem's
        # 'faq/4/answer' in Chinese).
        (
            "但是，“MSC”这个简称",
            "zh_Hans",
            [
                ("但是，“", "NotoSansCJKsc-regular"),
                ("MSC", "Sarabun-regular"),
                ("”这个简称", "NotoSansCJKsc-regular"),
            ],
        ),
        # A pull quote opens on a Latin term: its opening mark is the closing one's face.
        (
            "“MSC是引导身体",
            "zh_Hans",
            [
                ("“", "NotoSansCJKsc-regular"),
                ("MSC", "Sarabun-regular"),
                ("是引导身体", "NotoSansCJKsc-regular"),
            ],
        ),
        (
            "名前は“CD”と番号",
            "ja",
            [
                ("名前は“", "NotoSansCJKsc-regular"),
                ("CD", "Sarabun-regular"),
                ("”と番号", "NotoSansCJKsc-regular"),
            ],
        ),
        # An English phrase, an apostrophe and a pair around Latin alone stay Latin.
        ("A “stem cell” review", "zh_Hans", [("A “stem cell” review", "Sarabun-regular")]),
        (
            "MSC’s作用",
            "zh_Hans",
            [("MSC’s", "Sarabun-regular"), ("作用", "NotoSansCJKsc-regular")],
        ),
        ("“MSC”", "zh_Hans", [("“MSC”", "Sarabun-regular")]),
    ],
)
def test_a_pair_of_quotes_in_chinese_or_japanese_is_one_face(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert merged(faces_of(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "home"),
    [
        # The opening mark followed تسمى into Noto Sans Arabic, the closing one the C
        # into Sarabun: a wedge-shaped “ and a round ” around one word.
        ("تسمى “MSC” أحيانًا.", "ar", "NotoSansArabic-regular"),
        ("تسمى ‘MSC’ أحيانًا.", "ar", "NotoSansArabic-regular"),
        ("تسمى ”MSC“ أحيانًا.", "ar", "NotoSansArabic-regular"),  # Arabic's own marks
        ("نام “MSC” است.", "fa", "NotoSansArabic-regular"),
        ("ဆရာဝန် “MSC” ဟု", "my", "NotoSansMyanmar-regular"),
        ("ហៅថា “MSC” ផង", "km", "NotoSansKhmer-regular"),
        ("इसे “MSC” कहते हैं", "hi", "NotoSansDevanagari-regular"),
    ],
)
def test_a_pair_of_quotes_around_a_latin_term_is_in_the_face_of_the_text_around_it(
    text: str, lang: str, home: str
) -> None:
    marks = {font for piece, font in faces_of(text, lang) for c in piece if c in CURLY_QUOTES}
    assert marks == {home}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("MSC’s دور", "ar"),  # an apostrophe inside a Latin word
        ("“MSC”", "ar"),  # a pair around Latin alone
        ("A “stem cell” review", "ar"),  # an English phrase
    ],
)
def test_quotes_of_latin_text_alone_stay_latin(text: str, lang: str) -> None:
    marks = {font for piece, font in faces_of(text, lang) for c in piece if c in CURLY_QUOTES}
    assert marks == {"Sarabun-regular"}


def test_the_interpunct_of_a_chinese_name_stays_in_the_chinese_font() -> None:
    # 约翰·史密斯 (John Smith), no spaces: the CJK font's interpunct (clreq).
    assert merged(faces_of("约翰·史密斯医生", "zh_Hans")) == [
        ("约翰·史密斯医生", "NotoSansCJKsc-regular")
    ]


def test_bold_in_a_script_without_bold_uses_the_declared_substitute() -> None:
    family = default_family()
    paragraph = make_paragraph([Run("患者", family.bold, 11, black)], body_style(), "zh_Hans")
    assert paragraph.units[0].pieces[0].run.font == "NotoSansCJKsc-regular"
    paragraph = make_paragraph([Run("လူနာ", family.bold, 11, black)], body_style(), "my")
    assert paragraph.units[0].pieces[0].run.font == "NotoSansMyanmar-bold"


def test_bold_khmer_is_a_static_semibold_instance_of_the_variable_font() -> None:
    from fontTools.ttLib import TTFont

    from msc_leaflet.typeset.fonts import shaping_font

    family = default_family()
    paragraph = make_paragraph([Run("អ្នកជំងឺ", family.bold, 11, black)], body_style(), "km")
    assert paragraph.units[0].pieces[0].run.font == "NotoSansKhmer-bold"
    font = TTFont(shaping_font("NotoSansKhmer-bold").face.filename)
    assert "fvar" not in font and "gvar" not in font  # ReportLab embeds what it sees
    assert font["OS/2"].usWeightClass == 600


@pytest.mark.parametrize(
    ("text", "font"),
    [
        ("អ្នក", "NotoSansKhmer-regular"),  # coeng: ន written below អ
        ("ស្ត្រី", "NotoSansKhmer-regular"),  # two coengs and a pre-base ro
        ("ကြိမ်", "NotoSansMyanmar-regular"),  # medial ra before its consonant
        ("ເລືອດ", "NotoSansLao-regular"),
    ],
)
def test_reordered_clusters_carry_their_text_in_order(text: str, font: str) -> None:
    clusters = shape(font, text, "und")
    assert "".join(c.text for c in clusters) == text
    texts = harfbuzz_font(font).ttf.glyph_texts
    carried = "".join(
        texts.get(g.key, chr(g.key)) for c in clusters for g in c.carriers if g.key is not None
    )
    assert carried == text
    assert all(g.gid for c in clusters for g in c.glyphs), "a .notdef glyph"


def test_japanese_text_gets_japanese_glyph_forms() -> None:
    # 直 and 骨 differ between Chinese and Japanese; one font, its `locl` per language.
    for char in "直骨":
        (zh,) = shape("NotoSansCJKsc-regular", char, "zh_Hans")
        (ja,) = shape("NotoSansCJKsc-regular", char, "ja")
        assert zh.glyphs[0].gid != ja.glyphs[0].gid


#: Locale tags as projects name them, with the forms HarfBuzz's `locl` must give them.
CHINESE_FORMS = {
    "zh_Hans": "zh_Hans",
    "zh": "zh_Hans",
    "zh_CN": "zh_Hans",
    "zh-Hans": "zh_Hans",
    "zh_Hant": "zh_Hant",
    "zh_TW": "zh_Hant",
    "zh-Hant-TW": "zh_Hant",
    "zh_Hant.UTF-8": "zh_Hant",
    "ja": "ja",
    "ja_JP": "ja",
}


def drawn_ideographs(path: Path, chars: str) -> list[bytes]:
    """The pixels pdfium draws for each of ``chars`` in page 1 of ``path``, at 288 dpi."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(path)[0]
    text = page.get_textpage()
    image = page.render(scale=4).to_pil().convert("L")
    height = page.get_height()
    found = {text.get_text_range(i, 1): text.get_charbox(i) for i in range(text.count_chars())}
    boxes = [found[char] for char in chars]
    return [
        image.crop(
            (round(x0 * 4), round((height - y1) * 4), round(x1 * 4), round((height - y0) * 4))
        )
        .resize((48, 48))
        .tobytes()
        for x0, y0, x1, y1 in boxes
    ]


def test_each_locale_tag_of_chinese_and_japanese_gets_its_own_glyph_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """骨 角 述 are written three ways: mainland China's, Taiwan's and Japan's, one font's
    `locl` forms. A Taiwan leaflet (zh_Hant, zh_TW) was set in the Simplified forms:
    only the language subtag, zh, reached HarfBuzz."""
    drawn: dict[str, list[bytes]] = {}
    for tag in CHINESE_FORMS:
        path = tmp_path / f"{tag}.pdf"
        build_document(path, [[("骨角述", "")]], lang=tag, monkeypatch=monkeypatch)
        drawn[tag] = drawn_ideographs(path, "骨角述")
    for tag, forms in CHINESE_FORMS.items():
        assert drawn[tag] == drawn[forms], f"{tag} is not drawn in {forms}'s forms"
    for one, other in (("zh_Hans", "zh_Hant"), ("zh_Hans", "ja"), ("zh_Hant", "ja")):
        differ = [a != b for a, b in zip(drawn[one], drawn[other], strict=True)]
        assert differ.count(True) >= 2, f"{one} and {other} are drawn alike"


def test_cjk_line_rules_hold_in_a_column_of_one_ideograph_width() -> None:
    # Punctuation wants to start almost every line here: it must travel with the
    # ideograph before it, and an opening bracket with the one after it.
    text = "「患者」、「医生」。（注）"
    family = default_family()
    paragraph = make_paragraph([Run(text, family.regular, 11, black)], body_style(), "ja")
    paragraph.wrap(40, 1000)
    for line in paragraph.line_texts():
        assert line[0] not in NO_LINE_START, paragraph.line_texts()
        assert line[-1] not in NO_LINE_END, paragraph.line_texts()


@pytest.mark.parametrize("width", [36.0, 41.0, 52.0, 63.0, 74.0])  # 3 em and more
def test_small_kana_never_start_a_japanese_line(width: float) -> None:
    """ッ ャ ョ ァ belong to the kana before them: リーフレ|ット reads as a broken word."""
    text = "このリーフレットでは、チェックやシャワーのショートメッセージについて説明します。"
    family = default_family()
    paragraph = make_paragraph([Run(text, family.regular, 11, black)], body_style(), "ja")
    paragraph.wrap(width, 1000)
    lines = paragraph.line_texts()
    assert len(lines) > 2 and "".join(lines) == text
    assert all(line[0] not in "ッャュョァィゥェォっゃゅょ" for line in lines), lines


ONE_IDEOGRAPH_ENDINGS = {
    "zh_Hans": "如果您在输液后出现胸痛、呼吸困难或咳血，请立即拨打急救电话或前往最近的医院。",
    "ja": "点滴の後に胸の痛みや息苦しさがあれば、すぐに救急車を呼ぶか、"
    "近くの病院に行ってください。",
}


def lone_ideograph(line: str) -> bool:
    """A line of one ideograph or kana, with only punctuation beside it: 院。"""
    letters = [c for c in line if not unicodedata.category(c).startswith(("P", "Z"))]
    return len(letters) == 1


@pytest.mark.parametrize("lang", sorted(ONE_IDEOGRAPH_ENDINGS))
@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER])
def test_a_chinese_or_japanese_paragraph_never_ends_on_one_character(
    lang: str, alignment: int
) -> None:
    """A last line of one character (院。 alone under a full line) reads as a stray; the
    line before gives it the character before it, as CJK typesetting does."""
    text = ONE_IDEOGRAPH_ENDINGS[lang]
    family = default_family()
    style = body_style(alignment)
    lone = []
    for width in range(44, 300):  # 4 to 27 characters a line
        paragraph = make_paragraph([Run(text, family.regular, 11, black)], style, lang)
        paragraph.wrap(width, 1000)
        lines = paragraph.line_texts()
        assert "".join(lines) == text
        assert all(line[0] not in NO_LINE_START for line in lines[1:]), lines
        if len(lines) > 1 and lone_ideograph(lines[-1]):
            lone.append((width, lines[-2:]))
    assert not lone, lone


def test_a_citation_does_not_keep_a_last_character_company() -> None:
    # A citation's superscript number is no character of the text: ん¹。 alone under
    # a full line is a lone character all the same (the languages fixture, A5).
    text, citation, stop = (
        "点滴の後、多くの細胞はまず肺の細い血管にとどまることがあります。細胞は長くはとどまりません",
        "1",
        "。",
    )
    family = default_family()
    runs = [
        Run(text, family.regular, 11, black),
        Run(citation, family.regular, 11, black, superscript=True, cites=(1,)),
        Run(stop, family.regular, 11, black),
    ]
    lone = []
    for width in range(100, 160):
        paragraph = make_paragraph(runs, body_style(), "ja")
        paragraph.wrap(width, 1000)
        lines = paragraph.line_texts()
        assert "".join(lines) == text + citation + stop
        if lone_ideograph(lines[-1].replace(citation, "")):
            lone.append((width, lines[-2:]))
    assert not lone, lone


def test_a_two_page_chinese_document_stays_small(tmp_path: Path) -> None:
    path = tmp_path / "zh.pdf"
    paragraphs = [[(text, "")] for text in SAMPLES["zh_Hans"]]
    with pytest.MonkeyPatch.context() as patch:
        document = build_document(path, paragraphs, lang="zh_Hans", repeat=40, monkeypatch=patch)
    assert document.pages >= 2
    assert path.stat().st_size < 300_000
    assert drawn_font_problems(path) == []


def test_a_character_no_font_has_is_refused_naming_its_script() -> None:
    from msc_leaflet.typeset import MissingGlyphError

    family = default_family()
    with pytest.raises(MissingGlyphError) as caught:
        make_paragraph([Run("ԲԱՐԵՎ", family.regular, 11, black)], body_style(), "hy")
    assert "Armenian script" in str(caught.value)
    assert "fonts: scripts:" in caught.value.hint
    assert re.search(r"U\+0532", str(caught.value))


@pytest.mark.parametrize(
    ("text", "lang", "term"),
    [
        ("间充质干细胞治疗", "zh_Hans", "间充质干细胞"),  # "mesenchymal stem cells"
        ("ဆေးရုံသို့သွားပါ", "my", "ဆေးရုံသို့"),  # "to the hospital"
    ],
)
def test_the_word_list_keeps_a_term_on_one_line_in_every_script(
    text: str, lang: str, term: str
) -> None:
    from msc_leaflet.typeset import WordList
    from msc_leaflet.typeset.segmentation import line_breaks

    start = text.index(term)
    inside = set(range(start + 1, start + len(term)))
    assert inside & set(icu_breaks(text, lang))  # ICU alone would split the term
    assert not inside & set(line_breaks(text, lang, WordList((term,))))


# Full-width (East Asian Width W or F) punctuation of Chinese and Japanese text.
WIDE_PUNCTUATION = sorted(
    {
        c
        for c in NO_LINE_START + NO_LINE_END + "・"
        if unicodedata.east_asian_width(c) in "WF" and not unicodedata.category(c).startswith("L")
    }
)


@pytest.mark.parametrize("lang", ["ja", "zh_Hans"])
def test_full_width_punctuation_keeps_its_em(lang: str) -> None:
    # JIS X 4051 and clreq set every full-width mark on the em of an ideograph: the
    # interpunct of ショック・けいれん or 熱・痛み is a dot in the middle of a full cell.
    # Noto Sans CJK SC's Japanese `locl` swapped ・ for the proportional Western middle
    # dot, a third of an em (adobe-fonts/source-han-sans#295): 熱•痛み, cramped.
    for char in WIDE_PUNCTUATION:
        clusters = shape("NotoSansCJKsc-regular", f"熱{char}痛", lang)
        assert [c.text for c in clusters] == ["熱", char, "痛"]
        assert clusters[1].advance == pytest.approx(clusters[0].advance), char


def _sarabun_replaced(bold: str = "Sarabun-Bold.ttf", regular: str = "Sarabun-Regular.ttf"):  # type: ignore[no-untyped-def]
    """The bundled font table with the Latin family's regular and bold files replaced
    (``bold="regular"``: a family without a bold, declared a substitute)."""
    from dataclasses import replace

    from msc_leaflet.typeset.font_files import bundled_config

    config = bundled_config()
    sarabun = config.family("Sarabun")
    faces = dict(sarabun.faces)
    faces["regular"] = regular
    substitutes = dict(sarabun.substitutes)
    if bold == "regular":
        faces.pop("bold", None)
        faces.pop("bold-italic", None)
        substitutes.update({"bold": "regular", "bold-italic": "italic"})
    else:
        faces["bold"] = bold
    own = replace(sarabun, faces=tuple(faces.items()), substitutes=tuple(substitutes.items()))
    families = tuple(own if f.name == "Sarabun" else f for f in config.families)
    return replace(config, families=families)


def test_a_latin_family_without_a_bold_keeps_each_script_in_its_own_weight() -> None:
    # With the Latin family's bold declared a substitute (bold: regular), its regular
    # and bold runs shared one face name, and Khmer in regular text was set in bold.
    from msc_leaflet.typeset import register_fonts
    from msc_leaflet.typeset.fonts import font_spans

    try:
        family = register_fonts(_sarabun_replaced(bold="regular"))
        text = "អ្នកជំងឺ"
        assert {face for *_, face in font_spans(text, family.regular, "km")} == {
            "NotoSansKhmer-regular"
        }
        assert {face for *_, face in font_spans(text, family.bold, "km")} == {"NotoSansKhmer-bold"}
    finally:
        default_family()


def test_a_theme_registered_later_does_not_change_the_fonts_of_another() -> None:
    # Font names and their script faces are global in a process (the desk builds for
    # hours, a test session for minutes): after a table whose Latin bold was a
    # substitute, every later build of the bundled theme set regular Khmer in bold.
    from reportlab.pdfbase import pdfmetrics

    from msc_leaflet.typeset import register_fonts
    from msc_leaflet.typeset.fonts import font_spans

    bundled = default_family()
    before = pdfmetrics.getFont(bundled.regular).face.filename
    register_fonts(_sarabun_replaced(regular="Sarabun-Light.ttf"))
    register_fonts(_sarabun_replaced(bold="regular"))
    assert default_family() == bundled
    assert pdfmetrics.getFont(bundled.regular).face.filename == before  # the first file
    spans = font_spans("អ្នកជំងឺ", bundled.regular, "km")
    assert {face for *_, face in spans} == {"NotoSansKhmer-regular"}
