"""The two rules `line_breaks` adds for printed lines (#21, items 2 and 3), tested directly.

* `keeps_number`: a number stays with the unit or word after it, a range with its ends.
* `keeps_syllable`: a break between two Thai characters falls between syllables
  (TCC plus the rules in ``typeset/syllables.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from msc_leaflet.content.inline import parse_inline
from msc_leaflet.i18n import catalog_locales, format_date
from msc_leaflet.i18n.localizer import ui_labels
from msc_leaflet.languages import profile
from msc_leaflet.project import Project
from msc_leaflet.typeset import linebreak, make_paragraph, orthographic, segmentation
from msc_leaflet.typeset.kept_groups import kept_groups
from msc_leaflet.typeset.segmentation import (
    WordList,
    keeps_number,
    keeps_syllable,
    line_breaks,
    load_word_list,
)
from typeset_support import body_style, runs_for


def cut(text: str, mark: str = "|") -> tuple[str, int]:
    """``"8 |hours"`` → ("8 hours", 2)."""
    return text.replace(mark, ""), text.index(mark)


@pytest.mark.parametrize(
    "marked",
    ["8 |hours", "8 |ชั่วโมง", "500 |mg", "500|mg", "8–|12 ชั่วโมง", "3422-|3431", "37 |°C", "5 |%"],
)
def test_a_number_keeps_its_unit_and_a_range_its_ends(marked: str) -> None:
    assert not keeps_number(*cut(marked))


@pytest.mark.parametrize("marked", ["take |500 mg", "hours |8", "ใช้เวลา |8–12 ชั่วโมง", "(|500 mg)"])
def test_other_breaks_near_numbers_stay(marked: str) -> None:
    assert keeps_number(*cut(marked))


def test_line_breaks_never_part_a_number_from_its_unit() -> None:
    text = "ใช้เวลา 8–12 ชั่วโมง และยาเมตฟอร์มิน 500 mg ทุกวัน"
    breaks = line_breaks(text, "th")
    for marked in ("ใช้เวลา 8–|12", "ใช้เวลา 8–12 |ชั่วโมง", "500 |mg"):
        assert cut(text[: len(marked) - 1] + "|" + text[len(marked) - 1 :])[1] not in breaks
    assert text.index("8–12") in breaks  # before the number is still a break


@pytest.mark.parametrize(
    "marked",
    [
        "อาหา|ร",  # a final consonant with its syllable (#21: งด อาหา|ร)
        "ชั่วโม|ง",  # 8 ชั่วโม|ง
        "จำเป็|น",  # จำเป็|น
        "ยาเมตฟอร์มิ|น",  # a loanword ICU splits inside a syllable
        "แอ|ลดีแอล",  # LDL spelt out
        "ต้องเตรี|ยมตัว",
        "ตั|ว",  # -ั- always takes a final
        "ค|รีเอตินีน",  # a consonant cluster
        "ต้|อง",  # อ after a consonant is the vowel -อ
        "ชั|่วโมง",  # inside a cluster: tone mark parted from its base
        "ที่นี่ค|วร",  # ว between bare consonants is the vowel -ัว of ค (ควร "should")
        "ที่ป|วด",  # ปวด "pain"
        # Inside a word, a bare consonant after an open syllable that makes a cluster
        # with the next is a final (ภาค|รัฐ) or a cluster's first (มี|ความ): the rules
        # cannot tell, so neither is a place a reader is sure of.
        "ที่มีค|วาม",
        "ที่ต|รวจ",
        "ดูก|รอง",
        "มิลลิก|รัม",
        "ภาค|รัฐ",
        "ภา|ครัฐ",
        # ห, ฉ, ผ, ฝ, ฮ close no syllable: a bare one starts the next
        "มีห|มอ",
        "มีผ|ลต่อ",
        # A final written with a silent second consonant (สามารถ, บัตร, จักร)
        "สามาร|ถรับ",
        "บัต|รประชาชน",
        "จัก|รยาน",
        # อ leading ย, a cluster after its leading vowel, ฤ after its consonant, a
        # consonant under a tone mark and its final, a final after -อ, a final ย or ว
        *("ได้ผลอ|ย่าง", "ใหม|่", "ให|ม่", "ตำแห|น่ง", "อังก|ฤษ", "ค้|นหา", "ภาษาต้|นฉบับ"),
        *("ภาวะเลือ|ดออก", "ปล่อ|ยออกมา", "หมายค|วาม", "แล้วก|ลับ", "ได้ก|ลับ", "ส่|วน"),
    ],
)
def test_no_thai_break_inside_a_syllable(marked: str) -> None:
    assert not keeps_syllable(*cut(marked))


@pytest.mark.parametrize(
    "marked",
    # Not "งด|อาหาร": rule 4 keeps two bare consonants before a consonant together, and
    # refuses this real boundary too (a lost opportunity, never a misprint).
    [
        *("อา|หาร", "ชั่ว|โมง", "จำ|เป็น", "ยาเมต|ฟอร์มิน", "แอล|ดีแอล", "ครี|เอตินีน", "ฐิติ|รัตน์"),
        # A syllable whose vowel is -อ or -ัว written bare, between two bare consonants
        # (ของ, ควร, ปวด): a break on either side of it falls between syllables.
        *("ญาติ|ของ", "ของ|ผู้ป่วย", "ดู|ของ", "ที่นี่|ควร", "ควร|ดื่ม", "ที่|ปวด", "ปวด|ศีรษะ"),
    ],
)
def test_thai_breaks_between_syllables_stay(marked: str) -> None:
    assert keeps_syllable(*cut(marked))


@pytest.mark.parametrize(
    "marked",
    # ICU's dictionary knows these words: its boundary settles what the spelling cannot
    # (a final, ภาค|รัฐ, or the first of a cluster, มี|ความ).
    [
        *("มี|ความ", "ที่|ตรวจ", "ดู|กรอง", "ภาค|รัฐ", "รูป|ร่าง", "ที่|ปรึกษา"),
        *("ดูแล|ครอบครัว", "ขวา|มือ"),
        # and a final written with a silent second consonant from a new syllable
        *("สามารถ|รับ", "บัตร|ประชาชน", "บุตร|หลาน", "ภาค|ประชาชน"),
        *("ได้|อย่าง", "ได้ผล|อย่าง", "แจ้ง|พยาบาล", "ส่วน|การ", "หมาย|ความ", "ค้น|หา"),
    ],
)
def test_a_dictionary_boundary_settles_a_thai_spelling_read_two_ways(marked: str) -> None:
    assert keeps_syllable(*cut(marked), dictionary=True)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("ผู้ป่วยที่มีความเสี่ยงสูง", "ความ"),
        ("ผู้ป่วยที่ตรวจเลือดแล้ว", "ตรวจ"),
        ("ควรไปที่ปรึกษาแพทย์", "ปรึกษา"),
        ("ช่วยกันดูแลครอบครัว", "ครอบครัว"),
        ("ผู้ป่วยมีหมอประจำตัว", "หมอ"),  # ห closes no syllable: มี|หมอ
        # a closed syllable's ง is no cluster's (โรงพยาบาล, the first case, is listed)
        ("ผู้ป่วยต้องพบแพทย์", "พบ"),
        ("ผู้ป่วยต้องพยายามพักผ่อน", "พยายาม"),
        ("ผู้ป่วยสามารถรับประทานอาหาร", "รับ"),  # สามารถ ends in a silent ถ
        ("กรุณานำบัตรประชาชนมาด้วย", "ประชาชน"),  # บัตร ends in a silent ร
    ],
)
def test_a_line_may_break_before_a_thai_word_that_starts_with_a_cluster(
    text: str, word: str
) -> None:
    # ICU's breaks before ความ, ตรวจ, ปรึกษา were refused: the rules read the first
    # consonant as the final of the open syllable before (มีค, ที่ต), the words merged
    # into units wider than a narrow column, and the column cut them inside a syllable.
    assert text.index(word) in line_breaks(text, "th")


def test_breaks_outside_thai_are_not_judged_as_syllables() -> None:
    assert keeps_syllable(*cut("Fasting |งดอาหาร"))
    assert keeps_syllable(*cut("LDL|แอลดีแอล"))


# Numbers in Japanese and Chinese text: full-width digits are ideographs to ICU (UAX #14
# class ID), so it offers a break between any two of them; the range marks 〜 ～ and
# the unit symbols ℃ ％ are no letters, so a number lost them at a line end. A dose
# printed "１" at a line's end and "０ｍｌ" at the next line's start reads as two numbers.
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("約[１０ｍｌ]（小さじ[２]杯）", "ja"),  # 約１|０ｍｌ, １０ｍ|ｌ
        ("体温が[３７.５℃]以上", "ja"),  # ３７.|５℃, ３|７
        ("共[１２３]页：[１０.５ｍｌ]", "zh_Hans"),  # １|２３, １０.|５ (第 keeps its number)
        ("[１,０００]人", "ja"),  # １,|０００
        ("[３〜５]日間", "ja"),  # ３〜|５
        ("持续[3～5]天", "zh_Hans"),  # 3～|5
        ("[１０～２０％]の変化", "ja"),  # １０～|２０, １０|～２０
        ("持续[3—5]天", "zh_Hans"),  # a range with a dash (GB/T 15834)
        ("体温超过[38.5 ℃]时", "zh_Hans"),  # 38.5 |℃, as GB 3100 spaces a unit
        ("约[５０ ％]的患者", "zh_Hans"),  # ５０ |％
        # a full-width comma or colon between digits is the number's, as "," and ":"
        ("約[１，０００]人が参加しました", "ja"),  # １，|０００人: "1" and "000 people"
        ("约有[1，000]人参加", "zh_Hans"),
        ("受付は[１２：３０]からです", "ja"),  # １２：|３０から
    ],
)
def test_a_number_in_cjk_text_is_never_split_nor_parted_from_its_unit(
    marked: str, lang: str
) -> None:
    text = marked.replace("[", "").replace("]", "")
    breaks = line_breaks(text, lang)
    for match in re.finditer(r"\[([^]]*)\]", marked):
        start = len(marked[: match.start()].replace("[", "").replace("]", ""))
        inside = [at for at in breaks if start < at < start + len(match.group(1))]
        assert inside == [], [f"{text[:at]}|{text[at:]}" for at in inside]
        assert start == 0 or start in breaks  # before the number a line may still break


# Full-width Latin letters and the marks that join them are one word, identifier or
# address, as their ASCII forms are: ICU takes them for ideographs and broke Ｑ|＆|Ａ,
# and ＣＯＶＩＤ|－|１９ started a line with "minus nineteen".
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("よくある質問[（Ｑ＆Ａ）]です", "ja"),
        ("[ＣＯＶＩＤ－１９]の検査を受けてください", "ja"),
        ("[ＩＬ－６]の値", "ja"),
        ("体重１ｋｇあたり[１０ｍｇ／ｋｇ]です", "ja"),
        ("[ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｏｒｇ]まで", "ja"),
        ("请检测[ＣＯＶＩＤ－１９]。", "zh_Hans"),
    ],
)
def test_full_width_latin_words_are_never_split(marked: str, lang: str) -> None:
    inside, before = unbroken(marked, lang)
    assert inside == [] and before


@pytest.mark.parametrize("marked", ["ＭＳＣ，|ＨＳＣ和ＮＫ细胞", "ＭＳＣ：|间充质基质细胞"])
def test_a_full_width_comma_or_colon_between_words_is_still_chinese_punctuation(
    marked: str,
) -> None:
    text, at = cut(marked)
    assert at in line_breaks(text, "zh_Hans")


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("約１，０００人が参加しました", "１，０００"),
        ("午後１２：３０から始まります", "１２：３０"),
        ("ＣＯＶＩＤ－１９の検査", "ＣＯＶＩＤ－"),
        ("午後12:30から始まります", "12:30"),
    ],
)
def test_a_narrow_cjk_line_cuts_no_full_width_number_or_identifier_that_fits(
    text: str, whole: str
) -> None:
    """In a line narrower than the number and the word after it (a table cell), the
    cut falls after the number, never inside it, and never before an identifier's
    hyphen: "１，" / "０００人" read 1 and 000 people, "１２：" / "３０から" half a time,
    and "－１９" minus nineteen."""
    size = 10
    for width in range(len(whole) * size + 2, len(whole) * size + 30, 3):
        paragraph = make_paragraph(runs_for([(text, "")], size=size), body_style(size=size), "ja")
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        assert "".join(lines) == text
        assert any(whole in line for line in lines), (width, lines)
        assert not any(line.startswith("－") for line in lines), (width, lines)


# A number in Han numerals is one number: ICU breaks between any two Han characters,
# and a line ended "约有一" above "千五百人" (1 and 1500 people).
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("约有[一千五百]人参加。", "zh_Hans"),
        ("約有[兩千三百五十]人參加。", "zh_Hant"),
        ("約[千五百]人が参加しました。", "ja"),
        ("每剂含[两百万]个细胞。", "zh_Hans"),
        ("休息[十四]天。", "zh_Hans"),
    ],
)
def test_a_number_in_han_numerals_is_never_split(marked: str, lang: str) -> None:
    inside, before = unbroken(marked, lang)
    assert inside == [] and before


@pytest.mark.parametrize("marked", ["一|二|三", "十|分|重|要", "千|万|不|要"])
def test_han_characters_that_are_no_number_of_several_parts_still_break(marked: str) -> None:
    """A list (一二三), 十分 ("very") and 千万 ("by no means": sizes with no digit) stay
    as ICU breaks them."""
    text = marked.replace("|", "")
    wanted = {len("".join(marked.split("|")[: k + 1])) for k in range(marked.count("|"))}
    breaks = set(line_breaks(text, "zh_Hans"))
    assert wanted <= breaks


# A full-width hyphen-minus or plus after a full-width word ends it, whatever follows:
# ICU took "－" for an ideograph and a line started "－型" (minus type), and before a
# number it is the number's sign: "－" ended a line and "２０℃" (20 degrees) began one.
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("血液型は[ＡＢ－]型です", "ja"),
        ("[Ｒｈ－]陰性の方", "ja"),
        ("[Ｒｈ＋]の方", "ja"),
        ("血型为[ＡＢ－]型。", "zh_Hans"),
        ("[ＡＢ－]、", "ja"),
        ("保存は[－２０℃]以下", "ja"),
        ("保存温度：[－８０℃]", "ja"),
        ("保存于[＋４℃]。", "zh_Hans"),
    ],
)
def test_a_full_width_sign_stays_with_its_word_or_number(marked: str, lang: str) -> None:
    inside, before = unbroken(marked, lang)
    assert inside == [] and before


@pytest.mark.parametrize(
    ("text", "ems"),
    [("血液型はＡＢ－型です", 3), ("Ｒｈ－陰性の方です", 3), ("保存は－２０℃以下", 4)],
)
def test_no_line_starts_with_a_full_width_sign_in_any_cell_that_holds_its_word(
    text: str, ems: int
) -> None:
    """Set at every width from that of its word up (ＡＢ－ is three ems wide, －２０℃
    four), a line starts with "－" or "＋" only as the sign of the number it holds, and
    ends with one only after the word it ends; the text reads back whole."""
    size = 10
    for width in range(ems * size, 12 * size, 2):
        paragraph = make_paragraph(runs_for([(text, "")], size=size), body_style(size=size), "ja")
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        assert "".join(lines) == text
        for line, after in pairwise(lines):
            if after.startswith(("－", "＋")):
                assert after[1:2].isdigit(), (width, lines)  # －２０℃, never －型
            if line.endswith(("－", "＋")):
                assert not after[:1].isdigit(), (width, lines)  # ＡＢ－, never － / ２０℃


@pytest.mark.parametrize(
    ("text", "lang"), [("保存于－２０℃。", "zh_Hans"), ("保存は－８０℃以下", "ja")]
)
def test_a_signed_number_too_wide_with_its_symbol_keeps_its_sign_and_digits(
    text: str, lang: str
) -> None:
    """In a cell that holds －２０ but not －２０℃。, the emergency cut falls before ℃ (as
    "38.5 |℃"), never after the sign ("－" / "２０℃", twenty above zero) nor between
    the digits; and it is reported."""
    size = 10
    for width in range(3 * size, 5 * size):
        reported: list[str] = []
        paragraph = make_paragraph(runs_for([(text, "")], size=size), body_style(size=size), lang)
        paragraph.on_emergency_break = reported.append
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        assert "".join(lines) == text
        number = re.search("[－＋][０-９]+", text)
        assert number is not None
        assert any(number.group(0) in line for line in lines), (width, lines)
        if not any(number.group(0) + "℃" in line for line in lines):
            assert reported, (width, lines)


@pytest.mark.parametrize(
    ("text", "lang", "unit", "ems"),
    [
        ("剂量单位（mg/kg）。", "zh_Hans", "mg/kg", 3.5),
        ("用量の単位（mg/kg）です。", "ja", "mg/kg", 3),
        ("单位（mL）。", "zh_Hans", "mL", 2),
        ("検査（ＣＯＶＩＤ－１９）。", "ja", "ＣＯＶＩＤ－１９", 8.5),
    ],
)
def test_a_unit_in_full_width_brackets_is_one_word(
    text: str, lang: str, unit: str, ems: float
) -> None:
    """A unit in brackets is one word. In a cell too narrow for it with its brackets
    and stop, but that holds it with its closing marks hanging (`linebreak.HANG_EM`,
    the last on half an em), the line ends after "（", an emergency reported
    (LAYOUT004), where a 3.5 em cell printed "（mg" / "/kg）。": a dose in mg, then
    something per kg. From ``ems`` up the unit is never cut."""
    size = 10
    for width in range(int(ems * size), 12 * size):
        reported: list[str] = []
        paragraph = make_paragraph(runs_for([(text, "")], size=size), body_style(size=size), lang)
        paragraph.on_emergency_break = reported.append
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        assert "".join(lines) == text
        assert any(unit in line for line in lines), (width, lines)
        if any(line.endswith("（") for line in lines):
            assert reported, (width, lines)  # kinsoku broken: an emergency, reported


@pytest.mark.parametrize(
    "marked",
    [
        "10|～20",  # the full-width tilde Japanese input methods type for 〜 (JIS X 4051 cl-03)
        "约翰|·史密斯",  # the interpunct of a transcribed name never starts a line (clreq)
        "玛丽|‧居里",
    ],
)
def test_cjk_marks_that_belong_to_the_character_before_start_no_line(marked: str) -> None:
    text, at = cut(marked)
    assert at not in line_breaks(text, "zh_Hans") and at not in line_breaks(text, "ja")


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        # ຯ (Lao ellipsis) closes an abbreviation as Thai ฯ does: never a line's start.
        ("ນະຄອນຫຼວງວຽງຈັນ|ຯ", "lo"),
        ("ໝາກໄມ້ ຜັກ |ຯລຯ", "lo"),
        # "etc." written in several signs is one: Khmer ។ល។, Lao ຯລຯ, Thai ฯลฯ.
        ("ទិញត្រី សាច់ ជាដើម។|ល។", "km"),
        ("ទិញត្រី សាច់ ។|ល។", "km"),
        ("ໝາກໄມ້ ຜັກ ຯ|ລຯ", "lo"),
        ("ผัก ผลไม้ ฯ|ลฯ", "th"),
    ],
)
def test_an_abbreviation_mark_is_never_parted_from_its_word(marked: str, lang: str) -> None:
    text, at = cut(marked)
    assert at not in line_breaks(text, lang)
    assert at not in line_breaks(text, lang, forced=[at])  # not even by a zero-width space


@pytest.mark.parametrize("text", ["النسبة 50 ٪ فقط", "النسبة ٥٠ ٪ فقط", "نحو ٥ ؉ فقط"])
def test_the_arabic_percent_sign_stays_with_its_number(text: str) -> None:
    # ٪ (U+066A) and ؉ (U+0609) are the Arabic % and ‰: like them, never a line's start.
    sign = next(i for i, char in enumerate(text) if char in "٪؉")
    assert sign not in line_breaks(text, "ar") and sign - 1 not in line_breaks(text, "ar")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("डॉक्टर से मिलें । दवा लें ।", "hi"),  # "See the doctor. Take the medicine."
        ("डॉक्टर से मिलें। दवा लें॥", "hi"),
        ("डॉक्टरांना भेटा । औषध घ्या ।", "mr"),  # Marathi, written in Devanagari too
    ],
)
def test_a_danda_never_starts_a_line_even_after_a_space(text: str, lang: str) -> None:
    # The danda ends a sentence as a full stop does, and is often typed after a space:
    # a 30 pt column printed "मिलें" and then "। दवा", the stop alone at a line's start.
    for at, char in enumerate(text):
        if char in "।॥":
            assert at not in line_breaks(text, lang) and at - 1 not in line_breaks(text, lang)


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        # ๏ opens a verse, ๚ะ and ๛ close it and a text: "May you be in good health."
        ("๏ |ขอให้ท่านมีสุขภาพแข็งแรง ๚ะ๛", "th"),
        ("๏ ขอให้ท่านมีสุขภาพแข็งแรง |๚ะ๛", "th"),
        ("๏ ขอให้ท่านมีสุขภาพแข็งแรง ๚ะ |๛", "th"),
        ("၎င်း |၏ ဆေး", "my"),  # ၏ ("of") typed after a space: "its medicine"
        ("Cells ( |MSC ) in a vein", "en"),  # an author's space inside brackets
    ],
)
def test_a_mark_that_opens_or_closes_a_text_stays_with_it_across_a_space(
    marked: str, lang: str
) -> None:
    text, at = cut(marked)
    assert at not in line_breaks(text, lang)


def unbroken(marked: str, lang: str) -> tuple[list[str], bool]:
    """The breaks `line_breaks` offers inside each ``[…]`` of ``marked`` (shown as
    ``text|text``), and whether a line may still break before each."""
    text = marked.replace("[", "").replace("]", "")
    breaks = line_breaks(text, lang)
    inside, before = [], True
    for match in re.finditer(r"\[([^]]*)\]", marked):
        start = len(marked[: match.start()].replace("[", "").replace("]", ""))
        end = start + len(match.group(1))
        inside += [f"{text[:at]}|{text[at:]}" for at in breaks if start < at < end]
        before = before and (start == 0 or start in breaks)
    return inside, before


# A number written in spaced groups is one number: a patient copies a phone number
# from one line (docs/scripts.md, "Numbers written with spaces").
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("Call [+66 2 000 0000] now", "en"),
        ("Call [02 123 4567] or", "en"),
        ("Call [(02) 123 4567], or", "en"),
        ("Call [+66 (0) 2 000 0000].", "en"),
        ("Wait [3 – 5] days", "en"),
        ("Wait [3 - 5] days", "en"),
        ("Blood pressure [120 / 80] is normal", "en"),
        ("Thousands: [1 000 000] cells", "en"),
        ("โทร [+66 2 000 0000] ได้ตลอด", "th"),
        ("ใช้เวลา [8 – 12 ชั่วโมง] แล้ว", "th"),
        ("โทร [๐๒ ๑๒๓ ๔๕๖๗] ได้", "th"),
        ("اتصل على [+66 2 000 0000] الآن", "ar"),
        ("الضغط [١٢٠ / ٨٠] طبيعي", "ar"),
        ("انتظر [3 – 5] أيام", "ar"),
        ("電話は[+66 2 000 0000]まで", "ja"),
        ("请拨打[（02）123 4567]。", "zh_Hans"),
        ("ហៅ [+66 2 000 0000] ឥឡូវ", "km"),
    ],
)
def test_a_number_written_in_spaced_groups_stays_on_one_line(marked: str, lang: str) -> None:
    inside, before = unbroken(marked, lang)
    assert inside == [] and before


@pytest.mark.parametrize(
    "marked",
    [
        "in 2 |3-hour sessions",  # two numbers, not one: 2 sessions of 3 hours
        "on days 1 |15 and",  # too few digits for a telephone number
        "since 2019 |– the year",  # a dash after a number, no number after it
        "row 0 |01234567890123456789",  # a code longer than a group: no telephone number
        "IDs 1234 |5678 |9012 |3456 |7890",  # 20 digits: more than any telephone number
    ],
)
def test_numbers_that_are_not_one_number_may_still_break_apart(marked: str) -> None:
    text, at = cut(marked)
    assert at in line_breaks(text, "en")


# A unit written with a slash is one unit: "mg/" at a line's end and "kg" at the next
# line's start read as two (docs/scripts.md, "Units written with a slash").
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("10 mg/|kg daily", "en"),
        ("dose in mg/|kg daily", "en"),
        ("speed in km/|h", "en"),
        ("clearance (mL/|min)", "en"),
        ("eGFR 30 mL/|min/1.73 m²", "en"),
        ("120 breaths/|min", "en"),  # a number's unit, however long
        ("the result in mmol/|L.", "en"),
        ("الجرعة 10 ملغ/|كغ يومياً", "ar"),
        ("بالـ ملغ/|كغ يومياً", "ar"),
        ("ขนาด 5 มก./|กก. ต่อวัน", "th"),
        ("剂量为5mg/|kg，每日", "zh_Hans"),
    ],
)
def test_a_unit_written_with_a_slash_is_not_broken_after_it(marked: str, lang: str) -> None:
    text, at = cut(marked)
    assert at not in line_breaks(text, lang)


@pytest.mark.parametrize(
    "marked",
    [
        "see https://example.org/|clinic/|leaflets/|infusion",  # a path or address
        "www.example.org/|leaflets",
        "information/|counselling services",  # two words of prose
    ],
)
def test_a_slash_in_an_address_or_between_long_words_may_still_end_a_line(marked: str) -> None:
    text, at = cut(marked.replace("|", "", marked.count("|") - 1))
    assert at in line_breaks(text, "en")


@pytest.mark.parametrize("width", range(28, 64, 4))
def test_a_narrow_thai_column_breaks_common_words_between_their_syllables(width: int) -> None:
    # ของ, ควร and ปวด were taken for bare consonants that close no syllable, so ICU's
    # breaks around them were dropped; the word grew wider than a narrow column (a table
    # cell, 3-6 em) and was cut where the rules allowed: ที่นี่ค|วร, ญา|ติของ, with no
    # emergency reported.
    text = "ผู้ป่วยที่นี่ควรดื่มน้ำมาก ๆ ญาติของผู้ป่วยที่ปวดศีรษะควรแจ้งพยาบาล"
    reported: list[str] = []
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "th")
    paragraph.on_emergency_break = reported.append
    lines = paragraph.lines_for(width)
    assert not reported
    starts = [0]
    for unit in paragraph.units:
        starts.append(starts[-1] + len(unit.text))
    words = [(m.start(), m.end()) for m in re.finditer("ควร|ญาติ|ของ|ปวด", text)]
    for line in lines[1:]:
        at = starts[line.start]
        assert not any(a < at < b for a, b in words), f"{text[:at]}|{text[at:]}"


#: Real sentences of a Thai leaflet, syllables parted by "·" where a reader is sure of
#: the boundary (the words of ICU's dictionary and the syllables inside them).
THAI_SENTENCES = [
    "ผู้·ป่วย·ที่·มี·ความ·เสี่ยง·สูง·ควร·ตรวจ·เลือด·ทุก·ปี",
    "กรุ·ณา·ดื่ม·น้ำ·ที่·ผ่าน·การ·กรอง·แล้ว",
    "รับ·ประ·ทาน·ครั้ง·ละ·ห้า·ร้อย·มิล·ลิ·กรัม·วัน·ละ·สอง·ครั้ง",
    "หาก·มี·ไข้·หรือ·ปวด·ท้อง·ให้·กลับ·มา·พบ·แพทย์",
    "ก่อน·รับ·การ·รัก·ษา·ควร·ปรึก·ษา·แพทย์·ทุก·ครั้ง",
    "ให้·นอน·ตะ·แคง·ขวา·หลัง·ตรวจ·ชิ้น·เนื้อ",
    "ล้าง·มือ·ให้·สะ·อาด·ก่อน·และ·หลัง·ทำ·แผล",
    "ภาค·รัฐ·มี·โครง·การ·ตรวจ·คัด·กรอง·มะ·เร็ง",
    "แพทย์·จะ·ประ·เมิน·รูป·ร่าง·และ·น้ำ·หนัก·ของ·คุณ",
    "ครอบ·ครัว·ควร·ช่วย·ดู·แล·ผู้·สูง·อา·ยุ",
    "เจ้า·หน้า·ที่·จะ·โทร·กลับ·ภาย·ใน·สอง·วัน",
    "ห้าม·ขับ·รถ·หลัง·ได้·รับ·ยา·นอน·หลับ",
    "ผู้·ป่วย·มี·หมอ·ประ·จำ·ตัว·ที่·โรง·พยา·บาล",
    "ผู้·ป่วย·สา·มารถ·รับ·ประ·ทาน·อา·หาร·ได้·ตาม·ปก·ติ",
    "กรุ·ณา·นำ·บัตร·ประ·ชา·ชน·มา·ด้วย·ทุก·ครั้ง",
    "ห้าม·ขี่·จักร·ยาน·จน·กว่า·แผล·จะ·หาย",
    "ญาติ·หรือ·บุตร·หลาน·ควร·มา·ด้วย",
    "ต้อง·ปรึก·ษา·แพทย์·ทัน·ที·หาก·มี·เลือด·ออก·ผิด·ปก·ติ",
    "คุณ·สา·มารถ·ค้น·หา·ข้อ·มูล·เพิ่ม·เติม·ได้",
    "ให้·ปล่อย·แผล·ไว้·อย่าง·นั้น·จน·กว่า·จะ·แห้ง",
    "ยา·ใหม่·นี้·ใช้·ได้·ผล·อย่าง·ไร",
    "หมาย·ความ·ว่า·คุณ·ต้อง·กลับ·มา·ตรวจ·อีก·ครั้ง",
    "แพทย์·จะ·อธิ·บาย·ขั้น·ตอน·เป็น·ภา·ษา·อัง·กฤษ·หรือ·ภา·ษา·ไทย",
]


def narrow_cuts(text: str, words: WordList | None = None) -> Iterator[tuple[int, int, list[str]]]:
    """Every line end of Thai ``text`` (10 pt) wrapped at each width from 20 to 240 pt:
    the width, the offset of the cut and the emergency cuts reported at that width."""
    for width in range(20, 241, 4):
        reported: list[str] = []
        paragraph = make_paragraph(
            runs_for([(text, "")], size=10), body_style(size=10), "th", words=words
        )
        paragraph.on_emergency_break = reported.append
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        assert "".join(lines) == text
        at = 0
        for line in lines[:-1]:
            at += len(line)
            yield width, at, reported


@pytest.mark.parametrize("marked", THAI_SENTENCES)
def test_a_thai_word_is_cut_inside_a_syllable_only_in_a_reported_emergency(marked: str) -> None:
    # ที่มีค|วาม, งที่ต|รวจ, ดูก|รอง, มิลลิก|รัม were printed in narrow columns with no
    # emergency reported (LAYOUT004): the first consonant of a cluster was read as the
    # final of the syllable before.
    text = marked.replace("·", "")
    sure: set[int] = set()
    for match in re.finditer("·", marked):
        sure.add(match.start() - len(sure))
    for width, at, reported in narrow_cuts(text):
        inside = text[at - 1 : at + 1]
        assert at in sure or any(inside in unit for unit in reported), (
            f"{width} pt: {text[:at]}|{text[at:]}"
        )


#: Medicines and their doses as a leaflet writes them, "|" where a line may break
#: between the two words. ICU's dictionary knows the rare words ยาค, ยาก, หมอก and ทาก,
#: and split ยาค|รีม, ยาค|วาม|ดัน, ยาก|รด, หมอก|ลับ; with no project word list at all.
DICTIONARY_SLIPS = [
    "กินยา|ครั้งละหนึ่งเม็ด",
    "ทายา|ครีมวันละสองครั้ง",
    "ยา|คลายเครียด",
    "ยา|คลายกล้ามเนื้อ",
    "ยา|ความดันโลหิตสูง",
    "ใช้ยา|ครบตามที่แพทย์สั่ง",
    "ยา|ครอบจักรวาล",
    "ยา|คลื่นไส้",
    "ยาลด|กรด",
    "หมอ|กลับมาตรวจ",
    "ทายา|กลางหลัง",
    "ยา|คลอดก่อนกำหนด",
]


@pytest.mark.parametrize("marked", DICTIONARY_SLIPS)
def test_a_word_the_dictionary_cuts_after_its_first_consonant_is_kept_whole(marked: str) -> None:
    # Every project gets the package's word list (data/words-th.txt), not only those
    # that list ครั้ง in their own words.txt; the break moves before the word.
    text, at = cut(marked)
    breaks = line_breaks(text, "th")
    assert at in breaks, marked
    assert at + 1 not in breaks, f"{text[: at + 1]}|{text[at + 1 :]}"


def test_the_project_word_list_adds_to_the_package_one() -> None:
    from msc_leaflet.typeset.segmentation import WordList

    text = "ยาครีมมีเซนไคมอล"
    breaks = line_breaks(text, "th", WordList(("มีเซนไคมอล",)))
    assert 2 in breaks and 6 in breaks
    assert not any(6 < b < len(text) for b in breaks)
    assert 3 not in breaks


#: Sentences with words whose last vowel is not read: ชาติ is "chat", เหตุ "het",
#: ภูมิ "phum". ชา|ติ looks like two syllables, but is one torn in two.
SILENT_VOWEL_SENTENCES = [
    "โรงพยาบาลนานาชาติมีล่ามสำหรับผู้ป่วยทุกสัญชาติ",
    "ใช้ยาปฏิชีวนะอย่างสมเหตุสมผลเพื่อป้องกันเชื้อดื้อยา",
    "ผู้ป่วยควรกินอาหารที่มีธาตุเหล็กสูงเป็นประจำทุกวัน",
    "ญาติของผู้ป่วยควรแจ้งสาเหตุของอุบัติเหตุให้แพทย์ทราบ",
    "ยากดภูมิคุ้มกันอาจทำให้โรคภูมิแพ้กำเริบได้",
    "แพทย์จะตรวจหาพยาธิในอุจจาระและซักประวัติการรักษา",
]
#: The one-syllable pieces of those words that no line may end inside silently.
SILENT_VOWEL_WORDS = re.compile("ชาติ|เหตุ|ญาติ|ธาตุ|ภูมิ|ยาธิ")


@pytest.mark.parametrize("text", SILENT_VOWEL_SENTENCES)
def test_a_word_whose_last_vowel_is_silent_is_not_cut_before_it_in_silence(text: str) -> None:
    # A narrow column printed นานาชา|ติ and สมเห|ตุสมผล with no emergency reported: a
    # consonant with -ิ or -ุ after an open syllable was taken for a syllable of its own.
    words = [m.span() for m in SILENT_VOWEL_WORDS.finditer(text)]
    for width, at, reported in narrow_cuts(text):
        inside = text[at - 1 : at + 1]
        if any(a < at < b for a, b in words):
            assert any(inside in unit for unit in reported), f"{width} pt: {text[:at]}|{text[at:]}"


@pytest.mark.parametrize("marked", ["นานาชา|ติ", "สมเห|ตุสมผล", "ภู|มิแพ้", "ธา|ตุเหล็ก", "อา|ยุ"])
def test_the_spelling_alone_never_accepts_a_cut_before_a_vowel_that_may_be_silent(
    marked: str,
) -> None:
    # ชาติ or อายุ: only a dictionary knows whether -ิ/-ุ is read (อา|ยุ) or not (ชาติ).
    text, at = cut(marked)
    assert not keeps_syllable(text, at)


@pytest.mark.parametrize("marked", ["ชี|วิต", "อา|ทิตย์", "ระ|บุ", "ยา|กิน", "ภูมิ|คุ้มกัน"])
def test_a_read_vowel_after_a_closed_syllable_or_before_a_final_still_parts(marked: str) -> None:
    text, at = cut(marked)
    assert keeps_syllable(text, at)


@pytest.mark.parametrize("marked", ["นอนในท่า|นอนตะแคงขวา", "ท่า|นั่งที่ถูกต้อง", "แจ้งให้ท่าน|ทราบล่วงหน้า"])
def test_the_bundled_word_lists_glue_no_posture_to_the_word_after(marked: str) -> None:
    # ท่าน was listed to keep ให้ท่านทราบ from ให้ท่า|นท|ราบ; matched inside ท่านอน and
    # ท่านั่ง it took away the break between ท่า ("position") and นอน, นั่ง.
    from pathlib import Path

    from msc_leaflet.typeset.segmentation import load_word_list

    words = load_word_list(Path(__file__).parents[1] / "locales" / "th" / "words.txt")
    text, at = cut(marked)
    assert at in line_breaks(text, "th", words)


@pytest.mark.parametrize("marked", ["ให้|สเตียรอยด์ทางหลอดเลือด", "ใช้|สเปรย์พ่นจมูก", "แพทย์จะให้|สเต็มเซลล์"])
def test_a_loanword_s_first_consonant_may_start_a_line_after_a_closed_syllable(
    marked: str,
) -> None:
    # ส before a leading vowel was always taken for the final of the syllable before,
    # even after ให้ and ใช้, which take none: ICU's ให้|ส|เตียรอยด์ lost its first break
    # and a line could only end ให้ส.
    text, at = cut(marked)
    assert at in line_breaks(text, "th")


@pytest.mark.parametrize(
    "marked", ["ผู้ป่วยที่|สแกนสมองแล้ว", "ดู|สไลด์ของแพทย์", "มี|สเต็มเซลล์", "มี|สโตรมามาก"]
)
def test_a_loanword_s_cluster_may_start_a_line_after_an_open_syllable(marked: str) -> None:
    # ส before a leading vowel after an open syllable was always taken for its final
    # (มาสเตอร์), and ICU's ที่|สแกน, ดู|สไลด์ were dropped: ที่ส|แกน or nothing.
    # Spelling cannot tell the two; ICU's dictionary (or a word list) does.
    text, at = cut(marked)
    assert at in line_breaks(text, "th", WordList(("สโตรมา",)))


@pytest.mark.parametrize(
    "marked",
    ["มี|คนช่วยดูแล", "ผู้ป่วยที่|ลงนามแล้ว", "ดู|รถพยาบาล", "น้ำที่|ตกลงมา", "ที่|จดไว้", "ยา|กดภูมิ"],
)
def test_a_word_with_an_unwritten_vowel_may_start_a_line_after_an_open_syllable(
    marked: str,
) -> None:
    # คน, ลง, รถ, กด are read with a vowel that is not written: after มี, ที่, ดู the
    # first consonant was taken for the syllable's final (มีค|น), and ICU's boundary
    # was dropped: มีคน, ดูรถพยาบาล stayed one piece. The dictionary decides.
    text, at = cut(marked)
    assert at in line_breaks(text, "th")


def unit_breaks(text: str, words: WordList | None = None) -> list[int]:
    """Offsets (in ``text`` less its zero-width spaces) where the paragraph's units of
    ``text`` part: where a line may end."""
    paragraph = make_paragraph(
        runs_for([(text, "")], size=10), body_style(size=10), "th", words=words
    )
    at = 0
    breaks = []
    for unit in paragraph.units[:-1]:
        at += len(unit.text)
        breaks.append(at)
    return breaks


@pytest.mark.parametrize(
    "marked",
    [
        "ตรวจอุจจาระว่ามี|พยาธิหรือไม่",
        "อาจเจ็บเล็กน้อยแต่|สบายดี",
        "ผู้ป่วยมี|พยาธิในลำไส้",
        "ยาตัวนี้ใช้กับคนที่มี|ภาวะแทรกซ้อน",
    ],
)
def test_an_author_s_zero_width_space_is_a_break_the_syllable_rules_cannot_veto(
    marked: str,
) -> None:
    # An author who wrote มี<U+200B>พยาธิ to fix a break by hand got มีพยาธิ in one
    # piece: the spelling rule that reads พ as the final of มี (มีพ|ยา) dropped the
    # author's break as it drops ICU's. The author's break is always one.
    text, at = cut(marked)
    assert at in unit_breaks(marked.replace("|", "\u200b"))
    assert at in line_breaks(text, "th", forced=[at])


@pytest.mark.parametrize("marked", ["ผู้ป่วยที|่นี่", "ก|ินยา", "ทุก|ๆ วัน"])
def test_an_author_s_zero_width_space_never_parts_a_letter_from_its_marks(marked: str) -> None:
    _, at = cut(marked)
    assert at not in unit_breaks(marked.replace("|", "\u200b"))


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("ကမ္|ဘာ့ကျန်းမာရေး", "my"),  # a Burmese stack: ဘ is written under မ
        ("သင်္|ချိုင်း", "my"),  # kinzi: င် is written over ချ
        ("ဗုဒ္|ဓ", "my"),
        ("ស្|រី", "km"),  # a Khmer coeng: រ is written under ស
        ("ពេទ្|យ", "km"),
        ("स्|ट्रोमल", "hi"),  # a Devanagari conjunct
    ],
)
def test_an_author_s_zero_width_space_never_parts_a_stack(marked: str, lang: str) -> None:
    """The stacker, coeng or virama writes the next consonant under or into the one
    before: a line that ends on it prints a broken conjunct (a visible virama, a dotted
    circle) and the next starts with a letter cut from its stack. A zero-width space
    there (a word breaker's or an author's slip) is no break, as one before a mark is
    none; nor does an emergency cut fall there when the line has another place."""
    text, at = cut(marked)
    assert at not in line_breaks(text, lang, forced=[at])
    paragraph = make_paragraph(
        runs_for([(marked.replace("|", "\u200b"), "")], size=10), body_style(size=10), lang
    )
    paragraph.wrap(10_000, 10_000)
    assert paragraph.line_texts() == [text]
    for width in range(12, 80, 2):
        paragraph.on_emergency_break = lambda _: None
        paragraph.wrap(width, 10_000)
        for line in paragraph.line_texts()[:-1]:
            assert not line.rstrip("\u200b").endswith(("\u1039", "\u17d2", "\u094d")), (
                width,
                paragraph.line_texts(),
            )


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("ဆဲ|လ်များ", "my"),  # cells: လ် has no vowel, the final of ဆဲလ်
        ("ဆေးခ|န်း", "my"),
        ("နေ့စဉ်|ကြ|န့်", "my"),  # ့ before the asat
        ("မ|င်္ဂလာ", "my"),  # kinzi: the final of မင်
        ("က|မ္ဘာ", "my"),  # the top of a stack: the final of ကမ်
        ("ច|ង់", "km"),  # bantoc marks the final
    ],
)
def test_an_author_s_zero_width_space_never_starts_a_line_with_a_syllable_s_final(
    marked: str, lang: str
) -> None:
    """A Burmese consonant killed by asat or stacked over the next, and a Khmer one under
    bantoc or toandakhiat, is the final of the syllable before, whatever the dictionary
    knows: a line starting with it has torn a syllable (ဆဲ / လ်များ). A zero-width space
    pasted before it is no break; an earlier one still is."""
    text = marked.replace("|", "")
    last = marked.rindex("|") - (marked.count("|") - 1)
    assert last not in line_breaks(text, lang, forced=[last])
    if marked.count("|") > 1:  # the earlier space is a break
        first = marked.index("|")
        assert first in line_breaks(text, lang, forced=[first, last])


@pytest.mark.parametrize("marked", ["ตรวจอุจจาระว่ามี|พยาธิหรือไม่", "ผู้ป่วยมี|พยาธิในลำไส้", "ญาติ|ของผู้ป่วย"])
def test_where_icu_and_the_word_list_agree_a_listed_word_may_start_a_line(marked: str) -> None:
    # ICU's มี|พยาธิ, with พยาธิ in the package's word list, was dropped by the
    # spelling rule that reads พ as the final of มี: ว่ามีพยาธิ was one piece.
    text, at = cut(marked)
    assert at in line_breaks(text, "th")


@pytest.mark.parametrize(
    ("marked", "term"),
    [("นอนในท่า|นอนตะแคงขวา", "ท่าน"), ("ท่า|นั่งที่ถูกต้อง", "ท่าน"), ("หยอดยาตา|ก่อนนอน", "ตาก")],
)
def test_a_listed_word_does_not_glue_a_word_it_is_only_the_letters_of(
    marked: str, term: str
) -> None:
    # A listed word was matched as plain letters: ท่าน (listed to keep ให้ท่านทราบ
    # whole) glued ท่านอน, "lying position", into one piece, and ตาก ("to dry") ตาก่อน.
    # Where ICU's words and the spelling say the term ends inside a syllable, the
    # letters are some other word.
    text, at = cut(marked)
    assert at in line_breaks(text, "th", WordList((term,)))
    assert 1 not in line_breaks("ท่านทราบ", "th", WordList(("ท่าน",)))


#: Sentences with words of the package's and the bundled project's word lists, in
#: brackets: no line may end inside one unless it alone is wider than the line, and
#: then the cut is reported (LAYOUT004).
LISTED_WORD_SENTENCES = [
    "ตรวจอุจจาระว่ามี[พยาธิ]หรือไม่",
    "ผู้ป่วยมี[พยาธิ]ในลำไส้",
    "ใช้[เซลล์ต้นกำเนิด]จาก[ไขกระดูก]",
    "เคารพ[เกียรติ]และศักดิ์ศรีของผู้ป่วย",
    "ให้[น้ำเกลือ]ทางหลอดเลือดดำ",
    "แพทย์ใช้[เนื้อเยื่อไขมัน]ของผู้ป่วย",
    "ยา[พาราเซตามอล]ช่วยลดไข้",
    "[ญาติ]ของผู้ป่วยควรแจ้งให้แพทย์[ทราบ]",
]


@pytest.mark.parametrize("marked", LISTED_WORD_SENTENCES)
def test_a_listed_word_is_cut_only_when_it_alone_is_wider_than_the_line(marked: str) -> None:
    # At 24 pt ว่ามีพยาธิ was printed ว่ามีพ|ยาธิ in silence, and at 40 pt เกียรติยศ
    # เกียร|ติยศ: the word list kept no break inside its words, but a unit wider than
    # the line was cut by the syllable rules alone, inside the listed word.
    from pathlib import Path

    from msc_leaflet.typeset.segmentation import load_word_list

    words = load_word_list(Path(__file__).parents[1] / "locales" / "th" / "words.txt")
    text = marked.replace("[", "").replace("]", "")
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"\[([^]]+)\]", marked):
        start = match.start() - 2 * len(spans)
        spans.append((start, start + len(match.group(1))))
    for width, at, reported in narrow_cuts(text, words):
        for start, end in spans:
            if start < at < end:
                word = text[start:end]
                alone = make_paragraph(
                    runs_for([(word, "")], size=10), body_style(size=10), "th", words=words
                )
                assert sum(u.width for u in alone.units) > width, (
                    f"{width} pt: {text[:at]}|{text[at:]}"
                )
                assert any(word in unit for unit in reported), (
                    f"{width} pt: {text[:at]}|{text[at:]}, not reported"
                )


def test_an_author_s_zero_width_space_inside_a_listed_word_is_a_break() -> None:
    # The author's fix for a listed compound too wide for a narrow column: it wins
    # over the word list as it does over the syllable rules.
    words = WordList(("เซลล์ต้นกำเนิด",))
    text, at = cut("ใช้เซลล์|ต้นกำเนิดจากไขกระดูก")
    assert at not in line_breaks(text, "th", words)
    assert at in line_breaks(text, "th", words, forced=[at])
    assert at in unit_breaks("ใช้เซลล์\u200bต้นกำเนิดจากไขกระดูก", words)


# Not every space is U+0020: a careful author (and ISO 80000, the SI brochure) puts a
# thin space (U+2009) or a narrow no-break space (U+202F) between a number and its
# unit, a French or Vietnamese author a no-break space between groups of digits, and a
# Japanese one an ideographic space (U+3000). Each keeps its number as U+0020 does.
THIN, NARROW, NO_BREAK, IDEOGRAPHIC = "\u2009", "\u202f", "\u00a0", "\u3000"


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        (f"Take 500{THIN}|mg daily", "en"),
        (f"ไข้ 38{THIN}|°C ขึ้นไป", "th"),
        (f"Sốt trên 38,5{THIN}|°C", "vi"),
        (f"ថ្នាំ 500{THIN}|mg", "km"),
        (f"٥٠٠{THIN}|ملغ يومياً", "ar"),
        (f"約30{IDEOGRAPHIC}|分", "ja"),
        (f"Wait 3{THIN}–{THIN}|5 days", "en"),
        (f"Wait 3{NO_BREAK}–|{NO_BREAK}5 days", "en"),  # a line would start with its space
        (f"Call +66{THIN}2{THIN}000{THIN}|0000 now", "en"),
        (f"Gọi +66{NARROW}2{NARROW}000{NARROW}|0000 ngay", "vi"),
    ],
)
def test_a_number_keeps_its_unit_and_groups_across_any_space(marked: str, lang: str) -> None:
    text, at = cut(marked)
    assert at not in line_breaks(text, lang), text
    # ... and the number may still start a line after the word before it
    first = next(i for i, char in enumerate(text) if char.isdigit() or char == "+")
    assert first == 0 or any(b <= first for b in line_breaks(text, lang)), text


def test_no_line_parts_at_a_no_break_space_from_the_leaflet() -> None:
    """ "2\u00a0000" typed in a leaflet stays on one line at every width."""
    [span] = parse_inline("Each bag holds about 2\u00a0000 cells in 10\u00a0ml of fluid.")
    for width in range(30, 200, 5):
        paragraph = make_paragraph(runs_for([(span.text, "")], size=10), body_style(10), "en")
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        assert not any(line.rstrip().endswith(("2", "10")) for line in lines[:-1]), (width, lines)


MEDICAL_WORDS = Path(__file__).parent / "fixtures" / "medical-words"
PROJECT_WORDS = Path(__file__).parents[1] / "locales"
NARROW_LANGS = ("th", "lo", "km", "my")


def medical_words(lang: str) -> list[str]:
    """The fixture's words a leaflet in ``lang`` uses (``fixtures/medical-words``)."""
    lines = (MEDICAL_WORDS / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def project_words(lang: str) -> WordList:
    """The bundled project's own word list for ``lang`` (empty if it has none)."""
    path = PROJECT_WORDS / lang / "words.txt"
    return load_word_list(path) if path.is_file() else WordList(())


def inside_a_word(words: list[str], at: int) -> str | None:
    """The word of ``"".join(words)`` that offset ``at`` falls inside, if any."""
    start = 0
    for word in words:
        if start < at < start + len(word):
            return word
        start += len(word)
    return None


@pytest.mark.parametrize(
    ("lang", "word"), [(lang, word) for lang in NARROW_LANGS for word in medical_words(lang)]
)
def test_no_line_breaks_inside_a_common_medical_word(lang: str, word: str) -> None:
    # ICU's dictionaries split words they do not know, and some they do: ไข|มัน ("fat"
    # read as "open|it"), ตัวผู้|ป่วย ("male animal|ill" for "the patient"), เฮ|ปา|ริน,
    # ເມ|ນູ, អា|ឡែ|ស៊ី, ပ|ရင်|တာ. The word is written between two others, as in prose.
    words = medical_words(lang)
    before, after = words[0], words[-1]
    text = before + word + after
    inside = [
        i for i in line_breaks(text, lang, project_words(lang)) if 0 < i - len(before) < len(word)
    ]
    assert not inside, "|".join(
        text[a:b] for a, b in zip([0, *inside], [*inside, len(text)], strict=True)
    )


@pytest.mark.parametrize("lang", NARROW_LANGS)
def test_a_narrow_cell_of_medical_words_ends_no_line_inside_one(lang: str) -> None:
    """A table cell 4 em wide (40 pt at 10 pt) cuts a word only where that word alone is
    wider than the cell, and reports that cut (LAYOUT004)."""
    words = medical_words(lang)
    text = "".join(words)
    listed = project_words(lang)
    reported: list[str] = []
    paragraph = make_paragraph(
        runs_for([(text, "")], size=10), body_style(size=10), lang, words=listed
    )
    paragraph.on_emergency_break = reported.append
    paragraph.wrap(40, 10_000)
    lines = paragraph.line_texts()
    assert "".join(lines) == text
    at = 0
    for line in lines[:-1]:
        at += len(line)
        word = inside_a_word(words, at)
        if word is None:
            continue
        alone = make_paragraph(
            runs_for([(word, "")], size=10), body_style(size=10), lang, words=listed
        )
        assert sum(unit.width for unit in alone.units) > 40, f"{text[:at]}|{text[at:]}"
        assert any(word in unit for unit in reported), f"{text[:at]}|{text[at:]}, not reported"


#: Phrases of the bundled Thai catalogs (locales/th) that printed a word cut in two,
#: "|" where the word was cut: a line could end inside ภายใต้ ("under"), read ภาย|ใต้.
CATALOG_CUTS = [
    "คลินิกอยู่ภาย|ใต้กฎ",
    "เซลล์ของตัวผู้|ป่วยเอง",
    "เซลล์ไข|มันได้",
    "ควรมีใบรับ|รองผล",
    "ริม|ฝีปาก หรือลำ|คอบวม",
    "กระดูกสัน|หลัง",
    "สมเหตุ|สมผล",
    "ที่เหมาะ|สมในห้อง",
    "ได้เรียนรู้มาก|มายว่า",
    "รวมถึงที|เซลล์ บี|เซลล์",
    "เช่น อัลตรา|ซาวนด์ หรือ",
    "ว่าฟลูออ|โรสโคปี (fluoroscopy)",
    "ต่ำ เช่น เฮ|ปาริน ใน",
    "ชัดเจนเป็นลาย|ลักษณ์อักษร",
    "ผู้เชี่ยวชาญยังถก|เถียงกัน",
    "รับการตี|พิมพ์ใน",
    "ในเทอร์|มิ|นัล",
    "ที่เรียกว่าวอร์|ตันเจล|ลี (Wharton's jelly)",
    "พบว่าเพริ|ไซต์ (pericytes)",
    "ชื่ออาร์|โนลด์ แคป|แลน (Arnold Caplan)",
]


@pytest.mark.parametrize("marked", CATALOG_CUTS)
def test_no_word_of_the_bundled_catalogs_is_cut_in_two(marked: str) -> None:
    text = marked.replace("|", "")
    cuts = [m.start() - k for k, m in enumerate(re.finditer(r"\|", marked))]
    breaks = line_breaks(text, "th", project_words("th"))
    assert not set(cuts) & set(breaks), "|".join(
        text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)
    )


