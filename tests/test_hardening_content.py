"""Pathological content: each case builds correctly or fails with a `LeafletError`,
within bounded time and memory.

Bounds are generous (the machine is shared); the figures measured on a 2-core
machine are in docs/hardening.md. The ~300-page leaflet takes about 30 s, so the
suite builds ~60 pages; set ``MSC_LEAFLET_SLOW=1`` for the full size, or run this file
as a script to print time and peak memory for every case:

    python tests/test_hardening_content.py
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import yaml
from reportlab.lib.pagesizes import A4

from conftest import leaflet_yaml
from i18n_support import copy_bundled, invoke, msgstr_line, set_msgstr
from msc_leaflet.build import build_leaflet
from msc_leaflet.content import yaml_source
from msc_leaflet.content.inline import parse_inline
from msc_leaflet.content.loader import load_leaflet
from msc_leaflet.errors import LeafletError
from msc_leaflet.i18n.pofile import parse_po
from msc_leaflet.project import Project
from msc_leaflet.typeset import TextParagraph, make_paragraph
from msc_leaflet.typeset.linebreak import fit_units
from msc_leaflet.typeset.units import Unit
from pdfread import page_texts
from typeset_support import body_style, mm, runs_for

THAI_MARKS = {chr(c) for c in [0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)]}
SLOW = bool(os.environ.get("MSC_LEAFLET_SLOW"))


def thai(yaml_text: str) -> str:
    return yaml_text.replace("language: en", "language: th", 1)


def build(root: Path, out: Path) -> tuple[Path, int]:
    project = Project.at(root)
    result = build_leaflet(project, "sample", None, out)
    return result.path, result.pages


def right_edges(pdf: Path) -> list[float]:
    """The right edge of the rightmost character on each page (points). pdfium, because
    pdfminer takes seconds over pages of Thai mark outlines."""
    document = pdfium.PdfDocument(pdf)
    edges = []
    for page in document:
        text = page.get_textpage()
        boxes = (text.get_charbox(i) for i in range(text.count_chars()))
        edges.append(max((right for _, _, right, _ in boxes), default=0.0))
    return edges


def all_text(pdf: Path) -> str:
    """Every page's text without whitespace (pdfium: fast on long runs of Thai)."""
    document = pdfium.PdfDocument(pdf)
    return "".join("".join(page.get_textpage().get_text_range().split()) for page in document)


# --- emergency line breaks --------------------------------------------------------------


def test_unbreakable_thai_run_is_cut_between_grapheme_clusters_only() -> None:
    text = "ข้อความ" + "กี้" * 1500 + "ทดสอบ"  # no dictionary word: one unbreakable unit
    paragraph = make_paragraph_of(text)
    width = 80 * mm
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert len(lines) > 10
    assert "".join(lines) == text  # nothing lost or added: no hyphen, no space
    for line in paragraph.lines_for(width):
        assert line.width <= width + 1e-6
    for before, after in pairwise(lines):
        assert after[0] not in THAI_MARKS, (before[-3:], after[:3])
        assert unicodedata.category(after[0]) not in ("Mn", "Mc", "Me")


