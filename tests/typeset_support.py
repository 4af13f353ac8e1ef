"""Shared material for the typeset tests: Thai sample prose, a PDF builder, extractors.

No tests live here, hence no ``test_`` prefix: pytest does not collect it, and the
``test_typeset_*`` modules import it (pytest puts ``tests/`` on ``sys.path``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset import paragraph as paragraph_module
from msc_leaflet.typeset.placed import Placed
from msc_leaflet.typeset.render import draw_placed, is_end_space

ROOT = Path(__file__).resolve().parents[1]
WORDS = ROOT / "locales" / "th" / "words.txt"
LINK = HexColor("#1a5fb4")

# Patient information about mesenchymal stromal cells, written for these tests.
# Each paragraph is a list of (text, style) pieces; style: "", "b" bold, "i" italic,
# "l" link, or "^n" a citation superscript citing reference n.
THAI_PARAGRAPHS: list[list[tuple[str, str]]] = [
    [
        (
            "เซลล์มีเซนไคมอลสโตรมัล (Mesenchymal stromal cells หรือ MSC) คือเซลล์ชนิดหนึ่งที่พบได้"
            "ในไขกระดูก เนื้อเยื่อไขมัน และสายสะดือ เซลล์เหล่านี้สามารถแบ่งตัวเพิ่มจำนวนได้ในห้องปฏิบัติการ"
            " และหลั่งสารหลายชนิด เช่น ไซโตไคน์และเอ็กโซโซม ซึ่งอาจช่วยลดการอักเสบ"
            "และช่วยให้เนื้อเยื่อซ่อมแซมตัวเองได้",
            "",
        ),
        ("1", "^1"),
        (" อย่างไรก็ตาม ประโยชน์ของการรักษาด้วยเซลล์ชนิดนี้", ""),
        ("ยังอยู่ระหว่างการศึกษาวิจัย", "b"),
        ("ในหลายโรค", ""),
    ],
    [
        (
            "ก่อนเข้าร่วมการรักษา แพทย์จะอธิบายขั้นตอน ประโยชน์ที่อาจได้รับ และความเสี่ยงที่อาจเกิดขึ้น"
            "ให้ท่านทราบอย่างละเอียด ท่านมีสิทธิ์ถามคำถามได้ทุกเมื่อ และมีสิทธิ์ปฏิเสธหรือถอนตัว"
            "จากการรักษาได้โดยไม่มีผลต่อการดูแลรักษาตามปกติที่ท่านจะได้รับ โปรดแจ้งแพทย์หากท่าน"
            "กำลังตั้งครรภ์ ให้นมบุตร หรือมีโรคประจำตัว เช่น โรคหัวใจ โรคไต หรือโรคมะเร็ง",
            "",
        ),
    ],
    [
        (
            "ในวันที่ได้รับเซลล์ พยาบาลจะวัดความดันโลหิต ชีพจร และอุณหภูมิร่างกายของท่านก่อน "
            "จากนั้นแพทย์จะให้เซลล์ทางหลอดเลือดดำอย่างช้า ๆ ใช้เวลาประมาณ 30–60 นาที "
            "ระหว่างนี้ผู้ป่วยส่วนใหญ่รู้สึกปกติ บางรายอาจมีไข้ต่ำ ๆ ปวดศีรษะ หรือรู้สึกหนาวสั่นเล็กน้อย "
            "อาการเหล่านี้มักหายไปเองภายในหนึ่งถึงสองวัน",
            "",
        ),
    ],
    [
        (
            "หลังการรักษา ท่านควรดื่มน้ำมาก ๆ พักผ่อนให้เพียงพอ และสังเกตอาการของตนเอง "
            "หากมีไข้สูงกว่า 38 องศาเซลเซียส หายใจลำบาก เจ็บหน้าอก มีผื่นขึ้นทั่วตัว "
            "หรือบริเวณที่ให้เซลล์บวมแดง ให้ติดต่อโรงพยาบาล",
            "",
        ),
        ("ทันที", "b"),
        ("ที่หมายเลข ", ""),
        ("02-123-4567", "l"),
        (" ได้ตลอด 24 ชั่วโมง", ""),
    ],
    [
        ("หากมีอาการปวดหรือมีไข้ ท่านสามารถรับประทานยาพาราเซตามอลได้ตามขนาดที่ระบุบนฉลาก แต่", ""),
        ("ไม่ควร", "i"),
        (
            "รับประทานยาไอบูโพรเฟนหรือยาแก้ปวดกลุ่มเอ็นเสดอื่น ๆ โดยไม่ปรึกษาแพทย์ก่อน "
            "เพราะยาบางชนิดอาจมีผลต่อการทำงานของเซลล์ที่ได้รับ",
            "",
        ),
        ("2", "^2"),
    ],
    [
        (
            "นักวิจัยจะนัดท่านมาตรวจติดตามผลที่ 1 เดือน 3 เดือน และ 6 เดือนหลังการรักษา "
            "การตรวจประกอบด้วยการซักประวัติ การตรวจร่างกาย และการเจาะเลือด ข้อมูลของท่านจะถูกเก็บ"
            "เป็นความลับ และจะใช้เฉพาะเพื่อการศึกษาวิจัยนี้เท่านั้น ผลการศึกษาอาจตีพิมพ์ในวารสาร"
            "ทางการแพทย์โดยไม่เปิดเผยชื่อของท่าน",
            "",
        ),
    ],
    [
        (
            "คำถามที่พบบ่อย: “เซลล์มีเซนไคมอลเหมือนกับเซลล์ต้นกำเนิดชนิดอื่นหรือไม่” "
            "คำตอบคือ ไม่เหมือนกันทั้งหมด เซลล์มีเซนไคม์เป็นเซลล์ต้นกำเนิดที่มาจากเนื้อเยื่อของผู้ใหญ่ "
            "ไม่ใช่เซลล์ต้นกำเนิดจากตัวอ่อน และไม่สามารถเปลี่ยนเป็นเซลล์ได้ทุกชนิด "
            "ผู้ป่วยที่สนใจควรสอบถามแพทย์ผู้ดูแลถึงน้ำหนักของหลักฐานในโรคของตน",
            "",
        ),
        ("3", "^3"),
    ],
]


def runs_for(pieces: Sequence[tuple[str, str]], size: float = 11) -> list[Run]:
    family = default_family()
    runs = []
    for text, kind in pieces:
        colour: Color = LINK if kind == "l" else black
        font = family.face(bold=kind == "b", italic=kind == "i")
        if kind.startswith("^"):
            runs.append(Run(text, font, size, colour, superscript=True, cites=(int(kind[1:]),)))
        else:
            runs.append(Run(text, font, size, colour, link="tel:021234567" if kind == "l" else ""))
    return runs


def source_text(pieces: Sequence[tuple[str, str]]) -> str:
    return "".join(text for text, _ in pieces)


def body_style(alignment: int = TA_LEFT, size: float = 11) -> ParagraphStyle:
    return ParagraphStyle(
        "body",
        fontName=default_family().regular,
        fontSize=size,
        leading=size * 1.6,
        alignment=alignment,
        spaceAfter=6,
    )


@dataclass
class BuiltDocument:
    path: Path
    lines: list[str]  # the text of every drawn line, in drawing order
    pages: int


def build_document(
    path: Path,
    paragraphs: Sequence[Sequence[tuple[str, str]]],
    *,
    alignment: int = TA_LEFT,
    column: float | None = None,
    repeat: int = 1,
    lang: str = "th",
    monkeypatch: pytest.MonkeyPatch,
) -> BuiltDocument:
    """A PDF of ``paragraphs`` (repeated) at full A4 width or in a ``column`` (points)."""
    lines: list[str] = []
    original = draw_placed  # the function paragraph_module imported

    def recording(canvas: object, y: float, placed: list[Placed], layer: float = 0.0) -> None:
        # What the line shows: not the space it ends in, which only its text layer holds.
        lines.append("".join(p.cluster.text for p in placed if not is_end_space(p)))
        original(canvas, y, placed, layer)

    monkeypatch.setattr(paragraph_module, "draw_placed", recording)
    margin = 20 * mm
    right = A4[0] - margin - column if column else margin
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=right,
        topMargin=margin,
        bottomMargin=margin,
    )
    style = body_style(alignment)
    story = [
        make_paragraph(runs_for(p), style, lang, words=WORDS)
        for _ in range(repeat)
        for p in paragraphs
    ]
    doc.build(story)
    return BuiltDocument(path, lines, doc.page)


def split_lines(text: str) -> list[str]:
    """Extractor output as lines: line ends normalised, trailing space and blank lines dropped."""
    text = text.replace("\r\n", "\n").replace("\x0c", "\n")  # form feed: a page end
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def extract_pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def extract_pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(path))


def extract_pdfium(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def extract_poppler(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": extract_poppler,
    "pypdf": extract_pypdf,
    "pdfminer": extract_pdfminer,
    "pypdfium2": extract_pdfium,
}


def rejoin(lines: Sequence[str], paragraphs: Sequence[str]) -> list[tuple[int, list[int]]]:
    """Map drawn lines back onto the source paragraphs.

    Returns, per paragraph, its index and the source offsets where its lines break.
    Fails if the lines are not exactly the paragraph text cut at those offsets, with
    only the author's spaces at a break left out (never a space added).
    """
    out = []
    i = 0
    for number, text in enumerate(paragraphs):
        position = 0
        breaks = []
        while position < len(text):
            line = lines[i]
            assert text.startswith(line, position), (number, position, line, text[position:])
            position += len(line)
            i += 1
            while position < len(text) and text[position] == " ":
                position += 1  # the space the line broke at: not drawn
            if position < len(text):
                breaks.append(position)
        out.append((number, breaks))
    assert i == len(lines)
    return out


__all__ = ["TA_JUSTIFY", "TA_LEFT", "mm"]


#: Format characters the text layer adds to right-to-left text, and those pdftotext
#: adds around what it reorders (embeddings and their end).
BIDI_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e]+")


def marks_inside_words(text: str) -> list[str]:
    """Each place in ``text`` where a bidi mark sits between two letters of a word: a
    search for that word (a viewer's find bar, an index) would not find it there."""

    def letter(char: str) -> bool:
        return unicodedata.category(char)[0] in "LM"

    return [
        text[max(0, found.start() - 6) : found.end() + 6]
        for found in BIDI_MARKS.finditer(text)
        if found.start() > 0
        and found.end() < len(text)
        and letter(text[found.start() - 1])
        and letter(text[found.end()])
    ]
