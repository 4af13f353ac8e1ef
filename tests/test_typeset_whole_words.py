"""A word that fits a line by itself is never cut (`typeset/whole_words.py`).

A number keeps the word after it ("๒๕๔๙ บทความ", "500 mg"), so the two are one piece
for the line breaker; in a column too narrow for both, the piece was cut at the last
place that fitted, inside the word: "๒๕๔๙ บท|ความ" in a 64 pt column, though บทความ
("article") alone fits it easily, "2006 re-|searchers", "500 mi|ligam", "2006 ບົດ|ຄວາມ".
A reader sees two words, or a word torn in half. The word now starts the next line
whole; only a word wider than the whole line is cut.

The samples mark the words a reader sees with "|" where no space parts them, and a
citation with "{n}" (set as a superscript, as the layout sets ``[@key]``). Each is set
at every width from 16 to 160 pt, in two sizes, and no line may end inside a word
that fits the line alone; nor may a line start with a citation, and no cut is
reported (LAYOUT004) while every word fits. Every Thai, Lao, Khmer and Burmese
paragraph the project ships is set at 30 to 420 pt the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.lib.colors import black

from msc_leaflet.typeset import Run, default_family, make_paragraph
from msc_leaflet.typeset.paragraph import TextParagraph
from msc_leaflet.typeset.segmentation import (
    EMPTY_WORD_LIST,
    icu_breaks,
    line_breaks,
    load_word_list,
)
from test_typeset_segmentation import (
    DICTIONARY_LANGS,
    NARROW_WIDTHS,
    ROOT,
    SWEEP_WIDTHS,
    _set_width,
    shipped_paragraphs,
)
from test_typeset_segmentation import _line_starts as sweep_line_starts
from typeset_support import EXTRACTORS, WORDS, body_style, build_document, runs_for, split_lines

#: (marked text, language). Each puts a number (or a citation, a bracket or a footnote
#: mark after one) right before a word that is narrower than some of the widths.
SAMPLES = [
    # Thai: a Buddhist-era year in Thai digits, then บทความ "article" (the defect)
    ("ใน|ปี ๒๕๔๙ บทความ|ทบทวน|นี้", "th"),
    ("ใน|ปี ๒๕๔๙{1} บทความ|ทบทวน", "th"),
    ("ใน|ปี ๒๕๔๙  บทความ|ทบทวน", "th"),  # a citation's place once its marker is read
    ("ใน|ปี ๒๕๔๙ บทความ{1}|ทบทวน|นี้", "th"),  # a citation after the word, no space
    ("ตีพิมพ์|ปี 2561 บทความ|นี้", "th"),
    ("ใน|ปี [๒๕๔๙] บทความ|ทบทวน", "th"),
    ("ใน|ปี ๒๕๔๙* บทความ|ทบทวน", "th"),
    ("ผล|การศึกษา (๒๕๔๙) บทความ|ทบทวน", "th"),  # การศึกษา: a listed noun
    ("ใน|ปี|๒๕๔๙|บทความ|ทบทวน", "th"),  # no space: still three words
    ("ยา 500 มิลลิกรัม วัน|ละ|ครั้ง", "th"),  # 500 milligrams once a day
    ("มี 3 โรงพยาบาล", "th"),  # "3 hospitals": a listed word (data/words-th.txt)
    ("ผู้ป่วย 2 คน|ที่|เป็น|ผู้เชี่ยวชาญ", "th"),  # bound prefix ผู้: no word of its own
    # Lao: "in the year 2006 this article", "take the medicine 2 weeks", "3 hospitals"
    ("ໃນ|ປີ 2006 ບົດຄວາມ ນີ້", "lo"),
    ("ໃຫ້|ກິນ|ຢາ 2 ອາທິດ ແລ້ວ", "lo"),
    ("ມີ 3 ໂຮງໝໍ", "lo"),
    ("ໃນ|ປີ|2006|ບົດຄວາມ|ນີ້", "lo"),
    # Khmer: "a period of 3 weeks", "at 2 hospitals"
    ("រយៈពេល ៣ សប្តាហ៍", "km"),
    ("នៅ ២ មន្ទីរពេទ្យ", "km"),
    # Burmese: "2006 article", "3 hospitals"
    ("၂၀၀၆ ဆောင်းပါး", "my"),
    ("၃ ဆေးရုံ", "my"),
    # Latin: English words the hyphenation patterns would cut (re-searchers, milli-grams)
    ("Since 2006 researchers agree.", "en"),
    ("Since 2006{1} researchers agree.", "en"),
    ("Since 2006 researchers{1} agree.", "en"),
    ("Since (2006) researchers agree.", "en"),
    ("Take 500 milligrams daily.", "en"),
    ("Call 1669 at once.", "en"),
    ("At 120 breaths/min, call.", "en"),  # a unit with a slash: never "/min" alone
    ("Take 5 mg/kg daily.", "en"),
    ("นัด|วัน|ที่ 6 ธันวาคม 2570", "th"),  # a date: ธันวาคม "December" was cut ธันวา|คม
    # Vietnamese: "in 2006 research", "take 500 milligrams a day", "call 1669 now"
    ("Năm 2006 nghiên cứu", "vi"),
    ("Uống 500 miligam mỗi ngày", "vi"),
    ("Gọi 1669 ngay.", "vi"),
]
WIDTHS = range(16, 161, 3)
SIZES = (9.5, 11.0)
CITATION = re.compile(r"\{(\d+)\}")


def pieces(marked: str) -> list[tuple[str, str]]:
    """``marked`` as `runs_for` pieces: its text, each ``{n}`` a superscript citing n."""
    found: list[tuple[str, str]] = []
    for k, part in enumerate(CITATION.split(marked.replace("|", ""))):
        if part:
            found.append((part, f"^{part}" if k % 2 else ""))
    return found


def source(marked: str) -> str:
    return "".join(text for text, _ in pieces(marked))


def citations(marked: str) -> list[int]:
    """Where in `source` each citation of ``marked`` starts."""
    starts, at = [], 0
    for text, kind in pieces(marked):
        if kind:
            starts.append(at)
        at += len(text)
    return starts


def words(marked: str) -> Iterator[tuple[int, int, list[tuple[str, str]]]]:
    """(start, end) in `source` of each marked word, with its pieces: a citation
    belongs to the word it follows."""
    at = 0
    for chunk in marked.split(" "):
        for word in chunk.split("|"):
            if word:
                text = source(word)
                yield at, at + len(text), pieces(word)
                at += len(text)
        at += 1  # the space


def paragraph(parts: list[tuple[str, str]], lang: str, size: float) -> TextParagraph:
    words_file = WORDS if lang == "th" else None
    return make_paragraph(runs_for(parts, size), body_style(size=size), lang, words=words_file)


def set_alone(parts: list[tuple[str, str]], lang: str, size: float) -> float:
    return sum(unit.width for unit in paragraph(parts, lang, size).units)


def line_starts(text: str, lines: list[str]) -> list[int]:
    """Where each line after the first starts in ``text`` (past the spaces it broke at)."""
    starts, at = [], 0
    for number, line in enumerate(lines):
        while not text.startswith(line, at) and text[at] == " ":
            at += 1
        assert text.startswith(line, at), (text[at:], lines)
        if number:
            starts.append(at)
        at += len(line)
    assert text[at:].strip() == "", lines  # nothing lost
    return starts


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("marked", "lang"), SAMPLES)
def test_a_word_that_fits_a_line_alone_is_never_cut(marked: str, lang: str, size: float) -> None:
    text = source(marked)
    spans = [(start, end, set_alone(parts, lang, size)) for start, end, parts in words(marked)]
    cited = citations(marked)
    wrong = []
    for width in WIDTHS:
        reported: list[str] = []
        set_ = paragraph(pieces(marked), lang, size)
        set_.on_emergency_break = reported.append
        set_.wrap(width, 10_000)
        lines = set_.line_texts()
        starts = line_starts(text, lines)
        for start, end, alone in spans:
            if alone <= width and any(start < at < end for at in starts):
                wrong.append(f"{width} pt: {text[start:end]} cut: {lines}")
        if any(at in cited for at in starts):
            wrong.append(f"{width} pt: a line starts with a citation: {lines}")
        if reported and all(alone <= width for _, _, alone in spans):
            wrong.append(f"{width} pt: {reported} reported, every word fits: {lines}")
    assert not wrong, "\n".join(wrong)


def test_the_thai_year_s_word_reads_whole_in_a_64_pt_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The defect as a reader met it: "๒๕๔๙ บทความ" in a 64 pt column printed
    "๒๕๔๙ บท" and "ความ…" on the next line. Every extractor reads the line that holds
    บทความ whole, and the text as written."""
    paragraphs = [
        [("เกณฑ์นี้กำหนดขึ้นในปี ๒๕๔๙ บทความทบทวนจากปี 2018 อธิบายสิ่งที่ยังไม่ทราบ", "")],
        [("ตีพิมพ์ในปี ๒๕๖๑ บทความนี้", "")],
    ]
    built = build_document(tmp_path / "column.pdf", paragraphs, column=64, monkeypatch=monkeypatch)
    assert "บทความ" in built.lines and "บทความนี้" in built.lines, built.lines
    for name, extract in EXTRACTORS.items():
        lines = split_lines(extract(built.path))
        held = [line for line in lines if "บทความ" in line]
        assert len(held) == 2, (name, lines)
        read = "".join(lines).replace(" ", "")
        written = "".join(text for p in paragraphs for text, _ in p).replace(" ", "")
        assert read == written, (name, lines)