@pytest.mark.parametrize(
    "marked", ["3|8.5 ℃", "1|0 ml", "30～6|0分", "๓|๘ องศา", "٣|٨ درجة", "12|0 / 80"]
)
def test_a_number_s_digits_never_part(marked: str) -> None:
    # ICU never breaks between two digits, so `keeps_number` let such a break be: but an
    # emergency cut asks it too, and printed 30～6|0分, "30 to 6" and "0 minutes".
    assert not keeps_number(*cut(marked))


#: Sentences with a number, a range and a temperature, as a narrow table cell sets them.
NUMBERED_SENTENCES = [
    ("输液大约需要30～60分钟。", "zh_Hans"),
    ("医生说：“体温超过38.5 ℃时，请立即联系我们。”", "zh_Hans"),
    ("点滴は約30〜60分かかります。", "ja"),
    ("熱が38.5 ℃以上になったら連絡してください。", "ja"),
    ("ใช้เวลา 30–60 นาที ไข้ 38.5 °C", "th"),
    ("Wait 30–60 minutes; call if above 38.5 °C.", "en"),
]
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:[～〜–-]\d+(?:[.,]\d+)*)?")
_WITH_SYMBOL = re.compile(r"\d+(?:[.,]\d+)* ℃")


def _widths(
    text: str, lang: str, size: int, pieces: list[tuple[str, str]] | None = None
) -> list[float]:
    """The advance of each character of ``text`` as its paragraph sets it (a cluster's
    on its first character): a digit after kana is the CJK font's, wider than Sarabun's.
    ``pieces``: ``text`` set in runs of these kinds (`runs_for`: a bold label)."""
    runs = runs_for(pieces or [(text, "")], size=size)
    paragraph = make_paragraph(runs, body_style(size), lang)
    widths: list[float] = []
    for unit in paragraph.units:
        for piece in unit.pieces:
            for cluster in piece.clusters:
                widths += [cluster.advance * piece.size / 1000] + [0.0] * (len(cluster.text) - 1)
    assert len(widths) == len(text)
    return widths


