"""A number keeps its unit in a narrow column wherever the line holds the two, and a word
that fits its line is never cut to fill a line.

Where "500 milligrams" is wider than the line (a table cell, an A5 parallel column),
the two part at their space: a word cut to keep them ("500 milli-" / "grams") reads,
copies and searches as two, and a line ending in a number is read on into the next.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_LEFT

from msc_leaflet.typeset import make_paragraph
from typeset_support import EXTRACTORS, body_style, build_document, runs_for, split_lines

DOSE = "Take 500 milligrams twice a day with water."
COMPOUND = "Mesenchymal stromal cells are studied for thrombocytopenia in small trials."


def lines(text: str, width: float, lang: str = "en", size: float = 10) -> list[str]:
    paragraph = make_paragraph(runs_for([(text, "")], size), body_style(TA_LEFT, size), lang)
    paragraph.wrap(width, 10_000)
    return [line.strip() for line in paragraph.line_texts()]


def widths(text: str, width: float, lang: str = "en", size: float = 10) -> list[float]:
    paragraph = make_paragraph(runs_for([(text, "")], size), body_style(TA_LEFT, size), lang)
    paragraph.wrap(width, 10_000)
    return [line.width for line in paragraph.lines_for(width)]


def assert_kept_in_narrow_column(
    extractor: str,
    cases: Iterable[tuple[str, str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each ``(text, lang, group)`` set in a column just wide enough for ``group``: the
    group is drawn on one line, ``extractor`` gives it back on one line, and the lines
    joined give the text as written."""
    for text, lang, group in cases:
        column = widths(group, 10_000, lang, size=11)[0] + 14  # 11 pt, a frame pads 6 pt
        built = build_document(
            tmp_path / f"{lang}.pdf",
            [[(text, "")]],
            column=column,
            lang=lang,
            monkeypatch=monkeypatch,
        )
        assert any(group in line for line in built.lines), built.lines
        extracted = split_lines(EXTRACTORS[extractor](built.path))
        assert any(group in line for line in extracted), (extractor, extracted)
        assert "".join(extracted).replace(" ", "") == text.replace(" ", ""), extracted


@pytest.mark.parametrize(
    ("text", "lang", "number", "unit"),
    [
        ("Liều dùng 500 mg mỗi ngày hai lần với nước.", "vi", "500", "mg"),
        ("ยาขนาด 500 มิลลิกรัม วันละสองครั้ง", "th", "500", "มิลลิกรัม"),
        ("Take 2 tablets with 250 millilitres of water.", "en", "250", "milli"),
    ],
)
@pytest.mark.parametrize("width", [50, 60, 70, 80, 90])
def test_a_number_keeps_its_unit_wherever_the_line_holds_both(
    text: str, lang: str, number: str, unit: str, width: int
) -> None:
    """Vietnamese "500 mg", Thai "500 มิลลิกรัม" and English "250 millilitres" stay on
    one line wherever it holds them; when the two are wider than the line, the whole
    word moves, never a syllable of it."""
    set_lines = lines(text, width, lang)
    for line, after in pairwise(set_lines):
        if line.endswith(number) and after.startswith(unit):
            together = lines(f"{number} {after.split()[0]}", 10_000, lang)[0]
            assert widths(together, 10_000, lang)[0] > width, set_lines


@pytest.mark.parametrize("width", [50, 60, 70, 80, 90])
@pytest.mark.parametrize(
    "text",
    [
        "Web: https://www.ednawellness.com and LINE @ednawellness",  # typed as printed
        "Ask Dr. Galderisi about the damaged tissue today.",  # a name, short words
        DOSE,  # "Take" alone before "500 milligrams": loose, not "500 milli-" / "grams"
        COMPOUND,  # "for" alone before "thrombocytopenia"
    ],
)
def test_a_word_that_fits_is_never_cut_to_fill_a_line(text: str, width: int) -> None:
    """A hyphen inside an address is typed by whoever copies it ("ednawell-ness.com");
    a name is searched whole; "dam-" / "aged" reads as two words; a line left loose
    before a long word stays loose rather than cut the word."""
    set_lines = lines(text, width)
    if all(widths(word, 10_000)[0] <= width for word in text.split()):
        assert " ".join(set_lines).split() == text.split(), set_lines