@pytest.mark.parametrize("lang", DICTIONARY_LANGS)
def test_no_shipped_paragraph_is_cut_inside_a_word_that_fits_its_line(lang: str) -> None:
    """Every Thai, Lao, Khmer and Burmese paragraph the project ships, at every width
    from 30 to 420 pt: a line that ends inside a piece (where neither ICU nor the rules
    break its sentence) ends inside a word of that piece, read alone, that is wider
    than the line.
    The piece's words are its runs between spaces, parted at its own line breaks (ICU's
    and the word lists'): "๒๕๔๙ บทความ" is two, and ended "๒๕๔๙ บท" at 64 pt."""
    listed = load_word_list(ROOT / "locales" / lang / "words.txt") if lang == "th" else None
    wrong: set[str] = set()
    for text in shipped_paragraphs(lang):
        breaks = line_breaks(text, lang, listed or EMPTY_WORD_LIST)
        allowed = set(breaks) | set(icu_breaks(text, lang))  # ICU's: มี|คน, ผล|ดี
        pieces_at = [0, *breaks, len(text)]
        set_ = make_paragraph(
            [Run(text, default_family().regular, 10, black)], body_style(10), lang, words=listed
        )
        for width in (*NARROW_WIDTHS, *SWEEP_WIDTHS):
            set_.on_emergency_break = None
            set_.wrap(width, 100_000)
            for at in sweep_line_starts(text, set_.line_texts()):
                if at in allowed:
                    continue
                start = max(b for b in pieces_at if b < at)
                end = min(b for b in pieces_at if b > at)
                piece = text[start:end]
                inner = {0, len(piece), *line_breaks(piece, lang, listed or EMPTY_WORD_LIST)}
                inner |= {k for k in range(1, len(piece)) if piece[k - 1] == " " != piece[k]}
                first = max(k for k in inner if k <= at - start) + start
                last = min(k for k in inner if k > at - start) + start
                word = text[first:last].strip()
                if first < at and _set_width(word, lang, listed or EMPTY_WORD_LIST) <= width:
                    wrong.add(f"{width} pt: {text[first:at]}|{text[at:last]} ({word} fits)")
    assert not wrong, "\n".join(sorted(wrong))