@pytest.mark.parametrize(("text", "lang"), NUMBERED_SENTENCES)
def test_an_emergency_cut_keeps_a_number_whole_and_its_symbol_off_a_line_start(
    text: str, lang: str
) -> None:
    """A cell narrower than a number and its unit (30～60分, 38.5 ℃) is cut as an
    emergency, but never inside the number when it fits the line alone: 30～6|0分 read
    as "30 to 6" and "0 minutes", 38.|5 as two numbers. Nor does the cut move past the
    number's space onto a symbol that never starts a line (38.5 |℃) when the number and
    its symbol can run past the line's end by the little an emergency allows."""
    widths = _widths(text, lang, 11)
    spans = [(m.start(), m.end()) for m in _NUMBER.finditer(text)]
    numbers = [(start, end, sum(widths[start:end])) for start, end in spans]
    symbols = [sum(widths[m.start() : m.end()]) for m in _WITH_SYMBOL.finditer(text)]
    for width in range(12, 120):
        paragraph = make_paragraph(runs_for([(text, "")], size=11), body_style(11), lang)
        paragraph.on_emergency_break = lambda _: None
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        at = 0
        for line, following in pairwise(lines):
            assert text.startswith(line, at), (width, lines)
            at += len(line)
            while text[at] == " ":  # the space the line broke at: not drawn
                at += 1
            for start, end, wide in numbers:
                assert not (start < at < end and wide <= width), (width, lines, wide)
            if following.startswith("℃"):
                room = width + linebreak.HANG_EM * 11
                assert not any(wide <= room for wide in symbols), (width, lines, symbols)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ဒီ နေ့စဉ် လူနာသည်", "my"),  # a line started with the killed ည် of သည်
        ("ဒီ နေ့စဉ် ကျွန်ုပ်တို့", "my"),
        ("ผู้ป่วยโรงพยาบาลมหาวิทยาลัย", "th"),
        ("Extraordinarily uncomfortable", "en"),
    ],
)
def test_a_paragraph_set_narrow_then_wider_is_set_as_if_wider_at_once(text: str, lang: str) -> None:
    """A paragraph wrapped in a narrow measure first (a probe, a narrow frame) and then
    in a wider one is set as it would be at the wider width alone. The parts an
    emergency cut made at the narrow width stayed, and the wider measure then ended a
    line inside a syllable that fits it whole: လူနာသ / ည်, silently."""
    for narrow in (14, 22):
        for wide in (30, 40, 60):
            fresh = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
            fresh.wrap(wide, 10_000)
            rewrapped = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
            rewrapped.on_emergency_break = lambda _: None
            rewrapped.wrap(narrow, 10_000)
            rewrapped.wrap(wide, 10_000)
            assert rewrapped.line_texts() == fresh.line_texts(), (narrow, wide)