def test_a_title_is_balanced_never_hyphenated() -> None:
    from msc_leaflet.layout.styles import build_styles
    from msc_leaflet.theme.theme import load_theme
    from msc_leaflet.typeset import Run, default_family

    family = default_family()
    style = build_styles(load_theme(paper="a5"), family, "en")["title"]
    text = "What the research says so far"
    run = Run(text, family.face(True, False), style.fontSize, black)
    paragraph = make_paragraph([run], style, "en")
    paragraph.wrap(170, 10_000)
    assert " ".join(line.strip() for line in paragraph.line_texts()).split() == text.split()


# A unit borrowed into a script ICU reads by syllables or characters: it split the unit
# (៥០០ មី|លីក្រាម, 500毫|克, 500ミ|リグラム, 50 phần| trăm), or, glued to the word after
# it, left the number alone at the line's end (၂ | ရက်ကြာ).
NUMBERS_WITH_UNITS = [
    ("ဆေးကို ၅၀၀ မီလီဂရမ် တစ်နေ့ နှစ်ကြိမ် သောက်ပါ။", "my", "၅၀၀ မီလီဂရမ်"),
    ("၂ ရက်ကြာ အနားယူပါ။ ပြီးလျှင် ဆရာဝန်ကို မေးပါ။", "my", "၂ ရက်"),
    ("លេបថ្នាំ ៥០០ មីលីក្រាម ពីរដងក្នុងមួយថ្ងៃ។", "km", "៥០០ មីលីក្រាម"),
    ("លេបថ្នាំ៥០០មីលីក្រាមពីរដងក្នុងមួយថ្ងៃ។", "km", "៥០០មីលីក្រាម"),
    ("दिन में दो बार 500 मिलीग्राम पानी के साथ लें।", "hi", "500 मिलीग्राम"),
    ("รับประทานยา500มิลลิกรัมวันละสองครั้ง", "th", "500มิลลิกรัม"),
    ("每次服用500毫克药片，每天两次。", "zh_Hans", "500毫克"),
    ("1日2回、500ミリグラムを水で服用してください。", "ja", "500ミリグラム"),
    ("Dùng 50 phần trăm liều vào buổi sáng.", "vi", "50 phần trăm"),
]


@pytest.mark.parametrize(("text", "lang", "group"), NUMBERS_WITH_UNITS)
def test_a_number_and_its_unit_share_a_line_in_every_script(
    text: str, lang: str, group: str
) -> None:
    """Wherever a line holds a number and its unit (`data/units.yaml`), in Burmese,
    Khmer, Hindi, Thai, Chinese, Japanese and Vietnamese, from a narrow table cell to a
    column, a reader finds them on one line, the unit whole."""
    need = widths(group, 10_000, lang)[0]
    for width in range(20, 130, 3):
        set_lines = lines(text, width, lang)
        if need <= width:
            assert any(group in line for line in set_lines), (width, set_lines)


