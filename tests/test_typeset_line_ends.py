"""The space a line breaks at, in the text layer.

A screen reader (through the structure tree), pdfium's text per marked-content
sequence and a viewer's reflow join a paragraph's lines without looking where they are
drawn (pdf.js drops a space at a line end: docs/accessibility.md, "Known gaps").
Where a line broke at a space its author wrote, its text layer must end in that space,
or those readers run the line's last word and the next line's first together ("most"
+ "scientific": "mostscientific"). Where the source has no space (between Thai words,
at a hyphen, inside a word cut in an emergency), the text layer must not add one. The
space is never drawn: what a page shows does not change.
"""

from __future__ import annotations

import ctypes
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from msc_leaflet.typeset import make_paragraph
from msc_leaflet.typeset import paragraph as paragraph_module
from msc_leaflet.typeset.linebreak import is_hyphen
from msc_leaflet.typeset.placed import Placed
from msc_leaflet.typeset.render import LINE_END_MARK, draw_placed, is_end_space, place_units
from pdfjs_text import extract_pdfjs
from scripts_samples import SAMPLES
from typeset_support import (
    EXTRACTORS,
    TA_JUSTIFY,
    TA_LEFT,
    THAI_PARAGRAPHS,
    WORDS,
    BuiltDocument,
    body_style,
    build_document,
    extract_pdfium,
    mm,
    runs_for,
    source_text,
    split_lines,
)

ENGLISH = [
    [
        (
            "You may read that mesenchymal stromal cells are being tested in thousands of "
            "clinical trials. This leaflet explains why most scientific papers about them "
            "describe early studies, and how to read a ",
            "",
        ),
        ("news story", "b"),
        (" about one with care.", ""),
        ("1", "^1"),
        (
            " Ask your doctor about immunomodulatory treatments, electroencephalography "
            "and pharmacovigilance before you agree to anything.",
            "",
        ),
    ],
    # A word wider than the narrow column: cut in an emergency, with no space added.
    [("Write to PHARMACOVIGILANCEDEPARTMENTOFTHECLINIC if anything worries you.", "")],
    # A line that ends in the author's hyphen and then a space ("pre-" at 40 mm): the
    # hyphen keeps its mark for pdftotext, and the space follows it.
    [
        (
            "Your nurse checks your pulse and blood pressure at the pre- and post-infusion "
            "visits, and writes them down.",
            "",
        )
    ],
]


# Latin words one at a time: pdfium reads a Latin phrase of several words inside
# Arabic in reverse word order (docs/scripts.md), wherever its lines end.
MIXED_ARABIC = (
    "تعطي بعض العيادات الخلايا الجذعية الوسيطة MSCs عن طريق الوريد. اسأل الطبيب "
    "عن دراسات MSC قبل العلاج بالخلايا في المستشفى، واسأل عن Wharton وعن ISCT أيضًا."
)
MIXED_ENGLISH = (
    "The clinic gives this leaflet in Arabic as well, under the title "
    "بعد تسريب الخلايا في الوريد and in English under its own title."
)