@pytest.mark.parametrize("width", range(30, 40, 3))
def test_a_listed_compound_wider_than_the_line_is_cut_between_its_words(width: int) -> None:
    # A cell three ems wide printed โรงพ|ยาบาล and โรงพยา|บาล: the last syllable break
    # that fitted, inside พยาบาล. The compound's own words part first, and the cut,
    # inside a listed word, is still reported (LAYOUT004).
    text = "ผู้ป่วยรับการรักษาที่โรงพยาบาล"
    reported: list[str] = []
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "th")
    paragraph.on_emergency_break = reported.append
    paragraph.wrap(width, 10_000)
    lines = paragraph.line_texts()
    assert lines[-2].endswith("โรง") and lines[-1] == "พยาบาล", lines
    assert any("โรงพยาบาล" in unit for unit in reported)
    assert "การรัก" not in lines and "ษาที่" not in lines, lines


@pytest.mark.parametrize(
    "marked",
    [
        # after the vowel -อ written bare (รอ, ขอ, ต่อ, พอ): อ is no consonant
        *("ต้องรอ|ผลตรวจเลือด", "กรุณาขอ|รหัสผ่าน", "ติดต่อ|พยาบาลได้", "พอ|สบายดี", "ต่อ|สมอง"),
        # after a syllable whose vowel is not written (คน, ผล, ลด, หมด): its final
        *("ผล|ของยา", "คน|บอกว่า", "ความดันลด|ลง", "อาการสงบ|ลง", "ผู้ป่วยหมด|สติ"),
        # after a final consonant: a closed syllable before อ, ฤ, a cluster's letters
        *("การฝึก|อบรม", "ยาออก|ฤทธิ์เร็ว", "สามารถ|บอกได้", "โปรด|ระวัง", "ขอพบ|แพทย์"),
        # after an open syllable: a word whose first vowel is not written (ขยาย, สติ)
        *("ที่|ขยายตัว", "ที่|สนับสนุน", "ศึกษา|ขนาดยา", "มี|ปฏิกิริยา", "แพทย์นี้|อธิบาย"),
        # after ไ- or ใ- and one consonant, a consonant with its own vowel starts a word
        "ทั่วไป|ระหว่างวัน",
    ],
)
def test_icu_s_word_boundary_after_a_vowel_or_final_read_as_a_consonant_stays(
    marked: str,
) -> None:
    # The rules took the อ of รอ for a bare consonant, the น of คน for one that starts
    # the next syllable (ค|รี, ง|ด), the ก of ฝึก for the initial of a syllable -อ-
    # (กอบ): ICU's boundary was dropped, รอผล and คนบอก became one piece at every width
    # and a narrow column cut them inside a syllable or as an emergency.
    text, at = cut(marked)
    assert at in line_breaks(text, "th")