# A counter said after a number (`counts` and `counters` in data/numbers.yaml) and the
# Lao dose units: "ยา2" / "เม็ด", "1 ช้อน" / "ชา", "2カプ" / "セル", "500 ມິ" / "ລີກຣາມ"
# were printed, a dose cut in two at the line's end.
NUMBERS_WITH_COUNTERS = [
    ("รับประทานยา2เม็ดหลังอาหารเช้าและเย็นทุกวัน", "th", "2เม็ด"),
    ("รับประทานยาวันละ3ครั้งหลังอาหารเช้าและเย็นทุกวัน", "th", "3ครั้ง"),
    ("รับประทานยา 1 ช้อนชาหลังอาหารเช้าและเย็นทุกวัน", "th", "1 ช้อนชา"),
    ("ກິນຢາ2ເມັດຫຼັງອາຫານທຸກຄາບ", "lo", "2ເມັດ"),
    ("ກິນຢາມື້ລະ3ຄັ້ງຫຼັງອາຫານທຸກຄາບ", "lo", "3ຄັ້ງ"),
    ("លេបថ្នាំ២គ្រាប់ពីរដងក្នុងមួយថ្ងៃបន្ទាប់ពីញ៉ាំអាហារ។", "km", "២គ្រាប់"),
    ("ဆေး၂ပြားကိုတစ်နေ့၃ကြိမ်သောက်ပါ။", "my", "၃ကြိမ်"),
    ("1回2カプセルを1日3回服用してください。", "ja", "2カプセル"),
    ("ກິນຢາ 500 ມິລີກຣາມ ມື້ລະສອງຄັ້ງ ຫຼັງອາຫານ.", "lo", "500 ມິລີກຣາມ"),
    ("ກິນຢາ 500 ມິນລີກຣາມ ມື້ລະສອງຄັ້ງ ຫຼັງອາຫານ.", "lo", "500 ມິນລີກຣາມ"),
    ("ວິຕາມິນ 1000 ໄມໂຄຣກຣາມ ຕໍ່ມື້ຫຼັງອາຫານ.", "lo", "1000 ໄມໂຄຣກຣາມ"),
    ("ດື່ມນ້ຳ 250 ມລ ທຸກຄັ້ງຫຼັງກິນຢາ.", "lo", "250 ມລ"),
    ("ដាក់ថ្នាំ២ដំណក់ក្នុងភ្នែកម្ខាងៗរៀងរាល់ព្រឹក។", "km", "២ដំណក់"),
    # the number in words, where no space parts words: "วันละสอง" / "ครั้ง", "两" / "片"
    ("รับประทานยาวันละสองครั้งหลังอาหารเช้าและเย็น", "th", "สองครั้ง"),
    ("รับประทานยาครั้งละหนึ่งเม็ดหลังอาหารเช้าและเย็น", "th", "หนึ่งเม็ด"),
    ("ກິນຢາມື້ລະສາມຄັ້ງຫຼັງອາຫານທຸກຄາບ", "lo", "ສາມຄັ້ງ"),
    ("លេបថ្នាំពីរគ្រាប់ក្រោយអាហាររៀងរាល់ថ្ងៃ", "km", "ពីរគ្រាប់"),
    ("ဆေးနှစ်ပြားကိုတစ်နေ့သုံးကြိမ်သောက်ပါ။", "my", "သုံးကြိမ်"),
    ("每次服用两片，每天三次，连续服用七天。", "zh_Hans", "两片"),
    ("1回二錠を1日三回服用してください。", "ja", "二錠"),
    # a capsule, and the Burmese everyday counters: "2 ແຄັບ" / "ຊູນ", "២ កាប់" / "ស៊ុល"
    ("ກິນຢາ 2 ແຄັບຊູນ ຫຼັງອາຫານທຸກຄາບ", "lo", "2 ແຄັບຊູນ"),
    ("ກິນຢາສອງແຄັບຊູນຫຼັງອາຫານທຸກຄາບ", "lo", "ສອງແຄັບຊູນ"),
    ("លេបថ្នាំ ២ កាប់ស៊ុល ក្រោយអាហារ", "km", "២ កាប់ស៊ុល"),
    ("ဆေး၂တောင့်ကို တစ်နေ့သုံးခါ သောက်ပါ။", "my", "၂တောင့်"),
    ("ဆေး၂တောင့်ကို တစ်နေ့သုံးခါ သောက်ပါ။", "my", "သုံးခါ"),
    # hundreds in words: "ສອງ" / "ຮ້ອຍມິລລີກຣາມ" read as no number before
    ("ກິນຢາສອງຮ້ອຍມິລລີກຣາມຫຼັງອາຫານທຸກຄາບ", "lo", "ສອງຮ້ອຍມິລລີກຣາມ"),
    ("លេបថ្នាំពីររយមីលីក្រាមក្រោយអាហារ", "km", "ពីររយមីលីក្រាម"),
    ("รับประทานยาสองร้อยมิลลิกรัมหลังอาหารเช้า", "th", "สองร้อยมิลลิกรัม"),
]


@pytest.mark.parametrize(("text", "lang", "group"), NUMBERS_WITH_COUNTERS)
def test_a_number_and_its_counter_share_a_line(text: str, lang: str, group: str) -> None:
    """Wherever a line holds a number and its counter (tablets, times, a teaspoon) or a
    Lao dose unit, a reader finds them on one line, the word whole, glued to the words
    around it or not."""
    need = widths(group, 10_000, lang)[0]
    for width in range(20, 130, 3):
        set_lines = lines(text, width, lang)
        if need <= width:
            assert any(group in line for line in set_lines), (width, set_lines)