def _text_objects(path: Path) -> str:
    """Every text object's text in the order the pages write them, joined as the
    readers that follow marked content join them: with nothing in between."""
    document = pdfium.PdfDocument(path)
    out = []
    for page in document:
        textpage = page.get_textpage()
        for index in range(raw.FPDFPage_CountObjects(page.raw)):
            obj = raw.FPDFPage_GetObject(page.raw, index)
            if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
                continue
            size = raw.FPDFTextObj_GetText(obj, textpage.raw, None, 0)
            buffer = (ctypes.c_ushort * (size // 2 + 1))()
            raw.FPDFTextObj_GetText(obj, textpage.raw, buffer, size)
            out.append(bytes(buffer)[:size].decode("utf-16-le").rstrip("\0"))
    return "".join(out)


def _words(text: str) -> str:
    """Text as a listener hears it: NFC, format characters (the text layer's direction
    marks, the zero-width space after a line-end hyphen) left out, and every run of
    whitespace one space."""
    text = unicodedata.normalize("NFC", text)
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())


CASES = {
    "en-left": (ENGLISH, "en", TA_LEFT, 40 * mm),
    "en-justified": (ENGLISH, "en", TA_JUSTIFY, 40 * mm),
    "th-left": (THAI_PARAGRAPHS, "th", TA_LEFT, 60 * mm),
    "th-justified": (THAI_PARAGRAPHS, "th", TA_JUSTIFY, 60 * mm),
    "ar": ([[(text, "")] for text in SAMPLES["ar"]], "ar", TA_LEFT, 45 * mm),
    # Mixed directions: Latin phrases inside Arabic, an Arabic phrase inside English.
    "ar-latin": ([[(MIXED_ARABIC, "")]], "ar", TA_JUSTIFY, 36 * mm),  # two end in Latin
    "en-arabic": ([[(MIXED_ENGLISH, "")]], "en", TA_LEFT, 45 * mm),
    "my": ([[(text, "")] for text in SAMPLES["my"]], "my", TA_LEFT, 45 * mm),
    "ja": ([[(text, "")] for text in SAMPLES["ja"]], "ja", TA_LEFT, 45 * mm),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_lines_joined_read_the_source_word_for_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    paragraphs, lang, alignment, column = CASES[case]
    built = build_document(
        tmp_path / "doc.pdf",
        paragraphs,
        alignment=alignment,
        column=column,
        lang=lang,
        monkeypatch=monkeypatch,
    )
    assert len(built.lines) > 2 * len(paragraphs)  # the paragraphs do wrap
    expected = _words(" ".join(source_text(p) for p in paragraphs))
    assert _words(" ".join(_one_paragraph_each(built.path, paragraphs))) == expected


def _one_paragraph_each(path: Path, paragraphs: list[list[tuple[str, str]]]) -> list[str]:
    """The joined text objects, cut where each paragraph ends (a paragraph's last line
    ends in no space: it ends in no break)."""
    joined = _text_objects(path)
    out, start = [], 0
    for pieces in paragraphs:
        last_word = source_text(pieces).split()[-1]
        end = joined.index(last_word, start) + len(last_word)
        out.append(joined[start:end])
        start = end
    return out


def test_the_space_is_not_drawn_and_extractors_read_the_lines_as_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page shows the same with and without the space at each line end, and every
    extractor still reads each line as drawn (its end space at most as trailing
    whitespace): no word glued to or split from its neighbour, no blank line."""
    built = _justified(tmp_path / "doc.pdf", monkeypatch)
    assert "pressure at the pre-" in built.lines
    for name, extract in EXTRACTORS.items():
        lines = [line.replace(LINE_END_MARK, "") for line in split_lines(extract(built.path))]
        assert lines == built.lines, name
    monkeypatch.setattr(  # the lines as they were set before they ended in a space
        paragraph_module,
        "place_units",
        lambda *args, **kwargs: [p for p in place_units(*args, **kwargs) if not is_end_space(p)],
    )
    bare = _justified(tmp_path / "bare.pdf", monkeypatch)
    assert "mostscientific" in _text_objects(bare.path)  # as it was
    assert _render(bare.path) == _render(built.path)


def _justified(path: Path, monkeypatch: pytest.MonkeyPatch) -> BuiltDocument:
    return build_document(
        path, ENGLISH, alignment=TA_JUSTIFY, column=40 * mm, monkeypatch=monkeypatch
    )


def _render(path: Path) -> list[bytes]:
    document = pdfium.PdfDocument(path)
    return [bytes(page.render(scale=2).buffer) for page in document]


SOFT = "\u00ad"
SOFT_HYPHENATED = f"Please eat a light meal at the pre{SOFT}infusion visit and drink water."


def _drawn_lines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str, column: float, lang: str
) -> tuple[list[list[Placed]], BuiltDocument]:
    """Each line's placed clusters as drawn, and the document."""
    import typeset_support

    drawn: list[list[Placed]] = []
    original = draw_placed

    def recording(canvas: object, y: float, placed: list[Placed], layer: float = 0.0) -> None:
        drawn.append(list(placed))
        original(canvas, y, placed, layer)

    monkeypatch.setattr(typeset_support, "draw_placed", recording)  # build_document's own
    built = build_document(
        tmp_path / "doc.pdf", [[(text, "")]], column=column, lang=lang, monkeypatch=monkeypatch
    )
    return drawn, built


def test_a_line_broken_at_the_authors_soft_hyphen_shows_a_hyphen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "at the pre" / "infusion visit" read as two words: a soft hyphen is where the
    author allows a hyphen, so a line broken there ends in one, inside the column, and
    the text layer reads the word as automatic hyphenation leaves it ("preinfusion":
    the hyphen is drawn, not text). Where the line does not break there, none is drawn."""
    column = 26 * mm
    drawn, built = _drawn_lines(monkeypatch, tmp_path, SOFT_HYPHENATED, column, "en")
    shown = ["".join(p.cluster.text for p in line if not is_end_space(p)) for line in drawn]
    assert "the pre" in shown and "infusion visit" in shown, shown
    line = drawn[shown.index("the pre")]
    assert is_hyphen(line[-1].cluster)
    right = line[-1].x + line[-1].cluster.advance * line[-1].piece.size / 1000
    assert right <= column + 0.01
    assert not any(is_hyphen(p.cluster) for other in drawn if other is not line for p in other)
    for name, extract in EXTRACTORS.items():
        text = extract(built.path)
        assert SOFT not in text and "\ufffe" not in text, name
        assert _words(text.replace("\n", " ")).count("pre infusion") == 1, (name, text)
    assert _words(_text_objects(built.path)) == _words(SOFT_HYPHENATED)

    drawn, built = _drawn_lines(monkeypatch, tmp_path, SOFT_HYPHENATED, 60 * mm, "en")
    assert not any(is_hyphen(p.cluster) for line in drawn for p in line)
    assert _words(extract_pdfium(built.path)) == _words(SOFT_HYPHENATED)


def test_a_soft_hyphen_is_given_room_when_the_line_is_filled() -> None:
    """The hyphen a soft hyphen gets at a line end is counted when the line is filled:
    at every column width, a line ending at one is as wide as it is drawn, hyphen
    included, and no wider than the column."""
    from msc_leaflet.typeset.linebreak import hyphen_cluster
    from typeset_support import WORDS, body_style, runs_for

    paragraph = make_paragraph(runs_for([(SOFT_HYPHENATED, "")]), body_style(), "en", words=WORDS)
    for tenth_mm in range(150, 400, 3):
        width = tenth_mm / 10 * mm
        for line in paragraph.lines_for(width):
            last = paragraph.units[line.end - 1]
            if not last.text.endswith(SOFT):
                continue
            piece = last.pieces[-1]
            hyphen = hyphen_cluster(piece.run.font).advance * piece.size / 1000
            natural = sum(
                u.width + u.space_width for u in paragraph.units[line.start : line.end - 1]
            )
            assert line.width == pytest.approx(natural + last.width + hyphen)
            assert line.width <= width + 0.01 or line.end - line.start == 1


@pytest.mark.parametrize(
    ("lang", "text", "column"),
    [
        ("th", f"ผู้ป่วยควรรับประทานอาหารเบา ๆ ก่อนวันให้เซลล์ และดื่มน้ำให้เพียงพอ{SOFT}ทุกวัน", 30 * mm),
        ("ja", f"点滴の前に軽い食事をとり、水を十分に{SOFT}飲んでください。", 30 * mm),
    ],
)
def test_a_soft_hyphen_in_a_script_without_hyphens_draws_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, text: str, column: float
) -> None:
    """Thai and Japanese are not hyphenated: a line broken at a soft hyphen there ends
    as at any other break, with no hyphen drawn."""
    drawn, _ = _drawn_lines(monkeypatch, tmp_path, text, column, lang)
    assert len(drawn) > 1
    assert not any(is_hyphen(p.cluster) for line in drawn for p in line)


# An ideographic space after a Japanese heading word, a Chinese one, a thin space in
# English: each is a space a line may end at, as U+0020 is.
SPACED = {
    "ja": ("注意事項\u3000点滴のあとは安静にしてください。", "注意事項", 4),
    "zh_Hans": ("注意事项\u3000输液后请休息一下。", "注意事项", 4),
    "en": ("Rest\u2009well after the infusion today.", "Rest", None),
}


@pytest.mark.parametrize("lang", sorted(SPACED))
def test_a_space_of_any_width_at_a_line_end_takes_no_room(lang: str) -> None:
    """A line that ends at an ideographic or thin space is as wide as its text: the
    space neither pushes the word before it to the next line nor widens the line (it
    took a full em in Japanese and Chinese, and 注意事|項 broke where 注意事項 fitted)."""
    text, first, characters = SPACED[lang]
    paragraph = make_paragraph(runs_for([(text, "")]), body_style(), lang, words=WORDS)
    width = _natural_width(first, lang)
    lines = paragraph.lines_for(width + 0.5)
    assert paragraph.line_texts()[0].rstrip("\u3000\u2009") == first
    assert lines[0].width == pytest.approx(width)
    if characters:
        assert width == pytest.approx(characters * body_style().fontSize)


def _natural_width(text: str, lang: str) -> float:
    """The width of ``text`` set alone on a line."""
    paragraph = make_paragraph(runs_for([(text, "")]), body_style(), lang, words=WORDS)
    (line,) = paragraph.lines_for(1000)
    return line.width


def test_an_ideographic_space_at_a_line_end_stays_in_the_text_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """注意事項 ends its line at the ideographic space after it: every extractor reads
    the lines as drawn, and a reader joining the lines hears the space the author wrote."""
    text = SPACED["ja"][0]
    column = _natural_width("注意事項", "ja") + 0.5 + 12  # the frame's padding: 6 pt a side
    built = build_document(
        tmp_path / "doc.pdf", [[(text, "")]], column=column, lang="ja", monkeypatch=monkeypatch
    )
    assert built.lines[0] == "注意事項"
    for name, extract in {**EXTRACTORS, "pdf.js": extract_pdfjs}.items():
        read = split_lines(extract(built.path))
        lines = [line.replace(LINE_END_MARK, "").strip() for line in read]
        assert lines == built.lines, name
    assert "注意事項\u3000点滴" in _text_objects(built.path)


# A word drawn otherwise than the space after it (a citation's superscript, written
# larger and invisibly beneath its outline; a link's colour), then more words: the
# space, when the line breaks at it, is a text object of its own in pdfium.
BESIDE = {
    ("en", "cite"): [
        ("Most papers about these cells describe early studies.", ""),
        ("1", "^1"),
        (" Ask your doctor about the evidence before you agree to any treatment.", ""),
    ],
    ("en", "link"): [
        ("If anything worries you after the infusion, ", ""),
        ("call", "l"),
        (" the clinic at once and tell the nurse what you feel.", ""),
    ],
    ("th", "cite"): [
        ("งานวิจัยส่วนใหญ่เป็นการศึกษาระยะแรก", ""),
        ("1", "^1"),
        (" ควรถามแพทย์ก่อนตัดสินใจรับการรักษา", ""),
    ],
    ("th", "link"): [
        ("หากมีอาการผิดปกติ ", ""),
        ("โทร", "l"),
        (" หาคลินิกทันที", ""),
    ],
    ("km", "cite"): [
        ("អ្នកជំងឺត្រូវមកមន្ទីរពេទ្យនៅថ្ងៃស្អែក។", ""),
        ("1", "^1"),
        (" វេជ្ជបណ្ឌិតនឹងពិនិត្យឈាមរបស់អ្នក។", ""),
    ],
    ("km", "link"): [
        ("អ្នកជំងឺត្រូវមកមន្ទីរពេទ្យ", "l"),
        (" នៅថ្ងៃស្អែក។ វេជ្ជបណ្ឌិតនឹងពិនិត្យឈាមរបស់អ្នក។", ""),
    ],
    ("lo", "link"): [
        ("ຄົນເຈັບຕ້ອງມາໂຮງໝໍ", "l"),
        (" ໃນມື້ອື່ນ. ທ່ານໝໍຈະກວດເລືອດຂອງທ່ານ.", ""),
    ],
    ("my", "link"): [
        ("လူနာသည်", "l"),
        (" မနက်ဖြန် ဆေးရုံသို့ လာရပါမည်။ ဆရာဝန်က သွေးစစ်ဆေးမှု ပြုလုပ်ပါမည်။", ""),
    ],
}


@pytest.mark.parametrize(("lang", "kind"), sorted(BESIDE))
def test_a_line_ending_in_a_citation_or_link_ends_in_its_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, kind: str
) -> None:
    """A line that breaks at the space after a citation's number or a link ends in
    that space for a reader that joins an element's text objects: the space is written
    in another text object than the word before it (another size, render mode or
    colour), and pdfium skips a text object without ink, so the tree read
    "studies.1Ask" and "callthe"."""
    pieces = BESIDE[(lang, kind)]
    before = next(text for text, style in pieces if style).strip()
    for column in range(20, 120):  # the first width that breaks the line there
        built = build_document(
            tmp_path / "doc.pdf", [pieces], column=column * mm, lang=lang, monkeypatch=monkeypatch
        )
        if any(line.endswith(before) for line in built.lines[:-1]):
            break
    else:
        raise AssertionError(f"no column breaks the line after {before!r}")
    assert _words(_text_objects(built.path)) == _words(source_text(pieces))