@pytest.mark.parametrize(
    "marked",
    ["รอผ|ลตรวจ", "คนบ|อก", "ลดล|ง", "ฝึกอ|บรม", "โปร|ด", "สามาร|ถ", "ทบท|วน", "ส|โตรมัล"],
)
def test_inside_those_words_a_cut_still_falls_inside_a_syllable(marked: str) -> None:
    # The spelling alone (a cut inside a piece, where no dictionary said a word ends)
    # never takes these for syllable edges.
    text, at = cut(marked)
    assert not keeps_syllable(text, at)


#: The languages a leaflet is printed in, each with a sentence that holds a date.
DATE_SENTENCES = {
    "en": "Your next visit is on {date} at the clinic.",
    "th": "นัดครั้งต่อไปวันที่ {date} ที่คลินิก",
    "vi": "Lần khám tiếp theo vào ngày {date} tại phòng khám.",
    "zh_Hans": "下次就诊日期为{date}。",
    "ja": "次回の受診日は{date}です。",
    "ar": "موعدك القادم في {date} في العيادة.",
    "km": "ការណាត់ជួបលើកក្រោយនៅថ្ងៃ {date} នៅគ្លីនិក",
    "lo": "ນັດຄັ້ງຕໍ່ໄປວັນທີ {date} ທີ່ຄລີນິກ",
    "my": "နောက်တစ်ကြိမ် {date} တွင် ဆေးခန်းသို့ လာပါ။",
}


@pytest.mark.parametrize("lang", sorted(DATE_SENTENCES))
@pytest.mark.parametrize("month", [1, 5, 9, 12])
def test_a_printed_date_stays_on_one_line(lang: str, month: int) -> None:
    """A leaflet's date as `format_date` prints it (the review date, an appointment)
    reads as one: "6 December" at a line's end and "2027" on the next was found in an
    Arabic parallel column; 2027年|12月6日 and ၂၀၂၇ ဒီဇင်ဘာ |၆ the same."""
    date = format_date(dt.date(2027, month, 6), lang)
    sentence = DATE_SENTENCES[lang].replace("{date}", f"[{date}]")
    inside, before = unbroken(sentence, lang)
    assert inside == [], date
    assert before or lang in ("zh_Hans", "ja"), date  # a CJK line may end before 2027


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("Call on [December 6, 2027] or later", "en"),  # as an American writes it
        ("Call on [6 Dec 2027] or later", "en"),
        ("นัดวันที่ [6 ธ.ค. 2570] นะคะ", "th"),
        ("นัดวันที่ [6 ธันวาคม พ.ศ. 2570] นะคะ", "th"),
        ("التاريخ [٦ ديسمبر ٢٠٢٧] هنا", "ar"),
        ("日期[2027年12月6日]。", "zh_Hans"),
        # a year and its month, as Chinese and Japanese write one: 2024年|3月 read as
        # "in 2024" and a month of no year
        ("论文于[2024年3月]发表。", "zh_Hans"),
        ("論文於[2024年3月]發表。", "zh_Hant"),
        ("論文は[2024年3月]に発表されました。", "ja"),
        ("論文は[２０２４年３月]に発表されました。", "ja"),
        ("[2024年 3月]から", "ja"),
        # an abbreviation before the number or name it belongs to
        ("as shown on [p. 12] of the guide", "en"),
        ("as shown on [pp. 12–14] of the guide", "en"),
        ("as [Fig. 2] shows", "en"),
        ("bag [No. 5] first", "en"),
        ("ask [Dr. Somchai] or a nurse", "en"),
        ("ติดต่อ [นพ. สมชาย] ได้ทุกวัน", "th"),
        ("اسأل [د. أحمد] أو الممرضة", "ar"),
        # a number in scientific notation, spaced as ISO 80000 writes it
        ("a dose of [2.5 × 10⁶ cells/kg] of weight", "en"),
        ("ขนาด [2.5 × 10⁶ เซลล์/กก.] ของน้ำหนัก", "th"),
    ],
)
def test_a_date_or_what_follows_an_abbreviation_stays_on_one_line(marked: str, lang: str) -> None:
    inside, before = unbroken(marked, lang)
    assert inside == [] and before


@pytest.mark.parametrize(
    "marked",
    [
        "take 2 tablets |3 times a day",  # no month between the numbers
        "Decide |12 weeks before",  # a month's letters inside a longer word
        "asked Dr. Somchai |12 questions",  # the name ends the group
        "took up. |12 patients",  # a sentence's stop, not an abbreviation
    ],
)
def test_what_is_no_date_nor_abbreviation_still_breaks(marked: str) -> None:
    text, at = cut(marked)
    assert at in line_breaks(text, "en")


#: Paragraphs holding groups a line must not part: (text, lang, the groups).
KEPT_PARAGRAPHS = [
    (
        "Next review on 6 December 2027. Ask Dr. Somchai, see p. 12 and Fig. 2; "
        "the dose is 2.5 × 10⁶ cells/kg.",
        "en",
        ("6 December 2027", "Dr. Somchai", "p. 12", "Fig. 2", "2.5 × 10⁶"),
    ),
    ("ทบทวนครั้งต่อไป 6 ธันวาคม 2570 ติดต่อ นพ. สมชาย ได้ทุกวัน", "th", ("6 ธันวาคม 2570",)),
    ("موعد المراجعة القادم في 6 ديسمبر 2027 في العيادة.", "ar", ("6 ديسمبر 2027",)),
    ("次回の見直しは2027年12月6日です。", "ja", ("2027年12月6日",)),
    # a web or e-mail address and a DOI inside Chinese or Japanese, where a line breaks
    # between any two characters: ICU parted them after a slash or a point
    (
        "请参阅2024年3月发表的论文（doi:10.1016/j.stem.2018.05.004），"
        "详情请访问https://example.org/leaflets/infusion或发邮件至info@example.org。",
        "zh_Hans",
        (
            "2024年3月",
            "doi:10.1016/j.stem.2018.05.004",
            "https://example.org/leaflets/infusion",
            "info@example.org",
        ),
    ),
    (
        "請參閱論文（10.1016/S0140-6736(20)30183-5），詳情請造訪www.example.org/zh-tw。",
        "zh_Hant",
        ("10.1016/S0140-6736(20)30183-5", "www.example.org/zh-tw"),
    ),
    (
        "2024年3月に発表された論文（doi:10.1016/j.stem.2018.05.004）を参照し、"
        "詳しくは https://example.org/leaflets/infusion をご覧ください。",
        "ja",
        ("2024年3月", "doi:10.1016/j.stem.2018.05.004", "https://example.org/leaflets/infusion"),
    ),
    ("ការពិនិត្យលើកក្រោយ 6 ធ្នូ 2027 នៅគ្លីនិក", "km", ("6 ធ្នូ 2027",)),
    # a label and the number it labels (a phone's, a room's)
    (
        "For help: Tel. +66 2 123 4567, Fax: 02 123 4568, or go to Room 12.",
        "en",
        ("Tel. +66 2 123 4567", "Fax: 02 123 4568", "Room 12"),
    ),
    (
        "สอบถามเพิ่มเติม โทร. 02 123 4567 หรือติดต่อห้อง 12 ชั้น 3",
        "th",
        ("โทร. 02 123 4567", "ห้อง 12"),
    ),
    (
        "បើមានសំណួរ សូមទូរស័ព្ទ +95 1 000 0000 ឬមកបន្ទប់ 12",
        "km",
        ("ទូរស័ព្ទ +95 1 000 0000", "បន្ទប់ 12"),
    ),
    (
        "Nếu có câu hỏi, vui lòng liên hệ ĐT: 028 1234 5678 hoặc Điện thoại: 028 1234 "
        "5679, hoặc đến Phòng 12.",
        "vi",
        ("ĐT: 028 1234 5678", "Điện thoại: 028 1234 5679", "Phòng 12"),
    ),
    ("如有疑问，请拨打电话：+86 10 1234 5678", "zh_Hans", ("电话：+86 10 1234 5678",)),
    ("如有疑問，請撥打電話：+886 2 1234 5678", "zh_Hant", ("電話：+886 2 1234 5678",)),
    ("ご質問は電話：03-1234-5678までお問い合わせください。", "ja", ("電話：03-1234-5678",)),
    (
        "للاستفسار، هاتف: +66 2 123 4567 أو الغرفة 12 في الطابق الأول.",
        "ar",
        ("هاتف: +66 2 123 4567", "الغرفة 12"),
    ),
    (
        "ຖ້າມີຄຳຖາມ ຕິດຕໍ່ໂທລະສັບ 021 123 456 ຫຼື ມາທີ່ຫ້ອງ 12",
        "lo",
        ("ໂທລະສັບ 021 123 456", "ຫ້ອງ 12"),
    ),
    ("မေးစရာရှိပါက ဖုန်း ၀၁ ၂၃၄ ၅၆၇ သို့ ဆက်သွယ်ပါ။", "my", ("ဖုန်း ၀၁ ၂၃၄ ၅၆၇",)),
    (
        "प्रश्न हों तो फ़ोन: +91 11 2345 6789 पर संपर्क करें या कमरा 12 में आएँ।",
        "hi",
        ("फ़ोन: +91 11 2345 6789", "कमरा 12"),
    ),
]