#: Burmese numbers with their counters: 3 months, 2 tablets, within 3 months, twice a
#: day.
A_LITTLE_WIDER = [
    ("ဆေးကို ၃ လ သောက်ပါ။", "၃ လ"),
    ("ဆေး ၂ လုံး သောက်ပါ။", "၂ လုံး"),
    ("၃ လအတွင်း ပြန်လာပါ။", "၃ လ"),
    ("တစ်နေ့ ၂ ကြိမ် သောက်ပါ။", "၂ ကြိမ်"),
]


@pytest.mark.parametrize(("text", "group"), A_LITTLE_WIDER)
def test_a_number_and_its_counter_a_little_wider_than_the_line_are_not_parted(
    text: str, group: str
) -> None:
    """A number and its counter up to 0.6 em wider than the line run past its end
    together: ၃ လ ("3 months") in a column two ems wide printed a bare ၃, its counter
    on the next line."""
    need = widths(group, 10_000, "my")[0]
    for tenth in range(6):
        set_lines = lines(text, need - tenth, "my")
        assert any(group in line for line in set_lines), (need - tenth, set_lines)


#: A number glued to the word before it and to its counter: medicine 2 capsules (Burmese),
#: take medicine 2 tablets (Lao, Khmer).
GLUED_BOTH_SIDES = [
    ("ဆေး၂တောင့်ကို", "my", "၂တောင့်"),
    ("ກິນຢາ2ເມັດ", "lo", "2ເມັດ"),
    ("លេបថ្នាំ២គ្រាប់", "km", "២គ្រាប់"),
]


@pytest.mark.parametrize(("text", "lang", "group"), GLUED_BOTH_SIDES)
def test_a_line_too_narrow_for_a_glued_number_and_counter_ends_before_the_number(
    text: str, lang: str, group: str
) -> None:
    """ဆေး၂တောင့်ကို in a column 30 pt wide printed "ဆေး၂" / "တောင့်", the number with
    the word before it ("medicine 2") and its counter on the next line: a line up to
    0.6 em too narrow for the two ends before the number (they run past its end
    together, or start the next), and wherever a line holds them, they share one."""
    need = widths(group, 10_000, lang)[0]
    for width in range(math.ceil(need) - 6, math.ceil(need) + 30):
        set_lines = lines(text, width, lang)
        ends = [line for line in set_lines if line[-1].isdigit() and not line.isdigit()]
        assert not ends, (width, set_lines)  # ဆေး၂ / တောင့်
        if width >= need:
            assert any(group in line for line in set_lines), (width, set_lines)