def test_emergency_cut_keeps_a_leading_vowel_with_its_consonant() -> None:
    text = "เก" * 2000  # เ (a leading vowel) may not end a line when another cut exists
    paragraph = make_paragraph_of(text)
    paragraph.wrap(50 * mm, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text
    assert not any(line.endswith("เ") for line in lines)


@pytest.mark.parametrize(
    ("text", "lang", "syllables", "width"),
    [
        ("ဆေးခန်းအမောက်ဆီစလင်", "my", True, 30),  # was ဆေးခ|န်း: a killed consonant's syllable
        ("ရင်ဘတ်အောင့်ခြင်း", "my", True, 30),  # was ရင်ဘ|တ်
        ("គ្លីនិកមន្ទីរពេទ្យ", "km", True, 30),  # was ពេ|ទ្យ: a final cluster's subscript
        # โรงพยาบาล was cut โรงพย|าบาล at 3 em; now โรง|พยา|บาล fits, and ความ in 2 em
        # is the emergency: not คว|าม, า starts no line
        ("ปวดศีรษะความ", "th", False, 20),
    ],
)
def test_an_emergency_cut_keeps_the_line_rules_when_a_boundary_does(
    text: str, lang: str, syllables: bool, width: float
) -> None:
    # A unit wider than the line with no cut a reader accepts is cut anyway (reported
    # as LAYOUT004), but not inside a Burmese syllable nor before a Thai า when another
    # cluster boundary of the line keeps them (in Thai, ICU's dictionary already gave
    # every cut between syllables a chance: there only the line rules are left).
    from msc_leaflet.typeset.segmentation import allowed_break, keeps_syllable

    reported: list[str] = []
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.on_emergency_break = reported.append
    paragraph.wrap(width, 10_000)  # 2-3 em
    lines = paragraph.line_texts()
    assert "".join(lines) == text and reported  # a real emergency, still reported
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert allowed_break(text, at), f"{text[:at]}|{text[at:]}"
        assert keeps_syllable(text, at) or not syllables, f"{text[:at]}|{text[at:]}"


@pytest.mark.parametrize("width", range(12, 18))
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ຜູ້ປ່ວຍ", "lo"),  # was ປ່ວ|ຍ: its final alone on the next line
        ("ສາມາດປ່ວຍໄດ້", "lo"),
        ("សាស្ត្រាចារ្យ", "km"),  # was ចា|រ្យ
    ],
)
def test_a_syllable_a_little_wider_than_a_narrow_line_keeps_its_last_letter(
    text: str, lang: str, width: float
) -> None:
    # In a cell about 1.5 em wide a syllable one letter wider than the line was cut
    # before that letter, a final consonant starting the next line (ປ່ວ|ຍ, ចា|រ្យ).
    # That letter now runs past the line's end, at most 0.65 em, under the padding,
    # and the syllable stays whole; the word is still cut, and reported.
    from msc_leaflet.typeset.segmentation import keeps_syllable

    reported: list[str] = []
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.on_emergency_break = reported.append
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text and reported
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert keeps_syllable(text, at), f"{width} pt: {text[:at]}|{text[at:]}"
    assert all(line.width <= width + 6.5 + 1e-6 for line in paragraph.lines_for(width))


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("ウェブでチェックします", 29),
        ("スーパーバイザー", 19),
        ("スーパーバイザー", 29),
        ("フォローアップ", 19),
        ("フォローアップ", 29),
    ],
)
def test_a_kana_a_little_past_a_narrow_line_keeps_its_small_kana(text: str, width: float) -> None:
    # In a line a hair narrower than two or three characters (1.9 em, 2.9 em), a
    # small kana or ー that never starts a line could not go with the kana before it,
    # and the line after began with it: チェ|ック, ス|ー, フ|ォロ. The line now runs
    # past its end by the hair (at most 0.65 em) and keeps it: チェッ|ク. (Where the
    # kana and all that must go with it run further past, チェッ in 1.9 em, the cut is
    # still an emergency inside them.)
    from msc_leaflet.typeset.scripts import CJK_NO_LINE_START

    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "ja")
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text
    assert not [line for line in lines[1:] if line[0] in CJK_NO_LINE_START], lines
    assert all(line.width <= width + 6.5 + 1e-6 for line in paragraph.lines_for(width))


@pytest.mark.parametrize("width", range(40, 100, 6))
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Call +66 2 123 4567 or email us", "en"),
        ("โทร 02 123 4567 ได้ทุกวัน", "th"),
        ("Take 500 mg twice a day", "en"),
    ],
)
def test_an_emergency_cut_at_a_space_starts_no_line_with_it(
    text: str, lang: str, width: float
) -> None:
    # A number and the word after it are one unit ("4567 or", "500 mg"); wider than a
    # narrow cell, it was cut in an emergency before the space, and the next line
    # started with it: " or email", set one space in from the edge of the column.
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert not any(line.startswith(" ") for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("width", [14, 22, 30])
def test_an_emergency_cut_never_ends_a_line_on_a_virama(width: float) -> None:
    # A virama joins its consonant to the next one (स्ट्रो, a conjunct): cut after it, as
    # स्|ट्रो, a line ended on a dead half-letter and the next began with the rest.
    text = "स्ट्रोमलकोशिकास्थानपर"
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "hi")
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text
    assert not any(line.endswith("\u094d") for line in lines[:-1]), lines