def _unbroken(text: str, lang: str, start: int, end: int) -> tuple[int, int]:
    """The stretch no line may part that holds ``text[start:end]``, its trailing spaces
    left out: a group is set with what stays with it (2027 |នៅ: a number keeps the word
    after it; "Somchai," its comma)."""
    breaks = [0, *line_breaks(text, lang), len(text)]
    first = max(b for b in breaks if b <= start)
    last = min(b for b in breaks if b >= end)
    while text[last - 1] == " ":
        last -= 1
    return first, last


@pytest.mark.parametrize(("text", "lang", "groups"), KEPT_PARAGRAPHS)
def test_no_line_ends_inside_a_kept_group_that_fits_the_next_line(
    text: str, lang: str, groups: tuple[str, ...]
) -> None:
    """Set at every width from narrow to wide: a line ends inside a date, a title and
    its name or a reference and its number only when the group alone is wider than
    the line, and then at the group's own space or word edge, without an emergency
    cut, and never past the column."""
    widths = _widths(text, lang, 10)
    spans = [(text.index(group), text.index(group) + len(group)) for group in groups]
    stretches = {span: _unbroken(text, lang, *span) for span in spans}
    stretch = {span: sum(widths[a:b]) for span, (a, b) in stretches.items()}
    kept = segmentation.kept_breaks(text, lang)
    # The widest piece of each stretch between the breaks it keeps: a line that holds
    # it needs no emergency to cut the group.
    piece = {
        span: max(sum(widths[x:y]) for x, y in pairwise([a, *sorted(kept & set(range(a, b))), b]))
        for span, (a, b) in stretches.items()
    }
    for width in range(20, 320, 3):
        paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
        reported: list[str] = []
        paragraph.on_emergency_break = reported.append
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        at = 0
        for line in lines[:-1]:
            assert text.startswith(line, at), (width, lines)
            at += len(line)
            while text[at] == " ":
                at += 1
            for start, end in spans:
                assert not (start < at < end and stretch[start, end] <= width), (width, lines)
                if start < at < end and piece[start, end] <= width:
                    assert at in kept, (width, lines)  # where it broke before it was kept
        for start, end in spans:
            if stretch[start, end] <= width:
                assert not any(text[start:end] in part for part in reported), (width, reported)
        room = width + linebreak.HANG_EM * 10 + 1e-6  # what an emergency may hang past
        for set_line, shown in zip(paragraph.lines_for(width), lines, strict=True):
            # or one written syllable wider still, never cut (နောက် in 20 pt, not နော|က်)
            assert set_line.width <= room or _one_syllable(shown), (width, lines)


def _one_syllable(line: str) -> bool:
    """Whether ``line`` holds one written syllable: no cut inside it keeps them whole."""
    ink = line.strip()
    return all(orthographic.parts_a_syllable(ink, k) for k in range(1, len(ink)))


# A label and the number it labels read as one: a Khmer callout printed ទូរស័ព្ទ at a
# line's end and "+95 1 000 0000" on the next; Thai โทร. / 02 123 4567 and English
# "Tel." / number the same. A phone or fax label, a room's, a number's and a figure's
# keep the number after them, past the colon or mark that ends a label.
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("for help [Tel. +66 2 123 4567] any day", "en"),
        ("or [Phone: (02) 123 4567] at night", "en"),
        ("then [Fax: 02 123 4568] it", "en"),
        ("go to [Room 12] first", "en"),
        ("สอบถามเพิ่มเติม [โทร. 02 123 4567] ได้ทุกวัน", "th"),
        ("สอบถามเพิ่มเติม [โทรศัพท์: 02 123 4567] ได้ทุกวัน", "th"),
        ("ติดต่อ [ห้อง 12] ชั้น 3", "th"),
        ("บ้าน [เลขที่ 5] ถนนพระราม 4", "th"),
        ("សូម[ទូរស័ព្ទ +95 1 000 0000] ឥឡូវ", "km"),
        ("គ្លីនិក [ទូរស័ព្ទ\u17d6 +95 1 000 0000]", "km"),
        ("vui lòng liên hệ [ĐT: 028 1234 5678] nhé", "vi"),
        ("vui lòng liên hệ [Điện thoại: 028 1234 5678] nhé", "vi"),
        ("hoặc đến [Phòng 12] tầng 3", "vi"),
        ("请拨打[电话：+86 10 1234 5678]。", "zh_Hans"),
        ("请看[图2]。", "zh_Hans"),
        ("お問い合わせは[電話：03-1234-5678]まで", "ja"),
        ("للاستفسار [هاتف: +66 2 123 4567]", "ar"),
        ("أو [الغرفة 12] في الطابق الأول", "ar"),
        ("ຄລີນິກ [ໂທລະສັບ: 021 123 456]", "lo"),
        ("ဆေးခန်း [ဖုန်း- ၀၁ ၂၃၄ ၅၆၇]", "my"),
        ("ဆေးခန်း [အခန်း ၁၂]", "my"),
        ("क्लिनिक [फ़ोन: +91 11 2345 6789]", "hi"),
        ("या [कमरा 12] में आएँ", "hi"),
    ],
)
def test_a_label_stays_on_one_line_with_its_number(marked: str, lang: str) -> None:
    inside, before = unbroken(marked, lang)
    assert inside == [] and before


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("the microphone |12 inches away", "en"),  # "phone" ends a longer word
        ("Roommates |2 weeks", "en"),  # "Room" starts one
    ],
)
def test_what_only_looks_like_a_label_still_breaks(marked: str, lang: str) -> None:
    text, at = cut(marked)
    assert at in line_breaks(text, lang)


def test_every_catalogs_phone_label_stays_with_the_number() -> None:
    """The contact box prints "Phone" as each ui catalog translates it, ended as its
    language ends a label ("ទូរស័ព្ទ៖ ", "电话："): each is a label
    `data/keep-together.yaml` keeps with the number, so a new catalog or a new
    translation of the label is found here, not in a printed box."""
    project = Project.at(Path(__file__).resolve().parents[1])
    for lang in ["en", *catalog_locales(project)]:
        label = ui_labels(lang, project)("phone") + profile(lang).label_end
        text = f"{label}02 123 4567"
        assert any(start == 0 and end > len(label) for start, end in kept_groups(text, lang)), lang


# A word that makes the number after it an hour, a date's part or an ordinal reads as
# one with it: a Khmer leaflet printed ម៉ោង ("o'clock") at a line's end and ៩:៣០ on the
# next. The hour words are `hours` (before, alone) of data/numbers.yaml, the month's
# `month-words` of data/units.yaml: the words the translation checks read a time and a
# month by. A word after its number (៩ ម៉ោង, Lao 9 ໂມງ, Burmese
# ၉ နာရီ) is a unit the number keeps already (`keeps_number`).
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("មកដល់[ម៉ោង ៩:៣០] ព្រឹក", "km"),
        ("ឆ្នាំ២០២៧ [ម៉ោង ៩:៣០] ព្រឹក", "km"),
        ("ថ្ងៃទី ១៥ [ខែ ៥] ឆ្នាំ ២០២៧", "km"),
        ("นัด[ตี 2] และ[บ่าย 2] โมง", "th"),
        ("请在[下午2点]来", "zh_Hans"),
        ("[午後2時]に来てください", "ja"),
        ("[နံနက် ၈] နာရီ လာပါ", "my"),
        ("vào ngày 12 [tháng 5] năm 2026", "vi"),
        ("[Tháng 5] năm 2026", "vi"),  # at a sentence's start
        ("มาใน[เดือน 5]", "th"),
        ("ມາໃນ[ເດືອນ 5]", "lo"),
        # an ordinal's word: the second visit, item 3, day 6
        ("มาตรวจ[ครั้งที่ 2] และ[ข้อที่ 3]", "th"),
        ("ມາກວດ[ຄັ້ງທີ 2]", "lo"),
        ("đến lần [thứ 2]", "vi"),
    ],
)
def test_an_hour_s_a_date_s_or_an_ordinal_s_word_stays_with_its_number(
    marked: str, lang: str
) -> None:
    inside, _ = unbroken(marked, lang)
    assert inside == []


# The layout prints a ui label in English where its catalog has none (`ui_labels`), and
# every catalog keeps "LINE" and "WhatsApp" as written: in a Thai or Khmer contact box
# "Phone:" or "WhatsApp:" ended a line and the number started the next.
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("ติดต่อ [Phone: +66 2 123 4567]", "th"),
        ("ติดต่อ [Tel: 02 123 4567]", "th"),
        ("ติดต่อ [Fax: 02 123 4568]", "th"),
        ("ติดต่อ [WhatsApp: +66 81 234 5678]", "th"),
        ("សូម [Phone\u17d6 +855 23 123 456]", "km"),
        ("ຕິດຕໍ່ [Phone: 021 123 456]", "lo"),
        ("ဆက်သွယ်ရန် [Phone- ၀၁ ၂၃၄ ၅၆၇]", "my"),
        ("请[Phone：+86 10 1234 5678]", "zh_Hans"),
        ("للاستفسار [WhatsApp: +66 81 234 5678]", "ar"),
        ("liên hệ [WhatsApp: +84 28 1234 5678]", "vi"),
        ("for help [WhatsApp: +66 81 234 5678] any day", "en"),
        # a label of an address, not a number: the address's first word stays with it
        ("ติดต่อ [Email: clinic@example.org] ได้", "th"),
        ("ติดต่อ [LINE: @mscclinic] ได้", "th"),
        ("សូម [Web\u17d6 example.org]", "km"),
        ("write to [Email: clinic@example.org] any day", "en"),
        ("write to [E-mail: clinic@example.org] any day", "en"),
    ],
)
def test_an_english_label_stays_with_its_value_in_every_language(marked: str, lang: str) -> None:
    inside, before = unbroken(marked, lang)
    assert inside == [] and before


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("please email |clinic@example.org today", "en"),  # a verb, no label: no colon
        ("see the Web |12 times", "en"),
        ("Hotel: |12 rooms", "en"),  # "Tel" ends a longer word
        ("ที่Hotel: |12", "th"),
    ],
)
def test_what_only_looks_like_an_english_label_still_breaks(marked: str, lang: str) -> None:
    text, at = cut(marked)
    assert at in line_breaks(text, lang)


def _unit_words(lang: str) -> list[str]:
    """Every word `data/units.yaml` lists for ``lang`` after a number, its symbols, and
    its counters from `data/numbers.yaml` (เม็ด, 片, viên)."""
    from msc_leaflet.content.yaml_source import load_words
    from msc_leaflet.data import data_path

    units = load_words(data_path("units.yaml").read_text(encoding="utf-8"))
    numbers = load_words(data_path("numbers.yaml").read_text(encoding="utf-8"))
    words = [str(w) for table in (units["all"], units.get(lang) or {}) for w in _flat(table)]
    entry = numbers.get(lang) or {}
    words += [str(w) for w in _flat(entry.get("counts") or {})]
    words += [str(w) for w in entry.get("counters") or []]
    return words


def _flat(table: dict[str, list[object]]) -> list[object]:
    return [word for words in table.values() for word in words]


#: Each language's two in its own digits, beside the ASCII 2.
OWN_TWO = {"th": "๒", "lo": "໒", "km": "២", "my": "၂", "ar": "٢", "hi": "२"}
UNIT_LANGS = ["en", "th", "vi", "ar", "zh_Hans", "ja", "km", "lo", "my", "hi"]


@pytest.mark.parametrize("lang", UNIT_LANGS)
def test_no_line_parts_a_number_from_any_listed_unit_or_counter(lang: str) -> None:
    """ "2 | เม็ด" reads as a number alone and a word: every unit and counter the data
    lists, after ASCII digits, a decimal and the language's own digits, with a space, a
    thin or no-break space, or none between, stays with its number."""
    digits = {OWN_TWO.get(lang, "2"), "2", "12.5"}
    for word in _unit_words(lang):
        for number in digits:
            for space in (" ", "", THIN, NO_BREAK):
                text = f"ok {number}{space}{word} ok"
                at = 3 + len(number) + len(space)
                assert at not in line_breaks(text, lang), text


#: Closing marks after a run of digits or Latin letters, which ICU keeps in one unit
#: with them (5678。): in a narrow cell the unit is wider than the line, and its mark
#: hangs past the margin (burasagari, JIS X 4051 §3.1.11).
HANGING_AFTER_DIGITS = [
    ("请拨打5678。", "zh_Hans"),
    ("电话5678。谢谢", "zh_Hans"),
    ("请拨打5678，谢谢", "zh_Hans"),
    ("约5678」，好", "zh_Hans"),
    ("请看MSC。", "zh_Hans"),
    ("電話5678。ありがとう", "ja"),
    ("MRIの結果、5678。", "ja"),
]


