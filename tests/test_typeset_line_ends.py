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

from msc_leaflet.typeset import paragraph as paragraph_module
from msc_leaflet.typeset.render import LINE_END_MARK, is_end_space, place_units
from scripts_samples import SAMPLES
from typeset_support import (
    EXTRACTORS,
    TA_JUSTIFY,
    TA_LEFT,
    THAI_PARAGRAPHS,
    BuiltDocument,
    build_document,
    mm,
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