@pytest.mark.parametrize("width", [22, 30])
def test_an_emergency_cut_keeps_a_khmer_final_cluster_with_its_vowel(width: float) -> None:
    # ពេទ្យ ("doctor") is one syllable, its subscript silent: cut as មន្ទីរពេ|ទ្យ it
    # printed a lone ទ្យ at the next line's start.
    text = "គ្លីនិកមន្ទីរពេទ្យ"
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "km")
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text and not any(line.startswith("ទ្យ") for line in lines), lines


@pytest.mark.parametrize(("text", "lang"), [("+66 2 000 0000", "en"), ("+66 2 000 0000", "ar")])
def test_a_phone_number_wider_than_its_line_is_cut_between_its_groups(text: str, lang: str) -> None:
    # A phone number stays on one line (segmentation.spaced_numbers); in a column
    # narrower than it the cut is an emergency, reported, between two digit groups
    # rather than inside one (00|0 reads as another number).
    reported: list[str] = []
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.on_emergency_break = reported.append
    paragraph.wrap(30, 10_000)
    lines = paragraph.line_texts()
    assert " ".join(lines) == text and reported and len(lines) > 1, lines  # cut at spaces


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Call 1669 at once.", "en"),
        ("Take 500 mg daily.", "en"),
        ("Gọi 1669 ngay.", "vi"),
        ("اتصل بالرقم 1669 فوراً.", "ar"),
        ("Call +66\u20092\u2009000\u20090000 now.", "en"),  # thin spaces
    ],
)
def test_a_number_and_its_word_wider_than_the_line_part_at_their_space(
    text: str, lang: str
) -> None:
    # A number keeps the word after it ("1669 at", "500 mg"); in a column narrower than
    # the two, they part at their space, which leaves both whole
    # (tests/test_typeset_whole_words.py). It fell between two letters: "1669 a|t
    # once", "500 m|g", "1669 ف|وراً" (the Arabic word's joining torn), and a phone
    # number grouped with thin spaces was cut inside a group ("+66 2 0|00").
    words = text.replace("\u2009", " ").split(" ")
    for width in range(28, 60):
        paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), lines
        for line in lines:
            assert set(line.replace("\u2009", " ").split()) <= set(words), (width, lines)


@pytest.mark.parametrize("ems", [1, 1.5, 2, 2.5])
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("胸の痛み。〔注〕息切れ、発熱。", "ja"),
        ("请立即就医。（注意）剂量，每日。", "zh_Hans"),
        ("薬剤〕。", "ja"),
    ],
)
def test_a_cjk_line_narrower_than_three_characters_starts_with_no_stop(
    text: str, lang: str, ems: float
) -> None:
    # In a cell one or two characters wide the stop after the last character that fits
    # hangs past the line's end (burasagari, JIS X 4051), and in an emergency a closing
    # bracket does too, rather than starting the next line: 。 or 〕 there reads as
    # the start of something new.
    from msc_leaflet.typeset.scripts import CJK_NO_LINE_START

    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.wrap(ems * 10, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text
    assert not [line for line in lines[1:] if line[0] in CJK_NO_LINE_START], lines


@pytest.mark.parametrize("ems", [1.5, 1.6, 1.7, 1.8, 1.9])
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("胸の痛み。〔注〕息切れ、発熱。", "ja"),
        ("请立即就医。（注意）剂量，每日。", "zh_Hans"),
        ("熱が出たら（すぐに）連絡", "ja"),
    ],
)
def test_a_cjk_line_two_characters_wide_ends_on_no_opening_bracket(
    text: str, lang: str, ems: float
) -> None:
    # A bracket starting a later line gives up the half em before its ink, so 〔注 fits
    # a line an em and a half wide; the cut measured the bracket on a whole em and left
    # it alone at a line's end, 〔|注〕 and （|注意）: an opening bracket never ends one.
    from msc_leaflet.typeset.scripts import CJK_NO_LINE_END

    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.wrap(ems * 10, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text
    assert not [line for line in lines[:-1] if line[-1] in CJK_NO_LINE_END], lines


@pytest.mark.parametrize("width", [11, 12, 13, 14])
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("စာမျက်နှာများ)", "my"),
        ("(ໜ້າ 2), ໜ້າ.", "lo"),
        ("像这样：每日。", "zh_Hans"),
        ("本当？はい！", "ja"),
    ],
)
def test_an_emergency_in_a_narrow_line_starts_no_line_with_closing_punctuation(
    text: str, lang: str, width: float
) -> None:
    # A syllable or character as wide as the line left no room for the ) , . ： or ！
    # after it, and the emergency cut started the next line with it (များ|), 样|：).
    # In an emergency it hangs past the line's end, as a CJK closing bracket does.
    from msc_leaflet.typeset.scripts import NO_LINE_START

    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not [line for line in lines[1:] if line[0] in NO_LINE_START], lines