@pytest.mark.parametrize(("text", "lang"), HANGING_AFTER_DIGITS)
def test_a_closing_mark_after_digits_hangs_on_half_an_em(text: str, lang: str) -> None:
    """ "5678。" in a column 2.5 characters wide was set with its stop on a whole em,
    hanging 7 pt past the margin (farther than `HANG_EM` lets any emergency run): a
    mark that hangs gives up the half em of space its font's ``halt`` gives it at a
    line's end (`end_squeeze`), so only its ink, never its empty half, passes the edge."""
    size = 10
    for width in range(15, 61):
        paragraph = make_paragraph(runs_for([(text, "")], size=size), body_style(size), lang)
        paragraph.on_emergency_break = lambda _: None
        paragraph.wrap(width, 10_000)
        lines = paragraph.lines_for(width)
        texts = paragraph.line_texts()
        room = width + linebreak.HANG_EM * size + 1e-6
        assert all(line.width <= room for line in lines), (width, texts)
        for line, drawn in zip(lines, texts, strict=True):
            if line.width > width + 1e-6 and drawn.rstrip()[-1] in "。，、」）":
                assert line.squeeze > 0, (width, texts)


# The contact box prints "Web" and "LINE" as each ui catalog translates them: a Thai
# box ended a line on "เว็บไซต์:" and printed the address on the next, where the English
# "Web:" was kept. The labels are read from the bundled catalogs, not typed twice.
CONTACT_VALUES = {"web": "https://www.example.org/clinic", "line": "@mscclinic"}


def test_every_catalogs_address_labels_stay_with_their_value() -> None:
    """Each ui catalog's "Web" and "LINE" label, ended as its language ends a label, is
    kept with the address after it: a new catalog or a new translation is found here."""
    project = Project.at(Path(__file__).resolve().parents[1])
    for lang in ["en", *catalog_locales(project)]:
        for key, value in CONTACT_VALUES.items():
            label = ui_labels(lang, project)(key) + profile(lang).label_end
            groups = kept_groups(f"{label}{value}", lang)
            assert any(start == 0 and end > len(label) for start, end in groups), (lang, key)


@pytest.mark.parametrize("lang", ["th", "km", "zh_Hans", "ar", "lo", "my", "vi", "ja"])
def test_a_contact_line_never_ends_on_its_web_label(lang: str) -> None:
    """Set at every width from narrow to wide, "Contact us" and the bold "Web" label
    before the address, all in the catalog's words: no line ends on the label, unless
    the label and the address's first piece ("https://") alone are wider than the line."""
    project = Project.at(Path(__file__).resolve().parents[1])
    labels = ui_labels(lang, project)
    label = labels("web") + profile(lang).label_end
    pieces = [(labels("contact") + " ", ""), (label, "b"), (CONTACT_VALUES["web"], "")]
    text = "".join(piece for piece, _ in pieces)
    at = text.index(label)
    widths = _widths(text, lang, 10, pieces)
    group = sum(widths[slice(*_unbroken(text, lang, at, at + len(label) + 1))])
    for width in range(20, 320, 3):
        paragraph = make_paragraph(runs_for(pieces, size=10), body_style(size=10), lang)
        paragraph.wrap(width, 10_000)
        lines = paragraph.line_texts()
        if group <= width:
            assert not any(line.rstrip().endswith(label.rstrip()) for line in lines), (
                width,
                lines,
            )


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("see the เว็บไซต์ |12 times", "th"),  # no label mark: a word, not a label
        ("网站|很多", "zh_Hans"),
    ],
)
def test_a_translated_address_label_without_its_mark_still_breaks(marked: str, lang: str) -> None:
    text, at = cut(marked)
    assert at in line_breaks(text, lang)


# A label that names the number after it reads as one with it, in every language: a Thai
# queue slip printed ที่ ("No.") at a line's end and 3 on the next, Vietnamese "năm" and
# "2027", Khmer ឆ្នាំ and ២០២៧, Chinese 第 and 2次. The words are data: a date's part
# words (`date-parts` in data/units.yaml, read by the translation checks too), the
# ordinal markers and labels of data/keep-together.yaml. Thai ที่ and Lao ທີ label a
# number only as a word of their own (ห้อง ที่ 5); ending a longer word (วันที่, ວັນທີ)
# they let a date start the next line, as before.
@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("ติดต่อห้อง [ที่ 5] ได้ทุกวัน", "th"),
        ("กรุณารอคิว [ที่ 3] นะคะ", "th"),
        ("ติดต่อห้อง\u200b[ที่ 5] ได้", "th"),  # an author's word boundary before it
        ("ມາຫ້ອງ [ທີ 5] ເດີ", "lo"),
        # With its year after năm the date is whole, kept as one (a line may end on
        # ngày before it, as the page prints dates: `long-date`); without, each label
        # keeps its number.
        ("vào [ngày 12] [tháng 5] nhé", "vi"),
        ("[Ngày 12] [tháng 5]", "vi"),
        ("vào ngày [12 tháng 5 năm 2027] nhé", "vi"),
        ("[Năm 2027] có nhiều thay đổi", "vi"),
        ("នៅ[ថ្ងៃទី ១៥] [ខែ ៥] [ឆ្នាំ ២០២៧]", "km"),
        ("នៅ[ថ្ងៃទី 15] [ខែ 5] [ឆ្នាំ 2027]", "km"),
        ("[၂၀၂၇ ခုနှစ်] ၅ လ [၁၅ ရက်]", "my"),
        ("[၂၀၂၇ခုနှစ်] မေလ", "my"),
        ("这是[第2次]治疗", "zh_Hans"),
        ("这是[第 2 次]治疗", "zh_Hans"),
        ("请看[第３页]", "zh_Hans"),
        ("これは[第2回]の治療です", "ja"),
        ("اذهب إلى [رقم 5] الآن", "ar"),
        ("تعال [الساعة 9] صباحا", "ar"),
        ("تعال في [الساعة ٩:٣٠] صباحا", "ar"),
    ],
)
def test_a_label_that_names_the_number_after_it_stays_with_it(marked: str, lang: str) -> None:
    inside, _ = unbroken(marked, lang)
    assert inside == []


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("ทาน |2 เม็ด", "th"),  # a verb before a dose: no label
        ("ความดันอยู่ที่ |120", "th"),  # ที่ ends a word ("at"): no label
        ("นัดวันที่ |6 ธันวาคม", "th"),  # the date may start a line after วันที่
        ("ນັດວັນທີ |6 ທັນວາ", "lo"),
        ("uống |2 viên", "vi"),
        ("服用|2片", "zh_Hans"),
        ("تناول |2 حبة", "ar"),
    ],
)
def test_a_word_that_merely_precedes_a_number_still_breaks(marked: str, lang: str) -> None:
    text, at = cut(marked)
    assert at in line_breaks(text, lang)


#: Paragraphs whose labels name the number after them, set at every width.
LABELLED_NUMBER_PARAGRAPHS = [
    ("กรุณารอเรียกคิวที่หน้าห้อง ที่ 3 ก่อนเวลานัด", "th", ("ที่ 3",)),
    ("ກະລຸນາລໍຖ້າຢູ່ໜ້າຫ້ອງ ທີ 3 ກ່ອນເວລານັດ", "lo", ("ທີ 3",)),
    (
        "Lần khám tiếp theo vào ngày 12 tháng 5 tại phòng khám.",
        "vi",
        ("ngày 12", "tháng 5"),
    ),
    # A whole date (`long-date`) too wide for its line parts between its parts, before
    # a part's word: "ngày 12 | tháng 5 năm 2027", "12 tháng 5 | năm 2027", never
    # "12 tháng | 5" (May parted from its name) nor "năm | 2027" (`label_starts`).
    (
        "Lần khám tiếp theo vào ngày 12 tháng 5 năm 2027 tại phòng khám.",
        "vi",
        ("12 tháng 5 năm 2027",),
    ),
    ("ការណាត់ជួបលើកក្រោយនៅថ្ងៃទី ១៥ ខែ ៥ ឆ្នាំ ២០២៧ នៅគ្លីនិក", "km", ("ឆ្នាំ ២០២៧",)),
    ("နောက်တစ်ကြိမ် ၂၀၂၇ ခုနှစ် မေလ ၁၅ ရက် တွင် လာပါ။", "my", ("၂၀၂၇ ခုနှစ်", "၁၅ ရက်")),
    ("这是您在本诊所的第2次治疗，请按时来。", "zh_Hans", ("第2次",)),
    ("これは当院での第2回の治療です。", "ja", ("第2回",)),
    ("موعدك القادم في الساعة 9 صباحا في العيادة.", "ar", ("الساعة 9",)),
]


@pytest.mark.parametrize(("text", "lang", "groups"), LABELLED_NUMBER_PARAGRAPHS)
def test_no_line_ends_between_a_label_and_its_number(
    text: str, lang: str, groups: tuple[str, ...]
) -> None:
    test_no_line_ends_inside_a_kept_group_that_fits_the_next_line(text, lang, groups)


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("Lần khám tiếp theo vào ngày |6 tháng 12, 2027 tại phòng khám.", "vi"),
        ("Lần khám tiếp theo vào ngày |6 tháng 12 năm 2027 tại phòng khám.", "vi"),
        ("ការណាត់ជួបនៅថ្ងៃទី |6 ធ្នូ 2027 នៅគ្លីនិក", "km"),
    ],
)
def test_a_line_may_end_on_a_label_before_a_whole_date(marked: str, lang: str) -> None:
    """A whole date (month name and year) is kept in one piece and says what it is: as
    after Thai วันที่, a line may end on the day's word before it."""
    text, at = cut(marked)
    assert at in line_breaks(text, lang)
    date = text[at:].split(" tại")[0].split(" នៅ")[0]
    assert any(text[start:end] == date for start, end in kept_groups(text, lang))


@pytest.mark.parametrize(
    "text",
    [
        "Lần khám tiếp theo vào ngày 12 tháng 5 năm 2027 tại phòng khám.",
        "Hẹn tái khám: ngày 3 tháng 11 năm 2027, lúc 8 giờ sáng.",
    ],
)
def test_a_wide_vietnamese_date_parts_between_its_parts(text: str) -> None:
    """A date wider than its line in a narrow column: a line that holds a part ("tháng
    5", "năm 2027") never ends on its word with its number on the next (May and 2027
    read apart from their names)."""

    def set_lines(text: str, width: float) -> list[str]:
        paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "vi")
        paragraph.wrap(width, 10_000)
        return [line.strip() for line in paragraph.line_texts()]

    for width in range(30, 200, 4):
        lines = set_lines(text, width)
        for line, after in pairwise(lines):
            if line.endswith(("tháng", "năm")) and after[:1].isdigit():
                part = f"{line.split()[-1]} {after.split()[0]}"
                assert len(set_lines(part, width)) > 1, (width, lines)


def test_a_cjk_ordinal_s_number_stays_with_its_marker_and_is_never_split() -> None:
    """第１２３页 (page 123): no break inside the number nor after 第."""
    text = "第１２３页：１０.５ｍｌ"
    assert [at for at in line_breaks(text, "zh_Hans") if at < 5] == []


# Every label the closing box prints before a value (`BEFORE_A_VALUE`): "Address" and
# "This leaflet online" ended a line with their value on the next in every language,
# where only "Web" and "LINE" were kept.
LABELLED_VALUES = {
    "address": "45 Riverside Road",
    "phone": "+66 2 123 4567",
    "line": "@mscclinic",
    "whatsapp": "+66 81 234 5678",
    "web": "https://www.example.org/clinic",
    "more-online": "https://www.example.org/l/after-your-infusion",
}


def test_every_label_printed_before_a_value_stays_with_it() -> None:
    """Each catalog's label of each `BEFORE_A_VALUE` key, ended as its language ends a
    label, is kept with the value's first character: a label the closing box starts
    printing is found here, not in a printed box."""
    from msc_leaflet.i18n.printed_labels import BEFORE_A_VALUE

    assert set(LABELLED_VALUES) == set(BEFORE_A_VALUE)
    project = Project.at(Path(__file__).resolve().parents[1])
    for lang in ["en", *catalog_locales(project)]:
        labels = ui_labels(lang, project)
        for key, value in LABELLED_VALUES.items():
            label = labels(key) + profile(lang).label_end
            groups = kept_groups(f"{label}{value}", lang)
            assert any(start == 0 and end > len(label) for start, end in groups), (lang, key)


#: A project's own ui.po wording its labels otherwise than the bundled catalog does
#: (th: เว็บ "web", เบอร์โทร "phone number", ที่ตั้ง "location", ดูเอกสารนี้ออนไลน์
#: "see this document online"; zh_Hans: 网址 "web address", 联系电话 "contact phone",
#: 地点 "place", 在线阅读本手册 "read this leaflet online").
OWN_LABELS = {
    "th": {
        "web": "เว็บ",
        "phone": "เบอร์โทร",
        "address": "ที่ตั้ง",
        "more-online": "ดูเอกสารนี้ออนไลน์",
    },
    "zh_Hans": {
        "web": "网址",
        "phone": "联系电话",
        "address": "地点",
        "more-online": "在线阅读本手册",
    },
}


def _own_ui_catalog(root: Path, lang: str) -> Project:
    """A project at ``root`` whose ``lang`` ui.po is the bundled one with `OWN_LABELS`."""
    bundled = Path(__file__).resolve().parents[1] / "locales" / lang / "LC_MESSAGES" / "ui.po"
    text = bundled.read_text(encoding="utf-8")
    for key, word in OWN_LABELS[lang].items():
        text = re.sub(
            rf'(msgctxt "{re.escape(key)}"\nmsgid "[^"]*"\nmsgstr )"[^"]*"', rf'\1"{word}"', text
        )
    folder = root / "locales" / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "ui.po").write_text(text, encoding="utf-8")
    (root / "leaflets").mkdir()
    return Project.at(root)