def test_a_counter_that_starts_a_longer_word_opens_no_break_inside_it() -> None:
    """Thai คน (people) also starts คนไข้ (patient): after "2" it is no counter there, and
    no line ends "คน" before "ไข้"."""
    text = "ในการศึกษานี้มี 2 คนไข้ที่ได้รับเซลล์ครบทุกครั้ง"
    for width in range(int(widths("คนไข้", 10_000, "th")[0]) + 1, 130, 3):
        set_lines = lines(text, width, "th")
        for line, after in pairwise(set_lines):
            assert not (line.endswith("คน") and after.startswith("ไข้")), (width, set_lines)


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf", "pdfminer", "pypdfium2"])
def test_a_kept_counter_reads_whole_in_every_extractor(
    extractor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a column too narrow for the sentence, each number and its counter or Lao unit
    is drawn on one line, and every extractor gives it back on one line, as written."""
    cases = [
        (t, lang, group)
        for t, lang, group in NUMBERS_WITH_COUNTERS
        if lang not in ("ja", "zh_Hans")
    ]
    assert_kept_in_narrow_column(extractor, cases, tmp_path, monkeypatch)


# A unit glued to the next word by its full stop, the unit's own (Lao ມກ., Thai มก.) or
# a sentence's typed without its space: ICU sees no break before a letter after a stop,
# and a column too narrow for the whole run printed "500" / "ມກ.ຕໍ່ມື້" and "take 5" /
# "mg.Take".
GLUED_BY_A_STOP = [
    ("ກິນຢາ 500 ມກ.ຕໍ່ມື້ຫຼັງອາຫານທຸກຄາບ", "lo", "500 ມກ."),
    ("ກິນຢາ 250 ມລ.ຕໍ່ມື້ຫຼັງອາຫານທຸກຄາບ", "lo", "250 ມລ."),
    ("รับประทานยา 500 มก.ต่อวันหลังอาหาร", "th", "500 มก."),
    ("ดื่มน้ำ 250 มล.ต่อวันหลังอาหารเช้า", "th", "250 มล."),
    ("มีไข้ได้ภายใน 24 ชม.หลังการฉีดเซลล์", "th", "24 ชม."),
    ("Please take 5 mg.Take it with water every day.", "en", "5 mg."),
    ("Drink 250 ml.Then rest for an hour.", "en", "250 ml."),
    ("Uống 500 mg.Sau đó nghỉ ngơi.", "vi", "500 mg."),
]


@pytest.mark.parametrize(("text", "lang", "group"), GLUED_BY_A_STOP)
def test_a_unit_glued_by_its_stop_keeps_its_number(text: str, lang: str, group: str) -> None:
    """Wherever a line holds the number, its unit and the unit's stop, they share a
    line; the line may end after the stop, and never starts with it."""
    need = widths(group, 10_000, lang)[0]
    for width in range(20, 140, 3):
        set_lines = lines(text, width, lang)
        assert not any(line.startswith(".") for line in set_lines), (width, set_lines)
        if need <= width:
            assert any(group in line for line in set_lines), (width, set_lines)


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf", "pdfminer", "pypdfium2"])
def test_a_unit_glued_by_its_stop_reads_whole_in_every_extractor(
    extractor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a column just wide enough for the number and its unit, every extractor gives
    them back on one line with their stop, and the text as written."""
    assert_kept_in_narrow_column(extractor, GLUED_BY_A_STOP[:4], tmp_path, monkeypatch)


# A number and its counter with no space, a no-break space, a thin or a narrow no-break
# space between them, in each language: each is kept as "2 viên" is at its space.
COUNTERS_BY_LANGUAGE = [
    ("Uống thuốc mỗi ngày {} sau bữa ăn sáng", "vi", "2", "viên"),
    ("Uống {} mỗi ngày sau bữa ăn", "vi", "2", "lần"),
    ("दवा को दिन में {} भोजन के बाद लें", "hi", "2", "बार"),
    ("दवा की {} भोजन के बाद लें", "hi", "2", "गोलियाँ"),
    ("Take the medicine {} after breakfast", "en", "2", "tablets"),
    ("تناول الدواء {} بعد الإفطار", "ar", "٢", "قرص"),
    ("รับประทานยาครั้งละ {}หลังอาหารเช้า", "th", "2", "เม็ด"),
    ("ກິນຢາຄັ້ງລະ {}ຫຼັງອາຫານເຊົ້າ", "lo", "2", "ເມັດ"),
    ("លេបថ្នាំម្តង {}ក្រោយអាហារពេលព្រឹក", "km", "២", "គ្រាប់"),
    ("ဆေးကို တစ်ကြိမ်လျှင် {} နံနက်စာပြီးမှ သောက်ပါ", "my", "၂", "ပြား"),
    ("每次服用{}，早饭后服用", "zh_Hans", "2", "片"),
    ("1回{}を朝食後に服用してください", "ja", "2", "錠"),
]
SPACES = {"none": "", "space": " ", "no-break": "\u00a0", "thin": "\u2009", "narrow": "\u202f"}


@pytest.mark.parametrize("space", list(SPACES))
@pytest.mark.parametrize(("template", "lang", "number", "counter"), COUNTERS_BY_LANGUAGE)
def test_a_counter_is_kept_whatever_space_parts_it_from_its_number(
    template: str, lang: str, number: str, counter: str, space: str
) -> None:
    """ "2 viên", "2बार", "2\u00a0tablets", "2\u2009เม็ด": wherever the line holds the
    number and its counter, they share it. Vietnamese "mỗi ngày 2 viên" (2 tablets
    every day) kept "ngày 2" as a date's day and printed "mỗi ngày 2" / "viên"."""
    group = number + SPACES[space] + counter
    text = template.format(group)
    need = widths(group, 10_000, lang)[0]
    for width in range(20, 140, 3):
        if need <= width:
            set_lines = lines(text, width, lang)
            assert any(group in line for line in set_lines), (width, set_lines)


# A number in words and what it counts where a space parts them, in a script written
# without hyphens: "में सौ" / "मिलीग्राम" left "a hundred" at the line's end, where
# 100 मिलीग्राम is kept. Latin letters are not: "two" / "tablets" reads on.
WORDS_WITH_SPACES = [
    ("दवा को दिन में सौ मिलीग्राम भोजन के बाद लें", "hi", "सौ मिलीग्राम"),
    ("दवा को दिन में दो बार भोजन के बाद लें", "hi", "दो बार"),
    ("दवा को दिन में डेढ़ सौ मिलीग्राम भोजन के बाद लें", "hi", "डेढ़ सौ मिलीग्राम"),
    ("تناول الدواء ثلاثة أقراص بعد الإفطار", "ar", "ثلاثة أقراص"),
]


@pytest.mark.parametrize(("text", "lang", "group"), WORDS_WITH_SPACES)
def test_a_number_in_words_keeps_its_unit_across_a_space(text: str, lang: str, group: str) -> None:
    """Hindi सौ मिलीग्राम, दो बार and Arabic ثلاثة أقراص share a line wherever it
    holds them."""
    need = widths(group, 10_000, lang)[0]
    for width in range(20, 160, 3):
        if need <= width:
            set_lines = lines(text, width, lang)
            assert any(group in line for line in set_lines), (width, set_lines)


def test_a_number_in_latin_words_may_end_a_line() -> None:
    """ "two" / "tablets" reads on, as English sets it: the words are no group."""
    from msc_leaflet.typeset.kept_groups import number_units

    assert number_units("Take two tablets after breakfast.", "en") == ()


# A unit written before its number (`before` in data/units.yaml): ICU ended a line
# after it, "ผู้ป่วยร้อย" / "ละ 50", "ຮ້ອຍລະ" / "50", "မိနစ်" / "၃၀": a share or a span
# of time whose number was on the next line.
UNITS_BEFORE = [
    ("ผู้ป่วยร้อยละ 50 มีอาการดีขึ้นหลังการรักษา", "th", "ร้อยละ 50"),
    ("ผู้ป่วยร้อยละ50มีอาการดีขึ้นหลังการรักษา", "th", "ร้อยละ50"),
    ("ຄົນເຈັບຮ້ອຍລະ 50 ມີອາການດີຂຶ້ນຫຼັງການປິ່ນປົວ", "lo", "ຮ້ອຍລະ 50"),
    ("ဆေးသောက်ပြီး မိနစ် ၃၀ စောင့်ပါ။", "my", "မိနစ် ၃၀"),
    ("ဆေးကို ရက် ၉၀ အတွင်း သောက်ပါ။", "my", "ရက် ၉၀"),
    ("约百分之五十的患者在治疗后好转。", "zh_Hans", "百分之五十"),
    # a number keeps the character after it (`segmentation.keeps_number`): 50的
    ("约百分之50的患者在治疗后好转。", "zh_Hans", "百分之50的"),
]


@pytest.mark.parametrize(("text", "lang", "group"), UNITS_BEFORE)
def test_a_unit_before_its_number_shares_its_line(text: str, lang: str, group: str) -> None:
    """Wherever a line holds a unit written before its number and the number, they
    share a line; no line ends with the unit while its number starts the next."""
    need = widths(group, 10_000, lang)[0]
    for width in range(20, 160, 3):
        set_lines = lines(text, width, lang)
        if need <= width:
            assert any(group in line for line in set_lines), (width, set_lines)


def test_a_unit_of_the_number_before_is_not_kept_with_the_next() -> None:
    """Burmese တစ်ရက် ၃ ကြိမ် is "three times a day": ရက် is the day of တစ်, and ၃
    counts its ကြိမ်, so a line may end after ရက် as after any count."""
    from msc_leaflet.typeset.kept_groups import kept_groups

    text = "ဆေးကို တစ်ရက် ၃ ကြိမ် သောက်ပါ။"
    assert not any(text[start:end].startswith("ရက် ") for start, end in kept_groups(text, "my"))


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf", "pdfminer", "pypdfium2"])
def test_a_unit_before_its_number_reads_whole_in_every_extractor(
    extractor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a column just wide enough for the unit and its number, every extractor gives
    them back on one line, and the text as written."""
    assert_kept_in_narrow_column(extractor, UNITS_BEFORE[:5], tmp_path, monkeypatch)


# A label, a currency's symbol or pH written before its number (`before-number` in
# data/keep-together.yaml; `all` for every language): "US$" / "20", "คือ ฿" / "500",
# "pH" / "7", "ອ່ານບົດ" / "ທີ" / "3" were printed, a price or a reading parted from
# what it says.
LABELS_BEFORE = [
    ("The fee is US$ 20 for each visit to the clinic.", "en", "US$ 20"),
    ("The fee is Rs. 500 for each visit to the clinic.", "en", "Rs. 500"),
    ("The fee is ₹ 500 for each visit to the clinic.", "en", "₹ 500"),
    ("The fee is ฿ 500 for each visit to the clinic.", "en", "฿ 500"),
    ("Keep the solution at pH 7 in the refrigerator.", "en", "pH 7"),
    ("ค่าบริการทั้งหมดคือ ฿ 500 ต่อครั้ง", "th", "฿ 500"),
    ("กรุณาอ่านบทที่ 3 ก่อนรับประทานยา", "th", "บทที่ 3"),
    ("ກະລຸນາອ່ານບົດທີ 3 ກ່ອນກິນຢາ", "lo", "ບົດທີ 3"),
    ("ຄ່າບໍລິການແມ່ນ US$ 20 ຕໍ່ຄັ້ງ", "lo", "US$ 20"),
    ("शुल्क ₹ 500 प्रति मुलाकात है।", "hi", "₹ 500"),
    ("शुल्क रु. 500 प्रति मुलाकात है।", "hi", "रु. 500"),
    # the number keeps the word after it: "No." / "5 be-" was the one cut left
    ("Please read item No. 5 before your visit today.", "en", "No. 5"),
    ("Please wait in Room 12 before your visit today.", "en", "Room 12"),
    ("ดูรายละเอียดเพิ่มเติมที่หน้า 12 ของเอกสารนี้", "th", "หน้า 12"),
    ("ថ្លៃសេវា US$ 20 ក្នុងមួយដង", "km", "US$ 20"),
    ("ဆေးခန်းခ US$ 20 ကျသင့်ပါသည်။", "my", "US$ 20"),
    ("Phí khám là US$ 20 mỗi lần.", "vi", "US$ 20"),
]


@pytest.mark.parametrize(("text", "lang", "group"), LABELS_BEFORE)
def test_a_symbol_or_label_before_its_number_shares_its_line(
    text: str, lang: str, group: str
) -> None:
    """Wherever a line holds a currency's symbol, pH or a chapter's label and the
    number after it, they share a line, in every language."""
    need = widths(group, 10_000, lang)[0]
    for width in range(20, 160, 3):
        set_lines = lines(text, width, lang)
        if need <= width:
            assert any(group in line for line in set_lines), (width, set_lines)


@pytest.mark.parametrize("text", ["Mrs 5 patients", "ApH 7 is no reading", "Ask Mrs. 5 questions"])
def test_a_symbol_inside_a_word_labels_nothing(text: str) -> None:
    """Rs and pH are labels only as words of their own: the rs of "Mrs", the pH of
    "ApH" keep nothing."""
    from msc_leaflet.typeset.kept_groups import kept_groups

    assert kept_groups(text, "en") == ()


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf", "pdfminer", "pypdfium2"])
def test_a_symbol_before_its_number_reads_whole_in_every_extractor(
    extractor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a column just wide enough for the symbol or label and its number, every
    extractor gives them back on one line, and the text as written."""
    assert_kept_in_narrow_column(
        extractor, (LABELS_BEFORE[0], LABELS_BEFORE[2], *LABELS_BEFORE[5:10]), tmp_path, monkeypatch
    )