#: Marks of Thai, Lao, Burmese and Khmer that close what comes before them (a repeat
#: mark, an abbreviation's, a stop): a line starting with one reads as a stray.
SOUTHEAST_ASIAN_MARKS = "ๆฯໆຯ၊။។៕៖ៗ"


@pytest.mark.parametrize("ems", [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6])
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ผู้ป่วยไปๆมาๆทุกๆวัน", "th"),
        ("ไปๆมาๆทุกๆวัน", "th"),
        ("ຜູ້ປ່ວຍໄປໆມາໆ", "lo"),
        ("ဆေးရုံ။ ကျွန်ုပ်တို့၊ ဆရာဝန်။", "my"),
        ("ពេទ្យ។ គ្រូពេទ្យ៕", "km"),
    ],
)
def test_a_narrow_line_starts_with_no_repeat_mark_or_stop(text: str, lang: str, ems: float) -> None:
    # In a column an em or so wide (a table cell, a label), no cut before ๆ, ໆ, ။ or ។
    # keeps the line rules, and the emergency cut fell before it: lines read ไป|ๆ|มา|ๆทุ.
    # The mark hangs past the line's end, as a CJK stop does.
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    paragraph.wrap(ems * 10, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not [line for line in lines[1:] if line[0] in SOUTHEAST_ASIAN_MARKS], lines


def test_fit_units_leaves_fitting_units_alone() -> None:
    paragraph = make_paragraph_of("short words that fit")
    units: list[Unit] = paragraph.units
    assert fit_units(units, 100 * mm) == units
    assert all(a is b for a, b in zip(fit_units(units, 100 * mm), units, strict=True))


def make_paragraph_of(text: str) -> TextParagraph:
    return make_paragraph(runs_for([(text, "")]), body_style(), "th")


@pytest.mark.parametrize(
    "kind, syllable",
    [
        ("thai", "ก้"),  # 2,500 × 2 = 5,000 characters, not one dictionary word
        ("latin", "ab"),
    ],
)
def test_a_5000_character_run_stays_inside_the_margin(
    make_project: Callable[..., Path], tmp_path: Path, kind: str, syllable: str
) -> None:
    text = syllable * 2500
    source = leaflet_yaml(f"- paragraph: Before {text} after.\n", references="")
    root = make_project({"sample": thai(source) if kind == "thai" else source})
    pdf, _ = build(root, tmp_path / "out")
    page_width = A4[0]
    assert all(edge <= page_width - 15 * mm for edge in right_edges(pdf)), right_edges(pdf)
    extracted = all_text(pdf)  # the run continues on page 2, after the page footer
    assert extracted.count(syllable) == 2500


def test_a_citation_is_no_number_the_next_word_must_stay_with(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """ "5 mg" stays on one line, "cells¹ move" may break after the citation: read as a
    number, 3,000 short cited sentences became one unbreakable run, cut by emergency
    breaks (LAYOUT004) until a part of it found no room for its footer."""
    text = "x [@alpha2001] " * 3000
    root = make_project({"sample": leaflet_yaml(f"- heading: Cited\n- paragraph: {text}\n")})
    result = build_leaflet(Project.at(root), "sample", None, tmp_path / "out")
    assert result.pages >= 3
    assert not [f for f in result.findings if "no break opportunity" in f.message]
    assert all_text(result.path).count("x1") == 3000


def test_a_run_that_must_be_cut_splits_across_pages_beside_its_citations(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """An unbreakable run citing as it goes ("a1 a1 a1¹a1…": digits keep the next word)
    is cut to fit and continues on the next pages, its footers where its citations
    are; the index of its citations was kept for the uncut run and gave a part's
    citation to the next one, which left no room for the footer it needed."""
    text = "a1 a1 a1 [@alpha2001]" * 1000
    root = make_project({"sample": leaflet_yaml(f"- heading: Cited\n- paragraph: {text}\n")})
    result = build_leaflet(Project.at(root), "sample", None, tmp_path / "out")
    assert result.pages >= 3
    assert all_text(result.path).count("a1") >= 3000


# --- many blocks, wide tables, huge images ---------------------------------------------


def test_a_200_item_list_builds(make_project: Callable[..., Path], tmp_path: Path) -> None:
    items = "".join(f"    - Item {n} with a few plain words.\n" for n in range(1, 201))
    root = make_project({"sample": leaflet_yaml("- list:\n" + items, references="")})
    pdf, pages = build(root, tmp_path / "out")
    text = " ".join(page_texts(pdf))
    assert all(f"Item {n} with" in text for n in (1, 100, 200))
    assert pages >= 4


def test_a_six_column_table_of_long_words_stays_on_the_page(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
    header = ", ".join(f"Column {n}" for n in range(1, 7))
    row = ", ".join([long_word] * 6)
    blocks = f"- table:\n    header: [{header}]\n    rows:\n      - [{row}]\n      - [{row}]\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    pdf, _ = build(root, tmp_path / "out")
    assert all(edge <= A4[0] - 15 * mm for edge in right_edges(pdf))


def test_a_seven_column_table_is_refused(make_project: Callable[..., Path]) -> None:
    header = ", ".join(f"C{n}" for n in range(7))
    blocks = f"- table:\n    header: [{header}]\n    rows:\n      - [{header}]\n"
    root = make_project({"sample": leaflet_yaml(blocks, references="")})
    project = Project.at(root)
    with pytest.raises(LeafletError, match="7 columns; at most 6"):
        load_leaflet(project.leaflet_path("sample"), project)


def png_header(width: int, height: int) -> bytes:
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data).to_bytes(4, "big")
        return len(data).to_bytes(4, "big") + kind + data + crc

    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_a_20000_px_image_is_refused_from_its_header(make_project: Callable[..., Path]) -> None:
    root = make_project({"sample": leaflet_yaml("- figure: big.png\n  alt: A picture.\n")})
    (root / "big.png").write_bytes(png_header(20_000, 20_000))
    project = Project.at(root)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(LeafletError, match="40 megapixels"):
        load_leaflet(project.leaflet_path("sample"), project)
    # Decoding would need 1.2 GB; the peak of this process must not move by 100 MB.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 100_000


# --- untrusted input in linear time ------------------------------------------------------


def test_deep_nesting_is_refused_without_crashing_the_process(tmp_path: Path) -> None:
    # libyaml's composer recursed once per level and segfaulted at ~100,000 levels.
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    code = (
        "import sys; from pathlib import Path\n"
        "from msc_leaflet.content.yaml_source import load_yaml\n"
        "from msc_leaflet.errors import LeafletError\n"
        "try:\n    load_yaml(Path(sys.argv[1]))\n"
        "except LeafletError as err:\n    print(err.message)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "nesting deeper than 40 levels"


class _RefusingLoader(yaml.SafeLoader):
    """Stands in for a libyaml that refuses nesting itself, in words of its own."""

    def check_event(self, *choices: Any) -> bool:
        raise yaml.scanner.ScannerError(problem="words that change between releases")


@pytest.mark.parametrize(
    "text",
    ["a: " + "[" * 60 + "]" * 60 + "\n", "a:\n" + "".join("  " * i + "- \n" for i in range(60))],
    ids=["flow", "block"],
)
def test_nesting_message_is_ours_whatever_libyaml_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    # PyYAML 6.0.4's libyaml refuses deep flow nesting itself, with its own wording and
    # position; the message must stay the project's, with the place of the 41st level.
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    for loader in (yaml_source._Loader, _RefusingLoader):
        monkeypatch.setattr(yaml_source, "_Loader", loader)
        yaml_source._parse_once.cache_clear()
        with pytest.raises(LeafletError) as caught:
            yaml_source.load_yaml(path)
        assert caught.value.message == "nesting deeper than 40 levels"
        assert caught.value.location.line == (1 if text.startswith("a: [") else 42)


def test_other_yaml_faults_keep_their_position_when_libyaml_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [1, 2\n")
    monkeypatch.setattr(yaml_source, "_Loader", _RefusingLoader)
    yaml_source._parse_once.cache_clear()
    with pytest.raises(LeafletError) as caught:
        yaml_source.load_yaml(path)
    assert "nesting" not in caught.value.message


@pytest.mark.parametrize(
    "text", ["[" * 200_000, "[" * 100_000 + "](https://example.org)", "[x](" * 50_000]
)
def test_inline_markup_of_pathological_shape_is_parsed(text: str) -> None:
    # Quadratic parsing took ~30 s for 20,000 "[": these sizes would not finish. The time
    # itself is measured by benchmarks/bench_hardening.py, never asserted here.
    parse_inline(text)


def test_po_continuation_lines_are_read_whole() -> None:
    # Appending line by line took ~10 s here (quadratic); the time is a benchmark's.
    text = 'msgid "a"\nmsgstr ""\n' + '"0123456789"\n' * 200_000
    catalog = parse_po(text)
    assert len(catalog.entries[0].msgstr) == 2_000_000


# --- a long leaflet ----------------------------------------------------------------------

PARAGRAPH = (
    "- paragraph: Paragraph {n} says something plain about cells and tests and reading "
    "labels with care. More words follow to make the paragraph long enough to wrap over "
    "several lines of the page in the body style.\n"
)


def measure_long_leaflet(root: Path, paragraphs: int) -> tuple[int, float, float]:
    """(pages, seconds, peak RSS in MB) of building ``paragraphs`` paragraphs, measured
    in a fresh process so the peak belongs to this build alone."""
    blocks = "".join(PARAGRAPH.format(n=n) for n in range(paragraphs))
    (root / "leaflets" / "sample.yaml").write_text(leaflet_yaml(blocks, references=""))
    code = (
        "import resource, sys, time\nfrom pathlib import Path\n"
        "from msc_leaflet.build import build_leaflet\nfrom msc_leaflet.project import Project\n"
        "root = Path(sys.argv[1]); start = time.perf_counter()\n"
        "result = build_leaflet(Project.at(root), 'sample', None, root / 'out')\n"
        # VmHWM, not ru_maxrss: Linux keeps in ru_maxrss the high-water mark of the
        # process before exec, a fork of pytest (400 MB by the end of the whole suite).
        "status = Path('/proc/self/status')\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "if status.exists():\n"
        "    hwm = next(l for l in status.open() if l.startswith('VmHWM'))\n"
        "    peak = int(hwm.split()[1]) / 1024\n"
        "print(result.pages, time.perf_counter() - start, peak)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr
    pages, seconds, peak = run.stdout.split()
    return int(pages), float(seconds), float(peak)


def test_a_60_page_leaflet_builds_in_bounded_memory(
    make_project: Callable[..., Path],
) -> None:
    # Time is measured by benchmarks/bench_hardening.py (docs/hardening.md), not asserted.
    pages, _, peak_mb = measure_long_leaflet(make_project({"sample": "x"}), 1200)
    assert pages >= 55
    assert peak_mb < 400  # measured: ~100 MB


@pytest.mark.skipif(not SLOW, reason="~30 s; set MSC_LEAFLET_SLOW=1 to run")
def test_a_300_page_leaflet_builds_in_bounded_memory(
    make_project: Callable[..., Path],
) -> None:
    pages, _, peak_mb = measure_long_leaflet(make_project({"sample": "x"}), 5800)
    assert pages >= 280
    assert peak_mb < 800  # measured: ~200 MB


if __name__ == "__main__":  # measurements for docs/hardening.md
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import ORGANISATION

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "leaflets").mkdir()
        (root / "organisations").mkdir()
        (root / "organisations" / "test-clinic.yaml").write_text(ORGANISATION)
        for count in (1200, 5800, 9350):  # ~60 pages, ~300 pages, near the 2 MB file limit
            pages, seconds, peak = measure_long_leaflet(root, count)
            size = (root / "leaflets" / "sample.yaml").stat().st_size
            print(f"{count} paragraphs ({size:,} bytes): {pages} pages, ", end="")
            print(f"{seconds:.1f} s, peak RSS {peak:.0f} MB")


def keyword_lines(keywords: list[str]) -> str:
    return "keywords:\n" + "".join(f"  - {k}\n" for k in keywords)


@pytest.mark.parametrize(
    ("keywords", "culprit"),
    [
        # 3,000 keywords: 73,888 characters of Info /Keywords, past PDF/A's 32,767 bytes.
        ([f"cell therapy topic {n}" for n in range(3000)], 346),
        # One Thai keyword of 9,000 characters: 18,000 bytes, past one language's half.
        (["ความปลอดภัย", "การให้" * 1500], 2),
    ],
)
def test_keywords_too_long_for_a_pdf_string_are_refused_where_typed(
    make_project: Callable[..., Path], tmp_path: Path, keywords: list[str], culprit: int
) -> None:
    """The file claimed PDF/A-2u with a /Keywords string past 32,767 bytes (the validator
    said 6.1.13-3) and the build exited 0. Each language may take half a string (a
    two-language edition joins both); `check` and the build refuse past it, at the
    keyword that goes over, with what to do, and no PDF is written."""
    text = leaflet_yaml("- paragraph: Some words.\n", extra=keyword_lines(keywords))
    root = make_project({"sample": text})
    line = text.splitlines().index(f"  - {keywords[culprit - 1]}") + 1
    code, said = invoke("check", "--project", str(root))
    assert code == 1 and "Traceback" not in said, said
    assert f"sample.yaml:{line}:5" in said and "keywords are too long for a PDF" in said
    assert f"remove 'keywords/{culprit}' and the keywords after it" in said
    code, said = invoke("build", "--project", str(root), "-o", str(tmp_path / "o"))
    assert code == 1 and f"sample.yaml:{line}:5" in said and "Traceback" not in said, said
    assert not list((tmp_path / "o").rglob("*.pdf"))
    fits = leaflet_yaml("- paragraph: Some words.\n", extra=keyword_lines(keywords[: culprit - 1]))
    code, said = invoke("check", "--project", str(make_project({"sample": fits})))
    assert "keywords are too long" not in said, said


def test_a_translators_keywords_too_long_for_a_pdf_string_name_the_po_entry(
    tmp_path: Path,
) -> None:
    """A Thai keyword is twice an English one's bytes: a translator's long keyword made
    a Thai PDF past the limit. The build refuses it at the msgstr, and writes nothing."""
    root = copy_bundled(tmp_path)
    catalog = root / "locales" / "th" / "LC_MESSAGES" / "infusion-safety.po"
    set_msgstr(catalog, "keywords/2", ("การให้ทางหลอดเลือดดำ " * 400).strip())
    out = tmp_path / "o"
    code, said = invoke("build", "infusion-safety", "-p", str(root), "-l", "th", "-o", str(out))
    assert code == 1 and "Traceback" not in said, said
    assert f"infusion-safety.po:{msgstr_line(catalog, 'keywords/2')}" in said, said
    assert "keywords are too long for a PDF" in said and "the msgstr of 'keywords/2'" in said
    assert not list(out.rglob("*.pdf"))