@pytest.mark.parametrize("lang", sorted(OWN_LABELS))
def test_a_projects_own_label_stays_with_its_value(tmp_path: Path, lang: str) -> None:
    """Laid out with a project's own ui.po, the label the box prints ("เว็บ:", not the
    bundled "เว็บไซต์:") is kept with its value, at every width its line fits in; set
    after the layout, the text is the bundled catalog's again."""
    from msc_leaflet.layout.story import labels_before_values
    from msc_leaflet.typeset.kept_groups import keeping_labels

    labels = ui_labels(lang, _own_ui_catalog(tmp_path, lang))
    assert all(labels.word(key) == word for key, word in OWN_LABELS[lang].items())
    with keeping_labels({lang: labels_before_values(labels)}):
        for key in OWN_LABELS[lang]:
            label = labels.word(key) + profile(lang).label_end
            text = f"{label}{LABELLED_VALUES[key]}"
            groups = kept_groups(text, lang)
            assert any(start == 0 and end > len(label) for start, end in groups), key
            pieces = [(label, "b"), (LABELLED_VALUES[key], "")]
            first = _unbroken(text, lang, 0, len(label) + 1)
            group = sum(_widths(text, lang, 10, pieces)[slice(*first)])
            for width in range(int(group) + 1, 320, 7):
                paragraph = make_paragraph(runs_for(pieces, size=10), body_style(size=10), lang)
                paragraph.wrap(width, 10_000)
                lines = paragraph.line_texts()
                assert not lines[0].rstrip().endswith(label.rstrip()), (key, width, lines)
    web = OWN_LABELS[lang]["web"] + profile(lang).label_end
    assert not any(start == 0 for start, _ in kept_groups(f"{web}example.org", lang))


def test_the_layout_keeps_the_labels_its_leaflet_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`layout_leaflet` sets its pages with the labels of the catalog the leaflet
    prints (`keeping_labels`), the words the closing box draws, and no longer."""
    from types import SimpleNamespace

    from msc_leaflet.layout import document

    labels = ui_labels("th", _own_ui_catalog(tmp_path, "th"))
    text = f"{OWN_LABELS['th']['web']}: example.org"
    seen: list[tuple[tuple[int, int], ...]] = []
    monkeypatch.setattr(document, "_layout", lambda *_: seen.append(kept_groups(text, "th")))
    version = SimpleNamespace(leaflet=SimpleNamespace(language="th"), labels=labels)
    document.layout_leaflet([version], None, format_date)  # type: ignore[list-item, arg-type]
    assert seen and any(start == 0 for start, _ in seen[0])
    assert not any(start == 0 for start, _ in kept_groups(text, "th"))


# A word of `before-number-as-word` opened by a bracket or a quote is still a word of
# its own: a slip read "(ที่" at a line's end and "3)" on the next, where "ห้อง ที่ 3"
# was kept. After a letter it ends a longer word (วันที่ 6) and a date may follow.
@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("รอคิว (ที่ 3) นะคะ", "th", "ที่ 3"),
        ("รอคิว “ที่ 3” นะคะ", "th", "ที่ 3"),
        ("รอคิว ‘ที่ 3’ นะคะ", "th", "ที่ 3"),
        ('รอคิว "ที่ 3" นะคะ', "th", "ที่ 3"),
        ("รอคิว [ที่ 3] นะคะ", "th", "ที่ 3"),
        ("รอคิว {ที่ 3} นะคะ", "th", "ที่ 3"),
        ("รอคิว «ที่ 3» นะคะ", "th", "ที่ 3"),
        ("รอคิว（ที่ 3）นะคะ", "th", "ที่ 3"),
        ("ມາຫ້ອງ (ທີ 5) ເດີ", "lo", "ທີ 5"),
    ],
)
def test_a_word_labelling_a_number_after_an_opening_mark_stays_with_it(
    text: str, lang: str, word: str
) -> None:
    start = text.index(word)
    assert (start, start + len(word)) in kept_groups(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("(วันที่ 6 ธันวาคม)", "th"), ("ห้อง-ที่ 3", "th"), ("(ວັນທີ 6)", "lo")],
)
def test_a_word_labelling_a_number_inside_a_longer_word_is_not_kept(text: str, lang: str) -> None:
    word = "ที่" if lang == "th" else "ທີ"
    start = text.index(word)
    assert not any(begin == start for begin, _ in kept_groups(text, lang))


#: Paragraphs holding short identifiers (letters and digits around a hyphen, or a
#: name's letters and its number: cell markers, a virus, a test), each in brackets, as
#: the stromal-or-stem leaflet's table cells print them: ICU breaks after the hyphen of
#: HLA-|DR and SARS-|CoV-2, and the number that ends IL-6 or CD14 was read as a
#: quantity keeping the word after it ("CD14 หรือ CD11b" one piece), so a narrow cell
#: cut the chain after a hyphen.
IDENTIFIER_PARAGRAPHS = [
    ("en", "Markers [CD105], [CD73] and [HLA-DR] differ; [IL-6] [CD105] [COVID-19] [HbA1c]."),
    ("en", "Cells with [SARS-CoV-2] or [Type-2] [HLA-DR] markers are [T-cell] types."),
    ("th", "ไม่พบ [CD45], [CD34], [CD14] หรือ [CD11b], [CD19] หรือ [CD79a] และ [HLA-DR] ในเซลล์"),
    ("th", "ผู้ป่วย [COVID-19] ที่มีค่า [HbA1c] สูงและ [IL-6] สูง ควรพบแพทย์"),
    ("ar", "مرضى [COVID-19] لديهم مستوى مرتفع من [IL-6] و [HLA-DR] و [SARS-CoV-2]"),
]


@pytest.mark.parametrize(("lang", "marked"), IDENTIFIER_PARAGRAPHS)
def test_a_short_identifier_ends_no_line_inside_unless_wider_than_it(
    lang: str, marked: str
) -> None:
    """Set at every width from a narrow cell to a page: no line ends inside an
    identifier that fits the line (HLA-|DR, COVID-|19 read as a word cut in two)."""
    text = marked.replace("[", "").replace("]", "")
    spans = []
    for match in re.finditer(r"\[([^]]*)\]", marked):
        start = len(marked[: match.start()].replace("[", "").replace("]", ""))
        spans.append((start, start + len(match.group(1))))
    widths = _widths(text, lang, 10)
    paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
    wrong = set()
    for width in range(20, 300, 3):
        paragraph.wrap(width, 10_000)
        at = 0
        for line in paragraph.line_texts()[:-1]:
            at = text.index(line, at) + len(line)
            for start, end in spans:
                stop = end  # with the punctuation no line starts with: "CD105,"
                while stop < len(text) and text[stop] in ",.;":
                    stop += 1
                if start < at < end and sum(widths[start:stop]) <= width:
                    wrong.add(f"{width} pt: {text[start:at]}|{text[at:end]}")
    assert not wrong, "\n".join(sorted(wrong))


@pytest.mark.parametrize(
    "marked",
    [
        "IL-6 |levels",
        "COVID-19 |cases",
        "CD105 |and",
        "SARS-CoV-2 |infection",
        "CD14 |หรือ",
        "Type-2 |diabetes",
        "COVID-19 |و",
    ],
)
def test_the_number_ending_an_identifier_keeps_no_word_after_it(marked: str) -> None:
    # IL-6's 6 is no quantity of "levels": a line may end after the identifier.
    assert keeps_number(*cut(marked))


@pytest.mark.parametrize("marked", ["3-5 |days", "take 3 |tablets", "8–12 |ชั่วโมง", "2 x 10-5 |mg"])
def test_a_range_or_a_quantity_still_keeps_its_unit(marked: str) -> None:
    assert not keeps_number(*cut(marked))


@pytest.mark.parametrize(
    "marked", ["a well-|known drug", "long-|term care", "Graft-|versus-|host disease"]
)
def test_ordinary_hyphenated_english_still_breaks_after_its_hyphen(marked: str) -> None:
    text, _ = cut(marked)
    expected = [i - k for k, i in enumerate(j for j, c in enumerate(marked) if c == "|")]
    breaks = line_breaks(text, "en")
    assert set(expected) <= set(breaks), breaks


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        ("Tái khám mỗi 6 tháng |2 lần", "vi"),  # every 6 months, twice
        ("uống trong 3 ngày |5 viên", "vi"),  # for 3 days, 5 tablets
        ("trong 3 tháng |12 ngày", "vi"),  # 3 months and 12 days
        ("ក្រោយ ៦ ខែ |២ ដង", "km"),  # after 6 months, twice
        ("២ ម៉ោង |៣០ នាទី", "km"),  # 2 hours 30 minutes
    ],
)
def test_a_unit_of_time_after_a_number_keeps_no_number_after_it(marked: str, lang: str) -> None:
    # tháng, ngày, ខែ, ម៉ោង also label a date's month, day or hour (tháng 5 is May), so
    # the number after them stayed with them: "6 tháng 2 lần" was one piece, and a
    # column set "Tái khám mỗi" alone on a line with the duration below it. After a
    # number they are its unit, and the next number is a count of its own.
    text, at = cut(marked)
    assert at in line_breaks(text, lang)
    assert not any(start < at < end for start, end in kept_groups(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "parts"),
    [
        # A whole date now (its year after năm, as `format_date` prints it): the line
        # may end on ngày before it, as on วันที่, but never inside it.
        ("vào ngày 12 tháng 5 năm 2027 nhé", "vi", ("12 tháng 5 năm 2027",)),
        ("នៅថ្ងៃទី ១៥ ខែ ៥ ឆ្នាំ ២០២៧", "km", ("ថ្ងៃទី ១៥", "ខែ ៥", "ឆ្នាំ ២០២៧")),
        ("ឆ្នាំ២០២៧ ម៉ោង ៩:៣០", "km", ("ឆ្នាំ២០២៧", "ម៉ោង ៩:៣០")),
    ],
)
def test_a_dates_parts_still_keep_their_numbers(
    text: str, lang: str, parts: tuple[str, ...]
) -> None:
    # The month's word after the day's number (ngày 12 tháng 5) is the date's, no unit.
    breaks = line_breaks(text, lang)
    for part in parts:
        start = text.index(part)
        assert not any(start < at < start + len(part) for at in breaks), part


#: Words wider than a narrow cell, each ending in the punctuation the sentence gave it.
NARROW_IDENTIFIERS = [
    "CD105,",
    "(CD105)",
    "COVID-19;",
    "HLA-DR,",
    "SARS-CoV-2.",
    "38.5°C.",
    "IL-6,",
]


@pytest.mark.parametrize("word", NARROW_IDENTIFIERS)
def test_an_identifier_wider_than_its_cell_is_cut_at_a_seam_a_reader_accepts(word: str) -> None:
    """A cell narrower than the word: no line starts with an identifier's hyphen ("-19"
    reads as minus nineteen, "-DR" as a suffix) nor parts 38.5° from its C; and where
    only the closing stop or bracket is too wide, it hangs past the line instead of
    the word being cut (CD|105, in a cell that holds CD105; "CD105," hung its comma)."""
    text = f"Markers {word} here"
    start, end = text.index(word), text.index(word) + len(word)
    widths = _widths(text, "en", 10)
    bare = word.rstrip(",.;)")
    bare_width = sum(widths[start : start + len(bare)])
    wrong = set()
    for width in range(14, 60, 2):
        paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "en")
        paragraph.on_emergency_break = lambda _: None
        paragraph.wrap(width, 10_000)
        at = 0
        for line in paragraph.line_texts():
            at = text.index(line, at)
            if start < at < end:
                shown = f"{width} pt: {text[start:at]}|{text[at:end]}"
                if text[at] == "-" or text[at - 1] == "°" or text[at] in ",.;)":
                    wrong.add(shown)
                # after its hyphen an identifier may end a line (HLA-|DR, a kept group's
                # own seam); elsewhere a word that fits but for its stop is not cut
                if bare_width <= width and text[at - 1] != "-":
                    wrong.add(shown + " (the word fits but for its punctuation)")
            at += len(line)
    assert not wrong, "\n".join(sorted(wrong))


#: Identifiers in brackets or quotation marks, in the sentences a narrow cell holds.
BRACKETED_IDENTIFIERS = [
    ("en", "Markers (CD105) here"),
    ("en", "Markers (CD105), here"),
    ("en", "Markers [HbA1c] here"),
    ("en", "Markers (IL-6) here"),
    ("en", "Markers \u201cCD105\u201d here"),
    ("ar", "علامات (CD105) هنا"),
    ("th", "ค่า (HbA1c) สูง"),
]


@pytest.mark.parametrize(("lang", "text"), BRACKETED_IDENTIFIERS)
def test_a_bracketed_identifier_that_fits_but_for_its_brackets_is_not_cut(
    lang: str, text: str
) -> None:
    """A cell that holds CD105 and its closing bracket but not its opening one: the line
    ends after "(" and the next reads "CD105)". It was cut (CD|105), two names to a
    reader, as CD|105, was before its comma hung."""
    match = re.search(r"[\w-]*\d\w*|[A-Z][\w-]*\d\w*", text)
    assert match
    start, end = match.span()
    widths = _widths(text, lang, 10)
    word = sum(widths[start:end])
    wrong = set()
    for width in range(14, 60, 2):
        if word > width:
            continue  # the word itself is wider than the line: cut it somewhere
        paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), lang)
        paragraph.on_emergency_break = lambda _: None
        paragraph.wrap(width, 10_000)
        at = 0
        for line in paragraph.line_texts()[:-1]:
            at = text.index(line, at) + len(line)
            if start < at < end and text[at - 1] != "-":  # IL-|6: its own seam
                wrong.add(f"{width} pt: {text[:at]}|{text[at:]}")
    assert not wrong, "\n".join(sorted(wrong))


@pytest.mark.parametrize("number", ["10,000,", "12,500.50", "1,250,000"])
def test_a_number_wider_than_its_cell_is_cut_after_a_group_mark(number: str) -> None:
    # A cell narrower than the number printed 12,50|0.50: the next line read "0.50", a
    # number of its own. Cut after a group's comma or point, each line reads as part.
    text = f"Costs {number} baht"
    start = text.index(number)
    for width in range(22, 40, 2):  # from a group of three digits and its mark
        paragraph = make_paragraph(runs_for([(text, "")], size=10), body_style(size=10), "en")
        paragraph.on_emergency_break = lambda _: None
        paragraph.wrap(width, 10_000)
        at = 0
        for line in paragraph.line_texts()[:-1]:
            at = text.index(line, at) + len(line)
            if start < at < start + len(number) and text[at - 1] not in ",.":
                pytest.fail(f"{width} pt: {text[start:at]}|{text[at : start + len(number)]}")
