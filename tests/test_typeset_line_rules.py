"""The two rules `line_breaks` adds for printed lines (#21, items 2 and 3), tested directly.

* `keeps_number`: a number stays with the unit or word after it, a range with its ends.
* `keeps_syllable`: a break between two Thai characters falls between syllables
  (TCC plus the rules in ``typeset/syllables.py``).
"""

from __future__ import annotations

import pytest

from msc_leaflet.typeset.segmentation import keeps_number, keeps_syllable, line_breaks


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
    ],
)
def test_no_thai_break_inside_a_syllable(marked: str) -> None:
    assert not keeps_syllable(*cut(marked))


@pytest.mark.parametrize(
    "marked",
    # Not "งด|อาหาร": rule 4 keeps two bare consonants before a consonant together, and
    # refuses this real boundary too (a lost opportunity, never a misprint).
    ["อา|หาร", "ชั่ว|โมง", "จำ|เป็น", "ยาเมต|ฟอร์มิน", "แอล|ดีแอล", "ครี|เอตินีน", "ฐิติ|รัตน์"],
)
def test_thai_breaks_between_syllables_stay(marked: str) -> None:
    assert keeps_syllable(*cut(marked))


def test_breaks_outside_thai_are_not_judged_as_syllables() -> None:
    assert keeps_syllable(*cut("Fasting |งดอาหาร"))
    assert keeps_syllable(*cut("LDL|แอลดีแอล"))