#: Sentences of the bundled Thai catalogs with a noun of ความ or การ that ICU parts
#: after its prefix (risk, meaning, consent, trial, study, knowledge), each marked.
COMPOUND_SENTENCES = [
    ("คลินิกที่ระมัดระวังจะลดความเสี่ยงนี้", "ความเสี่ยง"),
    ("วิทยาศาสตร์ในปัจจุบันสนับสนุนความหมายแรก", "ความหมาย"),
    ("และได้รับแบบฟอร์มแสดงความยินยอมให้ลงนาม", "ความยินยอม"),
    ("การรักษานี้เป็นส่วนหนึ่งของการทดลองทางคลินิก", "การทดลอง"),
    ("ใครเป็นผู้ออกเงินทุนสำหรับการศึกษานี้", "การศึกษา"),
    ("ผู้ป่วยควรมีความรู้เรื่องเซลล์", "ความรู้"),
]


@pytest.mark.parametrize(("text", "noun"), COMPOUND_SENTENCES)
def test_a_noun_of_kwam_or_kan_is_not_parted_after_its_prefix(text: str, noun: str) -> None:
    """ความเสี่ยง ("risk") ended a line "ลดความ" above "เสี่ยงนี้" in the bundled
    leaflets, ความหมาย "ความ" above "หมาย" ("the state of" / "mean"): wherever the line
    holds the noun, no line ends inside it."""
    need = set_alone([(noun, "")], "th", 10)
    start = text.index(noun)
    for width in range(int(need) + 1, 200, 3):
        set_ = paragraph([(text, "")], "th", 10)
        set_.wrap(width, 10_000)
        starts = line_starts(text, set_.line_texts())
        assert not [at for at in starts if start < at < start + len(noun)], (width, starts)
